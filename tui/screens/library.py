"""The library: every briefing as a row, newest first, filtered as you type."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from briefings.index import Entry
from briefings.render import inline as _t
from briefings.safe import printable

from ..keys import LIBRARY_KEYS



def matches(entry: Entry, words: list[str]) -> bool:
    """Every word of the filter appears in the title, source, a speaker or a casualty's name."""
    hay = " ".join((entry.title, entry.source, *entry.speakers, *entry.names)).casefold()
    return all(w in hay for w in words)


class LibraryTable(DataTable):
    """The list of briefings; j/k/g/G move like everywhere else."""

    BINDINGS = [k.binding() for k in LIBRARY_KEYS if k.id.startswith("list.")]

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=self.row_count - 1)


class LibraryScreen(Screen):
    """Rows of briefings; Enter opens one, / filters, s loads the samples into an empty library."""

    AUTO_FOCUS = "#library-table"
    BINDINGS = [k.binding() for k in LIBRARY_KEYS if not k.id.startswith("list.")] + [
        Binding("escape", "clear_filter", "Clear filter", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self.note_counts: dict[str, int] = {}
        self.shown: list[Entry] = []
        self._columns_for = -1  # the title width the columns were built for

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        yield Input(placeholder="Filter: title, source, speaker or casualty name", id="filter")
        yield LibraryTable(id="library-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="library-empty")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.title_width() != self._columns_for:
            self.refilter()

    def title_width(self) -> int:
        """What the title column gets: the width left by the fixed columns and their padding."""
        return max(12, self.size.width - (14 + 10 + 3 * 4) - 2 * 7 - 2)

    def reload(self) -> None:
        """Read the list from the library again (another session may have added to it)."""
        self.entries = self.app.library.entries()
        self.note_counts = self.app.library.notes.counts()
        self.refilter()

    def refilter(self) -> None:
        words = self.query_one("#filter", Input).value.casefold().split()
        self.shown = [e for e in self.entries if matches(e, words)] if words else list(self.entries)
        table = self.query_one(LibraryTable)
        width = self.title_width()
        table.clear(columns=width != self._columns_for)
        if width != self._columns_for:
            self._columns_for = width
            for label, key, w in (("Title", "title", width), ("Source", "source", 14), ("Date", "date", 10),
                                  ("Fig", "fig", 3), ("Cas", "cas", 3), ("Quo", "quo", 3), ("Nts", "nts", 3)):
                table.add_column(label, key=key, width=w)
        for e in self.shown:
            title = _t(e.title, "bold")
            title.truncate(width, overflow="ellipsis")
            source = _t(e.source.rsplit("/", 1)[-1])
            source.truncate(14, overflow="ellipsis")
            notes = self.note_counts.get(e.id, 0)
            table.add_row(title, source, _t(e.published or e.added[:10]), _t(e.figures), _t(e.casualties),
                          _t(e.quotes), _t(f"\u270e{notes}" if notes else ""), key=e.id)
        total = len(self.entries)
        shown = f"{len(self.shown)} of {total}" if words else f"{total}"
        head = f" \u00b7 {shown} briefings \u00b7 "
        path = printable(str(self.app.library.root), newlines=False)
        room = max(8, self.size.width - len("briefing") - len(head) - 2)
        if len(path) > room:  # one line, whatever the width: keep the end of the path
            path = "\u2026" + path[-(room - 1):]
        self.query_one("#library-title", Static).update(Text.assemble(("briefing", "bold"), head, (path, "italic")))
        empty = self.query_one("#library-empty", Static)
        if not self.entries:
            empty.update(Text.assemble(
                ("This library is empty.\n\n", "bold"),
                "Add articles from a shell:  briefing ingest PATH...\n"
                "(text, Markdown or HTML files, folders, or - for stdin)\n\n",
                ("Press s to load the bundled sample articles.", "bold")))
        elif not self.shown:
            empty.update(Text("No briefing matches the filter. Esc clears it.", style="italic"))
        self.set_class(not self.shown, "-empty")

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        """Enter in the filter opens the highlighted match (the first one unless you moved)."""
        table = self.query_one(LibraryTable)
        table.focus()
        self.open_row(table.cursor_row)

    def on_key(self, event) -> None:
        """Down/Up in the filter move through the matches, so Enter can open any of them."""
        if self.focused is self.query_one("#filter", Input) and event.key in ("down", "up"):
            table = self.query_one(LibraryTable)
            table.move_cursor(row=table.cursor_row + (1 if event.key == "down" else -1))
            event.stop()

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_row(event.cursor_row)

    def action_open(self) -> None:
        self.open_row(self.query_one(LibraryTable).cursor_row)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.app.open_briefing([e.id for e in self.shown], row)

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        self.add_class("-filtering")
        box.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        self.remove_class("-filtering")
        self.query_one(LibraryTable).focus()

    def action_samples(self) -> None:
        if not self.entries:
            self.notify("Loading the sample articles…")
            self._load_samples()

    @work(thread=True, exclusive=True)
    def _load_samples(self) -> None:
        count = self.app.load_samples()
        self.app.call_from_thread(self.reload)
        self.app.call_from_thread(self.notify, f"Loaded {count} sample briefings.")

    def on_screen_resume(self) -> None:
        self.reload()
