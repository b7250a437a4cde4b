"""The shared analysis of one article: every extractor reads this instead of re-scanning.

``analyse(text)`` returns a :class:`Document` with, all as character offsets
into ``text``:

* ``paragraphs`` and ``sentences`` (``(start, end)`` spans; a sentence never
  ends inside a quotation),
* ``quotes``: quotation regions (:class:`~briefings.extract.text.Region`),
  British single quotes included, quotes left open across paragraphs joined,
  and quotes nested inside them listed in ``Region.nested``,
* ``people``: the person registry (names split from titles, short forms),
* ``mentions`` and ``chains`` (computed on first use): people, organisations,
  descriptive sources ("a senior official", "police") and pronouns, grouped
  into coreference chains by :mod:`briefings.extract.coref`.

Example::

    doc = analyse(text)
    for s, e in doc.sentences: ...
    doc.quote_at(pos)            # the quotation containing pos, or None
    doc.refers_to(pos)           # the Chain a mention starting at pos belongs to

Everything here runs in time linear in the text: each pattern is anchored or
bounded, and lookups by position are binary searches.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property

from .names import People
from .text import Region, _scan, paragraphs, quote_regions, quote_style, sentences

Span = tuple[int, int]

__all__ = ["Chain", "Document", "Mention", "Region", "Span", "analyse"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to someone or something: ``text[start:end]``.

    ``kind`` is ``"person"`` (a name, full or short), ``"org"`` (a named
    organisation or acronym), ``"description"`` ("a senior official",
    "police", "the ministry") or ``"pronoun"``. ``quoted`` is true inside a
    quotation: there "I" and "we" are the speaker and "he" is someone else.
    """

    start: int
    end: int
    text: str
    kind: str
    sentence: int
    quoted: bool = False


@dataclass(slots=True)
class Chain:
    """One entity and every mention that refers to it, in document order.

    ``name`` is the fullest form (a person's full name as first introduced,
    or a description such as "a senior official"); ``role`` the title kept
    apart from the name; ``gender`` is ``"m"``, ``"f"`` or ``None`` (unknown).
    """

    name: str
    kind: str
    role: str | None = None
    gender: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.mentions[0].start if self.mentions else -1


class Document:
    """Paragraphs, sentences, quotations, people, mentions and chains of one text."""

    def __init__(self, text: str):
        self.text = text
        self.paragraphs: list[Span] = paragraphs(text)
        self.style = quote_style(text)
        self.quotes: list[Region] = _with_nested(text, quote_regions(text, self.paragraphs, self.style), self.style)
        self.sentences: list[Span] = sentences(text, self.quotes) or [(0, len(text))]
        self.people = People(text)
        # Where each person is named, before extractors record speech events in the registry.
        self.person_positions: list[tuple[int, int]] = list(self.people._timeline)
        self._sent_starts = [a for a, _ in self.sentences]
        self._para_starts = [a for a, _ in self.paragraphs]
        self._quote_starts = [r.start for r in self.quotes]

    # -- positions -------------------------------------------------------
    def sentence_index(self, pos: int) -> int:
        """Index of the sentence containing (or last starting before) ``pos``."""
        return max(bisect_right(self._sent_starts, pos) - 1, 0)

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph containing (or last starting before) ``pos``; -1 for none."""
        return bisect_right(self._para_starts, pos) - 1

    def quote_at(self, pos: int) -> Region | None:
        """The quotation whose inner text contains ``pos`` (multi-paragraph quotes included)."""
        k = bisect_right(self._quote_starts, pos) - 1
        if k < 0:
            return None
        r = self.quotes[k]
        if any(a <= pos < b for a, b in r.parts):
            return r
        return None

    def quoted(self, pos: int) -> bool:
        return self.quote_at(pos) is not None

    # -- mentions and coreference (lazy: not every caller needs them) -----
    @cached_property
    def mentions(self) -> list[Mention]:
        """Every mention in document order (see :class:`Mention`)."""
        from .coref import find_mentions
        return find_mentions(self)

    @cached_property
    def chains(self) -> list[Chain]:
        """Coreference chains in order of first mention."""
        from .coref import resolve
        return resolve(self, self.mentions)

    @cached_property
    def _chain_by_start(self) -> dict[int, Chain]:
        return {m.start: c for c in self.chains for m in c.mentions}

    def refers_to(self, pos: int) -> Chain | None:
        """The chain of the mention starting at ``pos`` ("he" at pos -> Joe Biden's chain)."""
        return self._chain_by_start.get(pos)

    def chain_named(self, name: str) -> Chain | None:
        """The chain whose name is ``name`` (case-insensitive), if any."""
        low = name.lower()
        return next((c for c in self.chains if c.name.lower() == low), None)


_SINGLE_MARKS = re.compile("['\u2018\u2019]")
_DOUBLE_MARKS = re.compile("[\"\u201c\u201d]")


def _with_nested(text: str, regions: list[Region], style: str) -> list[Region]:
    """Record quotes inside quotes: single marks inside double ones (double inside British single)."""
    inner_style = "single" if style == "double" else "double"
    marks = _SINGLE_MARKS if inner_style == "single" else _DOUBLE_MARKS
    out = []
    for r in regions:
        nested: list[Span] = []
        for a, b in r.parts:
            if marks.search(text, a, b):  # cheap test first: most quotes hold none
                pairs, _ = _scan(text, a, b, inner_style)
                nested.extend(pairs)
        out.append(replace(r, nested=tuple(nested)) if nested else r)
    return out


def analyse(text: str) -> Document:
    """Analyse ``text`` once; never raises on any input."""
    return Document(text)

