"""CI quality gate: dev-set event and deal F1 must not fall below the committed floors.

The floor lives in eval/baseline.json with the SHA-256 of the gold file it
was measured on. `--update` raises the floor to the current score; it never
lowers it unless `--allow-regression` is given, so a drop is always visible
in review.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

from armswatch.evaluate.deals import measure_deals
from armswatch.evaluate.report import evaluate_file

BASELINE = Path(__file__).with_name("baseline.json")
DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"
TOLERANCE = 0.0005
GATED = ("f1", "f1_stage_ignored", "quantity_accuracy", "date_accuracy", "deal_f1")


def main() -> int:
    """Run the gate; exit 0 when every figure holds its floor."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument(
        "--update", action="store_true", help="raise the floors to the current figures"
    )
    parser.add_argument(
        "--allow-regression", action="store_true", help="let --update lower a floor"
    )
    args = parser.parse_args()
    if not args.gold.exists():
        if os.environ.get("ARMSWATCH_REQUIRE_SHARED") == "1":
            print(f"gate: {args.gold} is missing and ARMSWATCH_REQUIRE_SHARED=1", file=sys.stderr)
            return 1
        print(f"gate: skipped, {args.gold} not found (shared evaluation data absent)")
        return 0
    digest = hashlib.sha256(args.gold.read_bytes()).hexdigest()
    figures = evaluate_file(args.gold).summary() | measure_deals(args.gold)
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    print(json.dumps({k: figures[k] for k in (*GATED, "precision", "recall", "confidence_auc")}))
    if args.update:
        return _update(baseline, figures, digest, allow_regression=args.allow_regression)
    return _check(baseline, figures, digest)


def _check(baseline: dict[str, object], figures: dict[str, float | int], digest: str) -> int:
    if baseline.get("gold_sha256") != digest:
        print(
            "gate: the gold file changed since the floor was set; re-measure and run"
            " `python eval/gate.py --update --allow-regression` in a reviewed commit",
            file=sys.stderr,
        )
        return 1
    floors = baseline["floors"]
    assert isinstance(floors, dict)
    failed = [k for k in GATED if figures[k] < float(floors[k]) - TOLERANCE]
    for key in failed:
        print(
            f"gate: {key} {figures[key]:.4f} is below its floor {floors[key]:.4f}", file=sys.stderr
        )
    if not failed:
        print("gate: every figure holds its floor")
    return 1 if failed else 0


def _update(
    baseline: dict[str, object],
    figures: dict[str, float | int],
    digest: str,
    *,
    allow_regression: bool,
) -> int:
    floors = dict(baseline.get("floors") or {})  # type: ignore[call-overload]
    for key in GATED:
        old = float(floors.get(key, 0.0))
        new = float(figures[key])
        if new < old and not allow_regression:
            print(
                f"gate: {key} would drop from {old:.4f} to {new:.4f}; pass --allow-regression",
                file=sys.stderr,
            )
            return 1
        floors[key] = new if allow_regression else max(old, new)
    baseline.update({"gold_sha256": digest, "floors": floors})
    BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    print(f"gate: floors written to {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
