"""Cards from the sample note, a progress store double that records calls, and a host screen for TypedAnswer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from devday_tui.core.answer import expected_answers
from devday_tui.core.model import CLOZE_BLANK, Card, Deck, DeckSettings, Item, Note
from devday_tui.core.scheduling import CardProgress, ReviewRecord
from devday_tui.progress_store import Answer, ExamStore
from devday_tui.widgets.typed_answer import TypedAnswer

NOTE = Path("notes/2019-10-03-aws-devday-day1.md")
DECK_FILE = Path("decks/aws-devday.md")
TITLE = "AWS DevDay 2019 Day1"


def _card(
    n: int,
    kind: str,
    front: str,
    back: str | tuple[Item, ...],
    context: tuple[str, ...],
    *,
    answers: tuple[str, ...] = (),
    note_key: str = "day1",
    path: Path = NOTE,
) -> Card:
    title = TITLE if note_key == "day1" else "AWS DevDay 2019"  # a deck's own cards belong to the deck file
    return Card(
        id=f"card{n:02d}",
        kind=kind,
        front=front,
        back=back,
        context=(title, *context),
        note_key=note_key,
        note_title=title,
        path=path,
        line=10 + n,
        section_id=f"{note_key}#{'/'.join(context)}",
        answers=answers,
    )


def sample_cards() -> list[Card]:
    general = ("ゼネラルセッション", "AWS の中の人の話")
    fargate = ("第 1 回 AWS Fargate かんたんデプロイ選手権", "Fargate CLI")
    dynamo = ("40 分でわかる DynamoDB での App 開発", "CI をどうするか？")
    cdk = (
        "ソフトウェア開発者のための AWS 環境構築フレームワーク AWS Cloud Development Kit (CDK)",
        "AWS CDK の使い方",
        "使い方",
    )
    return [
        _card(1, "definition", "AWS Lambda", "サーバレス", general),
        _card(2, "definition", "AWS Fargate EKS ECS", "コンテナ技術", general),
        _card(3, "definition", "ML サービス（SageMaker）", "機械学習を行うための環境を提供。", general),
        _card(
            4,
            "cloze",
            f"{CLOZE_BLANK}というローカル環境でテストすることができるツールも提供されている",
            "DynamoDB localというローカル環境でテストすることができるツールも提供されている",
            dynamo,
            answers=("DynamoDB local",),
        ),
        _card(
            5,
            "list",
            "CLI ツールは２つある。",
            (Item("awslabs/fargatecli"), Item("turnerlabs/fargate: こっちのほうが運用向き？")),
            fargate,
        ),
        _card(
            6,
            "sequence",
            "使い方",
            (
                Item("cdk bootstrap"),
                Item("まずは、cdk init で、サンプルコードをダウンロードできる。"),
                Item("デプロイ：cdk build, cdk synth, cdk deploy"),
            ),
            cdk,
        ),
        _card(
            7,
            "explicit",
            "Fargate の起動タイプで、EC2 インスタンスの管理は誰がする？",
            "AWS が管理する（ユーザは EC2 インスタンスを選ばない）",
            (),
            note_key="deck",
            path=DECK_FILE,
        ),
        _card(8, "explicit", "CDK", "AWS Cloud Development Kit", (), note_key="deck", path=DECK_FILE),
        _card(9, "definition", "[bold]x[/] a [/] b [@click=app.quit]", "[red]literal[/red]", general),
    ]


def sample_deck(cards: list[Card] | None = None) -> Deck:
    cards = sample_cards() if cards is None else cards
    day1 = Note(
        path=NOTE,
        key="day1",
        title=TITLE,
        tags=("AWS", "Conference", "WIP"),
        cards=[c for c in cards if c.note_key == "day1"],
    )
    deck_note = Note(
        path=DECK_FILE, key="deck", title="AWS DevDay 2019", cards=[c for c in cards if c.note_key == "deck"]
    )
    return Deck(
        key="aws-devday",
        title="AWS DevDay 2019",
        path=DECK_FILE,
        settings=DeckSettings(),
        notes=[day1, deck_note],
        cards=cards,
    )


def Progress(  # noqa: N802 - stands in for a class: the exam tests build stored progress with it
    card_id: str,
    state: str = "review",
    stability: float | None = 5.0,
    difficulty: float | None = 5.0,
    due: datetime | None = None,
    lapses: int = 0,
    suspended: bool = False,
    leech: bool = False,
) -> CardProgress:
    """A card's stored progress, as the store keeps it: a card in review unless told otherwise."""
    return CardProgress(
        card_id,
        state=state,
        stability=stability,
        difficulty=difficulty,
        due=due,
        lapses=lapses,
        suspended=suspended,
        leech=leech,
    )


@dataclass
class FakeStore:
    """Records what the exam screens ask of the progress store (an ``ExamStore``, checked by mypy below)."""

    progress_by_id: dict[str, CardProgress] = field(default_factory=dict)
    read_only: bool = False
    fail_record: bool = False
    exams_recorded: list[tuple[dict[str, Any], datetime]] = field(default_factory=list)
    #: (card id, rating, time, {"duration": …, "settings": …}) of each answer.
    answers: list[tuple[str, int, datetime, dict[str, Any]]] = field(default_factory=list)
    made_due: list[tuple[str, datetime]] = field(default_factory=list)

    def progress(self, card_id: str) -> CardProgress | None:
        return self.progress_by_id.get(card_id)

    def record_exam(self, result: Mapping[str, Any], now: datetime) -> str:
        if self.fail_record:
            raise OSError(28, "No space left on device")
        self.exams_recorded.append((dict(result), now))
        return f"exam-{len(self.exams_recorded)}"

    def answer(self, card_id: str, rating: int, now: datetime, *, duration: float, settings: DeckSettings) -> Answer:
        self.answers.append((card_id, int(rating), now, {"duration": duration, "settings": settings}))
        before = self.progress_by_id.get(card_id)
        review = ReviewRecord(
            id=f"review-{len(self.answers)}",
            card_id=card_id,
            rating=int(rating),
            reviewed_at=now,
            duration=duration,
            device_id="fake",
            state_before=before.state if before is not None else "new",
            desired_retention=settings.desired_retention,
        )
        return Answer(review=review, before=before, after=before or CardProgress(card_id), became_leech=False)

    def make_due(self, card_id: str, now: datetime) -> CardProgress:
        self.made_due.append((card_id, now))
        return replace(self.progress_by_id.get(card_id) or CardProgress(card_id), due=now, suspended=False)


#: mypy checks here that the exam screens can be given a ``FakeStore`` (see the Makefile's ``lint``).
_FAKE_IS_AN_EXAM_STORE: type[ExamStore] = FakeStore


class TypedHost(Screen[None]):
    """A card's front with a TypedAnswer under it, collecting the widget's messages."""

    def __init__(self, card: Card, *, check_on_submit: bool = True) -> None:
        super().__init__()
        self.card = card
        self.check_on_submit = check_on_submit
        self.messages: list[Any] = []

    def compose(self) -> ComposeResult:
        from textual.content import Content

        yield Static(Content(self.card.front), id="front")
        yield TypedAnswer(expected_answers(self.card), check_on_submit=self.check_on_submit, id="answer")

    def on_mount(self) -> None:
        self.query_one(TypedAnswer).focus()

    def on_typed_answer_changed(self, event: TypedAnswer.Changed) -> None:
        self.messages.append(event)

    def on_typed_answer_checked(self, event: TypedAnswer.Checked) -> None:
        self.messages.append(event)

    def on_typed_answer_submitted(self, event: TypedAnswer.Submitted) -> None:
        self.messages.append(event)
