"""The CLI: people, events, timeline, watch, each with --json; bad input is one line."""

from __future__ import annotations

import json

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from across_helpers import STORIES  # noqa: E402
from cli_helpers import assert_one_line_error, run  # noqa: E402


def _lib(tmp_path) -> list[str]:
    return ["--library", str(tmp_path / "lib")]


def test_watch_marks_new_and_stored_briefings(tmp_path):
    lib = _lib(tmp_path)
    assert run("watch", "add", "Corran Deep", *lib).returncode == 0
    assert run("ingest", "-q", str(STORIES / "mine-ledger.md"), str(STORIES / "depot-ledger.md"), *lib).returncode == 0
    first = json.loads(run("watch", "--json", *lib).stdout)
    assert [m["title"] for m in first] == ["Two miners dead, twelve still missing at Corran Deep"]
    assert json.loads(run("watch", "--json", *lib).stdout) == []  # seen now
    added = run("watch", "add", "Halvec Fuel Terminal", *lib)
    assert "1 stored briefing match" in added.stderr
    listed = json.loads(run("watch", "list", "--json", *lib).stdout)
    assert {f["terms"]: f["matches"] for f in listed} == {"Corran Deep": 1, "Halvec Fuel Terminal": 1}
    assert run("watch", "rm", "corran deep", *lib).returncode == 0
    assert_one_line_error(run("watch", "rm", "nothing like it", *lib), "no watch filter")


def test_people_events_timeline_json(tmp_path):
    lib = _lib(tmp_path)
    run("ingest", "-q", *(str(p) for p in sorted(STORIES.glob("*.md"))), *lib)
    people = json.loads(run("people", "Marrant", "--json", *lib).stdout)
    assert people[0]["name"] == "Ilse Marrant" and len(people[0]["briefings"]) == 5
    events = json.loads(run("events", "--json", *lib).stdout)
    assert len(events) == 3 and all(e["figure_lines"] and e["why"] for e in events)
    timeline = json.loads(run("timeline", "--person", "Mr Osterby", "--json", *lib).stdout)
    assert any(e["phrase"] == "on Thursday" and e["date"] == "2026-03-19" for e in timeline)
    text = run("events", *lib).stdout
    assert "killed: 2 (Daily Ledger) vs 3 (Coastal Radio, Meridian Times; latest)" in text.replace("\n", " ")
    assert_one_line_error(run("timeline", "no such event words", *lib), "no event matches")
    assert_one_line_error(run("timeline", *lib), "give an EVENT")
