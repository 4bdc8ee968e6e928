"""Write N synthetic notes shaped like the sample note, for the parse benchmark.

    python benchmarks/gen_corpus.py N OUT [--newline lf|crlf|cr|mixed] [--frontmatter-lines K] [--bytes B]

Each note is about 19 KB of Japanese and English text: YAML frontmatter, ``##``-``####`` headings, paragraphs,
bullets nested two deep, ``term: definition`` lines (ASCII and full-width colons), bold words inside sentences,
ordered lists, the odd code block, empty and thin sections. The same N always gives the same files (fixed
seed), so runs can be compared. 2,000 notes make about 38 MB.

``--newline`` writes Windows (``crlf``) or old Mac (``cr``) line ends; ``mixed`` gives every fifth note CRLF,
like a folder of blog posts written on several machines. ``--frontmatter-lines K`` adds K more metadata lines
(description, categories, aliases…) as blog posts have. ``--bytes`` sets the size of a note.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

TARGET_BYTES = 17_200

KANJI_WORDS = (
    "開発 運用 設計 実装 検証 自動化 監視 構成 管理 権限 認証 暗号化 可用性 拡張性 耐障害性 冗長化 性能 "
    "負荷 分散 通知 配信 変換 集計 分析 学習 推論 移行 更新 削除 作成 参照 登録 公開 共有 保存 復元 "
    "環境 基盤 仕組み 手順 概要 背景 課題 要件 制約 判断 選択 比較 評価 改善 効率 費用 課金 契約"
).split()
KATAKANA_WORDS = (
    "コンテナ サーバ クラスタ タスク サービス リソース テンプレート スタック パイプライン デプロイ "
    "ロールバック スケーリング キャッシュ ストリーム イベント トリガー レイテンシー スループット "
    "パーティション インデックス クエリ スキーマ バケット ポリシー ロール ネットワーク セキュリティ "
    "モニタリング ダッシュボード アラーム ログ メトリクス トレース テスト シェル スクリプト"
).split()
PRODUCTS = (
    "AWS Lambda|Amazon S3|Amazon DynamoDB|AWS Fargate|Amazon ECS|Amazon EKS|AWS CDK|AWS CloudFormation|"
    "Terraform|Amazon RDS|Aurora|API Gateway|CloudWatch|AWS IAM|Amazon VPC|Elastic Load Balancing|"
    "AWS Step Functions|Amazon SQS|Amazon SNS|Kinesis|CodeBuild|CodePipeline|GitHub Actions|Docker|"
    "Kubernetes|Redis|Elasticsearch|SageMaker|Chalice|Serverless Framework"
).split("|")
PARTICLES = ("を", "に", "で", "が", "は", "と", "の", "から", "まで", "より")
ENDINGS = (
    "できる。",
    "する必要がある。",
    "が重要。",
    "を考慮する。",
    "が簡単になる。",
    "に対応している。",
    "を減らせる。",
    "がポイント。",
    "を使っている。",
    "が提供されている。",
    "と連携できる。",
    "は注意が必要。",
)
HEADINGS = (
    "の基本",
    "のベストプラクティス",
    "の使い方",
    "の特徴",
    "とは？",
    "の背景",
    "の注意点",
    "の設計",
    "の運用",
    "のテスト",
    "のまとめ",
    "の比較",
    "の導入",
    "を振り返る",
)


def word(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.4:
        return rng.choice(KANJI_WORDS)
    if r < 0.8:
        return rng.choice(KATAKANA_WORDS)
    return rng.choice(PRODUCTS)


def phrase(rng: random.Random, n: int) -> str:
    parts = []
    for _ in range(n):
        parts.append(word(rng) + rng.choice(PARTICLES))
    return "".join(parts)


def sentence(rng: random.Random, lo: int = 3, hi: int = 7) -> str:
    text = phrase(rng, rng.randint(lo, hi)) + word(rng) + rng.choice(ENDINGS)
    if rng.random() < 0.15:
        text = text.replace("。", "（" + word(rng) + "、" + word(rng) + "など）。", 1)
    return text


def term(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return rng.choice(PRODUCTS)
    if r < 0.8:
        return word(rng) + word(rng)
    return f"{rng.choice(KATAKANA_WORDS)}({rng.choice(['create', 'run', 'register', 'update'])})"


def bullet_block(rng: random.Random) -> list[str]:
    lines = []
    for _ in range(rng.randint(2, 7)):
        r = rng.random()
        if r < 0.35:
            colon = ": " if rng.random() < 0.7 else "："
            lines.append(f"- {term(rng)}{colon}{sentence(rng, 2, 5)}")
        elif r < 0.45:
            lines.append(f"- **{rng.choice(PRODUCTS)}**{sentence(rng, 2, 5)}")
        else:
            lines.append(f"- {sentence(rng)}")
        if rng.random() < 0.2:
            for _ in range(rng.randint(1, 3)):
                lines.append(f"  - {sentence(rng, 1, 4)}")
    return lines


def section_body(rng: random.Random) -> list[str]:
    out: list[str] = []
    r = rng.random()
    if r < 0.04:
        return out  # an empty section
    if r < 0.08:
        return [rng.choice(PRODUCTS) + ", " + rng.choice(PRODUCTS), ""]  # a thin one
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        if kind < 0.3:
            out.extend([sentence(rng), sentence(rng)] if rng.random() < 0.5 else [sentence(rng)])
        elif kind < 0.55:
            out.append(rng.choice(PRODUCTS) if rng.random() < 0.6 else phrase(rng, 1) + word(rng))
            out.append("")
            out.extend(bullet_block(rng))
        elif kind < 0.8:
            out.extend(bullet_block(rng))
        elif kind < 0.88:
            for i in range(rng.randint(2, 4)):
                out.append(f"{i + 1}. {sentence(rng, 2, 4)}")
        elif kind < 0.95:
            out.append(f"**{rng.choice(PRODUCTS)}** は、{sentence(rng)}")
        else:
            out.extend(["```sh", f"aws {rng.choice(['ecs', 's3', 'lambda'])} list --region ap-northeast-1", "```"])
        out.append("")
    return out


def extra_frontmatter(rng: random.Random, k: int) -> list[str]:
    """K more lines of the metadata blog engines write: scalars, a folded text, a list of categories."""
    out: list[str] = []
    while len(out) < k:
        r = len(out) % 5
        if r == 0:
            out.append(f'description: "{sentence(rng, 2, 4)}"')
        elif r == 1:
            out.append(f"slug: post-{rng.randrange(10**6)}")
        elif r == 2:
            out += ["categories:", f"  - {rng.choice(PRODUCTS)}"]
        elif r == 3:
            out.append(f"draft: {rng.choice(['false', 'true'])}")
        else:
            out.append(f"author: {rng.choice(KATAKANA_WORDS)}")
    return out[:k]


def note(rng: random.Random, n: int, frontmatter_lines: int = 0, target: int = TARGET_BYTES) -> str:
    lines = [
        "---",
        f'title: "AWS DevDay {2015 + n % 10} Day{1 + n % 3} ({n})"',
        f'date: "{2015 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d}"',
        "tags:",
        "  - AWS",
        "  - Conference",
    ]
    if rng.random() < 0.3:
        lines.append("  - WIP")
    lines += extra_frontmatter(rng, frontmatter_lines)
    lines += ["---", ""]
    size = sum(len(x.encode()) + 1 for x in lines)
    while size < target:
        block = [f"## {rng.choice(PRODUCTS)}{rng.choice(HEADINGS)}", ""]
        block += section_body(rng)
        for _ in range(rng.randint(1, 4)):
            block += [f"### {word(rng)}{rng.choice(HEADINGS)}", ""]
            block += section_body(rng)
            if rng.random() < 0.3:
                block += [f"#### {word(rng)}{rng.choice(HEADINGS)}", ""]
                block += section_body(rng)
        lines += block
        size += sum(len(x.encode()) + 1 for x in block)
    return "\n".join(lines) + "\n"


NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


def write_corpus(
    count: int, out: Path, newline: str = "lf", frontmatter_lines: int = 0, target: int = TARGET_BYTES
) -> int:
    """Write ``count`` notes to ``out``; return the bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20191003)
    total = 0
    for i in range(count):
        text = note(rng, i, frontmatter_lines, target)
        end = NEWLINES.get(newline, "\r\n" if i % 5 == 0 else "\n")  # "mixed": every fifth note CRLF
        data = text.replace("\n", end).encode("utf-8")
        (out / f"note-{i:05d}.md").write_bytes(data)
        total += len(data)
    return total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--newline", choices=[*NEWLINES, "mixed"], default="lf")
    parser.add_argument("--frontmatter-lines", type=int, default=0)
    parser.add_argument("--bytes", type=int, default=TARGET_BYTES)
    args = parser.parse_args(argv)
    total = write_corpus(args.count, args.out, args.newline, args.frontmatter_lines, args.bytes)
    print(f"wrote {args.count} notes, {total / 1e6:.1f} MB, to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
