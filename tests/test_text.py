from __future__ import annotations

from armswatch._text import fold, split_sentences
from armswatch.models import Span


def _split(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, (Span(0, len(text)),))]


def test_splits_on_sentence_ends_and_keeps_offsets() -> None:
    text = "Russia sent a battery. Serbia hosted the drill! Was it the first? Yes."
    sentences = list(split_sentences(text, (Span(0, len(text)),)))
    assert [s.text for s in sentences] == [
        "Russia sent a battery.",
        "Serbia hosted the drill!",
        "Was it the first?",
        "Yes.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_abbreviations_and_initials_do_not_split() -> None:
    text = (
        "The U.S. State Department approved it on Dec. 24 after Gen. Smith and J. Doe spoke."
        " Then it ended."
    )
    assert _split(text) == [
        "The U.S. State Department approved it on Dec. 24 after Gen. Smith and J. Doe spoke.",
        "Then it ended.",
    ]


def test_initials_run_together_do_not_split() -> None:
    text = "In 1990 President George H.W. Bush met Chile's leader. Then it ended."
    assert _split(text) == [
        "In 1990 President George H.W. Bush met Chile's leader.",
        "Then it ended.",
    ]


def test_quotes_close_a_sentence() -> None:
    text = 'He called it "the strongest system." The deal stands.'
    assert _split(text) == ['He called it "the strongest system."', "The deal stands."]


def test_spans_are_split_separately() -> None:
    text = "First block. Second.\n\nIgnored furniture\n\nThird block."
    spans = (Span(0, 20), Span(text.index("Third"), len(text)))
    assert [s.text for s in split_sentences(text, spans)] == [
        "First block.",
        "Second.",
        "Third block.",
    ]


def test_fold_keeps_letters_and_digits() -> None:
    assert fold("Pantsir-S1") == "pantsirs1"
    assert fold("F/A-18E/F") == "fa18ef"


def test_a_designation_ending_in_a_letter_ends_a_sentence() -> None:
    text = "Paris offered the SAMP/T. Industry sources said Berlin may buy more."
    assert _split(text) == [
        "Paris offered the SAMP/T.",
        "Industry sources said Berlin may buy more.",
    ]


def test_no_ends_a_sentence_unless_a_number_follows() -> None:
    text = "A: No. We sent the battery. He flew with No. 5 Squadron."
    sentences = [s.text for s in split_sentences(text, (Span(0, len(text)),))]
    assert sentences == ["A: No.", "We sent the battery.", "He flew with No. 5 Squadron."]
