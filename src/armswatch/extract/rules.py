"""Compiled trigger and cue patterns from data/triggers.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import cast

from armswatch._errors import KnowledgeBaseError
from armswatch.models import STAGES, Stage


@dataclass(frozen=True, slots=True)
class Rules:
    """Everything the extractor matches, compiled once."""

    version: int
    priority: tuple[Stage, ...]
    stage_patterns: dict[Stage, re.Pattern[str]]
    agreement_nouns: re.Pattern[str]
    non_transfer: re.Pattern[str]
    deployment_needs_context: re.Pattern[str]
    cancellation_needs_object: re.Pattern[str]
    transfer_nouns: re.Pattern[str]
    future: re.Pattern[str]
    hypothetical: re.Pattern[str]
    negation: re.Pattern[str]
    denial: re.Pattern[str]
    description: re.Pattern[str]
    reaction: re.Pattern[str]
    recipient_verbs: re.Pattern[str]
    supplier_verbs: re.Pattern[str]
    recipient_markers: frozenset[str]
    supplier_markers: frozenset[str]
    not_a_role: frozenset[str]
    stirred: re.Pattern[str]
    qualified_nouns: re.Pattern[str]
    reporting: re.Pattern[str]
    window: int


def compile_alternatives(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex matching any of the patterns as whole words."""
    ordered = sorted(patterns, key=len, reverse=True)
    body = "|".join(f"(?:{p})" for p in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def load_rules() -> Rules:
    """Read and compile the packaged trigger rules."""
    raw = resources.files("armswatch.extract").joinpath("data/triggers.toml").read_text("utf-8")
    try:
        data = tomllib.loads(raw)
        return _build(data)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError, re.error) as exc:
        raise KnowledgeBaseError(f"triggers.toml is malformed: {exc}") from exc


def _build(data: dict[str, object]) -> Rules:
    stages = cast("dict[str, dict[str, list[str]]]", data["stages"])
    modality = cast("dict[str, object]", data["modality"])
    priority = tuple(cast("list[str]", data["priority"]))
    if set(priority) != set(STAGES) or set(stages) != set(STAGES):
        raise ValueError("priority and [stages] must name every stage once")

    roles = cast("dict[str, list[str]]", data["roles"])
    cues = cast("dict[str, list[str]]", data["cues"])
    dates = cast("dict[str, list[str]]", data["dates"])
    objects = cast("dict[str, list[str]]", data["cancellation_objects"])

    return Rules(
        version=int(cast("int", data["version"])),
        priority=cast("tuple[Stage, ...]", priority),
        stage_patterns={s: compile_alternatives(stages[s]["patterns"]) for s in STAGES},
        agreement_nouns=compile_alternatives(stages["agreement"]["nouns"]),
        deployment_needs_context=compile_alternatives(stages["deployment"]["needs_context"]),
        cancellation_needs_object=compile_alternatives(objects["verbs"]),
        transfer_nouns=compile_alternatives(objects["nouns"]),
        non_transfer=compile_alternatives(
            cast("dict[str, list[str]]", data["purpose"])["non_transfer"]
        ),
        future=compile_alternatives(cast("list[str]", modality["future"])),
        hypothetical=compile_alternatives(cast("list[str]", modality["hypothetical"])),
        negation=compile_alternatives(cast("list[str]", modality["negation"])),
        denial=compile_alternatives(cast("list[str]", modality["denial"])),
        description=compile_alternatives(cast("list[str]", modality["description"])),
        reaction=compile_alternatives(cues["reaction"]),
        recipient_verbs=compile_alternatives(roles["recipient_verbs"]),
        supplier_verbs=compile_alternatives(roles["supplier_verbs"]),
        recipient_markers=frozenset(roles["recipient_markers"]),
        supplier_markers=frozenset(roles["supplier_markers"]),
        not_a_role=frozenset(roles["not_a_role"]),
        stirred=re.compile(
            rf"(?<![\w-])(?:{'|'.join(roles['stirred'])})\s+(?:(?:neighbou?ring|rival)\s+)?\Z",
            re.IGNORECASE,
        ),
        qualified_nouns=re.compile(
            r"\s+(?:" + "|".join(roles["qualified_nouns"]) + r")\b", re.IGNORECASE
        ),
        reporting=compile_alternatives(dates["reporting"]),
        window=int(cast("int", modality["window"])),
    )
