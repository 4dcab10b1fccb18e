"""Read queries: events and deals under the filters of the command line.

Case-insensitive matches compare upper() on both sides so the expression
indexes on upper(supplier) and upper(recipient) serve them; stages and
categories are stored lower-case, so they compare plainly.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy import ColumnElement, Connection, Select, exists, func, select

from armswatch.models import STAGES, Deal, Stage, StageSpan
from armswatch.store.deal_sync import DEAL_FIELDS
from armswatch.store.records import Counts, DealDetail, DealFilter, DealSource, EventFilter
from armswatch.store.schema import deal_events, deal_stages, deals, documents, events

EVENT_COLUMNS = (
    "supplier",
    "recipient",
    "system",
    "category",
    "quantity",
    "quantity_text",
    "stage",
    "event_date",
    "evidence",
    "evidence_start",
    "evidence_end",
    "confidence",
)
DEAL_COLUMNS = ("deal_id", *DEAL_FIELDS, "sources")
STREAM_ROWS = 1000
STAGE_ORDER: dict[Stage, int] = {stage: rank for rank, stage in enumerate(STAGES)}


def counts(connection: Connection) -> Counts:
    """How many documents, events and deals are stored."""
    total = [
        connection.execute(select(func.count()).select_from(table)).scalar_one()
        for table in (documents, events, deals)
    ]
    return Counts(*total)


def event_rows(connection: Connection, where: EventFilter) -> Iterator[Mapping[str, object]]:
    """Events with their article's id, url and date, oldest event date first."""
    query = (
        select(
            events.c.id.label("event_id"),
            documents.c.article_id.label("id"),
            documents.c.url,
            documents.c.published,
            *(events.c[name] for name in EVENT_COLUMNS),
        )
        .join_from(events, documents, events.c.document_id == documents.c.id)
        .where(*_event_clauses(where))
        .order_by(events.c.event_date.asc().nulls_first(), events.c.id)
    )
    return _stream(connection, query)


def deal_rows(connection: Connection, where: DealFilter) -> Iterator[Mapping[str, object]]:
    """Deals with how many sources back each, earliest first."""
    sources = (
        select(func.count())
        .where(deal_events.c.deal_id == deals.c.id)
        .scalar_subquery()
        .label("sources")
    )
    columns = [deals.c[name] for name in DEAL_COLUMNS[1:-1]]
    query = (
        select(deals.c.id.label("deal_id"), *columns, sources)
        .where(*_deal_clauses(where))
        .order_by(deals.c.first_seen.asc().nulls_first(), deals.c.id)
    )
    return _stream(connection, query)


def deal_detail(connection: Connection, deal_id: int) -> DealDetail | None:
    """One deal, its timeline and its sources; None when no deal has that id."""
    row = connection.execute(select(deals).where(deals.c.id == deal_id)).mappings().first()
    if row is None:
        return None
    sources = _sources(connection, deal_id)
    spans = connection.execute(
        select(deal_stages).where(deal_stages.c.deal_id == deal_id)
    ).mappings()
    timeline = sorted(
        (
            StageSpan(
                stage=span["stage"],
                earliest=span["earliest"],
                latest=span["latest"],
                event_ids=tuple(s.event_id for s in sources if s.stage == span["stage"]),
            )
            for span in spans
        ),
        key=lambda span: STAGE_ORDER[span.stage],
    )
    deal = Deal(
        supplier=row["supplier"],
        recipient=row["recipient"],
        family=row["family"],
        system=row["system"],
        category=row["category"],
        kind=row["kind"],
        quantity_ordered=row["quantity_ordered"],
        quantity_delivered=row["quantity_delivered"],
        first_seen=row["first_seen"],
        last_seen=row["last_seen"],
        current_stage=row["current_stage"],
        timeline=tuple(timeline),
        event_ids=tuple(sorted(s.event_id for s in sources)),
    )
    return DealDetail(deal_id=deal_id, deal=deal, sources=sources)


def _sources(connection: Connection, deal_id: int) -> tuple[DealSource, ...]:
    query = (
        select(
            events.c.id.label("event_id"),
            documents.c.article_id,
            documents.c.url,
            documents.c.title,
            documents.c.site,
            documents.c.published,
            events.c.stage,
            events.c.event_date,
            events.c.system,
            events.c.quantity,
            events.c.evidence,
            events.c.confidence,
        )
        .join_from(deal_events, events, deal_events.c.event_id == events.c.id)
        .join(documents, events.c.document_id == documents.c.id)
        .where(deal_events.c.deal_id == deal_id)
        .order_by(events.c.event_date.asc().nulls_first(), events.c.id)
    )
    return tuple(DealSource(**row) for row in connection.execute(query).mappings())


def _stream(
    connection: Connection, query: Select[tuple[object, ...]]
) -> Iterator[dict[str, object]]:
    rows = connection.execution_options(yield_per=STREAM_ROWS).execute(query).mappings()
    for row in rows:
        yield dict(row)


def _event_clauses(where: EventFilter) -> list[ColumnElement[bool]]:
    clauses = _party_clauses(events.c.supplier, events.c.recipient, where.supplier, where.recipient)
    if where.system:
        clauses.append(func.lower(events.c.system).contains(where.system.lower(), autoescape=True))
    if where.stage:
        clauses.append(events.c.stage == where.stage.lower())
    if where.since:
        clauses.append(events.c.event_date >= where.since)
    if where.until:
        clauses.append(func.substr(events.c.event_date, 1, len(where.until)) <= where.until)
    return clauses


def _deal_clauses(where: DealFilter) -> list[ColumnElement[bool]]:
    clauses = _party_clauses(deals.c.supplier, deals.c.recipient, where.supplier, where.recipient)
    if where.system:
        needle = where.system.lower()
        clauses.append(
            func.lower(deals.c.system).contains(needle, autoescape=True)
            | func.lower(deals.c.family).contains(needle, autoescape=True)
        )
    if where.category:
        clauses.append(deals.c.category == where.category.lower())
    if where.stage:
        clauses.append(
            exists().where(
                deal_stages.c.deal_id == deals.c.id, deal_stages.c.stage == where.stage.lower()
            )
        )
    if where.since:
        clauses.append(deals.c.last_seen >= where.since)
    if where.until:
        clauses.append(func.substr(deals.c.first_seen, 1, len(where.until)) <= where.until)
    return clauses


def _party_clauses(
    supplier_column: ColumnElement[str | None],
    recipient_column: ColumnElement[str | None],
    supplier: str | None,
    recipient: str | None,
) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    for column, value in ((supplier_column, supplier), (recipient_column, recipient)):
        if value:
            clauses.append(func.upper(column) == func.upper(value))
    return clauses
