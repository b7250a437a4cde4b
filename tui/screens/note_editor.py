"""The note editor: Markdown in a TextArea; Ctrl+S saves, Esc asks before discarding changes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from briefings.safe import printable

from .confirm import ConfirmScreen


class NoteEditor(ModalScreen[str | None]):
    """Edit ``body`` for ``target`` (a label); dismisses with the new text, or None when discarded."""

    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True, id="note.save"),
                Binding("escape", "cancel", "Cancel", priority=True, id="note.cancel")]

    def __init__(self, target: str, body: str = "") -> None:
        super().__init__()
        self.target = target
        self.original = body

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor"):
            yield Static(Text.assemble(("Note on ", "bold"), printable(self.target, newlines=False)[:160]),
                         id="note-target")
            yield TextArea(self.original, id="note-text", soft_wrap=True, tab_behavior="indent")
            yield Static(Text("Markdown. Ctrl+S saves, Esc cancels.", style="italic"))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#note-editor").border_title = "Note"
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        if self.text == self.original:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Discard the changes to this note?"), answered)
