"""Sentence splitting and text helpers shared by the stages.

A regex splitter is enough for news prose and is fast: it breaks after
. ! ? (with closing quotes) before an upper-case letter, digit or quote,
except after known abbreviations ("U.S.", "Dec.", "Gen.") and initials.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from armswatch.models import Sentence, Span

_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof gen lt col maj capt cmdr adm sgt rep sen gov pres st jr sr inc corp co"
    " ltd no nos vs etc al fig approx dept est govt jan feb mar apr jun jul aug sep sept oct"
    " nov dec mon tue tues wed thu thur thurs fri sat sun u.s u.k u.n e.u u.s.a u.a.e p.m a.m"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_LAST_TOKEN = re.compile(r"([\w.]+)[.!?]*[\"'”’)\]]*\s*$")


def split_sentences(text: str, spans: tuple[Span, ...]) -> Iterator[Sentence]:
    """Yield the sentences inside each span, with offsets into `text`."""
    for span in spans:
        yield from _split_block(text, span.start, span.end)


def _split_block(text: str, start: int, end: int) -> Iterator[Sentence]:
    block = text[start:end]
    cursor = 0
    for match in _BOUNDARY.finditer(block):
        following = block[match.end() : match.end() + 1]
        if _is_abbreviation(block[cursor : match.start() + 1], following):
            continue
        yield from _make_sentence(text, start + cursor, start + match.end())
        cursor = match.end()
    yield from _make_sentence(text, start + cursor, end)


# "No. 5 Squadron" abbreviates; "A: No. We sent..." ends a sentence.
_BEFORE_NUMBERS = frozenset({"no", "nos", "fig"})


# The last token lies in the last few dozen characters: searching only there keeps
# sentence splitting linear in long sentences.
_TOKEN_REACH = 80


def _is_abbreviation(before: str, following: str) -> bool:
    before = before[-_TOKEN_REACH:]
    found = _LAST_TOKEN.search(before)
    if found is None:
        return False
    token = found.group(1).lower().rstrip(".")
    if token in _BEFORE_NUMBERS and not following.isdigit():
        return False
    # "SAMP/T." and "Su-35S." end designations, not initials.
    in_designation = found.start(1) > 0 and before[found.start(1) - 1] in "/-"
    # "George H.W. Bush": initials run together.
    initials = all(len(part) == 1 and part.isalpha() for part in token.split("."))
    return token in _ABBREVIATIONS or (initials and not in_designation)


def _make_sentence(text: str, start: int, end: int) -> Iterator[Sentence]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Sentence(start, end, text[start:end])


def fold(text: str) -> str:
    """Lower-case and keep letters and digits: the scorer's system comparison."""
    return "".join(ch for ch in text.lower() if ch.isalnum())
