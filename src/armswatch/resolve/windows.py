"""The time windows that cut one key's events into deals (data/windows.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import cast

from armswatch._errors import KnowledgeBaseError


@dataclass(frozen=True, slots=True)
class DealWindows:
    """When a later agreement is a new deal rather than part of an earlier one."""

    new_deal_after_years: float
    restatement_tolerance_years: float

    def __post_init__(self) -> None:
        if not 0 <= self.restatement_tolerance_years < self.new_deal_after_years:
            raise ValueError(
                "restatement_tolerance_years must be at least 0 and smaller than "
                f"new_deal_after_years (got {self.restatement_tolerance_years} and "
                f"{self.new_deal_after_years})"
            )

    @property
    def new_deal_months(self) -> int:
        return round(self.new_deal_after_years * 12)

    @property
    def restatement_months(self) -> int:
        return round(self.restatement_tolerance_years * 12)


@cache
def load_windows() -> DealWindows:
    """Read the packaged windows once."""
    raw = resources.files("armswatch.resolve").joinpath("data/windows.toml").read_text("utf-8")
    try:
        table = cast("dict[str, object]", tomllib.loads(raw)["deals"])
        return DealWindows(
            new_deal_after_years=_years(table, "new_deal_after_years"),
            restatement_tolerance_years=_years(table, "restatement_tolerance_years"),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise KnowledgeBaseError(f"windows.toml is malformed: {exc}") from exc


def _years(table: dict[str, object], name: str) -> float:
    value = table[name]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number of years, not {value!r}")
    return float(value)
