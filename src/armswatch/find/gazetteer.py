"""Finds every knowledge-base name in a text, in one pass per automaton.

Names are matched with token boundaries. Designations
get their spacing and hyphen variants ("S-400", "S 400", "S400") at build
time, plural "s" is accepted after a system name ("F-16s"), and case is
checked per name: a capitalised name needs a capital in the text ("Turkey",
not "turkey") and a short all-caps abbreviation needs exact case ("US", not "us").

The main automaton is leftmost-longest, over a same-length copy of the text
in which case is folded and punctuation is a space. Every key starts with a
space, so a match can only begin at a token start, and "S-400" and "S 400"
are one key. That keeps raw matches close to the names actually there,
which is what makes the scan fast. Names of three characters or fewer have
a small case-exact automaton of their own (see Gazetteer).
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

_DECIMAL_AFTER = re.compile(r"[.,]\d")
_PIECE = re.compile(r"[A-Za-z]+|\d+|[^\sA-Za-z\d-]+")
_MAX_VARIANT_POSITIONS = 3
_PLURAL_KINDS = frozenset({"system", "generic"})
_SHORT_KEY = 3
_EXACT_LETTERS = 5
# The automata read one byte per character: ASCII letters and digits as they
# are, every other ASCII character as a space, any other character as \x01 (a
# stand-in letter) unless it is a common typographic mark, read as a space.
# Offsets in that byte string are offsets in the text.
_BYTES_TABLE = bytes(c if chr(c).isalnum() else 32 for c in range(256))
_UNICODE_SPACES = str.maketrans(
    dict.fromkeys(
        "?\u201c\u201d\u2018\u2019\u00ab\u00bb\u2014\u2013\u2026\u2022\u00b7\u201e\u00a0", " "
    )
)
_STAND_IN = bytes(1 if c == ord("?") else t for c, t in enumerate(_BYTES_TABLE))


class Hit(NamedTuple):
    """A name found in the text, with every KB entry it may refer to.

    A named tuple, not a dataclass: the scan makes one per name and creating
    these is a measurable share of its time.
    """

    start: int
    end: int
    text: str
    entries: tuple[NameEntry, ...]


def _new_hit(fields: tuple[int, int, str, tuple[NameEntry, ...]]) -> Hit:
    """A Hit built in C: NamedTuple's own constructor is Python code, and the scan
    makes one per name."""
    return tuple.__new__(Hit, fields)


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
    """How a gap between two pieces may be written: "S-400", "S 400", "S400"; but
    "Bosnia-Herzegovina" never joins up, and a space between words stays one."""
    touches_digit = left[-1].isdigit() or right[0].isdigit()
    punctuation = not left[-1].isalnum() or not right[0].isalnum()
    if joint.strip(" -") or (joint == " " and not touches_digit) or punctuation:
        return (joint,)
    if not touches_digit and joint:
        return (" ", "-")
    return ("", " ", "-")


def _assemble(pieces: list[tuple[str, int, int]], joints: tuple[str, ...]) -> str:
    out = [pieces[0][0]]
    for joint, piece in zip(joints, pieces[1:], strict=True):
        out.extend((joint, piece[0]))
    return lower_same_length("".join(out))


def _case_ok(written: str, found: str) -> bool:
    # "MiG-29s" is the plural of the MiG-29, not the MiG-29S variant.
    if written[-1:] == "S" and found[-1:] == "s" and written[-2:-1].isdigit():
        return False
    if _exact_case(written):
        return found == written or found.replace(" ", "").replace("-", "") == written.replace(
            " ", ""
        ).replace("-", "")
    first = next((ch for ch in written if ch.isalpha()), "")
    found_first = next((ch for ch in found if ch.isalpha()), "")
    return not (first.isupper() and found_first.islower())


class Gazetteer:
    """Every name form of the knowledge base, scanned in one pass per text.

    Names longer than three characters go into one leftmost-longest automaton
    over folded text. Shorter ones ("US", "UN", "Tor") would start countless
    ordinary words there, so a small case-exact automaton, with a space at both
    ends of each key, finds them instead; the two hit lists are merged.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        long_forms: dict[bytes, list[_Form]] = defaultdict(list)
        short_forms: dict[bytes, list[_Form]] = defaultdict(list)
        plural_keys: set[bytes] = set()
        for written, entries in kb.names.items():
            if _redundant_article(written, entries, kb):
                continue
            form = _Form(written, entries)
            plural = any(e.kind in _PLURAL_KINDS for e in entries)
            for variant in spelling_variants(written):
                if len(variant.strip()) > _SHORT_KEY:
                    _add(long_forms, _as_bytes(f" {variant.strip()}"), form)
                    continue
                for cased in _case_forms(written, variant):
                    _add(short_forms, _as_bytes(f" {cased} "), form)
                    if plural:
                        _add(short_forms, _as_bytes(f" {cased}s "), form)
                        plural_keys.add(_as_bytes(f" {cased}s "))
        self._long = _LongNames(long_forms)
        self._short = _ShortNames(short_forms, plural_keys)

    def scan(self, text: str) -> list[Hit]:
        """Return the longest non-overlapping names, in text order; a name that runs
        into a decimal ("P12.7 billion") is the start of a number, not a name."""
        long_hits = self._long.scan(text)
        short_hits = self._short.scan(text)
        hits = _merge(long_hits, short_hits) if short_hits else long_hits
        return [hit for hit in hits if not _DECIMAL_AFTER.match(text, hit.end)]


class _Names:
    """Keys, the name forms behind them, and memoised case checks."""

    _MAX_CACHED = 100_000

    def __init__(self, forms: dict[bytes, list[_Form]]) -> None:
        keys = sorted(forms)
        self._keys = keys
        self._forms = [tuple(forms[key]) for key in keys]
        self._index = {key: index for index, key in enumerate(keys)}
        self._entries: dict[tuple[int, str], tuple[NameEntry, ...]] = {}

    def _entries_for(self, index: int, found: str, *, plural: bool) -> tuple[NameEntry, ...]:
        """The entries a found spelling may name, memoised (names repeat)."""
        entries = self._entries.get((index, found))
        if entries is None:
            if len(self._entries) >= self._MAX_CACHED:
                self._entries.clear()
            entries = _entries_for(self._forms[index], found, plural=plural)
            self._entries[index, found] = entries
        return entries


class _LongNames(_Names):
    """Leftmost-longest over folded text: a key starts with a space, so a match
    can only begin at a token start, and "S-400" and "S 400" are one key."""

    def __init__(self, forms: dict[bytes, list[_Form]]) -> None:
        super().__init__(forms)
        self._longest = max(map(len, self._keys))
        self._matcher = ahocorasick_rs.BytesAhoCorasick(
            self._keys,
            matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
            implementation=ahocorasick_rs.Implementation.DFA,
        )

    def scan(self, text: str) -> list[Hit]:
        """Names in text order. A name may take a plural "s" ("F-16s"). When the
        longest key fails ("F-16 F" in "F-16 fighters"), the longest shorter key
        that ends on a token boundary is tried, and the rest of the failed span
        is scanned again, so "fighters" is still found."""
        haystack = _haystack(text, fold=True)
        padded = f" {text}  "
        size = len(haystack)
        cache = self._entries
        pending = self._matcher.find_matches_as_indexes(haystack)
        found_hits: list[Hit] = []
        taken = position = 0
        while position < len(pending):
            index, key_start, key_end = pending[position]
            position += 1
            if key_start < taken:
                continue
            # Fast path: the whole key, then a space or a plural "s" and a space.
            after = haystack[key_end] if key_end < size else 32
            stop = key_end - 1
            if (
                after != 32
                and after == 115
                and (key_end + 1 >= size or haystack[key_end + 1] == 32)
            ):
                stop += 1
            if after == 32 or stop == key_end:
                found = text[key_start:stop]
                entries = cache.get((index, found))
                if entries is None:
                    entries = self._entries_for(index, found, plural=stop == key_end)
                if entries:
                    found_hits.append(_new_hit((key_start, stop, found, entries)))
                    taken = stop + 1
                    continue
            hit = self._shorter(text, padded, haystack, key_start, key_end)
            if hit is not None:
                found_hits.append(hit)
                taken = hit.end + 1
            # A key starts at a space: rescan only if the unused span holds one.
            resume = haystack.find(b" ", taken if hit is not None else key_start + 1, key_end)
            if resume != -1:
                window = haystack[resume : key_end + self._longest]
                pending[position:position] = [
                    (index, resume + a, resume + b)
                    for index, a, b in self._matcher.find_matches_as_indexes(window)
                    if resume + a < key_end
                ]
        return found_hits

    def _hit(self, text: str, padded: str, index: int, key_start: int, key_end: int) -> Hit | None:
        """The name a key match stands for, if it ends on a boundary and its case fits."""
        end = stop = key_end - 1
        if padded[end + 1].isalnum():
            if padded[end + 1] != "s" or padded[end + 2].isalnum():
                return None
            stop += 1
        found = text[key_start:stop]
        entries = self._entries_for(index, found, plural=stop > end)
        return _new_hit((key_start, stop, found, entries)) if entries else None

    def _shorter(
        self, text: str, padded: str, haystack: bytes, key_start: int, key_end: int
    ) -> Hit | None:
        """The longest shorter key at the same start that makes a hit: the key less a
        final "s" ("M1A2s", not the variant "M1A2S"), then up to each earlier space."""
        cuts = [key_end - 1] if haystack[key_end - 1] == ord("s") else []
        cut = haystack.rfind(b" ", key_start + 1, key_end)
        while cut > key_start:
            cuts.append(cut)
            cut = haystack.rfind(b" ", key_start + 1, cut)
        for cut in cuts:
            index = self._index.get(haystack[key_start:cut])
            if index is not None:
                hit = self._hit(text, padded, index, key_start, cut)
                if hit is not None:
                    return hit
        return None


class _ShortNames(_Names):
    """Case-exact keys with a space at both ends (" US ", " K9s "), overlapping."""

    def __init__(self, forms: dict[bytes, list[_Form]], plural_keys: set[bytes]) -> None:
        super().__init__(forms)
        self._plural = [key in plural_keys for key in self._keys]
        self._matcher = ahocorasick_rs.BytesAhoCorasick(
            self._keys,
            implementation=ahocorasick_rs.Implementation.DFA,
        )

    def scan(self, text: str) -> list[Hit]:
        """Short names in text order (a name may appear in two overlapping keys)."""
        matches = self._matcher.find_matches_as_indexes(
            _haystack(f"{text} ", fold=False), overlapping=True
        )
        found_hits: list[Hit] = []
        for index, key_start, key_end in matches:
            found = text[key_start : key_end - 2]
            entries = self._entries_for(index, found, plural=self._plural[index])
            if entries:
                found_hits.append(Hit(key_start, key_end - 2, found, entries))
        return found_hits


def _add(forms: dict[bytes, list[_Form]], key: bytes, form: _Form) -> None:
    if key.strip() and form not in forms[key]:
        forms[key].append(form)


def _redundant_article(written: str, entries: tuple[NameEntry, ...], kb: KnowledgeBase) -> bool:
    """ "the UN" adds nothing to "UN" for the scan, and as a key it would begin
    every "the united", "the union" and "the under"."""
    rest = written[4:] if written[:4].lower() == "the " else ""
    return bool(rest) and set(kb.names.get(rest, ())) >= set(entries)


def _exact_case(written: str) -> bool:
    """Short all-capital names ("US", "S-400", "AH-64") must match case exactly."""
    letters = [ch for ch in written if ch.isalpha()]
    return bool(letters) and len(letters) <= _EXACT_LETTERS and written.isupper()


def _case_forms(written: str, variant: str) -> set[str]:
    """Upper and title case of a short key, and lower case if the name is written so."""
    cased = {variant.upper(), variant[:1].upper() + variant[1:]}
    return cased | {variant} if written.islower() else cased


def _merge(long_hits: list[Hit], short_hits: list[Hit]) -> list[Hit]:
    """Both lists in text order; a short name inside a longer one ("US" in "the US") goes."""
    merged: list[Hit] = []
    for hit in sorted([*long_hits, *short_hits], key=lambda h: (h.start, -(h.end - h.start))):
        if merged and hit.start < merged[-1].end:
            if hit.end - hit.start > merged[-1].end - merged[-1].start:
                merged[-1] = hit
            continue
        merged.append(hit)
    return merged


def _haystack(text: str, *, fold: bool) -> bytes:
    """The text as the automata read it: a leading space, one byte per character."""
    return _as_bytes(f" {text.lower() if fold and text.isascii() else text}", fold=fold)


def _as_bytes(text: str, *, fold: bool = False) -> bytes:
    if text.isascii():
        return text.encode("ascii").translate(_BYTES_TABLE)
    if fold:
        text = lower_same_length(text)
    marked = text.translate(_UNICODE_SPACES).encode("ascii", errors="replace")
    return marked.translate(_STAND_IN)


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


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer over the packaged knowledge base, built once."""
    return Gazetteer(load_kb())
