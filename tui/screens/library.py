"""The library: every briefing as a row, newest first, filtered as you type.

The first screenful comes from the head of the list file (milliseconds at
any size); the whole list loads in a worker thread right after, so even
100,000 briefings never hold up the first frame.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from briefings.across import query as across
from briefings.listcache import Rows
from briefings.safe import printable
from briefings.store import StoreError

from ..keys import LIBRARY_KEYS
from ..widgets.briefing_list import BriefingList, header_line
from ..widgets.briefing_preview import BriefingPreview
from .confirm import ConfirmScreen


RELOAD_EVERY = 1.0  # seconds between list reloads while feeds are being fetched
WIDE = 120  # from this width: an Outlet column and a preview of the highlighted briefing


def search(haystacks: list[str], words: list[str], within: Sequence[int] | None = None) -> list[int]:
    """Positions whose text holds every word (title, source, speakers, casualty names)."""
    if within is None:  # the first word scans everything: enumerate is the cheapest full pass
        first, *rest = words
        hits = [i for i, h in enumerate(haystacks) if first in h]
    else:
        hits, rest = list(within), words
    for w in rest:  # each further word narrows what is left
        hits = [i for i in hits if w in haystacks[i]]
    return hits


def _outlet(e) -> str:
    return (getattr(e, "outlet", None) or e.source.rsplit("/", 1)[-1]).casefold()


# (name, key on an Entry, newest/biggest first?); "ingested" is the list file's own order.
SORTS = (("ingested", None, False), ("published", lambda e: e.published or "", True),
         ("title", lambda e: e.title.casefold(), False), ("outlet", _outlet, False),
         ("figures", lambda e: e.figures, True), ("casualties", lambda e: e.casualties, True),
         ("quotes", lambda e: e.quotes, True))


class LibraryScreen(Screen):
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

    def _signatures(self) -> tuple:
        library = self.app.library
        return (library.list_signature(), library.marks.signature())

    def _follow_other_sessions(self) -> None:
        """Two stats every couple of seconds: another process ingested, removed or marked something."""
        if self.complete and self.app.screen is self and self._signatures() != self._seen:
            self.reload()

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

    def reload(self) -> None:
        """Read the whole list again, off the UI thread (another session may have added to it)."""
        self._load()

    def action_reload(self) -> None:
        self.reload()
        self.notify("Reloaded the library.", timeout=2)

    @work(thread=True, exclusive=True, group="library-load")
    def _load(self) -> None:
        seen = self._signatures()  # before reading: a change during the read is caught next time
        try:
            rows = self.app.library.rows()
            rows.haystacks()  # built here, not on the first keystroke
            counts = self.app.library.notes.counts()
        except (StoreError, OSError) as exc:  # e.g. the index was damaged while the reader was open
            self.app.call_from_thread(self.app.store_problem, exc)
            return
        try:  # another session's ingest may have journalled briefings: index them for the marks
            across.ensure(self.app.library)
            watch = self.app.library.across.watchlist()
            marks, new = watch.marked(), len(watch.unseen())
        except (StoreError, OSError):  # locked by a writer right now: the marks catch up next load
            marks, new = frozenset(), 0
        self.app.call_from_thread(self._loaded, rows, counts, marks, new, seen)

    def _loaded(self, rows: Rows, counts: dict[str, int], marks: set[str] = frozenset(), new: int = 0,
                seen: tuple | None = None) -> None:
        self._seen = seen
        self.note_counts = counts
        self.query_one(BriefingPreview).forget()  # re-ingested or noted elsewhere: draw it again
        self.query_one(BriefingList).marks, self.watch_new = marks, new  # watch matches: marked rows, header count
        self.app.rows = rows  # shared with the command palette and "open by id"
        self.show_rows(rows, complete=True)

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
        if archived and not self.show_archived:
            positions = [i for i in positions if self.rows.id(i) not in archived]
        name, key, reverse = SORTS[self.sort]
        if key is not None:
            rows = self.rows
            positions = sorted(positions, key=lambda i: key(rows[i]), reverse=reverse)  # stable: ties stay newest first
        return positions

    # -- marking, sorting, deleting --------------------------------------------------------------

    def _current(self) -> tuple[str, str] | None:
        listing = self.query_one(BriefingList)
        if not self.shown:
            return None
        entry = self.rows[self.shown[listing.cursor]]
        return entry.id, entry.title

    def _mark(self, kind: str, on: bool | None = None) -> bool | None:
        current = self._current()
        if current is None:
            return None
        marks = self.app.library.marks
        on = (current[0] not in getattr(marks, kind)) if on is None else on
        try:
            marks.set(kind, [current[0]], on)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return None
        self._last_words = []
        self.refilter()
        return on

    def action_toggle_read(self) -> None:
        self._mark("read")

    def action_archive(self) -> None:
        current = self._current()
        on = self._mark("archived")
        if on is not None and current is not None:
            self.notify(("Archived" if on else "Unarchived") + f": {current[1][:60]}"
                        + (" (A shows archived briefings)" if on and not self.show_archived else ""), timeout=4)

    def action_show_archived(self) -> None:
        self.show_archived = not self.show_archived
        self._last_words = []
        self.refilter()

    def action_sort(self) -> None:
        self.sort = (self.sort + 1) % len(SORTS)
        self._last_words = []
        self.refilter()
        self.query_one(BriefingList).cursor = 0  # the title bar says the order: no toast over the list

    def action_delete(self) -> None:
        current = self._current()
        if current is None:
            return
        briefing_id, title = current
        notes = len(self.app.library.notes.all(briefing_id))

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.app.library.remove(briefing_id)
                self.app.library.marks.forget(briefing_id)
            except StoreError as exc:
                self.notify(str(exc), severity="error", timeout=8)
                return
            self.notify(f"Deleted: {title[:60]}" + (f" ({notes} note{'s' if notes != 1 else ''} kept, detached)"
                                                   if notes else ""), timeout=5)
            self.reload()

        kept = f"\n\nIts {notes} note{'s are' if notes != 1 else ' is'} kept (shown as detached)." if notes else ""
        self.app.push_screen(ConfirmScreen(f"Delete this briefing?\n\u201c{title[:120]}\u201d{kept}"), answered)

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

    def action_samples(self) -> None:
        if self.complete and not len(self.rows):
            self.notify("Loading the sample articles…")
            self._load_samples()

    @work(thread=True, exclusive=True)
    def _load_samples(self) -> None:
        try:
            count = self.app.load_samples()
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(self.app.store_problem, exc)
            return
        self.app.call_from_thread(self.reload)
        self.app.call_from_thread(self.notify, f"Loaded {count} sample briefings.")


    def action_open_url(self) -> None:
        """``o`` on a row: the original page of the highlighted briefing."""
        briefing_id = self.query_one(BriefingList).current_id()
        if briefing_id is None:
            return
        try:
            url = self.app.library.get(briefing_id).article.url
        except (StoreError, OSError) as exc:
            self.app.store_problem(exc)
            return
        self.app.open_original(url)

    def action_fetch_feeds(self) -> None:
        """``F``: fetch the followed feeds in a worker; new briefings join the list as they arrive."""
        if self.fetching:
            self.notify("Already fetching the feeds…")
            return
        from briefings.feeds import load_feeds

        try:
            feeds = load_feeds(self.app.library)
        except (StoreError, OSError) as exc:
            self.app.store_problem(exc)
            return
        if not feeds:
            self.notify("No feeds yet. Follow one from a shell:  briefing feeds add URL", severity="warning")
            return
        self.fetching = True
        self.notify(f"Fetching {len(feeds)} feed{'s' if len(feeds) > 1 else ''}…")
        self._fetch_feeds()

    @work(thread=True, exclusive=True, group="feeds")
    def _fetch_feeds(self) -> None:
        from briefings.feeds import fetch

        last = [0.0]

        def arrived(briefing, created: bool) -> None:  # noqa: ARG001
            # Show new briefings as they come, but reload the list at most about once a second.
            if time.monotonic() - last[0] >= RELOAD_EVERY:
                last[0] = time.monotonic()
                self.app.call_from_thread(self.reload)
        try:
            report = fetch(self.app.library, on_briefing=arrived)
        except (StoreError, OSError) as exc:
            self.app.call_from_thread(self.app.store_problem, exc)
            return
        finally:
            self.fetching = False
        self.app.call_from_thread(self.reload)
        summary = f"Feeds fetched: {report.new} new, {report.updated} updated"
        if report.failed:
            summary += f", {report.failed} failed (first: {report.errors[0]})"
        self.app.call_from_thread(self.notify, printable(summary, newlines=False),
                                  severity="warning" if report.failed else "information", timeout=10)


class ShownIds(Sequence[str]):
    """The ids of the shown rows, looked up only when asked (for [ and ] in a briefing)."""

    def __init__(self, rows: Rows, shown: Sequence[int]):
        self.rows, self.shown = rows, shown

    def __len__(self) -> int:
        return len(self.shown)

    def __getitem__(self, i):  # type: ignore[override]
        return self.rows.id(self.shown[i])
