"""Deployments: when systems or troops sent abroad stay their sender's.

A state's own forces sent abroad for a drill or a mission are deployed, not
handed over. These checks say when the words of a sentence show that: an armed
force's own systems arriving in another state, systems that go with the
sender's troops, and troops that a verb really moves.
"""

from __future__ import annotations

import re

from armswatch.extract.roles import ARMED_FORCE, Party, Roles, in_origin_phrase, marker_before
from armswatch.extract.triggers import Trigger
from armswatch.find.mentions import SentenceMentions
from armswatch.models import Mention, Stage


def sent_with_troops(mentions: SentenceMentions, trigger: Trigger) -> bool:
    """ "dispatched two Patriot batteries and some 360 military personnel to Adana", "would
    send a THAAD battery and about 100 US soldiers to operate it": a system that goes
    with the sender's own troops stays theirs."""
    text = mentions.sentence.text
    return _ARRIVAL_OR_SENT.fullmatch(trigger.text) is not None and any(
        m.kind == "generic"
        and m.category == "other"
        and not is_ammunition(m)
        and not _RELATIVE_BETWEEN.search(text, min(trigger.end, m.start), m.start)
        and not _TRAINERS.search(m.text)
        and not _TO_TRAIN.match(text, m.end)
        for m in mentions.systems
    )


# "would send four Leopard 2A4s, with Canadian soldiers to help train Ukrainian crews",
# "sent TB2 drones and military advisers": men who teach the receiver to use what it
# is given, not crews who keep the systems their own.
_TRAINERS = re.compile(r"advis[eo]rs?|instructors?|trainers?", re.IGNORECASE)
_TO_TRAIN = re.compile(r"\s+to\s+(?:help\s+)?(?:train|instruct|teach)\b", re.IGNORECASE)


def is_ammunition(system: Mention) -> bool:
    """ "artillery shells", "ammunition": unnamed stores, which are delivered, not men
    who deploy."""
    return system.kind == "generic" and _AMMUNITION.search(system.text) is not None


_AMMUNITION = re.compile(r"shells|ammunition|munitions|rounds", re.IGNORECASE)


# "sent 120 Bushmasters, which Ukrainian soldiers have praised": troops in a relative
# clause are not sent with the systems.
_RELATIVE_BETWEEN = re.compile(r",\s+(?:which|who|whom|that)\b", re.IGNORECASE)


_ARRIVAL_OR_SENT = re.compile(
    r"arriv\w*|landed|sent|dispatched|deployed|flown \w+|(?:would|will|to) send", re.IGNORECASE
)
_ARRIVAL = re.compile(r"arriv\w*|landed|land|lands|sent|flown \w+|flew \w+", re.IGNORECASE)


def own_forces_arrive(text: str, anchor: Mention, trigger: Trigger, parties: list[Party]) -> bool:
    """ "The Bundeswehr's first Patriot launchers arrived in Poland": an armed force's own
    systems that arrive in another named state are deployed there, not handed over
    ("the Hellenic Air Force's new F-16s arrived at Araxos" is a delivery at home)."""
    if not _ARRIVAL.fullmatch(trigger.text):
        return False
    forces = {
        party.code
        for party in parties
        if (
            (_operator_of(party, anchor) or _home_unit(text, party, anchor))
            and 0 <= anchor.start - party.mention.end <= _FORCE_REACH
            and not _CLAUSE_BREAK_CHARS.search(text, party.mention.end, anchor.start)
        )
        or _force_owning(text, anchor, party)
    }
    # "the French Air Force sent Rafale fighters to India": a force flies or sails its
    # own aircraft and ships to where it sends them.
    flown = _SENDING.fullmatch(trigger.text) and anchor.category in {"aircraft", "ship"}
    places = _ARRIVAL_PLACES | {"to"} if flown else _ARRIVAL_PLACES
    abroad = {
        party.code
        for party in parties
        if party.mention.start > trigger.start
        and marker_before(text, party.mention) in places
        and not in_origin_phrase(text[: party.mention.start])
    }
    return bool(forces) and bool(abroad - forces)


_ARRIVAL_PLACES = frozenset({"in", "at", "into", "near"})


def sent_as_deployment(text: str, span: tuple[Mention, Trigger], deployed_before: bool) -> bool:
    """ "Germany sent 18 Alpha Jets to Erhac air base", "Indonesia has sent four of its
    own F-16s to Tindal", or the same systems "sent" to where the article already said
    they were deployed: a state sends its own forces to a base abroad; it hands
    weapons over to a state."""
    anchor, trigger = span
    if not _SENDING.fullmatch(trigger.text):
        return False
    # "Canada sent four of its own M777s in April", naming no destination, gave them.
    own = _OWN_BEFORE.search(text, trigger.end, anchor.start) is not None
    own = own and _TO_AFTER.match(text, anchor.end) is not None
    based = _TO_BASE.search(text, trigger.end, trigger.end + _BASE_REACH) is not None
    return own or based or deployed_before


# "four of its own F-16s": the system right after "its own".
_OWN_BEFORE = re.compile(r"\b(?:its|their)\s+own\s+(?:[\w-]+\s+){0,2}\Z")
# "its own F-16s to Australia": where the system goes, right after it.
_TO_AFTER = re.compile(r"[\w-]*\s+(?:[a-z][\w-]*\s+){0,2}?to\s+(?-i:[A-Z])")
# "... aircraft to Erhac air base", "... to the same base near the city of Malatya".
_BASE_REACH = 120
_TO_BASE = re.compile(
    r"\bto\s+(?:the\s+)?(?:same\s+|[A-Z][\w'-]*\s+){0,3}"
    r"(?:air\s*|naval\s+|military\s+)?base\b"
)
_SENDING = re.compile(r"sent|dispatched|flown \w+|flew \w+", re.IGNORECASE)


def force_abroad(
    anchor: Mention,
    trigger: Trigger,
    parties: list[Party],
    roles: Roles,
    elsewhere: tuple[str, ...],
) -> Roles | None:
    """ "The Bundeswehr's first Patriot launchers arrived near the city", in an article
    about another state: an armed force's own systems that arrive at a place the
    sentence does not name are deployed in another state it names, or else in the
    state the article is about."""
    # Only when no sender is named: "the Ukrainian Army's Leopards arrived from Germany";
    # "Four Belgian Air Force F-16s landed at Zokniai" names the force right before them.
    owner_rules = {("origin", "possessive-owner"), ("origin", "other-party")}
    if not _ARRIVAL.fullmatch(trigger.text) or roles.rules[:2] not in owner_rules:
        return None
    forces = [
        party.code
        for party in parties
        if _is_armed_force(party)
        and party.code == roles.recipient
        and 0 <= anchor.start - party.mention.end <= _FORCE_REACH
    ]
    named = tuple(p.code for p in parties if not p.is_company)
    host = next((code for code in (*named, *elsewhere) if code not in forces), None)
    if not forces or host is None:
        return None
    return Roles(forces[0], host, ("force-owner", "force-abroad"))


def force_sends(trigger: Trigger, parties: list[Party], roles: Roles) -> bool:
    """ "The US Army sent two Patriot batteries to Rzeszow": an armed force that sends
    systems sends its own units; a force sells nothing."""
    if "subject-supplier" not in roles.rules or not _SENDING.fullmatch(trigger.text):
        return False
    return any(
        _is_armed_force(party)
        and party.code == roles.supplier
        and party.mention.end <= trigger.start
        for party in parties
    )


def home_base_sender(
    stage: Stage, roles: Roles, span: tuple[Mention, Trigger], parties: list[Party]
) -> Roles:
    """ "Six CF-18 Hornets from 3 Wing Bagotville landed at Campia Turzii": deployed
    systems come from the state of the home base named between them and the verb, not
    from the state that designed them."""
    anchor, trigger = span
    if stage != "deployment" or roles.rules[:1] != ("origin",):
        return roles
    homes = [
        party.code
        for party in parties
        if party.is_place
        and anchor.end <= party.mention.start < trigger.start
        and party.code != roles.recipient
    ]
    if not homes:
        return roles
    return Roles(homes[0], roles.recipient, ("home-base", *roles.rules[1:]))


def _operator_of(party: Party, system: Mention) -> bool:
    """An armed force ("the Bundeswehr's"), or a demonym that is not the design's maker
    ("Polish MiG-29s"): the state whose forces fly or field the system."""
    if party.mention.role_hint == "metonym":
        return _is_armed_force(party)
    return party.mention.role_hint == "demonym" and system.origin not in {None, party.code}


def _home_unit(text: str, party: Party, system: Mention) -> bool:
    """ "a US THAAD battery arrived at Osan Air Base": a unit of the maker's own forces,
    named by its formation, that arrives abroad is theirs."""
    adjective = party.mention.role_hint == "demonym" or (
        party.mention.role_hint == "name" and not text[party.mention.end : system.start].strip()
    )
    return (
        adjective
        and system.origin == party.code
        and _FORMATION_AFTER.match(text, system.end) is not None
    )


# "THAAD battery", "(THAAD) battery", "Patriot units": a formation of a force.
_FORMATION_AFTER = re.compile(
    r"\)?\s+(?:\([\w-]+\)\s+)?(?:[\w-]+\s+){0,2}?(?:battery|batteries|units?|squadrons?|detachments?|task\s+force)\b",
    re.IGNORECASE,
)


def _is_armed_force(party: Party) -> bool:
    """ "the Bundeswehr", "the United States Army": a state named by its armed force."""
    mention = party.mention
    return mention.role_hint == "metonym" and ARMED_FORCE.search(mention.text) is not None


# "a Patriot battery of the United States Army": the force named after its system.
_OF_THE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?of\s+the\s+", re.IGNORECASE)
_FORCE_AFTER = re.compile(r"\s*(?:Army|Navy|Air Force|Marine Corps|Marines)\b")


def _force_owning(text: str, anchor: Mention, party: Party) -> bool:
    """Whether the party is the armed force whose system the anchor names."""
    if _OF_THE.fullmatch(text, anchor.end, party.mention.start) is None:
        return False
    return _is_armed_force(party) or _FORCE_AFTER.match(text, party.mention.end) is not None


# "the Bundeswehr's first two Patriot launchers": the force and its system are close.
_FORCE_REACH = 30
_CLAUSE_BREAK_CHARS = re.compile(r"[,;:()]")


def named_destination(roles: Roles) -> bool:
    """Whether the recipient is where the sentence says things went."""
    rule = roles.rules[1] if len(roles.rules) > 1 else ""
    return rule.startswith(("marker-", "place-"))


_TROOP_REACH = 100
# ", which is also based at Rheindahlen,": an aside about something else.
_ASIDE = re.compile(r",\s+(?:which|who|where|received)\b[^,]*,")
# Soldiers who are not a state's forces sent abroad: "fugitive Libyan soldiers",
# "killed or wounded 1,500 Iraqi soldiers".
_NOT_SENT = re.compile(
    r"\b(?:fugitive|defecting|deserting|deserted|defected|captured|wounded|killed|dead|missing"
    r"|injured|enemy)\s+(?:[\w,-]+\s+){0,2}\Z",
    re.IGNORECASE,
)


def troops_moved(sentence: str, troops: Mention, trigger: Trigger) -> bool:
    """Troops are deployed only by a verb about them, near them in the sentence."""
    distance = max(trigger.start - troops.end, troops.start - trigger.end)
    aside = any(
        a.start() <= trigger.start < a.end() and not a.start() <= troops.start < a.end()
        for a in _ASIDE.finditer(sentence)
    )
    return (
        distance <= _TROOP_REACH and not aside and not _NOT_SENT.search(sentence, 0, troops.start)
    )
