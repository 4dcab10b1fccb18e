"""Bring a database to the current schema whenever a Store opens it.

Alembic is configured in code (no alembic.ini) and runs inside one write
transaction that also holds the database's lock, so two processes opening
a fresh database at once cannot both create the tables, and a failed
upgrade leaves the database as it was.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect, text

from armswatch._errors import StoreError
from armswatch.store.engine import WRITE_OPTION

MIGRATIONS = Path(__file__).with_name("migrations")
# The tables armswatch 0.1.0 created before it used Alembic: revision 0001.
UNVERSIONED_TABLES = frozenset({"documents", "events"})
UNVERSIONED_REVISION = "0001"
MIGRATION_LOCK = 0x61726D73  # "arms": the PostgreSQL advisory lock taken while migrating


def upgrade(engine: Engine, name: str) -> None:
    """Migrate the database to head; `name` is how messages refer to it.

    A database already at head is only read, so opening it neither waits for
    a writer nor needs write access.
    """
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    with engine.connect() as connection:
        if MigrationContext.configure(connection).get_current_revision() == head:
            return
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config = _config(connection)
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        if current is None:
            _adopt_unversioned(connection, config, name)
        elif current not in {revision.revision for revision in script.walk_revisions()}:
            raise StoreError(
                f"{name}: written by a newer armswatch (schema revision {current});"
                " upgrade armswatch to read it"
            )
        command.upgrade(config, "head")


def _adopt_unversioned(connection: Connection, config: Config, name: str) -> None:
    tables = {t for t in inspect(connection).get_table_names() if not t.startswith("sqlite_")}
    if tables == UNVERSIONED_TABLES:
        command.stamp(config, UNVERSIONED_REVISION)
    elif tables:
        raise StoreError(
            f"{name}: holds tables armswatch did not create ({', '.join(sorted(tables))});"
            " choose another database"
        )


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config
