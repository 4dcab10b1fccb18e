"""One automaton pass that finds every knowledge-base name in a text.

Names are matched on lower-cased text with token boundaries. Designations
get their spacing and hyphen variants ("S-400", "S 400", "S400") at build
time, plural "s" is accepted after a system name ("F-16s"), and case is
checked per name: a capitalised name needs a capital in the text ("Turkey",
not "turkey") and a short all-caps abbreviation needs exact case ("US", not "us").

Keys of three characters or fewer ("us", "un", "tor") would match inside
countless ordinary words, so they live in a second, case-sensitive automaton
over the original text: that keeps the main scan fast.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import ahocorasick_rs

from armswatch.kb import KnowledgeBase, NameEntry, load_kb

_PIECE = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d-]+")
_MAX_VARIANT_POSITIONS = 3
_PLURAL_KINDS = frozenset({"system", "generic"})
_SHORT_KEY = 3


class Hit(NamedTuple):
    """A name found in the text, with every KB entry it may refer to.

    A named tuple, not a dataclass: the scan makes one per name and creating
    these is a measurable share of its time.
    """

    start: int
    end: int
    text: str
    entries: tuple[NameEntry, ...]


@dataclass(frozen=True, slots=True)
class _Form:
    written: str
    entries: tuple[NameEntry, ...]


def lower_same_length(text: str) -> str:
    """Lower-case without changing any offsets (a few characters grow when lowered)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def spelling_variants(name: str) -> set[str]:
    """Spacing and hyphen variants of a designation, lower-cased."""
    pieces = [(m.group(), m.start(), m.end()) for m in _PIECE.finditer(name)]
    if len(pieces) < 2:
        return {lower_same_length(name)}
    joints = [name[a[2] : b[1]] for a, b in itertools.pairwise(pieces)]
    options = [_joint_options(joint, a[0], b[0]) for joint, a, b in _joint_triples(joints, pieces)]
    variants = {lower_same_length(name)}
    if sum(len(o) > 1 for o in options) <= _MAX_VARIANT_POSITIONS:
        for combo in itertools.product(*options):
            variants.add(_assemble(pieces, combo))
    return variants


def _joint_triples(
    joints: list[str], pieces: list[tuple[str, int, int]]
) -> list[tuple[str, tuple[str, int, int], tuple[str, int, int]]]:
    return [(joint, pieces[i], pieces[i + 1]) for i, joint in enumerate(joints)]


def _joint_options(joint: str, left: str, right: str) -> tuple[str, ...]:
    touches_digit = left[-1].isdigit() or right[0].isdigit()
    if joint.strip(" -") or (joint == " " and not touches_digit):
        return (joint,)
    return ("", " ", "-")


def _assemble(pieces: list[tuple[str, int, int]], joints: tuple[str, ...]) -> str:
    out = [pieces[0][0]]
    for joint, piece in zip(joints, pieces[1:], strict=True):
        out.extend((joint, piece[0]))
    return lower_same_length("".join(out))


def _case_ok(written: str, found: str) -> bool:
    letters = [ch for ch in written if ch.isalpha()]
    if letters and len(letters) <= 5 and written.isupper():
        return found == written or found.replace(" ", "").replace("-", "") == written.replace(
            " ", ""
        ).replace("-", "")
    first = next((ch for ch in written if ch.isalpha()), "")
    found_first = next((ch for ch in found if ch.isalpha()), "")
    return not (first.isupper() and found_first.islower())


class Gazetteer:
    """Aho-Corasick automata over every name form of the knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        folded: dict[str, list[_Form]] = defaultdict(list)
        exact: dict[str, list[_Form]] = defaultdict(list)
        for written, entries in kb.names.items():
            form = _Form(written, entries)
            for variant in spelling_variants(written):
                if len(variant) > _SHORT_KEY:
                    folded[variant].append(form)
                else:
                    for cased in _case_forms(written, variant):
                        exact[cased].append(form)
        self._folded = _Automaton(folded)
        self._exact = _Automaton(exact)

    def scan(self, text: str) -> list[Hit]:
        """Return the longest non-overlapping names, in text order."""
        candidates = [
            *self._folded.hits(text, lower_same_length(text)),
            *self._exact.hits(text, text),
        ]
        return _longest_first(candidates)


class _Automaton:
    """One automaton over UTF-8 keys, and the name forms behind each key.

    Scanning bytes is faster than scanning str; offsets are mapped back to
    characters only when the text is not pure ASCII.
    """

    _MAX_CACHED = 100_000

    def __init__(self, forms: dict[str, list[_Form]]) -> None:
        keys = sorted(forms)
        self._forms = [tuple(forms[key]) for key in keys]
        self._matcher = (
            ahocorasick_rs.BytesAhoCorasick(
                [key.encode("utf-8") for key in keys],
                implementation=ahocorasick_rs.Implementation.DFA,
            )
            if keys
            else None
        )
        self._entries: dict[tuple[int, str], tuple[NameEntry, ...]] = {}

    def hits(self, text: str, haystack: str) -> list[Hit]:
        """Matches in `haystack` that sit on token boundaries of `text`.

        A name may take a plural "s" ("F-16s"); the padding spares bounds checks.
        """
        if self._matcher is None:
            return []
        data = haystack.encode("utf-8")
        matches = self._matcher.find_matches_as_indexes(data, overlapping=True)
        if len(data) != len(text):
            matches = _to_char_offsets(data, matches)
        padded = f" {text}  "
        found_hits: list[Hit] = []
        for index, start, end in matches:
            if padded[start].isalnum():
                continue
            stop = end
            if padded[end + 1].isalnum():
                if padded[end + 1] != "s" or padded[end + 2].isalnum():
                    continue
                stop += 1
            found = text[start:stop]
            entries = self._entries_for(index, found, plural=stop > end)
            if entries:
                found_hits.append(Hit(start, stop, found, entries))
        return found_hits

    def _entries_for(self, index: int, found: str, *, plural: bool) -> tuple[NameEntry, ...]:
        """The entries a found spelling may name; memoised, since names repeat."""
        cached = self._entries.get((index, found))
        if cached is None:
            if len(self._entries) >= self._MAX_CACHED:
                self._entries.clear()
            cached = _entries_for(self._forms[index], found, plural=plural)
            self._entries[index, found] = cached
        return cached


def _to_char_offsets(
    data: bytes, matches: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """Turn UTF-8 byte offsets into character offsets, decoding each gap once."""
    positions = sorted({p for _, start, end in matches for p in (start, end)})
    chars: dict[int, int] = {}
    previous_byte = previous_char = 0
    for position in positions:
        previous_char += len(data[previous_byte:position].decode("utf-8"))
        chars[position] = previous_char
        previous_byte = position
    return [(index, chars[start], chars[end]) for index, start, end in matches]


def _case_forms(written: str, variant: str) -> set[str]:
    """Upper and title case of a short key, and lower case if the name is written so."""
    cased = {variant.upper(), variant[:1].upper() + variant[1:]}
    return cased | {variant} if written.islower() else cased


def _entries_for(
    key_forms: tuple[_Form, ...], found: str, *, plural: bool
) -> tuple[NameEntry, ...]:
    if plural:
        found = found[:-1]
    entries: list[NameEntry] = []
    for form in key_forms:
        if _case_ok(form.written, found):
            entries.extend(e for e in form.entries if e not in entries)
    if plural:
        entries = [e for e in entries if e.kind in _PLURAL_KINDS]
    return tuple(entries)


def _longest_first(candidates: list[Hit]) -> list[Hit]:
    chosen: list[Hit] = []
    taken_until = -1
    ordered = sorted(candidates, key=lambda h: (h.start, -(h.end - h.start)))
    for hit in ordered:
        if hit.start >= taken_until:
            chosen.append(hit)
            taken_until = hit.end
        elif chosen and hit.end > chosen[-1].end and hit.start == chosen[-1].start:
            chosen[-1] = hit
            taken_until = hit.end
    return chosen


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer over the packaged knowledge base, built once."""
    return Gazetteer(load_kb())
