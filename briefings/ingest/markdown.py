"""Markdown articles to plain paragraphs with markdown-it-py (CommonMark).

Markup is reading aid, not content: link text stays, URLs, images and raw
HTML go; every block (paragraph, heading, list item, quote) is a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .clean import clean_line, iso_date
from .meta import Page, http_url, language_code, split_authors

# Front matter must be the very first thing and hold only "key: value" lines
# (or list items and indented continuations), else a leading "---" is a rule.
_FRONT = re.compile(r"---[ \t]*\n(?:(.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
_DATE_FIELDS = ("date", "published", "published_at", "pubdate", "publishdate")

# markdown-it-py is linear but slow on some inputs (~15 us per "[" at this nesting), so
# it only sees article-sized text; bigger or deeper input is read by _plain(). Nesting
# past the limit makes markdown-it stop parsing (dropping the rest); it also bounds recursion.
MAX_NESTING = 20
MAX_PARSED = 256 * 1024
_md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
# For _plain(): images, then links (text kept), then block markers at line starts. No
# bracket or paren inside the classes, so no match attempt scans past the next one: linear.
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\s]*\)")
_MARKERS = re.compile(r"^[ \t]*(?:>[ \t]?|#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+", re.M)


def front_matter(raw: str) -> tuple[dict[str, str], str]:
    """The simple ``key: value`` front matter at the top, and the text after it."""
    m = _FRONT.match(raw)
    if not m:
        return {}, raw
    fields: dict[str, str] = {}
    for line in (m[1] or "").split("\n"):
        field = _FIELD.fullmatch(line.rstrip())
        if field:
            fields.setdefault(field[1].lower(), (field[2] or "").strip().strip("\"'"))
        elif line.strip() and not line.startswith((" ", "\t", "-", "#")):
            return {}, raw  # not front matter after all
    return fields, raw[m.end():]


def _inline_text(children: Sequence[Token] | None) -> str:
    """Plain text of an inline run: link text and code kept; URLs, images, HTML dropped."""
    out: list[str] = []
    autolink = False
    for tok in children or ():
        if tok.type == "link_open":
            autolink = tok.markup == "autolink"  # "<https://…>": its text is the URL itself
        elif tok.type == "link_close":
            autolink = False
        elif tok.type in ("text", "code_inline") and not autolink:
            out.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def _plain(body: str) -> list[str]:
    """Markdown read as text, markers stripped line by line (for input too big or deep to parse)."""
    body = _MARKERS.sub("", _LINK.sub(r"\1", _IMAGE.sub("", body)))
    return [" ".join(block.split()) for block in body.split("\n\n")]


def _blocks(body: str) -> list[tuple[str, str]]:
    """``(kind, text)`` for every block: kind is "h1" for level-1 headings, else "p"."""
    tokens = _md.parse(body) if len(body) <= MAX_PARSED else []
    if not tokens or any(tok.level >= MAX_NESTING - 2 for tok in tokens):
        head, _, rest = body.partition("\n") if body.startswith("# ") else ("", "", body)
        return [("h1", head[2:])] * bool(head) + [("p", p) for p in _plain(rest)]
    blocks: list[tuple[str, str]] = []
    for i, tok in enumerate(tokens):
        if tok.type in ("fence", "code_block"):
            blocks.append(("p", " ".join(tok.content.split())))
        elif tok.type == "inline":
            h1 = tokens[i - 1].type == "heading_open" and tokens[i - 1].tag == "h1"
            blocks.append(("h1" if h1 else "p", _inline_text(tok.children)))
    return blocks


def parse_markdown(raw: str, url: str | None = None) -> Page:
    """A Markdown article (paragraphs separated by blank lines) and its front matter: ``title``,
    ``date``, ``source``/``outlet``, ``url``, ``author``/``authors``, ``lang``/``language``."""
    fields, body = front_matter(raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    title = clean_line(fields.get("title", "")) or None
    published = next((iso_date(fields[k]) for k in _DATE_FIELDS if iso_date(fields.get(k))), None)
    meta = Page(text="", published=published, url=http_url(fields.get("url") or fields.get("link")) or url,
                outlet=clean_line(fields.get("source") or fields.get("outlet") or "") or None,
                authors=split_authors(fields.get("authors") or fields.get("author")),
                language=language_code(fields.get("lang") or fields.get("language")))
    paras: list[str] = []
    h1_done = False
    for kind, text in _blocks(body):
        if kind == "h1" and not h1_done:
            h1_done = True
            # The first level-1 heading is the title (front matter's wins); it stays in the text.
            title = title or clean_line(text) or None
        paras.append(text)
    meta.title, meta.text = title, "\n\n".join(paras)
    return meta
