"""Score resolved deals against the deals a gold file implies.

A gold file lists events per article; its deals are the distinct (supplier,
recipient, system) triples over all articles, as issue 6 measures them. A
predicted deal matches a gold deal with the same supplier and recipient whose
system matches as events do (SCHEMA.md: folded prefix either way, `system_alt`
accepted, a generic gold deal matching any deal of its category). Matching is
one-to-one, so two predicted deals for one gold deal count one as false.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from armswatch.evaluate.report import raw_document, read_gold
from armswatch.evaluate.scoring import GoldEvent, Tally, systems_match
from armswatch.find.designations import family_of
from armswatch.pipeline import process_document
from armswatch.resolve import resolve_deals
from armswatch.store import DealFilter, Store


def gold_deals(events: Iterable[GoldEvent]) -> list[GoldEvent]:
    """One gold event per distinct (supplier, recipient, system family or category)."""
    distinct: dict[tuple[object, object, str], GoldEvent] = {}
    for event in events:
        system = event.get("system")
        name = family_of(system) if isinstance(system, str) else f"generic:{event.get('category')}"
        distinct.setdefault((event.get("supplier"), event.get("recipient"), name), event)
    return list(distinct.values())


def predicted_deals(deals: Iterable[Mapping[str, object]]) -> list[dict[str, object]]:
    """One record per distinct (supplier, recipient, family) of stored deal rows: deals
    that time windows split are one deal in a gold file that has no dates to split by."""
    distinct: dict[tuple[object, object, object], dict[str, object]] = {}
    for deal in deals:
        family = deal.get("family") or f"generic:{deal.get('category')}"
        distinct.setdefault(
            (deal.get("supplier"), deal.get("recipient"), family),
            {
                "supplier": deal.get("supplier"),
                "recipient": deal.get("recipient"),
                "system": deal.get("system") or deal.get("family"),
                "category": deal.get("category"),
            },
        )
    return list(distinct.values())


def evaluate_deals(gold_path: Path, db: str | Path) -> Tally:
    """Ingest a gold file's articles into the store at `db` and score its deals."""
    records = list(read_gold(gold_path))
    results = (process_document(raw_document(r, gold_path, use_html=False)) for r in records)
    with Store.open(db) as store:
        for _ in store.ingest_many(results, resolve_deals):
            pass
        rows = list(store.deals(DealFilter()))
    events = [e for r in records if isinstance(r["events"], list) for e in r["events"]]
    return score_deals(gold_deals(events), predicted_deals(rows))


def score_deals(gold: Sequence[GoldEvent], predicted: Sequence[dict[str, object]]) -> Tally:
    """Greedy one-to-one matching, gold deals in file order."""
    tally = Tally(predicted=len(predicted), gold=len(gold))
    used: set[int] = set()
    for deal in gold:
        for index, guess in enumerate(predicted):
            if index in used or (deal.get("supplier"), deal.get("recipient")) != (
                guess.get("supplier"),
                guess.get("recipient"),
            ):
                continue
            if systems_match(deal, guess) or _family_match(deal, guess):
                used.add(index)
                tally.true_positive += 1
                break
    return tally


def _family_match(gold: GoldEvent, guess: dict[str, object]) -> bool:
    """A deal shown by its variant ("Su-30MKI") is the gold family's deal ("Su-30")."""
    system, predicted = gold.get("system"), guess.get("system")
    if not isinstance(system, str) or not isinstance(predicted, str):
        return False
    return family_of(system) == family_of(predicted)


def deal_figures(tally: Tally) -> dict[str, float | int]:
    """The deal scores as `armswatch eval --deals` and the CI gate print them."""
    return {
        "deal_gold": tally.gold,
        "deal_predicted": tally.predicted,
        "deal_matched": tally.true_positive,
        "deal_precision": round(tally.precision, 4),
        "deal_recall": round(tally.recall, 4),
        "deal_f1": round(tally.f1, 4),
    }


def measure_deals(gold_path: Path) -> dict[str, float | int]:
    """`evaluate_deals` in a throw-away SQLite file."""
    with tempfile.TemporaryDirectory(prefix="armswatch-deals-") as folder:
        return deal_figures(evaluate_deals(gold_path, Path(folder) / "deals.db"))
