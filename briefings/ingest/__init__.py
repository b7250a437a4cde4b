"""Turn files (or stdin) into clean :class:`~briefings.model.Article` objects.

``discover`` expands command-line paths, ``load`` reads one source. Any bad
input raises :class:`IngestError` with a one-line, terminal-safe reason, so a
batch can report it and carry on.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Article
from .clean import clean_article, clean_line, invisible
from .decode import MAX_BYTES, IngestError, os_reason, printable, read_file, read_stream, too_large
from .decode import decode as _decode  # keep `briefings.ingest.decode` naming the module
from .page import Page, parse_page
from .prose import junk_reason
from .markdown import front_matter, parse_markdown

__all__ = ["is_url", "MAX_BYTES", "SUPPORTED_SUFFIXES", "IngestError", "Source", "discover", "load", "load_text"]

_KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
          ".html": "html", ".htm": "html"}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_KINDS)
# Only something that looks like a file-type suffix counts: "Floods 14.03 update" has none.
_SUFFIX = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,7}")
_URL = re.compile(r"https?://", re.I)
_HTML_SNIFF = re.compile(r"<(?:p|body)[\s>/]", re.I)


@dataclass(frozen=True, slots=True)
class Source:
    """One input to ingest: a path, or "-" for stdin; ``error`` if discovery already knows it is bad."""

    path: str
    error: str | None = None


def _suffix(path: str) -> str:
    suffix = os.path.splitext(path)[1]
    return suffix if _SUFFIX.fullmatch(suffix) else ""


def _kind(path: str) -> str:
    """"text", "markdown" or "html" by suffix (none means text); other suffixes are refused."""
    suffix = _suffix(path)
    if not suffix:
        return "text"
    if suffix.lower() not in _KINDS:
        raise IngestError(path, f"unsupported file type '{suffix}' (briefing reads .txt, .md, .html)")
    return _KINDS[suffix.lower()]


def sniff(raw: str) -> str:
    """The kind of text that came without a name (stdin)."""
    head = raw.lstrip("\ufeff \t\r\n")[:65536]
    if head[:9].lower() == "<!doctype" or head[:5].lower() == "<html" or _HTML_SNIFF.search(head):
        return "html"
    first = next((line for line in head.splitlines() if line.strip()), "")
    if first.startswith("# ") or front_matter(head.replace("\r\n", "\n"))[0]:
        return "markdown"
    return "text"


def load_text(raw: str, *, source: str = "-", kind: str = "text", url: str | None = None,
              require_prose: bool = True) -> Article:
    """An article from already decoded text of the given ``kind`` ("text", "markdown" or "html");
    ``url`` is where a page was fetched from (its canonical URL, if it names one, wins).
    Text without sentences of prose (code, tables, lorem ipsum) is refused unless ``require_prose``
    is false: scoring the extractor on annotated single sentences, say."""
    page = Page(text=raw, url=url)
    if kind == "html":
        page = parse_page(raw, url)
    elif kind == "markdown":
        page = parse_markdown(raw, url)
    elif kind != "text":
        raise ValueError(f"unknown kind {kind!r} (expected 'text', 'markdown' or 'html')")
    title, text = clean_article(page.text, page.title)
    if not text:
        if invisible(raw):  # blank, or only zero-width characters: nothing a reader could see
            raise IngestError(source, "empty file: no article text")
        where = {"html": " in the HTML", "markdown": " in the Markdown"}.get(kind, "")
        raise IngestError(source, f"no article text found{where}")
    if require_prose and (junk := junk_reason(text)) is not None:  # a script, a table, "Hello world.": not a briefing
        raise IngestError(source, junk)
    # The source is shown and stored; keep it printable (and JSON-encodable) like the rest.
    return Article(title=title, text=text, source=printable(source), published=page.published,
                   url=page.url and printable(page.url), outlet=page.outlet and clean_line(page.outlet),
                   authors=[clean_line(a) for a in page.authors if clean_line(a)],
                   language=page.language)


def load(source: str, data: bytes | None = None, *, kind: str | None = None, url: str | None = None,
         content_type: str | None = None) -> Article:
    """Read (or take ``data`` for stdin or a fetched page), decode, parse by type, clean.

    ``kind`` overrides the type the name suggests (a fetched page is HTML whatever its URL
    ends in); ``content_type`` is the HTTP header, whose charset is believed first.
    :class:`IngestError` on bad input."""
    forced, kind = kind, "text"
    try:
        if source == "-":
            if data is None:
                data = read_stream(sys.stdin.buffer, source)
        else:
            if data is None:
                if "\0" in source:
                    raise IngestError(source, "invalid file name")
                st = os.stat(source)  # missing / unreadable / a directory before the suffix verdict
                if stat.S_ISDIR(st.st_mode):
                    raise IngestError(source, "is a directory")
            kind = forced or _kind(source)
            if data is None:
                data = read_file(source)
        if len(data) > MAX_BYTES:
            raise too_large(source, len(data))
        raw = _decode(data, source, content_type)
        if forced is None and source == "-":
            kind = sniff(raw)
        return load_text(raw, source=source, kind=forced or kind, url=url)
    except IngestError:
        raise
    except OSError as err:
        raise IngestError(source, os_reason(err)) from None
    except Exception as err:  # a parser bug must not take the whole batch down
        raise IngestError(source, f"could not read the article ({type(err).__name__})") from err


def is_url(path: str) -> bool:
    """An http(s) URL (fetched by :mod:`briefings.fetch`), not a file name."""
    return _URL.match(path) is not None


def discover(paths: Iterable[str]) -> Iterator[Source]:
    """Expand command-line PATHs: files as given (load() judges them), folders recursively
    (sorted, supported suffixes only, hidden entries skipped, each file and folder once), "-" as stdin."""
    seen: set[tuple[int, int]] = set()  # (device, inode) of files and folders already yielded
    for path in paths:
        if path == "-" or is_url(path):
            yield Source(path)
            continue
        try:
            st = os.stat(path)
        except OSError as err:
            yield Source(path, error=os_reason(err))
            continue
        except ValueError:  # an embedded NUL: no file can have that name
            yield Source(path, error="invalid file name")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(path, st, seen)
        elif (st.st_dev, st.st_ino) not in seen or not stat.S_ISREG(st.st_mode):
            seen.add((st.st_dev, st.st_ino))
            yield Source(path)


def _walk(root: str, root_st: os.stat_result, seen: set[tuple[int, int]]) -> Iterator[Source]:
    """Depth-first, in name order, with our own stack; symlinked folders are followed once."""
    if (root_st.st_dev, root_st.st_ino) in seen:
        return
    seen.add((root_st.st_dev, root_st.st_ino))
    stack: list[Iterator[os.DirEntry[str]]] = []
    folder: str | None = root
    while folder is not None or stack:
        if folder is not None:
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: (e.name.casefold(), e.name))
                stack.append(iter(entries))
            except OSError as err:
                yield Source(folder, error=os_reason(err))
            folder = None
        entry = next(stack[-1], None) if stack else None
        if entry is None:
            if stack:
                stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        supported = _suffix(entry.name).lower() in SUPPORTED_SUFFIXES
        try:
            is_dir = entry.is_dir()
            if is_dir or entry.is_file():
                st = entry.stat()  # follows symlinks: a linked folder or file is one (dev, inode)
                if (st.st_dev, st.st_ino) in seen or not (is_dir or supported):
                    continue
                seen.add((st.st_dev, st.st_ino))
                if is_dir:
                    folder = entry.path
                else:
                    yield Source(entry.path)
            elif supported and entry.is_symlink():
                os.stat(entry.path)  # raises: dangling or looping, and says which
        except OSError as err:
            if supported or entry.is_dir(follow_symlinks=False):
                yield Source(entry.path, error=os_reason(err))
