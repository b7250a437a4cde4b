"""The Source pane: the article text, read-only, scrolled to and highlighting an item's evidence."""

from __future__ import annotations

import re

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static, TextArea
from textual.widgets.text_area import Selection

from briefings.safe import printable

from ..keys import BRIEFING_KEYS, ITEM_KEYS


def location(text: str, offset: int) -> tuple[int, int]:
    """(row, column) of a character offset, as TextArea counts them."""
    offset = max(0, min(offset, len(text)))
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)


def paragraph_of(text: str, offset: int) -> int:
    """The 1-based paragraph holding ``offset``: stable whatever the width, unlike a reflowed line."""
    offset = max(0, min(offset, len(text)))
    return len(re.findall(r"\n[ \t]*\n", text[:offset])) + 1


# The pane keys scroll the text here (a read-only view has no cursor worth moving).
_SCROLL_ACTIONS = {"item.down": "scroll_lines(1)", "item.up": "scroll_lines(-1)", "item.first": "scroll_top",
                   "item.last": "scroll_bottom"}


class SourceText(TextArea):
    """Read-only article text; j/k scroll a line, g/G/Home/End jump to the ends, Backspace goes back."""

    BINDINGS = [Binding(k.keys, _SCROLL_ACTIONS[k.id], k.description, show=False, id=k.id)
                for k in ITEM_KEYS if k.id in _SCROLL_ACTIONS] + [
        Binding("down", "scroll_lines(1)", "Down", show=False), Binding("up", "scroll_lines(-1)", "Up", show=False),
        # Back: the footer names the first key (Esc) as on every other pane; the rest work unnamed
        # (one binding for all of them showed TextArea's Backspace, "\u232b Back", here only).
        *(Binding(k.keys.split(",")[0], "screen.back", k.footer or k.description, id=k.id) for k in BRIEFING_KEYS
          if k.id == "briefing.back"),
        *(Binding(",".join(k.keys.split(",")[1:]), "screen.back", k.description, show=False, id=k.id)
          for k in BRIEFING_KEYS if k.id == "briefing.back" and "," in k.keys),
    ]

    def action_scroll_lines(self, lines: int) -> None:
        self.scroll_relative(y=lines, animate=False)

    def action_scroll_top(self) -> None:
        self.scroll_home(animate=False)

    def action_scroll_bottom(self) -> None:
        self.scroll_end(animate=False)


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

    def show_evidence(self, span: tuple[int, int], label: str, heading: str = "Evidence") -> None:
        """Select ``span`` (the evidence, or a search hit) and scroll it into the middle of the pane."""
        area = self.text_area
        start, end = location(area.text, span[0]), location(area.text, span[1])
        area.selection = Selection(end, start)  # the cursor at the start: that is what gets centred
        area.scroll_cursor_visible(center=True, animate=False)
        self.query_one("#evidence-caption", Static).update(
            Text.assemble((f"\u25b6 {heading}: ", "bold"), printable(label, newlines=False)[:200],
                          (f"  (paragraph {paragraph_of(area.text, span[0])})", "italic")))
