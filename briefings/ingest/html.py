"""HTML pages to article text with the stdlib parser: keep the story, drop the page around it.

The parser is iterative; our own element stack is capped at ``MAX_DEPTH`` so
hostile nesting costs neither recursion nor unbounded memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .clean import iso_date

MAX_DEPTH = 512
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
    """Text collected for one candidate body (the document, an <article>, a <main>)."""

    parts: list[str] = field(default_factory=list)
    title: str | None = None  # its first <h1>, taken out of ``parts``
    h1_at: int | None = None  # where that <h1> started, while it is open

    def text(self) -> str:
        return "".join(self.parts)


class _Parser(HTMLParser):
    """Collects the text of the document and of each <article>/<main>, minus page furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, _Buffer | None]] = []  # (tag, skipped, buffer it opened)
        self.overflow = 0  # elements deeper than MAX_DEPTH, counted but not tracked
        self.skipping = 0
        self.articles = 0
        self.pre = 0
        self.root = _Buffer()
        self.open: list[_Buffer] = [self.root]
        self.candidates: dict[str, list[_Buffer]] = {"article": [], "main": []}
        self.doc_title = ""
        self.title_done = False
        self.meta: dict[str, str] = {}
        self.dates: dict[int, str] = {}

    def _emit(self, text: str) -> None:
        for buf in self.open:
            buf.parts.append(text)

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
                buf = _Buffer()
                self.candidates[tag].append(buf)
                self.open.append(buf)
            elif tag == "h1":
                for b in self.open:
                    if b.title is None and b.h1_at is None:
                        b.h1_at = len(b.parts)
        self.skipping += skip
        self.articles += tag == "article"
        self.pre += tag == "pre"
        self.stack.append((tag, skip, buf))

    def handle_endtag(self, tag: str) -> None:
        if self.overflow:
            self.overflow -= 1
        elif any(t == tag for t, _, _ in self.stack):  # else a stray end tag, ignored
            while self._close() != tag:
                pass
        if not self.skipping and (tag in _BLOCK or tag in ("td", "th")):
            self._emit("\n\n" if tag in _BLOCK else " ")

    def _close(self) -> str:
        tag, skip, buf = self.stack.pop()
        self.skipping -= skip
        self.articles -= tag == "article"
        self.pre -= tag == "pre"
        self.title_done |= tag == "title"
        if buf is not None and buf in self.open:
            self.open.remove(buf)
        if tag == "h1" and not skip:
            for b in self.open:  # the first h1 is the title; it stays in the body as its headline
                if b.h1_at is not None:
                    title = " ".join("".join(b.parts[b.h1_at:]).split())
                    b.h1_at, b.title = None, title or None
        return tag

    def handle_data(self, data: str) -> None:
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

    The body is the largest <article>, else the largest <main>, else the whole document.
    """
    parser = _Parser()
    _feed(parser, raw)
    while parser.stack:  # unclosed elements still finish their h1/title bookkeeping
        parser._close()
    body = parser.root
    for kind in ("article", "main"):
        found = [b for b in parser.candidates[kind] if b.text().strip()]
        if found:
            body = max(found, key=lambda b: len(" ".join(b.text().split())))
            break
    title = (body.title or parser.root.title or parser.meta.get("og:title")
             or parser.meta.get("twitter:title") or _site_suffix(" ".join(parser.doc_title.split())) or None)
    published = parser.dates[min(parser.dates)] if parser.dates else None
    return title, body.text(), published
