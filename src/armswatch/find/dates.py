"""Date expressions in one sentence, resolved against the article's publication date.

News dates events relative to the day of publication ("on Thursday", "last year",
"in July"), so each mention is resolved to an ISO value whose length is its
granularity: "YYYY", "YYYY-MM" or "YYYY-MM-DD". Weeks resolve to the month they fall
in, because a week is too coarse for a day and "YYYY-Www" would be a fourth format.

Speed: this runs on every sentence, so each rule runs only when the sentence holds
its trigger words (or a digit), and the busy patterns begin with a literal or a digit,
which lets the regex engine skip ahead; words that may precede a match ("early",
"last", "between") are looked up backwards from it instead of being optional
pattern prefixes, and lookbehinds sit after the first characters for the same reason.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression; `value` is the start year when the text is a span of years."""

    start: int
    end: int
    text: str
    value: str
    relative: bool
    is_span_start: bool = False

    @property
    def is_day(self) -> bool:
        """Whether it names one calendar day ("2019-10-24"), not a month or a year."""
        return len(self.value) == len("2019-10-24")


class _Value(NamedTuple):
    value: str
    # Earlier than the match when a preceding word ("early", "last") belongs to it.
    start: int
    relative: bool
    # Later than the match when a following phrase belongs to it ("May last year").
    end: int | None = None


class _Rule(NamedTuple):
    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], dt.date | None], _Value | None]
    needs_digit: bool
    # The rule runs only when the sentence has one of these words; None: no such need.
    words: frozenset[str] | None
    is_span: bool = False


FULL_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_SHORT_MONTH_NAMES = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_FULL_MONTHS = frozenset(FULL_MONTH_NAMES.split("|"))
_MONTH_NUMBERS = {
    name[:3].lower(): number for number, name in enumerate(FULL_MONTH_NAMES.split("|"), 1)
}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_COUNT_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_SMALL_NUMBERS = {"a": 1, "an": 1} | {
    word: number for number, word in enumerate(_COUNT_WORDS.split("|"), 1)
}
# (first month, last month); a winter belongs to the year it ends in.
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
}
# Fixed-date holidays news dates events by ("on Christmas Eve"): (month, day).
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
}
_RELATIVE_STEPS = {"last": -1, "this": 0, "next": 1}
_PERIOD_UNITS = "year|month|week|spring|summer|autumn|fall|winter"

_SEPARATORS = str.maketrans(dict.fromkeys(string.punctuation + "\u2013\u2014\u2019", " "))
_MONTH_TRIGGERS = frozenset(_FULL_MONTHS | set(_SHORT_MONTH_NAMES.split("|")))
_DAY_TRIGGERS = frozenset(
    form for word in ("today", "tonight", "yesterday", "tomorrow") for form in (word, word.title())
) | {"night", "morning", "afternoon", "evening"}
_PERIOD_TRIGGERS = frozenset(_PERIOD_UNITS.split("|"))

# "May" and "March" are also a verb and a name: alone they are months only after these.
_MONTH_CONTEXT = re.compile(
    r"in|on|since|until|till|by|from|to|through|during|before|after|of|between"
)
# A year-like number followed by one of these counts something ("2000 troops").
_COUNTED_AFTER = re.compile(
    r"[\s-]*(?:km|kms|kilometres|kilometers|miles|metres|meters|m|mm|cm|kg|kilograms|tonnes"
    r"|tons|lbs|pounds|feet|ft|knots|hp|percent|per|troops|soldiers|personnel|men|people"
    r"|strong|rounds|shells|missiles|rockets|bombs|tanks|vehicles|jets|aircraft|drones"
    r"|helicopters|guns|rifles|launchers|units|systems|kits|pieces|dollars|euros|rupees)\b",
    re.IGNORECASE,
)
# Words that introduce a year: they beat a following count noun ("in 1985 tanks ...").
_YEAR_PREPOSITION = re.compile(r"in|since|by|until|till|from|during|before|after|circa")
# Designations whose number only looks like a year ("Mirage 2000", "Vision 2030").
_DESIGNATION = re.compile(
    r"no|type|project|block|model|mirage|resolution|article|unit|flight|vision|batch|tranche"
    r"|phase|lot|series|mk|mark|version|route"
)

# A code word of two capitals right before the number names a type: "PzH 2000", "FH 2000".
_CODE_BEFORE = re.compile(r"\b[A-Za-z]*[A-Z][a-z]*[A-Z][A-Za-z]*\s+\Z")
# A capitalised word inside a sentence names an event: "the Slavic Shield 2019 exercise".
_NAME_BEFORE = re.compile(
    r"(?<=[a-z,]\s)(?!(?:In|Since|By|From|Until|During|Before|After|Of|Early|Mid|Late|Spring"
    r"|Summer|Autumn|Fall|Winter|FY)\b)[A-Z][a-z]+\s+\Z"
)

# Full names may not take a dot ("in July."); abbreviations may ("Dec. 24").
_MONTH = (
    rf"(?P<month>(?:{FULL_MONTH_NAMES}|{_SHORT_MONTH_NAMES})(?![A-Za-z])"
    r"(?:(?<=Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|ept|Oct|Nov|Dec)\.)?)"
)
_DAY = r"(?P<day>\d(?<![\w.,]\d)\d?)(?:st|nd|rd|th)?(?!\w|[.,]\d)"
_FULL_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\w)"
# 1950-2039; a year never follows these ("S2000", "$2019", "1,2019"), nor a hyphen
# unless qualified ("mid-2019" but not "F-2000"), which _bare_year decides.
_YEAR_HEAD = r"(?:19[5-9]|20[0-3])"
_YEAR_NUMBER = rf"{_YEAR_HEAD}\d"
_NOT_BEFORE_YEAR = r"\w$€£¥₹.,/:"
_YEAR = rf"{_YEAR_HEAD}(?<![{_NOT_BEFORE_YEAR}-]...)\d"
_YEAR_END = r"(?![\w%]|[.,:/]\d)"

_DIGIT = re.compile(r"\d")
_DAY_FIRST = re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_FULL_YEAR})?")
_MONTH_FIRST = re.compile(rf"{_MONTH}(?:\s+{_DAY})?(?:,?\s+{_FULL_YEAR})?")
_ISO = re.compile(
    r"(?P<year>(?:19|20)(?<![\w./-]..)\d\d)(?P<sep>[-/])(?P<month>0?[1-9]|1[0-2])(?P=sep)"
    r"(?P<day>3[01]|[12]\d|0?[1-9])(?![\w/-]|\.\d)"
)
_YEAR_SPAN = re.compile(
    rf"(?P<first>{_YEAR})(?:\s*[-\u2013\u2014]\s*(?P<last>{_YEAR_NUMBER}|\d\d)"
    rf"|\s+(?P<word>and|to|until|till|through)\s+(?P<last_word>{_YEAR_NUMBER})){_YEAR_END}"
)
_BARE_YEAR = re.compile(rf"(?P<year>{_YEAR_HEAD}(?<![{_NOT_BEFORE_YEAR}]...)\d){_YEAR_END}")
_WEEKDAY = re.compile(
    rf"(?P<weekday>{'|'.join(_WEEKDAYS)})(?![A-Za-z])"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
)
# These run only when their trigger words appear, so slower `\b` openings cost little.
_DAY_WORD = re.compile(
    r"\b(?P<word>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|[Ll]ast\s+night"
    r"|[Tt]his\s+(?:morning|afternoon|evening))\b"
)
_PERIOD = re.compile(rf"\b(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<unit>{_PERIOD_UNITS})\b")
_THE_SEASON = re.compile(
    r"\b[Ii]n the (?P<season>spring|summer|autumn|fall|winter)\b(?!\s+of\s+(?:19|20)\d\d)"
)
_HOLIDAY = re.compile(
    r"\b(?P<holiday>Christmas\s+(?:Eve|Day)|New\s+Year[\u2019']s\s+(?:Eve|Day))\b"
    rf"(?:,?\s+{_FULL_YEAR})?"
)
_AGO = re.compile(
    rf"\b(?P<count>\d{{1,2}}|(?i:an?|{_COUNT_WORDS}))"
    r"\s+(?P<unit>years?|decades?|months?|weeks?|days?)\s+ago\b"
)

# Words before a match that belong to it, found backwards from the match start.
_QUALIFIER_BEFORE = re.compile(r"\b(?:[Ee]arly|[Mm]id|[Ll]ate)(?:-|\s+)\Z")
_RELATION_BEFORE = re.compile(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+\Z")
_IN_BEFORE = re.compile(r"\b[Ii]n\s+\Z")
_SPAN_KEYWORD_BEFORE = re.compile(r"\b(?P<kw>[Bb]etween|[Ff]rom)\s+\Z")
_PERIOD_QUALIFIER_BEFORE = re.compile(r"\b(?:[Ee]arl(?:y|ier)|[Ll]ater?)\s+\Z")
_PREVIOUS_WORD = re.compile(r"([A-Za-z]+)\.?\s*\Z")
# A year named after a month ("in May last year", "in June of next year").
# "in August and September of last year": the first month, of the year named after both.
_YEAR_AFTER_MONTH = re.compile(
    rf"(?:\s+(?:and|or|to|through)\s+(?:{FULL_MONTH_NAMES}))?"
    r"\s+(?:of\s+)?(?P<rel>[Ll]ast|[Tt]his|[Nn]ext)\s+year\b"
)
# "in August and September 1985": a month whose year comes after the next month.
_PAIRED_MONTH_YEAR = re.compile(
    rf"\s*(?:and|or|to|through|until|-|\u2013)\s*(?P<month>{FULL_MONTH_NAMES})\s+"
    r"(?P<year>(?:19|20)\d\d)\b"
)
# "in May 2022 ..., and the first arrived in December that year": the year named before.
_SAME_YEAR_AFTER_MONTH = re.compile(r"\s+(?:of\s+)?(?:that|the same)\s+year\b")
_EARLIER_YEAR = re.compile(rf"{_FULL_YEAR}(?!.*(?:19|20)\d\d)")
# "signed in June 2015, and the first jets arrived the following month": a period
# counted from the date named before it in the sentence, not from publication.
_ANCHORED = re.compile(
    r"\b(?:[Tt]he\s+(?P<rel>following|next|previous|preceding)\s+(?P<unit>month|year)"
    rf"|(?P<count>\d{{1,2}}|an?|one|{_COUNT_WORDS})\s+(?P<units>years?|months?)"
    r"\s+(?P<direction>later|earlier|afterwards))\b"
)
_ANCHOR_STEPS = {"following": 1, "next": 1, "previous": -1, "preceding": -1}
_ANCHOR_WORDS = frozenset({"following", "next", "previous", "preceding", "later", "earlier"})
_THE_BEFORE = re.compile(r"\b[Tt]he\s+\Z")
# How far back those words are looked for; longer than any of them.
_LOOKBACK = 24


def find_dates(sentence: str, published: dt.date | None) -> list[DateMention]:
    """Date mentions in position order; overlapping candidates go to the longest.

    Without `published`, expressions that need it (relative ones and day-month
    without a year) are left out rather than guessed.
    """
    words = set(sentence.translate(_SEPARATORS).split())
    has_digit = _DIGIT.search(sentence) is not None
    found = [
        DateMention(
            value.start,
            value.end or match.end(),
            sentence[value.start : value.end or match.end()],
            value.value,
            value.relative,
            is_span_start=rule.is_span,
        )
        for rule in _RULES
        if (has_digit or not rule.needs_digit)
        and (rule.words is None or not rule.words.isdisjoint(words))
        for match in rule.pattern.finditer(sentence)
        if (value := rule.resolve(match, published)) is not None
    ]
    return _anchored(sentence, words, _longest_first(found))


def _anchored(sentence: str, words: set[str], found: list[DateMention]) -> list[DateMention]:
    """Adds the periods counted from an earlier date of the sentence ("a year later")."""
    if not found or _ANCHOR_WORDS.isdisjoint(words):
        return found
    for match in _ANCHORED.finditer(sentence):
        before = [m for m in found if m.end <= match.start()]
        value = _counted_from(before[-1].value, match) if before else None
        if value is not None and all(
            m.end <= match.start() or m.start >= match.end() for m in found
        ):
            found.append(DateMention(match.start(), match.end(), match[0], value, relative=True))
    return sorted(found, key=lambda m: m.start)


def _counted_from(anchor: str, match: re.Match[str]) -> str | None:
    """The anchor moved by the match's period, at the period's granularity."""
    if match["rel"]:
        step, unit = _ANCHOR_STEPS[match["rel"]], match["unit"]
    else:
        text = match["count"].lower()
        step = int(text) if text.isdigit() else _SMALL_NUMBERS[text]
        step *= -1 if match["direction"] == "earlier" else 1
        unit = match["units"].rstrip("s")
    if unit == "year":
        return str(int(anchor[:4]) + step)
    if len(anchor) < len("2019-10"):
        return None
    return _shift_months(dt.date(int(anchor[:4]), int(anchor[5:7]), 1), step)


def _longest_first(found: list[DateMention]) -> list[DateMention]:
    chosen: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= other.start or mention.start >= other.end for other in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)


def _before(pattern: re.Pattern[str], sentence: str, start: int) -> re.Match[str] | None:
    return pattern.search(sentence, max(0, start - _LOOKBACK), start)


def _qualified_start(sentence: str, start: int) -> int:
    """The start moved back over "early"/"mid-"/"late", which only narrow the date."""
    qualifier = _before(_QUALIFIER_BEFORE, sentence, start)
    return qualifier.start() if qualifier else start


def _previous_word(sentence: str, start: int) -> str:
    found = _before(_PREVIOUS_WORD, sentence, start)
    return found[1].lower() if found else ""


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    try:
        value = dt.date(year, month, day or 1).isoformat()
    except ValueError:
        return None
    return value if day else value[:7]


def month_number(name: str) -> int:
    """1 for "January" or "Jan", 12 for "December"."""
    return _MONTH_NUMBERS[name[:3].lower()]


def _month(match: re.Match[str]) -> int:
    return month_number(match["month"])


def _shift_months(start: dt.date, months: int) -> str:
    """The month `months` after the month of `start`, as "YYYY-MM"."""
    index = start.year * 12 + start.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _day_first(match: re.Match[str], published: dt.date | None) -> _Value | None:
    if match["year"] is None:
        return _day_and_month(match, published)
    value = _iso(int(match["year"]), _month(match), int(match["day"]))
    return _Value(value, match.start(), relative=False) if value else None


def _month_first(match: re.Match[str], published: dt.date | None) -> _Value | None:
    if match["year"] is None and match["day"] is None:
        return _month_alone(match, published)
    if match["year"] is None:
        return _day_and_month(match, published)
    day = int(match["day"]) if match["day"] else None
    value = _iso(int(match["year"]), _month(match), day)
    start = match.start() if day else _qualified_start(match.string, match.start())
    return _Value(value, start, relative=False) if value else None


def _day_and_month(match: re.Match[str], published: dt.date | None) -> _Value | None:
    """The most recent such day on or before publication (Feb 29 may go back years),
    or that day of the year named after it ("on 24 May this year")."""
    if published is None:
        return None
    month, day = _month(match), int(match["day"])
    year_after = _YEAR_AFTER_MONTH.match(match.string, match.end())
    if year_after:
        year = published.year + _RELATIVE_STEPS[year_after["rel"].lower()]
        value = _iso(year, month, day)
        return _Value(value, match.start(), relative=True, end=year_after.end()) if value else None
    for year in range(published.year, published.year - 8, -1):
        with suppress(ValueError):
            candidate = dt.date(year, month, day)
            if candidate <= published:
                return _Value(candidate.isoformat(), match.start(), relative=True)
    return None


def _year_offset(target: int, current: int, relation: str | None) -> int:
    """Years to add so that month `target` falls where `relation` puts it.

    No relation means the most recent occurrence on or before the current month,
    "last" strictly before it, "next" strictly after it, "this" the current year.
    """
    if relation == "this":
        return 0
    if relation == "next":
        return 0 if target > current else 1
    if relation == "last":
        return 0 if target < current else -1
    return 0 if target <= current else -1


def _month_alone(match: re.Match[str], published: dt.date | None) -> _Value | None:
    name, sentence = match["month"], match.string
    if published is None or name not in _FULL_MONTHS:
        return None
    start = _qualified_start(sentence, match.start())
    relation = _before(_RELATION_BEFORE, sentence, start)
    if relation:
        start = relation.start()
    if (
        name in {"May", "March"}
        and start == match.start()
        and not _MONTH_CONTEXT.fullmatch(_previous_word(sentence, start))
    ):
        return None
    month = _month(match)
    year_after = _YEAR_AFTER_MONTH.match(sentence, match.end())
    if year_after:
        year = published.year + _RELATIVE_STEPS[year_after["rel"].lower()]
        return _Value(f"{year:04d}-{month:02d}", start, relative=True, end=year_after.end())
    paired = _PAIRED_MONTH_YEAR.match(sentence, match.end())
    if paired:
        # "in August and September 1985": the year of the pair; "December to February
        # 1986" begins the year before.
        year = int(paired["year"]) - (month_number(paired["month"]) < month)
        return _Value(f"{year:04d}-{month:02d}", start, relative=False)
    same_year = _SAME_YEAR_AFTER_MONTH.match(sentence, match.end())
    earlier = _EARLIER_YEAR.search(sentence, 0, start) if same_year else None
    if same_year and earlier:
        return _Value(f"{earlier['year']}-{month:02d}", start, relative=True, end=same_year.end())
    offset = _year_offset(month, published.month, relation["rel"].lower() if relation else None)
    return _Value(f"{published.year + offset:04d}-{month:02d}", start, relative=True)


def _numeric_date(match: re.Match[str], _published: dt.date | None) -> _Value | None:
    value = _iso(int(match["year"]), int(match["month"]), int(match["day"]))
    return _Value(value, match.start(), relative=False) if value else None


def _year_span(match: re.Match[str], _published: dt.date | None) -> _Value | None:
    """The first year when both ends form a rising span that the leading word allows."""
    keyword = _before(_SPAN_KEYWORD_BEFORE, match.string, match.start())
    kind = keyword["kw"].lower() if keyword else ""
    first = int(match["first"])
    if match["word"] is None:
        last_text = match["last"]
        last = first // 100 * 100 + int(last_text) if len(last_text) == 2 else int(last_text)
        fits = kind != "between"
    else:
        last = int(match["last_word"])
        # "delivered in 1991 and 1992": the deliveries began in the first year.
        listed = match["word"] == "and" and _before(_IN_BEFORE, match.string, match.start())
        fits = (kind == "between") == (match["word"] == "and") or bool(listed)
    start = keyword.start() if keyword else match.start()
    return _Value(match["first"], start, relative=False) if fits and last > first else None


def _bare_year(match: re.Match[str], _published: dt.date | None) -> _Value | None:
    """The year unless the number is a designation or counts something.

    After a hyphen it is a year only with a qualifier ("mid-2019", not "F-2000").
    """
    sentence = match.string
    start = _qualified_start(sentence, match.start())
    previous = _previous_word(sentence, start)
    counts = _COUNTED_AFTER.match(sentence, match.end())
    code = _before(_CODE_BEFORE, sentence, start) or _before(_NAME_BEFORE, sentence, start)
    if (
        (sentence[match.start() - 1 : match.start()] == "-" and start == match.start())
        or _DESIGNATION.fullmatch(previous)
        or (code is not None and start == match.start())
        or (counts and not _YEAR_PREPOSITION.fullmatch(previous))
    ):
        return None
    return _Value(match["year"], start, relative=False)


def _weekday(match: re.Match[str], published: dt.date | None) -> _Value | None:
    """Plain and "this" weekdays are on or before publication; "last"/"next" skip it."""
    if published is None:
        return None
    relation = _before(_RELATION_BEFORE, match.string, match.start())
    kind = relation["rel"].lower() if relation else None
    target = _WEEKDAYS.index(match["weekday"])
    if kind == "next":
        days = (target - published.weekday()) % 7 or 7
    else:
        days = -((published.weekday() - target) % 7 or (7 if kind == "last" else 0))
    value = (published + dt.timedelta(days=days)).isoformat()
    return _Value(value, relation.start() if relation else match.start(), relative=True)


def _day_word(match: re.Match[str], published: dt.date | None) -> _Value | None:
    if published is None:
        return None
    days = _DAY_OFFSETS[" ".join(match["word"].lower().split())]
    return _Value((published + dt.timedelta(days=days)).isoformat(), match.start(), relative=True)


def _season(name: str, relation: str, published: dt.date) -> str:
    first, last = _SEASONS[name]
    wraps = int(first > last)
    year = published.year + int(bool(wraps) and published.month >= first)
    now = published.year * 12 + published.month
    if relation == "last" and year * 12 + last >= now:
        year -= 1
    elif relation == "next" and (year - wraps) * 12 + first <= now:
        year += 1
    return str(year)


def _period_value(relation: str, unit: str, published: dt.date) -> str:
    step = _RELATIVE_STEPS[relation]
    if unit == "year":
        return str(published.year + step)
    if unit == "month":
        return _shift_months(published, step)
    if unit == "week":
        return (published + dt.timedelta(weeks=step)).isoformat()[:7]
    return _season(unit, relation, published)


def _period(match: re.Match[str], published: dt.date | None) -> _Value | None:
    if published is None or (
        match["rel"].lower() == "next" and _before(_THE_BEFORE, match.string, match.start())
    ):
        return None  # "the next year" counts from a date named before it
    qualifier = _before(_PERIOD_QUALIFIER_BEFORE, match.string, match.start())
    value = _period_value(match["rel"].lower(), match["unit"], published)
    return _Value(value, qualifier.start() if qualifier else match.start(), relative=True)


def _the_season(match: re.Match[str], published: dt.date | None) -> _Value | None:
    """ "in the summer": the latest such season begun by publication, as its year."""
    if published is None:
        return None
    first, _last = _SEASONS[match["season"]]
    year = published.year if published.month >= first else published.year - 1
    return _Value(str(year), match.start(), relative=True)


def _holiday(match: re.Match[str], published: dt.date | None) -> _Value | None:
    """A holiday of a named year, or else the latest one on or before publication."""
    month, day = _HOLIDAYS[" ".join(match["holiday"].lower().replace("\u2019", "'").split())]
    if match["year"] is not None:
        return _Value(f"{match['year']}-{month:02d}-{day:02d}", match.start(), relative=False)
    if published is None:
        return None
    year = published.year - int((month, day) > (published.month, published.day))
    return _Value(f"{year:04d}-{month:02d}-{day:02d}", match.start(), relative=True)


def _ago(match: re.Match[str], published: dt.date | None) -> _Value | None:
    if published is None:
        return None
    text = match["count"].lower()
    count = int(text) if text.isdigit() else _SMALL_NUMBERS[text]
    unit = match["unit"].rstrip("s")
    if unit in {"year", "decade"}:
        value = str(published.year - count * (10 if unit == "decade" else 1))
    elif unit == "month":
        value = _shift_months(published, -count)
    else:
        days = count * (7 if unit == "week" else 1)
        value = (published - dt.timedelta(days=days)).isoformat()[: 7 if unit == "week" else 10]
    return _Value(value, match.start(), relative=True)


_RULES = (
    _Rule(_DAY_FIRST, _day_first, needs_digit=True, words=_MONTH_TRIGGERS),
    _Rule(_MONTH_FIRST, _month_first, needs_digit=False, words=_MONTH_TRIGGERS),
    _Rule(_ISO, _numeric_date, needs_digit=True, words=None),
    _Rule(_YEAR_SPAN, _year_span, needs_digit=True, words=None, is_span=True),
    _Rule(_BARE_YEAR, _bare_year, needs_digit=True, words=None),
    _Rule(_WEEKDAY, _weekday, needs_digit=False, words=frozenset(_WEEKDAYS)),
    _Rule(_DAY_WORD, _day_word, needs_digit=False, words=_DAY_TRIGGERS),
    _Rule(_PERIOD, _period, needs_digit=False, words=_PERIOD_TRIGGERS),
    _Rule(_AGO, _ago, needs_digit=False, words=frozenset({"ago"})),
    _Rule(_HOLIDAY, _holiday, needs_digit=False, words=frozenset({"Christmas", "Year"})),
    _Rule(_THE_SEASON, _the_season, needs_digit=False, words=frozenset(_SEASONS)),
)
