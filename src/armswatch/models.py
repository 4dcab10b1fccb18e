"""Typed records that flow one way through the pipeline.

ingest yields RawDocument, clean turns it into Document, find adds Mention
lists, extract yields Event, and the pipeline bundles them in ArticleResult.
All are frozen so a later stage can never change what an earlier one saw.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Stage = Literal["interest", "agreement", "delivery", "deployment", "cancellation"]
STAGES: tuple[Stage, ...] = ("interest", "agreement", "delivery", "deployment", "cancellation")

CATEGORIES: tuple[str, ...] = (
    "aircraft",
    "air-defence-system",
    "anti-submarine-warfare",
    "armoured-vehicle",
    "artillery",
    "engine",
    "missile",
    "naval-weapon",
    "satellite",
    "sensor",
    "ship",
    "other",
)

MentionKind = Literal["state", "actor", "company", "system", "generic"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input article as read, before any cleaning."""

    id: str
    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_is_file_date: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) into Document.text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """An article's text with the spans of its main prose and its metadata.

    The text is kept whole, so evidence offsets point into what the user gave;
    `body` lists the paragraphs that clean judged to be the article itself.
    """

    id: str
    text: str
    body: tuple[Span, ...]
    url: str | None
    published: dt.date | None
    title: str | None = None
    site: str | None = None
    # Where each day of a live blog begins (empty for other pages): its entries
    # date their undated acts to that day.
    live_days: tuple[tuple[int, dt.date], ...] = ()
    # The day a wire dateline says the report was filed, a day or so before it was
    # published: what "today" and "on Tuesday" in it count from.
    filed: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its offsets into Document.text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A knowledge-base entity found in a sentence (offsets are sentence-local)."""

    start: int
    end: int
    text: str
    kind: MentionKind
    key: str
    category: str | None = None
    origin: str | None = None
    role_hint: str | None = None


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why an event was reported: the words that produced it (`extract --explain`)."""

    trigger: str
    system_mention: str
    parties: tuple[str, ...]

    def to_dict(self, rules: tuple[str, ...]) -> dict[str, object]:
        """The explanation as printed, with the rules that fired."""
        return {
            "trigger": self.trigger,
            "system_mention": self.system_mention,
            "parties": list(self.parties),
            "rules": list(rules),
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One arms-transfer or deployment event, in the SCHEMA.md output contract."""

    supplier: str | None
    recipient: str | None
    system: str | None
    category: str
    quantity: int | None
    quantity_text: str | None
    stage: Stage
    event_date: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    rules: tuple[str, ...] = field(default=())
    explanation: Explanation | None = None

    def to_dict(self, *, explain: bool = False) -> dict[str, object]:
        """Return the SCHEMA.md fields plus offsets and confidence (and why, if asked)."""
        record = self._fields()
        if explain and self.explanation is not None:
            record["explain"] = self.explanation.to_dict(self.rules)
        return record

    def _fields(self) -> dict[str, object]:
        return {
            "supplier": self.supplier,
            "recipient": self.recipient,
            "system": self.system,
            "category": self.category,
            "quantity": self.quantity,
            "quantity_text": self.quantity_text,
            "stage": self.stage,
            "event_date": self.event_date,
            "evidence": self.evidence,
            "evidence_start": self.evidence_start,
            "evidence_end": self.evidence_end,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What the pipeline reports for one article."""

    id: str
    url: str | None
    published: dt.date | None
    events: tuple[Event, ...]
    content_hash: str
    title: str | None = None
    site: str | None = None

    def to_dict(self, *, explain: bool = False) -> dict[str, object]:
        """Return the per-article record `armswatch extract` writes."""
        return {
            "id": self.id,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "events": [event.to_dict(explain=explain) for event in self.events],
        }


DealKind = Literal["transfer", "deployment"]


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as stored, with its source: what deal resolution reads.

    `family` is the system's family (`armswatch.find.designations.family_of`),
    None for a generic mention ("air defence systems").
    """

    event_id: int
    document_id: int
    url: str | None
    title: str | None
    published: str | None
    supplier: str | None
    recipient: str | None
    system: str | None
    family: str | None
    category: str
    stage: Stage
    quantity: int | None
    quantity_text: str | None
    event_date: str | None
    evidence: str
    confidence: float


@dataclass(frozen=True, slots=True)
class StageSpan:
    """One stage of a deal's timeline: when it was first and last reported to happen,
    and the events that report it."""

    stage: Stage
    earliest: str | None
    latest: str | None
    event_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Deal:
    """One transfer (or one deployment) that many reports describe.

    Keyed on supplier, recipient, system family and kind; a later contract for
    the same key, years after the first deal's deliveries, is another Deal.
    """

    supplier: str | None
    recipient: str | None
    family: str | None
    system: str | None
    category: str
    kind: DealKind
    quantity_ordered: int | None
    quantity_delivered: int | None
    first_seen: str | None
    last_seen: str | None
    current_stage: Stage
    timeline: tuple[StageSpan, ...]
    event_ids: tuple[int, ...]

    @property
    def key(self) -> tuple[str | None, str | None, str, DealKind]:
        """(supplier, recipient, family or "generic:<category>", kind)."""
        return (self.supplier, self.recipient, self.family or f"generic:{self.category}", self.kind)
