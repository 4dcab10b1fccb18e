"""Quantity and date slots of an event, taken from its sentence.

Quantities attach to the system they precede ("36 Rafale jets", "a division
of S-400") or wrap ("a Pantsir missile system battery"). Dates follow
SCHEMA.md: a date that only dates the report ("said on Tuesday") gives the
report's month; a dated act gives its exact day; no date gives the month
of publication.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from armswatch.extract.rules import Rules
from armswatch.extract.triggers import Trigger
from armswatch.find.dates import DateMention, find_dates
from armswatch.find.quantities import (
    FORMATION_WORDS,
    QuantityMention,
    count_at,
    find_quantities,
)
from armswatch.models import Mention

_MAX_GAP = 48
_OF_LINK = re.compile(r"^\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A new clause with its own verb: "delivered in July, and Cairo ordered 30 more"; a
# member of what was counted: "deployed 30 aircraft to Syria, including Su-24s".
_CLAUSE_APART = re.compile(r",\s+(?:and|but|while|whereas)\s+|;|\bincluding\b")
# "Two U.S. Army Patriot batteries": an initial's full stop ends nothing.
_GAP_BREAK = re.compile(r"[,;:]|(?<!\b[A-Z])\.|\band\b|\bwith\b")
# "the first", "the eleventh of 48", "the 3rd", then at most two names ("Leonardo").
_ORDINAL_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
    r"|twelfth|\w+teenth|\w+tieth|last|final|\d+(?:st|nd|rd|th))"
    # "the first of South Africa's three new": an owner may stand before the count.
    r"(?P<of>\s+of\s+(?:the\s+|its\s+|their\s+|(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+)?"
    r"[\w,]+(?:\s+new)?)?(?:\s+[A-Z][\w-]*){0,2}\s+\Z"
)
# A plural right after a system ("S-400s", "S-400 components", "Su-35 fighter jets").
_PLURAL_AFTER = re.compile(
    r"(?<=\ds)|(?:\s+[a-z-]+)?\s+(?!(?:was|has|is|its|this|as|us|his)\b)[a-z]*[^s\W]s\b"
)
# "the first Su-30MKA batch": the first of several groups, not of units.
_GROUP_AFTER = re.compile(
    r"\s+(?:batch|tranche|lot|shipment|consignment|squadron|order|contract)\b", re.IGNORECASE
)
# The same, inside a mention that took its noun along ("Leopard 2 tanks").
_PLURAL_END = re.compile(r"\s[a-z]*[^s\W]s$")
# "SEOUL, Oct. 18 (KPN) -- ": a dateline dates the report, never the event.
_DATELINE = re.compile(
    r"[A-Z][^,\n]{0,40},[^-\u2013\u2014\n]{0,30}?(?:\([^)\n]{1,30}\))?\s*\.?\s*"
    r"(?:--?|\u2013|\u2014|:)\s"
)


def quantity_for(
    sentence: str,
    system: Mention,
    others: tuple[Mention, ...],
    *,
    one_by_one: bool = False,
    whole: bool = False,
) -> QuantityMention | None:
    """The count that belongs to this system mention, if the sentence gives one.

    Without a count next to the system, a sentence about one system with a
    single count of units ("an order for 34 of the jets") still gives it. An act on
    units one by one (a delivery, or a delivery held back) of "the first" or "the
    eleventh" unit counts one, even "the first of three". With `whole`, "30,000 of
    the 100,000 rifles" counts the 100,000.
    """
    if one_by_one and (single := single_unit(sentence, system)) is not None:
        return single
    counts = [
        q
        for q in find_quantities(sentence)
        if not q.money and q.value is not None and not _is_rate(sentence, q, system)
    ]
    best: QuantityMention | None = None
    for quantity in counts:
        if quantity.start <= system.start and quantity.end >= system.end:
            return quantity
        if quantity.end <= system.start and _linked(sentence, quantity, system, others):
            best = quantity
    if best is not None and not whole:
        best = _part_of_whole(sentence, counts, best)
        best = _part_after_fronted_whole(sentence, counts, best)
    if best is not None:
        best = _whole_of_breakdown(sentence, counts, best, (system, *others))
    named = {m.key for m in others if m.kind == "system"}
    if best is None and len(counts) == 1 and len(named) <= 1:
        lone = counts[0]
        apart = _CLAUSE_APART.search(sentence, *sorted((lone.end, system.start)))
        counts_them = _counts_units(sentence, lone, others, system) or _counts_people(lone, system)
        best = lone if counts_them and not apart else None
    return best or _one_unit(sentence, system)


# "produce 25,000 AK-103 rifles a year", "at a rate of 25,000 a year": a rate of output.
_RATE_AFTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:(?:a|per|each|every)\s+(?:year|month|week|day)|annually)\b"
    r"(?!\s+(?:ago|later|earlier|before|after)\b)",
    re.IGNORECASE,
)
_RATE_BEFORE = re.compile(r"\b(?:a\s+)?rate\s+of\s+\Z", re.IGNORECASE)


def _is_rate(sentence: str, quantity: QuantityMention, system: Mention) -> bool:
    """A count of units made or sent in each period, not of the units of a deal."""
    after = system.end if quantity.end <= system.start < quantity.end + _MAX_GAP else quantity.end
    return bool(
        _RATE_AFTER.match(sentence, after)
        or _RATE_BEFORE.search(sentence, max(0, quantity.start - 15), quantity.start)
    )


# "a FREMM frigate", "its only S-300 battery", "one of its Patriot systems": one unit.
_ONE_BEFORE = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne(?:\s+of\s+(?:its|their|the|our))?"
    r"|(?:[Ii]ts|[Tt]heir|[Tt]he|[Oo]ur)\s+(?:only|second|third|fourth|fifth|sixth|next))\s+"
    # "a former Chinese Type 035 submarine", never "a contract for F-35 aircraft".
    r"(?:(?!(?:for|of|with|to|from|by|on|in|at|and|or|contract|deal|order|agreement|purchase"
    r"|package|sale)\b)[A-Za-z][\w-]*\s+){0,3}\Z"
)
_SINGULAR_HEAD = re.compile(
    r"\s+(?:[a-z-]+\s+){0,2}?(?:frigate|submarine|ship|carrier|corvette|destroyer|vessel"
    r"|battery|system|radar|aircraft|jet|helicopter|satellite|dock|cruiser|tanker)\b(?!s)",
    re.IGNORECASE,
)


def _one_unit(sentence: str, system: Mention) -> QuantityMention | None:
    """A single unit named with "a", "its only" or "one of its", ahead of a singular
    head noun; "a Patriot battery" is one battery, "a FREMM frigate" one frigate, and
    "the FREMM frigate Tahya Misr", a ship with a name of its own, one frigate."""
    before = _ONE_BEFORE.search(sentence, max(0, system.start - 40), system.start)
    one_of = before is not None and before.group().lower().startswith("one of")
    # The head noun may follow the name or end it ("FREMM frigate").
    after = _SINGULAR_HEAD.match(sentence, system.end)
    singular = after or _SINGULAR_HEAD.search(" " + system.text.split()[-1])
    if before is None and singular:
        head_end = after.end() if after else system.end
        if _SHIP_NAME_AFTER.match(sentence, head_end):
            before = _THE_BEFORE.search(sentence, max(0, system.start - 40), system.start)
    if before is None or not (one_of or singular):
        return None
    return QuantityMention(
        before.start(), system.end, sentence[before.start() : system.end], 1, None, money=False
    )


# "the FREMM frigate Tahya Misr", "the landing platform dock HTMS Chang": a named ship.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:(?-i:[A-Za-z])[\w-]*\s+){0,3}?\Z")
_SHIP_NAME_AFTER = re.compile(
    r"\s+(?:(?:HMS|USS|INS|HTMS|KRI|BRP|TCG|ROKS|HNLMS|FGS|ARA)\s+)?(?-i:[A-Z][a-z]+)\b(?!\s*[-\d])"
)


# "the first four of 12 Rafale fighters": four are delivered, not twelve.
_FIRST_FEW_OF = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:first|last|final|initial|next)\s+(?P<count>[\w-]+)\s+of\s+"
    r"(?:the\s+|its\s+|their\s+)?[\w,]+(?:\s+[A-Z][\w-]*){0,2}\s+\Z"
)


_OF_THE = re.compile(r"\s+of\s+(?:(?:the|its|their)\s+)?")


def _part_of_whole(
    sentence: str, counts: list[QuantityMention], whole: QuantityMention
) -> QuantityMention:
    """ "10 of the 30 Rafale jets": the part is the count of this event."""
    for part in counts:
        if part.end <= whole.start and _OF_THE.fullmatch(sentence, part.end, whole.start):
            return part
    return whole


# "signed for 18 aircraft — 16 MiG-29Ns and two MiG-29UBs —", "covers 48 aircraft: 12
# FA-50GF and 36 FA-50PL": a breakdown opens after a dash or colon, and ends at the next.
_BREAKDOWN_OPENS = re.compile(r"\s*(?::|[\u2013\u2014]|\s-)\s*\Z")
_BREAKDOWN_ENDS = re.compile(r"[\u2013\u2014;:]|\s-\s")


def _whole_of_breakdown(
    sentence: str,
    counts: list[QuantityMention],
    part: QuantityMention,
    systems: tuple[Mention, ...],
) -> QuantityMention:
    """The total a breakdown of one design's variants adds up to: the variants are one
    event, and its count is the whole ("39 ships - 16 Parchim-class corvettes, 14
    Frosch-class landing ships ..." breaks down no design)."""
    opener = _BREAKDOWN_OPENS.search(sentence, 0, part.start)
    if opener is None:
        return part
    totals = [q for q in counts if q.end <= opener.start()]
    closing = _BREAKDOWN_ENDS.search(sentence, part.end)
    end = closing.start() if closing else len(sentence)
    listed = [q.value or 0 for q in counts if part.start <= q.start < end]
    designs = {
        _design(m.key) for m in systems if m.kind == "system" and part.start <= m.start < end
    }
    if totals and len(listed) > 1 and len(designs) == 1 and sum(listed) == totals[-1].value:
        return totals[-1]
    return part


_DESIGN = re.compile(r"[A-Za-z]+(?:[- ]?\d+)?")


def _design(key: str) -> str:
    """The design a variant belongs to: "MiG-29" for "MiG-29NUB", "FA-50" for "FA-50PL"."""
    found = _DESIGN.match(key)
    return found.group() if found else key


# "Of the 100,000 rifles Caracas ordered, 30,000 have been delivered": the whole first.
_FRONTED_OF = re.compile(r"\s*Of\s+(?:the\s+|its\s+|their\s+)?")


def _part_after_fronted_whole(
    sentence: str, counts: list[QuantityMention], whole: QuantityMention
) -> QuantityMention:
    """ "Of the 100,000 rifles ordered, 30,000 have arrived": the count after the comma."""
    fronted = _FRONTED_OF.match(sentence)
    if fronted is None or fronted.end() != whole.start:
        return whole
    comma = sentence.find(",", whole.end)
    return next((q for q in counts if comma != -1 and q.start > comma), whole)


def single_unit(sentence: str, system: Mention) -> QuantityMention | None:
    """ "the first Su-35 fighter" and "the first of 24 Su-35 fighters" are one unit,
    "the first four of 12" are four; "the first S-400 components" and "the last of
    its F-16s" are no count."""
    window = max(0, system.start - 80)
    few = _FIRST_FEW_OF.search(sentence, window, system.start)
    if few is not None:
        counted = count_at(sentence, few.start("count"))
        return counted if counted is not None and counted.value is not None else None
    found = _ORDINAL_BEFORE.search(sentence, window, system.start)
    if found is None or _GROUP_AFTER.match(sentence, system.end):
        return None
    plural = (
        _PLURAL_AFTER.match(sentence, system.end)
        or _PLURAL_END.search(system.text)
        or (system.text.endswith("s") and not system.key.endswith("s"))
    )
    if found["of"] is None and plural:
        return None
    if found["of"] is not None and re.match(r"\w+\s+(?:last|final)", found.group()):
        return None
    return QuantityMention(found.start(), found.end(), found.group().strip(), 1, None, money=False)


def _counts_units(
    sentence: str, quantity: QuantityMention, others: tuple[Mention, ...], system: Mention
) -> bool:
    """A lone count counts this system's units only when it counts no other noun:
    "34 of the jets" and "12 more" do, "the two governments" and "5,000 rounds of
    ammunition" do not."""
    if quantity.unit is None or quantity.unit.lower() in FORMATION_WORDS:
        return True
    return any(
        m.start >= quantity.end
        and m.category == system.category
        and _linked(sentence, quantity, m, others)
        for m in others
    )


_PEOPLE = frozenset(
    {"men", "women", "troops", "soldiers", "personnel", "fighters", "servicemen", "mercenaries"}
)


def _counts_people(quantity: QuantityMention, system: Mention) -> bool:
    """ "Wagner fighters, estimated at around 1,500 men": a head count of troops sent."""
    unit = (quantity.unit or "").lower()
    return system.kind == "generic" and system.category == "other" and unit in _PEOPLE


def _linked(
    sentence: str, quantity: QuantityMention, system: Mention, others: tuple[Mention, ...]
) -> bool:
    gap = sentence[quantity.end : system.start]
    if len(gap) > _MAX_GAP or _GAP_BREAK.search(gap):
        return False
    between = [m for m in others if quantity.end <= m.start < system.start]
    return not between or _OF_LINK.match(gap) is not None


def money_for(sentence: str) -> QuantityMention | None:
    """The first amount of money in the sentence, for money-only deals."""
    return next((q for q in find_quantities(sentence) if q.money), None)


# Triggers of a pledge, an announced donation or aid package: made by its
# announcement, so the announcement's day is the act's.
_PLEDGE = re.compile(
    r"would|will|promis|pledg|donating|to donate|to send|to supply|to provide|package|aid"
    r"|assistance",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateHints:
    """What the sentence says around the trigger: the triggers of other stages, those
    of its own stage, and the trigger's own clause when it has one."""

    rivals: tuple[Trigger, ...] = ()
    scope: tuple[int, int] | None = None
    allies: tuple[Trigger, ...] = ()


def event_date(
    sentence: str,
    trigger: Trigger,
    published: dt.date | None,
    rules: Rules,
    *,
    hints: DateHints = DateHints(),
) -> tuple[str | None, str]:
    """The event's date and the rule that chose it.

    A pledge is made by its announcement, so an announcement's date is the act's.
    The year of "a 2021 contract" dates that contract, never its deliveries, and a
    date nearer another stage's verb ("tanks ordered in 2018") is that verb's. When
    the trigger has a clause of its own, a date inside it is the act's.
    """
    rivals, scope = hints.rivals, hints.scope
    trigger_start = trigger.start
    pledge = _PLEDGE.search(trigger.text) is not None
    dates = find_dates(sentence, published)
    governing = _governing_date(sentence, dates, trigger)
    if governing is not None:
        return governing.value, "date-in-sentence"
    if trigger.stage != "agreement":
        dates = [d for d in dates if not _dates_another_deal(sentence, d, trigger)]
    dates = [
        d
        for d in dates
        if not _nearer_a_rival(sentence, d, trigger, rivals, hints.allies)
        and not _deadline(sentence, d)
        and not _OTHER_EVENT_AFTER.match(sentence, d.end)
        and not (trigger.stage != "delivery" and _deliveries_due(sentence, d))
        and not _EXPECTED_BEFORE.search(sentence, max(0, d.start - 40), d.start)
    ]
    outside = [d for d in dates if not _in_aside(sentence, d, trigger)]
    dates = outside or dates
    if scope is not None:
        # Else only a date that leads the sentence, before any verb, dates every clause:
        # "In 2019, Russia sold Su-35s to Egypt, but the deal was later cancelled".
        first_verb = min(t.start for t in (*rivals, trigger))
        own = [d for d in dates if scope[0] <= d.start < scope[1]]
        same = _SAME_PERIOD.search(sentence, *scope)
        earlier = [d for d in dates if d.start < scope[0]]
        if not own and same is not None and earlier:
            # "took delivery on July 12, 2019, and Washington removed it from the F-35
            # programme the same month": the earlier date, to the period it names.
            return earlier[-1].value[: _PERIOD_LENGTH[same["period"].lower()]], "same-period"
        dates = own or [d for d in dates if d.start < first_verb]
    acts = [
        d
        for d in dates
        if not (
            _dates_report(sentence, d, rules, trigger_start)
            or _reported_after(sentence, d, trigger, rules)
        )
        or (pledge and not _in_dateline(sentence, d))
    ]
    if acts:
        chosen = min(acts, key=lambda d: _distance(d, trigger_start))
        return chosen.value, "date-in-sentence"
    if dates:
        return dates[0].value[:7], "report-date-month"
    if published is None or _VAGUE_PAST.search(sentence):
        return None, "no-date"
    return published.isoformat()[:7], "published-month"


# "after the September 14 attacks", "since the 1995 border war": another event's date.
_OTHER_EVENT_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:attacks?|strikes?|war|invasion|annexation|coup|elections?|summit"
    r"|crisis|earthquake|bombings?|raids?|clashes|conflict|uprising|revolution|ceasefire"
    r"|truce|crash|massacre|offensive|incursion|shootdown|downing)\b"
)
# "in 1977, when the Carter administration vetoed a sale": the clause the date governs,
# unless it has a date of its own ("in February, when a package signed on 16 February").
_WHEN_AFTER = re.compile(r",?\s+when\s+[^;:]{0,100}\Z", re.IGNORECASE)


def _dates_when_clause(sentence: str, date: DateMention, trigger: Trigger) -> bool:
    return date.end < trigger.start and bool(_WHEN_AFTER.match(sentence, date.end, trigger.start))


_SAME_PERIOD = re.compile(r"\bthe\s+same\s+(?P<period>day|month|year)\b", re.IGNORECASE)
_PERIOD_LENGTH = {"day": 10, "month": 7, "year": 4}


# "which Azerbaijan purchased several years ago": long before the report, at no known date.
_VAGUE_PAST = re.compile(
    r"\b(?:several|a few|many|some|a number of)\s+(?:years|months|decades)\s+"
    r"(?:ago|earlier|before)\b|\byears\s+ago\b"
    # "bought T-72s from Russia in the 1980s": a decade is no date of the schema's kinds.
    r"|\bin\s+the\s+(?:early\s+|mid-|late\s+)?(?:19|20)\d0s\b",
    re.IGNORECASE,
)


_YEARS_LATER = re.compile(
    r"\b(?:the (?:following|next) year|(?P<n>a|one|two|three|four|five|\d) years? later)\b",
    re.IGNORECASE,
)
# Number words a gap of time is counted in: "two years later", "a month after".
SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def later_year(sentence: str, scope: tuple[int, int], published: dt.date | None) -> str | None:
    """ "bought in 2021, and they were delivered the following year": a clause dated
    only after an earlier clause's year is that year plus the gap."""
    later = _YEARS_LATER.search(sentence, *scope)
    if later is None:
        return None
    years = [d for d in find_dates(sentence[: scope[0]], published) if d.value[:4].isdigit()]
    if not years:
        return None
    gap = later["n"]
    step = 1 if gap is None else SMALL_NUMBERS.get(gap.lower()) or int(gap)
    return str(int(years[-1].value[:4]) + step)


def _governing_date(
    sentence: str, dates: list[DateMention], trigger: Trigger
) -> DateMention | None:
    """A date that governs the trigger outright: the year its deal noun carries ("under
    a 2013 agreement"), or the date a when-clause hangs on ("in 1977, when ...")."""
    own = next((d for d in dates if _dates_the_deal(sentence, d, trigger)), None)
    if own is not None:
        return own
    when = next((d for d in dates if _dates_when_clause(sentence, d, trigger)), None)
    if when is not None and not any(d.start >= when.end for d in dates):
        return when
    return None


def _dates_the_deal(sentence: str, date: DateMention, trigger: Trigger) -> bool:
    """ "under a 2013 agreement", "a 2023 memorandum with Boeing": the trigger is the
    dated noun itself."""
    deal = _DATED_DEAL.match(sentence, date.end)
    return deal is not None and deal.start() <= trigger.start < deal.end()


def _dates_another_deal(sentence: str, date: DateMention, trigger: Trigger) -> bool:
    """ "delivered under a 2021 contract": the year is the contract's."""
    return _DATED_DEAL.match(sentence, date.end) is not None and not _dates_the_deal(
        sentence, date, trigger
    )


# "a 2021 arms contract", "the 1978 sale", not "in November under contracts signed in 2012".
_DATED_DEAL = re.compile(
    r"[\s-]+(?:(?!(?:a|an|the|its|their|under|as|in|on|at|by|for|from|to|with|after|before"
    r"|of|and)\s)[a-z-]+\s+)?"
    r"(?:contract|deal|agreement|order|purchase|accord|memorandum|sale|package)s?\b",
    re.IGNORECASE,
)


def follow_up_date(sentence: str, published: dt.date | None, rules: Rules) -> str | None:
    """The exact day of an act that the next sentence dates ("The agreement was signed
    on Thursday"), for an event whose own sentence gives no act date; a day still to
    come there ("the drills will run until July 19") dates no act."""
    days = [
        d
        for d in find_dates(sentence, published)
        if d.is_day
        and not _dates_report(sentence, d, rules)
        and not _FUTURE.search(sentence, 0, d.start)
    ]
    return days[0].value if days else None


_FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are) (?:to|due|scheduled|set|expected|planned)|scheduled"
    r"|due to|planned)\b",
    re.IGNORECASE,
)
# "would be finished by 1 July": a deadline still to come dates no act told.
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|before)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?\Z",
    re.IGNORECASE,
)


# "the drills, which run through Sept. 25": when a drill ends, not when forces came.
_RUNS_UNTIL = re.compile(
    r"\b(?:runs?|running|lasts?|lasting|continues?|continuing)\s+(?:until|till|through|to)\s+\Z",
    re.IGNORECASE,
)


# "ordered 32 F-35As, with deliveries due from 2024": when deliveries come, not the deal.
_DELIVERIES_DUE = re.compile(
    r"\b(?:deliver(?:y|ies)|handovers?|arrivals?)\s+(?:are\s+|is\s+|were\s+|was\s+)?"
    r"(?:due|expected|scheduled|planned|set|to\s+(?:begin|start)"
    # "deliveries of the new F-15s could begin around 2015".
    r"|(?:could|would|will|may|might|should)\s+(?:begin|start))\b[^,.;]{0,25}\Z",
    re.IGNORECASE,
)


# "The 26 Gripens ordered under the package are not due until 2008", "the first of
# three submarines, also ordered from Germany, is expected in 2005": when they are
# awaited, not when they were ordered.
_EXPECTED_BEFORE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:not\s+)?(?:due|expected|scheduled|slated)"
    r"\s+(?:in|by|until|till|from|for|before|around)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def _deliveries_due(sentence: str, date: DateMention) -> bool:
    return _DELIVERIES_DUE.search(sentence, max(0, date.start - 60), date.start) is not None


def _deadline(sentence: str, date: DateMention) -> bool:
    window = max(0, date.start - 30)
    if _RUNS_UNTIL.search(sentence, window, date.start):
        return True
    return bool(
        _DEADLINE_BEFORE.search(sentence, window, date.start)
        and _FUTURE.search(sentence, 0, date.start)
    )


def _nearer_a_rival(
    sentence: str,
    date: DateMention,
    trigger: Trigger,
    rivals: tuple[Trigger, ...],
    allies: tuple[Trigger, ...],
) -> bool:
    """ "received the tanks ordered in 2018": another stage's verb between the
    trigger and a date after them takes the date, as does one right before a date
    that precedes the trigger ("jets ordered in 1983 were held back"); not one in an
    aside closed before the date ("commissioned INS Vikramaditya, bought from Russia,
    in November 2013"), nor one the trigger's own stage follows before the date ("The
    first batch of missiles bought from India arrived on Friday")."""
    return any(
        (
            trigger.end <= rival.start
            and rival.end <= date.start <= rival.end + _RIVAL_REACH
            and not _closed_aside(sentence, rival, date)
            and not any(rival.end <= ally.start and ally.end <= date.start for ally in allies)
        )
        or (rival.end <= date.start and date.end <= trigger.start and _near(rival, date))
        for rival in rivals
    )


def _closed_aside(sentence: str, rival: Trigger, date: DateMention) -> bool:
    opened = sentence[: rival.start].rstrip().endswith(",")
    return opened and "," in sentence[rival.end : date.start]


_DATE_REACH = 20
# "handed over the first of six submarines ordered by Vietnam at a ceremony at the
# Admiralty Shipyards on Thursday": a date that far from the rival is the main verb's.
_RIVAL_REACH = 50


def _near(rival: Trigger, date: DateMention) -> bool:
    return date.start - rival.end <= _DATE_REACH


def _distance(date: DateMention, trigger_start: int) -> int:
    if date.start >= trigger_start:
        return date.start - trigger_start
    return (trigger_start - date.end) + 20


def _in_dateline(sentence: str, date: DateMention) -> bool:
    """ "OSLO, Feb 21 - ": the day the report was filed, not the day of any act in it."""
    dateline = _DATELINE.match(sentence)
    return dateline is not None and date.end <= dateline.end()


# "Britain, which has kept an embargo since the 1982 war, blocked a sale in 2015": an
# aside about the subject dates something else.
_ASIDE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,")


def _in_aside(sentence: str, date: DateMention, trigger: Trigger) -> bool:
    return any(
        aside.start() <= date.start < aside.end()
        and not aside.start() <= trigger.start < aside.end()
        for aside in _ASIDE.finditer(sentence)
    )


def _reported_after(sentence: str, date: DateMention, trigger: Trigger, rules: Rules) -> bool:
    """ "..., Shoigu said during a visit to Naypyidaw on Sunday": a day after a reporting
    verb that follows the act dates the report."""
    return trigger.end <= date.start and bool(
        rules.reporting.search(sentence, trigger.end, date.start)
    )


def _dates_report(
    sentence: str, date: DateMention, rules: Rules, trigger_start: int | None = None
) -> bool:
    """A day that dates a dateline, a reporting verb after it ("said on Tuesday"), or a
    reporting verb that the act comes after ("Last Saturday it said it had signed")."""
    if _in_dateline(sentence, date):
        return True
    if not date.is_day:
        return False
    before = sentence[max(0, date.start - 30) : date.start]
    if rules.reporting.search(before):
        return True
    return trigger_start is not None and bool(
        rules.reporting.search(sentence, date.end, max(date.end, trigger_start))
    )
