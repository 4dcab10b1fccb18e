"""Designations the knowledge base lacks: shapes, head nouns and family variants."""

from __future__ import annotations

import pytest

from armswatch.find.designations import find_designations, guess_category


def _found(text: str) -> dict[str, tuple[str | None, str | None, str]]:
    return {
        d.text: (d.entry.category, d.entry.origin, d.entry.form)
        for d in find_designations(text, [])
    }


@pytest.mark.parametrize(
    ("text", "designation", "category"),
    [
        ("China showed its JZ-99A stealth fighters at the air show.", "JZ-99A", "aircraft"),
        ("The navy will get four Type 057X frigates next year.", "Type 057X", "ship"),
        ("The army tested the XK-77 howitzer near the border.", "XK-77", "artillery"),
        ("A new fighter jet QF-909 flew for the first time.", "QF-909", "aircraft"),
    ],
)
def test_a_designation_next_to_a_head_noun_takes_its_category(
    text: str, designation: str, category: str
) -> None:
    assert _found(text)[designation] == (category, None, "pattern")


def test_a_variant_of_a_known_family_takes_the_family_and_origin() -> None:
    category, origin, form = _found("Moscow offered the T-90XZ to Algeria.")["T-90XZ"]
    assert (category, origin, form) == ("armoured-vehicle", "RUS", "variant")


@pytest.mark.parametrize(
    "text",
    [
        "The COVID-19 vaccines arrived by plane.",
        "Leaders met at the G-20 summit after the jets landed.",
        "The contract is worth P12.7 billion for helicopters.",
        "In June 2024 jets flew over the capital.",
        "Flight MH-370 was a Boeing jet.",
        "The order covers Airbus A320 aircraft.",
        "The XK-77 prototype was shown.",
    ],
)
def test_designation_shaped_words_without_a_weapon_noun_are_ignored(text: str) -> None:
    assert _found(text) == {}


def test_names_already_found_are_not_found_again() -> None:
    text = "The J-35A fighters flew."
    start = text.index("J-35A")
    assert find_designations(text, [(start, start + len("J-35A"))]) == []


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("aircraft engine", "engine"),
        ("armoured personnel carrier", "armoured-vehicle"),
        ("air-search radar", "sensor"),
        ("portable SAM", "air-defence-system"),
        ("naval gun", "naval-weapon"),
        ("self-propelled gun", "artillery"),
        ("anti-ship missiles", "missile"),
        ("light helicopter", "aircraft"),
        ("patrol boat", "ship"),
        ("something else", None),
    ],
)
def test_guess_category_reads_the_last_head_noun(phrase: str, category: str | None) -> None:
    assert guess_category(phrase) == category
