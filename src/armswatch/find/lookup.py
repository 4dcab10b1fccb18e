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
_Step = Callable[[str, frozenset[str] | None], NameEntry | None]
_KIND_ORDER = {"system": 0, "state": 1, "actor": 2, "company": 3, "generic": 4}


def _loose(name: str) -> str:
    """Letters and digits only, lower case, accents dropped ("Türkiye" -> "turkiye")."""
    decomposed = unicodedata.normalize("NFKD", name)
    return fold("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


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


class Lookup:
    """Answers name queries against one knowledge base."""

    def __init__(self, kb: KnowledgeBase, gazetteer: Gazetteer | None = None) -> None:
        self._kb = kb
        self._gazetteer = gazetteer or Gazetteer(kb)
        self._designations = DesignationIndex(kb)
        self._written: dict[str, list[NameEntry]] = {}
        self._folded: dict[str, list[NameEntry]] = {}
        for name, entries in kb.names.items():
            self._written.setdefault(name.casefold(), []).extend(entries)
            self._folded.setdefault(_loose(name), []).extend(entries)

    def __call__(self, query: str, kinds: frozenset[str] | None = None) -> LookupMatch | None:
        """The best match for a query, or None; `kinds` limits what it may name."""
        parts = [part.strip() for part in query.split("/") if part.strip()] or [query]
        steps: list[tuple[str, list[str], _Step]] = [
            ("exact", [query], self._exact),
            ("alternative", parts, self._exact),
            ("stripped", parts, self._stripped),
            ("contains", parts, self._contains),
            ("variant", parts, self._variant),
        ]
        for how, candidates, step in steps:
            for candidate in candidates:
                entry = step(candidate, kinds)
                if entry is not None:
                    return self._match(entry, how)
        return None

    def _best(self, entries: Iterable[NameEntry], kinds: frozenset[str] | None) -> NameEntry | None:
        """A system before a state before an actor; a sovereign state before a territory."""
        allowed = [e for e in entries if kinds is None or e.kind in kinds]
        return min(
            allowed,
            key=lambda e: (_KIND_ORDER[e.kind], e.key in self._kb.sovereigns),
            default=None,
        )

    def _exact(self, name: str, kinds: frozenset[str] | None) -> NameEntry | None:
        """The name as written ("Basse-Terre"), else with spacing and accents loosened."""
        written = self._best(self._written.get(name.strip().casefold(), ()), kinds)
        return written or self._best(self._folded.get(_loose(name), ()), kinds)

    def _stripped(self, name: str, kinds: frozenset[str] | None) -> NameEntry | None:
        stripped = _CALIBRE.sub("", name).strip()
        return self._exact(stripped, kinds) if stripped and stripped != name else None

    def _contains(self, name: str, kinds: frozenset[str] | None) -> NameEntry | None:
        for hit in self._gazetteer.scan(_CALIBRE.sub("", name)):
            entry = self._best(hit.entries, kinds)
            if entry is not None:
                return entry
        return None

    def _variant(self, name: str, kinds: frozenset[str] | None) -> NameEntry | None:
        if kinds is not None and "system" not in kinds:
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
