"""The briefing library: the only API through which the reader touches stored briefings.

Layout of a library folder::

    LIBRARY/
      library.json          TinyDB: table "briefings" = one small index row per briefing
                            (what the list needs), table "meta" = {"schema": 1, "created": ...}
      library.json.bak      previous good generation (hard link of the file before each replace)
      library.lock          locked by every writer, together with the folder itself, so deleting
                            this file cannot let a second writer in (see briefings.lockfile)
      articles/ab/<id>.json the full briefing (Briefing.to_dict(), indented JSON), one file per
                            briefing, written atomically; "ab" = the first two characters of the id
      search.db             the full-text index (SQLite FTS5, see briefings.search_index): updated with
                            each write, caught up or rebuilt from the library by the next search
      notes/                reserved for notes (keyed by briefing id and item id); never touched here

Promises: readers take no lock and always see a whole index; writers serialise on
``library.lock``, reload the index under it and replace files atomically (see
:mod:`briefings.atomic`). An article file is durable before the index row that lists it,
so every listed briefing loads; a crash can at worst leave an unlisted article file, which
the next add of that briefing overwrites. A damaged index or one from a newer briefing is
reported (:class:`CorruptLibrary`, :class:`SchemaTooNew`) and never written over.
A ``Library`` is safe to share between threads (one mutex) and between processes (the lock).
"""

from __future__ import annotations

import re

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from .across.state import Across
from .articles import article_bytes, article_path, read_article, refuse_links, shard_folder, sweep_articles
from .atomic import fsync_dir, write_many_atomic
from . import listcache
from .marks import Marks
from .notes import NoteStore
from .index import AddResult, Entry, Row, doc_id, find_row, make_row, upsert_rows, utc_now
from .indexdb import IndexDB, SchemaTooNew
from .model import Briefing
from .paths import library_root
from .search_writer import Writer as SearchWriter
from .storage import CorruptLibrary, StoreError

__all__ = ["AddResult", "Ambiguous", "CorruptLibrary", "Entry", "Library", "NotFound", "SchemaTooNew", "StoreError"]
MIN_PREFIX = 4  # shortest id prefix `resolve` accepts: short to type, long enough to be unique


class NotFound(StoreError):
    """No briefing with that id (or id prefix)."""


class Ambiguous(StoreError):
    """An id prefix matches more than one briefing."""


class Library:
    """A folder of briefings with a small TinyDB index; see the module docstring."""

    SCHEMA = 2  # 2: rows and articles carry the page's url and outlet (issue 12); 1 is upgraded on open
    LOCK_TIMEOUT = 30.0

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.notes_dir = self.root / "notes"
        self._db = IndexDB(self.root, schema=self.SCHEMA, lock_timeout=self.LOCK_TIMEOUT)
        self._swept = False
        self.across = Across(self.root)  # cross-article state, kept up to date by add/remove
        self._marks: Marks | None = None

    @classmethod
    def open(cls, explicit: str | Path | None = None) -> Library:
        """The library at ``explicit`` (``--library``), ``$BRIEFING_HOME`` or the user data folder;
        a schema-1 library is upgraded to schema 2 on the way (a read-only one is read as it is)."""
        library = cls(library_root(explicit))
        library.upgrade()
        return library

    def upgrade(self) -> bool:
        """Upgrade an older index in place (under the lock, atomically); True if it did.

        Schema 1 -> 2: every row gains ``url`` and ``outlet`` (null: schema-1 articles were
        never read from the web). Article files stay as written; schema 1 reads as schema 2.
        """
        def migrate(old: int) -> None:
            if old < 2:
                self._db.rows.update(lambda row: (row.setdefault("url", None), row.setdefault("outlet", None)))
        try:
            return self._db.upgrade(migrate)
        except StoreError:  # read-only folder, locked for long, damaged: commands report it themselves
            return False

    @property
    def marks(self) -> Marks:
        """Read/archived marks kept beside this library (one object per Library: it caches the file)."""
        if self._marks is None:
            self._marks = Marks(self.root)
        return self._marks.load()

    def list_signature(self) -> str | None:
        """Changes whenever any writer commits the index (another process ingesting or removing)."""
        return listcache.signature(self.root)

    @property
    def notes(self) -> NoteStore:
        """The notes kept beside this library (never touched by adding or removing briefings)."""
        return NoteStore(self.notes_dir)

    def article_path(self, briefing_id: str) -> Path:
        """Where the full briefing is stored (``articles/ab/<id>.json``)."""
        return article_path(self.root, briefing_id)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Take the lock (LOCK_TIMEOUT s, else StoreError), reload the index, write it once on
        success, discard the changes on error. Calls inside (``add``, ``remove``...) join it."""
        with self._db.transaction():
            yield

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the writers' lock without reading the index (``doctor --repair`` of a damaged index)."""
        with self._db.locked():
            yield

    def add_many(self, briefings: Iterable[Briefing]) -> list[AddResult]:
        """One locked transaction: write each article file atomically, then upsert all index rows and
        write library.json ONCE. Same briefing id again = update in place (keeps ``added``)."""
        results: list[AddResult] = []
        rows: dict[int, Row] = {}  # doc id -> new row; also catches a repeat inside the batch
        with self._search_writer() as search, self._db.transaction():
            if not self._swept:  # under the lock, once per Library
                self._swept = True
                sweep_articles(self.root)
            now = utc_now()
            self.across.begin()  # forget briefings staged by a transaction that failed
            fresh = not len(self._db.rows)  # a new library: its cross-article state starts here
            shards: set[str] = set()  # shard folders checked (and made) in this transaction

            def files() -> Iterator[tuple[Path, bytes]]:  # streams: a big import is not held in memory
                for b in briefings:
                    did = doc_id(b.id)
                    if did is None:
                        raise StoreError(f"briefing id {b.id!r} is not a hex digest")
                    old = rows.get(did) or find_row(self._db.rows, b.id)
                    if old is None and self._db.rows.contains(doc_id=did):  # 60-bit clash: not expected
                        raise StoreError(f"briefing {b.id} clashes with another briefing's index key")
                    rows[did] = make_row(b, added=old["added"] if old else now, updated=now)
                    self.across.stage(b, rows[did]["added"])
                    search.put(b, now)
                    results.append(AddResult(b.id, b.article.title, created=old is None))
                    if b.id[:2] not in shards:  # never write through a linked folder (LinkedFolder)
                        shard_folder(self.root, b.id)
                        shards.add(b.id[:2])
                    yield self.article_path(b.id), article_bytes(b)

            folders = write_many_atomic(files())
            for folder in (*folders, self.root / "articles") if folders else ():
                fsync_dir(folder)  # the articles are durable before the index lists them
            upsert_rows(self._db.rows, rows)
            self._db.after_commit(self._write_list)
            self._db.after_commit(lambda: self.across.commit(fresh))
            self._db.after_commit(search.commit)
        return results

    def add(self, briefing: Briefing) -> AddResult:
        """Add or update one briefing (see :meth:`add_many`)."""
        return self.add_many([briefing])[0]

    def remove(self, briefing_id: str) -> None:
        """Remove a briefing (exact id): its index row, then its article file. Notes are kept."""
        with self._search_writer() as search, self._db.transaction():
            self._row(briefing_id)  # NotFound unless listed, so the id is a hex id
            refuse_links(self.root, briefing_id)  # never delete through a linked folder: refused, still listed
            search.drop([briefing_id])
            self._db.rows.remove(doc_ids=[cast(int, doc_id(briefing_id))])
            path = self.article_path(briefing_id)
            # Unlink only once the index no longer lists it: a listed briefing always loads.
            self._db.after_commit(lambda: path.unlink(missing_ok=True))
            self._db.after_commit(self._write_list)
            self._db.after_commit(lambda: self.across.remove(briefing_id))
            self._db.after_commit(search.commit)

    @contextmanager
    def _search_writer(self) -> Iterator[SearchWriter]:
        """The full-text index's share of a write: committed after the library (see search_index),
        rolled back if the library's transaction fails."""
        writer = SearchWriter(self.root)
        try:
            yield writer
        except BaseException:
            writer.abort()
            raise

    def _write_list(self) -> None:
        """Rewrite the list file from the index just committed (runs under the lock)."""
        listcache.write(self.root, self._db.row_values())

    # -- reading: no lock needed, the index file is only ever replaced whole ---------------------

    def entries(self, limit: int | None = None) -> list[Entry]:
        """Every briefing's list row (or the newest ``limit``), newest first (by ``added``, then title).

        Read from the list file when it matches the index (fast: no JSON parse of the index);
        otherwise from the index, and the list file is rebuilt for next time.
        """
        fast = listcache.read(self.root, limit)
        if fast is not None:
            return fast
        out = self._entries_from_index()
        self._rebuild_list()
        return out[:limit] if limit is not None else out

    def rows(self) -> listcache.Rows:
        """The whole list for a reader, parsed lazily (see :class:`briefings.listcache.Rows`)."""
        fast = listcache.read_rows(self.root)
        return fast if fast is not None else listcache.Rows(entries=self.entries())

    def _rebuild_list(self) -> None:
        """Write a missing or stale list file, if the lock is free right now (never waits, never fails)."""
        if not (self.root / "library.json").exists():
            return
        try:
            with self._db.transaction(timeout=0.05):
                self._write_list()
        except (StoreError, OSError):
            pass  # another writer holds the lock and will write the list itself

    def _entries_from_index(self) -> list[Entry]:
        with self._db.mutex:
            self._db.check_schema()
            out = [Entry.from_row(row) for row in self._db.row_values()]
        out.sort(key=lambda e: e.title.casefold())
        out.sort(key=lambda e: e.added, reverse=True)  # stable sort: equal times keep title order
        return out

    def __len__(self) -> int:
        with self._db.mutex:
            self._db.check_schema()
            return len(self._db.rows)

    def get(self, briefing_id: str) -> Briefing:
        """The full briefing (exact id); :class:`NotFound` if the library does not hold it.

        Reads the one article file (no index parse: opening stays instant at any library size);
        an article file exists exactly while the index lists it, as both are written under the lock.
        """
        if not re.fullmatch(r"[0-9a-f]{16,64}", briefing_id or ""):
            raise NotFound(f"no briefing with id {briefing_id!r} in {self.root}")
        try:
            return read_article(self.root, briefing_id)
        except FileNotFoundError:
            raise NotFound(f"no briefing with id {briefing_id!r} in {self.root}") from None

    def resolve(self, ref: str) -> str:
        """The full id for an exact id or a unique id prefix of at least MIN_PREFIX characters."""
        key = ref.strip().lower()
        entries = self.entries()  # the list file when fresh: no index parse
        if any(e.id == key for e in entries):
            return key
        if len(key) < MIN_PREFIX:
            raise NotFound(f"no briefing with id {ref!r} (an id prefix needs {MIN_PREFIX}+ characters)")
        hits: list[tuple[str, str]] = sorted((e.id, e.title) for e in entries if e.id.startswith(key))
        if not hits:
            raise NotFound(f"no briefing with an id starting {ref!r} in {self.root}")
        if len(hits) > 1:
            shown = "; ".join(f"{i[:10]} {t[:40]!r}" for i, t in hits[:3])
            more = f" and {len(hits) - 3} more" if len(hits) > 3 else ""
            raise Ambiguous(f"{ref!r} matches {len(hits)} briefings: {shown}{more}; type more of the id")
        return hits[0][0]

    def _row(self, briefing_id: str) -> Row:
        with self._db.mutex:
            self._db.check_schema()
            row = find_row(self._db.rows, briefing_id)
        if row is None:
            raise NotFound(f"no briefing with id {briefing_id!r} in {self.root}")
        return row
