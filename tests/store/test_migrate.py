"""Opening a database brings it to the current schema, whatever state it was in."""

from __future__ import annotations

import datetime as dt
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, inspect, text

from armswatch._errors import StoreError
from armswatch.models import ArticleResult, Event
from armswatch.resolve import resolve_deals
from armswatch.store import EventFilter, IngestOutcome, Store
from armswatch.store.engine import database_url
from armswatch.store.migrate import MIGRATIONS
from armswatch.store.schema import metadata

from .conftest import BackEnd

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()

# The schema armswatch 0.1.0 wrote, before it used Alembic.
UNVERSIONED_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, article_id TEXT NOT NULL,
    url TEXT, title TEXT, published TEXT, ingested_at TEXT NOT NULL);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    supplier TEXT, recipient TEXT, system TEXT, category TEXT NOT NULL, quantity INTEGER,
    quantity_text TEXT, stage TEXT NOT NULL, event_date TEXT, evidence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, confidence REAL NOT NULL,
    extractor_version TEXT NOT NULL);
CREATE INDEX events_pair ON events (supplier, recipient);
CREATE INDEX events_system ON events (system);
INSERT INTO documents VALUES
    (1, 'hash-1', 'su30-contract', 'https://news.example/su30', NULL, '2020-07-03',
     '2024-01-01T10:00:00+00:00'),
    (2, 'hash-2', 'weather', NULL, NULL, '2020-07-04', '2024-01-01T10:00:01+00:00');
INSERT INTO events VALUES
    (1, 1, 'RUS', 'IND', 'Su-30MKI', 'aircraft', 12, '12', 'agreement', '2020-07',
     'India ordered 12 more Su-30MKI fighters from Russia.', 0, 52, 0.9, '0.1.0');
"""


def schema_revision(target: str) -> str:
    engine = create_engine(database_url(target))
    with engine.connect() as connection:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    return str(revision)


def su30_article(content_hash: str = "hash-1") -> ArticleResult:
    evidence = "India ordered 12 more Su-30MKI fighters from Russia."
    event = Event(
        "RUS",
        "IND",
        "Su-30MKI",
        "aircraft",
        12,
        "12",
        "agreement",
        "2020-07",
        evidence,
        0,
        len(evidence),
        0.9,
    )
    return ArticleResult(
        "su30-contract", "https://news.example/su30", dt.date(2020, 7, 3), (event,), content_hash
    )


def test_reopening_keeps_the_data_at_the_head_revision(target: str) -> None:
    with Store.open(target) as store:
        store.ingest(su30_article(), resolve_deals)
        before = (store.counts(), list(store.events(EventFilter())))
    assert schema_revision(target) == HEAD
    with Store.open(target) as store:
        assert (store.counts(), list(store.events(EventFilter()))) == before
        assert store.ingest(su30_article(), resolve_deals) is IngestOutcome.UNCHANGED
    assert schema_revision(target) == HEAD


def test_the_migrations_create_the_tables_the_queries_use(target: str) -> None:
    Store.open(target).close()
    engine = create_engine(database_url(target))
    with engine.connect() as connection:
        inspector = inspect(connection)
        for table in metadata.sorted_tables:
            columns = {(c["name"], c["nullable"]) for c in inspector.get_columns(table.name)}
            assert columns == {(c.name, c.nullable) for c in table.columns}, table.name
        declared = {index.name for table in metadata.sorted_tables for index in table.indexes}
        assert declared <= index_names(connection)
    engine.dispose()


def index_names(connection: Connection) -> set[str]:
    # Catalogs rather than the inspector, which cannot reflect SQLite's expression indexes.
    query = (
        "SELECT name FROM sqlite_master WHERE type = 'index'"
        if connection.dialect.name == "sqlite"
        else "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"
    )
    return set(connection.execute(text(query)).scalars())


def test_a_database_from_before_alembic_is_upgraded_in_place(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.executescript(UNVERSIONED_SCHEMA)
    old.close()
    with Store.open(path) as store:
        assert store.counts() == (2, 1, 0)
        assert store.rebuild_deals(resolve_deals) == 1
        [event] = store.events(EventFilter(system="su-30"))
        assert event["event_id"] == 1
        assert store.ingest(su30_article(), resolve_deals, "0.1.0") is IngestOutcome.UNCHANGED
        assert store.counts() == (2, 1, 1)
    assert schema_revision(str(path)) == HEAD
    with sqlite3.connect(path) as upgraded:
        rows = upgraded.execute(
            "SELECT d.article_id, d.extractor_version, d.fetched_at, e.family"
            " FROM documents d LEFT JOIN events e ON e.document_id = d.id ORDER BY d.id"
        ).fetchall()
    upgraded.close()
    assert rows == [
        ("su30-contract", "0.1.0", "2024-01-01T10:00:00+00:00", "Su-30"),
        ("weather", "unknown", "2024-01-01T10:00:01+00:00", None),
    ]


def test_a_database_with_other_tables_is_refused(target: str) -> None:
    engine = create_engine(database_url(target))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE customers (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"customers.*choose another database"):
        Store.open(target)


def test_a_database_from_a_newer_armswatch_is_refused(target: str) -> None:
    Store.open(target).close()
    engine = create_engine(database_url(target))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"newer armswatch \(schema revision 9999\)"):
        Store.open(target)


def test_connections_opening_a_new_database_at_once_create_it_once(back_end: BackEnd) -> None:
    target = back_end.new_target("shared")

    def open_and_count(_: int) -> tuple[int, int, int]:
        with Store.open(target) as store:
            return store.counts()

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(open_and_count, range(4))) == [(0, 0, 0)] * 4
    assert schema_revision(target) == HEAD
