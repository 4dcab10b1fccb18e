"""Alembic migrations of the store; `armswatch.store.database` runs them on open."""
