"""`armswatch kb lookup | stats | import-sipri` through a real process."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from collections.abc import Callable
from pathlib import Path

# The `cli` fixture of tests/conftest.py: runs `python -m armswatch ARGS` as a process.
RunCli = Callable[..., subprocess.CompletedProcess[str]]

REGISTER_HEADER = (
    "Recipient,Supplier,Year of order,Year of order uncertain,Number ordered,"
    "Number ordered uncertain,Weapon designation,Weapon description,Number delivered,"
    "Number delivered uncertain,Year(s) of delivery,Status,Comments,SIPRI TIV per unit,"
    "SIPRI TIV for total order,SIPRI TIV of delivered weapons"
)


def test_lookup_prints_one_json_object_per_query(cli: RunCli) -> None:
    result = cli("kb", "lookup", "SA-21 Growler", "Whitehall", "Quuxbar Zeta")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["query"] for r in records] == ["SA-21 Growler", "Whitehall", "Quuxbar Zeta"]
    assert {k: records[0]["match"][k] for k in ("canonical", "family", "category", "origin")} == {
        "canonical": "S-400",
        "family": "S-400",
        "category": "air-defence-system",
        "origin": "RUS",
    }
    assert records[0]["match"]["kind"] == "system"
    assert records[1]["match"]["kind"] == "state"
    assert records[2]["match"] is None
    assert result.returncode == 1


def test_lookup_reads_a_names_file_and_honours_format(cli: RunCli, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Pantsir-S1\n\nLockheed Martin\n", encoding="utf-8")
    result = cli("kb", "lookup", "--file", str(names), "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["query"], r["kind"]) for r in rows] == [
        ("Pantsir-S1", "system"),
        ("Lockheed Martin", "company"),
    ]
    from_stdin = cli("kb", "lookup", "--file", "-", stdin="Hezbollah\n")
    assert json.loads(from_stdin.stdout)["match"]["kind"] == "actor"


def test_lookup_without_names_is_a_usage_error(cli: RunCli) -> None:
    result = cli("kb", "lookup")
    assert result.returncode == 2
    assert "--file" in result.stderr


def test_stats_counts_kinds_and_categories(cli: RunCli) -> None:
    rows = [json.loads(line) for line in cli("kb", "stats").stdout.splitlines()]
    counts = {(r["kind"], r["category"]): r["count"] for r in rows}
    assert counts["company", None] >= 150
    assert counts["system", None] >= 1000
    assert counts["state", None] >= 197
    per_category = sum(c for (kind, cat), c in counts.items() if kind == "system" and cat)
    assert per_category == counts["system", None]


def _register(path: Path) -> Path:
    rows = [
        "Turkiye,Russia,2017,,4,,S-400,SAM system,4,,2019,Delivered,,,,",
        "Ruritania,Russia,2030,,2,,Zubr-77Q,air-search radar,,,,New,,,,",
        "Ruritania,Russia,2031,,8,,Zubr-77Q,air-search radar,,,,New,,,,",
        "Ruritania,India,2031,,6,,Quokka-7/Quokka-7T,FGA aircraft,,,,New,,,,",
        "Ruritania,unknown supplier(s),2031,,6,,Grault-5,APC,,,,New,,,,",
    ]
    path.write_text("\n".join(["SIPRI export", REGISTER_HEADER, *rows]) + "\n", "utf-8")
    return path


def test_import_sipri_writes_an_extension_that_lookup_reads_on_request(
    cli: RunCli, tmp_path: Path
) -> None:
    env = {"ARMSWATCH_KB_EXTENSION": str(tmp_path / "ext.csv")}
    imported = cli("kb", "import-sipri", str(_register(tmp_path / "register.csv")), env=env)
    assert imported.returncode == 0, imported.stderr
    assert "4 designations read: 2 added" in imported.stderr
    assert "1 already known" in imported.stderr
    assert "1 skipped" in imported.stderr
    packaged = json.loads(cli("kb", "lookup", "Zubr-77Q", env=env).stdout)
    assert packaged["match"] is None
    extended = cli("kb", "lookup", "--with-extension", "Zubr-77Q", "Quokka-7T", env=env)
    zubr, quokka = (json.loads(line)["match"] for line in extended.stdout.splitlines())
    assert (zubr["category"], zubr["origin"]) == ("sensor", "RUS")
    assert (quokka["canonical"], quokka["category"], quokka["origin"]) == (
        "Quokka-7",
        "aircraft",
        "IND",
    )


def test_import_sipri_again_gives_the_same_file(cli: RunCli, tmp_path: Path) -> None:
    env = {"ARMSWATCH_KB_EXTENSION": str(tmp_path / "ext.csv")}
    register = str(_register(tmp_path / "register.csv"))
    cli("kb", "import-sipri", register, env=env)
    first = (tmp_path / "ext.csv").read_text(encoding="utf-8")
    cli("kb", "import-sipri", register, env=env)
    assert (tmp_path / "ext.csv").read_text(encoding="utf-8") == first


def test_extract_with_extension_recognises_imported_designations(
    cli: RunCli, tmp_path: Path
) -> None:
    env = {"ARMSWATCH_KB_EXTENSION": str(tmp_path / "ext.csv")}
    cli("kb", "import-sipri", str(_register(tmp_path / "register.csv")), env=env)
    article = "India delivered two Quokka-7 to Egypt on Tuesday, officials said.\n"
    plain = json.loads(cli("extract", "-", stdin=article, env=env).stdout)
    extended = json.loads(cli("extract", "--with-extension", "-", stdin=article, env=env).stdout)
    assert [e["system"] for e in plain["events"]] == []
    assert [(e["supplier"], e["recipient"], e["system"]) for e in extended["events"]] == [
        ("IND", "EGY", "Quokka-7")
    ]


def test_import_sipri_rejects_a_file_that_is_not_a_register(cli: RunCli, tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.csv"
    bogus.write_text("a,b\n1,2\n", encoding="utf-8")
    result = cli("kb", "import-sipri", str(bogus), env={"ARMSWATCH_KB_EXTENSION": "x.csv"})
    assert result.returncode == 1
    assert str(bogus) in result.stderr
    assert "Weapon designation" in result.stderr
