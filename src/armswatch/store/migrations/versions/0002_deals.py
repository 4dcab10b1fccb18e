"""Deals: one row per real-world deal, its timeline and the events behind it.

Documents gain the extractor version that produced their events (so a new
version re-extracts them) and events gain their system's family (the key
deal resolution groups on); both are filled in for rows already stored.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from armswatch.find.designations import family_of

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

UNKNOWN_VERSION = "unknown"


def upgrade() -> None:
    _extend_documents()
    _extend_events()
    _create_deals()


def _extend_documents() -> None:
    op.execute("ALTER TABLE documents RENAME COLUMN ingested_at TO fetched_at")
    op.add_column("documents", sa.Column("site", sa.String))
    op.add_column(
        "documents",
        sa.Column("extractor_version", sa.String, nullable=False, server_default=UNKNOWN_VERSION),
    )
    op.execute(
        "UPDATE documents SET extractor_version ="
        " (SELECT max(e.extractor_version) FROM events e WHERE e.document_id = documents.id)"
        " WHERE EXISTS (SELECT 1 FROM events e WHERE e.document_id = documents.id)"
    )


def _extend_events() -> None:
    op.add_column("events", sa.Column("family", sa.String))
    connection = op.get_bind()
    systems = connection.execute(
        sa.text("SELECT DISTINCT system FROM events WHERE system IS NOT NULL")
    ).scalars()
    families = [{"system": system, "family": family_of(system)} for system in systems]
    if families:
        connection.execute(
            sa.text("UPDATE events SET family = :family WHERE system = :system"), families
        )
    op.create_index("events_document", "events", ["document_id"])
    op.create_index("events_date", "events", ["event_date"])
    op.create_index("events_supplier_ci", "events", [sa.text("upper(supplier)")])
    op.create_index("events_recipient_ci", "events", [sa.text("upper(recipient)")])


def _create_deals() -> None:
    op.create_table(
        "deals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("supplier", sa.String),
        sa.Column("recipient", sa.String),
        sa.Column("family", sa.String),
        sa.Column("system", sa.String),
        sa.Column("category", sa.String, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("quantity_ordered", sa.Integer),
        sa.Column("quantity_delivered", sa.Integer),
        sa.Column("first_seen", sa.String),
        sa.Column("last_seen", sa.String),
        sa.Column("current_stage", sa.String, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("deals_pair", "deals", ["supplier", "recipient"])
    op.create_index("deals_supplier_ci", "deals", [sa.text("upper(supplier)")])
    op.create_index("deals_recipient_ci", "deals", [sa.text("upper(recipient)")])
    op.create_index("deals_category", "deals", ["category"])
    op.create_index("deals_current_stage", "deals", ["current_stage"])
    op.create_index("deals_first_seen", "deals", ["first_seen"])
    op.create_table(
        "deal_stages",
        sa.Column(
            "deal_id",
            sa.Integer,
            sa.ForeignKey("deals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("stage", sa.String, primary_key=True),
        sa.Column("earliest", sa.String),
        sa.Column("latest", sa.String),
    )
    op.create_index("deal_stages_stage", "deal_stages", ["stage", "deal_id"])
    op.create_table(
        "deal_events",
        sa.Column(
            "deal_id",
            sa.Integer,
            sa.ForeignKey("deals.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "event_id",
            sa.Integer,
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_index("deal_events_event", "deal_events", ["event_id"])
