"""The notes half of the briefing screen: the notes view under the panes, and adding or editing notes.

:class:`BriefingNotes` is mixed into :class:`~tui.screens.briefing.BriefingScreen`; it
reads and writes notes only through the library's note store, which makes every write
atomic and refuses to overwrite a note another session changed (:class:`StaleNote`).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Markdown, OptionList

from briefings.attach import Placed, evidence_of, kind_of, place
from briefings.notes import MAX_NOTE_BYTES, Note, NoteError, StaleNote
from briefings.safe import printable

from ..editor import EditorError, edit_in_editor, editor_command
from ..widgets.items import ItemPane
from .note_editor import NoteEditor
from .note_picker import NEW_NOTE, NotePicker

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
    return text[:cut] + f"\n\n*\u2026 {len(text) - cut:,} more characters: N shows the whole note, n edits it*"


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

    def item_label(self, item) -> str:
        return (getattr(item, "text", None) or getattr(item, "name", "")) if item is not None else "the whole briefing"

    def pick_note(self, item, then: Callable[[Note | None], None]) -> None:
        """Call ``then`` with the note to edit: None (a new one) when ``item`` has none yet, else the one
        picked in :class:`NotePicker` (Esc there calls nothing)."""
        self.reload_notes_if_changed()  # list what is on disk now: another session may have written
        notes = self.notes_for(item)
        if not notes:
            then(None)
            return

        def picked(choice: Note | str | None) -> None:
            if choice is not None:
                then(None if choice == NEW_NOTE else choice)

        self.app.push_screen(NotePicker(self.item_label(item), notes), picked)

    def action_note(self) -> None:
        item = self.current_item()
        if item is None:
            self.notify("Move to an item first (1-4), or press b for a note on the whole briefing.", timeout=4)
            return
        self.pick_note(item, lambda existing: self.edit_note(item, existing))

    def action_note_briefing(self) -> None:
        self.pick_note(None, lambda existing: self.edit_note(None, existing))

    def edit_note(self, item, existing: Note | None, body: str | None = None) -> None:
        """Open the note editor on ``existing`` (None: a new note), or on ``body``; save what comes back."""
        def saved(text: str | None) -> None:
            if text is not None:
                self.save_note(item, existing, text)

        self.app.push_screen(NoteEditor(self.item_label(item), existing.body if existing and body is None
                                        else body or ""), saved)

    def save_note(self, item, existing: Note | None, text: str) -> None:
        """Write ``text`` as ``existing``'s new body (emptied: delete it), or as a new note on ``item``.

        Nothing typed is ever lost: too long, it goes back into the editor; changed or deleted by
        another session meanwhile, it is saved as a new note beside theirs."""
        store, b = self.app.library.notes, self.briefing
        if len(text.encode("utf-8", "surrogatepass")) > MAX_NOTE_BYTES:  # refused: give the text back, never lose it
            self.notify(f"A note is limited to {MAX_NOTE_BYTES // 1024} KiB; shorten it and save again.",
                        severity="error", timeout=10)
            self.edit_note(item, existing, body=text)
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
            if text.strip():
                store.add(b.id, existing.item, text.rstrip(), kind=existing.kind, evidence=existing.evidence)
                self.notify(f"{exc}. Your text was saved as a new note beside it.", severity="warning", timeout=8)
            else:  # emptying it meant "delete": theirs stays, as they left it
                self.notify(f"{exc}.", severity="warning", timeout=8)
        except NoteError as exc:
            self.notify(str(exc), severity="error", timeout=10)
        self.reload_notes()
        # Said on the notes view itself, not in a toast that would cover the note just written.
        self._saved_on = (item.id if item is not None else "") if saved else None
        self.show_notes()

    def action_note_in_editor(self) -> None:
        """Edit a note of the current item (or of the briefing, from the Source pane) in the user's
        editor: $VISUAL, $EDITOR, else vi. The reader suspends meanwhile."""
        try:
            editor_command()  # before asking which note: no editor, nothing to pick
        except EditorError as exc:
            self.notify(str(exc), severity="warning", timeout=8)
            return
        item = self.current_item()
        self.pick_note(item, lambda existing: self.edit_in_editor(item, existing))

    def edit_in_editor(self, item, existing: Note | None) -> None:
        original = existing.body + "\n" if existing else ""  # editors expect a final newline
        try:
            text = edit_in_editor(self.app, original, 4 * MAX_NOTE_BYTES)
        except EditorError as exc:  # the note on disk is untouched
            self.notify(str(exc), severity="error", timeout=10)
            return
        if text != original:
            self.save_note(item, existing, text)
