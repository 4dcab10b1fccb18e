"""Write records as jsonl, json, csv or an aligned table."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

FORMATS = ("jsonl", "json", "csv", "table")
EVENT_FIELDS = (
    "id",
    "supplier",
    "recipient",
    "system",
    "category",
    "quantity",
    "quantity_text",
    "stage",
    "event_date",
    "confidence",
    "evidence",
)
EXPLAIN_FIELDS = ("trigger", "system_mention", "parties", "rules")
TABLE_FIELDS = ("supplier", "recipient", "system", "quantity", "stage", "event_date", "evidence")

Record = Mapping[str, object]


def flatten_articles(articles: Iterable[Record]) -> Iterable[dict[str, object]]:
    """One row per event, carrying its article id."""
    for article in articles:
        events = article.get("events")
        for event in events if isinstance(events, list) else []:
            yield {"id": article.get("id"), **event}


def flatten_explanation(event: Record) -> dict[str, object]:
    """An event with its explanation as flat columns (lists joined with "; ")."""
    flat = {key: value for key, value in event.items() if key != "explain"}
    explain = event.get("explain")
    if isinstance(explain, dict):
        for key in EXPLAIN_FIELDS:
            value = explain.get(key)
            flat[key] = "; ".join(map(str, value)) if isinstance(value, list) else value
    return flat


def explanation_block(event: Record) -> str:
    """One event and why it was reported, as an indented block for the terminal."""
    flat = flatten_explanation(event)
    head = " ".join(
        _cell(flat.get(key))
        for key in ("supplier", "recipient", "system", "stage", "event_date", "quantity_text")
        if flat.get(key) is not None
    )
    lines = [
        f"{head}  (confidence {flat.get('confidence')}, {flat.get('id')})",
        f"  {'sentence':14} {_cell(flat.get('evidence'))}",
        *(f"  {key.replace('_', ' '):14} {_cell(flat.get(key))}" for key in EXPLAIN_FIELDS),
    ]
    return "\n".join(lines) + "\n\n"


def write_records(records: Iterable[Record], out: TextIO, fmt: str, fields: Sequence[str]) -> int:
    """Write flat records in the chosen format; returns how many were written."""
    if fmt == "jsonl":
        count = 0
        for count, record in enumerate(records, start=1):  # noqa: B007
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return count
    rows = list(records)
    if fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(fields), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        out.write(render_table(rows, fields))
    return len(rows)


def render_table(rows: Sequence[Record], fields: Sequence[str]) -> str:
    """An aligned plain-text table; the last column is cut to the terminal width."""
    if not rows:
        return "(no rows)\n"
    cells = [[_cell(row.get(f)) for f in fields] for row in rows]
    widths = [max(len(f), *(len(r[i]) for r in cells)) for i, f in enumerate(fields)]
    room = shutil.get_terminal_size((160, 24)).columns - sum(widths[:-1]) - 2 * (len(fields) - 1)
    widths[-1] = max(20, min(widths[-1], room))
    lines = [_line(list(fields), widths), _line(["-" * w for w in widths], widths)]
    lines.extend(_line(row, widths) for row in cells)
    return "\n".join(lines) + "\n"


def _cell(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _line(values: list[str], widths: list[int]) -> str:
    parts = [value[:width].ljust(width) for value, width in zip(values, widths, strict=True)]
    if len(values[-1]) > widths[-1]:
        parts[-1] = values[-1][: widths[-1] - 1] + "…"
    return "  ".join(parts).rstrip()
