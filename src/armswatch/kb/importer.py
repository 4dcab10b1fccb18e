"""`armswatch kb import-sipri`: a user's SIPRI register becomes a local KB extension.

armswatch ships no SIPRI data. A user with their own copy of the trade
register can turn its designations into a systems file outside the package
(by default under $XDG_DATA_HOME/armswatch), which extract, ingest and
`kb lookup` read when asked with --with-extension. Designations the packaged KB
already knows are left out; a variant of a known system ("Su-30MKM") joins
that system's family.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from armswatch._errors import InputError
from armswatch.find.designations import guess_category
from armswatch.find.lookup import Lookup, LookupMatch

REQUIRED_COLUMNS = ("Supplier", "Weapon designation", "Weapon description")
EXTENSION_COLUMNS = ("canonical", "family", "category", "origin", "aliases", "ambiguous", "source")
_KNOWN = frozenset({"exact", "alternative", "stripped"})
_STATES = frozenset({"state"})
_SYSTEMS = frozenset({"system"})
_CALIBRE = re.compile(r"\s*\d+(?:\.\d+)?\s?mm\b", re.IGNORECASE)


def default_extension_path() -> Path:
    """$ARMSWATCH_KB_EXTENSION, else $XDG_DATA_HOME/armswatch/kb-extension.csv."""
    explicit = os.environ.get("ARMSWATCH_KB_EXTENSION")
    if explicit:
        return Path(explicit)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "armswatch" / "kb-extension.csv"


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did, for the one-line report."""

    designations: int
    already_known: int
    added: int
    skipped_unknown_supplier: int
    path: Path

    def describe(self) -> str:
        """One line for stderr."""
        return (
            f"{self.designations} designations read: {self.added} added to {self.path},"
            f" {self.already_known} already known,"
            f" {self.skipped_unknown_supplier} skipped (supplier not a known state)"
        )


def import_sipri(register: Path, destination: Path, lookup: Lookup) -> ImportSummary:
    """Write every register designation the packaged KB lacks to `destination`."""
    designations = _designations(register)
    rows: dict[str, dict[str, str]] = {}
    known = unknown_supplier = 0
    for designation, (supplier, description) in designations.items():
        match = lookup(designation, kinds=_SYSTEMS, category=guess_category(description))
        if match is not None and match.how in _KNOWN:
            known += 1
            continue
        origin = lookup(supplier, kinds=_STATES)
        if origin is None:
            unknown_supplier += 1
            continue
        row = _extension_row(designation, description, origin.canonical, match)
        rows.setdefault(row["canonical"], row)
    _write_atomically(destination, [rows[key] for key in sorted(rows)])
    return ImportSummary(len(designations), known, len(rows), unknown_supplier, destination)


def _extension_row(
    designation: str, description: str, origin: str, variant_of: LookupMatch | None
) -> dict[str, str]:
    parts = [part.strip() for part in designation.split("/") if part.strip()]
    canonical = parts[0]
    aliases = [*parts[1:], _CALIBRE.sub("", canonical).strip()]
    family = (variant_of.family if variant_of is not None else None) or canonical
    return {
        "canonical": canonical,
        "family": family,
        "category": guess_category(description) or "other",
        "origin": origin,
        "aliases": "|".join(a for a in dict.fromkeys(aliases) if a and a != canonical),
        "ambiguous": "0",
        "source": f"SIPRI register: {description}",
    }


def _designations(register: Path) -> dict[str, tuple[str, str]]:
    """Each distinct designation with the first supplier and description given for it."""
    found: dict[str, tuple[str, str]] = {}
    for row in read_register_rows(register):
        designation = row["Weapon designation"].strip()
        if designation:
            found.setdefault(
                designation, (row["Supplier"].strip(), row["Weapon description"].strip())
            )
    return found


def read_register_rows(register: Path) -> Iterator[dict[str, str]]:
    """Register rows as column -> text, after any title lines SIPRI's export puts above the
    header: the one reader of a user's register, for the import and the SIPRI comparison."""
    text = _read_text(register)
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if "Weapon designation" in line), None)
    if header is None:
        raise InputError(
            f"{register}: no header with {', '.join(REQUIRED_COLUMNS)};"
            " export the register from SIPRI as CSV and try again"
        )
    reader = csv.DictReader(io.StringIO("\n".join(lines[header:])))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{register}: missing columns {', '.join(missing)}")
    for row in reader:
        yield {key: value or "" for key, value in row.items() if key is not None}


def _read_text(register: Path) -> str:
    try:
        data = register.read_bytes()
    except OSError as exc:
        raise InputError(f"{register}: cannot read ({exc.strerror})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _write_atomically(destination: Path, rows: list[dict[str, str]]) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_suffix(destination.suffix + ".partial")
    with partial.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=EXTENSION_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(destination)
