"""The whole of one note, for the Notes screen: where it is, then its Markdown, scrollable.

Rendered with Rich's Markdown into one widget: a 64 KiB note (the most a note can
be) lays out in a fraction of a second, where a widget per block would take seconds.
A long note is rendered once the highlight rests on it, so holding ``j`` in the
table never waits for the notes it passes.
"""

from __future__ import annotations

from rich.markdown import Markdown
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from briefings.notes import Note
from briefings.safe import printable

from ..keys import ITEM_KEYS

LONG_NOTE = 8000  # characters; a shorter note renders at once (a few milliseconds)
REST = 0.15  # seconds the highlight must stay on a long note before it renders


class NotePreview(VerticalScroll):
    """Focused (Tab on the Notes screen), j/k/g/G scroll it like a pane (same binding ids, remapped alike)."""

    BINDINGS = [Binding(k.keys, action, k.description, show=False, id=k.id) for k in ITEM_KEYS
                for key_id, action in (("item.down", "scroll_down"), ("item.up", "scroll_up"),
                                       ("item.first", "scroll_home"), ("item.last", "scroll_end"))
                if k.id == key_id]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.source = ""  # the Markdown shown (or about to be, for a long note)
        self._key: tuple | None = None
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="notes-preview-head")
        yield Static(id="notes-preview-body")

    def show(self, note: Note | None, title: str) -> None:
        """Show ``note`` (None: hide the preview); does nothing when that version is already shown."""
        self.set_class(note is not None, "-shown")
        key = (note.id, note.updated, title) if note is not None else None
        if note is None or key == self._key:
            return
        self._key = key
        head = Text.assemble((printable(title, newlines=False), "bold"), "\n",
                             (f"{note.kind if note.item else 'briefing'} \u00b7 updated "
                              f"{note.updated[:16].replace('T', ' ')} \u00b7 created {note.created[:10]}", "italic"))
        if note.evidence:
            head.append("\n\u201c" + printable(note.evidence[:240], newlines=False) + "\u201d", style="italic")
        self.query_one("#notes-preview-head", Static).update(head)
        self.source = printable(note.body)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if len(self.source) <= LONG_NOTE:
            self._render_body()
        else:
            self.query_one("#notes-preview-body", Static).update(Text("\u2026", style="italic"))
            self._timer = self.set_timer(REST, self._render_body)
        self.scroll_home(animate=False)

    def _render_body(self) -> None:
        self._timer = None
        self.query_one("#notes-preview-body", Static).update(Markdown(self.source))
