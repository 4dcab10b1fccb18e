"""`armswatch deals | deal | export | compare-sipri` end to end, on a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

RunCli = Callable[..., subprocess.CompletedProcess[str]]

# Five reports of one deal, from five outlets and dates: talks, the contract, a
# later recap of the contract, and two deliveries.
FIVE_REPORTS = [
    {
        "id": "talks",
        "url": "https://one.example/talks",
        "published": "2016-05-10",
        "text": "Lithuania is in talks with Norway to buy NASAMS air defence systems,"
        " the defence ministry said on Monday.",
    },
    {
        "id": "contract",
        "url": "https://two.example/contract",
        "published": "2017-10-26",
        "text": "Lithuania signed a contract with Norway on Wednesday for two NASAMS batteries"
        " worth 110 million euros.",
    },
    {
        "id": "recap",
        "url": "https://three.example/recap",
        "published": "2019-03-02",
        "text": "Lithuania ordered two NASAMS batteries from Norway in October 2017, and training"
        " of its crews began last year.",
    },
    {
        "id": "first",
        "url": "https://four.example/first",
        "published": "2020-06-18",
        "text": "Norway delivered the first NASAMS battery to Lithuania on Tuesday, the ministry"
        " said.",
    },
    {
        "id": "second",
        "url": "https://five.example/second",
        "published": "2020-12-15",
        "text": "Norway delivered the second NASAMS battery to Lithuania on Monday, completing the"
        " order.",
    },
]
# A new contract for the same pair and system, years after the deliveries ended.
NEW_CONTRACT = {
    "id": "new-contract",
    "url": "https://six.example/new",
    "published": "2026-03-05",
    "text": "Lithuania signed a contract with Norway on Tuesday for three more NASAMS batteries.",
}


def _write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def deal_db(tmp_path: Path, cli: RunCli) -> str:
    """A database holding the five reports."""
    db = str(tmp_path / "deals.db")
    result = cli("ingest", "--db", db, str(_write_jsonl(tmp_path / "five.jsonl", FIVE_REPORTS)))
    assert result.returncode == 0, result.stderr
    return db


def test_five_reports_make_one_deal_with_a_timeline_and_five_sources(
    deal_db: str, cli: RunCli
) -> None:
    [deal] = json.loads(cli("deals", "--db", deal_db, "--format", "json").stdout)
    assert (deal["supplier"], deal["recipient"], deal["system"]) == ("NOR", "LTU", "NASAMS")
    assert (deal["quantity_ordered"], deal["quantity_delivered"]) == (2, 2)
    assert deal["current_stage"] == "delivery"
    detail = json.loads(cli("deal", str(deal["deal_id"]), "--db", deal_db).stdout)[0]
    spans = {span["stage"]: (span["earliest"], span["latest"]) for span in detail["timeline"]}
    assert spans == {
        "interest": ("2016-05", "2016-05"),
        "agreement": ("2017-10", "2017-10-25"),
        "delivery": ("2020-06-16", "2020-12-14"),
    }
    urls = {source["url"] for source in detail["sources"]}
    assert urls == {record["url"] for record in FIVE_REPORTS}
    evidence = {source["evidence"] for source in detail["sources"]}
    assert evidence == {record["text"] for record in FIVE_REPORTS}


def test_the_deal_table_shows_the_timeline_then_each_source(deal_db: str, cli: RunCli) -> None:
    table = cli("deal", "1", "--db", deal_db, "--format", "table").stdout
    assert table.startswith("Deal 1: NOR -> LTU  NASAMS")
    assert table.index("timeline") < table.index("sources")
    assert table.count("https://") == len(FIVE_REPORTS)


def test_ingesting_again_changes_nothing(deal_db: str, cli: RunCli, tmp_path: Path) -> None:
    again = cli("ingest", "--db", deal_db, str(_write_jsonl(tmp_path / "b.jsonl", FIVE_REPORTS)))
    assert "0 new documents stored, 0 re-extracted, 5 unchanged" in again.stderr
    assert len(json.loads(cli("deals", "--db", deal_db, "--format", "json").stdout)) == 1


def test_a_new_contract_years_after_the_deliveries_is_a_second_deal(
    deal_db: str, cli: RunCli, tmp_path: Path
) -> None:
    cli("ingest", "--db", deal_db, str(_write_jsonl(tmp_path / "new.jsonl", [NEW_CONTRACT])))
    deals = json.loads(cli("deals", "--db", deal_db, "--format", "json").stdout)
    assert [(d["first_seen"][:4], d["quantity_ordered"]) for d in deals] == [
        ("2016", 2),
        ("2026", 3),
    ]
    newest = cli("deals", "--db", deal_db, "--since", "2025", "--format", "json").stdout
    assert [d["quantity_ordered"] for d in json.loads(newest)] == [3]


def test_export_round_trips_csv_json_and_parquet(deal_db: str, cli: RunCli, tmp_path: Path) -> None:
    [row] = list(csv.DictReader(io.StringIO(cli("export", "--db", deal_db).stdout)))
    assert (row["supplier"], row["recipient"], row["system"]) == ("NOR", "LTU", "NASAMS")
    assert set(row["source_urls"].split()) == {r["url"] for r in FIVE_REPORTS}
    [record] = json.loads(cli("export", "--db", deal_db, "--format", "json").stdout)
    assert record["quantity_ordered"] == int(row["quantity_ordered"]) == 2
    parquet = tmp_path / "deals.parquet"
    assert cli("export", "--db", deal_db, "--format", "parquet", "-o", str(parquet)).returncode == 0
    [stored] = pq.read_table(parquet).to_pylist()
    assert stored["system"] == record["system"]
    assert stored["source_urls"] == record["source_urls"]


def test_export_as_a_sipri_register(deal_db: str, cli: RunCli) -> None:
    [row] = list(
        csv.DictReader(io.StringIO(cli("export", "--db", deal_db, "--format", "sipri").stdout))
    )
    assert (row["Supplier"], row["Recipient"], row["Weapon designation"]) == (
        "Norway",
        "Lithuania",
        "NASAMS",
    )
    assert (row["Year of order"], row["Number ordered"], row["Number delivered"]) == (
        "2017",
        "2",
        "2",
    )
    assert row["Year(s) of delivery"] == "2020"


REGISTER = """\
SIPRI Trade Register, written for this test
Recipient,Supplier,Year of order,Year of order uncertain,Number ordered,Number ordered uncertain,\
Weapon designation,Weapon description,Number delivered,Number delivered uncertain,\
Year(s) of delivery,Status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,\
SIPRI TIV of delivered weapons
Lithuania,Norway,2017,,2,,NASAMS,SAM system,2,,2020,New,,1,2,2
Latvia,Norway,2023,,1,,NASAMS,SAM system,,,,New,,1,1,
"""


def test_compare_sipri_splits_orders_by_who_reports_them(
    deal_db: str, cli: RunCli, tmp_path: Path
) -> None:
    register = tmp_path / "register.csv"
    register.write_text(REGISTER, encoding="utf-8")
    result = cli("compare-sipri", str(register), "--db", deal_db, "--format", "json")
    assert result.returncode == 0, result.stderr
    found = sorted((row["found_in"], row["recipient"]) for row in json.loads(result.stdout))
    assert found == [("both", "LTU"), ("register_only", "LVA")]
    assert "1 orders in both" in result.stderr


def test_missing_database_and_unknown_deal_say_what_to_do(
    deal_db: str, cli: RunCli, tmp_path: Path
) -> None:
    missing = cli("deals", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 1
    assert "run `armswatch ingest" in missing.stderr
    unknown = cli("deal", "99", "--db", deal_db)
    assert unknown.returncode == 1
    assert "no deal 99" in unknown.stderr
