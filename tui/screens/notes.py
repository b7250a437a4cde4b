"""Every note in the library: briefing, item, first line, date; filter, open, delete.

The highlighted note is shown whole in a preview (Markdown, scrollable): below the
table at 80x24, beside it from 120 columns. Tab moves into the preview to scroll a
long note, and back.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from briefings.notes import Note, NoteError
from briefings.render import inline as _t

from ..keys import NOTES_SCREEN_KEYS
from ..widgets.note_preview import NotePreview
from ..widgets.row_mark import add_mark_column, move_mark
from .confirm import ConfirmScreen

PANE_OF = {"summary": "summary", "figure": "figures", "casualty": "casualties", "quote": "quotes"}
WIDE = 120  # from here the preview sits beside the table
TABLE_SHARE = 3 / 5  # of the width, when the preview is beside it


class NotesScreen(Screen):
    """A table of notes, newest first; Enter jumps to the note's item in its briefing."""

    AUTO_FOCUS = "#notes-table"
    BINDINGS = [k.binding() for k in NOTES_SCREEN_KEYS] + [
        Binding("j", "cursor('down')", "Down", show=False), Binding("k", "cursor('up')", "Up", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[Note] = []
        self.shown: list[Note] = []
        self._marked = None  # the row key drawn with the selection mark

    def compose(self) -> ComposeResult:
        yield Static(id="notes-title")
        yield Input(placeholder="Filter notes: text, briefing title, item", id="notes-filter")
        with Container(id="notes-body"):
            yield DataTable(id="notes-table", cursor_type="row", zebra_stripes=True)
            yield NotePreview(id="notes-preview")
        yield Static(id="notes-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
        self.refilter()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.notes, problems = self.app.library.notes.scan()
        self.notes.reverse()  # newest first
        rows = self.app.library.rows()
        wanted = {n.briefing for n in self.notes}
        self.titles = {rows.id(i): rows[i].title for i in range(len(rows)) if rows.id(i) in wanted}
        for problem in problems:
            self.notify(problem, severity="warning", timeout=6)
        self.refilter()

    def refilter(self) -> None:
        words = self.query_one("#notes-filter", Input).value.casefold().split()
        def hay(n: Note) -> str:
            return " ".join((n.body, n.evidence, n.kind, self.titles.get(n.briefing, ""))).casefold()
        self.shown = [n for n in self.notes if all(w in hay(n) for w in words)]
        table = self.query_one(DataTable)
        width = int(self.size.width * TABLE_SHARE) if self.size.width >= WIDE else self.size.width
        note_width = max(10, width - (1 + 24 + 9 + 16) - 2 * 5 - 2)
        table.clear(columns=True)
        self._marked = None
        add_mark_column(table)
        for label, width in (("Briefing", 24), ("Item", 9), ("Note", note_width), ("Updated", 16)):
            table.add_column(label, width=width)
        for n in self.shown:
            title = _t(self.titles.get(n.briefing, "(briefing not in library)"))
            title.truncate(24, overflow="ellipsis")
            first = _t(n.first_line)
            first.truncate(note_width, overflow="ellipsis")
            table.add_row("", title, _t(n.kind if n.item else "briefing"), first,
                          _t(n.updated[:16].replace("T", " ")), key=n.id)
        self.query_one("#notes-title", Static).update(Text.assemble(
            ("Notes", "bold"), f" \u00b7 {len(self.shown)} of {len(self.notes)}" if words else f" \u00b7 {len(self.notes)}"))
        self.query_one("#notes-empty", Static).update(
            Text("No notes yet: press n on an item in a briefing to write one." if not self.notes else
                 "No note matches the filter." if not self.shown else ""))
        self.show_preview()

    def show_preview(self) -> None:
        note = self.current()
        title = self.titles.get(note.briefing, "(briefing not in library)") if note is not None else ""
        self.query_one(NotePreview).show(note, title)

    @on(DataTable.RowHighlighted)
    def _mark(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(DataTable)
        self._marked = move_mark(table, self._marked, event.row_key)
        self.show_preview()

    @on(Input.Changed, "#notes-filter")
    def _changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#notes-filter")
    def _submitted(self) -> None:
        self.query_one(DataTable).focus()

    def current(self) -> Note | None:
        row = self.query_one(DataTable).cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        note = self.current()
        if note is None:
            return
        if note.briefing not in self.titles:
            self.notify("That briefing is no longer in the library; the note is kept.", timeout=5)
            return
        self.app.open_by_id(note.briefing, PANE_OF.get(note.kind, "summary"), item=note.item)

    def action_filter(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    def action_toggle_preview(self) -> None:
        """Into the preview (to scroll a long note with j/k, PgUp/PgDn), or back to the table."""
        preview = self.query_one(NotePreview)
        if preview.has_focus or not preview.has_class("-shown"):
            self.query_one(DataTable).focus()
        else:
            preview.focus()

    def action_cursor(self, direction: str) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + (1 if direction == "down" else -1))

    def action_delete(self) -> None:
        note = self.current()
        if note is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    self.app.library.notes.remove(note)
                    self.notify("Note deleted.")
                except NoteError as exc:
                    self.notify(str(exc), severity="error", timeout=8)
                self.reload()

        self.app.push_screen(ConfirmScreen(f"Delete this note? \u201c{note.first_line[:60]}\u201d"), answered)

    def action_back(self) -> None:
        self.dismiss()
