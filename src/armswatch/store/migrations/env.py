"""Alembic environment: migrate on the connection the store hands over.

The store opens the connection and its transaction itself (holding the
write lock), so the whole upgrade commits or rolls back as one.
"""

from __future__ import annotations

from alembic import context

from armswatch.store.schema import metadata

context.configure(connection=context.config.attributes["connection"], target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
