"""Atomic file replacement: readers and crashes see the old or the new file, whole.

Used for the library index (through :mod:`briefings.storage`) and for the
article files. The recipe: write a temp file in the target's folder, fsync it,
optionally hard-link the current file to a backup name, ``os.replace`` the temp
over the target, fsync the folder. Temp files are named ``.NAME.tmp-PID-RAND``
so that a writer that died can be recognised and swept later.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import time
from collections.abc import Iterable
from contextlib import suppress
from itertools import islice
from pathlib import Path

Signature = tuple[int, int, int]  # (st_ino, st_size, st_mtime_ns): identifies one file generation
STRAY_AGE = 60.0  # seconds: a temp file this old belongs to a writer that died
_NO_LINK = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV}


def fsync_dir(folder: Path) -> None:
    """Make renames inside ``folder`` durable (a rename is a change of the folder)."""
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals renames itself
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:  # os.write may write less than asked (signals, quotas)
        view = view[os.write(fd, view):]


def _temp_for(target: Path) -> Path:
    # Same folder as the target, so os.replace is a rename on one filesystem.
    return target.with_name(f".{target.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")


def _keep_backup(target: Path, backup: Path) -> None:
    """Make ``backup`` the current ``target`` (a hard link: no copy, no extra disk)."""
    tmp = _temp_for(backup)
    try:
        os.link(target, tmp)
    except FileNotFoundError:
        return  # first generation: nothing to keep yet
    except OSError as e:
        if e.errno not in _NO_LINK:
            raise
        shutil.copyfile(target, tmp)  # filesystems without hard links
    try:
        os.replace(tmp, backup)  # link() cannot overwrite, rename can (atomically)
    finally:
        # Gone after a rename, except when backup already was this very file (a write that
        # failed after this step): rename() between two links of one inode does nothing.
        with suppress(OSError):
            os.unlink(tmp)


def write_atomic(target: Path, data: bytes, *, backup: Path | None = None, sync_dir: bool = True) -> Signature:
    """Replace ``target`` by ``data`` so that no reader or crash ever sees a partial file.

    Returns the (inode, size, mtime_ns) signature of the new file. With ``sync_dir=False``
    the caller must :func:`fsync_dir` the folder before relying on the rename.
    """
    tmp = _temp_for(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            _write_all(fd, data)
            os.fsync(fd)  # data on disk before the name points at it
            st = os.fstat(fd)
        finally:
            os.close(fd)
        if backup is not None:
            _keep_backup(target, backup)
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_dir:
        fsync_dir(target.parent)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def create_atomic(target: Path, data: bytes) -> None:
    """Create ``target`` with ``data``, whole, only if no file has that name: FileExistsError otherwise.

    The data is written and fsynced under a temp name, then hard-linked to ``target`` (link()
    never replaces an existing name, unlike rename). Where hard links are not supported the
    caller's lock makes the exists-check-then-rename exclusive.
    """
    tmp = _temp_for(target)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(tmp, target)
        except OSError as e:
            if e.errno not in _NO_LINK:
                raise
            if os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
            os.replace(tmp, target)
    finally:
        with suppress(OSError):
            os.unlink(tmp)
    fsync_dir(target.parent)


def write_many_atomic(items: Iterable[tuple[Path, bytes]], *, chunk: int = 64) -> set[Path]:
    """:func:`write_atomic` for many files, creating their folders; returns the folders,
    which the caller must :func:`fsync_dir` before relying on the renames.

    Works phase by phase on chunks (create+write all, fsync all, rename all): on ext4,
    interleaving creates with fsyncs makes each create wait for a journal commit, and
    grouping them halves the time of a bulk import. Chunks bound the open descriptors.
    """
    folders: set[Path] = set()
    it = iter(items)
    while batch := list(islice(it, chunk)):
        pending: list[tuple[Path, Path]] = []  # (temp, target)
        renamed = 0
        try:
            fds: list[int] = []
            try:
                for target, data in batch:
                    if target.parent not in folders:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        folders.add(target.parent)
                    tmp = _temp_for(target)
                    fds.append(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
                    pending.append((tmp, target))
                    _write_all(fds[-1], data)
                for fd in fds:
                    os.fsync(fd)  # data on disk before any name points at it
            finally:
                for fd in fds:
                    os.close(fd)
            for tmp, target in pending:
                os.replace(tmp, target)
                renamed += 1
        except BaseException:
            for tmp, _ in pending[renamed:]:
                with suppress(OSError):
                    os.unlink(tmp)
            raise
    return folders


def sweep_stray(folder: Path, max_age: float = STRAY_AGE) -> None:
    """Remove temp files (``.NAME.tmp-PID-RAND``) older than ``max_age`` left by dead writers."""
    cutoff = time.time() - max_age
    with suppress(OSError), os.scandir(folder) as it:
        for entry in it:
            if entry.name.startswith(".") and ".tmp-" in entry.name:
                with suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)
