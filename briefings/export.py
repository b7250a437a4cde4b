"""Markdown export of a briefing, each item cited with the sentence it came from."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .attach import place
from .extract.text import sentences
from .model import Briefing, SummarySentence
from .notes import Note
from .safe import printable

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: object) -> str:
    """Inline Markdown-safe text: special characters escaped, no control characters, one line."""
    return _MD_SPECIAL.sub(r"\\\1", printable("" if text is None else text, newlines=False))


def code(text: object) -> str:
    """An inline code span of inert text (ids and other header fields of a note file written by anyone)."""
    return "`" + printable("" if text is None else text, newlines=False).replace("`", "'") + "`"


class _Citer:
    """Finds the sentence(s) around a span, for the evidence line under each item."""

    def __init__(self, text: str):
        self.text = text
        self.sents = sentences(text)

    def __call__(self, span: tuple[int, int]) -> str:
        start, end = span
        covering = [(a, b) for a, b in self.sents if a < max(end, start + 1) and b > start]
        if not covering:
            return self.text[start:end]
        return " ".join(self.text[covering[0][0]:covering[-1][1]].split())


def _quoted_note(note: Note) -> list[str]:
    """A note as an indented block under its item: the analyst's Markdown, kept as written."""
    body = printable(note.body).replace("\r", "")
    return [f"  - Note ({md(note.updated[:10])}, {code(note.id)}):"] + [f"    {line}" if line else "" for line in body.splitlines()]


def to_markdown(b: Briefing, notes: Sequence[Note] = ()) -> str:
    """The briefing as a Markdown document, with each item's evidence and notes."""
    art, cite = b.article, _Citer(b.article.text)
    placed = place(b, list(notes))
    under: dict[str, list[Note]] = {}
    for p in placed:
        if p.item is not None:
            under.setdefault(p.item.id, []).append(p.note)  # type: ignore[attr-defined]

    def notes_for(item) -> list[str]:
        return [line for n in under.get(item.id, []) for line in _quoted_note(n)]

    out = [f"# {md(art.title) or 'Untitled'}", ""]
    meta = [f"Outlet: {md(art.outlet)}" if art.outlet else "",
            f"By: {md(', '.join(art.authors))}" if art.authors else "",
            f"Source: {md(art.source)}" if art.source else "",
            f"URL: {md(art.url)}" if art.url and art.url != art.source else "",
            f"Published: {md(art.published)}" if art.published else "", f"Briefing: `{b.id}`"]
    out += [" · ".join(m for m in meta if m), ""]
    whole = [p.note for p in placed if p.item is None and not p.detached]
    if whole:
        out += ["## Notes on this briefing", ""] + [line for n in whole for line in _quoted_note(n)] + [""]
    out += ["## Summary", ""]
    for sent in b.summary:
        out += [f"- {md(sent.text)}", *notes_for(sent)]
    out += (["_No summary._"] if not b.summary else []) + ["", "## Key figures", ""]
    for f in b.figures:
        out += [f"- **{md(f.text)}**: {md(f.counts)}", f"  > {md(cite(f.span))}", *notes_for(f)]
    out += (["_No key figures in this article._"] if not b.figures else []) + ["", "## Casualties", ""]
    for c in b.casualties:
        details = ", ".join(x for x in (str(c.age) if c.age is not None else "", c.status, c.affiliation or "") if x)
        out += [f"- **{md(c.name)}** ({md(details)})", f"  > {md(cite(c.span))}", *notes_for(c)]
    out += (["_No named casualties in this article._"] if not b.casualties else []) + ["", "## Quotes", ""]
    for q in b.quotes:
        who = md(q.speaker or "unknown speaker") + (f", {md(q.role)}" if q.role else "")
        out += [f"- \u201c{md(q.text)}\u201d \u2014 **{who}**", f"  > {md(cite(q.span))}", *notes_for(q)]
    out += (["_No attributed quotes in this article._"] if not b.quotes else []) + [""]
    detached = [p.note for p in placed if p.detached]
    if detached:
        out += ["## Detached notes", "", "_Their items are no longer in this briefing; the evidence they were "
                "written on is quoted._", ""]
        for n in detached:
            out += [f"- On a {md(n.kind)}: \u201c{md(n.evidence)}\u201d", *_quoted_note(n)]
        out.append("")
    return "\n".join(out)


def item_line(item: object) -> str:
    """An item in one plain line, as a reader would quote it."""
    from .model import Casualty, Figure, Quote

    if isinstance(item, Figure):
        return f"{item.text}: {item.counts}"
    if isinstance(item, Casualty):
        details = ", ".join(x for x in (str(item.age) if item.age is not None else "", item.status,
                                        item.affiliation or "") if x)
        return f"{item.name} ({details})"
    if isinstance(item, Quote):
        who = (item.speaker or "unknown speaker") + (f", {item.role}" if item.role else "")
        return f"\u201c{item.text}\u201d \u2014 {who}"
    return str(getattr(item, "text", item))


def cited_item(b: Briefing, item: object) -> str:
    """An item with its citation (the sentence it came from, the article and the briefing id), for pasting."""
    art = b.article
    where = ", ".join(x for x in (art.title, art.outlet or "", art.url or art.source, art.published or "") if x)
    lines = [item_line(item)]
    span = getattr(item, "span", None)
    if span is not None and not isinstance(item, SummarySentence):  # a summary sentence is its own evidence
        lines.append(f"> {' '.join(_Citer(art.text)(span).split())}")
    lines.append(f"Source: {where} (briefing {b.id[:10]})")
    return printable("\n".join(lines))


def to_json_bytes(b: Briefing) -> bytes:
    """The briefing in the JSON contract (schema 1), as ``briefing show --json`` prints it."""
    import orjson

    return orjson.dumps(b.to_dict(), option=orjson.OPT_INDENT_2) + b"\n"


def notes_markdown(notes: Sequence[Note], titles: dict[str, str]) -> str:
    """A list of notes as Markdown, grouped by briefing."""
    out = ["# Notes", ""]
    for briefing_id in dict.fromkeys(n.briefing for n in notes):
        out += [f"## {md(titles.get(briefing_id, '(briefing not in the library)'))} ({code(briefing_id)})", ""]
        for n in (n for n in notes if n.briefing == briefing_id):
            target = f"{md(n.kind)} {code(n.item)}: \u201c{md(n.evidence[:120])}\u201d" if n.item else "the whole briefing"
            out += [f"- On {target}", *_quoted_note(n)]
        out.append("")
    return "\n".join(out) + ("_No notes._\n" if not notes else "")
