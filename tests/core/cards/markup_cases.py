"""End-to-end examples for the markup and plain-text rules: a note snippet, and the cards a learner should get.

Plain data, to be turned into parser tests. Each case has:

- ``name``: what it shows;
- ``rule``: the rule it covers (``3.x``/``4.x``: the bullet of "Japanese plain-text habits" or "Markup that is not
  the note's text", in order);
- ``note``: the note's text (no frontmatter; the note's title is "n");
- ``expect``: cards that must be made, each ``{"kind", "front", "back"}``. ``back`` is a string for a definition
  or cloze, and a list for a list card: an item is a string, or ``(text, [children])`` when it has sub-items.
  ``kind`` ``"list"`` stands for any list kind (list or label-list); the front of a list card is the subject and
  `` — N points``;
- ``only`` (default False): True when no other card may be made;
- ``never``: strings that must not appear in any card's front or back.

Fronts are given without the breadcrumb, which a card carries separately.
"""

from __future__ import annotations

#: Markup that must never reach a card, whatever the note.
LEFTOVER_MARKUP = ("<img", "<br", "<!--", "-->", "{{<", "{{%", "{% ", "%%", "![[", "[[", "]]", ":::", "](")

CASES: list[dict] = [
    # --- 3. Japanese plain-text habits ------------------------------------------------------------------------
    {
        "name": "full-width spaces indent sub-bullets under ・ bullets",
        "rule": "3.1",
        "note": "## ストレージ\n・S3\n\u3000・オブジェクトストレージ\n\u3000・容量は無制限\n・EBS\n\u3000・ブロックストレージ\n",
        "expect": [
            {"kind": "list", "front": "S3 — 2 points", "back": ["オブジェクトストレージ", "容量は無制限"]},
            {"kind": "definition", "front": "EBS", "back": "ブロックストレージ"},
            {"kind": "list", "front": "ストレージ — 2 points", "back": ["S3", "EBS"]},
        ],
        "never": ("・", "\u3000"),
    },
    {
        "name": "a line indented by a full-width space right under a ・ bullet is a point of its own",
        "rule": "3.1",
        "note": "## 障害回復\n・復旧の方法\n\u3000ロールバック＝開始前の状態に戻す\n\u3000ロールフォワード＝障害直前まで戻す\n",
        "expect": [
            {"kind": "definition", "front": "ロールバック", "back": "開始前の状態に戻す"},
            {"kind": "definition", "front": "ロールフォワード", "back": "障害直前まで戻す"},
            {
                "kind": "list",
                "front": "復旧の方法 — 2 points",
                "back": ["ロールバック＝開始前の状態に戻す", "ロールフォワード＝障害直前まで戻す"],
            },
        ],
        "never": ("ロールバック＝開始前の状態に戻すロールフォワード",),
    },
    {
        "name": "・ bullets make a list card, with no ・ left in the items",
        "rule": "3.2",
        "note": "## Lambda の利点\n・サーバー管理が不要\n・ リクエスト単位の課金\n・自動でスケール\n",
        "expect": [
            {
                "kind": "list",
                "front": "Lambda の利点 — 3 points",
                "back": ["サーバー管理が不要", "リクエスト単位の課金", "自動でスケール"],
            },
        ],
        "never": ("・",),
        "only": True,
    },
    {
        "name": "-item and －item with no space are bullets; ---, --flag, -1 and -> are not",
        "rule": "3.2",
        "note": (
            "## CLI の使い方\n"
            "-認証情報はプロファイルで切り替える\n"
            "－リージョンは --region で選ぶ\n"
            "\n"
            "--dry-run は権限だけを確かめる。\n"
            "-1 は失敗を表す。\n"
        ),
        "expect": [
            {
                "kind": "list",
                "front": "CLI の使い方 — 2 points",
                "back": ["認証情報はプロファイルで切り替える", "リージョンは --region で選ぶ"],
            },
        ],
        "never": ("－",),
    },
    {
        "name": "・・・ separates a term from its definition",
        "rule": "3.3",
        "note": "## 用語\n・S3・・・オブジェクトストレージ\n・EBS・・・EC2 にアタッチするブロックストレージ\n",
        "expect": [
            {"kind": "definition", "front": "S3", "back": "オブジェクトストレージ"},
            {"kind": "definition", "front": "EBS", "back": "EC2 にアタッチするブロックストレージ"},
        ],
        "never": ("・・・",),
    },
    {
        "name": "… and ＝ separate a term from its definition",
        "rule": "3.3",
        "note": "## 用語\n- RTO … 復旧までに許される時間\n- RPO＝失ってよいデータの時間幅\n",
        "expect": [
            {"kind": "definition", "front": "RTO", "back": "復旧までに許される時間"},
            {"kind": "definition", "front": "RPO", "back": "失ってよいデータの時間幅"},
        ],
    },
    {
        "name": "' = ', ' - ' and ' — ' separate a short English term from its definition",
        "rule": "3.3",
        "note": (
            "## EBS volume types\n"
            "- gp3 - general purpose SSD, IOPS set apart from size\n"
            "- io2 — provisioned IOPS SSD for databases\n"
            "- st1 = throughput optimised HDD\n"
        ),
        "expect": [
            {"kind": "definition", "front": "gp3", "back": "general purpose SSD, IOPS set apart from size"},
            {"kind": "definition", "front": "io2", "back": "provisioned IOPS SSD for databases"},
            {"kind": "definition", "front": "st1", "back": "throughput optimised HDD"},
        ],
    },
    {
        "name": "prose with a dash is never cut: the part before it is too long to be a term",
        "rule": "3.3",
        "note": (
            "## Keynote\n"
            "- The speaker showed how the whole deployment pipeline works - from commit to production in minutes\n"
            "- Every team owns its service end to end - including on-call\n"
        ),
        "expect": [
            {
                "kind": "list",
                "front": "Keynote — 2 points",
                "back": [
                    "The speaker showed how the whole deployment pipeline works - from commit to production in minutes",
                    "Every team owns its service end to end - including on-call",
                ],
            },
        ],
        "only": True,
    },
    {
        "name": "a time range with a dash is not a term and its definition",
        "rule": "3.3",
        "note": "## Track A\n- 14:00 - 14:45 コンテナ入門\n- 15:00 - 15:45 サーバーレス入門\n",
        "expect": [
            {
                "kind": "list",
                "front": "Track A — 2 points",
                "back": ["14:00 - 14:45 コンテナ入門", "15:00 - 15:45 サーバーレス入門"],
            },
        ],
        "only": True,
    },
    {
        "name": "a leading ・ never stays in a label or a term",
        "rule": "3.4",
        "note": "## ネットワーク\n### ・VPC の構成要素\n- サブネット\n- ルートテーブル\n- ・NAT：プライベートサブネットから外に出る\n",
        "expect": [
            {
                "kind": "list",
                "front": "VPC の構成要素 — 3 points",
                "back": ["サブネット", "ルートテーブル", "NAT：プライベートサブネットから外に出る"],
            },
            {"kind": "definition", "front": "NAT", "back": "プライベートサブネットから外に出る"},
        ],
        "never": ("・",),
    },
    {
        "name": "<br> inside a paragraph breaks the line",
        "rule": "3.5",
        "note": "## CloudFront\nCloudFront：CDN サービス<br>エッジロケーションでキャッシュする<br>\n",
        "expect": [
            {"kind": "definition", "front": "CloudFront", "back": "CDN サービス\nエッジロケーションでキャッシュする"},
        ],
        "never": ("<br",),
    },
    # --- 4. Markup that is not the note's text --------------------------------------------------------------------
    {
        "name": "an image bullet does not open a raw-HTML block that swallows the nested list after it",
        "rule": "4.1",
        "note": (
            '## 構成図\n- 全体像\n  - <img src="arch.png" width="400">\n  - ALB の後ろに ECS\n  - RDS はマルチ AZ\n'
        ),
        "expect": [
            {"kind": "list", "front": "全体像 — 2 points", "back": ["ALB の後ろに ECS", "RDS はマルチ AZ"]},
        ],
        "never": ("<img", "arch.png"),
    },
    {
        "name": "<img>, HTML comments and other tags are dropped from card text; the text inside a tag stays",
        "rule": "4.2",
        "note": (
            "## IAM\n"
            "- <b>IAM ロール</b>: 一時的な認証情報を渡す <!-- 後で図を足す --> 仕組み\n"
            '- ポリシー：<span style="color:red">JSON</span> で書く <img src="p.png">\n'
        ),
        "expect": [
            {"kind": "definition", "front": "IAM ロール", "back": "一時的な認証情報を渡す 仕組み"},
            {"kind": "definition", "front": "ポリシー", "back": "JSON で書く"},
        ],
        "never": ("<", ">", "後で図を足す"),
    },
    {
        "name": "Hugo shortcodes are dropped; a paired shortcode keeps its contents; highlight is code",
        "rule": "4.3",
        "note": (
            "## Fargate\n"
            "{{< notice info >}}\n"
            "Fargate: サーバーを管理せずにコンテナを動かせる\n"
            "{{< /notice >}}\n"
            "\n"
            "{{< highlight yaml >}}\n"
            "Resources: 1\n"
            "{{< /highlight >}}\n"
            "\n"
            '詳しくは {{< ref "ecs.md" >}} を参照\n'
        ),
        "expect": [
            {"kind": "definition", "front": "Fargate", "back": "サーバーを管理せずにコンテナを動かせる"},
        ],
        "only": True,
        "never": ("{{", "notice", "Resources"),
    },
    {
        "name": "Jekyll tags are dropped; highlight … endhighlight is code; an unclosed {% is text",
        "rule": "4.3",
        "note": (
            "## Fargate\n"
            "{% raw %}Fargate: サーバーを管理せずにコンテナを動かせる{% endraw %}\n"
            "\n"
            "{% highlight yaml %}\n"
            "Resources: 1\n"
            "{% endhighlight %}\n"
            "\n"
            "- lock_wp.sh: {% gist 8809515 lock_wp.sh %}\n"
            "- 進捗: 100{%達成\n"
        ),
        "expect": [
            {"kind": "definition", "front": "Fargate", "back": "サーバーを管理せずにコンテナを動かせる"},
            {"kind": "definition", "front": "進捗", "back": "100{%達成"},
        ],
        "never": ("{% raw", "highlight", "Resources", "gist", "lock_wp"),
    },
    {
        "name": "inline math with LaTeX commands reads as plain text; a price is text",
        "rule": "4.2",
        "note": (
            "## Mapping\n"
            "- Strong entity: for each strong entity type $\\textcolor{red}{E}$, create a relation $\\mathbf{R}$\n"
            "- Harmonic mean: $$\\frac{1}{H}=\\frac{1}{n}\\sum\\frac{1}{Y}$$\n"
            "- 料金: $1/月/キー、API 呼び出しは $0.03\n"
            "- Sorting: `$\\alpha$` stays as code, $O(n \\log n)$ comparisons\n"
        ),
        "expect": [
            {
                "kind": "definition",
                "front": "Strong entity",
                "back": "for each strong entity type E, create a relation R",
            },
            {"kind": "definition", "front": "Harmonic mean", "back": "1/H=1/nΣ1/Y"},
            {"kind": "definition", "front": "料金", "back": "$1/月/キー、API 呼び出しは $0.03"},
            {"kind": "definition", "front": "Sorting", "back": "$\\alpha$ stays as code, O(n log n) comparisons"},
        ],
        "never": ("textcolor", "\\frac", "mathbf"),
    },
    {
        "name": "a Zenn :::message block is read as blocks: its list makes a card",
        "rule": "4.4",
        "note": (
            "## 注意点\n"
            "\n"
            ":::message alert\n"
            "コールドスタートを減らすには\n"
            "- プロビジョニング済み同時実行\n"
            "- パッケージを小さくする\n"
            ":::\n"
        ),
        "expect": [
            {
                "kind": "list",
                "front": "コールドスタートを減らすには — 2 points",
                "back": ["プロビジョニング済み同時実行", "パッケージを小さくする"],
            },
        ],
        "only": True,
        "never": (":::", "alert"),
    },
    {
        "name": "a Zenn :::details title is the question and its contents the answer",
        "rule": "4.4",
        "note": "## 問題\n\n:::details SQS の可視性タイムアウトとは\n受信したメッセージが他から見えなくなる時間\n:::\n",
        "expect": [
            {
                "kind": "definition",
                "front": "SQS の可視性タイムアウトとは",
                "back": "受信したメッセージが他から見えなくなる時間",
            },
        ],
        "never": (":::", "details"),
    },
    {
        "name": "Docusaurus admonitions with and without a title",
        "rule": "4.4",
        "note": (
            "## DynamoDB\n"
            "\n"
            ":::tip[キー設計]\n"
            "- パーティションキーは偏らない値にする\n"
            "- ソートキーで範囲検索する\n"
            ":::\n"
            "\n"
            ":::note\n"
            "GSI：別のキーで引くためのインデックス\n"
            ":::\n"
        ),
        "expect": [
            {
                "kind": "list",
                "front": "キー設計 — 2 points",
                "back": ["パーティションキーは偏らない値にする", "ソートキーで範囲検索する"],
            },
            {"kind": "definition", "front": "GSI", "back": "別のキーで引くためのインデックス"},
        ],
        "never": (":::", "[キー設計]"),
    },
    {
        "name": "::: inside a code fence is code, and code makes no card",
        "rule": "4.4",
        "note": "## Zenn の書き方\n```markdown\n:::message\n・本文: ここに書く\n:::\n```\n",
        "expect": [],
        "only": True,
    },
    {
        "name": "Obsidian links show their page, alias or page › heading",
        "rule": "4.5",
        "note": (
            "## 関連\n"
            "- [[Amazon S3]]: [[Storage classes|ストレージクラス]] を選べる\n"
            "- 復習: [[AWS Lambda#コールドスタート]]\n"
        ),
        "expect": [
            {"kind": "definition", "front": "Amazon S3", "back": "ストレージクラス を選べる"},
            {"kind": "definition", "front": "復習", "back": "AWS Lambda › コールドスタート"},
        ],
        "never": ("[[", "]]", "|"),
    },
    {
        "name": "Obsidian embeds and %% comments are dropped",
        "rule": "4.5",
        "note": (
            "## Step Functions\n"
            "![[state-machine.png]]\n"
            "%% 図は後で差し替え %%\n"
            "%%\n"
            "- 下書き: 消したメモ\n"
            "%%\n"
            "- Standard: 最長 1 年、正確に 1 回\n"
            "- Express: 最長 5 分、少なくとも 1 回\n"
        ),
        "expect": [
            {"kind": "definition", "front": "Standard", "back": "最長 1 年、正確に 1 回"},
            {"kind": "definition", "front": "Express", "back": "最長 5 分、少なくとも 1 回"},
        ],
        "never": ("state-machine", "差し替え", "下書き", "%%"),
    },
    {
        "name": "a link shows its text",
        "rule": "4.6",
        "note": "## 資料\n- Well-Architected: [6 つの柱](https://aws.amazon.com/architecture/well-architected/) で設計を見直す\n",
        "expect": [
            {"kind": "definition", "front": "Well-Architected", "back": "6 つの柱 で設計を見直す"},
        ],
        "never": ("](", "https://"),
    },
    {
        "name": "no split at a colon inside link text, inline code or a URL",
        "rule": "4.6",
        "note": (
            "## メモ\n"
            "- [Re:Invent 2019: Keynote](https://example.com/keynote) の要点\n"
            "- `aws s3 cp s3://bucket/key .` でダウンロードする\n"
            "- https://docs.aws.amazon.com/ja_jp/lambda/ を読む\n"
        ),
        "expect": [
            {
                "kind": "list",
                "front": "メモ — 3 points",
                "back": [
                    "Re:Invent 2019: Keynote の要点",
                    "aws s3 cp s3://bucket/key . でダウンロードする",
                    "https://docs.aws.amazon.com/ja_jp/lambda/ を読む",
                ],
            },
        ],
        "never": ("](",),
    },
]
