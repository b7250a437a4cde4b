"""The library list: one row per briefing, drawn lazily (only the visible lines), any size.

A :class:`~textual.scroll_view.ScrollView` with ``render_line`` (Toolong's
pattern): 100,000 briefings cost one list of row numbers, and each frame
formats only the rows on screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefings.listcache import Rows
from briefings.render import source_label
from briefings.safe import printable

from ..keys import LIBRARY_KEYS

FIXED = (("Source", 14), ("Published", 10), ("Fig", 4), ("Cas", 4), ("Quo", 4), ("Nts", 4))
# From 120 columns the list also names the outlet (the publication, not the file or site).
WIDE_FIXED = (("Outlet", 14), ("Source", 12)) + FIXED[1:]
COUNTS = ("Fig", "Cas", "Quo", "Nts")


def _fit(text: str, width: int, right: bool = False) -> str:
    text = printable(text, newlines=False)
    if len(text) > width:
        return text[: max(0, width - 1)] + "\u2026"
    return text.rjust(width) if right else text.ljust(width)


def count(n: int) -> str:
    """A count in at most 4 columns: 9999, then 10k ... 999k, then 1M+ (never cut to "100\u2026")."""
    if n < 10_000:
        return str(n)
    return f"{n // 1000}k" if n < 1_000_000 else f"{min(n // 1_000_000, 99)}M+"


MIN_TITLE = 24  # under this many cells a title says nothing: narrower lists drop Source, then the date


def columns(wide: bool, added: bool = False, total: int | None = None) -> tuple[tuple[str, int], ...]:
    """The fixed columns after the title in a list ``total`` cells wide; the date column is named for
    the date it shows. A narrow list (a split tmux pane) gives the title the Source and date columns."""
    fixed = WIDE_FIXED if wide else FIXED
    for drop in ("Source", "Published") if total is not None else ():
        if total - sum(w + 1 for _, w in fixed) - 2 >= MIN_TITLE:
            break
        fixed = tuple(c for c in fixed if c[0] != drop)
    return tuple(("Added", w) if added and n == "Published" else (n, w) for n, w in fixed)


def title_width(total: int, wide: bool = False) -> int:
    """Whatever the fixed columns leave (the marker and the scrollbar gutter take one each)."""
    return max(10, total - sum(w + 1 for _, w in columns(wide, total=total)) - 2)


def header_line(total: int, wide: bool = False, added: bool = False) -> str:
    """The column titles, aligned with the rows."""
    return " " + _fit("Title", title_width(total, wide)) + "".join(
        " " + _fit(n, w, n in COUNTS) for n, w in columns(wide, added, total))


class BriefingList(ScrollView, can_focus=True):
    """Rows of ``rows`` at positions ``shown``; Enter (or a double click) posts :class:`Opened`."""

    COMPONENT_CLASSES = {"briefing-list--cursor", "briefing-list--stripe"}
    BINDINGS = [k.binding() for k in LIBRARY_KEYS if k.id.startswith("list.")] + [
        Binding("down", "cursor_down", "Down", show=False), Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False), Binding("pageup", "page(-1)", "Page up", show=False),
    ]
    cursor = reactive(0, always_update=True)

    class Opened(Message):
        """The user chose the row at ``position`` (an index into ``shown``)."""

        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Rows = Rows(entries=[])
        self.shown: Sequence[int] = range(0)
        self.note_counts: dict[str, int] = {}
        self.marks: set[str] | frozenset[str] = frozenset()  # briefings a watch filter matched (shown \u25c6)
        self.read: set[str] = set()  # titles of unread briefings are bold
        self.archived: set[str] = set()  # shown (with A) behind a box mark
        self.wide = False  # the screen is 120+ columns: an Outlet column too
        self.added = True  # the date column shows when each briefing was ingested (else: published)

    def set_rows(self, rows: Rows, shown: Sequence[int], note_counts: dict[str, int],
                 read: set[str] | None = None, archived: set[str] | None = None) -> None:
        self.rows, self.shown, self.note_counts = rows, shown, note_counts
        self.read, self.archived = read or set(), archived or set()
        self.virtual_size = Size(1, len(shown))  # rows fit the width: never a horizontal scrollbar
        self.cursor = min(self.cursor, max(0, len(shown) - 1))
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.shown)

    def current_id(self) -> str | None:
        return self.rows.id(self.shown[self.cursor]) if self.shown else None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        position = self.scroll_offset.y + y
        base = self.rich_style
        if position >= len(self.shown):
            return Strip([Segment(" " * width, base)], width)
        e = self.rows[self.shown[position]]
        notes = self.note_counts.get(e.id, 0)
        title = ("\u25a1 " if e.id in self.archived else "") + e.title  # archived: a mark, not a colour
        date = e.added[:10] if self.added else (e.published or "\u2013")[:10]
        values = {"Outlet": e.outlet or "\u2013", "Source": source_label(e.source), "Published": date, "Added": date,
                  "Fig": count(e.figures), "Cas": count(e.casualties), "Quo": count(e.quotes),
                  "Nts": f"\u270e{notes}" if notes else ""}
        cells = [_fit(title, title_width(width, self.wide))] + [
            _fit(values[name], w, name in COUNTS) for name, w in columns(self.wide, self.added, width)]
        style = base
        if position % 2:
            style = base + self.get_component_rich_style("briefing-list--stripe")
        if position == self.cursor:
            style = base + self.get_component_rich_style("briefing-list--cursor")
        marker = "\u25b8" if position == self.cursor else "\u25c6" if e.id in self.marks else " "
        unread = e.id not in self.read
        segments = [Segment(marker, style), Segment(cells[0], style + Style(bold=unread))]
        segments += [Segment(" " + c, style) for c in cells[1:]]
        return Strip(segments).adjust_cell_length(width, style)

    class Highlighted(Message):
        """The cursor moved to another row (the wide library's preview follows it)."""

    def watch_cursor(self, old: int, new: int) -> None:
        if self.shown:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True)
        self.refresh()
        self.post_message(self.Highlighted())

    def _move(self, to: int) -> None:
        if self.shown:
            self.cursor = max(0, min(len(self.shown) - 1, to))

    def action_cursor_down(self) -> None:
        self._move(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move(self.cursor - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self.shown) - 1)

    def action_page(self, direction: int) -> None:
        self._move(self.cursor + direction * max(1, self.size.height - 1))

    def action_select(self) -> None:
        if self.shown:
            self.post_message(self.Opened(self.cursor))

    def on_click(self, event: Click) -> None:
        position = self.scroll_offset.y + event.y
        if 0 <= position < len(self.shown):
            self.cursor = position
            if event.chain >= 2:
                self.post_message(self.Opened(position))
