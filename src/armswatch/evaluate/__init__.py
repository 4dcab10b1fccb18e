"""evaluate: score extracted events against gold files (SCHEMA.md rules)."""

from armswatch.evaluate.report import EvalReport, evaluate_file

__all__ = ["EvalReport", "evaluate_file"]
