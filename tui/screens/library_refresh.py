"""Keeping the library list current: full reloads in a worker, following other sessions, fetching feeds.

A mixin for :class:`tui.screens.library.LibraryScreen`; the screen calls
``reload()`` and gets ``_loaded()`` back on the UI thread.
"""

from __future__ import annotations

import time

from textual import work
from textual.css.query import NoMatches

from briefings.across import query as across
from briefings.listcache import Rows
from briefings.safe import printable
from briefings.store import StoreError

from ..widgets.briefing_list import BriefingList
from ..widgets.briefing_preview import BriefingPreview


RELOAD_EVERY = 1.0  # seconds between list reloads while feeds are being fetched


class LibraryRefresh:
    """Reloading the whole list off the UI thread, and noticing when another process changed it."""

    def _signatures(self) -> tuple:
        library = self.app.library
        return (library.list_signature(), library.marks.signature())

    def _follow_other_sessions(self) -> None:
        """Two stats every couple of seconds: another process ingested, removed or marked something."""
        if self.complete and self.app.screen is self and self._signatures() != self._seen:
            self.reload()

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
        try:
            preview, listing = self.query_one(BriefingPreview), self.query_one(BriefingList)
        except NoMatches:  # the reader closed while the list was read: nothing left to show it in
            return
        self._seen = seen
        self.note_counts = counts
        preview.forget()  # re-ingested or noted elsewhere: draw it again
        listing.marks, self.watch_new = marks, new  # watch matches: marked rows, header count
        self.app.rows = rows  # shared with the command palette and "open by id"
        self.show_rows(rows, complete=True)

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
