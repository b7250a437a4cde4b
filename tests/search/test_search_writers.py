"""Two processes ingesting at once into a library with an index: the index stays whole and complete."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from briefings import search_index
from briefings.search import search
from briefings.store import Library

STORE_TESTS = Path(__file__).resolve().parents[1] / "store"


def test_two_writers_keep_the_index_whole(tmp_path: Path) -> None:
    root, go = tmp_path / "lib", tmp_path / "go"
    library = Library(root)
    root.mkdir()
    assert search(library, "vellmar")[1] == 0  # creates the (empty) index: the writers update it
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(STORE_TESTS), os.environ.get("PYTHONPATH", "")])}
    writers = [subprocess.Popen([sys.executable, str(STORE_TESTS / "writer_child.py"), root, tag, "40", go],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
               for tag in ("left", "right")]
    for w in writers:
        assert w.stdout is not None and w.stdout.readline() == "ready\n"
    go.touch()
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    with sqlite3.connect(root / search_index.NAME) as con:
        assert con.execute("INSERT INTO fts(fts) VALUES('integrity-check')") is not None
        indexed = {r[0] for r in con.execute("SELECT id FROM docs")}
    assert indexed == {e.id for e in library.entries()} and len(indexed) == 80  # by the writers themselves
    hits, total = search(library, '"dispatch left-7"')
    assert total == 1 and hits[0].title == "Vellmar report left 7"
