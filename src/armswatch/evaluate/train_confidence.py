"""Train the confidence model on the gold articles this project wrote.

    python -m armswatch.evaluate.train_confidence [--measure GOLD.jsonl ...]

Runs the pipeline over `extract/data/confidence_training.jsonl.gz`, labels each
event right or wrong by the scoring rules of SCHEMA.md, fits the model and writes
`extract/data/confidence_model.json`. `--measure` prints how well the new model
ranks right events above wrong ones on other gold files (AUC).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from importlib import resources
from pathlib import Path

from armswatch.evaluate.report import gold_events, ranking_auc, raw_document, read_gold
from armswatch.evaluate.scoring import match_article
from armswatch.extract.confidence import (
    MODEL_FILE,
    TRAINING_FILE,
    ConfidenceModel,
    article_features,
    fit,
)
from armswatch.pipeline import process_document

Row = tuple[list[str], bool]


def labelled_rows(gold_path: Path) -> list[Row]:
    """Each event the pipeline finds in a gold file: its features, and whether the
    gold set has it."""
    rows: list[Row] = []
    for record in read_gold(gold_path):
        events = process_document(raw_document(record, gold_path, use_html=False)).events
        predicted = [event.to_dict() for event in events]
        matched = match_article(str(record.get("id")), gold_events(record), predicted).matched
        right = {id(guess) for _, guess in matched}
        rows.extend(
            (features, id(guess) in right)
            for features, guess in zip(article_features(events), predicted, strict=True)
        )
    return rows


def model_auc(model: ConfidenceModel, rows: list[Row]) -> float:
    """How often the model ranks a right event above a wrong one."""
    return ranking_auc([(model.score(features), right) for features, right in rows])


def training_path() -> Path:
    """The shipped training set."""
    return Path(str(resources.files("armswatch.extract.data").joinpath(TRAINING_FILE)))


def main(argv: list[str] | None = None) -> int:
    """Train, write the model and print its figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--measure", type=Path, nargs="*", default=[], help="gold files to report AUC on"
    )
    parser.add_argument("--output", type=Path, default=training_path().with_name(MODEL_FILE))
    args = parser.parse_args(argv)
    source = training_path()
    rows = labelled_rows(source)
    model = fit(rows)
    provenance = {
        "trained_on": TRAINING_FILE,
        "training_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "events": len(rows),
        "right_events": sum(right for _, right in rows),
    }
    args.output.write_text(model.to_json(provenance) + "\n", encoding="utf-8")
    auc = model_auc(model, rows)
    print(f"trained on {len(rows)} events; training AUC {auc:.3f}; wrote {args.output}")
    for gold in args.measure:
        print(f"{gold}: AUC {model_auc(model, labelled_rows(gold)):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
