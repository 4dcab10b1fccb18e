"""Our deals beside a hand-written register in the layout of SIPRI's export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from armswatch._errors import InputError
from armswatch.models import Deal, Stage, StageSpan
from armswatch.serve.exports import source_urls
from armswatch.serve.sipri import COMPARISON_FIELDS, SipriComparison, compare_with_sipri
from armswatch.store import DealDetail, DealSource

REGISTER = """\
Transfers of major weapons: Deals with deliveries or orders made for 2008 to 2024
Recipient,Supplier,Year of order,Year of order uncertain,Number ordered,\
Number ordered uncertain,Weapon designation,Weapon description,Number delivered,\
Number delivered uncertain,Year(s) of delivery,Status,Comments,SIPRI TIV per unit,\
SIPRI TIV for total order,SIPRI TIV of delivered weapons
Egypt,France,2015,,24,,Rafale,FGA aircraft,24,,2015; 2016; 2017,New,,55,1320,1320
Egypt,France,2010,,4,,Rafale,FGA aircraft,4,,2012,New,,55,220,220
India,Russia,2018,,5,,S-400 Triumf,SAM system,3,,2021; 2022,New,,400,2000,1200
Lithuania,Norway,2020,,2,,NASAMS,SAM system,2,,2023,New,,60,120,120
India,unknown supplier(s),2019,,10,,Su-30MKI,FGA aircraft,,,,New,,40,400,0
Ukraine Rebels*,Russia,2014,,10,,T-72B,tank,10,,2014,Second hand,,2,20,20
Egypt,France,2021,,30,,Rafale,FGA aircraft,,,,New,,55,1650,0
"""


def _deal(
    deal_id: int,
    parties: tuple[str, str],
    system: tuple[str, str],
    agreement: str | None,
    first_seen: str,
) -> DealDetail:
    supplier, recipient = parties
    designation, family = system
    stage: Stage = "agreement" if agreement else "delivery"
    source = DealSource(
        event_id=deal_id,
        article_id=f"a{deal_id}",
        url=f"https://news.example/{deal_id}",
        title=None,
        site=None,
        published=first_seen,
        system=designation,
        stage=stage,
        quantity=None,
        event_date=agreement or first_seen,
        evidence="...",
        confidence=0.9,
    )
    deal = Deal(
        supplier=supplier,
        recipient=recipient,
        family=family,
        system=designation,
        category="aircraft",
        kind="transfer",
        quantity_ordered=None,
        quantity_delivered=None,
        first_seen=first_seen,
        last_seen=first_seen,
        current_stage=stage,
        timeline=(StageSpan(stage, agreement or first_seen, agreement or first_seen, (deal_id,)),),
        event_ids=(deal_id,),
    )
    return DealDetail(deal_id, deal, (source,))


DEALS = [
    # The later Rafale order comes first: pairs follow order years, not input order.
    _deal(1, ("FRA", "EGY"), ("Rafale", "Rafale"), "2021-05", "2021-05-04"),
    _deal(2, ("FRA", "EGY"), ("Rafale", "Rafale"), "2015-02", "2015-02-16"),
    _deal(3, ("RUS", "IND"), ("S-400", "S-400"), "2018-10", "2018-10-05"),
    _deal(4, ("USA", "POL"), ("F-35A", "F-35"), "2020-01", "2020-01-31"),
    _deal(5, ("TUR", "UKR"), ("Bayraktar TB2", "Bayraktar TB2"), None, "2019-03-02"),
    _deal(6, ("FRA", "IND"), ("Rafale", "Rafale"), "2009-01", "2009-01-10"),
    _deal(7, ("USA", "POL"), ("Patriot", "Patriot"), None, "2022-03-01"),
]
# SIPRI records no deployments: this one must appear nowhere.
DEALS[-1] = replace(DEALS[-1], deal=replace(DEALS[-1].deal, kind="deployment"))


@pytest.fixture(scope="module")
def comparison(tmp_path_factory: pytest.TempPathFactory) -> SipriComparison:
    register = tmp_path_factory.mktemp("sipri") / "trade-register.csv"
    register.write_text(REGISTER, encoding="utf-8")
    return compare_with_sipri(register, DEALS, since=2014)


def test_matching_orders_pair_one_to_one_by_closest_year(comparison: SipriComparison) -> None:
    assert [(m.row.designation, m.row.year_of_order, m.deal.deal_id) for m in comparison.both] == [
        ("Rafale", 2015, 2),
        ("S-400 Triumf", 2018, 3),
        ("Rafale", 2021, 1),
    ]


def test_news_only_lists_recent_transfers_without_a_row(comparison: SipriComparison) -> None:
    assert [d.deal_id for d in comparison.news_only] == [4, 5]
    assert source_urls(comparison.news_only[0]) == ("https://news.example/4",)


def test_register_only_lists_recent_rows_without_a_deal(comparison: SipriComparison) -> None:
    assert [(r.recipient, r.supplier, r.designation) for r in comparison.register_only] == [
        ("Lithuania", "Norway", "NASAMS"),
        ("India", "unknown supplier(s)", "Su-30MKI"),
        ("Ukraine Rebels*", "Russia", "T-72B"),
    ]
    nasams = comparison.register_only[0]
    assert (nasams.supplier_code, nasams.recipient_code, nasams.family) == ("NOR", "LTU", "NASAMS")


def test_counts_and_summary(comparison: SipriComparison) -> None:
    assert comparison.counts == {"both": 3, "news_only": 2, "register_only": 3}
    assert comparison.unresolved_rows == 2
    assert comparison.describe() == (
        "SIPRI comparison (since 2014): 3 orders in both, 2 only in the news,"
        " 3 only in the register (2 register rows name a supplier or recipient"
        " that is not a known state)"
    )


def test_records_flatten_each_list(comparison: SipriComparison) -> None:
    records = list(comparison.records())
    assert [r["found_in"] for r in records] == ["both"] * 3 + ["news_only"] * 2 + [
        "register_only"
    ] * 3
    assert {k: records[1][k] for k in ("supplier", "register_number", "deal_id", "deal_year")} == {
        "supplier": "RUS",
        "register_number": 5,
        "deal_id": 3,
        "deal_year": 2018,
    }
    assert records[4]["source_urls"] == "https://news.example/5"
    assert (records[4]["deal_year"], records[4]["register_year"]) == (2019, None)
    assert all(list(record) == list(COMPARISON_FIELDS) for record in records)


def test_without_since_every_year_is_compared(tmp_path: Path) -> None:
    register = tmp_path / "register.csv"
    register.write_text(REGISTER, encoding="utf-8")
    comparison = compare_with_sipri(register, DEALS, since=None)
    assert [(m.row.year_of_order, m.deal.deal_id) for m in comparison.both] == [
        (2015, 2),
        (2018, 3),
        (2021, 1),
    ]
    assert [d.deal_id for d in comparison.news_only] == [4, 5, 6]
    assert [(r.designation, r.year_of_order) for r in comparison.register_only][:2] == [
        ("Rafale", 2010),
        ("NASAMS", 2020),
    ]
    assert len(comparison.register_only) == 4


def test_a_file_without_the_register_columns_is_refused(tmp_path: Path) -> None:
    register = tmp_path / "designations.csv"
    register.write_text(
        "Supplier,Weapon designation,Weapon description\nFrance,Rafale,FGA aircraft\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"designations\.csv: missing columns Recipient, Year"):
        compare_with_sipri(register, DEALS, since=None)
