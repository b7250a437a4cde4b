"""Read a file only if it is a regular file of bounded size, without ever blocking.

A FIFO named like an article, ``list.tsv`` or a note would block ``open()`` forever;
a symlink to ``/dev/zero`` would be read until memory runs out. Every file this
program reads goes through :func:`read_regular`: the open cannot block
(``O_NONBLOCK``), the descriptor must be a regular file, and at most ``limit``
bytes are read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


class NotRegularFile(OSError):
    """The path is not a plain file (FIFO, device, socket, folder); nothing was read from it."""


class FileTooLarge(OSError):
    """The file is larger than the caller's limit; nothing was read from it."""

    def __init__(self, path: str | Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"file too large ({size:,} bytes; the limit is {limit:,})", str(path))
        self.size, self.limit = size, limit


def nonblocking(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open`: opening a FIFO never waits for a writer."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))


def is_regular(fd: int, limit: int | None = None) -> bool:
    """``fd`` is a regular file (of at most ``limit`` bytes)."""
    st = os.fstat(fd)
    return stat.S_ISREG(st.st_mode) and (limit is None or st.st_size <= limit)


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a named pipe (FIFO)", "a device"...)."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: str | Path, limit: int, *, nofollow: bool = False) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Raises :class:`NotRegularFile`, :class:`FileTooLarge` or the usual ``OSError``
    (FileNotFoundError...). ``nofollow``: a symlink as the last component is refused (ELOOP).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    if nofollow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(errno.EINVAL, f"is {kind_of(st.st_mode)}, not a regular file", str(path))
        if st.st_size > limit:
            raise FileTooLarge(path, st.st_size, limit)
        return read_fd(fd, limit, path, st.st_size)
    finally:
        os.close(fd)


def read_capped(read: Callable[[int], bytes], limit: int, step: int = 1 << 20) -> bytes:
    """Up to ``limit + 1`` bytes from calls to ``read(n)`` (a stream's ``read``, ``os.read`` on a
    descriptor) until it returns nothing: one byte past the limit tells the caller the input is too
    large, without reading the rest of it."""
    chunks, left = [], limit + 1
    while left > 0:
        chunk = read(min(left, step))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def read_fd(fd: int, limit: int, path: str | Path, size_hint: int = 0) -> bytes:
    """At most ``limit`` bytes from ``fd`` (:class:`FileTooLarge` past it: the file may grow under us)."""
    step = max(1 << 16, min(size_hint + 1, 1 << 26))  # a regular file usually comes in one read
    data = read_capped(lambda n: os.read(fd, n), limit, step)
    if len(data) > limit:
        raise FileTooLarge(path, len(data), limit)
    return data
