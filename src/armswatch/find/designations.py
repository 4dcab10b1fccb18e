"""Weapon designations the knowledge base lacks: "J-35A fighters", "Type 054A frigates".

Two ways in, both strict enough for news text:
- a variant of a known family: a KB designation followed by a short variant
  suffix ("T-90" + "MS") takes that family's category and origin;
- a designation-shaped token next to a head noun ("jet", "frigate",
  "howitzer") takes the noun's category, with no origin.
Shapes, head nouns and designation-shaped non-weapons live in
find/data/designations.toml.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from armswatch._text import fold
from armswatch.kb import KnowledgeBase, NameEntry, load_kb

_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")


@dataclass(frozen=True, slots=True)
class DesignationRules:
    """The contents of designations.toml, compiled."""

    token: re.Pattern[str]
    not_weapon: re.Pattern[str]
    nouns: dict[str, str]
    noun_pattern: re.Pattern[str]
    noun_window: int
    max_variant_suffix: int


@dataclass(frozen=True, slots=True)
class Designation:
    """A designation found in text, with what is known or guessed about it."""

    start: int
    end: int
    text: str
    entry: NameEntry


@cache
def load_designation_rules() -> DesignationRules:
    """Read and compile the packaged designations.toml once."""
    path = resources.files("armswatch.find").joinpath("data/designations.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    shapes = "|".join(f"(?:{shape})" for shape in data["shapes"])
    nouns: dict[str, str] = {noun.lower(): category for noun, category in data["nouns"].items()}
    by_length = sorted(nouns, key=len, reverse=True)
    return DesignationRules(
        token=re.compile(rf"(?<![\w$£€-])(?:{shapes})(?![\w-]|[.,]\d)"),
        not_weapon=re.compile("|".join(f"(?:{p})" for p in data["not_weapons"])),
        nouns=nouns,
        noun_pattern=re.compile(
            r"\b(" + "|".join(re.escape(n) for n in by_length) + r")(?:e?s)?\b", re.IGNORECASE
        ),
        noun_window=int(data["noun_window"]),
        max_variant_suffix=int(data["max_variant_suffix"]),
    )


class DesignationIndex:
    """Every system name of a knowledge base, keyed by its folded form ("t90")."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._systems: dict[str, NameEntry] = {}
        for name, entries in kb.names.items():
            systems = [e for e in entries if e.kind == "system"]
            if systems:
                self._systems.setdefault(fold(name), systems[0])

    def exact(self, name: str) -> NameEntry | None:
        """The system a name spells, ignoring case, spaces and hyphens."""
        return self._systems.get(fold(name))

    def family_member(self, name: str, max_suffix: int) -> NameEntry | None:
        """The known system a designation extends with a variant suffix ("T-90MS" -> T-90)."""
        folded = fold(name)
        for cut in range(len(folded) - 1, max(len(folded) - max_suffix, 1) - 1, -1):
            head, tail = folded[:cut], folded[cut:]
            if head[-1].isdigit() == tail[0].isdigit() or not any(c.isdigit() for c in head):
                continue
            entry = self._systems.get(head)
            if entry is not None:
                return entry
        return None


@cache
def default_index() -> DesignationIndex:
    """The index over the packaged knowledge base, built once."""
    return DesignationIndex(load_kb())


def family_of(system: str, kb: KnowledgeBase | None = None) -> str:
    """The family of a KB system, or of a designation the KB lacks ("T-90MS" -> T-90):
    reports of one deal name the family, a variant or a nickname in turn."""
    record = (kb or load_kb()).systems.get(system)
    if record is not None:
        return record.family
    entry = default_index().family_member(system, load_designation_rules().max_variant_suffix)
    return entry.family or entry.key if entry is not None else system


def guess_category(phrase: str, rules: DesignationRules | None = None) -> str | None:
    """The category of the last head noun in a phrase ("aircraft engine" -> engine)."""
    rules = rules or load_designation_rules()
    found = list(rules.noun_pattern.finditer(phrase))
    return rules.nouns[found[-1].group(1).lower()] if found else None


def find_designations(
    text: str,
    taken: list[tuple[int, int]],
    index: DesignationIndex | None = None,
    rules: DesignationRules | None = None,
) -> list[Designation]:
    """Designations in `text` outside the `taken` spans: sorted, non-overlapping known names."""
    rules = rules or load_designation_rules()
    index = index or default_index()
    starts = [a for a, _ in taken]
    found: list[Designation] = []
    for match in rules.token.finditer(text):
        start, end = match.span()
        before = bisect.bisect_left(starts, end) - 1
        if before >= 0 and taken[before][1] > start:
            continue
        if rules.not_weapon.fullmatch(match[0]):
            continue
        entry = _identify(match[0], text, (start, end), index, rules)
        if entry is not None:
            found.append(Designation(start, end, match[0], entry))
    return found


def _identify(
    token: str,
    text: str,
    span: tuple[int, int],
    index: DesignationIndex,
    rules: DesignationRules,
) -> NameEntry | None:
    family = index.family_member(token, rules.max_variant_suffix)
    if family is not None:
        return NameEntry("system", token, "variant", family.category, family.origin, family.family)
    category = _nearby_category(text, span, rules)
    if category is None:
        return None
    return NameEntry("system", token, "pattern", category, None, token)


def _nearby_category(text: str, span: tuple[int, int], rules: DesignationRules) -> str | None:
    """The category of a head noun a few words after, or just before, the token."""
    after = " ".join(_WORD.findall(text[span[1] : span[1] + 80])[: rules.noun_window + 1])
    match = rules.noun_pattern.search(after)
    if match is None:
        before = " ".join(_WORD.findall(text[max(0, span[0] - 40) : span[0]])[-2:])
        match = rules.noun_pattern.search(before)
    return rules.nouns[match.group(1).lower()] if match else None
