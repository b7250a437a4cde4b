"""Readable terminal renderings of briefings and library lists (Rich, no Textual).

Everything shown is built from :class:`rich.text.Text` objects, so markup-like
text in an article ("[bold]", "[link=...]") is displayed, never interpreted,
and every string passes through :func:`briefings.safe.printable`.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from .index import Entry
from .model import Briefing
from .safe import printable


def T(value: object, style: str = "", *, newlines: bool = True) -> Text:  # noqa: N802 - reads like a constructor
    """Inert text: never parsed as markup, stripped of escape sequences and control characters."""
    return Text(printable("" if value is None else value, newlines=newlines), style=style)


def inline(value: object, style: str = "") -> Text:
    """:func:`T` on one line (list rows, pane items, headers)."""
    return T(value, style, newlines=False)


def format_value(value: float) -> str:
    """3 -> "3", 1200000 -> "1.2 million", 69e9 -> "69 billion"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def source_label(source: str) -> str:
    """A short name for where a briefing came from: a file's name, a web page's site (its host)."""
    if source.startswith(("http://", "https://")):
        try:
            host = urlsplit(source).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    return source.rsplit("/", 1)[-1]


def briefing_view(b: Briefing) -> RenderableType:
    """The whole briefing: header, summary, figures, casualties, quotes."""
    art = b.article
    byline = f"{art.outlet or ''}{' (' + ', '.join(art.authors) + ')' if art.authors else ''}".strip()
    url = art.url if art.url != art.source else None
    meta = " · ".join(x for x in (byline, art.source, url, art.published, f"id {b.id}") if x)
    parts: list[RenderableType] = [T(art.title, "bold"), T(meta, "dim"), Text("")]
    parts.append(Rule(Text("Summary"), align="left"))
    parts.append(Padding(T(" ".join(s.text for s in b.summary) or "No summary: the article has no full sentences."),
                         (0, 0, 1, 2)))
    parts.append(Rule(Text(f"Key figures ({len(b.figures)})"), align="left"))
    if b.figures:
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 2))
        for f in b.figures:
            table.add_row(T(format_value(f.value), "bold"), T(f.text), T(f.counts, "dim"))
        parts.append(table)
    else:
        parts.append(Padding(T("No key figures in this article."), (0, 0, 0, 2)))
    parts.append(Text(""))
    parts.append(Rule(Text(f"Casualties ({len(b.casualties)})"), align="left"))
    if b.casualties:
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 2))
        for c in b.casualties:
            table.add_row(T(c.name, "bold"), T("" if c.age is None else c.age), T(c.status.upper()),
                          T(c.affiliation or "", "dim"))
        parts.append(table)
    else:
        parts.append(Padding(T("No named casualties in this article."), (0, 0, 0, 2)))
    parts.append(Text(""))
    parts.append(Rule(Text(f"Quotes ({len(b.quotes)})"), align="left"))
    if not b.quotes:
        parts.append(Padding(T("No attributed quotes in this article."), (0, 0, 0, 2)))
    for q in b.quotes:
        who = T(q.speaker or "unknown speaker", "bold")
        if q.role:
            who.append(T(f", {q.role}", "dim"))
        parts.append(Padding(Group(T(f"\u201c{q.text}\u201d"), Text("\u2014 ").append(who)), (0, 0, 1, 2)))
    return Group(*parts)


def library_table(entries: Iterable[Entry]) -> Table:
    """The library list: id, title, source, date and item counts."""
    table = Table(box=None, header_style="bold", pad_edge=False, expand=True)
    for name, kwargs in (("ID", {"width": 8}), ("Title", {"ratio": 3, "min_width": 16}),
                         ("Source", {"ratio": 1, "min_width": 6}), ("Date", {"width": 10}),
                         ("Fig", {"justify": "right", "width": 3}), ("Cas", {"justify": "right", "width": 3}),
                         ("Quo", {"justify": "right", "width": 3})):
        table.add_column(name, overflow="ellipsis", no_wrap=True, **kwargs)
    for e in entries:
        table.add_row(T(e.id[:8], "dim"), T(e.title), T(source_label(e.source)),
                      T(e.published or e.added[:10]), T(e.figures), T(e.casualties), T(e.quotes))
    return table


def notes_table(notes, titles: dict[str, str]) -> Table:
    """Notes: id, briefing, item, first line, date."""
    table = Table(box=None, header_style="bold", pad_edge=False, expand=True)
    for name, kwargs in (("Note", {"width": 24}), ("Briefing", {"ratio": 2, "min_width": 12}),
                         ("Item", {"width": 12}), ("Note text", {"ratio": 3, "min_width": 12}), ("Updated", {"width": 10})):
        table.add_column(name, overflow="ellipsis", no_wrap=True, **kwargs)
    for n in notes:
        table.add_row(T(n.id, "dim"), T(titles.get(n.briefing, f"(missing briefing {n.briefing[:8]})")),
                      T(n.item or "briefing"), T(n.first_line), T(n.updated[:10]))
    return table
