"""One briefing: panes for Summary, Key figures, Casualties, Quotes and the Source text.

Wide terminals show all five panes at once; narrow ones (under 120 columns)
show one at a time under a pane bar, and Enter on an item jumps to the
Source pane with its evidence highlighted.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefings.model import Briefing
from briefings.safe import printable

from ..keys import BRIEFING_KEYS
from ..widgets.items import ItemPane, casualty_prompt, figure_prompt, quote_prompt, summary_prompt
from ..widgets.source import SourcePane

PANES = ("summary", "figures", "casualties", "quotes", "source")
LABELS = {"summary": "Summary", "figures": "Key figures", "casualties": "Casualties", "quotes": "Quotes",
          "source": "Source"}
WIDE = 120


class BriefingScreen(Screen):
    """A briefing with a pane per part; ``ids``/``index`` let [ and ] step through the list it came from."""

    BINDINGS = [k.binding() for k in BRIEFING_KEYS]

    def __init__(self, ids: list[str], index: int, pane: str = "summary") -> None:
        super().__init__()
        self.ids = ids
        self.index = index
        self.pane = pane if pane in PANES else "summary"
        self.briefing: Briefing | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="briefing-header")
        yield Static(id="pane-bar")
        with Container(id="panes"):
            yield ItemPane("Summary", "No summary: the article has no full sentences.", summary_prompt, id="summary")
            yield ItemPane("Key figures", "No key figures in this article.", figure_prompt, id="figures")
            yield SourcePane(id="source")  # third, so the wide grid puts it in the right-hand column
            yield ItemPane("Casualties", "No named casualties in this article.", casualty_prompt, id="casualties")
            yield ItemPane("Quotes", "No attributed quotes in this article.", quote_prompt, id="quotes")
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")
        self.load()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
        self.show_pane(self.pane)

    def load(self) -> None:
        """Read the briefing at ``index`` and fill every pane."""
        b = self.briefing = self.app.library.get(self.ids[self.index])
        art = b.article
        meta = " \u00b7 ".join(x for x in (art.source.rsplit("/", 1)[-1], art.published or "", b.id[:8]) if x)
        position = f"  {self.index + 1}/{len(self.ids)}"
        self.query_one("#briefing-header", Static).update(Text.assemble(
            (printable(art.title, newlines=False), "bold"), "\n", (printable(meta, newlines=False), "italic"),
            position))
        for name, items in (("summary", b.summary), ("figures", b.figures), ("casualties", b.casualties),
                            ("quotes", b.quotes)):
            self.query_one(f"#{name}", ItemPane).show(items)
        self.query_one(SourcePane).show_article(art.text)
        self.show_pane(self.pane)
        self.app.remember(b.id, self.pane)

    def focus_target(self, name: str):
        return self.query_one(SourcePane).text_area if name == "source" else self.query_one(f"#{name}", ItemPane)

    def show_pane(self, name: str) -> None:
        """Make ``name`` the current pane: shown (when narrow), focused, marked in the pane bar."""
        self.pane = name
        for other in PANES:
            self.query_one(f"#{other}").set_class(other == name, "-current")
        self.focus_target(name).focus()
        bar = Text()
        for n, other in enumerate(PANES, 1):
            current = other == name
            marker = "\u25b8" if current else " "
            bar.append(f" {marker}{n} {LABELS[other]} ", style="bold reverse" if current else "")
        self.query_one("#pane-bar", Static).update(bar)
        if self.briefing is not None:
            self.app.remember(self.briefing.id, name)

    def action_next_pane(self) -> None:
        self.show_pane(PANES[(PANES.index(self.pane) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        self.show_pane(PANES[(PANES.index(self.pane) - 1) % len(PANES)])

    def action_pane(self, name: str) -> None:
        self.show_pane(name)

    def on_item_pane_evidence_requested(self, event: ItemPane.EvidenceRequested) -> None:
        self.show_evidence(event.item)

    def action_evidence(self) -> None:
        if self.pane != "source":
            item = self.query_one(f"#{self.pane}", ItemPane).current
            if item is not None:
                self.show_evidence(item)

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

    def action_back(self) -> None:
        self.app.remember(None, None)
        self.dismiss()
