"""The full-text index's share of a library write (``Library.add_many`` and ``remove``).

Changes are staged in an SQLite transaction on ``search.db`` while the library
writes, and committed just after the library commits (under its lock), with the
library's new signature. Only an index in step before the write is written to;
one that is behind is left for the next search to catch up (search_sync).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from . import listcache
from .model import Briefing
from .search_index import NAME, connect, drop, fts5_available, put, record, recorded, usable

_ACTIVE: dict[Path, Writer] = {}  # the writer with an open transaction, per library (in this process)


class Writer:
    """Stages one library transaction's changes; commits them after the library commits.

    Never fails the library's write: any SQLite problem (busy for too long, read-only, damaged)
    just drops the staged changes, and the next search catches up from the library. So does a
    second write nested in the same library transaction (it would wait on the first's SQLite lock).
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._con: sqlite3.Connection | None = None
        self._stale = False  # another write joined this library transaction: leave it all to sync
        self._off = not (self.root / NAME).exists() or not fts5_available()  # no index yet: the first search builds it

    def _begin(self) -> sqlite3.Connection | None:
        if self._off or self._con is not None:
            return self._con
        other = _ACTIVE.get(self.root)
        if other is not None:  # nested in a transaction whose writer is still open
            other._stale, self._off = True, True
            return None
        try:
            con = connect(self.root / NAME)
            if not usable(con):
                con.close()
                self._off = True
                return None
            con.execute("BEGIN IMMEDIATE")
            if recorded(con) != listcache.signature(self.root):  # already behind: sync will redo it all
                con.execute("ROLLBACK")
                con.close()
                self._off = True
                return None
            self._con, _ACTIVE[self.root] = con, self
        except sqlite3.Error:
            self._off = True
        return self._con

    def _try(self, action: Callable[[sqlite3.Connection], None]) -> None:
        con = self._begin()
        if con is None:
            return
        try:
            action(con)
        except sqlite3.Error:
            self.abort()
            self._off = True

    def put(self, b: Briefing, updated: str) -> None:
        self._try(lambda con: put(con, b, updated))

    def drop(self, briefing_ids: Iterable[str]) -> None:
        self._try(lambda con: [drop(con, i) for i in briefing_ids])

    def commit(self) -> None:
        """Record the library's new signature and commit (call after the library committed)."""
        if self._stale:
            self.abort()
        elif self._con is not None:
            self._try(lambda con: (record(con, listcache.signature(self.root)), con.execute("COMMIT")))
        self._close()
        self._off = True  # once

    def abort(self) -> None:
        if self._con is not None:
            try:
                self._con.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        self._close()

    def _close(self) -> None:
        if _ACTIVE.get(self.root) is self:
            del _ACTIVE[self.root]
        if self._con is not None:
            self._con.close()
            self._con = None
