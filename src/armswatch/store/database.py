"""The Store: documents, events and deals in SQLite or PostgreSQL.

Documents are keyed by content hash, so ingesting the same page twice adds
nothing. Articles are stored in transactions (one per batch) together with
the deals they change, so a killed ingest leaves every article either fully
stored (events and deals) or absent, and running it again completes the work.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from alembic.util import CommandError
from sqlalchemy.exc import SQLAlchemyError

from armswatch import __version__
from armswatch._errors import StoreError
from armswatch.models import ArticleResult
from armswatch.store import engine as engines
from armswatch.store import queries, writes
from armswatch.store.migrate import upgrade
from armswatch.store.records import (
    Counts,
    DealDetail,
    DealFilter,
    EventFilter,
    IngestOutcome,
    Resolver,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

BATCH_SIZE = 500
HINTS = {
    "sqlite": "check that it is an armswatch database and that its folder is writable",
    "postgresql": "check that the server is running and the URL's host, port, user,"
    " password and database name",
}


class Store:
    """A database of documents, their events and the deals the events describe.

    Open with `Store.open(path_or_url)`; not safe to share between threads.
    """

    def __init__(self, engine: Engine, name: str) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{engines.WRITE_OPTION: True})
        self.name = name

    @classmethod
    def open(cls, target: str | Path) -> Store:
        """Open (creating or upgrading as needed) a SQLite file or a database URL."""
        url = engines.database_url(target)
        name = engines.describe(url)
        engine = engines.create(url)
        try:
            upgrade(engine, name)
        except (SQLAlchemyError, CommandError) as exc:
            engine.dispose()
            raise StoreError(
                f"{name}: cannot open the database ({_reason(exc)});"
                f" {HINTS[url.get_backend_name()]}"
            ) from exc
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, name)

    def close(self) -> None:
        """Close every connection."""
        self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def ingest(
        self, result: ArticleResult, resolver: Resolver, extractor_version: str = __version__
    ) -> IngestOutcome:
        """Store one article and re-resolve the deals of the pairs its events touch.

        Unchanged when the same content was stored by the same extractor
        version; its events are replaced when another version stored it.
        """
        return next(self.ingest_many([result], resolver, extractor_version))

    def ingest_many(
        self,
        results: Iterable[ArticleResult],
        resolver: Resolver,
        extractor_version: str = __version__,
        batch_size: int = BATCH_SIZE,
    ) -> Iterator[IngestOutcome]:
        """`ingest` for a stream of articles, one outcome per article, in order.

        Articles are written `batch_size` at a time, each batch in one
        transaction with the deals it changes: bulk writes and one resolution
        per pair keep storing far cheaper than extracting. An outcome is
        yielded once its batch is committed.
        """
        iterator = iter(results)
        while batch := list(islice(iterator, batch_size)):
            action = f"cannot store {len(batch)} articles starting at {batch[0].id}"
            with self._write(action) as connection:
                outcomes, touched = writes.store_articles(connection, batch, extractor_version)
                if touched:
                    writes.resolve_pairs(connection, touched, resolver)
            yield from outcomes

    def rebuild_deals(self, resolver: Resolver) -> int:
        """Resolve every pair again (after a database upgrade or a new resolver);
        returns how many deals are stored."""
        with self._write("cannot rebuild the deals") as connection:
            return writes.resolve_pairs(connection, writes.all_pairs(connection), resolver)

    def events(self, where: EventFilter) -> Iterator[Mapping[str, object]]:
        """Stored events with their article's id, url and date, oldest event date first."""
        with self._read() as connection:
            yield from queries.event_rows(connection, where)

    def deals(self, where: DealFilter) -> Iterator[Mapping[str, object]]:
        """Stored deals (DEAL_COLUMNS), earliest first."""
        with self._read() as connection:
            yield from queries.deal_rows(connection, where)

    def deal(self, deal_id: int) -> DealDetail | None:
        """One deal with its timeline and sources; None when no deal has that id."""
        with self._read() as connection:
            return queries.deal_detail(connection, deal_id)

    def counts(self) -> Counts:
        """How many documents, events and deals are stored."""
        with self._read() as connection:
            return queries.counts(connection)

    @contextmanager
    def _write(self, action: str) -> Iterator[Connection]:
        try:
            with self._writer.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.name}: {action} ({_reason(exc)})") from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self._engine.begin() as connection:
                yield connection
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.name}: cannot read ({_reason(exc)})") from exc


def _reason(exc: Exception) -> str:
    cause = getattr(exc, "orig", None) or exc
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(cause).__name__
