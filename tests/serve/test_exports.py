"""Deal exports read back with the readers analysts use: csv, json, pyarrow."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from armswatch._errors import InputError
from armswatch.models import Deal, Stage, StageSpan
from armswatch.serve.exports import ExportFormat, write_deals
from armswatch.store import DealDetail, DealSource

SIPRI_HEADER = [
    "Recipient",
    "Supplier",
    "Year of order",
    "Number ordered",
    "Weapon designation",
    "Weapon description",
    "Number delivered",
    "Year(s) of delivery",
    "Status",
    "Comments",
    "Sources",
]


def _event(
    event_id: int, stage: Stage, url: str | None, event_date: str | None, published: str
) -> DealSource:
    return DealSource(
        event_id=event_id,
        article_id=f"a{event_id}",
        url=url,
        title=None,
        site=None,
        published=published,
        system="Rafale",
        stage=stage,
        quantity=None,
        event_date=event_date,
        evidence="...",
        confidence=0.9,
    )


RAFALE = DealDetail(
    deal_id=7,
    deal=Deal(
        supplier="FRA",
        recipient="EGY",
        family="Rafale",
        system="Rafale",
        category="aircraft",
        kind="transfer",
        quantity_ordered=24,
        quantity_delivered=12,
        first_seen="2015-02",
        last_seen="2017-04",
        current_stage="delivery",
        timeline=(
            StageSpan("agreement", "2015-02", "2015-02", (1,)),
            StageSpan("delivery", "2015-07", "2017-04", (2, 3)),
        ),
        event_ids=(1, 2, 3),
    ),
    sources=(
        _event(1, "agreement", "https://a.example/deal", "2015-02", "2015-02-16"),
        _event(2, "delivery", "https://b.example/first", "2015-07", "2015-07-21"),
        _event(3, "delivery", "https://b.example/first", None, "2017-04-10"),
    ),
)
DEPLOYMENT = DealDetail(
    deal_id=8,
    deal=Deal(
        supplier="USA",
        recipient="POL",
        family="Patriot",
        system="Patriot",
        category="air-defence-system",
        kind="deployment",
        quantity_ordered=None,
        quantity_delivered=2,
        first_seen="2022-03-01",
        last_seen="2022-03-01",
        current_stage="deployment",
        timeline=(StageSpan("deployment", "2022-03-01", "2022-03-01", (4,)),),
        event_ids=(4,),
    ),
    sources=(_event(4, "deployment", "https://c.example/patriot", "2022-03-01", "2022-03-02"),),
)
CANCELLED = DealDetail(
    deal_id=9,
    deal=Deal(
        supplier="NATO",
        recipient="UKR",
        family=None,
        system=None,
        category="air-defence-system",
        kind="transfer",
        quantity_ordered=None,
        quantity_delivered=None,
        first_seen=None,
        last_seen=None,
        current_stage="cancellation",
        timeline=(
            StageSpan("interest", None, None, (5,)),
            StageSpan("cancellation", "2023", "2023", (6,)),
        ),
        event_ids=(5, 6),
    ),
    sources=(
        _event(5, "interest", None, None, "2023-01-05"),
        _event(6, "cancellation", None, "2023", "2023-06-01"),
    ),
)
DEALS = (RAFALE, DEPLOYMENT, CANCELLED)

# The deals as json, jsonl and parquet hold them, written out by hand.
EXPECTED_RECORDS: list[dict[str, object]] = [
    {
        "id": 7,
        "supplier": "FRA",
        "recipient": "EGY",
        "system": "Rafale",
        "family": "Rafale",
        "category": "aircraft",
        "kind": "transfer",
        "quantity_ordered": 24,
        "quantity_delivered": 12,
        "first_seen": "2015-02",
        "last_seen": "2017-04",
        "current_stage": "delivery",
        "stages": [
            {"stage": "agreement", "earliest": "2015-02", "latest": "2015-02", "event_ids": [1]},
            {"stage": "delivery", "earliest": "2015-07", "latest": "2017-04", "event_ids": [2, 3]},
        ],
        "source_urls": ["https://a.example/deal", "https://b.example/first"],
        "evidence_count": 3,
    },
    {
        "id": 8,
        "supplier": "USA",
        "recipient": "POL",
        "system": "Patriot",
        "family": "Patriot",
        "category": "air-defence-system",
        "kind": "deployment",
        "quantity_ordered": None,
        "quantity_delivered": 2,
        "first_seen": "2022-03-01",
        "last_seen": "2022-03-01",
        "current_stage": "deployment",
        "stages": [
            {
                "stage": "deployment",
                "earliest": "2022-03-01",
                "latest": "2022-03-01",
                "event_ids": [4],
            }
        ],
        "source_urls": ["https://c.example/patriot"],
        "evidence_count": 1,
    },
    {
        "id": 9,
        "supplier": "NATO",
        "recipient": "UKR",
        "system": None,
        "family": None,
        "category": "air-defence-system",
        "kind": "transfer",
        "quantity_ordered": None,
        "quantity_delivered": None,
        "first_seen": None,
        "last_seen": None,
        "current_stage": "cancellation",
        "stages": [
            {"stage": "interest", "earliest": None, "latest": None, "event_ids": [5]},
            {"stage": "cancellation", "earliest": "2023", "latest": "2023", "event_ids": [6]},
        ],
        "source_urls": [],
        "evidence_count": 2,
    },
]


def _written(fmt: ExportFormat) -> str:
    out = io.BytesIO()
    assert write_deals(DEALS, fmt, out) == len(DEALS)
    return out.getvalue().decode("utf-8")


def test_csv_has_one_row_per_deal_with_stages_and_urls_as_text() -> None:
    rows = list(csv.DictReader(io.StringIO(_written("csv"))))
    assert rows[0] == {
        "id": "7",
        "supplier": "FRA",
        "recipient": "EGY",
        "system": "Rafale",
        "family": "Rafale",
        "category": "aircraft",
        "kind": "transfer",
        "quantity_ordered": "24",
        "quantity_delivered": "12",
        "first_seen": "2015-02",
        "last_seen": "2017-04",
        "current_stage": "delivery",
        "stages": "agreement 2015-02..2015-02; delivery 2015-07..2017-04",
        "source_urls": "https://a.example/deal https://b.example/first",
        "evidence_count": "3",
    }
    assert [row["id"] for row in rows] == ["7", "8", "9"]
    assert rows[2]["stages"] == "interest ?..?; cancellation 2023..2023"
    assert rows[2]["system"] == rows[2]["quantity_ordered"] == rows[2]["source_urls"] == ""


def test_json_holds_the_deals_with_stage_objects_and_url_lists() -> None:
    assert json.loads(_written("json")) == EXPECTED_RECORDS


def test_jsonl_holds_one_deal_per_line() -> None:
    lines = _written("jsonl").splitlines()
    assert [json.loads(line) for line in lines] == EXPECTED_RECORDS


def test_parquet_reads_back_with_list_columns(tmp_path: Path) -> None:
    out = io.BytesIO()
    assert write_deals(DEALS, "parquet", out) == 3
    out.seek(0)
    assert pq.read_table(out).to_pylist() == EXPECTED_RECORDS
    path = tmp_path / "deals.parquet"
    assert write_deals(DEALS, "parquet", path) == 3
    assert pq.read_table(path).to_pylist() == EXPECTED_RECORDS


def test_parquet_without_deals_still_has_typed_columns() -> None:
    out = io.BytesIO()
    assert write_deals([], "parquet", out) == 0
    out.seek(0)
    table = pq.read_table(out)
    assert table.num_rows == 0
    assert table.schema.field("quantity_ordered").type == "int64"
    assert list(table.column_names) == list(EXPECTED_RECORDS[0])


def test_sipri_layout_names_states_and_leaves_deployments_out() -> None:
    text = _written_sipri()
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == SIPRI_HEADER
    rafale, cancelled = list(reader)
    assert rafale == {
        "Recipient": "Egypt",
        "Supplier": "France",
        "Year of order": "2015",
        "Number ordered": "24",
        "Weapon designation": "Rafale",
        "Weapon description": "aircraft",
        "Number delivered": "12",
        "Year(s) of delivery": "2015; 2017",
        "Status": "",
        "Comments": "transfer; current stage: delivery; armswatch deal 7",
        "Sources": "https://a.example/deal ; https://b.example/first",
    }
    assert (cancelled["Supplier"], cancelled["Recipient"]) == ("NATO", "Ukraine")
    assert cancelled["Year of order"] == cancelled["Weapon designation"] == ""
    assert cancelled["Weapon description"] == "air defence system"
    assert "current stage: cancellation" in cancelled["Comments"]
    assert cancelled["Sources"] == cancelled["Status"] == ""


def _written_sipri() -> str:
    out = io.BytesIO()
    assert write_deals(DEALS, "sipri", out) == 2
    return out.getvalue().decode("utf-8")


def test_writing_leaves_the_stream_open() -> None:
    out = io.BytesIO()
    write_deals(DEALS, "csv", out)
    write_deals(DEALS, "jsonl", out)
    assert not out.closed
    assert out.getvalue().decode("utf-8").count("https://c.example/patriot") == 2


def test_an_unwritable_path_names_it(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "deals.csv"
    with pytest.raises(InputError, match=r"missing/deals\.csv: cannot write"):
        write_deals(DEALS, "csv", target)
