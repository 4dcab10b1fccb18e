"""Progress and summary lines on stderr for long jobs."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_REFRESH_SECONDS = 0.5


class Progress:
    """Counts documents, events and failed inputs; redraws a line on a terminal."""

    def __init__(self, job: str, stream: TextIO | None = None) -> None:
        self.job = job
        self.stream = stream or sys.stderr
        self.documents = 0
        self.events = 0
        self.failed = 0
        self.warnings = 0
        self._last_draw = 0.0
        self._live = self.stream.isatty()

    def document(self, events: int) -> None:
        """Count one processed document."""
        self.documents += 1
        self.events += events
        self._draw()

    def problem(self, *, fatal: bool) -> None:
        """Count one failed input (or a warning)."""
        if fatal:
            self.failed += 1
        else:
            self.warnings += 1

    def _draw(self) -> None:
        now = time.monotonic()
        if self._live and now - self._last_draw >= _REFRESH_SECONDS:
            self._last_draw = now
            self.stream.write(f"\r{self.job}: {self.documents} documents, {self.events} events")
            self.stream.flush()

    def finish(self) -> None:
        """Print the summary line: what was read and what failed."""
        sys.stdout.flush()
        if self._live:
            self.stream.write("\r")
        self.stream.write(
            f"armswatch {self.job}: {self.documents} documents read, {self.events} events,"
            f" {self.failed} inputs failed, {self.warnings} warnings\n"
        )
