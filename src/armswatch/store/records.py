"""What the store takes as filters and gives back besides the shared models."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import NamedTuple

from armswatch.models import Deal, Stage, StoredEvent

Resolver = Callable[[Sequence[StoredEvent]], list[Deal]]
"""Groups the stored events of some (supplier, recipient) pairs into deals."""


class IngestOutcome(enum.StrEnum):
    """What ingesting one article did."""

    ADDED = "added"
    UNCHANGED = "unchanged"  # stored before by the same extractor version: nothing written
    REPLACED = "replaced"  # stored before by another extractor version: events re-extracted


class Counts(NamedTuple):
    """How many rows the store holds."""

    documents: int
    events: int
    deals: int


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters of `armswatch events`; None means no filter.

    supplier, recipient and stage match whole values, ignoring case; system
    matches part of the designation; since/until bound the event date and
    accept YYYY, YYYY-MM or YYYY-MM-DD.
    """

    supplier: str | None = None
    recipient: str | None = None
    system: str | None = None
    stage: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class DealFilter:
    """Filters of `armswatch deals`; None means no filter.

    system matches part of the designation or of the family ("su-3" finds
    Su-30MKI and Su-35); stage matches any stage of the timeline, so
    stage="agreement" also finds deals delivered since; since/until keep the
    deals whose span from first to last report overlaps them.
    """

    supplier: str | None = None
    recipient: str | None = None
    system: str | None = None
    category: str | None = None
    stage: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True, slots=True)
class DealSource:
    """One event behind a deal, with the article that reported it."""

    event_id: int
    article_id: str
    url: str | None
    title: str | None
    site: str | None
    published: str | None
    stage: Stage
    event_date: str | None
    system: str | None
    quantity: int | None
    evidence: str
    confidence: float


@dataclass(frozen=True, slots=True)
class DealDetail:
    """A stored deal with its timeline and every source that backs it."""

    deal_id: int
    deal: Deal
    sources: tuple[DealSource, ...]

    def to_dict(self) -> dict[str, object]:
        """The deal as one JSON-ready record."""
        record: dict[str, object] = {"deal_id": self.deal_id, **asdict(self.deal)}
        record["event_ids"] = list(self.deal.event_ids)
        record["timeline"] = [
            {**asdict(span), "event_ids": list(span.event_ids)} for span in self.deal.timeline
        ]
        record["sources"] = [asdict(source) for source in self.sources]
        return record
