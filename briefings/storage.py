"""A TinyDB storage that is atomic, crash-safe and aware of the library lock.

TinyDB's stock ``JSONStorage`` rewrites its file in place and guards nothing
between processes (see ``shared/docs/tinydb-notes.md``). This storage:

* reads without a lock: files are only ever replaced whole, so a reader sees
  the old or the new generation; a re-parse happens only when the file's
  (inode, size, mtime) changed;
* refuses to write unless the caller holds the library lock;
* inside a transaction (``begin``/``commit``/``rollback``) keeps writes in
  memory and flushes once, so a batch of N changes costs one file write;
* flushes as temp file -> fsync -> hard-link the old file to ``.bak`` ->
  ``os.replace`` -> fsync the folder;
* sweeps temp files left by dead writers only under the lock (a reader
  sweeping could delete a live writer's temp file);
* reports a file that does not parse as :class:`CorruptLibrary` and never
  writes over it (the user may want it back).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from .atomic import Signature, sweep_stray, write_atomic
from .lockfile import FolderLock
from .readfile import FileTooLarge, kind_of, read_fd, read_regular

Data = dict[str, dict[str, Any]]
Validator = Callable[[Data], "str | None"]
MAX_BYTES = 2 * 1024**3  # an index this large is not ours (100,000 briefings take ~50 MB)


class StoreError(Exception):
    """A problem with the library, as one user-facing line (no traceback needed)."""


class CorruptLibrary(StoreError):
    """A library file exists but cannot be parsed; it is left exactly as it is."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path, self.reason = path, reason
        super().__init__(f"{path} is damaged ({reason}); nothing was changed")


def parse(raw: bytes, path: Path, validate: Validator | None = None) -> Data:
    """The tables in ``raw`` (the bytes of ``path``); :class:`CorruptLibrary` if they are not a valid library."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as e:
        raise CorruptLibrary(path, f"not valid JSON: {e}") from None
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise CorruptLibrary(path, "not a briefing library: expected an object of tables")
    problem = validate(data) if validate is not None else None
    if problem:
        raise CorruptLibrary(path, problem)
    return data


def read_bytes(path: Path) -> bytes:
    """The bytes of a library file: a regular file (never a FIFO or device), size-capped."""
    return read_regular(path, MAX_BYTES)


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file; see the module docstring for the guarantees."""

    def __init__(self, path: str | Path, lock: FolderLock, validate: Validator | None = None) -> None:
        self.path = Path(path)
        self._validate = validate  # a problem with the parsed tables -> CorruptLibrary
        self.backup = self.path.with_name(self.path.name + ".bak")
        self._lock = lock
        self._data: Data | None = None
        self._sig: Signature | None = None  # which file generation _data was parsed from
        self._in_tx = False
        self._dirty = False
        self._swept = False  # stray temp files are swept once, under the lock (see begin)

    @property
    def dirty(self) -> bool:
        """True inside a transaction that has unflushed writes."""
        return self._dirty

    def read(self) -> Data | None:
        # In a transaction we hold the lock and reloaded at begin(): the working copy is the truth.
        return self._data if self._in_tx else self._load()

    def write(self, data: Data) -> None:
        if not self._lock.is_locked:
            self._invalidate()  # TinyDB mutated our cached dict before calling write()
            raise RuntimeError(f"{self.path}: write without holding the library lock")
        if self._in_tx:
            self._data, self._dirty = data, True  # flushed once, at commit()
        else:
            self._flush(data)

    def begin(self) -> None:
        """Start a transaction; the caller holds the lock. Reloads the file if another process changed it."""
        if not self._lock.is_locked:
            raise RuntimeError(f"{self.path}: transaction without holding the library lock")
        if not self._swept:
            # Only under the lock: a writer's temp files (even a .bak link with an old mtime)
            # exist only while it holds the lock, so nothing swept here can be in use.
            self._swept = True
            sweep_stray(self.path.parent, max_age=0)
        self._load()
        self._in_tx, self._dirty = True, False

    def commit(self) -> None:
        """Flush the transaction's writes (if any) as one atomic file replace."""
        try:
            if self._dirty and self._data is not None:
                self._flush(self._data)
        finally:
            self._in_tx = self._dirty = False

    def rollback(self) -> None:
        """Discard the transaction's writes: the next read reloads from disk."""
        self._in_tx = self._dirty = False
        self._invalidate()

    def close(self) -> None:
        self._invalidate()  # no handle is kept open between calls

    def _invalidate(self) -> None:
        self._data, self._sig = None, None

    def _load(self) -> Data | None:
        try:
            # Non-blocking open, regular files only: a FIFO or /dev/zero named library.json must not hang us.
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
            try:
                st = os.fstat(fd)  # fstat of the open file: the signature matches the bytes we read
                sig = (st.st_ino, st.st_size, st.st_mtime_ns)
                if sig == self._sig:
                    return self._data
                if not stat.S_ISREG(st.st_mode):
                    raise CorruptLibrary(self.path, f"is {kind_of(st.st_mode)}, not a regular file")
                if st.st_size > MAX_BYTES:
                    raise CorruptLibrary(self.path, f"too large ({st.st_size:,} bytes)")
                raw = read_fd(fd, MAX_BYTES, self.path, st.st_size)
            finally:
                os.close(fd)
        except (FileNotFoundError, NotADirectoryError):
            self._invalidate()
            return None  # a library that was never written is empty
        except FileTooLarge:
            raise CorruptLibrary(self.path, "too large") from None
        except OSError as e:
            raise StoreError(f"cannot read {self.path}: {e.strerror or e}") from e
        self._invalidate()
        data = parse(raw, self.path, self._validate)
        self._data, self._sig = data, sig
        return data

    def _flush(self, data: Data) -> None:
        try:
            sig = write_atomic(self.path, orjson.dumps(data), backup=self.backup)
        except BaseException:
            self._invalidate()  # memory is ahead of the disk now; reload next time
            raise
        self._data, self._sig = data, sig
