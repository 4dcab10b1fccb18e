"""Events from the mentions of one article.

Each sentence with a weapon system and an asserted stage trigger yields one
event per system. Sentences that only say "the jets" or "36 aircraft" borrow
the system of the article's last event of that category (or, before any, the
one a sentence named in passing); other unnamed
systems yield nothing, except troops and contingents (a deployment with
category "other"). A sentence without a recipient borrows the previous
event's. The same (supplier, recipient, system family, stage) is reported
once per article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from armswatch._text import fold
from armswatch.extract.bystanders import is_bystander
from armswatch.extract.confidence import with_confidence
from armswatch.extract.deployments import (
    force_abroad,
    force_sends,
    home_base_sender,
    is_ammunition,
    named_destination,
    own_forces_arrive,
    sent_as_deployment,
    sent_with_troops,
    troops_moved,
)
from armswatch.extract.roles import (
    Party,
    RoleContext,
    Roles,
    assign_roles,
    clause_opening,
    is_dateline,
    listed_after,
    listed_before,
    marker_before,
    names_no_role,
    opens_scene,
    to_parties,
)
from armswatch.extract.rules import Rules, load_rules
from armswatch.extract.slots import (
    SMALL_NUMBERS,
    DateHints,
    event_date,
    follow_up_date,
    later_year,
    money_for,
    quantity_for,
    single_unit,
)
from armswatch.extract.triggers import (
    DEAL_SIGNED,
    MAIN_AUXILIARY,
    RELATIVE_BEFORE,
    SUBORDINATE_BEFORE,
    Trigger,
    choose_stage,
    clause_span,
    find_triggers,
    is_denied_or_reaction,
    is_noun,
    second_stage,
)
from armswatch.find.dates import FULL_MONTH_NAMES, find_dates, month_number
from armswatch.find.designations import family_of
from armswatch.find.mentions import ARMED_GROUP_KINDS, SentenceMentions
from armswatch.find.quantities import (
    FORMATION_WORDS,
    QuantityMention,
    count_at,
    find_quantities,
)
from armswatch.kb import KnowledgeBase, load_kb
from armswatch.models import Event, Explanation, Mention, Stage

_DEFINITE = re.compile(
    r"\b(?:the|these|those|its|their|such|\d[\d,]*|\w+teen|\w+ty|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NUMBER = r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# "approved the purchase", "the deal was frozen", "the systems arrived": a sentence
# about the article's last named system.
_DEAL_REFERENCE = re.compile(
    # "the $375 million contract": a value may stand between.
    r"\b(?:the|this|that|these|those)\s+(?:(?:roughly|about|around|some|nearly|almost"
    r"|approximately|estimated|reported)\s+)?(?:(?:US)?[$€£]?\d[\d.,]*[\s-]*(?:million|billion|bn|m)?\s+)?"
    r"(?:[\w-]+\s+)?(?:deal|purchase|contract|sale|transfer|"
    r"order|acquisition|programme|program|systems?|weapons|launchers|batteries)\b"
    # "ordered 30 more", "another 12": more of the same system.
    rf"|\b{_NUMBER}\s+more\b(?!\s+(?:than|days?|weeks?|months?|years?|times?)\b)"
    rf"|\banother\s+{_NUMBER}\b(?!\s+(?:days?|weeks?|months?|years?)\b)"
    # "ordered three batteries", "the first of them arrived".
    rf"|\b{_NUMBER}\s+(?:batteries|launchers|units)\b"
    rf"|\b(?:{_NUMBER}|first|last|some|all|most|rest)\s+of\s+them\b"
    # "cancelled a similar sale to China": the same system, for another buyer.
    r"|\ba\s+similar\s+(?:deal|sale|contract|order|purchase)\b"
    # "They were supplied by Spain": the systems of the sentence before.
    r"|^They(?=\s+(?:were|have\s+been|had\s+been)\s+\w+ed\b)"
    # "All 18 were delivered", "The first six arrived": a count of them as the subject.
    r"|^(?:(?:all|the\s+first|the\s+last|the\s+remaining|the\s+other|a\s+further)\s+)?"
    rf"{_NUMBER}(?:\s+more)?(?:\s+(?:squadrons?|regiments?|systems|aircraft|jets|fighters|ships"
    r"|boats|vessels|helicopters|tanks))?"
    r"(?=\s+(?:were|was|have|has|had|arrived|landed)\b)",
    re.IGNORECASE,
)
# "18 of the launchers", "30 more": a count of the system referred to.
_COUNT_OF = re.compile(rf"\b{_NUMBER}\s+of\s+$")
# "the $375 million contract for three batteries": the deal says what it counts.
_FOR_COUNT = re.compile(rf"\s+for\s+(?:a\s+further\s+|another\s+)?{_NUMBER}\s", re.IGNORECASE)
_COUNTED_REFERENCE = re.compile(rf"^(?:{_NUMBER}|another)\b", re.IGNORECASE)
_DETACHED = re.compile(
    r"\b(?:after|before|until(?! further notice)|successor|replac\w*|instead|than|similar"
    r"|alongside|unlike|shot down|against|engaging|intercepting|intercepted|"
    r"such as|including its|compared|rival|competitor|(?:it|them) over|beating|beat out|"
    # "The CV90s will join the XA-180s that Finland supplied": serving beside them.
    r"join|joins|joined|joining|"
    r"ahead of|edged out|led to|prompted|triggered|resulted in|fires|firing|armed with|"
    # "a clear edge over India's T-72M1 fleet", "its involvement with the F-35".
    r"(?:edge|advantage|superiority) over|involvement|participation|"
    r"over the(?!\s+(?:purchase|sale|deal|acquisition|contract|order|deliver|suppl|transfer))|"
    r"equipped with|fitted with|powered by|tried to|attempted to|however|"
    # "its army currently relies on ageing M60A3s": what a buyer has, not what it gets.
    r"relies on|rely on|relying on|currently (?:operates|flies|fields|uses)|"
    # "..., and it has flown Russian-made Mi-35s for years": what it has long used.
    r"(?:has|have|had) (?:long )?flown(?! (?:from|to|into|in|over|out|back)\b)|"
    # "took delivery of two frigates, and the air force operates Spyder systems".
    r"operates|operate|fields)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Article:
    """The article-wide state: its date, the rules, and what earlier sentences established."""

    published: dt.date | None
    rules: Rules
    kb: KnowledgeBase
    last_system: dict[str, Mention] = field(default_factory=dict)
    # Systems a sentence that told no act named, kept as referents ("the boats").
    named_in_passing: list[Mention] = field(default_factory=list)
    last_roles: Roles | None = None
    last_named: Mention | None = None
    # The first state the previous sentence names outright: what "It" stands for.
    previous_subject: str | None = None
    # The states around the last named system: its origin and the sentence's states.
    last_named_states: frozenset[str] = frozenset()
    # Each system an event was found for, with its parties: what "the Pakistani
    # order" refers to when the last named system is another (its engine).
    dealt: list[tuple[Mention, frozenset[str]]] = field(default_factory=list)
    # The supplier first found for each system: "Two more were delivered" comes from
    # the same seller as the first two, whatever the design's origin.
    suppliers: dict[str, str] = field(default_factory=dict)
    # The first recipient told for each system family: who "the framework agreements
    # for up to 1,000 K2 tanks" are with when the sentence names no buyer.
    receivers: dict[str, str] = field(default_factory=dict)
    # The state whose adjective first stood right before each system ("Turkish F-16
    # jets"): whose forces "the jets were flown to Azerbaijan for drills" are.
    owners: dict[str, str] = field(default_factory=dict)
    next_sentence: SentenceMentions | None = None
    # The last armed group named: what "the group" or "the militia" stands for.
    last_group: Mention | None = None
    # The donor and the recipient of the last aid package announced without a system
    # ("Spain pledged 1 billion euros during Zelensky's visit"): who gives what "the
    # package would include", and to whom.
    aid_roles: tuple[str, str | None] | None = None
    # The state the current digest item is about ("NIGERIA - ...").
    item_state: str | None = None
    # The state of the dateline's city ("ABUJA, July 23 (Wire) - ..."): where the news
    # is, and likeliest the buyer of what its first sentences name no buyer for.
    home: str | None = None
    # Every named system so far, in order: what "the Soviet-built fighters" refer to.
    seen_systems: list[Mention] = field(default_factory=list)
    # The day of the first act of each stage a sentence tells with no system at all
    # ("notified Congress on Friday of arms sales to Taiwan"), and the states it names.
    lead_days: dict[Stage, tuple[str, frozenset[str]]] = field(default_factory=dict)
    # The date of the first act on unnamed systems of each stage and category.
    unnamed_dates: dict[tuple[Stage, str], str] = field(default_factory=dict)
    # Whether the sentence before told of a deployment: what lands next comes for it.
    drill_before: bool = False
    # (supplier, recipient, system) of every deployment of a named system so far: the
    # same systems "sent" there later are that deployment, not a handover.
    deployed: set[tuple[str | None, str | None, str | None]] = field(default_factory=set)
    # The last few sentences, latest first: what "at the same time" looks back to.
    recent_texts: list[str] = field(default_factory=list)
    # Where each day of a live blog begins: its entries report acts of that day.
    live_days: tuple[tuple[int, dt.date], ...] = ()

    @property
    def main_states(self) -> tuple[str, ...]:
        """The two states named most often so far: the likeliest recipient of a
        sentence that names only a supplier (in a live blog on aid to Ukraine,
        Ukraine); the second serves when the first is that supplier."""
        ranked = sorted(
            self.state_counts,
            key=lambda code: (-self.receiving_counts[code], -self.state_counts[code]),
        )
        return tuple(ranked[:2])

    state_counts: Counter[str] = field(default_factory=Counter)
    # The suppliers of the events found so far.
    suppliers_seen: set[str] = field(default_factory=set)
    # Deals cancelled before the article names what they hold: "Iraq has cancelled a
    # $4.2 billion arms deal with Russia" ... "Iraq was to buy 30 Mi-28NE helicopters".
    unnamed_cancellations: list[_UnnamedCancellation] = field(default_factory=list)
    # States named after "to" or "for" ("sending weapons to Kyiv"), in any sentence.
    receiving_counts: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True, slots=True)
class _Clause:
    """One sentence ready for event building: its mentions, parties and trigger."""

    mentions: SentenceMentions
    parties: list[Party]
    trigger: Trigger
    # Other asserted triggers of the same stage, for systems the trigger cannot reach.
    alternatives: tuple[Trigger, ...] = ()
    # A second stage's own clause ("..., and they were delivered in 2022").
    scope: tuple[int, int] | None = None
    # Every trigger of the sentence, asserted or not: a date by another stage's verb
    # is that verb's ("received the tanks ordered in 2018").
    all_triggers: tuple[Trigger, ...] = ()


def extract_events(
    sentences: list[SentenceMentions],
    published: dt.date | None,
    kb: KnowledgeBase | None = None,
    *,
    live_days: tuple[tuple[int, dt.date], ...] = (),
    min_confidence: float | None = None,
) -> list[Event]:
    """All events the article asserts, deduplicated by key; `live_days` says where
    each day of a live blog begins. Events below `min_confidence` (by default the
    confidence model's cutoff) are left out."""
    if not any(mentions.systems for mentions in sentences):
        return []  # most of a news stream names no weapon or force: nothing to tell
    article = _Article(published, load_rules(), kb or load_kb(), live_days=live_days)
    events: list[Event] = []
    for index, mentions in enumerate(sentences):
        article.next_sentence = sentences[index + 1] if index + 1 < len(sentences) else None
        if index < _DATELINE_SENTENCES and article.home is None:
            article.home = _dateline_state(mentions)
        label = _digest_label(mentions)
        if label is not None:
            _start_item(article, label)
        found = [_with_lead_day(event, article) for event in _sentence_events(mentions, article)]
        if not found:
            _date_the_deal(mentions, events, article)
            _remember_cancelled_deal(mentions, article)
            _remember_dated_act(mentions, article)
        events.extend(found)
        article.suppliers_seen.update(e.supplier for e in found if e.supplier)
        article.drill_before = any(e.stage == "deployment" for e in found)
        article.deployed.update(
            (e.supplier, e.recipient, e.system)
            for e in found
            if e.stage == "deployment" and e.system
        )
        article.recent_texts = [mentions.sentence.text, *article.recent_texts[: _LOOK_BACK - 1]]
        _remember_referents(mentions, {event.system for event in found}, article)
        _remember_named(mentions, found, article)
        article.seen_systems.extend(mentions.named_systems)
        article.aid_roles = _aid_announced(mentions, article) or article.aid_roles
        groups = [m for m in mentions.parties if m.category in ARMED_GROUP_KINDS]
        article.last_group = groups[-1] if groups else article.last_group
        named_states = _named_states(mentions)
        article.previous_subject = named_states[0] if named_states else None
        article.state_counts.update(named_states)
        article.receiving_counts.update(_receiving_states(mentions, article.rules))
    events += _cancelled_contents(events, article)
    events = _suppliers_told_elsewhere(_package_days(events), article.kb)
    return with_confidence(merge_duplicates(events, article.kb), min_confidence)


# "(5) Has the Government sought to acquire the F-22 Raptor.": a question, even with a full stop.
_QUESTION_START = re.compile(
    r"\s*(?:\(\w{1,3}\)\s*)?(?-i:Has|Have|Did|Does|Do|Is|Are|Was|Were|Will|Would|Can|Could)\s+"
    r"(?:the|a|an|any|all|it|they|there|this|that|these|those|(?-i:[A-Z])\w+)\b"
)
_DENIED_AFTER = re.compile(
    r"\b(?:were|was|have been|has been)\s+(?:(?:flatly|firmly|strongly)\s+)?"
    r"(?:dismissed|denied|rejected|refuted|debunked)\b"
    # "Reports that it has also bought the S-300PMU2 remain unconfirmed".
    r"|\bremain(?:s|ed)?\s+unconfirmed\b",
    re.IGNORECASE,
)
_MONTH_ONLY = frozenset({"published-month", "report-date-month"})
# Dates a later sentence that dates the deal outright replaces: a month only, or a
# day reckoned back from the report ("two weeks after Manila signed").
_ESTIMATED = _MONTH_ONLY | {"time-before-report"}
# "The contract with BrahMos Aerospace was signed on 28 January": a deal told before.
_DEAL_SIGNED_ON = re.compile(
    r"\b(?:the|its|this|that)\s+(?:[\w$.,-]+\s+){0,4}?(?:contract|deal|agreement)\b"
    r"(?:[^.;]{0,80}?\b(?:was|were|had\s+been|has\s+been)\s+|,\s+)(?P<act>signed|concluded)\b",
    re.IGNORECASE,
)


def _date_the_deal(mentions: SentenceMentions, events: list[Event], article: _Article) -> None:
    """ "Manila signed its first contract for the BrahMos. ... The contract with BrahMos
    Aerospace was signed on 28 January": a later sentence that dates the deal, naming
    no system, dates the last deal the article left with only its report's month."""
    deal = next((i for i in reversed(range(len(events))) if events[i].stage == "agreement"), None)
    if deal is None or mentions.named_systems or _ESTIMATED.isdisjoint(events[deal].rules):
        return  # checked first: most sentences follow no deal left undated
    text = mentions.sentence.text
    signed = _DEAL_SIGNED_ON.search(text)
    if signed is None:
        return
    act = Trigger(signed.start("act"), signed.end("act"), signed["act"], "agreement", None)
    date, rule = event_date(text, act, article.published, article.rules)
    if rule != "date-in-sentence":
        return
    kept = tuple(r for r in events[deal].rules if r not in _ESTIMATED)
    events[deal] = replace(events[deal], event_date=date, rules=(*kept, "deal-dated-later"))


@dataclass(frozen=True, slots=True)
class _UnnamedCancellation:
    """A cancelled deal whose systems a later sentence names, and between whom."""

    trigger: Trigger
    date: str | None
    date_rule: str
    sentence: SentenceMentions
    states: frozenset[str]


_DEAL_NOUNS = r"deal|contract|agreement|order|purchase"
_DEAL_WORD = re.compile(_DEAL_NOUNS, re.IGNORECASE)
# "cancelled a $4.2 billion arms deal with Russia", "scrapped its contract": a deal.
_CANCELLED_DEAL = re.compile(
    rf"\s+(?:off\s+)?(?:an?|its|their|the)\s+(?:[\w$.,-]+\s+){{0,5}}?(?:{_DEAL_NOUNS})\b",
    re.IGNORECASE,
)


def _remember_cancelled_deal(mentions: SentenceMentions, article: _Article) -> None:
    """A sentence that cancels a deal between two named states and names no system:
    what the deal held comes later."""
    if mentions.named_systems:
        return
    states = frozenset(m.key for m in mentions.parties if m.kind == "state")
    if len(states) != 2:
        return
    text = mentions.sentence.text
    # Checked cheapest first: most sentences name no deal, and most deals go ahead.
    if not _DEAL_WORD.search(text) or not article.rules.stage_patterns["cancellation"].search(text):
        return
    acts = [
        t
        for t in find_triggers(text, article.rules)
        if t.stage == "cancellation" and t.blocked_by is None and _CANCELLED_DEAL.match(text, t.end)
    ]
    if acts:
        date, rule = event_date(text, acts[0], article.published, article.rules)
        article.unnamed_cancellations.append(
            _UnnamedCancellation(acts[0], date, rule, mentions, states)
        )


def _cancelled_contents(events: list[Event], article: _Article) -> list[Event]:
    """The cancellation of each system a later sentence places in a deal cancelled
    earlier between the same two states ("Under the package, Iraq was to buy 30
    Mi-28NE helicopters")."""
    added: list[Event] = []
    done = {(e.supplier, e.recipient, e.system) for e in events if e.stage == "cancellation"}
    for cancelled in article.unnamed_cancellations:
        sentence = cancelled.sentence.sentence
        for event in events:
            key = (event.supplier, event.recipient, event.system)
            later = event.evidence_start > sentence.start
            pair = {event.supplier, event.recipient} == cancelled.states
            if not (later and pair and event.system) or key in done:
                continue
            done.add(key)
            added.append(_cancellation_of(event, cancelled))
    return added


def _cancellation_of(event: Event, cancelled: _UnnamedCancellation) -> Event:
    """The event's system, cancelled where the earlier sentence says so."""
    sentence, trigger = cancelled.sentence.sentence, cancelled.trigger
    explanation = event.explanation
    if explanation is not None:
        explanation = replace(explanation, trigger=f"{trigger.text} (cancellation)")
    return replace(
        event,
        stage="cancellation",
        event_date=cancelled.date,
        evidence=sentence.text,
        evidence_start=sentence.start,
        evidence_end=sentence.end,
        rules=(
            f"trigger:cancellation:{trigger.text.lower()}",
            "deal-named-later",
            cancelled.date_rule,
        ),
        explanation=explanation,
    )


_DAY_LENGTH = len("2019-10-24")


def _package_days(events: list[Event]) -> list[Event]:
    """ "It also ordered 12 helicopters": an undated act of the same supplier and stage
    told after one dated to a day of that month belongs to that act's package."""
    dated: dict[tuple[str | None, Stage], str] = {}
    result: list[Event] = []
    for told in events:
        key = (told.supplier, told.stage)
        event = _with_package_day(told, dated.get(key))
        if event.supplier and event.event_date and len(event.event_date) == _DAY_LENGTH:
            dated[key] = event.event_date
        result.append(event)
    return result


# What an act told before its systems are named deals in: "five proposed arms sales".
_ARMS_WORD = re.compile(
    r"\b(?:arms|weapons?|weaponry|military|defen[cs]e|munitions|equipment|packages?"
    r"|warships?|vessels?|navy|naval|army|air force|armed forces)\b",
    re.IGNORECASE,
)


def _remember_dated_act(mentions: SentenceMentions, article: _Article) -> None:
    """ "The Obama administration on Friday notified Congress of five proposed arms
    sales to Taiwan": an act dated to its day that names no system yet. Not a
    deployment: "forces began the exercise on Thursday" dates the drill, not the sending."""
    text = mentions.sentence.text
    if mentions.systems or not mentions.parties or _ARMS_WORD.search(text) is None:
        return  # checked first: most sentences of a news stream tell of no arms at all
    triggers = find_triggers(text, article.rules)
    act = choose_stage(text, triggers, article.rules)
    if act is None or act.blocked_by is not None or act.stage == "deployment":
        return
    if act.stage in article.lead_days:
        return
    day, rule = event_date(text, act, article.published, article.rules)
    if day is None or len(day) != _DAY_LENGTH or rule in _MONTH_ONLY:
        return
    article.lead_days[act.stage] = (day, frozenset(m.key for m in mentions.parties))


def _with_lead_day(event: Event, article: _Article) -> Event:
    """ "The package includes 114 PAC-3 missiles": an act dated only by its report's
    month, between states a dated act of its stage named earlier that month, is that
    act's and takes its day."""
    day, states = article.lead_days.get(event.stage, ("", frozenset()))
    if not {event.supplier, event.recipient} <= states:
        return event
    return _with_package_day(event, day)


def _with_package_day(event: Event, lead_day: str | None) -> Event:
    month_only = bool(_MONTH_ONLY.intersection(event.rules))
    if not (lead_day and month_only and lead_day[:7] == event.event_date):
        return event
    return replace(event, event_date=lead_day, rules=(*event.rules, "package-day"))


# "NIGERIA - The air force ...", "Niger: ...": a digest item about one state.
_LABEL_AFTER = re.compile(r"\s*(?:-|\u2013|\u2014|:)\s")
# What may open a digest item before its label: "2. ", "- ", "* ".
_ITEM_START = re.compile(r"(?:\d{1,2}[.)]\s*|[-*\u2022]\s*)?")


def _digest_label(mentions: SentenceMentions) -> str | None:
    """The state a digest item is about, when the sentence opens one."""
    first = mentions.parties[0] if mentions.parties else None
    text = mentions.sentence.text
    if first is None or first.kind != "state" or not _ITEM_START.fullmatch(text[: first.start]):
        return None
    return first.key if _LABEL_AFTER.match(text, first.end) else None


# A title and a standfirst may come before the sentence with the dateline.
_DATELINE_SENTENCES = 3


def _dateline_state(mentions: SentenceMentions) -> str | None:
    """The state whose city opens the sentence as a dateline, if one does."""
    text = mentions.sentence.text
    return next(
        (m.key for m in mentions.parties if m.kind == "state" and is_dateline(text, m)), None
    )


def _scene_receiver(roles: Roles, text: str, parties: list[Party]) -> Roles:
    """ "In the Central African Republic, Russia sent 175 instructors": a state the
    sentence opens on as its scene receives what the sentence names no receiver for."""
    if not _receiver_guessed(roles):
        return roles
    scene = next((p.code for p in parties if opens_scene(text, p.mention)), None)
    return _received_by(roles, scene, "scene-state")


def _remember_referents(
    mentions: SentenceMentions, acted: set[str | None], article: _Article
) -> None:
    """The first system a sentence names is what "the boats" later refers to; a second
    name of the same category there is usually an alias or a part. A sentence that
    tells no act names one too ("The boat is of Project 636 type, known as the Kilo
    class"), until a sentence that tells an act names another of its kind."""
    for system in reversed(mentions.named_systems):
        category = system.category or "other"
        if system.key in acted:
            article.last_system[category] = system
        elif not acted and article.last_system.get(category) in (None, *article.named_in_passing):
            article.last_system[category] = system
            article.named_in_passing.append(system)


def _dateline_receiver(roles: Roles, article: _Article) -> Roles:
    """ "ABUJA - The first six Super Tucanos landed in Kano": a sentence that names no
    receiver, with none before it, tells of the state the news comes from."""
    if roles.recipient is not None:
        return roles
    return _received_by(roles, article.home, "dateline-state")


def _start_item(article: _Article, state: str) -> None:
    """A new digest item: what earlier items named is no referent here, and the
    item's state is who receives what it names no recipient for."""
    article.last_system.clear()
    article.last_named = None
    article.last_named_states = frozenset()
    article.dealt.clear()
    article.last_roles = None
    article.last_group = None
    article.aid_roles = None
    article.item_state = state


def _remember_named(mentions: SentenceMentions, found: list[Event], article: _Article) -> None:
    """Keep the sentence's last named system for "the purchase" to refer to, with the
    states that deal involves: those of its events, else those the sentence names."""
    by_key = {m.key: m for m in mentions.named_systems}
    for event in found:
        if event.system and event.supplier:
            article.suppliers.setdefault(event.system, event.supplier)
        if event.system and event.recipient and event.stage in {"agreement", "delivery"}:
            article.receivers.setdefault(family_of(event.system, article.kb), event.recipient)
        if event.system in by_key:
            parties = frozenset(c for c in (event.supplier, event.recipient) if c)
            article.dealt.append((by_key[event.system], parties))
    if not mentions.named_systems:
        return
    text = mentions.sentence.text
    for system in mentions.named_systems:
        for party in mentions.parties:
            if party.role_hint == "demonym" and not text[party.end : system.start].strip():
                article.owners.setdefault(system.key, party.key)
    # The system an event was found for, not a carrier or platform named beside it.
    with_events = [m for m in mentions.named_systems if m.key in {e.system for e in found}]
    system = (with_events or list(mentions.named_systems))[-1]
    states = {code for e in found for code in (e.supplier, e.recipient) if code}
    if not states:
        states = {m.key for m in mentions.parties if m.kind in {"state", "actor"}}
    article.last_named = system
    article.last_named_states = frozenset(states | ({system.origin} if system.origin else set()))


def _named_states(mentions: SentenceMentions) -> list[str]:
    """The states a sentence names outright (not as an adjective)."""
    return [
        m.key
        for m in mentions.parties
        if m.kind == "state" and m.role_hint not in {"demonym", "place", "person"}
    ]


def _receiving_states(mentions: SentenceMentions, rules: Rules) -> list[str]:
    """States a sentence names as where something goes ("to Kyiv", "for Ukraine",
    "will provide Ukraine with")."""
    text = mentions.sentence.text
    return [
        m.key
        for m in mentions.parties
        if m.kind == "state"
        and (
            marker_before(text, m) in rules.recipient_markers
            or _GIVEN_TO.search(text, max(0, m.start - 20), m.start)
        )
        and not names_no_role(text, m, rules)
    ]


# A state right after a giving verb is who gets the gift: "give Ukraine 14 tanks".
_GIVEN_TO = re.compile(
    r"\b(?:give[sn]?|gave|giving|send(?:s|ing)?|sent|provid(?:e|es|ed|ing)|suppl(?:y|ies|ied|ying)"
    r"|offer(?:s|ed|ing)?|promis(?:e|es|ed|ing)|pledg(?:e|es|ed|ing)|hand(?:s|ed|ing)?)\s+\Z",
    re.IGNORECASE,
)


def _refers_back(text: str) -> bool:
    """Whether a sentence that names no system acts on one named before ("the deal",
    "delivered them to Qatar")."""
    return bool(_DEAL_REFERENCE.search(text) or _THEM_TO.search(text))


def _sentence_events(mentions: SentenceMentions, article: _Article) -> list[Event]:
    text = mentions.sentence.text
    if not mentions.systems and not (article.last_named and _refers_back(text)):
        return []
    triggers = find_triggers(text, article.rules)
    trigger = choose_stage(text, triggers, article.rules, drill_before=article.drill_before)
    if trigger is None or is_denied_or_reaction(text, triggers[0].start, article.rules):
        return []
    if text.rstrip().endswith("?") or _QUESTION_START.match(text):
        return []  # a question asserts nothing: "Before Poland, where did the K9 sell?"
    if _DENIED_AFTER.search(text, trigger.end):
        return []  # "Reports that China had signed for Su-30s were dismissed by Moscow"
    parties = to_parties(mentions.parties, text, article.rules) + _group_referred(text, article)
    events: list[Event] = []
    second = second_stage(text, triggers, trigger, article.rules)
    for act in (trigger, second):
        if act is not None:
            same = tuple(t for t in triggers if t.stage == act.stage and t.blocked_by is None)
            scope = clause_span(text, act, trigger if act is second else second)
            found = _Clause(mentions, parties, act, same, scope, tuple(triggers))
            events += _clause_events(found, article)
    return _sent_alongside_deployed(events)


_SENDING_VERB = re.compile(r"trigger:delivery:(?:sent|sends|sending|dispatched|flown \w+|flew \w+)")


def _sent_alongside_deployed(events: list[Event]) -> list[Event]:
    """ "The United States, Germany and the Netherlands each sent two Patriot batteries
    to Turkey, while a Spanish Patriot battery remains stationed in Adana": systems sent
    where the sentence has the same system stationed are deployed too."""
    deployed = {(e.system, e.recipient) for e in events if e.stage == "deployment" and e.system}
    return [
        replace(event, stage="deployment")
        if event.stage == "delivery"
        and (event.system, event.recipient) in deployed
        and _SENDING_VERB.fullmatch(event.rules[0])
        else event
        for event in events
    ]


def _clause_events(clause: _Clause, article: _Article) -> list[Event]:
    mentions, text = clause.mentions, clause.mentions.sentence.text
    systems = (
        _systems_of(mentions, article) if mentions.systems else _deal_referred(clause, article)
    )
    events: list[Event] = []
    done: set[str] = set()
    for system, anchor, via_reference in systems:
        if system.key in done:
            continue
        if _under_umbrella(text, anchor, mentions.named_systems):
            continue
        own = _own_trigger(clause, anchor)
        if own is None or is_bystander(text, anchor, mentions.named_systems):
            continue
        own = _contract_after_umbrella(own, anchor)
        if _in_other_clause(clause, anchor) or _before_relative(own, anchor):
            continue
        event = _build_event(own, system, anchor, via_reference, article)
        if event is not None and event.recipient is not None:
            done.add(system.key)
            events.append(event)
            rules = article.rules
            also = listed_after(clause.parties, text, event.recipient, rules.recipient_markers)
            events += [replace(event, recipient=code) for code in also if code != event.supplier]
            if event.supplier is not None:
                more = listed_after(clause.parties, text, event.supplier, rules.supplier_markers)
                events += [replace(event, supplier=c) for c in more if c != event.recipient]
            if event.supplier is not None and "subject-supplier" in event.rules:
                more = listed_before(clause.parties, text, event.supplier, own.trigger.start)
                events += [replace(event, supplier=c) for c in more if c != event.recipient]
            if _buyers_listed(event, own):
                # "Estonia, Latvia and Lithuania ordered IRIS-T": each of them buys;
                # "Indonesia and Vietnam held talks with India": each of them talks.
                more = listed_before(clause.parties, text, event.recipient, own.trigger.start)
                events += [replace(event, recipient=c) for c in more if c != event.supplier]
    return _counted_each(events, text)


def _under_umbrella(text: str, anchor: Mention, named: tuple[Mention, ...]) -> bool:
    """ "signed a framework agreement for up to 1,000 K2 tanks, and the first executive
    contract, for 180 K2s, followed in August": the framework's count is a ceiling; the
    contract that names the system again is the deal."""
    framework = _FRAMEWORK.search(text, 0, anchor.start)
    if framework is None or _CONTRACT.search(text, framework.end(), anchor.start):
        return False
    contract = _CONTRACT.search(text, anchor.end)
    return contract is not None and any(
        m.key == anchor.key and m.start > contract.end() for m in named
    )


def _contract_after_umbrella(clause: _Clause, anchor: Mention) -> _Clause:
    """ "Following the framework agreement signed in July covering 672 K9s, the Company
    concluded the first executive contract, for 212 K9s, in August": the contract's
    clause, not the framework's, dates and counts the deal."""
    text = clause.mentions.sentence.text
    framework = _FRAMEWORK.search(text, 0, anchor.start)
    contracts = (
        [] if framework is None else list(_CONTRACT.finditer(text, framework.end(), anchor.start))
    )
    if not contracts or clause.trigger.start >= contracts[-1].start():
        return clause
    start = contracts[-1].start()
    verbs = [t for t in clause.alternatives if start <= t.start < anchor.start]
    return replace(clause, trigger=verbs[0], scope=(start, len(text))) if verbs else clause


_CONTRACT = re.compile(r"\b(?:contract|order)s?\b", re.IGNORECASE)


_FROM_EACH = re.compile(
    rf"\b(?P<count>{_NUMBER})\s+(?:from|by|of)\s+each(?:\s+(?:country|nation|state|ally|of\s+them))?\b",
    re.IGNORECASE,
)


def _counted_each(events: list[Event], text: str) -> list[Event]:
    """ "six Patriot batteries sent by the United States, Germany and the Netherlands,
    two from each country": several senders of one system each send the share."""
    each = _FROM_EACH.search(text)
    count = None if each is None else count_at(text, each.start("count"))
    if count is None or not count.value:
        return events
    senders: dict[str | None, set[str | None]] = {}
    for event in events:
        senders.setdefault(event.system, set()).add(event.supplier)
    return [
        replace(e, quantity=count.value, quantity_text=count.text)
        if e.quantity and len(senders[e.system]) > 1
        else e
        for e in events
    ]


def _buyers_listed(event: Event, clause: _Clause) -> bool:
    """Whether the recipient is the subject of the act, so a list before it joins it
    ("Saudi Arabia, Bahrain and Egypt cut links with Doha, Qatar signed" lists the
    subject of another verb)."""
    if "subject-recipient" in event.rules:
        return True
    text, start = clause.mentions.sentence.text, clause.trigger.start
    subject = max(
        (
            p.mention.end
            for p in clause.parties
            if p.code == event.recipient and p.mention.end <= start
        ),
        default=None,
    )
    return "subject-buyer" in event.rules and subject is not None and "," not in text[subject:start]


def _before_relative(clause: _Clause, anchor: Mention) -> bool:
    """ "flies F-5Es, Mirage 50s and 25 Mirage 5s that Belgium handed over": a relative
    clause with a subject of its own tells only of the system right before it."""
    text, trigger = clause.mentions.sentence.text, clause.trigger
    relative = _NAMED_RELATIVE.search(text, 0, trigger.start)
    if relative is None or anchor.end > relative.start():
        return False
    return any(
        anchor.end <= m.start and m.end <= relative.start() and m.key != anchor.key
        for m in clause.mentions.named_systems
    )


_NAMED_RELATIVE = re.compile(
    r"\s(?:that|which)\s+(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2}\s+"
    r"(?:had\s+|has\s+|have\s+)?\Z"
)


def _in_other_clause(clause: _Clause, anchor: Mention) -> bool:
    """ "ordered 12 F-7s in 2005, and in 2014 the air force received CH-3 drones": where
    a stage's own clause names a system of its own, systems outside it are not its."""
    if clause.scope is None:
        return False
    start, end = clause.scope
    if start <= anchor.start < end:
        return False
    named = clause.mentions.named_systems
    if any(start <= m.start < end for m in named):
        return True
    text = clause.mentions.sentence.text
    # "... after an earlier competition was shelved" says nothing of the systems before.
    if SUBORDINATE_BEFORE.search(text, 0, start):
        return True
    # "delivered NASAMS and the first of four IRIS-T systems it has promised Kyiv": a
    # relative clause is about the system right before it, named or not ("would send
    # four Hawk launchers, adding to the guns it has already provided").
    before = [
        m for m in clause.mentions.systems if m.end <= start and not _noun_of(m, anchor, text)
    ]
    relative = RELATIVE_BEFORE.search(text, 0, start) is not None
    return relative and start > anchor.start and bool(before) and anchor.key != before[-1].key


def _noun_of(mention: Mention, anchor: Mention, text: str) -> bool:
    """Whether a generic mention is the anchor's own noun ("Hawk launchers", "FA-50
    light fighters")."""
    return mention.kind == "generic" and (
        _OWN_NOUN_GAP.fullmatch(text, anchor.end, mention.start) is not None
    )


_OWN_NOUN_GAP = re.compile(r"[\w-]*\s+(?:[a-z][\w-]*\s+){0,2}")


def _own_trigger(clause: _Clause, anchor: Mention) -> _Clause | None:
    """The clause with the trigger that governs this system: the sentence's trigger;
    the main clause's own verb when the trigger sits in a relative clause before the
    system; or, when an aside cuts the system off from it ("... to provide Ukraine
    with missiles, after Wallace announced the UK was donating Storm Shadow"), the
    nearest other trigger of the same stage that reaches it."""
    text = clause.mentions.sentence.text
    aside = _relative_aside(clause, anchor)
    if aside is not None:
        return _main_clause_trigger(clause, anchor, aside)
    if not _detached(text, anchor, clause.trigger):
        return _nearer_same_stage(clause, anchor)
    reaching = [t for t in clause.alternatives if not _detached(text, anchor, t)]
    if not reaching:
        return None
    nearest = min(reaching, key=lambda t: abs(t.start - anchor.start))
    return replace(clause, trigger=nearest)


def _relative_aside(clause: _Clause, anchor: Mention) -> re.Match[str] | None:
    """The relative clause that holds the sentence's trigger and a system of its own,
    when this system comes after it: "Ankara, which was removed from the F-35
    programme after buying S-400s, has requested 40 F-16 jets". ("The Air Force, which
    ordered 28 aircraft in 2014, took delivery of its first C-390" tells both acts of
    the C-390.)"""
    text, trigger = clause.mentions.sentence.text, clause.trigger
    for aside in _RELATIVE_ASIDE.finditer(text, 0, anchor.start):
        if aside.start() < trigger.start < aside.end() and any(
            trigger.end <= m.start < aside.end() and m.key != anchor.key
            for m in clause.mentions.named_systems
        ):
            return aside
    return None


def _main_clause_trigger(clause: _Clause, anchor: Mention, aside: re.Match[str]) -> _Clause | None:
    """The main clause's own verb for a system after a relative clause, or none: "The
    Kremlin, which delivered Tor-M1s to Iran, insisted the S-300 was defensive"."""
    verbs = [
        t
        for t in clause.all_triggers
        if t.blocked_by is None and aside.end() <= t.start and t.end <= anchor.start
    ]
    if not verbs:
        return None
    text = clause.mentions.sentence.text
    return replace(clause, trigger=verbs[-1], scope=(aside.end(), len(text)))


_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,")


def _systems_of(
    mentions: SentenceMentions, article: _Article
) -> list[tuple[Mention, Mention, bool]]:
    """(system, the mention in this sentence, whether it refers back) per system."""
    if mentions.named_systems:
        # Every mention, in order: "After trials of the K9, Helsinki agreed to buy 48
        # K9s" tells the event by the second.
        named = [(m, m, False) for m in mentions.named_systems]
        return sorted(named + _counted_references(mentions, article), key=lambda s: s[1].start)
    resolved: list[tuple[Mention, Mention, bool]] = []
    for generic in _unique(mentions.systems):
        earlier = _earlier_of_maker(generic, mentions, article)
        definite = _DEFINITE.search(mentions.sentence.text[: generic.start]) is not None
        resolved.append(
            (earlier, generic, True) if earlier and definite else (generic, generic, False)
        )
    return resolved[:1]


def _counted_references(
    mentions: SentenceMentions, article: _Article
) -> list[tuple[Mention, Mention, bool]]:
    """ "signed a deal for 24 of the jets, along with a FREMM frigate": a count of an
    earlier system of a kind the sentence names none of refers back to it."""
    text = mentions.sentence.text
    kinds = {m.category for m in mentions.named_systems}
    keys = {m.key for m in mentions.named_systems}
    found: list[tuple[Mention, Mention, bool]] = []
    counted = [
        m
        for m in mentions.systems
        if m.kind == "generic"
        and m.category not in {None, "other"}
        and _COUNT_OF_THE.search(text, 0, m.start)
    ]
    for generic in _unique(tuple(counted)):
        if generic.category in kinds:
            # "the Su-35 after China, which received 24 of the jets": the last of that
            # kind the sentence names and transfers.
            named = _named_before(generic, mentions)
            found += [(named, generic, True)] if named is not None else []
            continue
        earlier = _earlier_of_maker(generic, mentions, article)
        if earlier is not None and earlier.key not in keys:
            found.append((earlier, generic, True))
    return found


def _named_before(generic: Mention, mentions: SentenceMentions) -> Mention | None:
    """The last system of the generic's kind named before it that the sentence does
    not name only in passing ("to replace its ageing F-4EJ Phantom fighters")."""
    text, named = mentions.sentence.text, mentions.named_systems
    kind = [m for m in named if m.category == generic.category and m.end <= generic.start]
    moved = [m for m in kind if not is_bystander(text, m, named)]
    return moved[-1] if moved else None


_COUNT_OF_THE = re.compile(rf"\b{_NUMBER}\s+of\s+(?:the|its|their)\s+\Z", re.IGNORECASE)
_REFERENCE_REACH = 30
# "the Soviet-built fighters", "the American jets": a maker right before the noun.
_MAKER_GAP = re.compile(r"(?:-(?:built|made|designed|supplied))?\s+(?:[\w-]+\s+)?")


def _earlier_of_maker(
    generic: Mention, mentions: SentenceMentions, article: _Article
) -> Mention | None:
    """The system "the jets" refers to: the last of their category, unless a maker
    named on them ("the Soviet-built fighters") points to the last of that maker's."""
    category = generic.category or "other"
    earlier = article.last_system.get(category)
    text = mentions.sentence.text
    makers = [
        m.key
        for m in mentions.parties
        if m.role_hint == "demonym" and _MAKER_GAP.fullmatch(text, m.end, generic.start)
    ]
    if not makers or earlier is None or earlier.origin == makers[-1]:
        return earlier
    same = [m for m in article.seen_systems if m.category == category and m.origin == makers[-1]]
    return same[-1] if same else None


def _deal_referred(clause: _Clause, article: _Article) -> list[tuple[Mention, Mention, bool]]:
    """The article's last system, for a sentence that acts on "the purchase" or "the
    sale" right by its verb and names no state outside that deal."""
    text, trigger = clause.mentions.sentence.text, clause.trigger
    them = _THEM_TO.match(text, trigger.end)
    if them is not None and article.last_named is not None:
        # "Turkey has previously delivered them to Qatar, Ukraine and Azerbaijan".
        anchor = Mention(them.start(1), them.end(1), "them", "generic", article.last_named.key)
        return [(article.last_named, anchor, True)]
    verbs = [t for t in clause.alternatives if not article.rules.agreement_nouns.fullmatch(t.text)]
    if article.rules.agreement_nouns.fullmatch(trigger.text) and verbs:
        # "The deal, signed in July 2018, ...": the verb acts on the deal noun.
        trigger = min(verbs, key=lambda t: abs(t.start - trigger.start))
    deal = min(_DEAL_REFERENCE.finditer(text), key=lambda m: _gap(m, trigger), default=None)
    if deal is None:
        return []
    inside = deal.start() <= trigger.start < deal.end()
    if inside or article.rules.agreement_nouns.fullmatch(trigger.text):
        return []
    gap = _gap(deal, trigger)
    opening = clause_opening(text, trigger.start)
    aside = _ASIDE_AFTER.search(text, trigger.end) or _NEXT_SUBJECT.search(text, trigger.end)
    closing = aside.start() if aside else len(text)
    named = {
        p.code
        for p in clause.parties
        if not p.is_company
        and opening <= p.mention.start < closing
        and marker_before(text, p.mention) not in article.rules.supplier_markers
    }
    earlier, known = _referent(named, article)
    similar = deal.group().lower().startswith("a similar") and any(
        _TO_BUYER.fullmatch(text, deal.end(), p.mention.start) and p.code not in known
        for p in clause.parties
    )
    if earlier is not None and _new_buyer_of_the_system(deal, clause, named - known, opening):
        earlier = article.last_system.get("air-defence-system", earlier)
    elif not named <= known and not similar:
        return []
    if gap > _REFERENCE_REACH or earlier is None:
        return []
    anchor = Mention(deal.start(), deal.end(), deal.group(), "generic", earlier.key)
    return [(earlier, anchor, True)]


# "delivered them to Qatar": the systems named last, sent to whoever the sentence names.
_THEM_TO = re.compile(r"\s+(them)\s+to\s+(?:the\s+)?(?-i:[A-Z])")
# "ordered ten batteries of the system, and the United Arab Emirates signed for it": the
# next clause's subject is outside the deal referred to.
_NEXT_SUBJECT = re.compile(r",\s+and\s+(?:the\s+)?(?-i:[A-Z])")
_TO_BUYER = re.compile(r"\s+(?:to|with|for)\s+(?:the\s+)?")
# ", after earlier talks with US and Chinese suppliers went nowhere": states named in a
# clause of another verb, or in an aside on a company, are outside the deal referred to.
_ASIDE_AFTER = re.compile(
    r",\s*(?:after|before|while|when|although|though|despite|because|whereas"
    # "with BrahMos Aerospace, a joint venture of India's DRDO and Russia's NPOM".
    r"|an?\s+(?:joint venture|consortium|subsidiary|unit|division)\s+of)\b",
    re.IGNORECASE,
)
# "the system", "24 of them": the same kind of system, whoever buys it.
_SYSTEM_REFERENCE = re.compile(r"\b(?:the|this|that)\s+system\b|\bof\s+them\b", re.IGNORECASE)
# "ten batteries of the system": a count of it.
_OF_THE_SYSTEM = re.compile(r"\s+of\s+(?:the|this|that)\s+system\b", re.IGNORECASE)


def _new_buyer_of_the_system(
    reference: re.Match[str], clause: _Clause, new: set[str], opening: int
) -> bool:
    """ "China began receiving the system": a state new to the article's deals that
    opens the clause takes the same system; "the deal" stays with those who made it."""
    text = clause.mentions.sentence.text
    of_the_system = _OF_THE_SYSTEM.match(text, reference.end()) is not None
    if not (_SYSTEM_REFERENCE.search(reference.group()) or of_the_system) or len(new) != 1:
        return False
    first = next((p for p in clause.parties if p.mention.start >= opening), None)
    return first is not None and first.code in new


def _gap(reference: re.Match[str], trigger: Trigger) -> int:
    if reference.start() >= trigger.end:
        return reference.start() - trigger.end
    return trigger.start - reference.end()


_GROUP_REFERENCE = re.compile(r"\bthe (?:group|militia|movement|rebels)\b")


def _group_referred(sentence: str, article: _Article) -> list[Party]:
    """ "a C-802 that Iran had supplied to the group": the last armed group named."""
    found = _GROUP_REFERENCE.search(sentence)
    group = article.last_group
    if found is None or group is None:
        return []
    mention = replace(group, start=found.start(), end=found.end(), text=found.group())
    return [Party(group.key, mention)]


def _referent(named: set[str], article: _Article) -> tuple[Mention | None, frozenset[str]]:
    """What a deal reference stands for: the last named system, unless the clause
    names a state that system's deal lacks and an earlier deal has it."""
    if named and not named <= article.last_named_states:
        for system, states in reversed(article.dealt):
            if named <= states:
                return system, states | ({system.origin} if system.origin else set())
    return article.last_named, article.last_named_states


def _nearer_same_stage(clause: _Clause, anchor: Mention) -> _Clause | None:
    """ "Two batteries were ordered in March 2018, and in February 2019 we bought twenty
    HIMARS": a system in a later clause with a verb of the same stage takes that verb,
    and so that clause's date. When that clause tells another stage of which this one
    is only a noun ("..., and Lithuania is negotiating the purchase of 44 Leopard 2A8s"),
    the system is that stage's."""
    text = clause.mentions.sentence.text
    trigger = clause.trigger
    join = _CLAUSE_JOIN.search(text, trigger.end, anchor.start) or _verb_join(clause, anchor)
    if join is None:
        return clause
    # "..., while TB2 drones were delivered to the GNA during the summer of 2019": the
    # verb of the system's own clause, before or after it.
    own = [t for t in clause.alternatives if t.start >= join.end()]
    if not own:
        return clause
    nearest = min(own, key=lambda t: abs(t.start - anchor.start))
    rules = load_rules()
    told = choose_stage(text, [t for t in clause.all_triggers if t.start >= join.end()], rules)
    if told is not None and told.stage != trigger.stage and is_noun(nearest, rules, text):
        return None
    return replace(clause, trigger=nearest, scope=(join.end(), len(text)))


def _verb_join(clause: _Clause, anchor: Mention) -> re.Match[str] | None:
    """ "delivered a Pantsir battery in 2020 and donated six MiG-29s": an "and" right
    before another verb of the stage begins that verb's clause, comma or not, when no
    party stands between the verbs to take the second one's roles ("delivered arms
    under a UN exemption and sent instructors")."""
    text, trigger = clause.mentions.sentence.text, clause.trigger
    for join in _AND.finditer(text, trigger.end, anchor.start):
        if any(trigger.end <= p.mention.start < join.start() for p in clause.parties):
            return None
        if any(t.start == join.end() for t in clause.alternatives):
            return join
    return None


_AND = re.compile(r"\s+and\s+")


# ", and", "; ": where a clause with a verb of its own begins.
# ": " too: "Its neighbours have been buying German equipment: Estonia ordered IRIS-T".
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while)\s+|[;:]\s+")


_CARRIES = re.compile(r"\barmed\s+with\b", re.IGNORECASE)


def _detached(sentence: str, system: Mention, trigger: Trigger) -> bool:
    """A system named in an aside ("after a Turkish F-16 shot down") is not the event's."""
    if system.start >= trigger.end:
        # "handed over more than 200 Soviet-era T-72 tanks", "deployed more than 30
        # aircraft to Hmeimim, including Su-24s": that "than" counts, it compares nothing.
        between = _MORE_THAN_COUNT.sub("", sentence[trigger.end : system.start])
        if trigger.stage == "interest" and _TALKS_OVER.fullmatch(between):
            return False  # "in talks with Seoul over the Cheongung II": what is discussed
    else:
        # "Bastion systems armed with Yakhont missiles were delivered": what is armed is
        # the subject, not an aside.
        between = _CARRIES.sub("", sentence[system.end : trigger.start])
        # "Chile will buy two Type 23 frigates, after London approved the sale": the
        # aside's verb acts on this system's deal.
        if _ACTS_ON_THE_DEAL.match(sentence, trigger.end):
            return False
    # "chose the F-16 over the Gripen offered by Saab": whatever verb the rival has;
    # "a search for a MiG-21 replacement": the system to be replaced.
    rival = _RIVAL_BEFORE.search(sentence, 0, system.start) is not None
    rival = rival or _LOST_AFTER.match(sentence, system.end) is not None
    rival = rival or _contender(sentence, system)
    replaced = _REPLACEMENT_AFTER.match(sentence, system.end) is not None
    return rival or replaced or _DETACHED.search(between) is not None


def _contender(sentence: str, system: Mention) -> bool:
    """ "a tender in which the Eurofighter Typhoon, F-16IN, Gripen and MiG-35 had also
    competed", "a competition, in which the Mirage 2000BR, the Su-35 and the F-16 took
    part, was shelved": the contenders, listed before their verb."""
    if _COMPETED_AFTER.match(sentence, system.end):
        return True
    in_which = _IN_WHICH.search(sentence, max(0, system.start - _LIST_REACH), system.start)
    return in_which is not None and _TOOK_PART_AFTER.match(sentence, system.end) is not None


_COMPETED_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:had|have|has)\s+(?:also\s+)?competed\b", re.IGNORECASE
)
_LIST_REACH = 60
_IN_WHICH = re.compile(r"\bin\s+which\b", re.IGNORECASE)
_TOOK_PART_AFTER = re.compile(r"[^.;:]{0,60}?\b(?:also\s+)?took\s+part\b", re.IGNORECASE)
_REPLACEMENT_AFTER = re.compile(r"\s+(?:replacements?|successors?)\b", re.IGNORECASE)
# "whose F-16 and F/A-18 were eliminated from the competition": systems that lost.
_LOST_AFTER = re.compile(
    r"[^.;:,]{0,40}?\b(?:(?:was|were|had\s+been|have\s+been|has\s+been)\s+"
    r"(?:eliminated|knocked\s+out)|lost\s+(?:out|the\s+(?:competition|contest|tender)))\b",
    re.IGNORECASE,
)


# "Warsaw chose the F-16 over the Gripen", "The Rafale beat the Eurofighter Typhoon":
# the system the buyer passed over.
_RIVAL_BEFORE = re.compile(
    r"(?:\b(?:chose|chosen|choosing|selected|picked|preferred|favou?red)\b[^.;:]*?\bover"
    r"|\b(?:beat|beats|beating|defeated|edged out|outbid|rather than|instead of))"
    r"\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?\Z",
    re.IGNORECASE,
)


_TALKS_OVER = re.compile(r"(?:\s+with\s+(?:[\w.'’-]+\s+){1,4}?)?\s*over\s+the\s+(?:[\w-]+\s+){0,2}")
_MORE_THAN_COUNT = re.compile(
    r"\b(?:more|fewer|less)\s+than\s+(?=\d|(?:a\s+|two\s+)?dozen|(?:a|one|two)\s+hundred"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty)\b)"
    # "a contract worth more than three billion dollars" counts money, not units.
    r"(?!(?:[\w.,]+\s+){0,2}(?:billion|million|bn|mln|dollars|euros|pounds|rupees|roubles)\b)",
    re.IGNORECASE,
)
_ACTS_ON_THE_DEAL = re.compile(
    r"\s+the\s+(?:[$\w.-]+\s+){0,3}?(?:sale|purchase|deal|contract|order|transfer)\b",
    re.IGNORECASE,
)


def _unique(mentions: tuple[Mention, ...]) -> list[Mention]:
    seen: set[str] = set()
    unique: list[Mention] = []
    for mention in mentions:
        if mention.key not in seen:
            seen.add(mention.key)
            unique.append(mention)
    return unique


def _likely_recipients(article: _Article, named: bool) -> tuple[str, ...]:
    """Who receives what a sentence names no recipient for: the previous event's
    recipient, unless the article sends far more elsewhere (a live blog on aid to
    Ukraine that last mentioned a Polish request)."""
    # Troops "stationed overseas" name no place: only the article's main state may stand in.
    fallbacks = article.main_states if named else article.main_states[:1]
    last = article.last_roles.recipient if article.last_roles else None
    if last is None and article.item_state:
        return (article.item_state, *(c for c in fallbacks if c != article.item_state))
    if last is None:
        return fallbacks
    main = fallbacks[0] if fallbacks else last
    # A state the article has shown supplying is not the one "visit to Moscow" makes
    # a receiver.
    if main in article.suppliers_seen:
        return (last,)
    if article.receiving_counts[main] > article.receiving_counts[last] + 1:
        return (main, last)
    return (last,)


def _own_parties(clause: _Clause, anchor: Mention) -> list[Party]:
    """ "..., and in February last year Manila ordered 16 S-70i helicopters": a system in
    a clause whose subject is a state of its own takes no party of the clause before."""
    scope, parties = clause.scope, clause.parties
    if scope is None or not scope[0] <= anchor.start < scope[1]:
        return parties
    text = clause.mentions.sentence.text
    subject = any(
        scope[0] <= p.mention.start < clause.trigger.start
        and not p.is_company
        and marker_before(text, p.mention) not in _PLACE_MARKERS
        for p in parties
    )
    # "..., and Washington removed it from the F-35 programme": "it" is named before.
    if not subject or _BACK_REFERENCE.search(text, *scope):
        return parties
    return [p for p in parties if p.mention.start >= scope[0]]


def _kept_or_handed_over(
    act: tuple[Stage, Roles],
    mention: tuple[Mention, Mention],
    clause: _Clause,
    parties: list[Party],
    where: tuple[tuple[str, ...], _Article],
) -> tuple[Stage, Roles]:
    """Once the roles are known, whether the systems that move stay their sender's (a
    deployment) or change hands (a delivery)."""
    (stage, roles), (system, anchor), (previous, article) = act, mention, where
    trigger, text = clause.trigger, clause.mentions.sentence.text
    if stage == "deployment" and _BOUGHT_ROLES & set(roles.rules):
        # "The first three Rafale jets bought by Egypt from France landed ... in time to
        # take part in the inauguration": bought systems change hands.
        return "delivery", roles
    abroad = force_abroad(anchor, trigger, parties, roles, previous)
    if stage == "delivery" and abroad is not None:
        return "deployment", abroad
    if stage == "delivery" and force_sends(trigger, parties, roles):
        return "deployment", roles
    key = (roles.supplier, roles.recipient, system.key if system.kind == "system" else None)
    if stage == "delivery" and sent_as_deployment(text, (anchor, trigger), key in article.deployed):
        return "deployment", roles
    return stage, roles


# "Serbia's Pantsir-S1 battery": a state's possessive, then at most two words, then the system.
_OWNER_BEFORE = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}\Z")


def _hosts_own(roles: Roles, text: str, anchor: Mention, parties: list[Party]) -> bool:
    """ "Serbia's Pantsir-S1 battery ... took part in its first drill": the host's own
    systems in a drill at home are no deployment of another state's forces."""
    return any(
        party.code == roles.recipient != roles.supplier
        and party.mention.end < anchor.start
        and _OWNER_BEFORE.match(text, party.mention.end, anchor.start) is not None
        for party in parties
    )


_BOUGHT_ROLES = frozenset({"agent-of-buying", "order-from"})
# "it" and "them" point back; "its" after a state's own verb ("and Lithuania handed over
# its first batch") is that state's.
_BACK_REFERENCE = re.compile(r"\b(?:it|them)\b")
# "a demonstration flight in Kuwait, when it stayed": a place, not the clause's subject.
_PLACE_MARKERS = frozenset({"in", "to", "at", "from", "with", "for", "by", "of", "into", "over"})


def _build_event(
    clause: _Clause, system: Mention, anchor: Mention, via_reference: bool, article: _Article
) -> Event | None:
    """One event for one system of a sentence; `anchor` is where this sentence names it."""
    mentions, trigger, parties = clause.mentions, clause.trigger, _own_parties(clause, anchor)
    text = mentions.sentence.text
    named = system.kind == "system"
    if not named and system.category != "other":
        _remember_unnamed_act(clause, system, article)
        return None
    origin = _partner_origin(system, parties, text, article) if named else None
    stage = _stage_for(system, trigger)
    moved = named or is_ammunition(system) or troops_moved(text, anchor, trigger)
    if stage is None or not moved:
        return None
    if (stage == "delivery" and own_forces_arrive(text, anchor, trigger, parties)) or (
        stage in {"delivery", "agreement"} and sent_with_troops(mentions, trigger)
    ):
        stage = "deployment"
    previous = _likely_recipients(article, named)
    others = [m for m in mentions.named_systems if m.key != system.key]
    context = RoleContext(
        text,
        trigger.start,
        stage,
        anchor,
        origin,
        previous,
        next_system_start=min((m.start for m in others if m.start > anchor.end), default=None),
        first_system_end=min((m.end for m in others if m.end < anchor.start), default=None),
        other_makers=_other_makers(system, others, article.kb),
    )
    roles = _first_person_receiver(assign_roles(parties, context, article.rules), text, article)
    roles = _dateline_receiver(_officials_receiver(roles, stage, clause), article)
    roles = _scene_receiver(roles, text, parties)
    roles = _pronoun_subject(roles, text, article)
    roles = _package_supplier(_earlier_supplier(roles, system, article), text, article)
    roles = _deployed_by_owner(roles, stage, system, article)
    roles = _soviet_stock(_earlier_receiver(roles, system, article, parties), text, anchor, article)
    stage, roles = _kept_or_handed_over(
        (stage, roles), (system, anchor), clause, parties, (previous, article)
    )
    roles = home_base_sender(stage, roles, (anchor, trigger), parties)
    if (
        roles.supplier is None
        or roles.recipient is None
        or _maker_of_second_hand(roles, text)
        or _designer_approving_reexport(roles, origin, clause)
        or _buyers_left_unnamed(roles, text)
        # Unnamed stores count only where the sentence says they went.
        or (is_ammunition(system) and not named_destination(roles))
    ):
        return None
    # Forces are sent by the state they serve, not by the design's maker: "Army M60A3
    # tanks took part in a drill" names no one abroad; "Su-24s were deployed to
    # Hmeimim" does.
    by_maker = roles.rules[:1] == ("origin",) and not named_destination(roles)
    if stage == "deployment" and (by_maker or _hosts_own(roles, text, anchor, parties)):
        return None
    if roles.supplier == roles.recipient and "domestic-order" not in roles.rules:
        return None
    article.last_roles = roles
    if clause.scope is not None and not clause.scope[0] <= anchor.start < clause.scope[1]:
        quantity, date, date_rule = _scoped_slots(clause, clause.scope, (system, anchor), article)
    else:
        quantity, date, date_rule = _slots(clause, system, anchor, article)
    money = money_for(text) if quantity is None else None
    rule_names = (f"trigger:{trigger.stage}:{trigger.text.lower()}", *roles.rules, date_rule)
    return Event(
        supplier=roles.supplier,
        recipient=roles.recipient,
        system=system.key if named else None,
        category=system.category or "other",
        quantity=quantity.value if quantity else None,
        quantity_text=quantity.text if quantity else (money.text if money else None),
        stage=stage,
        event_date=date,
        evidence=text,
        evidence_start=mentions.sentence.start,
        evidence_end=mentions.sentence.end,
        confidence=0.0,  # set for the whole article by `with_confidence`
        rules=(*rule_names, "system-reference") if via_reference else rule_names,
        explanation=Explanation(
            trigger=f"{trigger.text} ({trigger.stage})",
            system_mention=anchor.text,
            parties=tuple(
                f"{p.mention.text} -> {p.code} ({p.mention.role_hint or p.mention.kind})"
                for p in parties
            ),
        ),
    )


def _partner_origin(
    system: Mention, parties: list[Party], text: str, article: _Article
) -> str | None:
    """ "a contract with the Italian company Leonardo to supply 28 Eurofighter Typhoons":
    a multinational design comes from the partner whose company or name the sentence
    gives as its source, else from the partner last seen supplying in the article (the
    Meteors in France's Rafale package), else from the lead partner."""
    record = article.kb.systems.get(system.key)
    if record is None or not record.partners:
        return system.origin
    sources = (
        p.code
        for p in parties
        if p.code in record.partners
        and (p.is_company or marker_before(text, p.mention) in _SOURCE_MARKERS)
    )
    source = next(sources, None)
    if source is not None:
        return source
    seen = [code for code in article.suppliers.values() if code in record.partners]
    return seen[-1] if seen else system.origin


_SOURCE_MARKERS = frozenset({"from", "by"})


_SECOND_HAND = re.compile(r"\b(?:second-?hand|surplus|ex-(?-i:[A-Z])\w+)\b", re.IGNORECASE)


# "has been sold to more than 30 countries": buyers the sentence counts but never names.
_UNNAMED_BUYERS = re.compile(
    r"\b(?:to|by|for)\s+(?:more\s+than\s+|over\s+|about\s+|some\s+|at\s+least\s+|nearly\s+)?"
    r"(?:\d+|a\s+dozen|dozens\s+of|several|many|other|numerous)\s+(?:\w+\s+)?"
    r"(?:countries|states|nations|customers|buyers|operators|users|air\s+forces|armies|navies)\b",
    re.IGNORECASE,
)


def _buyers_left_unnamed(roles: Roles, text: str) -> bool:
    """Whether the sentence's buyers are a count, not a state the article named before."""
    return "previous-recipient" in roles.rules and _UNNAMED_BUYERS.search(text) is not None


def _maker_of_second_hand(roles: Roles, text: str) -> bool:
    """ "flies F-16s bought second-hand": the maker, the only supplier found, is not
    who sold them."""
    return roles.rules[:1] == ("origin",) and _SECOND_HAND.search(text) is not None


def _designer_approving_reexport(roles: Roles, origin: str | None, clause: _Clause) -> bool:
    """ "The United States approved the transfer of F-16s from Denmark to Ukraine",
    "the sale required US approval because the jets are American-built": the designer
    consents to another state's sale; it sells nothing ("Germany will send 14 Leopards
    and allow others to re-export theirs" still sends)."""
    text = clause.mentions.sentence.text
    return (
        roles.supplier == origin
        and _CONSENT.match(clause.trigger.text) is not None
        and _REEXPORT.search(text) is not None
    )


_CONSENT = re.compile(
    r"approv|consent|clear|permi|allow|sale|deal|transfer|licen|offer", re.IGNORECASE
)


_REEXPORT = re.compile(
    r"\bre-?exports?\b|\b(?:approv\w*|consent|clear\w*|permission)\b[^.;]{0,80}?\btransfers?\s+of\s+"
    r"(?:[\w-]+\s+){0,6}?from\s+(?:the\s+)?(?-i:[A-Z])"
    r"|\bbecause\b[^.;]{0,60}?-(?:built|made|designed)\b",
    re.IGNORECASE,
)


def _remember_unnamed_act(clause: _Clause, system: Mention, article: _Article) -> None:
    """ "Bangladesh took delivery of two Chinese submarines on Monday": the date of an
    act on unnamed systems, for when a later sentence names them ("the Type 035G
    boats") without a date."""
    text, trigger = clause.mentions.sentence.text, clause.trigger
    date, rule = event_date(text, trigger, article.published, article.rules)
    if date is not None and rule not in _MONTH_ONLY:
        article.unnamed_dates.setdefault((trigger.stage, system.category or "other"), date)


def _other_makers(system: Mention, others: list[Mention], kb: KnowledgeBase) -> frozenset[str]:
    """The makers of the sentence's systems of other families: a licence-built variant
    ("the T-155, Turkey's K9") leaves its maker free to be the buyer."""
    family = family_of(system.key, kb)
    return frozenset(
        m.origin
        for m in others
        if m.origin and m.origin != system.origin and family_of(m.key, kb) != family
    )


def _listed_date(
    text: str, anchor: Mention, named: tuple[Mention, ...], published: dt.date | None
) -> str | None:
    """ "delivered Iskander missiles in 2016 and four Su-30SMs at the start of this
    year": in a list where each system is dated right after it, its own date."""
    systems = sorted({(m.start, m.end) for m in named})
    if len(systems) < _LIST_OF_TWO or anchor.kind != "system":
        return None
    dates = find_dates(text, published)
    own: dict[tuple[int, int], str] = {}
    for index, (start, end) in enumerate(systems):
        limit = systems[index + 1][0] if index + 1 < len(systems) else len(text)
        after = [d for d in dates if end <= d.start < min(limit, end + _DATE_REACH)]
        if after and not _GAP_WITH_VERB.search(text, end, after[0].start):
            own[(start, end)] = after[0].value
    if len(own) < _LIST_OF_TWO or len(set(own.values())) < _LIST_OF_TWO:
        return None
    return own.get((anchor.start, anchor.end))


def _count(
    clause: _Clause, system: Mention, anchor: Mention, article: _Article
) -> QuantityMention | None:
    """The count of an event whose system its trigger's clause names."""
    text, trigger = clause.mentions.sentence.text, clause.trigger
    # "the deal", "the systems" count nothing: a number near them counts something else.
    counted = (
        not _DEAL_REFERENCE.fullmatch(anchor.text)
        or bool(_COUNT_OF.search(text, 0, anchor.start))
        or bool(_COUNTED_REFERENCE.match(anchor.text))
        or bool(_FOR_COUNT.match(text, anchor.end))
    )
    delivery = trigger.stage == "delivery"
    # "suspended the delivery of the first of two Mistrals" holds back one ship, as
    # "delivered the first of two" hands over one.
    one_by_one = delivery or trigger.stage == "cancellation"
    # "30,000 of the 100,000 rifles Venezuela ordered": the order counts the whole.
    whole = trigger.stage == "agreement" and trigger.start > anchor.end
    quantity = (
        quantity_for(text, anchor, clause.mentions.systems, one_by_one=one_by_one, whole=whole)
        if counted
        else None
    )
    if delivery and counted:
        quantity = _one_ship(clause.mentions, anchor, quantity)
        quantity = _handed_over_so_far(clause, anchor) or quantity
    quantity = _count_of_participle(text, trigger) or quantity
    if counted and (quantity is None or (quantity.unit or "").lower() in FORMATION_WORDS):
        quantity = _apposed_count(text, anchor, clause.mentions.named_systems) or quantity
    # "commissioned PNS Tughril", "Brazil bought HMS Ocean": the one ship named.
    if quantity is None and counted and _SHIP_NAME.fullmatch(anchor.text):
        quantity = QuantityMention(anchor.start, anchor.end, anchor.text, 1, None, money=False)
    if anchor.kind == "generic" and anchor.key == system.key:
        quantity = _reference_count(anchor, delivery=delivery) or quantity
    if whole:
        quantity = _whole_after(text, anchor, trigger) or quantity
    # Troops are counted in soldiers: "to set up a brigade" counts nobody.
    troops = system.kind == "generic" and system.category == "other"
    if troops and quantity is not None and (quantity.unit or "").lower() in FORMATION_WORDS:
        quantity = None
    if quantity is None and system.kind == "system" and counted:
        quantity = _follow_up_count(anchor, trigger.stage, article)
    return quantity


_DONE_OF_WHICH = re.compile(
    r",\s+(?:the\s+)?(?:first\s+)?(?P<count>\d[\d,]*|[a-z]+)\s+of\s+which\s+"
    r"(?:were\s+|was\s+|have\s+been\s+|has\s+been\s+|had\s+been\s+)?\Z"
)


def _handed_over_so_far(clause: _Clause, anchor: Mention) -> QuantityMention | None:
    """ "is delivering 48 FA-50 jets to Poland, the first 12 of which were handed
    over in December": an act under way has delivered what its of-which clause says."""
    text, trigger = clause.mentions.sentence.text, clause.trigger
    if not trigger.text.endswith("ing"):
        return None
    for done in clause.alternatives:
        found = _DONE_OF_WHICH.search(text, anchor.end, done.start)
        if done.start > anchor.end and found is not None:
            count = count_at(text, found.start("count"))
            return count if count is not None and count.value else None
    return None


# "six more Caesars, on top of the 18 already delivered": the count the participle takes.
_COUNT_BEFORE_PARTICIPLE = re.compile(
    r"\b(?:the|its|their|(?P<one_of>(?:first|last|second|third)\s+of)|from)\s+"
    r"(?P<count>\d[\d,]*|[a-z]+)"
    r"\s+(?:already\s+|previously\s+)?\Z",
    re.IGNORECASE,
)


_APPOSED = re.compile(
    r"(?:\s+[a-z][\w-]*){0,2},\s+(?:or|that is|i\.e\.)\s+(?:about\s+|around\s+|some\s+)?"
)


def _apposed_count(
    text: str, anchor: Mention, named: tuple[Mention, ...]
) -> QuantityMention | None:
    """ "a company of Leopard 2A4 tanks, or 14 vehicles": the count the apposition
    spells out for a formation or a word without a number; not "or 14 Krab howitzers",
    another design's."""
    apposed = _APPOSED.match(text, anchor.end)
    count = None if apposed is None else count_at(text, apposed.end())
    if count is None or not count.value:
        return None
    other = any(count.end <= m.start <= count.end + 1 for m in named if m.key != anchor.key)
    return None if other else count


def _count_of_participle(text: str, trigger: Trigger) -> QuantityMention | None:
    """ "the 18 already delivered", "the 34 previously ordered", "the first of two ordered
    in 2002", "from 12 ordered": the units the act took."""
    if not trigger.text.lower().endswith("ed"):
        return None
    found = _COUNT_BEFORE_PARTICIPLE.search(text, max(0, trigger.start - 30), trigger.start)
    # "the last of six delivered" hands over one, not six.
    if found is None or (found.group("one_of") and trigger.stage == "delivery"):
        return None
    count = count_at(text, found.start("count"))
    return count if count is not None and count.value else None


def _one_ship(
    mentions: SentenceMentions, anchor: Mention, found: QuantityMention | None
) -> QuantityMention | None:
    """ "PNS Tughril, the first of four Type 054A/P frigates" hands over one ship: its
    class, named again after "the first of", counts one."""
    text = mentions.sentence.text
    again = (m for m in mentions.named_systems if m.key == anchor.key and m != anchor)
    return next(filter(None, (single_unit(text, m) for m in again)), found)


# A navy's prefix and a ship's name: "PNS Tughril", "KD Tunku Abdul Rahman".
_SHIP_NAME = re.compile(
    r"[A-Z]{2,6}\s+(?!(?:Mk|Mark|Batch|Boats?)\b)[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
)

_LIST_OF_TWO = 2
_DATE_REACH = 45
# "The K9 entered Korean service in 1999": a date another verb takes.
_GAP_WITH_VERB = re.compile(r"[;:,]|\b\w+ed\b|\b(?:was|were|is|are|has|have|had|which|that)\b")


def _slots(
    clause: _Clause, system: Mention, anchor: Mention, article: _Article
) -> tuple[QuantityMention | None, str | None, str]:
    """The count and date of an event whose system its trigger's clause names."""
    text, trigger = clause.mentions.sentence.text, clause.trigger
    if trigger.stage == "agreement" and (more := _more_ordered(text, trigger, article)):
        return (*more, "later-order-in-sentence")
    quantity = _count(clause, system, anchor, article)
    rivals = tuple(
        t
        for t in clause.all_triggers
        if t.stage != trigger.stage
        and not {t.stage, trigger.stage} <= _MOVE_STAGES
        and not is_noun(t, article.rules, text)
        and not _one_act(t, trigger, text)
    )
    allies = tuple(
        t
        for t in clause.all_triggers
        if t.stage == trigger.stage and t != trigger and not is_noun(t, article.rules, text)
    )
    hints = DateHints(rivals, clause.scope, allies)
    date, date_rule = event_date(text, trigger, article.published, article.rules, hints=hints)
    listed = _listed_date(text, anchor, clause.mentions.named_systems, article.published)
    if listed is not None:
        date, date_rule = listed, "date-after-system"
    if date_rule in _MONTH_ONLY:
        date, date_rule = _follow_up(system, trigger.stage, text, article) or (date, date_rule)
    unnamed = article.unnamed_dates.get((trigger.stage, system.category or "other"))
    if date_rule == "published-month" and unnamed is not None:
        date, date_rule = unnamed, "date-of-unnamed-act"
    date = _that_year(date, text, article, undated=date_rule in _MONTH_ONLY)
    if date_rule in _MONTH_ONLY:
        date, date_rule = _same_year(text, article) or (date, date_rule)
    # A signing or pledge in a live entry is made that day; a delivery it reports may
    # have run for weeks ("deliveries began").
    cue = _SAME_TIME.search(text)
    same_time = _earlier_date(cue, article) if cue else None
    if date_rule == "published-month" and same_time is not None:
        return quantity, same_time, "same-time-as-before"
    offset = _TIME_AFTER.search(text, 0, trigger.start) if date_rule == "published-month" else None
    earlier = _date_offset(offset, article, -1) if offset else None
    if earlier is not None:
        return quantity, earlier, "time-before-report"
    later = _TIME_LATER.match(text) if date_rule == "published-month" else None
    following = _date_offset(later, article, 1) if later else None
    if following is not None:
        return quantity, following, "time-after-date-before"
    day = _entry_day(clause, article) if trigger.stage == "agreement" else None
    if date_rule == "published-month" and day is not None and not _perfect(text, trigger):
        return quantity, day, "live-entry-day"
    return quantity, date, date_rule


# "ordered two of the frigates in 2017 and two more in June 2018", "signed the first
# contract in 1999, and a second for another 38 in 2001": the latest order is the news.
# The clause has no subject of its own ("and Qatar ordered 12 more F-15s" is Qatar's),
# and no other design follows the count.
_MORE_ORDERED = re.compile(
    r"\band\s+(?:(?:signed|ordered|bought|placed)\s+)?"
    r"(?:(?:an?|the)\s+(?:second|third|further|new|follow-on)?\s*(?:contract|order|deal|batch)?"
    r"\s*for\s+|for\s+)?"
    rf"(?:another\s+(?P<another>{_NUMBER})|(?P<count>{_NUMBER})\s+more)\b(?!\s+(?-i:[A-Z]))"
    r"(?P<rest>[^;.]{0,60})",
    re.IGNORECASE,
)
_STILL_TO_COME = re.compile(r"\b(?:will|would|could|may|might|expected|due|planned|option)\b")


def _more_ordered(
    text: str, trigger: Trigger, article: _Article
) -> tuple[QuantityMention, str] | None:
    """The count and date of a later order the sentence adds to the one its verb tells."""
    more = _MORE_ORDERED.search(text, trigger.end)
    if more is None or _STILL_TO_COME.search(more["rest"]):
        return None
    start = more.start("another") if more["another"] else more.start("count")
    count = count_at(text, start)
    dates = find_dates(more["rest"], article.published)
    if count is None or not count.value or not dates:
        return None
    return count, dates[0].value


# "suspended talks", "agreed on Wednesday to terminate": the other stage's word is the
# act's object or governs it, so the two tell one act and its date.
_OBJECT_GAP = re.compile(r"\s+(?:(?:the|its|their|all)\s+)?", re.IGNORECASE)
_GOVERNS_GAP = re.compile(
    r"(?:\s+(?:on|in|at|last|this)\s+[\w ]{1,25}?)?\s+to\s+(?:(?:formally|jointly)\s+)?",
    re.IGNORECASE,
)


def _one_act(rival: Trigger, trigger: Trigger, text: str) -> bool:
    if rival.start >= trigger.end:
        return _OBJECT_GAP.fullmatch(text, trigger.end, rival.start) is not None
    return _GOVERNS_GAP.fullmatch(text, rival.end, trigger.start) is not None


# "At the same time India signed for...", "That notification also cleared...": an act
# dated by one told shortly before.
_SAME_TIME = re.compile(
    r"\b(?:at the same time|simultaneously|(?P<day>(?:on )?(?:the|that) same day|on that day"
    # "Hours later, the State Department approved ...": the day of the act told before.
    r"|(?:hours|minutes) (?:later|earlier|after|before)|within hours|(?:later|earlier) that day)"
    r"|(?:that|the same) "
    r"(?P<noun>notification|announcement|ceremony|visit|statement|package|deal))\b"
    # "Under that contract, three batteries were ordered": the contract signed before.
    r"|\b(?:under|through) (?:that|this|the same) (?P<under>contract|deal|agreement)\b"
    # "the package comprises 28 Su-30MKAs": the package signed in a sentence before.
    r"|\b(?-i:[Tt]he) (?P<contents>package|contract|deal|order)"
    r" (?:comprise[sd]|include[sd]|cover(?:s|ed)|consist(?:s|ed))\b"
    # "Sweden on Wednesday unveiled a package. It includes two ASC 890s": the same.
    r"|^(?-i:It) (?P<it>comprise[sd]|include[sd]|cover(?:s|ed))\b",
    re.IGNORECASE,
)
_DEAL_WORDS = r"deal|contract|agreement"
# What an earlier sentence says to be the act "the same visit" looks back to.
_ACT_WORDS = {
    "notification": r"notif",
    "announcement": r"announc|unveil|said",
    "ceremony": r"ceremon",
    "visit": r"visit|trip",
    "statement": r"statement|said",
    # "a package signed ... in March 2006": the date nearest the signing, not the package.
    "package": r"package\s+signed|package|agreements?\s+signed"
    r"|signed\s+(?:an?\s+)?(?:agreements?|contracts?|deal)",
    "deal": _DEAL_WORDS,
    "contract": _DEAL_WORDS,
    "agreement": _DEAL_WORDS,
    "order": r"order|deal|contract|signed",
}
_LOOK_BACK = 7


def _earlier_date(cue: re.Match[str], article: _Article) -> str | None:
    """The date of the act a same-time phrase looks back to, in the latest of the few
    sentences before that names such an act (a day, for "the same day"): the date
    nearest the act's word, else the last."""
    noun = cue["noun"] or cue["contents"] or cue["under"] or ("package" if cue["it"] else None)
    act = re.compile(_ACT_WORDS[noun.lower()], re.IGNORECASE) if noun else None
    for text in article.recent_texts:
        said = act.search(text) if act is not None else None
        if act is not None and said is None:
            continue
        dates = find_dates(text, article.published)
        if cue["day"]:
            dates = [d for d in dates if d.is_day]
        if dates and said is not None:
            return min(dates, key=lambda d: abs(d.start - said.end())).value
        if dates:
            return dates[-1].value
    return None


# "The pledge comes a month after Stockholm said it would send 50 CV90s": the act is
# that long before the one the article reports.
_OFFSET = (
    r"(?P<hedge>(?:less|more)\s+than\s+|about\s+|nearly\s+|almost\s+|some\s+)?"
    r"(?P<n>an?|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>day|week|month)s?"
)
_TIME_AFTER = re.compile(rf"\b{_OFFSET}\s+after\b[^,;.]{{0,120}}\Z", re.IGNORECASE)
# "A day later, Berlin announced...": after the day the sentence before gave.
_TIME_LATER = re.compile(rf"\W*{_OFFSET}\s+later\b", re.IGNORECASE)


def _date_offset(offset: re.Match[str], article: _Article, sign: int) -> str | None:
    """The latest day a recent sentence gives (else the publication day) moved by the
    offset, back (`sign` -1: "a month after" the reported act) or on ("a day later"):
    a day for days and weeks, a month for months or a hedged count ("less than two
    weeks after")."""
    days = [
        dt.date.fromisoformat(d.value)
        for text in article.recent_texts
        for d in find_dates(text, article.published)
        if d.is_day
    ]
    anchor = days[0] if days else article.published
    if anchor is None:
        return None
    count = sign * (SMALL_NUMBERS.get(offset["n"].lower()) or int(offset["n"]))
    unit = offset["unit"].lower()
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + count
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    day = (anchor + dt.timedelta(days=count * (7 if unit == "week" else 1))).isoformat()
    return day[:7] if offset["hedge"] else day


# "has sent", "have already been delivered": done at some time before the report.
_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have|had|'s|'ve)(?:\s+(?:also|already|now|not|been|recently|finally))*\s+$",
    re.IGNORECASE,
)


def _perfect(text: str, trigger: Trigger) -> bool:
    return _PERFECT_BEFORE.search(text, 0, trigger.start) is not None


def _entry_day(clause: _Clause, article: _Article) -> str | None:
    """The day of the live-blog entry a sentence belongs to, if any."""
    start = clause.mentions.sentence.start
    days = [day for offset, day in article.live_days if offset <= start]
    return days[-1].isoformat() if days else None


# "The six aircraft are the first of nine that Belgrade ordered": the order's count.
_FIRST_OF = re.compile(r"\s+(?:are|were|is|was)\s+the\s+(?:first|last)\s+(?:\w+\s+)?of\s+")


def _whole_after(text: str, anchor: Mention, trigger: Trigger) -> QuantityMention | None:
    """The count of the order a part delivered belongs to, told between the part and
    the order's verb."""
    part_of = _FIRST_OF.match(text, anchor.end)
    if part_of is None:
        return None
    offset = part_of.end()
    counts = find_quantities(text[offset : trigger.start])
    if not counts or counts[0].start != 0 or counts[0].value is None:
        return None
    return replace(counts[0], start=offset, end=counts[0].end + offset)


def _reference_count(anchor: Mention, *, delivery: bool) -> QuantityMention | None:
    """ "three batteries", "30 more" and "two of them" count the system referred to;
    "the first of them" delivered is one."""
    if delivery and anchor.text.lower().startswith("first of"):
        return QuantityMention(anchor.start, anchor.end, anchor.text, 1, None, money=False)
    # "All 18", "the first six": the count may follow a determiner.
    counts = [q for q in find_quantities(anchor.text) if q.value is not None]
    if not counts:
        return None
    return replace(counts[0], start=anchor.start, end=anchor.start + counts[0].end)


_DEAL_OF_THEM = re.compile(DEAL_SIGNED)
# The main verb of a subject that a participle described: "... in 2004 were delivered".
_MAIN_VERB = re.compile(MAIN_AUXILIARY)


# "ordered 24 Su-30MK2s, which were delivered in 2007", "..., and all were delivered
# by 2017", "..., and the aircraft were handed over that March": the whole count is
# delivered ("and they were delivered" may be some of them, and counts none).
_ALL_DELIVERED = re.compile(
    r"(?:,\s*(?:all\s+of\s+)?which|(?:,?\s+and\s+)?\ball(?:\s+of\s+them)?"
    r"|,?\s+and\s+(?:the\s+(?:aircraft|jets|fighters|drones|helicopters|tanks|vehicles"
    r"|ships|boats|vessels|submarines|frigates|corvettes|systems|missiles|guns|howitzers"
    r"|rifles|launchers|batteries|trainers)))"
    r"\s+(?:were|have\s+been|had\s+been)\s+(?:all\s+)?\Z",
    re.IGNORECASE,
)
_DATED_DEAL_FOR = re.compile(
    r"(?:\d{4}\s+(?:[\w-]+\s+)?)?(?:contract|deal|agreement|order)s?\s+for\s+"
    r"(?:(?:up\s+to|about|some|another)\s+)?"
)


def _scoped_slots(
    clause: _Clause, scope: tuple[int, int], named: tuple[Mention, Mention], article: _Article
) -> tuple[QuantityMention | None, str | None, str]:
    """The slots of an act told in a clause that does not name the system."""
    system, anchor = named
    text = clause.mentions.sentence.text
    quantity, date, date_rule = _own_clause_slots(clause, scope, article)
    if quantity is not None:
        return quantity, date, date_rule
    # "Egypt, which ordered 24 Su-35s, shelved the purchase": what is cancelled is the
    # deal the sentence counts.
    cancelled = clause.trigger.stage == "cancellation"
    whole = clause.trigger.stage == "delivery" and _ALL_DELIVERED.search(
        text, 0, clause.trigger.start
    )
    if (
        cancelled
        or whole
        or _DEAL_OF_THEM.match(text, scope[0])
        or _MAIN_VERB.match(text, scope[0])
    ):
        # "delivered 29 Tor-M1s under a contract signed in 2005" bought those 29; "The
        # 59 Abrams purchased in 2004 were delivered in 2006": the subject's count.
        return _slots(clause, system, anchor, article)[0], date, date_rule
    if clause.trigger.stage == "delivery":
        # "commissioned PNS Tughril, the first of four frigates ordered in 2017": one.
        return single_unit(text, anchor), date, date_rule
    return None, date, date_rule


def _own_clause_slots(
    clause: _Clause, scope: tuple[int, int], article: _Article
) -> tuple[QuantityMention | None, str | None, str]:
    """ "..., and three have been delivered the following year": a second stage told
    in its own clause has only that clause's count and date."""
    start, end = scope
    part = clause.mentions.sentence.text[start:end]
    counts = [q for q in find_quantities(part) if not q.money and q.value is not None]
    lone = counts[0] if len(counts) == 1 and counts[0].unit is None else None
    opening = counts[0] if counts and counts[0].start == 0 else None
    if opening and ((opening.unit or "").endswith("ed") or clause.trigger.stage == "agreement"):
        # "..., out of |40 ordered in 1988", "the first 30,000 of |100,000 rifles that
        # Caracas ordered": the count the order's clause opens with.
        lone = opening
    verb_end = clause.trigger.end - start
    # "..., and New Delhi ordered 29 more of the jets to equip a second squadron".
    lone = lone or next((q for q in counts if 0 < q.start - verb_end <= 1), None)
    deal_for = _DATED_DEAL_FOR.match(part)
    if deal_for is not None:
        # "a 2022 contract for 200 guns", "a contract for ten aircraft signed in 2011":
        # the deal's own count, whatever it counts.
        lone = next((q for q in counts if q.start == deal_for.end()), lone)
    trigger = replace(
        clause.trigger, start=clause.trigger.start - start, end=clause.trigger.end - start
    )
    later = later_year(clause.mentions.sentence.text, scope, article.published)
    if later is not None:
        return lone, later, "own-clause-years-later"
    date, date_rule = event_date(part, trigger, article.published, article.rules)
    if date_rule in _MONTH_ONLY and (counted := _counted_back(clause, scope, article)):
        return lone, counted, "own-clause-date-in-sentence"
    date = _that_year(
        date, clause.mentions.sentence.text, article, undated=date_rule in _MONTH_ONLY
    )
    return lone, date, f"own-clause-{date_rule}"


def _counted_back(clause: _Clause, scope: tuple[int, int], article: _Article) -> str | None:
    """ "received the first tanks in 1997 under a contract signed the previous year": a
    period the clause counts from a date before it, which the clause alone cannot read."""
    text, (start, end) = clause.mentions.sentence.text, scope
    readable = {d.start + start for d in find_dates(text[start:end], article.published)}
    counted = [
        d
        for d in find_dates(text, article.published)
        if start <= d.start < end and d.start not in readable
    ]
    return counted[0].value if counted else None


# "in December that year", "handed over that March": a month of the year named before.
_THAT_YEAR = re.compile(
    rf"\b(?P<month>{FULL_MONTH_NAMES})\s+(?:of\s+)?(?:that|the same) year\b"
    rf"|\b(?:that|the same|the following)\s+(?P<month_after>{FULL_MONTH_NAMES})\b"
)


_SAME_YEAR = re.compile(r"\b(?:that|the same) year\b", re.IGNORECASE)


def _same_year(text: str, article: _Article) -> tuple[str, str] | None:
    """ "The same year it bought 15 helicopters": the year named last before."""
    cue = _SAME_YEAR.search(text)
    year = _year_named_before(text[: cue.start()], article) if cue else None
    return (year, "same-year-as-before") if year else None


def _year_named_before(text_before: str, article: _Article) -> str | None:
    """The last year written out in the sentence before a cue, or else in the few
    sentences before it."""
    for earlier in (text_before, *article.recent_texts):
        years = [d.value[:4] for d in find_dates(earlier, article.published) if not d.relative]
        if years:
            return years[-1]
    return None


def _that_year(date: str | None, text: str, article: _Article, *, undated: bool) -> str | None:
    """ "The first two arrived in December that year": the year last named before,
    in this sentence or the few before it."""
    cue = _THAT_YEAR.search(text)
    if cue is None:
        return date
    month = f"{month_number(cue['month'] or cue['month_after']):02d}"
    # find_dates reads "December that year" and "that October" against publication;
    # "that March" it cannot read, so it dates only an act dated no other way.
    misdated = date is not None and date[5:7] == month
    if not (misdated or (cue["month_after"] is not None and undated)):
        return date
    year = _year_named_before(text[: cue.start()], article)
    return f"{year}-{month}" if year else date


_AID = re.compile(r"\b(?:aid|package|assistance|tranche)\b", re.IGNORECASE)
_PACKAGE_CONTENTS = re.compile(
    r"\b(?:package|aid|tranche|it|which)\s+(?:would\s+|will\s+|also\s+)?includ(?:es|ed|e|ing)\b",
    re.IGNORECASE,
)


def _aid_announced(mentions: SentenceMentions, article: _Article) -> tuple[str, str | None] | None:
    """Donor and recipient of a sentence announcing aid without naming a system."""
    text = mentions.sentence.text
    if mentions.named_systems or not mentions.parties or not _AID.search(text):
        return None
    trigger = choose_stage(text, find_triggers(text, article.rules), article.rules)
    if trigger is None or trigger.stage != "agreement":
        return None
    states = [m for m in mentions.parties if m.kind == "state" and m.role_hint != "demonym"]
    donors = [m.key for m in states if m.end <= trigger.start and m.role_hint != "place"]
    if not donors:
        return None
    others = [m for m in states if m.start > trigger.start and m.key != donors[0]]
    seller = next((m for m in others if marker_before(text, m) == "with"), None)
    if seller is not None and not _GIFT.search(text):
        # "Angola has signed a package of arms agreements with Russia": bought, not given.
        return seller.key, donors[0]
    return donors[0], (others[0].key if others else None)


_GIFT = re.compile(r"\b(?:aid|assistance|donat\w*|gift\w*|free of charge)\b", re.IGNORECASE)


def _package_supplier(roles: Roles, sentence: str, article: _Article) -> Roles:
    """ "Spain pledged 1 billion euros during Zelensky's visit. The package would include
    Patriot missiles": Spain gives them to Ukraine, whoever designed them."""
    if article.aid_roles is None or roles.rules[:1] != ("origin",):
        return roles
    if not _PACKAGE_CONTENTS.search(sentence):
        return roles
    donor, receiver = article.aid_roles
    recipient = roles.recipient
    weak = roles.rules[1:2] and roles.rules[1] in _FALLBACK_RECIPIENT
    if receiver and (weak or recipient == donor):
        recipient = receiver
    elif recipient == donor:
        recipient = next((code for code in article.main_states if code != donor), None)
    return Roles(donor, recipient, ("package-donor", *roles.rules[1:]))


def _deployed_by_owner(roles: Roles, stage: Stage, system: Mention, article: _Article) -> Roles:
    """ "Turkish F-16 jets had stayed in Azerbaijan ... The jets were flown to Azerbaijan
    for the exercises": forces deployed are their owner's, not their designer's, when the
    sentence itself names where they went."""
    owner = article.owners.get(system.key)
    if stage != "deployment" or roles.rules[:1] != ("origin",) or owner is None:
        return roles
    if owner == roles.recipient or _fallback_receiver(roles):
        return roles
    return replace(roles, supplier=owner, rules=("owner-named-before", *roles.rules[1:]))


def _earlier_supplier(roles: Roles, system: Mention, article: _Article) -> Roles:
    """A supplier guessed from the design's origin is whoever the article first said
    supplied that system: Slovakia's donated MiG-29s are handed over by Slovakia."""
    earlier = article.suppliers.get(system.key)
    if roles.rules[:1] != ("origin",) or earlier is None:
        return roles
    if earlier == roles.recipient:
        # "Washington put the sale on hold": the seller named, acting on its own sale.
        buyer = article.receivers.get(family_of(system.key, article.kb))
        if buyer is None or buyer == earlier:
            return roles
        return Roles(earlier, buyer, ("earlier-supplier", "earlier-recipient", *roles.rules[2:]))
    return replace(roles, supplier=earlier, rules=("earlier-supplier", *roles.rules[1:]))


# "dispatching dozens of Soviet-era T-72s": old stock handed on, not sold by Moscow now.
_SOVIET_ERA = re.compile(r"\b(?:Soviet|Warsaw Pact)[- ](?:era|made|built|designed)\s+\Z")


def _soviet_stock(roles: Roles, text: str, anchor: Mention, article: _Article) -> Roles:
    """A Soviet-era system is handed on by the state that holds it: the article's main
    state, when the sentence names no supplier and that state is not the receiver."""
    soviet = _SOVIET_ERA.search(text, max(0, anchor.start - 40), anchor.start)
    if roles.rules[:1] != ("origin",) or soviet is None:
        return roles
    holder = next(
        (c for c in article.main_states if c not in {roles.recipient, roles.supplier}), None
    )
    if holder is None:
        return roles
    return replace(roles, supplier=holder, rules=("holder-of-stock", *roles.rules[1:]))


_GUESSED_RECIPIENT = frozenset({"previous-recipient", "second-state"})


def _earlier_receiver(
    roles: Roles, system: Mention, article: _Article, parties: list[Party]
) -> Roles:
    """A recipient guessed from the article's last event is, for a system the article
    already showed someone receiving, that receiver; unless this sentence names the
    guessed state by name ("Turkey has produced it under licence as the T-155")."""
    guessed = len(roles.rules) > 1 and roles.rules[1] in _GUESSED_RECIPIENT
    if system.kind != "system" or not guessed:
        return roles
    if any(p.code == roles.recipient and p.mention.role_hint == "name" for p in parties):
        return roles
    earlier = article.receivers.get(family_of(system.key, article.kb))
    if earlier in {None, roles.recipient, roles.supplier}:
        return roles
    return replace(roles, recipient=earlier, rules=(roles.rules[0], "earlier-recipient"))


# "It sent", "In April 2022 it became one of the first to deliver", "The country ordered".
_PRONOUN_START = re.compile(
    r"(?:(?:In|On|By|Since|Later|Then|After|Before|Last|This|Earlier)\b[^,.;]{0,40}?,?\s+)?"
    r"(?:It|it|They|they|The country|the country"
    # "In May its air force inducted three JF-17s": the state "its" stands for.
    r"|[Ii]ts\s+(?:air force|navy|army|armed forces|military))\s+(?:has\s+|have\s+|had\s+|also\s+)*"
    r"(?P<verb>[a-z]+)\b"
    # An interview's "A: A year ago we decided to donate": the speaker's state.
    r"|(?:A:\s*)?[^.;]{0,60}?\b(?P<we>[Ww]e)\s+(?:have\s+|had\s+|also\s+)*(?P<we_verb>[a-z]+)\b"
)
# "gives us 12 Rafales", "donated six MiG-29s to us", "delivered to our Land Forces":
# the speaker's own state receives.
_US_RECEIVING = re.compile(
    r"\b(?:to|for|gives?|gave|given|sold|sells?|sent|sends?|offered|supplied)\s+(?-i:us)\b"
    r"|\bto\s+(?-i:our)\s+(?:[\w-]+\s+){0,2}(?:forces|army|air force|navy|command|brigade|units?"
    r"|fleet|military|troops)\b",
    re.IGNORECASE,
)
# Recipients that are only the article's fallback, which a pronoun's referent outranks.
_FALLBACK_RECIPIENT = frozenset({"previous-recipient", "second-state", "other-party"})


def _fallback_receiver(roles: Roles) -> bool:
    """Whether the receiver is only the article's fallback guess."""
    return len(roles.rules) > 1 and roles.rules[1] in _FALLBACK_RECIPIENT


def _receiver_guessed(roles: Roles) -> bool:
    """Whether the sentence left the receiver unnamed: none, or the article's guess."""
    return roles.recipient is None or _fallback_receiver(roles)


def _received_by(roles: Roles, state: str | None, rule: str) -> Roles:
    """The roles with `state` as receiver, chosen by `rule`, unless there is no such
    state or it is the supplier."""
    if state is None or state == roles.supplier:
        return roles
    return replace(roles, recipient=state, rules=(roles.rules[0], rule))


def _home_state(article: _Article, placed: str | None) -> str | None:
    """The state an interview's "we" speaks for: the one its introduction names
    first, other than the party already placed."""
    named = [code for code in article.state_counts if code != placed]
    return named[0] if named else None


def _first_person_receiver(roles: Roles, sentence: str, article: _Article) -> Roles:
    """ "Russia donated six MiG-29s to us": an interview's speaker's state receives
    what the sentence gives no other recipient."""
    if not _fallback_receiver(roles) or not _US_RECEIVING.search(sentence):
        return roles
    return _received_by(roles, _home_state(article, roles.supplier), "first-person")


# "Bulgarian lawmakers ratified", "Turkish officials said negotiations with China":
# the people a state's name qualifies, before the act.
_STATE_PEOPLE = re.compile(
    r"\s+(?:senior\s+)?(?:officials?|lawmakers|legislators|MPs|parliamentarians|negotiators)\b"
)


def _officials_receiver(roles: Roles, stage: Stage, clause: _Clause) -> Roles:
    """ "Bulgarian lawmakers on Friday ratified the agreements to buy eight F-16s":
    a talk or a deal that names no buyer is the state whose officials tell of it, not
    the article's last recipient. A delivery they tell of is often another's (U.S.
    officials said Iran had supplied drones to Russia), so it is left alone."""
    if not _receiver_guessed(roles) or stage not in {"interest", "agreement"}:
        return roles
    text, trigger = clause.mentions.sentence.text, clause.trigger
    own = (
        m.key
        for m in clause.mentions.parties
        if m.kind == "state" and m.end < trigger.start and _STATE_PEOPLE.match(text, m.end)
    )
    return _received_by(roles, next(own, None), "officials-state")


def _pronoun_subject(roles: Roles, sentence: str, article: _Article) -> Roles:
    """ "The Czech Republic was an early supplier. It sent T-72 tanks to Ukraine":
    the state "It" stands for supplies, not the maker of the design; "Niger looked
    elsewhere. The country ordered six TB2s" buys. An interview's "we" is the state
    the article names first."""
    opening = _PRONOUN_START.match(sentence)
    if opening is None:
        return roles
    verb = opening["verb"] or opening["we_verb"]
    buys = verb is not None and article.rules.recipient_verbs.fullmatch(verb) is not None
    placed = roles.supplier if buys else roles.recipient
    subject = _home_state(article, placed) if opening["we"] else article.previous_subject
    if subject is None:
        return roles
    if buys:
        if not _fallback_receiver(roles):
            return roles
        return _received_by(roles, subject, "pronoun-subject")
    if roles.rules[:1] != ("origin",) or subject == roles.recipient:
        return roles
    return replace(roles, supplier=subject, rules=("pronoun-subject", *roles.rules[1:]))


def _follow_up_count(system: Mention, stage: Stage, article: _Article) -> QuantityMention | None:
    """ "A shipment of MK-84 bombs has arrived. The cargo consisted of about 1,800
    bombs": the next sentence counts the same units by their generic name, unless it
    tells another stage ("The 12 aircraft were bought in 2021" counts the order)."""
    following = article.next_sentence
    if following is None or following.named_systems:
        return None
    text = following.sentence.text
    triggers = find_triggers(text, article.rules)
    act = choose_stage(text, triggers, article.rules)
    if act is not None and act.stage != stage:
        return None
    if act is None and any(t.stage != stage for t in triggers):
        return None  # "4,000 of the aircraft have been delivered worldwide" counts no order
    same = [
        m
        for m in following.systems
        if m.category == system.category or m.text.lower() in system.text.lower()
    ]
    for generic in same:
        count = quantity_for(following.sentence.text, generic, following.systems)
        if count is not None:
            return count
    return None


# "The cargo ship docked at Ashdod late on Saturday": a shipment's arrival.
_SHIP_ARRIVES = re.compile(r"\b(?:docked|berthed|moored)\b", re.IGNORECASE)


_DEAL_STAGES: frozenset[Stage] = frozenset({"interest", "agreement"})
_MOVE_STAGES: frozenset[Stage] = frozenset({"delivery", "deployment"})


def _other_kind_only(stage: Stage, stages: set[Stage]) -> bool:
    """Whether the stages told are all deals for an arrival, or all arrivals for a deal."""
    other = (
        _MOVE_STAGES
        if stage in _DEAL_STAGES
        else _DEAL_STAGES
        if stage in _MOVE_STAGES
        else frozenset()
    )
    return bool(stages) and stages <= other


def _follow_up(
    system: Mention, stage: Stage, sentence: str, article: _Article
) -> tuple[str, str] | None:
    """The act's day from the next sentence, when that sentence is about no other system
    and tells no act of the other kind only ("Washington pledged four of the launchers
    on June 1" dates no delivery), nor the framework agreement a contract falls under."""
    following = article.next_sentence
    if following is None or any(m.key != system.key for m in following.named_systems):
        return None
    text = following.sentence.text
    if _FRAMEWORK.search(text) and not _FRAMEWORK.search(sentence):
        return None
    stages = {t.stage for t in find_triggers(text, article.rules)}
    if not stages and not _SHIP_ARRIVES.search(text):
        return None  # "Our live coverage resumes tomorrow": no act to date
    if _other_kind_only(stage, stages):
        return None
    day = follow_up_date(text, article.published, article.rules)
    return (day, "date-in-next-sentence") if day else None


def _stage_for(system: Mention, trigger: Trigger) -> Stage | None:
    """Troops that are sent or arrive abroad are deployed, never delivered; troops are
    not bought or sold, so no other stage applies to them ("ordered an inquiry").
    Shells that arrive are delivered, and only their delivery is told without a name."""
    if system.kind != "generic" or system.category != "other":
        return trigger.stage
    if is_ammunition(system):
        return "delivery" if trigger.stage == "delivery" else None
    return "deployment" if trigger.stage in {"delivery", "deployment"} else None


def _is_base(system: str, family: str) -> bool:
    """Whether a designation is its family's own base name ("M1 Abrams" for M1)."""
    return fold(system) == fold(family)


def _refines(variant: str, base: str) -> bool:
    """Whether a designation narrows another ("M1A1 Abrams" or "F-16V" for an F-16),
    rather than renaming it: "Kalvari-class" is India's name for its Scorpenes,
    not a kind of Scorpene."""
    if fold(variant).startswith(fold(base)):
        return True
    return bool(_name_words(base) & _name_words(variant))


def _name_words(designation: str) -> set[str]:
    """The words that name a type after its code: "abrams" of "M1A1 Abrams"; not the
    maker's letters "MiG-29SMT" and "MiG-29UBT" share."""
    digit = re.search(r"\d", designation)
    return set(re.findall(r"[a-z]{3,}", designation[digit.end() if digit else 0 :].lower()))


# Supplier rules that read the sender from the sentence itself, not from the design.
_TOLD_SUPPLIER = frozenset(
    {"subject-supplier", "marker-from", "marker-by", "company-state", "owner-hands-over"}
)


def _suppliers_told_elsewhere(events: list[Event], kb: KnowledgeBase) -> list[Event]:
    """ "NASAMS systems have arrived in Ukraine. ... The NASAMS were provided by the
    United States": an act of a multinational design whose sender was only its lead
    state is sent by the partner another sentence names as sender of the same act."""
    told: dict[tuple[str, str | None, str], str] = {}
    for event in events:
        if (
            event.system
            and event.supplier
            and event.rules[1:2]
            and event.rules[1] in _TOLD_SUPPLIER
        ):
            told.setdefault(
                (family_of(event.system, kb), event.recipient, event.stage), event.supplier
            )
    return [_with_told_supplier(event, told, kb) for event in events]


def _with_told_supplier(
    event: Event, told: dict[tuple[str, str | None, str], str], kb: KnowledgeBase
) -> Event:
    """The event with the partner told elsewhere as supplier, where one is."""
    if not event.system or event.rules[1:2] != ("origin",):
        return event
    supplier = told.get((family_of(event.system, kb), event.recipient, event.stage))
    record = kb.systems.get(event.system)
    if supplier is None or record is None or supplier not in record.partners:
        return event
    rules = (event.rules[0], "supplier-told-elsewhere", *event.rules[2:])
    return replace(event, supplier=supplier, rules=rules)


def merge_duplicates(events: list[Event], kb: KnowledgeBase) -> list[Event]:
    """One event per (supplier, recipient, system family, stage), first mention kept;
    two variants one sentence counts apart stay two events."""
    merged: dict[tuple[str | None, str | None, str, str], Event] = {}
    for event in events:
        family = family_of(event.system, kb) if event.system else f"generic:{event.category}"
        key = (event.supplier, event.recipient, family, event.stage)
        first = merged.get(key)
        if first is not None and _counted_apart(first, event):
            key = (event.supplier, event.recipient, event.system or family, event.stage)
            first = merged.get(key)
        merged[key] = event if first is None else _fill(first, event, family)
    named = {(e.supplier, e.recipient, e.category, e.stage) for e in merged.values() if e.system}
    return [
        e
        for e in merged.values()
        if e.system or (e.supplier, e.recipient, e.category, e.stage) not in named
    ]


_ALREADY = re.compile(r"\b(?:already|previously)\b", re.IGNORECASE)
_FRAMEWORK = re.compile(r"\bframework (?:agreement|accord|deal|contract)s?\b", re.IGNORECASE)
_FIRST_DEAL = re.compile(
    r"\b(?:first|initially|originally)\s+(?:ordered|bought|signed|purchased|agreed|acquired)\b",
    re.IGNORECASE,
)
# Dates an event takes from outside its sentence's own plain reading.
_DATED_ELSEWHERE = frozenset({"date-in-next-sentence", "own-clause-date-in-sentence"})


_CEREMONY = frozenset({"trigger:delivery:inducted", "trigger:delivery:commissioned"})
_ARRIVAL = re.compile(r"\b(?:arrived|landed|touched down|(?:were|was) flown in(?:to)?)\b")


def _arrival_before_ceremony(first: Event, later: Event) -> bool:
    """ "inducted the J-10Cs on Friday" then "the first six arrived earlier this month":
    the ceremony follows the handover, so the arrival dates the delivery."""
    return (
        first.rules[0] in _CEREMONY
        and later.stage == "delivery"
        and _ARRIVAL.search(later.evidence) is not None
        and later.event_date is not None
        and first.event_date is not None
        and later.event_date <= first.event_date
    )


def _counted_apart(first: Event, later: Event) -> bool:
    """ "105 Leopard 2A5 tanks and 14 Leopard 2A4 tanks": two variants one sentence
    counts apart are two events, not one told twice."""
    return (
        first.evidence_start == later.evidence_start
        and first.system is not None
        and later.system is not None
        and first.quantity is not None
        and later.quantity is not None
        and not _refines(first.system, later.system)
        and not _refines(later.system, first.system)
    )


def _fill(first: Event, later: Event, family: str) -> Event:
    """Merge a later report of the same event into the first: the most specific
    designation ("M1A1 Abrams" over "M1 Abrams", the family's base) and the
    slots the first lacks."""
    system = first.system
    named_later = "system-reference" not in later.rules
    if later.system and first.system and later.system != first.system and named_later:
        vaguer = _refines(later.system, first.system) or _is_base(first.system, family)
        narrower = _refines(later.system, first.system) or _refines(later.system, family)
        system = (
            later.system if vaguer and narrower and not _is_base(later.system, family) else system
        )
    dated = "date-in-sentence"
    # "signed on Tuesday" keeps its date against a later paragraph's older order
    # ("adds to eight ordered in 2008"): the article is about the first.
    first_dated = dated in first.rules or (
        not _DATED_ELSEWHERE.isdisjoint(first.rules) and first.event_date != later.event_date
    )
    # "gave away its S-300 last year" then "sent it last April": the finer date wins.
    finer = bool(
        first.event_date
        and later.event_date
        and len(later.event_date) > len(first.event_date)
        and later.event_date.startswith(first.event_date)
    )
    # "has commissioned its 18 MiG-29Ns" then "The aircraft, ordered in 1994, were
    # delivered in 1995": a date the sentence gives beats the report's month.
    own_clause = "own-clause-date-in-sentence" in later.rules and not _MONTH_ONLY.isdisjoint(
        first.rules
    )
    # "The two governments already agreed the outline of the deal last April": an
    # earlier step of the deal the report is about, not its date.
    # "Egypt first ordered 24 Rafales in 2015", after "signed for 30 more": an earlier deal.
    # "The framework agreements signed on 27 July set out up to 1,000 K2 tanks", after
    # "signed a contract for 180 K2 tanks": the umbrella, not the contract.
    first_framework = _FRAMEWORK.search(first.evidence) is not None
    later_framework = _FRAMEWORK.search(later.evidence) is not None
    umbrella = later_framework and not first_framework
    earlier_step = (
        ("system-reference" in later.rules and _ALREADY.search(later.evidence))
        or _FIRST_DEAL.search(later.evidence)
        or umbrella
    )
    # ... and the contract after the umbrella is the deal.
    contract = later.quantity is not None and first_framework and not later_framework
    take_later_date = (
        own_clause
        or contract
        or _arrival_before_ceremony(first, later)
        or (dated in later.rules and (not first_dated or finer) and not earlier_step)
    )
    # The sentence that dates the act is the one about it, so its count wins too.
    counted = (
        later
        if later.quantity is not None and (take_later_date or first.quantity is None)
        else first
    )
    return replace(
        first,
        system=system,
        quantity=counted.quantity,
        quantity_text=counted.quantity_text
        if counted.quantity is not None
        else first.quantity_text or later.quantity_text,
        event_date=later.event_date if take_later_date else first.event_date,
        evidence=later.evidence if take_later_date else first.evidence,
        evidence_start=later.evidence_start if take_later_date else first.evidence_start,
        evidence_end=later.evidence_end if take_later_date else first.evidence_end,
        rules=later.rules if take_later_date else first.rules,
    )
