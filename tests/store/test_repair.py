"""`doctor --repair` is all-or-nothing, never touches a newer index, never loses a kept-aside copy,
and bad rows are reported in one line (never "unexpected KeyError", exit 70)."""

from __future__ import annotations

import errno
import json
import os
import sys
from pathlib import Path

import orjson
import pytest

from briefings import atomic
from briefings.doctor import check, keep_aside, repair
from briefings.store import Library, StoreError
from store_factory import make_briefing

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import assert_one_line_error, run  # noqa: E402


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library(tmp_path / "lib")
    library.add_many([make_briefing("rows", i) for i in range(4)])
    library.add(make_briefing("rows", 4))  # .bak now holds the 4-briefing generation
    return library


def _rows(lib: Library) -> dict:
    return json.loads((lib.root / "library.json").read_bytes())


def _damage_row(lib: Library, how: str) -> str:
    data = _rows(lib)
    key = sorted(data["briefings"])[0]
    victim = data["briefings"][key]["id"]
    if how == "no-added":
        del data["briefings"][key]["added"]
    elif how == "string-row":
        data["briefings"][key] = "a string"
    elif how == "figures-text":
        data["briefings"][key]["figures"] = "x"
    (lib.root / "library.json").write_bytes(orjson.dumps(data))
    return victim


@pytest.mark.parametrize("how", ["no-added", "string-row", "figures-text"])
def test_a_bad_row_is_one_line_and_doctor_repairs_it(lib: Library, how: str) -> None:
    added = {e.id: e.added for e in lib.entries()}
    victim = _damage_row(lib, how)
    (lib.root / "list.tsv").unlink()  # no fast path: the index itself is read
    for args in (["list"], ["show", victim[:8]]):
        proc = run(*args, "--library", str(lib.root))
        assert proc.returncode == 1 and "unexpected" not in proc.stderr
        assert_one_line_error(proc, "library.json")
    doctor = run("doctor", "--library", str(lib.root))
    assert doctor.returncode == 1 and "row" in doctor.stdout and "Traceback" not in doctor.stderr
    done = repair(lib.root)
    assert any("rebuilt the index" in line for line in done), done
    entries = Library(lib.root).entries()
    assert {e.id for e in entries} == set(added)
    # Good rows keep their added time; the bad row came back from the backup or its article file.
    assert all(e.added == added[e.id] for e in entries if e.id != victim)
    assert all(f.level == "ok" for f in check(lib.root))


def test_a_backup_that_is_not_a_table_does_not_crash_doctor(lib: Library) -> None:
    (lib.root / "library.json.bak").write_bytes(b'{"briefings": 5}')
    (lib.root / "library.json").write_bytes(b'{"briefings": {"1": ')
    doctor = run("doctor", "--library", str(lib.root))
    assert doctor.returncode == 1 and "Traceback" not in doctor.stderr and "unexpected" not in doctor.stderr
    proc = run("doctor", "--repair", "--library", str(lib.root))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert len(Library(lib.root).entries()) == 5  # every article file indexed again


def test_a_newer_index_is_reported_and_never_repaired(lib: Library) -> None:
    newer = _rows(lib)
    newer["meta"]["1"]["schema"] = 99
    newer["briefings"] = {"1": {"shape": "only schema 99 knows"}}
    raw = orjson.dumps(newer)
    (lib.root / "library.json").write_bytes(raw)
    before = sorted(p.name for p in lib.root.iterdir())
    proc = run("doctor", "--repair", "--library", str(lib.root))
    assert_one_line_error(proc, "newer briefing")
    assert (lib.root / "library.json").read_bytes() == raw
    assert sorted(p.name for p in lib.root.iterdir()) == before  # nothing moved aside, nothing restored
    assert any(f.level == "error" and "newer" in f.message for f in check(lib.root))


def test_names_kept_aside_never_collide(lib: Library) -> None:
    index = lib.root / "library.json"
    first = keep_aside(index)
    (lib.root / "next").write_bytes(b"second damaged generation")
    os.replace(lib.root / "next", index)  # a later generation, damaged again within the same second
    second = keep_aside(index)
    assert first != second
    assert first.read_bytes() != second.read_bytes() == b"second damaged generation"


def test_repair_on_a_full_disk_changes_nothing(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    index = lib.root / "library.json"
    index.write_bytes(b'{"briefings": {"1": ')
    before = sorted(p.name for p in lib.root.iterdir())

    def full(fd: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic, "_write_all", full)
    with pytest.raises(StoreError, match="No space left on device.*damaged index is unchanged") as info:
        repair(lib.root)
    assert str(lib.root) in str(info.value)
    monkeypatch.undo()
    assert index.read_bytes() == b'{"briefings": {"1": '  # the old index stays until a new one is whole
    assert sorted(p.name for p in lib.root.iterdir()) == before  # no 0-byte .restoring, no stray temp
    assert_one_line_error(run("list", "--library", str(lib.root)), "library.json")  # not "empty", exit 0
    repair(lib.root)  # with room again: every briefing back, added times kept from the backup
    assert len(Library(lib.root).entries()) == 5


def test_a_deleted_index_comes_back_from_the_backup_with_its_added_times(lib: Library) -> None:
    added = {e.id: e.added for e in lib.entries()}
    (lib.root / "library.json").unlink()
    done = repair(lib.root)
    assert any("restored 4 briefings" in line for line in done), done
    entries = Library(lib.root).entries()
    assert {e.id for e in entries} == set(added)  # the fifth from its article file
    assert sum(e.added == added[e.id] for e in entries) >= 4
