"""Systems a sentence names without transferring them.

A sentence about a transfer often names other systems too: the aircraft that
carries the cargo, the platform a part is bought for, the ammunition's launcher,
another name of the same system, a system someone repairs or builds. Each is
recognised by the words around it, so that only the system handed over, sold or
deployed gets an event.
"""

from __future__ import annotations

import re

from armswatch.models import Mention

# "arrived in Bamako on board a Russian An-124": the aircraft that carries the
# transfer is not part of it.
# "landed, escorted by the air force's remaining MiG-21s": the escort too.
_CARRIER = re.compile(
    r"\b(?:aboard|on board(?: of)?|onboard|escorted by|accompanied by"
    # "refuelled in the air by a UAE Air Force A330 MRTT": a tanker on the way.
    r"|refuell?ed\s+(?:in\s+(?:the\s+air|flight)\s+|en\s+route\s+)?by"
    # "Pallets were unloaded from the rear ramp of a US Air Force C-17".
    r"|unloaded from(?:\s+the\s+(?:[\w-]+\s+){0,2}of)?)\s+(?:[\w'’-]+\s+){0,4}\Z",
    re.IGNORECASE,
)
# "two A400M transports landed with the first T129s": a transport named with
# other systems carries them.
_TRANSPORT_AFTER = re.compile(
    r"\s+(?:military\s+)?(?:transports?(?!\s+helicopters?)|cargo"
    r"|transport (?:aircraft|planes?|jets?)|airlifters?)\b",
    re.IGNORECASE,
)
# "ordered 10 C-17 transport aircraft": the transports are what is bought, no carrier.
_TRADED_BEFORE = re.compile(
    r"\b(?:ordered|bought|purchased|acquired|received|delivered|signed\s+for)\s+"
    r"(?:[\w-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
# "the SAMP/T, known in France as Mamba": another name of a system already named.
_ALIAS = re.compile(
    r"\b(?:known|referred to)\s+(?:[\w-]+\s+){0,3}?as\s+(?:the\s+)?\Z"
    r"|\b(?:also called|dubbed|nicknamed|renamed)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
# "modifying F-4EJ Phantoms", "Raytheon, which builds the Hawk": a system serviced or
# made, not transferred.
_WORKED_ON = re.compile(
    r"\b(?:modify(?:ing)?|upgrad(?:e|ing)|moderni[sz](?:e|ing)|refurbish(?:ing)?|overhaul(?:ing)?"
    r"|repair(?:ing)?|maintain(?:ing)?|(?:which|that|who)\s+(?:builds|makes|produces"
    r"|manufactures|designed|developed|built|made))\s+(?:the\s+|its\s+|their\s+)?\Z",
    re.IGNORECASE,
)
# "F404 engines for its Tejas fighters": the platform a part is bought for.
_PLATFORM_BEFORE = re.compile(r"\b(?:for|on|into)\s+(?:its|their|the)\s+\Z", re.IGNORECASE)
# "ammunition for Patriot and NASAMS systems": what is sent is the ammunition.
_SUPPLIES_FOR = re.compile(
    r"\b(?:ammunition|munitions|rounds|shells|spare parts|parts|interceptors|missiles|training"
    r"|maintenance|support)\s+for\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+and\s+)?\Z",
    re.IGNORECASE,
)
# "MX-15D sensors fitted to Turkey's Bayraktar TB2 drones": the platform carrying a part.
_FITTED_TO = re.compile(
    r"\b(?:fitted|mounted|installed|used|carried)\s+(?:to|on|in|aboard)\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w.]+['’]s\s+)?(?:[\w-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
# "the radar-jamming system on the U.S. Air Force's F-15": a part and its platform.
_PART_ON = re.compile(
    r"\b(?:system|systems|engines?|radars?|avionics|upgrades?|parts|components)\s+(?:for|on|of)"
    r"\s+(?:the\s+|its\s+|their\s+)?(?:[\w.]+\s+){0,3}?[\w.]+['’]s\s+\Z",
    re.IGNORECASE,
)
# "a Hawk flight simulator", "a Patriot mock-up": a stand-in, not the system.
_STAND_IN_AFTER = re.compile(
    r"\s+(?:(?:flight|training|full[- ]mission|cockpit)\s+)?"
    r"(?:simulators?|mock-?ups?|replicas?|scale models?|dummies)\b",
    re.IGNORECASE,
)
# "an AESA radar and AIM-120 compatibility": a capability of what is sold.
_CAPABILITY_AFTER = re.compile(
    # "missiles capable of hitting tankers" are the systems themselves; "AIM-120-capable" not.
    r"\s+(?:compatibility|integration|capability|certification|clearance)\b|-capable\b",
    re.IGNORECASE,
)
# "fired at Scuds aimed at Dhahran", "a Typhon fired an SM-6 at a target": what is fired
# or fired at is not what is sent.
_FIRED = re.compile(
    r"\b(?:fired|firing|fires|shot down|intercepted|intercepting)\s+(?:at\s+)?"
    r"(?:an?\s+|the\s+|two\s+|three\s+|several\s+|incoming\s+)?\Z",
    re.IGNORECASE,
)
# "since retiring its last Mirage III fighters", "replacing their ageing MiG-21s": what
# leaves a fleet is not what is bought.
_LEAVING = re.compile(
    r"\b(?:retir(?:e|es|ed|ing)|decommission(?:s|ed|ing)?|replac(?:e|es|ed|ing))\s+"
    r"(?:its|their|the\s+country's|the\s+air\s+force's|the\s+navy's|the\s+army's)\s+"
    r"(?:(?:last|ageing|aging|old|older|remaining|obsolete|Soviet-era|Soviet-made)\s+)*\Z",
    re.IGNORECASE,
)
# "a Typhon launcher, able to fire SM-6 and Tomahawk missiles": what a system can
# fire or carry is its capability, not part of the transfer.
_CAN_FIRE = re.compile(
    r"\b(?:able\s+to|capable\s+of|can|could)\s+(?:fire|firing|launch|launching|carry|carrying)"
    r"\s+(?:the\s+)?(?:[\w-]+\s+(?:and|or)\s+)?\Z",
    re.IGNORECASE,
)
_BEFORE_PATTERNS = (
    _CARRIER,
    _FIRED,
    _WORKED_ON,
    _SUPPLIES_FOR,
    _PART_ON,
    _FITTED_TO,
    _LEAVING,
    _CAN_FIRE,
)
# "a C-17 transport carrying the equipment", "an An-124 transport aircraft being
# unloaded": the carrier, even alone.
_CARRYING_AFTER = re.compile(
    r"\s+(?:(?:[\w-]+\s+){0,2}?(?:transports?|aircraft|planes?|jets?|ships?|vessels?)\s+)?"
    r"(?:carrying|being\s+unloaded)\b",
    re.IGNORECASE,
)
# "two C-17 transport aircraft landed at Clark Air Base carrying the missiles", "an
# An-124 cargo aircraft was seen unloading": a transport that carries, further on.
_TRANSPORT_CARRYING = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:(?:transport|cargo)\s+(?:aircraft|planes?|jets?)|airlifters?)\b"
    r"[^;.]{0,80}?\b(?:carrying|unload(?:ing|ed)|loaded\s+with|ferrying|bringing)\b",
    re.IGNORECASE,
)
# "since the Mirage fleet was retired in 2015": a system leaving service, not traded.
_RETIRED_AFTER = re.compile(
    r"\s+(?:fleet\s+|force\s+|jets\s+|aircraft\s+)?(?:was|were|had been|has been|have been)\s+"
    r"(?:retired|decommissioned|grounded|mothballed)\b",
    re.IGNORECASE,
)
# "received its last two Su-30MK2s, completing a squadron of 16 Flankers": the fleet
# the delivery completes, counted whole.
_FLEET_TOTAL = re.compile(
    r"\b(?:completing|bringing|taking|raising)\s+(?:(?:the|its|their|a)\s+)?(?:[\w-]+\s+)?"
    r"(?:total|fleet|squadron|inventory|number|force)\s+(?:of|to)\s+(?:[\w-]+\s+){0,2}\Z",
    re.IGNORECASE,
)
# Patterns that need another system named before: "the Swedish aircraft, then known as
# the Gripen NG" names the Gripen for the first time.
_AFTER_ANOTHER_PATTERNS = (_ALIAS, _PLATFORM_BEFORE, _FLEET_TOTAL)


def is_bystander(sentence: str, system: Mention, named: tuple[Mention, ...]) -> bool:
    """Whether the sentence names this system without transferring it."""
    if any(pattern.search(sentence, 0, system.start) for pattern in _BEFORE_PATTERNS):
        return True
    after = (
        _STAND_IN_AFTER,
        _CARRYING_AFTER,
        _TRANSPORT_CARRYING,
        _RETIRED_AFTER,
        _CAPABILITY_AFTER,
    )
    if any(pattern.match(sentence, system.end) for pattern in after):
        return True
    others = [m for m in named if m.key != system.key]
    if any(m.end <= system.start for m in others) and any(
        pattern.search(sentence, 0, system.start) for pattern in _AFTER_ANOTHER_PATTERNS
    ):
        return True
    traded = _TRADED_BEFORE.search(sentence, 0, system.start) is not None
    return bool(others) and not traded and _TRANSPORT_AFTER.match(sentence, system.end) is not None


def names_the_carrier(sentence: str, start: int) -> bool:
    """Whether the name at `start` carries the transfer ("flown in aboard a Russian
    Antonov cargo plane"): its maker supplies nothing."""
    return _CARRIER.search(sentence, 0, start) is not None
