"""``briefing notes``: list notes (table, JSON or Markdown), ``notes add`` and ``notes rm``."""

from __future__ import annotations

import argparse
import sys

from .attach import evidence_of, kind_of
from .cli import library_arg
from .commands_output import print_json, stderr_console, stdout_console
from .errors import CLIError
from .export import notes_markdown
from .notes import MAX_NOTE_BYTES
from .render import T, notes_table
from .store import Library


def _notes_usage(message: str) -> CLIError:
    return CLIError(f"{message} (usage: briefing notes [BRIEFING] | notes add BRIEFING [ITEM] TEXT | notes rm NOTE_ID)")


def _notes_add(library: Library, words: list[str]) -> int:
    """``notes add BRIEFING [ITEM] TEXT`` (TEXT ``-`` reads stdin); prints the new note's id."""
    if len(words) not in (3, 4):
        raise _notes_usage("notes add needs BRIEFING [ITEM] TEXT")
    briefing = library.get(library.resolve(words[1]))
    item_id, text = (words[2], words[3]) if len(words) == 4 else (None, words[2])
    if text == "-":  # bounded: a 47 MB paste is refused without holding it all in memory
        raw = sys.stdin.buffer.read(MAX_NOTE_BYTES + 1)
        if len(raw) > MAX_NOTE_BYTES:
            raise CLIError(f"the note is too long (over {MAX_NOTE_BYTES // 1024} KiB on stdin; notes are limited "
                           f"to {MAX_NOTE_BYTES // 1024} KiB); nothing was added")
        text = raw.decode("utf-8", "replace")
    if not text.strip():
        raise CLIError("the note is empty; nothing was added")
    items = {i.id: i for i in briefing.items()}
    if item_id is not None and item_id not in items:
        raise CLIError(f"briefing {briefing.id[:10]} has no item {item_id!r} (see: briefing show {briefing.id[:8]} --json)")
    item = items.get(item_id) if item_id else None
    note = library.notes.add(briefing.id, item_id, text.strip("\n"), kind=kind_of(item) if item else "briefing",
                             evidence=evidence_of(briefing, item) if item else "")
    print(note.id)
    return 0


def _notes_rm(library: Library, ref: str) -> int:
    """Delete the note ``ref``: every file claiming exactly that id (so a duplicate is deletable),
    or the one note whose id starts with it. Each deletion is verified and reported with its file."""
    hits = library.notes.matching(ref)
    if not hits:
        raise CLIError(f"no note {ref!r}")
    if len({n.id for n in hits}) > 1:
        raise CLIError(f"{ref!r} matches {len(hits)} notes; type more of the id")
    err = stderr_console()
    for note in hits:
        path = library.notes.remove(note)
        expected = library.notes.root / note.briefing / f"{note.id}.md"
        line = f"deleted note {note.id} ({path})"
        if path != expected:
            line += f"; its file name or folder did not match its header (briefing {note.briefing})"
        err.print(T(line, newlines=False), soft_wrap=True)
    if len(hits) > 1:
        err.print(T(f"{len(hits)} files claimed the id {hits[0].id}; all are deleted", newlines=False))
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    words = list(args.words)
    if words[:1] == ["add"]:
        return _notes_add(library, words)
    if words[:1] == ["rm"]:
        if len(words) != 2:
            raise _notes_usage("notes rm needs one NOTE_ID")
        return _notes_rm(library, words[1])
    if len(words) > 1:
        raise _notes_usage(f"unexpected {words[1]!r}")
    briefing_id = library.resolve(words[0]) if words else None
    notes, problems = library.notes.scan(briefing_id)
    for problem in problems:
        stderr_console().print(T(f"briefing: warning: {problem}"))
    titles = {e.id: e.title for e in library.entries()}
    if args.json:
        print_json([{**n.to_dict(), "briefing_title": titles.get(n.briefing)} for n in notes])
    elif args.md:
        sys.stdout.write(notes_markdown(notes, titles))
    elif not notes:
        stderr_console().print(T("No notes yet. Add one in the reader (n on an item) or: "
                                 "briefing notes add BRIEFING [ITEM] TEXT"))
    else:
        stdout_console().print(notes_table(notes, titles))
    return 0
