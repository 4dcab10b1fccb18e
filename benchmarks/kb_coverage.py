"""How much of three public reference tables the packaged knowledge base recognises.

- SIPRI trade register, orders since 2000: share of rows and of distinct
  designations that `kb lookup` matches to a weapon system, and the share of
  those whose category agrees with SIPRI's description (goals: 90% of rows,
  80% of designations).
- Oryx losses list: share of systems matched.
- Country aliases: share of name, demonym and capital aliases that map to the
  right ISO3 code (goal: 95%).
The tables are read from ../shared/reference for measuring only, never copied.
    .venv/bin/python benchmarks/kb_coverage.py [--misses N]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TypeGuard

from armswatch.find.designations import guess_category
from armswatch.find.lookup import Lookup, LookupMatch
from armswatch.kb import load_kb

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"
SIPRI = REFERENCE / "sipri_trade_register_1950_2024.csv"
ORYX = REFERENCE / "oryx_systems_by_origin.csv"
ALIASES = REFERENCE / "country_aliases.csv"
STATE_KINDS = frozenset({"state"})
SYSTEM_KINDS = frozenset({"system"})
# The table codes Kosovo UNK (the UN's code); armswatch uses XKX, as the EU and IMF do.
SAME_CODE = {"UNK": "XKX"}
# The goal counts the table's own name, demonym and capital rows; the wider
# groups add its alternative names, plural demonyms and adjectives.
GOAL_TYPES = frozenset({"name", "demonym", "capital"})
ALIAS_GROUPS = {
    "name": {"name", "official_name", "alt_name", "name_old", "sipri_name"},
    "demonym": {"demonym", "demonym_plural", "adjectival"},
    "capital": {"capital", "capital_old", "capital_short"},
}


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _is_system(match: LookupMatch | None) -> TypeGuard[LookupMatch]:
    return match is not None and match.kind == "system"


def sipri_coverage(lookup: Lookup, since: int) -> dict[str, object]:
    """Rows and designations of the register ordered since `since` that the KB knows."""
    rows = [
        row
        for row in _rows(SIPRI)
        if row["Year of order"].isdigit() and int(row["Year of order"]) >= since
    ]
    described = {row["Weapon designation"]: row["Weapon description"] for row in rows}
    matches = {
        d: lookup(d, kinds=SYSTEM_KINDS, category=guess_category(text))
        for d, text in described.items()
    }
    known = {d: match for d, match in matches.items() if _is_system(match)}
    known_rows = [row for row in rows if row["Weapon designation"] in known]
    named = [row for row in rows if not _placeholder(row["Weapon designation"])]
    named_designations = {row["Weapon designation"] for row in named}
    agreeing = [
        row
        for row in known_rows
        if guess_category(row["Weapon description"])
        in {None, known[row["Weapon designation"]].category}
    ]
    return {
        "rows": len(rows),
        "row_share": _share(len(known_rows), len(rows)),
        "designations": len(matches),
        "designation_share": _share(len(known), len(matches)),
        "named_rows": len(named),
        "named_row_share": _share(sum(r["Weapon designation"] in known for r in named), len(named)),
        "named_designations": len(named_designations),
        "named_designation_share": _share(
            len(named_designations & known.keys()), len(named_designations)
        ),
        "category_agrees_share": _share(len(agreeing), len(known_rows)),
        "matched_by": dict(Counter(match.how for match in known.values())),
        "misses_by_description": _misses_by_description(rows, matches),
    }


def _placeholder(designation: str) -> bool:
    """The register's stand-ins for an unnamed item ("vehicle engine", "ship engine")."""
    return designation == designation.lower() and not any(ch.isdigit() for ch in designation)


def _misses_by_description(
    rows: list[dict[str, str]], matches: dict[str, LookupMatch | None]
) -> dict[str, int]:
    missed = Counter(
        row["Weapon description"]
        for row in rows
        if not _is_system(matches[row["Weapon designation"]])
    )
    return dict(missed.most_common(10))


def oryx_coverage(lookup: Lookup) -> dict[str, object]:
    """Named systems of the Oryx list (not its "Unknown ..." rows) that the KB knows."""
    systems = [row["system"] for row in _rows(ORYX) if not row["system"].startswith("Unknown")]
    known = [name for name in systems if _is_system(lookup(name, kinds=SYSTEM_KINDS))]
    return {"systems": len(systems), "share": _share(len(known), len(systems))}


def alias_coverage(lookup: Lookup) -> dict[str, object]:
    """Country aliases that map to the right ISO3, per group and overall."""
    totals: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for row in _rows(ALIASES):
        groups = [g for g, types in ALIAS_GROUPS.items() if row["alias_type"] in types]
        if row["alias_type"] in GOAL_TYPES:
            groups.append("goal")
        match = lookup(row["alias"], kinds=STATE_KINDS)
        is_right = match is not None and match.canonical == SAME_CODE.get(row["iso3"], row["iso3"])
        for group in groups:
            totals[group] += 1
            right[group] += is_right
    report: dict[str, object] = {
        f"{group}_share": _share(right[group], totals[group]) for group in sorted(totals)
    }
    report["goal_aliases"] = totals["goal"]
    return report


def main() -> int:
    """Print the three coverage reports as one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--since", type=int, default=2000, help="first year of order counted")
    args = parser.parse_args()
    missing = [str(p) for p in (SIPRI, ORYX, ALIASES) if not p.exists()]
    if missing:
        print(f"kb_coverage: not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    kb = load_kb()
    lookup = Lookup(kb)
    report = {
        "kb_systems": len(kb.systems),
        "sipri": sipri_coverage(lookup, args.since),
        "oryx": oryx_coverage(lookup),
        "country_aliases": alias_coverage(lookup),
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
