"""The scan itself: token boundaries, case, plurals, fallbacks and offsets."""

from __future__ import annotations

import pytest

from armswatch.find.gazetteer import default_gazetteer


def _hits(text: str) -> list[tuple[str, str]]:
    hits = default_gazetteer().scan(text)
    for hit in hits:
        assert text[hit.start : hit.end] == hit.text
    return [(hit.text, hit.entries[0].key) for hit in hits]


def test_a_failed_longer_key_falls_back_and_the_rest_is_scanned_again() -> None:
    assert _hits("Four F-16 fighter jets landed in Iraq.") == [
        ("F-16", "F-16"),
        ("fighter jets", "aircraft"),
        ("Iraq", "IRQ"),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("They bought F-16s.", ("F-16s", "F-16")),
        ("They bought 24 K9s.", ("K9s", "K9")),
        ("They wanted M1A2s, not T-72s.", ("M1A2s", "M1A2 Abrams")),
    ],
)
def test_systems_take_a_plural_s(text: str, found: tuple[str, str]) -> None:
    assert found in _hits(text)


def test_short_names_need_their_case_and_whole_tokens() -> None:
    assert ("US", "USA") in _hits("Then US officials sold it.")
    assert not _hits("Let us use the bus.")
    assert ("UN", "UN") in _hits("A UN panel said so.")


def test_names_are_found_across_line_breaks_and_punctuation() -> None:
    assert ("United\nStates", "USA") in _hits("and United\nStates officials agreed")
    assert ("S-400", "S-400") in _hits("(S-400)")


def test_offsets_hold_in_text_with_non_ascii_characters() -> None:
    text = "\u201cT\u00fcrkiye\u201d took the S-400 \u2014 and S\u00e3o Tom\u00e9 watched."
    assert _hits(text) == [
        ("T\u00fcrkiye", "TUR"),
        ("S-400", "S-400"),
        ("S\u00e3o Tom\u00e9", "STP"),
    ]


def test_lower_case_words_do_not_start_names() -> None:
    assert not _hits("the turkey was roasted at 10 am, second to none.")
