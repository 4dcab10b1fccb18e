"""Publication date and title from the top of a flattened page.

A bare file only has its modification date, which is usually the day it was
saved, not published. Pages often carry the real date in a header line
("date 2019-10-24", "Wednesday, February 20, 2008"); that line wins.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from armswatch.clean.furniture import classify_line, load_cues
from armswatch.find.dates import find_dates

HEADER_LINES = 15
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")


def _header_lines(text: str) -> list[str]:
    """The page's first lines, without splitting the rest of it."""
    return [m.group() for m in itertools.islice(_LINE.finditer(text), HEADER_LINES)]


def header_date(text: str) -> dt.date | None:
    """Return the first full calendar date in the page's header lines."""
    for line in _header_lines(text):
        for mention in find_dates(line, None):
            if mention.is_day and not mention.relative:
                return dt.date.fromisoformat(mention.value)
    return None


# "KUALA LUMPUR, June 7 -", "NEW DELHI, Nov. 30.": where and when a wire report was filed.
_FILED_AT = re.compile(r"[A-Z][A-Z .'/-]{2,40},\s*(?P<day>[A-Z][a-z]{2,8}\.?\s+\d{1,2})\b")
_FILING_LAG = 3


def filing_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day a header dateline gives, when it falls in the few days before
    publication: a wire report's "today" and "on Tuesday" count from the day it was
    filed, not from the next morning's paper."""
    if published is None:
        return None
    for line in _header_lines(text):
        found = _FILED_AT.match(line.strip())
        if found is None:
            continue
        days = [d for d in find_dates(found["day"], published) if d.is_day]
        day = dt.date.fromisoformat(days[0].value) if days else None
        return day if day is not None and 0 < (published - day).days <= _FILING_LAG else None
    return None


# "17:45 That's it from us today." or a bare "16:55" line: a timestamped live entry.
_ENTRY_TIME = re.compile(r"^\s*(?:[01]?\d|2[0-3]):[0-5]\d\b", re.MULTILINE)
# "LIVE", a "Live" menu item, "live coverage": never "live" as a verb.
_LIVE_MARK = re.compile(
    r"\bLIVE\b|(?:^|\|)\s*Live\s*(?:\||$)|\b[Ll]ive(?: coverage| blog| updates|:)", re.MULTILINE
)
_MIN_ENTRIES = 3
# A day heading may carry a weekday and little else: "Tuesday 9 July".
_HEADING_DATE_SHARE = 0.6


def live_days(text: str, published: dt.date | None) -> tuple[tuple[int, dt.date], ...]:
    """Where each day of a live blog's entries begins: they report what happens on
    that day, so their undated acts take it. Empty for any other page.

    A live blog has a "live" label and several timestamped entries; a line that is
    only a date ("Tuesday 9 July") starts the entries of that day.
    """
    header = "\n".join(_header_lines(text))
    if published is None or _LIVE_MARK.search(header) is None:
        return ()
    entries = list(_ENTRY_TIME.finditer(text))
    if len(entries) < _MIN_ENTRIES:
        return ()
    # The summary above the first entry tells of earlier days too.
    days = [(entries[0].start(), published)]
    for line in _LINE.finditer(text, entries[0].start()):
        heading = _day_heading(line.group(), published)
        if heading is not None:
            days.append((line.start(), heading))
    return tuple(days)


def _day_heading(line: str, published: dt.date) -> dt.date | None:
    dates = [d for d in find_dates(line, published) if d.is_day]
    covered = sum(d.end - d.start for d in dates)
    if not dates or covered < _HEADING_DATE_SHARE * len(line.strip()):
        return None
    # "Tuesday 9 July": the weekday only repeats the date that follows it.
    return dt.date.fromisoformat(dates[-1].value)


def guess_title(text: str) -> str | None:
    """Return the headline: the first heading-like line of several words before the body."""
    cues = load_cues()
    for match in _LINE.finditer(text):
        line = match.group().strip()
        verdict = classify_line(line, cues)
        if verdict == "prose":
            return None
        if verdict == "heading" and _looks_like_headline(line):
            return line
    return None


def _looks_like_headline(line: str) -> bool:
    dated = sum(m.end - m.start for m in find_dates(line, None))
    return len(_WORD.findall(line)) >= 4 and not line.isupper() and dated < len(line) / 2
