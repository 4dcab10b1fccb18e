"""Write path: store an article's events, then re-resolve the deals they touch.

Deals are resolved per (supplier, recipient) pair: when a document adds or
loses events of a pair, every stored event of that pair goes through the
resolver again and the pair's deals are replaced (deal_sync.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    delete,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from armswatch.find.designations import family_of
from armswatch.models import ArticleResult, Event, StoredEvent
from armswatch.store.deal_sync import replace_deals
from armswatch.store.queries import EVENT_COLUMNS
from armswatch.store.records import IngestOutcome, Resolver
from armswatch.store.schema import deals, documents, events

Pair = tuple[str | None, str | None]
PAIRS_PER_QUERY = 200


def store_articles(
    connection: Connection, results: Sequence[ArticleResult], extractor_version: str
) -> tuple[list[IngestOutcome], set[Pair]]:
    """Write documents and their events in bulk; returns what happened to each
    article and the pairs whose events changed."""
    fetched_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows = [_document_row(result, extractor_version, fetched_at) for result in results]
    added = _insert_documents(connection, rows)
    stored = _stored_documents(
        connection, [r.content_hash for r in results if r.content_hash not in added]
    )
    outcomes: list[IngestOutcome] = []
    touched: set[Pair] = set()
    event_rows: list[dict[str, object]] = []
    seen: set[str] = set()
    for result, row in zip(results, rows, strict=True):
        outcome, document_id = _outcome(result, added, stored, seen, extractor_version)
        outcomes.append(outcome)
        if outcome is IngestOutcome.UNCHANGED:
            continue
        if outcome is IngestOutcome.REPLACED:
            touched |= _replace_document(connection, document_id, row)
        touched.update((event.supplier, event.recipient) for event in result.events)
        event_rows.extend(_event_row(document_id, e, extractor_version) for e in result.events)
    if event_rows:
        connection.execute(insert(events), event_rows)
    return outcomes, touched


def _outcome(
    result: ArticleResult,
    added: dict[str, int],
    stored: dict[str, tuple[int, str]],
    seen: set[str],
    extractor_version: str,
) -> tuple[IngestOutcome, int]:
    """ADDED for the first copy of a new page, UNCHANGED for a page stored by this
    extractor version (or repeated in the batch), REPLACED for one stored by another."""
    content_hash = result.content_hash
    first = content_hash not in seen
    seen.add(content_hash)
    if content_hash in added:
        return (IngestOutcome.ADDED if first else IngestOutcome.UNCHANGED), added[content_hash]
    document_id, version = stored[content_hash]
    if version == extractor_version or not first:
        return IngestOutcome.UNCHANGED, document_id
    return IngestOutcome.REPLACED, document_id


def resolve_pairs(connection: Connection, pairs: Iterable[Pair], resolver: Resolver) -> int:
    """Replace the deals of these pairs with what the resolver makes of their events."""
    written = 0
    ordered = sorted(pairs, key=_pair_sort_key)
    _lock_pairs(connection, ordered)
    for chunk in _chunks(ordered, PAIRS_PER_QUERY):
        resolved = resolver(load_events(connection, chunk))
        replace_deals(
            connection, _pairs_clause(deals.c.supplier, deals.c.recipient, chunk), resolved
        )
        written += len(resolved)
    return written


def all_pairs(connection: Connection) -> set[Pair]:
    """Every pair that has events or deals."""
    found: set[Pair] = set()
    for table in (events, deals):
        query = select(table.c.supplier, table.c.recipient).distinct()
        found.update((row.supplier, row.recipient) for row in connection.execute(query))
    return found


def load_events(connection: Connection, pairs: Sequence[Pair]) -> list[StoredEvent]:
    """The stored events of these pairs, with their article: the resolver's input."""
    query = (
        select(
            events.c.id.label("event_id"),
            events.c.document_id,
            documents.c.url,
            documents.c.title,
            documents.c.published,
            events.c.supplier,
            events.c.recipient,
            events.c.system,
            events.c.family,
            events.c.category,
            events.c.stage,
            events.c.quantity,
            events.c.quantity_text,
            events.c.event_date,
            events.c.evidence,
            events.c.confidence,
        )
        .join_from(events, documents, events.c.document_id == documents.c.id)
        .where(_pairs_clause(events.c.supplier, events.c.recipient, pairs))
        .order_by(events.c.id)
    )
    # Columns are selected in StoredEvent's field order: positional is much faster.
    return [StoredEvent(*tuple(row)) for row in connection.execute(query)]


def _insert_documents(connection: Connection, rows: list[dict[str, object]]) -> dict[str, int]:
    """Insert the documents not stored yet; returns their ids by content hash.

    ON CONFLICT DO NOTHING skips pages already stored, including one that
    another process stores at the same moment (PostgreSQL).
    """
    dialect_insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = (
        dialect_insert(documents)
        .on_conflict_do_nothing(index_elements=[documents.c.content_hash])
        .returning(documents.c.content_hash, documents.c.id)
    )
    return {row.content_hash: row.id for row in connection.execute(statement, rows)}


def _stored_documents(connection: Connection, hashes: list[str]) -> dict[str, tuple[int, str]]:
    if not hashes:
        return {}
    query = select(documents.c.content_hash, documents.c.id, documents.c.extractor_version).where(
        documents.c.content_hash.in_(hashes)
    )
    return {row.content_hash: (row.id, row.extractor_version) for row in connection.execute(query)}


def _replace_document(
    connection: Connection, document_id: int, row: dict[str, object]
) -> set[Pair]:
    """Drop a document's old events and refresh its row; returns the pairs they had."""
    removed = connection.execute(
        delete(events)
        .where(events.c.document_id == document_id)
        .returning(events.c.supplier, events.c.recipient)
    )
    pairs = {(old.supplier, old.recipient) for old in removed}
    connection.execute(update(documents).where(documents.c.id == document_id).values(row))
    return pairs


def _document_row(
    result: ArticleResult, extractor_version: str, fetched_at: str
) -> dict[str, object]:
    return {
        "content_hash": result.content_hash,
        "article_id": result.id,
        "url": result.url,
        "title": result.title,
        "site": result.site,
        "published": result.published.isoformat() if result.published else None,
        "fetched_at": fetched_at,
        "extractor_version": extractor_version,
    }


def _event_row(document_id: int, event: Event, extractor_version: str) -> dict[str, object]:
    fields = event.to_dict()
    row = {name: fields[name] for name in EVENT_COLUMNS}
    row["document_id"] = document_id
    row["family"] = _family(event.system) if event.system else None
    row["extractor_version"] = extractor_version
    return row


@lru_cache(maxsize=4096)
def _family(system: str) -> str:
    return family_of(system)


def _pairs_clause(
    supplier: ColumnElement[str | None], recipient: ColumnElement[str | None], pairs: Sequence[Pair]
) -> ColumnElement[bool]:
    """Rows of these pairs, as ORed equalities (IS NULL for a missing party): SQLite
    searches the pair index for each, where a row-value IN would scan it."""
    return or_(
        *(
            and_(
                supplier == s if s is not None else supplier.is_(None),
                recipient == r if r is not None else recipient.is_(None),
            )
            for s, r in pairs
        )
    )


def _lock_pairs(connection: Connection, pairs: Sequence[Pair]) -> None:
    """On PostgreSQL, serialise writers re-resolving the same pair (SQLite has one
    writer); all at once and in one order, so two writers cannot deadlock."""
    if connection.dialect.name != "postgresql":
        return
    keys = [{"key": key} for key in sorted({_lock_key(pair) for pair in pairs})]
    if keys:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), keys)


def _lock_key(pair: Pair) -> int:
    digest = hashlib.sha256(repr(pair).encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _pair_sort_key(pair: Pair) -> tuple[str, str]:
    return (pair[0] or "", pair[1] or "")


def _chunks(items: Sequence[Pair], size: int) -> Iterator[list[Pair]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
