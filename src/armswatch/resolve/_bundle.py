"""The events of one deal, and the Deal record they add up to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from armswatch.models import STAGES, Deal, DealKind, Stage, StageSpan, StoredEvent
from armswatch.resolve._dates import chronological, event_day

_REVIVING: frozenset[Stage] = frozenset({"agreement", "delivery"})


@dataclass(slots=True)
class Bundle:
    """Events gathered for one deal; `category` is fixed by its named events."""

    supplier: str
    recipient: str
    family: str | None
    kind: DealKind
    category: str
    events: list[StoredEvent] = field(default_factory=list)

    def to_deal(self) -> Deal:
        ordered = sorted(self.events, key=chronological)
        ordered_quantity = _quantity_ordered(ordered)
        days = [day for event in ordered if (day := event_day(event)) is not None]
        return Deal(
            supplier=self.supplier,
            recipient=self.recipient,
            family=self.family,
            system=_most_specific(event.system for event in ordered if event.family is not None),
            category=self.category,
            kind=self.kind,
            quantity_ordered=ordered_quantity,
            quantity_delivered=_quantity_delivered(ordered, ordered_quantity),
            first_seen=min(days, default=None),
            last_seen=max(days, default=None),
            current_stage=_current_stage(ordered),
            timeline=_timeline(ordered),
            event_ids=tuple(sorted(event.event_id for event in ordered)),
        )


def most_common(values: Iterable[str]) -> str:
    """The most frequent value; ties go to the alphabetically first, for determinism."""
    counts = Counter(values)
    return min(counts, key=lambda value: (-counts[value], value))


def _most_specific(systems: Iterable[str | None]) -> str | None:
    """The longest designation ("Su-30MKI" over "Su-30"), then the most reported."""
    counts = Counter(system for system in systems if system is not None)
    if not counts:
        return None
    return min(counts, key=lambda system: (-len(system), -counts[system], system))


def _quantity_ordered(events: Sequence[StoredEvent]) -> int | None:
    return max(
        (e.quantity for e in events if e.stage == "agreement" and e.quantity is not None),
        default=None,
    )


def _quantity_delivered(events: Sequence[StoredEvent], ordered: int | None) -> int | None:
    """Sum one batch per delivery date, never above the order.

    Outlets repeat a batch on its date ("the first regiment arrived in December
    2021"), so one date counts once, at its largest report; and running totals
    ("has now received 10 of 12") summed across dates can exceed the order, which
    no deal delivers.
    """
    batches: dict[str | None, int] = {}
    for event in events:
        if event.stage == "delivery" and event.quantity is not None:
            day = event_day(event)
            batches[day] = max(batches.get(day, 0), event.quantity)
    if not batches:
        return None
    total = sum(batches.values())
    return total if ordered is None else min(total, ordered)


def _current_stage(ordered: Sequence[StoredEvent]) -> Stage:
    """The latest event's stage; a cancellation holds until an agreement or delivery follows."""
    cancelled = [index for index, event in enumerate(ordered) if event.stage == "cancellation"]
    if cancelled and not any(event.stage in _REVIVING for event in ordered[cancelled[-1] :]):
        return "cancellation"
    return ordered[-1].stage


def _timeline(ordered: Sequence[StoredEvent]) -> tuple[StageSpan, ...]:
    return tuple(
        _span(stage, [event for event in ordered if event.stage == stage])
        for stage in STAGES
        if any(event.stage == stage for event in ordered)
    )


def _span(stage: Stage, events: Sequence[StoredEvent]) -> StageSpan:
    days = [day for event in events if (day := event_day(event)) is not None]
    return StageSpan(
        stage=stage,
        earliest=min(days, default=None),
        latest=max(days, default=None),
        event_ids=tuple(sorted(event.event_id for event in events)),
    )
