"""Who supplies and who receives, from the words around the parties.

Cues, strongest first: a marker word before the party ("to India", "from
Russia"), the party's place as subject of a buying or selling verb, and the
system's origin state, which is the usual supplier. Licence production and
re-exports are caught when both cues point at one state: the supplier is
then the system's origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from armswatch.extract.rules import Rules
from armswatch.models import Mention, Stage

_PRECEDING_WORD = re.compile(r"([A-Za-z]+)\W*(?:the\s+|its\s+|their\s+)?$")
_DEPLOYMENT_LOCATION = frozenset({"in", "at", "into", "to"})


@dataclass(frozen=True, slots=True)
class Party:
    """A party mention resolved to the code written in events."""

    code: str
    mention: Mention

    @property
    def is_demonym(self) -> bool:
        """Demonyms ("Russian") often qualify a system or a person, not a party."""
        return self.mention.role_hint == "demonym"


@dataclass(frozen=True, slots=True)
class Roles:
    """The supplier and recipient chosen for an event, and how."""

    supplier: str | None
    recipient: str | None
    rules: tuple[str, ...]


def to_parties(mentions: tuple[Mention, ...]) -> list[Party]:
    """Party codes for mentions: states and actors by key, companies by home state."""
    parties: list[Party] = []
    for mention in mentions:
        code = mention.origin if mention.kind == "company" else mention.key
        if code:
            parties.append(Party(code, mention))
    return parties


def marker_before(sentence: str, mention: Mention) -> str | None:
    """The word just before a mention, skipping an article or possessive."""
    found = _PRECEDING_WORD.search(sentence[: mention.start])
    return found.group(1).lower() if found else None


def assign_roles(
    sentence: str,
    parties: list[Party],
    trigger_start: int,
    stage: Stage,
    origin: str | None,
    rules: Rules,
) -> Roles:
    """Pick supplier and recipient among the sentence's parties."""
    supplier, recipient, used = _by_markers(sentence, parties, stage, rules)
    if supplier is None or recipient is None:
        subject = _subject(sentence, parties, trigger_start, rules)
        if subject is not None:
            role = _subject_role(sentence, trigger_start, stage, rules)
            if role == "recipient" and recipient is None and subject.code != supplier:
                recipient, used = subject.code, (*used, "subject-recipient")
            elif role == "supplier" and supplier is None and subject.code != recipient:
                supplier, used = subject.code, (*used, "subject-supplier")
    return _complete(parties, supplier, recipient, origin, used)


def _by_markers(
    sentence: str, parties: list[Party], stage: Stage, rules: Rules
) -> tuple[str | None, str | None, tuple[str, ...]]:
    supplier: str | None = None
    recipient: str | None = None
    recipient_markers = rules.recipient_markers | (
        _DEPLOYMENT_LOCATION if stage == "deployment" else frozenset()
    )
    for party in parties:
        word = marker_before(sentence, party.mention)
        if word in rules.supplier_markers and supplier is None and word != "with":
            supplier = party.code
        elif word in recipient_markers and word != "with" and recipient is None:
            recipient = party.code
    used = ("marker-supplier",) if supplier else ()
    return supplier, recipient, (*used, "marker-recipient") if recipient else used


def _subject(
    sentence: str, parties: list[Party], trigger_start: int, rules: Rules
) -> Party | None:
    before = [p for p in parties if p.mention.end <= trigger_start]
    for party in reversed(before):
        word = marker_before(sentence, party.mention)
        markers = rules.recipient_markers | rules.supplier_markers
        if word not in markers and not (party.is_demonym and _qualifies_noun(sentence, party)):
            return party
    return None


def _qualifies_noun(sentence: str, party: Party) -> bool:
    """A demonym before a title or noun ("Turkish President") is not the actor."""
    rest = sentence[party.mention.end :].lstrip()
    return bool(rest) and rest[0].isalpha()


def _subject_role(sentence: str, trigger_start: int, stage: Stage, rules: Rules) -> str:
    window = sentence[max(0, trigger_start - 60) : trigger_start + 40]
    if stage == "deployment":
        return "supplier"
    recipient_verb = rules.recipient_verbs.search(window)
    supplier_verb = rules.supplier_verbs.search(window)
    if recipient_verb and not supplier_verb:
        return "recipient"
    if supplier_verb and not recipient_verb:
        return "supplier"
    if recipient_verb and supplier_verb:
        return "recipient" if recipient_verb.start() < supplier_verb.start() else "supplier"
    return "unknown"


def _complete(
    parties: list[Party],
    supplier: str | None,
    recipient: str | None,
    origin: str | None,
    used: tuple[str, ...],
) -> Roles:
    codes = [p.code for p in parties if not p.is_demonym] or [p.code for p in parties]
    if supplier is None and origin and origin != recipient and origin in codes:
        supplier, used = origin, (*used, "origin-in-sentence")
    if recipient is None:
        others = [c for c in codes if c != supplier]
        if others:
            recipient, used = others[0], (*used, "other-party")
    if supplier is None and origin and origin != recipient:
        supplier, used = origin, (*used, "origin")
    if supplier is not None and supplier == recipient and origin and origin != recipient:
        supplier, used = origin, (*used, "licence-origin")
    return Roles(supplier, recipient, used)
