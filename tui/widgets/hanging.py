"""A hanging indent for list items: wrapped lines start under the text, not under the mark before it.

Pane items are a selection mark (and a value column for figures) followed by text that wraps
in narrow panes. Wrapped onto the mark's column, a quote's second line reads like a new item
and a speaker line hides among quote lines; :class:`Hanging` keeps every line of the body
indented by the width of its lead.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text


class Hanging:
    """``lead`` on the first line, then ``body`` with all its lines (wrapped or not) indented by the
    lead's width. ``str()`` is the plain text, as for a :class:`~rich.text.Text`."""

    def __init__(self, lead: Text, body: RenderableType) -> None:
        self.lead = lead
        self.body = body

    def __str__(self) -> str:
        return self.lead.plain + str(self.body)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = self.lead.cell_len
        width = max(1, options.max_width - indent)
        lines = console.render_lines(self.body, options.update(width=width, height=None), pad=False)
        lead = list(self.lead.render(console, end=""))
        blank = Segment(" " * indent)
        for n, line in enumerate(lines or [[]]):
            yield from lead if n == 0 else [blank]
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.lead.cell_len
        inner = Measurement.get(console, options.update(width=max(1, options.max_width - indent)), self.body)
        return Measurement(inner.minimum + indent, inner.maximum + indent)


class Stack:
    """Renderables one under another (a quote over its speaker line); ``str()`` joins their plain text."""

    def __init__(self, *parts: RenderableType) -> None:
        self.parts = parts

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.parts)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.parts

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.parts[0]) if len(self.parts) == 1 else Measurement(
            max(Measurement.get(console, options, p).minimum for p in self.parts),
            max(Measurement.get(console, options, p).maximum for p in self.parts))
