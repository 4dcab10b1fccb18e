"""The packaged knowledge base: valid data, and recognition of each kind of name."""

from __future__ import annotations

from pathlib import Path

import pytest

from armswatch._errors import KnowledgeBaseError
from armswatch.find.gazetteer import default_gazetteer, spelling_variants
from armswatch.find.mentions import find_mentions
from armswatch.kb import load_kb
from armswatch.models import CATEGORIES, Document, Span


def test_codes_categories_and_families_are_valid() -> None:
    kb = load_kb()
    assert len(kb.states) >= 195
    assert all(len(code) == 3 and code.isupper() for code in kb.states)
    assert all(sovereign in kb.states for sovereign in kb.sovereigns.values())
    assert len(kb.systems) >= 1000
    for record in kb.systems.values():
        assert record.category in CATEGORIES
        assert record.family in kb.systems
        assert record.origin in kb.states


def test_required_actor_codes_exist() -> None:
    kb = load_kb()
    for code in ("NATO", "EU", "UN", "Hezbollah", "Houthis", "Hamas", "Wagner"):
        assert any(e.kind == "actor" and e.key == code for e in kb.names[code])


def test_a_name_of_two_entries_is_marked_ambiguous() -> None:
    kb = load_kb()
    for name, entries in kb.names.items():
        if len({(e.kind, e.key) for e in entries}) > 1:
            systems = [e for e in entries if e.kind == "system"]
            assert systems, f"{name} names two parties"
            assert all(e.ambiguous for e in systems), name


def test_spelling_variants_cover_spacing_and_hyphens() -> None:
    assert {"s-400", "s 400", "s400"} <= spelling_variants("S-400")


def _found(sentence: str) -> set[tuple[str, str]]:
    document = Document(
        id="t", text=sentence, body=(Span(0, len(sentence)),), url=None, published=None
    )
    found: set[tuple[str, str]] = set()
    for mentions in find_mentions(document, default_gazetteer()):
        found |= {(m.kind, m.key) for m in (*mentions.parties, *mentions.systems)}
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ankara received the S400s.", {("state", "TUR"), ("system", "S-400")}),
        ("New Delhi signed for the SA-21 Growler.", {("state", "IND"), ("system", "S-400")}),
        ("The Kremlin sent a Pantsir battery.", {("state", "RUS"), ("system", "Pantsir-S1")}),
        ("Turkish officials praised the deal.", {("state", "TUR")}),
        ("Hezbollah fired rockets.", {("actor", "Hezbollah")}),
        (
            "Lockheed Martin delivered jets.",
            {("company", "Lockheed Martin"), ("generic", "aircraft")},
        ),
        ("Iraq bought 36 F-16IQ jets.", {("state", "IRQ"), ("system", "F-16IQ")}),
        ("Zelenskyy thanked Albanese.", {("state", "UKR"), ("state", "AUS")}),
        ("Stoltenberg spoke.", {("actor", "NATO")}),
        ("The DGA ordered jets.", {("state", "FRA"), ("generic", "aircraft")}),
        ("Jets landed at Incirlik and Hmeimim.", {("state", "TUR"), ("state", "SYR")}),
        ("Rosoboronexport sold jets.", {("company", "Rosoboronexport"), ("generic", "aircraft")}),
    ],
)
def test_recognition_of_each_kind_of_name(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= _found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Beijing delivered J-35A stealth fighters.",
        "Seoul offered the KF-21 jets.",
        "China built Type 054A frigates for Pakistan.",
        "Moscow sold T-90MS tanks.",
    ],
)
def test_designations_in_the_news_are_systems(sentence: str) -> None:
    assert {kind for kind, _ in _found(sentence)} >= {"state", "system"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Patriots beat the Jets on Sunday.",
        "Tata's Jaguar sales in India rose by a third.",
        "The Patriots won after a battery of field goals.",
    ],
)
def test_ambiguous_names_need_military_context(sentence: str) -> None:
    assert not {kind for kind, _ in _found(sentence)} & {"system"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The missile was fired at King Khalid International Airport in Riyadh.",
        "The fighters withdrew towards Bani Walid, officials said.",
        "Typhoon Haiyan grounded military aircraft across the region.",
    ],
)
def test_ambiguous_names_inside_longer_proper_names_are_not_systems(sentence: str) -> None:
    assert not {kind for kind, _ in _found(sentence)} & {"system"}


def test_a_civil_type_needs_an_armed_force_in_the_sentence() -> None:
    airline = "Air Deccan ordered 30 Airbus A320 planes for its domestic routes."
    air_force = "The Indian Air Force ordered two Airbus A320 planes for VIP transport."
    assert not {key for kind, key in _found(airline) if kind == "system"}
    assert ("system", "A320") in _found(air_force)


@pytest.mark.parametrize(
    "sentence",
    [
        "Poland ordered two Patriot missile batteries.",
        "Germany has deployed Patriot batteries to Slovakia.",
        "Germany sent a Patriot battery to Poland in January.",
    ],
)
def test_ambiguous_name_counts_with_military_context(sentence: str) -> None:
    assert ("system", "Patriot") in _found(sentence)


def test_lower_case_words_are_not_country_names() -> None:
    assert ("state", "TUR") not in _found("They served roast turkey to us.")
    assert ("state", "USA") not in _found("They served roast turkey to us.")


UN_MEMBERS = [
    code
    for line in (Path(__file__).parent / "un_members.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for code in line.split()
]


def test_every_un_member_observer_taiwan_and_kosovo_is_a_state() -> None:
    assert len(set(UN_MEMBERS)) == 193
    kb = load_kb()
    for code in [*UN_MEMBERS, "VAT", "PSE", "TWN", "XKX"]:
        assert code in kb.states, code
        assert code not in kb.sovereigns, code


@pytest.mark.parametrize(
    ("name", "code"),
    [("Burma", "MMR"), ("Ivory Coast", "CIV"), ("Türkiye", "TUR"), ("Russians", "RUS")],
)
def test_former_names_and_demonyms_are_known(name: str, code: str) -> None:
    assert any(e.kind == "state" and e.key == code for e in load_kb().names[name])


def _write_extension(path: Path, *rows: str) -> Path:
    header = "canonical,family,category,origin,aliases,ambiguous,source"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_an_extension_adds_systems_and_leaves_the_packaged_kb_alone(tmp_path: Path) -> None:
    extension = _write_extension(
        tmp_path / "ext.csv", "Zorlu-77X,Zorlu-77X,armoured-vehicle,TUR,Zorlu,0,test"
    )
    extended = load_kb(extension)
    assert extended.systems["Zorlu-77X"].origin == "TUR"
    assert "Zorlu-77X" not in load_kb().systems
    assert len(extended.systems) == len(load_kb().systems) + 1


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("Zorlu-1,Zorlu-1,laser,TUR,,0,test", "unknown category"),
        ("Zorlu-2,Zorlu-2,missile,XXX,,0,test", "unknown origin"),
        ("Zorlu-5,Zorlu-5,missile,TUR|XXX,,0,test", "unknown origin state 'XXX'"),
        ("Zorlu-3,Zorlu-9,missile,TUR,,0,test", "family Zorlu-9 missing"),
        ("Zorlu-4,Zorlu-4,missile", "wrong number of columns"),
    ],
)
def test_a_bad_extension_row_is_named(tmp_path: Path, row: str, problem: str) -> None:
    extension = _write_extension(tmp_path / "bad.csv", row)
    with pytest.raises(KnowledgeBaseError, match=problem):
        load_kb(extension)


def test_a_multinational_design_names_its_lead_and_its_partners() -> None:
    typhoon = load_kb().systems["Typhoon"]
    assert (typhoon.origin, set(typhoon.partners)) == ("GBR", {"GBR", "DEU", "ITA", "ESP"})
    assert load_kb().systems["Rafale"].partners == ()


def test_a_missing_extension_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeBaseError, match="import-sipri"):
        load_kb(tmp_path / "absent.csv")


def test_canonical_designations_are_plain_ascii() -> None:
    """Annotators and SIPRI write "T-155 Firtina"; the accented form is an alias."""
    kb = load_kb()
    assert all(name.isascii() for name in kb.systems)
    assert "T-155 Firtina" in kb.systems
