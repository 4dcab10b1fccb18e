"""Main text and metadata from HTML pages, through trafilatura.

trafilatura drops navigation, asides and footers; when it rejects a page
(too short, odd markup), a plain lxml pass over the body keeps the text of
block elements so nothing is silently lost.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

_SKIPPED_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "header", "form")


@dataclass(frozen=True, slots=True)
class HtmlExtract:
    """Main text and metadata of one HTML page."""

    text: str
    title: str | None
    published: dt.date | None
    url: str | None
    site: str | None


def extract_html(html: str) -> HtmlExtract:
    """Return the main text of a page, with trafilatura or the fallback."""
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        as_dict=False,
    )
    if not isinstance(result, trafilatura.settings.Document) or not (result.text or "").strip():
        return HtmlExtract(_fallback_text(html), None, None, None, None)
    return HtmlExtract(
        text=result.text or "",
        title=result.title or None,
        published=_parse_date(result.date),
        url=result.url or None,
        site=result.sitename or None,
    )


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _fallback_text(html: str) -> str:
    try:
        tree = lxml_html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for element in list(tree.iter(*_SKIPPED_TAGS)):
        if isinstance(element, lxml_html.HtmlElement):
            element.drop_tree()
    blocks = (
        " ".join(element.text_content().split())
        for element in tree.iter("p", "h1", "h2", "li")
        if isinstance(element, lxml_html.HtmlElement)
    )
    return "\n\n".join(block for block in blocks if block)
