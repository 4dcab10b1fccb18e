"""Shared fixtures: the read-only evaluation data beside the repository, and the command."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
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


def _run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "armswatch", *args],
        capture_output=True,
        text=True,
        input=stdin,
        check=False,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture
def cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs `python -m armswatch ARGS` as a real process (stdin= and env= optional)."""
    return _run_cli
