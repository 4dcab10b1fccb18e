"""store: documents, events and the deals they describe, in SQLite or PostgreSQL."""

from armswatch.store.database import Store
from armswatch.store.queries import DEAL_COLUMNS, EVENT_COLUMNS
from armswatch.store.records import (
    Counts,
    DealDetail,
    DealFilter,
    DealSource,
    EventFilter,
    IngestOutcome,
    Resolver,
)

__all__ = [
    "DEAL_COLUMNS",
    "EVENT_COLUMNS",
    "Counts",
    "DealDetail",
    "DealFilter",
    "DealSource",
    "EventFilter",
    "IngestOutcome",
    "Resolver",
    "Store",
]
