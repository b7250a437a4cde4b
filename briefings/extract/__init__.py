"""Extraction: from an article's text to its briefing. Offline, deterministic, pure.

One module per kind (summary, figures, casualties, quotes); this module runs
them in the order that lets each use the others' findings: people first
(names, titles, all in the shared
:class:`Document`), then casualties (so their ages are not figures and the dead
are not taken for speakers), then quotes, figures and the summary.
"""

from __future__ import annotations

from ..model import Article, Briefing
from .casualties import find_casualties
from .figures import find_figures
from .document import Document, analyse
from .quotes import find_quotes
from .summary import summarise

__all__ = ["Document", "analyse", "extract"]


def _unique_ids(items) -> None:
    """Make ids unique within a briefing, keeping the first occurrence's id unchanged."""
    seen: dict[str, int] = {}
    for item in items:
        n = seen.get(item.id, 0)
        seen[item.id] = n + 1
        if n:
            item.id = f"{item.id}-{n + 1}"


def extract(article: Article) -> Briefing:
    """Derive the briefing of ``article``; never raises on any text."""
    text = article.text
    doc = analyse(text)  # the shared layer: paragraphs, sentences, quotations, people, mentions
    paras, regions, sents, people = doc.paragraphs, doc.quotes, doc.sentences, doc.people
    casualties = find_casualties(text, sents, people, doc.quoted)
    quotes = find_quotes(text, sents, paras, regions, people, doc)
    figures = find_figures(text, sents, skip=[c.span for c in casualties])
    summary = summarise(text, sents, regions)
    briefing = Briefing(article=article, summary=summary, figures=figures, casualties=casualties, quotes=quotes)
    _unique_ids(briefing.items())
    return briefing
