"""Shared fixtures: the read-only evaluation data beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The shared/ folder; skip when absent unless CI requires it."""
    if SHARED.is_dir():
        return SHARED
    if os.environ.get("ARMSWATCH_REQUIRE_SHARED") == "1":
        pytest.fail(f"{SHARED} is missing but ARMSWATCH_REQUIRE_SHARED=1")
    pytest.skip(f"{SHARED} not found: shared evaluation data is not available here")
