"""The armswatch exception tree.

    ArmswatchError                 root: catch this to catch everything of ours
    ├── InputError                 an input could not be read (file, line, encoding)
    ├── KnowledgeBaseError         a packaged or user KB file is malformed
    ├── StoreError                 the database could not be opened or written
    └── EvaluationError            a gold file is malformed or a gate failed

Each class carries a stable code, so logs and API payloads can be searched.
"""

from __future__ import annotations


class ArmswatchError(Exception):
    """Root of every error armswatch raises on purpose."""

    code = "AW000"


class InputError(ArmswatchError):
    """An input could not be read; the message names the input."""

    code = "AW100"


class KnowledgeBaseError(ArmswatchError):
    """A knowledge-base data file is malformed."""

    code = "AW200"


class StoreError(ArmswatchError):
    """The event store could not be opened or written."""

    code = "AW300"


class EvaluationError(ArmswatchError):
    """A gold file is malformed, or a quality gate failed."""

    code = "AW400"
