"""Mentions per sentence: parties, weapon systems, generic system nouns.

The whole body is scanned once; hits are then cut into sentences. An
ambiguous system name (Patriot, Jaguar) is kept only when the sentence has
military context, so "Patriots beat the Jets" gives no system.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

from armswatch._text import split_sentences
from armswatch.find.designations import default_index, family_of, find_designations
from armswatch.find.gazetteer import Gazetteer, Hit
from armswatch.kb import NameEntry, load_kb
from armswatch.models import Document, Mention, Sentence

_KIND_PRIORITY = {"state": 0, "actor": 1, "system": 2, "generic": 3, "company": 4}
PARTY_KINDS = frozenset({"state", "actor", "company"})


@dataclass(frozen=True, slots=True)
class SentenceMentions:
    """A sentence with the KB mentions found in it (offsets are sentence-local)."""

    sentence: Sentence
    parties: tuple[Mention, ...]
    systems: tuple[Mention, ...]
    # Systems with a designation, not generic nouns: kept once, since extraction asks
    # for them several times a sentence.
    named_systems: tuple[Mention, ...] = field(init=False)

    def __post_init__(self) -> None:
        named = tuple(m for m in self.systems if m.kind == "system")
        object.__setattr__(self, "named_systems", named)


def _words_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of the words or phrases, whole, the longest first."""
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in ordered) + r")\b", re.IGNORECASE)


@cache
def _context_pattern(*, users: bool) -> re.Pattern[str]:
    kb = load_kb()
    return _words_pattern(kb.military_users if users else kb.military_context)


@cache
def _civil_pattern() -> re.Pattern[str]:
    return _words_pattern(load_kb().civil_context)


def _in_civil_aviation(sentence: str, hit: Hit, entry: NameEntry) -> bool:
    """An aircraft or engine in a sentence about airlines, with no armed force named and
    not called a combat aircraft itself ("Tu-160 strategic bombers ... an Il-62
    passenger jet")."""
    if entry.category not in {"aircraft", "engine"} or not _civil_pattern().search(sentence):
        return False
    if _COMBAT_HEAD.match(sentence, hit.end):
        return False
    return not has_military_context(sentence, hit, users_only=True)


_COMBAT_HEAD = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:bombers?|fighters?|fighter\s+jets?|interceptors?|gunships?"
    r"|attack\s+helicopters?|strike\s+aircraft)\b"
)


def has_military_context(sentence: str, excluding: Hit, *, users_only: bool = False) -> bool:
    """True when an armed force (or, unless users_only, a military word) occurs outside the name.

    A capitalised weapon word inside a sentence is a name ("the Jets"), not
    context; a capitalised force ("Indian Air Force") is context.
    """
    return any(
        (users or not _capitalised_inside(match)) and _apart(match, excluding)
        for users in ((True,) if users_only else (True, False))
        for match in _context_pattern(users=users).finditer(sentence)
    )


def _capitalised_inside(match: re.Match[str]) -> bool:
    word = match.group()
    return word[0].isupper() and not word.isupper() and match.start() > 0


def _apart(match: re.Match[str], hit: Hit) -> bool:
    return match.end() <= hit.start or match.start() >= hit.end


def find_mentions(document: Document, gazetteer: Gazetteer) -> Iterator[SentenceMentions]:
    """Yield every body sentence with its mentions: KB names, then unknown designations.

    One sense per article: an ambiguous name that some sentence shows to be a
    weapon ("Bushmaster armoured vehicles") is a weapon in the article's other
    sentences too ("a further 20 Bushmaster vehicles").
    """
    hits = gazetteer.scan(document.text)
    hits = _with_acronyms(document.text, _with_versions(document.text, hits))
    hits = _with_designations(document.text, hits)
    starts = [hit.start for hit in hits]
    per_sentence = []
    for sentence in split_sentences(document.text, document.body):
        low = bisect.bisect_left(starts, sentence.start)
        high = bisect.bisect_left(starts, sentence.end)
        inside = [h for h in hits[low:high] if h.end <= sentence.end]
        per_sentence.append((sentence, inside, _sentence_mentions(sentence, inside)))
    confirmed = _confirmed_weapons(found for _, _, found in per_sentence)
    for sentence, inside, found in per_sentence:
        if confirmed and _may_gain(inside, found, confirmed):
            yield _sentence_mentions(sentence, inside, confirmed)
        else:
            yield found


def _confirmed_weapons(found: Iterable[SentenceMentions]) -> frozenset[str]:
    """Keys of the systems accepted somewhere in the article, and their families: a
    "CH-47F Chinook" confirms the "Chinooks" of a later sentence."""
    keys = {mention.key for mentions in found for mention in mentions.named_systems}
    return frozenset(keys | {family_of(key) for key in keys})


def _may_gain(hits: list[Hit], found: SentenceMentions, confirmed: frozenset[str]) -> bool:
    """Whether a confirmed name was turned down in this sentence."""
    kept = {(m.start, m.end) for m in found.systems}
    offset = found.sentence.start
    return any(
        (hit.start - offset, hit.end - offset) not in kept
        and any(entry.key in confirmed for entry in hit.entries)
        for hit in hits
    )


# "the Philippine Air Force (PAF)": an acronym the article defines for a party.
_ACRONYM_AFTER = re.compile(r" \((?P<acronym>[A-Z]{2,6})\)")


def _with_acronyms(text: str, hits: list[Hit]) -> list[Hit]:
    """ "The Philippine Air Force (PAF) ... The PAF received": an acronym an article
    defines after a party's name stands for that party wherever it is used after."""
    defined = [
        (match.end(), match["acronym"], hit.entries)
        for hit in hits
        if any(entry.kind in PARTY_KINDS for entry in hit.entries)
        and (match := _ACRONYM_AFTER.match(text, hit.end)) is not None
    ]
    if not defined:
        return hits
    extra = [
        Hit(use.start(), use.end(), acronym, entries)
        for after, acronym, entries in defined
        for use in re.compile(rf"\b{acronym}\b").finditer(text, after)
        if not any(hit.start < use.end() and use.start() < hit.end for hit in hits)
    ]
    return sorted([*hits, *extra], key=lambda hit: hit.start)


# A version written after a system's name: "Leopard 1V", "Leopard 1A6", "Rafale F5".
_VERSION_AFTER = re.compile(
    r" (?:(?P<number>\d[A-Z]{1,3}\d?)|(?P<letter>[A-Z]{1,2}\d{1,2}[A-Z]?))\b(?![-/.]\w)"
)


def _with_versions(text: str, hits: list[Hit]) -> list[Hit]:
    """A name the KB knows followed by a version it lacks is that version: "Leopard
    1V" is a Leopard 1 (not the bare "Leopard", a Leopard 2); "Rafale F5" is a
    Rafale, not a Rafale and an F-5."""
    result: list[Hit] = []
    swallowed_until = -1
    for hit in hits:
        if hit.start < swallowed_until:
            continue
        longer = _version_of(text, hit)
        if longer is not None:
            swallowed_until = longer.end
        result.append(longer or hit)
    return result


def _version_of(text: str, hit: Hit) -> Hit | None:
    """The hit stretched over the version written after it, if one is."""
    system = next((e for e in hit.entries if e.kind == "system"), None)
    version = _VERSION_AFTER.match(text, hit.end) if system is not None else None
    if system is None or version is None:
        return None
    written = text[hit.start : version.end()]
    member = default_index().family_member(written, len(version[0]))
    if version["number"] and (member is None or member.key == system.key):
        return None
    if member is None:
        # The KB cannot tell "Rafale F5" a Rafale: name it by the system it knows.
        return Hit(hit.start, version.end(), written, (system,))
    entry = NameEntry(
        "system", written, "variant", member.category, member.origin, member.family or member.key
    )
    return Hit(hit.start, version.end(), written, (entry,))


def _with_designations(text: str, hits: list[Hit]) -> list[Hit]:
    """Add designations the KB lacks ("J-35A fighters") between the names it found."""
    found = find_designations(text, [(hit.start, hit.end) for hit in hits])
    if not found:
        return hits
    extra = [Hit(d.start, d.end, d.text, (d.entry,)) for d in found]
    return sorted([*hits, *extra], key=lambda hit: hit.start)


def _sentence_mentions(
    sentence: Sentence, hits: list[Hit], confirmed: frozenset[str] = frozenset()
) -> SentenceMentions:
    parties: list[Mention] = []
    systems: list[Mention] = []
    local_hits = [
        Hit(hit.start - sentence.start, hit.end - sentence.start, hit.text, hit.entries)
        for hit in hits
    ]
    rejected_end = -1
    for index, local in enumerate(local_hits):
        neighbours = _Neighbours(
            local_hits[index - 1].end if index else -1,
            local_hits[index + 1].start if index + 1 < len(local_hits) else -1,
        )
        entry = _choose_entry(local, sentence.text, neighbours, confirmed)
        if entry is not None and entry.kind == "system" and _inside_exercise(sentence.text, local):
            entry = None
        if entry is None:
            rejected_end = local.end
            continue
        if entry.kind == "generic" and _follows(sentence.text, rejected_end, local.start):
            continue
        mention = _to_mention(local, entry)
        if entry.kind == "system" and _abbreviates(sentence.text, mention, systems):
            continue
        if entry.kind == "generic" and _armed_men(sentence.text, parties, mention):
            mention = replace(mention, key="other", category="other")
        (parties if entry.kind in PARTY_KINDS else systems).append(mention)
    systems.extend(_troops_named_by_force(sentence.text, parties))
    return SentenceMentions(sentence, tuple(parties), tuple(systems))


def _troops_named_by_force(sentence: str, parties: list[Mention]) -> list[Mention]:
    """ "The first 200 US Marines arrived in Darwin", "Russian units began arriving":
    men a state's force or demonym names are troops, though no troop noun is listed."""
    troops: list[Mention] = []
    for party in parties:
        marines = _MARINES.search(party.text) if party.role_hint == "metonym" else None
        units = None if party.role_hint not in _UNIT_OWNERS else _UNITS.match(sentence, party.end)
        if marines is not None:
            start, end = party.start + marines.start(), party.start + marines.end()
        elif units is not None:
            start, end = units.start(1), units.end(1)
        else:
            continue
        troops.append(
            Mention(start, end, sentence[start:end], "generic", "other", category="other")
        )
    return troops


_MARINES = re.compile(r"\bMarines\Z")
_UNIT_OWNERS = frozenset({"demonym", "metonym"})
# Units that move: "Russian units began arriving", not "Purolator's Canadian units will".
_UNITS = re.compile(
    r"\s+(units)\s+(?:(?:have|has|had|were|began|started|also)\s+)*"
    r"(?:arriv|deploy|mov|land|cross|flew|flown|enter)"
)


def _abbreviates(sentence: str, mention: Mention, systems: list[Mention]) -> bool:
    """ "Phalcon Airborne Warning and Control System (AWACS) aircraft": a name in
    brackets after a system's own phrase abbreviates that phrase."""
    if (
        sentence[mention.start - 1 : mention.start] != "("
        or sentence[mention.end : mention.end + 1] != ")"
    ):
        return False
    return any(
        m.kind == "system"
        and 0 <= mention.start - m.end <= _ABBREVIATED_REACH
        and not re.search(r"[,;.]", sentence[m.end : mention.start])
        for m in systems
    )


_ABBREVIATED_REACH = 60


# Actor kinds whose men fight: "Wagner fighters", "the group" in later sentences.
ARMED_GROUP_KINDS = frozenset({"armed-group", "company-militia"})


def _armed_men(sentence: str, parties: list[Mention], mention: Mention) -> bool:
    """ "Wagner fighters", "Hezbollah fighters": the group's men, not fighter jets."""
    if not mention.text.lower().startswith("fighter") or not parties:
        return False
    group = parties[-1]
    return group.category in ARMED_GROUP_KINDS and not sentence[group.end : mention.start].strip()


def _follows(sentence: str, rejected_end: int, start: int) -> bool:
    """A noun right after a name that was turned down ("787 Dreamliner aircraft",
    "Jaguar cars") belongs to that name, so it is no system either."""
    return 0 <= rejected_end <= start and not sentence[rejected_end:start].strip()


def _needs_context(hit: Hit, entry: NameEntry) -> bool:
    """Only the bare ambiguous name is gated: "Jaguar", not "K2 tanks" or "Leopard 2A6",
    nor a designation of two letters or more and a number ("MH-60R" of the row whose
    "Seahawk" is a football team)."""
    if entry.kind != "system" or not entry.ambiguous or _DESIGNATION.fullmatch(hit.text):
        return False
    return " " not in hit.text.strip() or hit.text.casefold() == entry.key.casefold()


_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{1,3}-\d{1,4}[A-Z]{0,3}(?:s|'s)?")


def _usable(
    hit: Hit, entry: NameEntry, sentence: str, neighbours: _Neighbours, confirmed: frozenset[str]
) -> bool:
    """A civil type needs an armed force in the sentence; a bare ambiguous name needs
    military context (or the article's confirmation) and must not sit inside a
    longer proper name."""
    if entry.kind == "system" and (
        not _designates(sentence, hit, entry) or _in_civil_aviation(sentence, hit, entry)
    ):
        return False
    if entry.kind == "system" and entry.civil:
        return has_military_context(sentence, hit, users_only=True)
    if entry.kind == "system" and _surname(sentence, hit, neighbours):
        return False
    if not _needs_context(hit, entry):
        return True
    if _nickname(sentence, hit):
        return False
    military = (
        entry.key in confirmed
        or has_military_context(sentence, hit)
        or _MILITARY_HEAD.match(sentence, hit.end)
    )
    return bool(military) and not inside_longer_name(sentence, hit, neighbours)


def _nickname(sentence: str, hit: Hit) -> bool:
    """A unit's nickname is no weapon: 'No. 15 Squadron, the "Cobras"', 'the "Tigers"'."""
    quoted = sentence[hit.start - 1 : hit.start] in _OPEN_QUOTES and _CLOSE_QUOTE.match(
        sentence, hit.end
    )
    before = max(0, hit.start - _UNIT_REACH)
    return bool(quoted or _UNIT_BEFORE.search(sentence, before, hit.start))


_OPEN_QUOTES = frozenset({'"', "“"})
_UNIT_REACH = 20
_CLOSE_QUOTE = re.compile(r"s?[\"”]")
_UNIT_BEFORE = re.compile(
    r"\b(?:[Ss]quadron|[Rr]egiment|[Bb]attalion|[Bb]rigade|[Ww]ing),?\s+(?:the\s+)?[\"“]?\Z"
)


# A unit noun right after the name makes it a weapon: "a Patriot battery".
_MILITARY_HEAD = re.compile(
    r"\s+(?:batter(?:y|ies)|fire units?|launch units?|systems?)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Neighbours:
    """Where the KB names just before and after a hit end and start (-1: none)."""

    previous_end: int
    next_start: int


@cache
def _proper_name_words() -> tuple[frozenset[str], frozenset[str]]:
    data = _proper_names_data()
    return frozenset(data["before"]), frozenset(data["after"])


@cache
def _exercise_pattern() -> re.Pattern[str]:
    return _words_pattern(tuple(_proper_names_data()["exercises"]))


def _proper_names_data() -> dict[str, Any]:
    """data/proper_names.toml, read once by each of the two cached views above."""
    path = resources.files("armswatch.find").joinpath("data/proper_names.toml")
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _inside_exercise(sentence: str, hit: Hit) -> bool:
    """ "Talisman Sabre", "Red Flag": a system name inside an exercise's name."""
    return any(
        m.start() <= hit.start and hit.end <= m.end()
        for m in _exercise_pattern().finditer(sentence)
    )


# "its French-made Caesar howitzers": who made it, not part of a longer name.
_MADE_BY = re.compile(r"-(?:made|built|designed|produced|supplied|owned|operated|led)$")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’-]*)\s+$")
_WORD_AFTER = re.compile(r"^\s+([A-Z][a-z][\w-]*)")


def inside_longer_name(sentence: str, hit: Hit, neighbours: _Neighbours) -> bool:
    """True when a capitalised non-KB word touches the name: "King Khalid", "Typhoon Haiyan"."""
    allowed_before, allowed_after = _proper_name_words()
    before = _WORD_BEFORE.search(sentence, max(0, hit.start - 40), hit.start)
    if (
        before
        and before.group(1) not in allowed_before
        and not _MADE_BY.search(before.group(1))
        and neighbours.previous_end < before.end(1)
    ):
        return True
    after = _WORD_AFTER.match(sentence[hit.end : hit.end + 40])
    return bool(
        after
        and after.group(1) not in allowed_after
        and not (0 <= neighbours.next_start <= hit.end + after.start(1))
    )


# What makes a designation-shaped token something else: an amount ("A 100 mln dlr
# deal"), a bill or a block ("Bill C-40", "Block Q5c"), or a piece of a longer code
# ("CFM56-5-S3", "F100-FW-220").
_AMOUNT_AFTER = re.compile(
    r"\s*(?:mln|million|billion|bln|dlrs?|dollars?|pct|percent|stg|%)(?!\w)",
    re.IGNORECASE,
)
_SERIAL_BEFORE = re.compile(
    r"\b(?:Bill|Resolution|Flight|Route|Highway|Interstate|Blocks?|Lot|Form|Chapter|Article"
    r"|Section|Proposition|Rule|Gate|Platform|Channel)\s+\Z"
)
_CODE_BEFORE = re.compile(r"[A-Za-z0-9]-\Z")
_CODE_AFTER = re.compile(r"-[A-Z0-9]")


def _designates(sentence: str, hit: Hit, entry: NameEntry) -> bool:
    """Whether a system name stands on its own: not an amount, a serial number, part
    of a longer code, a stock ticker ("<ANZA.S>") or a possessive read as a
    suffix ("Paris Club's" is no Club-S)."""
    before = sentence[max(0, hit.start - 12) : hit.start]
    in_ticker = before.rfind("<") > before.rfind(">")
    possessive = any(mark in hit.text for mark in "'’") and not any(m in entry.key for m in "'’")
    return not (
        in_ticker
        or possessive
        or _AMOUNT_AFTER.match(sentence, hit.end)
        or _SERIAL_BEFORE.search(before)
        or _CODE_BEFORE.search(before)
        or _CODE_AFTER.match(sentence, hit.end)
    )


_ONE_WORD = re.compile(r"[^\W\d_]+")
# Particles of Arabic, Dutch and other names: "al-Shaheen", "bin Sultan".
_NAME_PARTICLE = re.compile(r"\b(?:al|el|bin|ibn|abu|abd|ben|van|von)[- ]\Z", re.IGNORECASE)


def _surname(sentence: str, hit: Hit, neighbours: _Neighbours) -> bool:
    """A one-word name after a given name inside the sentence is a person:
    "chief executive Haluk Bayraktar", "Prince Khalid"."""
    if not _ONE_WORD.fullmatch(hit.text):
        return False
    if _NAME_PARTICLE.search(sentence, max(0, hit.start - 5), hit.start):
        return True
    allowed_before, _ = _proper_name_words()
    before = _WORD_BEFORE.search(sentence, max(0, hit.start - 40), hit.start)
    if before is None or neighbours.previous_end >= before.start(1):
        return False
    word = before.group(1)
    plain = word.isalpha() and not word.isupper() and word not in allowed_before
    return plain and bool(sentence[: before.start(1)].strip())


def _choose_entry(
    hit: Hit, sentence: str, neighbours: _Neighbours, confirmed: frozenset[str]
) -> NameEntry | None:
    usable = [e for e in hit.entries if _usable(hit, e, sentence, neighbours, confirmed)]
    if len(usable) < 2:
        return usable[0] if usable else None
    cued = _cued_category(sentence, hit)
    return min(usable, key=lambda e: (_KIND_PRIORITY[e.kind], e.category not in cued))


# The noun after a name shared by systems of two kinds says which one is meant:
# "Hawk trainers" are aircraft, "Hawk launchers" air defence.
_CATEGORY_CUES = (
    (
        re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:jets?|trainers?|aircraft|fighters?|planes?)\b"),
        frozenset({"aircraft"}),
    ),
    (
        re.compile(
            r"\s*(?:[\w-]+\s+){0,2}?(?:missiles?|launchers?|batter(?:y|ies)|SAMs?"
            r"|air[- ]defen[cs]e)\b",
            re.IGNORECASE,
        ),
        frozenset({"air-defence-system", "missile"}),
    ),
)


def _cued_category(sentence: str, hit: Hit) -> frozenset[str]:
    for cue, categories in _CATEGORY_CUES:
        if cue.match(sentence, hit.end):
            return categories
    return frozenset()


def _to_mention(hit: Hit, entry: NameEntry) -> Mention:
    return Mention(
        start=hit.start,
        end=hit.end,
        text=hit.text,
        kind=entry.kind,
        key=entry.key,
        category=entry.category,
        origin=entry.origin,
        role_hint=entry.form,
    )
