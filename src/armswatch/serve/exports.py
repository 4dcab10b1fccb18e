"""Deals out of armswatch: for analysts' own tools, and beside SIPRI's register.

csv, json, jsonl and parquet carry one row per deal with its timeline and its
sources. `sipri` writes the layout of SIPRI's trade register so a reader of the
Arms Transfers Database can lay ours beside theirs, with three choices:
- only transfers: SIPRI records no deployments, so a deployment has no row;
- Status stays empty: SIPRI's Status says whether the weapons were new or
  second-hand, which news rarely tells; a cancellation shows in Comments;
- Year(s) of delivery are the years reports place deliveries in, not every
  year between the first and the last.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import BinaryIO, Literal, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from armswatch._errors import InputError
from armswatch.kb import KnowledgeBase, load_kb
from armswatch.models import Deal, StageSpan
from armswatch.store import DealDetail

ExportFormat = Literal["csv", "json", "jsonl", "parquet", "sipri"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "json", "jsonl", "parquet", "sipri")
DEAL_FIELDS = (
    "id",
    "supplier",
    "recipient",
    "system",
    "family",
    "category",
    "kind",
    "quantity_ordered",
    "quantity_delivered",
    "first_seen",
    "last_seen",
    "current_stage",
    "stages",
    "source_urls",
    "evidence_count",
)
SIPRI_FIELDS = (
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
)
# Weapon description in words, for a register read by people (models.CATEGORIES).
CATEGORY_WORDS = {
    "aircraft": "aircraft",
    "air-defence-system": "air defence system",
    "anti-submarine-warfare": "anti-submarine warfare weapon",
    "armoured-vehicle": "armoured vehicle",
    "artillery": "artillery",
    "engine": "engine",
    "missile": "missile",
    "naval-weapon": "naval weapon",
    "satellite": "satellite",
    "sensor": "sensor",
    "ship": "ship",
    "other": "other",
}
_STAGE = pa.struct(
    [
        ("stage", pa.string()),
        ("earliest", pa.string()),
        ("latest", pa.string()),
        ("event_ids", pa.list_(pa.int64())),
    ]
)
_NOT_TEXT = {
    "id": pa.int64(),
    "quantity_ordered": pa.int64(),
    "quantity_delivered": pa.int64(),
    "stages": pa.list_(_STAGE),
    "source_urls": pa.list_(pa.string()),
    "evidence_count": pa.int64(),
}
# Explicit, so an export without deals still has typed columns.
PARQUET_SCHEMA = pa.schema([(name, _NOT_TEXT.get(name, pa.string())) for name in DEAL_FIELDS])


def source_urls(record: DealDetail) -> tuple[str, ...]:
    """The distinct article URLs behind a deal, in the order of its sources."""
    return tuple(dict.fromkeys(s.url for s in record.sources if s.url))


def year_of(date: str | None) -> int | None:
    """The year of a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date."""
    return int(date[:4]) if date and date[:4].isdigit() else None


def order_year(deal: Deal) -> int | None:
    """The year of the earliest reported agreement: SIPRI's "year of order"."""
    spans = [s for s in deal.timeline if s.stage == "agreement"]
    return year_of(spans[0].earliest) if spans else None


def delivery_years(record: DealDetail) -> list[int]:
    """Years that reports place deliveries in (the event's date, else the article's)."""
    spans = [s for s in record.deal.timeline if s.stage == "delivery"]
    dates = [d for s in spans for d in (s.earliest, s.latest)]
    dates += [s.event_date or s.published for s in record.sources if s.stage == "delivery"]
    return sorted({year for year in map(year_of, dates) if year is not None})


def deal_row(record: DealDetail) -> dict[str, object]:
    """One deal as json, jsonl and parquet write it."""
    deal = record.deal
    return {
        "id": record.deal_id,
        "supplier": deal.supplier,
        "recipient": deal.recipient,
        "system": deal.system,
        "family": deal.family,
        "category": deal.category,
        "kind": deal.kind,
        "quantity_ordered": deal.quantity_ordered,
        "quantity_delivered": deal.quantity_delivered,
        "first_seen": deal.first_seen,
        "last_seen": deal.last_seen,
        "current_stage": deal.current_stage,
        "stages": [_span_object(span) for span in deal.timeline],
        "source_urls": list(source_urls(record)),
        "evidence_count": len(deal.event_ids),
    }


def sipri_row(record: DealDetail, states: Mapping[str, str]) -> dict[str, object]:
    """One transfer in the columns of SIPRI's trade register (SIPRI_FIELDS)."""
    deal = record.deal
    return {
        "Recipient": _country(deal.recipient, states),
        "Supplier": _country(deal.supplier, states),
        "Year of order": order_year(deal),
        "Number ordered": deal.quantity_ordered,
        "Weapon designation": deal.system or deal.family,
        "Weapon description": CATEGORY_WORDS.get(deal.category, deal.category),
        "Number delivered": deal.quantity_delivered,
        "Year(s) of delivery": "; ".join(map(str, delivery_years(record))),
        "Status": None,
        "Comments": (
            f"{deal.kind}; current stage: {deal.current_stage}; armswatch deal {record.deal_id}"
        ),
        "Sources": " ; ".join(source_urls(record)),
    }


def write_deals(
    records: Iterable[DealDetail],
    fmt: ExportFormat,
    out: BinaryIO | Path,
    kb: KnowledgeBase | None = None,
) -> int:
    """Write deals in one of EXPORT_FORMATS; returns how many rows were written.

    The text formats are UTF-8, so one binary stream (a file, stdout's buffer)
    serves every format, parquet included. `kb` names the states in `sipri`.
    """
    if isinstance(out, Path):
        return _write_file(records, fmt, out, kb)
    if fmt == "parquet":
        return _write_parquet(records, out)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        if fmt == "sipri":
            return _write_sipri(records, text, (kb or load_kb()).states)
        return _TEXT_WRITERS[fmt](records, text)
    finally:
        text.flush()
        text.detach()


def _write_file(
    records: Iterable[DealDetail], fmt: ExportFormat, path: Path, kb: KnowledgeBase | None
) -> int:
    try:
        handle = path.open("wb")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror}); choose a writable path") from exc
    with handle:
        return write_deals(records, fmt, handle, kb)


def _write_jsonl(records: Iterable[DealDetail], out: TextIO) -> int:
    count = 0
    for count, record in enumerate(records, start=1):  # noqa: B007
        out.write(json.dumps(deal_row(record), ensure_ascii=False) + "\n")
    return count


def _write_json(records: Iterable[DealDetail], out: TextIO) -> int:
    rows = [deal_row(record) for record in records]
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(rows)


def _write_csv(records: Iterable[DealDetail], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=DEAL_FIELDS)
    writer.writeheader()
    count = 0
    for count, record in enumerate(records, start=1):  # noqa: B007
        writer.writerow(
            {
                **deal_row(record),
                "stages": "; ".join(_span_text(span) for span in record.deal.timeline),
                "source_urls": " ".join(source_urls(record)),
            }
        )
    return count


def _write_sipri(records: Iterable[DealDetail], out: TextIO, states: Mapping[str, str]) -> int:
    writer = csv.DictWriter(out, fieldnames=SIPRI_FIELDS)
    writer.writeheader()
    transfers = [sipri_row(r, states) for r in records if r.deal.kind == "transfer"]
    writer.writerows(transfers)
    return len(transfers)


def _write_parquet(records: Iterable[DealDetail], out: BinaryIO) -> int:
    table = pa.Table.from_pylist([deal_row(record) for record in records], schema=PARQUET_SCHEMA)
    pq.write_table(table, out)
    return int(table.num_rows)


_TEXT_WRITERS: dict[str, Callable[[Iterable[DealDetail], TextIO], int]] = {
    "csv": _write_csv,
    "json": _write_json,
    "jsonl": _write_jsonl,
}


def _span_object(span: StageSpan) -> dict[str, object]:
    return {
        "stage": span.stage,
        "earliest": span.earliest,
        "latest": span.latest,
        "event_ids": list(span.event_ids),
    }


def _span_text(span: StageSpan) -> str:
    """As in "delivery 2021-12..2023-03"; "?" where no report gave a date."""
    return f"{span.stage} {span.earliest or '?'}..{span.latest or '?'}"


def _country(code: str | None, states: Mapping[str, str]) -> str | None:
    """A state's name for its ISO3 code; an organisation ("NATO") as we write it."""
    return states.get(code, code) if code else None
