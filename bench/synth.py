"""Synthetic briefings of realistic size, written through the project's real store.

Articles of 500-1,500 words with 2-10 figures, 0-6 casualties and 2-15
quotes, each item with a real span into the text. Everything is generated
from a seed, so a library of a given size is the same in every run.
"""

from __future__ import annotations

import random
from pathlib import Path

from briefings.model import Article, Briefing, Casualty, Figure, Quote, SummarySentence, digest
from briefings.store import Library

WORDS = ("council harbour storm minister ferry bridge flood budget talks attack police rescue hospital "
         "village officials residents crews warning report inquiry border convoy river winds power").split()
FIRST = "Ana Tom Lei Mara Jon Dana Kwame Ruth Piotr Grace Owen Nadia Elias Sian Marek Hana".split()
LAST = "Ruiz Brandt Wong Quill Petrov Whitlock Osei Amadi Nowak Obi Pryce Korr Brand Costello Varga Liddell".split()


def article(n: int) -> Briefing:
    rng = random.Random(n)
    words = rng.randint(500, 1500)
    title = " ".join(rng.choice(WORDS).title() for _ in range(rng.randint(5, 10))) + f" ({n})"
    parts, figures, casualties, quotes = [], [], [], []
    pos = 0
    def add(text: str) -> tuple[int, int]:
        nonlocal pos
        start = pos
        parts.append(text)
        pos += len(text) + 1
        return start, start + len(text)
    n_fig, n_cas, n_quo = rng.randint(2, 10), rng.randint(0, 6), rng.randint(2, 15)
    emitted = 0
    while emitted < words:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25))).capitalize() + "."
        emitted += len(sentence.split())
        span = add(sentence)
        if len(figures) < n_fig and rng.random() < 0.2:
            value = rng.randint(2, 5000)
            figures.append(Figure(value, f"{value} {rng.choice(WORDS)}", rng.choice(WORDS), span, f"f-{len(figures):08x}"))
        elif len(casualties) < n_cas and rng.random() < 0.15:
            casualties.append(Casualty(f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(("killed", "injured")),
                                       span, rng.randint(18, 80), None, f"c-{len(casualties):08x}"))
        elif len(quotes) < n_quo and rng.random() < 0.3:
            quotes.append(Quote(sentence, f"{rng.choice(FIRST)} {rng.choice(LAST)}", span, "Minister",
                                f"q-{len(quotes):08x}"))
    text = "\n".join(parts)
    art = Article(title=title, text=text, source=f"/wire/{n:06d}.txt", published=None)
    summary = [SummarySentence(parts[0], (0, len(parts[0])), "s-" + digest(n, size=8))]
    return Briefing(art, summary, figures, casualties, quotes)


def build(root: Path, size: int, batch: int = 1000) -> Library:
    """A library of ``size`` synthetic briefings at ``root`` (kept if it already has them)."""
    library = Library(root)
    have = len(library.entries()) if (root / "library.json").exists() else 0
    for start in range(have, size, batch):
        library.add_many(article(n) for n in range(start, min(size, start + batch)))
    return library


def write_articles(folder: Path, count: int) -> list[Path]:
    """``count`` plain-text articles for the ingest benchmark (real extraction runs on them)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        b = article(10_000_000 + n)
        rng = random.Random(n)
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        extra = (f'\n"We will rebuild the {rng.choice(WORDS)}," said Mayor {name}.\n'
                 f"At least {rng.randint(3, 90)} people were injured and {name}, {rng.randint(20, 70)}, was killed.\n")
        path = folder / f"article-{n:05d}.txt"
        path.write_text(b.article.title + "\n\n" + b.article.text + extra, encoding="utf-8")
        paths.append(path)
    return paths
