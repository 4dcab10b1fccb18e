"""Merge the many reports of one deal into one Deal with a stage timeline.

Analysts want one row for India's S-400, not one per article. Events group on
(supplier, recipient, system family, kind), deployments apart from transfers;
time windows (windows.py) cut a key into several deals when a later contract is
clearly a new one. Generic mentions ("air defence systems") join the pair's only
deal of their category, and form a deal of their own where that is ambiguous.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from armswatch.models import Deal, DealKind, StoredEvent
from armswatch.resolve._bundle import Bundle, most_common
from armswatch.resolve._dates import check_dates
from armswatch.resolve._split import split_in_time
from armswatch.resolve.windows import DealWindows, load_windows

_Pair = tuple[str, str, DealKind]
_Groups = dict[tuple[_Pair, str], list[StoredEvent]]


def resolve_deals(events: Sequence[StoredEvent], windows: DealWindows | None = None) -> list[Deal]:
    """The deals the events report, sorted by (first_seen, key).

    Pure and deterministic: the order of `events` does not matter. Events
    without a supplier or a recipient cannot be keyed and are left out.
    """
    check_dates(events)
    settings = windows or load_windows()
    named: _Groups = defaultdict(list)
    generic: list[tuple[_Pair, StoredEvent]] = []
    for event in events:
        pair = _pair(event)
        if pair is not None and event.family is not None:
            named[pair, event.family].append(event)
        elif pair is not None:
            generic.append((pair, event))
    bundles = _bundles(named, settings, named_by_family=True)
    leftovers = _attach_generic(generic, bundles)
    bundles += _bundles(leftovers, settings, named_by_family=False)
    return sorted((bundle.to_deal() for bundle in bundles), key=_deal_order)


def _pair(event: StoredEvent) -> _Pair | None:
    if event.supplier is None or event.recipient is None:
        return None
    kind: DealKind = "deployment" if event.stage == "deployment" else "transfer"
    return (event.supplier, event.recipient, kind)


def _bundles(groups: _Groups, windows: DealWindows, *, named_by_family: bool) -> list[Bundle]:
    """One bundle per deal: groups are keyed by family when named, else by category."""
    return [
        Bundle(
            supplier=supplier,
            recipient=recipient,
            family=name if named_by_family else None,
            kind=kind,
            category=most_common(event.category for event in part),
            events=part,
        )
        for ((supplier, recipient, kind), name), group in groups.items()
        for part in split_in_time(group, windows)
    ]


def _attach_generic(generic: Iterable[tuple[_Pair, StoredEvent]], bundles: list[Bundle]) -> _Groups:
    """Join each generic mention to its pair's only deal of its category; return the rest."""
    leftovers: _Groups = defaultdict(list)
    for pair, event in generic:
        matches = [
            bundle
            for bundle in bundles
            if (bundle.supplier, bundle.recipient, bundle.kind) == pair
            and bundle.category == event.category
        ]
        if len(matches) == 1:
            matches[0].events.append(event)
        else:
            leftovers[pair, event.category].append(event)
    return leftovers


def _deal_order(deal: Deal) -> tuple[bool, str, str, str, str, str, tuple[int, ...]]:
    supplier, recipient, family, kind = deal.key
    return (
        deal.first_seen is None,
        deal.first_seen or "",
        supplier or "",
        recipient or "",
        family,
        kind,
        deal.event_ids,
    )
