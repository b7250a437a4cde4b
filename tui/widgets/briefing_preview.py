"""The wide library's preview: the highlighted briefing's title, outlet, dates, counts and summary.

Shown beside the list from 120 columns. It reads one article file per
highlighted row (``Library.get``), only while it is visible, and remembers the
last briefing it drew so redraws of the same row cost nothing.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from briefings.model import Briefing
from briefings.render import source_label
from briefings.safe import printable
from briefings.store import StoreError


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def preview_text(b: Briefing, added: str, notes: int) -> Text:
    """What the pane shows for ``b`` (``added``: when it was ingested, from the list row)."""
    art = b.article
    clean = lambda s: printable(s, newlines=False)  # noqa: E731 - article text is untrusted
    out = Text()
    out.append(clean(art.title) + "\n", style="bold")
    out.append(clean(art.outlet) if art.outlet else "Outlet unknown", style="italic")
    if art.authors:
        out.append(" \u00b7 " + clean(", ".join(art.authors)))
    out.append("\n")
    out.append(f"Published {art.published or 'unknown'} \u00b7 added {added[:10]}\n")
    out.append(clean(source_label(art.url or art.source)) + "\n\n", style="dim")
    counts = [plural(len(b.figures), "figure"), plural(len(b.casualties), "casualty", "casualties"),
              plural(len(b.quotes), "quote")] + ([plural(notes, "note")] if notes else [])
    out.append(" \u00b7 ".join(counts) + "\n\n", style="bold")
    out.append("Summary\n", style="bold underline")
    if b.summary:
        for s in b.summary:
            out.append("\u2022 " + clean(s.text) + "\n")
    else:
        out.append("No summary sentences.\n", style="italic")
    return out


class BriefingPreview(Static):
    """A read-only panel; :meth:`show` draws a briefing by id through the library API."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown_id: str | None = None

    def forget(self) -> None:
        """Draw again on the next :meth:`show` (the library changed)."""
        self.shown_id = None

    def show(self, library, briefing_id: str | None, added: str = "", notes: int = 0) -> None:
        if briefing_id == self.shown_id:
            return
        self.shown_id = briefing_id
        if briefing_id is None:
            self.update(Text("No briefing highlighted.", style="italic"))
            return
        try:
            briefing = library.get(briefing_id)
        except (StoreError, OSError) as exc:  # removed by another session meanwhile, or unreadable
            self.update(Text(printable(f"Cannot preview this briefing: {exc}", newlines=False), style="italic"))
            return
        self.update(preview_text(briefing, added, notes))
