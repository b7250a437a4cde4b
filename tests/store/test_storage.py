"""Storage promises: one write per batch, a backup generation, damaged or newer files left
alone, filesystem failures reported in one line and never half-applied."""

from __future__ import annotations

import errno
import json
import os
import sys
import time
from pathlib import Path

import orjson
import pytest
from filelock import FileLock
from store_factory import make_briefing

import briefings.atomic as atomic
from briefings.storage import AtomicJSONStorage
from briefings.store import CorruptLibrary, Library, SchemaTooNew, StoreError


def _index(lib: Library) -> Path:
    return lib.root / "library.json"


def test_backup_is_the_previous_generation(lib: Library) -> None:
    a, b = make_briefing("a"), make_briefing("b")
    lib.add(a)
    assert not (lib.root / "library.json.bak").exists()
    lib.add(b)
    bak = lib.root / "library.json.bak"
    assert bak.exists() and json.loads(bak.read_bytes())["meta"]["1"]["schema"] == Library.SCHEMA
    restored = lib.root.parent / "restored"
    restored.mkdir()
    os.link(bak, restored / "library.json")
    assert [e.id for e in Library(restored).entries()] == [a.id]  # the backup loads as a library
    assert {e.id for e in lib.entries()} == {a.id, b.id}


def test_meta_records_schema(lib: Library) -> None:
    lib.add(make_briefing("m"))
    meta = json.loads(_index(lib).read_bytes())["meta"]
    assert meta["1"]["schema"] == Library.SCHEMA and meta["1"]["created"].endswith("Z")


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "not-tables"])
def test_damaged_index_is_reported_and_left_alone(lib: Library, damage: str) -> None:
    lib.add_many([make_briefing("d", i) for i in range(5)])
    lib.add(make_briefing("d", 5))  # a second generation, so there is a backup
    good = _index(lib).read_bytes()
    bad = {"truncated": good[: len(good) // 2], "garbage": b"\x00\xff\xfe garbage {", "empty": b"",
           "not-tables": b"[1, 2, 3]"}[damage]
    _index(lib).write_bytes(bad)
    for attempt in (lambda: lib.add(make_briefing("new")), lib.entries, lambda: len(lib),
                    lambda: lib.remove(make_briefing("d", 0).id), lambda: Library(lib.root).entries()):
        with pytest.raises(CorruptLibrary) as err:
            attempt()
        message = str(err.value)
        assert message.startswith(f"{_index(lib)} is damaged (") and message.endswith("; nothing was changed")
        assert "\n" not in message
        assert _index(lib).read_bytes() == bad  # never written over
    assert json.loads((lib.root / "library.json.bak").read_bytes())  # the backup is still good


def test_corrupt_message_names_json_error(lib: Library) -> None:
    lib.add(make_briefing("x"))
    _index(lib).write_bytes(b'{"briefings": {"1": {"id"')
    with pytest.raises(CorruptLibrary, match=r"is damaged \(not valid JSON: .+\); nothing was changed"):
        lib.entries()


def test_damaged_article_file(lib: Library) -> None:
    b = make_briefing("art")
    lib.add(b)
    lib.article_path(b.id).write_bytes(b'{"schema": 1, "id"')
    with pytest.raises(CorruptLibrary):
        lib.get(b.id)


def test_schema_too_new_is_refused_and_file_unchanged(lib: Library) -> None:
    lib.add(make_briefing("s"))
    data = orjson.loads(_index(lib).read_bytes())
    data["meta"]["1"]["schema"] = Library.SCHEMA + 1
    _index(lib).write_bytes(orjson.dumps(data))
    before = _index(lib).read_bytes()
    expected = (f"{_index(lib)} was written by a newer briefing (schema {Library.SCHEMA + 1}); "
                f"this briefing reads schema {Library.SCHEMA}")
    other = Library(lib.root)
    for attempt in (lambda: lib.add(make_briefing("t")), lib.entries, lambda: other.add(make_briefing("u"))):
        with pytest.raises(SchemaTooNew) as err:
            attempt()
        assert str(err.value) == expected
    assert _index(lib).read_bytes() == before


def test_stray_temp_files_are_swept_only_under_the_lock(lib: Library) -> None:
    lib.add(make_briefing("sweep"))
    # A writer's backup temp is a hard link of the old index, so it carries an old mtime.
    old, backup_tmp = lib.root / ".library.json.tmp-1-dead", lib.root / ".library.json.bak.tmp-2-live"
    shard = lib.article_path(make_briefing("sweep").id).parent
    old_article = shard / ".x.json.tmp-1-dead"
    for p in (old, backup_tmp, old_article):
        p.write_bytes(b"partial")
    hour_ago = time.time() - 3600
    for p in (old, backup_tmp, old_article):
        os.utime(p, (hour_ago, hour_ago))
    with FileLock(lib.root / "library.lock"):  # a writer is at work: readers must not sweep
        reader = Library(lib.root)
        assert len(reader.entries()) == 1 and len(reader) == 1
        assert old.exists() and backup_tmp.exists() and old_article.exists()
    Library(lib.root).add(make_briefing("sweep2"))  # the next writer, under the lock, sweeps them all
    assert not old.exists() and not backup_tmp.exists() and not old_article.exists()


def test_write_requires_the_lock(tmp_path: Path) -> None:
    storage = AtomicJSONStorage(tmp_path / "db.json", FileLock(tmp_path / "db.lock"))
    with pytest.raises(RuntimeError, match="lock"):
        storage.write({"t": {}})
    assert not (tmp_path / "db.json").exists()


def test_lock_timeout_is_a_store_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Library, "LOCK_TIMEOUT", 0.1)
    lib = Library(tmp_path / "lib")
    lib.add(make_briefing("a"))
    with FileLock(lib.root / "library.lock"):  # another holder (its own file descriptor)
        with pytest.raises(StoreError, match=r"library is locked by another briefing process \(.*library\.lock\)"):
            lib.add(make_briefing("b"))
        assert len(lib) == 1  # readers need no lock
    lib.add(make_briefing("b"))
    assert len(lib) == 2


def _fail_nth(monkeypatch: pytest.MonkeyPatch, name: str, n: int, err: int) -> None:
    """Make the n-th call of os.<name> (as used by briefings.atomic) fail with errno ``err``."""
    real = getattr(os, name)
    calls = 0

    def failing(*args: object, **kwargs: object) -> object:
        nonlocal calls
        if sys._getframe(1).f_globals.get("__name__") != "briefings.atomic":
            return real(*args, **kwargs)  # os is one module: leave the lock's and the readers' calls alone
        calls += 1
        if calls == n:
            raise OSError(err, os.strerror(err))
        return real(*args, **kwargs)

    monkeypatch.setattr(atomic.os, name, failing)


@pytest.mark.parametrize("name", ["open", "write", "fsync", "link", "replace"])
def test_kth_filesystem_failure_leaves_a_good_library(lib: Library, name: str) -> None:
    lib.add_many([make_briefing("base", i) for i in range(3)])
    base = {e.id for e in lib.entries()}
    batch = [make_briefing("new", i) for i in range(3)]
    outcomes = []
    for k in range(1, 16):
        with pytest.MonkeyPatch.context() as mp:
            _fail_nth(mp, name, k, errno.ENOSPC)
            try:
                lib.add_many(batch)
            except StoreError as e:
                assert str(e) == f"cannot write to the library folder {lib.root}: No space left on device"
                failed = True
            else:
                failed = False
        outcomes.append(failed)
        assert not [*lib.root.glob(".*.tmp-*"), *lib.root.glob("articles/*/.*.tmp-*")]  # cleaned up
        fresh = Library(lib.root)
        ids = {e.id for e in fresh.entries()}
        # A failure before the index rename changes nothing; one after it (fsync of the folder)
        # is still reported, and the library then holds the whole batch: never a part of it.
        assert ids == base | {b.id for b in batch} or (failed and ids == base), (k, failed)
        assert {e.id for e in lib.entries()} == ids  # the failed instance did not keep phantom rows
        for bid in ids:
            fresh.get(bid)
        if not failed:
            for b in batch:
                lib.remove(b.id)
    assert outcomes[0] and not outcomes[-1]  # the first call failed; k went past the last call
    lib.add_many(batch)  # and it still works afterwards
    assert len(lib) == 6


def test_unwritable_folder_is_one_line(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    lib.add(make_briefing("ro"))
    before = _index(lib).read_bytes()
    if os.geteuid() == 0:  # root ignores permissions: simulate a read-only folder (no file creation)
        real_open = os.open

        def no_create(path: str, flags: int, *args: int) -> int:
            if flags & os.O_CREAT:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), path)
            return real_open(path, flags, *args)

        monkeypatch.setattr(os, "open", no_create)
    else:
        lib.root.chmod(0o555)
    try:
        with pytest.raises(StoreError) as err:
            lib.add(make_briefing("ro2"))
    finally:
        lib.root.chmod(0o755)
    assert str(err.value) == f"cannot write to the library folder {lib.root}: Permission denied"
    assert _index(lib).read_bytes() == before and len(lib) == 1


def test_library_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    lib = Library(tmp_path / "file" / "lib")
    assert lib.entries() == []
    with pytest.raises(StoreError, match="cannot write to the library folder"):
        lib.add(make_briefing("f"))
