"""What an article says about itself besides its text, and the small rules that tidy it.

Shared by the HTML path (:mod:`.page`) and Markdown front matter (:mod:`.markdown`), so an
outlet, a byline or a URL comes out the same whichever format carried it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .clean import clean_line, iso_date

MAX_URL = 2048
_LANGUAGE = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
# "Ann Lee; Bob Roe", "Ann Lee and Bob Roe", "Ann Lee, Bob Roe" (a comma before a capital).
_AUTHOR_SPLIT = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*|,\s*(?=[A-Z\u00c0-\u024f])|\s*\|\s*")
_BY = re.compile(r"(?i)^by\s+")
# A date in a news URL: /2026/03/14/ or /2026-03-14/ (a bare year is not a date).
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)")
_MAX_LD_NODES = 2000  # JSON-LD objects looked at: metadata graphs are small, hostile ones are not


@dataclass(slots=True)
class Page:
    """An article's text (paragraphs separated by blank lines) and its metadata, as read from its format."""

    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None


def http_url(value: str | None) -> str | None:
    """``value`` if it is an absolute http(s) URL (a canonical link can be relative or junk)."""
    value = (value or "").strip()
    if not value or len(value) > MAX_URL or any(c.isspace() or ord(c) < 0x20 for c in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    return value if parts.scheme in ("http", "https") and host else None


def language_code(value: str | None) -> str | None:
    """The primary language subtag, lower case: "en-GB" and "en_GB" are "en"."""
    m = _LANGUAGE.fullmatch((value or "").strip())
    return m.group(1).lower() if m else None


def split_authors(value: str | None) -> list[str]:
    """Distinct author names from a byline or a list field, at most ten."""
    names = [_BY.sub("", clean_line(a)) for a in _AUTHOR_SPLIT.split(value or "")]
    return [n for n in dict.fromkeys(names) if n and len(n) <= 80][:10]


def outlet_name(sitename: str | None, url: str | None) -> str | None:
    """The site's own name, else the host of its URL without "www."."""
    name = clean_line(sitename or "")
    if name:
        return name[:120]
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        host = None
    return host.removeprefix("www.") if host else None


def url_date(url: str | None) -> str | None:
    """``YYYY-MM-DD`` from a dated news URL path (``/2026/03/14/story``)."""
    m = _URL_DATE.search(urlsplit(url).path if url else "")
    return iso_date(f"{m[1]}-{m[2]}-{m[3]}") if m else None


def json_ld_date(texts: Iterable[str]) -> str | None:
    """The first ``datePublished`` in JSON-LD blocks (objects, lists and ``@graph`` searched breadth-first)."""
    for text in texts:
        try:
            todo = [json.loads(text)]
        except (ValueError, RecursionError):
            continue
        seen = 0
        while todo and seen < _MAX_LD_NODES:
            node = todo.pop(0)
            seen += 1
            if isinstance(node, list):
                todo.extend(node)
            elif isinstance(node, dict):
                value = node.get("datePublished")
                day = iso_date(value) if isinstance(value, str) else None
                if day:
                    return day
                todo.extend(v for v in node.values() if isinstance(v, (dict, list)))
    return None
