"""`Lookup`: a name or register designation back to what the knowledge base knows."""

from __future__ import annotations

import pytest

from armswatch.find.lookup import Lookup, LookupMatch
from armswatch.kb import load_kb


@pytest.fixture(scope="module")
def lookup() -> Lookup:
    return Lookup(load_kb())


def _canonical(match: LookupMatch | None) -> str | None:
    return match.canonical if match else None


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("S-400 Triumf", "S-400"),
        ("SA-21 Growler", "S-400"),
        ("s400", "S-400"),
        ("SA-22 Greyhound", "Pantsir-S1"),
        ("MIM-104", "Patriot"),
        ("the Kremlin", "RUS"),
        ("Pentagon", "USA"),
        ("Whitehall", "GBR"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Rosoboronexport", "Rosoboronexport"),
        ("Hezbollah", "Hezbollah"),
    ],
)
def test_names_aliases_and_metonyms_resolve(lookup: Lookup, query: str, canonical: str) -> None:
    assert _canonical(lookup(query)) == canonical


def test_pac3_is_a_patriot(lookup: Lookup) -> None:
    match = lookup("PAC-3")
    assert match is not None
    assert match.family == "Patriot"


@pytest.mark.parametrize(
    "query", ["PAC-3 missile", "PAC-3 interceptor", "PAC-3 interceptor missile"]
)
def test_pac3_interceptors_bought_alone_are_missiles(lookup: Lookup, query: str) -> None:
    match = lookup(query)
    assert match is not None
    assert (match.canonical, match.category) == ("PAC-3 CRI", "missile")


def test_register_spellings_resolve_step_by_step(lookup: Lookup) -> None:
    alternative = lookup("Mi-24P/Mi-35P")
    assert alternative is not None
    assert (alternative.family, alternative.how) == ("Mi-24", "alternative")
    contains = lookup("MIM-104 Patriot PAC-3 battery")
    assert contains is not None
    assert (contains.kind, contains.how) == ("system", "contains")
    variant = lookup("Su-57XQ")
    assert variant is not None
    assert (variant.canonical, variant.how) == ("Su-57", "variant")


def test_calibre_is_ignored(lookup: Lookup) -> None:
    plain, with_calibre = lookup("2A65 Msta-B"), lookup("2A65 Msta-B 152mm")
    assert plain is not None
    assert with_calibre is not None
    assert with_calibre.canonical == plain.canonical
    assert with_calibre.how == "stripped"


def test_kinds_limit_the_answer(lookup: Lookup) -> None:
    assert lookup("Russia", kinds=frozenset({"system"})) is None
    match = lookup("Russian", kinds=frozenset({"state"}))
    assert match is not None
    assert match.canonical == "RUS"


def test_a_sovereign_state_wins_over_a_territory_unless_spelled_exactly(lookup: Lookup) -> None:
    assert _canonical(lookup("Basseterre", kinds=frozenset({"state"}))) == "KNA"
    assert _canonical(lookup("Basse-Terre", kinds=frozenset({"state"}))) == "GLP"


def test_unknown_names_give_none(lookup: Lookup) -> None:
    assert lookup("Quuxbar Zeta") is None
    assert lookup("") is None
