"""`armswatch kb lookup | stats | import-sipri`: ask the knowledge base directly."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from armswatch._errors import InputError
from armswatch.find.lookup import Lookup
from armswatch.kb import KnowledgeBase, load_kb
from armswatch.kb.importer import default_extension_path, import_sipri
from armswatch.models import CATEGORIES
from armswatch.serve.formats import FORMATS, write_records

LOOKUP_FIELDS = ("query", "canonical", "family", "category", "origin", "kind", "how")
STATS_FIELDS = ("kind", "category", "count")
KINDS = ("system", "state", "actor", "company", "generic")


def add_kb_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `kb` command and its three sub-commands."""
    kb = commands.add_parser("kb", help="look names up in the knowledge base, count it, extend it")
    actions = kb.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    lookup = actions.add_parser("lookup", help="what the KB knows about names or designations")
    lookup.add_argument("names", nargs="*", help="names to look up (or use --file)")
    lookup.add_argument("--file", type=Path, help="one name per line; - for stdin")
    lookup.add_argument("--kind", choices=KINDS, action="append", help="only match these kinds")
    lookup.add_argument(
        "--category", choices=CATEGORIES, help="prefer systems of this category among namesakes"
    )
    _add_common(lookup)
    stats = actions.add_parser("stats", help="count entries per kind and category")
    _add_common(stats)
    importer = actions.add_parser(
        "import-sipri", help="turn your copy of the SIPRI trade register into a KB extension"
    )
    importer.add_argument("register", type=Path, help="the register exported from SIPRI as CSV")
    importer.add_argument(
        "--to",
        type=Path,
        default=None,
        help=f"extension file to write (default: {default_extension_path()})",
    )


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--with-extension",
        action="store_true",
        help="also read the extension written by `kb import-sipri`",
    )
    parser.add_argument("--format", choices=FORMATS, help="output format (default: jsonl)")


def knowledge_base(with_extension: bool) -> KnowledgeBase:
    """The packaged KB, or the packaged KB plus the user's extension."""
    return load_kb(default_extension_path() if with_extension else None)


def cmd_kb(args: argparse.Namespace) -> int:
    """Dispatch `armswatch kb ACTION`."""
    if args.kb_command == "import-sipri":
        return _import(args)
    kb = knowledge_base(args.with_extension)
    fmt = args.format or "jsonl"
    if args.kb_command == "stats":
        write_records(stats_records(kb), sys.stdout, fmt, STATS_FIELDS)
        return 0
    return _lookup(args, kb, fmt)


def _lookup(args: argparse.Namespace, kb: KnowledgeBase, fmt: str) -> int:
    queries = [*args.names, *_file_names(args.file)]
    if not queries:
        print("armswatch: error: give names to look up, or --file NAMES.txt", file=sys.stderr)
        return 2
    lookup = Lookup(kb)
    kinds = frozenset(args.kind) if args.kind else None
    records: list[dict[str, object]] = []
    for query in queries:
        match = lookup(query, kinds, args.category)
        if fmt in ("jsonl", "json"):
            records.append({"query": query, "match": match.to_dict() if match else None})
        else:
            records.append({"query": query, **(match.to_dict() if match else {})})
    write_records(records, sys.stdout, fmt, LOOKUP_FIELDS)
    return 0 if all(_matched(r) for r in records) else 1


def _matched(record: dict[str, object]) -> bool:
    return record.get("match") is not None or record.get("canonical") is not None


def _file_names(path: Path | None) -> Iterator[str]:
    if path is None:
        return
    try:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the names file ({exc})") from exc
    yield from (line.strip() for line in text.splitlines() if line.strip())


def stats_records(kb: KnowledgeBase) -> list[dict[str, object]]:
    """Counts per kind, and per category for systems."""
    entries = {(e.kind, e.key) for entries in kb.names.values() for e in entries}
    per_kind = Counter(kind for kind, _ in entries if kind not in {"system", "generic"})
    rows: list[dict[str, object]] = [
        {"kind": kind, "category": None, "count": count} for kind, count in sorted(per_kind.items())
    ]
    per_category = Counter(record.category for record in kb.systems.values())
    rows.append({"kind": "system", "category": None, "count": len(kb.systems)})
    rows.extend(
        {"kind": "system", "category": category, "count": count}
        for category, count in sorted(per_category.items())
    )
    families = len({record.family for record in kb.systems.values()})
    rows.append({"kind": "system-family", "category": None, "count": families})
    rows.append({"kind": "name", "category": None, "count": len(kb.names)})
    return rows


def _import(args: argparse.Namespace) -> int:
    destination = args.to or default_extension_path()
    summary = import_sipri(args.register, destination, Lookup(load_kb()))
    print(f"armswatch: {summary.describe()}", file=sys.stderr)
    print(
        "armswatch: use it with `armswatch extract --with-extension` or"
        " `armswatch kb lookup --with-extension`",
        file=sys.stderr,
    )
    return 0
