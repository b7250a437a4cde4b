"""The library index as a locked TinyDB: transactions, schema check, error translation.

``IndexDB`` owns ``library.json`` (through :class:`AtomicJSONStorage`) and
``library.lock``. Writers use :meth:`IndexDB.transaction`; readers just read the
tables (no lock: the file is only ever replaced whole). Every operation first checks
the schema recorded in the "meta" table, so a newer library is neither misread nor
written over.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

from .index import table_problem, utc_now
from .lockfile import FolderLock, LockTimeout
from .storage import AtomicJSONStorage, StoreError

_META_ID = 1  # the single row of the "meta" table


class SchemaTooNew(StoreError):
    """The library was written by a newer briefing; this one neither reads nor writes it."""


def validate_index(data: Mapping[str, Any]) -> str | None:
    """What makes parsed index tables unusable (a bad row, an odd meta row), or None."""
    meta = data.get("meta", {}).get(str(_META_ID))
    if meta is not None and not isinstance(meta, dict):
        return "the meta row is not an object"
    return table_problem(data.get("briefings", {}))


def schema_of(data: Mapping[str, Any]) -> object:
    """The schema a parsed index records (1 when it records none)."""
    meta = data.get("meta", {}).get(str(_META_ID))
    return meta.get("schema", 1) if isinstance(meta, dict) else 1


class IndexDB:
    """``library.json`` + ``library.lock`` in ``root``; safe across threads and processes."""

    def __init__(self, root: Path, *, schema: int, lock_timeout: float) -> None:
        self.root = root
        self.schema = schema
        self.path = root / "library.json"
        self.lock_path = root / "library.lock"
        # A lock that deleting library.lock cannot break (see briefings.lockfile); self.mutex
        # serialises this process's threads. poll_interval: writes take milliseconds.
        self._lock = FolderLock(self.lock_path, timeout=lock_timeout, poll_interval=0.01)
        self.storage = AtomicJSONStorage(self.path, self._lock, validate=validate_index)
        db = TinyDB(storage=lambda: self.storage)  # hand TinyDB our instance, not a class
        # cache_size=0: TinyDB's query cache would never see other processes' writes.
        self.rows: Table = db.table("briefings", cache_size=0)
        self.meta: Table = db.table("meta", cache_size=0)
        self.mutex = threading.RLock()  # held around every read and every transaction
        self._after_commit: list[Callable[[], None]] | None = None  # not None = in a transaction

    def row_values(self) -> Iterable[Mapping[str, Any]]:
        """The index rows as stored, read-only: skips the per-row Document copy of
        ``iter(Table)`` (a third of ``entries()`` time on 10,000 rows)."""
        return ((self.storage.read() or {}).get(self.rows.name) or {}).values()

    def after_commit(self, action: Callable[[], None]) -> None:
        """Run ``action`` once this transaction's index is on disk (still under the lock)."""
        if self._after_commit is None:
            raise RuntimeError("after_commit() outside a transaction")
        self._after_commit.append(action)

    @contextmanager
    def transaction(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the lock: reload the index, defer writes, flush once on success, discard on error."""
        with self.mutex:
            if self._after_commit is not None:  # nested: the outer transaction commits
                yield
                return
            self._acquire(timeout)
            try:
                self.storage.begin()
                self.check_schema()
                self._after_commit = actions = cast(list[Callable[[], None]], [])
                yield
                if self.storage.dirty and self.meta.get(doc_id=_META_ID) is None:
                    self.meta.insert(Document({"schema": self.schema, "created": utc_now()}, doc_id=_META_ID))
                self.storage.commit()
                for action in actions:
                    with suppress(OSError):  # e.g. a leftover unlisted file: harmless
                        action()
            except OSError as e:
                self.storage.rollback()
                raise self.os_error(e) from e
            except BaseException:
                self.storage.rollback()
                raise
            finally:
                self._after_commit = None
                self._lock.release()

    def _acquire(self, timeout: float | None) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            self._lock.acquire(timeout=timeout)
        except LockTimeout:
            raise StoreError(f"library is locked by another briefing process ({self.lock_path})") from None
        except OSError as e:
            raise self.os_error(e) from e

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the writers' lock without loading the index (for repairs of a damaged index)."""
        with self.mutex:
            self._acquire(None)
            try:
                yield
            finally:
                self._lock.release()
                self.storage.close()  # whatever was written, the next read reloads it

    def recorded_schema(self) -> object:
        """The schema the index file records (1 when it records none, as schema-1 files may not)."""
        meta = self.meta.get(doc_id=_META_ID)
        return meta.get("schema", 1) if meta is not None else 1

    def upgrade(self, migrate: Callable[[int], None]) -> bool:
        """Bring an older index to our schema under the lock: ``migrate(old)`` rewrites what
        it must inside the transaction, then the meta row records ours. True if it upgraded."""
        with self.mutex:
            old = self.recorded_schema()
            if not self.path.exists() or not isinstance(old, int) or old >= self.schema:
                return False
            with self.transaction():
                old = self.recorded_schema()  # another process may have upgraded it meanwhile
                if not isinstance(old, int) or old >= self.schema:
                    return False
                migrate(old)
                meta = self.meta.get(doc_id=_META_ID)
                fields = {**(meta or {}), "schema": self.schema, "upgraded": utc_now()}
                self.meta.upsert(Document(fields, doc_id=_META_ID))
            return True

    def check_schema(self) -> None:
        """Raise :class:`SchemaTooNew` if the file records a schema newer than ours."""
        meta = self.meta.get(doc_id=_META_ID)
        schema = meta.get("schema", 1) if meta is not None else 1  # no meta yet: a new library
        if not isinstance(schema, int) or schema > self.schema:
            raise SchemaTooNew(f"{self.path} was written by a newer briefing (schema {schema}); "
                               f"this briefing reads schema {self.schema}")

    def os_error(self, e: OSError) -> StoreError:
        """A filesystem failure while writing, as one line (read-only folder, disk full, ...)."""
        return StoreError(f"cannot write to the library folder {self.root}: {e.strerror or e}")
