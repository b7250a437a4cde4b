"""Notes on disk: readable files, atomic writes, stale edits refused, never lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from crash_helpers import killed_writers, rounds

from briefings.notes import NoteError, NoteStore, StaleNote, parse

BID = "9ecb83efc58ffcec"


def test_a_note_is_a_readable_markdown_file(tmp_path):
    store = NoteStore(tmp_path / "notes")
    note = store.add(BID, "q-e48c6fe6", "Check **who** briefed CBS.\n\n- second line", kind="quote",
                     evidence='We will take "all" necessary actions')
    path = tmp_path / "notes" / BID / f"{note.id}.md"
    text = path.read_text()
    assert "item: q-e48c6fe6" in text and "Check **who** briefed CBS." in text
    assert parse(text, path) == note
    assert store.all(BID) == [note]


def test_edit_and_delete_refuse_a_stale_copy(tmp_path):
    a, b = NoteStore(tmp_path / "notes"), NoteStore(tmp_path / "notes")
    note = a.add(BID, None, "first")
    seen_by_b = b.all(BID)[0]
    newer = a.update(note, body="edited in session A")
    with pytest.raises(StaleNote):
        b.update(seen_by_b, body="stale edit from session B")
    with pytest.raises(StaleNote):
        b.remove(seen_by_b)
    assert [n.body for n in b.all(BID)] == ["edited in session A"]
    b.remove(newer)
    assert a.all() == []


def test_damaged_note_files_are_reported_not_dropped(tmp_path):
    store = NoteStore(tmp_path / "notes")
    store.add(BID, None, "good")
    bad = tmp_path / "notes" / BID / "n-20260101T000000Z-abcdef.md"
    bad.write_text("not a note")
    notes, problems = store.scan()
    assert [n.body for n in notes] == ["good"]
    assert len(problems) == 1 and "n-20260101T000000Z-abcdef.md" in problems[0]
    assert bad.exists()


def test_bad_references_are_refused(tmp_path):
    store = NoteStore(tmp_path / "notes")
    with pytest.raises(NoteError):
        store.add("../../etc", None, "escape attempt")


CHILD = r"""
import sys
from pathlib import Path
from briefings.notes import NoteStore
store = NoteStore(Path(sys.argv[1]))
for n in range(int(sys.argv[2])):
    note = store.add(sys.argv[3], None, f"note {n} from {sys.argv[3]}")
    print(note.id, flush=True)
"""


def test_two_processes_adding_500_notes_each_lose_nothing(tmp_path):
    root = tmp_path / "notes"
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(root), "500", bid], stdout=subprocess.PIPE,
                              text=True, env=env) for bid in ("aaaa0000aaaa0000", "bbbb1111bbbb1111")]
    acknowledged = [line.split()[0] for p in procs for line in p.communicate(timeout=300)[0].splitlines()]
    assert all(p.returncode == 0 for p in procs)
    notes = NoteStore(root).all()
    assert len(acknowledged) == 1000
    assert len(notes) == 1000
    assert {n.id for n in notes} == set(acknowledged)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("count", rounds(30, 200))
def test_sigkill_at_random_moments_never_loses_an_acknowledged_note(tmp_path, count):
    root = tmp_path / "notes"

    def writer(_round: int, fd: int) -> None:  # adds notes forever, acknowledging each once add() returned
        store, n = NoteStore(root), 0
        while True:
            os.write(fd, (store.add(BID, None, f"crash round note {n}").id + "\n").encode())
            n += 1

    for acknowledged in killed_writers(writer, rounds=count, seed=20261125, max_sleep=0.03):
        notes, problems = NoteStore(root).scan()  # always loads
        assert problems == []
        assert acknowledged <= {n.id for n in notes}
    assert len(acknowledged) >= count  # every round acknowledged at least one note before its kill
    NoteStore(root).sweep()
