"""Tell an article's own prose from site furniture in flattened text pages.

trafilatura has no plain-text mode, and many inputs are pages already
flattened to text (the seed article among them). This classifier works line
by line with cues kept in data/furniture.toml: teaser headings end the body
(in a live blog, until its next timed entry),
furniture phrases drop short lines, and headline-like lines (no closing
punctuation) are not prose.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from armswatch._errors import KnowledgeBaseError
from armswatch.models import Span

_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$|[.!?:][\"'”’]?\s*$")
_BYLINE = re.compile(r"^by\s+[\w.'’ -]{2,60}$", re.IGNORECASE)
_NAV_SEPARATORS = re.compile(r"\s[|•·]\s")
# "10:05 - Egypt's air force received...": a timed entry of a live blog.
_LIVE_ENTRY = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d\b")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪►]|\d+[.)])\s+")
_MIN_LISTED_SENTENCE_WORDS = 8
# A sentence that announces a list ("This new package includes the following
# capabilities:"), not a teaser label ("READ:").
_ANNOUNCES_LIST = re.compile(r"^(?:\S+\s+){4,}.*:$")
# "- Austria: 114 Leopard 2A4 (1997)": an item with a label of its own.
_LABELLED_ITEM = re.compile(r"^\s*(?:[-*•▪►]|\d+[.)])\s+[^:]{1,30}:\s")


@dataclass(frozen=True, slots=True)
class FurnitureCues:
    """Cues read from furniture.toml."""

    teaser_headings: frozenset[str]
    teaser_prefixes: tuple[str, ...]
    phrases: tuple[str, ...]
    prefixes: tuple[str, ...]
    max_length: int
    max_prefix_length: int

    @property
    def phrase_pattern(self) -> re.Pattern[str]:
        """All furniture phrases as one pattern: one scan of a line instead of dozens."""
        return _phrase_pattern(self.phrases)


@cache
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole phrases only: "about us" is furniture, "worth about US$895 million" is not."""
    body = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{body})s?(?![\w$])")


@cache
def load_cues() -> FurnitureCues:
    """Read and validate the packaged furniture cues once."""
    raw = resources.files("armswatch.clean").joinpath("data/furniture.toml").read_text("utf-8")
    try:
        data = tomllib.loads(raw)
        return FurnitureCues(
            teaser_headings=frozenset(h.lower() for h in data["teaser"]["headings"]),
            teaser_prefixes=tuple(p.lower() for p in data["teaser"]["prefixes"]),
            phrases=tuple(p.lower() for p in data["furniture"]["phrases"]),
            prefixes=tuple(p.lower() for p in data["furniture"]["prefixes"]),
            max_length=int(data["furniture"]["max_length"]),
            max_prefix_length=int(data["furniture"]["max_prefix_length"]),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise KnowledgeBaseError(f"furniture.toml is malformed: {exc}") from exc


def body_spans(text: str) -> tuple[Span, ...]:
    """Return the spans of the lines that are the article's own prose."""
    cues = load_cues()
    spans: list[Span] = []
    listing = live = after_teaser = False
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if not line:
            continue
        verdict = classify_line(line, cues)
        entry = verdict == "prose" and _LIVE_ENTRY.match(line) is not None
        if after_teaser and not (live and entry):
            continue
        after_teaser = False
        if verdict == "teaser" and (spans or _is_heading(line, cues)):
            # A live blog's next timed entry goes on after a teaser placed between two.
            after_teaser = True
            continue
        live = live or entry
        if listing and verdict == "heading" and _LIST_ITEM.match(line):
            # "The package includes:" then "- 200 M113 carriers;": the items finish
            # the sentence that announces them.
            if not _LABELLED_ITEM.match(line):
                spans[-1] = Span(spans[-1].start, match.end())
            continue
        listing = verdict == "prose" and _ANNOUNCES_LIST.search(line) is not None
        if verdict == "prose":
            spans.append(Span(match.start(), match.end()))
    return tuple(spans)


def classify_line(line: str, cues: FurnitureCues) -> str:
    """Label one stripped line: prose, teaser, furniture or heading."""
    lowered = line.lower()
    if _is_heading(line, cues) or lowered.startswith(cues.teaser_prefixes):
        return "teaser"
    if _is_furniture(lowered, cues):
        return "furniture"
    if _SENTENCE_END.search(line) is None:
        return "heading"
    if _LIST_ITEM.match(line) and not _is_listed_sentence(line):
        return "heading"
    return "prose"


def _is_listed_sentence(line: str) -> bool:
    """A bullet that is a whole statement ("- Sweden said it would send 50 CV90s.") is
    prose, as in live blogs and recaps; menu and teaser bullets are short titles."""
    return len(line.split()) >= _MIN_LISTED_SENTENCE_WORDS and line.rstrip("\"'”’").endswith(".")


def _is_heading(line: str, cues: FurnitureCues) -> bool:
    return line.lower().rstrip(" :.…»>").strip() in cues.teaser_headings


def _is_furniture(lowered: str, cues: FurnitureCues) -> bool:
    if len(_NAV_SEPARATORS.findall(lowered)) >= 2 or _BYLINE.match(lowered):
        return True
    if len(lowered) <= cues.max_prefix_length and lowered.startswith(cues.prefixes):
        return True
    return len(lowered) <= cues.max_length and cues.phrase_pattern.search(lowered) is not None
