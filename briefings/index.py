"""Rows of the library index: what the list needs of a briefing, without loading it.

One row per briefing in the TinyDB table "briefings". The TinyDB doc id is derived
from the briefing id, so finding or upserting a row is a dict lookup, never a scan;
doc ids stay inside the store and are never shown to callers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tinydb.table import Document, Table

from .model import Briefing

Row = dict[str, Any]
_HEX = re.compile(r"[0-9a-f]+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the library list, cheap to read. Timestamps are ISO 8601, UTC."""

    id: str
    title: str
    source: str
    published: str | None
    added: str
    updated: str
    figures: int
    casualties: int
    quotes: int
    speakers: tuple[str, ...]  # quote speakers, for the reader's filter
    names: tuple[str, ...]  # casualty names, for the reader's filter
    outlet: str | None = None  # the publication (web pages, front matter); None when unknown

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Entry:
        return cls(row["id"], row.get("title") or "", row.get("source") or "", row.get("published"),
                   row["added"], row.get("updated") or row["added"], int(row.get("figures", 0)),
                   int(row.get("casualties", 0)), int(row.get("quotes", 0)),
                   tuple(row.get("speakers", ())), tuple(row.get("names", ())), row.get("outlet") or None)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``Library.add`` did: ``created`` is False when the briefing was updated in place."""

    id: str
    title: str
    created: bool


def utc_now() -> str:
    """Now, as fixed-width ISO 8601 UTC (so string order is time order)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def doc_id(briefing_id: str) -> int | None:
    """The TinyDB doc id for a briefing id (60 bits of it), or None if it is not a hex id."""
    head = briefing_id[:15]
    # fullmatch, not just int(): int() would also accept "0x..", "_" and spaces
    return int(head, 16) if _HEX.fullmatch(head) else None


_TEXT = ("title", "source")  # str (or null) when present
_OPTIONAL_TEXT = ("published", "updated", "url", "outlet")
_COUNTS = ("figures", "casualties", "quotes")
_LISTS = ("speakers", "names")


def row_problem(key: str, row: object) -> str | None:
    """What is wrong with index row ``key`` (one short phrase), or None if the list can show it.

    A row written by hand or by a damaged program must be refused as a whole file problem
    (reported, repaired by ``doctor --repair``), never a KeyError deep inside a command.
    Fields this version does not know are allowed (a newer minor version may add some).
    """
    if not isinstance(row, dict):
        return f"row {key} is a {type(row).__name__}, not an object"
    bid = row.get("id")
    if not isinstance(bid, str) or not re.fullmatch(r"[0-9a-f]{16,64}", bid):
        return f"row {key} has no valid briefing id"
    if str(doc_id(bid)) != key:
        return f"row {key} is filed under the wrong key for briefing {bid}"
    if not isinstance(row.get("added"), str):
        return f"row {key} ({bid[:10]}) has no 'added' time"
    for name in _TEXT + _OPTIONAL_TEXT:
        if row.get(name) is not None and not isinstance(row[name], str):
            return f"row {key} ({bid[:10]}): '{name}' is not text"
    for name in _COUNTS:
        value = row.get(name, 0)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return f"row {key} ({bid[:10]}): '{name}' is not a count"
    for name in _LISTS:
        value = row.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return f"row {key} ({bid[:10]}): '{name}' is not a list of names"
    return None


def table_problem(rows: object) -> str | None:
    """The first problem of the "briefings" table (see :func:`row_problem`), or None.

    Runs on every index parse, so the common case is one cheap pass of type checks
    (about a fifth of the parse time); only a failing row gets the detailed :func:`row_problem`.
    """
    if not isinstance(rows, dict):
        return "the briefings table is not an object"
    s, i, lst = str, int, list
    for key, row in rows.items():
        if type(row) is not dict:
            return row_problem(key, row)
        g = row.get
        if (type(g("id")) is not s or type(g("added")) is not s or type(g("figures", 0)) is not i
                or type(g("casualties", 0)) is not i or type(g("quotes", 0)) is not i
                or type(g("title") or "") is not s or type(g("source") or "") is not s
                or type(g("published") or "") is not s or type(g("updated") or "") is not s
                or type(speakers := g("speakers", [])) is not lst or type(names := g("names", [])) is not lst
                or not all(type(v) is s for v in speakers) or not all(type(v) is s for v in names)):
            return row_problem(key, row) or f"row {key} is malformed"
    return None


def make_row(b: Briefing, *, added: str, updated: str) -> Row:
    """The index row for ``b`` (plain JSON types: lists, not tuples)."""
    return {
        "id": b.id, "title": b.article.title, "source": b.article.source, "published": b.article.published,
        "url": b.article.url, "outlet": b.article.outlet, "added": added, "updated": updated,
        "figures": len(b.figures), "casualties": len(b.casualties), "quotes": len(b.quotes),
        # dict.fromkeys: de-duplicate, keep first-seen order
        "speakers": list(dict.fromkeys(q.speaker for q in b.quotes if q.speaker)),
        "names": list(dict.fromkeys(c.name for c in b.casualties if c.name)),
    }


def find_row(table: Table, briefing_id: str) -> Row | None:
    """The row of ``briefing_id`` (exact id), or None; O(1)."""
    did = doc_id(briefing_id)
    row = table.get(doc_id=did) if did is not None else None
    return dict(row) if row is not None and row.get("id") == briefing_id else None


def upsert_rows(table: Table, rows: Mapping[int, Row]) -> None:
    """Upsert whole rows by doc id, in at most two table passes.

    ``Table.upsert`` per row would be correct but costs two full copies of the table
    dict per row inside TinyDB (update, then insert): O(rows x table). Here existing
    rows are replaced by one ``update`` and new ones added by one ``insert_multiple``.
    """
    present = {did for did in rows if table.contains(doc_id=did)}  # O(1) each
    if present:
        by_id = {row["id"]: row for row in rows.values()}

        def replace(doc: MutableMapping[str, Any]) -> None:
            new = by_id[doc["id"]]
            doc.clear()
            doc.update(new)

        table.update(replace, doc_ids=list(present))
    new = [Document(row, doc_id=did) for did, row in rows.items() if did not in present]
    if new:
        table.insert_multiple(new)
