"""Lead-based summary: news puts the point first.

The first real sentence always leads. Up to two more are chosen for what a
lead leaves for later: the toll, who is blamed, what the other side says,
what happens next; each must add words the summary does not have yet. Bare
quotes, headlines, datelines and boilerplate are never chosen. At most three
sentences and about 90 words, in article order.
"""

from __future__ import annotations

import re

from ..model import SummarySentence, digest
from .text import Region

MAX_WORDS = 90
# What a lead leaves for later: the toll, the blame, the other side, the cause.
STRONG = re.compile(r"\b(?:killed|died|dead|injured|wounded|missing|blamed|blames|denied|denies|accused|"
                    r"responsible|rejected|not seeking|comes after|came after|in response to|arrested|"
                    r"charged|evacuated|destroyed)\b", re.I)
# What happens next: weaker, since every sentence of a plan story has them.
WEAK = re.compile(r"\b(?:will|plans?|expected|approved|announced|ordered|agreed|vowed|warned)\b", re.I)
BOILERPLATE = re.compile(r"^(?:follow us|share|related|read more|sign up|copyright|©|advertisement|click here)",
                         re.I)
NUMBERISH = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\b", re.I)
STOP = frozenset("the a an of in on at to for and or by with from as is was were be been has have had its it that "
                 "this which who said says".split())


def _words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", s.lower())


def _candidates(text: str, sents: list[tuple[int, int]], regions: list[Region]):
    for i, (s, e) in enumerate(sents):
        sentence = text[s:e]
        n = len(_words(sentence))
        if n < 6 or BOILERPLATE.match(sentence) or not re.search(r"[.!?\u201d\"'\u2019]$", sentence.strip()):
            continue  # headlines, datelines, fragments
        quoted = sum(min(r.end, e) - max(r.start, s) for r in regions if r.start < e and r.end > s)
        if quoted > 0.4 * (e - s) or sentence.lstrip()[:1] in "\"\u201c\u2018'":
            continue  # a bare quote is not a summary
        yield i, s, e, n


def summarise(text: str, sents: list[tuple[int, int]], regions: list[Region]) -> list[SummarySentence]:
    """Up to three sentences, about 90 words, in article order."""
    cands = list(_candidates(text, sents, regions))
    if not cands:
        return []
    lead = cands[0]
    chosen = [lead]
    words = set(_words(text[lead[1]:lead[2]])) - STOP
    budget = MAX_WORDS - lead[3]
    # Features of each candidate, computed once; only novelty depends on what is already chosen.
    features = {}
    for c in cands[1:]:
        i, s, e, n = c
        if i - lead[0] >= 30:
            break
        sentence = text[s:e]
        position = 1.0 / (1 + 0.15 * (i - lead[0]))
        cue = 0.4 * min(len(STRONG.findall(sentence)), 2) + 0.1 * min(len(WEAK.findall(sentence)), 2)
        figure = 0.2 if NUMBERISH.search(sentence) else 0.0
        features[c] = (set(_words(sentence)) - STOP, position + cue + figure - (0.6 if n > 40 else 0.0))
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
