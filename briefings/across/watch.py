"""Watchlists: saved filters (names, places, words) and the briefings that match them.

Kept in ``LIBRARY/across/watch.json``: the filters, and every match with the
time it was found and whether the user has seen it. New briefings are matched
on ingest; ``briefing watch`` lists the unseen matches and marks them seen.
A filter matches a briefing when its words occur, in order, as whole words
in the title or the text (case and accents ignored): "Tower 22" does not match
"Tower 225".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson

from ..atomic import write_atomic
from ..index import utc_now
from ..model import digest
from .names import fold

SCAN_EXISTING = 5000  # a new filter is tried on this many of the newest briefings already stored


def pattern(terms: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in fold(terms).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


class Watchlist:
    """The watch file of one library; change it only under the library lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            data = orjson.loads(self.path.read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError):
            data = {}
        return {"filters": list(data.get("filters") or []), "matches": list(data.get("matches") or [])}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, orjson.dumps(self.data, option=orjson.OPT_INDENT_2))

    @property
    def filters(self) -> list[dict[str, Any]]:
        return self.data["filters"]

    @property
    def matches(self) -> list[dict[str, Any]]:
        return self.data["matches"]

    def add(self, terms: str) -> dict[str, Any]:
        terms = " ".join(terms.split())
        if not fold(terms).strip():
            raise ValueError("a watch filter needs at least one word")
        for f in self.filters:
            if fold(f["terms"]) == fold(terms):
                return f
        f = {"id": "w-" + digest("watch", fold(terms), size=8), "terms": terms, "added": utc_now()}
        self.filters.append(f)
        return f

    def remove(self, ref: str) -> dict[str, Any]:
        """Remove a filter by id or by its words; ``KeyError`` if none matches."""
        for f in self.filters:
            if f["id"] == ref or fold(f["terms"]) == fold(ref):
                self.filters.remove(f)
                self.data["matches"] = [m for m in self.matches if m["filter"] != f["id"]]
                return f
        raise KeyError(ref)

    def match(self, briefing_id: str, title: str, text: str, only: list[dict[str, Any]] | None = None) -> int:
        """Record the filters this briefing matches (once each); returns how many are new."""
        hay = fold(f"{title}\n{text}")
        known = {(m["filter"], m["briefing"]) for m in self.matches}
        new = 0
        for f in only if only is not None else self.filters:
            if (f["id"], briefing_id) in known:
                continue
            found = pattern(f["terms"]).search(hay)
            if found:
                self.matches.append({"filter": f["id"], "terms": f["terms"], "briefing": briefing_id, "title": title,
                                     "found": utc_now(), "seen": False})
                new += 1
        return new

    def forget(self, briefing_id: str) -> None:
        self.data["matches"] = [m for m in self.matches if m["briefing"] != briefing_id]

    def unseen(self) -> list[dict[str, Any]]:
        return [m for m in self.matches if not m["seen"]]

    def mark_seen(self) -> None:
        for m in self.matches:
            m["seen"] = True

    def marked(self) -> set[str]:
        """Briefing ids matched by any filter (the reader marks them)."""
        return {m["briefing"] for m in self.matches}
