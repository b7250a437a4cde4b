"""A cross-process lock that survives someone deleting its lock file.

``filelock`` locks the file at a path. If a user "cleans a stale lock" by deleting
``library.lock`` while a writer holds it, the next writer creates a fresh file,
locks that, and two writers hold "the lock" at once (the last index write wins).
This lock therefore:

* first locks the folder itself (``flock`` on a directory descriptor): deleting
  or replacing a file cannot replace the folder, so this alone serialises writers;
* then locks the lock file as before (so older briefings, which lock only the
  file, still exclude us), and after acquiring checks that the locked file is
  still the one at the path (same device and inode); if not, it retries.

The kernel drops both locks if the process dies. Where ``fcntl`` does not exist
(Windows, where an open file cannot be deleted anyway) it falls back to ``filelock``.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LockTimeout(Exception):
    """The lock was held by another process for the whole timeout."""


def _try_flock(fd: int) -> bool:
    """Exclusive non-blocking flock on ``fd``: True if taken, False if another process holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError as e:
        if e.errno in (errno.EAGAIN, errno.EACCES):
            return False
        raise


class FolderLock:
    """Exclusive lock of ``path``'s folder plus the lock file ``path``; re-entrant within a thread.

    ``acquire(timeout)`` raises :class:`LockTimeout`; ``is_locked`` says whether this object holds it.
    """

    def __init__(self, path: str | Path, *, timeout: float = 30.0, poll_interval: float = 0.01) -> None:
        self.path = Path(path)
        self.timeout = timeout
        self.poll_interval = poll_interval
        self._fds: tuple[int, int] | None = None  # (folder fd or -1, lock file fd)
        self._depth = 0
        self._owner: int | None = None
        self._fallback = None
        if fcntl is None:  # pragma: no cover - Windows
            from filelock import FileLock

            self._fallback = FileLock(str(self.path), timeout=timeout)

    @property
    def is_locked(self) -> bool:
        if self._fallback is not None:  # pragma: no cover
            return self._fallback.is_locked
        return self._fds is not None

    def acquire(self, timeout: float | None = None) -> FolderLock:
        """Take the lock, waiting up to ``timeout`` seconds (default: the instance's; 0 = one try)."""
        wait = self.timeout if timeout is None else timeout
        if self._fallback is not None:  # pragma: no cover
            from filelock import Timeout

            try:
                self._fallback.acquire(timeout=wait)
            except Timeout:
                raise LockTimeout(str(self.path)) from None
            return self
        if self._fds is not None and self._owner == threading.get_ident():
            self._depth += 1
            return self
        deadline = time.monotonic() + wait
        while True:
            fds = self._try_once()
            if fds is not None:
                self._fds, self._depth, self._owner = fds, 1, threading.get_ident()
                return self
            if time.monotonic() >= deadline:
                raise LockTimeout(str(self.path))
            time.sleep(self.poll_interval)

    def _try_once(self) -> tuple[int, int] | None:
        folder_fd = -1
        try:
            folder_fd = os.open(self.path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_CLOEXEC)
            try:
                if not _try_flock(folder_fd):
                    os.close(folder_fd)
                    return None
            except OSError:  # a filesystem without directory locks (some network mounts): file lock only
                os.close(folder_fd)
                folder_fd = -1
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except BaseException:
            if folder_fd >= 0:
                os.close(folder_fd)
            raise
        try:
            if _try_flock(fd) and self._still_at_path(fd):
                return (folder_fd, fd)
        except BaseException:
            os.close(fd)
            if folder_fd >= 0:
                os.close(folder_fd)
            raise
        os.close(fd)  # closing drops the flock, if we got one on a file that was since deleted
        if folder_fd >= 0:
            os.close(folder_fd)
        return None

    def _still_at_path(self, fd: int) -> bool:
        """The file we locked is the file at the path (nobody deleted or replaced it meanwhile)."""
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path, follow_symlinks=False))
        except FileNotFoundError:
            return False

    def release(self) -> None:
        if self._fallback is not None:  # pragma: no cover
            self._fallback.release()
            return
        if self._fds is None:
            return
        self._depth -= 1
        if self._depth > 0:
            return
        folder_fd, fd = self._fds
        self._fds, self._owner = None, None
        os.close(fd)  # closing the descriptors releases the flocks
        if folder_fd >= 0:
            os.close(folder_fd)

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.release()
