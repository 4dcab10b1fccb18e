"""List every event extracted from the news streams, for a person to audit.

False positives at scale: the Reuters-21578 and BBC 2004-2005 collections are
almost entirely unrelated to arms transfers, so each event found there must be
checked by hand. This prints one JSON line per event (file, article id,
fields, evidence) to stdout and, on stderr, events per 1,000 articles per file.
    .venv/bin/python eval/audit_news.py > audit.jsonl
The news files are read from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from armswatch.ingest import ReadProblem, read_inputs
from armswatch.pipeline import run_pipeline

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "news"
DEFAULT_FILES = (NEWS / "reuters21578.jsonl", NEWS / "bbc_news_2004_2005.jsonl")
AUDIT_FIELDS = ("supplier", "recipient", "system", "stage", "event_date", "evidence")


def audit(path: Path) -> tuple[int, int]:
    """Print the events of one file; return (articles, events)."""
    articles = events = 0
    for item in run_pipeline(read_inputs([str(path)])):
        if isinstance(item, ReadProblem):
            print(item, file=sys.stderr)
            continue
        articles += 1
        for event in item.events:
            events += 1
            record = {"file": path.name, "id": item.id} | {
                key: value for key, value in event.to_dict().items() if key in AUDIT_FIELDS
            }
            print(json.dumps(record, ensure_ascii=False))
    return articles, events


def main() -> int:
    """Audit every file given (default: the two news collections)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("news", type=Path, nargs="*", default=list(DEFAULT_FILES))
    args = parser.parse_args()
    missing = [str(path) for path in args.news if not path.exists()]
    if missing:
        print(f"audit_news: not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    for path in args.news:
        articles, events = audit(path)
        rate = 1000 * events / articles if articles else 0.0
        print(
            f"audit_news: {path.name}: {events} events in {articles} articles"
            f" ({rate:.2f} per 1,000)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
