"""Name lookup: what the knowledge base knows about one name or register designation.

An analyst passes a name as written anywhere ("SA-21 Growler", "Kremlin",
"Mi-24P/Mi-35P", "M-114 155mm", "T-90MS") and gets the entity back. The steps
go from strict to loose and the answer says which one matched:
exact name -> each "/"-separated alternative -> without calibre and brackets
-> a known name inside the query -> a variant of a known family.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from armswatch._text import fold
from armswatch.find.designations import DesignationIndex, load_designation_rules
from armswatch.find.gazetteer import Gazetteer
from armswatch.kb import KnowledgeBase, NameEntry

_CALIBRE = re.compile(r"\s*\d+(?:\.\d+)?\s?mm\b|\s*\([^)]*\)", re.IGNORECASE)
_WORDS = re.compile(r"[\s-]+")
# Ship classes are named with or without the word: "Holland-class", "Holland".
_CLASS = re.compile(r"[\s-]class$", re.IGNORECASE)
_MIN_PARTIAL = 3
_Step = Callable[[str, "_Want"], NameEntry | None]
_KIND_ORDER = {"system": 0, "state": 1, "actor": 2, "company": 3, "generic": 4}


def _loose(name: str) -> str:
    """Letters and digits only, lower case, accents dropped ("Türkiye" -> "turkiye")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return fold("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _partial_index(kb: KnowledgeBase) -> dict[str, list[NameEntry]]:
    """System names keyed by each run of their words that drops the first or last ones."""
    index: dict[str, list[NameEntry]] = {}
    for name, entries in kb.names.items():
        systems = [e for e in entries if e.kind == "system"]
        words = _WORDS.split(_CLASS.sub("", name).strip())
        for start, stop in _proper_runs(len(words)):
            key = _loose(" ".join(words[start:stop]))
            if len(key) >= _MIN_PARTIAL and not key.isdigit():
                index.setdefault(key, []).extend(systems)
    return index


def _proper_runs(count: int) -> list[tuple[int, int]]:
    """Word runs that keep the first or the last word but not both."""
    return [(start, count) for start in range(1, count)] + [(0, stop) for stop in range(1, count)]


@dataclass(frozen=True, slots=True)
class LookupMatch:
    """What a query names, in the fields `armswatch kb lookup` prints."""

    canonical: str
    family: str | None
    category: str | None
    origin: str | None
    kind: str
    how: str

    def to_dict(self) -> dict[str, str | None]:
        """The JSON object of the match."""
        return {
            "canonical": self.canonical,
            "family": self.family,
            "category": self.category,
            "origin": self.origin,
            "kind": self.kind,
            "how": self.how,
        }


@dataclass(frozen=True, slots=True)
class _Want:
    """What the caller will accept: these kinds; systems of this category first."""

    kinds: frozenset[str] | None
    category: str | None

    def allows(self, entry: NameEntry) -> bool:
        return self.kinds is None or entry.kind in self.kinds

    def prefer(self, entries: list[NameEntry]) -> list[NameEntry]:
        """Entries of the wanted category, when there are any; else all of them."""
        fitting = [e for e in entries if e.category == self.category]
        return fitting if self.category and fitting else entries


class Lookup:
    """Answers name queries against one knowledge base."""

    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer | None = None) -> None:
        self._kb = kb
        self._gazetteer = gazetteer or Gazetteer(kb)
        self._designations = DesignationIndex(kb)
        self._partial_names = _partial_index(kb)
        self._written: dict[str, list[NameEntry]] = {}
        self._folded: dict[str, list[NameEntry]] = {}
        for name, entries in kb.names.items():
            self._written.setdefault(name.casefold(), []).extend(entries)
            for form in {name, _CLASS.sub("", name)}:
                self._folded.setdefault(_loose(form), []).extend(entries)

    def __call__(
        self, query: str, kinds: frozenset[str] | None = None, category: str | None = None
    ) -> LookupMatch | None:
        """The best match for a query, or None.

        `kinds` limits what it may name; `category` (say, from a register's
        description) picks among systems that share a name.
        """
        want = _Want(kinds, category)
        parts = [part.strip() for part in query.split("/") if part.strip()] or [query]
        steps: list[tuple[str, list[str], _Step]] = [
            ("exact", [query], self._exact),
            ("alternative", parts, self._exact),
            ("stripped", [query, *parts], self._stripped),
            ("contains", parts, self._contains),
            ("partial", parts, self._partial),
            ("variant", parts, self._variant),
        ]
        for how, candidates, step in steps:
            for candidate in candidates:
                entry = step(candidate, want)
                if entry is not None:
                    return self._match(entry, how)
        return None

    def _best(self, entries: Iterable[NameEntry], want: _Want) -> NameEntry | None:
        """A system before a state before an actor; a sovereign state before a territory."""
        allowed = want.prefer([e for e in entries if want.allows(e)])
        return min(
            allowed,
            key=lambda e: (_KIND_ORDER[e.kind], e.key in self._kb.sovereigns),
            default=None,
        )

    def _exact(self, name: str, want: _Want) -> NameEntry | None:
        """The name as written ("Basse-Terre"), else with spacing and accents loosened."""
        written = self._best(self._written.get(name.strip().casefold(), ()), want)
        return written or self._best(self._folded.get(_loose(name), ()), want)

    def _stripped(self, name: str, want: _Want) -> NameEntry | None:
        stripped = _CALIBRE.sub("", name).strip()
        return self._exact(stripped, want) if stripped and stripped != name else None

    def _contains(self, name: str, want: _Want) -> NameEntry | None:
        for hit in self._gazetteer.scan(_CALIBRE.sub("", name)):
            entry = self._best(hit.entries, want)
            if entry is not None:
                return entry
        return None

    def _partial(self, name: str, want: _Want) -> NameEntry | None:
        """A name missing its maker ("Tigr" for "GAZ Tigr") or its variant ("SMART" for
        "SMART-L" and "SMART-S"), when it can only mean one family."""
        if not want.allows(NameEntry("system", "", "")):
            return None
        entries = want.prefer(list(self._partial_names.get(_loose(_CALIBRE.sub("", name)), ())))
        families = {self._kb.systems[e.key].family for e in entries}
        if len(families) != 1:
            return None
        family = families.pop()
        keys = {e.key for e in entries}
        key = keys.pop() if len(keys) == 1 else family
        return next((e for e in self._folded.get(_loose(key), ()) if e.kind == "system"), None)

    def _variant(self, name: str, want: _Want) -> NameEntry | None:
        if not want.allows(NameEntry("system", "", "")):
            return None
        rules = load_designation_rules()
        for token in _CALIBRE.sub("", name).split():
            entry = self._designations.family_member(token, rules.max_variant_suffix)
            if entry is not None:
                return entry
        return None

    def _match(self, entry: NameEntry, how: str) -> LookupMatch:
        if entry.kind == "system":
            record = self._kb.systems[entry.key]
            return LookupMatch(
                record.canonical, record.family, record.category, record.origin, "system", how
            )
        if entry.kind == "state":
            return LookupMatch(entry.key, None, None, entry.key, "state", how)
        return LookupMatch(entry.key, None, entry.category, entry.origin, entry.kind, how)
