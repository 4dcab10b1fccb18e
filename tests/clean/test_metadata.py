"""Page metadata from flattened text: live blogs and the days of their entries."""

from __future__ import annotations

import datetime as dt

from armswatch.clean.metadata import live_days

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
