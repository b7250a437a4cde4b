"""Lead-based summary: news puts the point first.

The first real sentence always leads. Up to two more are chosen for what a
lead leaves for later: the toll, who is blamed, what the other side says,
what happens next; each must add words the summary does not have yet. Bare
quotes, headlines, datelines and boilerplate are never chosen. At most three
sentences and about 90 words, in article order.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import SummarySentence, digest
from .text import Region

MAX_WORDS = 90
# What a lead leaves for later: the toll, the blame, the other side, the cause. Counted on the
# sentence's words (a set lookup each), the few phrases with one small pattern.
STRONG_WORDS = frozenset("killed died dead injured wounded missing blamed blames denied denies accused responsible "
                         "rejected arrested charged evacuated destroyed".split())
STRONG_PHRASES = re.compile(r"\b(?:not seeking|comes after|came after|in response to)\b")
# What happens next: weaker, since every sentence of a plan story has them.
WEAK_WORDS = frozenset("will plan plans expected approved announced ordered agreed vowed warned".split())
BOILERPLATE = re.compile(r"^(?:follow us|share|related|read more|sign up|copyright|©|advertisement|click here)",
                         re.I)
NUMBERISH = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\b")  # on lower case
STOP = frozenset("the a an of in on at to for and or by with from as is was were be been has have had its it that "
                 "this which who said says".split())


# How far after the lead a sentence may still be chosen (in sentences): the point comes first.
REACH = 30
SENTENCE_END_MARKS = ".!?\u201d\"'\u2019"
WORD = re.compile(r"[a-z0-9]+")


def _words(s: str) -> list[str]:
    return WORD.findall(s.lower())


def _cues(tokens: list[str], vocabulary: frozenset[str], sentence: str = "", phrases: re.Pattern[str] | None = None) -> int:
    """How many cue words (and phrases) a sentence has."""
    found = sum(1 for t in tokens if t in vocabulary)
    return found + (len(phrases.findall(sentence.lower())) if phrases is not None else 0)


def _quoted(regions: list[Region], starts: list[int], s: int, e: int) -> int:
    """Characters of ``[s, e)`` inside quotations: the regions are sorted and do not overlap, so the
    ones overlapping a sentence are the few just before its end (a bisection, not a scan of all)."""
    quoted, j = 0, bisect_left(starts, e) - 1
    while j >= 0 and regions[j].end > s:
        quoted += min(regions[j].end, e) - max(regions[j].start, s)
        j -= 1
    return quoted


def _candidates(text: str, sents: list[tuple[int, int]], regions: list[Region],
                tokens: dict[int, list[str]] | None = None):
    """Sentences that may be chosen, up to ``REACH`` sentences after the first one (the lead).

    The words of each sentence read are kept in ``tokens`` (by sentence index) for the scoring.
    """
    tokens = {} if tokens is None else tokens
    starts = [r.start for r in regions]
    lead = None
    for i, (s, e) in enumerate(sents):
        if lead is not None and i - lead >= REACH:
            return  # nothing later is ever chosen: stop instead of reading the rest of a long text
        sentence = text[s:e]
        tokens[i] = words = _words(sentence)
        n = len(words)
        if n < 6 or BOILERPLATE.match(sentence) or sentence.rstrip()[-1:] not in SENTENCE_END_MARKS:
            continue  # headlines, datelines, fragments
        if _quoted(regions, starts, s, e) > 0.4 * (e - s) or sentence.lstrip()[:1] in "\"\u201c\u2018'":
            continue  # a bare quote is not a summary
        lead = i if lead is None else lead
        yield i, s, e, n


def summarise(text: str, sents: list[tuple[int, int]], regions: list[Region]) -> list[SummarySentence]:
    """Up to three sentences, about 90 words, in article order."""
    tokens_of: dict[int, list[str]] = {}
    cands = list(_candidates(text, sents, regions, tokens_of))
    if not cands:
        return []
    lead = cands[0]
    chosen = [lead]
    words = set(tokens_of[lead[0]]) - STOP
    budget = MAX_WORDS - lead[3]
    # Features of each candidate, computed once; only novelty depends on what is already chosen.
    features = {}
    for c in cands[1:]:
        i, s, e, n = c
        if i - lead[0] >= REACH:
            break
        sentence = text[s:e]
        tokens = tokens_of[i]
        position = 1.0 / (1 + 0.15 * (i - lead[0]))
        cue = 0.4 * min(_cues(tokens, STRONG_WORDS, sentence, STRONG_PHRASES), 2) + \
            0.1 * min(_cues(tokens, WEAK_WORDS), 2)
        figure = 0.2 if NUMBERISH.search(sentence.lower()) else 0.0
        features[c] = (set(tokens) - STOP, position + cue + figure - (0.6 if n > 40 else 0.0))
    pool = list(features)
    while len(chosen) < 3 and pool:
        pool = [c for c in pool if c[3] <= budget + 5]
        if not pool:
            break

        def score(c):
            content, fixed = features[c]
            return fixed + 0.5 * len(content - words) / max(len(content), 1)

        best = max(pool, key=score)
        pool.remove(best)
        chosen.append(best)
        words |= features[best][0]
        budget -= best[3]
    chosen.sort()
    return [SummarySentence(text=text[s:e].strip(), span=(s, e), id="s-" + digest("summary", text[s:e], size=8))
            for _, s, e, _ in chosen]
