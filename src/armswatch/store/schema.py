"""The tables of the store, as the queries see them.

The migrations in store/migrations create exactly these tables; a test
checks that the two agree. Dates are ISO-8601 text ("2019", "2019-07",
"2019-07-12") everywhere: the pipeline reports partial dates, and text
compares the same way on SQLite and PostgreSQL.

A deal's timeline lives in `deal_stages`, one row per stage, rather than in
a JSON column: the `deals --stage` filter then is an indexed lookup that
works alike on both back ends, and a stage's dates can be queried directly.
A stage's events are the deal's linked events (deal_events) of that stage,
as the resolver builds its spans, so the links need no stage of their own.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    func,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("content_hash", String, nullable=False, unique=True),
    Column("article_id", String, nullable=False),
    Column("url", String),
    Column("title", String),
    Column("published", String),
    Column("fetched_at", String, nullable=False),
    Column("site", String),
    # "unknown" only for documents stored before versions were recorded (revision 0002).
    Column("extractor_version", String, nullable=False, server_default="unknown"),
    sqlite_autoincrement=True,
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "document_id",
        Integer,
        ForeignKey("documents.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("supplier", String),
    Column("recipient", String),
    Column("system", String),
    Column("category", String, nullable=False),
    Column("quantity", Integer),
    Column("quantity_text", String),
    Column("stage", String, nullable=False),
    Column("event_date", String),
    Column("evidence", String, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("extractor_version", String, nullable=False),
    Column("family", String),
    sqlite_autoincrement=True,
)
Index("events_pair", events.c.supplier, events.c.recipient)
Index("events_system", events.c.system)
Index("events_document", events.c.document_id)
Index("events_date", events.c.event_date)
Index("events_supplier_ci", func.upper(events.c.supplier))
Index("events_recipient_ci", func.upper(events.c.recipient))

deals = Table(
    "deals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("supplier", String),
    Column("recipient", String),
    Column("family", String),
    Column("system", String),
    Column("category", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("quantity_ordered", Integer),
    Column("quantity_delivered", Integer),
    Column("first_seen", String),
    Column("last_seen", String),
    Column("current_stage", String, nullable=False),
    sqlite_autoincrement=True,
)
Index("deals_pair", deals.c.supplier, deals.c.recipient)
Index("deals_supplier_ci", func.upper(deals.c.supplier))
Index("deals_recipient_ci", func.upper(deals.c.recipient))
Index("deals_category", deals.c.category)
Index("deals_current_stage", deals.c.current_stage)
Index("deals_first_seen", deals.c.first_seen)

deal_stages = Table(
    "deal_stages",
    metadata,
    Column("deal_id", Integer, ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True),
    Column("stage", String, primary_key=True),
    Column("earliest", String),
    Column("latest", String),
)
Index("deal_stages_stage", deal_stages.c.stage, deal_stages.c.deal_id)

deal_events = Table(
    "deal_events",
    metadata,
    Column("deal_id", Integer, ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
)
Index("deal_events_event", deal_events.c.event_id)
