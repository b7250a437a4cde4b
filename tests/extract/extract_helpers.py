"""Build briefings from literal text in tests."""

from briefings.extract import extract
from briefings.model import Article, Briefing


def brief(text: str) -> Briefing:
    """Extract from ``text`` and check every span points inside it."""
    b = extract(Article(title="t", text=text))
    for item in b.items():
        start, end = item.span
        assert 0 <= start <= end <= len(text), item
    return b
