"""Stage triggers in a sentence, and the modality that cancels them.

A trigger is asserted unless a future, hypothetical, negation or denial
cue sits in the same clause just before it ("could buy", "will deliver",
"did not sign"). Deployment words such as "drill" only qualify a sentence,
so they hold even after "would".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from armswatch.extract.rules import Rules
from armswatch.models import Stage

_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\bbut\b|\bwhile\b|\bwhich\b|\band\b")
_WORD = re.compile(r"[\w'’]+")
# Words that make sending one's own systems abroad a deployment: drills, missions,
# shows of support, protecting a base.
_DEPLOYMENT_CONTEXT = re.compile(
    r"\b(?:drills?|exercises?|war ?games|manoeuvres|maneuvers"
    # "declined to take part in the scheme": a deal or a meeting, not a drill.
    r"|(?:take|took|taking) part(?! in (?:the |a |an |its |their )?(?:[\w-]+ )?(?:scheme|talks"
    r"|negotiations|programme|program|initiative|tender|competition|deal|swap|exchange"
    r"|coalition|meeting|conference|summit|ceremony|signing|project)s?\b)"
    r"|(?:joint|combined|bilateral) training"
    r"|air policing|policing mission|show of (?:support|force|strength)|to protect the"
    r"|rotations?|battlegroup|port (?:call|visit)s?|forward presence|participat\w*"
    r"|task (?:group|force)|flotilla|(?:NATO|UN|EU|peacekeeping) (?:missions?|operations?)"
    # "landed at Maracay in the first deployment of Russian bombers to the region".
    # "a similar deployment to Venezuela, when two Tu-160s landed".
    r"|(?:the|a|first|its|their) (?:similar |previous |earlier |latest |first |second )?"
    r"deployments?"
    # "sent eight Eurofighters as part of the Luftwaffe's Pacific Skies tour".
    r"|as part of (?:the |a |an |its |their )?(?:[\w'’-]+ ){0,4}(?:tour|mission)s?"
    # "were sent to Syria in February and returned after several days": a visit.
    r"|and returned|before returning|returned home|flew back"
    # A unit of the sender's forces: "from the 71st Tactical Fighter Squadron", "from 3 Wing
    # Bagotville", "sent Patriot units"; what it flies or fields stays the sender's.
    r"|(?:of|from) (?:the )?\d+(?:st|nd|rd|th)?\s+(?-i:(?:[A-Z][\w-]*\s+){0,3}"
    r"(?:Wing|Squadron|Regiment|Brigade|Fleet))"
    r"|(?:sent|sends?|sending|dispatched|and) (?-i:[A-Z][\w-]*)\s+units"
    r"|home base|strategic bombers?|long-range bombers?"
    # "48 F-15C Eagle fighters from Langley Air Force Base, Virginia, arrived".
    # Not "after a ferry flight from Hill Air Force Base": a delivery's route.
    r"|(?<!flight )from (?-i:(?:[A-Z][\w-]*\s+){1,3}(?:Air Force Base|Air Base|Naval Air Station))"
    r"|(?:to|will) spend (?:the )?(?:next|coming)"
    # Not "have since been flying acceptance sorties": a delivered jet's own trials.
    r"|(?:flew|flying|fly) (?!acceptance |test |trial |familiari[sz]ation |conversion )"
    r"(?:[\w-]+ )?(?:missions|sorties)"
    r"|as part of (?:a |the )?NATO(?:'s|’s)? (?:[\w-]+ ){0,3}"
    r"(?:force|mission|reinforcement|response|presence|deployment|operation))\b",
    re.IGNORECASE,
)
# Verbs of arriving: what arrives for a drill or after a deployment is deployed.
_ARRIVAL_WORDS = (
    r"arriv(?:ed|es?|ing)|landed|touched down|unloaded|flown (?:in|into|to)|flew in|sailed into"
)
_WEAK_DELIVERY = re.compile(
    rf"^(?:sent|sending|sends|handed|provided|given|gave|deliver(?:ed|ing|s)?|{_ARRIVAL_WORDS}"
    r"|airlift(?:ed|ing))$",
    re.IGNORECASE,
)
_ARRIVAL = re.compile(rf"^(?:{_ARRIVAL_WORDS})$", re.IGNORECASE)
_NOUN_DELIVERY = re.compile(r"^(?:deliver(?:y|ies)|handover|first batch)$", re.IGNORECASE)
# "approved the delivery of Archer howitzers": an export approval, not a handover.
_APPROVED_BEFORE = re.compile(
    r"\b(?:approv|authori[sz]|clear|allow|permitt?)\w*\s+(?:the\s+|further\s+)?\Z",
    re.IGNORECASE,
)
# "signed for its first batch of 24 Su-27s", "ordered 100,000 rifles and a first batch
# of Mi-17s": the batch is what is bought.
_ORDERED_BEFORE = re.compile(
    r"\b(?:signed\s+for|ordered|bought|purchased|contracted|(?:contract|order|deal)\s+for)\s+"
    r"(?:(?:[^,.;]|(?<=\d)[,.](?=\d)){0,60}?\s(?:and|as\s+well\s+as)\s+)?"
    r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?\Z",
    re.IGNORECASE,
)
# "a decree banning the delivery of S-300 systems": the delivery is what is stopped.
_STOPPED_BEFORE = re.compile(
    r"\b(?:bann|halt|suspend|block|freez|froze|stop|prevent|prohibit|forbid)\w*\s+"
    r"(?:the\s+|all\s+|any\s+|further\s+)?\Z",
    re.IGNORECASE,
)
# "support for two years after the delivery of the last frigate": a delivery as a
# point in time.
_SINCE_BEFORE = re.compile(
    r"\b(?:(?:since|after|before|until|upon|following)\s+the|(?:in advance|ahead) of(?:\s+the)?"
    r"|prior to(?:\s+the)?"
    r"|(?:preparations?|preparing|prepares|ready|readiness|scheduled|due|planned|set) for"
    r"(?:\s+the)?)\s+\Z",
    re.IGNORECASE,
)
# "the supply of missiles was discussed": talk about a delivery, not one.
_TALKED_AFTER = re.compile(
    r"[^,.;]*?\b(?:was|were|is|are|being|been)\s+(?:discussed|considered|debated|negotiated"
    r"|proposed|mooted|raised)\b",
    re.IGNORECASE,
)
# "a formal request for the F-35 has been sent": paper sent, not a weapon.
_PAPER_SENT_BEFORE = re.compile(
    r"\b(?:request|letter|application|proposal|invitation|bid|note|message)s?\b[^,.;]{0,50}?"
    r"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+|being\s+)?\Z",
    re.IGNORECASE,
)
# "until newer fighters arrive": a present tense after "until" or "before" is
# still to come.
_PENDING_BEFORE = re.compile(
    r"\b(?:until|till|before|once|as soon as)\s+(?:[\w'’-]+\s+){0,4}?\Z",
    re.IGNORECASE,
)
# "a coalition supplying", "countries sending": a participle that describes a group.
_GROUP_BEFORE = re.compile(
    r"\b(?:coalition|countries|states|nations|allies|partners|donors|governments)\s+\Z",
    re.IGNORECASE,
)
_ARRIVAL_WORD = re.compile(r"arriv|land|reach|dock", re.IGNORECASE)
_STOCKS_BEFORE = re.compile(r"\b(?:stocks|stockpiles|inventories|reserves)\s+\Z", re.IGNORECASE)
# "considering whether to contribute Leopards": a donor weighing a gift asserts nothing.
_WEIGHED_GIFT_AFTER = re.compile(
    r"\s+(?:whether\s+)?(?:to\s+)?(?:contribut|send|donat|suppl|giv|provid|deliver|transfer)\w*\b",
    re.IGNORECASE,
)
_TALKS = re.compile(r"discuss|negotiat|talk", re.IGNORECASE)
# The verb of talks that open the sentence, when it puts them in the future.
_TALKS_TO_COME = re.compile(
    r"[^.;]{0,160}?\b(?:(?:are|is)\s+(?:expected|due|scheduled|set|likely|planned|to)\s+"
    r"(?:to\s+)?|will\s+|would\s+)(?:begin|start|open|resume|take place|get under way)\b",
    re.IGNORECASE,
)
# A state that offers its own forces for a task offers a service, not a sale.
_OWN_FORCES_OFFERED = re.compile(
    r"\s+(?:its|their|his|her|our)\s+(?:own\s+)?(?:warships|ships|navy|troops|forces|jets"
    r"|aircraft|services|help|support|pilots|crews)\s+to\s+(?:escort|protect|help|patrol"
    r"|guard|train|assist|defend|secure)\b",
    re.IGNORECASE,
)
# "offered a different account, claiming a Kinzhal had destroyed a Patriot": words.
_WORDS_OFFERED = re.compile(
    r"\s+(?:an?|another|the|its|his|her|their|no)\s+(?:[\w-]+\s+)?(?:account|version|explanation"
    r"|view|assessment|interpretation|apology|condolences|reassurances?|assurances?|details"
    r"|estimate|comment|reason|excuse|justification)\b",
    re.IGNORECASE,
)
_PRESENT_TRIGGER = re.compile(r"arrives?|deliver|delivers|lands?", re.IGNORECASE)
# "Deliveries of the F-15SA, an advanced derivative, are not expected to start until
# 2015": a verb of the future after the noun, past an aside.
_FUTURE_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:[^,.;]{0,80},\s+)?(?:is|are|were|was)?\s*(?:not\s+)?"
    r"(?:now\s+|still\s+|currently\s+|originally\s+)?"
    r"(?:due|expected|scheduled|set to|will|planned|hoped|slated|envisaged|anticipated|"
    r"to begin|to start|could|would|can|cannot|may|might|won't|can't)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A stage cue found in a sentence."""

    start: int
    end: int
    text: str
    stage: Stage
    blocked_by: str | None


# A call on someone to act is no act: "urging the government to send", "urged Berlin to",
# "despite calls in the US Congress to halt the transfer".
_URGED_TO = re.compile(
    r"\b(?:urg(?:e|es|ed|ing)|calls|calling|demands|appeals|pressure)\s+(?:[\w'’.-]+\s+){1,6}?"
    r"to\s+\Z",
    re.IGNORECASE,
)


def _far_cue(sentence: str, end: int) -> str | None:
    """A cue further back than the word window reaches: what is still to come, or a
    call on someone to act ("a motion urging Scholz's government to send Taurus")."""
    if _STILL_TO_COME.search(sentence, 0, end):
        return "future"
    return "hypothetical" if _URGED_TO.search(sentence, 0, end) else None


def find_triggers(sentence: str, rules: Rules) -> list[Trigger]:
    """Every stage trigger in the sentence, with the cue that blocks it, if any."""
    triggers = [
        Trigger(
            match.start(), match.end(), match.group(), stage, _block(sentence, match, stage, rules)
        )
        for stage, pattern in rules.stage_patterns.items()
        for match in pattern.finditer(sentence)
    ]
    triggers.sort(key=lambda t: t.start)
    return _outermost(triggers)


def _block(sentence: str, match: re.Match[str], stage: Stage, rules: Rules) -> str | None:
    """The cue that keeps this trigger from asserting an event, if any."""
    # "hoped to deliver": the cue may end in the trigger's own "to".
    leading_to = len("to ") if match.group().lower().startswith("to ") else 0
    blocked = _blocking_cue(sentence, match.start() + leading_to, rules)
    if blocked is None:
        blocked = _far_cue(sentence, match.start() + leading_to)
    if blocked is None and _NOT_A_DEAL_BEFORE.search(
        sentence, max(0, match.start() - 40), match.start()
    ):
        blocked = "attribution"  # "officials familiar with the negotiations", "a great deal"
    if blocked is None and _EXPECT_TO.search(sentence, max(0, match.start() - 140), match.start()):
        blocked = "future"  # "analysts expect New Delhi to move ahead with an order"
    if blocked is None and _NOUN_DELIVERY.match(match.group()):
        blocked = _delivery_noun_block(sentence, match)
    if blocked is None and (
        rules.agreement_nouns.fullmatch(match.group()) or match.group().lower() == "deployment"
    ):
        blocked = "hypothetical" if _would_after(sentence, match.end()) else None
    if blocked is None and _TALKED_AFTER.match(sentence, match.end(), match.end() + 60):
        blocked = "talk"
    if blocked is None:
        blocked = _stage_block(sentence, match, stage, rules)
    if blocked is None and _NOT_RULED_OUT.search(sentence):
        blocked = "hypothetical"  # "sending troops to Ukraine cannot be ruled out"
    if blocked is None and _CONDITIONAL_PLEDGE.match(match.group()):
        blocked = "hypothetical" if _IF_AFTER.search(sentence, match.end()) else None
    return blocked


# "according to officials familiar with the negotiations", "a person close to the
# talks": a source, not an act; "a great deal of effort" is no deal.
_NOT_A_DEAL_BEFORE = re.compile(
    r"\b(?:familiar with|close to|involved in|briefed on|knowledge of|privy to)\s+the\s+\Z"
    r"|\ba\s+(?:great|good)\s+\Z",
    re.IGNORECASE,
)
# "it would take at least six months to deliver the batteries", "has yet to turn into a
# firm order": a time still to come.
_STILL_TO_COME = re.compile(
    r"\b(?:would|will|could|might|to)\s+take\s+(?:[\w-]+\s+){0,3}(?:days|weeks|months|years)"
    r"\s+to\s+\Z"
    r"|\byet\s+to\s+(?:[\w-]+\s+){0,5}\Z",
    re.IGNORECASE,
)


# "would send Patriot units to Turkey if Ankara formally asks for them": a pledge on a
# condition is not yet made.
_CONDITIONAL_PLEDGE = re.compile(r"(?:would|will)\b", re.IGNORECASE)
_IF_AFTER = re.compile(r"\b(?:if|unless)\b", re.IGNORECASE)


def _interest_block(sentence: str, match: re.Match[str]) -> str | None:
    """ "weighing whether to send" is hypothetical; "has offered its warships to escort
    Kuwaiti tankers" offers a service, not a sale."""
    talks = _TALKS.match(match.group()) is not None  # "discussing deliveries of Tor-M1s"
    opening = len(_WORD.findall(sentence, 0, match.start())) <= 2
    if talks and opening and _TALKS_TO_COME.match(sentence, match.end()):
        return "future"  # "Talks on a third K2 contract ... are expected to begin"
    if not talks and _WEIGHED_GIFT_AFTER.match(sentence, match.end()):
        return "hypothetical"
    offered = _OWN_FORCES_OFFERED.match(sentence, match.end()) or _WORDS_OFFERED.match(
        sentence, match.end()
    )
    return "purpose" if offered else None


# "The cancellation does not affect Indonesia's order for 42 Rafales", "The suspension
# does not apply to F-35 components": what a halt leaves alone.
_SPARED_AFTER = re.compile(
    r"\W*(?:[\w-]+\W+){0,3}?(?:does|do|did|will|would|is|are|was|were)(?:n['’]t|\s+not)\s+"
    r"(?:be\s+)?(?:affect|apply|cover|include|extend|concern|touch)\w*\b",
    re.IGNORECASE,
)


def _negated_after(sentence: str, end: int, stage: Stage) -> bool:
    """ "The deal has not been signed", "The suspension does not apply to ...": a verb
    after the noun that takes the act back."""
    after = _NEGATED_AFTER.get(stage)
    return after is not None and after.match(sentence, end) is not None


def _stage_block(sentence: str, match: re.Match[str], stage: Stage, rules: Rules) -> str | None:
    """Cues that only one stage's words heed."""
    if stage in {"agreement", "interest"} and _for_no_transfer(sentence, match.end(), rules):
        return "purpose"
    if _negated_after(sentence, match.end(), stage):
        return "negation"
    if stage == "delivery":
        return _delivery_block(sentence, match)
    if stage == "interest":
        return _interest_block(sentence, match)
    if stage == "deployment":
        return _deployment_block(sentence, match)
    return None


def _deployment_block(sentence: str, match: re.Match[str]) -> str | None:
    window = max(0, match.start() - 40)
    if _OWN_BEFORE.search(sentence, window, match.start()):
        return "at-home"  # "Ukraine began its own 10-day exercises"
    if _WORK_MOVES.search(sentence, window, match.start()):
        return "purpose"  # "with part of the production to move to a Polish plant"
    return None


_WORK_MOVES = re.compile(
    r"\b(?:production|assembly|manufacturing|manufacture|work|jobs|headquarters|line|plant)"
    r"\s+(?:is\s+|was\s+|will\s+|would\s+|to\s+)?\Z",
    re.IGNORECASE,
)
_NOT_RULED_OUT = re.compile(r"\b(?:cannot|can['’]t|could not|not) be ruled out\b", re.IGNORECASE)
_OWN_BEFORE = re.compile(r"\b(?:its|their|our)\s+own\s+(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)


# "The Typhoon contract itself hasn't been signed": a deal said not to exist.
_UNSIGNED_AFTER = re.compile(
    r"\W*(?:[\w-]+\W+){0,3}?(?:has|have|had|was|were|is|are)(?:n['’]t|\s+not)\s+"
    r"(?:yet\s+)?(?:been\s+)?(?:signed|concluded|finali[sz]ed|agreed|awarded|placed)\b"
    # "The package does not include Abrams tanks": what a deal leaves out.
    r"|\W*(?:[\w-]+\W+){0,2}?(?:does|do|did|will|would)(?:n['’]t|\s+not)\s+(?:include|cover)\b",
    re.IGNORECASE,
)

# The verbs after a deal or a halt that take it back, by stage.
_NEGATED_AFTER: dict[Stage, re.Pattern[str]] = {
    "agreement": _UNSIGNED_AFTER,
    "cancellation": _SPARED_AFTER,
}


def _delivery_noun_block(sentence: str, match: re.Match[str]) -> str | None:
    """A delivery noun that is planned, approved, ordered, stopped or only a point in time."""
    before = next(
        (why for words, why in _BLOCKED_BEFORE if words.search(sentence, 0, match.start())), None
    )
    if before is not None:
        return before
    after = sentence[match.end() : match.end() + 160]
    if _HELD_UP_AFTER.match(after):
        return "stopped"  # "deliveries have been held up by production problems"
    if _WITH_BEFORE.search(sentence, 0, match.start()) and _STARTING_AFTER.match(after):
        return "future"  # "agreed to buy 123 vehicles, with deliveries starting this year"
    return "future" if _FUTURE_AFTER.match(after) else None


# The words right before a delivery noun that make it no delivery, and why.
_BLOCKED_BEFORE = (
    (_APPROVED_BEFORE, "approval"),
    (_ORDERED_BEFORE, "ordered"),
    (_STOPPED_BEFORE, "stopped"),
    (_SINCE_BEFORE, "time-reference"),
)
_HELD_UP_AFTER = re.compile(
    r"\s+(?:have|has|had|were|was|are|is)\s+(?:been\s+)?(?:repeatedly\s+|further\s+)?"
    r"(?:held up|delayed|postponed|stalled|slowed|pushed back|put off)\b",
    re.IGNORECASE,
)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+|first\s+)*\Z", re.IGNORECASE)
_STARTING_AFTER = re.compile(r"\s+(?:starting|beginning|slated|set)\b", re.IGNORECASE)


def _delivery_block(sentence: str, match: re.Match[str]) -> str | None:
    """Delivery words that move paper, tell of what is still to come, or describe a
    group ("joining a coalition supplying the tanks")."""
    before = max(0, match.start() - 30)
    group = match.group().lower().endswith("ing") and _GROUP_BEFORE.search(
        sentence, before, match.start()
    )
    # "to refill stocks given to Ukraine", "4,000 have been delivered worldwide"; but
    # "tanks bought from army stocks arrived" is the tanks' own verb.
    stocks = _STOCKS_BEFORE.search(sentence, before, match.start()) and not _ARRIVAL_WORD.match(
        match.group()
    )
    for cue, blocked in (
        (_PAPER_SENT_BEFORE.search(sentence, max(0, match.start() - 80), match.start()), "paper"),
        (group or stocks or _WORLDWIDE_AFTER.match(sentence, match.end()), "description"),
        # "sent its MiG-21s to Ukraine for overhaul"
        (_SERVICED_AFTER.match(sentence, match.end()), "purpose"),
        # "The defence minister arrived in Oman to discuss Leopard tanks": a visit.
        (
            _TRAVEL.fullmatch(match.group())
            and _TRAVELLER_BEFORE.search(sentence, max(0, match.start() - 60), match.start()),
            "visit",
        ),
        # "..., provided Ukrainian pilots had completed their training"
        (
            _PROVIDED_THAT.fullmatch(match.group())
            and _CONDITION_AFTER.match(sentence, match.end()),
            "hypothetical",
        ),
    ):
        if cue:
            return blocked
    return "future" if _delivery_to_come(sentence, match) else None


_TRAVEL = re.compile(
    r"arriv(?:ed|es?|ing)|landed|touched down|flew in|(?:sailed|set sail) for|sailed into",
    re.IGNORECASE,
)
_TRAVELLER_BEFORE = re.compile(
    r"\b(?:minister|president|premier|chancellor|king|prince|emir|sultan|delegation|envoy"
    r"|secretary|officials?|leader|spokes(?:man|woman)|ambassador|he|she)\s+"
    # "President Recep Tayyip Erdogan landed": a title and the traveller's name.
    r"(?:(?-i:[A-Z])[\w'’-]+\s+){0,3}"
    r"(?:(?:has|have|had|was|were|also|later|then|first|finally)\s+)?\Z",
    re.IGNORECASE,
)
_WORLDWIDE_AFTER = re.compile(
    r"\s+(?:to\s+(?:\d+\s+)?(?:customers|users|operators|countries|air forces)\s+)?"
    r"(?:worldwide|around the world|globally)\b",
    re.IGNORECASE,
)
_PROVIDED_THAT = re.compile(r"provided|providing", re.IGNORECASE)
# What follows "provided" as a conjunction: a clause of its own, not the thing given.
_CONDITION_AFTER = re.compile(
    r"\s+(?:that\b|(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:had|has|have|is|are|was|were|can|could|would|will|did|does|do|meets?|met|gets?|pays?)\b)",
    re.IGNORECASE,
)


def _delivery_to_come(sentence: str, match: re.Match[str]) -> bool:
    """ "agreed last year to hand over 22 fighters" (a deal, no handover), "until the
    tanks arrive"."""
    start = match.start()
    if _PROMISED_TO.search(sentence, max(0, start - 40), start):
        return True
    pending = _PENDING_BEFORE.search(sentence, max(0, start - 60), start)
    return bool(pending and _PRESENT_TRIGGER.fullmatch(match.group()))


_SERVICED_AFTER = re.compile(
    r"[^.;]{0,60}?\bfor\s+(?:an?\s+|the\s+)?(?:overhaul|repairs?|maintenance|servicing|refurbishment"
    r"|upgrades?|moderni[sz]ation|testing|trials)\b",
    re.IGNORECASE,
)
_EXPECT_TO = re.compile(
    r"\bexpect(?:s|ed|ing)?\s+(?:[\w-]+\s+){0,8}to\s+(?:[\w-]+\s+){0,6}\Z", re.IGNORECASE
)
_WOULD_AFTER = re.compile(
    r"[^,.;]{0,60}?\b(?:would|could|might|cannot|can['’]t|can not)\b", re.IGNORECASE
)
RELATIVE_WORD = re.compile(r"\b(?:which|that|who)\b", re.IGNORECASE)


def _would_after(sentence: str, end: int) -> bool:
    """ "a purchase of S-300s would be hard to finance": a deal that is only supposed."""
    found = _WOULD_AFTER.match(sentence, end)
    return found is not None and RELATIVE_WORD.search(found.group()) is None


_PROMISED_TO = re.compile(
    r"\b(?:agreed|agrees|agree|promised|promises|pledged|pledges|offered|offers|decided|decides"
    r"|planned|plans?)\s+(?:[\w-]+\s+){0,3}?to\s+(?:\w+\s+)?\Z",
    re.IGNORECASE,
)


def _outermost(triggers: list[Trigger]) -> list[Trigger]:
    """Drop a trigger inside a longer one: "agreed to deliver" holds "to deliver", an
    agreement, and "deliver", which alone would read as a delivery."""
    return [
        t
        for t in triggers
        if not any(
            o is not t
            and o.start <= t.start
            and t.end <= o.end
            and o.end - o.start > t.end - t.start
            for o in triggers
        )
    ]


_PURPOSE_REACH = 80
_PURPOSE_BREAK = re.compile(r"[,;:]|\bbut\b|\bwhile\b|\bwhich\b|\band\b")


def _for_no_transfer(sentence: str, end: int, rules: Rules) -> bool:
    """ "signed an agreement with HAL to share information": an agreement for
    something other than a transfer, said in the same clause after the trigger."""
    after = sentence[end : end + _PURPOSE_REACH]
    found = rules.non_transfer.search(after)
    return found is not None and _PURPOSE_BREAK.search(after, 0, found.start()) is None


def _blocking_cue(sentence: str, start: int, rules: Rules) -> str | None:
    before = sentence[:start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    words = _WORD.findall(clause)[-rules.window :]
    window = " ".join(words)
    # "if India pays for its refit and buys aircraft": a verb joined by "and" with no
    # subject of its own shares the condition of the verb before it.
    shared = bool(breaks) and breaks[-1].group() == "and" and not clause.strip()
    joined = before[breaks[-2].end() if len(breaks) > 1 else 0 :] if shared else ""
    opening_condition = _CONDITION_FIRST.match(sentence) and not _RELATIVE_FACT.search(before)
    if _CONDITIONAL.search(clause + joined) or opening_condition:
        return "hypothetical"  # "if Russian Iskanders were ever stationed in Belarus"
    if _GENERIC_SUBJECT.match(sentence):
        return "hypothetical"
    if _NONE_TO_SPEAK_OF.search(before):
        return "negation"
    for name, pattern in (
        ("denial", rules.denial),
        ("negation", rules.negation),
        ("hypothetical", rules.hypothetical),
        ("future", rules.future),
        ("description", rules.description),
    ):
        if pattern.search(window):
            return name
    return None


# "There are no talks between Vietnam and the United States on the purchase of F-16s":
# a negation that reaches past the clause breaks of the pair it names.
_NONE_TO_SPEAK_OF = re.compile(
    r"\bthere\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+no\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|negotiations|discussions|plans?|deal|contract|agreement|decision|request|order)\b"
    # "no decision had been taken on offering THAAD to Saudi Arabia".
    r"|\bno\s+(?:final\s+|formal\s+)?decision\s+(?:has|have|had|was|is)\s+(?:yet\s+)?"
    r"(?:been\s+)?(?:taken|made|reached)\b"
    # "No contract for the Su-35 has been signed with the Chinese side".
    r"|\bno\s+(?:(?:firm|formal|final|new)\s+)?(?:contracts?|deals?|agreements?|orders?)\b"
    r"[^.;:]{0,60}?\b(?:has|have|had|was|were|is|are)\s+(?:yet\s+)?(?:been\s+)?\Z",
    re.IGNORECASE,
)
# "if ...", "unless ...", "once contracts are concluded", "did not say whether": nothing asserted.
_CONDITIONAL = re.compile(
    # "Should Germany decide to send Patriots", "Were Berlin to approve": inversions.
    r"^\s*(?-i:Should|Were)\s|\b(?:if|unless)\b|\bonce\s+(?:\w+\s+){0,3}(?:are|is)\b"
    r"|\b(?:did|does|do|has|have|had|would)\s+not\s+"
    r"(?:say|said|disclosed?|confirm(?:ed)?|reveal(?:ed)?|specif(?:y|ied))\b"
    r"|\b(?:declined|refused)\s+to\s+(?:say|confirm|disclose|comment)\b",
    re.IGNORECASE,
)
# "Should the government decide on a Western type, analysts consider the F-16 ...": a
# sentence that opens with its condition asserts nothing after it either.
_CONDITION_FIRST = re.compile(r"\s*(?-i:If|Should|Were|Unless)\s")
# "If confirmed, Egypt would be the second buyer after China, which received 24 of the
# jets in 2016": what a relative clause tells of a state is fact, not the condition.
_RELATIVE_FACT = re.compile(r",\s+(?:which|who)\s+(?:had\s+|has\s+|have\s+)?(?:already\s+)?\Z")
# "A country that buys S-300s but neglects low-level cover is buying a front door":
# a sentence about any buyer tells of none.
_GENERIC_SUBJECT = re.compile(
    r"\s*(?:(?:(?:an?|any|every)\s+(?:country|state|nation|buyer|customer|government|military)"
    r"|countries|nations|buyers|customers|governments)\s+(?:that|which|who)\b"
    # "Several other Leopard 2 operators are weighing the new variant": buyers unnamed.
    r"|(?:several|some|many|a\s+few|other)\s+(?:other\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:operators|users|customers|buyers|countries|nations|air\s+forces|navies|armies)\b)",
    re.IGNORECASE,
)
_GOVERNING_GAP = 12
# What may stand between an agreement verb and the interest noun it signs
# ("signed a memorandum", "signed an understanding").
# What may stand between an interest noun and "signed" said of it ("The memorandum,
# signed in Madrid", "a letter of intent was signed").
_SIGNED_AFTER = re.compile(r",?\s+(?:(?:was|were|is|has been|had been)\s+)?")
_SIGNED_OBJECT = re.compile(r"\s+(?:(?:an?|the|another|new)\s+)?(?:[\w-]+\s+)?", re.IGNORECASE)


_DEAL_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:order|deal|contract|sale|purchase|programme|program|project|plan)s?\b",
    re.IGNORECASE,
)


def _attributive(sentence: str, trigger: Trigger) -> bool:
    """ "the abandoned MiG order": a participle that describes a deal noun after it."""
    return (
        trigger.stage == "cancellation"
        and _DETERMINER_BEFORE.search(sentence, max(0, trigger.start - 8), trigger.start)
        is not None
        and _DEAL_AFTER.match(sentence, trigger.end) is not None
    )


_DEPLOY_VERB = re.compile(r"(?:re)?deploy(?:s|ed|ing)?", re.IGNORECASE)
_DRILL_NOUN = re.compile(
    r"drills?|exercises?|war ?games|manoeuvres|maneuvers|deployment|rotation", re.IGNORECASE
)


def choose_stage(
    sentence: str, triggers: list[Trigger], rules: Rules, *, drill_before: bool = False
) -> Trigger | None:
    """The asserted trigger that decides the sentence's stage, by rule priority.

    `drill_before`: the sentence before told of a drill or a deployment, so what
    merely arrives or lands now comes for it ("Twelve Su-35s landed at Baranovichi").
    """
    asserted = [
        t
        for t in triggers
        if t.blocked_by is None and not _subject_of_blocked(sentence, t, triggers, rules)
    ]
    deployment_context = _DEPLOYMENT_CONTEXT.search(sentence) is not None
    if not deployment_context:
        asserted = [t for t in asserted if not rules.deployment_needs_context.fullmatch(t.text)]
    if not rules.transfer_nouns.search(sentence):
        asserted = [t for t in asserted if not rules.cancellation_needs_object.fullmatch(t.text)]
    if not asserted:
        return None
    if all(_DRILL_NOUN.fullmatch(t.text) for t in asserted) and len(asserted) < len(triggers):
        return None  # "will leave next week to take part in NATO drills": the drill is the aim
    # "signed for 16 more, partly as compensation for the abandoned MiG order": a deal
    # named by what befell it is not the sentence's act.
    acts = [t for t in asserted if not _attributive(sentence, t)]
    asserted = acts or asserted
    # "has begun deploying THAAD, with the first two launchers arriving at Osan": what
    # arrives comes for the deployment the sentence tells.
    arrivals_deployed = drill_before or any(_DEPLOY_VERB.fullmatch(t.text) for t in asserted)
    for stage in rules.priority:
        for trigger in asserted:
            if trigger.stage != stage:
                continue
            weak = (
                deployment_context
                and _WEAK_DELIVERY.match(trigger.text)
                and not _delivered_aside(sentence, trigger)
            )
            if stage == "delivery" and (
                weak or (arrivals_deployed and _ARRIVAL.match(trigger.text))
            ):
                return Trigger(trigger.start, trigger.end, trigger.text, "deployment", None)
            return _governing_interest(sentence, trigger, asserted, rules) or trigger
    return None


_ASIDE_OPENS = re.compile(r",\s*\Z")


def _delivered_aside(sentence: str, trigger: Trigger) -> bool:
    """ "Serbia's Pantsir-S1 battery, delivered from Russia in February, took part in its
    first drill": a delivery told in an aside is no deployment for the drill after it."""
    if _ASIDE_OPENS.search(sentence, 0, trigger.start) is None:
        return False
    closes = sentence.find(",", trigger.end)
    return closes != -1 and _DEPLOYMENT_CONTEXT.search(sentence, 0, closes) is None


_CONTRAST = re.compile(
    r",?\s+but\s+|;\s+|,\s+(?:and\s+)?(?:later|then|before|after)\s+|,?\s+and\s+then\b"
    r"|,\s+(?:while|whereas)\s+"
)
# "delivered 29 Tor-M1s in 2007 under a contract signed in 2005": the deal's own date.
# The deal a clause opens with: "contract signed in 2005".
# "contract for ten aircraft signed in June 2011": what the deal buys may come first.
DEAL_SIGNED = (
    r"(?:contract|deal|agreement|package)s?\s+"
    r"(?:(?:for|worth)\s+(?:[\w$.,-]+\s+){1,4}?)?"
    r"(?:signed|concluded|agreed|announced|struck|sealed)\b"
)
_UNDER_DEAL = re.compile(
    rf",?\s+(?:under|(?:as\s+)?part\s+of)\s+(?:(?:an?|the|its|their)\s+)?"
    rf"(?:[\w$.,-]+\s+){{0,4}}?(?={DEAL_SIGNED})",
    re.IGNORECASE,
)
# "..., and they were delivered": a clause with a subject of its own, whose verb
# follows the subject closely (not "..., and the rest will arrive under the contract
# signed in April").
_AND_CLAUSE = re.compile(
    # "..., and most of them have already been handed over": the share is the subject.
    r",\s+and\s+(?:most|many|several|half|each|all|some|none)\s+of\s+(?:them|these|those)\s+"
    # "bought 100,000 rifles in 2005 and the first 30,000 were delivered in June".
    r"|,?\s+and\s+(?=the\s+(?:first|last|rest|remaining|remainder)\b)"
    r"|,\s+and\s+(?=(?:they|it|these|those|that|this|the|its|their|all|both|some|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|\d+)\s)"
    # "ordered 36 Gripens in 2014 and has so far received eight": a verb of its own.
    r"|,?\s+and\s+(?=(?:has|have|had|began|started|took|then)\b)"
    # "ordered 250 Abrams tanks last year and received its first K2s": a verb of its own.
    r"|,?\s+and\s+(?=(?:also\s+|later\s+)?(?:received|ordered|bought|signed|purchased|acquired"
    r"|delivered|sent|handed|placed|inducted|commissioned)\b)"
    # "we sent 18 Krabs, and Ukraine then ordered dozens more": a named subject's verb.
    # "..., and Poland, the first NATO member to buy the drone, took delivery", "..., and
    # New Delhi ordered 29 more".
    r"|,\s+and\s+(?=(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+){0,2}(?:,\s+[^,]{3,80},)?\s+(?:(?:had|has|have)\s+)?"
    r"(?:then\s+|later\s+|also\s+|itself\s+|already\s+)?(?:[a-z]+ed|took|bought|sold|sent|gave)\b"
    # "..., and Lithuania is negotiating the purchase of 44 Leopard 2A8s".
    r"|(?-i:[A-Z])[\w-]+\s+(?:is|are|was|were)\s+(?:now\s+|also\s+|still\s+)?[a-z]+ing\b)"
    # "ordered 12 F-7s in 2005, and in 2014 the air force received drones": a dated clause.
    r"|,\s+and\s+(?=(?:in|on|by|since)\s+(?:\d{4}|(?-i:[A-Z])[a-z]+\s+\d{4})\b"
    # "..., and in February last year Manila ordered 16 S-70i Black Hawks".
    r"|in\s+(?:(?-i:[A-Z])[a-z]+\s+)?(?:last|this)\s+year\b"
    # "..., and in March it began shipping M2 Bradleys".
    r"|in\s+(?:early\s+|late\s+|mid-)?(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b)"
)
_AND_CLAUSE_REACH = 30
# "took delivery of five Rafales under a 2016 contract for 36": the year dates a deal
# of its own, told in the clause the year opens.
_DATED_DEAL = re.compile(r",?\s+under\s+(?:an?|the|its)\s+(?=\d{4}\s+(?:[\w-]+\s+)?\Z)")
_RELATIVE_HEAD = (
    r"\s+(?:that\s+|which\s+)?(?:it|they|we)\s+(?:had\s+|has\s+|have\s+)?"
    # "the anti-aircraft guns it has already provided".
    r"(?:(?:already|also|now|recently|previously|just|earlier)\s+)?"
    # "bought 12 Mirage 2000s from France, which arrived in 2006": the systems' own verb.
    r"|,\s+which\s+(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?"
)
_RELATIVE_SUBJECT = re.compile(rf"(?:{_RELATIVE_HEAD})(?=\w+ed\b)")
# Where a relative clause begins, seen from its verb: "... IRIS-T systems it has |promised".
RELATIVE_BEFORE = re.compile(rf"(?:{_RELATIVE_HEAD})\Z")
# "ordered 24 Su-30MK2s, the first two of which arrived in December": the clause keeps
# its count.
_OF_WHICH = re.compile(
    r",\s+(?=(?:the\s+)?(?:first|last|rest|remainder|most|some|all|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|\d[\d,]*)(?:\s+[\w,-]+)?\s+of\s+which\s+"
    r"(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?\w+ed\b)"
)
_OF_WHICH_REACH = 45


# "bought a dozen Mirages in 2005 after an earlier competition was shelved": a
# subordinate clause with a subject of its own.
_SUBORDINATOR = r"\s+(?:after|before|when|because)\s+"
# "after the deal collapsed"; "after sending Soviet-era equipment", where the search
# ends at the second trigger.
_SUBORDINATE = re.compile(rf"{_SUBORDINATOR}(?=(?:an?|the|its|their)\s|\Z)")
# Where a subordinate clause begins, seen from its first word.
SUBORDINATE_BEFORE = re.compile(rf"{_SUBORDINATOR}\Z")
# "28 Hawk trainers, ordered in 1990, deliveries of which began": a participle aside.
_ASIDE_END = re.compile(r",\s+")


def _clause_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """What separates two triggers' clauses, if they have clauses of their own: the
    first break after the first trigger ("..., and in 2012 it ordered two more" opens
    at "and", not at "it ordered")."""
    found = [
        match
        for find in (
            _plain_break,
            _aside_break,
            _deal_break,
            _relative_break,
            _and_break,
            _and_said_break,
            _participle_break,
            _counted_order_break,
        )
        if (match := find(sentence, first, last)) is not None
    ]
    return min(found, key=lambda match: match.start(), default=None)


def _plain_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """ "..., but", "; ", "after the competition was shelved", "under a 2016 contract"."""
    for pattern in (_CONTRAST, _SUBORDINATE, _DATED_DEAL):
        found = pattern.search(sentence, first.end, last.start)
        if found is not None:
            return found
    return None


def _aside_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """The comma that closes a participle aside the first trigger opens (", ordered in
    1990,"), or a dated deal that opens the sentence ("Under a 1994 order, ...")."""
    participle = sentence.endswith(", ", 0, first.start) and first.text.endswith("ed")
    # "Egypt, which ordered 24 Su-35s in 2018, shelved the purchase in 2021".
    relative = _RELATIVE_OPENS.search(sentence, 0, first.start) is not None
    if participle or relative or _UNDER_DATED.search(sentence, 0, first.start):
        return _ASIDE_END.search(sentence, first.end, last.start)
    return None


_RELATIVE_OPENS = re.compile(r",\s+(?:which|who)\s+(?:had\s+|has\s+|have\s+)?\Z", re.IGNORECASE)
_UNDER_DATED = re.compile(r"\bunder\s+(?:an?|the|its)\s+\d{4}\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)


def _participle_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """ "The 59 Abrams tanks purchased from US stocks in 2004 were delivered in 2006": a
    participle on the subject tells the earlier act, the main verb the later one."""
    if not first.text.lower().endswith(("ed", "bought")) or _AUXILIARY_BEFORE.search(
        sentence, max(0, first.start - 12), first.start
    ):
        return None
    return _MAIN_VERB_BEFORE.search(sentence, first.end, last.start)


_AUXILIARY_BEFORE = re.compile(
    r"\b(?:was|were|is|are|be|been|being|has|have|had|it|they|we|which|that|who)\s+\Z",
    re.IGNORECASE,
)
# The main verb's auxiliary after a subject of several words: "... in 2004 were delivered".
# The auxiliary of a main verb after a subject of several words.
MAIN_AUXILIARY = r"(?:were|was|have\s+been|had\s+been)\s"
# "Three of the eight P-8Is ordered from Boeing in 2009 have arrived": a perfect too.
_MAIN_VERB_BEFORE = re.compile(rf"(?<=[\w)])\s+(?=(?:{MAIN_AUXILIARY}|ha(?:ve|s|d)\s)+\Z)")


def _counted_order_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """ "received its first eight Hornets in January, out of 40 ordered in 1988", "the
    first four of 12 trainers ordered from the United States": the whole order, counted
    and told by a participle, is a deal of its own."""
    # "two carriers ordered by Russia": the buyer's name describes the ships, not a deal.
    if not _ORDER_PARTICIPLE.fullmatch(last.text) or _BY_AFTER.match(sentence, last.end):
        return None
    for counted in _OF_COUNT.finditer(sentence, first.end, last.start):
        part = _PART_BEFORE.search(sentence, first.end, counted.start())
        if part is None or last.start - counted.end() > _COUNTED_ORDER_REACH:
            continue
        # A comma of its own ends the phrase; one inside "100,000" does not.
        return counted if ", " not in sentence[counted.end() : last.start] else None
    return None


_ORDER_PARTICIPLE = re.compile(r"ordered|bought|purchased|contracted|acquired", re.IGNORECASE)
_BY_AFTER = re.compile(r"\s+by\b")
# The part delivered keeps its own count: "the first four| of 12 ordered".
# "the first 30,000| of 100,000 rifles that Caracas ordered", "30,000| of the 100,000".
_PART_BEFORE = re.compile(
    r"\b(?:out|\d[\d,]*|(?:first|last|rest|remainder)(?:\s+[\w,-]+)?)\Z", re.IGNORECASE
)
_OF_COUNT = re.compile(
    r"\s+of\s+(?:the\s+)?(?=(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven"
    r"|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty)\s)",
    re.IGNORECASE,
)
_COUNTED_ORDER_REACH = 60


def _deal_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """ "delivered 29 Tor-M1s under a contract signed in 2005"."""
    under = _UNDER_DEAL.search(sentence, first.end, last.end)
    return under if under is not None and under.end() <= last.start else None


def _relative_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """ "received the first of the 13 drones it ordered from Turkey in April"."""
    relative = _RELATIVE_SUBJECT.search(sentence, first.end, last.end)
    if relative is not None and relative.end() == last.start:
        return relative
    of_which = _OF_WHICH.search(sentence, first.end, last.end)
    fits = of_which is not None and of_which.end() <= last.start <= of_which.end() + _OF_WHICH_REACH
    return of_which if fits else None


def _and_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """ "..., and they were delivered": the lookahead must see the next clause's first
    word, so the search runs past it."""
    joined = _AND_CLAUSE.search(sentence, first.end, last.end)
    fits = joined and joined.end() <= last.start <= joined.end() + _AND_CLAUSE_REACH
    return joined if fits else None


# "..., and officials say talks with Moscow on Su-30 fighters are under way": what a
# speaker adds is a clause of its own, however many words open it.
_AND_SAID = re.compile(
    r",\s+and\s+(?=(?:[\w-]+\s+){0,3}?(?:officials?|sources?|analysts?|diplomats?|experts?"
    r"|spokesm[ae]n|(?-i:[A-Z])[\w-]+)\s+(?:say|says|said|added|adds)\b)"
)
_AND_SAID_REACH = 60


def _and_said_break(sentence: str, first: Trigger, last: Trigger) -> re.Match[str] | None:
    """ "..., and officials say talks ... are under way": a speaker's added clause."""
    joined = _AND_SAID.search(sentence, first.end, last.start)
    fits = joined and last.start - joined.end() <= _AND_SAID_REACH
    return joined if fits else None


def second_stage(
    sentence: str, triggers: list[Trigger], chosen: Trigger, rules: Rules
) -> Trigger | None:
    """Another stage asserted in a clause of its own: "Moscow sold Su-35s to Egypt, but
    the deal was later cancelled" reports both the sale and its cancellation."""
    for other in triggers:
        if other.blocked_by is not None or other.stage == chosen.stage:
            continue
        dated_deal = _UNDER_DATED.search(sentence, 0, other.start) is not None
        noun = rules.agreement_nouns.fullmatch(other.text) or _NOUN_DELIVERY.match(other.text)
        if noun and not dated_deal:
            continue
        first, last = sorted((chosen, other), key=lambda t: t.start)
        if _clause_break(sentence, first, last):
            return other
    return None


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|of|its|their)\s+\Z", re.IGNORECASE)


def is_noun(trigger: Trigger, rules: Rules, sentence: str) -> bool:
    """Whether the trigger names a deal, an offer or a delivery rather than acting
    ("a letter of offer and acceptance")."""
    return bool(
        rules.agreement_nouns.fullmatch(trigger.text)
        or _NOUN_DELIVERY.match(trigger.text)
        or _DETERMINER_BEFORE.search(sentence, max(0, trigger.start - 8), trigger.start)
    )


def clause_span(sentence: str, act: Trigger, other: Trigger | None) -> tuple[int, int] | None:
    """The clause of `act` when the sentence tells another stage in a clause of its
    own: its slots are that clause's."""
    if other is None:
        return None
    first, last = sorted((act, other), key=lambda t: t.start)
    found = _clause_break(sentence, first, last)
    if found is None:
        return None
    return (found.end(), len(sentence)) if act is last else (0, found.start())


def _subject_of_blocked(
    sentence: str, noun: Trigger, triggers: list[Trigger], rules: Rules
) -> bool:
    """ "New orders for the jets could be signed": a deal noun whose own verb is
    hypothetical, future or negated is not asserted either."""
    if not rules.agreement_nouns.fullmatch(noun.text):
        return False
    return any(
        verb.blocked_by is not None
        and verb.start > noun.end
        and not rules.agreement_nouns.fullmatch(verb.text)
        and _CLAUSE_BREAK.search(sentence, noun.end, verb.start) is None
        for verb in triggers
    )


def _governing_interest(
    sentence: str, trigger: Trigger, asserted: list[Trigger], rules: Rules
) -> Trigger | None:
    """A purchase that is only weighed, discussed or memorialised is interest.

    The interest trigger decides when it sits just before the agreement verb
    ("considering the buying of", "plans to order"), when it is what was signed
    ("signed a memorandum"), or when no agreement verb asserts anything ("talks on
    the purchase of", "the deal will be set in the contract negotiations").
    """
    # "discussing deliveries of Tor-M1s": talks about a delivery are interest too.
    delivery_noun = trigger.stage == "delivery" and _NOUN_DELIVERY.match(trigger.text) is not None
    if trigger.stage != "agreement" and not delivery_noun:
        return None
    interests = [t for t in asserted if t.stage == "interest"]
    governing = next((t for t in interests if _governs(sentence, t, trigger)), None)
    if governing is not None or delivery_noun:
        return governing
    agreements = [t for t in asserted if t.stage == "agreement"]
    # "on the sidelines of the signing": a verb's noun asserts no act either.
    only_nouns = all(is_noun(t, rules, sentence) for t in agreements)
    return interests[0] if only_nouns and interests else None


# "China Precision Machinery Import and Export Corporation (CPMIEC)": a name's "and"
# and an abbreviation in brackets break no clause.
_ABBREVIATION = re.compile(r"\s*\([A-Z][\w-]{1,12}\)")
_NAME_AND = re.compile(r"\b([A-Z]\w*) and (?=[A-Z])")


def _governs(sentence: str, interest: Trigger, agreement: Trigger) -> bool:
    """Whether the interest trigger is what the agreement word is said of."""
    if interest.start <= agreement.start and agreement.end <= interest.end:
        return True  # "asked to buy" holds "buy"
    if interest.end > agreement.start:
        # "signed a memorandum"
        return _SIGNED_OBJECT.fullmatch(sentence, agreement.end, interest.start) is not None
    gap = _NAME_AND.sub(r"\1 ", _ABBREVIATION.sub(" ", sentence[interest.end : agreement.start]))
    infinitive = sentence[
        max(0, agreement.start - 3) : agreement.start
    ].lower() == "to " or agreement.text.lower().startswith("to ")
    return (
        (infinitive and not _CLAUSE_BREAK.search(gap))  # "in talks with Russia to buy"
        or (len(gap) <= _GOVERNING_GAP and "," not in gap)
        # "The memorandum, signed in Madrid"
        or (_SIGNED_AFTER.fullmatch(gap) is not None and agreement.text.lower() == "signed")
    )


def is_denied_or_reaction(sentence: str, first_trigger: int, rules: Rules) -> bool:
    """True when a denial governs the sentence or a reaction precedes its trigger."""
    if rules.denial.search(sentence):
        return True
    reaction = rules.reaction.search(sentence)
    return reaction is not None and reaction.start() < first_trigger
