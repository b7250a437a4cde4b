"""The Source pane: the article text, read-only, scrolled to and highlighting an item's evidence."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

from briefings.safe import printable


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as TextArea counts them."""
    offset = max(0, min(offset, len(text)))
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


class SourceText(TextArea):
    """Read-only article text; j/k scroll like the other panes."""

    BINDINGS = [Binding("j", "cursor_down", "Down", show=False), Binding("k", "cursor_up", "Up", show=False),
                Binding("g,home", "cursor_document_start", "Top", show=False),
                Binding("G,end", "cursor_document_end", "Bottom", show=False)]


class SourcePane(Vertical):
    """A caption naming the evidence shown, over the article text."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.border_title = "Source"

    def compose(self) -> ComposeResult:
        yield Static(Text("Enter on an item shows its evidence here.", style="italic"), id="evidence-caption")
        yield SourceText("", read_only=True, soft_wrap=True, show_line_numbers=False, id="source-text",
                         highlight_cursor_line=False)

    @property
    def text_area(self) -> SourceText:
        return self.query_one(SourceText)

    def show_article(self, text: str) -> None:
        self.text_area.load_text(text)
        self.query_one("#evidence-caption", Static).update(
            Text("Enter on an item shows its evidence here.", style="italic"))

    def show_evidence(self, span: tuple[int, int], label: str) -> None:
        """Select ``span`` (the evidence) and scroll it into the middle of the pane."""
        area = self.text_area
        start, end = location(area.text, span[0]), location(area.text, span[1])
        area.selection = Selection(end, start)  # the cursor at the start: that is what gets centred
        area.scroll_cursor_visible(center=True, animate=False)
        self.query_one("#evidence-caption", Static).update(
            Text.assemble(("\u25b6 Evidence: ", "bold"), printable(label, newlines=False)[:200],
                          (f"  (line {start[0] + 1})", "italic")))
