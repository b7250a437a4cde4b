"""The full-text index beside a library: ``LIBRARY/search.db``, SQLite FTS5 (stdlib ``sqlite3``).

Tables: ``docs`` (one row per briefing: id, the ``updated`` stamp of its index
row, title) and ``fts`` (FTS5, same rowid: title, article body, and names =
outlet, authors, speakers, casualty names). ``meta`` records the library
signature (:func:`briefings.listcache.signature`) the index was last in step
with. The article text is stored as it is, so a hit's offset is an offset into
``Article.text`` and the reader can show it in the Source pane.

Keeping it current (the two other modules):

* ``Library.add_many``/``remove`` stage changes through a
  :class:`briefings.search_writer.Writer`, whose
  SQLite transaction commits just after the library's (under the library lock).
  It writes only if the index was in step with the library before that
  transaction; otherwise it leaves it for the next search to catch up.
* :func:`briefings.search_sync.open_index` (every search) compares the recorded signature with the
  library's: a mismatch (a crash between the two commits, an older ``briefing``,
  ``doctor --repair``) runs ``sync``, which compares ``(id, updated)`` pairs
  and re-reads only the briefings that differ. A missing, unreadable or
  older-schema file is rebuilt the same way from scratch.

Concurrency: WAL journal (searches never wait for a writer) and a busy timeout
(writers queue). A sync commits every ``CHUNK`` briefings and records the
signature it read *before* listing the library, so a writer committing during a
sync is caught by the next search, never lost.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from functools import cache
from pathlib import Path

from . import listcache
from .model import Briefing
from .storage import StoreError

NAME = "search.db"
SCHEMA = 1  # PRAGMA user_version; another value means rebuild
BUSY_SECONDS = 10.0
MARKS = ("\x02", "\x03")  # hit markers for snippet()/highlight(); removed from indexed text


class SearchUnavailable(StoreError):
    """This Python's SQLite has no FTS5, or the index cannot be written."""


@cache
def fts5_available() -> bool:
    """Whether the stdlib SQLite was built with FTS5 (it is in every CPython build we know of)."""
    try:
        with closing(sqlite3.connect(":memory:")) as con:
            con.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
        return True
    except sqlite3.Error:
        return False


_CREATE = """
CREATE TABLE IF NOT EXISTS docs(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, updated TEXT, title TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(title, body, names, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
"""


def _clean(text: str) -> str:
    """The text with our marker characters blanked (same length: offsets still point into the article)."""
    return text.replace(MARKS[0], " ").replace(MARKS[1], " ") if MARKS[0] in text or MARKS[1] in text else text


def fields(b: Briefing) -> tuple[str, str, str]:
    """(title, body, names) indexed for ``b``."""
    art = b.article
    names = dict.fromkeys(x for x in (art.outlet, *art.authors, *(q.speaker for q in b.quotes),
                                      *(c.name for c in b.casualties)) if x)
    return _clean(art.title), _clean(art.text), _clean("\n".join(names))


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, with a busy timeout."""
    con = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None, check_same_thread=False)
    try:
        con.execute(f"PRAGMA busy_timeout={int(BUSY_SECONDS * 1000)}")
        if con.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            con.execute("PRAGMA journal_mode=WAL")
        con.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a crash loses at most the last commit
    except sqlite3.Error:
        con.close()
        raise
    return con


def usable(con: sqlite3.Connection) -> bool:
    """The file is a database of our schema (a garbage file raises here, on the first read)."""
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA:
        return False
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    return {"docs", "fts", "meta"} <= names


def create(con: sqlite3.Connection) -> None:
    """Make the tables, dropping an older schema's (the library is the truth: sync refills them)."""
    con.execute("BEGIN IMMEDIATE")
    try:
        if not usable(con):  # re-checked under the write lock: another process may have just made it
            for table in ("fts", "docs", "meta"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in filter(str.strip, _CREATE.split(";")):
                con.execute(statement)
            con.execute(f"PRAGMA user_version={SCHEMA}")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def remove_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def recorded(con: sqlite3.Connection) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key='signature'").fetchone()
    return row[0] if row else None


def record(con: sqlite3.Connection, signature: str | None) -> None:
    con.execute("INSERT OR REPLACE INTO meta(key, value) VALUES('signature', ?)", (signature,))


def put(con: sqlite3.Connection, b: Briefing, updated: str) -> None:
    """Insert or replace ``b`` (inside the caller's transaction)."""
    title, body, names = fields(b)
    row = con.execute("SELECT rowid FROM docs WHERE id=?", (b.id,)).fetchone()
    if row is not None:
        con.execute("DELETE FROM fts WHERE rowid=?", (row[0],))
        con.execute("UPDATE docs SET updated=?, title=? WHERE rowid=?", (updated, title, row[0]))
        rowid = row[0]
    else:
        rowid = con.execute("INSERT INTO docs(id, updated, title) VALUES(?, ?, ?)", (b.id, updated, title)).lastrowid
    con.execute("INSERT INTO fts(rowid, title, body, names) VALUES(?, ?, ?, ?)", (rowid, title, body, names))


def drop(con: sqlite3.Connection, briefing_id: str) -> None:
    """Remove one briefing (inside the caller's transaction); no-op if it is not indexed."""
    row = con.execute("SELECT rowid FROM docs WHERE id=?", (briefing_id,)).fetchone()
    if row is not None:
        con.execute("DELETE FROM fts WHERE rowid=?", (row[0],))
        con.execute("DELETE FROM docs WHERE rowid=?", (row[0],))


def status(root: Path) -> tuple[str, str]:
    """(level, message) about the index at ``root`` for ``briefing doctor``; reads only, changes nothing."""
    path = Path(root) / NAME
    if not path.exists():
        return "ok", "search index: not built yet (the first search builds it)"
    if not fts5_available():
        return "warning", "search index: this Python's SQLite lacks FTS5, so full-text search is unavailable"
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_SECONDS)) as con:
            if not usable(con):
                return "ok", f"search index: {path} is of another format; the next search rebuilds it"
            count = con.execute("SELECT count(*) FROM docs").fetchone()[0]
            behind = recorded(con) != listcache.signature(Path(root))
    except sqlite3.Error as exc:
        return "warning", f"search index: {path} cannot be read ({exc}); the next search rebuilds it"
    return "ok", f"search index: {count} briefings" + ("; the next search catches up with the library"
                                                        if behind else ", in step with the library")
