"""Cut the events of one key into deals, following the time windows.

Opening stages (interest, agreement) decide where deals begin, in date order;
the other stages then join the deal open on their date. Gaps are measured on
month ranges, so a date known only to the year is as early or as late as it
can be: a key is cut only where the gap is certain. An event counts as before
an opener only when it is before it at the precision both carry, so a delivery
dated "2010" never holds back a contract dated "2010-06" from opening a deal.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from armswatch.models import Stage, StoredEvent
from armswatch.resolve._dates import chronological, event_day, months, on_or_before
from armswatch.resolve.windows import DealWindows

_OPENING: frozenset[Stage] = frozenset({"interest", "agreement"})
# A deal's activity ends with its last delivery or its cancellation.
_ENDING: frozenset[Stage] = frozenset({"delivery", "cancellation"})
_PRECISIONS = (4, 7, 10)


def split_in_time(events: Sequence[StoredEvent], windows: DealWindows) -> list[list[StoredEvent]]:
    """The events of one key cut into deals (each non-empty, in date order)."""
    ordered = sorted(events, key=chronological)
    others = [event for event in ordered if event.stage not in _OPENING]
    ended = _DayIndex(event for event in others if event.stage in _ENDING)
    cutter = _Cutter(windows, ended=ended, reported=_DayIndex(others))
    for opener in (event for event in ordered if event.stage in _OPENING):
        cutter.add(opener)
    if not cutter.deals:
        return [ordered]
    groups = [deal.openers for deal in cutter.deals]
    begun = [deal.begun for deal in cutter.deals]
    for event in others:
        groups[_deal_open_at(event_day(event), begun)].append(event)
    return groups


def _deal_open_at(day: str | None, begun: Sequence[str | None]) -> int:
    """The latest deal begun on or before `day`; else the first deal."""
    for index in range(len(begun) - 1, 0, -1):
        start = begun[index]
        if day is not None and start is not None and on_or_before(start, day):
            return index
    return 0


class _DayIndex:
    """Dates of non-opening events, bucketed by precision and sorted.

    Within one precision, "on or after `since`" and "strictly before `until`"
    (at the shared precision) each cut a sorted list at one point, so the latest
    date in between is found by bisection, not by a scan per opener.
    """

    def __init__(self, events: Iterable[StoredEvent]) -> None:
        days = [day for event in events if (day := event_day(event)) is not None]
        self._buckets = {p: sorted(day for day in days if len(day) == p) for p in _PRECISIONS}

    def last_month(self, since: str | None, until: str) -> int | None:
        """Last month of the latest date on or after `since` and strictly before `until`."""
        latest: int | None = None
        for precision, days in self._buckets.items():
            low = bisect_left(days, since[:precision]) if since is not None else 0
            high = bisect_left(days, until[:precision])
            if low < high:
                latest = _later(latest, months(days[high - 1])[1])
        return latest


@dataclass(slots=True)
class _OpenDeal:
    """The openers of one deal so far, with the months the windows measure from."""

    begun: str | None
    openers: list[StoredEvent] = field(default_factory=list)
    last_agreed: int | None = None
    last_reported: int | None = None

    def add(self, opener: StoredEvent) -> None:
        self.openers.append(opener)
        day = event_day(opener)
        if day is None:
            return
        self.last_reported = _later(self.last_reported, months(day)[1])
        if opener.stage == "agreement":
            self.last_agreed = _later(self.last_agreed, months(day)[1])


@dataclass(slots=True)
class _Cutter:
    """Walks the openers in date order, opening a deal where the windows say so."""

    windows: DealWindows
    ended: _DayIndex
    reported: _DayIndex
    deals: list[_OpenDeal] = field(default_factory=list)

    def add(self, opener: StoredEvent) -> None:
        if not self.deals or self._opens_new_deal(opener):
            self.deals.append(_OpenDeal(begun=event_day(opener)))
        self.deals[-1].add(opener)

    def _opens_new_deal(self, opener: StoredEvent) -> bool:
        day = event_day(opener)
        if day is None:
            return False
        start = months(day)[0]
        if opener.stage == "agreement" and self._restates(start):
            return False
        activity = self._activity_end(day)
        return activity is not None and start - activity > self.windows.new_deal_months

    def _restates(self, start: int) -> bool:
        """An agreement dated within the tolerance of the open deal's latest agreement."""
        agreed = self.deals[-1].last_agreed
        return agreed is not None and start <= agreed + self.windows.restatement_months

    def _activity_end(self, day: str) -> int | None:
        """Last month of the open deal's last delivery or cancellation before `day`;
        with none, of its last agreement; with none, of its last report."""
        current = self.deals[-1]
        since = current.begun if len(self.deals) > 1 else None
        ended = self.ended.last_month(since, day)
        if ended is not None:
            return ended
        if current.last_agreed is not None:
            return current.last_agreed
        return _later(current.last_reported, self.reported.last_month(since, day))


def _later(first: int | None, second: int | None) -> int | None:
    if first is None:
        return second
    if second is None:
        return first
    return max(first, second)
