"""The writers' lock holds even when someone deletes library.lock ("cleaning a stale lock")."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from store_factory import make_briefing

from briefings.lockfile import FolderLock, LockTimeout
from briefings.store import Library, StoreError


def test_deleting_the_lock_file_while_a_writer_holds_it_does_not_let_a_second_writer_in(tmp_path, monkeypatch):
    monkeypatch.setattr(Library, "LOCK_TIMEOUT", 0.2)
    first, second = Library(tmp_path / "lib"), Library(tmp_path / "lib")
    with first.transaction():
        first.add(make_briefing("held"))
        (first.root / "library.lock").unlink()  # "cleaning a stale lock"
        with pytest.raises(StoreError, match="locked by another briefing process"):
            second.add(make_briefing("intruder"))
    second.add(make_briefing("after"))
    assert len(Library(first.root)) == 2


def test_a_waiter_on_a_deleted_lock_file_waits_for_the_real_holder(tmp_path):
    path = tmp_path / "library.lock"
    holder, waiter = FolderLock(path), FolderLock(path, timeout=10)
    holder.acquire()
    got = threading.Event()

    def wait() -> None:
        with waiter.acquire():
            got.set()

    t = threading.Thread(target=wait)
    t.start()
    path.unlink()
    path.write_bytes(b"")  # a fresh, unlocked file under the old name
    assert not got.wait(0.3)  # still excluded: the holder keeps the lock
    holder.release()
    t.join(10)
    assert got.is_set()


def test_the_lock_times_out_with_its_own_error(tmp_path):
    path = tmp_path / "x.lock"
    with FolderLock(path).acquire():
        with pytest.raises(LockTimeout):
            FolderLock(path, timeout=0.05).acquire()
    with FolderLock(path, timeout=0).acquire():
        pass
