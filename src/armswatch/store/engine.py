"""Open a database from what the user typed: a file path or a SQLAlchemy URL.

SQLite runs in WAL mode with foreign keys on and `synchronous=NORMAL`: a
killed process never leaves a half-written transaction behind, readers do
not block the writer, and commits skip the fsync that would cap ingest at a
few hundred documents per second (only a power cut can lose the last
commits, never corrupt the file). Write transactions start with BEGIN
IMMEDIATE so that two writers queue for the lock instead of failing midway.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from armswatch._errors import StoreError

BACK_ENDS = ("sqlite", "postgresql")
WRITE_OPTION = "armswatch_write"
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)
LOCK_WAIT_SECONDS = 30
CONNECT_TIMEOUT_SECONDS = 10
_LOCK_RETRY_SECONDS = 0.05


def database_url(target: str | Path) -> URL:
    """The URL of a file path or URL string; a plain path means a SQLite file."""
    if isinstance(target, Path) or "://" not in target:
        return _sqlite_file_url(Path(target).expanduser())
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise StoreError(
            f"{target}: not a database URL; give a file path or a URL such as"
            " postgresql+psycopg://user@host:5432/armswatch"
        ) from exc
    if url.get_backend_name() not in BACK_ENDS:
        raise StoreError(
            f"{describe(url)}: unsupported database {url.get_backend_name()!r};"
            " use a SQLite file or a postgresql+psycopg:// URL"
        )
    if url.drivername == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite" and url.database:
        return _sqlite_file_url(Path(url.database))
    return url


def _sqlite_file_url(path: Path) -> URL:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder; give the path of a database file")
    if not path.parent.is_dir():
        raise StoreError(f"{path}: folder {path.parent} does not exist; create it first")
    return URL.create("sqlite+pysqlite", database=str(path))


def describe(url: URL) -> str:
    """The URL as shown in messages: a file's path, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or "(in-memory SQLite)"
    return url.render_as_string(hide_password=True)


def create(url: URL) -> Engine:
    """An engine for the URL, with SQLite's pragmas and transaction control set up."""
    try:
        if url.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        return create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StoreError(
            f"{describe(url)}: no database driver ({exc}); install it, for PostgreSQL"
            " with `pip install 'armswatch[postgres]'`"
        ) from exc


def _sqlite_engine(url: URL) -> Engine:
    engine = create_engine(url, connect_args={"timeout": LOCK_WAIT_SECONDS})
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Take transaction control from the sqlite3 module, which would otherwise
    # skip BEGIN before DDL and SELECT (see SQLAlchemy's SQLite notes).
    dbapi_connection.isolation_level = None
    for pragma in SQLITE_PRAGMAS:
        _execute_when_free(dbapi_connection, pragma)


def _execute_when_free(dbapi_connection: sqlite3.Connection, statement: str) -> None:
    """Switching a new file to WAL needs it to itself, and SQLite reports "locked" at
    once rather than waiting when another connection is switching it too."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            dbapi_connection.execute(statement)
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(_LOCK_RETRY_SECONDS)
        else:
            return


def _begin_sqlite(connection: Connection) -> None:
    write = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
