"""Damaged files, failed writes and killed writers: reported in one line, repaired, nothing lost."""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest
from crash_helpers import killed_writers, rounds

from briefings import atomic
from briefings.cli import main
from briefings.doctor import check, repair
from briefings.extract import extract
from briefings.model import Article
from briefings.store import Library

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import assert_one_line_error, run  # noqa: E402


def briefing(n: int):
    text = f"Storm number {n}\n\nStorm {n} cut power to {n + 100} homes in Harwick, the grid operator said."
    return extract(Article(title=f"Storm {n}", text=text, source=f"storm-{n}.txt"))


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library(tmp_path / "lib")
    library.add_many([briefing(n) for n in range(5)])
    library.add(briefing(5))  # a second write: library.json.bak now holds the 5-briefing generation
    return library


def test_doctor_reports_a_healthy_library(lib):
    findings = check(lib.root)
    assert all(f.level == "ok" for f in findings), findings


@pytest.mark.parametrize("damage", [b"", b'{"briefings": {"1": ', b"\x00\xff garbage", b'{"meta": {"1": {"schema": 99}}}'])
def test_damaged_or_newer_index_is_refused_in_one_line_and_never_overwritten(lib, damage):
    index = lib.root / "library.json"
    index.write_bytes(damage)
    for args in (["list"], ["show", "abcd"], ["ingest", "-"]):
        proc = run(*args, "--library", str(lib.root), stdin=b"Quay reopens\n\nThe quay reopened today.")
        assert_one_line_error(proc, "library.json")
    assert index.read_bytes() == damage
    assert any(f.level == "error" for f in check(lib.root))


def test_doctor_repair_restores_the_last_good_copy_and_reindexes_the_rest(lib):
    (lib.root / "library.json").write_bytes(b'{"briefings": {"1": ')
    assert run("doctor", "--library", str(lib.root)).returncode == 1
    proc = run("doctor", "--repair", "--library", str(lib.root))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "5 restored from library.json.bak" in proc.stdout and "re-indexed 1 briefings" in proc.stdout
    assert len(Library(lib.root).entries()) == 6  # the backup's 5 + the one only its article file knew
    assert list(lib.root.glob("library.json.damaged-*"))  # the damaged file is kept aside, not deleted


def test_doctor_finds_a_missing_article_file(lib):
    victim = lib.entries()[0]
    lib.article_path(victim.id).unlink()
    findings = check(lib.root)
    assert any(f.level == "error" and victim.id[:10] in f.message and "missing" in f.message for f in findings)


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_failed_write_leaves_the_previous_library_intact(lib, monkeypatch, capsys, err):
    before = (lib.root / "library.json").read_bytes()
    entries = [e.id for e in lib.entries()]

    def failing_replace(src, dst):
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    source = lib.root.parent / "new.txt"
    source.write_text("Quay reopens\n\nThe quay at Kestrel Port reopened on Monday, officials said.\n")
    assert main(["ingest", "--library", str(lib.root), str(source)]) == 1
    message = capsys.readouterr().err.strip().splitlines()
    assert len(message) == 1 and os.strerror(err) in message[0]
    monkeypatch.undo()
    assert (lib.root / "library.json").read_bytes() == before
    assert [e.id for e in Library(lib.root).entries()] == entries
    assert not list(lib.root.glob(".library.json.tmp-*"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("count", rounds(25, 100))
def test_writers_killed_mid_ingest_never_break_the_library(tmp_path, count):
    root = tmp_path / "lib"

    def writer(round_: int, fd: int) -> None:  # batches of new briefings, acknowledged once add_many returned
        library, n = Library(root), round_ * 1000
        while True:
            batch = [briefing(n + k) for k in range(3)]
            library.add_many(batch)
            os.write(fd, "".join(b.id + "\n" for b in batch).encode())
            n += 3

    acknowledged: set[str] = set()
    for acknowledged in killed_writers(writer, rounds=count, seed=5, max_sleep=0.05):
        listed = {e.id for e in Library(root).entries()}  # always loads
        assert acknowledged <= listed
    assert len(acknowledged) >= 3 * count  # every round acknowledged a batch of 3 before its kill
    assert all(f.level != "error" for f in check(root))
    repair(root)  # indexes any article file whose batch was killed before its index write
    assert all(f.level == "ok" for f in check(root))
    json.loads((root / "library.json").read_text())


@pytest.mark.parametrize("count", rounds(3, 8))
def test_killing_the_real_ingest_command_keeps_the_library_loadable(tmp_path, samples, count):
    import subprocess

    root = tmp_path / "lib"
    paths = [str(p) for p in sorted(samples.iterdir()) if not p.name.endswith(".gold.json")] * 3
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    rng = random.Random(11)
    for _ in range(count):
        proc = subprocess.Popen([sys.executable, "-m", "briefings.cli", "ingest", "--library", str(root), *paths],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        time.sleep(rng.uniform(0.2, 1.2))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        Library(root).entries()  # loads every time
    assert run("doctor", "--library", str(root)).returncode == 0
