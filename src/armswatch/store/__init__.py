"""store: documents and events in SQLite."""

from armswatch.store.sqlite import EventFilter, Store

__all__ = ["EventFilter", "Store"]
