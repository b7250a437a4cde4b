"""A pane of briefing items (summary sentences, figures, casualties, quotes) you move through by keyboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefings.model import Casualty, Figure, Quote, SummarySentence
from briefings.render import inline as _t, format_value

from ..keys import ITEM_KEYS



def summary_prompt(s: SummarySentence) -> Text:
    return _t(s.text)


def figure_prompt(f: Figure) -> Text:
    line = Text.assemble(_t(f"{format_value(f.value):>9}", "bold reverse"), "  ", _t(f.text, "bold"))
    return line.append("\n" + " " * 11).append(_t(f.counts, "italic"))


def casualty_prompt(c: Casualty) -> Text:
    line = Text.assemble(_t(c.name, "bold"), _t(f", {c.age}" if c.age is not None else ", age unknown"),
                         "  ", _t(f"[{c.status.upper()}]", "bold"))
    if c.affiliation:
        line.append("\n  ").append(_t(c.affiliation, "italic"))
    return line


def quote_prompt(q: Quote) -> Text:
    line = _t(f"\u201c{q.text}\u201d")
    who = Text("\n  \u2014 ").append(_t(q.speaker or "unknown speaker", "bold"))
    if q.role:
        who.append(_t(f", {q.role}", "italic"))
    return line.append_text(who)


class ItemPane(OptionList):
    """Items of one kind; Enter (or a click) asks for the item's evidence."""

    BINDINGS = [k.binding() for k in ITEM_KEYS]

    class EvidenceRequested(Message):
        """The user wants to see where ``item`` came from."""

        def __init__(self, pane: ItemPane, item: Any) -> None:
            super().__init__()
            self.pane = pane
            self.item = item

    def __init__(self, title: str, empty: str, prompt: Callable[[Any], Text], *, id: str) -> None:
        super().__init__(id=id, markup=False)
        self.title = title
        self.empty = empty
        self.prompt = prompt
        self.items: list[Any] = []
        self.notes: dict[str, int] = {}
        self.border_title = title

    def show(self, items: Sequence[Any], notes: dict[str, int] | None = None) -> None:
        """Replace the pane's items (keeping it present even when empty); ``notes`` counts notes per item id."""
        keep = self.highlighted if self.items and [i.id for i in items] == [i.id for i in self.items] else 0
        self.items = list(items)
        self.notes = notes or {}
        self.clear_options()
        if not self.items:
            self.add_option(Option(_t(self.empty, "italic"), disabled=True))
        else:
            self.add_options(Option(self._prompt(item), id=item.id or f"item-{n}") for n, item in enumerate(self.items))
            self.highlighted = keep
        noted = sum(1 for i in self.items if self.notes.get(i.id))
        self.border_title = f"{self.title} ({len(self.items)})" + (f" \u270e{noted}" if noted else "")

    def _prompt(self, item: Any) -> Text:
        """The item, with a note marker (a symbol and a word, not a colour) when it has notes."""
        count = self.notes.get(item.id, 0)
        if not count:
            return self.prompt(item)
        mark = Text(f"\u270e {count} note{'s' if count > 1 else ''}  ", style="bold italic")
        return mark.append_text(self.prompt(item))

    @property
    def current(self) -> Any | None:
        """The highlighted item, if any."""
        index = self.highlighted
        return self.items[index] if self.items and index is not None and index < len(self.items) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        item = self.current
        if item is not None:
            self.post_message(self.EvidenceRequested(self, item))
