"""The `armswatch` command: thin wrappers that print what library functions return.

Exit codes: 0 when every input was read, 1 when some input failed (the rest
is still processed), 2 for usage errors, 3 when a quality gate fails.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TextIO

from armswatch import __version__
from armswatch._errors import ArmswatchError
from armswatch.evaluate.deals import measure_deals
from armswatch.evaluate.report import EvalReport, evaluate_file
from armswatch.extract.confidence import load_model
from armswatch.ingest import ReadProblem, read_inputs
from armswatch.models import ArticleResult
from armswatch.pipeline import extractor_version, run_pipeline
from armswatch.resolve import resolve_deals
from armswatch.serve.deal_commands import (
    add_deal_parsers,
    cmd_compare_sipri,
    cmd_deal,
    cmd_deals,
    cmd_export,
    open_existing,
)
from armswatch.serve.formats import (
    EVENT_FIELDS,
    EXPLAIN_FIELDS,
    FORMATS,
    TABLE_FIELDS,
    explanation_block,
    flatten_articles,
    flatten_explanation,
    write_records,
)
from armswatch.serve.kb_commands import add_kb_parser, cmd_kb, knowledge_base
from armswatch.serve.progress import Progress
from armswatch.store import EventFilter, IngestOutcome, Store

EXIT_OK, EXIT_INPUT_FAILED, EXIT_GATE_FAILED = 0, 1, 3
DEFAULT_DB = "armswatch.db"
DB_HELP = (
    f"SQLite file (default: ./{DEFAULT_DB}) or a database URL"
    " such as postgresql+psycopg://user@localhost/armswatch"
)


def _default_format(out: TextIO) -> str:
    return "table" if out.isatty() else "jsonl"


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help="output format (default: table on a terminal, jsonl when piped)",
    )


def _add_extension(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--with-extension",
        action="store_true",
        help="also recognise the designations imported by `armswatch kb import-sipri`",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every sub-command."""
    cutoff = load_model().cutoff
    cutoff_help = f"{cutoff:g}, the confidence model's cutoff; 0 keeps every event the rules find"
    parser = argparse.ArgumentParser(
        prog="armswatch", description="Sourced arms-transfer and deployment events from news."
    )
    parser.add_argument("--version", action="version", version=f"armswatch {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    extract = commands.add_parser("extract", help="print the events each article asserts")
    extract.add_argument(
        "inputs", nargs="*", default=["-"], help=".txt/.html/.jsonl files, folders or - for stdin"
    )
    extract.add_argument(
        "--min-confidence",
        type=float,
        help=f"drop events below this confidence (default {cutoff_help})",
    )
    extract.add_argument(
        "--explain",
        action="store_true",
        help="show, for each event, its trigger, mentions and the rules that produced it",
    )
    _add_format(extract)
    _add_extension(extract)
    ingest = commands.add_parser(
        "ingest", help="extract and store documents, events and the deals they report"
    )
    ingest.add_argument("inputs", nargs="*", default=["-"], help="files, folders or - for stdin")
    _add_extension(ingest)
    ingest.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    demo = commands.add_parser(
        "demo", help="ingest the bundled sample pages and print their events"
    )
    demo.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    _add_format(demo)
    events = commands.add_parser("events", help="list stored events")
    events.add_argument("--db", default=DEFAULT_DB, help=DB_HELP)
    for name in ("supplier", "recipient", "system", "stage"):
        events.add_argument(f"--{name}", help=f"only events with this {name}")
    events.add_argument(
        "--since", help="only events dated on or after (YYYY, YYYY-MM or YYYY-MM-DD)"
    )
    events.add_argument(
        "--until", help="only events dated on or before (YYYY, YYYY-MM or YYYY-MM-DD)"
    )
    _add_format(events)
    add_deal_parsers(commands, DB_HELP, DEFAULT_DB)
    add_kb_parser(commands)
    evaluate = commands.add_parser("eval", help="score the extractor against a gold JSONL file")
    evaluate.add_argument("gold", type=Path, help="gold file in SCHEMA.md format")
    evaluate.add_argument(
        "--html", action="store_true", help="read the items' HTML pages instead of text"
    )
    evaluate.add_argument("--errors", action="store_true", help="list each miss and false event")
    evaluate.add_argument(
        "--deals",
        action="store_true",
        help="also ingest the articles into a temporary database and score the resolved deals",
    )
    evaluate.add_argument("--min-f1", type=float, help="exit 3 when strict F1 is below this floor")
    evaluate.add_argument(
        "--min-confidence",
        type=float,
        help=f"score only events at or above this confidence (default {cutoff_help})",
    )
    evaluate.add_argument("--format", choices=("table", "json"), default="table")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        return int(_COMMANDS[args.command](args))
    except ArmswatchError as exc:
        print(f"armswatch: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    except KeyboardInterrupt:
        return 130


def _results(
    inputs: Iterable[str],
    progress: Progress,
    *,
    with_extension: bool = False,
    min_confidence: float | None = None,
) -> Iterator[ArticleResult]:
    kb = knowledge_base(with_extension) if with_extension else None
    for item in run_pipeline(read_inputs(inputs), kb, min_confidence=min_confidence):
        if isinstance(item, ReadProblem):
            print(item, file=sys.stderr)
            progress.problem(fatal=item.fatal)
        else:
            progress.document(len(item.events))
            yield item


def cmd_extract(args: argparse.Namespace) -> int:
    """`armswatch extract`."""
    fmt = args.format or _default_format(sys.stdout)
    progress = Progress("extract")
    results = _results(
        args.inputs,
        progress,
        with_extension=args.with_extension,
        min_confidence=args.min_confidence,
    )
    articles = (result.to_dict(explain=args.explain) for result in results)
    if fmt in ("jsonl", "json"):
        write_records(articles, sys.stdout, fmt, EVENT_FIELDS)
    elif args.explain and fmt == "table":
        for event in flatten_articles(articles):
            sys.stdout.write(explanation_block(event))
    else:
        fields = TABLE_FIELDS if fmt == "table" else EVENT_FIELDS
        if args.explain:
            fields = (*fields, *EXPLAIN_FIELDS)
        rows = (flatten_explanation(e) for e in flatten_articles(articles))
        write_records(rows, sys.stdout, fmt, fields)
    progress.finish()
    return EXIT_INPUT_FAILED if progress.failed else EXIT_OK


def cmd_ingest(args: argparse.Namespace) -> int:
    """`armswatch ingest`: store each article, its events and the deals they change."""
    progress = Progress("ingest")
    outcomes: Counter[IngestOutcome] = Counter()
    with Store.open(args.db) as store:
        before = store.counts()
        if before.events and not before.deals:
            store.rebuild_deals(resolve_deals)  # a database from before deals existed
        results = _results(
            args.inputs, progress, with_extension=getattr(args, "with_extension", False)
        )
        outcomes.update(store.ingest_many(results, resolve_deals, extractor_version()))
        counts = store.counts()
    progress.finish()
    print(
        f"armswatch: {outcomes[IngestOutcome.ADDED]} new documents stored,"
        f" {outcomes[IngestOutcome.REPLACED]} re-extracted,"
        f" {outcomes[IngestOutcome.UNCHANGED]} unchanged; {store.name} holds"
        f" {counts.documents} documents, {counts.events} events and {counts.deals} deals",
        file=sys.stderr,
    )
    return EXIT_INPUT_FAILED if progress.failed else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    """`armswatch demo`: ingest the bundled sample pages, then list their events."""
    samples = resources.files("armswatch").joinpath("samples")
    with resources.as_file(samples) as folder:
        args.inputs = [str(folder)]
        status = cmd_ingest(args)
    _list_events(args.db, EventFilter(), args.format or _default_format(sys.stdout))
    return status


def cmd_events(args: argparse.Namespace) -> int:
    """`armswatch events`."""
    where = EventFilter(
        args.supplier, args.recipient, args.system, args.stage, args.since, args.until
    )
    _list_events(args.db, where, args.format or _default_format(sys.stdout))
    return EXIT_OK


def _list_events(db: str, where: EventFilter, fmt: str) -> None:
    with open_existing(db) as store:
        fields = TABLE_FIELDS if fmt == "table" else ("event_id", "url", "published", *EVENT_FIELDS)
        write_records(store.events(where), sys.stdout, fmt, fields)


def cmd_eval(args: argparse.Namespace) -> int:
    """`armswatch eval`."""
    report = evaluate_file(args.gold, use_html=args.html, min_confidence=args.min_confidence)
    figures = report.summary() | (measure_deals(args.gold) if args.deals else {})
    if args.format == "json":
        write_records([figures], sys.stdout, "json", ())
    else:
        _print_figures(figures)
    if args.errors:
        _print_errors(report)
    if args.min_f1 is not None and report.strict.f1 < args.min_f1:
        print(
            f"armswatch: F1 {report.strict.f1:.4f} is below the floor {args.min_f1:.4f}",
            file=sys.stderr,
        )
        return EXIT_GATE_FAILED
    return EXIT_OK


def _print_figures(figures: dict[str, float | int]) -> None:
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key.ljust(width)}  {value}")


def _print_errors(report: EvalReport) -> None:
    for score, article_id in report.details:
        for gold in score.missed:
            print(f"MISS  {article_id}  {_describe(gold)}\n      {gold.get('evidence')}")
        for guess in score.false:
            print(f"FALSE {article_id}  {_describe(guess)}\n      {guess.get('evidence')}")
        for gold, guess in score.matched:
            if gold.get("event_date") not in (None, guess.get("event_date")):
                print(f"DATE  {article_id}  {_describe(gold)} predicted {guess.get('event_date')}")
            if gold.get("quantity") not in (None, guess.get("quantity")):
                print(f"QTY   {article_id}  {_describe(gold)} predicted {guess.get('quantity')}")


def _describe(event: object) -> str:
    get = event.get if isinstance(event, dict) else (lambda _key: None)
    return (
        f"{get('supplier')}->{get('recipient')} {get('system') or '(' + str(get('category')) + ')'}"
        f" {get('stage')} {get('event_date')} q={get('quantity')}"
    )


_COMMANDS = {
    "extract": cmd_extract,
    "ingest": cmd_ingest,
    "demo": cmd_demo,
    "events": cmd_events,
    "eval": cmd_eval,
    "kb": cmd_kb,
    "deals": cmd_deals,
    "deal": cmd_deal,
    "export": cmd_export,
    "compare-sipri": cmd_compare_sipri,
}
