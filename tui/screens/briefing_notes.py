"""The notes half of the briefing screen: the notes view under the panes, and adding or editing notes.

:class:`BriefingNotes` is mixed into :class:`~tui.screens.briefing.BriefingScreen`; it
reads and writes notes only through the library's note store, which makes every write
atomic and refuses to overwrite a note another session changed (:class:`StaleNote`).
"""

from __future__ import annotations

from textual.widgets import Markdown, OptionList

from briefings.attach import Placed, evidence_of, kind_of, place
from briefings.notes import MAX_NOTE_BYTES, Note, NoteError, StaleNote
from briefings.safe import printable

from ..widgets.items import ItemPane
from .note_editor import NoteEditor

PREVIEW_CHARS = 2000  # of one note, shown under the panes on every cursor move
NOTES_SHOWN_CHARS = 8000  # of all the item's notes together


def note_preview(body: str) -> str:
    """The start of a note, for the notes view: Markdown parsing is far too slow for a huge note
    on every cursor move, so a long note is cut at a line end, with how to read the rest."""
    text = printable(body)
    if len(text) <= PREVIEW_CHARS:
        return text
    cut = text.rfind("\n", 0, PREVIEW_CHARS)
    cut = cut if cut > PREVIEW_CHARS // 2 else PREVIEW_CHARS
    return text[:cut] + f"\n\n*\u2026 {len(text) - cut:,} more characters: n opens the whole note*"


class BriefingNotes:
    """Notes on the open briefing's items (mixed into the briefing screen, which sets ``briefing``)."""

    placed: list[Placed]

    def _notes_stamp(self) -> tuple[int, int]:
        folder = self.app.library.notes.root / (self.briefing.id if self.briefing else "-")
        try:
            st = folder.stat()
            return (st.st_mtime_ns, len(list(folder.glob("n-*.md"))))
        except OSError:
            return (0, 0)

    def reload_notes_if_changed(self) -> None:
        if self.briefing is not None and self._notes_stamp() != getattr(self, "_stamp", None):
            self.reload_notes()

    def reload_notes(self) -> None:
        """Read this briefing's notes from disk (another session may have changed them) and mark items."""
        b = self.briefing
        if b is None:
            return
        self._stamp = self._notes_stamp()
        self.placed = place(b, self.app.library.notes.all(b.id))
        counts: dict[str, int] = {}
        for p in self.placed:
            if p.item is not None:
                counts[p.item.id] = counts.get(p.item.id, 0) + 1
        for name, items in (("summary", b.summary), ("figures", b.figures), ("casualties", b.casualties),
                            ("quotes", b.quotes)):
            self.query_one(f"#{name}", ItemPane).show(items, counts)
        self.update_header()
        self.show_notes()

    def current_item(self):
        if self.pane == "source":
            return None
        return self.query_one(f"#{self.pane}", ItemPane).current

    def notes_for(self, item) -> list[Note]:
        if item is None:
            return [p.note for p in self.placed if p.item is None]
        return [p.note for p in self.placed if p.item is not None and p.item.id == item.id]

    def show_notes(self) -> None:
        """Render the current item's notes (else the briefing's and detached ones) under the panes."""
        item = self.current_item()
        notes = self.notes_for(item) if item is not None else []
        heading = "Notes on this item"
        if not notes:
            notes = [p.note for p in self.placed if p.item is None or p.detached]
            heading = "Notes on this briefing"
        view = self.query_one("#notes-view", Markdown)
        view.set_class(bool(notes), "-shown")
        parts = []
        for n in notes:
            detached = next((p.detached for p in self.placed if p.note.id == n.id), False)
            label = f"**\u270e {n.updated[:16].replace('T', ' ')}**" + (
                " \u2014 **detached**, was on: \u201c" + printable(n.evidence[:80], newlines=False) + "\u201d"
                if detached else "")
            parts.append(f"{label}\n\n{note_preview(n.body)}")
            if sum(map(len, parts)) > NOTES_SHOWN_CHARS:  # many long notes: the rest are a keypress away
                parts.append(f"*\u2026 and {len(notes) - len(parts)} more notes (see the Notes screen, N)*")
                break
        view.border_title = f"{heading} ({len(notes)})" if notes else ""
        target = item.id if item is not None and self.notes_for(item) else ""
        if notes and getattr(self, "_saved_on", None) == target:  # said here: a toast would cover the note
            view.border_title += "  \u2713 saved"
        text = "\n\n".join(parts)
        if text != getattr(self, "_notes_text", None):  # moving the cursor must not re-parse unchanged notes
            self._notes_text = text
            view.update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_notes()

    def action_note(self) -> None:
        item = self.current_item()
        if item is None:
            self.notify("Move to an item first (1-4), or press b for a note on the whole briefing.", timeout=4)
            return
        self.edit_note(item)

    def action_note_briefing(self) -> None:
        self.edit_note(None)

    def edit_note(self, item, body: str | None = None) -> None:
        """Open the editor on the item's latest note (or a new one); save what comes back."""
        existing = (self.notes_for(item) or [None])[-1]
        label = (getattr(item, "text", None) or getattr(item, "name", "")) if item is not None else "the whole briefing"

        def saved(text: str | None) -> None:
            if text is not None:
                self.save_note(item, existing, text)

        self.app.push_screen(NoteEditor(label, existing.body if existing and body is None else body or ""), saved)

    def save_note(self, item, existing: Note | None, text: str) -> None:
        store, b = self.app.library.notes, self.briefing
        if len(text.encode("utf-8", "surrogatepass")) > MAX_NOTE_BYTES:  # refused: give the text back, never lose it
            self.notify(f"A note is limited to {MAX_NOTE_BYTES // 1024} KiB; shorten it and save again.",
                        severity="error", timeout=10)
            self.edit_note(item, body=text)
            return
        saved = False
        try:
            if existing is not None and not text.strip():
                store.remove(existing)
                self.notify("Note deleted (it was emptied).")
            elif existing is not None:
                store.update(existing, body=text.rstrip())
                saved = True
            elif text.strip():
                store.add(b.id, item.id if item is not None else None, text.rstrip(),
                          kind=kind_of(item) if item is not None else "briefing",
                          evidence=evidence_of(b, item) if item is not None else "")
                saved = True
        except StaleNote as exc:  # another session changed it: keep both, lose nothing
            store.add(b.id, existing.item, text.rstrip(), kind=existing.kind, evidence=existing.evidence)
            self.notify(f"{exc}. Your text was saved as a new note beside it.", severity="warning", timeout=8)
        except NoteError as exc:
            self.notify(str(exc), severity="error", timeout=10)
        self.reload_notes()
        # Said on the notes view itself, not in a toast that would cover the note just written.
        self._saved_on = (item.id if item is not None else "") if saved else None
        self.show_notes()

    def action_note_in_editor(self) -> None:
        """Edit the current item's note in $EDITOR (the reader suspends meanwhile)."""
        import os
        import shlex
        import subprocess
        import tempfile

        from textual.app import SuspendNotSupported

        from briefings.readfile import read_regular

        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("Set $EDITOR (or $VISUAL) to edit notes in your editor; n edits here.", timeout=6)
            return
        item = self.current_item()
        existing = (self.notes_for(item) or [None])[-1]
        original = existing.body + "\n" if existing else ""  # editors expect a final newline
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as f:
            f.write(original)
            path = f.name
        try:
            try:
                with self.app.suspend():
                    subprocess.run([*shlex.split(editor), path], check=False)
            except SuspendNotSupported:
                self.notify("This terminal cannot hand over to $EDITOR; n edits here.", severity="warning")
                return
            except OSError as exc:
                self.notify(f"Could not start {editor}: {exc.strerror or exc}", severity="error")
                return
            try:
                text = read_regular(path, 4 * MAX_NOTE_BYTES).decode("utf-8", "replace")
            except OSError as exc:  # the editor left a FIFO, a device or something huge
                self.notify(f"Could not read the edited note: {exc.strerror or exc}", severity="error")
                return
        finally:
            os.unlink(path)
        if text != original:
            self.save_note(item, existing, text)
