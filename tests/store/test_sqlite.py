from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from armswatch.models import ArticleResult, Event
from armswatch.store import EventFilter, Store


def _event(system: str, stage: str = "delivery", date: str = "2019-07") -> Event:
    return Event(
        supplier="RUS",
        recipient="TUR",
        system=system,
        category="air-defence-system",
        quantity=None,
        quantity_text=None,
        stage=stage,  # type: ignore[arg-type]
        event_date=date,
        evidence=f"Russia delivered the {system} to Turkey.",
        evidence_start=0,
        evidence_end=30,
        confidence=0.8,
    )


def _article(content_hash: str, *events: Event) -> ArticleResult:
    return ArticleResult(
        id=f"doc-{content_hash}",
        url="https://example.org/x",
        published=dt.date(2019, 10, 24),
        events=events,
        content_hash=content_hash,
    )


def test_same_content_is_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    store = Store(db)
    assert store.add(_article("h1", _event("S-400")))
    assert not store.add(_article("h1", _event("S-400")))
    assert store.counts() == (1, 1)
    store.close()
    reopened = Store(db)
    assert not reopened.add(_article("h1", _event("S-400")))
    assert reopened.counts() == (1, 1)
    reopened.close()
    mode = sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_filters_select_events(tmp_path: Path) -> None:
    store = Store(tmp_path / "events.db")
    store.add(
        _article(
            "h1", _event("S-400", date="2019-07"), _event("Pantsir-S1", "deployment", "2019-10")
        )
    )
    store.add(_article("h2", _event("S-400", "agreement", "2017-12")))

    def systems(where: EventFilter) -> list[tuple[object, object]]:
        return [(e["system"], e["event_date"]) for e in store.events(where)]

    assert systems(EventFilter(system="s-400")) == [("S-400", "2017-12"), ("S-400", "2019-07")]
    assert systems(EventFilter(stage="deployment")) == [("Pantsir-S1", "2019-10")]
    assert systems(EventFilter(since="2019")) == [("S-400", "2019-07"), ("Pantsir-S1", "2019-10")]
    assert systems(EventFilter(until="2018")) == [("S-400", "2017-12")]
    assert systems(EventFilter(until="2019-07")) == [("S-400", "2017-12"), ("S-400", "2019-07")]
    assert systems(EventFilter(supplier="rus", recipient="TUR", stage="agreement")) == [
        ("S-400", "2017-12")
    ]
    assert systems(EventFilter(recipient="IND")) == []
    [first] = list(store.events(EventFilter(stage="agreement")))
    assert first["id"] == "doc-h2"
    assert first["url"] == "https://example.org/x"
    store.close()
