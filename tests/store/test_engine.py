"""What a user can type as --db, and what they are told when it cannot be opened."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from armswatch._errors import StoreError
from armswatch.store import Store
from armswatch.store.engine import database_url


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with Store.open(path) as store, store._engine.connect() as connection:
        pragmas = [
            connection.execute(text(f"PRAGMA {name}")).scalar_one()
            for name in ("journal_mode", "foreign_keys", "synchronous")
        ]
    assert pragmas == ["wal", 1, 1]  # synchronous 1 is NORMAL
    with sqlite3.connect(path) as other:
        assert other.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    other.close()


def test_a_sqlite_url_names_a_file(tmp_path: Path) -> None:
    path = tmp_path / "by-url.db"
    with Store.open(f"sqlite:///{path}") as store:
        assert store.name == str(path)
    assert path.is_file()


def test_a_plain_postgresql_url_uses_psycopg() -> None:
    url = database_url("postgresql://analyst:secret@db.example:5432/armswatch")
    assert url.drivername == "postgresql+psycopg"
    assert url.database == "armswatch"


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{tmp}/missing/events.db", r"{tmp}/missing/events.db: folder .* does not exist"),
        ("sqlite:///{tmp}/missing/events.db", r"folder .* does not exist; create it first"),
        ("{tmp}", r"{tmp}: is a folder; give the path of a database file"),
        ("{tmp}/notes.txt", r"{tmp}/notes.txt: cannot open the database .*armswatch database"),
        ("mysql://analyst@db.example/armswatch", r"unsupported database 'mysql'"),
        ("not a url://here", r"not a database URL"),
        ("postgresql+nodriver://analyst@db.example/x", r"no database driver.*pip install"),
        (
            "postgresql+psycopg://analyst:secret@127.0.0.1:1/armswatch",
            r"analyst:\*\*\*@127.0.0.1:1/armswatch: cannot open .*check that the server is running",
        ),
    ],
)
def test_a_target_that_cannot_be_opened_is_named_with_what_to_check(
    tmp_path: Path, target: str, message: str
) -> None:
    (tmp_path / "notes.txt").write_text("Shopping list: bread, milk.\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match=message.format(tmp=re.escape(str(tmp_path)))) as raised:
        Store.open(target.format(tmp=tmp_path))
    assert "\n" not in str(raised.value)
    assert "secret" not in str(raised.value)
