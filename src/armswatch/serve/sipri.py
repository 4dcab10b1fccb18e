"""Our deals beside a user's copy of SIPRI's trade register: what both, or only one, report.

A register row and a deal are the same order when they share supplier,
recipient and system family: the register's country names and designations go
through the knowledge base (`Lookup`), so "Turkiye" meets TUR and "Su-30MKM"
meets the Su-30 family. A party must be named outright: "Ukraine Rebels*" is
not Ukraine, and a name the KB lacks ("unknown supplier(s)") matches nothing.
Deployments are left out (SIPRI records transfers only), as are rows and deals
whose order year is unknown when a first year is asked for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from armswatch._errors import InputError
from armswatch._text import fold
from armswatch.find.designations import family_of, guess_category
from armswatch.find.lookup import Lookup
from armswatch.kb import KnowledgeBase, load_kb
from armswatch.kb.importer import read_register_rows
from armswatch.serve.exports import order_year, source_urls, year_of
from armswatch.store import DealDetail

COMPARED_COLUMNS = ("Recipient", "Supplier", "Year of order", "Weapon designation")
COMPARISON_FIELDS = (
    "found_in",
    "supplier",
    "recipient",
    "family",
    "register_designation",
    "register_year",
    "register_number",
    "deal_id",
    "deal_system",
    "deal_year",
    "deal_quantity",
    "source_urls",
)
_STATES = frozenset({"state"})
_SYSTEMS = frozenset({"system"})
_NAMED_OUTRIGHT = frozenset({"exact", "alternative", "stripped"})

Key = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class RegisterRow:
    """One register order, as written and as resolved (None: the KB does not know it)."""

    recipient: str
    supplier: str
    year_of_order: int | None
    designation: str
    number_ordered: int | None
    recipient_code: str | None
    supplier_code: str | None
    family: str | None

    @property
    def key(self) -> Key | None:
        """(supplier, recipient, folded family), when all three are known."""
        return _key(self.supplier_code, self.recipient_code, self.family)


@dataclass(frozen=True, slots=True)
class SipriMatch:
    """A register row and the deal that reports the same order."""

    row: RegisterRow
    deal: DealDetail


@dataclass(frozen=True, slots=True)
class SipriComparison:
    """Orders from `since` on, split by who reports them."""

    since: int | None
    both: tuple[SipriMatch, ...]
    news_only: tuple[DealDetail, ...]
    register_only: tuple[RegisterRow, ...]
    unresolved_rows: int = 0

    @property
    def counts(self) -> dict[str, int]:
        """How many orders fall in each list."""
        return {
            "both": len(self.both),
            "news_only": len(self.news_only),
            "register_only": len(self.register_only),
        }

    def describe(self) -> str:
        """One line for stderr."""
        years = f"since {self.since}" if self.since is not None else "all years"
        return (
            f"SIPRI comparison ({years}): {len(self.both)} orders in both,"
            f" {len(self.news_only)} only in the news, {len(self.register_only)} only in the"
            f" register ({self.unresolved_rows} register rows name a supplier or recipient"
            " that is not a known state)"
        )

    def records(self) -> Iterator[dict[str, object]]:
        """Rows with every field of COMPARISON_FIELDS (None where a side has no value):
        matches, then news-only deals, then register-only rows."""
        empty: dict[str, object] = dict.fromkeys(COMPARISON_FIELDS)
        for match in self.both:
            yield empty | _row_fields(match.row) | _deal_fields(match.deal) | {"found_in": "both"}
        for deal in self.news_only:
            yield empty | _deal_fields(deal) | {"found_in": "news_only"}
        for row in self.register_only:
            yield empty | _row_fields(row) | {"found_in": "register_only"}


def compare_with_sipri(
    register: Path,
    deals: Sequence[DealDetail],
    since: int | None,
    kb: KnowledgeBase | None = None,
) -> SipriComparison:
    """Split register orders and our transfers from `since` on into both/news/register.

    Each row matches at most one deal and each deal one row; among rivals the
    closest order years pair first.
    """
    knowledge = kb or load_kb()
    rows = list(_read_rows(register, since, _Resolver(knowledge)))
    transfers = [d for d in deals if d.deal.kind == "transfer" and _recent(_deal_year(d), since)]
    pairs = _pair(rows, transfers)
    paired_rows = {r for r, _ in pairs}
    paired_deals = {d for _, d in pairs}
    return SipriComparison(
        since=since,
        both=tuple(SipriMatch(rows[r], transfers[d]) for r, d in sorted(pairs)),
        news_only=tuple(d for i, d in enumerate(transfers) if i not in paired_deals),
        register_only=tuple(r for i, r in enumerate(rows) if i not in paired_rows),
        unresolved_rows=sum(r.supplier_code is None or r.recipient_code is None for r in rows),
    )


class _Resolver:
    """Register names to ISO3 codes and families, each distinct name looked up once."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._lookup = Lookup(kb)
        self._states: dict[str, str | None] = {}
        self._families: dict[tuple[str, str], str | None] = {}

    def state(self, name: str) -> str | None:
        if name not in self._states:
            match = self._lookup(name, kinds=_STATES)
            named = match is not None and match.how in _NAMED_OUTRIGHT
            self._states[name] = match.canonical if match is not None and named else None
        return self._states[name]

    def family(self, designation: str, description: str) -> str | None:
        """The family of a designation; a designation the KB lacks is its own family."""
        if not designation:
            return None
        if (designation, description) not in self._families:
            category = guess_category(description) if description else None
            match = self._lookup(designation, kinds=_SYSTEMS, category=category)
            system = match.canonical if match is not None else designation.partition("/")[0].strip()
            self._families[designation, description] = family_of(system, self._kb)
        return self._families[designation, description]


def _read_rows(register: Path, since: int | None, resolve: _Resolver) -> Iterator[RegisterRow]:
    """Rows ordered from `since` on, resolved (older rows are skipped before any lookup)."""
    for number, row in enumerate(read_register_rows(register)):
        if number == 0:
            _check_columns(register, row)
        year = _number(row["Year of order"])
        if not _recent(year, since):
            continue
        designation = row["Weapon designation"].strip()
        yield RegisterRow(
            recipient=row["Recipient"].strip(),
            supplier=row["Supplier"].strip(),
            year_of_order=year,
            designation=designation,
            number_ordered=_number(row.get("Number ordered", "")),
            recipient_code=resolve.state(row["Recipient"].strip()),
            supplier_code=resolve.state(row["Supplier"].strip()),
            family=resolve.family(designation, row["Weapon description"].strip()),
        )


def _check_columns(register: Path, row: dict[str, str]) -> None:
    missing = [column for column in COMPARED_COLUMNS if column not in row]
    if missing:
        raise InputError(
            f"{register}: missing columns {', '.join(missing)}; expected SIPRI's trade"
            f" register exported as CSV, with the columns {', '.join(COMPARED_COLUMNS)}"
        )


def _pair(rows: Sequence[RegisterRow], deals: Sequence[DealDetail]) -> list[tuple[int, int]]:
    """One-to-one (row, deal) index pairs with the same key, closest order years first."""
    deals_by_key: dict[Key, list[int]] = defaultdict(list)
    for index, record in enumerate(deals):
        key = _key(record.deal.supplier, record.deal.recipient, record.deal.family)
        if key is not None:
            deals_by_key[key].append(index)
    candidates = sorted(
        (_gap(row.year_of_order, _deal_year(deals[d])), r, d)
        for r, row in enumerate(rows)
        if row.key is not None
        for d in deals_by_key.get(row.key, ())
    )
    pairs: list[tuple[int, int]] = []
    taken_rows: set[int] = set()
    taken_deals: set[int] = set()
    for _, r, d in candidates:
        if r not in taken_rows and d not in taken_deals:
            pairs.append((r, d))
            taken_rows.add(r)
            taken_deals.add(d)
    return pairs


def _key(supplier: str | None, recipient: str | None, family: str | None) -> Key | None:
    if supplier is None or recipient is None or not family:
        return None
    return supplier, recipient, fold(family)


def _gap(first: int | None, second: int | None) -> tuple[bool, int]:
    """Years between two orders; an unknown year ranks after every known gap."""
    if first is None or second is None:
        return True, 0
    return False, abs(first - second)


def _deal_year(record: DealDetail) -> int | None:
    """The year of the first agreement, else of the first report."""
    return order_year(record.deal) or year_of(record.deal.first_seen)


def _recent(year: int | None, since: int | None) -> bool:
    return since is None or (year is not None and year >= since)


def _number(cell: str) -> int | None:
    digits = cell.strip()
    return int(digits) if digits.isdigit() else None


def _row_fields(row: RegisterRow) -> dict[str, object]:
    return {
        "supplier": row.supplier_code or row.supplier,
        "recipient": row.recipient_code or row.recipient,
        "family": row.family,
        "register_designation": row.designation,
        "register_year": row.year_of_order,
        "register_number": row.number_ordered,
    }


def _deal_fields(record: DealDetail) -> dict[str, object]:
    deal = record.deal
    return {
        "supplier": deal.supplier,
        "recipient": deal.recipient,
        "family": deal.family,
        "deal_id": record.deal_id,
        "deal_system": deal.system,
        "deal_year": _deal_year(record),
        "deal_quantity": deal.quantity_ordered,
        "source_urls": " ".join(source_urls(record)),
    }
