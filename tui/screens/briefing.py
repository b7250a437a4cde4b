"""One briefing: panes for Summary, Key figures, Casualties, Quotes and the Source text.

Wide terminals show all five panes at once; narrow ones (under 120 columns)
show one at a time under a pane bar, and Enter on an item jumps to the
Source pane with its evidence highlighted.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from briefings.attach import Placed
from briefings.model import Briefing
from briefings.safe import printable
from briefings.storage import StoreError

from ..keys import BRIEFING_KEYS, NOTE_KEYS
from ..widgets.items import ItemPane, casualty_prompt, figure_column, figure_prompt, quote_prompt, summary_prompt
from ..widgets.source import SourcePane
from .briefing_export import BriefingExport
from .briefing_notes import BriefingNotes

PANES = ("summary", "figures", "casualties", "quotes", "source")
LABELS = {"summary": "Summary", "figures": "Key figures", "casualties": "Casualties", "quotes": "Quotes",
          "source": "Source"}
WIDE = 120


class BriefingScreen(BriefingNotes, BriefingExport, Screen):
    """A briefing with a pane per part; ``ids``/``index`` let [ and ] step through the list it came from.

    Notes (the view under the panes, ``n``/``b``/``E``) come from :class:`BriefingNotes`; export and
    copy (``x``/``X``/``c``) from :class:`BriefingExport`.
    """

    BINDINGS = [k.binding() for k in BRIEFING_KEYS + NOTE_KEYS]

    def __init__(self, ids: Sequence[str], index: int, pane: str = "summary", item: str | None = None) -> None:
        super().__init__()
        self.ids = ids
        self.index = index
        self.pane = pane if pane in PANES else "summary"
        self.briefing: Briefing | None = None
        self.placed: list[Placed] = []
        self.start_item = item  # an item to highlight once loaded (from the Notes screen)
        self.start_hit: tuple[tuple[int, int], str] | None = None  # (span, label) from a search, once loaded

    def compose(self) -> ComposeResult:
        yield Static(id="briefing-header")
        yield Static(id="pane-bar")
        with Container(id="panes"):
            yield ItemPane("Summary", "No summary: the article has no full sentences.", summary_prompt, id="summary")
            yield ItemPane("Key figures", "No key figures in this article.", figure_prompt, id="figures",
                           column=figure_column)
            yield SourcePane(id="source")  # third, so the wide grid puts it in the right-hand column
            yield ItemPane("Casualties", "No named casualties in this article.", casualty_prompt, id="casualties")
            yield ItemPane("Quotes", "No attributed quotes in this article.", quote_prompt, id="quotes")
        yield Markdown(id="notes-view")
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")
        self.set_interval(3.0, self.reload_notes_if_changed)  # another session may add notes

    def retarget(self, ids: Sequence[str], index: int, pane: str = "summary", item: str | None = None) -> None:
        """Show another briefing next time this (reused) screen comes up: no new widgets, no restyle."""
        self.ids, self.index, self.start_item = ids, index, item
        self.pane = pane if pane in PANES else "summary"
        self._pending = True

    def on_screen_resume(self) -> None:
        if getattr(self, "_pending", True):
            self._pending = False
            self.load()
        else:  # back from a screen over this one (search results, Notes, help): the same briefing
            self.reload_notes()
            if self.briefing is not None:
                self.app.remember(self.briefing.id, self.pane)

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
        self.show_pane(self.pane)
        self.call_after_refresh(self._keep_highlights_in_view)

    def _keep_highlights_in_view(self) -> None:
        """Items rewrap at a new width: bring each pane's highlighted item back into view, whole."""
        for pane in self.query(ItemPane):
            pane.scroll_to_highlight()

    def load(self) -> None:
        """Read the briefing at ``index`` and fill every pane."""
        try:
            b = self.briefing = self.app.library.get(self.ids[self.index])
        except StoreError as exc:  # deleted by another session, or a damaged file: say so, stay usable
            self.briefing = None
            self.notify(str(exc), title="cannot open", severity="error", timeout=8)
            self.call_later(self.app.pop_screen)
            return
        art = b.article
        self._saved_on = None
        self.mark_read(b.id)
        self.query_one(SourcePane).show_article(art.text)
        self.reload_notes()
        if self.start_item:
            self.highlight_item(self.start_item)
            self.start_item = None
        if self.start_hit is not None:  # a full-text search result: the Source pane, the hit selected
            span, label = self.start_hit
            self.start_hit, self.pane = None, "source"
            self.call_after_refresh(self.query_one(SourcePane).show_evidence, span, label, "Search hit")
        self.show_pane(self.pane)
        self.app.remember(b.id, self.pane)

    def mark_read(self, briefing_id: str) -> None:
        """Opening a briefing reads it (the list shows unread titles in bold)."""
        marks = self.app.library.marks
        if briefing_id not in marks.read:
            try:
                marks.set("read", [briefing_id], True)
            except StoreError:
                pass  # a read-only library: the reader still works, the mark is not kept

    def update_header(self) -> None:
        b = self.briefing
        art = b.article
        # Where it came from: the outlet (web pages) or the file name, and the page's URL when it has one.
        meta = " \u00b7 ".join(x for x in (art.outlet or art.source.rsplit("/", 1)[-1], art.published or "",
                                           b.id[:8], art.url or "") if x)
        whole = [p for p in self.placed if p.item is None and not p.detached]
        detached = [p for p in self.placed if p.detached]
        extra = (f"  \u270e {len(whole)} on the briefing" if whole else "") + (
            f"  \u26a0 {len(detached)} detached" if detached else "")
        self.query_one("#briefing-header", Static).update(Text.assemble(
            (printable(art.title, newlines=False), "bold"), "\n", (printable(meta, newlines=False), "italic"),
            f"  {self.index + 1}/{len(self.ids)}", (extra, "bold")))

    def highlight_item(self, item_id: str) -> None:
        for name in ("summary", "figures", "casualties", "quotes"):
            pane = self.query_one(f"#{name}", ItemPane)
            for n, item in enumerate(pane.items):
                if item.id == item_id:
                    self.pane = name
                    pane.highlighted = n
                    return

    def focus_target(self, name: str):
        return self.query_one(SourcePane).text_area if name == "source" else self.query_one(f"#{name}", ItemPane)

    def show_pane(self, name: str) -> None:
        """Make ``name`` the current pane: shown (when narrow), focused, marked in the pane bar."""
        self.pane = name
        # Only the panes that change: every class change restyles. Asking the DOM which pane is
        # current (not remembering it) keeps a reused screen from leaving a stale pane shown.
        for stale in self.query("#panes > .-current"):
            if stale.id != name:
                stale.remove_class("-current")
        self.query_one(f"#{name}").add_class("-current")
        self.focus_target(name).focus()
        bar = Text()
        for n, other in enumerate(PANES, 1):
            current = other == name
            marker = "\u25b8" if current else " "
            bar.append(f" {marker}{n} {LABELS[other]} ", style="bold reverse" if current else "")
        self.query_one("#pane-bar", Static).update(bar)
        if self.briefing is not None:
            self.app.remember(self.briefing.id, name)
            self.show_notes()

    def action_next_pane(self) -> None:
        self.show_pane(PANES[(PANES.index(self.pane) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        self.show_pane(PANES[(PANES.index(self.pane) - 1) % len(PANES)])

    def action_pane(self, name: str) -> None:
        self.show_pane(name)

    def on_item_pane_evidence_requested(self, event: ItemPane.EvidenceRequested) -> None:
        self.show_evidence(event.item)

    def show_evidence(self, item) -> None:
        label = getattr(item, "text", None) or getattr(item, "name", "")
        source = self.query_one(SourcePane)
        if not self.has_class("-wide"):
            self.show_pane("source")
        source.show_evidence(item.span, label)

    def action_step(self, delta: int) -> None:
        target = self.index + delta
        if 0 <= target < len(self.ids):
            self.index = target
            self.load()
        else:
            self.notify("No more briefings that way.", timeout=2)

    def action_open_url(self) -> None:
        self.app.open_original(self.briefing.article.url if self.briefing is not None else None)

    def action_search(self) -> None:
        """``ctrl+f``: search the whole library without leaving; Esc on the results comes back here."""
        self.app.search_full_text()

    def action_back(self) -> None:
        self.app.remember(None, None)
        self.app.pop_screen()
