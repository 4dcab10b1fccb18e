"""Mentions per sentence: parties, weapon systems, generic system nouns.

The whole body is scanned once; hits are then cut into sentences. An
ambiguous system name (Patriot, Jaguar) is kept only when the sentence has
military context, so "Patriots beat the Jets" gives no system.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from armswatch._text import split_sentences
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

    @property
    def named_systems(self) -> tuple[Mention, ...]:
        """Systems with a designation, not generic nouns."""
        return tuple(m for m in self.systems if m.kind == "system")


@cache
def _context_pattern() -> re.Pattern[str]:
    terms = sorted(load_kb().military_context, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\b", re.IGNORECASE)


def has_military_context(sentence: str, excluding: Hit) -> bool:
    """True when a military word occurs outside the given name.

    A capitalised word inside a sentence is a name ("the Jets"), not context.
    """
    for match in _context_pattern().finditer(sentence):
        word = match.group()
        as_name = word[0].isupper() and not word.isupper() and match.start() > 0
        if not as_name and (match.end() <= excluding.start or match.start() >= excluding.end):
            return True
    return False


def find_mentions(document: Document, gazetteer: Gazetteer) -> Iterator[SentenceMentions]:
    """Yield every body sentence with its mentions."""
    hits = gazetteer.scan(document.text)
    starts = [hit.start for hit in hits]
    for sentence in split_sentences(document.text, document.body):
        low = bisect.bisect_left(starts, sentence.start)
        high = bisect.bisect_left(starts, sentence.end)
        inside = [h for h in hits[low:high] if h.end <= sentence.end]
        yield _sentence_mentions(sentence, inside)


def _sentence_mentions(sentence: Sentence, hits: list[Hit]) -> SentenceMentions:
    parties: list[Mention] = []
    systems: list[Mention] = []
    for hit in hits:
        local = Hit(hit.start - sentence.start, hit.end - sentence.start, hit.text, hit.entries)
        entry = _choose_entry(local, sentence.text)
        if entry is None:
            continue
        mention = _to_mention(local, entry)
        (parties if entry.kind in PARTY_KINDS else systems).append(mention)
    return SentenceMentions(sentence, tuple(parties), tuple(systems))


def _needs_context(hit: Hit, entry: NameEntry) -> bool:
    """Only the bare ambiguous name is gated: "Jaguar", not "K2 tanks" or "Leopard 2A6"."""
    if entry.kind != "system" or not entry.ambiguous:
        return False
    return " " not in hit.text.strip() or hit.text.casefold() == entry.key.casefold()


def _choose_entry(hit: Hit, sentence: str) -> NameEntry | None:
    usable = [
        e
        for e in hit.entries
        if not (_needs_context(hit, e) and not has_military_context(sentence, hit))
    ]
    if not usable:
        return None
    return min(usable, key=lambda e: _KIND_PRIORITY[e.kind])


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
