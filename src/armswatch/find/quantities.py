"""Counts of units in one sentence.

Transfer events need how many systems changed hands, and reports count them in many
ways ("36 Rafale jets", "a division of S-400", "two dozen"). Numbers that are dates,
money, measurements, calibres, percentages, ordinals or designations ("Leopard 2",
"Block 52") are kept out because read as counts they would be wrong.

Speed: as in `armswatch.find.dates`, every pattern begins with a literal or a digit so
that the regex engine can skip ahead, and qualifiers ("about", "at least") are looked
up backwards from a number rather than being optional pattern prefixes.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass

from armswatch.find.dates import find_dates


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """One count (or amount of money, with `money` set and no `value`)."""

    start: int
    end: int
    text: str
    value: int | None
    unit: str | None
    money: bool


def _word_start(words: str) -> str:
    """The words, as written or capitalised, at a word start, grouped by first letter.

    A case-insensitive pattern, or one opening with a lookbehind or `\\b`, cannot
    skip ahead on its first character and is several times slower; grouping lets
    a mid-word letter fail once instead of once per word.
    """
    rests: dict[str, list[str]] = {}
    for word in words.split("|"):
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"{letter}(?<!\\w{letter})(?:{'|'.join(endings)})"
        for first, endings in rests.items()
        for letter in (first, first.upper())
    )


_UNIT_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    "|sixteen|seventeen|eighteen|nineteen"
)
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL_NUMBERS = {word: number for number, word in enumerate(_UNIT_WORDS.split("|"), 1)} | {
    word: number * 10 for number, word in enumerate(_TENS_WORDS.split("|"), 2)
}
# Multipliers of the number so far ("two hundred", "two dozen").
_FACTORS = {"hundred": 100, "dozen": 12}
# Multipliers that close a group ("two hundred thousand").
# "lakh", India's hundred thousand: "6 lakh rifles".
_SCALES = {"thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "billion": 1_000_000_000}
_FORMATION_NOUNS = "division|battery|regiment|squadron|battalion|brigade|system|unit|launcher"
# Formations in either number: a count of these includes the noun in its text.
FORMATION_WORDS = frozenset(
    form
    for noun in _FORMATION_NOUNS.split("|")
    for form in (noun, noun[:-1] + "ies" if noun.endswith("y") else noun + "s")
)
# A number followed by one of these measures something rather than counting units.
_MEASURE = re.compile(
    r"km|kms|kilometres?|kilometers?|miles?|nautical|m|metres?|meters?|cm|mm|inch|inches|feet"
    r"|foot|ft|yards|kgs?|kilograms?|kilos|g|grams|tonnes?|tons?|lbs?|pounds?|litres|liters"
    r"|gallons|barrels|knots|mph|kph|km/h|kmh|hp|horsepower|kw|mw|gw|megawatts|kilowatts"
    r"|degrees|calibre|caliber|per|percent|pc|points|years?|months?|weeks?|days?|hours?|hrs"
    r"|minutes?|mins|seconds|decades?|centuries|century|times|a\.m|p\.m|am|pm|gmt|utc"
    r"|dollars?|euros?|rupees?|roubles|rubles|yuan|yen|mln|bln|dlrs?|stg"
)
# Words that end the search for the counted noun; also barred inside "a ... battery".
_STOP = (
    "the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|as|that|which|who|whom|whose|its"
    "|their|his|her|our|this|these|those|is|are|was|were|be|been|being|has|have|had|will|would"
    "|could|should|can|may|might|must|than|each|other|another|such|it|they|them|he|she|we|not"
    "|no|also|into|over|under|after|before|about|around|between|during|including|worth|valued"
    "|plus|while|when|if|said|says|say|up|out|off|all|both|some|any|next|last|ago|per"
    # "the first 30,000 arrived in June": a verb after the count, no noun.
    "|arrived|arrive|arrives|landed|reached|entered|joined|followed|came|flew"
)
_STOP_WORDS = frozenset(_STOP.split("|"))
# Nouns that are plural without a final "s".
_INVARIANT_PLURALS = frozenset(("aircraft", "personnel", "people", "men", "women", "infantry"))
# Modifiers never taken as the counted noun when no plural follows ("36 more").
_MODIFIER = re.compile(r"more|new|additional|further|extra|other|used|modern")
# Words whose following number names something ("No. 2", "Block 52", "Resolution 2231").
_DESIGNATION = re.compile(
    r"no|nos|number|type|project|block|model|resolution|article|chapter|section|unit|flight"
    r"|batch|tranche|phase|lot|series|mk|mark|version|page"
)
_CALENDAR = re.compile(
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday"
)
# The counted noun may sit a few words after the number ("Ten K2 tanks").
_LOOKAHEAD_TOKENS = 3
# How far back a qualifier or designation is looked for; longer than any of them.
_LOOKBACK = 24
# find_dates needs a publication date to find "24 October"; only the spans are used.
_ANY_DAY = dt.date(2000, 1, 1)

# Qualifiers of a count ("about 20"); they are part of its text.
_QUALIFIERS = (
    "about|around|some|at least|up to|more than|over|nearly|almost|roughly|approximately"
    "|fewer than|less than|as many as|an estimated|close to|just over|just under|under"
)
# Their last words: only after one of these is a qualifier looked for.
_QUALIFIER_ENDS = frozenset(qualifier.split()[-1] for qualifier in _QUALIFIERS.split("|"))
_GAP = r"\s+"
# Words whose presence lets the word-number and formation patterns run at all.
_SEPARATORS = str.maketrans(dict.fromkeys(string.punctuation + "\u2013\u2014\u2019", " "))
_NUMBER_TRIGGERS = frozenset(
    f"{_UNIT_WORDS}|{_TENS_WORDS}|hundred|thousand|lakh|million|dozen|dozens|hundreds|thousands"
    "|pair|couple".split("|")
) - {"one"}
_FORMATION_TRIGGERS = frozenset(_FORMATION_NOUNS.split("|"))
_NUMBER_WORD = rf"(?:{_UNIT_WORDS}|{_TENS_WORDS}|hundred|thousand|lakh|million|dozen)"
_FIRST_NUMBER_WORDS = (
    f"half a dozen|a dozen|a hundred|a thousand|a lakh|a million|half a million"
    f"|{_UNIT_WORDS}|{_TENS_WORDS}|hundred|thousand|million|dozen"
)
_AMOUNT = r"\d(?<![\w.,]\d)[\d,]*(?:\.\d+)?"
_MONEY_SCALE = (
    r"(?:[\s-]?(?:million|billion|trillion|thousand|crore|lakh|bn|mn|tn|mln|bln|m|b|k)\b)"
)
_CURRENCY_SIGNS = (
    "US$ A$ AU$ C$ CA$ NZ$ S$ HK$ NT$ $ € £ ¥ ₹ USD EUR GBP INR RMB CNY JPY KRW AUD CAD CHF"
    " Rs. Rs Rp"
)
_CURRENCY_WORD = (
    r"(?:(?:US|U\.S\.|American|Australian|Canadian|Singapore|Hong\s+Kong|New\s+Zealand"
    r"|Taiwan)\s+)?(?:dollars?|euros?|rupees?|roubles?|rubles?|yuan|yen|renminbi|dinars?"
    r"|riyals?|dirhams?|shekels?|liras?|kronor|kroner|krona|krone|zlotys?|francs?|pesos?"
    r"|baht|ringgit|rupiah|USD|EUR|GBP|INR|RMB|CNY|JPY|KRW|AUD|CAD|CHF|SEK|NOK|PLN)\b"
)
# Currency words that are also ordinary words need a scale ("5 billion won", "500 pounds").
# Wire-service abbreviations too: "16 mln dlr", "150 mln stg", "650 mln crowns".
_AMBIGUOUS_CURRENCY = r"(?:pounds(?:\s+sterling)?|won|rand|dlrs?|stg|crowns|marks|lire)\b"

_DIGIT_COUNT = re.compile(
    # Indian grouping too: "6,01,427 rifles"; and spaces: "100 000 rifles" (a plain
    # space only before "000", as "18 155 mm guns" are 18 guns).
    r"(?P<digits>\d(?<![\w$€£¥₹.,/-]\d)(?:\d{0,2}(?:,\d{3})+|\d?(?:,\d\d)+,\d{3}"
    r"|\d{0,2}(?:[\u00a0\u202f]\d{3}|\x20000)+|\d*))"
    r"(?P<decimals>\.\d+)?"
    # "a 1,000-strong force": the force's head count ("the convoy was 40-strong" is none).
    r"(?:[-\u2013]strong(?=\s+[a-z])|(?![\w%]|\s+%|[.,:/]\d|[-\u2013]))"
    r"(?:\s+(?P<scale>thousand|million|billion|lakh)\b)?"
)
_WORD_COUNT = re.compile(
    rf"(?:{_word_start(_FIRST_NUMBER_WORDS)})"
    rf"(?:(?:-|\s+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+){_NUMBER_WORD})*\b(?!-)"
)
_PAIR = re.compile(rf"(?:{_word_start('a pair|a couple')})(?=\s+of\b)")
_VAGUE = re.compile(
    rf"(?:{_word_start('tens of thousands|hundreds of thousands|dozens|hundreds|thousands')})\b"
)
_FORMATION = re.compile(
    rf"(?:{_word_start('a|an|one')})\s+(?:(?!(?i:{_STOP})\b|fire\s+unit\b)[A-Za-z0-9][\w./-]*\s+)"
    rf"{{0,4}}(?P<noun>fire\s+unit|{_FORMATION_NOUNS})\b"
)
_MONEY_BEFORE = re.compile(
    rf"(?:{'|'.join(map(re.escape, _CURRENCY_SIGNS.split()))})\s?{_AMOUNT}{_MONEY_SCALE}*"
)
_MONEY_AFTER = re.compile(
    rf"{_AMOUNT}(?:{_MONEY_SCALE}*\s+{_CURRENCY_WORD}|{_MONEY_SCALE}+\s+{_AMBIGUOUS_CURRENCY})"
)
_DIGIT = re.compile(r"\d")
_OF = re.compile(r"\s+of\s+")
_TOKEN = re.compile(r"\s+([A-Za-z0-9][\w./-]*)")
_WORD_GAP = re.compile(r"[\s-]+")
_QUALIFIER_BEFORE = re.compile(rf"\b(?:{_QUALIFIERS.replace(' ', _GAP)})\s+\Z", re.IGNORECASE)


def find_quantities(sentence: str) -> list[QuantityMention]:
    """Counts and amounts of money in position order; overlaps go to the longest."""
    words = set(sentence.lower().translate(_SEPARATORS).split())
    found = [] if words.isdisjoint(_NUMBER_TRIGGERS) else _word_counts(sentence)
    if _DIGIT.search(sentence):
        found += _digit_counts(sentence)
        found += [
            QuantityMention(match.start(), match.end(), match[0], None, None, money=True)
            for pattern in (_MONEY_BEFORE, _MONEY_AFTER)
            for match in pattern.finditer(sentence)
        ]
    if not words.isdisjoint(_FORMATION_TRIGGERS):
        found += _formations(sentence, found)
    return _longest_first(found)


def count_at(sentence: str, start: int) -> QuantityMention | None:
    """The count (not money) that begins at `start`, if one does."""
    return next((q for q in find_quantities(sentence) if q.start == start and not q.money), None)


def _longest_first(found: list[QuantityMention]) -> list[QuantityMention]:
    chosen: list[QuantityMention] = []
    for mention in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _previous_word(sentence: str, start: int) -> str:
    """The word right before `start` without a final dot; "" after other punctuation."""
    words = sentence[max(0, start - _LOOKBACK) : start].split()
    word = words[-1].removesuffix(".") if words and sentence[start - 1].isspace() else ""
    return word if word[:1].isalpha() and word.replace("-", "").isalnum() else ""


def _qualified_start(sentence: str, start: int) -> int:
    """The start moved back over "about"/"at least"/..., which belong to the count."""
    if _previous_word(sentence, start).lower() not in _QUALIFIER_ENDS:
        return start
    window = max(0, start - _LOOKBACK)
    qualifier = _QUALIFIER_BEFORE.search(sentence, window, start)
    if qualifier is None or _PARTICLE_OVER.search(sentence, window, start):
        return start
    return qualifier.start()


# "handed over 128 tanks": the verb's particle, not "more than".
_PARTICLE_OVER = re.compile(
    r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|pass|passes|passed|passing)"
    r"\s+over\s+\Z",
    re.IGNORECASE,
)


# "15:45 Zelensky thanked ...": a clock time in a live blog counts nothing.
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b")


def _in_clock_time(sentence: str, position: int) -> bool:
    """Whether the number at `position` is the hour or the minutes of a clock time."""
    return any(
        clock.start() <= position < clock.end()
        for clock in _CLOCK.finditer(sentence, max(0, position - 3), position + 5)
    )


def _digit_counts(sentence: str) -> list[QuantityMention]:
    """Numbers in digits with their counted noun, minus designations and dates."""
    counts: list[QuantityMention] = []
    for match in _DIGIT_COUNT.finditer(sentence):
        start = _qualified_start(sentence, match.start())
        if (
            (match["decimals"] and not match["scale"])
            or (start == match.start() and _is_designation(sentence, start))
            or _in_clock_time(sentence, match.start())
        ):
            continue
        digits = re.sub(r"[,\s]", "", match["digits"])
        number = float(digits + (match["decimals"] or ""))
        value = round(number * _SCALES.get(match["scale"] or "", 1))
        mention = _with_noun(sentence, start, match.end(), value)
        if mention is not None:
            counts.append(mention)
    dates = [(date.start, date.end) for date in find_dates(sentence, _ANY_DAY)] if counts else []
    return [
        count
        for count in counts
        if all(count.end <= start or count.start >= end for start, end in dates)
    ]


# "several hundred fighters", "a few thousand troops": no number, as "hundreds" is not.
_VAGUE_MULTIPLE = re.compile(r"\b(?:several|a\s+few|few|many)\s+\Z", re.IGNORECASE)


def _word_counts(sentence: str) -> list[QuantityMention]:
    """Numbers in words; "one" alone is no count (it is "one of", "no one")."""
    found: list[tuple[int, re.Match[str], int | None]] = []
    for match in _WORD_COUNT.finditer(sentence):
        vague = _VAGUE_MULTIPLE.search(sentence, max(0, match.start() - 12), match.start())
        if vague is not None:
            found.append((vague.start(), match, None))
        elif match[0].lower() != "one":
            start = _qualified_start(sentence, match.start())
            found.append((start, match, _words_value(match[0])))
    found += [(_qualified_start(sentence, m.start()), m, 2) for m in _PAIR.finditer(sentence)]
    found += [(_qualified_start(sentence, m.start()), m, None) for m in _VAGUE.finditer(sentence)]
    return [
        mention
        for start, match, value in found
        if (mention := _with_noun(sentence, start, match.end(), value)) is not None
    ]


def _is_designation(sentence: str, start: int) -> bool:
    """A number right after a designation word or a capitalised name ("Leopard 2").

    Function words and calendar names are exempt ("The 36 jets", "In October 36
    jets"); title-case headlines ("India Orders 36 Jets") lose their counts, an
    accepted cost.
    """
    word = _previous_word(sentence, start)
    lowered = word.lower()
    if _RECIPIENT_BEFORE.search(sentence, max(0, start - 60), start):
        return False
    return bool(_DESIGNATION.fullmatch(lowered)) or (
        word[:1].isupper() and lowered not in _STOP_WORDS and not _CALENDAR.fullmatch(lowered)
    )


# "will send Ukraine 40 launchers": the name before the count is who gets them
# (a capitalised word, not an acronym: "supply JAS 39 Gripens" names a type).
_RECIPIENT_BEFORE = re.compile(
    r"\b(?:send|sent|sends|sending|give|gave|gives|giving|supply|supplied|supplies|provide"
    r"|provided|provides|offer|offered|offers|sell|sold|sells|promise|promised|pledge|pledged)"
    r"\s+(?:the\s+)?[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?\s+\Z"
)


def _words_value(text: str) -> int:
    factor, total, current = 1.0, 0, 0
    for word in _WORD_GAP.split(text.lower()):
        if word == "half":
            factor = 0.5
        elif word == "a":
            current = 1
        elif word in _SMALL_NUMBERS:
            current += _SMALL_NUMBERS[word]
        elif word in _FACTORS:
            current = (current or 1) * _FACTORS[word]
        elif word in _SCALES:
            total, current = total + (current or 1) * _SCALES[word], 0
    return round((total + current) * factor)


def _with_noun(sentence: str, start: int, end: int, value: int | None) -> QuantityMention | None:
    """The count with its noun; None when the noun is a measure ("155 mm", "20 percent").

    The text takes in the noun only when it is a formation ("two batteries"), since
    then the noun is part of what the number means.
    """
    noun = _counted_noun(sentence, end)
    if noun is None:
        return None
    unit, unit_end = noun
    if unit in FORMATION_WORDS:
        end = unit_end
    return QuantityMention(start, end, sentence[start:end], value, unit, money=False)


def _counted_noun(sentence: str, position: int) -> tuple[str | None, int] | None:
    """The last plural among the next few words, else the first word that can head a noun.

    A leading "of" is skipped ("dozens of drones").
    """
    of = _OF.match(sentence, position)
    if of is not None:
        position = of.end() - 1
    words: list[tuple[str, int]] = []
    for _ in range(_LOOKAHEAD_TOKENS):
        token = _TOKEN.match(sentence, position)
        if token is None:
            break
        raw = token[1].rstrip(".")
        word = raw.lower()
        if not words and of is None and _MEASURE.fullmatch(word):
            return None
        if word in _STOP_WORDS:
            break
        position = token.start(1) + len(raw)
        words.append((word, position))
    plurals = [(word, end) for word, end in words if _is_plural(word)]
    if plurals:
        return plurals[-1]
    heads = [(word, end) for word, end in words[:1] if not _MODIFIER.fullmatch(word)]
    return heads[0] if heads else (None, position)


def _is_plural(word: str) -> bool:
    return word in _INVARIANT_PLURALS or (
        len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def _formations(sentence: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """ "a/an/one ... battery" counts 1, unless "of" and an explicit count follow."""
    counts = {count.start: count for count in found if not count.money}
    formations: list[QuantityMention] = []
    for match in _FORMATION.finditer(sentence):
        of = _OF.match(sentence, match.end())
        count = counts.get(of.end()) if of else None
        if count is None:
            noun = " ".join(match["noun"].split())
            formations.append(
                QuantityMention(match.start(), match.end(), match[0], 1, noun, money=False)
            )
        else:
            formations.append(
                QuantityMention(
                    match.start(),
                    count.end,
                    sentence[match.start() : count.end],
                    count.value,
                    count.unit,
                    money=False,
                )
            )
    return formations
