"""Paragraphs, quotation regions and sentences, all as character offsets.

Quotation regions are found before sentences so that a full stop inside a
quote ("Stop. Now," she said.) does not end the sentence around it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .lexicon import ABBREVIATIONS

DOUBLE_OPEN, DOUBLE_CLOSE = "\u201c", "\u201d"
SINGLE_OPEN, SINGLE_CLOSE = "\u2018", "\u2019"
# An apostrophe that opens an elision ('90s, 'em, rock 'n' roll), not a quote.
ELISION = re.compile(r"(?:\d0s|em|n|til|cause|tis|twas|bout)\b", re.I)
ATTRIBUTION_AFTER = re.compile(r"\s*(?:he|she|they|[A-Z]\w+)\s+(?:said|says|added|told)\b")


@dataclass(frozen=True, slots=True)
class Region:
    """Text inside quotation marks: ``start``/``end`` exclude the marks.

    ``parts`` lists the inner ranges when a quote runs over paragraphs;
    ``nested`` the inner ranges of quotes inside this one (filled in by
    :mod:`briefings.extract.document`).
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    closed: bool = True
    nested: tuple[tuple[int, int], ...] = ()


def outer(text: str, r: Region) -> tuple[int, int]:
    """``r`` with its quote marks: one character each, two for archive-style ``''``."""
    start = r.start - (2 if text[max(r.start - 2, 0):r.start] == "''" else 1)
    end = r.end + (2 if text[r.end:r.end + 2] == "''" else 1)
    return max(start, 0), min(end, len(text))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of non-empty lines (the ingest step puts one paragraph per line)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _is_opener(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{\u2014\u2013-/\"\u201c") and not nxt.isspace()


def _is_closer(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-\"\u201d")


def _single_closer(text: str, i: int, end: int) -> bool:
    """A closing single quote, not an apostrophe (don't, the passengers' families)."""
    if not _is_closer(text, i):
        return False
    prev = text[i - 1]
    if prev in ",.!?;:\u2014\u2013-":
        return True
    if (text[i - 2:i] == "in" or re.match(r"\s'n", text[i - 3:i])) and text[i + 1:i + 2] == " " \
            and text[i + 2:i + 3].islower():
        return False  # rock 'n' roll, singin' along: an elision inside the quote
    if prev in "sS" and text[i + 1:i + 2] == " " and i + 2 < end and text[i + 2].islower():
        # "the passengers' families": possessive, unless an attribution follows.
        return bool(ATTRIBUTION_AFTER.match(text, i + 1, end))
    return True


NEXT_MARK = {"double": re.compile("[\"\u201c\u201d']"), "single": re.compile("['\u2018\u2019]")}


def _scan(text: str, start: int, end: int, style: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pair quote marks of one ``style`` inside a paragraph.

    Returns closed inner ranges and the inner start of a quote left open at
    the paragraph end (a quote continuing in the next paragraph), if any.
    """
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    i = start
    marks = "\"\u201c\u201d" if style == "double" else "'\u2018\u2019"
    candidates = NEXT_MARK[style]
    while i < end:
        found = candidates.search(text, i, end)  # jump to the next mark: the loop runs per mark, not per character
        if found is None:
            break
        i = found.start()
        ch = text[i]
        if style == "double" and ch == "'" and i + 1 < end and text[i + 1] == "'":
            # Archive copy writes a double quote as two apostrophes (''Yes,'' she said).
            if i + 2 < end and text[i + 2] == "'" and open_at is not None:
                i += 1  # the first closes a quote nested inside: the pair after it closes this one
                continue
            before = text[i - 1] if i > start else " "
            after = text[i + 2] if i + 2 < end else " "
            if open_at is None and (before.isspace() or before in "([{\u2014\u2013-/") and not after.isspace():
                open_at = i + 2
            elif open_at is not None and not before.isspace():
                if i > open_at:
                    pairs.append((open_at, i))
                open_at = None
            i += 2
            continue
        if ch in marks:
            if open_at is None:
                opening = ch in (DOUBLE_OPEN, SINGLE_OPEN) or (
                    ch in "\"'" and _is_opener(text, i))
                if opening and not (style == "single" and ELISION.match(text, i + 1, end)):
                    open_at = i + 1
            elif (ch == DOUBLE_OPEN or ch == SINGLE_OPEN) and (_is_closer(text, i) or not text[i + 1:end].strip()):
                # '\u201cIt is unusual,\u201c said Ann' / '... see that. \u201c' at a paragraph end: web copy
                # typed the opening mark where the closing one belongs.
                if i > open_at:
                    pairs.append((open_at, i))
                open_at = None
            elif ch == DOUBLE_OPEN or ch == SINGLE_OPEN:
                open_at = i + 1  # a new opener while open: the earlier one was stray
            elif style == "double" or _single_closer(text, i, end):
                if i > open_at:
                    pairs.append((open_at, i))
                open_at = None
        i += 1
    return pairs, open_at


DOUBLE_OPENER = re.compile(r"(?:[\u201c\"]|\'\')(?=\w)")
# A single mark before a capital, at a line start or after a space, bracket or dash. The mark comes first
# and the look behind it after, so the search jumps from mark to mark instead of trying every position.
SINGLE_OPENER = re.compile(r"[\u2018'](?<![^\s(\u2014][\u2018'])(?=[A-Z])")


def quote_style(text: str) -> str:
    """``"single"`` for British copy that quotes speech in single marks, else ``"double"``."""
    doubles = len(DOUBLE_OPENER.findall(text))
    singles = len(SINGLE_OPENER.findall(text))
    return "single" if singles > doubles else "double"


def quote_regions(text: str, paras: list[tuple[int, int]] | None = None, style: str | None = None) -> list[Region]:
    """Top-level quotations, including ones that run over several paragraphs.

    A paragraph that opens a quote without closing it continues in the next
    paragraph when that one opens with a quote mark (the news convention).
    """
    style = quote_style(text) if style is None else style  # the caller may have read it already
    paras = paragraphs(text) if paras is None else paras
    regions: list[Region] = []
    carry: list[tuple[int, int]] = []
    for n, (ps, pe) in enumerate(paras):
        pairs, open_at = _scan(text, ps, pe, style)
        if carry:
            opens_here = ps < pe and text[ps] in "\"'\u201c\u2018"
            if opens_here and pairs and pairs[0][0] == ps + 1:
                head = pairs.pop(0)
                parts = (*carry, head)
                regions.append(Region(parts[0][0], head[1], parts))
                carry = []
            elif opens_here and open_at == ps + 1:
                carry.append((ps + 1, pe))
                continue
            else:  # never closed: keep it as a quote ending with its paragraph
                regions.append(Region(carry[0][0], carry[-1][1], tuple(carry), closed=False))
                carry = []
        regions.extend(Region(a, b, ((a, b),)) for a, b in pairs)
        if open_at is not None:  # may continue in the next paragraph
            carry = [(open_at, pe)]
    if carry:
        regions.append(Region(carry[0][0], carry[-1][1], tuple(carry), closed=False))
    regions.sort(key=lambda r: r.start)
    return regions


SENTENCE_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")


def sentences(text: str, regions: list[Region] | None = None) -> list[tuple[int, int]]:
    """Sentence spans: never split inside a quotation, after an abbreviation or an initial."""
    regions = quote_regions(text) if regions is None else regions
    inside = sorted((r.start, r.end) for r in regions if r.closed)
    starts = [a for a, _ in inside]
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text):
        start = ps
        for m in SENTENCE_END.finditer(text, ps, pe):
            cut = m.end()
            k = bisect_left(starts, m.start()) - 1  # the last quote opening before this full stop
            if k >= 0 and m.start() < inside[k][1] - 1:
                continue
            if m.group()[0] == "." and _abbreviation_before(text, m.start(), start):
                continue
            out.append((start, cut))
            start = cut
            while start < pe and text[start].isspace():
                start += 1
        if start < pe:
            out.append((start, pe))
    return out


def _abbreviation_before(text: str, dot: int, floor: int) -> bool:
    word = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(floor, dot - 12):dot])
    if not word:
        return False
    w = word.group(1)
    if INITIALS.fullmatch(w):  # "Rep. T.J. Wexford": dotted initials, unless a sentence plainly starts after them
        nxt = re.match(r"\s+([A-Z][a-z]*)", text[dot + 1:dot + 24])
        return bool(nxt) and nxt.group(1) not in SENTENCE_OPENERS
    return len(w) == 1 and w.isupper() or w.lower().rstrip(".") in ABBREVIATIONS


INITIALS = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]")
# Words that start a new sentence far more often than they continue a name after initials.
SENTENCE_OPENERS = frozenset("The He She It They We I You But And A An In On At This That These Those His Her Their "
                             "Its Our There Then So If When While After Before As Still Yet".split())
