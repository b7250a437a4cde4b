"""One note file: its Markdown form, the :class:`Note` it holds, and reading it safely.

A note lives in ``notes/<briefing-id>/<note-id>.md`` (see :mod:`briefings.notes`) as
Markdown under a small header a person can read and grep::

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

Reading never follows a symbolic link, never opens anything but a regular file, and
refuses a file over :data:`MAX_FILE_BYTES`; a damaged file is a :class:`NoteError`
naming it, in one line.
"""

from __future__ import annotations

import errno
import json
import re
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

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
    """The current UTC time as notes record it (microseconds, ``Z``)."""
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


def check_size(body: str) -> None:
    """Refuse a note body over :data:`MAX_NOTE_BYTES` (one line saying so; nothing is saved)."""
    size = len(body.encode("utf-8", "surrogatepass"))
    if size > MAX_NOTE_BYTES:
        raise NoteError(f"the note is too long ({size:,} bytes; notes are limited to {MAX_NOTE_BYTES // 1024} KiB); "
                        "nothing was saved")
