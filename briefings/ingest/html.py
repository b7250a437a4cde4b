"""HTML pages to article text with the stdlib parser: keep the story, drop the page around it.

The parser is iterative; our own element stack is capped at ``MAX_DEPTH`` so
hostile nesting costs neither recursion nor unbounded memory.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from .clean import iso_date
from .meta import json_ld_date

MAX_DEPTH = 512
_MAX_JSON_LD = 256 * 1024  # characters of JSON-LD kept per block: metadata, not a payload
_MAX_BROKEN = 8  # unterminated tags tolerated before the rest of the page is read as text
_STRAY_LT = re.compile(r"<(?![A-Za-z/!?])")  # a "<" that html.parser would pass on as text anyway
_SKIP = frozenset("script style noscript template svg math nav footer aside form button iframe figure "
                  "figcaption select textarea object canvas video audio title".split())
_BLOCK = frozenset("p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote br hr tr table section article "
                   "main pre header footer address details summary center fieldset caption".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
# Blocks that implicitly end an open <p> (as browsers do), so a skipped <p> cannot swallow the page.
_CLOSES_P = _BLOCK - {"br", "hr", "tr", "caption"}
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
# Class/id words of page furniture; "shared..." is content, so "share" is matched as a word.
_FURNITURE = re.compile(r"(?:^|[^a-z])(?:cookie|banner|share(?!d|holder)|sharing|related|newsletter|advert"
                        r"|promo|social|subscribe(?!r)|ad(?=$|[^a-z]))", re.I)
_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
_NEVER_SKIPPED = frozenset({"html", "body", "main", "article"})  # a class there says nothing about text
# Where the publication date can be, best first.
_DATE_KEYS = {"article:published_time": 0, "og:published_time": 1, "datepublished": 2, "pubdate": 4,
              "publishdate": 4, "publish-date": 4, "date": 4, "dc.date.issued": 4, "parsely-pub-date": 4}


@dataclass(slots=True)
class _Buffer:
    """One candidate body (the document, an <article>, a <main>): a range of the shared stream.

    Candidates nest like the elements that open them, and while any is open nothing is
    skipped for one but not another, so each one's text is a contiguous slice of the
    one stream of text events (minus its own title). That keeps time and memory linear
    however many candidates are open: no event is copied into every open candidate.
    """

    start: int
    end: int | None = None
    title: str | None = None  # its first <h1>, taken out of its text
    h1: tuple[int, int] | None = None  # where that <h1> sits in the stream (start, end)

    def text(self, stream: list[str]) -> str:
        end = len(stream) if self.end is None else self.end
        if self.h1 is None:
            return "".join(stream[self.start:end])
        return "".join(stream[self.start:self.h1[0]]) + "".join(stream[self.h1[1]:end])

    def weight(self, solid: list[int]) -> int:
        """Non-space characters in its text (``solid`` is the running count per stream part)."""
        def upto(i: int) -> int:
            return solid[i - 1] if i > 0 else 0
        end = len(solid) if self.end is None else self.end
        total = upto(end) - upto(self.start)
        return total - (upto(self.h1[1]) - upto(self.h1[0]) if self.h1 else 0)


class _Parser(HTMLParser):
    """Collects the text of the document and of each <article>/<main>, minus page furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, _Buffer | None]] = []  # (tag, skipped, buffer it opened)
        self.open_tags: Counter[str] = Counter()  # names on the stack: a stray end tag is found in O(1)
        self.stream: list[str] = []  # every text event outside skipped elements, in order
        self.solid: list[int] = []  # running count of non-space characters, per stream part
        self.overflow = 0  # elements deeper than MAX_DEPTH, counted but not tracked
        self.skipping = 0
        self.articles = 0
        self.pre = 0
        self.root = _Buffer(0)
        self.open: list[_Buffer] = [self.root]  # nested: the innermost is last
        # Open candidates still without a title: each gets one (its first h1) at most once,
        # so an h1 costs nothing per open candidate. Keyed by id() for O(1) removal.
        self.untitled: dict[int, _Buffer] = {id(self.root): self.root}
        self.h1_start: int | None = None  # stream position of the open, non-skipped <h1>
        self.candidates: dict[str, list[_Buffer]] = {"article": [], "main": []}
        self.doc_title = ""
        self.title_done = False
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] | None = None  # the text of the open <script type="application/ld+json">
        self.json_ld_texts: list[str] = []
        self.dates: dict[int, str] = {}

    def _emit(self, text: str) -> None:
        self.stream.append(text)
        solid = len(text) - text.count(" ") - text.count("\n")
        self.solid.append((self.solid[-1] if self.solid else 0) + solid)

    def _skip(self, tag: str, attrs: dict[str, str]) -> bool:
        if tag in _SKIP or (tag == "header" and not self.articles):  # a page header, not the story's
            return True
        if tag in _NEVER_SKIPPED:
            return False
        style = attrs.get("style", "").replace(" ", "").lower()
        return ("hidden" in attrs or attrs.get("aria-hidden") == "true" or attrs.get("role") in _ROLES
                or "display:none" in style or "visibility:hidden" in style
                or bool(_FURNITURE.search(f"{attrs.get('class', '')} {attrs.get('id', '')}")))

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        self._metadata(tag, attrs)
        if tag == "script" and "ld+json" in attrs.get("type", "").lower() and len(self.json_ld_texts) < 20:
            self.json_ld = []
        if tag in _VOID:
            if tag in _BLOCK and not self.skipping:
                self._emit("\n\n")
            return
        top = self.stack[-1][0] if self.stack and not self.overflow else None
        if (top == "p" and tag in _CLOSES_P) or (top == "li" and tag == "li"):
            self._close()
        if tag in _BLOCK and not self.skipping:
            self._emit("\n\n")
        if len(self.stack) >= MAX_DEPTH:
            self.overflow += 1
            return
        skip = self.skipping > 0 or self._skip(tag, attrs)
        buf = None
        if not skip:
            if tag in self.candidates:
                buf = _Buffer(len(self.stream))
                self.candidates[tag].append(buf)
                self.open.append(buf)
                self.untitled[id(buf)] = buf
            elif tag == "h1" and self.h1_start is None:
                self.h1_start = len(self.stream)
        self.skipping += skip
        self.articles += tag == "article"
        self.pre += tag == "pre"
        self.stack.append((tag, skip, buf))
        self.open_tags[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.json_ld is not None:
            self.json_ld_texts.append("".join(self.json_ld))
            self.json_ld = None
        if self.overflow:
            self.overflow -= 1
        elif self.open_tags[tag]:  # else a stray end tag, ignored
            while self._close() != tag:
                pass
        if not self.skipping and (tag in _BLOCK or tag in ("td", "th")):
            self._emit("\n\n" if tag in _BLOCK else " ")

    def _close(self) -> str:
        tag, skip, buf = self.stack.pop()
        self.open_tags[tag] -= 1
        self.skipping -= skip
        self.articles -= tag == "article"
        self.pre -= tag == "pre"
        self.title_done |= tag == "title"
        if tag == "h1" and not skip and self.h1_start is not None:
            self._titled(self.h1_start, len(self.stream))
            self.h1_start = None
        if buf is not None:  # candidates nest with their elements: it is the innermost open one
            self.open.pop()
            buf.end = len(self.stream)
            self.untitled.pop(id(buf), None)
        return tag

    def _titled(self, start: int, end: int) -> None:
        """An <h1> closed: it is the title of every open candidate that has none yet, and leaves their text."""
        title = " ".join("".join(self.stream[start:end]).split())
        if not title:
            return
        inside = {}  # candidates opened within the h1 (odd markup) wait for one of their own
        for key, b in self.untitled.items():
            if b.start <= start:
                b.title, b.h1 = title, (start, end)
            else:
                inside[key] = b
        self.untitled = inside

    def handle_data(self, data: str) -> None:
        if self.json_ld is not None and sum(map(len, self.json_ld)) < _MAX_JSON_LD:
            self.json_ld.append(data)
        if self.stack and self.stack[-1][0] == "title" and self.skipping == 1 and not self.title_done:
            self.doc_title += data  # the page <title>, not an SVG's
        if self.skipping:
            return
        data = data.replace("\u00a0", " ")
        # Inside <pre> each line is kept apart; elsewhere HTML whitespace is one space.
        self._emit(data.replace("\n", "\n\n") if self.pre else _WHITESPACE.sub(" ", data))

    def parse_html_declaration(self, i: int) -> int:
        # html.parser raises AssertionError on "<![" + anything but a known marked section;
        # in HTML (as in browsers) "<![...>" is just a bogus comment up to the next ">".
        if self.rawdata.startswith("<![", i):
            end = self.rawdata.find(">", i + 3)
            return end + 1 if end >= 0 else -1
        return super().parse_html_declaration(i)

    def _metadata(self, tag: str, attrs: dict[str, str]) -> None:
        if tag != "meta" and self.skipping:
            return  # dates of teasers in "related" boxes are not this article's
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = attrs.get("content") or attrs.get("datetime") or ""
        if tag == "meta" and key in ("og:title", "twitter:title"):
            self.meta.setdefault(key, value)
        rank = _DATE_KEYS.get(key if tag == "meta" or key == "datepublished" else "")
        if rank is None and tag == "time" and "datetime" in attrs and not self.skipping:
            rank = 3
        day = iso_date(value) if rank is not None and rank not in self.dates else None
        if rank is not None and day:
            self.dates[rank] = day


def _site_suffix(title: str) -> str:
    """ "Floods hit the coast | Harbour Times" -> "Floods hit the coast"."""
    for sep in (" | ", " - ", " \u2013 ", " \u2014 ", " :: "):
        head, found, site = title.rpartition(sep)
        if found and head.strip() and len(site.split()) <= 5:
            return head.strip()
    return title.strip()


def _feed(parser: _Parser, raw: str) -> None:
    """Feed ``raw`` in linear time.

    html.parser stops at a construct that never ends ("<a" or "<!--" with no closing
    ``>``/``-->``) and, on close(), rescans to the end once per such construct:
    quadratic, hours for 4 MB of "<a<a<a". So we drop each one up to its next ``>``
    ourselves. With no ``>`` left nothing can close it, so (as browsers do) the rest
    goes; after too many broken ones, the rest is read as text.
    """
    parser.feed(_STRAY_LT.sub("&lt;", raw))  # same meaning, one event instead of one per "<"
    for rounds in range(1, _MAX_BROKEN + 1):
        tail = parser.rawdata
        if not tail.startswith("<") or parser.cdata_elem:  # trailing text, or an unclosed <script>
            break
        gt = tail.find(">", 1)
        parser.rawdata = ""
        if gt >= 0:
            rest = tail[gt + 1:]
            parser.feed(rest if rounds < _MAX_BROKEN else rest.replace("<", "&lt;"))
    parser.close()


def parse_html(raw: str) -> tuple[str | None, str, str | None]:
    """``(title, text, published)`` of an HTML page; ``text`` keeps paragraph breaks as blank lines.

    The body is the largest <article>, else the largest <main>, else the whole document; its
    first <h1> is the title and is left out of the text. Time and memory are linear in ``raw``.
    """
    parser = _Parser()
    _feed(parser, raw)
    while parser.stack:  # unclosed elements still finish their h1/title bookkeeping
        parser._close()
    body = parser.root
    for kind in ("article", "main"):
        found = [b for b in parser.candidates[kind] if b.weight(parser.solid) > 0]
        if found:
            body = max(found, key=lambda b: b.weight(parser.solid))
            break
    title = (body.title or parser.root.title or parser.meta.get("og:title")
             or parser.meta.get("twitter:title") or _site_suffix(" ".join(parser.doc_title.split())) or None)
    ld_date = json_ld_date(parser.json_ld_texts)
    if ld_date:
        parser.dates.setdefault(2, ld_date)  # the same claim as itemprop="datePublished"
    published = parser.dates[min(parser.dates)] if parser.dates else None
    return title, body.text(parser.stream), published
