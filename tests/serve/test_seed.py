"""The founding acceptance test: the seed page gives exactly its four events."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXPECTED = {
    ("RUS", "SRB", "S-400", "deployment", 1, "2019-10"),
    ("RUS", "SRB", "Pantsir-S1", "deployment", 1, "2019-10"),
    ("RUS", "TUR", "S-400", "delivery", None, "2019-07"),
    ("RUS", "IND", "S-400", "agreement", None, "2018"),
}


def test_seed_article_gives_exactly_the_four_events(shared: Path) -> None:
    seed = shared / "seed" / "moscow-times-2019-10-24.txt"
    completed = subprocess.run(
        [sys.executable, "-m", "armswatch", "extract", "--format", "jsonl", str(seed)],
        capture_output=True,
        text=True,
        check=True,
    )
    [article] = [json.loads(line) for line in completed.stdout.splitlines()]
    assert article["published"] == "2019-10-24"
    found = {
        (e["supplier"], e["recipient"], e["system"], e["stage"], e["quantity"], e["event_date"])
        for e in article["events"]
    }
    assert found == EXPECTED
    assert len(article["events"]) == 4
    text = seed.read_text(encoding="utf-8")
    for event in article["events"]:
        assert text[event["evidence_start"] : event["evidence_end"]] == event["evidence"]
        assert "Syria" not in event["evidence"]
        assert 0.0 <= event["confidence"] <= 1.0
    quantity_texts = {e["system"]: e["quantity_text"] for e in article["events"] if e["quantity"]}
    assert "division" in quantity_texts["S-400"]
    assert "battery" in quantity_texts["Pantsir-S1"]
