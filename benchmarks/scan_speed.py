"""Time the knowledge-base scan alone and print MB/s on one core.

The scan is the gazetteer pass every article goes through: all state, actor,
company and weapon-system names with token boundaries and case folding. Run
it pinned to one core, as the goal (30 MB/s) is stated per core:
    taskset -c 0 .venv/bin/python benchmarks/scan_speed.py
The news files are read from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from armswatch.find.gazetteer import default_gazetteer

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "news"
DEFAULT_FILES = (NEWS / "reuters21578.jsonl", NEWS / "bbc_news_2004_2005.jsonl")


def article_texts(paths: list[Path]) -> list[str]:
    """Title and body of every record in the JSONL files."""
    texts: list[str] = []
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                texts.append(f"{record.get('title') or ''}\n\n{record.get('body') or ''}")
    return texts


def main() -> int:
    """Print the scan rate, names found and build time as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("news", type=Path, nargs="*", default=list(DEFAULT_FILES))
    parser.add_argument("--repeat", type=int, default=3, help="best of this many passes")
    args = parser.parse_args()
    missing = [str(path) for path in args.news if not path.exists()]
    if missing:
        print(f"scan_speed: not found: {', '.join(missing)}; pass JSONL paths", file=sys.stderr)
        return 1
    texts = article_texts(args.news)
    started = time.process_time()
    gazetteer = default_gazetteer()
    build_seconds = time.process_time() - started
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    best, names = float("inf"), 0
    for _ in range(args.repeat):
        started = time.process_time()
        names = sum(len(gazetteer.scan(text)) for text in texts)
        best = min(best, time.process_time() - started)
    report = {
        "articles": len(texts),
        "megabytes": round(megabytes, 1),
        "mb_per_s": round(megabytes / best, 1),
        "names_found": names,
        "build_s": round(build_seconds, 2),
    }
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
