"""The filters of `events` and `deals`, on both back ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from armswatch.models import ArticleResult, Event, Stage
from armswatch.resolve import resolve_deals
from armswatch.store import DealFilter, EventFilter, Store

# (supplier, recipient, system, category, stage, date) of one report per article.
REPORTS: list[tuple[str, str, str, str, Stage, str]] = [
    ("RUS", "TUR", "S-400", "air-defence-system", "agreement", "2017-12"),
    ("RUS", "TUR", "S-400", "air-defence-system", "delivery", "2019-07"),
    ("RUS", "SRB", "Pantsir-S1", "air-defence-system", "deployment", "2019-10"),
    ("RUS", "IND", "Su-30MKI", "aircraft", "agreement", "2020-07"),
    ("FRA", "EGY", "Rafale", "aircraft", "agreement", "2015-02"),
    ("FRA", "EGY", "Rafale", "aircraft", "delivery", "2015-07"),
    ("USA", "ESP", "AV-8B", "aircraft", "delivery", "2000"),
    ("USA", "POL", "Patriot", "air-defence-system", "agreement", "2018-03"),
]


def report(index: int) -> ArticleResult:
    supplier, recipient, system, category, stage, date = REPORTS[index]
    evidence = f"{supplier} and {recipient}: {stage} of the {system} in {date}."
    event = Event(
        supplier=supplier,
        recipient=recipient,
        system=system,
        category=category,
        quantity=None,
        quantity_text=None,
        stage=stage,
        event_date=date,
        evidence=evidence,
        evidence_start=0,
        evidence_end=len(evidence),
        confidence=0.8,
    )
    return ArticleResult(
        id=f"report-{index}",
        url=f"https://news.example/{index}",
        published=dt.date(int(date[:4]), 12, 31),
        events=(event,),
        content_hash=f"hash-{index}",
    )


@pytest.fixture
def filled(store: Store) -> Store:
    for _ in store.ingest_many([report(i) for i in range(len(REPORTS))], resolve_deals):
        pass
    return store


def test_event_filters(filled: Store) -> None:
    def systems(where: EventFilter) -> list[tuple[object, object]]:
        return [(e["system"], e["event_date"]) for e in filled.events(where)]

    assert systems(EventFilter(system="s-400")) == [("S-400", "2017-12"), ("S-400", "2019-07")]
    assert systems(EventFilter(stage="Deployment")) == [("Pantsir-S1", "2019-10")]
    assert systems(EventFilter(since="2019-10")) == [
        ("Pantsir-S1", "2019-10"),
        ("Su-30MKI", "2020-07"),
    ]
    assert systems(EventFilter(until="2015")) == [
        ("AV-8B", "2000"),
        ("Rafale", "2015-02"),
        ("Rafale", "2015-07"),
    ]
    assert systems(EventFilter(supplier="rus", recipient="tur", stage="agreement")) == [
        ("S-400", "2017-12")
    ]
    assert systems(EventFilter(system="%")) == []
    assert systems(EventFilter(recipient="CHN")) == []
    [first] = filled.events(EventFilter(system="AV-8B"))
    assert (first["id"], first["url"], first["published"]) == (
        "report-6",
        "https://news.example/6",
        "2000-12-31",
    )


Systems = Callable[[DealFilter], list[object]]


@pytest.fixture
def deal_systems(filled: Store) -> Systems:
    return lambda where: [deal["system"] for deal in filled.deals(where)]


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (DealFilter(), ["AV-8B", "Rafale", "S-400", "Patriot", "Pantsir-S1", "Su-30MKI"]),
        (DealFilter(supplier="rus"), ["S-400", "Pantsir-S1", "Su-30MKI"]),
        (DealFilter(recipient="POL"), ["Patriot"]),
        (DealFilter(system="30mk"), ["Su-30MKI"]),
        (DealFilter(system="harrier"), ["AV-8B"]),  # the family of the AV-8B
        (DealFilter(category="Aircraft"), ["AV-8B", "Rafale", "Su-30MKI"]),
        (DealFilter(stage="agreement"), ["Rafale", "S-400", "Patriot", "Su-30MKI"]),
        (DealFilter(stage="delivery"), ["AV-8B", "Rafale", "S-400"]),
        (DealFilter(since="2019"), ["S-400", "Pantsir-S1", "Su-30MKI"]),
        (DealFilter(until="2015"), ["AV-8B", "Rafale"]),
        (DealFilter(since="2015-06", until="2018"), ["Rafale", "S-400", "Patriot"]),
        (DealFilter(supplier="RUS", stage="delivery"), ["S-400"]),
        (DealFilter(recipient="CHN"), []),
    ],
)
def test_deal_filters(deal_systems: Systems, where: DealFilter, expected: list[str]) -> None:
    assert deal_systems(where) == expected


def test_deal_rows_count_their_sources(filled: Store) -> None:
    sources = {deal["system"]: deal["sources"] for deal in filled.deals(DealFilter())}
    assert sources == {
        "AV-8B": 1,
        "Rafale": 2,
        "S-400": 2,
        "Patriot": 1,
        "Pantsir-S1": 1,
        "Su-30MKI": 1,
    }
