"""Who supplies and who receives, from the words around the parties.

Cues, strongest first: a marker word after the trigger ("to India", "from
Russia", "by the United States"), a party right after a giving verb ("send
Ukraine"), the party's place as subject of a buying or selling verb, a
demonym or possessive on the system itself ("Turkish F-16s", "Ukraine's
Abrams"), a company's home state, and last the system's origin. When both
cues point at one state (licence production), the supplier is the origin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from armswatch.extract.bystanders import names_the_carrier
from armswatch.extract.rules import Rules
from armswatch.extract.triggers import RELATIVE_WORD
from armswatch.models import Mention, Stage

# The word before a name, past an article and a compass point ("into southern Somalia").
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
# What may stand between a marker and the name it marks: "to the", "in southeastern
# Turkey", "in north-western Syria".
_MARKER_GAP = re.compile(
    r"\W*(?:the\s+|its\s+|their\s+)?"
    r"(?:(?:(?:north|south)-?(?:east|west)|north|south|east|west|central)(?:ern)?\s+)?",
    re.IGNORECASE,
)
_PRECEDING_TWO = re.compile(r"([A-Za-z]+)\s+(?:the\s+)?([A-Za-z]+)\W*(?:the\s+)?$")
_POSSESSIVE = re.compile(r"^['’]s?\b")
_GIVING_VERB = re.compile(
    r"\b(?:send|sent|sending|sends|sell|sold|selling|sells|give|gave|giving|gives|supply|supplied|"
    r"hand|handed|offer|offered|offers|pledge|pledged|promise|promised|provide|provided)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:be|been|being|is|are|was|were)\s+\w*$", re.IGNORECASE)
_DEPLOYMENT_LOCATION = frozenset({"in", "at", "into", "to", "over", "near"})
# Where a delivery lands: "landed at Clark Air Base", "arrived in Zamosc".
_ARRIVAL_LOCATION = frozenset({"in", "at", "near"})
_NEAR_SYSTEM_CHARS = 40
_BUYER_CUES = frozenset({"subject-recipient", "marker-for", "possessive-owner"})
_HOME_INDUSTRY_CUES = frozenset({"marker-from", "company-state"})
# "US-built F-16s" handed on by Denmark: where a system was made names no party;
# in a second-hand transfer the supplier is the state handing it over.
_MAKER_ADJECTIVE = re.compile(
    r"^-(?:built|made|designed|produced|manufactured|developed|origin|era|vintage|type)\b",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"^(?:\$|\s*dollars?\b|-dollar|\s*cents?\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Party:
    """A party mention resolved to the code written in events."""

    code: str
    mention: Mention

    @property
    def is_demonym(self) -> bool:
        """Demonyms ("Russian") often qualify a system or a person, not a party."""
        return self.mention.role_hint == "demonym"

    @property
    def is_place(self) -> bool:
        """A base or city names where something goes, never who sends it."""
        return self.mention.role_hint == "place"

    @property
    def is_company(self) -> bool:
        """Companies stand for their home state's industry."""
        return self.mention.kind == "company"


@dataclass(frozen=True, slots=True)
class Roles:
    """The supplier and recipient chosen for an event, and how."""

    supplier: str | None
    recipient: str | None
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RoleContext:
    """What role assignment needs besides the parties."""

    sentence: str
    trigger_start: int
    stage: Stage
    system: Mention
    origin: str | None
    # Recipients that earlier sentences suggest, likeliest first.
    previous_recipients: tuple[str, ...]
    next_system_start: int | None = None
    first_system_end: int | None = None
    # The makers of the sentence's other systems: "Germany delivered Leopards, and
    # Britain's Challenger 2s arrived" names Britain as a sender, not a recipient.
    other_makers: frozenset[str] = frozenset()


# What follows a city that opens a news item: ", 17 October 2022 -", " (Reuters) -",
# ", Sep 25 (PNS):".
_DATELINE = re.compile(r"\s*(?:,[^.\n]{0,40}?)?(?:\([^)]{1,30}\))?\s*(?:-|\u2013|\u2014|:)\s")


def to_parties(mentions: tuple[Mention, ...], sentence: str, rules: Rules) -> list[Party]:
    """Party codes for mentions: states and actors by key, companies by home state.

    A name that only qualifies money ("US dollars", "US$4.3 billion"), a maker
    ("US-built") or another noun ("US sanctions", "UK officials") is no party, nor
    is a dateline's city ("Minsk, 17 October 2022 - ..."), nor a state the deal
    stirs ("infuriated Ankara").
    """
    parties: list[Party] = []
    for mention in mentions:
        code = mention.origin if mention.kind == "company" else mention.key
        rest = sentence[mention.end :]
        qualifier = (
            _CURRENCY.match(rest)
            or _MAKER_ADJECTIVE.match(rest)
            or (
                mention.kind in {"state", "actor"} and rules.qualified_nouns.match(_past_pair(rest))
            )
        )
        if (
            code
            and not qualifier
            and not is_dateline(sentence, mention)
            and not _stirred(sentence, mention, rules)
        ):
            parties.append(Party(code, mention))
    return parties


_STIRRED_REACH = len("antagonising neighbouring ")


def _stirred(sentence: str, mention: Mention, rules: Rules) -> bool:
    """ "infuriated Ankara": a state the deal stirs, right before the name."""
    start = mention.start
    return rules.stirred.search(sentence, max(0, start - _STIRRED_REACH), start) is not None


# "the first NATO and EU member": a pair of names sharing the qualified noun.
_PAIRED_NAME = re.compile(r"\s+(?:and|or)\s+[A-Z][\w.-]*(?=\s)")


def _past_pair(rest: str) -> str:
    """The text after a name, past a second name joined to it ("and EU")."""
    pair = _PAIRED_NAME.match(rest)
    return rest[pair.end() :] if pair else rest


def is_dateline(sentence: str, mention: Mention) -> bool:
    """A city opening a news item; a state's name before a colon labels a digest item
    about that state ("Niger: The government ordered ...") and stays a party."""
    if mention.start != 0 or _DATELINE.match(sentence[mention.end :]) is None:
        return False
    label = mention.kind == "state" and mention.role_hint == "name"
    return not (label and sentence[mention.end : mention.end + 1] == ":")


# Longer than a marker, an article and a compass point ("into the north-western ").
_MARKER_REACH = 48


def marker_before(sentence: str, mention: Mention) -> str | None:
    """The word just before a mention, skipping an article or possessive."""
    return _word_before(sentence, mention.start)


def _word_before(sentence: str, start: int) -> str | None:
    """The word just before `start`, lower-cased, skipping an article or possessive.
    The first word only a gap follows is the one; a word-by-word scan is several times
    faster than one pattern anchored at the end, and this runs for every name."""
    window = sentence[max(0, start - _MARKER_REACH) : start]
    for word in _WORD_TOKEN.finditer(window):
        if _MARKER_GAP.fullmatch(window, word.end()):
            return word.group().lower()
    return None


# "the Indonesian Defence Ministry", "the Polish army": a demonym on a state's own
# institution names the state.
_INSTITUTION = re.compile(
    r"\s+(?:(?:defen[cs]e|foreign)\s+ministry|ministry|government|armed\s+forces|military|army"
    r"|navy|air\s+force|coast\s+guard|marines|authorities"
    # "Swiss voters rejected the purchase": the electorate decides for its state.
    r"|voters|electorate|parliament|cabinet|legislature)\b",
    re.IGNORECASE,
)


def _is_adjectival(sentence: str, party: Party) -> bool:
    """ "Russian jets" qualify; "the Emiratis signed" is a plural noun, a party, and
    "the Indonesian Defence Ministry" is the state."""
    rest = sentence[party.mention.end :]
    plural = re.search(r"[^s]s$", party.mention.text) is not None
    return (
        party.is_demonym
        and not plural
        and bool(rest)
        and (rest[0] == "-" or rest.lstrip()[:1].isalpha())
        and not _INSTITUTION.match(rest)
    )


def _is_possessive(sentence: str, party: Party) -> bool:
    return _POSSESSIVE.match(sentence[party.mention.end :]) is not None


def _near_before(party: Party, system: Mention) -> bool:
    gap = system.start - party.mention.end
    return 0 <= gap <= _NEAR_SYSTEM_CHARS


class _Candidates:
    """Collects supplier and recipient candidates with the rule that found each."""

    def __init__(self) -> None:
        self.supplier: list[tuple[str, str]] = []
        self.recipient: list[tuple[str, str]] = []
        self.co_suppliers: set[str] = set()

    def pick(self, origin: str | None, stage: Stage) -> Roles:
        supplier = self.supplier[0] if self.supplier else None
        if self._domestic_order(stage, origin):
            code = self.supplier[0][0]
            return Roles(code, code, (self.supplier[0][1], self.recipient[0][1], "domestic-order"))
        if self._licensee_builds(origin, stage):
            buyer = self.recipient[0]
            return Roles(origin, buyer[0], ("licensee-yard", buyer[1], "licence-origin"))
        # The article's second state stands in only for a supplier selling its own
        # design: a foreign design's maker equal to the first recipient is a licensee.
        licensee = supplier is not None and origin not in {None, supplier[0]}
        pool = [
            r
            for r in self.recipient
            if not (licensee and r[1] == "second-state") and r[0] not in self.co_suppliers
        ]
        recipients = [r for r in pool if supplier is None or r[0] != supplier[0]]
        recipient = recipients[0] if recipients else (pool[0] if pool else None)
        rules = tuple(r[1] for r in (supplier, recipient) if r)
        supplier_code = supplier[0] if supplier else None
        recipient_code = recipient[0] if recipient else None
        # A state's own forces at home deploy nowhere; a design built at home under
        # licence is the licensor's.
        licensed = stage != "deployment" and origin and origin != recipient_code
        if supplier_code == recipient_code and licensed:
            return Roles(origin, recipient_code, (*rules, "licence-origin"))
        return Roles(supplier_code, recipient_code, rules)

    def _licensee_builds(self, origin: str | None, stage: Stage) -> bool:
        """ "India ordered six Scorpenes; they are being built at Mazagon Dock": a home
        yard building a foreign design for its own state's order is the licensee."""
        if stage == "deployment" or not origin or not self.supplier or not self.recipient:
            return False
        (maker, cue), buyer = self.supplier[0], self.recipient[0][0]
        return cue == "company-state" and maker == buyer and origin != buyer

    def _domestic_order(self, stage: Stage, origin: str | None) -> bool:
        """A state's forces buying its own design from its own industry ("The
        Bundeswehr ordered 18 tanks from Krauss-Maffei Wegmann"): the buyer and a home
        maker are both named. A foreign design built at home is licence production."""
        if stage not in {"agreement", "delivery"} or not self.supplier or not self.recipient:
            return False
        (maker, maker_cue), (buyer, buyer_cue) = self.supplier[0], self.recipient[0]
        # "The first Akinci was delivered to the Turkish Air Force", "The Turkish Air
        # Force took delivery of its first Akinci drones": a home design handed to the
        # home forces.
        home_delivery = (
            stage == "delivery"
            and maker_cue in {"origin", "origin-in-sentence"}
            and buyer_cue in {"marker-to", "subject-recipient"}
        )
        # "The Bundeswehr itself ordered 18 Leopard 2A8s": home forces order a home design.
        home_order = (
            stage == "agreement"
            and maker_cue in {"origin", "origin-in-sentence"}
            and buyer_cue == "subject-recipient"
        )
        # "... took over the operation, and 1,000 TOW missiles were delivered to Iran
        # from U.S. stocks": a state the systems go to is the buyer.
        sent_abroad = any(cue == "marker-to" and code != buyer for code, cue in self.recipient)
        return (
            maker == buyer
            and origin in {None, buyer}
            and not sent_abroad
            and (
                (maker_cue in _HOME_INDUSTRY_CUES and buyer_cue in _BUYER_CUES)
                or home_delivery
                or home_order
            )
        )


def assign_roles(parties: list[Party], context: RoleContext, rules: Rules) -> Roles:
    """Pick supplier and recipient for one system mention."""
    sentence = context.sentence
    # "..., and the Netherlands provided two more": a later clause has its own parties.
    closing = _NEW_CLAUSE.search(sentence, context.trigger_start)
    if closing is not None and closing.start() > context.system.end:
        parties = [p for p in parties if p.mention.start < closing.start()]
    parties = [p for p in parties if not _bystanding_person(p, parties, context)]
    parties = [_as_builder(p, context.origin) for p in parties]
    full = [
        p
        for p in parties
        if not _is_adjectival(sentence, p) and not _agent_of_another(p, context, rules)
    ]
    found = _Candidates()
    _by_markers(full, context, rules, found)
    # A base or city counts only as the destination a marker names ("arrived in Zamosc").
    full = [p for p in full if not p.is_place]
    parties = [p for p in parties if not p.is_place]
    found.supplier[:0] = [(p.code, "former-owner") for p in full if _former_owner(sentence, p)]
    found.supplier[:0] = [(p.code, "thanked-for") for p in full if _thanked(sentence, p)]
    subject = _by_subject(full, context, rules, found)
    if subject is not None:
        _by_counterparty(full, subject, context, found)
    _by_system_modifiers(parties, context, found)
    found.recipient.extend(
        (p.code, "buyer-of-the-deal") for p in parties if _names_a_buyer(sentence, p)
    )
    found.supplier[:0] = [
        (p.code, "seller-of-the-deal") for p in parties if _names_a_seller(sentence, p)
    ]
    for party in full:
        before = sentence[: party.mention.start]
        licensee = _LICENSEE_BY.search(before) is not None
        sells = party.is_company and not _is_possessive(sentence, party) and not licensee
        sells = sells and not names_the_carrier(sentence, party.mention.start)
        if sells and _builds_under_licence(sentence, party, context):
            found.recipient.insert(0, (party.code, "licensee"))
        elif sells and not _maker_of_another(party, context):
            found.supplier.append((party.code, "company-state"))
    codes = [p.code for p in full if not p.is_company]
    if context.origin and context.origin in codes:
        found.supplier.append((context.origin, "origin-in-sentence"))
    # An alliance or the UN named in passing ("hopes to join NATO", "flies NATO
    # missions") is no fallback recipient: it receives only where a marker says so.
    members = [
        p.code
        for p in full
        if not p.is_company
        and not _is_organisation(p)
        and not _owns_company(sentence, p, full)
        and not _RESTRICTION_AFTER.match(sentence, p.mention.end)
        and not (context.stage == "cancellation" and _BLOCKER_AFTER.match(sentence, p.mention.end))
        and (
            marker_before(sentence, p.mention) not in _NOT_A_PARTY_MARKERS
            or _EMBARGO_BEFORE.search(sentence, 0, p.mention.start) is not None
        )
        and not _MAKERS_LISTED.search(sentence, 0, p.mention.start)
        and not _named_as_giver(sentence, p, rules)
        and not _gives_in_own_clause(sentence, p, rules)
        # "flown in from bases in West Germany": where they come from.
        and not _FROM_BASES_IN.search(sentence, 0, p.mention.start)
        and not _speaker_of_another(sentence, p, full, context)
    ]
    # The source of the report is the fallback only when the act names no other
    # state after its verb ("..., the Indian Air Force said" of jets arriving in India).
    sources = {p.code for p in full if _reports_after(sentence, p, context)}
    after = {p.code for p in full if p.mention.start > context.trigger_start} & set(members)
    members = [code for code in members if code not in sources] if after - sources else members
    # The design's maker is no fallback recipient, unless another state's force flies
    # it there ("RAAF EA-18Gs flying from Nellis in the US Air Force's exercise").
    forces = {code for code, rule in found.supplier if rule == "force-on-system"}
    maker = context.origin if not forces - {context.origin} else None
    found.recipient.extend(
        (code, "other-party")
        for code in members
        if code != maker and code not in context.other_makers
    )
    # "The Greek Rafales arrived from France": a demonym on a system that another
    # state supplies names its new owner.
    found.recipient.extend(
        (c, "demonym-owner") for c, rule in found.supplier if rule == "demonym-on-system"
    )
    if context.origin:
        found.supplier.append((context.origin, "origin"))
    for rank, code in enumerate(context.previous_recipients):
        found.recipient.append((code, "previous-recipient" if rank == 0 else "second-state"))
    return found.pick(context.origin, context.stage)


def _as_builder(party: Party, origin: str | None) -> Party:
    """A group of national companies (Airbus, MBDA) sells from the state that builds the
    system: "ordered nine H145M helicopters from Airbus" buys from Germany."""
    if party.is_company and party.mention.category == "group" and origin is not None:
        return replace(party, code=origin)
    return party


def _builds_under_licence(sentence: str, party: Party, context: RoleContext) -> bool:
    """ "an agreement for Hindustan Aeronautics Ltd to build 140 Su-30MKI fighters under
    licence": a home company that builds a foreign design under licence is its buyer."""
    if context.origin in {None, party.code}:
        return False
    return _BUILDS_UNDER_LICENCE.match(sentence, party.mention.end) is not None


_BUILDS_UNDER_LICENCE = re.compile(
    r"[^.;:,]{0,30}?\b(?:to\s+)?(?:build|assemble|produce|manufacture)s?\b[^.;:]{0,80}?"
    r"\bunder\s+(?:a\s+)?(?:[\w-]+\s+)?licen[cs]e\b",
    re.IGNORECASE,
)


def _named_as_giver(sentence: str, party: Party, rules: Rules) -> bool:
    """ "adding to five promised by the Netherlands": a state named as the one that
    gives is no fallback receiver, unless it buys: "bought by Mali", "an order from
    the Thai air force", "driven by Pakistan, which agreed to buy"."""
    marker = marker_before(sentence, party.mention)
    listed = _LISTED_SECOND.search(sentence, 0, party.mention.start)
    # "supplied jointly by France and Italy": the second giver of a pair.
    if listed is not None and marker not in rules.supplier_markers:
        marker = listed.group(1).lower()
    if marker not in rules.supplier_markers:
        return False
    if _RELATIVE_AFTER.match(sentence, party.mention.end):
        return False
    before = sentence[: party.mention.start]
    return not (_after_buying_verb(before, rules) or _DEAL_FROM.search(before))


# "by France and |Italy": the marker of the first of two names joined by "and".
_LISTED_SECOND = re.compile(
    r"\b([A-Za-z]+)\s+(?:the\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,2}\s+and\s+(?:the\s+)?\Z"
)


def _gives_in_own_clause(sentence: str, party: Party, rules: Rules) -> bool:
    """ "Denmark and the Netherlands made the first pledges, and Norway, which pledged
    six F-16s, ...": a state whose own verb gives is no fallback receiver."""
    position = party.mention.end
    while (joined := _JOINED_NAME.match(sentence, position)) is not None:
        position = joined.end()
    auxiliary = _AUXILIARY.match(sentence, position)
    position = auxiliary.end() if auxiliary else position
    # "and Belgium committed in May to supply 30 of the jets".
    commits = _COMMITS_TO.match(sentence, position)
    position = commits.end() if commits else position
    return bool(
        rules.supplier_verbs.match(sentence, position) or _MADE_PLEDGES.match(sentence, position)
    )


# "Denmark and the Netherlands made": the names a subject lists after the first.
_JOINED_NAME = re.compile(
    r"(?:,\s*|\s+and\s+)(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*"
)
_AUXILIARY = re.compile(r"\s+(?:(?:have|has|had)\s+)?(?:also\s+|already\s+)?", re.IGNORECASE)
_COMMITS_TO = re.compile(
    r"(?:committed|agreed|decided|undertook|vowed)\s+(?:(?:in|on|last|this|earlier)\s+\w+\s+)?(?=to\s)",
    re.IGNORECASE,
)
_MADE_PLEDGES = re.compile(
    r"made\s+(?:the\s+|their\s+|its\s+)?(?:first\s+)?(?:pledges?|donations?|offers?)\b",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(r",?\s+(?:which|who)\b")
_DEAL_FROM = re.compile(
    r"\b(?:orders?|contracts?|requests?|bids?)\s+(?:\w+\s+){0,4}?from\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


# "built by Panavia, the consortium of Britain, West Germany and Italy": its makers.
_MAKERS_LISTED = re.compile(
    r"\b(?:consortium|joint venture|partnership)\s+(?:of|between)\s+[^.;:]*\Z"
    # "the Eurofighter Typhoon, backed by Britain, Germany, Italy and Spain".
    r"|\b(?:backed|built|made|developed|produced|designed)\s+by\s+"
    r"(?:(?:the\s+)?(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2}(?:,\s+|\s+and\s+))*\Z",
    re.IGNORECASE,
)
# "an embargo imposed over East Timor", "used against Ukraine": the matter or the target.
_NOT_A_PARTY_MARKERS = frozenset({"over", "against"})
# "during a U.S. arms embargo": a state named on its own restriction takes no part.
_RESTRICTION_AFTER = re.compile(
    r"\s+(?:arms\s+|export\s+)?(?:embargo|sanctions|ban|restrictions|objections|opposition|veto)\b"
    # "contained U.S. technology": the maker of a part.
    r"|\s+(?:-?made\s+|-?built\s+)?(?:technology|components|parts)\b",
    re.IGNORECASE,
)
# "an arms embargo against Argentina": the state kept from buying.
_EMBARGO_BEFORE = re.compile(r"\bembargo\s+against\s+\Z", re.IGNORECASE)
# "Britain, which keeps an embargo on Argentina, blocked a sale of Gripens": the state
# that stops another's sale is not its buyer.
_BLOCKER_AFTER = re.compile(
    r"(?:,[^,]{0,100},)?\s+(?:had\s+|has\s+|have\s+)?(?:blocked|vetoed|barred|refused|halted)\b"
)


def _bystanding_person(party: Party, parties: list[Party], context: RoleContext) -> bool:
    """A leader stands for a state only as the one who acts: "Albanese promised
    Ukraine 20 Bushmasters", not "during Modi's visit" or "Peskov warned"."""
    if party.mention.role_hint != "person":
        return False
    opening = clause_opening(context.sentence, context.trigger_start)
    if not opening <= party.mention.start < context.trigger_start:
        return True
    return any(party.mention.end <= p.mention.start < context.trigger_start for p in parties)


def _former_owner(sentence: str, party: Party) -> bool:
    """ "two ex-Brunei corvettes", "16 Mirage F1s being retired by the Spanish air force":
    second-hand, from the state that owned them."""
    before = sentence[: party.mention.start]
    return before[-3:].lower() == "ex-" or _RETIRED_BY.search(before) is not None


_RETIRED_BY = re.compile(
    r"\b(?:retired|decommissioned|withdrawn\s+from\s+service)\s+by\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_DEAL_NOUN = re.compile(
    r"orders?|purchases?|acquisitions?|deals?|contracts?|requests?", re.IGNORECASE
)


_SALE_NOUN = re.compile(r"sales?|exports?|transfers?|donations?", re.IGNORECASE)
_POSSESSED_WORD = re.compile(r"['’]s?\s+([A-Za-z]+)")


def _names_a_seller(sentence: str, party: Party) -> bool:
    """ "Washington blocked Israel's sale of Cobras to Nigeria": the seller's sale."""
    following = _POSSESSED_WORD.match(sentence, party.mention.end)
    return following is not None and _SALE_NOUN.fullmatch(following.group(1)) is not None


def _names_a_buyer(sentence: str, party: Party) -> bool:
    """ "the Pakistani order", "the Saudi purchase": a demonym on a deal is its buyer."""
    following = _NEXT_WORD.match(sentence, party.mention.end)
    return (
        party.is_demonym
        and following is not None
        and _DEAL_NOUN.fullmatch(following.group(1)) is not None
    )


# "18 MiG-29s and 18 Su-25 jets from Belarus": one phrase, one seller for both.
# "18 used MiG-29 fighters and 18 Su-25 jets": the noun after a system may come first.
_COORDINATED = re.compile(
    r"[\w-]*(?:\s+[a-z][\w-]*){0,3}?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)"
    r"(?:(?:the|some|about|\d[\d,]*|[a-z]+)\s+){0,2}"
)


def _bought_participle(context: RoleContext, rules: Rules) -> bool:
    """Whether the trigger is a buying participle right after the system ("F-16s bought
    from the United States"), said of what the subject has: the subject bought them."""
    gap = context.sentence[context.system.end : context.trigger_start]
    trigger = _WORD_AT.match(context.sentence, context.trigger_start)
    return (
        trigger is not None
        and rules.recipient_verbs.fullmatch(trigger.group()) is not None
        and trigger.group().lower().endswith(("ed", "bought"))
        and _PARTICIPLE_GAP.fullmatch(gap) is not None
    )


def _handed_participle(context: RoleContext) -> bool:
    """Whether the trigger is a handing-over participle right after the system, with no
    agent or receiver after it ("which rely on Russian Pantsir-S1 systems delivered
    from 2014"), said of what the subject has: the subject received them."""
    sentence = context.sentence
    gap = sentence[context.system.end : context.trigger_start]
    trigger = _HANDED.match(sentence, context.trigger_start)
    return (
        trigger is not None
        and _PARTICIPLE_GAP.fullmatch(gap) is not None
        and _AGENT_OR_RECEIVER.match(sentence, trigger.end()) is None
    )


_HANDED = re.compile(r"(?:delivered|supplied|provided|transferred|donated|sold)\b")
_AGENT_OR_RECEIVER = re.compile(r"\s+(?:by|to)\b")
_WORD_AT = re.compile(r"[\w-]+")
_PARTICIPLE_GAP = re.compile(r"[\w-]*(?:\s+[a-z][\w-]*){0,2}\s+")


def _agent_of_another(party: Party, context: RoleContext, rules: Rules) -> bool:
    """In "the NASAMS were provided by the United States, and the Aspide systems by
    Spain", "by Spain" belongs to the Aspide: an agent after the next system is not
    this system's, nor is one before this system and after another ("Leopard 1 tanks
    from Germany, CV90 vehicles from Sweden and Bradley vehicles")."""
    if marker_before(context.sentence, party.mention) not in rules.supplier_markers:
        return False
    if _after_buying_verb(context.sentence[: party.mention.start], rules):
        return False  # "howitzers and vehicles ordered by Australia": one buyer for all
    after_next = (
        context.next_system_start is not None
        and party.mention.start > context.next_system_start
        and not _COORDINATED.fullmatch(
            context.sentence, context.system.end, context.next_system_start
        )
    )
    return (
        after_next
        or (
            context.first_system_end is not None
            and context.first_system_end < party.mention.start < context.system.start
        )
        or _source_between(party, context)
    )


# "24 Hawks, four MEKO corvettes from German shipyards, 30 A109s from Italy": a source
# told between a system and a later party is where the items in between come from.
_SOURCE_PHRASE = re.compile(r"\bfrom\s+[^,]+,")


def _source_between(party: Party, context: RoleContext) -> bool:
    if party.mention.start <= context.system.end:
        return False
    return (
        _SOURCE_PHRASE.search(context.sentence, context.system.end, party.mention.start) is not None
    )


def _by_markers(
    parties: list[Party], context: RoleContext, rules: Rules, found: _Candidates
) -> None:
    sentence = context.sentence
    recipient_markers = rules.recipient_markers - {"with"}
    if context.stage == "deployment":
        recipient_markers |= _DEPLOYMENT_LOCATION
    own = _own_recipient(parties, context, recipient_markers)
    if own is not None:
        found.recipient.insert(0, (own, "system-for"))
    # Where forces go is said after the verb ("arrived in Libya"); a place before it
    # ("close to the Kremlin") is a weaker cue, so it is weighed last.
    after_first = sorted(parties, key=lambda p: p.mention.start < context.trigger_start)
    for party in after_first:
        before = sentence[: party.mention.start]
        if _phrase_role(party, context, before, found):
            continue
        early = party.mention.start < context.trigger_start
        if early and context.stage != "deployment" and not _in_participle(party, context):
            continue
        if names_no_role(sentence, party.mention, rules) or _matter_over(sentence, party):
            continue
        if party.is_place and context.stage not in _ARRIVING_STAGES:
            continue  # "used in Rafah", "signed in Paris": a place receives only arrivals
        if context.stage == "deployment" and _FROM_BASES_IN.search(before):
            continue  # "flown in from bases in West Germany": where forces come from
        _by_marker_word(party, sentence, recipient_markers, rules, found)


_ARRIVING_STAGES = frozenset({"delivery", "deployment"})


# "72 Tornados, 30 Hawks and 30 PC-9 trainers built by Switzerland's Pilatus": the
# maker named after a list made only the last item.
_MADE_BY = re.compile(
    r"\b(?:built|made|manufactured|produced|designed)\s+by\s+(?:[\w'’.-]+\s+){0,2}\Z",
    re.IGNORECASE,
)


def _maker_of_another(party: Party, context: RoleContext) -> bool:
    """Whether a company named as a maker comes after another thing than this system:
    after the next system, or before this one ("The Tiger helicopters, also made by
    Airbus, are being replaced by 29 Apaches")."""
    if _MADE_BY.search(context.sentence, 0, party.mention.start) is None:
        return False
    following = context.next_system_start
    after_next = following is not None and following < party.mention.start
    return after_next or party.mention.end <= context.system.start


def _matter_over(sentence: str, party: Party) -> bool:
    """ "the standoff over North Korea's nuclear programme": a matter, not airspace."""
    return marker_before(sentence, party.mention) == "over" and _is_possessive(sentence, party)


# Longer than two words and an article: how far back names_no_role looks.
_TWO_WORDS = 48


def _own_recipient(
    parties: list[Party], context: RoleContext, recipient_markers: frozenset[str]
) -> str | None:
    """ "frigates to Egypt, as well as a submarine for Singapore": where a sentence
    sends its systems to several states, the one right after a system is its own."""
    sentence = context.sentence
    marked = [
        p
        for p in parties
        if p.mention.start > context.trigger_start
        and marker_before(sentence, p.mention) in recipient_markers
    ]
    if len({p.code for p in marked}) < 2:
        return None
    own = [p for p in marked if _right_after(context.system, p, sentence)]
    return own[0].code if own else None


def names_no_role(sentence: str, mention: Mention, rules: Rules) -> bool:
    """Whether the words before a marked party make it no supplier or recipient:
    "a visit to India", "a speech to the Bundestag", "fired at Kharkiv", "carriers
    originally built for Russia"."""
    before = sentence[max(0, mention.start - _TWO_WORDS) : mention.start]
    if _FORMER_BUYER.search(before):
        return True
    two = _PRECEDING_TWO.search(before)
    return two is not None and two.group(1).lower() in rules.not_a_role


# A buyer the system was once meant for: not the one who gets it now.
_FORMER_BUYER = re.compile(
    r"\b(?:originally|initially|first)\s+(?:built|ordered|intended|destined|meant|made)\s+"
    r"(?:for|by)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def _by_marker_word(
    party: Party, sentence: str, recipient_markers: frozenset[str], rules: Rules, found: _Candidates
) -> None:
    """The role the word right before a party gives it: "from", "to", "by", "in"."""
    before = sentence[: party.mention.start]
    word = marker_before(sentence, party.mention)
    if word == "by" and _after_buying_verb(before, rules):
        found.recipient.append((party.code, "agent-of-buying"))
    elif word == "by" and _LICENSEE_BY.search(before):
        found.recipient.append((party.code, "licensee"))
    elif word == "by" and (_OTHER_AGENT.search(before) or _MAKER_BY.search(before)):
        # "driven in part by Pakistan", "paid for by Saudi Arabia": no seller; "built by
        # Panavia" names the maker, whose state the company rule already weighs.
        return
    elif word == "from" and (
        _ORDER_FROM.search(before) or _POSSESSED_ORDER.match(sentence, party.mention.end)
    ):
        found.recipient.append((party.code, "order-from"))
    elif _MADE_IN.search(before) and (party.is_place or _built_abroad(party, before)):
        found.supplier.append((party.code, "made-in"))
    elif word in rules.supplier_markers and not party.is_place:
        found.supplier.append((party.code, f"marker-{word}"))
    elif word in recipient_markers and not party.is_company:
        found.recipient.append((party.code, f"marker-{word}"))
    elif party.is_place and _at_place(word, before) and not in_origin_phrase(before):
        found.recipient.append((party.code, f"place-{word}"))
    elif _GIVING_VERB.search(before) and not party.is_place:
        found.recipient.append((party.code, "object-of-giving-verb"))


_MAKER_BY = re.compile(
    r"\b(?:built|made|developed|designed|produced|manufactured|assembled)\s+by\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# "a record order for 80 jets from the United Arab Emirates": a customer's order.
_ORDER_FROM = re.compile(
    r"\b(?:an?|the|its|their|record|first|new|latest|second|export)\s+orders?\s+"
    r"(?:for\s+(?:[\w$.,-]+\s+){1,5})?from\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


# "the last Mirage F1s from Iraq's most recent order": the buyer's own order.
_POSSESSED_ORDER = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:order|purchase|contract|deal)s?\b", re.IGNORECASE
)


# "arrived in the port of Gdynia": a named place inside a common noun.
_PLACE_OF = re.compile(
    r"\b(?:in|at|to|into|near)\s+the\s+(?:port|city|town|village|base|region|province"
    r"|harbou?r|naval base|air base)\s+of\s+$",
    re.IGNORECASE,
)


def _at_place(word: str | None, before: str) -> bool:
    """Whether the words before a place say something arrives there."""
    return word in _ARRIVAL_LOCATION or (word == "of" and _PLACE_OF.search(before) is not None)


# "from Lockheed Martin's plant in Fort Worth": a place where the journey starts.
_FROM_PHRASE = re.compile(r"\bfrom\s+(?:[\w'’.-]+\s+){0,5}in\s+$", re.IGNORECASE)


def _speaker_of_another(
    sentence: str, party: Party, parties: list[Party], context: RoleContext
) -> bool:
    """ "Washington says Iran has also supplied Mohajer-6 drones": who reports an act
    whose subject is another state is no party to it ("Erdogan said the S-400
    deliveries had begun" still speaks for the buyer)."""
    said = _SAYS_THAT.match(sentence, party.mention.end)
    if said is None or said.end() > context.trigger_start:
        return False
    return any(p.code != party.code and p.mention.start == said.end() for p in parties)


def _reports_after(sentence: str, party: Party, context: RoleContext) -> bool:
    """ "North Korea has sent Koksan guns, South Korea's military intelligence said":
    the source that reports the act after it is seldom a party to it."""
    start = party.mention.start
    opens_aside = _ASIDE_OPENING.search(sentence, 0, start) is not None
    return (
        start > context.trigger_start
        and opens_aside
        and bool(_SAID_AFTER.match(sentence, party.mention.end))
    )


_ASIDE_OPENING = re.compile(r",\s+(?:the\s+)?\Z")
# "'s military intelligence said", " told reporters": what the source does.
_SAID_AFTER = re.compile(
    r"(?:['’]s?\s+(?:[\w-]+\s+){0,3}?)?\s*(?:said|says|told|reported|confirmed|announced)\b"
)
_SAYS_THAT = re.compile(
    r"\s+(?:(?:has|had|have)\s+)?(?:says|said|claims|claimed|believes|alleges|alleged|insists"
    r"|estimates|accuses|accused|reports|reported|told\s+\w+)\s+(?:that\s+)?(?:the\s+)?",
    re.IGNORECASE,
)


_FROM_BASES_IN = re.compile(
    r"\bfrom\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:bases?|airfields?|air\s+bases?|garrisons?|ports?|stations?)\s+in\s+\Z",
    re.IGNORECASE,
)


def in_origin_phrase(before: str) -> bool:
    """Whether the words before a place put it where something comes from."""
    return _FROM_PHRASE.search(before[-60:]) is not None


def _phrase_role(party: Party, context: RoleContext, before: str, found: _Candidates) -> bool:
    """Roles a set phrase gives: "Challenger 2 tanks from Britain had reached Ukraine"
    (before the verb), "in the hands of Ukraine"."""
    in_subject = party.mention.start < context.trigger_start
    if (
        in_subject
        and _SYSTEM_FROM.search(before)
        and _right_after(context.system, party, context.sentence)
    ):
        found.supplier.append((party.code, "system-from"))
        return True
    if not in_subject and _HANDS_OF.search(before):
        found.recipient.append((party.code, "in-the-hands-of"))
        return True
    return False


_SYSTEM_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_HANDS_OF = re.compile(r"\bhands\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# How far a "from X" may follow the system it qualifies ("F-16 fighter jets from").
_FROM_REACH = 30


def _right_after(system: Mention, party: Party, sentence: str) -> bool:
    """Whether the party follows the system closely, in the same phrase."""
    gap = sentence[system.end : party.mention.start]
    return (
        system.end <= party.mention.start
        and len(gap) <= _FROM_REACH
        and not re.search(r"[,;:()]", gap)
    )


# Agents of verbs that neither sell nor make: "driven in part by", "paid for by".
_OTHER_AGENT = re.compile(
    r"\b(?:driven|prompted|motivated|spurred|hit|struck|attacked|critici[sz]ed|condemned"
    r"|opposed|backed|supported|funded|financed|paid(?:\s+for)?|led|chaired|hosted|reported"
    r"|confirmed|announced|welcomed|followed)(?:\s+[\w-]+){0,2}?\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "its first two JF-17s, built in Chengdu", "JF-17s built in China for Pakistan": where
# a system is made is who makes it.
_MADE_IN = re.compile(r"\b(?:built|made|produced|manufactured|assembled)\s+in\s+$", re.IGNORECASE)
# "submarines to be built in Brazil": a licensee's yard, not the seller.
_TO_BE_MADE_IN = re.compile(r"\b(?:to|will|would|being)\s+(?:be\s+)?\w+\s+in\s+$", re.IGNORECASE)


def _built_abroad(party: Party, before: str) -> bool:
    """ "JF-17s built in China for Pakistan": a state named where the systems were
    built made them; one where they are still to be built is a licensee."""
    return not party.is_company and _TO_BE_MADE_IN.search(before) is None


# "assembled under licence by HAL": the licensee builds for its own state.
_LICENSEE_BY = re.compile(
    r"(?:licen[cs]e|locally|assembled)\s+(?:[\w-]+\s+){0,2}?by\s+(?:the\s+)?$", re.IGNORECASE
)
_BY_BEFORE = re.compile(r"(\S+)\s+by\s+(?:the\s+)?$", re.IGNORECASE)


# "12 Super Tucanos bought by Nigeria from the United States landed": a participle
# right after the system tells its deal before the main verb.
_PARTICIPLE = re.compile(
    r"[\s,]+(?:[\w-]+[\s,]+){0,3}?(?:bought|ordered|purchased|acquired|procured|sold|supplied"
    r"|donated|given|built|made)\b",
    re.IGNORECASE,
)
_PARTICIPLE_REACH = 40


def _in_participle(party: Party, context: RoleContext) -> bool:
    """Whether the party is named in such a participle phrase, before the main verb."""
    system_end = context.system.end
    found = _PARTICIPLE.match(context.sentence, system_end, system_end + _PARTICIPLE_REACH)
    return (
        found is not None
        and found.end() <= party.mention.start < context.trigger_start
        and not re.search(r"[;:]", context.sentence[found.end() : party.mention.start])
    )


def _after_buying_verb(before: str, rules: Rules) -> bool:
    """ "acquired by Azerbaijan", "bought by Mali", "the first purchase of Western
    warships by Moscow": the agent of a buying verb or noun buys."""
    if _PURCHASE_OF_BY.search(before):
        return True
    found = _BY_BEFORE.search(before)
    return found is not None and rules.recipient_verbs.fullmatch(found.group(1)) is not None


_PURCHASE_OF_BY = re.compile(
    r"\b(?:purchases?|acquisitions?|orders?|procurement)\s+of\s+(?:[\w-]+\s+){1,5}by\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def _by_subject(
    parties: list[Party], context: RoleContext, rules: Rules, found: _Candidates
) -> Party | None:
    """The trigger's subject, when its verb says which side it is on; None otherwise."""
    sentence = context.sentence
    markers = rules.recipient_markers | rules.supplier_markers
    if context.stage == "deployment":
        markers |= _DEPLOYMENT_LOCATION
    opening = clause_opening(sentence, context.trigger_start)
    asides = [a.span() for a in _RELATIVE_ASIDE.finditer(sentence, 0, context.trigger_start)]
    before = [
        p
        for p in parties
        if opening <= p.mention.start
        and p.mention.end <= context.trigger_start
        and not any(start <= p.mention.start < end for start, end in asides)
        and not _MEMBER_OF.search(sentence, 0, p.mention.start)
        and not _owner_marked(sentence, p, markers)
    ]
    subject = next(
        (p for p in reversed(before) if _marked_in_list(sentence, p, before, markers) is None),
        None,
    )
    gapped = _gapped_subject(parties, context)
    if subject is not None and gapped is not None:
        # "Belgium has sent 18 Mirage 5s and Italy six RF-104Gs": Italy sends the RF-104Gs.
        role = _subject_role(sentence, subject.mention.end, context, rules)
        rule = f"gapped-subject-{role}"
        if role == "recipient":
            found.recipient.insert(0, (gapped.code, rule))
        elif role == "supplier":
            found.supplier.insert(0, (gapped.code, rule))
        return None
    if subject is None or _owns(sentence, subject, context.system):
        # "Slovakia's MiG-29s were handed over": the subject is the system, whose
        # owner its modifiers weigh.
        return None
    subject = _apposed(sentence, subject, before)
    role = _subject_role(sentence, subject.mention.end, context, rules)
    if _bought_participle(context, rules) or _handed_participle(context):
        role = "recipient"  # "flew two dozen F-16s bought from the United States"
    if role == "unknown" and _contracts_own_industry(sentence, subject, parties, context):
        role = "recipient"
    if role == "recipient" and not subject.is_company:
        found.recipient.insert(0, (subject.code, "subject-recipient"))
    elif role == "supplier":
        found.supplier.insert(0, (subject.code, "subject-supplier"))
        # "Denmark and Norway have pledged F-16s": Denmark gives too, it does not receive.
        found.co_suppliers.update(
            listed_before(parties, sentence, subject.code, context.trigger_start)
        )
    return subject if role == "unknown" else None


def _owner_marked(sentence: str, party: Party, markers: frozenset[str]) -> bool:
    """ "from Britain's Royal Navy": a force takes its owner's marker, so it is no
    subject."""
    owner = _POSSESSOR_BEFORE.search(sentence, 0, party.mention.start)
    if owner is None:
        return False
    return _word_before(sentence, owner.start()) in markers


_POSSESSOR_BEFORE = re.compile(r"\b(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s?\s+\Z")


# Between a gapped subject and its system: a count, a quantifier or a word or two.
_GAPPED_OBJECT = re.compile(r"\s+(?:(?:some|about|another|more|\d[\d,]*|[a-z]+)\s+){0,2}")
_GAPPED_OPENING = re.compile(r"(?:,\s*(?:and\s+|while\s+)?|\s+and\s+)\Z")


def _gapped_subject(parties: list[Party], context: RoleContext) -> Party | None:
    """A state that opens the second half of a list after the verb, right before its own
    system, stands for a subject of the same verb ("..., and Italy six RF-104Gs")."""
    if context.first_system_end is None:
        return None
    sentence = context.sentence
    return next(
        (
            p
            for p in parties
            if context.trigger_start < context.first_system_end < p.mention.start
            and p.mention.role_hint == "name"
            and _GAPPED_OPENING.search(sentence, context.first_system_end, p.mention.start)
            and _GAPPED_OBJECT.fullmatch(sentence, p.mention.end, context.system.start)
        ),
        None,
    )


def _by_counterparty(
    parties: list[Party], subject: Party, context: RoleContext, found: _Candidates
) -> None:
    """ "Argentina signed a deal with Denmark for used F-16s": the two sides of a deal.
    The side whose design it is sells; otherwise the subject buys from the other."""
    if context.stage not in {"agreement", "interest"}:
        return
    sentence = context.sentence
    partner = next(
        (
            p
            for p in parties
            if p.mention.start >= context.trigger_start
            and marker_before(sentence, p.mention) == "with"
            and not _STRAINED_WITH.search(sentence, 0, p.mention.start)
            and p.code != subject.code
        ),
        None,
    )
    if partner is None:
        return
    gives = _SUBJECT_GIVES.search(sentence, partner.mention.end) is not None
    if subject.code == context.origin or gives:
        # "signed a security agreement with Ukraine under which it is to supply 30 F-16s"
        found.supplier.insert(0, (subject.code, "subject-maker" if not gives else "subject-gives"))
        if not partner.is_company:
            found.recipient.insert(0, (partner.code, "counterparty"))
    elif not subject.is_company:
        found.supplier.insert(0, (partner.code, "counterparty"))
        # Who signs may buy for another: "for the Afghan air force" still receives.
        marked = sum(1 for _, rule in found.recipient if rule.startswith("marker-"))
        found.recipient.insert(marked, (subject.code, "subject-buyer"))


# "in a move certain to inflame tensions with Beijing": no side of the deal.
_STRAINED_WITH = re.compile(
    r"\b(?:tensions?|ties|relations|row|dispute|rift|conflict|war|rivalry|stand-?off|friction)"
    r"\s+with\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SUBJECT_GIVES = re.compile(
    r"\b(?:it|they)\s+(?:(?:is|are|was|were|will|would)\s+)?(?:to\s+)?(?:also\s+)?"
    r"(?:supply|supplies|deliver|delivers|provide|provides|send|sends|transfer|transfers|give|gives|donate|donates)\b",
    re.IGNORECASE,
)
_THANKED = re.compile(r"\bthank(?:s|ed|ing)?\s+(?:the\s+)?$", re.IGNORECASE)


def _thanked(sentence: str, party: Party) -> bool:
    """ "thanked Italy for the SAMP/T": the state thanked for a system gave it."""
    return (
        _THANKED.search(sentence, 0, party.mention.start) is not None
        and re.match(r"\s+for\b", sentence[party.mention.end :]) is not None
    )


# A clause with a subject of its own: "..., and the Pakistani order was frozen".
_NEW_CLAUSE = re.compile(
    r"(?:;|,\s*(?:and|but|while|whereas)|\s(?:while|whereas))\s+(?:the|a|an|its|their|this|these|those)\s"
    # "..., while Poland began delivering its own MiG-29s": a named subject of its own.
    r"|,\s*(?:while|whereas)\s+(?=(?-i:[A-Z]))"
    # "..., and Denmark and the Netherlands contributed additional jets", "..., and
    # Australia said it would send six more".
    r"|,\s*and\s+(?=(?:the\s+)?(?-i:[A-Z])[\w-]+(?:\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w-]+)?"
    r"\s+(?:(?:had|has|have)\s+)?(?:also\s+)?(?-i:[a-z]+ed|said|sent|gave|took|bought|sold)\b)"
    # "..., drawing an immediate warning from Beijing": a reaction, no party to the act.
    r"|,\s+(?:drawing|prompting|sparking|triggering|provoking|angering|infuriating)\s"
    # "were delivered in 2019 but have barely flown because Britain blocked ...".
    r"|\sbecause\s"
    # "signed for 250 Abrams tanks after sending Soviet-era equipment to Ukraine".
    r"|\s(?:after|before|since)\s+(?=\w+ing\s)"
    # "..., a deal that Washington has warned could expose Manila to sanctions".
    r"|,\s+a\s+(?:[\w-]+\s+)?(?:deal|sale|purchase|contract|move|decision|step|transfer)"
    r"\s+(?:that|which)\s",
    re.IGNORECASE,
)


# ", which hopes to join NATO next year,": an aside between a subject and its verb.
_RELATIVE_ASIDE = re.compile(
    r",\s+(?:which|who|whose|where|(?:based|stationed|headquartered|located)\s+in)\b[^,;]*"
    r"(?:,\s+(?-i:[A-Z])[\w.-]*)?,"
)
_APPOSITION = re.compile(r"\s*,\s*(?:the\s+)?")


_ORGANISATION_KINDS = frozenset({"alliance", "organisation"})


def _owns_company(sentence: str, party: Party, parties: list[Party]) -> bool:
    """ "Spain's Navantia": the state of a company named right after it sells."""
    return any(
        p.is_company and _OWNED_COMPANY.fullmatch(sentence, party.mention.end, p.mention.start)
        for p in parties
    )


_OWNED_COMPANY = re.compile(r"['’]s?\s+(?:state-owned\s+|state\s+)?")


def _is_organisation(party: Party) -> bool:
    return party.mention.category in _ORGANISATION_KINDS


def _marked_in_list(
    sentence: str, party: Party, parties: list[Party], markers: frozenset[str]
) -> str | None:
    """The marker before a party or before the list it ends: in "units from Germany
    and the Netherlands arrived", the Netherlands comes "from" too."""
    marker = marker_before(sentence, party.mention)
    if marker in markers:
        return marker
    earlier = [p for p in parties if p.mention.end <= party.mention.start]
    if (
        earlier
        and not opens_scene(sentence, earlier[-1].mention)
        and _LIST_GAP.fullmatch(sentence, earlier[-1].mention.end, party.mention.start)
    ):
        return _marked_in_list(sentence, earlier[-1], earlier, markers)
    return None


# "In the Central African Republic, Russia ...": the sentence opens on where it happens.
_SCENE_BEFORE = re.compile(r"\s*In\s+(?:the\s+)?\Z")


def opens_scene(sentence: str, mention: Mention) -> bool:
    """Whether the sentence opens on this state as its scene ("In Mali, Russia sent
    400 troops"): a place, and no list with the name after its comma."""
    return (
        _SCENE_BEFORE.fullmatch(sentence, 0, mention.start) is not None
        and sentence[mention.end : mention.end + 1] == ","
    )


def _apposed(sentence: str, subject: Party, before: list[Party]) -> Party:
    """In "Algeria, Morocco's rival, is interested" the subject is Algeria: a
    possessive right after a name and a comma describes that name."""
    if not _is_possessive(sentence, subject):
        return subject
    earlier = [p for p in before if p.mention.end <= subject.mention.start]
    if earlier and _APPOSITION.fullmatch(sentence, earlier[-1].mention.end, subject.mention.start):
        return earlier[-1]
    return subject


def clause_opening(sentence: str, trigger_start: int) -> int:
    """Where the trigger's clause starts: a subject before it belongs to another verb."""
    openings = [m.end() for m in _NEW_CLAUSE.finditer(sentence, 0, trigger_start)]
    return openings[-1] if openings else 0


def _contracts_own_industry(
    sentence: str, subject: Party, parties: list[Party], context: RoleContext
) -> bool:
    """ "Turkey's procurement agency signed a contract with BMC for Altay tanks": a state
    that signs with its own industry is the buyer ("Russia signed with India's HAL" is
    not)."""
    return any(
        p.is_company
        and p.code == subject.code
        and p.mention.start > context.trigger_start
        and marker_before(sentence, p.mention) == "with"
        for p in parties
    )


# "becoming the first member of NATO and the European Union to acquire": the member acts.
_MEMBER_OF = re.compile(
    r"\b(?:members?|ally|allies)\s+of\s+(?:the\s+)?(?:[\w-]+\s+and\s+)?(?:the\s+)?\Z",
    re.IGNORECASE,
)


def _subject_role(sentence: str, subject_end: int, context: RoleContext, rules: Rules) -> str:
    if _HOSTS.match(sentence, subject_end):
        return "recipient"  # "Turkey already hosts six Patriot batteries sent by ..."
    if context.stage == "deployment":
        return "supplier"
    # "signed a letter of offer and acceptance": the buyer signs the seller's offer.
    window = _LETTER_OF_OFFER.sub(" ", sentence[subject_end : context.trigger_start + 30])
    recipient_verb = rules.recipient_verbs.search(window)
    supplier_verb = rules.supplier_verbs.search(window)
    progressive = supplier_verb is not None and supplier_verb.group().endswith("ing")
    if supplier_verb and not progressive and _PASSIVE.search(window[: supplier_verb.start()]):
        if _SPEECH.search(window, 0, supplier_verb.start()):
            return _reported_handover(sentence, context.trigger_start)
        return "recipient"  # "was supplied", not "was supplying"
    if recipient_verb and (not supplier_verb or recipient_verb.start() <= supplier_verb.start()):
        return "recipient"
    return "supplier" if supplier_verb else "unknown"


_HOSTS = re.compile(
    r"\s+(?:(?:already|now|still|also)\s+)?(?:hosts|hosted|is\s+hosting|ha(?:s|ve|d)\s+hosted)\b"
)


# "Slovakia said that the first four of its MiG-29s had been handed over to Ukraine":
# the speaker of a passive handover is its sender when the receiver follows "to".
_SPEECH = re.compile(r"\b(?:said|says|announced|confirmed|reported|stated)\b")
_TO_NAME = re.compile(r"[\w ]{0,30}?\bto\s+(?:the\s+)?(?-i:[A-Z])")


def _reported_handover(sentence: str, trigger_start: int) -> str:
    """The speaker's side in a handover it reports in the passive."""
    return "supplier" if _TO_NAME.match(sentence, trigger_start) else "unknown"


_LETTER_OF_OFFER = re.compile(r"\bletters?\s+of\s+offer(?:\s+and\s+acceptance)?", re.IGNORECASE)


# A state named by its armed force: "the Bundeswehr", "the United States Army".
ARMED_FORCE = re.compile(
    r"\b(?:Army|Navy|Air Force|Armed Forces|Bundeswehr|Marines?|Marine Corps|Aerospace Forces"
    r"|Luftwaffe|Forces)\b"
)
# The same, with the abbreviations an aircraft's force goes by ("RAAF EA-18Gs").
_ARMED_FORCE_NAME = re.compile(
    ARMED_FORCE.pattern + r"|\bR[A-Z]?AF\b|\bRN\b|\bUSAF\b|\bIAF\b|\bPLA\w*\b|\bJASDF\b|\bROKAF\b"
)


def _by_system_modifiers(parties: list[Party], context: RoleContext, found: _Candidates) -> None:
    """ "Turkish F-16s" name the state that sends them; "Ukraine's Abrams" the owner.

    Only the nearest such word counts: in "British Challenger 2 tanks, American
    Stryker and Cougar vehicles" the Stryker is American.
    """
    near = [
        party
        for party in parties
        if _near_before(party, context.system)
        and not _names_a_buyer(context.sentence, party)
        and not _another_nouns_word(context.sentence, party, context.system)
    ]
    for party in sorted(near, key=lambda p: p.mention.end)[-1:]:
        force = party.mention.role_hint == "metonym" and _ARMED_FORCE_NAME.search(
            party.mention.text
        )
        if context.stage == "deployment" and force:
            # "Four RAAF EA-18G Growlers have been flying from Nellis": the force's own.
            found.supplier.insert(0, (party.code, "force-on-system"))
        elif _is_adjectival(context.sentence, party) and context.stage == "deployment":
            # "British troops moved into Basra": forces belong to the state they serve.
            found.supplier.insert(0, (party.code, "demonym-on-forces"))
        elif _is_adjectival(context.sentence, party):
            found.supplier.append((party.code, "demonym-on-system"))
        elif _is_possessive(context.sentence, party):
            if context.stage == "deployment":
                found.supplier.append((party.code, "owner-deploys"))
            elif party.code == context.origin:
                # "Britain's Challenger 2s arrived": the maker's own tanks, sent.
                found.supplier.append((party.code, "maker-owner"))
            elif _sent_elsewhere(parties, party, context):
                # "Slovakia's MiG-29s were handed over to Ukraine": second-hand.
                found.supplier.append((party.code, "owner-hands-over"))
            else:
                found.recipient.append((party.code, "possessive-owner"))


# "Slovakia's MiG-29s", "Poland's remaining old T-72 tanks": an owner and its systems.
_OWNED = re.compile(r"['’]s?\s+(?:(?:[\w-]+)\s+){0,3}", re.IGNORECASE)
_VERB_IN_GAP = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would)\b", re.IGNORECASE)


def _owns(sentence: str, party: Party, system: Mention) -> bool:
    """Whether the party is a possessive right before the system."""
    gap = sentence[party.mention.end : system.start]
    return _OWNED.fullmatch(gap) is not None and _VERB_IN_GAP.search(gap) is None


def _another_nouns_word(sentence: str, party: Party, system: Mention) -> bool:
    """ "The German battery will join a Patriot battery": a verb of its own lies between
    the word and the system ("French soldiers, who have brought Leclerc tanks" is one)."""
    gap = sentence[party.mention.end : system.start]
    if _NOUN_WITH_OBJECT.match(gap):
        return True  # "a Saudi request for 40 more F-15s": the word is the request's
    relative = RELATIVE_WORD.search(gap) is not None
    # "from German shipyards, 30 A109s": the word is the shipyards'.
    return not relative and (_NOUN_THEN_BREAK.match(gap) or _VERB_IN_GAP.search(gap)) is not None


_NOUN_WITH_OBJECT = re.compile(r"\s+[a-z]+\s+(?:for|against|on|over)\b")
_NOUN_THEN_BREAK = re.compile(r"\s+[a-z]+\s*[,;]")


def _sent_elsewhere(parties: list[Party], owner: Party, context: RoleContext) -> bool:
    """Whether the sentence sends the owner's system "to" another state after the verb."""
    return context.stage in {"delivery", "agreement"} and any(
        p.code != owner.code
        and p.mention.start > context.trigger_start
        and marker_before(context.sentence, p.mention) == "to"
        for p in parties
    )


_LIST_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+as well as\s+)(?:the\s+)?")


_PREPOSITIONS = frozenset({"on", "in", "of", "for", "to", "from", "with", "by", "at", "against"})


def listed_before(
    parties: list[Party], sentence: str, supplier: str, trigger_start: int
) -> list[str]:
    """The states listed before a subject that supplies: in "The Netherlands and
    Denmark pledged F-16s", both pledge."""
    # "the arms embargo on Libya, Turkey supplied": an object of a preposition is no subject.
    ordered = sorted(
        (
            p
            for p in parties
            if p.mention.end <= trigger_start
            and marker_before(sentence, p.mention) not in _PREPOSITIONS
        ),
        key=lambda p: p.mention.start,
    )
    last = next((i for i in range(len(ordered) - 1, -1, -1) if ordered[i].code == supplier), None)
    if last is None:
        return []
    return _chain(sentence, ordered[last], reversed(ordered[:last]))


def listed_after(
    parties: list[Party], sentence: str, recipient: str, markers: frozenset[str]
) -> list[str]:
    """The states listed after a marked party: "to Saudi Arabia, Egypt and the UAE"
    sends to all three, "from Pakistan and China" comes from both."""
    ordered = sorted(parties, key=lambda p: p.mention.start)
    first = next(
        (
            index
            for index, party in enumerate(ordered)
            if party.code == recipient and marker_before(sentence, party.mention) in markers
        ),
        None,
    )
    if first is None:
        return []
    return _chain(sentence, ordered[first], ordered[first + 1 :])


# "to Ukraine and Germany will supply Marders": the last name is the next clause's subject.
_OPENS_CLAUSE = re.compile(
    r"\s+(?:will|would|also|said|says|could|can|may|might|has|have|had|is|are|was|were"
    r"|must|should|plans|pledged|promised|agreed|signed|sent|supplied|delivered|ordered"
    r"|bought|announced)\b"
)


def _chain(sentence: str, anchor: Party, onward: Iterable[Party]) -> list[str]:
    """The states joined to `anchor` by commas or "and", walking away from it."""
    listed: list[str] = []
    previous = anchor
    for party in onward:
        left, right = sorted((previous, party), key=lambda p: p.mention.start)
        gap_ok = _LIST_GAP.fullmatch(sentence, left.mention.end, right.mention.start)
        # "to Russia, South Korea's spy agency said": a possessive opens a new clause.
        if not gap_ok or party.is_company or party.is_demonym or _is_possessive(sentence, party):
            break
        if party is right and _OPENS_CLAUSE.match(sentence, party.mention.end):
            break
        listed.append(party.code)
        previous = party
    return listed
