"""Notes: the analyst's Markdown on any item or a whole briefing, one file per note.

Layout (inside the library folder, apart from the briefings)::

    notes/<briefing-id>/<note-id>.md

The file format and reading one file are :mod:`briefings.note_file`; finding and
reading notes is :mod:`briefings.note_scan`; this module writes them.

One file per note means two sessions adding notes never touch the same file.
Every write is a temp file, fsync, then an exclusive link (a new note) or a
rename (an edit), fsync of the folder; all writes are made under a lock, and
edits and deletes refuse to overwrite a note that changed on disk since it was
read (:class:`StaleNote`). A new note can never replace another: its file is
created exclusively and a clash of ids just draws a new id. Nothing here follows a
symbolic link out of the library, reads anything but a regular file, or accepts a
note over :data:`MAX_NOTE_BYTES`. Re-ingesting or deleting a briefing never touches
this folder.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

from .atomic import create_atomic, fsync_dir, sweep_stray, write_atomic
from .lockfile import FolderLock, LockTimeout
from .note_file import (FIELDS, MAX_FILE_BYTES, MAX_NOTE_BYTES, NOTE_ID, Note, NoteError, StaleNote, check_size, now,
                        parse, random_tag, read_note, render)
from .note_scan import NoteReader

# The names other modules have always imported from here.
__all__ = ["FIELDS", "MAX_FILE_BYTES", "MAX_NOTE_BYTES", "NOTE_ID", "Note", "NoteError", "NoteStore", "StaleNote",
           "now", "parse", "random_tag", "read_note", "render"]


class NoteStore(NoteReader):
    """The notes of one library: ``LIBRARY/notes`` (reading from :class:`NoteReader`, writing here)."""

    LOCK_TIMEOUT = 30.0

    def __init__(self, root: Path):
        super().__init__(root)
        self._lock = FolderLock(self.root / ".lock", timeout=self.LOCK_TIMEOUT)

    def _path(self, briefing_id: str, note_id: str) -> Path:
        if not NOTE_ID.fullmatch(note_id) or not re.fullmatch(r"[0-9a-f]{4,64}", briefing_id):
            raise NoteError(f"not a note reference: {briefing_id}/{note_id}")
        return self.root / briefing_id / f"{note_id}.md"

    def _folder(self, briefing_id: str) -> Path:
        """The briefing's note folder, created if needed, refusing symlinks (call under the lock)."""
        folder = self.root / briefing_id
        self._refuse_links(self.root, folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise NoteError(f"cannot write notes in {folder}: {exc.strerror or exc}") from None
        self._refuse_links(folder)  # a link put there between the check and mkdir
        return folder

    def _write(self, note: Note, *, new: bool) -> None:
        path = self._path(note.briefing, note.id)
        self._folder(note.briefing)
        try:
            if new:
                create_atomic(path, render(note).encode("utf-8"))  # FileExistsError if the id is taken
            else:
                write_atomic(path, render(note).encode("utf-8"))
            fsync_dir(self.root)
        except FileExistsError:
            raise
        except OSError as exc:
            raise NoteError(f"cannot write note {note.id} in {self.root}: {exc.strerror or exc}") from None

    def add(self, briefing_id: str, item_id: str | None, body: str, *, kind: str = "briefing",
            evidence: str = "") -> Note:
        """Write a new note; when this returns, the note is on disk, and no other note was replaced."""
        check_size(body)
        with self._locked():
            for _ in range(100):
                stamp = now()
                # 48 random bits, and the file is created exclusively: a clash draws a new id, never overwrites.
                note_id = f"n-{stamp[:19].replace('-', '').replace(':', '')}Z-{random_tag()}"
                note = Note(note_id, briefing_id, item_id, kind if item_id else "briefing", evidence, body, stamp,
                            stamp, path=self._path(briefing_id, note_id))
                try:
                    self._write(note, new=True)
                    return note
                except FileExistsError:
                    continue
        raise NoteError(f"could not find a free note id in {self.root / briefing_id}")

    def _locked(self) -> FolderLock:
        try:
            self._refuse_links(self.root)
            self.root.mkdir(parents=True, exist_ok=True)
            return self._lock.acquire()
        except LockTimeout:
            raise NoteError(f"notes are locked by another briefing process ({self.root / '.lock'})") from None
        except OSError as exc:
            raise NoteError(f"cannot write notes in {self.root}: {exc.strerror or exc}") from None

    def _current(self, note: Note, path: Path, doing: str) -> Note:
        """The note now on disk at ``path``, checked to be ``note`` as it was read (else StaleNote)."""
        self._refuse_links(self.root, path.parent)
        try:
            current = read_note(path)
        except FileNotFoundError:
            raise StaleNote(f"note {note.id} was deleted by another session; nothing was {doing}") from None
        if current.id != note.id or current.updated != note.updated:
            raise StaleNote(f"note {note.id} was changed by another session; nothing was {doing}")
        return current

    def update(self, note: Note, **changes: str | None) -> Note:
        """Rewrite ``note`` with ``changes``; :class:`StaleNote` if it changed on disk since it was read."""
        if changes.get("body") is not None:
            check_size(changes["body"] or "")
        with self._locked():
            path = self._path(note.briefing, note.id)
            current = self._current(note, path, "changed")
            new = replace(current, updated=now(), path=path, **changes)
            self._write(new, new=False)
            return new

    def remove(self, note: Note) -> Path:
        """Delete ``note``'s file (the one it was read from; checked against the disk like :meth:`update`).

        Returns the path deleted; :class:`StaleNote` if the file is gone or changed."""
        with self._locked():
            path = note.path or self._path(note.briefing, note.id)
            self._current(note, path, "deleted")
            try:
                os.unlink(path)
                fsync_dir(path.parent)
            except OSError as exc:
                raise NoteError(f"cannot delete {path}: {exc.strerror or exc}") from None
            if path.exists():  # pragma: no cover - a filesystem that acknowledged and kept it
                raise NoteError(f"{path} is still there after deleting it")
            return path

    def sweep(self) -> None:
        """Remove temp files left by a writer that died mid-write (never a note). Under the lock:
        every write holds it, so any temp file found is a dead writer's."""
        folders, _ = self._folders(None)
        if folders:
            with self._locked():
                for folder in folders:
                    sweep_stray(folder, max_age=0)
