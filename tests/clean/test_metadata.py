"""Page metadata from flattened text: live blogs and the days of their entries."""

from __future__ import annotations

import datetime as dt

import pytest

from armswatch.clean.metadata import filing_day, live_days

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday

LIVE_PAGE = """DAILY WIRE | World | Live
LIVE: Defence ministers meet in Brussels
Last updated 18:02

Welcome to our coverage of the ministers' meeting.
18:02 Ministers leave the building.
Wednesday 13 March
16:40 The meeting opens with a minute's silence.
11:15 Delegations arrive.
"""


def test_a_live_page_dates_its_entries_by_their_day_headings() -> None:
    days = live_days(LIVE_PAGE, PUBLISHED)
    first_entry = LIVE_PAGE.index("18:02 Ministers")
    heading = LIVE_PAGE.index("Wednesday 13 March")
    assert days == ((first_entry, PUBLISHED), (heading, dt.date(2024, 3, 13)))


def test_a_page_without_a_live_label_has_no_entry_days() -> None:
    timetable = LIVE_PAGE.replace("Live", "News").replace("LIVE:", "Today:")
    assert live_days(timetable, PUBLISHED) == ()


def test_two_timestamps_do_not_make_a_live_blog() -> None:
    short = LIVE_PAGE.replace("11:15 Delegations arrive.\n", "")
    assert live_days(short, PUBLISHED) == ()


def test_a_live_page_without_a_date_has_no_entry_days() -> None:
    assert live_days(LIVE_PAGE, None) == ()


def test_live_as_a_verb_is_no_live_label() -> None:
    page = LIVE_PAGE.replace("DAILY WIRE | World | Live", "DAILY WIRE | World").replace(
        "LIVE: Defence ministers meet in Brussels", "Where defence ministers live and work"
    )
    assert live_days(page, PUBLISHED) == ()


@pytest.mark.parametrize(
    ("header", "filed"),
    [
        ("NEW DELHI, Nov. 30.\n\nIndia today signed a contract.", dt.date(1996, 11, 30)),
        ("Deal signed\nKUALA LUMPUR, June 7 -\nMalaysia today signed.", dt.date(1996, 6, 7)),
        ("DURRES, April 15 (Reuters) - Italian marines came ashore.", dt.date(1996, 4, 15)),
    ],
)
def test_a_wire_dateline_gives_the_day_the_report_was_filed(header: str, filed: dt.date) -> None:
    assert filing_day(header, filed + dt.timedelta(days=1)) == filed


@pytest.mark.parametrize(
    ("header", "published"),
    [
        # The day of publication itself, or long before it, is no filing day.
        ("NEW DELHI, Nov. 30.\nIndia today signed a contract.", dt.date(1996, 11, 30)),
        ("NEW DELHI, Nov. 3.\nIndia today signed a contract.", dt.date(1996, 11, 30)),
        # Not a dateline: a sentence that opens on a place and a date.
        ("In Delhi, Nov. 29 was a holiday.", dt.date(1996, 11, 30)),
    ],
)
def test_no_filing_day_without_a_recent_dateline(header: str, published: dt.date) -> None:
    assert filing_day(header, published) is None
