"""The library: every briefing as a row, newest first, filtered as you type.

The first screenful comes from the head of the list file (milliseconds at
any size); the whole list loads in a worker thread right after, so even
100,000 briefings never hold up the first frame.

This module is the screen itself (layout, filter, opening a row); the keys
that change the library live in ``library_actions``, reloading and following
other sessions in ``library_refresh``, the filter and sort rules in
``library_filter``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from briefings.listcache import Rows
from briefings.safe import printable

from ..keys import LIBRARY_KEYS
from ..widgets.briefing_list import BriefingList, header_line
from ..widgets.briefing_preview import BriefingPreview
from .library_actions import LibraryActions
from .library_filter import SORTS, ShownIds, arranged, search
from .library_refresh import LibraryRefresh

__all__ = ["LibraryScreen", "ShownIds", "search", "SORTS"]

WIDE = 120  # from this width: an Outlet column and a preview of the highlighted briefing


class LibraryScreen(LibraryActions, LibraryRefresh, Screen):
    """Rows of briefings; Enter opens one, / filters, s loads the samples into an empty library."""

    AUTO_FOCUS = "#library-list"
    BINDINGS = [k.binding() for k in LIBRARY_KEYS if not k.id.startswith("list.")] + [
        Binding("escape", "clear_filter", "Clear filter", show=False)]

    def __init__(self) -> None:
        super().__init__()
        self.rows: Rows = Rows(entries=[])
        self.shown: Sequence[int] = range(0)
        self.note_counts: dict[str, int] = {}
        self.complete = False  # the whole list is loaded (not just the first screenful)
        self.watch_new = 0  # watch matches not yet seen (W shows them)
        self._last_words: list[str] = []
        self.fetching = False  # a feed fetch (F) is running
        self.sort = 0  # index into SORTS
        self.show_archived = False
        self._seen: tuple | None = None  # signatures of the list and marks last shown

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        yield Input(placeholder="Filter: title, source, outlet, speaker or casualty name", id="filter")
        with Horizontal(id="library-body"):
            with Vertical(id="library-main"):
                yield Static(id="library-header")
                yield BriefingList(id="library-list")
                yield Static(id="library-empty")
            yield BriefingPreview(id="library-preview")
        yield Footer()

    def on_mount(self) -> None:
        self._set_wide(self.app.size.width)
        head = self.app.library.entries(limit=max(self.app.size.height, 50))
        self.show_rows(Rows(entries=head), complete=False)
        self.set_interval(2.0, self._follow_other_sessions)

    def on_screen_resume(self) -> None:
        # The whole list loads just after this screen is drawn, so it never delays that frame.
        self.set_timer(0.05, self.reload)

    def on_screen_suspend(self) -> None:
        self._seen = None  # a briefing opened meanwhile is read now: redraw on return

    def on_resize(self) -> None:
        self._set_wide(self.size.width)

    def _set_wide(self, width: int) -> None:
        wide = width >= WIDE
        self.set_class(wide, "-wide")
        self.query_one(BriefingList).wide = wide
        self.call_after_refresh(self._draw_header)
        if wide:
            self.call_after_refresh(self._preview)

    def _draw_header(self) -> None:
        # The list keeps a 1-column scrollbar gutter (see briefing.tcss); the header matches its rows.
        listing = self.query_one(BriefingList)
        self.query_one("#library-header", Static).update(
            Text(header_line(listing.size.width - 1, listing.wide, listing.added), style="bold"))

    @on(BriefingList.Highlighted)
    def _preview(self) -> None:
        """One article read per highlighted row, only while the preview is on screen."""
        if not self.has_class("-wide"):
            return
        listing = self.query_one(BriefingList)
        entry = self.rows[self.shown[listing.cursor]] if self.shown else None
        self.query_one(BriefingPreview).show(self.app.library, entry.id if entry else None,
                                             entry.added if entry else "", self.note_counts.get(entry.id, 0) if entry else 0)

    def show_rows(self, rows: Rows, *, complete: bool) -> None:
        keep = self.query_one(BriefingList).current_id()
        self.rows, self.complete = rows, complete
        self._last_words = []
        self.refilter()
        if keep:  # stay on the same briefing when the list grows under the cursor
            for position in range(min(len(self.shown), 500)):
                if self.rows.id(self.shown[position]) == keep:
                    self.query_one(BriefingList).cursor = position
                    break

    def refilter(self) -> None:
        words = self.query_one("#filter", Input).value.casefold().split()
        marks = self.app.library.marks
        if not words:
            self.shown = self.arranged(range(len(self.rows)), marks.archived)
        else:
            narrower = self._last_words and all(any(w.startswith(o) or o in w for o in self._last_words) for w in words) \
                and isinstance(self.shown, list)
            found = search(self.rows.haystacks(), words, self.shown if narrower else None)
            self.shown = found if narrower else self.arranged(found, marks.archived)
        self._last_words = words
        listing = self.query_one(BriefingList)
        added = SORTS[self.sort][0] != "published"  # the date column shows the date the list is sorted by
        if added != listing.added:
            listing.added = added
            self._draw_header()
        listing.set_rows(self.rows, self.shown, self.note_counts, marks.read, marks.archived)
        total = len(self.rows) if self.complete else None
        count = (f"{len(self.shown)} of {total}" if words or len(self.shown) != total else f"{total}") \
            if total is not None else "loading"
        extra = "".join((f" \u00b7 by {SORTS[self.sort][0]}" if self.sort else "",
                         " \u00b7 with archived" if self.show_archived else ""))
        head = f" \u00b7 {count} briefings{extra} \u00b7 " + (f"\u25c6 {self.watch_new} new \u00b7 " if self.watch_new else "")
        path = printable(str(self.app.library.root), newlines=False)
        room = max(8, self.size.width - len("briefing") - len(head) - 2)
        if len(path) > room:  # one line, whatever the width: keep the end of the path
            path = "\u2026" + path[-(room - 1):]
        self.query_one("#library-title", Static).update(Text.assemble(("briefing", "bold"), head, (path, "italic")))
        empty = self.query_one("#library-empty", Static)
        if self.complete and not len(self.rows):
            empty.update(Text.assemble(
                ("This library is empty.\n\n", "bold"),
                "Add articles from a shell:  briefing ingest PATH...\n"
                "(text, Markdown or HTML files, folders, or - for stdin)\n\n",
                ("Press s to load the bundled sample articles.", "bold")))
        elif not self.shown and words:
            empty.update(Text("No briefing matches the filter. Esc clears it.", style="italic"))
        self.set_class(not self.shown and (self.complete or bool(words)), "-empty")

    def arranged(self, positions: Sequence[int], archived: set[str]) -> Sequence[int]:
        """Hide archived briefings (unless shown) and apply the sort; the plain list stays a cheap range."""
        return arranged(self.rows, positions, archived, sort=self.sort, show_archived=self.show_archived)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self.refilter()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        """Enter in the filter opens the highlighted match (the first one unless you moved)."""
        listing = self.query_one(BriefingList)
        listing.focus()
        self.open_row(listing.cursor)

    def on_key(self, event) -> None:
        """Down/Up in the filter move through the matches, so Enter can open any of them."""
        if self.focused is self.query_one("#filter", Input) and event.key in ("down", "up"):
            listing = self.query_one(BriefingList)
            listing.action_cursor_down() if event.key == "down" else listing.action_cursor_up()
            event.stop()

    @on(BriefingList.Opened)
    def _opened(self, event: BriefingList.Opened) -> None:
        self.open_row(event.position)

    def action_open(self) -> None:
        self.open_row(self.query_one(BriefingList).cursor)

    def current_briefing_id(self) -> str | None:
        return self.query_one(BriefingList).current_id()

    def open_row(self, position: int) -> None:
        if 0 <= position < len(self.shown):
            self.app.open_briefing(ShownIds(self.rows, self.shown), position)

    def action_filter(self) -> None:
        self.add_class("-filtering")
        self.query_one("#filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.value = ""
        self.remove_class("-filtering")
        self.query_one(BriefingList).focus()
