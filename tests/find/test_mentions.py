"""Which KB names in a sentence stand for weapon systems, and which are something else."""

from __future__ import annotations

import pytest

from armswatch.find.designations import family_of
from armswatch.find.gazetteer import default_gazetteer
from armswatch.find.mentions import find_mentions
from armswatch.models import Document, Span


def _systems(sentence: str) -> set[str]:
    document = Document(
        id="t", text=sentence, body=(Span(0, len(sentence)),), url=None, published=None
    )
    return {m.key for found in find_mentions(document, default_gazetteer()) for m in found.systems}


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        # An amount, not the A-100 radar aircraft.
        ("A 100 mln dlr deal for the utility was launched on Monday.", "A-100"),
        # A bill before parliament, not the C-40 transport.
        ("The issues depend on Parliament passing Bill C-40 this month.", "C-40"),
        # A stock ticker.
        ("The bank <ANZA.S> said it signed an agreement with the army.", "Anza"),
        # A possessive read as a suffix: the Paris Club is no Club-S missile.
        ("The deal follows the Paris Club's decision on the army's debt.", "Club-S"),
        # A piece of a longer engine code.
        ("The contract funds work on F100-PW-220 engines for the air force.", "F100"),
        # A person with a particle before the name.
        ("He discussed missile deployment with undersecretary Suliman al-Shaheen.", "Shaheen"),
    ],
)
def test_designation_shaped_words_that_name_no_system(sentence: str, absent: str) -> None:
    assert absent not in _systems(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        'Six fighter jets flew past No. 15 Squadron, the "Cobras", at the air base.',
        "Six fighter jets joined the air force's 7th Squadron, the Cobras, at the base.",
        'The "Cobras" of the armoured brigade held a parade with the fighter jets.',
    ],
)
def test_a_units_nickname_is_no_weapon(sentence: str) -> None:
    assert "Cobra" not in _systems(sentence)


def test_a_quoted_name_at_the_start_of_a_quote_is_still_a_weapon() -> None:
    assert "Cobra" in _systems('He said: "Cobra vehicles will reach the army this year."')


@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt bought two Mistral landing ships from France.",
        "Egypt bought a Mistral helicopter carrier from France.",
    ],
)
def test_a_mistral_ship_is_the_ship_not_the_missile(sentence: str) -> None:
    assert _systems(sentence) == {"Mistral-class"}


def test_an_airliner_for_an_airline_is_no_weapon() -> None:
    assert "Saab 340" not in _systems("The regional airline ordered 16 Saab 340 aircraft.")
    assert "Saab 340" in _systems("The Swedish Air Force ordered two Saab 340 aircraft.")
    assert "CFM56" not in _systems("CFM56 engines will power the new airliner for passengers.")


def test_a_bomber_beside_a_passenger_jet_is_still_a_weapon() -> None:
    sentence = "Two Tu-160 strategic bombers landed near Caracas with an Il-62 passenger jet."
    found = _systems(sentence)
    assert "Tu-160" in found
    assert "Il-62" not in found


def test_a_verb_after_a_designation_is_no_currency() -> None:
    assert "F-35" in _systems("The arrival of the F-35 marks a new era for the air force.")


def test_a_name_the_article_shows_to_be_a_weapon_is_one_everywhere_in_it() -> None:
    bare = "Canberra promised a further 20 Bushmaster vehicles."
    assert "Bushmaster" not in _systems(bare)
    shown = "The army sent 40 Bushmaster armoured vehicles in May. " + bare
    found = [
        found.named_systems
        for found in find_mentions(
            Document(id="t", text=shown, body=(Span(0, len(shown)),), url=None, published=None),
            default_gazetteer(),
        )
    ]
    assert [len(systems) for systems in found] == [1, 1]


def test_the_confirmation_does_not_override_a_longer_proper_name() -> None:
    text = "Two Typhoon jets landed. Typhoon Haiyan struck the coast."
    document = Document(id="t", text=text, body=(Span(0, len(text)),), url=None, published=None)
    per_sentence = [found.named_systems for found in find_mentions(document, default_gazetteer())]
    assert [len(systems) for systems in per_sentence] == [1, 0]


def test_a_plural_designation_is_not_a_variant_ending_in_s() -> None:
    assert _systems("The first four MiG-29s are already in the hands of Ukraine.") == {"MiG-29"}
    assert "MiG-29S" not in _systems("The first four MiG-29s are in the hands of Ukraine.")


def test_a_designation_of_an_ambiguous_row_needs_no_context() -> None:
    # "Seahawk" is also a football team; "MH-60R" is only the helicopter.
    assert "MH-60R" in _systems("Twenty-four MH-60R aircraft are being procured.")


def test_victoria_names_no_state() -> None:
    # An Australian state and a Canadian city far more often than the Seychelles' capital.
    sentence = "The howitzers are built at a plant in Geelong, Victoria."
    document = Document(
        id="t", text=sentence, body=(Span(0, len(sentence)),), url=None, published=None
    )
    found = find_mentions(document, default_gazetteer())
    assert [m.key for s in found for m in s.parties] == []


def test_awacs_names_the_e3_but_not_in_brackets_after_another_system() -> None:
    assert "E-3" in _systems("The Senate upheld the sale of AWACS radar planes to Saudi Arabia.")
    found = _systems("India's second Phalcon early-warning (AWACS) plane touched down in Agra.")
    assert "E-3" not in found
    assert "Phalcon" in found


@pytest.mark.parametrize(
    ("sentence", "system"),
    [
        ("Oman ordered 8 Hawk trainers for its air force.", "Hawk"),
        ("Oman ordered 8 Hawk jets for its air force.", "Hawk"),
        ("Jordan bought two Hawk batteries for its air force.", "MIM-23 Hawk"),
        ("Jordan bought Hawk air-defence launchers for its army.", "MIM-23 Hawk"),
    ],
)
def test_the_noun_after_a_shared_name_says_which_system(sentence: str, system: str) -> None:
    [other] = {"Hawk", "MIM-23 Hawk"} - {system}
    found = _systems(sentence)
    assert system in found
    assert other not in found


def test_an_exercise_named_after_weapons_names_no_system() -> None:
    sentence = (
        "Talisman Sabre 2023, the joint exercise, began with 30,000 troops and HIMARS launchers."
    )
    assert _systems(sentence) == {"HIMARS", "other"}  # "other": the troops


def _troops(sentence: str) -> list[str]:
    document = Document(
        id="t", text=sentence, body=(Span(0, len(sentence)),), url=None, published=None
    )
    return [
        m.text
        for found in find_mentions(document, default_gazetteer())
        for m in found.systems
        if m.kind == "generic" and m.category == "other"
    ]


@pytest.mark.parametrize(
    ("sentence", "troops"),
    [
        ("The first 200 US Marines arrived in Darwin in April 2012.", ["Marines"]),
        ("About 350 Royal Marines have arrived in Poland this week.", ["Marines"]),
        ("Russian units began arriving in Armenia last week.", ["units"]),
        # Units that move nowhere are a company's branches.
        ("Its Canadian units will likely retain links with the U.S. network.", []),
    ],
)
def test_a_force_or_demonym_names_troops_without_a_troop_noun(
    sentence: str, troops: list[str]
) -> None:
    assert _troops(sentence) == troops


def test_a_plural_designation_needs_no_military_context() -> None:
    assert "Su-27" in _systems("Moscow sold 24 Su-27s to Beijing in 1992.")


def test_a_variant_shows_its_family_nickname_to_be_a_weapon() -> None:
    bare = "The first four Chinooks were shipped to Mundra port in February."
    assert "CH-47" not in _systems(bare)
    assert "CH-47" in _systems("India ordered 15 CH-47F Chinook helicopters in 2015. " + bare)


def _families(sentence: str) -> set[tuple[str, str]]:
    document = Document(
        id="t", text=sentence, body=(Span(0, len(sentence)),), url=None, published=None
    )
    return {
        (m.text, family_of(m.key))
        for found in find_mentions(document, default_gazetteer())
        for m in found.systems
        if m.kind == "system"
    }


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # The bare "Leopard" is a Leopard 2; "Leopard 1V" is a version of the Leopard 1.
        ("Chile bought 202 Leopard 1V tanks from the Netherlands.", {("Leopard 1V", "Leopard 1")}),
        ("Brazil ordered Leopard 1A6 tanks.", {("Leopard 1A6", "Leopard 1")}),
        # A standard written after the name, not the F-5 fighter.
        ("France will buy 42 Rafale F5 jets.", {("Rafale F5", "Rafale")}),
        # A count after the name is no version.
        ("It has flown the F-16 20 years.", {("F-16", "F-16")}),
        # A name the KB knows is left alone.
        ("Greece ordered Mirage 2000-5 jets.", {("Mirage 2000-5", "Mirage 2000")}),
    ],
)
def test_a_version_written_after_a_name_is_that_version(
    sentence: str, expected: set[tuple[str, str]]
) -> None:
    assert _families(sentence) == expected


def test_an_acronym_the_article_defines_stands_for_its_party() -> None:
    text = (
        "The Philippine Air Force (PAF) flew in the drill. In May the PAF received two"
        " C-130 aircraft, and the PAFX unit was formed."
    )
    document = Document(id="t", text=text, body=(Span(0, len(text)),), url=None, published=None)
    found = [
        (m.text, m.key)
        for sentence in find_mentions(document, default_gazetteer())
        for m in sentence.parties
    ]
    assert found == [("Philippine Air Force", "PHL"), ("PAF", "PHL")]
