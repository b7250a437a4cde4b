"""Inputs that once made extraction hang: sane output on small ones, and no hang on larger ones.

Time is not asserted (it depends on the machine); bench/extract_scaling.py prints
the growth ratios. Here the small cases check what comes out, and one
subprocess runs the 40 KB versions under a generous timeout purely as a hang
guard: the quadratic versions of these patterns took minutes at that size.
"""

import subprocess
import sys
import textwrap

from extract_helpers import brief

from briefings.extract.document import analyse
from briefings.ingest import load_text

SHAPES = {
    "capitalised token": lambda n: "A" * n,
    "capitalised word": lambda n: "A" + "b" * (n - 1),
    "he said": lambda n: "he said " * (n // 8),
    "name said": lambda n: "Ab Cd said " * (n // 11),
    "Ab runs": lambda n: "Ab " * (n // 3),
    "initial runs": lambda n: "A. " * (n // 3),
}


def test_junk_shapes_give_no_people_quotes_or_casualties():
    for name, make in SHAPES.items():
        b = brief(make(3000))
        assert b.quotes == [] and b.casualties == [], name
        assert len(b.summary) <= 5, name


def test_initial_runs_are_not_a_thousand_sentences_of_people():
    doc = analyse("A. " * 1000)
    assert len(doc.people.persons) == 0
    assert len(doc.mentions) <= 1000  # at most one mention per token: nothing multiplies


def test_he_said_runs_resolve_to_nobody_and_mentions_stay_proportional():
    doc = analyse("he said " * 500)
    assert len(doc.mentions) == 500
    assert doc.chains == []


def test_html_character_references_are_decoded_once():
    article = load_text("<html><body><p>" + "&amp;" * 2000 + " and &#8220;ok&#8221;</p></body></html>", kind="html",
                        require_prose=False)
    assert article.text.count("&") == 2000 and "\u201cok\u201d" in article.text


def test_large_shapes_do_not_hang():
    code = textwrap.dedent("""
        from briefings.extract import extract
        from briefings.ingest import load_text
        from briefings.model import Article
        n = 40_000
        for text in ["A" * n, "A" + "b" * n, "he said " * (n // 8), "Ab Cd said " * (n // 11),
                     "Ab " * (n // 3), "A. " * (n // 3), '"x," he said ' * (n // 14)]:
            extract(Article(title="t", text=text))
        extract(load_text("<p>" + "&amp;" * (n // 5) + "</p>", kind="html", require_prose=False))
        print("ok")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240, check=True)
    assert out.stdout.strip() == "ok"


class _CountingPattern:
    """A compiled pattern that counts the characters it is asked to search."""

    def __init__(self, pattern):
        self.pattern, self.scanned = pattern, 0

    def finditer(self, text, *args):
        self.scanned += len(text)
        return self.pattern.finditer(text, *args)


def test_quote_marks_everywhere_are_read_in_linear_work(monkeypatch):
    # A text made of quote marks is one endless "sentence" with a quotation every few characters:
    # looking for each quotation's subject from the sentence start scanned the whole head again
    # every time (quadratic; 16x the text took 190x the time).
    import random

    from briefings.extract import unattributed

    rng = random.Random(7)
    text = "".join(rng.choice("\"'\u201c\u201d\u2018\u2019 ab") for _ in range(12_000))
    counter = _CountingPattern(unattributed.CLAUSE_SUBJECT)
    monkeypatch.setattr(unattributed, "CLAUSE_SUBJECT", counter)
    b = brief(text)
    assert b.casualties == [] and all(q.speaker is None or q.speaker.strip() for q in b.quotes)
    assert counter.scanned <= 2 * len(text), counter.scanned
