"""Ingest into SQLite against extract alone: what storing and resolving deals costs.

The goal is ingest within 20% of extract. The stream is Reuters-21578 (almost
no events) followed by the train and dev pages (events on most pages), so
that both document writes and deal resolution are paid for. Run it pinned to
one core:
    taskset -c 0 .venv/bin/python benchmarks/ingest_throughput.py
The news and corpus files are read from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from throughput import DEFAULT_NEWS, reuters_documents

from armswatch.evaluate.report import raw_document, read_gold
from armswatch.find.gazetteer import default_gazetteer
from armswatch.models import ArticleResult, RawDocument
from armswatch.pipeline import process_document
from armswatch.resolve import resolve_deals
from armswatch.store import Counts, Store

CORPUS = DEFAULT_NEWS.parents[1] / "corpus"


def corpus_documents() -> Iterator[RawDocument]:
    """The gold pages, as the pipeline reads them."""
    for name in ("train.jsonl", "dev.jsonl"):
        path = CORPUS / name
        for record in read_gold(path):
            yield raw_document(record, path, use_html=False)


def extracted(documents: list[RawDocument]) -> Iterator[ArticleResult]:
    """The pipeline over the documents, with one gazetteer."""
    gazetteer = default_gazetteer()
    return (process_document(doc, gazetteer) for doc in documents)


def _timed_extract(documents: list[RawDocument]) -> float:
    started = time.perf_counter()
    for _ in extracted(documents):
        pass
    return time.perf_counter() - started


def _timed_ingest(documents: list[RawDocument]) -> tuple[float, Counts]:
    """Seconds to extract and store everything in a new SQLite file."""
    with tempfile.TemporaryDirectory(prefix="armswatch-bench-") as folder:
        started = time.perf_counter()
        with Store.open(Path(folder) / "bench.db") as store:
            for _ in store.ingest_many(extracted(documents), resolve_deals):
                pass
            counts = store.counts()
        return time.perf_counter() - started, counts


def main() -> int:
    """Print both rates (best of --repeat, after a warm-up pass) and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, help="stop after this many Reuters articles")
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs of each")
    args = parser.parse_args()
    if not DEFAULT_NEWS.exists():
        print(f"ingest_throughput: {DEFAULT_NEWS} not found", file=sys.stderr)
        return 1
    documents = [*reuters_documents(DEFAULT_NEWS, args.limit), *corpus_documents()]
    events = sum(len(result.events) for result in extracted(documents))  # warm every cache
    extract_seconds = ingest_seconds = float("inf")
    for _ in range(args.repeat):
        extract_seconds = min(extract_seconds, _timed_extract(documents))
        seconds, counts = _timed_ingest(documents)
        ingest_seconds = min(ingest_seconds, seconds)
    figures = {
        "articles": len(documents),
        "events": events,
        "deals": counts.deals,
        "extract_articles_per_second": round(len(documents) / extract_seconds, 1),
        "ingest_articles_per_second": round(len(documents) / ingest_seconds, 1),
        "ingest_overhead": round(ingest_seconds / extract_seconds - 1, 3),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
