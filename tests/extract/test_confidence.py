"""The learned confidence: its features, fitting, the shipped model and its data."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
from importlib import resources

import pytest

from armswatch.evaluate.train_confidence import (
    Article,
    Row,
    choose_cutoff,
    labelled_articles,
    training_path,
)
from armswatch.extract.confidence import (
    FEATURE_VERSION,
    MODEL_FILE,
    ConfidenceModel,
    Training,
    event_features,
    fit,
    load_model,
    read_model,
)
from armswatch.models import Event, RawDocument
from armswatch.pipeline import process_document


def _event(evidence: str, **changes: object) -> Event:
    fields: dict[str, object] = {
        "supplier": "FRA",
        "recipient": "IND",
        "system": "Rafale",
        "category": "aircraft",
        "quantity": 36,
        "quantity_text": "36",
        "stage": "agreement",
        "event_date": "2016-09",
        "evidence": evidence,
        "evidence_start": 0,
        "evidence_end": len(evidence),
        "confidence": 0.0,
        "rules": ("trigger:agreement:Signed", "subject-recipient", "marker-from"),
    }
    return Event(**(fields | changes))  # type: ignore[arg-type]


def test_features_name_the_trigger_rules_slots_and_sentence_words() -> None:
    features = event_features(_event("India said it would buy 36 Rafales if talks go well."), 2)
    assert "trigger=agreement:signed" in features
    assert {"rule=subject-recipient", "rule=marker-from"} <= set(features)
    assert {"stage=agreement", "named", "counted", "supplier=state", "sentence_events=2"} <= set(
        features
    )
    assert {"evidence_said", "evidence_modal", "evidence_if"} <= set(features)
    assert "evidence_negation" not in features


def test_an_organisation_party_is_told_apart_from_a_state() -> None:
    features = event_features(_event("Wagner sent fighters.", supplier="Wagner"), 1)
    assert "supplier=organisation" in features


def test_fitting_learns_which_features_go_with_right_events() -> None:
    rows = [(["good", "common"], True)] * 20 + [(["bad", "common"], False)] * 20
    model = fit(rows, Training(penalty=1.0))
    assert model.score(["good", "common"]) > 0.8
    assert model.score(["bad", "common"]) < 0.2
    assert fit(rows, Training(penalty=1.0)) == model  # the same rows give the same model


def test_features_seen_too_rarely_weigh_nothing() -> None:
    rows = [(["good"], True)] * 20 + [(["bad"], False)] * 20 + [(["rare"], True)] * 2
    assert "rare" not in fit(rows).weights


def test_a_model_survives_its_json() -> None:
    model = ConfidenceModel({"good": 1.25, "bad": -0.5}, 0.125, cutoff=0.35)
    assert read_model(model.to_json({"events": 2})) == model


def test_a_model_trained_on_other_features_is_refused_with_what_to_do() -> None:
    text = json.dumps({"feature_version": FEATURE_VERSION + 1, "bias": 0.0, "weights": {}})
    with pytest.raises(ValueError, match="train_confidence"):
        read_model(text)


def test_each_extracted_event_carries_the_shipped_model_s_score() -> None:
    raw = RawDocument(
        id="t",
        source="t",
        text="France delivered 36 Rafale fighters to India in 2022, the ministry said.",
        published=dt.date(2023, 1, 20),
    )
    [event] = process_document(raw).events
    assert 0.0 < event.confidence < 1.0
    assert event.confidence == load_model().score(event_features(event, 1))


def _shipped() -> dict[str, object]:
    text = resources.files("armswatch.extract.data").joinpath(MODEL_FILE).read_text("utf-8")
    loaded: dict[str, object] = json.loads(text)
    return loaded


def test_the_shipped_model_names_the_training_data_it_was_fitted_on() -> None:
    digest = hashlib.sha256(training_path().read_bytes()).hexdigest()
    assert _shipped()["training_sha256"] == digest


def test_the_shipped_model_is_what_training_on_today_s_rules_gives() -> None:
    """A change to the rules that moves the labels or features needs a retrained
    model (`python -m armswatch.evaluate.train_confidence`)."""
    articles = labelled_articles(training_path())
    rows = [row for article_rows, _ in articles for row in article_rows]
    assert len(rows) == _shipped()["events"]
    retrained, shipped = fit(rows), load_model()
    drift = max(abs(retrained.score(f) - shipped.score(f)) for f, _ in rows)
    assert drift < 0.05
    assert shipped.cutoff == choose_cutoff(articles)


def _noisy_rows(count: int) -> list[Row]:
    """Rows where `f1` makes an event likelier right and `f2` likelier wrong."""
    draw = random.Random(1)  # noqa: S311 - test data, not a secret
    rows = []
    for _ in range(count):
        features = [f"f{i}" for i in range(12) if draw.random() < 0.3]
        odds = 0.9 if "f1" in features else 0.3 if "f2" in features else 0.6
        rows.append((features, draw.random() < odds))
    return rows


def test_a_few_rows_more_or_less_barely_move_the_model() -> None:
    # Dropping rows reorders the shuffle; a model taken from the last step alone
    # moved by 0.15 here, the averaged one by under 0.01.
    rows = _noisy_rows(600)
    full, fewer = fit(rows), fit(rows[:-5])
    probes = [[f"f{i}"] for i in range(12)]
    assert max(abs(full.score(p) - fewer.score(p)) for p in probes) < 0.03
    assert full.score(["f1"]) > full.score([]) > full.score(["f2"])


def _articles(rows_per_article: list[Row]) -> list[Article]:
    """Each row an article of its own, with one gold event when the row is right."""
    return [([row], int(row[1])) for row in rows_per_article]


def test_the_cutoff_drops_what_is_mostly_wrong_and_keeps_what_is_right() -> None:
    rows: list[Row] = [(["good"], True)] * 60 + [(["poor"], False)] * 30
    rows += [(["poor"], True)] * 3
    cutoff = choose_cutoff(_articles(rows))
    model = fit(rows)
    assert model.score(["poor"]) < cutoff <= model.score(["good"])


def test_no_cutoff_when_every_event_is_right() -> None:
    rows: list[Row] = [(["good"], True)] * 40 + [(["fair"], True)] * 40
    assert choose_cutoff(_articles(rows)) == 0.0


SENTENCES = (
    "The first Su-35 jets have reached Iran, officials said, in a move that risks"
    " Tehran's removal from the Su-30 programme. France delivered 36 Rafale fighters"
    " to India in 2022, the ministry said."
)


def test_extraction_leaves_out_events_below_the_shipped_cutoff() -> None:
    raw = RawDocument(id="t", source="t", text=SENTENCES, published=dt.date(2023, 1, 20))
    everything = process_document(raw, min_confidence=0.0).events
    published = process_document(raw).events
    cutoff = load_model().cutoff
    assert cutoff > 0.0
    assert list(published) == [e for e in everything if e.confidence >= cutoff]
    assert len(published) < len(everything)
    assert process_document(raw, min_confidence=1.0).events == ()


def test_averaging_several_shuffle_orders_steadies_the_model() -> None:
    rows = _noisy_rows(300)
    probes = [[f"f{i}", f"f{j}"] for i in range(12) for j in range(i + 1, 12)]

    def apart(first: Training, second: Training) -> float:
        one, other = fit(rows, first), fit(rows, second)
        return max(abs(one.score(p) - other.score(p)) for p in probes)

    single = apart(Training(shuffles=1, seed=0), Training(shuffles=1, seed=1))
    averaged = apart(Training(seed=0), Training(seed=5))
    assert averaged < single / 2
