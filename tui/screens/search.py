"""Full-text search (ctrl+f in the library or a briefing): type a query, pick a result, land on the hit in the Source pane.

The query runs in a worker thread a moment after the last keystroke (typing
never waits for SQLite), and a result arriving for an older query is dropped.
The index is :mod:`briefings.search_index`; the first search of a library
builds it, with its progress shown here.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefings.safe import printable
from briefings.search import RANKED, BadQuery, Hit, count_text, search
from briefings.storage import StoreError

from ..keys import SEARCH_KEYS

DEBOUNCE = 0.25  # seconds of quiet typing before the query runs
LIMIT = 50  # results listed (the count says how many matched in all)
HINT = 'All words must occur \u00b7 "a phrase" \u00b7 prefix* \u00b7 Enter opens the article at the hit'


def fit(snippet: tuple[tuple[str, bool], ...], width: int) -> list[tuple[str, bool]]:
    """The snippet on one line of ``width`` cells: whitespace collapsed, the first match kept in view
    (context before it shortened first, with an ellipsis)."""
    pieces = [(printable(re.sub(r"\s+", " ", t), newlines=False), m) for t, m in snippet]
    first = next((n for n, (_, m) in enumerate(pieces) if m), None)
    if first is not None:
        before = "".join(t for t, _ in pieces[:first])
        room = max(8, width // 3)
        if len(before) > room:  # keep the last `room` characters of the lead-in
            tail = before[-room + 1:]
            tail = tail[tail.find(" ") + 1:] if " " in tail[:-1] else tail  # start on a whole word
            pieces = [("\u2026" + tail, False)] + pieces[first:]
    out, used = [], 0
    for text, match in pieces:
        cost = len(text) + (2 if match else 0)
        if used + cost > width:
            out.append((text[:max(0, width - used - 1 - (2 if match else 0))] + ("" if match else "\u2026"), match))
            break
        out.append((text, match))
        used += cost
    return out


def hit_prompt(hit: Hit, selected: bool, width: int = 80) -> Text:
    """Title over a one-line snippet; each match in [brackets] AND bold reverse (readable without
    colour), the selected result marked with \u25b8."""
    line = Text("\u25b8 " if selected else "  ", style="bold", no_wrap=True, overflow="ellipsis")
    title = printable(hit.title, newlines=False) or "(untitled)"
    line.append(title if len(title) <= width - 2 else title[:width - 3] + "\u2026", style="bold")
    line.append("\n    ")
    where = "  (title or names)" if hit.span is None else ""
    for text, match in fit(hit.snippet, max(10, width - 6 - len(where))):
        line.append(f"[{text}]" if match else text, style="bold reverse" if match else "")
    return line.append(where, style="italic")


class SearchScreen(Screen):
    """A query box over the results; Enter opens the highlighted result at its hit, Esc goes back."""

    AUTO_FOCUS = "#search-query"
    BINDINGS = [k.binding() for k in SEARCH_KEYS]

    def __init__(self, over: str | None = None) -> None:
        """``over``: the title of the briefing this search was opened from (Esc goes back to it)."""
        super().__init__()
        self.over = over
        self.hits: list[Hit] = []
        self.query_text = ""  # the query the shown results are for
        self._timer: Timer | None = None
        self._marked: int | None = None

    def compose(self) -> ComposeResult:
        title = Text("Search the full text", style="bold", no_wrap=True, overflow="ellipsis")
        if self.over is not None:  # say where Esc goes: the reader has not left the article
            over = printable(self.over, newlines=False) or "(untitled)"
            title.append(f" \u00b7 Esc: back to \u201c{over}\u201d", style="italic")
        yield Static(title, id="search-title")
        yield Input(placeholder="Search titles, article text, outlets and names", id="search-query")
        yield Static(Text(HINT, style="italic"), id="search-status")
        yield OptionList(id="search-results", markup=False)
        yield Footer()

    @on(Input.Changed, "#search-query")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._start)

    @on(Input.Submitted, "#search-query")
    def _submitted(self) -> None:
        if self.query_one(Input).value.strip() != self.query_text:  # Enter before the pause: search now
            self._start()
        else:
            self.action_open()

    def _start(self) -> None:
        query = self.query_one(Input).value.strip()
        if not query:
            self._show([], 0, "", Text(HINT, style="italic"))
            return
        self._status(Text("Searching\u2026", style="italic"))
        self._run(query)

    @work(thread=True, exclusive=True, group="search")
    def _run(self, query: str) -> None:
        worker = get_current_worker()

        def building(done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._status, Text(f"Building the search index: {done:,} of "
                                                             f"{total:,} briefings\u2026", style="italic"))
        try:
            hits, total = search(self.app.library, query, limit=LIMIT, progress=building)
        except (BadQuery, StoreError, OSError) as exc:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._show, [], 0, query,
                                          Text(printable(str(exc), newlines=False), style="bold"))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, hits, total, query, None)

    def _status(self, text: Text) -> None:
        self.query_one("#search-status", Static).update(text)

    def _show(self, hits: list[Hit], total: int, query: str, message: Text | None) -> None:
        if query != self.query_one(Input).value.strip():
            return  # typed on meanwhile: the newer query's results are coming
        self.hits, self.query_text = hits, query
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_prompt(h, n == 0, self._width()), id=f"hit-{n}") for n, h in enumerate(hits))
        self._marked = 0 if hits else None
        if hits:
            results.highlighted = 0
        if message is None:
            more = (f" (the newest {len(hits)} shown: too many to rank)" if total > RANKED else
                    f" (the best {len(hits)} shown)") if total > len(hits) else ""
            found = f"{count_text(total)} match{'' if total != 1 else 'es'}{more}"
            message = Text(found, style="bold") if total else \
                Text("No briefing matches. " + HINT.split(" \u00b7 Enter")[0], style="italic")
        self._status(message)

    def _width(self) -> int:
        return (self.query_one(OptionList).size.width or self.app.size.width) - 2  # the option padding

    def on_resize(self) -> None:
        """Snippets are fitted to the width: refit them."""
        if self.hits:
            results = self.query_one(OptionList)
            for n, h in enumerate(self.hits):
                results.replace_option_prompt_at_index(n, hit_prompt(h, n == self._marked, self._width()))

    @on(OptionList.OptionHighlighted, "#search-results")
    def _move_mark(self, event: OptionList.OptionHighlighted) -> None:
        """Move the \u25b8 mark with the highlight (text, not only colour)."""
        new, old = event.option_index, self._marked
        if new == old or new >= len(self.hits):
            return
        results = self.query_one(OptionList)
        if old is not None and old < len(self.hits):
            results.replace_option_prompt_at_index(old, hit_prompt(self.hits[old], False, self._width()))
        results.replace_option_prompt_at_index(new, hit_prompt(self.hits[new], True, self._width()))
        self._marked = new

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self) -> None:
        self.action_open()

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_open(self) -> None:
        """Open the highlighted result on its Source pane, the hit selected; [ and ] step through the results."""
        index = self.query_one(OptionList).highlighted
        if not self.hits or index is None:
            return
        hit = self.hits[index]
        found = self.query_text
        self.app.open_briefing([h.id for h in self.hits], index, "source" if hit.span else "summary",
                               hit=(hit.span, found) if hit.span else None)

    def action_back(self) -> None:
        self.app.pop_screen()
