from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from armswatch._errors import EvaluationError
from armswatch.evaluate.report import evaluate_file, half_of, ranking_auc, read_gold
from armswatch.evaluate.scoring import Tally, match_article, systems_match


def _event(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {
        "supplier": "RUS",
        "recipient": "SRB",
        "system": "Pantsir-S1",
        "category": "air-defence-system",
        "stage": "deployment",
    }
    base.update(fields)
    return base


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ("Pantsir-S1", "Pantsir", True),
        ("Pantsir", "Pantsir-S1", True),
        ("S-400", "s400", True),
        ("S-400", "S-300", False),
        ("F-16V", "F-16", True),
        ("AH-64D", "Apache", False),
    ],
)
def test_system_names_match_by_folded_prefix(gold: str, predicted: str, expected: bool) -> None:
    assert systems_match(_event(system=gold), _event(system=predicted)) is expected


def test_system_alt_and_null_gold_system() -> None:
    gold = _event(system="AH-64D", system_alt=["Apache Longbow", "Apache"])
    assert systems_match(gold, _event(system="Apache"))
    generic = _event(system=None, category="aircraft")
    assert systems_match(generic, _event(system="Su-35", category="aircraft"))
    assert not systems_match(generic, _event(system="S-400", category="air-defence-system"))
    assert not systems_match(_event(system="S-400"), _event(system=None))


def test_greedy_one_to_one_matching_in_order() -> None:
    gold = [_event(), _event(stage="delivery")]
    predicted = [_event(), _event(), _event(stage="delivery", recipient="TUR")]
    score = match_article("a", gold, predicted)
    assert len(score.matched) == 1
    assert len(score.missed) == 1
    assert len(score.false) == 2


def test_stage_ignored_matching_uses_an_unordered_pair() -> None:
    gold = [_event(supplier="RUS", recipient="SRB", stage="deployment")]
    predicted = [_event(supplier="SRB", recipient="RUS", stage="delivery")]
    assert not match_article("a", gold, predicted).matched
    assert match_article("a", gold, predicted, ignore_stage=True).matched


def test_tally_handles_empty_counts() -> None:
    tally = Tally()
    assert (tally.precision, tally.recall, tally.f1) == (0.0, 0.0, 0.0)
    tally = Tally(true_positive=3, predicted=4, gold=6)
    assert tally.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)


def test_malformed_gold_file_is_a_named_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "events": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold\.jsonl:2"):
        list(read_gold(gold))


def test_evaluate_file_counts_negatives_and_slots(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    records = [
        {
            "id": "pos",
            "published": "2019-10-24",
            "text": "Russia has sent a battery of Pantsir-S1 systems to Serbia for a drill.",
            "events": [_event(quantity=1, event_date="2019-10")],
        },
        {
            "id": "neg",
            "published": "2021-01-10",
            "text": "The Patriots beat the Jets on Sunday.",
            "events": [],
        },
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    report = evaluate_file(gold)
    figures = report.summary()
    assert figures["articles"] == 2
    assert figures["negative_articles"] == 1
    assert figures["negatives_with_events"] == 0
    assert figures["f1"] == 1.0
    assert figures["quantity_accuracy"] == 1.0
    assert figures["date_accuracy"] == 1.0


def test_the_halves_split_by_id_hash_and_add_up(tmp_path: Path) -> None:
    ids = [f"article-{n}" for n in range(40)]
    assert {half_of(i) for i in ids} == {0, 1}
    assert [half_of(i) for i in ids] == [half_of(i) for i in ids]
    gold = tmp_path / "gold.jsonl"
    records = [
        {
            "id": article_id,
            "published": "2019-10-24",
            "text": "Russia has sent a battery of Pantsir-S1 systems to Serbia for a drill.",
            "events": [_event(quantity=1, event_date="2019-10")],
        }
        for article_id in ids[:6]
    ]
    gold.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    report = evaluate_file(gold)
    assert sum(t.gold for t in report.halves) == report.strict.gold == 6
    assert sum(t.true_positive for t in report.halves) == report.strict.true_positive


@pytest.mark.parametrize(
    ("scored", "auc"),
    [
        ([(0.9, True), (0.8, True), (0.2, False)], 1.0),
        ([(0.1, True), (0.8, False), (0.9, False)], 0.0),
        ([(0.5, True), (0.5, False)], 0.5),
        ([(0.9, True), (0.3, False), (0.6, True), (0.7, False)], 0.75),
        ([(0.9, True), (0.4, True)], 0.0),  # no wrong event to rank against
    ],
)
def test_ranking_auc_counts_right_events_above_wrong_ones(
    scored: list[tuple[float, bool]], auc: float
) -> None:
    assert ranking_auc(scored) == auc


def _one_right_one_wrong() -> dict[str, object]:
    """A gold article with the Pantsir deployment, whose MiG-29 delivery is not gold."""
    return {
        "id": "one",
        "published": "2019-10-24",
        "text": "Russia has sent a battery of Pantsir-S1 systems to Serbia for a drill. "
        "Moscow also delivered two MiG-29 fighters to Serbia on Monday.",
        "events": [_event(quantity=1, event_date="2019-10")],
    }


def test_the_report_ranks_each_predicted_event_by_its_confidence(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl.gz"
    with gzip.open(gold, "wt", encoding="utf-8") as packed:
        packed.write(json.dumps(_one_right_one_wrong()) + "\n")
    report = evaluate_file(gold)
    assert sorted(right for _, right in report.confidences) == [False, True]
    assert all(0.0 < confidence < 1.0 for confidence, _ in report.confidences)
    assert report.summary()["confidence_auc"] in {0.0, 1.0}


def test_events_below_the_cutoff_are_not_scored_but_still_ranked(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_one_right_one_wrong()) + "\n", encoding="utf-8")
    everything = evaluate_file(gold, min_confidence=0.0).summary()
    assert everything["predicted_events"] == 2
    nothing = evaluate_file(gold, min_confidence=1.0)
    assert nothing.summary()["predicted_events"] == 0
    assert nothing.summary()["matched_events"] == 0
    assert sorted(right for _, right in nothing.confidences) == [False, True]
