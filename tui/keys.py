"""Key bindings as data, each with an id so users can remap it in ``keys.toml``.

The config file is ``config.toml`` in the user config folder (``briefing``
under the platformdirs config dir)::

    [keys]
    "pane.next" = "tab,ctrl+n"
    "app.quit" = "q,ctrl+q"

    [reader]
    theme = "ansi-dark"   # or "textual-dark", "textual-light", "ansi-light"

Each value is a comma-separated list of Textual key names. Unknown ids are
reported and ignored; the help screen always shows the keys in force.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.binding import Binding

from briefings.readfile import read_regular


@dataclass(frozen=True, slots=True)
class Key:
    """One remappable binding: ``id`` is stable, ``keys`` are the defaults."""

    id: str
    keys: str
    action: str
    description: str
    show: bool = True
    priority: bool = False
    footer: str = ""  # a shorter label for the footer (80 columns hold every shown key); help says it all

    def binding(self) -> Binding:
        return Binding(self.keys, self.action, self.footer or self.description, show=self.show, id=self.id,
                       priority=self.priority)


APP_KEYS = (
    Key("app.help", "question_mark,f1", "help", "Help"),
    Key("app.quit", "q", "quit", "Quit"),
    Key("app.palette", "ctrl+p", "command_palette", "Commands", show=False),
    Key("app.notes", "N", "notes", "Notes"),
)
LIBRARY_KEYS = (
    Key("library.open", "enter", "open", "Open"),
    Key("library.filter", "slash", "filter", "Filter"),
    Key("library.samples", "s", "samples", "Samples", show=False),
    Key("library.fetch", "F", "fetch_feeds", "Fetch feeds", show=False),
    Key("library.open_url", "o", "open_url", "Open original URL", show=False),
    Key("library.delete", "d", "delete", "Delete the briefing (asks first; its notes are kept)", show=False),
    Key("library.archive", "a", "archive", "Archive / unarchive the briefing", show=False),
    Key("library.show_archived", "A", "show_archived", "Show / hide archived briefings", show=False),
    Key("library.read", "u", "toggle_read", "Mark read / unread (bold = unread)", show=False),
    Key("library.sort", "S", "sort", "Sort: ingested, published, title, outlet, counts", footer="Sort"),
    Key("library.reload", "R", "reload", "Reload the list (it also follows other sessions by itself)",
        show=False),
    Key("library.search", "ctrl+f", "search", "Search the full text of every article", show=False),
    Key("list.down", "j", "cursor_down", "Down", show=False),
    Key("list.up", "k", "cursor_up", "Up", show=False),
    Key("list.first", "g,home", "first", "First", show=False),
    Key("list.last", "G,end", "last", "Last", show=False),
)
BRIEFING_KEYS = (
    Key("pane.next", "tab", "next_pane", "Next pane", priority=True, footer="Pane"),
    Key("pane.previous", "shift+tab", "previous_pane", "Prev pane", show=False, priority=True),
    Key("pane.summary", "1", "pane('summary')", "Summary", show=False),
    Key("pane.figures", "2", "pane('figures')", "Figures", show=False),
    Key("pane.casualties", "3", "pane('casualties')", "Casualties", show=False),
    Key("pane.quotes", "4", "pane('quotes')", "Quotes", show=False),
    Key("pane.source", "5", "pane('source')", "Source", show=False),
    Key("briefing.previous", "left_square_bracket", "step(-1)", "Prev", show=False),
    Key("briefing.next", "right_square_bracket", "step(1)", "Next briefing", show=False),
    Key("briefing.back", "escape,backspace", "back", "Back to the library", footer="Back"),
    Key("briefing.export_md", "x", "export('md')", "Export Markdown", show=False),
    Key("briefing.export_json", "X", "export('json')", "Export JSON", show=False),
    Key("item.copy", "c", "copy", "Copy with citation", show=False),
    Key("briefing.open_url", "o", "open_url", "Open original URL", show=False),
    Key("briefing.search", "ctrl+f", "search", "Search the full text of every article (Esc comes back here)",
        show=False),
)
NOTE_KEYS = (
    Key("note.edit", "n", "note", "Note"),
    Key("note.briefing", "b", "note_briefing", "Briefing note", show=False),
    Key("note.editor", "E", "note_in_editor", "Note in $EDITOR (else vi)", show=False),
)
NOTE_PICKER_KEYS = (  # shown when n, b or E meets an item that already has notes
    Key("picker.choose", "enter", "choose", "Edit the highlighted note (or + New note)"),
    Key("picker.new", "n", "new", "New note"),
    Key("picker.cancel", "escape", "cancel", "Cancel"),
)
NOTES_SCREEN_KEYS = (
    Key("notes.open", "enter", "open", "Open", show=False),  # the table shadows it: shown only off the table
    Key("notes.filter", "slash", "filter", "Filter"),
    Key("notes.delete", "d", "delete", "Delete"),
    Key("notes.preview", "tab", "toggle_preview", "Preview: focus it to scroll a long note (again: back)",
        footer="Scroll"),
    Key("notes.back", "escape,backspace", "back", "Back"),
)
ACROSS_KEYS = (  # across articles (issue 13): from anywhere in the reader
    Key("across.people", "P", "people", "People", show=False),
    Key("across.events", "V", "events", "Events", show=False),
    Key("across.timeline", "T", "timeline", "Timeline", show=False),
    Key("across.watch", "W", "watch", "Watch", show=False),
)
ACROSS_SCREEN_KEYS = (
    Key("across.open", "enter", "open", "Open"),
    Key("across.filter", "slash", "filter", "Filter"),
    Key("across.back", "escape,backspace", "back", "Back"),
)
SEARCH_KEYS = (  # the full-text search screen (ctrl+f in the library or a briefing)
    Key("search.open", "enter", "open", "Open at the hit"),
    Key("search.down", "down", "cursor_down", "Next result", show=False),
    Key("search.up", "up", "cursor_up", "Previous result", show=False),
    Key("search.back", "escape", "back", "Back"),
)
ITEM_KEYS = (
    Key("item.evidence", "enter", "select", "Evidence"),
    Key("item.down", "j", "cursor_down", "Down", show=False),
    Key("item.up", "k", "cursor_up", "Up", show=False),
    Key("item.first", "g,home", "first", "First", show=False),
    Key("item.last", "G,end", "last", "Last", show=False),
)
ALL_KEYS = (APP_KEYS + LIBRARY_KEYS + BRIEFING_KEYS + NOTE_KEYS + NOTE_PICKER_KEYS + NOTES_SCREEN_KEYS + ITEM_KEYS
            + ACROSS_KEYS + ACROSS_SCREEN_KEYS + SEARCH_KEYS)


def load_config(path: Path) -> tuple[dict[str, str], str | None, list[str]]:
    """The user's key remapping and theme from ``path``, and the problems found (never raises)."""
    if not path.exists():
        return {}, None, []
    try:
        data = tomllib.loads(read_regular(path, 1024**2).decode("utf-8"))  # never a FIFO, never unbounded
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, None, [f"{path}: {exc}"]
    known = {k.id for k in ALL_KEYS}
    keymap, problems = {}, []
    for key_id, keys in (data.get("keys") or {}).items():
        if key_id not in known:
            problems.append(f"{path}: unknown key id {key_id!r}")
        elif not isinstance(keys, str) or not keys.strip():
            problems.append(f"{path}: {key_id!r} needs a string such as \"tab,ctrl+n\"")
        else:
            keymap[key_id] = ",".join(k.strip() for k in keys.split(",") if k.strip())
    theme = (data.get("reader") or {}).get("theme")
    return keymap, theme if isinstance(theme, str) else None, problems
