"""Opening the full-text index in step with its library: create, rebuild, catch up (see search_index).

A sync compares the ``(id, updated)`` pairs of the library's list with the
index's and re-reads only the briefings that differ, committing every ``CHUNK``
so a long rebuild never holds writers for long. It records the library
signature read *before* listing the library, so a writer committing during a
sync is caught by the next search, never lost.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import listcache
from .search_index import (NAME, SearchUnavailable, connect, create, drop, fts5_available, put, record, recorded,
                           remove_files, usable)
from .storage import StoreError

CHUNK = 500  # briefings per transaction while syncing

Progress = Callable[[int, int], None]  # (done, total) while syncing


def sync(con: sqlite3.Connection, library, progress: Progress | None = None) -> int:
    """Bring the index in step with ``library``; returns how many briefings were (re)indexed or dropped."""
    signature = listcache.signature(library.root)  # before listing: a later commit is caught next time
    wanted = {e.id: e.updated for e in reversed(library.entries())}  # oldest first: rowid order = age
    have = dict(con.execute("SELECT id, updated FROM docs"))
    stale = [i for i in have if i not in wanted]
    todo = [i for i, updated in wanted.items() if have.get(i) != updated]
    total, done = len(stale) + len(todo), 0
    for start in range(0, max(len(todo), 1), CHUNK):
        con.execute("BEGIN IMMEDIATE")
        try:
            if start == 0:
                for briefing_id in stale:
                    drop(con, briefing_id)
                done += len(stale)
            for briefing_id in todo[start:start + CHUNK]:
                try:
                    put(con, library.get(briefing_id), wanted[briefing_id])
                except (StoreError, OSError, ValueError):
                    # Removed since we listed (the next search drops it), or a damaged article file
                    # (doctor reports it): left out, never a reason to refuse every search.
                    pass
                done += 1
            if start + CHUNK >= len(todo):
                record(con, signature)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        if progress is not None and total:
            progress(done, total)
    return total


def open_index(library, progress: Progress | None = None) -> sqlite3.Connection:
    """A connection to an index in step with ``library``: created, rebuilt or caught up as needed.

    Raises :class:`SearchUnavailable` (one line) when FTS5 is missing or the folder is read-only.
    """
    if not fts5_available():
        raise SearchUnavailable("full-text search needs SQLite with FTS5, which this Python's sqlite3 lacks")
    path = Path(library.root) / NAME
    for attempt in (1, 2):
        try:
            return _open(library, path, progress)
        except sqlite3.OperationalError as exc:  # locked for too long, read-only folder, disk full
            raise SearchUnavailable(f"{path}: the search index cannot be used ({exc})") from None
        except sqlite3.DatabaseError as exc:  # damaged pages inside a file that opened: rebuild it, once
            if attempt == 2:
                raise SearchUnavailable(f"{path}: the search index cannot be used ({exc})") from None
            discard(library, damaged=True)
    raise AssertionError("unreachable")


def _open(library, path: Path, progress: Progress | None) -> sqlite3.Connection:
    if not path.exists() and any(Path(f"{path}{s}").exists() for s in ("-wal", "-shm", "-journal")):
        with library.locked():  # a deleted index's log must not be replayed into the new one
            if not path.exists():
                remove_files(path)
    try:
        con, ours = _connect_usable(path)
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError):
            raise
        discard(library)  # not a database at all (garbage, truncated): start a new file
        con, ours = _connect_usable(path)
    try:
        if not ours:
            create(con)
        if recorded(con) != listcache.signature(library.root):
            sync(con, library, progress)
    except BaseException:
        con.close()
        raise
    return con


def discard(library, damaged: bool = False) -> None:
    """Remove an index that is not a database (or, ``damaged``, whose pages fail to read): the next
    :func:`open_index` rebuilds it. Under the library lock, so no writer is mid-commit on the file."""
    path = Path(library.root) / NAME
    with library.locked():
        if not damaged:
            try:  # another search may have replaced it meanwhile
                _connect_usable(path)[0].close()
                return
            except sqlite3.OperationalError:  # busy or unreadable folder: never a reason to delete it
                raise
            except sqlite3.DatabaseError:
                pass
        remove_files(path)


def _connect_usable(path: Path) -> tuple[sqlite3.Connection, bool]:
    """A connection and whether it holds our schema; DatabaseError if the file is not a database."""
    con = connect(path)
    try:
        return con, usable(con)
    except sqlite3.Error:
        con.close()
        raise
