"""Replace some pairs' stored deals with what the resolver made of their events.

Only the deals that differ are rewritten: most reports add to one deal of a
pair, and the pair's other deals stay as they are. A new deal keeps the id of
the old deal it shares most events with (or, failing that, of an old deal
with its key, whose events were re-extracted), so the ids analysts cite stay
valid while reports accumulate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, delete, insert, select

from armswatch.models import Deal
from armswatch.store.schema import deal_events, deal_stages, deals

DEAL_FIELDS = (
    "supplier",
    "recipient",
    "family",
    "system",
    "category",
    "kind",
    "quantity_ordered",
    "quantity_delivered",
    "first_seen",
    "last_seen",
    "current_stage",
)

DealKey = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Written:
    """A deal as stored: equal Written values need no rewrite."""

    fields: tuple[object, ...]
    stages: frozenset[tuple[str, str | None, str | None]]
    event_ids: frozenset[int]

    @property
    def key(self) -> DealKey:
        """Deal.key, from the stored fields."""
        supplier, recipient, family, _system, category, kind, *_rest = self.fields
        return (supplier, recipient, family or f"generic:{category}", kind)

    @classmethod
    def of(cls, deal: Deal) -> Written:
        return cls(
            fields=tuple(getattr(deal, name) for name in DEAL_FIELDS),
            stages=frozenset((s.stage, s.earliest, s.latest) for s in deal.timeline),
            event_ids=frozenset(deal.event_ids),
        )


def replace_deals(
    connection: Connection, of_pairs: ColumnElement[bool], resolved: list[Deal]
) -> None:
    """Make the deals matching `of_pairs` (a clause on the deals table) be `resolved`."""
    old = _stored(connection, of_pairs)
    new = [Written.of(deal) for deal in resolved]
    matched = list(zip(_kept_ids(new, old), new, strict=True))
    unchanged = {old_id for old_id, deal in matched if old_id is not None and old[old_id] == deal}
    stale = set(old) - unchanged
    if stale:
        connection.execute(delete(deals).where(deals.c.id.in_(stale)))
    _insert(connection, [(old_id, deal) for old_id, deal in matched if old_id not in unchanged])


def _stored(connection: Connection, of_pairs: ColumnElement[bool]) -> dict[int, Written]:
    fields = {
        row[0]: tuple(row[1:])
        for row in connection.execute(
            select(deals.c.id, *(deals.c[name] for name in DEAL_FIELDS)).where(of_pairs)
        )
    }
    stages: dict[int, set[tuple[str, str | None, str | None]]] = {i: set() for i in fields}
    stage_rows = connection.execute(
        select(
            deal_stages.c.deal_id, deal_stages.c.stage, deal_stages.c.earliest, deal_stages.c.latest
        )
        .join(deals, deals.c.id == deal_stages.c.deal_id)
        .where(of_pairs)
    )
    for deal_id, stage, earliest, latest in stage_rows:
        stages[deal_id].add((stage, earliest, latest))
    links: dict[int, set[int]] = {i: set() for i in fields}
    link_rows = connection.execute(
        select(deal_events.c.deal_id, deal_events.c.event_id)
        .join(deals, deals.c.id == deal_events.c.deal_id)
        .where(of_pairs)
    )
    for deal_id, event_id in link_rows:
        links[deal_id].add(event_id)
    return {
        deal_id: Written(values, frozenset(stages[deal_id]), frozenset(links[deal_id]))
        for deal_id, values in fields.items()
    }


def _kept_ids(new: list[Written], old: dict[int, Written]) -> list[int | None]:
    """For each new deal, the id of the old deal it continues, if any."""
    owner = {event_id: old_id for old_id, deal in old.items() for event_id in deal.event_ids}
    overlaps = Counter(
        (index, owner[event_id])
        for index, deal in enumerate(new)
        for event_id in deal.event_ids
        if event_id in owner
    )
    kept: dict[int, int] = {}
    taken: set[int] = set()
    for (index, old_id), _shared in sorted(overlaps.items(), key=lambda item: -item[1]):
        if index not in kept and old_id not in taken:
            kept[index] = old_id
            taken.add(old_id)
    free: dict[DealKey, list[int]] = {}
    for old_id, deal in old.items():
        if old_id not in taken:
            free.setdefault(deal.key, []).append(old_id)
    for index, deal in enumerate(new):
        if index not in kept and free.get(deal.key):
            kept[index] = free[deal.key].pop(0)
    return [kept.get(index) for index in range(len(new))]


def _insert(connection: Connection, deals_to_write: list[tuple[int | None, Written]]) -> None:
    reused = [{"id": i, **_row(deal)} for i, deal in deals_to_write if i is not None]
    if reused:
        connection.execute(insert(deals), reused)
    fresh = [deal for i, deal in deals_to_write if i is None]
    new_ids: Iterator[int] = iter(())
    if fresh:
        statement = insert(deals).returning(deals.c.id, sort_by_parameter_order=True)
        new_ids = iter(connection.execute(statement, [_row(d) for d in fresh]).scalars().all())
    written = [(i if i is not None else next(new_ids), deal) for i, deal in deals_to_write]
    stages = [
        {"deal_id": i, "stage": stage, "earliest": earliest, "latest": latest}
        for i, deal in written
        for stage, earliest, latest in sorted(deal.stages)
    ]
    links = [
        {"deal_id": i, "event_id": event_id}
        for i, deal in written
        for event_id in sorted(deal.event_ids)
    ]
    if stages:
        connection.execute(insert(deal_stages), stages)
    if links:
        connection.execute(insert(deal_events), links)


def _row(deal: Written) -> dict[str, object]:
    return dict(zip(DEAL_FIELDS, deal.fields, strict=True))
