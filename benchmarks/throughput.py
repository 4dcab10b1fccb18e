"""Stream Reuters-21578 through extract and print articles/s and peak RSS.

Run it pinned to one core, as the speed goal is stated per core:
    taskset -c 0 .venv/bin/python benchmarks/throughput.py
Reuters-21578, Distribution 1.0; read from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from armswatch.find.gazetteer import default_gazetteer
from armswatch.models import RawDocument
from armswatch.pipeline import process_document

DEFAULT_NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "news" / "reuters21578.jsonl"


def reuters_documents(path: Path, limit: int | None) -> Iterator[RawDocument]:
    """Reuters records as documents: title and body are the text."""
    with path.open(encoding="utf-8") as lines:
        for count, line in enumerate(lines):
            if limit is not None and count >= limit:
                return
            record = json.loads(line)
            text = f"{record.get('title') or ''}\n\n{record.get('body') or ''}"
            yield RawDocument(
                id=str(record["id"]),
                source=str(path),
                text=text,
                published=_date(record.get("date")),
            )


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.strptime(value.strip()[:11], "%d-%b-%Y").date()  # noqa: DTZ007
    except ValueError:
        return None


def main() -> int:
    """Print throughput and peak memory as one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    parser.add_argument("--limit", type=int, help="stop after this many articles")
    args = parser.parse_args()
    if not args.news.exists():
        print(f"throughput: {args.news} not found; pass --news PATH", file=sys.stderr)
        return 1
    gazetteer = default_gazetteer()
    documents = list(reuters_documents(args.news, args.limit))
    started = time.perf_counter()
    events = sum(len(process_document(doc, gazetteer).events) for doc in documents)
    elapsed = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    figures = {
        "articles": len(documents),
        "events": events,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(len(documents) / elapsed, 1),
        "megabytes_per_second": round(sum(len(d.text or "") for d in documents) / elapsed / 1e6, 2),
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
