"""One automaton pass that finds every knowledge-base name in a text.

Names are matched on lower-cased text with token boundaries. Designations
get their spacing and hyphen variants ("S-400", "S 400", "S400") at build
time, plural "s" is accepted after a system name ("F-16s"), and case is
checked per name: a capitalised name needs a capital in the text ("Turkey",
not "turkey") and a short all-caps abbreviation needs exact case ("US", not "us").
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import ahocorasick

from armswatch.kb import KnowledgeBase, NameEntry, load_kb

_PIECE = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d-]+")
_MAX_VARIANT_POSITIONS = 3
_PLURAL_KINDS = frozenset({"system", "generic"})


@dataclass(frozen=True, slots=True)
class Hit:
    """A name found in the text, with every KB entry it may refer to."""

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
    """Aho-Corasick automaton over every name form of the knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        forms: dict[str, list[_Form]] = defaultdict(list)
        for written, entries in kb.names.items():
            for variant in spelling_variants(written):
                forms[variant].append(_Form(written, entries))
        self._automaton = ahocorasick.Automaton()
        for key, key_forms in forms.items():
            self._automaton.add_word(key, (len(key), tuple(key_forms)))
        self._automaton.make_automaton()

    def scan(self, text: str) -> list[Hit]:
        """Return the longest non-overlapping names, in text order."""
        lowered = lower_same_length(text)
        candidates: list[Hit] = []
        for end_index, (length, key_forms) in self._automaton.iter(lowered):
            start, end = end_index - length + 1, end_index + 1
            if (start > 0 and text[start - 1].isalnum()) or _bad_right_edge(text, end):
                continue
            hit = _make_hit(text, start, end, key_forms)
            if hit is not None:
                candidates.append(hit)
        return _longest_first(candidates)


def _bad_right_edge(text: str, end: int) -> bool:
    if end >= len(text) or not text[end].isalnum():
        return False
    return not (text[end] == "s" and (end + 1 >= len(text) or not text[end + 1].isalnum()))


def _make_hit(text: str, start: int, end: int, key_forms: tuple[_Form, ...]) -> Hit | None:
    found = text[start:end]
    entries: list[NameEntry] = []
    for form in key_forms:
        if _case_ok(form.written, found):
            entries.extend(e for e in form.entries if e not in entries)
    plural = end < len(text) and text[end] == "s"
    if plural:
        entries = [e for e in entries if e.kind in _PLURAL_KINDS]
        end += 1
    if not entries:
        return None
    return Hit(start, end, text[start:end], tuple(entries))


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
