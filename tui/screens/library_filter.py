"""What the library shows: the filter's word search, the sort orders, and the ids handed to a briefing.

Pure functions and small classes over :class:`briefings.listcache.Rows`, kept
apart from the screen so the filtering rules read (and test) on their own.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefings.listcache import Rows


def search(haystacks: list[str], words: list[str], within: Sequence[int] | None = None) -> list[int]:
    """Positions whose text holds every word (title, source, speakers, casualty names)."""
    if within is None:  # the first word scans everything: enumerate is the cheapest full pass
        first, *rest = words
        hits = [i for i, h in enumerate(haystacks) if first in h]
    else:
        hits, rest = list(within), words
    for w in rest:  # each further word narrows what is left
        hits = [i for i in hits if w in haystacks[i]]
    return hits


def _outlet(e) -> str:
    return (getattr(e, "outlet", None) or e.source.rsplit("/", 1)[-1]).casefold()


# (name, key on an Entry, newest/biggest first?); "ingested" is the list file's own order.
SORTS = (("ingested", None, False), ("published", lambda e: e.published or "", True),
         ("title", lambda e: e.title.casefold(), False), ("outlet", _outlet, False),
         ("figures", lambda e: e.figures, True), ("casualties", lambda e: e.casualties, True),
         ("quotes", lambda e: e.quotes, True))


def arranged(rows: Rows, positions: Sequence[int], archived: set[str], *, sort: int,
             show_archived: bool) -> Sequence[int]:
    """Hide archived briefings (unless shown) and apply the sort; the plain list stays a cheap range."""
    if archived and not show_archived:
        positions = [i for i in positions if rows.id(i) not in archived]
    name, key, reverse = SORTS[sort]
    if key is not None:
        positions = sorted(positions, key=lambda i: key(rows[i]), reverse=reverse)  # stable: ties stay newest first
    return positions


class ShownIds(Sequence[str]):
    """The ids of the shown rows, looked up only when asked (for [ and ] in a briefing)."""

    def __init__(self, rows: Rows, shown: Sequence[int]):
        self.rows, self.shown = rows, shown

    def __len__(self) -> int:
        return len(self.shown)

    def __getitem__(self, i):  # type: ignore[override]
        return self.rows.id(self.shown[i])
