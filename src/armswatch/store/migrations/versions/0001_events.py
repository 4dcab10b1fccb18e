"""Documents and events, as armswatch 0.1.0 created them before it used Alembic.

Databases written by that version are stamped with this revision when they
are first opened, then upgraded like any other. New databases also get
AUTOINCREMENT, so SQLite, like PostgreSQL, never reuses a deleted row's id.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("content_hash", sa.String, nullable=False, unique=True),
        sa.Column("article_id", sa.String, nullable=False),
        sa.Column("url", sa.String),
        sa.Column("title", sa.String),
        sa.Column("published", sa.String),
        sa.Column("ingested_at", sa.String, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("supplier", sa.String),
        sa.Column("recipient", sa.String),
        sa.Column("system", sa.String),
        sa.Column("category", sa.String, nullable=False),
        sa.Column("quantity", sa.Integer),
        sa.Column("quantity_text", sa.String),
        sa.Column("stage", sa.String, nullable=False),
        sa.Column("event_date", sa.String),
        sa.Column("evidence", sa.String, nullable=False),
        sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("extractor_version", sa.String, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("events_pair", "events", ["supplier", "recipient"])
    op.create_index("events_system", "events", ["system"])
