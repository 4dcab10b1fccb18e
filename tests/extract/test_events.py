"""Extraction on sentences written for these tests, one phenomenon each."""

from __future__ import annotations

import datetime as dt

import pytest

from armswatch.extract.rules import load_rules
from armswatch.extract.triggers import find_triggers
from armswatch.models import Event, RawDocument
from armswatch.pipeline import process_document

PUBLISHED = dt.date(2023, 1, 20)  # a Friday


def _events(text: str) -> list[Event]:
    """What the rules find: the confidence cutoff has tests of its own."""
    raw = RawDocument(id="t", source="t", text=text, published=PUBLISHED)
    return list(process_document(raw, min_confidence=0.0).events)


def _keys(text: str) -> set[tuple[str | None, str | None, str | None, str]]:
    return {(e.supplier, e.recipient, e.system, e.stage) for e in _events(text)}


def test_delivery_with_markers_quantity_and_date() -> None:
    [event] = _events("Russia delivered 24 Su-35 fighter jets to Iran on Tuesday.")
    assert (event.supplier, event.recipient, event.system, event.stage) == (
        "RUS",
        "IRN",
        "Su-35",
        "delivery",
    )
    assert event.quantity == 24
    assert event.event_date == "2023-01-17"


def test_buyer_as_subject_and_origin_as_supplier() -> None:
    assert _keys("Poland ordered 180 K2 tanks last year.") == {("KOR", "POL", "K2", "agreement")}


def test_list_of_systems_gives_one_event_each() -> None:
    keys = _keys("Russia has deployed S-400 and Pantsir-S1 systems to Syria for an exercise.")
    assert keys == {
        ("RUS", "SYR", "S-400", "deployment"),
        ("RUS", "SYR", "Pantsir-S1", "deployment"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "Tehran denied supplying Shahed-136 drones to Russia.",
        "Turkey could buy more S-400 systems from Russia.",
        "Moscow will deliver the remaining Su-35 jets to Iran next year.",
        "India did not sign a contract for the Su-57 fighters.",
        "Washington opposed Ankara's purchase of the S-400 system from Russia.",
        "The rumoured sale of Su-35 jets to Egypt never materialised.",
        "India is unlikely to buy more S-400 systems from Russia.",
        "France withdrew its last Rafale jets from Niger in 2023, ending a long deployment.",
        "Minsk again rejected Western allegations that it had sold Buk launchers to Sudan.",
        '"Not a single Buk launcher has been sold to Sudan," the exporter told reporters.',
        "In the recording, the president appears to approve the sale of Buk launchers to Sudan.",
        'Asked whether Kenya had bought Chinese Wing Loong drones, he said: "No such deal exists."',
        "Should Budapest opt for a Western jet, analysts consider the Gripen the favourite.",
        "If Ankara activates the S-400 system, Washington will review its F-35 sales.",
        "Poland has received no request to send F-16 fighters to Ukraine.",
        "The reports claimed that Malaysia had agreed to buy 18 J-10CE jets from China.",
    ],
)
def test_denials_hypotheticals_future_negation_and_reactions_give_nothing(sentence: str) -> None:
    assert _events(sentence) == []


def test_passive_voice_keeps_roles() -> None:
    text = (
        "Greece signed for the jets in 2020.\n\n"
        "The first six Rafale jets were delivered to Greece by France."
    )
    assert ("FRA", "GRC", "Rafale", "delivery") in _keys(text)


def test_definite_reference_borrows_the_earlier_system() -> None:
    text = (
        "Egypt signed a contract with France for 24 Rafale jets in February 2015.\n\n"
        "The first three jets arrived in Cairo in July 2015."
    )
    events = {e.stage: e for e in _events(text)}
    assert events["delivery"].system == "Rafale"
    assert events["delivery"].event_date == "2015-07"
    assert events["delivery"].recipient == "EGY"


def test_licence_production_names_the_licensor() -> None:
    text = (
        "Hindustan Aeronautics handed over the first Su-30MKI built at Nashik"
        " to the Indian Air Force."
    )
    assert _keys(text) == {("RUS", "IND", "Su-30MKI", "delivery")}


def test_pledge_carries_the_announcement_date() -> None:
    [event] = _events(
        "Germany announced on Thursday that it would send 40 Marder vehicles to Ukraine."
    )
    assert (event.supplier, event.recipient, event.stage) == ("DEU", "UKR", "agreement")
    assert event.event_date == "2023-01-19"
    assert event.quantity == 40


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A dateline dates the report: the event takes the report's month.
        ("OSLO, Jan. 18 (Nordwire) - Norway has ordered 24 Leopard 2A8 tanks.", "2023-01"),
        # So does a day put before the verb that reports the act.
        ("On Wednesday the ministry said Chile had signed for 8 K9 howitzers.", "2023-01"),
        # A day after the act's own verb dates the act.
        ("Chile signed for 8 K9 howitzers on Wednesday, the ministry said.", "2023-01-18"),
        # A press release dates the report too.
        (
            "Turkey handed a MILGEM ship to Pakistan, a press release issued on Sunday said.",
            "2023-01",
        ),
        # A month with its year after it.
        ("Chile ordered 8 K9 howitzers in January last year.", "2022-01"),
    ],
)
def test_event_date_granularity(text: str, date: str) -> None:
    [event] = _events(text)
    assert event.event_date == date


def test_the_next_sentence_can_date_the_act() -> None:
    text = (
        "Chile has signed a contract for 8 K9 howitzers from South Korea, the ministry said.\n\n"
        "The contract was signed on Tuesday in Santiago by the two defence ministers."
    )
    [event] = _events(text)
    assert event.event_date == "2023-01-17"


def test_a_next_sentence_about_another_system_dates_nothing() -> None:
    text = (
        "Chile has signed a contract for 8 K9 howitzers from South Korea, the ministry said.\n\n"
        "Peru took delivery of two KT-1 trainers on Tuesday."
    )
    events = {e.system: e for e in _events(text)}
    assert events["K9"].event_date == "2023-01"


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        (
            "Greece and France signed a memorandum of understanding on three Belharra frigates.",
            "interest",
        ),
        ("Serbia is in talks with France on the purchase of 12 Rafale jets.", "interest"),
        ("Vietnam is looking to buy F-16 fighters from the United States.", "interest"),
        ("Saudi Arabia has approached South Korea about buying K9 howitzers.", "interest"),
        (
            "Dassault is offering the Rafale for Serbia's planned purchase of new fighters.",
            "interest",
        ),
        (
            (
                "The value of the Rafale deal for Serbia will be set in the contract"
                " negotiations with France."
            ),
            "interest",
        ),
        (
            "Serbia signed the contract for 12 Rafale jets with France after two years of talks.",
            "agreement",
        ),
    ],
)
def test_a_purchase_only_discussed_is_interest(sentence: str, stage: str) -> None:
    [event] = _events(sentence)
    assert event.stage == stage


@pytest.mark.parametrize(
    ("sentence", "quantity"),
    [
        ("Russia delivered the first Su-35 fighter to Iran on Tuesday.", 1),
        (
            "The eleventh Leonardo M-346 trainer for Greece landed, delivered from Italy.",
            1,
        ),
        ("Russia delivered the first of 24 Su-35 fighters to Iran on Tuesday.", 1),
        ("Russia delivered the first three Su-35 fighters to Iran on Tuesday.", 3),
        ("The first F-16 was delivered to Ukraine by Denmark.", 1),
        ("The first four of 12 Rafale fighters for Croatia landed, delivered by France.", 4),
        ("Norway has handed over the last of its F-16 jets to Ukraine.", None),
        ("Thailand received its first of two Type 071E docks from China on Monday.", 1),
        # "The first" of plural units counts no single one.
        ("Ankara took delivery of the first S-400 components from Russia.", None),
        ("Russia delivered the first Su-35 fighter jets to Iran.", None),
        ("The first German Leopard 2 tanks arrived in Ukraine from Germany.", None),
        # An ordinal counts units only when they are handed over.
        ("Iran signed for the first Su-35 jets from Russia.", None),
        # A lone count of another noun is no count of the system.
        ("Iran chose the Su-35 from Russia when the two governments met.", None),
    ],
)
def test_ordinals_and_stray_counts(sentence: str, quantity: int | None) -> None:
    [event] = _events(sentence)
    assert event.quantity == quantity


def test_a_share_received_of_an_order_counts_the_share_and_the_order_the_whole() -> None:
    events = _events("Egypt has received at least 10 of the 30 Rafale jets ordered from France.")
    assert {(e.stage, e.quantity) for e in events} == {("delivery", 10), ("agreement", 30)}


def test_a_promised_transfer_is_a_pledge() -> None:
    assert _keys("The president said Russia will transfer Iskander-M systems to Belarus.") == {
        ("RUS", "BLR", "Iskander-M", "agreement")
    }


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        (
            "The Bundeswehr ordered 18 Leopard 2A8 tanks from Krauss-Maffei Wegmann in May.",
            ("DEU", "DEU", "Leopard 2A8", "agreement"),
        ),
        (
            "The French Army received its first Leclerc tanks from Nexter.",
            ("FRA", "FRA", "Leclerc", "delivery"),
        ),
        # A foreign design built at home is licence production, not a domestic order.
        (
            "India ordered 12 Su-30MKI jets from Hindustan Aeronautics.",
            ("RUS", "IND", "Su-30MKI", "agreement"),
        ),
    ],
)
def test_domestic_orders_name_one_state_twice(
    sentence: str, key: tuple[str, str, str, str]
) -> None:
    assert _keys(sentence) == {key}


def test_a_company_never_buys() -> None:
    assert _events("Reports say deals for Sukhoi fighters and Su-57 jets were signed today.") == []


def test_a_deal_whose_verb_is_hypothetical_is_no_event() -> None:
    text = "The maker said new orders for Su-57 jets could be signed with Algeria."
    assert _events(text) == []


CHOSEN = "Poland chose the K2 tank from South Korea in 2022.\n\n"


@pytest.mark.parametrize(
    ("follow_up", "key"),
    [
        (
            "The defence minister approved the purchase on Tuesday.",
            ("KOR", "POL", "K2", "agreement"),
        ),
        ("The deal was frozen on Tuesday.", ("KOR", "POL", "K2", "cancellation")),
    ],
)
def test_the_deal_refers_to_the_last_system(follow_up: str, key: tuple[str, str, str, str]) -> None:
    events = _events(CHOSEN + follow_up)
    [event] = [e for e in events if (e.supplier, e.recipient, e.system, e.stage) == key]
    assert event.event_date == "2023-01-17"


@pytest.mark.parametrize(
    "follow_up",
    [
        # A state outside the earlier deal acts on some other purchase.
        "Germany's parliament approved the purchase on Tuesday.",
        # The deal noun alone asserts nothing.
        "The contract is the largest in Polish history.",
    ],
)
def test_the_deal_is_no_event_without_its_own_act(follow_up: str) -> None:
    assert {e.stage for e in _events(CHOSEN + follow_up)} == {"interest"}


def test_an_agreement_for_something_else_is_no_transfer() -> None:
    text = "Lockheed signed an agreement with the Indian Air Force to share data on the P-3 Orion."
    assert _events(text) == []


def test_a_makers_consent_to_a_re_export_sells_nothing() -> None:
    text = (
        "Chile bought 18 used F-16 jets from the Netherlands in 2005. Washington "
        "gave its approval for the onward transfer of the jets in March."
    )
    assert _keys(text) == {("NLD", "CHL", "F-16", "agreement")}


def test_the_article_second_state_receives_when_the_first_supplies() -> None:
    text = (
        "The US has paused a shipment of bombs to Israel, the United States said.\n\n"
        "Washington held back 1,800 MK-84 bombs, an official said."
    )
    assert ("USA", "ISR", "MK-84", "cancellation") in _keys(text)


def test_licence_production_is_not_sent_to_the_article_second_state() -> None:
    text = (
        "Leaders of Russia and India met in Delhi. India agreed a deal for 40 Su-30MKI"
        " fighters, to be assembled under licence by HAL."
    )
    assert _keys(text) == {("RUS", "IND", "Su-30MKI", "agreement")}


def test_pressure_from_a_state_makes_it_no_supplier() -> None:
    text = (
        "Israel called off the sale of a Phalcon aircraft to China, bowing to pressure"
        " from the United States."
    )
    assert _keys(text) == {("ISR", "CHN", "Phalcon", "cancellation")}


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        (
            "Russia built up an air group in Syria in 2015, flying in Su-24M and Su-34 bombers.",
            {("RUS", "SYR", "Su-24M", "deployment"), ("RUS", "SYR", "Su-34", "deployment")},
        ),
        (
            "The United States left a detachment of F-16 fighters in Jordan after the exercise.",
            {("USA", "JOR", "F-16", "deployment")},
        ),
        (
            "Turkish F-16 jets stayed in Azerbaijan after the joint exercises in July.",
            {("TUR", "AZE", "F-16", "deployment")},
        ),
        # Staying somewhere is a deployment only in a sentence about a drill.
        ("Most Saudi Tornado jets from Britain remain in service.", set()),
    ],
)
def test_deployments_of_own_forces(sentence: str, keys: set[tuple[str, str, str, str]]) -> None:
    assert _keys(sentence) == keys


def test_troops_stationed_nowhere_named_go_nowhere() -> None:
    text = (
        "The United States and Canada signed a trade pact.\n\n"
        "Most American soldiers stationed overseas can vote online."
    )
    assert _events(text) == []


def test_a_live_blog_recipient_is_where_things_are_sent() -> None:
    text = (
        "Germany hosts the meeting. Germany has not decided on tanks, Germany's minister said.\n\n"
        "Officials discussed sending longer-range weapons to Kyiv.\n\n"
        "- On Thursday the Pentagon announced a package that includes 90 Stryker vehicles."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.system) == ("USA", "UKR", "Stryker")
    # An announced package is a pledge: it carries the announcement's day.
    assert event.event_date == "2023-01-19"


def test_the_agent_of_a_buying_verb_buys() -> None:
    text = "The TB2 drones, made by the Turkish firm Baykar, were acquired by Azerbaijan in 2020."
    # Acquired systems are in the buyer's hands: received, not merely ordered.
    assert _keys(text) == {("TUR", "AZE", "Bayraktar TB2", "delivery")}
    text = "Azerbaijan signed a contract with Turkey on Monday to acquire Bayraktar TB2 drones."
    assert _keys(text) == {("TUR", "AZE", "Bayraktar TB2", "agreement")}


def test_a_named_variant_is_kept_over_its_family() -> None:
    text = (
        "The United States delivered Abrams tanks to Ukraine in 2023. The 31 M1A1 tanks were"
        " delivered to Ukraine by the United States in September 2023."
    )
    assert _keys(text) == {("USA", "UKR", "M1A1 Abrams", "delivery")}


def test_a_local_name_does_not_replace_the_system_it_renames() -> None:
    text = (
        "Brazil and France signed a contract on Monday for four Scorpene submarines, which"
        " the Brazilian Navy will call the Riachuelo class."
    )
    assert _keys(text) == {("FRA", "BRA", "Scorpene", "agreement")}


def test_the_purchase_refers_to_the_last_named_system_even_without_its_event() -> None:
    text = (
        CHOSEN + "Officials in Berlin expect to order the Arrow 3 system from Israel.\n\n"
        "The Bundestag approved the purchase in June."
    )
    assert ("ISR", "DEU", "Arrow 3", "agreement") in _keys(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Germany began examining the purchase of Arrow 3 from Israel in 2022.",
        "Saudi Arabia asked to buy Bayraktar TB2 drones from Turkey.",
        "Egypt is weighing an offer of Su-35 jets from Russia.",
    ],
)
def test_weighing_a_purchase_is_interest(sentence: str) -> None:
    [event] = _events(sentence)
    assert event.stage == "interest"


def test_experts_examining_wreckage_is_no_interest() -> None:
    assert _events("Experts examined the remains of Borkan-2H missiles fired at Riyadh.") == []


def test_a_compass_point_does_not_hide_the_place() -> None:
    assert _keys("Kenyan troops crossed into southern Somalia in October 2011.") == {
        ("KEN", "SOM", None, "deployment")
    }


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        (
            "Denmark handed US-built F-16 jets to Ukraine in August.",
            ("DNK", "UKR", "F-16", "delivery"),
        ),
        # A one-line donation is news, not a donation appeal.
        ("The Netherlands donated its used F-16s to Ukraine.", ("NLD", "UKR", "F-16", "delivery")),
    ],
)
def test_second_hand_transfers_name_the_state_handing_over(
    sentence: str, key: tuple[str, str, str, str]
) -> None:
    assert _keys(sentence) == {key}


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        # "to deliver" inside "agreed to deliver" is a pledge, not a delivery.
        ("Germany agreed to deliver 14 Leopard 2A6 tanks to Ukraine.", "agreement"),
        # A purchase in the infinitive after talks is still talked about.
        ("Egypt is in talks with Russia to buy Su-35 jets.", "interest"),
        ("Egypt agreed with Russia to buy Su-35 jets.", "agreement"),
    ],
)
def test_the_longest_trigger_and_its_governor_decide(sentence: str, stage: str) -> None:
    [event] = _events(sentence)
    assert event.stage == stage


def test_a_clause_of_its_own_reports_a_second_stage() -> None:
    text = "Moscow sold Su-35 fighter jets to Egypt, but the deal was later cancelled."
    assert _keys(text) == {
        ("RUS", "EGY", "Su-35", "agreement"),
        ("RUS", "EGY", "Su-35", "cancellation"),
    }


def test_special_forces_are_troops() -> None:
    assert _keys("North Korean special forces arrived in Russia in October.") == {
        ("PRK", "RUS", None, "deployment")
    }


def test_the_aircraft_that_carries_a_delivery_is_not_delivered() -> None:
    text = "Four Mi-171 helicopters from Russia arrived in Mali on board a Russian An-124 plane."
    assert _keys(text) == {("RUS", "MLI", "Mi-171", "delivery")}


def test_a_decimal_amount_is_no_designation() -> None:
    text = "Manila scrapped a contract for 16 Mi-17 helicopters from Russia worth P12.7 billion."
    assert {key[2] for key in _keys(text)} == {"Mi-17"}


def test_a_list_of_recipients_gives_one_event_each() -> None:
    text = "Beijing has supplied Wing Loong II drones to Saudi Arabia, Egypt and the UAE."
    assert {key[1] for key in _keys(text)} == {"SAU", "EGY", "ARE"}


def test_a_state_named_in_an_aside_is_no_recipient() -> None:
    text = "France delivered Rafale jets to India, which shares a border with China."
    assert {key[1] for key in _keys(text)} == {"IND"}


def test_the_systems_refers_to_the_last_named_system() -> None:
    text = (
        "India signed for S-400 systems from Russia in 2018.\n\n"
        "The systems arrived in December 2021."
    )
    assert ("RUS", "IND", "S-400", "delivery") in _keys(text)


def test_a_count_in_another_clause_is_not_this_systems() -> None:
    text = (
        "Egypt bought Rafale jets from France in 2015.\n\n"
        "The jets were delivered in July 2015, and Cairo ordered 30 more in 2021."
    )
    delivery = next(e for e in _events(text) if e.stage == "delivery")
    assert delivery.quantity is None


def test_a_list_of_suppliers_gives_one_event_each() -> None:
    text = "The Netherlands and Denmark pledged F-16 jets to Ukraine in August."
    assert _keys(text) == {
        ("NLD", "UKR", "F-16", "agreement"),
        ("DNK", "UKR", "F-16", "agreement"),
    }


def test_refusing_to_deliver_is_a_cancellation() -> None:
    text = "Washington refused to deliver F-35 jets to Turkey after Ankara bought the S-400."
    assert ("USA", "TUR", "F-35", "cancellation") in _keys(text)


def test_forces_go_where_the_verb_sends_them() -> None:
    text = "The mercenaries of the Wagner Group, close to the Kremlin, arrived in Libya in 2019."
    assert _keys(text) == {("Wagner", "LBY", None, "deployment")}


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        # A verb that stops anything cancels a transfer only where one is named.
        ("The Bayraktar TB2 drones from Turkey helped halt the advance in Ethiopia.", set()),
        (
            "Germany halted deliveries of Leopard 2 tanks to Saudi Arabia.",
            {("DEU", "SAU", "Leopard 2", "cancellation")},
        ),
        # A demonym on the order names its buyer.
        (
            "The Pakistani order for T129 helicopters from Turkey has been frozen.",
            {("TUR", "PAK", "T129", "cancellation")},
        ),
        # Starting to receive later is no delivery.
        ("The deal will allow Saudi Arabia to start receiving Typhoon jets from Britain.", set()),
    ],
)
def test_cancellations_need_a_transfer(sentence: str, keys: set[tuple[str, str, str, str]]) -> None:
    assert {k for k in _keys(sentence) if k[3] != "agreement"} == keys


def test_an_ex_owner_supplies_a_second_hand_ship() -> None:
    text = (
        "The Indonesian Navy commissioned two ex-Brunei Nakhoda Ragam-class corvettes"
        " built by BAE Systems."
    )
    assert {key[0] for key in _keys(text)} == {"BRN"}


def test_a_list_of_suppliers_after_from() -> None:
    text = "Myanmar received six JF-17 jets from Pakistan and China in 2018."
    assert {key[0] for key in _keys(text)} == {"PAK", "CHN"}


def test_it_stands_for_the_state_named_before() -> None:
    text = (
        "The Czech Republic has been a major supplier. It sent T-72 tanks to Ukraine"
        " in spring 2022."
    )
    assert _keys(text) == {("CZE", "UKR", "T-72", "delivery")}


def test_a_system_cut_off_by_an_aside_takes_its_own_trigger() -> None:
    text = (
        "Britain became the first to provide Ukraine with cruise missiles, after the minister"
        " said on Thursday that the UK was donating its Storm Shadow missiles to Kyiv."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.system, event.stage) == (
        "GBR",
        "UKR",
        "Storm Shadow",
        "agreement",
    )
    assert event.event_date == "2023-01-19"


def test_a_commissioning_ceremony_hands_a_ship_over() -> None:
    text = "The commissioning ceremony of the first Pakistan Navy MILGEM ship was held in Turkey."
    assert _keys(text) == {("TUR", "PAK", "MILGEM", "delivery")}


def test_the_next_sentence_can_count_the_units() -> None:
    text = (
        "A consignment of MK-84 bombs sent by the United States has reached Israel. The cargo"
        " consisted of about 1,800 bombs."
    )
    [event] = _events(text)
    assert event.quantity == 1800


def test_a_number_near_the_deal_counts_no_units() -> None:
    text = (
        "Egypt signed a contract with France for FREMM frigates.\n\n"
        "Defence ministers of the two countries signed the deal in Cairo."
    )
    [event] = _events(text)
    assert event.quantity is None


def test_same_event_twice_is_reported_once() -> None:
    text = (
        "Russia delivered S-400 systems to Turkey in July 2019.\n\n"
        "Russia delivered the S-400 to Turkey."
    )
    assert len(_events(text)) == 1


def test_troops_sent_abroad_are_a_deployment() -> None:
    [event] = _events("Russia sent 400 troops to Belarus for joint drills.")
    assert (event.supplier, event.recipient, event.system, event.category, event.stage) == (
        "RUS",
        "BLR",
        None,
        "other",
        "deployment",
    )


def test_evidence_offsets_point_into_the_text() -> None:
    text = "Defence news.\n\nRussia delivered 24 Su-35 fighter jets to Iran on Tuesday.\n"
    [event] = _events(text)
    assert text[event.evidence_start : event.evidence_end] == event.evidence


@pytest.mark.parametrize(
    "text",
    [
        "The general ordered Dutch peacekeepers to leave the Malian base.",
        "A Kenyan court ordered an inquiry into killings by Ugandan troops.",
        "Activists asked for French troops to be pulled out of Chad.",
    ],
)
def test_troops_are_only_ever_deployed(text: str) -> None:
    assert not {stage for *_, stage in _keys(text)} - {"deployment"}


def test_a_purchase_only_considered_is_interest() -> None:
    text = "Egypt's air force is considering the buying of Rafale jets from France."
    assert _keys(text) == {("FRA", "EGY", "Rafale", "interest")}


def test_an_option_to_buy_more_is_no_order() -> None:
    assert not _keys("Egypt will also have the option to acquire 12 more Rafale jets from France.")


def test_the_recipient_named_in_the_sentence_before_carries_over() -> None:
    text = (
        "Ukraine's defence minister inspected the new arrivals on Monday. "
        "The new arrivals are British Challenger 2 tanks, officials said."
    )
    assert ("GBR", "UKR", "Challenger 2", "delivery") in _keys(text)


def test_a_noun_after_a_turned_down_name_is_not_a_reference() -> None:
    text = (
        "India ordered 36 Rafale jets from France in 2016. "
        "Separately, Air India took delivery of its first Boeing 787 Dreamliner aircraft."
    )
    assert _keys(text) == {("FRA", "IND", "Rafale", "agreement")}


def test_a_dateline_city_is_no_party() -> None:
    text = "Tbilisi, 3 May 2024 - Turkish servicemen have arrived in Georgia for joint drills."
    assert _keys(text) == {("TUR", "GEO", None, "deployment")}


def test_troops_moving_abroad_are_deployed() -> None:
    assert _keys("Chadian soldiers have started to move to Niger, officials said.") == {
        ("TCD", "NER", None, "deployment")
    }


def test_each_system_in_a_list_takes_its_nearest_demonym() -> None:
    text = (
        "Estonia's army showed its new equipment on Friday. The deliveries were Polish PT-91"
        " tanks, Swedish CV90 and Archer vehicles and Czech Dana howitzers."
    )
    suppliers = {system: supplier for supplier, _, system, _ in _keys(text)}
    assert suppliers == {"PT-91": "POL", "CV90": "SWE", "Archer": "SWE", "DANA": "CZE"}


def test_each_system_takes_the_agent_written_after_it() -> None:
    text = (
        "IRIS-T and Crotale air defence systems have reached Moldova. "
        "The IRIS-T units were supplied by Germany, and the Crotale launchers by France."
    )
    later = {(s, r, sys) for s, r, sys, _ in _keys(text)}
    assert {("DEU", "MDA", "IRIS-T"), ("FRA", "MDA", "Crotale")} <= later
    assert ("DEU", "FRA", "Crotale") not in later


def test_a_donation_announced_is_an_agreement() -> None:
    text = "Paris said on Monday that France was donating Caesar howitzers to Armenia."
    assert _keys(text) == {("FRA", "ARM", "Caesar", "agreement")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Indonesia bought 8 Rafale jets from France in 2022. The government also"
                " scrapped a contract for 11 Russian Su-35 jets, citing US sanctions."
            ),
            {("FRA", "IDN", "Rafale", "agreement"), ("RUS", "IDN", "Su-35", "cancellation")},
        ),
        (
            "The contract for 180 K2 tanks was signed last year, US officials said.",
            set(),
        ),
    ],
)
def test_a_name_that_qualifies_another_noun_is_no_party(
    text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _keys(text) == expected


def test_a_go_ahead_is_an_approval_not_a_delivery() -> None:
    text = "Egypt's parliament has given go-ahead for the purchase of Rafale jets from France."
    assert _keys(text) == {("FRA", "EGY", "Rafale", "agreement")}


def test_none_negates_a_transfer() -> None:
    assert not _keys("None of the allies is sending Abrams tanks to Taiwan.")


def test_asking_a_state_for_a_system_is_interest() -> None:
    text = "Warsaw formally asked Seoul in March for K9 howitzers."
    assert _keys(text) == {("KOR", "POL", "K9", "interest")}


def test_a_supplier_only_sentence_goes_to_the_article_main_state() -> None:
    text = (
        "Moldova needs more air defence. Moldova has asked its allies for help. "
        "The drones were launched from Russia on Monday. "
        "Norway promised four NASAMS launchers last October."
    )
    assert ("NOR", "MDA", "NASAMS", "agreement") in _keys(text)


def test_a_deal_reference_names_the_deal_of_its_buyer_not_the_last_part() -> None:
    text = (
        "Indonesia signed a contract with Dassault for 42 Rafale jets in 2022. The jets will"
        " use Safran M88 engines. The Indonesian order was suspended in March."
    )
    assert ("FRA", "IDN", "Rafale", "cancellation") in _keys(text)


def test_a_subject_in_another_clause_takes_no_role() -> None:
    text = (
        "Brussels has not issued the licences for Ankara, and the Turkish order for 40 F-16"
        " jets has been frozen since March."
    )
    assert _keys(text) == {("USA", "TUR", "F-16", "cancellation")}


def test_a_plural_demonym_is_a_party() -> None:
    text = "The Saudis signed a $300 million deal in May 2021 for the Wing Loong II drones."
    assert _keys(text) == {("CHN", "SAU", "Wing Loong II", "agreement")}


def test_a_demonym_on_a_system_another_state_supplies_names_its_owner() -> None:
    assert _keys("The Greek Rafales arrived in Tanagra from France.") == {
        ("FRA", "GRC", "Rafale", "delivery")
    }


@pytest.mark.parametrize(("name", "state"), [("Chavez", "VEN"), ("Aquino", "PHL")])
def test_a_leader_named_by_surname_alone_stands_for_the_state(name: str, state: str) -> None:
    [event] = _events(f"{name} bought 24 Su-30MK2 fighters from Russia in 2006.")
    assert (event.supplier, event.recipient, event.stage) == ("RUS", state, "agreement")


def test_a_person_who_shares_a_system_name_is_no_system() -> None:
    text = "Baykar chief executive Selcuk Bayraktar said Kuwait had signed the contract."
    assert _keys(text) == set()
    assert _keys("Kuwait signed a contract with Turkey for Bayraktar drones.") == {
        ("TUR", "KWT", "Bayraktar TB2", "agreement")
    }


def test_a_later_reference_takes_the_first_name_of_its_sentence() -> None:
    text = (
        "France signed a deal with Brazil for four Scorpene submarines under Project 75. "
        "The first of the boats was delivered to Brazil in 2022."
    )
    assert ("FRA", "BRA", "Scorpene", "delivery") in _keys(text)


def test_the_supply_of_systems_is_a_delivery_and_concluding_that_is_no_deal() -> None:
    text = (
        "UN experts concluded that Iran had allowed the supply of Qasef-1 drones to the"
        " Houthis in 2017."
    )
    assert _keys(text) == {("IRN", "Houthis", "Qasef-1", "delivery")}
    text = "Russia and India signed a contract on Thursday for the supply of 310 T-90S tanks."
    assert _keys(text) == {("RUS", "IND", "T-90S", "agreement")}


def test_a_transport_named_with_its_cargo_is_not_delivered() -> None:
    text = "Serbia has received six Chinese FK-3 batteries, flown in on Y-20 transports."
    assert _keys(text) == {("CHN", "SRB", "FK-3", "delivery")}
    text = "Egypt received two C-130J transport aircraft from the United States."
    assert _keys(text) == {("USA", "EGY", "C-130J", "delivery")}


def test_the_systems_a_choice_beat_are_not_chosen() -> None:
    text = "Switzerland picked the F-35A as its next fighter, choosing it over the Rafale."
    assert _keys(text) == {("USA", "CHE", "F-35A", "interest")}


def test_the_year_of_a_contract_does_not_date_its_deliveries() -> None:
    events = _events(
        "Moscow has started delivering Su-30SM fighters to Kazakhstan under a 2021 contract."
    )
    # The dated contract is an agreement of its own; the deliveries keep the report's month.
    assert {(e.stage, e.event_date) for e in events} == {
        ("delivery", "2023-01"),
        ("agreement", "2021"),
    }
    [event] = _events("Russia and India signed the 2018 deal for S-400 systems.")
    assert (event.stage, event.event_date) == ("agreement", "2018")


def test_removal_from_a_programme_is_a_cancellation_and_its_cause_is_no_event() -> None:
    text = "Turkey's purchase of the S-400 led to its removal from the F-35 programme in 2019."
    assert _keys(text) == {("USA", "TUR", "F-35", "cancellation")}


def test_a_report_of_interest_asserts_it_and_an_apposition_is_not_the_subject() -> None:
    text = "Algeria, Morocco's main rival, is reported to be interested in Chinese J-10C jets."
    assert _keys(text) == {("CHN", "DZA", "J-10C", "interest")}
    assert _keys("The Rafale jets for Egypt are yet to be delivered by France.") == set()


def test_a_second_stage_in_its_own_and_clause_has_its_own_count_and_date() -> None:
    events = _events(
        "Kenya bought six Bayraktar TB2 drones from Turkey in 2020, and they were delivered"
        " the following year."
    )
    found = {(e.stage, e.quantity, e.event_date) for e in events}
    assert found == {("agreement", 6, "2020"), ("delivery", None, "2021")}
    events = _events(
        "Egypt signed a deal for 24 Rafale jets from France in May 2021, and ten have been"
        " delivered so far."
    )
    assert {(e.stage, e.quantity) for e in events} == {("agreement", 24), ("delivery", 10)}


def test_an_and_clause_that_only_mentions_an_old_contract_adds_no_stage() -> None:
    text = (
        "The first Akinci drones arrived in Algeria from Turkey on Friday, and the others will"
        " follow under the contract that Algiers signed with Baykar."
    )
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_systems_arriving_for_an_exercise_are_deployed() -> None:
    text = "Russian S-400 systems arrived in Belarus last week for the Union Shield exercise."
    assert _keys(text) == {("RUS", "BLR", "S-400", "deployment")}


def test_a_count_of_the_launchers_refers_to_the_last_system() -> None:
    text = (
        "Poland signed a contract with South Korea on Wednesday for 72 Chunmoo rocket"
        " launchers.\n\nThe deal follows a 2022 framework agreement under which Warsaw has"
        " already received 18 of the launchers."
    )
    delivery = [e for e in _events(text) if e.stage == "delivery"]
    assert [(e.supplier, e.recipient, e.system, e.quantity) for e in delivery] == [
        ("KOR", "POL", "K239 Chunmoo", 18)
    ]
    # The 2022 framework agreement dates no delivery.
    assert delivery[0].event_date == "2023-01"


def test_a_demonym_on_a_state_institution_names_the_state() -> None:
    text = (
        "The Indonesian Defence Ministry has finalised the purchase of 42 Rafale jets from France."
    )
    assert _keys(text) == {("FRA", "IDN", "Rafale", "agreement")}


def test_a_date_after_another_stage_verb_is_that_verb_date() -> None:
    text = "Hungary has received the last Leopard 2A7 tanks ordered from Germany in 2018."
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("delivery", "2023-01")
    text = (
        "In September 2021, four Mi-171 helicopters bought by Mali from Russia arrived in Bamako."
    )
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("delivery", "2021-09")


def test_states_listed_with_a_giving_subject_give_too() -> None:
    text = "Belgium will provide F-16s to Ukraine. Denmark and Norway have also pledged F-16s."
    assert _keys(text) == {
        ("BEL", "UKR", "F-16", "agreement"),
        ("DNK", "UKR", "F-16", "agreement"),
        ("NOR", "UKR", "F-16", "agreement"),
    }


def test_the_platform_a_part_is_bought_for_is_not_bought() -> None:
    text = "Egypt ordered Meteor missiles from the United Kingdom for its Rafale fighters."
    assert _keys(text) == {("GBR", "EGY", "Meteor", "agreement")}


def test_n_more_refers_to_the_last_system_with_its_count() -> None:
    text = "Egypt received 24 Rafale jets from France by 2017. It then ordered 30 more in 2021."
    later = [e for e in _events(text) if e.stage == "agreement"]
    assert [(e.supplier, e.recipient, e.system, e.quantity, e.event_date) for e in later] == [
        ("FRA", "EGY", "Rafale", 30, "2021")
    ]
    assert _keys("Egypt received 24 Rafale jets from France. It waited 30 more days.") == {
        ("FRA", "EGY", "Rafale", "delivery")
    }


def test_a_reference_comes_from_the_supplier_the_article_named() -> None:
    text = (
        "Kazakhstan took delivery of two A400M transport aircraft from France in 2022."
        " Two more were ordered in 2023."
    )
    assert _keys(text) == {
        ("FRA", "KAZ", "A400M", "delivery"),
        ("FRA", "KAZ", "A400M", "agreement"),
    }


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        # The buyer signs with the state that sells, here second-hand.
        (
            "Argentina signed a deal with Denmark on Tuesday to buy 24 used F-16 jets.",
            ("DNK", "ARG", "F-16", "agreement"),
        ),
        # The maker's state signs with its customer.
        (
            "Russia signed a contract with India for S-400 systems in 2018.",
            ("RUS", "IND", "S-400", "agreement"),
        ),
        # Who signs for another is not the recipient.
        (
            (
                "The US Army signed a contract with Rosoboronexport for 21 Mi-17 helicopters"
                " for the Afghan air force."
            ),
            ("RUS", "AFG", "Mi-17", "agreement"),
        ),
    ],
)
def test_the_two_sides_of_a_deal_signed_with(sentence: str, key: tuple[str, ...]) -> None:
    assert _keys(sentence) == {key}


def test_the_state_thanked_for_a_system_gave_it() -> None:
    text = "Ukraine's defence minister thanked Italy for the SAMP/T system, which arrived in May."
    assert _keys(text) == {("ITA", "UKR", "SAMP/T", "delivery")}


def test_a_next_sentence_about_the_order_does_not_count_a_delivery() -> None:
    text = (
        "The first Rafale jets for Croatia arrived at Pleso air base on Saturday. The 12"
        " aircraft were bought from France in 2021."
    )
    delivery = [e for e in _events(text) if e.stage == "delivery"]
    assert [e.quantity for e in delivery] == [None]


def test_counted_references_to_the_last_system() -> None:
    text = (
        "Rheinmetall will deliver 50 Lynx infantry fighting vehicles to Hungary. The first of"
        " them arrived in Zalaegerszeg in January."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.system, event.stage, event.quantity) == (
        "DEU",
        "HUN",
        "Lynx",
        "delivery",
        1,
    )
    text = (
        "Officials in Manila said BrahMos missiles from India arrived on Friday. The"
        " Philippines ordered three batteries in 2022."
    )
    orders = [e for e in _events(text) if e.stage == "agreement"]
    assert [(e.system, e.quantity, e.event_date) for e in orders] == [("BrahMos", 3, "2022")]


def test_forces_at_home_deploy_nowhere() -> None:
    assert _keys("Greece's Rafale jets took part in drills near Larissa on Sunday.") == set()


def test_forces_belong_to_the_state_their_demonym_names() -> None:
    text = (
        "Critics of the Iraq war questioned a decision to let British troops move into"
        " Baghdad under US command."
    )
    assert _keys(text) == {("GBR", "IRQ", None, "deployment")}


def test_a_helicopter_sent_on_a_task_is_not_handed_over() -> None:
    text = (
        "Russia delivered S-300 systems to Syria. Rebels fired on a Russian Mi-8 helicopter"
        " sent to search for the crew."
    )
    assert _keys(text) == {("RUS", "SYR", "S-300", "delivery")}
    assert _keys("Germany sent Leopard 2 tanks to the front in Ukraine.") == {
        ("DEU", "UKR", "Leopard 2", "delivery")
    }


def test_an_organisation_qualifying_a_noun_is_no_party() -> None:
    text = (
        "Turkish BMC Kirpi vehicles arrived in the port of Tripoli in May, according to UN experts."
    )
    assert _keys(text) == {("TUR", "LBY", "BMC Kirpi", "delivery")}


def test_the_group_is_the_last_armed_group_named() -> None:
    text = (
        "The Houthis fired a missile at a tanker in the Red Sea on Monday. US officials said"
        " the missile was a Quds-1 that Iran had supplied to the group."
    )
    assert _keys(text) == {("IRN", "Houthis", "Quds-1", "delivery")}


def test_approving_a_delivery_is_an_agreement_dated_by_its_day() -> None:
    [event] = _events("Berlin cleared the delivery of Leopard 2 tanks to Ukraine on Wednesday.")
    assert (event.supplier, event.recipient, event.stage, event.event_date) == (
        "DEU",
        "UKR",
        "agreement",
        "2023-01-18",
    )


def test_a_state_in_a_later_clause_takes_no_role() -> None:
    text = (
        "Ukraine needs air defence. The United States sent a Patriot battery in April 2023,"
        " and the Netherlands provided two more launchers."
    )
    assert ("USA", "UKR", "Patriot", "delivery") in _keys(text)
    assert ("USA", "NLD", "Patriot", "delivery") not in _keys(text)


def test_an_aside_that_approves_the_sale_acts_on_the_system() -> None:
    text = (
        "Chile will acquire two used Type 23 frigates from the UK, the navy said, after the"
        " British government approved the sale."
    )
    assert _keys(text) == {("GBR", "CHL", "Type 23", "agreement")}
    assert _keys("Greece ordered Rafale jets after a Turkish F-16 shot down a drone.") == {
        ("FRA", "GRC", "Rafale", "agreement")
    }


def test_a_supplier_after_another_system_is_that_system_supplier() -> None:
    text = (
        "The aid package for Ukraine includes Leopard 1 tanks from Germany, CV90 vehicles"
        " from Sweden and Bradley fighting vehicles from the United States."
    )
    assert _keys(text) == {
        ("DEU", "UKR", "Leopard 1", "agreement"),
        ("SWE", "UKR", "CV90", "agreement"),
        ("USA", "UKR", "Bradley", "agreement"),
    }


def test_states_listed_with_a_buying_subject_buy_too() -> None:
    text = (
        "Last year, Estonia, Latvia and Lithuania jointly ordered IRIS-T SLM systems from Germany."
    )
    assert {key[1] for key in _keys(text)} == {"EST", "LVA", "LTU"}


def test_removing_a_state_from_a_programme_cancels_it() -> None:
    text = "The United States removed Turkey from the F-35 programme in July 2019."
    assert _keys(text) == {("USA", "TUR", "F-35", "cancellation")}
    assert _keys("The army removed its Leopard 2 tanks from the border in May.") == set()


def test_troops_are_counted_in_soldiers_and_sent_to_a_named_place() -> None:
    [event] = _events("About 200 Turkish soldiers have been sent to Qatar.")
    assert (event.supplier, event.recipient, event.stage, event.quantity) == (
        "TUR",
        "QAT",
        "deployment",
        200,
    )
    [event] = _events("German troops arrived in Lithuania to set up a permanent brigade.")
    assert event.quantity is None


def test_another_name_and_the_munitions_of_a_system_are_not_more_events() -> None:
    text = (
        "In early February, Spain and Italy agreed to jointly supply Ukraine with a SAMP/T"
        " battery, the system known in France as Mamba, which fires Aster 30 missiles."
    )
    assert _keys(text) == {
        ("ESP", "UKR", "SAMP/T", "agreement"),
        ("ITA", "UKR", "SAMP/T", "agreement"),
    }


def test_an_announced_permission_to_deliver_is_an_agreement() -> None:
    text = "Germany said it would allow Gepard anti-aircraft guns to be delivered to Ukraine."
    assert _keys(text) == {("DEU", "UKR", "Gepard", "agreement")}
    # Consent to another state's re-export names no supplier of its own.
    assert _keys("Berlin allowed Poland to re-export Leopard 2 tanks to Ukraine.") == set()


def test_systems_flown_to_a_state_are_delivered_by_the_flyer() -> None:
    text = "In March, RAF transport aircraft flew around 2,000 NLAW missiles to Kyiv."
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.stage, event.quantity) == (
        "GBR",
        "UKR",
        "delivery",
        2000,
    )
    text = "The first Bushmasters for Ukraine were flown out aboard C-17 transport aircraft."
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.stage, event.quantity) == (
        "AUS",
        "UKR",
        "delivery",
        None,
    )


def test_background_sales_and_a_dated_deal_reference() -> None:
    text = (
        "Russia has been China's main arms supplier since the 1990s, selling it Su-27"
        " fighters and Kilo-class submarines."
    )
    assert {(e.supplier, e.recipient, e.system, e.stage) for e in _events(text)} == {
        ("RUS", "CHN", "Su-27", "agreement"),
        ("RUS", "CHN", "Kilo-class", "agreement"),
    }
    text = (
        "Pakistan has finalised a deal with Turkey for four MILGEM corvettes. The deal,"
        " signed in July 2018, is Turkey's largest defence export."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.event_date) == ("TUR", "PAK", "2018-07")


def test_ammunition_for_a_system_does_not_send_the_system() -> None:
    text = (
        "14:30 The Pentagon announced a new package for Kyiv, including ammunition for"
        " Patriot and NASAMS systems and 15 Bradley fighting vehicles."
    )
    assert _keys(text) == {("USA", "UKR", "Bradley", "agreement")}


def test_a_live_blog_clock_time_counts_nothing() -> None:
    text = "15:45 Zelensky thanked Canada for the NASAMS system, which arrived in Ukraine."
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.quantity) == ("CAN", "UKR", None)


def test_a_deal_that_collapsed_is_cancelled() -> None:
    text = "The deal for 12 Rafale jets collapsed after Croatia failed to secure financing."
    assert _keys(text) == {("FRA", "HRV", "Rafale", "cancellation")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Moscow also offered to modernize Belarusian Su-25 aircraft.",
        (
            "Navantia will support the ships for five years after the delivery of the first"
            " Avante 2200 corvette to Saudi Arabia."
        ),
    ],
)
def test_services_and_deliveries_as_points_in_time_are_no_transfers(sentence: str) -> None:
    assert _events(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # Combat, defectors and an aside are no deployment.
        "Iranian forces smashed four Iraqi brigades and killed 1,500 Iraqi soldiers in Basra.",
        "Egypt allowed five fugitive Libyan soldiers who landed in a military plane to stay.",
        (
            "Officers of the Northern Army Group, which is also based at Rheindahlen in"
            " Germany, held a dinner for British servicemen."
        ),
        # An attempt, a system serviced or made, and talk are no transfers.
        "North had tried to obtain 20 Blowpipe missiles from Britain for Iran.",
        "The agency weighed modifying F-4EJ Phantoms bought from the United States.",
        "The prime contractor is Raytheon, which builds the Hawk missiles for Japan.",
        "The agency had received a briefing on F-16 jets from the United States.",
        (
            'BERLIN - A spokesman for KNDS said the company "had received interest" from'
            " several European countries in the Leopard 2A8, but declined to name them."
        ),
        (
            "Northrop has been awarded contracts to update the radar-jamming system on the"
            " Saudi Air Force's F-15 Eagle fighters."
        ),
        # What a missile reaches is its target, no place it arrives.
        (
            '"German soldiers must not be linked with the targets this missile reaches," the'
            " chancellor said of Taurus cruise missiles for Ukraine."
        ),
        # A call on a government to send is no pledge.
        (
            "The German parliament rejected an opposition motion urging Chancellor Olaf"
            " Scholz's government to send Taurus cruise missiles to Ukraine."
        ),
    ],
)
def test_wire_story_traps_give_nothing(sentence: str) -> None:
    assert _events(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "supplier"),
    [
        ("In 2016 Serbia ordered nine H145M helicopters from Airbus Helicopters.", "DEU"),
        ("Pakistan signed a contract with MBDA Italia for the Spada 2000 system.", "ITA"),
        ("Venezuela signed a contract with Airbus Military for ten C-295 aircraft.", "ESP"),
    ],
)
def test_a_group_of_national_companies_sells_from_where_the_system_is_built(
    sentence: str, supplier: str
) -> None:
    [event] = _events(sentence)
    assert (event.supplier, event.stage) == (supplier, "agreement")


def test_a_wire_money_amount_is_no_count() -> None:
    text = "Lockheed said it received a 16 mln dlr order from the Thai air force for F-16 jets."
    [event] = _events(text)
    assert (event.stage, event.quantity, event.quantity_text) == ("agreement", None, "16 mln dlr")


def test_they_refers_to_the_systems_of_the_sentence_before() -> None:
    text = "India ordered 36 Rafale jets from France in 2016. They were delivered from 2020."
    assert {(e.supplier, e.recipient, e.system, e.stage, e.event_date) for e in _events(text)} == {
        ("FRA", "IND", "Rafale", "agreement", "2016"),
        ("FRA", "IND", "Rafale", "delivery", "2020"),
    }
    text = "Ukraine received 12 Leopard 2 tanks on Monday. They were supplied by Spain."
    assert ("ESP", "UKR", "Leopard 2", "delivery") in _keys(text)


def test_a_count_with_more_than_before_the_system_is_no_comparison() -> None:
    text = "Ukraine needs tanks. Poland handed over more than 200 Soviet-era T-72 tanks in 2022."
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.system, event.quantity) == (
        "POL",
        "UKR",
        "T-72",
        200,
    )
    text = "The Storm Shadow has a range of more than 250 km, beyond any weapon Ukraine received."
    assert _events(text) == []


def test_the_members_of_a_counted_group_take_no_count_of_their_own() -> None:
    text = (
        "Moscow deployed more than 30 aircraft to Hmeimim in Syria in September, including"
        " Su-24 and Su-34 bombers and Su-25 ground-attack jets."
    )
    found = {(e.supplier, e.recipient, e.system, e.stage, e.quantity) for e in _events(text)}
    assert found == {
        ("RUS", "SYR", "Su-24", "deployment", None),
        ("RUS", "SYR", "Su-34", "deployment", None),
        ("RUS", "SYR", "Su-25", "deployment", None),
    }
    text = "Russia sent 30 aircraft to Syria for a drill, including Su-24 bombers."
    assert [e.quantity for e in _events(text)] == [None]
    text = (
        "India signed a deal with Russia in December 2000 to build 140 Su-30MKI fighters under"
        " licence. The contract, estimated at more than three billion dollars, covers the"
        " transfer of technology for the airframe, the AL-31FP engines and the avionics."
    )
    assert "AL-31F" not in {e.system for e in _events(text)}


def test_an_offer_named_as_a_document_takes_no_date_from_the_signing() -> None:
    text = (
        "Qatar signed a letter of offer and acceptance with the United States on Monday for"
        " 12 MQ-9B drones."
    )
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("agreement", "2023-01-16")


def test_a_state_labelling_a_digest_item_is_its_party() -> None:
    text = "Sahel digest\n\nNiger: The government ordered two Hurjet trainers from Turkey."
    assert _keys(text) == {("TUR", "NER", "Hurjet", "agreement")}
    text = "KYIV: Ukraine received a Patriot battery from Germany on Tuesday."
    assert _keys(text) == {("DEU", "UKR", "Patriot", "delivery")}


def test_an_approval_given_for_licence_production_is_an_agreement() -> None:
    text = (
        "The Defense Department said the United States has given preliminary approval for"
        " Egypt to produce the M1A1 tank."
    )
    assert _keys(text) == {("USA", "EGY", "M1A1 Abrams", "agreement")}


def test_a_second_verb_joined_by_and_is_its_own_stage() -> None:
    text = (
        "India signed a deal for S-400 systems with Russia in 2018 and took delivery of the"
        " first regiment in December 2021."
    )
    assert {(e.stage, e.event_date) for e in _events(text)} == {
        ("agreement", "2018"),
        ("delivery", "2021-12"),
    }
    text = "Brazil ordered 36 Gripen E/F jets from Sweden in 2014 and has so far received eight."
    assert {(e.stage, e.quantity) for e in _events(text)} == {("agreement", 36), ("delivery", 8)}


def test_taking_possession_is_a_delivery() -> None:
    text = "Brazil took possession of its first Scorpene-class submarine from France in 2022."
    assert _keys(text) == {("FRA", "BRA", "Scorpene", "delivery")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A leader who acts stands for the state.
        (
            "Albanese has promised Ukraine a further 20 Bushmaster armoured vehicles.",
            {("AUS", "UKR", "Bushmaster", "agreement")},
        ),
        (
            "Erdogan said the S-400 deliveries had begun in July.",
            {("RUS", "TUR", "S-400", "delivery")},
        ),
        # A leader who only comments is no party: the recipient is the one named.
        (
            "Modi's visit followed the delivery of the S-400 to India in December.",
            {("RUS", "IND", "S-400", "delivery")},
        ),
    ],
)
def test_a_leader_acting_stands_for_the_state(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spain and Turkey signed a memorandum of understanding on 24 Hurjet jets.",
            {("TUR", "ESP", "Hurjet", "interest")},
        ),
        (
            "The memorandum, signed in Madrid on Wednesday, covers 24 Hurjet jets for Spain.",
            {("TUR", "ESP", "Hurjet", "interest")},
        ),
        (
            "In September Qatar signed a statement of intent with Britain for 24 Typhoon jets.",
            {("GBR", "QAT", "Typhoon", "interest")},
        ),
        (
            "Qatar exercised its option for 12 more Rafales on Thursday.",
            {("FRA", "QAT", "Rafale", "agreement")},
        ),
    ],
)
def test_intent_papers_are_interest_and_an_exercised_option_an_order(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


def test_paper_sent_is_no_delivery() -> None:
    assert _keys("Greece sent a formal request for the F-35 to Washington.") == {
        ("USA", "GRC", "F-35", "interest")
    }
    text = "Greece wants the F-35. A formal request for the jets has been sent to Washington."
    assert all(stage != "delivery" for *_, stage in _keys(text))


def test_what_arrives_until_or_before_something_has_not_arrived() -> None:
    text = "Indonesia bought 12 Mirage 2000-5 jets from Qatar to fill a gap until Rafales arrive."
    assert _keys(text) == {("QAT", "IDN", "Mirage 2000-5", "agreement")}


def test_an_escort_is_no_transfer() -> None:
    text = (
        "Croatia's first six Rafale jets landed on Thursday, escorted by the air force's MiG-21s."
    )
    assert _keys(text) == {("FRA", "HRV", "Rafale", "delivery")}


def test_both_opens_a_clause_of_its_own() -> None:
    text = (
        "The US Army bought two Iron Dome batteries from Rafael in 2019, and both were "
        "delivered in 2020."
    )
    dated = {(e.stage, e.event_date) for e in _events(text)}
    assert dated == {("agreement", "2019"), ("delivery", "2020")}


def test_a_subject_that_will_supply_is_the_supplier() -> None:
    text = "Germany will supply Ukraine with a Patriot battery and 40 Marder vehicles."
    assert _keys(text) == {
        ("DEU", "UKR", "Patriot", "agreement"),
        ("DEU", "UKR", "Marder", "agreement"),
    }


def test_a_live_blog_gives_to_its_main_recipient() -> None:
    text = (
        "Washington will provide Ukraine with 31 Abrams tanks. London will give Ukraine "
        "14 Challenger 2 tanks. Warsaw filed a formal request with Berlin for "
        "permission to re-export Leopard 2 tanks. Berlin said it would send 14 Leopard 2A6 "
        "tanks."
    )
    assert ("DEU", "UKR", "Leopard 2A6", "agreement") in _keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran has supplied Russia with Shahed attack drones since 2022.",
            {("IRN", "RUS", "Shahed-136", "delivery")},
        ),
        (
            "In September 2015, Cairo agreed to buy both Mistral ships.",
            {("FRA", "EGY", "Mistral-class", "agreement")},
        ),
    ],
)
def test_common_short_names(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The donor's government approves its own donation.
        (
            (
                "The government of the Slovak Republic approved the donation of 13 MiG-29 jets "
                "to Ukraine on Friday."
            ),
            {("SVK", "UKR", "MiG-29", "agreement")},
        ),
        # The buyer's cabinet approves its purchase.
        (
            "The Norwegian government approved the purchase of 54 Leopard 2A8 tanks.",
            {("DEU", "NOR", "Leopard 2A8", "agreement")},
        ),
        (
            (
                "Warsaw announced on 11 January that Poland would give Ukraine a company of "
                "Leopard 2A4 tanks."
            ),
            {("POL", "UKR", "Leopard 2A4", "agreement")},
        ),
        (
            "In April the Czech Republic was dispatching dozens of T-72s to Ukraine by rail.",
            {("CZE", "UKR", "T-72", "delivery")},
        ),
        (
            "Britain's Challenger 2 tanks arrived in Ukraine in March.",
            {("GBR", "UKR", "Challenger 2", "delivery")},
        ),
    ],
)
def test_who_approves_gives_or_sends(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


def test_what_will_give_troops_an_edge_is_no_pledge() -> None:
    text = "The Bradley carries TOW missiles, and it will give Ukrainian infantry more firepower."
    assert _keys(text) == set()


def test_plans_put_on_hold_are_cancelled_and_a_type_number_is_no_count() -> None:
    [event] = _events(
        "Stockholm said it had put plans to supply JAS 39 Gripen jets to Kyiv on hold."
    )
    assert (event.supplier, event.recipient, event.stage) == ("SWE", "UKR", "cancellation")
    assert event.quantity is None


def test_alliance_members_are_not_the_alliance() -> None:
    text = "Slovakia, like other NATO members, sent S-300 systems to Ukraine."
    assert _keys(text) == {("SVK", "UKR", "S-300", "delivery")}


def test_a_later_handover_comes_from_the_donor_not_the_maker() -> None:
    text = (
        "Slovakia pledged 13 MiG-29 jets to Ukraine on 17 March. "
        "Four MiG-29 aircraft were handed over to the Ukrainian air force on Thursday."
    )
    assert _keys(text) == {
        ("SVK", "UKR", "MiG-29", "agreement"),
        ("SVK", "UKR", "MiG-29", "delivery"),
    }


def test_a_procurement_office_buys_for_its_state() -> None:
    text = "In August the Armament Agency signed contracts for 180 K2 tanks and 212 K9 howitzers."
    assert _keys(text) == {("KOR", "POL", "K2", "agreement"), ("KOR", "POL", "K9", "agreement")}


@pytest.mark.parametrize(
    "text",
    [
        "Japan ordered 400 Tomahawks. Delivery of the missiles is planned to begin in 2025.",
        "Argentina bought Danish F-16s. Washington gave its consent to the re-export of the jets.",
        "Taiwan said it hoped to receive Abrams tanks soon, but gave no schedule for the M1A2T.",
    ],
)
def test_no_delivery_is_asserted(text: str) -> None:
    assert all(stage != "delivery" for *_, stage in _keys(text))


def test_what_a_buyer_relies_on_is_not_what_it_asked_for() -> None:
    text = "Taiwan requested 108 M1A2T tanks; its army currently relies on ageing M60A3 tanks."
    assert _keys(text) == {("USA", "TWN", "M1A2T", "interest")}


def test_a_drill_with_imported_tanks_is_no_deployment_by_their_maker() -> None:
    text = (
        "Taiwan held its annual Han Kuang drills this week. "
        "Army M60A3 tanks took part in a counter-landing drill on the west coast."
    )
    assert _keys(text) == set()


def test_a_delivery_told_in_an_aside_is_no_deployment_for_the_drill() -> None:
    keys = _keys(
        "Belarus's Tor-M2 battery, delivered from Russia in March, took part in a live-fire"
        " drill on Thursday."
    )
    assert keys == {("RUS", "BLR", "Tor-M2", "delivery")}


def test_the_host_s_own_systems_in_a_drill_at_home_are_no_deployment() -> None:
    keys = _keys(
        "Russia has sent two S-400 batteries to Belarus for joint drills. Belarus's S-300"
        " battalion, bought from Russia in 2016, also took part in the drill."
    )
    assert ("RUS", "BLR", "S-400", "deployment") in keys
    assert ("RUS", "BLR", "S-300", "deployment") not in keys


def test_a_system_armed_with_another_is_the_subject_not_an_aside() -> None:
    keys = _keys(
        "Bastion coastal defence systems armed with Yakhont anti-ship missiles were"
        " delivered to Vietnam last year."
    )
    assert keys == {
        ("RUS", "VNM", "Bastion-P", "delivery"),
        ("RUS", "VNM", "Yakhont", "delivery"),
    }


def test_them_after_a_transfer_verb_is_the_system_named_last() -> None:
    keys = _keys(
        "Romania ordered 18 Bayraktar TB2 drones on Monday. Turkey has already sold them"
        " to Qatar and Morocco."
    )
    assert keys == {
        ("TUR", "ROU", "Bayraktar TB2", "agreement"),
        ("TUR", "QAT", "Bayraktar TB2", "agreement"),
        ("TUR", "MAR", "Bayraktar TB2", "agreement"),
    }
    # "them" that are people, not systems: "urged them to" names no recipient.
    assert _keys("Poland ordered 18 K9 howitzers. Seoul urged them to buy more.") == {
        ("KOR", "POL", "K9", "agreement")
    }


def test_a_question_asserts_nothing() -> None:
    assert _keys("Q: Did Poland order the K9 howitzers from South Korea?") == set()


def test_the_s300vm_keeps_its_own_name() -> None:
    assert _keys("Russia delivered the S-300VM system to Venezuela in 2013.") == {
        ("RUS", "VEN", "S-300VM", "delivery")
    }


def test_a_new_buyer_of_the_system_takes_the_same_system() -> None:
    text = (
        "Turkey took delivery of the first S-400 units on Friday. The F-35 programme is at "
        "risk. Turkey is not the only customer. China began receiving the system in 2018."
    )
    assert ("RUS", "CHN", "S-400", "delivery") in _keys(text)


def test_an_alliance_named_in_passing_buys_no_system() -> None:
    text = (
        "Finland signed for David's Sling in November. The government said in April, a day "
        "after Finland became NATO's 31st member, that it had decided to buy the system."
    )
    assert all(recipient == "FIN" for _, recipient, *_ in _keys(text))


def test_a_new_buyer_of_some_of_them_takes_the_same_system() -> None:
    text = "Indonesia signed for 11 Su-35s from Russia in 2018. China ordered 24 of them in 2015."
    [chinese] = [e for e in _events(text) if e.recipient == "CHN"]
    assert (chinese.supplier, chinese.system, chinese.quantity) == ("RUS", "Su-35", 24)


def test_a_contract_with_its_value_between_refers_back() -> None:
    text = (
        "The Philippine Marine Corps received the first BrahMos missile batteries last Friday. "
        "Manila signed the $375 million contract for three batteries in January 2022."
    )
    assert ("IND", "PHL", "BrahMos", "agreement") in _keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wagner fighters deployed to Mali in late 2021.",
            {("Wagner", "MLI", None, "deployment")},
        ),
        (
            "Russian military instructors arrived in Niger on Wednesday.",
            {("RUS", "NER", None, "deployment")},
        ),
        # The Africa Corps answers to Russia's defence ministry.
        (
            "In January an Africa Corps contingent arrived in Burkina Faso.",
            {("RUS", "BFA", None, "deployment")},
        ),
    ],
)
def test_men_sent_abroad(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


def test_a_name_first_given_after_known_as_is_the_system() -> None:
    text = "Brazil chose the Swedish jet, then known as the Gripen NG, in December 2013."
    assert _keys(text) == {("SWE", "BRA", "Gripen E/F", "interest")}


def test_a_past_hope_to_buy_is_interest() -> None:
    text = "Buenos Aires had hoped to buy the FA-50 light fighter from South Korea."
    assert _keys(text) == {("KOR", "ARG", "FA-50", "interest")}


def test_it_after_an_opening_date_is_the_state_before() -> None:
    text = (
        "The Czech Republic moved early. In April 2022 it was among the first to help, "
        "dispatching dozens of T-72 tanks to Ukraine by rail."
    )
    assert _keys(text) == {("CZE", "UKR", "T-72", "delivery")}


def test_we_in_an_interview_is_the_state_the_article_names_most() -> None:
    text = (
        "Estonia's defence minister spoke to us about Estonia's aid. "
        "A: A year ago we decided to donate all of our FH70 howitzers to Ukraine."
    )
    assert _keys(text) == {("EST", "UKR", "FH70", "agreement")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A force's own systems arriving in another state are deployed there.
        (
            "The Bundeswehr's first Patriot launchers arrived at a site in Poland on Thursday.",
            {("DEU", "POL", "Patriot", "deployment")},
        ),
        (
            "Two US Army Patriot batteries arrived in Poland in March.",
            {("USA", "POL", "Patriot", "deployment")},
        ),
        # New jets of a force arriving at home, or from their supplier, are delivered.
        (
            "The Hellenic Air Force's first F-16 Block 52+ jets arrived at Araxos in May.",
            {("USA", "GRC", "F-16", "delivery")},
        ),
        (
            "The Ukrainian Army's first Leopard 2 tanks arrived from Germany in March.",
            {("DEU", "UKR", "Leopard 2", "delivery")},
        ),
    ],
)
def test_an_armed_forces_own_systems_arriving_abroad_are_deployed(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A base or city stands for its state as the place where systems arrive.
        (
            "Two FA-50 jets from South Korea landed at Clark Air Base on Saturday.",
            {("KOR", "PHL", "FA-50", "delivery")},
        ),
        (
            "The Bundeswehr's first Patriot launchers arrived near Zamosc on Thursday.",
            {("DEU", "POL", "Patriot", "deployment")},
        ),
        # Where a journey starts is no destination.
        (
            (
                "Greece's first F-16 jets arrived this month after a long flight from "
                "the factory in Fort Worth, Texas."
            ),
            {("USA", "GRC", "F-16", "delivery")},
        ),
        # "The country" and "It" buy when their verb buys.
        (
            "Niger looked elsewhere. The country ordered six Bayraktar TB2 drones in 2021.",
            {("TUR", "NER", "Bayraktar TB2", "agreement")},
        ),
        (
            "Poland bought K9 howitzers. Norway came first. It ordered 24 K9 howitzers in 2017.",
            {("KOR", "POL", "K9", "agreement"), ("KOR", "NOR", "K9", "agreement")},
        ),
    ],
)
def test_places_and_pronouns(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


def test_training_in_advance_of_delivery_is_no_delivery() -> None:
    text = "Japan bought Tomahawk missiles. Crews will train in advance of delivery."
    assert _keys(text) == {("USA", "JPN", "Tomahawk", "agreement")}


def test_a_head_count_of_men_counts_the_troops_sent() -> None:
    [event] = _events("Wagner fighters, some 1,500 men, arrived in Mali in December 2021.")
    assert (event.supplier, event.stage, event.quantity) == ("Wagner", "deployment", 1500)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "On Monday Spain pledged 1 billion euros in military aid during Zelensky's "
                "visit. Spanish officials said the package would include Patriot missiles and "
                "Leopard 2A4 tanks."
            ),
            {("ESP", "UKR", "Patriot", "agreement"), ("ESP", "UKR", "Leopard 2A4", "agreement")},
        ),
        (
            (
                "Sweden unveiled a 13 billion kronor aid package for Ukraine on Wednesday. It "
                "includes two ASC 890 surveillance aircraft and Pbv 302 carriers."
            ),
            {("SWE", "UKR", "Saab 340 AEW", "agreement"), ("SWE", "UKR", "Pbv 302", "agreement")},
        ),
    ],
)
def test_what_an_announced_package_includes_comes_from_its_donor(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


def test_what_a_package_does_not_include_is_no_event() -> None:
    text = (
        "The US unveiled a new aid package for Ukraine. The package does not include Abrams tanks."
    )
    assert _keys(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reznikov said on Monday that Challenger 2 tanks from Britain had reached Ukraine.",
            {("GBR", "UKR", "Challenger 2", "delivery")},
        ),
        (
            "The first four MiG-29 jets from Poland are already in the hands of Ukraine.",
            {("POL", "UKR", "MiG-29", "delivery")},
        ),
        (
            "The Netherlands will transfer F-16 fighter aircraft to Ukraine.",
            {("NLD", "UKR", "F-16", "agreement")},
        ),
        (
            "The government decided last Friday to give Ukraine 13 MiG-29 jets from Slovakia.",
            {("SVK", "UKR", "MiG-29", "agreement")},
        ),
        (
            "The UK will also provide Ukraine with 30 AS90 self-propelled guns.",
            {("GBR", "UKR", "AS-90", "agreement")},
        ),
        (
            "Denmark said it would donate all 19 of its French-made Caesar howitzers to Ukraine.",
            {("DNK", "UKR", "Caesar", "agreement")},
        ),
        (
            (
                "Norway will donate eight Leopard 2A4 tanks to Ukraine, joining a coalition "
                "supplying the tanks."
            ),
            {("NOR", "UKR", "Leopard 2A4", "agreement")},
        ),
    ],
)
def test_ways_of_giving(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Scholz again ruled out supplying Taurus cruise missiles to Ukraine.",
        "The Bundestag voted down a motion calling on the government to supply Taurus missiles.",
        "The first jets should reach Ukraine depending on deliveries of F-35s to Belgium.",
        "Finland and Sweden are still considering whether to contribute Leopard 2 tanks.",
        "With the deal, the countries that signed for the Bayraktar TB2 reached 28.",
        "Washington has until now refused to hand Ukraine any ATACMS missiles.",
    ],
)
def test_refusals_conditions_and_weighed_gifts_give_nothing(text: str) -> None:
    assert _keys(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Two Russian Tu-160 bombers landed in Caracas on Monday in a show of support for "
                "the government."
            ),
            {("RUS", "VEN", "Tu-160", "deployment")},
        ),
        (
            (
                "Four Polish MiG-29 fighters arrived at Siauliai this week for the air policing "
                "mission."
            ),
            {("POL", "LTU", "MiG-29", "deployment")},
        ),
        (
            "Su-24 and Su-34 bombers were deployed to Hmeimim air base in September 2015.",
            {("RUS", "SYR", "Su-24", "deployment"), ("RUS", "SYR", "Su-34", "deployment")},
        ),
        (
            (
                "The Netherlands has dispatched two Patriot batteries and some 360 military "
                "personnel to Adana."
            ),
            {("NLD", "TUR", "Patriot", "deployment")},
        ),
        (
            "The United States removed Turkey from the F-35 fighter jet programme on Wednesday.",
            {("USA", "TUR", "F-35", "cancellation")},
        ),
        (
            "In December Indonesia's air force chief said the country had dropped the Su-35 plan.",
            {("RUS", "IDN", "Su-35", "cancellation")},
        ),
        (
            "Slovakia has handed its only S-300 battery over to Ukraine.",
            {("SVK", "UKR", "S-300", "delivery")},
        ),
        (
            (
                "Canada cancelled export permits for MX-15D sensors fitted to Turkey's Bayraktar "
                "TB2 drones."
            ),
            {("CAN", "TUR", "MX-15", "cancellation")},
        ),
    ],
)
def test_deployments_cancellations_and_gifts(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        (
            "Analysts note that if Russian Iskander launchers were ever stationed in Belarus "
            "they could reach Poland."
        ),
        "Bern turned down a Danish request to pass Piranha carriers to Ukraine.",
    ],
)
def test_conditions_and_refusals_anywhere_in_the_clause(text: str) -> None:
    assert _keys(text) == set()


def test_a_speech_to_a_parliament_is_no_destination() -> None:
    text = (
        "Germany's first IRIS-T system arrived in Ukraine on Tuesday. Scholz had promised the "
        "system during a speech to the Bundestag. It had not even been delivered to the Bundeswehr "
        "before. Washington pledged two NASAMS systems in July."
    )
    assert ("USA", "UKR", "NASAMS", "agreement") in _keys(text)


def test_a_licensee_builds_for_its_own_state() -> None:
    text = (
        "Russia has sold India many jets. India ordered 40 Su-30MKI fighters in 2000, to be "
        "assembled under licence by HAL."
    )
    assert ("RUS", "IND", "Su-30MKI", "agreement") in _keys(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Monitors say that, despite the embargo on Libya, Turkey supplied the GNA with "
                "Bayraktar TB2 drones last year."
            ),
            {("TUR", "LBY", "Bayraktar TB2", "delivery")},
        ),
        (
            "North Korea has sent about 1,500 troops to Russia, South Korea's spy agency said.",
            {("PRK", "RUS", None, "deployment")},
        ),
        (
            (
                "The first components of the S-400 were flown into Murted air base near Ankara on "
                "Friday."
            ),
            {("RUS", "TUR", "S-400", "delivery")},
        ),
        (
            "Turkey had planned to buy about 100 of the F-35 jets.",
            {("USA", "TUR", "F-35", "interest")},
        ),
        (
            "Four Polish MiG-29 fighters arrived at Siauliai in Lithuania this week.",
            {("POL", "LTU", "MiG-29", "deployment")},
        ),
        (
            (
                "The Pentagon said on Sunday it would send a THAAD battery and about 100 US "
                "soldiers to Israel."
            ),
            {("USA", "ISR", "THAAD", "deployment")},
        ),
    ],
)
def test_sentences_from_deployment_and_aid_reports(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "The rise was driven in part by Pakistan, which in 1996 agreed to buy 320 T-80UD "
                "tanks from Ukraine."
            ),
            {("UKR", "PAK", "T-80UD", "agreement")},
        ),
        (
            "Pakistan took delivery of its first two JF-17 jets, built in Chengdu, in March 2007.",
            {("CHN", "PAK", "JF-17", "delivery")},
        ),
        (
            "The first two JF-17 jets built in China for Pakistan arrived near Islamabad.",
            {("CHN", "PAK", "JF-17", "delivery")},
        ),
        (
            (
                "India and Russia signed deals on Monday for 40 Su-30MKI jets and 80 Mi-17V-5 "
                "helicopters."
            ),
            {("RUS", "IND", "Su-30MKI", "agreement"), ("RUS", "IND", "Mi-17", "agreement")},
        ),
        (
            "Medvedev on Wednesday signed a decree banning the delivery of S-300 systems to Iran.",
            {("RUS", "IRN", "S-300", "cancellation")},
        ),
        (
            "Warsaw said it had chosen the Patriot system for its air defence, over the SAMP/T.",
            {("USA", "POL", "Patriot", "interest")},
        ),
        (
            "Modi asked France to supply 36 Rafale jets in fly-away condition.",
            {("FRA", "IND", "Rafale", "interest")},
        ),
        (
            "Algeria signed for 34 MiG-29SMT jets in 2006; it included 28 Su-30MKA fighters too.",
            {
                ("RUS", "DZA", "MiG-29SMT", "agreement"),
                ("RUS", "DZA", "Su-30MKA", "agreement"),
            },
        ),
    ],
)
def test_sentences_from_histories_of_deals(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "India, which operates Kilo-class boats, has agreed to help train Vietnamese crews.",
        "Russian officials said S-300 deliveries to Iran could not begin before a contract.",
        "Media reports claiming that Russia has begun delivering S-300 systems to Iran are false.",
    ],
)
def test_help_conditions_and_claims_give_nothing(text: str) -> None:
    assert _keys(text) == set()


def test_a_home_yard_building_a_foreign_design_is_the_licensee() -> None:
    text = (
        "Brazil signed for four Scorpene submarines in 2008. India ordered six of the "
        "submarines in 2005; they are being built at Mazagon Dock in Mumbai."
    )
    assert ("FRA", "IND", "Scorpene", "agreement") in _keys(text)


def test_a_digest_item_starts_afresh_with_its_own_state() -> None:
    text = (
        "MALI - Four Mi-171Sh helicopters from Russia were delivered to Mali on 30 September.\n\n"
        "NIGERIA - The air force is using its new A-29 Super Tucano aircraft against insurgents. "
        "The first six of the twelve aircraft arrived in Nigeria in July."
    )
    # "the twelve aircraft" are the item's own Super Tucanos, not Mali's helicopters.
    assert {(r, s) for _, r, s, _ in _keys(text)} == {("MLI", "Mi-171"), ("NGA", "Super Tucano")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Poland bought drones from Baykar. In May 2021 they ordered 24 Bayraktar TB2 "
                "aircraft, the first NATO and EU member to buy from Turkey."
            ),
            {("TUR", "POL", "Bayraktar TB2", "agreement")},
        ),
        (
            (
                "The deal follows an order for 80 Rafale F4 jets placed by the United Arab "
                "Emirates on 3 December 2021."
            ),
            {("FRA", "ARE", "Rafale F4", "agreement")},
        ),
        (
            "On Tuesday the first ten K2 tanks from South Korea arrived in the port of Gdynia.",
            {("KOR", "POL", "K2", "delivery")},
        ),
        (
            "Turkey had hoped to buy the F-35. Turkey was removed from the programme in 2019.",
            {("USA", "TUR", "F-35", "interest"), ("USA", "TUR", "F-35", "cancellation")},
        ),
    ],
)
def test_sentences_from_releases_and_answers(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan has not disclosed how many J-10C jets it will buy or the value of the deal.",
        "Officials did not say whether PL-15 missiles from China were part of the package.",
        "Once contracts are concluded, the first F-16 jets should reach Taiwan in 2026.",
        "Qatar still has to sign contracts for 24 Rafale jets from France.",
        "Qatar must sign letters of offer for the F-15QA jets from the United States.",
        "Qatar needs to sign contracts for 24 Rafale jets from France by March.",
    ],
)
def test_what_is_not_said_or_still_to_happen_gives_nothing(text: str) -> None:
    assert _keys(text) == set()


def test_preparations_for_delivery_are_no_delivery() -> None:
    text = "Kuwait signed for the Bayraktar TB2 in January, and preparations for delivery go on."
    assert _keys(text) == {("TUR", "KWT", "Bayraktar TB2", "agreement")}


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Egypt signed for 24 Rafale jets and a FREMM multi-mission frigate in February.", 1),
        ("In April 2022 Slovakia transferred its only S-300 system to Ukraine.", 1),
        ("In June Romania decided to donate one of its Patriot systems to Ukraine.", 1),
        ("Washington will send another Patriot battery to Ukraine.", 1),
        ("It is the third Patriot system Germany pledged to Ukraine.", 1),
        ("The first of Egypt's four Type 209 submarines arrived from Germany on Friday.", 1),
    ],
)
def test_a_single_unit_counts_one(text: str, quantity: int) -> None:
    last = _events(text)[-1]
    assert last.quantity == quantity


def test_stocks_given_away_are_no_delivery_of_what_refills_them() -> None:
    text = "Germany could buy more Patriot systems to refill stocks given to Ukraine."
    assert _keys(text) == set()


def test_a_later_clause_with_its_own_verb_keeps_its_own_date() -> None:
    text = (
        "Poland ordered two Patriot batteries in March 2018, and in February 2019 it bought "
        "20 HIMARS launchers."
    )
    dates = {e.system: e.event_date for e in _events(text)}
    assert dates == {"Patriot": "2018-03", "HIMARS": "2019-02"}


def test_a_second_verb_after_and_keeps_its_own_date_without_a_comma() -> None:
    text = (
        "Serbia buys Russian arms. Moscow delivered a Pantsir-S1 battery in 2020 and donated "
        "four MiG-29 jets that were handed over in 2017."
    )
    dates = {e.system: e.event_date for e in _events(text) if e.stage == "delivery"}
    assert dates == {"Pantsir-S1": "2020", "MiG-29": "2017"}


def test_a_party_between_two_verbs_does_not_take_the_second() -> None:
    text = (
        "In the Central African Republic, Russia delivered Kalashnikov rifles to the army in "
        "2018 under an exemption from a UN arms embargo and sent 175 instructors."
    )
    assert {(e.supplier, e.quantity) for e in _events(text)} == {("RUS", 175)}


def test_an_arrival_before_the_induction_ceremony_dates_the_delivery() -> None:
    [event] = _events(
        "Pakistan formally inducted Chinese-built J-10C fighter jets into its air force on "
        "Tuesday. The first batch of six J-10C jets arrived in Pakistan earlier this month."
    )
    assert (event.stage, event.event_date, event.quantity) == ("delivery", "2023-01", 6)


@pytest.mark.parametrize(
    "later",
    [
        "The first six J-10C jets will arrive in Pakistan next month.",
        "Two more J-10C jets arrived in Pakistan on Friday.",
    ],
)
def test_the_induction_keeps_its_day_against_a_later_or_future_arrival(later: str) -> None:
    text = (
        "Pakistan formally inducted Chinese-built J-10C fighter jets into its air force on "
        f"Tuesday. {later}"
    )
    [event] = [e for e in _events(text) if e.stage == "delivery"]
    assert event.event_date == "2023-01-17"


@pytest.mark.parametrize(
    "text",
    [
        (
            "Egypt signed a framework agreement in March 2021 for up to 100 K9 howitzers, and "
            "the first executive contract, for 24 K9s, followed in May 2021."
        ),
        (
            "After the framework agreement signed in March 2021 covering 100 K9 howitzers, "
            "Egypt placed an order for 24 K9s in May 2021."
        ),
    ],
)
def test_the_contract_under_a_framework_in_one_sentence_is_the_deal(text: str) -> None:
    [event] = _events(text)
    assert (event.stage, event.quantity, event.event_date) == ("agreement", 24, "2021-05")


def test_a_framework_without_a_contract_keeps_its_ceiling() -> None:
    [event] = _events(
        "Egypt signed a framework agreement in March 2021 for up to 100 K9 howitzers, and the "
        "first contract will follow in May."
    )
    assert (event.quantity, event.event_date) == (100, "2021-03")


def test_assault_rifles_are_systems_of_their_own() -> None:
    text = "Laos ordered 5,000 Kalashnikov AK-12 assault rifles from Russia in 2019."
    [event] = _events(text)
    assert (event.supplier, event.system, event.quantity, event.event_date) == (
        "RUS",
        "AK-12",
        5000,
        "2019",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's 12 Gripen fighters, ordered from Sweden, are not due until 2029.",
        "The first of three Type 209 submarines Kenya ordered from Germany is expected in 2029.",
    ],
)
def test_when_an_order_is_awaited_does_not_date_the_order(text: str) -> None:
    [event] = _events(text)
    assert event.stage == "agreement"
    assert not (event.event_date or "").startswith("2029")


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (
            "The jets were flown to Egypt for the Medusa drills that began in late January.",
            ("GRC", "EGY", "deployment"),
        ),
        ("The F-16s were delivered to Egypt in 2015.", ("USA", "EGY", "delivery")),
    ],
)
def test_forces_deployed_are_those_of_the_state_named_with_them(
    second: str, expected: tuple[str, str, str]
) -> None:
    text = f"Greek F-16 fighter jets were seen over Cairo on Monday. {second}"
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [expected]


def test_forces_referred_to_without_a_destination_keep_no_owner() -> None:
    text = (
        "The United States flew Patriot batteries to Israel on Saturday, a day after Iraqi "
        "Scud missiles hit Haifa. By last night the launchers had been moved to sites that "
        "the army declined to identify."
    )
    assert all(e.supplier != "IRQ" for e in _events(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Spain and Italy each sent a SAMP/T battery to Slovakia in March, while a Dutch "
                "SAMP/T battery remains stationed near Kosice."
            ),
            {("ESP", "deployment"), ("ITA", "deployment"), ("NLD", "deployment")},
        ),
        (
            (
                "Germany sent two Patriot batteries to Ukraine in May, while a German Patriot "
                "battery remains stationed in Slovakia."
            ),
            {("DEU", "delivery"), ("DEU", "deployment")},
        ),
    ],
)
def test_systems_sent_where_the_same_are_stationed_are_deployed(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(e.supplier, e.stage) for e in _events(text)} == expected


def test_forces_moved_to_a_place_are_deployed() -> None:
    text = "The US Army moved a battalion of 24 AH-64 Apache helicopters to South Korea in May."
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.stage, event.quantity) == (
        "USA",
        "KOR",
        "deployment",
        24,
    )


def test_and_in_a_month_opens_a_clause_of_its_own() -> None:
    text = (
        "The US Army moved 24 AH-64 Apache helicopters to South Korea in January, and in "
        "March it began shipping M2 Bradley vehicles to Taiwan."
    )
    stages = {e.system: (e.recipient, e.stage, e.event_date) for e in _events(text)}
    assert stages["AH-64"] == ("KOR", "deployment", "2023-01")
    assert stages["Bradley"] == ("TWN", "delivery", "2022-03")


def test_a_host_receives_what_others_sent_each_their_share() -> None:
    text = (
        "Lithuania already hosts four NASAMS launchers sent by Norway and the Netherlands, "
        "two from each country, which were deployed in March."
    )
    found = {(e.supplier, e.recipient, e.stage, e.quantity) for e in _events(text)}
    assert found == {("NOR", "LTU", "deployment", 2), ("NLD", "LTU", "deployment", 2)}


def test_a_vague_past_has_no_date() -> None:
    [event] = _events(
        "Azerbaijan used Harop drones, which it bought from Israel several years ago."
    )
    assert event.event_date is None


def test_a_states_own_exercises_deploy_nothing() -> None:
    text = (
        "Russia moved troops into Belarus. Ukraine started its own week-long drills on Monday, "
        "and the president toured units near Kharkiv."
    )
    assert all(supplier != "UKR" for supplier, *_ in _keys(text))


def test_a_deal_refers_to_the_system_delivered_not_its_carrier() -> None:
    text = (
        "The Philippine Marine Corps received the first BrahMos batteries on Friday, when "
        "Indian Air Force C-17 transports landed at Clark. Manila signed the $375 million "
        "contract for three batteries in January 2022."
    )
    assert ("IND", "PHL", "BrahMos", "agreement") in _keys(text)


def test_a_contract_that_has_not_been_signed_is_none() -> None:
    text = "Qatar wants Typhoon jets, but the Typhoon contract itself hasn't been signed."
    assert all(stage != "agreement" for *_, stage in _keys(text))


@pytest.mark.parametrize(
    "text",
    [
        "Riyadh bought THAAD. Deliveries of the first THAAD batteries are scheduled for 2023.",
        "Indonesia bought Rafale jets. The first Rafales are scheduled for delivery in 2026.",
        "The ministry dismissed rumours that Indian BrahMos missiles had been shipped to Vietnam.",
        "Macron said sending French troops to Ukraine cannot be ruled out.",
    ],
)
def test_schedules_rumours_and_what_cannot_be_ruled_out_deliver_nothing(text: str) -> None:
    assert all(stage not in {"delivery", "deployment"} for *_, stage in _keys(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saudi Arabia has also held talks with Moscow about buying the Russian S-400 system.",
            {("RUS", "SAU", "S-400", "interest")},
        ),
        (
            "Thirty AS-90 guns will also be gifted to Ukraine, he told the House of Commons.",
            {("GBR", "UKR", "AS-90", "agreement")},
        ),
        (
            "North Korea has also supplied KN-23 missiles to Russia, which fired them at Kharkiv.",
            {("PRK", "RUS", "KN-23", "delivery")},
        ),
    ],
)
def test_talks_gifts_and_targets(
    text: str, expected: set[tuple[str | None, str | None, str | None, str]]
) -> None:
    assert _keys(text) == expected


def test_a_transport_carrying_the_cargo_is_no_transfer() -> None:
    text = "An Indian Air Force C-17 transport carrying the equipment landed at Clark Air Base."
    assert all(system != "C-17" for *_, system, _ in _keys(text))


def test_a_system_after_while_takes_the_verb_of_its_own_clause() -> None:
    text = (
        "In May 2019 BMC Kirpi vehicles from Turkey arrived in Libya, while Bayraktar TB2 "
        "drones from Turkey were delivered to Libya during the summer of 2019."
    )
    dates = {e.system: e.event_date for e in _events(text)}
    assert dates["Bayraktar TB2"] == "2019"


LIVE_BLOG = """EURO DESK | Live | Defence
LIVE: Allies meet to coordinate air defence for Kyiv
Friday 20 January 2023 | Last updated 17:30

The Netherlands has already handed over two NASAMS launchers to Ukraine, officials said.

17:30 Spain will send four Hawk launchers to Ukraine, its defence minister said.
15:10 Sweden has sent Archer howitzers to Ukraine, the government said.
Thursday 19 January
21:45 Denmark signed a contract for 19 CV90 vehicles with Sweden.
19:00 Finland delivered Leopard 2 tanks to Ukraine, according to officials.
"""


def test_a_live_entry_dates_a_pledge_or_signing_to_its_day() -> None:
    events = {e.system: e for e in _events(LIVE_BLOG)}
    assert events["MIM-23 Hawk"].event_date == "2023-01-20"
    assert events["CV90"].event_date == "2023-01-19"


def test_live_entries_keep_the_month_for_deliveries_and_perfect_tense() -> None:
    events = {e.system: e for e in _events(LIVE_BLOG)}
    # Deliveries may run for weeks, "has sent" happened some time before the report,
    # and the summary above the first entry tells of earlier days.
    assert events["Leopard 2"].event_date == "2023-01"
    assert events["Archer"].event_date == "2023-01"
    assert events["NASAMS"].event_date == "2023-01"


def test_a_dateline_does_not_date_a_pledge_announced_on_another_day() -> None:
    [event] = _events(
        "HELSINKI, Jan 20 - Finland will donate three Leopard 2 tanks to Ukraine, "
        "the government said on Wednesday."
    )
    assert event.event_date == "2023-01-18"


def test_a_same_time_phrase_takes_the_date_of_the_act_it_looks_back_to() -> None:
    text = (
        "Congress was notified of the planned tanker sale in March 2019. "
        "Brazil signed for the KC-390 transports in 2014. "
        "That notification also cleared Indonesia to buy 24 AH-64E helicopters "
        "from the United States."
    )
    [event] = [e for e in _events(text) if e.system == "AH-64E"]
    assert event.event_date == "2019-03"


def test_what_was_ordered_under_that_contract_takes_the_contract_s_date() -> None:
    text = (
        "Vietnam's navy said its coastal batteries were bought under a contract signed "
        "with India on 14 March 2021.\n\n"
        "Under that contract, four BrahMos batteries were ordered for $600 million."
    )
    [event] = [e for e in _events(text) if e.system == "BrahMos"]
    assert (event.stage, event.quantity, event.event_date) == ("agreement", 4, "2021-03-14")


def test_a_date_after_the_own_stage_s_verb_is_not_the_rival_s() -> None:
    text = "The first batch of Harpoon missiles bought by Chile from the US arrived on Monday."
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("delivery", "2023-01-16")


@pytest.mark.parametrize(
    "sentence",
    [
        "The Pentagon said on Thursday it was deploying a THAAD battery to Israel after " + ending
        for ending in ("the January 14 missile attacks.", "the January 14 war.")
    ],
)
def test_the_date_of_an_attack_dates_no_deployment(sentence: str) -> None:
    [event] = _events(sentence)
    assert (event.stage, event.event_date) == ("deployment", "2023-01")


def test_a_date_before_a_when_clause_dates_its_act() -> None:
    text = "Peru first tried to buy the jet in 1977, when Washington vetoed a sale of 24 Kfirs."
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("cancellation", "1977")


def test_a_when_clause_with_a_date_of_its_own_keeps_it() -> None:
    text = "Talks sped up in February, when Peru signed for 24 Kfirs from Israel on 16 February."
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("agreement", "2022-02-16")


def test_a_dated_sale_dates_no_request() -> None:
    text = "Saudi Arabia has asked the US for 24 more F-15s, recalling the 1978 sale of 60 jets."
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("interest", "2023-01")


def test_a_deal_noun_with_a_year_is_dated_by_it() -> None:
    text = (
        "Its first 17 F-16s came from Portugal under a 2013 agreement, and in 2023 "
        "Chile agreed to buy 32 more from Norway."
    )
    events = {e.supplier: e for e in _events(text)}
    assert (events["PRT"].stage, events["PRT"].event_date) == ("agreement", "2013")


def test_the_same_day_looks_back_to_a_day() -> None:
    text = (
        "Finland signed a contract for 64 F-35A jets with the United States on 10 December 2021. "
        "On the same day, Helsinki chose the David's Sling system from Israel."
    )
    events = {e.system: e for e in _events(text)}
    assert events["David's Sling"].event_date == "2021-12-10"


def test_the_boats_refer_to_a_class_a_sentence_named_in_passing() -> None:
    text = (
        "The first of six submarines Russia is building for Vietnam was launched on Tuesday. "
        "The boat is a diesel-electric Kilo-class submarine. "
        "The contract for the six submarines was signed in December 2009 in Moscow."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.system) == ("RUS", "VNM", "Kilo-class")
    assert (event.stage, event.event_date, event.quantity) == ("agreement", "2009-12", 6)


def test_a_class_named_in_passing_yields_to_one_an_act_named() -> None:
    text = (
        "India's navy still flies a few old Sea Harrier jets. "
        "Russia delivered 16 MiG-29K fighters to India in 2012. "
        "The navy's Tu-142 aircraft took part in the parade. "
        "India ordered 29 more of the jets in 2010."
    )
    events = {(e.system, e.stage): e for e in _events(text)}
    assert events[("MiG-29K", "agreement")].quantity == 29


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Two U.S. Army Patriot batteries were deployed to Poland in March 2022.", 2),
        ("Four U.S.A.F. F-22 fighters were flown to South Korea for the drill.", 4),
    ],
)
def test_an_initial_s_full_stop_keeps_a_count_with_its_system(text: str, count: int) -> None:
    [event] = _events(text)
    assert event.quantity == count


@pytest.mark.parametrize(
    "text",
    [
        "In 2006 Venezuela ordered 24 Su-30MK2 fighters, which were delivered by 2008.",
        "Venezuela ordered 24 Su-30MK2 fighters in 2006, and all were delivered by 2008.",
    ],
)
def test_an_order_all_delivered_delivers_its_whole_count(text: str) -> None:
    events = {e.stage: e for e in _events(text)}
    assert events["agreement"].quantity == 24
    assert events["delivery"].quantity == 24


def test_an_order_partly_delivered_keeps_its_own_count() -> None:
    text = "Venezuela ordered 24 Su-30MK2 fighters in 2006, and 12 were delivered in 2007."
    events = {e.stage: e for e in _events(text)}
    assert (events["agreement"].quantity, events["delivery"].quantity) == (24, 12)


def test_a_source_told_after_a_list_item_is_that_item_s_own() -> None:
    text = (
        "South Africa signed an arms package in December 1999. It covers 24 Hawk trainers "
        "and 28 Gripen fighters, four MEKO A-200 corvettes from German shipyards, "
        "30 A109 helicopters from Italy and four Super Lynx helicopters."
    )
    events = {e.system: e for e in _events(text)}
    suppliers = {system: (e.supplier, e.recipient) for system, e in events.items()}
    assert suppliers["Hawk"] == ("GBR", "ZAF")
    assert suppliers["Gripen"] == ("SWE", "ZAF")
    assert suppliers["MEKO A-200"] == ("DEU", "ZAF")
    # "German" names the shipyards, not the helicopters' new owner.
    assert suppliers["AW109"] == ("ITA", "ZAF")
    # What "it" covers was signed with the package.
    assert {e.event_date for e in events.values()} == {"1999-12"}


@pytest.mark.parametrize(
    "hold",
    [
        "Former President Barack Obama's administration put the sale on hold in January.",
        "Washington put the sale on hold in January.",
    ],
)
def test_the_seller_acting_on_its_own_sale_keeps_the_buyer(hold: str) -> None:
    text = "The United States approved the sale of 12 Super Tucanos to Nigeria on Thursday. " + hold
    keys = {(e.supplier, e.recipient, e.stage) for e in _events(text)}
    assert keys == {("USA", "NGA", "agreement"), ("USA", "NGA", "cancellation")}


@pytest.mark.parametrize("verb", ["intends", "intended"])
def test_an_intent_to_buy_is_interest(verb: str) -> None:
    text = f"The Philippines {verb} to buy 12 more FA-50 jets from South Korea."
    assert _keys(text) == {("KOR", "PHL", "FA-50", "interest")}


def test_holding_back_the_first_of_two_ships_counts_one() -> None:
    text = (
        "France on Tuesday suspended the delivery of the first of two Mistral "
        "helicopter carriers ordered by Russia."
    )
    [event] = [e for e in _events(text) if e.stage == "cancellation"]
    assert (event.supplier, event.recipient, event.quantity) == ("FRA", "RUS", 1)


def test_the_first_of_an_order_counts_the_order_for_the_agreement() -> None:
    text = (
        "Serbia received six CH-92A drones from China. The six aircraft are the first "
        "of nine that Belgrade ordered in September 2019."
    )
    events = {e.stage: e for e in _events(text)}
    assert (events["delivery"].quantity, events["agreement"].quantity) == (6, 9)
    assert events["agreement"].event_date == "2019-09"


def test_rounds_of_ammunition_do_not_count_the_system_beside_them() -> None:
    text = "Ukraine received Javelin missiles and 5,000 rounds of ammunition from the US."
    [event] = _events(text)
    assert (event.system, event.quantity) == ("Javelin", None)


@pytest.mark.parametrize(
    "due",
    [
        "with deliveries due from 2026",
        "with the first deliveries expected in 2026",
        "and deliveries could begin around 2026",
    ],
)
def test_when_deliveries_are_due_does_not_date_the_order(due: str) -> None:
    [event] = _events(f"Poland ordered 32 F-35A jets from the United States, {due}.")
    assert (event.stage, event.event_date) == ("agreement", "2023-01")


def test_a_date_after_a_closed_aside_is_the_main_verb_s() -> None:
    text = "The Indian Navy commissioned INS Vikramaditya, bought from Russia, in November 2013."
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("delivery", "2013-11")


def test_today_in_a_wire_report_is_the_day_of_its_dateline() -> None:
    text = (
        "NEW DELHI, Nov. 30.\n\nIndia today signed a contract with Russia for the "
        "purchase of 40 Su-30 fighters."
    )
    raw = RawDocument(id="t", source="t", text=text, published=dt.date(1996, 12, 1))
    [event] = process_document(raw, min_confidence=0.0).events
    assert (event.stage, event.event_date) == ("agreement", "1996-11-30")


def test_it_includes_takes_the_date_of_the_package_told_before() -> None:
    text = (
        "Sweden on 29 May 2024 unveiled its largest aid package for Ukraine so far. "
        "It includes two ASC 890 surveillance aircraft."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.stage) == ("SWE", "UKR", "agreement")
    assert event.event_date == "2024-05-29"


def test_the_same_day_looks_back_past_an_interview_s_questions() -> None:
    text = (
        "Q: What exactly was signed on Thursday? "
        "A: Jakarta signed a contract for 42 Rafale jets on 10 February 2022. "
        "Only the first batch of six has been funded so far. "
        "The rest will follow in later tranches. "
        "Q: And the Americans announced something the same day. "
        "A: Yes. "
        "On the same day the State Department approved a possible sale of 36 F-15ID "
        "fighters to Indonesia."
    )
    events = {e.system: e for e in _events(text)}
    assert events["F-15ID"].event_date == "2022-02-10"


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        (
            (
                "A company of Leopard 2 tanks from the German battlegroup was unloaded "
                "at the port of Klaipeda in Lithuania on Monday."
            ),
            ("DEU", "LTU", "Leopard 2", "deployment"),
        ),
        (
            "Four US F-22 fighters were flown into Poland on Tuesday for an exercise.",
            ("USA", "POL", "F-22", "deployment"),
        ),
        (
            (
                "A US Virginia-class submarine arrived in Busan, South Korea, on Wednesday "
                "for a port visit."
            ),
            ("USA", "KOR", "Virginia-class", "deployment"),
        ),
    ],
)
def test_own_forces_arriving_for_a_drill_or_visit_are_deployed(
    sentence: str, key: tuple[str, str, str, str]
) -> None:
    assert key in _keys(sentence)


@pytest.mark.parametrize(
    ("text", "count", "date"),
    [
        (
            (
                "Chile bought 10 F-16 fighters from the United States in 2002. "
                "All 10 were delivered in 2006."
            ),
            10,
            "2006",
        ),
        (
            (
                "Egypt agreed in 2015 to buy 24 Rafale jets from France. "
                "The first three arrived at Cairo in July 2015."
            ),
            3,
            "2015-07",
        ),
    ],
)
def test_a_count_as_the_subject_refers_to_the_last_system(text: str, count: int, date: str) -> None:
    [delivery] = [e for e in _events(text) if e.stage == "delivery"]
    assert (delivery.quantity, delivery.event_date) == (count, date)


def test_each_system_goes_to_the_state_right_after_it() -> None:
    keys = _keys(
        "Germany approved the export of four MEKO A-200 frigates to Egypt, "
        "as well as two Type 218SG submarines for Singapore."
    )
    assert keys == {
        ("DEU", "EGY", "MEKO A-200", "agreement"),
        ("DEU", "SGP", "Type 218SG", "agreement"),
    }


def test_a_buyer_the_system_was_first_built_for_is_no_recipient() -> None:
    keys = _keys(
        "Egypt took delivery of two Mistral-class helicopter carriers from France, "
        "ships originally built for Russia."
    )
    assert keys == {("FRA", "EGY", "Mistral-class", "delivery")}


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        (
            "Berlin denied an export licence for Leopard 2 tanks to Qatar.",
            ("DEU", "QAT", "Leopard 2", "cancellation"),
        ),
        (
            "Germany refused to issue an export licence for Eurofighter jets for Turkey.",
            ("DEU", "TUR", "Typhoon", "cancellation"),
        ),
        (
            "Manila postponed a deal to buy 12 used F-16 fighters from the United States.",
            ("USA", "PHL", "F-16", "cancellation"),
        ),
    ],
)
def test_a_refused_licence_or_a_postponed_deal_is_a_cancellation(
    sentence: str, key: tuple[str, str, str, str]
) -> None:
    assert _keys(sentence) == {key}


def test_reports_dismissed_as_incorrect_are_denied() -> None:
    assert (
        _keys('Seoul dismissed as "baseless" reports that it had sold K9 howitzers to Iran.')
        == set()
    )


def test_a_system_of_a_named_army_arriving_abroad_is_deployed() -> None:
    keys = _keys("A Patriot battery of the United States Army arrived in Slovakia on Wednesday.")
    assert keys == {("USA", "SVK", "Patriot", "deployment")}


def test_what_lands_after_a_deployment_is_told_comes_for_it() -> None:
    keys = _keys(
        "Russian troops arrived in Belarus for joint drills on Monday. "
        "Twelve Su-35 fighters landed at the Baranovichi air base on Friday."
    )
    assert ("RUS", "BLR", "Su-35", "deployment") in keys
    assert ("RUS", "BLR", "Su-35", "delivery") not in keys


def test_removing_a_state_from_a_programme_is_a_cancellation() -> None:
    keys = _keys("Washington began removing Turkey from the F-35 fighter programme on Wednesday.")
    assert keys == {("USA", "TUR", "F-35", "cancellation")}


def test_an_owner_whose_systems_are_handed_to_another_state_supplies_them() -> None:
    keys = _keys("Four of Slovakia's MiG-29 fighters were handed over to Ukraine.")
    assert keys == {("SVK", "UKR", "MiG-29", "delivery")}


def test_and_then_opens_a_clause_of_its_own() -> None:
    keys = _keys(
        "Cairo signed for 20 Su-35 fighters in 2019 and then, under the threat of "
        "sanctions, officials confirmed in 2022 that the plan had been abandoned."
    )
    assert keys == {("RUS", "EGY", "Su-35", "agreement"), ("RUS", "EGY", "Su-35", "cancellation")}


def test_a_state_that_started_shipping_a_system_delivers_it() -> None:
    keys = _keys("Moscow started shipping the S-400 air defence system to India last month.")
    assert keys == {("RUS", "IND", "S-400", "delivery")}


def test_the_maker_of_another_system_in_the_sentence_is_no_recipient() -> None:
    keys = _keys(
        "Poland agreed to send tanks to Ukraine. "
        "Germany delivered 14 Leopard 2A4 tanks in March, and Britain's Challenger 2s "
        "arrived at around the same time."
    )
    assert ("DEU", "UKR", "Leopard 2A4", "delivery") in keys
    assert ("GBR", "UKR", "Challenger 2", "delivery") in keys


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Peru bought a FREMM frigate from France.", 1),
        ("Myanmar took delivery of a former Chinese Type 035 submarine.", 1),
        ("Poland signed a contract for F-35 aircraft with the United States.", None),
    ],
)
def test_a_single_unit_counts_one_but_a_contract_for_a_type_counts_none(
    sentence: str, count: int | None
) -> None:
    [event] = _events(sentence)
    assert event.quantity == count


def test_an_aside_between_subject_and_verb_names_no_party() -> None:
    keys = _keys(
        "Slovakia, which hopes to join NATO next year, received MiG-29s from Russia in 1994."
    )
    assert keys == {("RUS", "SVK", "MiG-29", "delivery")}


def test_an_alliance_named_in_passing_is_no_recipient() -> None:
    keys = _keys(
        "Bulgaria ordered C-27J aircraft in 2006. "
        "The air force received three C-27J transport aircraft from Italy, which fly NATO missions."
    )
    assert ("ITA", "BGR", "C-27J", "delivery") in keys
    assert ("ITA", "NATO", "C-27J", "delivery") not in keys


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        (
            (
                "The first six of 12 A-29 Super Tucano aircraft bought by Nigeria from the "
                "United States landed in Kano on Thursday."
            ),
            ("USA", "NGA", "Super Tucano", "delivery"),
        ),
        (
            "The cargo of 33 T-72 tanks, sold by Ukraine to Kenya, was unloaded in Mombasa.",
            ("UKR", "KEN", "T-72", "delivery"),
        ),
    ],
)
def test_a_participle_after_the_system_tells_its_parties(
    sentence: str, key: tuple[str, str, str, str]
) -> None:
    assert _keys(sentence) == {key}


def test_the_month_may_is_no_modal() -> None:
    keys = _keys("In May 2020 Russia deployed 14 MiG-29 jets to al-Jufra air base in Libya.")
    assert keys == {("RUS", "LBY", "MiG-29", "deployment")}


def test_information_provided_to_a_panel_is_no_delivery() -> None:
    keys = _keys(
        "Russia deployed MiG-29 jets to Libya, according to information provided to the "
        "Panel by the United States."
    )
    assert keys == {("RUS", "LBY", "MiG-29", "deployment")}


def test_a_buyer_named_after_two_systems_buys_both() -> None:
    keys = _keys(
        "Production began of the 30 AS9 Huntsman howitzers and 15 AS10 ammunition vehicles "
        "ordered by the Commonwealth of Australia in December 2021."
    )
    assert keys == {("KOR", "AUS", "AS9 Huntsman", "agreement"), ("KOR", "AUS", "K10", "agreement")}


def test_deliveries_starting_later_leave_the_deal_as_the_event() -> None:
    keys = _keys(
        "Vilnius agreed last year to buy 20 used M577 vehicles from the United States, "
        "with deliveries starting this year."
    )
    assert keys == {("USA", "LTU", "M577", "agreement")}


@pytest.mark.parametrize(
    "sentence",
    [
        (
            '"Serbia has not signed, and is not negotiating, any contract for the purchase of '
            'S-300 systems," the ministry said.'
        ),
        "Any sale of the BrahMos to Vietnam would need approval from both governments.",
    ],
)
def test_any_deal_is_no_deal_asserted(sentence: str) -> None:
    assert _keys(sentence) == set()


def test_a_maker_on_a_reference_picks_that_maker_s_system() -> None:
    text = (
        "Slovakia flies MiG-29 fighters. It has since ordered F-16 Block 70 jets from the "
        "United States. Poland agreed to hand over 10 of its Soviet-built fighters to Slovakia."
    )
    keys = _keys(text)
    assert ("POL", "SVK", "MiG-29", "agreement") in keys
    assert not any(k[2] and k[2].startswith("F-16") and k[0] == "POL" for k in keys)


def test_a_handover_agreed_to_is_an_agreement() -> None:
    keys = _keys("Germany agreed last year to hand over 22 MiG-29 fighters to Poland.")
    assert keys == {("DEU", "POL", "MiG-29", "agreement")}


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Oslo said it would gift eight Leopard 2A4 tanks to Ukraine.", "agreement"),
        ("Norway gifted eight Leopard 2A4 tanks to Ukraine in March.", "delivery"),
    ],
)
def test_gifting_is_giving(sentence: str, stage: str) -> None:
    assert _keys(sentence) == {("NOR", "UKR", "Leopard 2A4", stage)}


def test_a_relative_clause_tells_the_earlier_order() -> None:
    events = {
        e.stage: e
        for e in _events("Poland took delivery of the K2 tanks that it ordered from Korea in 2022.")
    }
    assert set(events) == {"delivery", "agreement"}
    assert events["agreement"].event_date == "2022"


def test_a_possessive_on_a_sale_names_the_seller() -> None:
    keys = _keys("In 2014 Washington blocked Israel's sale of AH-1 Cobra helicopters to Nigeria.")
    assert keys == {("ISR", "NGA", "AH-1", "cancellation")}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            (
                "Russia has been arming Azerbaijan. The shipments include T-90S tanks and BMP-3 "
                "vehicles, a source said."
            ),
            ("RUS", "AZE", "T-90S", "delivery"),
        ),
        (
            "Britain agreed a deal with Saudi Arabia. The package comprises 48 Tornado jets.",
            ("GBR", "SAU", "Tornado", "agreement"),
        ),
    ],
)
def test_what_a_shipment_or_package_holds(text: str, key: tuple[str, str, str, str]) -> None:
    assert key in _keys(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said a purchase of S-300 systems from Russia would be hard to finance.",
        "Croatia has sent its MiG-21 fighters to Ukraine for overhaul.",
        "Officials in Warsaw expect the first Leopard 2A4 tanks from Germany to arrive in May.",
    ],
)
def test_supposed_deals_repairs_and_expected_arrivals_are_no_events(sentence: str) -> None:
    assert _keys(sentence) == set()


def test_a_deal_described_by_a_would_clause_is_still_signed() -> None:
    keys = _keys("The deal, which would include 24 Rafale jets for Egypt, was signed on Monday.")
    assert keys == {("FRA", "EGY", "Rafale", "agreement")}


def test_a_list_after_from_is_all_senders() -> None:
    keys = _keys(
        "Patriot batteries from Germany and the Netherlands arrived in Slovakia in March "
        "for NATO exercises."
    )
    assert keys == {
        ("DEU", "SVK", "Patriot", "deployment"),
        ("NLD", "SVK", "Patriot", "deployment"),
    }


def test_a_dated_clause_after_and_keeps_its_own_system_and_stage() -> None:
    events = _events(
        "In 2005 Nigeria ordered 12 F-7NI fighters from China, and in 2014 the air force "
        "received Chinese CH-3 drones."
    )
    assert {(e.system, e.stage, e.event_date) for e in events} == {
        ("F-7", "agreement", "2005"),
        ("CH-3", "delivery", "2014"),
    }


def test_picking_a_company_with_a_long_name_to_supply_is_interest() -> None:
    keys = _keys(
        "Ankara picked China Precision Machinery Import and Export Corporation (CPMIEC) "
        "in September 2013 to supply the HQ-9 system."
    )
    assert keys == {("CHN", "TUR", "HQ-9", "interest")}


def test_systems_that_will_join_others_are_not_theirs() -> None:
    keys = _keys(
        "The CV90 vehicles will join the XA-180 carriers that Finland supplied to Estonia in 2005."
    )
    assert keys == {("FIN", "EST", "XA-180", "delivery")}


def test_a_next_sentence_without_an_act_dates_nothing() -> None:
    [event] = _events(
        "The first US F-16 jets have arrived in Poland for exercises. "
        "Our live coverage resumes tomorrow at 08:00."
    )
    assert event.event_date == "2023-01"


def test_where_troops_are_based_names_no_sender() -> None:
    keys = _keys(
        "About 150 soldiers of the 173rd Airborne Brigade, based in Vicenza, Italy, "
        "landed in Poland this afternoon for exercises."
    )
    assert ("ITA", "POL", None, "deployment") not in keys


def test_a_delivery_under_a_contract_signed_earlier_tells_the_contract() -> None:
    events = {
        e.stage: e
        for e in _events(
            "Russia delivered 29 Tor-M1 air defence systems to Iran in early 2007 under a "
            "contract signed in 2005."
        )
    }
    assert (events["delivery"].event_date, events["delivery"].quantity) == ("2007", 29)
    assert (events["agreement"].event_date, events["agreement"].quantity) == ("2005", 29)


def test_a_contract_that_names_its_count_before_signed_dates_the_order() -> None:
    events = {
        e.stage: e
        for e in _events(
            "Egypt took delivery of its first two K9 howitzers in June under a $1.7 billion "
            "contract for 200 howitzers signed with South Korea in February 2022."
        )
    }
    assert (events["delivery"].event_date, events["delivery"].quantity) == ("2022-06", 2)
    assert (events["agreement"].event_date, events["agreement"].quantity) == ("2022-02", 200)


@pytest.mark.parametrize(
    "deal",
    [
        "under a $4.2 billion package agreed in 2012",
        "under contracts signed in 2012",
        "under a contract worth about $150 million signed in 2012",
        "as part of a $4 billion deal signed in 2012",
    ],
)
def test_a_delivery_under_a_package_or_priced_contract_tells_the_contract(deal: str) -> None:
    events = {
        e.stage: e
        for e in _events(f"Russia delivered four Mi-35M helicopters to Iraq last November {deal}.")
    }
    assert (events["delivery"].supplier, events["delivery"].recipient) == ("RUS", "IRQ")
    assert events["delivery"].event_date == "2022-11"
    assert (events["agreement"].supplier, events["agreement"].recipient) == ("RUS", "IRQ")
    assert events["agreement"].event_date == "2012"


def test_a_contract_signed_the_previous_year_counts_from_the_delivery_year() -> None:
    events = {
        e.stage: e
        for e in _events(
            "Islamabad received the first of 320 T-80UD tanks from Ukraine in 1997 under a "
            "contract worth some $650 million signed the previous year."
        )
    }
    assert events["delivery"].event_date == "1997"
    assert (events["agreement"].event_date, events["agreement"].quantity) == ("1996", 320)


def test_a_report_date_is_no_date_counted_back_for_a_clause() -> None:
    [event] = [
        e
        for e in _events(
            "Two of the six Su-30MK2 jets that Uganda bought from Russia have been delivered "
            "to Entebbe, the army confirmed yesterday."
        )
        if e.stage == "delivery"
    ]
    assert event.event_date == "2023-01"


def test_a_later_clause_with_a_two_word_subject_tells_its_own_order() -> None:
    events = {
        e.stage: e
        for e in _events(
            "India received its first MiG-29K fighters in December 2009, and New Delhi "
            "ordered 29 more of the jets in March 2010 to equip a second squadron."
        )
    }
    assert (events["delivery"].event_date, events["delivery"].recipient) == ("2009-12", "IND")
    agreement = events["agreement"]
    assert (agreement.event_date, agreement.quantity, agreement.supplier) == ("2010-03", 29, "RUS")


def test_an_agreement_reached_is_no_arrival() -> None:
    events = _events(
        "Poland signed executive contracts with South Korea on 26 August for 180 K2 tanks, "
        "the first tranche of a framework agreement reached in July."
    )
    assert {(e.supplier, e.recipient, e.stage, e.event_date, e.quantity) for e in events} == {
        ("KOR", "POL", "agreement", "2022-08-26", 180)
    }


def test_the_state_that_won_orders_sells_and_its_eliminated_jets_are_no_event() -> None:
    text = (
        "The United States, whose F-16 and F/A-18 were eliminated from the competition "
        "last April, has won large Indian orders, including eight P-8I maritime patrol "
        "aircraft contracted in January 2009."
    )
    assert [(e.supplier, e.recipient, e.system, e.quantity) for e in _events(text)] == [
        ("USA", "IND", "P-8I", 8)
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # A participle with its own agent does not take the date at the sentence's end.
        (
            (
                "Russia handed over the first of six Kilo-class submarines ordered by Vietnam "
                "at a ceremony at the Admiralty Shipyards in St Petersburg on Thursday."
            ),
            "2023-01-19",
        ),
        # Signing a decree is the ban's own act, not a deal.
        (
            (
                "President Dmitry Medvedev signed a decree on Wednesday banning the delivery of "
                "S-300 air defence systems to Iran."
            ),
            "2023-01-18",
        ),
        # Tanks "bought from army stocks" that arrived: their own verb, not a description.
        (
            (
                "The first 30 Leopard 2A4 tanks bought from German army stocks arrived in Chile "
                "on Saturday, the army said, in the biggest single delivery of armour."
            ),
            "2023-01-14",
        ),
    ],
)
def test_the_day_of_the_reported_act_is_its_date(text: str, date: str) -> None:
    [event] = _events(text)
    assert event.event_date == date


def test_a_state_that_committed_systems_gives_them() -> None:
    text = (
        "Ukraine needs jets. Belgium, which committed 30 F-16 aircraft in May, says its "
        "first deliveries are due before the end of the year."
    )
    assert [(e.supplier, e.recipient, e.stage, e.quantity) for e in _events(text)] == [
        ("BEL", "UKR", "agreement", 30)
    ]


def test_forces_that_bring_systems_into_a_site_abroad_deploy_them() -> None:
    keys = _keys(
        "The US military brought four more THAAD launchers into the site in Seongju, "
        "South Korea, on Thursday."
    )
    assert keys == {("USA", "KOR", "THAAD", "deployment")}


def test_a_later_report_with_a_finer_date_dates_the_event() -> None:
    [event] = _events(
        "Slovakia gave its S-300 battery to Ukraine last year. "
        "Slovakia sent the S-300 battery to Ukraine in April 2022, officials said."
    )
    assert event.event_date == "2022-04"


def test_an_older_order_told_later_keeps_the_article_s_dated_deal() -> None:
    events = _events(
        "Hanoi has signed for a dozen more Su-30MK2 fighters from Moscow, officials said. "
        "The contract was signed on Tuesday at the air show.\n\n"
        "The new batch adds to eight Su-30MK2s ordered in 2008, four of which were "
        "delivered last year."
    )
    stages = {e.stage: (e.quantity, e.event_date) for e in events}
    assert stages == {"agreement": (12, "2023-01-17"), "delivery": (4, "2022")}


def test_an_interview_s_we_is_the_state_its_introduction_names_first() -> None:
    text = (
        "INTERVIEW\n"
        "Slovakia followed Poland in giving jets to Ukraine. We spoke to its defence minister.\n"
        "Q: Poland moved first. Did Poland coordinate with you?\n"
        "A: Yes, Poland did. No. We sent our only S-300 battery to Ukraine last April."
    )
    assert ("SVK", "UKR", "S-300", "delivery") in _keys(text)


def test_a_state_named_on_a_company_is_no_recipient() -> None:
    keys = _keys(
        "Malaysia signed a contract in 2002. The Scorpene boat is the first of two ordered "
        "from France's Naval Group and Spain's Navantia in 2002."
    )
    assert ("FRA", "ESP", "Scorpene", "agreement") not in keys


def test_what_analysts_expect_a_state_to_do_is_no_event() -> None:
    sentence = (
        "Analysts expect New Delhi to move ahead with a follow-on order for more Scorpene "
        "submarines next year."
    )
    assert _keys(sentence) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Lima bought 18 MiG-29s and 18 Su-25 jets from Belarus in 1996.",
        "Lima bought 18 used MiG-29 fighters and 18 Su-25 attack jets from Belarus in 1996.",
    ],
)
def test_a_seller_after_a_list_of_systems_sells_them_all(sentence: str) -> None:
    keys = _keys(sentence)
    assert keys == {("BLR", "PER", "MiG-29", "agreement"), ("BLR", "PER", "Su-25", "agreement")}


def test_systems_bought_from_a_state_are_the_subject_s() -> None:
    keys = _keys(
        "Venezuela's air force flew American equipment, including two dozen F-16s bought "
        "from the United States in 1982."
    )
    assert keys == {("USA", "VEN", "F-16", "agreement")}


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "The Chinese navy is participating with the Type 054A frigate Rizhao, which arrived "
            "in Durban, South Africa, on Tuesday."
        ),
        (
            "A Chinese task group with the Type 054A frigate Rizhao arrived in Durban, "
            "South Africa, on Tuesday."
        ),
    ],
)
def test_ships_of_an_exercise_or_task_group_are_deployed(sentence: str) -> None:
    assert _keys(sentence) == {("CHN", "ZAF", "Type 054A", "deployment")}


def test_a_signer_that_is_to_supply_under_the_agreement_is_the_supplier() -> None:
    keys = _keys(
        "Norway signed a security agreement with Ukraine on 28 May under which it is to "
        "supply six F-16 fighter jets."
    )
    assert keys == {("NOR", "UKR", "F-16", "agreement")}


def test_a_named_subject_after_and_opens_a_clause_of_its_own() -> None:
    keys = _keys(
        "Last year Poland sent 18 Krab howitzers to Ukraine, and Ukraine then ordered "
        "dozens more from Huta Stalowa Wola."
    )
    assert keys == {("POL", "UKR", "Krab", "delivery"), ("POL", "UKR", "Krab", "agreement")}


def test_a_demonym_on_another_noun_before_a_verb_is_no_owner() -> None:
    text = (
        "Germany will supply Ukraine with a Patriot battery. "
        "The German battery will join a Patriot battery that Washington pledged in December."
    )
    assert ("USA", "UKR", "Patriot", "agreement") in _keys(text)


def test_what_a_hold_covers_is_held_back() -> None:
    keys = _keys(
        "U.S. officials said the hold covers F-16 fighters and Harpoon missiles for Egypt."
    )
    assert keys == {
        ("USA", "EGY", "F-16", "cancellation"),
        ("USA", "EGY", "Harpoon", "cancellation"),
    }


def test_an_option_given_is_no_delivery() -> None:
    keys = _keys(
        "Qatar ordered 24 Rafales from France in 2015. That agreement also gave Doha a "
        "further option on 36 Rafales."
    )
    assert keys == {("FRA", "QAT", "Rafale", "agreement")}


def test_own_forces_offered_for_a_task_are_no_sale() -> None:
    text = (
        "China has sold HY-2 missiles to Iran. The U.S. has offered its warships to escort "
        "Kuwaiti tankers past the HY-2 missile batteries."
    )
    assert _keys(text) == {("CHN", "IRN", "HY-2", "agreement")}


@pytest.mark.parametrize(
    ("sentence", "keys"),
    [
        (
            (
                "Washington approved the sale of 66 F-16V fighters to Taiwan in 2019, but "
                "deliveries have been held up by production problems."
            ),
            {("USA", "TWN", "F-16V", "agreement")},
        ),
        (
            "Details of the deployment of these Patriot systems in Poland cannot be divulged.",
            set(),
        ),
    ],
)
def test_held_up_deliveries_and_undisclosed_deployments_are_no_events(
    sentence: str, keys: set[tuple[str, str, str, str]]
) -> None:
    assert _keys(sentence) == keys


def test_a_ship_docking_in_the_next_sentence_dates_the_arrival() -> None:
    [event] = _events(
        "A shipment of Patriot interceptors from the United States has arrived in Poland, the "
        "ministry said on Sunday. The freighter docked at Gdynia late on Saturday."
    )
    assert event.event_date == "2023-01-14"


def test_systems_removed_from_a_contract_are_cancelled() -> None:
    text = (
        "Spain agreed to sell ten C-295 transport planes to Venezuela in 2005. "
        "Madrid removed the aircraft from its contract the following year."
    )
    assert ("ESP", "VEN", "C-295", "cancellation") in _keys(text)


def test_what_social_media_posts_claim_is_no_event() -> None:
    assert (
        _keys("Posts on X claim that Egypt has signed a contract for 40 J-10C fighters.") == set()
    )


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # The other stage's word is the act's object: "froze negotiations ... on Tuesday".
        (
            "Peru froze negotiations with Sweden on Tuesday on the purchase of 12 Gripen fighters.",
            "2023-01-17",
        ),
        # Or it governs the act: "agreed on Wednesday to cancel".
        (
            "Chile and Germany agreed on Wednesday to cancel the order for 4 MEKO frigates.",
            "2023-01-18",
        ),
    ],
)
def test_a_verb_joined_to_the_act_leaves_it_its_date(text: str, date: str) -> None:
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("cancellation", date)


def test_an_undated_addition_to_a_package_takes_its_day() -> None:
    text = (
        "On Tuesday Norway ordered 54 K9 howitzers from Hanwha in South Korea.\n\n"
        "It also ordered 18 K10 ammunition vehicles, the ministry said."
    )
    events = {e.system: e for e in _events(text)}
    assert events["K10"].event_date == "2023-01-17"
    assert "package-day" in events["K10"].rules


def test_an_addition_by_another_supplier_keeps_its_month() -> None:
    text = (
        "On Tuesday Norway ordered 54 K9 howitzers from Hanwha in South Korea.\n\n"
        "Germany will also supply 18 Boxer armoured vehicles to Norway, the ministry said."
    )
    events = {e.system: e for e in _events(text)}
    assert events["Boxer"].event_date == "2023-01"


def test_that_year_is_the_year_named_in_an_earlier_sentence() -> None:
    text = (
        "Kenya ordered a dozen Z-9 helicopters from China in 2016.\n\n"
        "The first four Z-9s were delivered in October that year, officials said."
    )
    delivery = next(e for e in _events(text) if e.stage == "delivery")
    assert delivery.event_date == "2016-10"


def test_that_year_in_a_second_clause_is_the_first_clause_year() -> None:
    text = (
        "In March 2021, Oslo agreed to give Riga six NASAMS launchers, "
        "and the first launcher arrived in November that year."
    )
    delivery = next(e for e in _events(text) if e.stage == "delivery")
    assert delivery.event_date == "2021-11"


@pytest.mark.parametrize(
    "follow_up",
    [
        "The joint drills will run until March 2 near Kaunas.",
        "The exercise is scheduled to end on March 2.",
    ],
)
def test_a_day_still_to_come_dates_no_act(follow_up: str) -> None:
    text = (
        f"Poland has moved two Patriot batteries into Lithuania, the ministry said.\n\n{follow_up}"
    )
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("deployment", "2023-01")


def test_a_deadline_in_the_sentence_dates_no_act() -> None:
    [event] = _events(
        "Serbia has received an FK-3 battery from China, and a second site"
        " would be ready by 1 July."
    )
    assert (event.stage, event.event_date) == ("delivery", "2023-01")


def test_a_deal_told_next_dates_no_arrival() -> None:
    text = (
        "The first Caesar howitzers have reached Lithuania, the army said on Thursday.\n\n"
        "Vilnius ordered the guns from France on 3 January."
    )
    delivery = next(e for e in _events(text) if e.stage == "delivery")
    assert delivery.event_date == "2023-01"


def test_a_day_after_a_reporting_verb_that_follows_the_act_dates_the_report() -> None:
    [event] = _events(
        "Laos has signed a deal with Russia for four Yak-130 trainers, Shoigu said during"
        " a stop in Vientiane on Sunday."
    )
    assert (event.stage, event.event_date) == ("agreement", "2023-01")


def test_an_arrival_verb_beside_a_deployment_verb_leaves_the_date() -> None:
    [event] = _events(
        "Ghana was the first to arrive in Gambia, flying in 180 soldiers in late December."
    )
    assert (event.stage, event.event_date) == ("deployment", "2022-12")


def test_what_a_visit_ended_with_is_asserted() -> None:
    text = "The minister's trip to Lima ended with Peru exercising its option on 6 more Gripens."
    assert _keys(text) == {("SWE", "PER", "Gripen", "agreement")}


def test_personnel_sent_abroad_are_deployed() -> None:
    [event] = _events(
        "Last week about 80 Turkish personnel landed in Niamey for a training mission."
    )
    assert (event.supplier, event.recipient, event.system, event.stage) == (
        "TUR",
        "NER",
        None,
        "deployment",
    )
    assert event.quantity == 80


def test_a_deal_referred_to_beside_an_aside_about_other_states() -> None:
    text = (
        "Qatar is buying the NASAMS from Norway.\n\n"
        "Doha signed the roughly $1 billion deal for the system with Oslo in May 2021,"
        " after earlier talks with French and Italian makers had stalled."
    )
    assert {(e.supplier, e.recipient, e.system, e.event_date) for e in _events(text)} == {
        ("NOR", "QAT", "NASAMS", "2021-05")
    }


def test_tensions_with_a_state_make_it_no_side_of_the_deal() -> None:
    [event] = _events(
        "The State Department has cleared a $500 million sale of 40 F-16V jets to Taiwan,"
        " the Pentagon said, in a step bound to sharpen tensions with Beijing."
    )
    assert (event.supplier, event.recipient) == ("USA", "TWN")


def test_a_state_shown_supplying_is_no_fallback_receiver() -> None:
    text = (
        "Peru bought 24 Su-30 jets from Russia in 2021 and sent its pilots to Russia.\n\n"
        "Its older jets went back to Russia for repairs, and its engineers went to Moscow.\n\n"
        "Russia also sold 12 Mi-35 helicopters to Peru in 2019.\n\n"
        "The cabinet then approved the purchase of 10 Hawk trainers from Britain's BAE Systems."
    )
    hawk = next(e for e in _events(text) if e.system and "Hawk" in e.system)
    assert (hawk.supplier, hawk.recipient) == ("GBR", "PER")


def test_a_date_in_an_aside_about_the_subject_dates_no_act() -> None:
    [event] = _events(
        "Norway, which has barred arms sales to Riyadh since the 2018 murder of a journalist,"
        " froze the sale of 8 NASAMS launchers to Saudi Arabia in 2021."
    )
    assert (event.stage, event.event_date) == ("cancellation", "2021")


def test_a_c_d_block_names_the_c_variant() -> None:
    [event] = _events("In 2019 Jordan signed with Washington for 12 F-16C/D Block 52 fighters.")
    assert event.system == "F-16C"


def test_a_state_named_on_an_embargo_or_as_its_matter_takes_no_part() -> None:
    text = (
        "In 1975 Washington handed Chile 10 A-37 attack jets.\n\n"
        "In 1998 the air force bought 4 Mirage 5 jets from Belgium during a U.S. arms embargo"
        " imposed over Peru."
    )
    mirage = next(e for e in _events(text) if e.system and "Mirage" in e.system)
    assert (mirage.supplier, mirage.recipient) == ("BEL", "CHL")


def test_a_pledging_participle_is_a_pledge() -> None:
    [event] = _events(
        "Canada went further on Monday, pledging a company of 8 Leopard 2 tanks to Ukraine."
    )
    assert (event.supplier, event.recipient, event.stage, event.event_date) == (
        "CAN",
        "UKR",
        "agreement",
        "2023-01-16",
    )


def test_a_sellers_past_hope_is_interest() -> None:
    text = "Saab had once hoped to sell Thailand 12 more Gripens, but the plan lapsed."
    assert _keys(text) == {("SWE", "THA", "Gripen", "interest")}


def test_rumours_of_purchases_assert_none() -> None:
    assert _keys("Rumours of new buys - S-400 systems, Su-35 jets - swirl around Cairo.") == set()


def test_what_a_state_resisted_doing_is_no_event() -> None:
    assert _keys("For months Berlin resisted sending Taurus missiles to Ukraine.") == set()


def test_a_system_already_received_keeps_its_receiver_as_fallback() -> None:
    text = (
        "Romania signed with Hanwha for 54 K9 howitzers on Tuesday.\n\n"
        "Last year Romania sent 40 Piranha armoured vehicles to Moldova.\n\n"
        "Talks on a further 200 K9 guns are continuing."
    )
    k9 = [e for e in _events(text) if e.system == "K9"]
    assert {(e.supplier, e.recipient, e.stage) for e in k9} == {
        ("KOR", "ROU", "agreement"),
        ("KOR", "ROU", "interest"),
    }


def test_a_first_order_told_later_leaves_the_new_deal_s_count_and_date() -> None:
    text = (
        "Qatar has signed a contract for 12 more Rafale jets, officials said on Tuesday.\n\n"
        "Qatar first ordered 24 Rafales from France in May 2015."
    )
    [event] = _events(text)
    assert (event.stage, event.quantity, event.event_date) == ("agreement", 12, "2023-01")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            (
                "Norway has signed a contract for 24 K9 howitzers from South Korea, officials "
                "said on Monday.\n\n"
                "The framework agreement signed on 3 March 2022 sets out up to 100 K9 howitzers."
            ),
            "2023-01",
        ),
        (
            (
                "Norway and South Korea signed a framework agreement on 3 March for up to 100 "
                "K9 howitzers.\n\nThe first contract, for 24 K9 howitzers, was signed on Monday."
            ),
            "2023-01-16",
        ),
    ],
)
def test_a_contract_under_a_framework_agreement_is_the_deal(text: str, date: str) -> None:
    [event] = [e for e in _events(text) if e.stage == "agreement"]
    assert (event.quantity, event.event_date) == (24, date)


@pytest.mark.parametrize(
    "sentence",
    [
        "Pakistan bought the JF-17 from China, a jet that first flew in August 2003.",
        "Pakistan bought the JF-17 from China, a jet flown in 2003 for the first time.",
    ],
)
def test_a_first_flight_is_no_delivery(sentence: str) -> None:
    assert {stage for *_, stage in _keys(sentence)} == {"agreement"}


def test_jets_flown_in_from_abroad_are_delivered() -> None:
    keys = _keys("Six JF-17 jets were flown in from China to Pakistan on Monday.")
    assert keys == {("CHN", "PAK", "JF-17", "delivery")}


def test_a_part_of_which_arrived_keeps_its_count_beside_the_order() -> None:
    text = "Peru ordered 10,000 Javelin missiles, the first 2,500 of which arrived in June."
    counts = {e.stage: e.quantity for e in _events(text)}
    assert counts == {"agreement": 10_000, "delivery": 2_500}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Peru signed for 20 jets from Russia - 18 MiG-29SMTs and two MiG-29UBs - in 2020.", 20),
        ("Peru's contract with Korea covers 30 jets: 24 FA-50PL and six FA-50GF.", 30),
        # Designs of their own: the total counts none of them.
        ("Peru bought 30 jets from Russia in 2020: 20 MiG-29SMTs and ten Su-30MK2s.", 20),
    ],
)
def test_a_breakdown_of_one_design_counts_its_total(text: str, count: int) -> None:
    first, *_ = _events(text)
    assert (first.stage, first.quantity) == ("agreement", count)


def test_the_first_batch_of_a_design_is_no_single_unit() -> None:
    [event] = _events("Peru has received all 12 aircraft of the first MiG-29SMT batch from Russia.")
    assert (event.stage, event.quantity) == ("delivery", 12)


def test_the_count_an_already_delivered_takes_is_the_delivery_s() -> None:
    text = (
        "Spain will send four more Caesar howitzers to Chile, on top of the 12 already delivered."
    )
    counts = {e.stage: e.quantity for e in _events(text)}
    assert counts["delivery"] == 12


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Malaysia's Scorpene-class boat is the first of two ordered from France in 2002.", 2),
        ("Thailand flies 11 Gripen C/D jets, from 12 ordered in 2008.", 12),
    ],
)
def test_the_order_a_participle_tells_counts_its_whole(text: str, quantity: int) -> None:
    [order] = [e for e in _events(text) if e.stage == "agreement"]
    assert order.quantity == quantity


def test_the_last_of_those_delivered_is_one_delivery_not_their_count() -> None:
    text = "Egypt took delivery of its last Rafale, the last of 24 delivered by France."
    [event] = _events(text)
    assert (event.stage, event.quantity) == ("delivery", 1)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Spain will send Ukraine a company of Leopard 2A4 tanks, or 10 vehicles.", {10}),
        ("Spain will send Ukraine a battalion of Leopard 2A4 tanks, or 31 vehicles.", {31}),
        ("Spain will send Ukraine 24 Leopard 2A4 tanks, or two companies.", {24}),
        ("Spain will send Ukraine Leopard 2A4 tanks, or 14 Krab howitzers.", {None, 14}),
    ],
)
def test_an_apposition_spells_out_the_count(text: str, counts: set[int | None]) -> None:
    assert {e.quantity for e in _events(text)} == counts


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Korea is delivering 48 FA-50 jets to Poland, the first 12 of which arrived in 2022.", 12),
        ("Korea is delivering 48 FA-50 jets to Poland, 12 of which have been handed over.", 12),
        ("Korea delivered 48 FA-50 jets to Poland, the first 12 of which arrived in 2022.", 48),
    ],
)
def test_a_delivery_under_way_counts_what_has_been_handed_over(text: str, quantity: int) -> None:
    [event] = _events(text)
    assert (event.stage, event.quantity) == ("delivery", quantity)


def test_a_contract_referred_to_counts_what_it_is_for() -> None:
    text = (
        "Vietnam chose the BrahMos missile from India in 2021.\n\n"
        "Hanoi signed the $400 million contract for four batteries in March 2022."
    )
    agreement = next(e for e in _events(text) if e.stage == "agreement")
    assert (agreement.quantity, agreement.quantity_text) == (4, "four batteries")


def test_the_units_ordered_and_handed_over_are_all_delivered() -> None:
    text = "Peru ordered eight TB2s from Turkey in 2019, and the drones were handed over in March."
    counts = {e.stage: e.quantity for e in _events(text)}
    assert counts == {"agreement": 8, "delivery": 8}


@pytest.mark.parametrize(
    "text",
    [
        "Russia agreed in 2006 to build a plant in Peru that will make 25 Mi-17s a year.",
        "Peru signed a licence with Russia in 2006 to make Mi-17s at a rate of 25 a year.",
    ],
)
def test_a_rate_of_output_is_no_count(text: str) -> None:
    [event] = _events(text)
    assert (event.stage, event.quantity) == ("agreement", None)


def test_a_count_delivered_a_year_ago_is_still_a_count() -> None:
    [event] = _events("Russia delivered 24 Mi-17 helicopters to Peru a year ago.")
    assert (event.stage, event.quantity) == ("delivery", 24)


def test_a_licence_received_is_no_delivery() -> None:
    text = "The US sold 500 Javelin missiles to Chile, which also received a licence to make them."
    assert _keys(text) == {("USA", "CHL", "Javelin", "agreement")}


def test_ordering_is_an_agreement_beside_a_delivery() -> None:
    text = (
        "Oman was the launch customer for the Hawk 200, ordering 12 of the jets in 1990, "
        "and took delivery of its first Jaguar from France in 1993."
    )
    events = {e.system: e for e in _events(text)}
    assert (events["Hawk 200"].stage, events["Hawk 200"].event_date) == ("agreement", "1990")
    assert (events["Jaguar"].stage, events["Jaguar"].event_date) == ("delivery", "1993")


def test_a_sale_announced_on_a_day_is_made_that_day() -> None:
    [event] = _events(
        "On Monday the president announced that he would sell 72 F-15 fighters to Qatar."
    )
    assert (event.stage, event.quantity, event.event_date) == ("agreement", 72, "2023-01-16")


def test_asking_a_state_at_a_date_to_sell_is_interest() -> None:
    text = "Baghdad asked the United States in 2013 to sell it MQ-9 drones, but nothing came of it."
    [event] = _events(text)
    assert (event.stage, event.event_date) == ("interest", "2013")


@pytest.mark.parametrize(
    ("text", "count", "date"),
    [
        (
            "Peru ordered two Type 054A/P frigates from China in 2017 and two more in June 2018.",
            2,
            "2018-06",
        ),
        (
            "Peru signed for 12 K9 guns with Korea in 2015, and a second for another 18 in 2019.",
            18,
            "2019",
        ),
        (
            "Peru ordered 12 K9 howitzers from Korea in 2015 and expects to order 18 more in 2024.",
            12,
            "2015",
        ),
    ],
)
def test_a_later_order_the_sentence_adds_is_the_agreement(text: str, count: int, date: str) -> None:
    [event] = _events(text)
    assert (event.stage, event.quantity, event.event_date) == ("agreement", count, date)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt ordered 24 Rafale jets from France in 2015, and Qatar bought 12 more F-15s in 2017.",
        "Egypt ordered 24 Rafale jets from France in 2015 and 12 more F-15s from the US in 2017.",
    ],
)
def test_more_of_another_design_or_buyer_is_no_later_order(text: str) -> None:
    rafale = next(e for e in _events(text) if e.system == "Rafale")
    assert (rafale.quantity, rafale.event_date) == (24, "2015")


def test_close_to_signing_is_interest() -> None:
    text = "Greece is close to signing a deal for 6 more Rafale jets from France."
    assert _keys(text) == {("FRA", "GRC", "Rafale", "interest")}


def test_a_determination_approving_a_possible_sale_is_an_agreement() -> None:
    text = (
        "WASHINGTON, January 17, 2023 - The State Department has made a determination "
        "approving a possible Foreign Military Sale to the Government of Chile of "
        "Javelin missiles for an estimated cost of $50 million."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.system, event.stage) == (
        "USA",
        "CHL",
        "Javelin",
        "agreement",
    )


def test_close_to_approving_a_sale_is_no_agreement() -> None:
    text = "Washington had been close to approving the sale of 12 Javelin missiles to Chile."
    assert {stage for *_, stage in _keys(text)} == {"interest"}


def test_the_same_year_is_the_year_named_before() -> None:
    text = (
        "In 2011 Peru signed for 8 KT-1 trainers from South Korea.\n\n"
        "The same year it bought 6 Mi-35 helicopters from Russia."
    )
    mi35 = next(e for e in _events(text) if e.system == "Mi-35")
    assert (mi35.recipient, mi35.event_date) == ("PER", "2011")


def test_a_contract_that_followed_is_an_agreement() -> None:
    text = (
        "Peru bought 12 T-55 tanks from Russia in 1985.\n\n"
        "A contract for 40 T-90S tanks followed in March 2001, and the first of the tanks"
        " reached the army in 2003."
    )
    t90 = {e.stage: e for e in _events(text) if e.system == "T-90S"}
    assert (t90["agreement"].quantity, t90["agreement"].event_date) == (40, "2001-03")
    assert t90["delivery"].event_date == "2003"


def test_a_decade_dates_nothing() -> None:
    [event] = _events("Peru bought T-55 tanks from Russia in the 1980s.")
    assert event.event_date is None


def test_a_home_design_delivered_to_home_forces_is_a_domestic_delivery() -> None:
    [event] = _events("The first Leopard 2A8 was delivered to the German Army in December 2022.")
    assert (event.supplier, event.recipient, event.stage) == ("DEU", "DEU", "delivery")


def test_an_agreement_not_reached_is_no_arrival() -> None:
    text = (
        "Hanoi has held talks with Moscow on buying Su-35 fighters, although no deal is"
        " thought to have been reached."
    )
    assert {e.stage for e in _events(text)} == {"interest"}


def test_studying_the_implications_of_a_deal_is_no_interest() -> None:
    text = (
        "Egypt bought 24 Rafale jets from France.\n\n"
        "Libyan officials said they were studying the implications of the purchase."
    )
    assert {(e.recipient, e.stage) for e in _events(text)} == {("EGY", "agreement")}


def test_what_a_move_risks_is_no_event() -> None:
    text = (
        "The first Su-35 jets have reached Iran, officials said, in a move that risks"
        " Tehran's removal from the Su-30 programme."
    )
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_an_earlier_act_in_an_after_clause_keeps_its_own_clause() -> None:
    text = (
        "Kenya bought Z-9 helicopters from China.\n\n"
        "The sale of 6 more Z-9s was approved by China in 2019, after Beijing had put an"
        " earlier request on hold."
    )
    agreement = next(e for e in _events(text) if e.stage == "agreement")
    assert (agreement.quantity, agreement.event_date) == (6, "2019")


def test_allowing_the_delivery_is_the_approval() -> None:
    [event] = _events(
        "Berlin said on Monday it would allow the export of 12 Marder vehicles to Chile."
    )
    assert (event.supplier, event.recipient, event.stage) == ("DEU", "CHL", "agreement")


def test_states_in_an_aside_on_a_company_are_outside_the_deal() -> None:
    text = (
        "Vietnam ordered BrahMos missiles from India.\n\n"
        "Hanoi signed the $700-million contract with BrahMos Aerospace, a joint venture of"
        " India's DRDO and Russia's NPOM, in March 2024."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.event_date, event.quantity) == (
        "IND",
        "VNM",
        "2024-03",
        None,
    )


def test_states_listed_as_a_consortium_are_no_receivers() -> None:
    text = (
        "Oman signed for Typhoon jets with Britain in 2012.\n\n"
        "BAE Systems will supply 12 Typhoon jets built by Eurofighter, the consortium of"
        " Britain, Germany, Italy and Spain."
    )
    assert {e.recipient for e in _events(text)} == {"OMN"}


def test_a_demonym_on_a_request_names_the_buyer() -> None:
    [event] = _events(
        "Last year Washington shelved a Qatari request for 24 more F-15 fighters, citing"
        " objections from Israel."
    )
    assert (event.supplier, event.recipient, event.stage) == ("USA", "QAT", "cancellation")


def test_what_a_force_operates_is_not_what_it_received() -> None:
    text = (
        "Ghana took delivery of 4 Z-9 helicopters from China in 2021, and the army operates"
        " Israeli-made Spyder air defence systems."
    )
    assert _keys(text) == {("CHN", "GHA", "Z-9", "delivery")}


def test_that_month_is_of_the_year_named_before() -> None:
    text = (
        "Chad ordered four Bayraktar TB2s from Turkey in June 2021, and the drones were"
        " handed over that October."
    )
    dates = {e.stage: e.event_date for e in _events(text)}
    assert dates == {"agreement": "2021-06", "delivery": "2021-10"}


def test_what_states_condemn_is_no_event() -> None:
    text = "Ten states said they firmly condemn the deployment of Russian troops to Mali."
    assert _keys(text) == set()


def test_an_order_from_a_state_is_its_order() -> None:
    text = (
        "Peru ordered 6 Gripen jets from Sweden on Thursday.\n\n"
        "The deal follows a record order for 24 Gripens from Thailand in March."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("SWE", "PER"), ("SWE", "THA")}


def test_forces_sent_under_a_nato_mission_are_deployed() -> None:
    text = "In 2015 Spain sent a Patriot battery to southern Turkey under a NATO mission."
    assert _keys(text) == {("ESP", "TUR", "Patriot", "deployment")}


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        # A maker named after the system: the package is the act.
        (
            (
                "The package for Qatar also includes Meteor missiles supplied by the maker MBDA"
                " from France."
            ),
            "agreement",
        ),
        # A participle aside or a passive tells the handover itself.
        ("Qatar's Rafale jets, supplied by France in 2019, flew over Doha.", "delivery"),
        ("The Rafale jets were supplied by France to Qatar in 2019.", "delivery"),
    ],
)
def test_supplied_by_a_maker_is_no_handover(text: str, stage: str) -> None:
    assert {e.stage for e in _events(text)} == {stage}


def test_delays_in_a_delivery_are_no_delivery() -> None:
    text = "Qatar has faced delays in the delivery of NASAMS launchers from Norway."
    assert _keys(text) == set()


def test_until_further_notice_detaches_nothing() -> None:
    text = 'France on Monday froze "until further notice" the sale of 20 CAESAR guns to Peru.'
    assert _keys(text) == {("FRA", "PER", "Caesar", "cancellation")}


def test_a_possessive_after_over_is_a_matter_not_airspace() -> None:
    text = (
        "The last of four US Army Patriot batteries came ashore at the port of Sasebo in May,"
        " completing a deployment decided as the standoff over China's missile tests deepened."
    )
    assert "CHN" not in {e.recipient for e in _events(text)}


def test_the_maker_a_system_was_built_by_is_not_its_seller() -> None:
    text = (
        "Under the deal, BAE Systems will supply 24 Typhoon jets to Qatar, built by"
        " Eurofighter GmbH of Germany."
    )
    assert {e.supplier for e in _events(text)} == {"GBR"}


def test_assistance_announced_on_a_day_is_pledged_that_day() -> None:
    [event] = _events(
        "Canada on Wednesday announced new security assistance for Ukraine, including"
        " 8 Leopard 2 tanks."
    )
    assert (event.stage, event.event_date) == ("agreement", "2023-01-18")


def test_when_a_drill_runs_until_dates_no_arrival() -> None:
    [event] = _events(
        "Australia has moved 4 HIMARS launchers to Luzon for the drills, which run through Feb. 12."
    )
    assert (event.stage, event.event_date) == ("deployment", "2023-01")


def test_the_agent_of_a_purchase_noun_buys() -> None:
    text = (
        "Chile on Monday signed for two French Gowind corvettes, the first purchase of"
        " European warships by Santiago in decades."
    )
    assert _keys(text) == {("FRA", "CHL", "Gowind", "agreement")}


def test_a_pledge_on_a_condition_is_not_made() -> None:
    text = "Norway said it would send 4 NASAMS launchers to Latvia if Riga formally asks."
    assert _keys(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Sweden had pressed hard to sell Peru its Gripen fighter.",
        "Saab has been in talks since 2019 to sell 12 Gripen jets to Peru.",
    ],
)
def test_efforts_and_talks_to_sell_are_interest(text: str) -> None:
    assert _keys(text) == {("SWE", "PER", "Gripen", "interest")}


def test_a_state_in_a_because_clause_receives_nothing() -> None:
    text = (
        "Peru bought six Mirage 2000 jets from France in 2017.\n\n"
        "The jets were delivered in 2019 but rarely fly because Britain blocked spare parts."
    )
    delivery = next(e for e in _events(text) if e.stage == "delivery")
    assert (delivery.supplier, delivery.recipient) == ("FRA", "PER")


def test_production_that_moves_is_no_deployment() -> None:
    text = (
        "Romania signed a contract on Friday for 54 K9 howitzers from South Korea, with part"
        " of the assembly to move to a Romanian plant."
    )
    assert {e.stage for e in _events(text)} == {"agreement"}


def test_a_which_clause_tells_the_systems_own_later_stage() -> None:
    keys = _events("Peru agreed in 1997 to buy 18 MiG-29 jets from Belarus, which arrived in 1998.")
    assert {(e.supplier, e.recipient, e.system, e.stage, e.event_date) for e in keys} == {
        ("BLR", "PER", "MiG-29", "agreement", "1997"),
        ("BLR", "PER", "MiG-29", "delivery", "1998"),
    }


def test_a_dated_contract_after_a_delivery_is_an_agreement_of_its_own() -> None:
    events = _events(
        "Egypt received its first eight K9 howitzers in May under a 2022 contract for 200 guns."
    )
    found = {(e.stage, e.quantity, e.event_date) for e in events}
    assert found == {("delivery", 8, "2022-05"), ("agreement", 200, "2022")}


def test_an_interview_s_us_and_we_receive_for_the_speaker_s_state() -> None:
    text = (
        "INTERVIEW\n"
        "During Chancellor Olaf Scholz's visit to Vilnius, Lithuania signed for 44 Leopard 2A8 "
        "tanks. We asked its deputy defence minister about the army's other purchases.\n"
        "Q: Estonia took delivery of K9 howitzers in March. What else is coming?\n"
        "A: Norway sold us eight more NASAMS launchers last year. "
        "We also received two Black Hawk helicopters from the United States in March."
    )
    keys = _keys(text)
    assert ("NOR", "LTU", "NASAMS", "agreement") in keys
    assert ("USA", "LTU", "UH-60", "delivery") in keys


def test_a_subordinate_clause_with_its_own_subject_keeps_its_verb() -> None:
    text = "Chile bought ten used F-16 jets in 2006 after its own fighter tender was cancelled."
    assert _keys(text) == {("USA", "CHL", "F-16", "agreement")}


def test_a_participle_aside_tells_a_stage_of_its_own() -> None:
    events = _events(
        "The Thai air force is absorbing 18 Alpha Jet trainers from Germany, ordered in 2019, "
        "deliveries of which began in 2021."
    )
    found = {(e.supplier, e.recipient, e.stage, e.event_date) for e in events}
    assert found == {("DEU", "THA", "agreement", "2019"), ("DEU", "THA", "delivery", "2021")}
    # With no buyer named, the state the jets come from is not made their buyer.
    assert not _events("The air force is absorbing 18 Alpha Jet trainers from Germany.")


def test_a_second_verb_after_and_keeps_its_own_systems_and_date() -> None:
    events = _events(
        "Norway ordered 14 K9 howitzers from South Korea in 2021 and received its first "
        "CV90 vehicles from Sweden in October."
    )
    found = {(e.supplier, e.system, e.stage, e.event_date) for e in events}
    assert found == {
        ("KOR", "K9", "agreement", "2021"),
        ("SWE", "CV90", "delivery", "2022-10"),
    }


def test_a_named_subject_clause_keeps_its_own_date_and_stage() -> None:
    same_stage = _events(
        "Germany pledged 14 Leopard 2A6 tanks to Ukraine on Wednesday, and Britain committed "
        "14 Challenger 2 tanks on January 14 in Kyiv, officials said on Monday."
    )
    assert {(e.supplier, e.event_date) for e in same_stage} == {
        ("DEU", "2023-01-18"),
        ("GBR", "2023-01-14"),
    }
    other_stage = _keys(
        "France handed over the first of six Rafale jets to Greece last December, and Egypt "
        "has also ordered 12 J-10C jets from China."
    )
    assert ("CHN", "EGY", "J-10C", "agreement") in other_stage


@pytest.mark.parametrize(
    "sentence",
    [
        "Oslo hoped to deliver six F-16 jets to Ukraine around New Year.",
        (
            "Oslo will hand over six F-16 jets in 2025, provided Ukrainian pilots and ground crews "
            "have completed their training."
        ),
        "Experts said it would take at least six months to deliver the S-300 batteries to Syria.",
    ],
)
def test_hopes_conditions_and_time_still_to_come_assert_no_handover(sentence: str) -> None:
    assert _events(sentence) == []


def test_provided_by_a_state_is_still_a_handover() -> None:
    keys = _keys("The Patriot batteries, provided by Germany, arrived in Ukraine in April.")
    assert keys == {("DEU", "UKR", "Patriot", "delivery")}


def test_a_leader_s_government_names_the_buyer() -> None:
    keys = _keys(
        "President Yudhoyono's government agreed in Moscow to purchase six Su-30MK2 "
        "fighters from Rosoboronexport."
    )
    assert keys == {("RUS", "IDN", "Su-30MK2", "agreement")}


def test_an_inverted_condition_asserts_nothing() -> None:
    text = (
        "Should Spain or Italy decide to send Aspide launchers to Ukraine, they would be welcome."
    )
    assert _events(text) == []


def test_a_capability_of_the_jets_is_not_sold_with_them() -> None:
    keys = _keys(
        "Poland ordered 36 FA-50PL jets from South Korea in 2022, with an AESA radar and "
        "AIM-9X compatibility."
    )
    assert keys == {("KOR", "POL", "FA-50PL", "agreement")}
    missiles = (
        "Tehran said it had acquired Chinese-made Silkworm missiles capable of striking ships."
    )
    assert _keys(missiles) == {("CHN", "IRN", "HY-2", "delivery")}


def test_a_relative_clause_is_about_the_system_right_before_it() -> None:
    keys = _keys(
        "Two Avenger units arrived from Washington in May, and Berlin delivered the first of "
        "three Gepard guns it had pledged to Kyiv in April."
    )
    agreements = {(supplier, system) for supplier, _, system, stage in keys if stage == "agreement"}
    assert agreements == {("DEU", "Gepard")}


def test_talks_about_deliveries_are_interest() -> None:
    keys = _keys("Moscow and Caracas are now discussing deliveries of Tor-M1 air defence systems.")
    assert keys == {("RUS", "VEN", "Tor-M1", "interest")}


def test_a_state_in_an_appositive_on_the_deal_takes_no_role() -> None:
    text = (
        "Indonesia bought Rafale jets from France in 2022. In March it also signed for 12 "
        "Su-35 fighters from Russia, a deal that Washington has warned could bring sanctions."
    )
    assert ("RUS", "IDN", "Su-35", "agreement") in _keys(text)


def test_a_source_close_to_the_talks_and_a_great_deal_are_no_acts() -> None:
    text = (
        "Egypt ordered 24 Rafale jets from France in February. "
        "Cairo holds an option on 12 more Rafale jets, a person close to the negotiations said."
    )
    assert _keys(text) == {("FRA", "EGY", "Rafale", "agreement")}
    quote = "Even a few Kilo submarines give Vietnam a great deal of deterrence, an analyst said."
    assert _events(quote) == []


def test_talks_over_a_system_are_about_it() -> None:
    text = "Riyadh is in talks with Seoul over the KM-SAM air-defence system."
    assert _keys(text) == {("KOR", "SAU", "KM-SAM", "interest")}


def test_joining_an_alliance_receives_nothing() -> None:
    text = (
        "Slovakia bought 14 F-16 jets from Washington. The acquisition of the F-16 "
        "jets is part of a broad overhaul of the army after the accession to NATO."
    )
    assert _keys(text) == {("USA", "SVK", "F-16", "agreement")}


def test_talks_still_to_begin_are_no_interest_yet() -> None:
    begun = "Talks between Warsaw and Seoul on more K2 tanks began in March."
    assert _keys(begun) == {("KOR", "POL", "K2", "interest")}
    to_come = "Talks between Warsaw and Seoul on more K2 tanks are expected to begin in March."
    assert _events(to_come) == []


def test_the_first_of_which_arrived_is_a_delivery_of_its_own() -> None:
    events = _events(
        "In 2019 Hungary ordered 44 Leopard 2A7 tanks from Germany, the first four of which "
        "arrived in July 2022."
    )
    found = {(e.stage, e.quantity, e.event_date) for e in events}
    assert found == {("agreement", 44, "2019"), ("delivery", 4, "2022-07")}


def test_a_dated_deal_that_opens_the_sentence_is_an_agreement_of_its_own() -> None:
    events = _events("Under a 2017 order, Seoul handed over 12 K9 howitzers to Estonia in 2020.")
    assert {(e.stage, e.event_date) for e in events} == {
        ("agreement", "2017"),
        ("delivery", "2020"),
    }


def test_a_similar_sale_to_another_state_is_the_same_system() -> None:
    text = (
        "Turkey signed for four Heron drones with Israel in 2005. "
        "Jerusalem froze a similar sale to Venezuela in 2008 after pressure from Washington."
    )
    assert ("ISR", "VEN", "Heron", "cancellation") in _keys(text)


def test_a_later_mention_of_a_system_carries_the_event() -> None:
    text = (
        "After the K9 outperformed rivals in firing trials in 2016, Helsinki agreed in 2017 "
        "to buy 48 used K9 howitzers from Seoul."
    )
    assert _keys(text) == {("KOR", "FIN", "K9", "agreement")}


def test_a_while_clause_with_a_named_subject_is_a_clause_of_its_own() -> None:
    text = (
        "Kyiv has asked allies for jets. Slovakia pledged 13 MiG-29 jets to Ukraine in March, "
        "while Poland began delivering its own MiG-29 jets in April."
    )
    keys = _keys(text)
    assert ("SVK", "UKR", "MiG-29", "agreement") in keys
    assert ("POL", "MiG-29", "delivery") in {(s, system, stage) for s, _, system, stage in keys}


def test_postponing_a_package_cancels_what_it_holds() -> None:
    text = "Washington was postponing the package for Amman, which included 300 Stinger missiles."
    assert _keys(text) == {("USA", "JOR", "Stinger", "cancellation")}


def test_and_that_same_year_opens_a_clause_of_its_own() -> None:
    events = _events(
        "Syria took delivery of French Milan missiles in 1979, and that same year signed an "
        "agreement with Moscow for SA-6 launchers."
    )
    assert {(e.system, e.stage) for e in events} == {("Milan", "delivery"), ("Kub", "agreement")}


def test_a_relative_clause_with_its_own_subject_ends_a_list() -> None:
    text = (
        "Peru's air force flies old A-37 jets, Su-22 bombers and 12 Mirage 2000 fighters "
        "that France handed over in 1986."
    )
    assert _keys(text) == {("FRA", "PER", "Mirage 2000", "delivery")}


def test_unmanned_aerial_vehicles_make_an_ambiguous_name_a_system() -> None:
    keys = _keys("Jakarta ordered 12 ANKA unmanned aerial vehicles from Turkey in 2023.")
    assert keys == {("TUR", "IDN", "Anka", "agreement")}


def test_a_memorandum_yet_to_become_an_order_is_interest_of_its_year() -> None:
    [event] = _events(
        "A 2021 memorandum with Boeing for up to 24 F-15EX fighters for Indonesia has yet to "
        "turn into a firm order."
    )
    assert (event.stage, event.event_date) == ("interest", "2021")


def test_what_a_force_has_long_flown_is_not_delivered_with_the_new_jets() -> None:
    text = (
        "In May the Ghanaian air force inducted three K-8 trainers bought from China, and it has "
        "flown Russian-made Mi-17 helicopters for years."
    )
    assert _keys(text) == {("CHN", "GHA", "K-8", "delivery")}


def test_its_air_force_is_the_state_named_before() -> None:
    text = (
        "Togo bought two Z-9 helicopters from China in 2019. Ghana's president praised the "
        "pilots on Monday. In May its air force inducted three K-8 trainers bought from China."
    )
    assert ("CHN", "GHA", "K-8", "delivery") in _keys(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "No part of the S-300 system has yet arrived in Cyprus from Russia.",
        "(3) Has Australia sought to buy F-22 Raptor jets from the United States.",
    ],
)
def test_a_negated_arrival_and_a_numbered_question_assert_nothing(sentence: str) -> None:
    assert _events(sentence) == []


def test_deliveries_worldwide_are_neither_a_delivery_nor_a_count_of_the_order() -> None:
    events = _events(
        "Poland ordered 48 F-16 jets in 2003. More than 4,000 of the aircraft have been "
        "delivered worldwide."
    )
    assert [(e.recipient, e.stage, e.quantity) for e in events] == [("POL", "agreement", 48)]


def test_open_to_sending_is_interest_and_a_dismissal_is_a_reaction() -> None:
    open_to = 'Madrid said it was "open" to sending some of its Leopard 2A4 tanks to Ukraine.'
    assert _keys(open_to) == {("ESP", "UKR", "Leopard 2A4", "interest")}
    dismissed = "Moscow dismissed the Western deliveries of Leopard 2 tanks to Ukraine as a bluff."
    assert _events(dismissed) == []


def test_a_force_named_on_its_aircraft_deploys_them() -> None:
    text = (
        "Six RAAF F-35A jets have been flying from Eielson Air Force Base since May in Red "
        "Flag Alaska, the US Air Force's large annual air combat exercise."
    )
    assert _keys(text) == {("AUS", "USA", "F-35A", "deployment")}


def test_what_is_fired_or_fired_at_is_not_deployed() -> None:
    text = (
        "US Patriot batteries deployed in Saudi Arabia have fired at Scud missiles since January."
    )
    assert _keys(text) == {("USA", "SAU", "Patriot", "deployment")}


def test_next_week_is_still_to_come() -> None:
    text = (
        "Ottawa says six CF-18 jets will leave for Romania next week to take part in NATO drills."
    )
    assert _events(text) == []


def test_an_accented_name_is_reported_by_its_plain_designation() -> None:
    keys = _keys("The Turkish army ordered 350 T-155 Fırtına howitzers from MKEK in 2002.")
    assert {system for _, _, system, _ in keys} == {"T-155 Firtina"}


def test_sent_and_returned_is_a_deployment_and_a_veto_a_cancellation() -> None:
    visit = "Two Russian Su-57 fighters were sent to Syria in February 2018 and returned home."
    assert _keys(visit) == {("RUS", "SYR", "Su-57", "deployment")}
    veto = "In 1977 the Carter administration vetoed a sale of 24 Israeli Kfir jets to Ecuador."
    assert _keys(veto) == {("ISR", "ECU", "Kfir", "cancellation")}


def test_a_report_dismissed_after_the_fact_asserts_nothing() -> None:
    text = (
        "Reports that Algeria had also bought Su-35 fighters from Russia were dismissed by Moscow."
    )
    assert _events(text) == []
    unconfirmed = "Reports that Algeria has also bought Russian S-400 systems remain unconfirmed."
    assert _events(unconfirmed) == []


def test_a_deal_named_by_what_befell_it_is_not_the_act() -> None:
    text = (
        "Algeria has received all 28 Su-30MKA jets of the first batch, partly as compensation "
        "for the abandoned MiG order."
    )
    assert _keys(text) == {("RUS", "DZA", "Su-30MKA", "delivery")}


def test_a_participle_on_the_subject_tells_the_earlier_act() -> None:
    events = _events(
        "Hungary's army is modernising. The 44 Leopard 2A7 tanks bought from Germany in 2018 "
        "were delivered between May 2022 and March 2023."
    )
    found = {(e.stage, e.quantity, e.event_date) for e in events}
    assert found == {("agreement", 44, "2018"), ("delivery", 44, "2022-05")}


def test_a_numbered_question_about_all_of_them_asserts_nothing() -> None:
    assert (
        _events("(3) Have all M1A1 tanks been delivered to Australia by the United States.") == []
    )


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "A Russian An-124 carrying the first S-400 parts landed at Murted on Friday.",
            ("RUS", "TUR", "S-400", "delivery"),
        ),
        (
            (
                "Three more Rafale jets from France landed at Jamnagar for India on Wednesday, "
                "refuelled in the air by a UAE Air Force Airbus A330 MRTT."
            ),
            ("FRA", "IND", "Rafale", "delivery"),
        ),
        (
            (
                "Pakistan took delivery of 320 T-80UD tanks from Ukraine in 1997, giving it an "
                "edge over India's ageing T-72M1 fleet."
            ),
            ("UKR", "PAK", "T-80UD", "delivery"),
        ),
    ],
)
def test_carriers_tankers_and_rivals_are_not_transferred(
    text: str, key: tuple[str, str, str, str]
) -> None:
    events = _events("Turkey bought the S-400 from Russia. " + text)
    found = {(e.supplier, e.recipient, e.system, e.stage) for e in events if e.stage != "agreement"}
    assert found == {key}


def test_a_programme_a_buyer_takes_part_in_is_not_what_it_buys() -> None:
    text = (
        "Ankara's decision to purchase Russian S-400 systems ends its involvement with the "
        "F-35, officials said."
    )
    assert {system for _, _, system, _ in _keys(text)} <= {"S-400"}


def test_soviet_era_stock_is_handed_on_by_its_holder() -> None:
    text = (
        "Slovakia is a close ally of Kyiv. Dozens of Soviet-era BMP-1 vehicles were handed over "
        "to Ukraine in May."
    )
    assert _keys(text) == {("SVK", "UKR", "BMP-1", "delivery")}


def test_annulling_a_contract_cancels_it() -> None:
    text = "Moscow and Algiers agreed on Monday to annul the contract for 34 MiG-29SMT fighters."
    assert _keys(text) == {("RUS", "DZA", "MiG-29SMT", "cancellation")}


def test_the_package_contents_take_the_day_the_package_was_signed() -> None:
    text = (
        "ALGIERS, March 11 -- Algeria will buy Russian arms under agreements signed during a "
        "visit to Algiers on Friday, sources said on Saturday.\n\n"
        "According to Rosoboronexport, the package comprises 28 Su-30MKA fighters and 16 "
        "Yak-130 trainers."
    )
    events = process_document(
        RawDocument(id="t", source="t", text=text, published=dt.date(2006, 3, 11))
    ).events
    assert {(e.system, e.event_date) for e in events} == {
        ("Su-30MKA", "2006-03-10"),
        ("Yak-130", "2006-03-10"),
    }


@pytest.mark.parametrize(
    ("deal", "contents"),
    [
        ("package", "The package covered 28 Su-30MKA fighters and 16 Yak-130 trainers."),
        ("contract", "The contract included 28 Su-30MKA fighters and 16 Yak-130 trainers."),
    ],
)
def test_a_past_deal_s_contents_take_the_month_it_was_signed(deal: str, contents: str) -> None:
    text = (
        "Moscow and Algiers agreed on Monday to annul the MiG-29SMT order. The MiG order was "
        f"part of a {deal} with Russia signed in March 2006 in Algiers. {contents}"
    )
    events = process_document(
        RawDocument(id="t", source="t", text=text, published=dt.date(2008, 2, 20))
    ).events
    dates = {e.system: e.event_date for e in events if e.stage == "agreement"}
    assert dates == {"Su-30MKA": "2006-03", "Yak-130": "2006-03"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paris angered Beijing when it agreed to sell Taipei six La Fayette-class frigates.",
            {("FRA", "TWN", "La Fayette-class", "agreement")},
        ),
        (
            "The contract for the S-300 system, signed with Moscow in 1997, infuriated Ankara.",
            set(),
        ),
    ],
)
def test_a_state_a_deal_stirs_is_no_party(
    text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lisbon may reconsider replacing its F-16s with F-35s given doubts over Washington.",
            set(),
        ),
        ("Ukraine has been given 14 Leopard 2A4 tanks by Poland.", {("POL", "UKR")}),
        ("The 14 Leopard 2A4 tanks given to Ukraine by Poland arrived.", {("POL", "UKR")}),
    ],
)
def test_given_as_a_preposition_hands_nothing_over(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(e.supplier, e.recipient) for e in _events(text)} == expected


def test_a_second_variant_of_one_maker_does_not_rename_the_first() -> None:
    events = _events("Algeria ordered 34 MiG-29SMT and MiG-29UBT fighters from Russia.")
    assert [(e.system, e.quantity) for e in events] == [("MiG-29SMT", 34)]


def test_a_variant_that_adds_to_the_family_name_still_refines_it() -> None:
    events = _events(
        "Morocco ordered 24 M1 Abrams tanks from the United States in March. "
        "The M1A2 Abrams tanks were ordered in March, officials said."
    )
    assert [e.system for e in events] == ["M1A2 Abrams"]


def test_that_package_takes_the_date_nearest_its_signing() -> None:
    text = (
        "The two governments agreed last week to cancel the MiG part of an arms package "
        "signed during a visit to Algiers by the Russian president in March 2006. "
        "Under that package Algeria ordered 28 Su-30MKA fighters from Russia."
    )
    events = process_document(
        RawDocument(id="t", source="t", text=text, published=dt.date(2008, 2, 20))
    ).events
    assert [(e.system, e.event_date) for e in events if e.stage == "agreement"] == [
        ("Su-30MKA", "2006-03")
    ]


def test_a_dated_second_clause_keeps_its_date_before_its_subject() -> None:
    events = _events(
        "In 2011 Hanoi took delivery of two Gepard 3.9 frigates from Russia, and in 2012 it "
        "ordered an additional two."
    )
    assert {e.stage: e.event_date for e in events} == {"delivery": "2011", "agreement": "2012"}


@pytest.mark.parametrize("cue", ["Hours later", "Within hours", "Later that day"])
def test_hours_later_is_the_day_of_the_act_told_before(cue: str) -> None:
    events = _events(
        "Indonesia signed a contract for 42 Rafale fighters with France on Thursday. "
        f"{cue}, the US State Department approved a possible sale of 36 F-15ID fighters "
        "to Indonesia."
    )
    assert {e.system: e.event_date for e in events} == {
        "Rafale": "2023-01-19",
        "F-15ID": "2023-01-19",
    }


def test_a_gapped_subject_acts_on_its_own_system() -> None:
    keys = _keys(
        "Pakistan has deployed JF-17 aircraft, Qatar Rafale aircraft and Azerbaijan MiG-29 "
        "aircraft to Konya in Turkey for the exercise."
    )
    assert keys == {
        ("PAK", "TUR", "JF-17", "deployment"),
        ("QAT", "TUR", "Rafale", "deployment"),
        ("AZE", "TUR", "MiG-29", "deployment"),
    }


def test_a_relative_clause_on_an_unnamed_noun_is_not_about_the_named_system() -> None:
    keys = _keys(
        "Madrid would send four Hawk launchers to Ukraine, adding to the anti-aircraft guns "
        "it has already provided."
    )
    assert keys == {("ESP", "UKR", "MIM-23 Hawk", "agreement")}


@pytest.mark.parametrize(
    ("sentence", "supplier"),
    [
        ("Warsaw said on Thursday it would hand over four MiG-29s to Ukraine.", "POL"),
        ("Slovakia's government approved on Friday giving Ukraine its 13 MiG-29 jets.", "SVK"),
    ],
)
def test_a_state_pledging_its_own_jets_supplies_them(sentence: str, supplier: str) -> None:
    assert _keys(sentence) == {(supplier, "UKR", "MiG-29", "agreement")}


def test_postponing_a_decision_cancels_nothing() -> None:
    sentence = (
        "Stockholm has decided to postpone a decision on the Gripen jets for Ukraine so as not "
        "to complicate the introduction of F-16s."
    )
    assert not any(e.stage == "cancellation" for e in _events(sentence))


def test_a_place_receives_only_what_arrives_there() -> None:
    text = (
        "Israel asked for more bombs. Washington withheld 1,800 MK-84 bombs in May over "
        "concerns about their use in Rafah."
    )
    assert _keys(text) == {("USA", "ISR", "MK-84", "cancellation")}


def test_each_item_of_an_announced_list_is_an_event() -> None:
    text = (
        "Washington authorized a new drawdown of arms for Ukraine on Wednesday. "
        "The new package for Ukraine includes the following capabilities:\n"
        "- 200 M113 armored personnel carriers;\n"
        "- 500 Javelin missiles.\n"
    )
    keys = {(e.supplier, e.recipient, e.system, e.quantity) for e in _events(text)}
    assert keys == {("USA", "UKR", "M113", 200), ("USA", "UKR", "Javelin", 500)}


def test_a_delivery_schedule_is_no_delivery() -> None:
    text = (
        "Ukraine ordered 37 Javelin missiles from the United States. Officials cautioned that "
        "delivery schedules for the Javelin missiles had been set."
    )
    assert {e.stage for e in _events(text)} == {"agreement"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Romania's air force flies 17 F-16s bought second-hand in 2013.", set()),
        (
            "Romania bought 17 second-hand F-16s from Portugal in 2013.",
            {("PRT", "ROU", "F-16", "agreement")},
        ),
    ],
)
def test_a_second_hand_system_is_sold_by_its_last_owner_not_its_maker(
    sentence: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert _keys(sentence) == expected


def test_ending_talks_on_a_purchase_cancels_it() -> None:
    sentence = (
        "Warsaw on Tuesday ended talks with France on the purchase of 50 H225M Caracal "
        "helicopters, saying the two sides had failed to agree on offsets."
    )
    assert _keys(sentence) == {("FRA", "POL", "H225M", "cancellation")}


def test_a_named_system_takes_the_date_of_the_act_told_on_unnamed_ones() -> None:
    text = (
        "Bangladesh took delivery of two refurbished Chinese submarines on Monday.\n\n"
        "The navy chief received the Type 035G boats at a ceremony in Dalian."
    )
    events = process_document(
        RawDocument(id="t", source="t", text=text, published=dt.date(2016, 11, 14))
    ).events
    assert [(e.system, e.stage, e.event_date) for e in events] == [
        ("Type 035", "delivery", "2016-11-14")
    ]


def test_the_source_of_a_report_is_no_party() -> None:
    text = (
        "Caracas builds Iranian drones. Tehran agreed in 2007 to let Cavim build the Mohajer-2 "
        "under licence, according to a U.S. diplomatic cable."
    )
    assert _keys(text) == {("IRN", "VEN", "Mohajer-2", "agreement")}


def test_buyers_counted_but_not_named_take_no_earlier_state() -> None:
    text = (
        "Saudi Arabia signed for Akinci drones from Turkey. Baykar's smaller Bayraktar TB2 "
        "has been sold to more than 30 countries."
    )
    assert ("TUR", "SAU", "Bayraktar TB2", "agreement") not in _keys(text)


@pytest.mark.parametrize("subject", ["Poland", "Poland, a NATO member,"])
def test_a_named_subject_s_irregular_verb_opens_a_clause_of_its_own(subject: str) -> None:
    text = (
        "Kuwait signed a contract for Bayraktar TB2 drones from Turkey in January, and "
        f"{subject} took delivery of its first Bayraktar TB2 drones in October."
    )
    assert {(e.recipient, e.stage, e.event_date) for e in _events(text)} == {
        ("KWT", "agreement", "2023-01"),
        ("POL", "delivery", "2022-10"),
    }


@pytest.mark.parametrize("body", ["voters", "parliament", "cabinet"])
def test_a_nation_s_voters_or_parliament_act_for_it(body: str) -> None:
    sentence = f"Swiss {body} on Sunday rejected the purchase of 22 Gripen E jets from Sweden."
    assert _keys(sentence) == {("SWE", "CHE", "Gripen E/F", "cancellation")}


def test_two_variants_counted_apart_are_two_events() -> None:
    events = _events(
        "Poland signed for 105 Leopard 2A5 tanks and 14 Leopard 2A4 tanks from Germany's "
        "surplus stocks."
    )
    assert sorted((e.system, e.quantity) for e in events) == [
        ("Leopard 2A4", 14),
        ("Leopard 2A5", 105),
    ]


def test_jets_retired_by_a_state_s_air_force_are_sold_by_that_state() -> None:
    sentence = (
        "In 2013 Buenos Aires agreed to buy 16 Mirage F1 fighters being retired by the Spanish "
        "air force, but the deal fell through last year."
    )
    assert {e.supplier for e in _events(sentence)} == {"ESP"}


def test_a_maker_named_after_a_list_made_only_its_last_item() -> None:
    events = _events(
        "Riyadh ordered 72 Tornado jets from Britain, 30 Hawk trainers and 30 PC-9 turboprop "
        "trainers built by Switzerland's Pilatus."
    )
    assert {(e.supplier, e.system) for e in events if e.supplier == "CHE"} == {("CHE", "PC-9")}


def test_a_losing_bidder_sells_nothing() -> None:
    sentence = (
        "Naval Group's Shortfin Barracuda design was chosen by Australia in April 2016, ahead "
        "of bids from Germany's TKMS and a Japanese consortium."
    )
    assert {e.supplier for e in _events(sentence)} == {"FRA"}


def test_jets_from_a_state_s_own_order_go_to_that_state() -> None:
    sentence = (
        "Saudi Arabia asked for help. Among the items now held back are the last Mirage F1 "
        "jets from Iraq's most recent order, which Dassault had been readying for delivery."
    )
    assert _keys(sentence) == {("FRA", "IRQ", "Mirage F1", "cancellation")}


@pytest.mark.parametrize(
    ("sentence", "delivered", "ordered"),
    [
        (
            (
                "The Peruvian air force received its first six MiG-29 fighters from Russia in May, "
                "out of 18 ordered in 1996."
            ),
            (6, "2022-05"),
            (18, "1996"),
        ),
        (
            (
                "In March the Nigerian navy commissioned NNS Unity, the first of two P18N patrol "
                "ships ordered from China in 2012."
            ),
            (1, "2022-03"),
            (2, "2012"),
        ),
    ],
)
def test_a_counted_order_told_by_a_participle_is_a_deal_of_its_own(
    sentence: str, delivered: tuple[int, str], ordered: tuple[int, str]
) -> None:
    events = {e.stage: e for e in _events(sentence)}
    assert (events["delivery"].quantity, events["delivery"].event_date) == delivered
    assert (events["agreement"].quantity, events["agreement"].event_date) == ordered


@pytest.mark.parametrize(
    "sentence",
    [
        "Washington approved the transfer of F-16 fighters from Norway to Romania last week.",
        "Paris gave its consent to the re-export of the French-designed Mirage jets to Peru.",
        (
            "Because the Gripen jets are Swedish-built, the sale to Colombia required the approval "
            "of Sweden."
        ),
    ],
)
def test_a_designer_consenting_to_a_re_export_sells_nothing(sentence: str) -> None:
    assert _events(sentence) == []


def test_a_designer_that_sends_its_own_while_allowing_re_exports_still_sends() -> None:
    assert ("DEU", "UKR", "Leopard 2", "agreement") in _keys(
        "Berlin said on Wednesday it would send 14 Leopard 2 tanks to Ukraine and allow "
        "other states to re-export theirs."
    )


def test_a_designer_s_own_export_approval_is_a_deal() -> None:
    assert _keys("The State Department approved the sale of 16 F-16 fighters to Argentina.") == {
        ("USA", "ARG", "F-16", "agreement")
    }


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        (
            (
                "France, which has kept an arms embargo on Chile since 1990, blocked a proposed "
                "sale of Italian M-346 jets in 2015."
            ),
            ("ITA", "CHL", "M-346", "cancellation"),
        ),
        (
            (
                "Germany, which keeps an arms embargo against Bolivia, vetoed a proposed sale of "
                "Spanish C-295 aircraft in 2019."
            ),
            ("ESP", "BOL", "C-295", "cancellation"),
        ),
    ],
)
def test_the_state_that_blocks_another_s_sale_is_not_its_buyer(
    sentence: str, key: tuple[str, str, str, str]
) -> None:
    assert _keys(sentence) == {key}


def test_the_maker_of_a_part_is_not_the_buyer_of_a_blocked_sale() -> None:
    assert ("ESP", "USA", "C-295", "cancellation") not in _keys(
        "The ban blocked a Spanish deal to supply 12 C-295 planes that contained U.S. technology."
    )


def test_a_later_sentence_that_dates_the_deal_dates_it() -> None:
    [event] = _events(
        "Two weeks after Manila signed its first contract for the BrahMos missile, we met the "
        "navy chief. Answers have been condensed. The contract with the Indian-Russian joint "
        "venture was signed on 28 December."
    )
    assert (event.stage, event.event_date) == ("agreement", "2022-12-28")


def test_a_reference_whose_own_clause_dates_the_act_beats_the_report_s_month() -> None:
    events = {
        e.stage: e
        for e in _events(
            "Malaysia has commissioned its 18 MiG-29N fighters. The aircraft, ordered from "
            "Russia in June 1994, were delivered in 1995."
        )
    }
    assert events["delivery"].event_date == "1995"
    assert events["agreement"].event_date == "1994-06"


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran has shipped more than 2,000 containers of artillery shells to Russia since March.",
        "The Netherlands delivered 10,000 artillery shells to Ukraine last week, Kyiv said.",
    ],
)
def test_unnamed_ammunition_delivered_to_a_named_state_is_a_delivery(sentence: str) -> None:
    [event] = _events(sentence)
    assert (event.system, event.category, event.stage) == (None, "other", "delivery")


def test_ammunition_flown_in_with_named_systems_goes_with_no_troops() -> None:
    keys = _keys(
        "A US aircraft carrying 80 tonnes of ammunition and Javelin missiles landed at "
        "Boryspil airport in Ukraine on Wednesday."
    )
    assert ("USA", "UKR", "Javelin", "delivery") in keys


def test_ammunition_with_no_destination_named_is_not_reported() -> None:
    assert _events("Officials said weapons and ammunition had been loaded onto the ship.") == []


def test_states_listed_as_the_subject_of_talks_each_talk() -> None:
    keys = _keys("Malaysia and Thailand have also held talks with New Delhi on acquiring BrahMos.")
    assert {("IND", "MYS", "BrahMos", "interest"), ("IND", "THA", "BrahMos", "interest")} <= keys


def test_states_listed_as_the_subject_of_another_verb_do_not_buy() -> None:
    keys = _keys(
        "Days after Bahrain and Egypt cut links with Doha, Qatar signed a deal for 36 F-15QA "
        "fighters with the United States."
    )
    assert ("USA", "BHR", "F-15QA", "agreement") not in keys


def test_a_first_batch_that_is_signed_for_is_an_order_not_a_delivery() -> None:
    events = {
        e.stage: e
        for e in _events(
            "India signed for its first batch of 18 Su-30 fighters from Russia in 1996, and the "
            "aircraft arrived in 1997."
        )
    }
    assert (events["agreement"].quantity, events["agreement"].event_date) == (18, "1996")
    assert events["delivery"].event_date == "1997"


def test_a_state_where_systems_are_still_to_be_built_is_no_seller() -> None:
    keys = _keys(
        "Germany delivered 20 Leopard 2 tanks to France in May. On Monday the two leaders"
        " also signed agreements for four Scorpene submarines to be built in Brazil."
    )
    assert ("FRA", "BRA", "Scorpene", "agreement") in keys


@pytest.mark.parametrize(
    ("text", "stages"),
    [
        # The batch is the second object of the order.
        (
            "In 2005 Bolivia ordered 20,000 rifles and a first batch of Mi-17 helicopters.",
            {"agreement"},
        ),
        # A new clause after a comma tells of the batch's arrival.
        (
            (
                "A contract for 30 Mi-17 helicopters followed in 2005, and the first batch of"
                " them reached Bolivia last year."
            ),
            {"agreement", "delivery"},
        ),
    ],
)
def test_a_first_batch_listed_after_an_order_is_ordered(text: str, stages: set[str]) -> None:
    assert {e.stage for e in _events(text) if e.system == "Mi-17"} == stages


def test_ships_described_as_ordered_by_their_buyer_tell_no_deal_of_that_day() -> None:
    events = _events(
        "France on Tuesday suspended the delivery of the first of two Mistral helicopter "
        "carriers ordered by Russia."
    )
    assert all(e.stage != "agreement" or e.event_date != "2023-01-17" for e in events)


def test_each_system_of_a_list_takes_the_date_right_after_it() -> None:
    dates = {
        e.system: e.event_date
        for e in _events(
            "Moscow delivered Iskander missiles to Armenia in 2016 and four Su-30SM fighters at "
            "the start of this year."
        )
    }
    assert dates == {"Iskander": "2016", "Su-30SM": "2023"}


def test_a_date_another_verb_takes_is_not_the_system_s_own() -> None:
    [event] = _events(
        "The Su-27 entered Russian service in 1985, and China has built it under licence as "
        "the J-11 since a 1996 agreement with Sukhoi."
    )
    assert (event.recipient, event.event_date) == ("CHN", "1996")


def test_a_named_ship_is_one_of_its_class() -> None:
    [event] = _events("The Pakistani navy commissioned PNS Tughril in Shanghai on Monday.")
    assert (event.supplier, event.system, event.stage, event.quantity) == (
        "CHN",
        "Type 054A/P",
        "delivery",
        1,
    )


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Brazil bought HMS Ocean from Britain for 84 million pounds in 2018.", "agreement"),
        ("India signed a deal with Russia for INS Vikramaditya in 2004.", "agreement"),
    ],
)
def test_a_ship_named_in_a_deal_is_one_ship(sentence: str, stage: str) -> None:
    [event] = _events(sentence)
    assert (event.stage, event.quantity) == (stage, 1)


def test_a_named_ship_first_of_its_class_counts_one_and_its_order_all() -> None:
    events = {
        e.stage: e
        for e in _events(
            "In November the Pakistani navy commissioned PNS Tughril, the first of four "
            "Type 054A/P frigates ordered from China in 2017."
        )
    }
    assert (events["delivery"].quantity, events["agreement"].quantity) == (1, 4)


def test_a_state_named_as_giver_is_no_fallback_receiver() -> None:
    keys = _keys(
        "Germany announced that it would send seven PzH 2000 howitzers to Ukraine, "
        "adding to five promised by the Netherlands."
    )
    assert keys == {("DEU", "UKR", "PzH 2000", "agreement")}
    # Without a named receiver the giver of the other five receives nothing.
    assert ("DEU", "NLD", "PzH 2000", "agreement") not in _keys(
        "Ukraine welcomed the news. Germany said it would send seven PzH 2000 howitzers, "
        "adding to five promised by the Netherlands."
    )


def test_a_receiver_list_stops_where_the_next_clause_begins() -> None:
    keys = _keys(
        "The United States will send 50 Bradley Fighting Vehicles to Ukraine and Germany "
        "will supply 40 Marder vehicles."
    )
    assert ("USA", "UKR", "Bradley", "agreement") in keys
    assert not any(recipient == "DEU" for _, recipient, _, _ in keys)
    # A list of receivers still gives one event each.
    assert _keys("The United States will send M2 Bradley vehicles to Ukraine and Poland.") == {
        ("USA", "UKR", "Bradley", "agreement"),
        ("USA", "POL", "Bradley", "agreement"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        (
            "In 2013 Moscow froze an earlier deal to supply S-300s to Damascus after lobbying "
            "by Israel and Western governments."
        ),
        "Moscow froze an earlier deal to supply S-300s to Damascus under pressure from Israel.",
    ],
)
def test_a_state_that_pressed_for_a_halt_sells_nothing(sentence: str) -> None:
    assert not any(supplier == "ISR" for supplier, _, _, _ in _keys(sentence))
    assert ("RUS", "SYR", "S-300", "cancellation") in _keys(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A negation before a pair of states, whose "and" breaks the clause.
        (
            '"There are no talks between Vietnam and the United States on the purchase of '
            'F-16 aircraft," a ministry spokesman said.'
        ),
        # Any buyer, none named, after a sentence whose receiver could stand in.
        "India received Su-30MKI jets. A country that buys S-400 systems risks sanctions.",
        "India received Su-30MKI jets. Analysts say a country that buys S-400 systems pays.",
        "India received Su-30MKI jets. Countries that bought Su-35 jets, analysts say, are few.",
    ],
)
def test_no_event_is_asserted(sentence: str) -> None:
    assert not {key for key in _keys(sentence) if key[2] != "Su-30MKI"}


def test_a_delivery_noun_is_future_past_an_aside() -> None:
    text = (
        "Saudi Arabia ordered 84 F-15SA jets from the United States. Deliveries of the "
        "F-15SA, an advanced derivative of the F-15E Strike Eagle, are not expected to "
        "start until 2015."
    )
    assert _keys(text) == {("USA", "SAU", "F-15SA", "agreement")}
    text = (
        "Iraq ordered 36 F-16 jets from the United States. Iraqi officials have complained "
        "that delivery of US-built F-16 fighters, now expected in the autumn, has been too slow."
    )
    assert _keys(text) == {("USA", "IRQ", "F-16", "agreement")}


def test_states_contributing_troops_deploy_them() -> None:
    text = (
        "The first Russian paratroopers landed in Kazakhstan on Thursday. Belarus, Armenia "
        "and Kyrgyzstan are also contributing troops, the alliance said."
    )
    assert {(e.supplier, e.recipient, e.stage) for e in _events(text)} == {
        ("RUS", "KAZ", "deployment"),
        ("BLR", "KAZ", "deployment"),
        ("ARM", "KAZ", "deployment"),
        ("KGZ", "KAZ", "deployment"),
    }
    # Contributing money is no deployment.
    assert not _events("Belarus and Armenia are also contributing funds to the Kazakh army.")


def test_systems_that_sailed_for_a_state_were_shipped() -> None:
    text = "Six Spanish Leopard 2A4 tanks sailed for Ukraine from Santander on Tuesday."
    assert _keys(text) == {("ESP", "UKR", "Leopard 2A4", "delivery")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The defence minister sailed for Oman to discuss Leopard 2A4 tanks.",
        "The Omani defence minister arrived in Berlin to discuss Leopard 2A4 tanks.",
        "President Erdogan landed in Moscow on Monday for talks on S-400 systems.",
    ],
)
def test_a_traveller_arriving_delivers_nothing(sentence: str) -> None:
    assert not {key for key in _keys(sentence) if key[3] == "delivery"}


def test_an_act_some_time_before_the_reported_one_is_dated_back() -> None:
    # Published on Friday 2023-01-20; the report's act was on Wednesday.
    text = (
        "Sweden will donate ten Strv 122 tanks to Ukraine, the minister said on Wednesday. "
        "The pledge comes a month after Stockholm said it would send 50 CV90 vehicles."
    )
    dates = {e.system: e.event_date for e in _events(text)}
    assert dates["CV90"] == "2022-12"
    text = (
        "Germany will send Marder vehicles to Ukraine, Berlin said on Wednesday. "
        "The announcement came a day after France promised AMX-10 RC vehicles to Ukraine."
    )
    dates = {e.system: e.event_date for e in _events(text)}
    assert dates["AMX-10 RC"] == "2023-01-17"
    text = (
        "Germany will send Marder vehicles to Ukraine, Berlin said on Wednesday. "
        "The announcement came less than two weeks after France promised AMX-10 RC vehicles."
    )
    assert {e.system: e.event_date for e in _events(text)}["AMX-10 RC"] == "2023-01"


def test_an_act_some_time_after_the_day_before_is_dated_on() -> None:
    text = (
        "Germany granted Poland's request to re-export Leopard 2A4 tanks on January 16. "
        "A day later, Berlin announced that it would send 14 Leopard 2A6 tanks to Ukraine."
    )
    dates = {e.system: e.event_date for e in _events(text)}
    assert dates["Leopard 2A6"] == "2023-01-17"


def test_no_decision_taken_on_offering_offers_nothing() -> None:
    text = "A US official said no decision had been taken on offering THAAD to Saudi Arabia."
    assert not _events(text)


def test_a_maker_named_for_an_earlier_noun_makes_nothing_after_it() -> None:
    text = (
        "Australia will retire its Taipan fleet. The Army's Tiger reconnaissance helicopters, "
        "also made by Airbus, are being replaced by 29 AH-64E Apaches ordered in 2021."
    )
    assert ("USA", "AUS", "AH-64E", "agreement") in _keys(text)
    assert not any(supplier == "FRA" for supplier, _, _, _ in _keys(text))
    # A maker named after its system still sells it.
    text = "Indonesia ordered 12 Rafale jets made by Dassault in 2022."
    assert _keys(text) == {("FRA", "IDN", "Rafale", "agreement")}


def test_home_forces_taking_delivery_of_a_home_design_is_domestic() -> None:
    text = (
        "Saudi Arabia agreed to buy Akinci drones in 2023. The Turkish Air Force took "
        "delivery of its first Akinci drones in August 2021."
    )
    assert ("TUR", "TUR", "Akinci", "delivery") in _keys(text)
    assert ("TUR", "SAU", "Akinci", "delivery") not in _keys(text)
    # A foreign design received at home is no domestic order.
    text = "The Turkish Air Force took delivery of its first S-400 systems in July 2019."
    assert _keys(text) == {("RUS", "TUR", "S-400", "delivery")}


def test_a_deal_cancelled_before_its_systems_are_named_cancels_each() -> None:
    text = (
        "Iraq has cancelled a $4.2 billion arms deal with Russia, a spokesman said on "
        "Saturday. Under the package, agreed in October, Iraq was to buy 30 Mi-28NE "
        "helicopters and 42 Pantsir-S1 systems."
    )
    events = {(e.system, e.stage): e for e in _events(text)}
    assert set(events) == {
        ("Mi-28NE", "agreement"),
        ("Pantsir-S1", "agreement"),
        ("Mi-28NE", "cancellation"),
        ("Pantsir-S1", "cancellation"),
    }
    cancelled = events["Mi-28NE", "cancellation"]
    assert (cancelled.supplier, cancelled.recipient, cancelled.quantity) == ("RUS", "IRQ", 30)
    assert cancelled.event_date == "2023-01"  # said on Saturday: the report's month
    assert cancelled.evidence.startswith("Iraq has cancelled")
    # A later deal between other states is not the one cancelled.
    text = (
        "Iraq has cancelled a $4.2 billion arms deal with Russia. "
        "Egypt agreed to buy 30 Mi-28NE helicopters from Russia."
    )
    assert {e.stage for e in _events(text)} == {"agreement"}


def test_unnamed_operators_weighing_a_system_are_no_buyer() -> None:
    text = (
        "Lithuania signed an agreement for 44 Leopard 2A8 tanks on Monday. Several other "
        "Leopard 2 operators are reported to be weighing the new variant."
    )
    assert _keys(text) == {("DEU", "LTU", "Leopard 2A8", "agreement")}


def test_a_state_whose_own_verb_gives_is_no_fallback_receiver() -> None:
    text = (
        "Ukraine wants more jets. Denmark and the Netherlands made the first pledges last "
        "summer, and Norway, which pledged six F-16s last August, trains pilots."
    )
    keys = _keys(text)
    assert ("NOR", "UKR", "F-16", "agreement") in keys
    assert not any(recipient in {"DNK", "NLD"} for _, recipient, _, _ in keys)


def test_a_relative_aside_tells_a_stage_of_its_own() -> None:
    text = (
        "Egypt, which ordered around 24 Su-35s from Russia in 2018, shelved the purchase "
        "in 2021 under the threat of US sanctions."
    )
    found = {(e.supplier, e.recipient, e.stage, e.event_date, e.quantity) for e in _events(text)}
    # What is shelved is the purchase the sentence counts.
    assert found == {
        ("RUS", "EGY", "agreement", "2018", 24),
        ("RUS", "EGY", "cancellation", "2021", 24),
    }


def test_home_forces_ordering_a_home_design_is_a_domestic_order() -> None:
    text = "The Bundeswehr itself ordered 18 Leopard 2A8 tanks in 2023 to replenish its stocks."
    assert _keys(text) == {("DEU", "DEU", "Leopard 2A8", "agreement")}
    # A foreign design ordered is an import.
    assert _keys("The Bundeswehr ordered 35 F-35A jets in 2022.") == {
        ("USA", "DEU", "F-35A", "agreement")
    }


def test_a_colon_opens_the_clause_whose_verb_governs_the_system() -> None:
    text = (
        "Its neighbours have also been buying German equipment: Estonia and Latvia jointly "
        "ordered IRIS-T SLM air defence systems from Germany in 2023."
    )
    assert _keys(text) == {
        ("DEU", "EST", "IRIS-T SLM", "agreement"),
        ("DEU", "LVA", "IRIS-T SLM", "agreement"),
    }


def test_an_after_gerund_clause_keeps_the_main_act() -> None:
    text = (
        "Poland signed a $4.75 billion contract on Tuesday for 250 M1A2 SEPv3 Abrams tanks, "
        "as it rebuilds its forces after sending Soviet-era equipment to Ukraine."
    )
    assert _keys(text) == {("USA", "POL", "M1A2 SEPv3", "agreement")}


def test_a_far_to_be_does_not_make_the_verb_future() -> None:
    text = "The first F-35A fighter to be based in Japan arrived at Misawa Air Base on Friday."
    assert _keys(text) == {("USA", "JPN", "F-35A", "delivery")}
    assert not _events("The first F-35A fighters are to be delivered to Japan on Friday.")


def test_close_to_a_deal_is_interest() -> None:
    text = "Pakistan is reported to be close to a deal for VT-4 tanks from China."
    assert _keys(text) == {("CHN", "PAK", "VT-4", "interest")}


def test_talks_about_a_package_agree_nothing_beside_a_signing_noun() -> None:
    text = (
        "Hanwha is also in talks with Romania about a similar package of K9 howitzers, an "
        "executive said on the sidelines of the signing."
    )
    assert not {key for key in _keys(text) if key[3] == "agreement"}


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The missile, carried by the RAF's Tornado, weighs around 1,300 kg.", "weighs"),
        ('"These tanks will provide a significant contribution," he said.', "will provide"),
    ],
)
def test_a_weight_or_an_abstract_gift_is_no_trigger(sentence: str, word: str) -> None:
    assert word not in {t.text for t in find_triggers(sentence, load_rules())}
    # The same words still act on what is weighed or given.
    assert "weighs" in {t.text for t in find_triggers("Cairo weighs the Su-35.", load_rules())}
    given = find_triggers("Canberra will provide 49 tanks.", load_rules())
    assert "will provide" in {t.text for t in given}


def test_a_state_willing_to_supply_has_agreed_nothing() -> None:
    text = (
        "Tehran has long sought Su-35 fighter jets from Moscow, and officials believe Russia "
        "might now be more willing to supply them."
    )
    assert _keys(text) == {("RUS", "IRN", "Su-35", "interest")}


def test_the_maker_of_the_carrier_supplies_nothing() -> None:
    text = (
        "Uganda received two Su-30MK2 jets from Russia in July. The jets were flown in aboard "
        "a Russian Antonov cargo plane in August."
    )
    assert not any(supplier == "UKR" for supplier, _, _, _ in _keys(text))


def test_soldiers_taking_part_in_a_course_deploy_nothing() -> None:
    text = "Spain trained Ukrainian crews. About 55 Ukrainian soldiers took part in the course."
    assert not _events(text)
    drill = "About 300 Polish soldiers took part in the Saber Strike exercise in Lithuania."
    assert _keys(drill) == {("POL", "LTU", None, "deployment")}


def test_a_participle_after_newly_describes_its_noun_and_tells_no_act() -> None:
    text = (
        "The exercise, running to November 12, will see the French jets fly alongside IAF"
        " Su-30MKI and Jaguar aircraft, as well as the newly inducted LCH Prachand helicopters."
    )
    assert _events(text) == []
    assert {e.stage for e in _events("India inducted 15 LCH Prachand helicopters in 2022.")} == {
        "delivery"
    }


def test_a_later_clause_that_negotiates_the_purchase_tells_interest_on_its_own_date() -> None:
    text = (
        "Norway ordered 54 Leopard 2A7NO tanks in February 2023, and Lithuania is negotiating"
        " the purchase of 44 Leopard 2A8s."
    )
    found = {(e.recipient, e.stage, e.event_date, e.quantity) for e in _events(text)}
    assert found == {("NOR", "agreement", "2023-02", 54), ("LTU", "interest", "2023-01", 44)}


def test_the_same_month_in_a_later_clause_is_the_month_of_the_date_before() -> None:
    text = (
        "Turkey took delivery of the first S-400 components on July 12, 2019, and Washington"
        " removed it from the F-35 fighter programme the same month."
    )
    dates = {(e.system, e.stage): e.event_date for e in _events(text)}
    assert dates == {("S-400", "delivery"): "2019-07-12", ("F-35", "cancellation"): "2019-07"}
    assert ("USA", "TUR", "F-35", "cancellation") in _keys(text)  # "it" is Turkey


def test_a_state_that_opens_a_clause_of_its_own_receives_nothing_of_the_first() -> None:
    text = (
        "Germany has already sent three Patriot systems to Ukraine, and the Netherlands has"
        " supplied launchers and missiles."
    )
    assert _keys(text) == {("DEU", "UKR", "Patriot", "delivery")}
    text = (
        "Ukraine has received its first F-16s. Norway pledged six F-16s last August, and"
        " Belgium committed in May to supply 30 of the jets."
    )
    assert ("NOR", "UKR", "F-16", "agreement") in _keys(text)
    assert not {k for k in _keys(text) if "BEL" in k[:2]}


def test_a_state_contracting_its_own_industry_orders_for_itself() -> None:
    text = (
        "ANKARA - Turkey's defence procurement agency signed a contract on Friday with BMC for"
        " the serial production of the Altay main battle tank."
    )
    [event] = _events(text)
    assert (event.supplier, event.recipient, event.stage) == ("TUR", "TUR", "agreement")
    assert "trigger:agreement:signed" in event.rules  # not the agency's "procurement"
    text = "Russia signed a contract with India's HAL for the licence production of 140 Su-30MKIs."
    assert _keys(text) == {("RUS", "IND", "Su-30MKI", "agreement")}


def test_a_later_clause_with_a_subject_and_a_date_of_its_own_keeps_to_its_parties() -> None:
    text = (
        "The air force took delivery of eight AW109 Power helicopters from Italy's"
        " AgustaWestland in 2015, and in February last year Manila ordered 16 S-70i Black Hawk"
        " helicopters built by Lockheed Martin's PZL Mielec plant in Poland."
    )
    found = {(e.supplier, e.recipient, e.system, e.stage, e.event_date) for e in _events(text)}
    assert ("POL", "PHL", "S-70", "agreement", "2022-02") in found
    assert not {f for f in found if f[2] == "S-70" and f[0] == "ITA"}


@pytest.mark.parametrize("kind", ["acceptance", "familiarisation"])
def test_a_delivered_jet_s_own_trial_sorties_are_no_deployment(kind: str) -> None:
    text = (
        "The three JF-17 jets were delivered to Nigeria in March and have since been flying"
        f" {kind} sorties."
    )
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_the_rivals_a_winner_was_picked_against_are_no_interest() -> None:
    text = (
        "Jakarta picked the Korean T-50 after a competition against Russia's Yak-130 and the"
        " Czech L-159."
    )
    assert {e.system for e in _events(text)} <= {"T-50"}


def test_a_ship_with_a_name_of_its_own_is_one_unit() -> None:
    text = (
        "In April the Thai navy received the Type 071E landing platform dock HTMS Chang from China."
    )
    assert [e.quantity for e in _events(text)] == [1]
    text = "Egypt took delivery of the FREMM frigate Tahya Misr from France in June 2015."
    assert [e.quantity for e in _events(text)] == [1]
    assert [e.quantity for e in _events("Egypt took delivery of the Rafale jets in July.")] == [
        None
    ]


def test_technology_transferred_hands_over_no_systems() -> None:
    text = (
        "Under a 2008 agreement with France, Brazil is building four Scorpene-class submarines"
        " with technology transferred by Naval Group."
    )
    found = {(e.supplier, e.recipient, e.stage, e.quantity) for e in _events(text)}
    assert found == {("FRA", "BRA", "agreement", 4)}


def test_a_state_reacting_to_a_sale_is_no_party_to_it() -> None:
    text = (
        "The State Department approved on Tuesday a possible $8 billion sale of 66 F-16 Block 70"
        " fighter jets to Taiwan, drawing an immediate warning from Beijing."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("USA", "TWN")}


def test_states_listed_as_the_next_clause_s_subject_receive_nothing() -> None:
    text = (
        "Lithuania hosted the NATO summit in Vilnius. France sent Rafale fighters to reinforce"
        " NATO's Baltic air policing mission, and Denmark and the Netherlands contributed"
        " additional jets."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("FRA", "LTU")}


def test_a_state_reporting_another_s_act_is_no_party_to_it() -> None:
    text = (
        "Iran delivered Shahed-136 drones to Russia in August. Washington says Iran has also"
        " supplied Mohajer-6 drones, a larger type that carries guided bombs."
    )
    assert ("IRN", "RUS", "Mohajer-6", "delivery") in _keys(text)
    assert "USA" not in {e.recipient for e in _events(text)}


def test_an_offer_to_hand_over_hands_nothing_over() -> None:
    text = (
        "Russian officials renewed an offer on Tuesday to hand over the aircraft carrier Admiral"
        " Gorshkov to India free of charge."
    )
    assert not {k for k in _keys(text) if k[3] == "delivery"}


def test_a_verb_joined_to_a_condition_shares_it() -> None:
    text = "Russia will supply the carrier if India pays for its refit and buys MiG-29K jets."
    assert not {k for k in _keys(text) if k[2] == "MiG-29K"}


def test_a_package_of_deals_signed_with_a_seller_is_bought_from_it() -> None:
    text = (
        "Angola has signed a package of arms agreements with Russia worth about $1 billion."
        " The package also includes Mi-17 transport helicopters and spare parts for Angola's"
        " Soviet-era tanks."
    )
    assert ("RUS", "AGO", "Mi-17", "agreement") in _keys(text)
    text = (
        "Spain signed an aid package with Ukraine worth 1 billion euros. The package also"
        " includes Leopard 2A4 tanks."
    )
    assert ("ESP", "UKR", "Leopard 2A4", "agreement") in _keys(text)


def test_the_alliance_a_buyer_is_a_member_of_buys_nothing() -> None:
    text = (
        "Poland will buy 24 Bayraktar TB2 armed drones from Turkey, becoming the first member of"
        " NATO and the European Union to acquire the Turkish-made aircraft."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("TUR", "POL")}


def test_systems_delivered_to_the_subject_s_forces_are_received_by_it() -> None:
    text = (
        "Iraq's air defences, which rely on Russian Pantsir-S1 systems delivered from 2014,"
        " have been a weak point."
    )
    assert _keys(text) == {("RUS", "IRQ", "Pantsir-S1", "delivery")}


def test_a_state_the_deal_answers_is_no_party_to_it() -> None:
    text = (
        "Saudi Arabia has signed an agreement to buy 84 Boeing F-15SA fighter jets, in a deal"
        " officials described as a signal to Iran."
    )
    assert [(e.supplier, e.recipient) for e in _events(text)] == [("USA", "SAU")]
    text = (
        "India signed a contract with Russia for 310 T-90S tanks, ending years of debate over"
        " how to respond to Pakistan's new armour."
    )
    assert [(e.supplier, e.recipient) for e in _events(text)] == [("RUS", "IND")]


def test_a_system_the_buyer_passed_over_is_no_event() -> None:
    text = "Warsaw chose the F-16 in December over the Gripen offered by Saab."
    assert ("SWE", "Gripen") not in {(e.supplier, e.system) for e in _events(text)}
    # An offer on its own is interest.
    text = "Poland is weighing the Gripen offered by Sweden's Saab."
    assert {(e.supplier, e.recipient, e.stage) for e in _events(text)} == {
        ("SWE", "POL", "interest")
    }


def test_states_that_back_a_rival_design_take_no_part() -> None:
    text = (
        "India selected the Rafale in January, and the Rafale beat the Eurofighter Typhoon,"
        " backed by Britain, Germany, Italy and Spain, in a competition that began in 2007."
    )
    assert {(e.supplier, e.recipient, e.system) for e in _events(text)} == {
        ("FRA", "IND", "Rafale")
    }


def test_a_count_of_an_earlier_system_beside_a_named_one_refers_back() -> None:
    text = (
        "Egypt took delivery of its first three Rafale fighter jets on Monday."
        " Egypt signed a deal in February for 24 of the jets, along with a FREMM frigate."
    )
    deals = {(e.system, e.stage) for e in _events(text)}
    assert {("Rafale", "agreement"), ("FREMM", "agreement")} <= deals
    # A count of a kind the sentence names refers to that system.
    text = (
        "Egypt took delivery of its first three Rafale fighter jets on Monday."
        " Egypt signed a deal in February for two of the frigates, along with a FREMM frigate."
    )
    assert ("Rafale", "agreement") not in {(e.system, e.stage) for e in _events(text)}


def test_no_contract_that_has_been_signed_is_no_deal() -> None:
    assert _events("No contract for the Su-35 has been signed with China.") == []
    assert _events("No deal has yet been signed for Su-35 jets with China.") == []
    text = "A contract for the Su-35 has been signed with China."
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("RUS", "CHN", "agreement")
    ]


def test_deliveries_only_hoped_for_are_no_delivery() -> None:
    text = (
        "Greece has also asked the United States for 20 F-35 jets, with first deliveries"
        " hoped for later this decade."
    )
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("USA", "GRC", "interest")
    ]


def test_a_system_after_a_relative_clause_takes_the_main_verb() -> None:
    text = (
        "Ankara, which was removed from the US F-35 programme in 2019 after buying Russian"
        " S-400 air defence systems, has requested 40 new F-16 jets from Washington."
    )
    stages = {(e.system, e.stage) for e in _events(text)}
    assert ("F-16", "interest") in stages
    assert ("F-16", "agreement") not in stages
    # A relative clause about the same aircraft tells both of its acts.
    text = (
        "The Brazilian Air Force, which ordered 28 aircraft in 2014, took delivery of its"
        " first C-390 Millennium in September 2019."
    )
    assert {e.stage for e in _events(text)} == {"agreement", "delivery"}


def test_a_home_company_building_a_foreign_design_under_licence_buys_it() -> None:
    text = (
        "Pakistan received T-80UD tanks from Ukraine in 1997. In December, the two"
        " countries signed an agreement for Hindustan Aeronautics Ltd to build"
        " 140 Su-30MKI fighters under licence."
    )
    assert ("RUS", "IND", "Su-30MKI") in {
        (e.supplier, e.recipient, e.system) for e in _events(text)
    }


def test_a_force_owned_by_a_marked_state_is_no_subject() -> None:
    text = (
        "Santiago agreed last year to buy three Type 23 frigates from Britain's Royal Navy,"
        " and in the same year signed for two Karel Doorman-class frigates from the Netherlands."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("GBR", "CHL"), ("NLD", "CHL")}


def test_a_system_after_a_relative_clause_with_no_verb_of_its_own_is_no_event() -> None:
    text = (
        "The Kremlin, which delivered 29 Tor-M1 air defence systems to Iran in 2007, had long"
        " insisted the S-300 was purely defensive."
    )
    assert {(e.system, e.stage) for e in _events(text)} == {("Tor-M1", "delivery")}


def test_a_target_the_system_engages_is_no_event() -> None:
    text = (
        "Kuwait agreed to buy five Patriot batteries, the system credited with engaging"
        " Iraqi Scud missiles during the war."
    )
    assert {e.system for e in _events(text)} == {"Patriot"}


def test_systems_that_remain_in_service_are_not_deployed() -> None:
    text = (
        "Russia delivered 29 Tor-M1 air defence systems to Iran in 2007, and those remain in"
        " service around nuclear facilities."
    )
    assert {e.stage for e in _events(text)} == {"delivery"}


def test_systems_delivered_abroad_from_home_stocks_are_no_domestic_order() -> None:
    text = (
        "After President Reagan signed a secret finding on January 17, 1986, the Central"
        " Intelligence Agency took over the operation, and 1,000 TOW missiles were delivered"
        " to Iran directly from U.S. stocks in February 1986, the report said."
    )
    assert [(e.supplier, e.recipient) for e in _events(text)] == [("USA", "IRN")]


def test_moving_to_replace_moves_nothing() -> None:
    text = (
        "Venezuela signed a contract on Thursday to buy 24 Su-30MK2 fighter jets from Russia,"
        " as the government moved to replace the air force's ageing US-built F-16s."
    )
    assert {(e.supplier, e.recipient, e.stage) for e in _events(text)} == {
        ("RUS", "VEN", "agreement")
    }


def test_the_system_a_purchase_replaces_is_no_event() -> None:
    text = (
        "Croatia and France signed a contract on Thursday for 12 used Rafale fighter jets,"
        " ending a search for a MiG-21 replacement."
    )
    assert {e.system for e in _events(text)} == {"Rafale"}


def test_a_state_that_completes_a_delivery_supplies_it() -> None:
    text = "The Netherlands has completed the delivery of all 24 F-16 fighter jets to Ukraine."
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("NLD", "UKR", "delivery")
    ]


def test_a_ship_that_sails_into_its_buyers_port_is_delivered() -> None:
    text = (
        "The first of two Sovremenny-class destroyers that China bought from Russia sailed into"
        " the naval base at Dinghai on Tuesday."
    )
    assert ("RUS", "CHN", "delivery") in {(e.supplier, e.recipient, e.stage) for e in _events(text)}


def test_a_state_that_signs_a_letter_of_offer_and_acceptance_buys() -> None:
    text = (
        "Poland signed a deal for Patriot batteries on Wednesday. Romania signed a letter of"
        " offer and acceptance for its first Patriot batteries in November."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("USA", "POL"), ("USA", "ROU")}


def test_a_compass_word_between_in_and_the_state_keeps_the_marker() -> None:
    text = (
        "Dutch Patriot missile batteries arrived in southeastern Turkey on Wednesday to protect"
        " the country, as NATO stepped up deployments ahead of a possible war in Iraq."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("NLD", "TUR")}


def test_a_relative_clause_after_an_opening_condition_states_a_fact() -> None:
    text = (
        "If confirmed, Egypt would become the second foreign customer for the Su-35 after"
        " China, which received 24 of the jets between 2016 and 2018."
    )
    assert [(e.supplier, e.recipient, e.stage, e.quantity) for e in _events(text)] == [
        ("RUS", "CHN", "delivery", 24)
    ]


def test_a_count_of_the_jets_refers_to_the_system_the_sentence_transfers() -> None:
    text = (
        "Japan chose the F-35A in 2011 to replace its ageing F-4EJ Phantom fighters and has"
        " since ordered 42 of the jets."
    )
    ordered = [e for e in _events(text) if e.stage == "agreement"]
    assert [(e.system, e.quantity) for e in ordered] == [("F-35A", 42)]


def test_a_brazilian_city_named_after_porto_is_in_brazil() -> None:
    text = (
        "The first three Russian Mi-35M attack helicopters for the Brazilian Air Force were"
        " formally received at a ceremony at Porto Velho air base on Wednesday."
    )
    assert [(e.supplier, e.recipient) for e in _events(text)] == [("RUS", "BRA")]


def test_a_count_of_the_system_bought_by_a_new_state_is_that_states_order() -> None:
    text = (
        "Iraq signed a deal on Friday to buy South Korea's Cheongung II air defence system."
        " Saudi Arabia ordered ten batteries of the system in February, and the United Arab"
        " Emirates signed for it in January 2022."
    )
    ordered = [
        (e.recipient, e.quantity, e.event_date) for e in _events(text) if e.recipient == "SAU"
    ]
    assert ordered == [("SAU", 10, "2022-02")]


def test_the_source_reporting_an_act_after_it_receives_nothing_another_state_can() -> None:
    text = (
        "North Korea has sent Koksan self-propelled guns, South Korea's military intelligence"
        " said, as well as KN-23 ballistic missiles that Russia has fired at Ukrainian cities."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("PRK", "RUS")}
    text = (
        "Four French Rafale fighters arrived at Air Force Station Jodhpur on Tuesday for the"
        " bilateral exercise, the Indian Air Force said."
    )
    assert {(e.supplier, e.recipient) for e in _events(text)} == {("FRA", "IND")}


@pytest.mark.parametrize(
    "text",
    [
        (
            "India abandoned an earlier tender for 126 aircraft in which the Eurofighter"
            " Typhoon, F-16IN, Gripen and MiG-35 had also competed."
        ),
        (
            "Brazil's earlier competition, in which the Mirage 2000BR, the Su-35 and the F-16"
            " took part, was shelved in 2005."
        ),
    ],
)
def test_the_contenders_of_a_tender_are_no_event_of_it(text: str) -> None:
    assert _events(text) == []


def test_systems_that_took_part_in_a_drill_are_still_deployed() -> None:
    text = "Russia sent two Tu-160 bombers to Venezuela, which took part in joint drills."
    assert [(e.supplier, e.recipient, e.stage) for e in _events(text)] == [
        ("RUS", "VEN", "deployment")
    ]


def test_its_after_a_new_subjects_verb_is_that_subjects() -> None:
    text = (
        "Germany said it would send 500 Stinger missiles to Ukraine. Washington cleared"
        " Estonia, Latvia and Lithuania in January to pass US-made weapons from their own"
        " stocks to Ukraine, and Lithuania handed over its first batch of Stinger missiles."
    )
    handed = [e for e in _events(text) if e.stage == "delivery"]
    assert [(e.supplier, e.recipient) for e in handed] == [("LTU", "UKR")]


def test_two_states_named_as_givers_both_give() -> None:
    text = (
        "Ukraine's air defences grew. A SAMP/T battery supplied jointly by France and Italy"
        " arrived in Ukraine in the summer of 2023."
    )
    delivered = {(e.supplier, e.recipient) for e in _events(text) if e.stage == "delivery"}
    assert delivered == {("FRA", "UKR"), ("ITA", "UKR")}


def test_a_guess_the_sentence_names_outranks_an_earlier_buyer() -> None:
    text = (
        "Poland signed a contract with Hanwha for 48 more K9 howitzers in December. The K9"
        " entered Korean service in 1999, and Turkey has built it under licence as the"
        " T-155 Fırtına since a 2001 agreement with Samsung Techwin."
    )
    dated = {(e.supplier, e.recipient, e.system, e.event_date) for e in _events(text)}
    assert dated == {("KOR", "POL", "K9", "2022-12"), ("KOR", "TUR", "K9", "2001")}


def test_an_earlier_step_of_the_deal_does_not_redate_it() -> None:
    text = (
        "The shipbuilder Navantia said on Wednesday that Qatar has signed the contract for"
        " four Avante 2200 corvettes. The two governments had already agreed the outline of"
        " the deal last April, during a visit to Madrid."
    )
    [event] = _events(text)
    assert (event.recipient, event.stage, event.event_date) == ("QAT", "agreement", "2023-01")


def test_an_act_told_first_without_systems_lends_its_day_to_its_contents() -> None:
    text = (
        "The US administration on Friday notified Congress of five proposed arms sales to "
        "Taiwan worth a combined $6.4 billion.\n\n"
        "The agency also approved 12 Harpoon missiles for Taipei's navy, officials said."
    )
    events = process_document(
        RawDocument(id="t", source="t", text=text, published=dt.date(2010, 1, 30)),
        min_confidence=0.0,
    ).events
    dated = {e.system: (e.event_date, "package-day" in e.rules) for e in events}
    assert dated["Harpoon"] == ("2010-01-29", True)


def test_a_lead_act_dates_only_the_acts_between_its_own_states() -> None:
    text = (
        "The United States on Friday approved arms sales to Taiwan worth $6.4 billion.\n\n"
        "Separately, Russia has sold 12 Su-30MK2 fighters to Vietnam, officials said."
    )
    events = process_document(
        RawDocument(id="t", source="t", text=text, published=dt.date(2010, 1, 30)),
        min_confidence=0.0,
    ).events
    assert [(e.system, e.event_date) for e in events] == [("Su-30MK2", "2010-01")]


def test_a_drill_that_began_on_a_day_does_not_date_the_sending() -> None:
    text = (
        "Russian and Chinese forces began their first joint exercise on Thursday.\n\n"
        "Russia sent about 1,800 troops to China for the drills, officials said."
    )
    events = process_document(
        RawDocument(id="t", source="t", text=text, published=dt.date(2005, 8, 19)),
        min_confidence=0.0,
    ).events
    assert [(e.stage, e.event_date) for e in events] == [("deployment", "2005-08")]


@pytest.mark.parametrize(
    ("sentence", "recipient"),
    [
        ("Bulgarian lawmakers on Friday ratified the agreements to buy eight F-16s.", "BGR"),
        ("Turkish officials said that talks with China on the HQ-9 were continuing.", "TUR"),
    ],
)
def test_a_deal_naming_no_buyer_is_the_state_whose_officials_tell_it(
    sentence: str, recipient: str
) -> None:
    [event] = _events(sentence)
    assert (event.recipient, "officials-state" in event.rules) == (recipient, True)


def test_officials_telling_of_a_delivery_are_not_its_receiver() -> None:
    assert _events("U.S. officials said the first S-400 batteries had been delivered.") == []


def test_lawmakers_questioning_a_sale_are_a_reaction() -> None:
    assert _events("Some U.S. lawmakers have questioned the sale of Su-35 jets to Iran.") == []


def test_a_dateline_names_who_receives_what_no_sentence_names_a_receiver_for() -> None:
    text = (
        "ABUJA, July 23 (Wire) - The first six A-29 Super Tucano aircraft landed at the"
        " air base on Thursday, the air force said."
    )
    [event] = _events(text)
    assert (event.recipient, event.stage, "dateline-state" in event.rules) == (
        "NGA",
        "delivery",
        True,
    )


def test_a_dateline_of_the_sellers_capital_names_no_receiver() -> None:
    text = "WASHINGTON, Jan 5 (Wire) - The first F-16 fighters were delivered on Thursday."
    assert _events(text) == []


def test_declining_to_take_part_in_a_scheme_is_no_drill() -> None:
    [event] = _events(
        "Poland, which has given Ukraine more than 200 T-72 tanks, declined to take part"
        " in the scheme."
    )
    assert (event.supplier, event.recipient, event.stage) == ("POL", "UKR", "delivery")


def test_a_halt_that_spares_an_order_cancels_nothing_and_the_order_stands() -> None:
    keys = _keys(
        "The cancellation does not affect Indonesia's order for 42 Rafale fighters from France."
    )
    assert keys == {("FRA", "IDN", "Rafale", "agreement")}
    assert _events("The suspension of licences does not apply to F-35 components for Israel.") == []


def test_an_account_offered_offers_no_weapon() -> None:
    sentence = "Russia offered another account, claiming a Kinzhal destroyed a Patriot in Kyiv."
    assert _events(sentence) == []


def test_what_officials_add_after_and_is_a_clause_with_its_own_stage() -> None:
    keys = _keys(
        "Caracas signed contracts last year for Mi-17 and Mi-35 helicopters, and officials"
        " say talks with Moscow on Su-30 fighters are under way."
    )
    assert ("RUS", "VEN", "Su-30", "interest") in keys
    assert ("RUS", "VEN", "Mi-35", "agreement") in keys


@pytest.mark.parametrize(
    "sentence",
    [
        "In July US senators placed a hold on a proposed sale of 12 AH-1Z helicopters to Nigeria.",
        "Russia agreed to sell Su-35 jets to Egypt, but the deal lapsed when Cairo did not pay.",
    ],
)
def test_a_hold_placed_and_a_deal_lapsed_are_cancellations(sentence: str) -> None:
    assert "cancellation" in {e.stage for e in _events(sentence)}


def test_soldiers_sent_to_train_the_receiver_leave_the_tanks_given() -> None:
    [event] = _events(
        "Canada would send four Leopard 2A4 tanks to Ukraine, with Canadian soldiers to help"
        " train Ukrainian crews."
    )
    assert (event.supplier, event.recipient, event.stage) == ("CAN", "UKR", "agreement")


def test_a_cooperation_accord_sells_nothing_and_advisers_sent_keep_nothing() -> None:
    keys = _keys(
        "Turkey, which signed a military cooperation accord with the GNA in 2019, sent"
        " Bayraktar TB2 drones and military advisers to Libya."
    )
    assert keys == {("TUR", "LBY", "Bayraktar TB2", "delivery")}


def test_a_multinational_design_comes_from_the_partner_the_sentence_names() -> None:
    keys = _keys(
        "Kuwait signed a contract with the Italian company Leonardo in 2016 to supply 28"
        " Eurofighter Typhoon fighters."
    )
    assert keys == {("ITA", "KWT", "Typhoon", "agreement")}


def test_a_multinational_design_comes_from_the_partner_the_article_saw_supply() -> None:
    keys = _keys(
        "Greece signed a deal with France for 18 Rafale fighters.\n\n"
        "The package also covers Meteor air-to-air missiles for the jets."
    )
    assert ("FRA", "GRC", "Meteor", "agreement") in keys


def test_a_state_telling_of_its_own_passive_handover_sends_it() -> None:
    [event] = _events(
        "Slovakia said on Thursday that the first four of its MiG-29 fighters had been"
        " handed over to Ukraine."
    )
    assert (event.supplier, event.recipient, event.stage) == ("SVK", "UKR", "delivery")


def test_a_multinational_design_takes_the_partner_a_later_sentence_names() -> None:
    keys = _keys(
        "NASAMS air defence systems have arrived in Ukraine, the minister said.\n\n"
        "The NASAMS were provided by the United States, he added."
    )
    assert keys == {("USA", "UKR", "NASAMS", "delivery")}


def test_a_single_state_design_keeps_its_maker_whoever_a_later_sentence_names() -> None:
    keys = _keys(
        "Aspide air defence systems have arrived in Ukraine, the minister said.\n\n"
        "The Aspide systems were provided by Spain, he added."
    )
    assert ("ITA", "UKR", "Aspide", "delivery") in keys


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Washington announced a drawdown for Ukraine. The drawdown includes Javelin missiles.",
            ("USA", "UKR", "Javelin", "agreement"),
        ),
        (
            "Riyadh signed a package with the United States. The package covers 72 F-15 jets.",
            ("USA", "SAU", "F-15", "agreement"),
        ),
    ],
)
def test_what_a_drawdown_includes_and_a_package_covers_is_agreed(
    text: str, key: tuple[str, str, str, str]
) -> None:
    assert key in _keys(text)


def test_a_plan_that_lapsed_cancels_no_deal() -> None:
    text = "Saab had once hoped to sell Thailand 12 more Gripens, but the plan lapsed."
    assert {e.stage for e in _events(text)} == {"interest"}


def test_an_order_and_a_share_of_it_handed_over_are_two_acts() -> None:
    events = _events(
        "Indonesia ordered 16 Hawk 200 light fighters from Britain in 1996, and most of"
        " them have already been handed over."
    )
    assert {(e.stage, e.event_date) for e in events if e.system == "Hawk 200"} == {
        ("agreement", "1996"),
        ("delivery", "2023-01"),
    }


def test_a_dated_participle_before_a_perfect_tells_the_order_too() -> None:
    events = _events(
        "Three of the eight P-8I aircraft ordered from Boeing in 2009 have arrived in India"
        " since May."
    )
    assert {(e.stage, e.event_date) for e in events} >= {("agreement", "2009")}


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("In Mali, Russia sent 400 troops in December.", ("RUS", "MLI", None, "deployment")),
        (
            "In Mali, Russia delivered two Mi-171 helicopters to the army.",
            ("RUS", "MLI", "Mi-171", "delivery"),
        ),
    ],
)
def test_a_state_the_sentence_opens_on_is_its_scene_not_a_list(
    sentence: str, key: tuple[str, str, str | None, str]
) -> None:
    assert key in _keys(sentence)


@pytest.mark.parametrize(
    "text",
    [
        "Egypt ordered 24 Su-35 fighters from Russia in 2018, and the first 12 arrived in June.",
        "Egypt bought 24 Su-35 fighters from Russia in 2018 and the first 12 were delivered.",
    ],
)
def test_the_first_share_of_an_order_is_counted_apart(text: str) -> None:
    counts = {e.stage: e.quantity for e in _events(text)}
    assert counts == {"agreement": 24, "delivery": 12}


def test_an_order_told_after_the_share_delivered_counts_the_whole() -> None:
    events = _events("Russia has delivered 12 of the 24 Su-35 fighters Egypt ordered in 2018.")
    assert {(e.stage, e.quantity) for e in events} == {("delivery", 12), ("agreement", 24)}


def test_lafayette_is_the_la_fayette_class() -> None:
    [event] = _events("France delivered the first Lafayette-class frigate to Taiwan in 1996.")
    assert event.system == "La Fayette-class"


def test_a_share_told_after_a_fronted_whole_is_the_delivery_count() -> None:
    events = _events("Of the 24 Su-35 fighters Egypt ordered from Russia, 12 have been delivered.")
    assert {(e.stage, e.quantity) for e in events} >= {("delivery", 12)}
