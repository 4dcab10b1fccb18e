"""Ingest: idempotent, transactional, and one deal per real-world deal (both back ends)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from armswatch.models import ArticleResult, Event, Stage
from armswatch.resolve import resolve_deals
from armswatch.store import Counts, DealFilter, EventFilter, IngestOutcome, Store

from .conftest import BackEnd

SRC = Path(__file__).resolve().parents[2] / "src"


@dataclass(frozen=True)
class Subject:
    """What a report is about: who sends which system to whom."""

    supplier: str
    recipient: str
    system: str
    category: str


S400_INDIA = Subject("RUS", "IND", "S-400", "air-defence-system")
MIRAGE_INDIA = Subject("FRA", "IND", "Mirage 2000", "aircraft")
RAFALE_EGYPT = Subject("FRA", "EGY", "Rafale", "aircraft")


def event(
    subject: Subject, stage: Stage, date: str, evidence: str, quantity: int | None = None
) -> Event:
    return Event(
        supplier=subject.supplier,
        recipient=subject.recipient,
        system=subject.system,
        category=subject.category,
        quantity=quantity,
        quantity_text=str(quantity) if quantity is not None else None,
        stage=stage,
        event_date=date,
        evidence=evidence,
        evidence_start=0,
        evidence_end=len(evidence),
        confidence=0.9,
    )


def article(name: str, published: str, *events: Event) -> ArticleResult:
    return ArticleResult(
        id=name,
        url=f"https://news.example/{name}",
        published=dt.date.fromisoformat(published),
        events=events,
        content_hash=f"sha-{name}",
        title=f"Report {name}",
        site=f"Outlet {name}",
    )


def s400_reports() -> list[ArticleResult]:
    """Five articles on India's S-400, from the talks to the third delivery."""
    s400 = S400_INDIA
    return [
        article(
            "talks",
            "2016-10-15",
            event(s400, "interest", "2016", "India and Russia held talks on the S-400 in 2016."),
        ),
        article(
            "contract",
            "2018-10-06",
            event(
                s400,
                "agreement",
                "2018-10",
                "India signed a contract with Russia for five S-400 squadrons in October 2018.",
                5,
            ),
        ),
        article(
            "first-delivery",
            "2021-12-20",
            event(
                s400,
                "delivery",
                "2021-12",
                "Russia began delivering the first S-400 squadron to India in December 2021.",
                1,
            ),
        ),
        article(
            "second-delivery",
            "2022-04-30",
            event(
                s400, "delivery", "2022-04", "The second S-400 squadron reached India in April.", 1
            ),
        ),
        article(
            "third-delivery",
            "2023-03-01",
            event(
                s400,
                "delivery",
                "2023-02",
                "Russia delivered the third S-400 squadron to India in February 2023.",
                1,
            ),
        ),
    ]


def rafale_report() -> ArticleResult:
    return article(
        "rafale",
        "2015-02-17",
        event(
            RAFALE_EGYPT,
            "agreement",
            "2015-02",
            "Egypt signed a deal for 24 Rafale jets from France in February 2015.",
            24,
        ),
    )


def snapshot(store: Store) -> tuple[object, ...]:
    """Everything ingest writes, ids included."""
    return (
        store.counts(),
        list(store.events(EventFilter())),
        list(store.deals(DealFilter())),
    )


def test_ingesting_the_same_articles_again_changes_nothing(store: Store) -> None:
    reports = [*s400_reports(), rafale_report()]
    assert [store.ingest(r, resolve_deals) for r in reports] == [IngestOutcome.ADDED] * 6
    before = snapshot(store)
    assert before[0] == (6, 6, 2)
    assert [store.ingest(r, resolve_deals) for r in reports] == [IngestOutcome.UNCHANGED] * 6
    outcomes = list(store.ingest_many(reports, resolve_deals, batch_size=4))
    assert outcomes == [IngestOutcome.UNCHANGED] * 6
    assert snapshot(store) == before


def test_a_batch_repeating_an_article_stores_it_once(store: Store) -> None:
    reports = s400_reports()
    outcomes = list(store.ingest_many([*reports, reports[0]], resolve_deals))
    assert outcomes == [IngestOutcome.ADDED] * 5 + [IngestOutcome.UNCHANGED]
    assert store.counts() == (5, 5, 1)


def deliveries(count: int) -> list[ArticleResult]:
    """Monthly reports of S-400 deliveries to India, one per article."""
    return [
        article(
            f"delivery-{month}",
            f"{2021 + month // 12}-{1 + month % 12:02d}-28",
            event(
                S400_INDIA,
                "delivery",
                f"{2021 + month // 12}-{1 + month % 12:02d}",
                f"Russia delivered S-400 launchers to India, report {month} said.",
                1,
            ),
        )
        for month in range(count)
    ]


def test_writers_at_once_leave_what_one_writer_leaves(back_end: BackEnd) -> None:
    reports = [*s400_reports(), *deliveries(30)]
    alone = back_end.new_target("alone")
    with Store.open(alone) as store:
        for _ in store.ingest_many(reports, resolve_deals):
            pass
        expected = [
            {key: value for key, value in deal.items() if key != "deal_id"}
            for deal in store.deals(DealFilter())
        ]
    shared = back_end.new_target("shared")
    Store.open(shared).close()

    def write(share: list[ArticleResult]) -> None:
        with Store.open(shared) as store:
            for _ in store.ingest_many(share, resolve_deals, batch_size=2):
                pass

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(write, [reports[0::2], reports[1::2]]))
    with Store.open(shared) as store:
        deals = [
            {key: value for key, value in deal.items() if key != "deal_id"}
            for deal in store.deals(DealFilter())
        ]
        assert store.counts() == (35, 35, 1)
    assert deals == expected


def test_a_new_extractor_version_replaces_that_articles_events(store: Store) -> None:
    contract, delivery = s400_reports()[1:3]
    for report in (contract, delivery, rafale_report()):
        store.ingest(report, resolve_deals, extractor_version="1.0")
    [s400] = store.deals(DealFilter(system="S-400"))
    assert s400["current_stage"] == "delivery"
    untouched = [e for e in store.events(EventFilter()) if e["id"] != "first-delivery"]
    rafale_deal = list(store.deals(DealFilter(system="Rafale")))

    # Version 2.0 reads the same page as a cancellation, not a delivery.
    cancelled = article(
        "first-delivery",
        "2021-12-20",
        event(S400_INDIA, "cancellation", "2021-12", "India cancelled the S-400 order in 2021."),
    )
    assert store.ingest(cancelled, resolve_deals, "2.0") is IngestOutcome.REPLACED
    assert store.ingest(cancelled, resolve_deals, "2.0") is IngestOutcome.UNCHANGED

    [replaced] = store.deals(DealFilter(system="S-400"))
    assert replaced["current_stage"] == "cancellation"
    assert replaced["deal_id"] == s400["deal_id"]
    assert store.counts() == (3, 3, 2)
    events = list(store.events(EventFilter()))
    assert [e for e in events if e["id"] != "first-delivery"] == untouched
    [new_event] = [e for e in events if e["id"] == "first-delivery"]
    assert new_event["stage"] == "cancellation"
    assert list(store.deals(DealFilter(system="Rafale"))) == rafale_deal


def test_five_reports_of_one_deal_make_one_deal_with_five_sources(store: Store) -> None:
    reports = s400_reports()
    deal_ids: set[object] = set()
    for report in reports:
        store.ingest(report, resolve_deals)
        deal_ids.update(deal["deal_id"] for deal in store.deals(DealFilter()))
    [row] = store.deals(DealFilter())
    assert deal_ids == {row["deal_id"]}  # each report joined the deal, which kept its id
    assert row["sources"] == 5
    detail = store.deal(int(str(row["deal_id"])))
    assert detail is not None
    deal = detail.deal
    assert (deal.supplier, deal.recipient, deal.family, deal.kind) == (
        "RUS",
        "IND",
        "S-400",
        "transfer",
    )
    assert (deal.quantity_ordered, deal.quantity_delivered) == (5, 3)
    assert (deal.first_seen, deal.last_seen, deal.current_stage) == ("2016", "2023-02", "delivery")
    assert [(s.stage, s.earliest, s.latest, len(s.event_ids)) for s in deal.timeline] == [
        ("interest", "2016", "2016", 1),
        ("agreement", "2018-10", "2018-10", 1),
        ("delivery", "2021-12", "2023-02", 3),
    ]
    assert [(source.url, source.site, source.evidence) for source in detail.sources] == [
        (report.url, report.site, report.events[0].evidence) for report in reports
    ]
    assert sorted(deal.event_ids) == sorted(source.event_id for source in detail.sources)
    record = json.loads(json.dumps(detail.to_dict()))
    assert record["deal_id"] == row["deal_id"]
    assert [span["stage"] for span in record["timeline"]] == ["interest", "agreement", "delivery"]
    assert [source["url"] for source in record["sources"]] == [r.url for r in reports]
    assert store.deal(int(str(row["deal_id"])) + 1) is None


def test_contracts_years_apart_after_deliveries_ended_are_two_deals(store: Store) -> None:
    mirage = MIRAGE_INDIA
    reports = [
        article(
            "mirage-order",
            "1982-10-01",
            event(mirage, "agreement", "1982", "India ordered 40 Mirage 2000 jets in 1982.", 40),
        ),
        article(
            "mirage-arrive",
            "1985-06-30",
            event(mirage, "delivery", "1985-06", "The first Mirage 2000 jets arrived in June.", 7),
        ),
        article(
            "mirage-last",
            "1986-12-01",
            event(mirage, "delivery", "1986", "France delivered the last Mirage 2000 in 1986."),
        ),
        article(
            "mirage-follow-on",
            "2004-09-01",
            event(
                mirage, "agreement", "2004", "India signed for ten more Mirage 2000 in 2004.", 10
            ),
        ),
    ]
    for report in reports:
        store.ingest(report, resolve_deals)
    deals = list(store.deals(DealFilter(supplier="FRA", recipient="IND")))
    assert [(d["first_seen"], d["quantity_ordered"], d["sources"]) for d in deals] == [
        ("1982", 40, 3),
        ("2004", 10, 1),
    ]


NEWS_ARTICLES = 1200
SUPPLIERS = ("Russia", "France", "China", "the United States")
RECIPIENTS = ("Iran", "India", "Egypt", "Pakistan", "Brazil")
WEAPONS = ("Su-35 jets", "Rafale jets", "J-10 fighters", "F-16 fighters")


def write_news(path: Path, count: int) -> None:
    """A JSONL feed where every fourth article reports a delivery, pairs and dates varying."""
    with path.open("w", encoding="utf-8") as feed:
        for index in range(count):
            published = f"{2010 + index % 14}-{1 + index % 12:02d}-{1 + index % 28:02d}"
            k = index // 4
            text = (
                f"{SUPPLIERS[k % 4]} delivered {2 + index % 9} {WEAPONS[(k // 3) % 4]}"
                f" to {RECIPIENTS[(k // 4) % 5]} on Tuesday. Report {index} ends here."
                if index % 4 == 0
                else f"The council of Springfield met on day {index} to discuss its parks."
            )
            record = {"id": f"news-{index}", "text": text, "published": published}
            feed.write(json.dumps(record) + "\n")


def ingest_command(target: str, news: Path) -> list[str]:
    return [sys.executable, "-m", "armswatch", "ingest", "--db", target, str(news)]


def command_env() -> dict[str, str]:
    paths = [str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


class Stored(NamedTuple):
    """What an ingest run leaves, without the ids that depend on the order of writes."""

    counts: Counts
    events_per_article: Counter[str]
    events: list[tuple[str, ...]]
    deals: list[tuple[str, ...]]


def stored(target: str) -> Stored:
    with Store.open(target) as store:
        events = list(store.events(EventFilter()))
        return Stored(
            counts=store.counts(),
            events_per_article=Counter(str(e["id"]) for e in events),
            events=sorted(
                tuple(str(e[key]) for key in ("id", "stage", "system", "event_date", "evidence"))
                for e in events
            ),
            deals=sorted(
                tuple(str(value) for key, value in deal.items() if key != "deal_id")
                for deal in store.deals(DealFilter())
            ),
        )


def test_an_ingest_killed_midway_completes_on_the_next_run(
    back_end: BackEnd, tmp_path: Path
) -> None:
    news = tmp_path / "news.jsonl"
    write_news(news, NEWS_ARTICLES)
    clean = back_end.new_target("clean")
    finished = subprocess.run(
        ingest_command(clean, news), env=command_env(), capture_output=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
    expected = stored(clean)
    assert expected.counts.documents == NEWS_ARTICLES
    assert expected.counts.events > NEWS_ARTICLES // 5

    target = back_end.new_target("killed")
    with Store.open(target) as watcher, (tmp_path / "killed.log").open("wb") as log:
        process = subprocess.Popen(
            ingest_command(target, news), env=command_env(), stdout=log, stderr=log
        )
        deadline = time.monotonic() + 60
        while watcher.counts().documents == 0 and process.poll() is None:
            assert time.monotonic() < deadline, "no document was stored within 60 s"
            time.sleep(0.01)
        process.kill()
        process.wait()
        at_kill = watcher.counts().documents
    assert 0 < at_kill < NEWS_ARTICLES, "the ingest ended before it could be killed"

    resumed = subprocess.run(
        ingest_command(target, news), env=command_env(), capture_output=True, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    assert stored(target) == expected
