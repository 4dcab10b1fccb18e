import itertools
import time

import pytest

from armswatch.find.quantities import QuantityMention, find_quantities


def counts(sentence: str) -> list[tuple[str, int | None, str | None]]:
    return [
        (mention.text, mention.value, mention.unit)
        for mention in find_quantities(sentence)
        if not mention.money
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("India will buy 36 Rafale jets.", [("36", 36, "jets")]),
        ("Poland ordered 1,000 missiles.", [("1,000", 1000, "missiles")]),
        ("The army fielded 2,000 of them.", [("2,000", 2000, None)]),
        ("Turkey sent 2000 troops.", [("2000", 2000, "troops")]),
        ("Ten K2 tanks arrived in Gdynia.", [("Ten", 10, "tanks")]),
        ("Russia delivered two batteries to Turkey.", [("two batteries", 2, "batteries")]),
        ("It bought four S-400 divisions.", [("four S-400 divisions", 4, "divisions")]),
        ("It bought twenty-four helicopters.", [("twenty-four", 24, "helicopters")]),
        ("It bought twenty four helicopters.", [("twenty four", 24, "helicopters")]),
        ("It bought two hundred tanks.", [("two hundred", 200, "tanks")]),
        ("It bought two hundred and fifty tanks.", [("two hundred and fifty", 250, "tanks")]),
        ("It bought a hundred drones.", [("a hundred", 100, "drones")]),
        ("It bought three thousand rifles.", [("three thousand", 3000, "rifles")]),
        ("It bought a dozen drones.", [("a dozen", 12, "drones")]),
        ("It bought half a dozen drones.", [("half a dozen", 6, "drones")]),
        ("It bought two dozen drones.", [("two dozen", 24, "drones")]),
        ("It bought dozens of drones.", [("dozens", None, "drones")]),
        ("Thousands of rounds were shipped.", [("Thousands", None, "rounds")]),
        ("It bought a pair of Su-35s.", [("a pair", 2, "su-35s")]),
        ("It bought a couple of patrol boats.", [("a couple", 2, "boats")]),
        ("It bought about 20 howitzers.", [("about 20", 20, "howitzers")]),
        ("It bought around 20 howitzers.", [("around 20", 20, "howitzers")]),
        ("It bought at least 12 aircraft.", [("at least 12", 12, "aircraft")]),
        ("It bought up to 40 drones.", [("up to 40", 40, "drones")]),
        ("It bought more than 100 missiles.", [("more than 100", 100, "missiles")]),
        ("It sold over 100 missiles.", [("over 100", 100, "missiles")]),
        # "handed over" is the verb's particle, not "more than".
        ("It handed over 100 missiles.", [("100", 100, "missiles")]),
        ("It bought nearly 50 trucks.", [("nearly 50", 50, "trucks")]),
        ("It bought an estimated 300 drones.", [("an estimated 300", 300, "drones")]),
        ("About 20 howitzers were sold.", [("About 20", 20, "howitzers")]),
        ("It shipped 1.5 million rounds.", [("1.5 million", 1_500_000, "rounds")]),
        # India's lakh (100,000) and its digit grouping.
        ("It will make 6 lakh rifles.", [("6 lakh", 600_000, "rifles")]),
        ("It will make over six lakh rifles.", [("over six lakh", 600_000, "rifles")]),
        ("It will make half a million rifles.", [("half a million", 500_000, "rifles")]),
        ("It will make a lakh rifles.", [("a lakh", 100_000, "rifles")]),
        ("It will make 1.5 lakh rifles.", [("1.5 lakh", 150_000, "rifles")]),
        ("It will make 6,01,427 rifles.", [("6,01,427", 601_427, "rifles")]),
        ("It will make 12,34,567 rifles.", [("12,34,567", 1_234_567, "rifles")]),
        # Thousands grouped by spaces; a plain space only before "000".
        ("It will supply 100 000 rifles.", [("100 000", 100_000, "rifles")]),
        ("It will supply 1\u202f500 rifles.", [("1\u202f500", 1_500, "rifles")]),
        ("It will supply 18 155 mm howitzers.", [("18", 18, "howitzers")]),
        ("It bought 20 armoured personnel carriers.", [("20", 20, "carriers")]),
        ("It bought 12 Su-30MKI aircraft.", [("12", 12, "aircraft")]),
        ("It bought 36 more jets.", [("36", 36, "jets")]),
        ("It bought 36 Rafale and sold them.", [("36", 36, "rafale")]),
        ("The 36 jets arrived.", [("36", 36, "jets")]),
        ("In October 36 jets arrived.", [("36", 36, "jets")]),
        ("On Monday 12 drones were shot down.", [("12", 12, "drones")]),
        ("The navy wants 12.", [("12", 12, None)]),
        ("Seven of the jets crashed.", [("Seven", 7, None)]),
        ("15:45 Two jets landed.", [("Two", 2, "jets")]),
        ("At 5:45 jets took off.", []),
        ("At 9:05 pm two jets landed.", [("two", 2, "jets")]),
        # The name a giving verb sends to is no designation ("Leopard 2").
        ("Prague will send Ukraine 40 tanks.", [("40", 40, "tanks")]),
        (
            "It bought 20 tanks and 30 helicopters.",
            [("20", 20, "tanks"), ("30", 30, "helicopters")],
        ),
    ],
)
def test_counts_give_value_and_counted_noun(
    sentence: str, expected: list[tuple[str, int | None, str | None]]
) -> None:
    assert counts(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Russia delivered a division of S-400 missile defense systems.",
            [("a division", 1, "division")],
        ),
        (
            "Syria received a Pantsir missile system battery.",
            [("a Pantsir missile system battery", 1, "battery")],
        ),
        ("Serbia bought one S-400 system.", [("one S-400 system", 1, "system")]),
        ("Qatar bought an air defence regiment.", [("an air defence regiment", 1, "regiment")]),
        ("Each site has a fire unit.", [("a fire unit", 1, "fire unit")]),
        ("It bought two fire units.", [("two fire units", 2, "units")]),
        ("A battalion was sent.", [("A battalion", 1, "battalion")]),
        ("It formed a squadron of 18 jets.", [("a squadron of 18", 18, "jets")]),
        ("It formed a squadron of 18.", [("a squadron of 18", 18, None)]),
        ("Rwanda sent a 1,000-strong force.", [("1,000-strong", 1000, "force")]),
        ("It formed a squadron of about 18 jets.", [("a squadron of about 18", 18, "jets")]),
        (
            "It formed two squadrons of 18 jets.",
            [("two squadrons", 2, "squadrons"), ("18", 18, "jets")],
        ),
    ],
)
def test_formations_count_one_unless_a_number_follows(
    sentence: str, expected: list[tuple[str, int | None, str | None]]
) -> None:
    assert counts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal for the system was signed.",
        "It signed a deal with the battery maker.",
        "The first batch arrived.",
        "The second batch arrived in the 3rd quarter.",
        "It ordered 155mm howitzers.",
        "It ordered 155 mm howitzers.",
        "It ordered 155-mm howitzers.",
        "It ordered 120mm mortars and 5.56 rifles.",
        "Spending rose 20%.",
        "Spending rose 20 %.",
        "Spending rose 20 percent.",
        "Spending rose 20 per cent.",
        "The missile flies 1,500 km.",
        "The missile flies 300 miles.",
        "Each bomb weighs 500 kg and 2,000 pounds.",
        "The ship displaces 7,000 tonnes.",
        "The contract runs for 10 years.",
        "The contract runs for ten years.",
        "It signed a 10-year contract.",
        "The tests lasted 36 hours.",
        "India ordered the jets in 2019.",
        "It was signed on 24 October.",
        "It was signed on October 24, 2019.",
        "It was signed on Dec. 24 in Moscow.",
        "The 2014 order was cancelled.",
        "Greece flies Leopard 2 tanks.",
        "Greece flies Mirage 2000 jets.",
        "The Block 52 jets were upgraded.",
        "Type 45 destroyers escorted the convoy.",
        "UN Resolution 2231 lifted the embargo.",
        "No one was hurt.",
        "It is one of the largest deals.",
        "Someone often attended the tests.",
        "The F-35 and S-400 are incompatible.",
        "Su-57 jets and MiG-29s were shown.",
        "The T-90S tanks were upgraded.",
        "It arrived at 10 a.m. local time.",
        "It uses 6x6 trucks.",
        "The convoy was 40-strong.",
        "Turnout was 40-50 tanks.",
        "A couple attended.",
    ],
)
def test_non_counts_are_ignored(sentence: str) -> None:
    assert counts(sentence) == []


@pytest.mark.parametrize(
    "text",
    [
        "$5.4 billion",
        "$300m",
        "US$ 300 million",
        "US$300 million",
        "€1.2bn",
        "£4.4 billion",
        "¥2 trillion",
        "₹500 crore",
        "Rs 18,800 crore",
        "Rs. 1.5 lakh crore",
        "USD 2 billion",
        "5 billion euros",
        "300 million US dollars",
        "2 billion dollars",
        "5 billion won",
        "4 billion pounds",
        "18 billion rupees",
    ],
)
def test_money_has_no_value(text: str) -> None:
    sentence = f"The deal is worth {text} in total."
    [mention] = find_quantities(sentence)
    assert (mention.text, mention.value, mention.unit, mention.money) == (text, None, None, True)


def test_ambiguous_currency_words_need_a_scale() -> None:
    assert counts("Each bomb weighs 500 pounds.") == []
    assert find_quantities("Each bomb weighs 500 pounds.") == []


def test_mentions_carry_offsets_into_the_sentence() -> None:
    sentence = "India paid $5.4 billion for a division of S-400 and about 20 howitzers."
    mentions = find_quantities(sentence)
    assert mentions == [
        QuantityMention(11, 23, "$5.4 billion", None, None, money=True),
        QuantityMention(28, 38, "a division", 1, "division", money=False),
        QuantityMention(52, 60, "about 20", 20, "howitzers", money=False),
    ]
    assert all(sentence[m.start : m.end] == m.text for m in mentions)


def test_mentions_are_ordered_and_do_not_overlap() -> None:
    sentence = (
        "In 2019 Turkey paid $2.5 billion for two S-400 batteries, a squadron of 18 jets, "
        "dozens of drones and about 1,000 missiles delivered on 24 October."
    )
    mentions = find_quantities(sentence)
    assert [m.text for m in mentions] == [
        "$2.5 billion",
        "two S-400 batteries",
        "a squadron of 18",
        "dozens",
        "about 1,000",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


def test_sentences_without_numbers_give_nothing() -> None:
    assert find_quantities("The ministry praised the partnership with the manufacturer.") == []


def test_long_inputs_stay_fast() -> None:
    sentence = " ".join(["about 20 a pair of one 2019 $5 bn twenty-four Leopard 2"] * 1000)
    began = time.perf_counter()
    find_quantities(sentence)
    assert time.perf_counter() - began < 2


def test_a_hyphenated_amount_is_money_not_a_count() -> None:
    [amount] = find_quantities("They signed the $375-million contract.")
    assert (amount.text, amount.money, amount.value) == ("$375-million", True, None)


@pytest.mark.parametrize("phrase", ["several hundred fighters", "a few thousand troops"])
def test_a_vague_multiple_is_no_number(phrase: str) -> None:
    [found] = find_quantities(phrase)
    assert (found.value, found.text) == (None, phrase.rsplit(" ", 1)[0])
