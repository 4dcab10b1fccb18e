"""clean: RawDocument to Document, with furniture removed and metadata found."""

from __future__ import annotations

from armswatch.clean.furniture import body_spans
from armswatch.clean.html import extract_html
from armswatch.clean.metadata import filing_day, guess_title, header_date, live_days
from armswatch.clean.wrap import unwrap
from armswatch.models import Document, RawDocument

__all__ = ["body_spans", "clean_document"]


def clean_document(raw: RawDocument) -> Document:
    """Find the article's prose and metadata.

    A bare file's date is only its modification time: a date printed in the
    page takes precedence over it.
    """
    trusted = None if raw.published_is_file_date else raw.published
    if raw.html is not None:
        page = extract_html(raw.html)
        text = page.text
        published = trusted or page.published or header_date(text) or raw.published
        return Document(
            id=raw.id,
            text=text,
            body=body_spans(text),
            url=raw.url or page.url,
            published=published,
            title=page.title or guess_title(text),
            site=page.site,
            live_days=live_days(text, published),
            filed=filing_day(text, published),
        )
    text = unwrap(raw.text or "")
    published = trusted or header_date(text) or raw.published
    return Document(
        id=raw.id,
        text=text,
        body=body_spans(text),
        url=raw.url,
        published=published,
        title=guess_title(text),
        live_days=live_days(text, published),
        filed=filing_day(text, published),
    )
