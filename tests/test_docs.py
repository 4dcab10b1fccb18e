"""Documentation that must keep up with the code: every command and data file is described."""

from __future__ import annotations

import argparse
from importlib import resources
from pathlib import Path

from armswatch.serve.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def test_readme_shows_every_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, parser in _subcommands(build_parser()).items():
        assert f"armswatch {name}" in readme, name
        for action in _subcommands(parser):
            assert f"armswatch {name} {action}" in readme, f"{name} {action}"


def test_readme_names_every_option_of_kb_lookup() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lookup = _subcommands(_subcommands(build_parser())["kb"])["lookup"]
    for action in lookup._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert option in readme, option


def test_every_kb_data_file_is_described() -> None:
    folder = resources.files("armswatch.kb").joinpath("data")
    described = folder.joinpath("README.md").read_text(encoding="utf-8")
    for entry in folder.iterdir():
        if entry.name.endswith((".csv", ".txt")):
            named = entry.name if not entry.name.startswith("systems_") else "systems_*.csv"
            assert named in described, entry.name
            if entry.name.startswith("systems_"):
                assert entry.name.removeprefix("systems_").removesuffix(".csv") in described
