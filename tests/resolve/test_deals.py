"""Deal resolution on hand-written reports of real-world-like deals."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from armswatch._errors import InputError
from armswatch.models import Deal, Stage, StoredEvent
from armswatch.resolve import DealWindows, load_windows, resolve_deals

_BASE = StoredEvent(
    event_id=0,
    document_id=0,
    url=None,
    title=None,
    published="2020-01-01",
    supplier="RUS",
    recipient="IND",
    system="S-400",
    family="S-400",
    category="air-defence-system",
    stage="interest",
    quantity=None,
    quantity_text=None,
    event_date=None,
    evidence="",
    confidence=0.9,
)


def report(event_id: int, stage: Stage, date: str | None, **changes: Any) -> StoredEvent:
    """One stored event with a fake source; `changes` override the S-400 defaults."""
    fields: dict[str, Any] = {
        "event_id": event_id,
        "document_id": 1000 + event_id,
        "url": f"https://defence-wire.example/{event_id}",
        "title": f"Report {event_id}",
        "stage": stage,
        "event_date": date,
        "published": date if date is not None and len(date) == 10 else "2024-06-01",
        "evidence": f"Report {event_id} says the {stage} of the system went ahead.",
    }
    return replace(_BASE, **{**fields, **changes})


def s400_india() -> list[StoredEvent]:
    """Talks, a contract, its restatement three years on, and two deliveries."""
    return [
        report(1, "interest", "2016-10-15", url="https://outlet-a.example/talks"),
        report(2, "agreement", "2018-10-05", quantity=5, quantity_text="five regiments"),
        report(3, "agreement", "2018-10", published="2021-11-14", quantity=5),
        report(4, "delivery", "2021-12", published="2021-12-20", quantity=1),
        report(5, "delivery", "2022-04", published="2022-04-30", quantity=1),
    ]


def mirage_india() -> list[StoredEvent]:
    """A 1982 order delivered 1985-86, and a follow-on order in 2004."""
    mirage = {"supplier": "FRA", "system": "Mirage 2000", "family": "Mirage 2000"}
    return [
        report(11, "agreement", "1982-04", quantity=40, category="aircraft", **mirage),
        report(12, "delivery", "1985-06", quantity=26, category="aircraft", **mirage),
        report(13, "delivery", "1986", quantity=14, category="aircraft", **mirage),
        report(14, "agreement", "2004-03", quantity=10, category="aircraft", **mirage),
        report(15, "delivery", "2007", quantity=10, category="aircraft", **mirage),
    ]


def only(deals: list[Deal]) -> Deal:
    assert len(deals) == 1, deals
    return deals[0]


def spans(deal: Deal) -> list[tuple[str, str | None, str | None, tuple[int, ...]]]:
    return [(s.stage, s.earliest, s.latest, s.event_ids) for s in deal.timeline]


def test_five_reports_of_one_deal_make_one_deal_with_its_timeline() -> None:
    deal = only(resolve_deals(s400_india()))

    assert deal.key == ("RUS", "IND", "S-400", "transfer")
    assert deal.event_ids == (1, 2, 3, 4, 5)
    assert spans(deal) == [
        ("interest", "2016-10-15", "2016-10-15", (1,)),
        ("agreement", "2018-10", "2018-10-05", (2, 3)),
        ("delivery", "2021-12", "2022-04", (4, 5)),
    ]
    assert (deal.quantity_ordered, deal.quantity_delivered) == (5, 2)
    assert (deal.first_seen, deal.last_seen) == ("2016-10-15", "2022-04")
    assert deal.current_stage == "delivery"
    assert (deal.system, deal.category) == ("S-400", "air-defence-system")


def test_second_contract_years_after_deliveries_ended_is_a_second_deal() -> None:
    first, second = resolve_deals(mirage_india())

    assert first.event_ids == (11, 12, 13)
    assert second.event_ids == (14, 15)
    assert (first.quantity_ordered, first.quantity_delivered) == (40, 40)
    assert (second.quantity_ordered, second.quantity_delivered) == (10, 10)
    assert (first.first_seen, second.first_seen) == ("1982-04", "2004-03")
    assert first.key == second.key == ("FRA", "IND", "Mirage 2000", "transfer")


def test_second_contract_while_deliveries_go_on_stays_in_the_deal() -> None:
    k2 = {"supplier": "KOR", "recipient": "POL", "system": "K2", "family": "K2"}
    events = [
        report(21, "agreement", "2022-08-26", quantity=180, category="armoured-vehicle", **k2),
        report(22, "delivery", "2022-12-06", quantity=10, category="armoured-vehicle", **k2),
        report(23, "delivery", "2025-03", quantity=12, category="armoured-vehicle", **k2),
        report(24, "agreement", "2025-08-01", quantity=180, category="armoured-vehicle", **k2),
    ]

    deal = only(resolve_deals(events))

    assert deal.event_ids == (21, 22, 23, 24)
    assert deal.current_stage == "agreement"


def test_new_deal_threshold_comes_from_the_windows() -> None:
    events = [
        report(31, "agreement", "2010-01"),
        report(32, "delivery", "2011-01"),
        report(33, "agreement", "2013-06"),
    ]

    assert len(resolve_deals(events)) == 1
    strict = DealWindows(new_deal_after_years=2, restatement_tolerance_years=1)
    assert [deal.event_ids for deal in resolve_deals(events, strict)] == [(31, 32), (33,)]


def test_later_article_restating_an_old_contract_creates_no_deal() -> None:
    restated = report(6, "agreement", "2018-10-05", published="2024-02-11", quantity=5)

    deal = only(resolve_deals([*s400_india(), restated]))

    assert deal.event_ids == (1, 2, 3, 4, 5, 6)
    assert spans(deal)[1] == ("agreement", "2018-10", "2018-10-05", (2, 3, 6))
    assert deal.current_stage == "delivery"


def test_contract_dated_a_year_apart_by_two_outlets_is_one_contract() -> None:
    leased_then_bought = [
        report(41, "delivery", "2009", quantity=2),
        report(42, "agreement", "2012-06", quantity=2),
        report(43, "agreement", "2013-05", quantity=2),
    ]

    assert only(resolve_deals(leased_then_bought)).event_ids == (41, 42, 43)


def test_delivery_dated_by_year_joins_the_deal_signed_that_year() -> None:
    events = [*mirage_india()[:3], replace(mirage_india()[4], event_date="2004")]

    first, second = resolve_deals([*events, mirage_india()[3]])

    assert first.event_ids == (11, 12, 13)
    assert second.event_ids == (14, 15)


def generic_air_defence(event_id: int, **changes: Any) -> StoredEvent:
    return report(event_id, "delivery", "2022-06", system=None, family=None, **changes)


def test_generic_mention_joins_the_pairs_only_deal_of_its_category() -> None:
    su30 = report(7, "agreement", "2019", system="Su-30MKI", family="Su-30", category="aircraft")

    deals = resolve_deals([*s400_india(), su30, generic_air_defence(8)])

    s400 = next(deal for deal in deals if deal.family == "S-400")
    assert s400.event_ids == (1, 2, 3, 4, 5, 8)
    assert s400.system == "S-400"
    assert len(deals) == 2


def test_generic_mention_stays_apart_when_two_deals_could_take_it() -> None:
    igla = report(9, "agreement", "2018-11", system="Igla-S", family="Igla-S")

    deals = resolve_deals([*s400_india(), igla, generic_air_defence(8)])

    generic = only([deal for deal in deals if deal.family is None])
    assert generic.event_ids == (8,)
    assert generic.key == ("RUS", "IND", "generic:air-defence-system", "transfer")
    assert generic.system is None
    assert 8 not in {event_id for deal in deals if deal.family for event_id in deal.event_ids}


def test_generic_mention_without_a_deal_of_its_pair_is_its_own_deal() -> None:
    china = [replace(event, recipient="CHN") for event in s400_india()]

    deals = resolve_deals([*china, generic_air_defence(8)])

    assert [(deal.recipient, deal.family, deal.event_ids) for deal in deals] == [
        ("CHN", "S-400", (1, 2, 3, 4, 5)),
        ("IND", None, (8,)),
    ]


def test_deployments_stay_apart_from_transfers_of_the_same_system() -> None:
    belarus = {"recipient": "BLR"}
    events = [
        report(51, "delivery", "2020-07", quantity=2, **belarus),
        report(52, "deployment", "2022-02", **belarus),
        report(53, "deployment", "2022-03", **belarus),
    ]

    transfer, deployment = resolve_deals(events)

    assert (transfer.kind, transfer.event_ids, transfer.current_stage) == (
        "transfer",
        (51,),
        "delivery",
    )
    assert (deployment.kind, deployment.event_ids, deployment.current_stage) == (
        "deployment",
        (52, 53),
        "deployment",
    )


def test_input_order_does_not_change_the_deals() -> None:
    events = [
        *s400_india(),
        *mirage_india(),
        generic_air_defence(8),
        report(52, "deployment", "2022-02", recipient="BLR"),
        report(61, "cancellation", "2023", recipient="TUR"),
    ]
    expected = resolve_deals(events)

    for shift in range(len(events)):
        for order in (events, events[::-1]):
            assert resolve_deals([*order[shift:], *order[:shift]]) == expected
    assert [deal.first_seen for deal in expected] == sorted(
        deal.first_seen or "" for deal in expected
    )


def test_events_without_supplier_or_recipient_are_skipped() -> None:
    events = [*s400_india(), report(71, "delivery", "2022", supplier=None)]
    events.append(report(72, "agreement", "2018", recipient=None))

    assert only(resolve_deals(events)).event_ids == (1, 2, 3, 4, 5)
    assert resolve_deals([events[-1]]) == []


def test_variant_names_of_one_family_merge_and_show_the_most_specific() -> None:
    su30 = {"system": "Su-30", "family": "Su-30", "category": "aircraft"}
    events = [
        report(81, "agreement", "2000-12", quantity=140, **su30),
        report(82, "delivery", "2004", quantity=10, **{**su30, "system": "Su-30MKI"}),
        report(83, "delivery", "2005", quantity=12, **su30),
    ]

    deal = only(resolve_deals(events))

    assert (deal.family, deal.system, deal.category) == ("Su-30", "Su-30MKI", "aircraft")
    assert deal.quantity_delivered == 22


def test_cancellation_is_final_unless_an_agreement_or_delivery_follows() -> None:
    turkey = {"supplier": "USA", "recipient": "TUR", "system": "F-35A", "family": "F-35"}
    turkey["category"] = "aircraft"
    events = [
        report(91, "agreement", "2014", quantity=100, **turkey),
        report(92, "cancellation", "2019-07", **turkey),
        report(93, "interest", "2020-05", **turkey),
    ]

    assert only(resolve_deals(events)).current_stage == "cancellation"
    revived = [*events, report(94, "agreement", "2021", quantity=40, **turkey)]
    assert only(resolve_deals(revived)).current_stage == "agreement"


def test_delivered_counts_each_batch_once_and_never_exceeds_the_order() -> None:
    events = [
        report(101, "agreement", "2018-10-05", quantity=5),
        report(102, "delivery", "2021-12", quantity=1),
        report(103, "delivery", "2021-12", published="2023-01-09", quantity=1),
        report(104, "delivery", "2023-03", quantity=6),
    ]

    assert only(resolve_deals(events)).quantity_delivered == 5
    assert only(resolve_deals(events[1:3])).quantity_delivered == 1


def test_a_date_that_is_not_iso_is_refused_with_the_event_named() -> None:
    with pytest.raises(InputError, match=r"event 111: event_date 'last spring'"):
        resolve_deals([report(111, "delivery", "last spring")])


def test_packaged_windows_keep_restatements_inside_the_new_deal_gap() -> None:
    windows = load_windows()

    assert 0 < windows.restatement_tolerance_years < windows.new_deal_after_years
    with pytest.raises(ValueError, match="smaller than new_deal_after_years"):
        DealWindows(new_deal_after_years=1, restatement_tolerance_years=2)
