"""The shared frame of the across-articles screens (People, Events, Timeline, Watch).

Each screen is a filterable table over answers from :mod:`briefings.across.query`
with a detail panel for the highlighted row (below it, or beside it from 120
columns); Enter goes one step deeper and, on evidence, opens the briefing at the
item it came from. The screens themselves are in :mod:`tui.screens.across_views`.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from briefings.across import query
from briefings.render import inline as _t

from ..keys import ACROSS_SCREEN_KEYS
from ..widgets.row_mark import add_mark_column, move_mark

MARK = "\u25c6"
BACKGROUND_AT = 5000  # briefings: above this a screen fills in a worker (who's who at 100k takes seconds)


def _cut(text: str, width: int) -> Text:
    t = _t(text)
    t.truncate(max(1, width), overflow="ellipsis")
    return t


class AcrossScreen(Screen):
    """A title, a filter, a table and a detail panel; subclasses fill them."""

    AUTO_FOCUS = "#across-table"
    BINDINGS = [k.binding() for k in ACROSS_SCREEN_KEYS] + [
        Binding("j", "cursor('down')", "Down", show=False), Binding("k", "cursor('up')", "Up", show=False)]
    TITLE_TEXT = ""
    PLACEHOLDER = "Filter"
    COLUMNS: tuple[tuple[str, int], ...] = ()  # (label, width); width 0 = take the rest

    def __init__(self) -> None:
        super().__init__()
        self.items: list[dict[str, Any]] = []
        self.shown: list[dict[str, Any]] = []
        self._marked: Any = None  # the row key drawn with the selection mark

    def compose(self) -> ComposeResult:
        yield Static(id="across-title")
        yield Input(placeholder=self.PLACEHOLDER, id="across-filter")
        with Horizontal(id="across-body"):
            yield DataTable(id="across-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="across-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= 120, "-wide")
        rows = self.app.rows
        if (len(rows) if rows is not None else len(self.app.library)) > BACKGROUND_AT:
            self.query_one("#across-title", Static).update(Text.assemble((self.TITLE_TEXT, "bold"), " \u00b7 loading\u2026"))
            self._load_in_background()
        else:  # small libraries: filled before the first frame (no flicker, stable snapshots)
            self.items = self.load(query.ensure(self.app.library))
            self.refilter()

    @work(thread=True, exclusive=True, group="across-load")
    def _load_in_background(self) -> None:
        items = self.load(query.ensure(self.app.library))
        self.app.call_from_thread(self._loaded, items)

    def _loaded(self, items: list[dict[str, Any]]) -> None:
        self.items = items
        self.refilter()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= 120, "-wide")
        self.refilter()

    # -- for subclasses ---------------------------------------------------------------------------
    def load(self, across) -> list[dict[str, Any]]:
        raise NotImplementedError

    def haystack(self, item: dict[str, Any]) -> str:
        raise NotImplementedError

    def cells(self, item: dict[str, Any], widths: list[int]) -> list[Text]:
        raise NotImplementedError

    def detail(self, item: dict[str, Any]) -> Text:
        return Text()

    def empty_text(self) -> str:
        return "Nothing yet."

    # -- shared -----------------------------------------------------------------------------------
    def _widths(self) -> list[int]:
        table_width = self.query_one(DataTable).size.width or self.size.width
        # Each column has 1 cell of padding either side; the mark column takes 1 + 2 more.
        fixed = sum(w for _, w in self.COLUMNS if w) + 2 * len(self.COLUMNS) + 1 + 3
        return [w or max(10, table_width - fixed) for _, w in self.COLUMNS]

    def refilter(self) -> None:
        words = self.query_one("#across-filter", Input).value.casefold().split()
        self.shown = [i for i in self.items if all(w in self.haystack(i).casefold() for w in words)]
        table = self.query_one(DataTable)
        widths = self._widths()
        row = table.cursor_row
        table.clear(columns=True)
        self._marked = None
        add_mark_column(table)
        for (label, _), width in zip(self.COLUMNS, widths):
            table.add_column(label, width=width)
        for n, item in enumerate(self.shown):
            table.add_row("", *self.cells(item, widths), key=str(n))
        if self.shown:
            table.move_cursor(row=min(max(row, 0), len(self.shown) - 1))
        count = f"{len(self.shown)} of {len(self.items)}" if words else f"{len(self.items)}"
        self.query_one("#across-title", Static).update(Text.assemble((self.TITLE_TEXT, "bold"), f" \u00b7 {count}"))
        self.show_detail()

    def current(self) -> dict[str, Any] | None:
        row = self.query_one(DataTable).cursor_row
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def show_detail(self) -> None:
        item = self.current()
        self.query_one("#across-detail", Static).update(
            self.detail(item) if item is not None else Text(self.empty_text(), style="italic"))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(DataTable)
        self._marked = move_mark(table, self._marked, event.row_key)
        self.show_detail()

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    @on(Input.Changed, "#across-filter")
    def _changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#across-filter")
    def _submitted(self) -> None:
        self.query_one(DataTable).focus()

    def action_filter(self) -> None:
        self.query_one("#across-filter", Input).focus()

    def action_cursor(self, direction: str) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + (1 if direction == "down" else -1))

    def action_back(self) -> None:
        self.dismiss()

    def action_open(self) -> None:
        pass

    def open_evidence(self, briefing_id: str, pane: str = "summary", item: str | None = None) -> None:
        try:
            self.app.open_by_id(briefing_id, pane, item)
        except Exception:  # noqa: BLE001 - the briefing was deleted meanwhile
            self.notify("That briefing is no longer in the library.", timeout=5)
