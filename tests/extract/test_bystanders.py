"""Systems a sentence names without transferring them."""

from __future__ import annotations

import pytest

from armswatch.extract.bystanders import is_bystander
from armswatch.models import Mention


def _mention(sentence: str, name: str) -> Mention:
    start = sentence.index(name)
    return Mention(start, start + len(name), name, "system", name)


@pytest.mark.parametrize(
    ("sentence", "cargo", "bystander"),
    [
        ("Four Mi-171s arrived aboard an An-124 cargo plane.", "Mi-171", "An-124"),
        (
            "It received its last two Su-30MK2s, completing a squadron of 16 Flankers.",
            "Su-30MK2",
            "Flankers",
        ),
        ("Two A400M transports landed with the first T129 helicopters.", "T129", "A400M"),
        ("Egypt ordered Meteor missiles for its Rafale fighters.", "Meteor", "Rafale"),
        (
            "The package holds ammunition for NASAMS and 15 M2 Bradley vehicles.",
            "M2 Bradley",
            "NASAMS",
        ),
        ("Ukraine got a SAMP/T battery, known in France as Mamba.", "SAMP/T", "Mamba"),
        ("Raytheon, which builds the Hawk, sold Patriot batteries to Poland.", "Patriot", "Hawk"),
        (
            "Lima bought 12 Mirage 2000s in 2005 after retiring its last Mirage 5s.",
            "Mirage 2000",
            "Mirage 5",
        ),
        ("Quito ordered Kfir jets, replacing their ageing Jaguar jets.", "Kfir", "Jaguar"),
        (
            "The Army flew a Typhon launcher, able to fire SM-6 missiles, to Luzon.",
            "Typhon",
            "SM-6",
        ),
    ],
)
def test_the_system_transferred_is_no_bystander_but_the_other_is(
    sentence: str, cargo: str, bystander: str
) -> None:
    named = (_mention(sentence, cargo), _mention(sentence, bystander))
    assert not is_bystander(sentence, named[0], named)
    assert is_bystander(sentence, named[1], named)


def test_a_transport_alone_is_the_cargo() -> None:
    sentence = "Egypt received two C-130J transport aircraft."
    c130 = _mention(sentence, "C-130J")
    assert not is_bystander(sentence, c130, (c130,))


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The package for 20 Hawk jets includes a Hawk flight simulator.", "Hawk"),
        ("Kyiv got four Patriot launchers and a Patriot mock-up for training.", "Patriot"),
    ],
)
def test_a_simulator_or_mock_up_stands_in_for_the_system(sentence: str, name: str) -> None:
    real = _mention(sentence, name)
    start = sentence.rindex(name)
    stand_in = Mention(start, start + len(name), name, "system", name)
    assert is_bystander(sentence, stand_in, (real, stand_in))
    assert not is_bystander(sentence, real, (real, stand_in))


@pytest.mark.parametrize(
    ("sentence", "carrier"),
    [
        ("TV showed an Il-76 transport aircraft being unloaded at Bamako.", "Il-76"),
        ("Crates were unloaded from the rear ramp of a C-17 at Nevatim.", "C-17"),
        ("Two Il-76 cargo planes landed at Bamako airport on Monday carrying drones.", "Il-76"),
        ("An An-124 transport aircraft was seen unloading at the air base.", "An-124"),
    ],
)
def test_an_aircraft_being_unloaded_is_the_carrier(sentence: str, carrier: str) -> None:
    mention = _mention(sentence, carrier)
    assert is_bystander(sentence, mention, (mention,))


def test_a_system_leaving_service_is_no_transfer() -> None:
    sentence = (
        "Peru bought 12 Su-30 jets from Russia, its first since the MiG-29 fleet was retired."
    )
    su30, mig29 = _mention(sentence, "Su-30"), _mention(sentence, "MiG-29")
    assert is_bystander(sentence, mig29, (su30, mig29))
    assert not is_bystander(sentence, su30, (su30, mig29))


def test_transport_aircraft_that_are_bought_are_no_carrier() -> None:
    sentence = "New Delhi ordered 10 C-17 transport aircraft and took delivery of its first P-8I."
    named = (_mention(sentence, "C-17"), _mention(sentence, "P-8I"))
    assert not is_bystander(sentence, named[0], named)
    carried = "Four Mi-171s arrived aboard two An-124 transport aircraft."
    carriers = (_mention(carried, "Mi-171"), _mention(carried, "An-124"))
    assert is_bystander(carried, carriers[1], carriers)
