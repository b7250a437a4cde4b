"""Notes on disk: readable files, atomic writes, stale edits refused, never lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import random
import time
from pathlib import Path

import pytest

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


def _writer(root: Path, fd: int) -> None:
    """Child: add notes forever, writing each id to ``fd`` once add() has returned."""
    store = NoteStore(root)
    n = 0
    while True:
        note = store.add(BID, None, f"crash round note {n}")
        os.write(fd, (note.id + "\n").encode())
        n += 1


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_random_moments_200_times_never_loses_an_acknowledged_note(tmp_path):
    root = tmp_path / "notes"
    rng = random.Random(20261125)
    acknowledged: set[str] = set()
    for _ in range(200):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_fd)
            try:
                _writer(root, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_fd) as pipe:
            acknowledged |= {line for line in pipe.read().split("\n") if line}
        notes, problems = NoteStore(root).scan()  # always loads
        assert problems == []
        assert acknowledged <= {n.id for n in notes}
    assert len(acknowledged) > 200  # the loop really wrote
    NoteStore(root).sweep()
