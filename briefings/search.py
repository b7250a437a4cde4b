"""Full-text search of a library: the query language, the results, and ``briefing search``.

A query is plain words (all must occur), ``"a quoted phrase"`` and ``prefix*``,
matched case- and accent-insensitively in titles, article bodies and names
(outlet, authors, speakers, casualties). The query is rebuilt token by token
as quoted FTS5 strings, so no user input reaches FTS5's own syntax: a query
never raises, it at worst yields a one-line :class:`BadQuery`.

Each :class:`Hit` carries a snippet with the match marked and the character
span of the first match in the stored article text (``Article.text``), so the
reader can open the Source pane on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from .safe import printable
from .search_index import MARKS, NAME, SearchUnavailable
from .search_sync import discard, open_index
from .storage import StoreError

SNIPPET_TOKENS = 14  # words of context in a snippet
RANK = "bm25(fts, 5.0, 1.0, 2.0)"  # title, body, names: a word in the title counts most
COUNTED = 10_000  # matches counted at most
MAX_LIMIT = 10_000  # results returned at most (the count is always whole)
RANKED = 5000  # more matches than this are listed newest first (scoring them all is what costs)
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w")


class BadQuery(ValueError):
    """The query holds nothing to search for; the message says what a query looks like."""


def fts_query(text: str) -> str:
    """The FTS5 MATCH expression for a user's query: every term quoted, all of them required."""
    terms = []
    for phrase, word in _TOKEN.findall(text):
        term = phrase if phrase else word
        prefix = not phrase and term.endswith("*")
        term = term.rstrip("*") if prefix else term
        if not _WORD.search(term):  # punctuation alone matches nothing in FTS5: leave it out
            continue
        terms.append('"' + term.replace('"', '""') + '"' + ("*" if prefix else ""))
    if not terms:
        raise BadQuery(f"nothing to search for in {printable(text, newlines=False)[:80]!r}: "
                       "use words, \"a phrase\" or a prefix*")
    return " AND ".join(terms)


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching briefing: ``span`` is (start, end) of the first match in its article text, or
    None when only the title or names matched; ``snippet`` alternates plain text and matches."""

    id: str
    title: str
    snippet: tuple[tuple[str, bool], ...]
    span: tuple[int, int] | None

    def snippet_text(self, left: str = "[", right: str = "]") -> str:
        """The snippet on one line, each match between ``left`` and ``right``."""
        return " ".join("".join(f"{left}{t}{right}" if hit else t for t, hit in self.snippet).split())


def _segments(marked: str) -> tuple[tuple[str, bool], ...]:
    """Split text carrying MARKS into (text, is_match) pieces."""
    out: list[tuple[str, bool]] = []
    for i, piece in enumerate(re.split(f"[{MARKS[0]}{MARKS[1]}]", marked)):
        if piece:
            out.append((piece, i % 2 == 1))
    return tuple(out)


def _first_span(marked: str) -> tuple[int, int] | None:
    """The (start, end) in the unmarked text of the first marked match."""
    start = marked.find(MARKS[0])
    if start < 0:
        return None
    end = marked.find(MARKS[1], start)
    return start, (end - 1 if end > 0 else start)


def search(library, query: str, limit: int = 20, progress=None) -> tuple[list[Hit], int]:
    """The best ``limit`` hits for ``query`` (title matches weigh most) and how many briefings match.

    Raises :class:`BadQuery` or :class:`SearchUnavailable` (both one line); catches up the index first.
    """
    match = fts_query(query)
    if not Path(library.root).is_dir():  # no library yet: nothing matches (and no folder is made for it)
        return [], 0
    for attempt in (1, 2):
        con = open_index(library, progress)
        try:
            return run_query(con, match, limit)
        except sqlite3.OperationalError as exc:  # not expected for a rebuilt query; still one line
            if "fts5" in str(exc) or "syntax" in str(exc):
                raise BadQuery(f"cannot search for {printable(query, newlines=False)[:80]!r}: {exc}") from None
            raise SearchUnavailable(f"{library.root / NAME}: the search index cannot be used ({exc})") from None
        except sqlite3.DatabaseError as exc:  # damaged pages inside a file that opened: rebuild it once
            if attempt == 2:
                raise SearchUnavailable(f"{library.root / NAME}: the search index cannot be read ({exc})") from None
        finally:
            con.close()
        discard(library, damaged=True)
    raise AssertionError("unreachable")


def count_text(total: int) -> str:
    """How many briefings matched, as people read it: "1 briefing", "2,345 briefings", "more than 10,000"."""
    if total > COUNTED:
        return f"more than {COUNTED:,} briefings"
    return f"{total:,} briefing{'s' if total != 1 else ''}"


def run_query(con: sqlite3.Connection, match: str, limit: int) -> tuple[list[Hit], int]:
    """Run an FTS5 ``match`` (from :func:`fts_query`) on an open index: the best ``limit`` hits and the count
    (more than COUNTED means "more than COUNTED": see :func:`count_text`).

    Best = by relevance (bm25, title first) up to RANKED matches, else the most recently indexed."""
    # Counting stops past COUNTED: a word in most articles is "more than 10,000", not 99,983 counted.
    total = con.execute("SELECT count(*) FROM (SELECT rowid FROM fts WHERE fts MATCH ? LIMIT ?)",
                        (match, COUNTED + 1)).fetchone()[0]
    # Rank the matches, then make snippets for the best few only: SQLite would otherwise compute the
    # result columns (snippet, highlight) of every match before sorting. Ranking scores every match,
    # so past RANKED matches (a word in most articles) the newest indexed come first instead.
    order_by = RANK if total <= RANKED else "rowid DESC"
    best = [r for (r,) in con.execute(f"SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY {order_by} LIMIT ?",
                                      (match, max(0, min(limit, MAX_LIMIT))))]
    order = {rowid: n for n, rowid in enumerate(best)}  # (limit is capped: one SQL variable per row)
    rows = sorted(con.execute(
        f"SELECT fts.rowid, docs.id, docs.title, snippet(fts, -1, ?, ?, '\u2026', ?), highlight(fts, 1, ?, ?) "
        f"FROM fts JOIN docs ON docs.rowid = fts.rowid WHERE fts MATCH ? AND fts.rowid IN "
        f"({','.join('?' * len(best))})", (*MARKS, SNIPPET_TOKENS, *MARKS, match, *best)).fetchall()
        if best else [], key=lambda row: order[row[0]])
    return [Hit(i, t, _segments(s), _first_span(body)) for _, i, t, s, body in rows], total


def cmd_search(args: argparse.Namespace) -> int:
    """``briefing search QUERY``: exit 0 when something matched, 1 when nothing did, 2 on an error (like grep)."""
    from .cli import library_arg
    from .store import Library

    def building(done: int, total: int) -> None:
        if total >= 200 and not args.json and sys.stderr.isatty():
            print(f"\rbriefing: indexing for search {done}/{total}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    query = " ".join(args.query)
    try:
        library = Library.open(library_arg(args))
        hits, total = search(library, query, limit=args.limit, progress=building)
    except (BadQuery, StoreError, OSError) as exc:
        message = f"{exc.filename}: {exc.strerror or exc}" if isinstance(exc, OSError) and exc.filename else str(exc)
        print(f"briefing: error: {printable(message, newlines=False)}", file=sys.stderr)
        return 2
    if args.json:
        json.dump({"query": query, "total": min(total, COUNTED), "total_is_lower_bound": total > COUNTED, "results": [
            {"id": h.id, "title": h.title, "snippet": h.snippet_text(),
             "offset": h.span[0] if h.span else None, "length": h.span[1] - h.span[0] if h.span else None}
            for h in hits]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for h in hits:
            where = f"  (at character {h.span[0]})" if h.span else "  (in the title or names)"
            print(printable(f"{h.id[:10]}  {h.title}", newlines=False) + where)
            print("    " + printable(h.snippet_text(), newlines=False))
        if total > len(hits):
            order = "newest first: too many matches to rank" if total > RANKED else "best first"
            print(f"\u2026 {count_text(total)} matched, {len(hits)} shown ({order}; --limit N shows more)",
                  file=sys.stderr)
    return 0 if total else 1


__all__ = ["BadQuery", "Hit", "SearchUnavailable", "cmd_search", "count_text", "fts_query", "run_query", "search"]
