"""run_pipeline(): the one place that knows the order of the stages.

RawDocument -> clean -> find -> extract -> ArticleResult
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from armswatch import __version__
from armswatch.clean import clean_document
from armswatch.extract import extract_events
from armswatch.find.gazetteer import Gazetteer, default_gazetteer
from armswatch.find.mentions import find_mentions
from armswatch.ingest import ReadItem, ReadProblem
from armswatch.kb import KnowledgeBase
from armswatch.models import ArticleResult, RawDocument

_RULE_PACKAGES = ("armswatch.kb", "armswatch.find", "armswatch.extract", "armswatch.clean")


@cache
def extractor_version() -> str:
    """The package version plus a digest of every data file the stages read: the
    same page extracted under other rules or another KB gets its events replaced."""
    digest = hashlib.sha256()
    for package in _RULE_PACKAGES:
        folder = resources.files(package).joinpath("data")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file():
                digest.update(entry.name.encode("utf-8"))
                digest.update(entry.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def content_hash(raw: RawDocument) -> str:
    """SHA-256 of the article's content: the same page always hashes the same."""
    content = raw.html if raw.html is not None else raw.text or ""
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def process_document(
    raw: RawDocument,
    gazetteer: Gazetteer | None = None,
    kb: KnowledgeBase | None = None,
    *,
    min_confidence: float | None = None,
) -> ArticleResult:
    """Run one document through every stage; `gazetteer` must be built from `kb`.
    Events below `min_confidence` (by default the confidence model's cutoff) are left out."""
    document = clean_document(raw)
    mentions = list(find_mentions(document, gazetteer or default_gazetteer()))
    events = extract_events(
        mentions,
        document.filed or document.published,
        kb,
        live_days=document.live_days,
        min_confidence=min_confidence,
    )
    return ArticleResult(
        id=document.id,
        url=document.url,
        published=document.published,
        events=tuple(events),
        content_hash=content_hash(raw),
        title=document.title,
        site=document.site,
    )


def run_pipeline(
    items: Iterable[ReadItem],
    kb: KnowledgeBase | None = None,
    *,
    min_confidence: float | None = None,
) -> Iterator[ArticleResult | ReadProblem]:
    """Process documents as they stream in; problems pass through untouched.

    `kb` replaces the packaged knowledge base (for instance with a user's extension).
    """
    gazetteer = default_gazetteer() if kb is None else Gazetteer(kb)
    for item in items:
        if isinstance(item, ReadProblem):
            yield item
        else:
            yield process_document(item, gazetteer, kb, min_confidence=min_confidence)
