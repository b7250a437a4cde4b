"""Library keys that act on the library: read/unread, archive, sort, delete, samples, search, open URL.

A mixin for :class:`tui.screens.library.LibraryScreen`; it relies on the
screen's ``rows``, ``shown``, ``refilter()`` and ``reload()``.
"""

from __future__ import annotations

from textual import work

from briefings.store import StoreError

from ..widgets.briefing_list import BriefingList
from .confirm import ConfirmScreen
from .library_filter import SORTS


class LibraryActions:
    """Actions on the highlighted briefing and on how the list is shown."""

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

    def action_search(self) -> None:
        """``ctrl+f``: search the full text of every article (see tui.screens.search)."""
        self.app.search_full_text()

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
