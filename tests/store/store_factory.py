"""Small fictional briefings for the store tests (also imported by writer_child.py)."""

from __future__ import annotations

from briefings.model import Article, Briefing, Casualty, Figure, Quote, SummarySentence


def make_briefing(tag: str, i: int = 0, *, title: str | None = None, words: int = 40) -> Briefing:
    """A briefing whose id depends on ``tag`` and ``i`` (distinct inputs give distinct ids)."""
    lead = f"Dispatch {tag}-{i} from the river town of Vellmar."
    body = " ".join(f"word{k}" for k in range(words))
    quote = '"We will rebuild the bridge," said Mayor Ilsa Brandt.'
    text = f"{lead} Three ferries were lost and Tomas Keel, 52, was injured. {quote} {body}"
    q0, c0 = text.index('"We') + 1, text.index("Tomas Keel")
    return Briefing(
        Article(title or f"Vellmar report {tag} {i}", text, source=f"fixtures/{tag}-{i}.txt",
                published=f"2024-03-0{1 + i % 9}"),
        summary=[SummarySentence(lead, (0, len(lead)))],
        figures=[Figure(3, "Three ferries", "ferries lost", (len(lead) + 1, len(lead) + 14), id="f1")],
        casualties=[Casualty("Tomas Keel", "injured", (c0, c0 + 10), age=52, affiliation=None, id="c1")],
        quotes=[Quote("We will rebuild the bridge,", "Ilsa Brandt", (q0, q0 + 27), role="Mayor", id="q1"),
                Quote("We will", "Ilsa Brandt", (q0, q0 + 7), id="q2")],
    )
