import datetime as dt
import itertools
import time

import pytest

from armswatch.find.dates import DateMention, find_dates

THURSDAY = dt.date(2019, 10, 24)
FRIDAY = dt.date(2001, 2, 16)
MARCH = dt.date(2019, 3, 5)


def found(sentence: str, published: dt.date | None = THURSDAY) -> list[tuple[str, str]]:
    return [(mention.text, mention.value) for mention in find_dates(sentence, published)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The deal was signed on 24 October 2019 in Moscow.", [("24 October 2019", "2019-10-24")]),
        (
            "It was signed on October 24, 2019, officials said.",
            [("October 24, 2019", "2019-10-24")],
        ),
        ("It was signed on Oct. 24, 2019 in Ankara.", [("Oct. 24, 2019", "2019-10-24")]),
        ("The order dates from the 3rd of March 2015.", [("3rd of March 2015", "2015-03-03")]),
        ("The contract was signed on Sept. 5 2017.", [("Sept. 5 2017", "2017-09-05")]),
        ("Deliveries began in December 2005.", [("December 2005", "2005-12")]),
        ("Deliveries began in Dec. 2005.", [("Dec. 2005", "2005-12")]),
        ("In March, 2014, Russia annexed Crimea.", [("March, 2014", "2014-03")]),
        ("Talks resumed in mid-December 2005.", [("mid-December 2005", "2005-12")]),
        ("India ordered the jets in 2018.", [("2018", "2018")]),
        ("Deliveries are due in mid-2019.", [("mid-2019", "2019")]),
        ("Deliveries are due in early 2020.", [("early 2020", "2020")]),
        ("Deliveries are due by late 2021.", [("late 2021", "2021")]),
        ("Mid 2022 is the target.", [("Mid 2022", "2022")]),
        ("The agency reported it on 2019-10-24.", [("2019-10-24", "2019-10-24")]),
        ("The agency reported it on 2019/10/24.", [("2019/10/24", "2019-10-24")]),
        ("Turkey has been in talks since 2014.", [("2014", "2014")]),
        ("Under a 2014 order, Egypt received the first batch.", [("2014", "2014")]),
        ("The report (2015) lists every delivery.", [("2015", "2015")]),
        ("In 1985 tanks were still the army's core.", [("1985", "1985")]),
        ("Its 2019 budget funds the purchase.", [("2019", "2019")]),
        (
            "The deal was signed in 1999 and delivered in 2003.",
            [("1999", "1999"), ("2003", "2003")],
        ),
        (
            "The 2019 deal was reported on 2019-10-24.",
            [("2019", "2019"), ("2019-10-24", "2019-10-24")],
        ),
    ],
)
def test_absolute_dates_need_no_publication_date(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert found(sentence, None) == expected
    assert found(sentence) == expected
    assert not any(mention.relative for mention in find_dates(sentence, THURSDAY))


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Last year, India agreed a deal to buy the S-400.", THURSDAY, [("Last year", "2018")]),
        ("Russia began delivering the S-400 to Turkey in July.", THURSDAY, [("July", "2019-07")]),
        (
            "TASS quoted him as saying on Thursday that talks went well.",
            THURSDAY,
            [("Thursday", "2019-10-24")],
        ),
        ("The two sides on Thursday signed the deal.", FRIDAY, [("Thursday", "2001-02-15")]),
        ("The contract was signed in December.", MARCH, [("December", "2018-12")]),
        (
            "The contract was signed on Dec. 24 in Moscow.",
            dt.date(2011, 12, 30),
            [("Dec. 24", "2011-12-24")],
        ),
        ("The deal was signed on Feb 16.", FRIDAY, [("Feb 16", "2001-02-16")]),
        ("The deal was signed on 24 Oct.", THURSDAY, [("24 Oct.", "2019-10-24")]),
        ("The deal was signed on 25 October.", THURSDAY, [("25 October", "2018-10-25")]),
        ("The deal was signed on March 3rd.", THURSDAY, [("March 3rd", "2019-03-03")]),
        ("The deal was signed on Feb. 29.", MARCH, [("Feb. 29", "2016-02-29")]),
        ("Deliveries will start this year.", THURSDAY, [("this year", "2019")]),
        ("Deliveries will start next year.", THURSDAY, [("next year", "2020")]),
        ("Deliveries started a year ago.", THURSDAY, [("a year ago", "2018")]),
        ("Deliveries started two years ago.", THURSDAY, [("two years ago", "2017")]),
        ("Deliveries started 18 months ago.", THURSDAY, [("18 months ago", "2018-04")]),
        ("Deliveries started three weeks ago.", THURSDAY, [("three weeks ago", "2019-10")]),
        ("Deliveries started five days ago.", THURSDAY, [("five days ago", "2019-10-19")]),
        ("The plant opened a decade ago.", THURSDAY, [("a decade ago", "2009")]),
        ("Talks stalled last month.", THURSDAY, [("last month", "2019-09")]),
        ("Talks stalled last month.", dt.date(2020, 1, 10), [("last month", "2019-12")]),
        ("Talks resume next month.", dt.date(2019, 12, 10), [("next month", "2020-01")]),
        ("Talks stalled earlier this month.", THURSDAY, [("earlier this month", "2019-10")]),
        ("Talks stalled earlier this year.", THURSDAY, [("earlier this year", "2019")]),
        ("Talks stalled late last year.", THURSDAY, [("late last year", "2018")]),
        ("The order came in May last year.", THURSDAY, [("May last year", "2018-05")]),
        ("It was agreed in the summer.", THURSDAY, [("in the summer", "2019")]),
        ("It was agreed in the autumn.", dt.date(2019, 2, 1), [("in the autumn", "2018")]),
        ("Talks began in December of last year.", THURSDAY, [("December of last year", "2018-12")]),
        ("Trials end in January next year.", THURSDAY, [("January next year", "2020-01")]),
        ("It arrived in late March this year.", THURSDAY, [("late March this year", "2019-03")]),
        ("Talks stalled last week.", dt.date(2019, 10, 3), [("last week", "2019-09")]),
        ("Talks resume next week.", THURSDAY, [("next week", "2019-10")]),
        ("The minister said today that the jets arrived.", THURSDAY, [("today", "2019-10-24")]),
        ("Today's ceremony marks the handover.", THURSDAY, [("Today", "2019-10-24")]),
        ("The jets arrived yesterday.", THURSDAY, [("yesterday", "2019-10-23")]),
        ("The jets arrive tomorrow.", THURSDAY, [("tomorrow", "2019-10-25")]),
        ("The jets arrived last night.", THURSDAY, [("last night", "2019-10-23")]),
        ("The deal was signed last Thursday.", THURSDAY, [("last Thursday", "2019-10-17")]),
        ("The deal will be signed next Monday.", THURSDAY, [("next Monday", "2019-10-28")]),
        ("The deal was signed on Monday evening.", THURSDAY, [("Monday evening", "2019-10-21")]),
        ("Monday's signing was delayed.", THURSDAY, [("Monday", "2019-10-21")]),
        ("The deal was signed in early July.", THURSDAY, [("early July", "2019-07")]),
        ("The deal was signed last July.", dt.date(2019, 7, 20), [("last July", "2018-07")]),
        ("The deal will be signed next July.", THURSDAY, [("next July", "2020-07")]),
        ("The deal was signed in May.", THURSDAY, [("May", "2019-05")]),
        ("Since March, the army has received 20 tanks.", THURSDAY, [("March", "2019-03")]),
        ("The drills ran until March.", dt.date(2019, 2, 1), [("March", "2018-03")]),
        ("The tests ran last summer.", THURSDAY, [("last summer", "2019")]),
        ("The tests ran last summer.", dt.date(2019, 7, 1), [("last summer", "2018")]),
        ("The tests ran last winter.", THURSDAY, [("last winter", "2019")]),
        ("The tests ran last winter.", dt.date(2019, 12, 15), [("last winter", "2019")]),
        ("The tests resume next winter.", THURSDAY, [("next winter", "2020")]),
        ("The tests resume this fall.", THURSDAY, [("this fall", "2019")]),
    ],
)
def test_relative_dates_resolve_against_publication(
    sentence: str, published: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert found(sentence, published) == expected
    assert all(mention.relative for mention in find_dates(sentence, published))


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [
        ("Monday", "2019-10-21"),
        ("Tuesday", "2019-10-22"),
        ("Wednesday", "2019-10-23"),
        ("Thursday", "2019-10-24"),
        ("Friday", "2019-10-18"),
        ("Saturday", "2019-10-19"),
        ("Sunday", "2019-10-20"),
    ],
)
def test_weekday_is_the_latest_on_or_before_publication(weekday: str, expected: str) -> None:
    assert found(f"The ministry said on {weekday} that it had paid.") == [(weekday, expected)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The corvette was handed over in June 2015; two helicopters came the following month.",
            [("June 2015", "2015-06"), ("the following month", "2015-07")],
        ),
        (
            "Lima ordered the trainers in 2008 and received them two years later.",
            [("2008", "2008"), ("two years later", "2010")],
        ),
        (
            "The radar was ordered in January 2020, after trials, not a year earlier.",
            [("January 2020", "2020-01"), ("a year earlier", "2019")],
        ),
        (
            "Hanoi signed in 1997, and the next year the first boat sailed.",
            [("1997", "1997"), ("the next year", "1998")],
        ),
        (
            "Deliveries begin next year, and the next year more follow.",
            [("next year", "2020"), ("the next year", "2021")],
        ),
        ("A year later the squadron disbanded.", []),
    ],
)
def test_periods_count_from_the_date_named_before(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert found(sentence, MARCH) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Berlin agreed in May 2015 to give tanks, and the first arrived in December that year.",
            [("May 2015", "2015-05"), ("December that year", "2015-12")],
        ),
        (
            "The deal was signed in 2011 and the jets came in March of the same year.",
            [("2011", "2011"), ("March of the same year", "2011-03")],
        ),
    ],
)
def test_that_year_is_the_year_named_before(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert found(sentence, MARCH) == expected


@pytest.mark.parametrize(
    ("month", "expected"),
    [
        ("January", "2019-01"),
        ("February", "2019-02"),
        ("March", "2019-03"),
        ("April", "2018-04"),
        ("June", "2018-06"),
        ("August", "2018-08"),
        ("September", "2018-09"),
        ("October", "2018-10"),
        ("November", "2018-11"),
        ("December", "2018-12"),
    ],
)
def test_month_alone_is_the_latest_on_or_before_the_published_month(
    month: str, expected: str
) -> None:
    assert found(f"Deliveries resumed in {month}.", MARCH) == [(month, expected)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Last year, India agreed a deal.",
        "The two sides on Thursday signed the deal.",
        "Deliveries resumed in July.",
        "The contract was signed on Dec. 24 in Moscow.",
        "The contract was signed on 24 October.",
        "Deliveries started two years ago.",
        "The minister said today that the jets arrived.",
        "Talks stalled last month.",
    ],
)
def test_relative_dates_are_skipped_without_publication_date(sentence: str) -> None:
    assert find_dates(sentence, None) == []


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Venezuela bought the jets between 2006 and 2011.", "between 2006 and 2011"),
        ("Venezuela bought the jets from 2006 to 2011.", "from 2006 to 2011"),
        ("From 2006 until 2011 Venezuela bought jets.", "From 2006 until 2011"),
        ("Venezuela bought the jets in 2006-2011.", "2006-2011"),
        ("Venezuela bought the jets in 2006\u20132011.", "2006\u20132011"),
        ("Venezuela bought the jets in 2006 - 2011.", "2006 - 2011"),
        ("The 2006-07 budget paid for them.", "2006-07"),
        # Years listed after "in": the act began in the first.
        ("Egypt took delivery of the jets in 2006 and 2011.", "2006 and 2011"),
    ],
)
def test_year_spans_give_their_first_year(sentence: str, text: str) -> None:
    [mention] = find_dates(sentence, THURSDAY)
    assert (mention.text, mention.value, mention.is_span_start) == (text, "2006", True)
    assert not mention.relative


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The 2006 and 2011 budgets paid for jets.", [("2006", "2006"), ("2011", "2011")]),
        ("Between 2011 and 2006 nothing happened.", [("2011", "2011"), ("2006", "2006")]),
        ("Between 2006 to 2011 nothing happened.", [("2006", "2006"), ("2011", "2011")]),
    ],
)
def test_malformed_spans_fall_back_to_single_years(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    mentions = find_dates(sentence, THURSDAY)
    assert [(mention.text, mention.value) for mention in mentions] == expected
    assert not any(mention.is_span_start for mention in mentions)


@pytest.mark.parametrize(
    "sentence",
    [
        "India may buy more S-400 systems.",
        "Protesters may march on the ministry.",
        "Theresa May said Britain would keep selling arms.",
        "May God protect our troops.",
        "The US Marines will march in the parade.",
        "Jan Kowalski heads the procurement agency.",
        "Turkey sent 2,000 troops across the border.",
        "The missile has a range of 2000 km.",
        "Some 2000 soldiers took part.",
        "Greece flies the Mirage 2000 fighter.",
        "Berlin delivered 12 PzH 2000 howitzers to Kyiv.",
        "The battery took part in the Slavic Shield 2019 exercise.",
        "The plan is called Vision 2030.",
        "The budget grew by 20% to $2019 million.",
        "Dassault builds the F-2000 engine.",
        "The jets were built in the 1990s.",
        "The S-400 and the Su-35 were both offered.",
        "Each shell weighs 155 kg and the gun fires 2020 rounds.",
        "Its UN Resolution 2231 lifted the embargo.",
        "The ministry said the jets would arrive soon.",
        "Sales rose 1,500 percent.",
        "The order covers 1999.5 tonnes of fuel.",
    ],
)
def test_non_dates_are_ignored(sentence: str) -> None:
    assert find_dates(sentence, THURSDAY) == []


def test_mentions_carry_offsets_into_the_sentence() -> None:
    sentence = "On Thursday, Russia said it delivered the S-400 to Turkey in July 2019."
    mentions = find_dates(sentence, THURSDAY)
    assert mentions == [
        DateMention(3, 11, "Thursday", "2019-10-24", relative=True),
        DateMention(61, 70, "July 2019", "2019-07", relative=False),
    ]
    assert all(sentence[m.start : m.end] == m.text for m in mentions)


def test_longest_match_wins_and_mentions_do_not_overlap() -> None:
    sentence = (
        "Signed on 24 October 2019, between 2006 and 2011, in early July and last year, "
        "on Thursday, 2019-10-24."
    )
    mentions = find_dates(sentence, THURSDAY)
    assert [m.text for m in mentions] == [
        "24 October 2019",
        "between 2006 and 2011",
        "early July",
        "last year",
        "Thursday",
        "2019-10-24",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_invalid_calendar_days_fall_back_to_what_is_valid() -> None:
    assert found("It was signed on 31 February 2019 and on 2019-02-30.") == [
        ("February 2019", "2019-02"),
        ("2019", "2019"),
    ]


def test_long_inputs_stay_fast() -> None:
    sentence = " ".join(["2019 1,000 May 5 last between early"] * 2000)
    began = time.perf_counter()
    find_dates(sentence, THURSDAY)
    assert time.perf_counter() - began < 2


def test_a_season_with_its_year_is_that_year() -> None:
    assert found("It was agreed in the summer of 2017.", THURSDAY) == [("2017", "2017")]


def test_this_afternoon_is_the_day_of_publication() -> None:
    found = find_dates("The paratroopers landed this afternoon.", dt.date(2014, 4, 23))
    assert [(d.text, d.value) for d in found] == [("this afternoon", "2014-04-23")]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # The latest such holiday on or before publication.
        ("The frigate was commissioned on Christmas Eve.", dt.date(2021, 12, 30), "2021-12-24"),
        ("The frigate was commissioned on Christmas Eve.", dt.date(2022, 2, 3), "2021-12-24"),
        ("The tanks arrived on New Year\u2019s Day.", dt.date(2024, 1, 3), "2024-01-01"),
        # A named year wins over publication.
        ("It was signed on Christmas Day 2019.", dt.date(2022, 2, 3), "2019-12-25"),
    ],
)
def test_fixed_holidays_are_days(sentence: str, published: dt.date, expected: str) -> None:
    assert [d.value for d in find_dates(sentence, published)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Two months share the year named after both; the first month dates the span.
        ("The rifles were shipped in August and September of last year.", "2018-08"),
        ("Talks ran between March and May this year.", "2019-03"),
    ],
)
def test_months_joined_before_a_relative_year(sentence: str, expected: str) -> None:
    assert [d.value for d in find_dates(sentence, THURSDAY)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Talks closed on 24 May this year.", "2019-05-24"),
        ("Talks closed on May 24 last year.", "2018-05-24"),
    ],
)
def test_a_day_takes_the_relative_year_after_it(sentence: str, expected: str) -> None:
    assert [d.value for d in find_dates(sentence, THURSDAY)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        ("Israel shipped TOW missiles to Iran in August and September 1985.", "1985-08"),
        ("The ships were refitted from December to February 2016.", "2015-12"),
    ],
)
def test_a_month_takes_the_year_of_the_month_paired_after_it(sentence: str, first: str) -> None:
    assert find_dates(sentence, THURSDAY)[0].value == first
