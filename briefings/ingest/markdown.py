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

# Front matter must be the very first thing and hold only "key: value" lines
# (or list items and indented continuations), else a leading "---" is a rule.
_FRONT = re.compile(r"---[ \t]*\n(?:(.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FIELD = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?")
_DATE_FIELDS = ("date", "published", "published_at", "pubdate", "publishdate")

# Nesting deeper than this is not an article; markdown-it stops parsing there (and would
# drop the rest), so such input is read as plain text instead. It also bounds recursion.
MAX_NESTING = 50
_md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})


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


def parse_markdown(raw: str) -> tuple[str | None, str, str | None]:
    """``(title, text, published)`` of a Markdown article; paragraphs separated by blank lines."""
    fields, body = front_matter(raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"))
    title = clean_line(fields.get("title", "")) or None
    published = next((iso_date(fields[k]) for k in _DATE_FIELDS if iso_date(fields.get(k))), None)
    paras: list[str] = []
    h1_done = False
    try:
        tokens = _md.parse(body)
    except RecursionError:
        tokens = []
    if not tokens and body.strip() or any(tok.level >= MAX_NESTING - 2 for tok in tokens):
        return title, body, published
    for i, tok in enumerate(tokens):
        if tok.type in ("fence", "code_block"):
            paras.append(tok.content)
        if tok.type != "inline":
            continue
        text = _inline_text(tok.children)
        if not h1_done and tokens[i - 1].type == "heading_open" and tokens[i - 1].tag == "h1":
            h1_done = True
            # The first level-1 heading is the title, unless front matter gave a different one.
            if title is None or clean_line(text).casefold() == title.casefold():
                title = title or clean_line(text) or None
                continue
        paras.append(text)
    return title, "\n\n".join(p.replace("\n\n", "\n") for p in paras), published
