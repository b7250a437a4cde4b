"""Markdown export of a briefing, each item cited with the sentence it came from."""

from __future__ import annotations

import re

from .extract.text import sentences
from .model import Briefing
from .safe import printable

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md(text: object) -> str:
    """Inline Markdown-safe text: special characters escaped, no control characters, one line."""
    return _MD_SPECIAL.sub(r"\\\1", printable("" if text is None else text, newlines=False))


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


def to_markdown(b: Briefing) -> str:
    """The briefing as a Markdown document."""
    art, cite = b.article, _Citer(b.article.text)
    out = [f"# {md(art.title) or 'Untitled'}", ""]
    meta = [f"Source: {md(art.source)}" if art.source else "", f"Published: {md(art.published)}" if art.published else "",
            f"Briefing: `{b.id}`"]
    out += [" · ".join(m for m in meta if m), "", "## Summary", ""]
    out += [md(" ".join(s.text for s in b.summary)) or "_No summary._", "", "## Key figures", ""]
    for f in b.figures:
        out += [f"- **{md(f.text)}**: {md(f.counts)}", f"  > {md(cite(f.span))}"]
    out += (["_No key figures in this article._"] if not b.figures else []) + ["", "## Casualties", ""]
    for c in b.casualties:
        details = ", ".join(x for x in (str(c.age) if c.age is not None else "", c.status, c.affiliation or "") if x)
        out += [f"- **{md(c.name)}** ({md(details)})", f"  > {md(cite(c.span))}"]
    out += (["_No named casualties in this article._"] if not b.casualties else []) + ["", "## Quotes", ""]
    for q in b.quotes:
        who = md(q.speaker or "unknown speaker") + (f", {md(q.role)}" if q.role else "")
        out += [f"- \u201c{md(q.text)}\u201d \u2014 **{who}**", f"  > {md(cite(q.span))}"]
    out += (["_No attributed quotes in this article._"] if not b.quotes else []) + [""]
    return "\n".join(out)
