"""When systems or troops sent abroad stay their sender's: the checks on their own."""

from __future__ import annotations

import datetime as dt

import pytest

from armswatch.extract.deployments import named_destination, troops_moved
from armswatch.extract.roles import Roles
from armswatch.extract.triggers import Trigger
from armswatch.models import Event, Mention, RawDocument
from armswatch.pipeline import process_document


def _events(text: str) -> list[Event]:
    raw = RawDocument(id="t", source="t", text=text, published=dt.date(2023, 1, 27))
    return list(process_document(raw, min_confidence=0.0).events)  # the rules, no cutoff


def _mention(sentence: str, text: str) -> Mention:
    start = sentence.index(text)
    return Mention(start, start + len(text), text, "generic", "other", category="other")


def _trigger(sentence: str, text: str) -> Trigger:
    start = sentence.index(text)
    return Trigger(start, start + len(text), text, "deployment", None)


def test_a_destination_is_one_a_marker_or_a_place_names() -> None:
    assert named_destination(Roles("RUS", "SYR", ("origin", "marker-to")))
    assert named_destination(Roles("RUS", "SYR", ("origin", "place-at")))
    assert not named_destination(Roles("USA", "TWN", ("origin", "previous-recipient")))


def test_troops_move_only_by_a_verb_near_them_and_not_when_killed() -> None:
    sent = "Russia deployed 1,500 troops to Belarus."
    assert troops_moved(sent, _mention(sent, "troops"), _trigger(sent, "deployed"))
    killed = "The army deployed its units after it killed 1,500 enemy troops."
    assert not troops_moved(killed, _mention(killed, "troops"), _trigger(killed, "deployed"))


def test_a_force_s_systems_arriving_at_an_unnamed_place_abroad_are_deployed() -> None:
    [event] = _events(
        "The Bundeswehr's first Patriot launchers arrived near the town on Thursday, "
        "the Slovak defence ministry said."
    )
    assert (event.supplier, event.recipient, event.stage) == ("DEU", "SVK", "deployment")


def test_a_force_s_systems_arriving_at_home_are_delivered() -> None:
    [event] = _events("The Hellenic Air Force's first F-16 Block 52 jets arrived at Araxos.")
    assert (event.supplier, event.recipient, event.stage) == ("USA", "GRC", "delivery")


def test_an_arrival_the_sentence_calls_a_deployment_is_one() -> None:
    [event] = _events(
        "Two Russian Tu-95 bombers landed in Venezuela on Monday, in the first deployment of "
        "Russian long-range aviation to the region in a decade."
    )
    assert (event.supplier, event.recipient, event.stage) == ("RUS", "VEN", "deployment")


def test_forces_flying_from_rotating_to_or_kept_at_a_base_abroad_are_deployed() -> None:
    text = (
        "Four Italian F-35A jets have been flying from Siauliai in Lithuania since May. "
        "A Dutch Patriot battery has been rotating to Rzeszow in Poland. "
        "Germany has kept a Patriot battery at Kahramanmaras since 2013."
    )
    keys = {(e.supplier, e.recipient, e.stage) for e in _events(text)}
    assert keys == {
        ("ITA", "LTU", "deployment"),
        ("NLD", "POL", "deployment"),
        ("DEU", "TUR", "deployment"),
    }


def test_a_named_force_s_jets_landing_at_an_unknown_base_are_deployed_in_the_article_s_state() -> (
    None
):
    events = _events(
        "Lithuania hosts NATO's air-policing mission. Four Danish Air Force F-16 fighters landed "
        "at the Pajuostis air base on Monday."
    )
    assert [(e.supplier, e.recipient, e.system, e.stage) for e in events] == [
        ("DNK", "LTU", "F-16", "deployment")
    ]


def test_troops_in_a_relative_clause_do_not_go_with_the_systems() -> None:
    [event] = _events(
        "Canberra has sent 120 Bushmaster vehicles to Ukraine, which Ukrainian soldiers have "
        "praised for their mine protection."
    )
    assert (event.supplier, event.recipient, event.stage) == ("AUS", "UKR", "delivery")


@pytest.mark.parametrize(
    ("sentence", "host"),
    [
        ("Two Russian Tu-160 bombers landed at Maiquetia on Monday for a joint drill.", "VEN"),
        ("A US Navy Arleigh Burke-class destroyer docked at Batumi for the exercise.", "GEO"),
        ("Four Belgian F-16 fighters landed at Zokniai on Monday for air policing.", "LTU"),
    ],
)
def test_forces_landing_at_a_base_or_port_abroad_are_deployed_in_its_state(
    sentence: str, host: str
) -> None:
    assert [(e.recipient, e.stage) for e in _events(sentence)] == [(host, "deployment")]


def test_systems_sent_as_part_of_a_tour_are_deployed() -> None:
    [event] = _events(
        "Germany has sent eight Eurofighter Typhoons to Australia as part of the Luftwaffe's "
        "Pacific Skies tour."
    )
    assert (event.supplier, event.recipient, event.stage) == ("DEU", "AUS", "deployment")


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "Forty-eight F-15C Eagles of the 1st Tactical Fighter Wing landed at Dhahran in Saudi "
            "Arabia on Wednesday."
        ),
        "Belgium has sent Hawk units to the Diyarbakir air base in Turkey.",
        "Two Russian Tu-160 strategic bombers landed at the Libertador airfield in Venezuela.",
        "Six US F-15C fighters landed in Lithuania, where they will spend the next four months.",
        (
            "Four Russian Su-24 bombers arrived at Iran's Hamadan air base and flew missions over "
            "Syria."
        ),
    ],
)
def test_a_unit_of_the_sender_or_its_mission_makes_an_arrival_a_deployment(
    sentence: str,
) -> None:
    assert [e.stage for e in _events(sentence)] == ["deployment"]


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "The first two F-35A fighters for the Republic of Korea Air Force arrived at the 17th "
            "Fighter Wing in Cheongju on Friday."
        ),
        "Both units took delivery of K9 howitzers sent from South Korea to Poland on Tuesday.",
    ],
)
def test_a_unit_that_receives_the_systems_leaves_them_delivered(sentence: str) -> None:
    assert [e.stage for e in _events(sentence)] == ["delivery"]


def test_deployed_systems_come_from_the_state_of_their_home_base() -> None:
    [event] = _events(
        "Six CF-18 Hornets from 3 Wing Bagotville landed at Campia Turzii air base in Romania "
        "on Thursday, where they will spend the coming months training with Romanian pilots."
    )
    assert (event.supplier, event.recipient, event.stage) == ("CAN", "ROU", "deployment")


def test_marines_named_by_their_force_are_a_troop_deployment() -> None:
    [event] = _events("The first 200 US Marines arrived in Darwin, in northern Australia.")
    assert (event.supplier, event.recipient, event.system, event.category, event.stage) == (
        "USA",
        "AUS",
        None,
        "other",
        "deployment",
    )


def test_jets_sent_for_joint_training_are_deployed() -> None:
    text = (
        "The United Arab Emirates has sent four F-16 fighter jets to Crete for joint"
        " training with the Greek air force, the ministry said."
    )
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("ARE", "GRC", "deployment")
    ]


def test_launchers_arriving_for_a_deployment_the_sentence_tells_are_deployed() -> None:
    text = (
        "The United States has begun deploying the THAAD anti-missile system in South Korea,"
        " with the first two launchers arriving at Osan Air Base on Monday."
    )
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("USA", "KOR", "deployment")
    ]
    # An arrival with no deployment told stays a delivery.
    text = "The first two THAAD launchers bought by Saudi Arabia arrived at Riyadh on Monday."
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_an_air_force_sending_its_own_jets_abroad_deploys_them() -> None:
    text = "In 2014 the French Air Force sent Rafale fighters to India for the first time."
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("FRA", "IND", "deployment")
    ]
    # A state that sends jets sells or gives them.
    text = "In 2014 France sent Rafale fighters to India."
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_jets_from_a_home_air_base_that_arrive_abroad_are_deployed() -> None:
    text = (
        "Pentagon officials said 48 F-15C Eagle fighters from Langley Air Force Base, Virginia,"
        " arrived in Saudi Arabia on Wednesday."
    )
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("USA", "SAU", "deployment")
    ]
    text = (
        "The first three F-16C fighters granted to Indonesia by the United States arrived at"
        " Iswahjudi on Friday after a ferry flight from Hill Air Force Base in Utah."
    )
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_troops_flown_in_from_bases_abroad_are_not_deployed_there() -> None:
    text = (
        "Israel received two Patriot batteries from the United States. About 100 American"
        " soldiers were flown in from bases in West Germany and arrived on Saturday."
    )
    assert "DEU" not in {e.recipient for e in _events(text)}


def test_jets_sent_to_an_air_base_abroad_are_deployed() -> None:
    text = (
        "Germany sent 18 Alpha Jet light attack aircraft to Erhac air base near Malatya in"
        " Turkey earlier this month."
    )
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("DEU", "TUR", "deployment")
    ]
    # Jets sent to a state, with no base named, are handed over.
    text = "Germany sent 18 Alpha Jet light attack aircraft to Portugal earlier this month."
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_a_state_sending_its_own_jets_deploys_them() -> None:
    text = "Indonesia has sent four of its own F-16s to Australia."
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("IDN", "AUS", "deployment")
    ]
    # Tanks sent from its own stocks are given away.
    text = "Poland has sent 60 T-72 tanks from its own stocks to Ukraine."
    assert {e.stage for e in _events(text)} == {"delivery"}
    # Its own guns sent with no destination named go to the state the article arms,
    # not to the state a later clause names.
    text = (
        "Ukraine asked for artillery. Canada sent four of its own M777s in April, and "
        "Australia said on April 25 that it would send six more."
    )
    assert ("CAN", "UKR", "M777", "delivery") in {
        (e.supplier, e.recipient, e.system, e.stage) for e in _events(text)
    }


def test_landing_in_a_similar_deployment_is_a_deployment() -> None:
    text = (
        "The visit follows a similar deployment to Venezuela in December last year, when "
        "two Tu-160s landed near Caracas."
    )
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("RUS", "VEN", "deployment")
    ]


def test_systems_sent_where_the_article_deployed_them_are_that_deployment() -> None:
    text = (
        "The Pentagon deployed two Patriot batteries to Saudi Arabia on Friday."
        " Last month the Pentagon sent one Patriot battery to the kingdom."
    )
    assert {(e.supplier, e.recipient, e.stage) for e in _events(text)} == {
        ("USA", "SAU", "deployment")
    }
    text = "Germany has sent three Patriot systems to Ukraine."
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_bought_jets_that_land_for_a_ceremony_are_delivered() -> None:
    text = (
        "The first three Rafale fighter jets bought by Egypt from France landed at an air base"
        " east of Cairo on Monday, in time to take part in the inauguration of the canal."
    )
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("FRA", "EGY", "delivery")
    ]


def test_a_battery_of_the_makers_own_forces_arriving_abroad_is_deployed() -> None:
    text = "A US Patriot battery arrived at Sliac air base in Slovakia on Friday."
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("USA", "SVK", "deployment")
    ]
    # Systems of the maker's design that arrive, with no unit named, are delivered.
    text = "The first US Patriot launchers arrived at Sliac air base in Slovakia on Friday."
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_an_armed_force_sending_systems_deploys_them() -> None:
    text = (
        "German Patriot units began arriving at Rzeszow airport in Poland on Friday. The US"
        " Army sent two Patriot batteries to Rzeszow in March 2022."
    )
    sent = _events(text)[-1]
    assert (sent.supplier, sent.recipient, sent.stage) == ("USA", "POL", "deployment")


def test_a_force_that_delivers_hands_systems_over() -> None:
    text = "The US Army delivered 31 Abrams tanks to Ukraine in September."
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("USA", "UKR", "delivery")
    ]
