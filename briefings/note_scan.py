"""Finding and reading the notes of a library: every note, one briefing's, or one by id.

Reading takes no lock: every note file is replaced whole (see :mod:`briefings.notes`),
so a reader sees the old or the new note. A damaged, linked or special file is
reported as a problem and skipped, never removed; a linked folder is never entered.
"""

from __future__ import annotations

from pathlib import Path

from .note_file import Note, NoteError, read_note


class NoteReader:
    """The reading side of ``LIBRARY/notes`` (:class:`briefings.notes.NoteStore` adds writing)."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def _refuse_links(self, *paths: Path) -> None:
        """Never follow a symlink out of the library: the notes folder and a briefing's folder must be real."""
        for p in paths:
            if p.is_symlink():
                raise NoteError(f"{p} is a symbolic link; briefing never reads or writes notes through a link")

    def _folders(self, briefing_id: str | None) -> tuple[list[Path], list[str]]:
        """The briefing folders to read (all, or ``briefing_id``'s) and the linked ones refused."""
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

    def all(self, briefing_id: str | None = None) -> list[Note]:
        """Every note (or one briefing's), oldest first. Damaged files are skipped, never removed."""
        notes, _ = self.scan(briefing_id)
        return notes

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
