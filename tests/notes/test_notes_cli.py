"""`briefing notes` for scripts, export with notes, and notes surviving re-extraction."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import assert_one_line_error, run  # noqa: E402

ARTICLE = """Harbour fire destroys two warehouses

A fire destroyed two warehouses in Kestrel Harbour on Monday, killing a night guard and injuring three firefighters.
The guard was named as Ray Ellis, 58, a father of two from Westmoor.
"We lost a friend tonight," Fire Chief Dana Whitlock said. "The crews did everything they could."
"""


def ingest(tmp_path: Path) -> dict:
    path = tmp_path / "fire.txt"
    path.write_text(ARTICLE)
    assert run("ingest", str(path)).returncode == 0
    (entry,) = json.loads(run("list", "--json").stdout)
    return json.loads(run("show", entry["id"], "--json").stdout)


def test_add_list_rm_and_export(tmp_path):
    b = ingest(tmp_path)
    quote = b["quotes"][0]
    added = run("notes", "add", b["id"][:6], quote["id"], "Ask the *fire service* for the log.")
    assert added.returncode == 0, added.stderr
    note_id = added.stdout.strip()
    assert re.fullmatch(r"n-\d{8}T\d{6}Z-[0-9a-f]{12}", note_id)
    assert run("notes", "add", b["id"][:6], "-", stdin=b"On the whole briefing.\n").returncode == 0
    (on_quote, whole) = json.loads(run("notes", "--json").stdout)
    assert (on_quote["item"], on_quote["kind"], on_quote["evidence"]) == (quote["id"], "quote", quote["text"])
    assert whole["item"] is None
    md = run("export", b["id"][:6], "--md").stdout
    assert "Ask the *fire service* for the log." in md
    assert md.index("Ask the *fire service*") > md.index(quote["text"][:20])
    assert "On the whole briefing." in run("notes", b["id"][:6], "--md").stdout
    assert run("notes", "rm", note_id).returncode == 0
    assert len(json.loads(run("notes", "--json").stdout)) == 1


def test_bad_note_commands_are_one_line_errors(tmp_path):
    b = ingest(tmp_path)
    assert_one_line_error(run("notes", "add", b["id"][:6], "q-nothere", "text"), "no item")
    assert_one_line_error(run("notes", "add", "ffffffff", "text"), "no briefing")
    assert_one_line_error(run("notes", "rm", "n-nope"), "no note")
    assert_one_line_error(run("notes", "add", b["id"][:6], "   "), "empty")


def test_notes_reattach_by_evidence_or_stay_detached_after_reextraction(tmp_path):
    b = ingest(tmp_path)
    quote = b["quotes"][1]
    kept = run("notes", "add", b["id"], quote["id"], "follow up").stdout.strip()
    orphan = run("notes", "add", b["id"], b["quotes"][0]["id"], "on words that will vanish").stdout.strip()
    library = Path(os.environ["BRIEFING_HOME"]) / "notes" / b["id"]
    # Simulate an extractor that gives the quote a new id, and an item that no longer exists.
    p = library / f"{kept}.md"
    p.write_text(p.read_text().replace(f"item: {quote['id']}", "item: q-0ldid000"))
    q = library / f"{orphan}.md"
    q.write_text(re.sub(r"evidence: .*", 'evidence: "words no extractor finds here"', q.read_text())
                 .replace(f"item: {b['quotes'][0]['id']}", "item: q-gone0000"))
    assert run("ingest", str(tmp_path / "fire.txt")).returncode == 0  # extracted again: updated in place
    notes = {n["id"]: n for n in json.loads(run("notes", "--json").stdout)}
    assert notes[kept]["item"] == quote["id"]  # re-attached by its evidence text
    assert notes[orphan]["item"] == "q-gone0000"  # detached, but kept
    md = run("export", b["id"], "--md").stdout
    assert "## Detached notes" in md and "on words that will vanish" in md


def test_removing_a_briefing_never_touches_its_notes(tmp_path):
    b = ingest(tmp_path)
    run("notes", "add", b["id"], "keep me")
    from briefings.store import Library

    Library.open().remove(b["id"])
    assert [n["body"] for n in json.loads(run("notes", "--json").stdout)] == ["keep me"]
