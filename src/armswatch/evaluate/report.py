"""`armswatch eval`: run the pipeline over a gold file and report the scores."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from armswatch._errors import EvaluationError
from armswatch.evaluate.scoring import (
    ArticleScore,
    GoldEvent,
    SlotAccuracy,
    Tally,
    match_article,
)
from armswatch.extract.confidence import cutoff_or_default
from armswatch.ingest.readers import parse_published
from armswatch.models import RawDocument
from armswatch.pipeline import process_document


@dataclass(slots=True)
class EvalReport:
    """Every figure `armswatch eval` prints."""

    strict: Tally = field(default_factory=Tally)
    stage_ignored: Tally = field(default_factory=Tally)
    quantity: SlotAccuracy = field(default_factory=SlotAccuracy)
    event_date: SlotAccuracy = field(default_factory=SlotAccuracy)
    articles: int = 0
    negative_articles: int = 0
    negatives_with_events: int = 0
    details: list[tuple[ArticleScore, str]] = field(default_factory=list)
    halves: tuple[Tally, Tally] = field(default_factory=lambda: (Tally(), Tally()))
    # Each event the rules find, above the cutoff or not: its confidence, and
    # whether the gold set has it.
    confidences: list[tuple[float, bool]] = field(default_factory=list)

    def summary(self) -> dict[str, float | int]:
        """The figures as a flat mapping, for JSON output and the CI gate."""
        return {
            "articles": self.articles,
            "gold_events": self.strict.gold,
            "predicted_events": self.strict.predicted,
            "matched_events": self.strict.true_positive,
            "precision": round(self.strict.precision, 4),
            "recall": round(self.strict.recall, 4),
            "f1": round(self.strict.f1, 4),
            "f1_stage_ignored": round(self.stage_ignored.f1, 4),
            "quantity_accuracy": round(self.quantity.accuracy, 4),
            "quantity_scored": self.quantity.total,
            "date_accuracy": round(self.event_date.accuracy, 4),
            "date_scored": self.event_date.total,
            "negative_articles": self.negative_articles,
            "negatives_with_events": self.negatives_with_events,
            "f1_half_a": round(self.halves[0].f1, 4),
            "f1_half_b": round(self.halves[1].f1, 4),
            "confidence_auc": round(ranking_auc(self.confidences), 4),
        }


def ranking_auc(scored: list[tuple[float, bool]]) -> float:
    """How often a right event outranks a wrong one (0.5: no better than chance);
    0.0 when either kind is missing."""
    ranked = sorted(scored, key=lambda pair: pair[0])
    right = sum(1 for _, ok in ranked if ok)
    wrong = len(ranked) - right
    if not right or not wrong:
        return 0.0
    rank_sum = 0.0
    start = 0
    while start < len(ranked):
        end = start
        while end < len(ranked) and ranked[end][0] == ranked[start][0]:
            end += 1
        # Tied scores share the mean of their ranks.
        mean_rank = (start + 1 + end) / 2
        rank_sum += mean_rank * sum(1 for _, ok in ranked[start:end] if ok)
        start = end
    return (rank_sum - right * (right + 1) / 2) / (right * wrong)


def half_of(article_id: str) -> int:
    """0 or 1: a fixed split of a gold set by a hash of the id, to check for overfitting."""
    return hashlib.sha256(article_id.encode("utf-8")).digest()[0] % 2


def read_gold(path: Path) -> Iterator[dict[str, object]]:
    """Gold records from a SCHEMA.md JSONL file; a bad line is a hard error."""
    try:
        if path.suffix == ".gz":
            with gzip.open(path, "rt", encoding="utf-8") as packed:
                lines = packed.read().splitlines()
        else:
            lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read gold file ({exc.strerror})") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{number}: malformed JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not isinstance(record.get("events"), list):
            raise EvaluationError(f"{path}:{number}: a gold record needs an events list")
        yield record


def raw_document(record: dict[str, object], gold_path: Path, *, use_html: bool) -> RawDocument:
    """The document a gold record describes: its text, or its HTML page when asked."""
    html_file = record.get("html_file")
    html: str | None = None
    if use_html and isinstance(html_file, str):
        html_path = gold_path.parent / "html" / Path(html_file).name
        html = html_path.read_text(encoding="utf-8")
    text = record.get("text")
    url = record.get("url")
    return RawDocument(
        id=str(record.get("id")),
        source=str(gold_path),
        text=None if html is not None else (text if isinstance(text, str) else ""),
        html=html,
        url=url if isinstance(url, str) else None,
        published=parse_published(record.get("published")),
    )


def evaluate_file(
    gold_path: Path, *, use_html: bool = False, min_confidence: float | None = None
) -> EvalReport:
    """Score the pipeline on a gold file; with use_html, only items with HTML pages.
    Events below `min_confidence` (by default the model's cutoff) are not scored, but
    the confidence ranking is measured over every event the rules find."""
    report = EvalReport()
    cutoff = cutoff_or_default(min_confidence)
    for record in read_gold(gold_path):
        if use_html and not isinstance(record.get("html_file"), str):
            continue
        raw = raw_document(record, gold_path, use_html=use_html)
        found = [event.to_dict() for event in process_document(raw, min_confidence=0.0).events]
        article_id, gold = str(record.get("id")), gold_events(record)
        _add_ranking(report, article_id, gold, found)
        _add_article(report, article_id, gold, [e for e in found if _confidence_of(e) >= cutoff])
    return report


def gold_events(record: dict[str, object]) -> list[GoldEvent]:
    """A gold record's events (`read_gold` has checked that they are a list)."""
    events = record["events"]
    return [e for e in events if isinstance(e, dict)] if isinstance(events, list) else []


def _add_article(
    report: EvalReport, article_id: str, gold: list[GoldEvent], predicted: list[dict[str, object]]
) -> None:
    report.articles += 1
    strict = match_article(article_id, gold, predicted)
    loose = match_article(article_id, gold, predicted, ignore_stage=True)
    half = report.halves[half_of(article_id)]
    for tally, score in ((report.strict, strict), (report.stage_ignored, loose), (half, strict)):
        tally.gold += len(gold)
        tally.predicted += len(predicted)
        tally.true_positive += len(score.matched)
    for gold_event, guess in strict.matched:
        _count_slot(report.quantity, gold_event.get("quantity"), guess.get("quantity"))
        _count_slot(report.event_date, gold_event.get("event_date"), guess.get("event_date"))
    if not gold:
        report.negative_articles += 1
        report.negatives_with_events += bool(predicted)
    report.details.append((strict, article_id))


def _add_ranking(
    report: EvalReport, article_id: str, gold: list[GoldEvent], found: list[dict[str, object]]
) -> None:
    right = {id(guess) for _, guess in match_article(article_id, gold, found).matched}
    report.confidences.extend((_confidence_of(guess), id(guess) in right) for guess in found)


def _confidence_of(guess: dict[str, object]) -> float:
    confidence = guess.get("confidence")
    return float(confidence) if isinstance(confidence, int | float) else 0.0


def _count_slot(slot: SlotAccuracy, gold_value: object, predicted_value: object) -> None:
    if gold_value is None:
        return
    slot.total += 1
    slot.correct += gold_value == predicted_value
