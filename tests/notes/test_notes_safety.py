"""Notes under attack: colliding ids, links out of the library, odd files, huge notes, mismatched files."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from briefings import notes as notes_module
from briefings.notes import MAX_NOTE_BYTES, NoteError, NoteStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import assert_one_line_error, run  # noqa: E402
from test_notes_cli import ingest  # noqa: E402

BID = "9ecb83efc58ffcec"


def test_a_clashing_note_id_never_replaces_another_note(tmp_path, monkeypatch):
    # Same second and the same random draw for the first two ids: the second add must not replace the first.
    monkeypatch.setattr(notes_module, "now", lambda: "2026-11-25T02:55:00.000000Z")
    draws = iter(["aaaaaaaaaaaa", "aaaaaaaaaaaa", "bbbbbbbbbbbb"])
    monkeypatch.setattr(notes_module, "random_tag", lambda: next(draws))
    store = NoteStore(tmp_path / "notes")
    first = store.add(BID, None, "first note")
    second = store.add(BID, None, "second note")
    assert first.id != second.id
    assert sorted(n.body for n in store.all()) == ["first note", "second note"]


def test_a_linked_briefing_folder_is_never_written_or_read_through(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "n-20260101T000000Z-abcdef.md"
    victim.write_text("---\nid: n-20260101T000000Z-abcdef\nbriefing: 9ecb83efc58ffcec\ncreated: x\n---\nprivate\n")
    store = NoteStore(tmp_path / "lib" / "notes")
    store.root.mkdir(parents=True)
    (store.root / BID).symlink_to(outside, target_is_directory=True)
    with pytest.raises(NoteError, match="symbolic link"):
        store.add(BID, None, "written outside?")
    notes, problems = store.scan()
    assert notes == [] and any("symbolic link" in p for p in problems)
    assert sorted(p.name for p in outside.iterdir()) == [victim.name]  # nothing written, nothing deleted


def test_a_linked_note_file_or_special_file_is_reported_not_read(tmp_path):
    store = NoteStore(tmp_path / "notes")
    good = store.add(BID, None, "a real note")
    folder = store.root / BID
    (folder / "n-20260101T000000Z-aaaaaa.md").symlink_to("/dev/zero")
    os.mkfifo(folder / "n-20260101T000000Z-bbbbbb.md")  # would block open() for ever
    secret = tmp_path / "secret.md"
    secret.write_text(good.path.read_text().replace(good.id, "n-20260101T000000Z-cccccc"))
    (folder / "n-20260101T000000Z-cccccc.md").symlink_to(secret)
    notes, problems = store.scan()  # returns: no hang, no read of /dev/zero
    assert [n.id for n in notes] == [good.id]
    assert len(problems) == 3
    assert any("named pipe" in p for p in problems) and sum("symbolic link" in p for p in problems) == 2


def test_a_note_over_the_size_cap_is_refused_with_a_clear_error(tmp_path):
    store = NoteStore(tmp_path / "notes")
    with pytest.raises(NoteError, match="too long"):
        store.add(BID, None, "x" * (MAX_NOTE_BYTES + 1))
    note = store.add(BID, None, "short")
    with pytest.raises(NoteError, match="too long"):
        store.update(note, body="y" * (MAX_NOTE_BYTES + 1))
    assert [n.body for n in store.all()] == ["short"]
    huge = store.root / BID / "n-20260101T000000Z-dddddd.md"  # written by hand, past the cap
    huge.write_text(note.path.read_text().replace(note.id, "n-20260101T000000Z-dddddd") + "z" * (8 * MAX_NOTE_BYTES))
    notes, problems = store.scan()
    assert [n.body for n in notes] == ["short"] and any("too large" in p for p in problems)


def test_cli_refuses_a_huge_note_in_one_line(tmp_path):
    b = ingest(tmp_path)
    proc = run("notes", "add", b["id"][:8], "-", stdin=b"word " * (MAX_NOTE_BYTES // 4))
    assert_one_line_error(proc, "too long")
    assert json.loads(run("notes", "--json").stdout) == []


def test_rm_deletes_the_file_it_read_and_both_copies_of_a_duplicated_id(tmp_path):
    b = ingest(tmp_path)
    note_id = run("notes", "add", b["id"][:8], "first").stdout.strip()
    folder = Path(os.environ["BRIEFING_HOME"]) / "notes" / b["id"]
    original = folder / f"{note_id}.md"
    renamed = folder / "n-20260101T000000Z-eeeeee.md"  # a file whose name does not match its header
    original.rename(renamed)
    proc = run("notes", "rm", note_id)
    assert proc.returncode == 0, proc.stderr
    assert "did not match" in proc.stderr and not renamed.exists()
    # Two files claiming one id (copied by hand): both deletable, both reported.
    dup_id = run("notes", "add", b["id"][:8], "second").stdout.strip()
    other = Path(os.environ["BRIEFING_HOME"]) / "notes" / "abcdef0123456789"
    other.mkdir()
    (other / f"{dup_id}.md").write_bytes((folder / f"{dup_id}.md").read_bytes())
    proc = run("notes", "rm", dup_id)
    assert proc.returncode == 0, proc.stderr
    assert "2 files claimed" in proc.stderr
    assert json.loads(run("notes", "--json").stdout) == []


RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def test_every_output_of_a_hostile_note_file_is_inert(tmp_path):
    b = ingest(tmp_path)
    folder = Path(os.environ["BRIEFING_HOME"]) / "notes" / b["id"]
    folder.mkdir(parents=True)
    osc, clear = "\x1b]0;owned\x07", "\x1b[2J"
    (folder / "n-20260101T000000Z-abcdef.md").write_text(
        f"---\nid: n-20260101T000000Z-abcdef{osc}\nbriefing: {b['id']}\nitem: q-1{clear}\nkind: quote{clear}\n"
        f"evidence: \"gone\u202e\"\ncreated: 2026-01-01T00:00:00Z\nupdated: {clear}2026{osc}\n---\n"
        f"Body with \u202eright-to-left and {osc}.\n")
    for args in (["notes", "--md"], ["notes", "--json"], ["notes"], ["show", b["id"][:8], "--md"],
                 ["export", b["id"][:8]]):
        proc = run(*args)
        assert proc.returncode == 0, (args, proc.stderr)
        assert "owned" not in proc.stdout or args[-1] == "--json", args  # the OSC payload went with it
        for ch in RAW:
            assert ch not in proc.stdout and ch not in proc.stderr, (args, ch)


def test_a_usage_error_never_echoes_a_raw_escape():
    proc = run("list", "\x1b]0;owned\x07\x1b[2J")
    assert proc.returncode == 2 and "unrecognized arguments" in proc.stderr
    assert not any(ch in proc.stderr for ch in RAW)
