"""Hard-wrapped plain text: paragraphs joined back, offsets kept, other text untouched."""

from __future__ import annotations

import datetime as dt

from armswatch.clean import clean_document
from armswatch.clean.wrap import unwrap
from armswatch.models import RawDocument
from armswatch.pipeline import process_document

WIRE = (
    "Avions Dassault has suspended deliveries of its Mirage fighter\n"
    "jets to Egypt because of payment delays on planes already\n"
    "delivered, aircraft industry sources said on Monday. A Dassault\n"
    "spokesman could neither confirm nor deny the suspension.\n"
    "    The sources said the last six of 20 fighters ordered by\n"
    "Cairo were being held back, although the contract is expected\n"
    "to be completed in the near future.\n"
)


def test_wrapped_paragraphs_become_one_line_each_with_offsets_kept() -> None:
    text = unwrap(WIRE)
    assert len(text) == len(WIRE)
    lines = [line for line in text.split("\n") if line.strip()]
    assert len(lines) == 2
    assert lines[0].startswith("Avions Dassault")
    assert lines[0].endswith("the suspension.")
    assert "Mirage fighter jets to Egypt" in lines[0]


def test_text_that_is_not_wrapped_is_left_alone() -> None:
    page = (
        "Home\nWorld\nDefence\n\nRussia has sent a division of S-400 missile defense systems"
        " to Serbia to take part in a military exercise, the defense ministry said.\n"
        "Read more\n"
    )
    assert unwrap(page) == page


def test_a_wrapped_wire_story_yields_its_event() -> None:
    raw = RawDocument(id="w", source="w", text=WIRE, published=dt.date(1987, 4, 7))
    document = clean_document(raw)
    assert any(
        "Mirage fighter jets to Egypt" in document.text[s.start : s.end] for s in document.body
    )
    keys = {(e.supplier, e.recipient, e.stage) for e in process_document(raw).events}
    assert ("FRA", "EGY", "cancellation") in keys


def test_a_page_of_short_furniture_lines_around_a_long_paragraph_is_not_wrapped() -> None:
    prose = (
        "CAIRO (Wire) - Egypt's defence ministry said on Tuesday that it would buy 30 more "
        "Rafale fighter jets from France under a new contract. "
    ) * 3
    page = (
        "Menu | News | Africa | Middle East | Defence | Opinion\n"
        "Egypt orders 30 more Rafale jets from France\n"
        f"{prose.strip()}\n"
        "Read more: Greece takes delivery of first second-hand Rafales\n"
        "Read more: Algeria showcases its new fighter order at an air show\n"
        "This site uses cookies. Accept | Manage settings\n"
        "About us | Advertise | Privacy | (c) 2021\n"
    )
    assert unwrap(page) == page
    document = clean_document(RawDocument(id="p", source="p", text=page, published=None))
    assert [page[s.start : s.end] for s in document.body] == [prose.strip()]
