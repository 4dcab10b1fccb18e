"""Dates of stored events, compared at the precision both sides report.

Events are dated "YYYY", "YYYY-MM" or "YYYY-MM-DD". ISO strings of mixed
precision already sort sensibly ("2019" < "2019-10" < "2019-10-24"); where a
question is whether one date is before another, only the characters both carry
are compared, so "2019" is neither before nor after "2019-10-24".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from armswatch._errors import InputError
from armswatch.models import STAGES, StoredEvent

_ISO_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


def check_dates(events: Iterable[StoredEvent]) -> None:
    """Refuse a date that is not ISO: it would silently sort into the wrong deal."""
    for event in events:
        for field, value in (("event_date", event.event_date), ("published", event.published)):
            if value is not None and not _ISO_DATE.fullmatch(value):
                raise InputError(
                    f"event {event.event_id}: {field} {value!r} is not an ISO date "
                    "(YYYY, YYYY-MM or YYYY-MM-DD); correct it in the store and resolve again"
                )


def event_day(event: StoredEvent) -> str | None:
    """When the event happened: its own date, else the date of the article reporting it."""
    return event.event_date or event.published


def chronological(event: StoredEvent) -> tuple[str, int, int]:
    """Sort key: undated first, then by date; on one date the later stage comes last."""
    return (event_day(event) or "", STAGES.index(event.stage), event.event_id)


def months(day: str) -> tuple[int, int]:
    """The first and last month (counted from year 0) that a date may mean."""
    year = int(day[:4]) * 12
    if len(day) == 4:
        return year, year + 11
    month = year + int(day[5:7]) - 1
    return month, month


def on_or_before(first: str, second: str) -> bool:
    """Whether `first` is not later than `second` at the precision both carry."""
    shared = min(len(first), len(second))
    return first[:shared] <= second[:shared]


def strictly_before(first: str, second: str) -> bool:
    """Whether `first` is earlier than `second` at the precision both carry."""
    shared = min(len(first), len(second))
    return first[:shared] < second[:shared]
