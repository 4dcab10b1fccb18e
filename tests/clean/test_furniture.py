from __future__ import annotations

import datetime as dt

from armswatch.clean import body_spans, clean_document
from armswatch.models import RawDocument

PAGE = """\
THE HARBOUR GAZETTE
Home | World | Defence | Business | Opinion
We use cookies to personalise content. Accept | Settings
Tuesday, 17 February 2015

Egypt signs for 24 Rafale jets

By Gazette Staff

Egypt signed a contract with France on Monday for 24 Rafale fighter jets.

Photo: A Rafale lands at an air show.

Paris had offered the aircraft to several air forces since the 1990s.

Related stories
- Qatar weighs fighter options
Qatar signed for 36 Rafale jets, officials said.

Sign up for our newsletter | Privacy policy
"""


def _body(text: str) -> list[str]:
    return [text[s.start : s.end] for s in body_spans(text)]


def test_body_keeps_prose_and_drops_furniture_and_teasers() -> None:
    assert _body(PAGE) == [
        "Egypt signed a contract with France on Monday for 24 Rafale fighter jets.",
        "Paris had offered the aircraft to several air forces since the 1990s.",
    ]


def test_read_more_block_ends_the_body() -> None:
    text = (
        "Russia sent a battery to Serbia.\n\nRead more about: Military\n\n"
        "Read more\n\nTurkey bought jets.\n"
    )
    assert _body(text) == ["Russia sent a battery to Serbia."]


def test_a_read_more_from_the_site_list_ends_the_body() -> None:
    text = (
        "The UAE will buy 50 F-35A jets.\n\nRead more from The Arms Monitor:\n"
        "- How Saudi Arabia's THAAD deal was priced\n- Explainer: What is a notification?\n"
    )
    assert _body(text) == ["The UAE will buy 50 F-35A jets."]


def test_a_live_blog_goes_on_after_a_teaser_between_its_entries() -> None:
    text = (
        "12:50 - Saudi officials confirmed talks on Leopard 2A7 tanks.\n\n"
        "Read more: Russia to deliver S-300 to Iran? Moscow says no\n\n"
        "Ministers met on Tuesday in Cairo to discuss the talks.\n\n"
        "10:05 - Egypt's air force received the first four F-16 fighters last month.\n\n"
        "Newsletter: The morning brief - sign up free\n"
    )
    assert _body(text) == [
        "12:50 - Saudi officials confirmed talks on Leopard 2A7 tanks.",
        "10:05 - Egypt's air force received the first four F-16 fighters last month.",
    ]


def test_a_timed_line_after_a_teaser_of_an_article_stays_out() -> None:
    text = (
        "Russia sent a battery to Serbia.\n\nRead more\n\n"
        "10:05 - Turkey bought jets, a later story says.\n"
    )
    assert _body(text) == ["Russia sent a battery to Serbia."]


def test_donation_appeal_is_furniture() -> None:
    text = (
        "Support The Moscow Times!\nContribute today\n\nIndia ordered jets.\n\n"
        "To keep our newsroom running, we need your support.\n"
    )
    assert _body(text) == ["India ordered jets."]


def test_long_prose_with_a_furniture_word_is_kept() -> None:
    sentence = (
        "The ministry said the subscription to the upgrade programme, which covers radars, engines"
        " and a new electronic warfare suite for every one of the air force's jets, was agreed in"
        " principle last year after long talks with the manufacturer and the finance ministry."
    )
    assert _body(sentence + "\n") == [sentence]


def test_a_furniture_phrase_counts_only_as_whole_words() -> None:
    sentence = (
        "The State Department approved 220 Tomahawks for Canberra, worth about US$895 million."
    )
    assert _body(sentence + "\nAbout us | Contact\nWe use cookies to improve the site.\n") == [
        sentence
    ]


def test_bare_file_takes_the_date_printed_in_the_page() -> None:
    raw = RawDocument(id="p", source="p", text=PAGE, published=None, published_is_file_date=True)
    document = clean_document(raw)
    assert document.published is not None
    assert document.published.isoformat() == "2015-02-17"
    assert document.title == "Egypt signs for 24 Rafale jets"


def test_jsonl_published_date_wins_over_the_page() -> None:
    raw = RawDocument(id="p", source="p", text=PAGE, published=dt.date(2015, 2, 18))
    assert clean_document(raw).published == dt.date(2015, 2, 18)


def test_html_goes_through_trafilatura_without_nav_or_asides() -> None:
    html = """<html><head><title>Jets for Egypt</title></head><body>
    <nav><a href="/">Home</a> | <a href="/x">World</a></nav>
    <article><h1>Jets for Egypt</h1>
    <p>Egypt signed a contract with France on Monday for 24 Rafale fighter jets, officials said.</p>
    <p>Paris had offered the aircraft to several air forces since the 1990s without success.</p>
    </article>
    <aside><h2>Related</h2><ul><li>Qatar buys 36 Rafale jets from France</li></ul></aside>
    <footer>Cookie settings</footer></body></html>"""
    document = clean_document(RawDocument(id="h", source="h", html=html))
    body = " ".join(document.text[s.start : s.end] for s in document.body)
    assert "Egypt signed a contract" in body
    assert "Qatar" not in body
    assert "Cookie" not in body


def test_bullets_that_are_whole_sentences_are_prose() -> None:
    page = (
        "Recap: what allies announced\n"
        "- Home\n"
        "- Sweden announced on Thursday that it would send 50 CV90 vehicles to Ukraine.\n"
        "- Analysis: can Strykers change the war\n"
    )
    kept = [page[s.start : s.end] for s in body_spans(page)]
    assert kept == [
        "- Sweden announced on Thursday that it would send 50 CV90 vehicles to Ukraine."
    ]


def test_a_short_line_about_a_donation_is_news() -> None:
    assert _body("Germany donated ten Leopard tanks to Ukraine.\n") == [
        "Germany donated ten Leopard tanks to Ukraine."
    ]


def test_a_list_a_sentence_announces_finishes_that_sentence() -> None:
    page = (
        "The new aid package for Ukraine includes the following items:\n"
        "- 200 M113 armored personnel carriers;\n"
        "- 11 Mi-17 helicopters.\n"
        "READ:\n"
        "- Japan begins talks on an access pact\n"
        "Since 1995 contracts were concluded with the following countries:\n"
        "- Austria: 114 Leopard 2A4 (1997)\n"
    )
    assert _body(page) == [
        (
            "The new aid package for Ukraine includes the following items:\n"
            "- 200 M113 armored personnel carriers;\n"
            "- 11 Mi-17 helicopters."
        ),
        "READ:",
        "Since 1995 contracts were concluded with the following countries:",
    ]
