"""Confidence: how likely an event is one an annotator would record.

The rules that build an event say little about how often events like it are
right, so a logistic model weighs the words and rules behind each one. It is
trained on gold articles this project wrote itself (`data/confidence_training.jsonl.gz`,
never the shared evaluation sets) by `python -m armswatch.evaluate.train_confidence`,
and its weights ship in `data/confidence_model.json`: scoring needs no network,
no GPU and nothing beyond the standard library.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from armswatch.models import Event

MODEL_FILE = "confidence_model.json"
TRAINING_FILE = "confidence_training.jsonl.gz"
# Raised when `event_features` changes: a model trained on other features is stale.
FEATURE_VERSION = 1

# Words in the evidence that often mark a sentence annotators leave out.
_EVIDENCE_CUES = {
    "quote": re.compile(r"[\"“”]"),
    "said": re.compile(r"\b(?:said|says)\b"),
    "question": re.compile(r"\?"),
    "modal": re.compile(r"\b(?:would|could|may|might|will)\b", re.IGNORECASE),
    "negation": re.compile(r"\b(?:not|no|never)\b|n't\b", re.IGNORECASE),
    "if": re.compile(r"\bif\b", re.IGNORECASE),
}
_STATE_CODE = re.compile(r"[A-Z]{3}")
_WORDS_PER_BUCKET = 10
_LONGEST_BUCKET = 6
_MOST_EVENTS = 4


def event_features(event: Event, sentence_events: int) -> list[str]:
    """The names of the facts about an event the model weighs: its trigger word,
    the rules that chose its parties and date, its slots, and its sentence's words.
    `sentence_events` is how many events the article took from the same sentence."""
    features = [_rule_feature(rule) for rule in event.rules]
    features += [
        f"stage={event.stage}",
        f"category={event.category}",
        "named" if event.system else "unnamed",
        "counted" if event.quantity is not None else "uncounted",
        _party_feature("supplier", event.supplier),
        _party_feature("recipient", event.recipient),
        f"length={min(_LONGEST_BUCKET, len(event.evidence.split()) // _WORDS_PER_BUCKET)}",
        f"sentence_events={min(_MOST_EVENTS, sentence_events)}",
    ]
    features += [
        f"evidence_{cue}" for cue, words in _EVIDENCE_CUES.items() if words.search(event.evidence)
    ]
    return features


def _rule_feature(rule: str) -> str:
    """ "trigger:delivery:Handed over" is the trigger word, case aside."""
    if rule.startswith("trigger:"):
        return f"trigger={rule.removeprefix('trigger:').lower()}"
    return f"rule={rule}"


def _party_feature(role: str, code: str | None) -> str:
    if code is None:
        return f"{role}=none"
    return f"{role}=state" if _STATE_CODE.fullmatch(code) else f"{role}=organisation"


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """A logistic model over feature names: absent features weigh nothing. Events
    scored below `cutoff` are more often wrong than publishing them is worth; training
    chooses it where it gave the best F1 on articles held out of each fit."""

    weights: dict[str, float]
    bias: float
    cutoff: float = 0.0

    def score(self, features: Iterable[str]) -> float:
        """The probability that an event with these features is right."""
        total = self.bias + sum(self.weights.get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-total))

    def to_json(self, provenance: dict[str, object]) -> str:
        """The model as shipped, with where it came from."""
        weights = {name: round(value, 4) for name, value in sorted(self.weights.items())}
        body = {"feature_version": FEATURE_VERSION, **provenance}
        fitted = {"cutoff": self.cutoff, "bias": round(self.bias, 4), "weights": weights}
        return json.dumps(body | fitted, indent=1)


@lru_cache(maxsize=1)
def load_model() -> ConfidenceModel:
    """The shipped model."""
    text = resources.files("armswatch.extract.data").joinpath(MODEL_FILE).read_text("utf-8")
    return read_model(text)


def read_model(text: str) -> ConfidenceModel:
    """A model from its JSON, refused when it was trained on other features."""
    data = json.loads(text)
    if data.get("feature_version") != FEATURE_VERSION:
        message = f"{MODEL_FILE} was trained on other features; retrain it"
        raise ValueError(f"{message} with `python -m armswatch.evaluate.train_confidence`")
    weights = {str(name): float(value) for name, value in data["weights"].items()}
    return ConfidenceModel(weights, float(data["bias"]), float(data["cutoff"]))


def cutoff_or_default(min_confidence: float | None) -> float:
    """The confidence an event needs to be published: the caller's, or else the
    shipped model's cutoff."""
    return load_model().cutoff if min_confidence is None else min_confidence


def article_features(events: Sequence[Event]) -> list[list[str]]:
    """The features of each of an article's events, in order: what scoring and
    training both read, so the two never differ."""
    per_sentence = Counter(event.evidence_start for event in events)
    return [event_features(event, per_sentence[event.evidence_start]) for event in events]


def with_confidence(events: Sequence[Event], min_confidence: float | None = None) -> list[Event]:
    """The article's events, each with the shipped model's confidence in it, less
    those below `min_confidence` (by default the model's cutoff)."""
    model = load_model()
    cutoff = cutoff_or_default(min_confidence)
    scored = (
        replace(event, confidence=model.score(features))
        for event, features in zip(events, article_features(events), strict=True)
    )
    return [event for event in scored if event.confidence >= cutoff]


@dataclass(frozen=True, slots=True)
class Training:
    """How hard to fit: rarer features are noise, the penalty keeps weights small and
    few passes stop before the model learns the training articles by heart. Chosen by
    five-fold cross-validation on the training set, where 30 passes ranked worse.
    `shuffles` fits, each in its own order from `seed` on, are averaged: events near
    the cutoff then stop flipping with the order the rows happened to come in."""

    min_count: int = 10
    penalty: float = 30.0
    epochs: int = 10
    step: float = 0.1
    seed: int = 0
    shuffles: int = 5


def fit(rows: Sequence[tuple[list[str], bool]], training: Training = Training()) -> ConfidenceModel:
    """A model fitted by stochastic gradient descent: `rows` are each event's
    features and whether the gold set has it. The same rows give the same model.
    Each fit is the average of the weights after every step, not the last step's, so
    a few rows more or less, which reorder the shuffle, do not swing the model; the
    model is the average of `training.shuffles` such fits."""
    counts = Counter(name for features, _ in rows for name in set(features))
    kept = [
        ([n for n in features if counts[n] >= training.min_count], right)
        for features, right in rows
    ]
    fits = [
        _averaged_fit(list(kept), training, seed)
        for seed in range(training.seed, training.seed + training.shuffles)
    ]
    names = {name for model in fits for name in model.weights}
    weights = {n: sum(m.weights.get(n, 0.0) for m in fits) / len(fits) for n in names}
    return ConfidenceModel(weights, sum(m.bias for m in fits) / len(fits))


def _averaged_fit(
    kept: list[tuple[list[str], bool]], training: Training, seed: int
) -> ConfidenceModel:
    """SGD over `training.epochs` passes, each in the order this seed shuffles the rows
    into, as the average of every step's weights."""
    weights: defaultdict[str, float] = defaultdict(float)
    bias = 0.0
    summed: defaultdict[str, float] = defaultdict(float)
    summed_bias = 0.0
    shuffle = random.Random(seed).shuffle  # noqa: S311 - a fixed order, not a secret
    for _ in range(training.epochs):
        shuffle(kept)
        for features, right in kept:
            error = ConfidenceModel(weights, bias).score(features) - float(right)
            bias -= training.step * error
            for name in features:
                shrink = training.penalty * weights[name] / len(kept)
                weights[name] -= training.step * (error + shrink)
            for name, value in weights.items():
                summed[name] += value
            summed_bias += bias
    steps = max(1, training.epochs * len(kept))
    return ConfidenceModel({n: v / steps for n, v in summed.items()}, summed_bias / steps)
