"""SQLite store for documents and their events.

Documents are keyed by content hash, so ingesting the same page twice adds
nothing; each document and its events are written in one transaction, so an
interrupted ingest never leaves half a document behind.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from armswatch import __version__
from armswatch._errors import StoreError
from armswatch.models import ArticleResult

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    supplier TEXT,
    recipient TEXT,
    system TEXT,
    category TEXT NOT NULL,
    quantity INTEGER,
    quantity_text TEXT,
    stage TEXT NOT NULL,
    event_date TEXT,
    evidence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    extractor_version TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_pair ON events (supplier, recipient);
CREATE INDEX IF NOT EXISTS events_system ON events (system);
"""

EVENT_COLUMNS = (
    "supplier",
    "recipient",
    "system",
    "category",
    "quantity",
    "quantity_text",
    "stage",
    "event_date",
    "evidence",
    "evidence_start",
    "evidence_end",
    "confidence",
)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters of `armswatch events`; None means no filter."""

    supplier: str | None = None
    recipient: str | None = None
    system: str | None = None
    stage: str | None = None
    since: str | None = None
    until: str | None = None


class Store:
    """A SQLite file holding documents and events."""

    def __init__(self, path: Path) -> None:
        try:
            self._db = sqlite3.connect(path, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(SCHEMA)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open the database ({exc}); check the path") from exc
        self._db.row_factory = sqlite3.Row

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def add(self, result: ArticleResult) -> bool:
        """Store one document and its events; False when it was already stored."""
        try:
            with self._db:
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO documents"
                    " (content_hash, article_id, url, title, published, ingested_at)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        result.content_hash,
                        result.id,
                        result.url,
                        result.title,
                        result.published.isoformat() if result.published else None,
                        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    ),
                )
                if cursor.rowcount == 0:
                    return False
                self._insert_events(cursor.lastrowid, result)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store {result.id}: {exc}") from exc
        return True

    def _insert_events(self, document_id: int | None, result: ArticleResult) -> None:
        placeholders = ", ".join("?" for _ in range(len(EVENT_COLUMNS) + 2))
        rows = [
            (document_id, *(event.to_dict()[c] for c in EVENT_COLUMNS), __version__)
            for event in result.events
        ]
        self._db.executemany(
            f"INSERT INTO events (document_id, {', '.join(EVENT_COLUMNS)}, extractor_version)"  # noqa: S608
            f" VALUES ({placeholders})",
            rows,
        )

    def counts(self) -> tuple[int, int]:
        """Number of documents and events stored."""
        documents = self._db.execute("SELECT count(*) FROM documents").fetchone()[0]
        events = self._db.execute("SELECT count(*) FROM events").fetchone()[0]
        return int(documents), int(events)

    def events(self, where: EventFilter) -> Iterator[Mapping[str, object]]:
        """Stored events with their document, oldest event date first."""
        clauses, params = _filter_sql(where)
        columns = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        query = (
            f"SELECT e.id AS event_id, d.article_id AS id, d.url, d.published, {columns}"  # noqa: S608
            " FROM events e JOIN documents d ON d.id = e.document_id"
            f" {'WHERE ' + ' AND '.join(clauses) if clauses else ''}"
            " ORDER BY e.event_date, e.id"
        )
        for row in self._db.execute(query, params):
            yield dict(row)


def _filter_sql(where: EventFilter) -> tuple[list[str], list[str]]:
    clauses: list[str] = []
    params: list[str] = []
    for column, value in (
        ("supplier", where.supplier),
        ("recipient", where.recipient),
        ("stage", where.stage),
    ):
        if value:
            clauses.append(f"upper(e.{column}) = upper(?)")
            params.append(value)
    if where.system:
        clauses.append("lower(e.system) LIKE lower(?)")
        params.append(f"%{where.system}%")
    if where.since:
        clauses.append("e.event_date >= ?")
        params.append(where.since)
    if where.until:
        clauses.append("substr(e.event_date, 1, ?) <= ?")
        params.extend([str(len(where.until)), where.until])
    return clauses, params
