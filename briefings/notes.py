"""Notes: the analyst's Markdown on any item or a whole briefing, one file per note.

Layout (inside the library folder, apart from the briefings)::

    notes/<briefing-id>/<note-id>.md

Each file is Markdown under a small header a person can read and grep::

    ---
    id: n-20261125T025500-3fa2c1
    briefing: 9ecb83efc58ffcec
    item: q-e48c6fe6          (empty for a note on the whole briefing)
    kind: quote
    evidence: "We will take all necessary actions ..."   (JSON string: the item's text at the time)
    created: 2026-11-25T02:55:00.000000Z
    updated: 2026-11-25T02:55:00.000000Z
    ---
    The note, in Markdown.

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

import errno
import json
import os
import re
import secrets
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from .atomic import create_atomic, fsync_dir, sweep_stray, write_atomic
from .lockfile import FolderLock, LockTimeout
from .readfile import read_regular
from .storage import StoreError

FIELDS = ("id", "briefing", "item", "kind", "evidence", "created", "updated")
# Older notes carry 6 hex digits of randomness, newer 12; both stay readable.
NOTE_ID = re.compile(r"n-[0-9TZ]{15,16}-[0-9a-f]{6,12}")
MAX_NOTE_BYTES = 64 * 1024  # a note is prose: 64 KiB is ~10,000 words, and keeps the reader instant
MAX_FILE_BYTES = 4 * MAX_NOTE_BYTES  # body + header + the quoted evidence


class NoteError(StoreError):
    """A note could not be read or written; the message is one line."""


class StaleNote(NoteError):
    """The note changed on disk (another session) since it was read; nothing was overwritten."""


@dataclass(frozen=True, slots=True)
class Note:
    """One note. ``item`` is None for a note on the whole briefing."""

    id: str
    briefing: str
    item: str | None
    kind: str
    evidence: str
    body: str
    created: str
    updated: str
    path: Path | None = field(default=None, compare=False, repr=False)  # the file it was read from

    @property
    def first_line(self) -> str:
        return next((line.strip() for line in self.body.splitlines() if line.strip()), "")

    def to_dict(self) -> dict[str, str | None]:
        return {f: getattr(self, f) for f in (*FIELDS, "body")}


def random_tag() -> str:
    """48 random bits for a new note id (unique by the exclusive create, not by luck)."""
    return secrets.token_hex(6)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def render(note: Note) -> str:
    """The file form of ``note``."""
    head = [f"{f}: {json.dumps(getattr(note, f) or '', ensure_ascii=False) if f == 'evidence' else getattr(note, f) or ''}"
            for f in FIELDS]
    return "---\n" + "\n".join(head) + "\n---\n" + note.body.rstrip("\n") + "\n"


def parse(text: str, path: Path) -> Note:
    """A note from its file form; :class:`NoteError` names the file when it is damaged."""
    m = re.match(r"---\n(.*?)\n---\n?(.*)\Z", text, re.S)
    if not m:
        raise NoteError(f"{path}: not a note file (no --- header)")
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    try:
        fields["evidence"] = json.loads(fields.get("evidence") or '""')
        return Note(id=fields["id"], briefing=fields["briefing"], item=fields.get("item") or None,
                    kind=fields.get("kind") or "briefing", evidence=fields["evidence"], body=m.group(2).rstrip("\n"),
                    created=fields["created"], updated=fields.get("updated") or fields["created"], path=path)
    except (KeyError, ValueError) as exc:
        raise NoteError(f"{path}: damaged note header ({exc})") from None


def read_note(path: Path) -> Note:
    """The note in the file at ``path``: a regular file (no symlink, FIFO or device), size-capped."""
    try:
        raw = read_regular(path, MAX_FILE_BYTES, nofollow=True)
        return parse(raw.decode("utf-8"), path)
    except UnicodeDecodeError:
        raise NoteError(f"{path}: not UTF-8 text") from None
    except FileNotFoundError:
        raise
    except OSError as exc:
        reason = "is a symbolic link (never followed)" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        raise NoteError(f"{path}: {reason}") from None


def _check_size(body: str) -> None:
    size = len(body.encode("utf-8", "surrogatepass"))
    if size > MAX_NOTE_BYTES:
        raise NoteError(f"the note is too long ({size:,} bytes; notes are limited to {MAX_NOTE_BYTES // 1024} KiB); "
                        "nothing was saved")


class NoteStore:
    """The notes of one library: ``LIBRARY/notes``."""

    LOCK_TIMEOUT = 30.0

    def __init__(self, root: Path):
        self.root = Path(root)
        self._lock = FolderLock(self.root / ".lock", timeout=self.LOCK_TIMEOUT)

    def _path(self, briefing_id: str, note_id: str) -> Path:
        if not NOTE_ID.fullmatch(note_id) or not re.fullmatch(r"[0-9a-f]{4,64}", briefing_id):
            raise NoteError(f"not a note reference: {briefing_id}/{note_id}")
        return self.root / briefing_id / f"{note_id}.md"

    def _refuse_links(self, *paths: Path) -> None:
        """Never follow a symlink out of the library: the notes folder and a briefing's folder must be real."""
        for p in paths:
            if p.is_symlink():
                raise NoteError(f"{p} is a symbolic link; briefing never reads or writes notes through a link")

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
        _check_size(body)
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

    def all(self, briefing_id: str | None = None) -> list[Note]:
        """Every note (or one briefing's), oldest first. Damaged files are skipped, never removed."""
        notes, _ = self.scan(briefing_id)
        return notes

    def _folders(self, briefing_id: str | None) -> tuple[list[Path], list[str]]:
        if not self.root.is_dir() or self.root.is_symlink():
            return [], [f"{self.root} is a symbolic link; its notes are not read"] if self.root.is_symlink() else []
        candidates = [self.root / briefing_id] if briefing_id else sorted(self.root.iterdir())
        folders, problems = [], []
        for p in candidates:
            if p.is_symlink():
                problems.append(f"{p} is a symbolic link; its notes are not read")
            elif p.is_dir():
                folders.append(p)
        return folders, problems

    def scan(self, briefing_id: str | None = None) -> tuple[list[Note], list[str]]:
        """Notes and the problems met reading them (one line each)."""
        folders, problems = self._folders(briefing_id)
        notes = []
        for folder in folders:
            for path in sorted(folder.glob("n-*.md")):
                try:
                    notes.append(read_note(path))
                except FileNotFoundError:
                    continue  # deleted since the listing
                except NoteError as exc:
                    problems.append(str(exc))
        notes.sort(key=lambda n: (n.created, n.id))
        return notes, problems

    def counts(self) -> dict[str, int]:
        """Number of notes per briefing id, from the folder listing alone."""
        folders, _ = self._folders(None)
        return {p.name: sum(1 for _ in p.glob("n-*.md")) for p in folders}

    def matching(self, note_id: str) -> list[Note]:
        """Every note file claiming exactly this id, else the notes whose id starts with it (8+ characters)."""
        notes = self.all()
        exact = [n for n in notes if n.id == note_id]
        if exact or len(note_id) < 8:
            return exact
        return [n for n in notes if n.id.startswith(note_id)]

    def find(self, note_id: str) -> Note:
        """The note with this id (or unique prefix of 8+ characters)."""
        hits = self.matching(note_id)
        if len(hits) != 1:
            raise NoteError(f"no note {note_id!r}" if not hits else f"{note_id!r} matches {len(hits)} notes")
        return hits[0]

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
            _check_size(changes["body"] or "")
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
