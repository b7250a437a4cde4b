"""Small fictional briefings for the search tests (a module of its own: every test folder has a conftest)."""

from __future__ import annotations

from briefings.model import Article, Briefing, Quote


def story(tag: str, body: str, *, title: str | None = None, speaker: str = "Mayor Ilsa Brandt") -> Briefing:
    """A fictional briefing whose id depends on ``tag`` and ``body``."""
    text = f"Report {tag} from the river town of Vellmar.\n\n{body}\n\n\"We will rebuild,\" said {speaker}."
    start = text.index("We will")
    return Briefing(Article(title or f"Vellmar report {tag}", text, source=f"fixtures/{tag}.txt",
                            outlet="Vellmar Courier"),
                    quotes=[Quote("We will rebuild,", speaker, (start, start + 16), id="q1")])
