"""Publication date and title from the top of a flattened page.

A bare file only has its modification date, which is usually the day it was
saved, not published. Pages often carry the real date in a header line
("date 2019-10-24", "Wednesday, February 20, 2008"); that line wins.
"""

from __future__ import annotations

import datetime as dt
import re

from armswatch.clean.furniture import classify_line, load_cues
from armswatch.find.dates import find_dates

HEADER_LINES = 15
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"\w+")


def header_date(text: str) -> dt.date | None:
    """Return the first full calendar date in the page's header lines."""
    for line in _LINE.findall(text)[:HEADER_LINES]:
        for mention in find_dates(line, None):
            if len(mention.value) == len("2019-10-24") and not mention.relative:
                return dt.date.fromisoformat(mention.value)
    return None


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
