"""`armswatch deals | deal ID | export | compare-sipri`: the resolved deals, for analysts.

Each report of a deal is an event; `ingest` merges them into deals with a stage
timeline. These commands list the deals, show one with every source sentence,
write them out for other tools, and hold them against a user's SIPRI register.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from armswatch._errors import InputError
from armswatch.models import CATEGORIES, STAGES
from armswatch.serve.exports import EXPORT_FORMATS, write_deals
from armswatch.serve.formats import FORMATS, write_records
from armswatch.serve.sipri import COMPARISON_FIELDS, compare_with_sipri
from armswatch.store import DEAL_COLUMNS, DealDetail, DealFilter, Store

DEAL_TABLE_FIELDS = (
    "deal_id",
    "supplier",
    "recipient",
    "system",
    "quantity_ordered",
    "quantity_delivered",
    "first_seen",
    "last_seen",
    "current_stage",
    "sources",
)
SOURCE_FIELDS = ("stage", "event_date", "published", "url", "evidence")


def add_deal_parsers(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db_help: str, default_db: str
) -> None:
    """`deals`, `deal`, `export` and `compare-sipri`."""
    deals = commands.add_parser("deals", help="list the deals resolved from stored events")
    _add_filters(deals)
    _add_db(deals, db_help, default_db)
    deals.add_argument("--format", choices=FORMATS, help="table on a terminal, else jsonl")
    deal = commands.add_parser("deal", help="one deal: its timeline and every source sentence")
    deal.add_argument("deal_id", type=int, metavar="ID", help="a deal id from `armswatch deals`")
    _add_db(deal, db_help, default_db)
    deal.add_argument("--format", choices=FORMATS, help="table on a terminal, else json")
    export = commands.add_parser("export", help="write the deals for other tools")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="csv")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: stdout)")
    _add_filters(export)
    _add_db(export, db_help, default_db)
    compare = commands.add_parser(
        "compare-sipri", help="hold the deals against your copy of SIPRI's trade register"
    )
    compare.add_argument("register", type=Path, help="the register exported from SIPRI as CSV")
    compare.add_argument("--since", type=int, help="only orders from this year on")
    _add_db(compare, db_help, default_db)
    compare.add_argument("--format", choices=FORMATS, help="table on a terminal, else jsonl")


def _add_db(parser: argparse.ArgumentParser, db_help: str, default_db: str) -> None:
    parser.add_argument("--db", default=default_db, help=db_help)


def _add_filters(parser: argparse.ArgumentParser) -> None:
    for name in ("supplier", "recipient"):
        parser.add_argument(f"--{name}", help=f"only deals with this {name} (ISO3 or actor)")
    parser.add_argument("--system", help="part of the designation or family (su-3: Su-30, Su-35)")
    parser.add_argument("--category", choices=CATEGORIES)
    parser.add_argument("--stage", choices=STAGES, help="only deals that reached this stage")
    parser.add_argument("--since", help="only deals reported on or after (YYYY[-MM[-DD]])")
    parser.add_argument("--until", help="only deals reported on or before (YYYY[-MM[-DD]])")


def _where(args: argparse.Namespace) -> DealFilter:
    return DealFilter(
        args.supplier,
        args.recipient,
        args.system,
        args.category,
        args.stage,
        args.since,
        args.until,
    )


def open_existing(db: str) -> Store:
    """The store at `db`; a missing SQLite file is an error, not a new empty database."""
    if "://" not in db and not Path(db).exists():
        raise InputError(f"{db} does not exist; run `armswatch ingest --db {db} FILES` first")
    return Store.open(db)


def cmd_deals(args: argparse.Namespace) -> int:
    """`armswatch deals`."""
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    with open_existing(args.db) as store:
        fields = DEAL_TABLE_FIELDS if fmt == "table" else DEAL_COLUMNS
        write_records(store.deals(_where(args)), sys.stdout, fmt, fields)
    return 0


def cmd_deal(args: argparse.Namespace) -> int:
    """`armswatch deal ID`."""
    fmt = args.format or ("table" if sys.stdout.isatty() else "json")
    with open_existing(args.db) as store:
        detail = store.deal(args.deal_id)
    if detail is None:
        raise InputError(f"no deal {args.deal_id} in {args.db}; list them with `armswatch deals`")
    if fmt == "table":
        sys.stdout.write(deal_block(detail))
    elif fmt in ("json", "jsonl"):
        write_records([detail.to_dict()], sys.stdout, fmt, ())
    else:
        rows = ({"deal_id": detail.deal_id, **asdict(source)} for source in detail.sources)
        write_records(rows, sys.stdout, "csv", ("deal_id", *SOURCE_FIELDS))
    return 0


def deal_block(detail: DealDetail) -> str:
    """A deal as an analyst reads it: the headline, the timeline, then each source."""
    deal = detail.deal
    name = deal.system or deal.family or f"({deal.category})"
    ordered = f", {deal.quantity_ordered} ordered" if deal.quantity_ordered else ""
    delivered = f", {deal.quantity_delivered} delivered" if deal.quantity_delivered else ""
    headline = f"Deal {detail.deal_id}: {deal.supplier} -> {deal.recipient}  {name}"
    lines = [
        f"{headline}  [{deal.category}, {deal.kind}]{ordered}{delivered}",
        f"  now: {deal.current_stage}; reported {deal.first_seen} .. {deal.last_seen}",
        "",
        "  timeline",
    ]
    lines += [
        f"    {span.stage:<13} {span.earliest or '?'} .. {span.latest or '?'}"
        f"  ({len(span.event_ids)} report{'s' if len(span.event_ids) != 1 else ''})"
        for span in deal.timeline
    ]
    lines += ["", "  sources"]
    for source in detail.sources:
        lines.append(f"    [{source.stage}, {source.event_date or '?'}] {source.evidence}")
        outlet = f"{source.site}, " if source.site else ""
        where = source.url or source.article_id
        lines.append(f"      {where} ({outlet}{source.published or 'undated'})")
    return "\n".join(lines) + "\n"


def cmd_export(args: argparse.Namespace) -> int:
    """`armswatch export`."""
    if args.output is None and args.format == "parquet" and sys.stdout.isatty():
        raise InputError("parquet is binary: write it with --output FILE or pipe it to a file")
    with open_existing(args.db) as store:
        details = list(_details(store, _where(args)))
    written = write_deals(details, args.format, args.output or sys.stdout.buffer)
    target = args.output or "stdout"
    print(f"armswatch export: {written} deals written to {target}", file=sys.stderr)
    return 0


def _details(store: Store, where: DealFilter) -> Iterator[DealDetail]:
    for row in list(store.deals(where)):
        detail = store.deal(int(str(row["deal_id"])))
        if detail is not None:
            yield detail


def cmd_compare_sipri(args: argparse.Namespace) -> int:
    """`armswatch compare-sipri REGISTER.csv`."""
    if not args.register.is_file():
        raise InputError(f"{args.register}: no such file; export the register from SIPRI as CSV")
    with open_existing(args.db) as store:
        details = list(_details(store, DealFilter()))
    comparison = compare_with_sipri(args.register, details, args.since)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    write_records(comparison.records(), sys.stdout, fmt, COMPARISON_FIELDS)
    print(f"armswatch compare-sipri: {comparison.describe()}", file=sys.stderr)
    return 0
