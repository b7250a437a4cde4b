"""Help: every key in force (after the user's remapping), where it works, and what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import (ACROSS_KEYS, ACROSS_SCREEN_KEYS, ALL_KEYS, APP_KEYS, BRIEFING_KEYS, ITEM_KEYS, LIBRARY_KEYS,
                    NOTE_KEYS, NOTE_PICKER_KEYS, NOTES_SCREEN_KEYS, SEARCH_KEYS)

# Across-article keys follow the other keys that work everywhere: they are not in the footer.
SCOPES = ((APP_KEYS, "Everywhere"), (ACROSS_KEYS, "Everywhere"), (LIBRARY_KEYS, "Library"),
          (BRIEFING_KEYS, "Briefing"), (NOTE_KEYS, "Briefing"), (NOTE_PICKER_KEYS, "Note picker"),
          (ITEM_KEYS, "Inside a pane"),
          (NOTES_SCREEN_KEYS, "Notes"), (ACROSS_SCREEN_KEYS, "People/Events/Timeline/Watch"),
          (SEARCH_KEYS, "Full-text search (ctrl+f)"))


def pretty(keys: str) -> str:
    """Textual key names as people write them: "question_mark,f1" -> "? / F1"."""
    names = {"question_mark": "?", "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]",
             "escape": "Esc", "backspace": "Backspace", "enter": "Enter", "tab": "Tab", "shift+tab": "Shift+Tab",
             "home": "Home", "end": "End", "ctrl+p": "Ctrl+P", "ctrl+f": "Ctrl+F", "down": "Down", "up": "Up",
             "plus": "+"}
    return " / ".join(names.get(k, k.upper() if k.startswith("f") and k[1:].isdigit() else k)
                      for k in keys.split(","))


def help_table(keymap: dict[str, str]) -> Table:
    table = Table(box=None, show_header=True, header_style="bold", expand=True, pad_edge=False)
    table.add_column("Keys", no_wrap=True)
    table.add_column("Action")
    table.add_column("Where", no_wrap=True)
    for keys, scope in SCOPES:
        for k in keys:
            table.add_row(Text(pretty(keymap.get(k.id, k.keys)), style="bold"), Text(k.description),
                          Text(scope, style="italic"))
    table.add_row(Text("Mouse", style="bold"), Text("click rows, items and panes (never required)"),
                  Text("Everywhere", style="italic"))
    return table


class HelpScreen(ModalScreen):
    """A modal list of every binding; Esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")] + [
        # The pane keys scroll the help too (same ids: a remapping moves them here as well).
        Binding(k.keys, action, k.description, show=False, id=k.id) for k in ITEM_KEYS
        for key_id, action in (("item.down", "scroll('down')"), ("item.up", "scroll('up')"),
                               ("item.first", "scroll('home')"), ("item.last", "scroll('end')")) if k.id == key_id
    ] + [Binding("down", "scroll('down')", show=False), Binding("up", "scroll('up')", show=False),
         Binding("pagedown,space", "scroll('page_down')", show=False), Binding("pageup", "scroll('page_up')", show=False)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("Keys (remap them in config.toml, see README)", style="bold"))
            yield Static(help_table(self.app.keymap_in_force()))

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help"

    def action_scroll(self, where: str) -> None:
        box = self.query_one("#help", VerticalScroll)
        getattr(box, f"scroll_{where}")(animate=False)

    async def action_dismiss(self, result=None) -> None:  # noqa: ARG002
        self.dismiss()


__all__ = ["HelpScreen", "ALL_KEYS"]
