"""Read and validate the packaged knowledge-base files into one KnowledgeBase.

Every name form (name, alias, demonym, capital, metonym, person, place,
designation) becomes a NameEntry under the string as written; the find stage
turns those strings into one automaton. Malformed rows raise KnowledgeBaseError naming the file
and row, never an assert.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from armswatch._errors import KnowledgeBaseError
from armswatch.models import CATEGORIES, MentionKind

_PACKAGE = "armswatch.kb"
SYSTEM_COLUMNS = frozenset({"canonical", "family", "category", "origin", "aliases", "ambiguous"})
AMBIGUITY = frozenset({"0", "1", "civil"})
STATE_KINDS = frozenset({"state", "observer", "other-state", "territory"})
COMPANY_KINDS = frozenset({"company", "group", "agency", "procurement"})


@dataclass(frozen=True, slots=True)
class NameEntry:
    """What one written name refers to."""

    kind: MentionKind
    key: str
    form: str
    category: str | None = None
    origin: str | None = None
    family: str | None = None
    ambiguous: bool = False
    civil: bool = False


@dataclass(frozen=True, slots=True)
class SystemRecord:
    """One weapon system row."""

    canonical: str
    family: str
    category: str
    origin: str
    ambiguous: bool
    civil: bool
    # A multinational design's partner states, the lead (`origin`) first; empty for
    # a design of one state.
    partners: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Everything recognition needs, keyed for fast lookup."""

    names: dict[str, tuple[NameEntry, ...]]
    systems: dict[str, SystemRecord]
    states: dict[str, str]
    sovereigns: dict[str, str]
    military_context: tuple[str, ...]
    military_users: tuple[str, ...]
    civil_context: tuple[str, ...] = ()


def _rows(filename: str) -> Iterator[tuple[int, dict[str, str]]]:
    path = resources.files(_PACKAGE).joinpath(f"data/{filename}")
    return _parse_rows(path.read_text(encoding="utf-8"), filename)


def _parse_rows(text: str, where: str) -> Iterator[tuple[int, dict[str, str]]]:
    for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
        if None in row or any(value is None for value in row.values()):
            raise KnowledgeBaseError(f"{where}:{number}: wrong number of columns")
        yield number, {key: value.strip() for key, value in row.items()}


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _system_files() -> list[str]:
    folder = resources.files(_PACKAGE).joinpath("data")
    return sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.startswith("systems_") and entry.name.endswith(".csv")
    )


class _Builder:
    """Collects names while the files are read, then freezes them."""

    def __init__(self) -> None:
        self.names: dict[str, list[NameEntry]] = defaultdict(list)
        self.systems: dict[str, SystemRecord] = {}
        self.states: dict[str, str] = {}
        self.sovereigns: dict[str, str] = {}

    def add(self, name: str, entry: NameEntry) -> None:
        if len(name) >= 2 and entry not in self.names[name]:
            self.names[name].append(entry)

    def load_states(self) -> None:
        for number, row in _rows("states.csv"):
            code = row["iso3"]
            if len(code) != 3 or not code.isupper() or row["kind"] not in STATE_KINDS:
                raise KnowledgeBaseError(f"states.csv:{number}: bad iso3 or kind")
            self.states[code] = row["name"]
            if row["sovereign"]:
                self.sovereigns[code] = row["sovereign"]
            forms = {
                "name": [row["name"], row["official_name"], *_split(row["aliases"])],
                "demonym": _split(row["demonyms"]),
                "capital": _split(row["capital"]),
                "metonym": _split(row["metonyms"]),
            }
            for form, names in forms.items():
                for name in names:
                    self.add(name, NameEntry("state", code, form, origin=code))

    def load_actors(self) -> None:
        for _, row in _rows("actors.csv"):
            entry = NameEntry(
                "actor", row["code"], "name", category=row["kind"], origin=row["base"] or None
            )
            for name in [row["code"], row["name"], *_split(row["aliases"])]:
                self.add(name, entry)

    def load_people(self) -> None:
        """Leaders and ministers stand for their state or organisation ("Macron pledged")."""
        actors = {entry.key for entries in self.names.values() for entry in entries}
        for number, row in _rows("people.csv"):
            party = row["party"]
            if party in self.states:
                entry = NameEntry("state", party, "person", origin=party)
            elif party in actors:
                entry = NameEntry("actor", party, "person")
            else:
                raise KnowledgeBaseError(f"people.csv:{number}: unknown party {party!r}")
            for name in [row["name"], *_split(row["aliases"])]:
                self.add(name, entry)

    def load_places(self) -> None:
        """Bases and cities stand for the state they lie in, as a destination only."""
        for number, row in _rows("places.csv"):
            if row["state"] not in self.states:
                raise KnowledgeBaseError(f"places.csv:{number}: unknown state {row['state']!r}")
            self.add(row["name"], NameEntry("state", row["state"], "place", origin=row["state"]))

    def load_companies(self) -> None:
        for number, row in _rows("companies.csv"):
            if row["state"] not in self.states:
                raise KnowledgeBaseError(f"companies.csv:{number}: unknown state {row['state']}")
            if row["kind"] not in COMPANY_KINDS:
                raise KnowledgeBaseError(f"companies.csv:{number}: unknown kind {row['kind']!r}")
            kind = row["kind"]
            entry = NameEntry("company", row["name"], "name", category=kind, origin=row["state"])
            if kind == "procurement":
                # "the Armament Agency signed": a state's own buying office is that state.
                entry = NameEntry("state", row["state"], "metonym", origin=row["state"])
            for name in [row["name"], *_split(row["aliases"])]:
                self.add(name, entry)

    def load_systems(self) -> None:
        for filename in _system_files():
            for number, row in _rows(filename):
                self._add_system(f"{filename}:{number}", row)

    def load_extension(self, path: Path) -> None:
        """A user's own systems file (see `armswatch kb import-sipri`), read after ours."""
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise KnowledgeBaseError(
                f"{path}: cannot read the KB extension ({exc.strerror});"
                " create it with `armswatch kb import-sipri REGISTER.csv`"
            ) from exc
        for number, row in _parse_rows(text, str(path)):
            if row.get("canonical") not in self.systems:
                self._add_system(f"{path}:{number}", row)

    def check_families(self) -> None:
        for record in self.systems.values():
            if record.family not in self.systems:
                raise KnowledgeBaseError(f"{record.canonical}: family {record.family} missing")

    def _add_system(self, where: str, row: dict[str, str]) -> None:
        missing = SYSTEM_COLUMNS - row.keys()
        if missing:
            raise KnowledgeBaseError(f"{where}: missing columns {', '.join(sorted(missing))}")
        if row["category"] not in CATEGORIES:
            raise KnowledgeBaseError(f"{where}: unknown category {row['category']!r}")
        if row["ambiguous"] not in AMBIGUITY:
            raise KnowledgeBaseError(f"{where}: ambiguous must be 0, 1 or civil")
        states = row["origin"].split("|")
        unknown = [code for code in states if code not in self.states]
        if unknown:
            raise KnowledgeBaseError(f"{where}: unknown origin state {unknown[0]!r}")
        record = SystemRecord(
            canonical=row["canonical"],
            family=row["family"] or row["canonical"],
            category=row["category"],
            origin=states[0],
            ambiguous=row["ambiguous"] in {"1", "civil"},
            civil=row["ambiguous"] == "civil",
            partners=tuple(states) if len(states) > 1 else (),
        )
        if record.canonical in self.systems:
            raise KnowledgeBaseError(f"{where}: system {record.canonical!r} is already defined")
        self.systems[record.canonical] = record
        entry = NameEntry(
            "system",
            record.canonical,
            "designation",
            category=record.category,
            origin=record.origin,
            family=record.family,
            ambiguous=record.ambiguous,
            civil=record.civil,
        )
        for name in [record.canonical, *_split(row["aliases"])]:
            self.add(name, entry)

    def load_generic_terms(self) -> None:
        for number, row in _rows("generic_terms.csv"):
            if row["category"] not in CATEGORIES:
                raise KnowledgeBaseError(f"generic_terms.csv:{number}: unknown category")
            self.add(row["term"], NameEntry("generic", row["category"], "generic", row["category"]))


def _context_terms(filename: str) -> tuple[str, ...]:
    path = resources.files(_PACKAGE).joinpath(f"data/{filename}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip().lower() for line in lines if line.strip() and line[0] != "#")


@cache
def load_kb(extension: Path | None = None) -> KnowledgeBase:
    """Load the packaged knowledge base once per process, with a user's extension if given."""
    builder = _Builder()
    builder.load_states()
    builder.load_actors()
    builder.load_people()
    builder.load_places()
    builder.load_companies()
    builder.load_systems()
    if extension is not None:
        builder.load_extension(extension)
    builder.check_families()
    builder.load_generic_terms()
    return KnowledgeBase(
        names={name: tuple(entries) for name, entries in builder.names.items()},
        systems=builder.systems,
        states=builder.states,
        sovereigns=builder.sovereigns,
        military_context=_context_terms("military_context.txt"),
        military_users=_context_terms("military_users.txt"),
        civil_context=_context_terms("civil_context.txt"),
    )
