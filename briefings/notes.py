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
Every write is a temp file, fsync, rename, fsync of the folder; edits and
deletes are made under a lock and refuse to overwrite a note that changed on
disk since it was read (:class:`StaleNote`). Re-ingesting or deleting a
briefing never touches this folder.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from .atomic import fsync_dir, sweep_stray, write_atomic
from .storage import StoreError

FIELDS = ("id", "briefing", "item", "kind", "evidence", "created", "updated")
NOTE_ID = re.compile(r"n-[0-9TZ]{15,16}-[0-9a-f]{6}")


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

    @property
    def first_line(self) -> str:
        return next((line.strip() for line in self.body.splitlines() if line.strip()), "")

    def to_dict(self) -> dict[str, str | None]:
        return {f: getattr(self, f) for f in (*FIELDS, "body")}


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
                    created=fields["created"], updated=fields.get("updated") or fields["created"])
    except (KeyError, ValueError) as exc:
        raise NoteError(f"{path}: damaged note header ({exc})") from None


class NoteStore:
    """The notes of one library: ``LIBRARY/notes``."""

    LOCK_TIMEOUT = 30.0

    def __init__(self, root: Path):
        self.root = Path(root)
        self._lock = FileLock(str(self.root / ".lock"), timeout=self.LOCK_TIMEOUT)

    def _path(self, briefing_id: str, note_id: str) -> Path:
        if not NOTE_ID.fullmatch(note_id) or not re.fullmatch(r"[0-9a-f]{4,64}", briefing_id):
            raise NoteError(f"not a note reference: {briefing_id}/{note_id}")
        return self.root / briefing_id / f"{note_id}.md"

    def _write(self, note: Note) -> None:
        path = self._path(note.briefing, note.id)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, render(note).encode("utf-8"))
            fsync_dir(self.root)
        except OSError as exc:
            raise NoteError(f"cannot write note {note.id} in {self.root}: {exc.strerror or exc}") from None

    def add(self, briefing_id: str, item_id: str | None, body: str, *, kind: str = "briefing",
            evidence: str = "") -> Note:
        """Write a new note; when this returns, the note is on disk."""
        stamp = now()
        note_id = f"n-{stamp[:19].replace('-', '').replace(':', '')}Z-{secrets.token_hex(3)}"
        note = Note(note_id, briefing_id, item_id, kind if item_id else "briefing", evidence, body, stamp, stamp)
        self._write(note)
        return note

    def all(self, briefing_id: str | None = None) -> list[Note]:
        """Every note (or one briefing's), oldest first. Damaged files are skipped, never removed."""
        notes, _ = self.scan(briefing_id)
        return notes

    def scan(self, briefing_id: str | None = None) -> tuple[list[Note], list[str]]:
        """Notes and the problems met reading them (one line each)."""
        folders = [self.root / briefing_id] if briefing_id else (
            sorted(p for p in self.root.iterdir() if p.is_dir()) if self.root.is_dir() else [])
        notes, problems = [], []
        for folder in folders:
            for path in sorted(folder.glob("n-*.md")) if folder.is_dir() else ():
                try:
                    notes.append(parse(path.read_text(encoding="utf-8"), path))
                except (OSError, UnicodeDecodeError, NoteError) as exc:
                    problems.append(str(exc))
        notes.sort(key=lambda n: (n.created, n.id))
        return notes, problems

    def counts(self) -> dict[str, int]:
        """Number of notes per briefing id, from the folder listing alone."""
        if not self.root.is_dir():
            return {}
        return {p.name: sum(1 for _ in p.glob("n-*.md")) for p in self.root.iterdir() if p.is_dir()}

    def find(self, note_id: str) -> Note:
        """The note with this id (or unique prefix of 8+ characters)."""
        hits = [n for n in self.all() if n.id == note_id] or [n for n in self.all() if n.id.startswith(note_id)]
        if len(note_id) < 8 and not any(n.id == note_id for n in hits):
            hits = []
        if len(hits) != 1:
            raise NoteError(f"no note {note_id!r}" if not hits else f"{note_id!r} matches {len(hits)} notes")
        return hits[0]

    def _locked(self):
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            return self._lock.acquire()
        except Timeout:
            raise NoteError(f"notes are locked by another briefing process ({self.root / '.lock'})") from None

    def update(self, note: Note, **changes: str | None) -> Note:
        """Rewrite ``note`` with ``changes``; :class:`StaleNote` if it changed on disk since it was read."""
        with self._locked():
            path = self._path(note.briefing, note.id)
            try:
                current = parse(path.read_text(encoding="utf-8"), path)
            except FileNotFoundError:
                raise StaleNote(f"note {note.id} was deleted by another session; nothing was changed") from None
            if current.updated != note.updated:
                raise StaleNote(f"note {note.id} was changed by another session; reload it before saving")
            new = replace(current, updated=now(), **changes)
            self._write(new)
            return new

    def remove(self, note: Note) -> None:
        """Delete ``note`` (checked against the disk like :meth:`update`)."""
        with self._locked():
            path = self._path(note.briefing, note.id)
            try:
                current = parse(path.read_text(encoding="utf-8"), path)
            except FileNotFoundError:
                return
            if current.updated != note.updated:
                raise StaleNote(f"note {note.id} was changed by another session; not deleted")
            os.unlink(path)
            fsync_dir(path.parent)

    def sweep(self) -> None:
        """Remove temp files left by a writer that died mid-write (never a note)."""
        if self.root.is_dir():
            for folder in (p for p in self.root.iterdir() if p.is_dir()):
                sweep_stray(folder)
