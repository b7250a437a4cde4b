"""Real processes: two writers at once lose nothing; a writer killed at random moments
(SIGKILL, 12 times; 30 under -m slow) never leaves a library that fails to load or misses an acknowledged add."""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from crash_helpers import rounds

from briefings.store import Library

Spawn = Callable[..., subprocess.Popen[str]]
ID = re.compile(r"^[0-9a-f]{16}$")


def _acked(output: str) -> list[str]:
    # Only whole lines count: the child prints an id after the call that stored it returned.
    return [line for line in output.split("\n")[:-1] if ID.match(line)]


def test_two_writers_at_once(tmp_path: Path, spawn_writer: Spawn) -> None:
    root, go = tmp_path / "lib", tmp_path / "go"
    writers = [spawn_writer(root, tag, 100, go) for tag in ("left", "right")]
    for w in writers:  # both have imported everything and opened the library
        assert w.stdout is not None and w.stdout.readline() == "ready\n"
    go.touch()
    acked: list[str] = []
    for w in writers:
        out, err = w.communicate(timeout=60)
        assert w.returncode == 0, err
        acked += _acked(out)
    assert len(acked) == len(set(acked)) == 200
    lib = Library(root)
    assert len(lib) == 200 and {e.id for e in lib.entries()} == set(acked)
    for bid in acked:
        assert lib.get(bid).id == bid


@pytest.mark.parametrize("count", rounds(12, 30))
def test_killed_writer_never_breaks_the_library(tmp_path: Path, spawn_writer: Spawn, count: int) -> None:
    root, rng = tmp_path / "lib", random.Random(20240501)
    acked: set[str] = set()
    checked: set[str] = set()
    for r in range(count):
        child = spawn_writer(root, f"r{r}", -1)
        assert child.stdout is not None and child.stdout.readline() == "ready\n"
        first = child.stdout.readline()  # the first acknowledged add: the kill lands among real writes
        assert ID.match(first), first
        acked.add(first.strip())
        time.sleep(rng.uniform(0.0, 0.08))  # somewhere inside an add: article, index, backup, rename
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=10)
        assert child.returncode == -signal.SIGKILL
        round_acked = _acked(out)
        acked.update(round_acked)
        if acked:
            json.loads((root / "library.json").read_bytes())  # plain JSON, whole
        lib = Library(root)  # a fresh reader, as the next command would be
        listed = {e.id for e in lib.entries()}
        assert acked <= listed, f"round {r}: acknowledged adds missing: {sorted(acked - listed)[:3]}"
        for bid in (listed - checked) | set(round_acked):  # every listed briefing loads
            assert lib.get(bid).id == bid
        checked |= listed
    assert len(acked) >= count  # each round acknowledged at least one add before its kill
    backup = root / "library.json.bak"
    assert json.loads(backup.read_bytes())["briefings"]
