"""Deal scoring: distinct gold deals against stored deal rows."""

from __future__ import annotations

from armswatch.evaluate.deals import gold_deals, predicted_deals, score_deals


def _gold(supplier: str, recipient: str, system: str | None, category: str) -> dict[str, object]:
    return {"supplier": supplier, "recipient": recipient, "system": system, "category": category}


def _row(
    supplier: str, recipient: str, system: str | None, family: str | None, category: str
) -> dict[str, object]:
    return {
        "supplier": supplier,
        "recipient": recipient,
        "system": system,
        "family": family,
        "category": category,
    }


def test_gold_deals_are_distinct_by_pair_and_family() -> None:
    events = [
        _gold("RUS", "IND", "S-400", "air-defence-system"),
        _gold("RUS", "IND", "S-400", "air-defence-system"),
        _gold("RUS", "IND", "Su-30MKI", "aircraft"),
        _gold("RUS", "IND", "Su-30", "aircraft"),
        _gold("TUR", "SOM", None, "other"),
    ]
    assert [(d["system"], d["category"]) for d in gold_deals(events)] == [
        ("S-400", "air-defence-system"),
        ("Su-30MKI", "aircraft"),
        (None, "other"),
    ]


def test_split_deals_of_one_family_count_once() -> None:
    rows = [
        _row("FRA", "IND", "Mirage 2000H", "Mirage 2000", "aircraft"),
        _row("FRA", "IND", "Mirage 2000-5", "Mirage 2000", "aircraft"),
    ]
    assert len(predicted_deals(rows)) == 1


def test_matching_by_family_by_category_and_one_to_one() -> None:
    gold = [
        _gold("RUS", "IND", "Su-30", "aircraft"),
        _gold("TUR", "SOM", None, "other"),
        _gold("USA", "POL", "F-35A", "aircraft"),
    ]
    predicted = predicted_deals(
        [
            _row("RUS", "IND", "Su-30MKI", "Su-30", "aircraft"),
            _row("TUR", "SOM", None, None, "other"),
            _row("USA", "POL", "F-16", "F-16", "aircraft"),
            _row("POL", "USA", "F-35A", "F-35", "aircraft"),
        ]
    )
    tally = score_deals(gold, predicted)
    assert (tally.true_positive, tally.predicted, tally.gold) == (2, 4, 3)
