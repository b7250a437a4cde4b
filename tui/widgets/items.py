"""A pane of briefing items (summary sentences, figures, casualties, quotes) you move through by keyboard."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefings.model import Casualty, Figure, Quote, SummarySentence
from briefings.render import inline as _t, format_value

from ..keys import ITEM_KEYS
from .hanging import Hanging, Stack



def summary_prompt(s: SummarySentence) -> Text:
    return _t(s.text)


_CURRENCY = re.compile(r"([£$€¥₹])\s?\d")
_PERCENT = re.compile(r"\d\s?(%|per ?cent)", re.IGNORECASE)


def figure_label(f: Figure) -> str:
    """The value as the article means it: "£1.2 billion", "4.5%", "1,100" (the unit is never dropped)."""
    currency = _CURRENCY.search(f.text)
    percent = "%" if _PERCENT.search(f.text) else ""
    return f"{currency.group(1) if currency else ''}{format_value(f.value)}{percent}"


def figure_column(figures: Sequence[Figure]) -> Callable[[Figure], Text]:
    """A figure prompt whose value column is as wide as the widest value of ``figures`` (none is cut)."""
    width = max([9, *(len(figure_label(f)) for f in figures)])

    def prompt(f: Figure) -> Hanging:  # what was counted goes under the text, however it wraps
        value = Text.assemble(_t(f"{figure_label(f):>{width}}", "bold reverse"), "  ")
        return Hanging(value, Text.assemble(_t(f.text, "bold"), "\n", _t(f.counts, "italic")))

    return prompt


def figure_prompt(f: Figure) -> Hanging:
    return figure_column([f])(f)


def casualty_prompt(c: Casualty) -> Text | Stack:
    line = Text.assemble(_t(c.name, "bold"), _t(f", {c.age}" if c.age is not None else ", age unknown"),
                         "  ", _t(f"[{c.status.upper()}]", "bold"))
    return Stack(line, Hanging(Text("  "), _t(c.affiliation, "italic"))) if c.affiliation else line


def quote_prompt(q: Quote) -> Stack:
    """The quote over its speaker; a long role wraps under the speaker's name, not under the quote."""
    who = _t(q.speaker or "unknown speaker", "bold")
    if q.role:
        who.append_text(_t(f", {q.role}", "italic"))
    return Stack(_t(f"\u201c{q.text}\u201d"), Hanging(Text("  \u2014 "), who))


def prefixed(lead: Text, prompt: Text | Hanging | Stack) -> Text | Hanging | Stack:
    """``prompt`` with ``lead`` (the note marker) at the start of its first line."""
    if isinstance(prompt, Stack):
        return Stack(prefixed(lead, prompt.parts[0]), *prompt.parts[1:])
    if isinstance(prompt, Hanging):
        return Hanging(Text.assemble(lead, prompt.lead), prompt.body)
    return Text.assemble(lead, prompt)


class ItemPane(OptionList):
    """Items of one kind; Enter (or a click) asks for the item's evidence."""

    BINDINGS = [k.binding() for k in ITEM_KEYS]

    class EvidenceRequested(Message):
        """The user wants to see where ``item`` came from."""

        def __init__(self, pane: ItemPane, item: Any) -> None:
            super().__init__()
            self.pane = pane
            self.item = item

    def __init__(self, title: str, empty: str, prompt: Callable[[Any], Text], *, id: str,
                 column: Callable[[Sequence[Any]], Callable[[Any], Text]] | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.title = title
        self.empty = empty
        self.prompt = prompt
        self.column = column  # makes a prompt fitted to all the items shown (aligned values)
        self.items: list[Any] = []
        self._marked: int | None = None  # the option drawn with the selection mark
        self.notes: dict[str, int] = {}
        self.border_title = title

    def show(self, items: Sequence[Any], notes: dict[str, int] | None = None) -> None:
        """Replace the pane's items (keeping it present even when empty); ``notes`` counts notes per item id."""
        keep = self.highlighted if self.items and [i.id for i in items] == [i.id for i in self.items] else 0
        self.items = list(items)
        self.notes = notes or {}
        if self.column is not None:
            self.prompt = self.column(self.items)
        self.clear_options()
        self._marked = keep if self.items else None
        if not self.items:
            self.add_option(Option(_t(self.empty, "italic"), disabled=True))
        else:
            self.add_options(Option(self._prompt(item, n == keep), id=item.id or f"item-{n}")
                             for n, item in enumerate(self.items))
            self.highlighted = keep
        noted = sum(1 for i in self.items if self.notes.get(i.id))
        self.border_title = f"{self.title} ({len(self.items)})" + (f" \u270e{noted}" if noted else "")

    def _prompt(self, item: Any, selected: bool = False) -> Hanging:
        """The item behind a selection mark (text, not only colour: monochrome captures show it), with a
        note marker (a symbol and a word) when it has notes; wrapped lines stay under the item's text."""
        mark = Text("\u25b8 " if selected else "  ", style="bold")
        count = self.notes.get(item.id, 0)
        noted = Text(f"\u270e {count} note{'s' if count > 1 else ''}  " if count else "", style="bold italic")
        return Hanging(mark, prefixed(noted, self.prompt(item)))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the selection mark (the screen also hears this event: it is not stopped)."""
        new = event.option_index
        if not self.items or new == self._marked or new >= len(self.items):
            return
        old, self._marked = self._marked, new
        if old is not None and old < len(self.items):
            self.replace_option_prompt_at_index(old, self._prompt(self.items[old]))
        self.replace_option_prompt_at_index(new, self._prompt(self.items[new], True))

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
