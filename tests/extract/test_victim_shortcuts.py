"""The victim reader's speed shortcuts change nothing it reads.

Before the costly patterns anchored at the end of the words before a name
(FINDING, SUSPECT_BEFORE, OBJECT_HARM) the reader tests for a plain word the
pattern needs (harm.FINDING_WORDS, ...). A word added to a pattern but not to
its word test would hide that phrasing: these tests put every word of each
pattern before a (fictional) name and compare the reading with and without the
word tests.
"""

from __future__ import annotations

import re

import pytest

from briefings.extract import harm, victim_evidence
from briefings.extract.document import analyse
from briefings.extract.victims import read_people


def _words(pattern: re.Pattern[str]) -> list[str]:
    """Every lower-case word written in the pattern (its alternatives, and some filler words)."""
    return sorted(set(re.findall(r"[a-z]{3,}", pattern.pattern)))


def _reading(text: str) -> list[tuple]:
    doc = analyse(text)
    return [(p.name, p.status, p.suspect, p.passive, p.age, p.evidence)
            for p in read_people(text, doc.sentences, doc.quoted)]


def _article(word: str, case: str) -> str:
    lead = {"lower": word, "title": word.title(), "upper": word.upper()}[case]
    return (f"Deputies in Marrowby said the {lead} Tamsin Keld was seen near the ferry. "
            f"Tamsin Keld, 34, later died at Orrin General. Her brother Jory Keld said she loved the coast.")


@pytest.mark.parametrize("pattern", [harm.FINDING, harm.SUSPECT_BEFORE, harm.OBJECT_HARM],
                         ids=["finding", "suspect", "object"])
def test_word_tests_never_hide_a_phrasing(monkeypatch, pattern):
    articles = [_article(w, case) for w in _words(pattern) for case in ("lower", "title", "upper")]
    fast = [_reading(a) for a in articles]
    monkeypatch.setattr(victim_evidence, "may_match", lambda low, words: True)
    slow = [_reading(a) for a in articles]
    assert fast == slow
    # Not vacuous: the pattern's words change what is read about Tamsin Keld in some of these articles.
    assert len({str(r) for r in slow}) > 1


def test_non_ascii_windows_are_left_to_the_pattern():
    # re's case folding reads the long s as "s"; str.lower() does not: the word test must stand aside.
    text = "Officers questioned the \u017fuspect Bram Tollan on Friday. Bram Tollan, 29, lives in Marrowby."
    (name, _, suspect, *_), = _reading(text)
    assert (name, suspect) == ("Bram Tollan", True)
