"""The cross-article state of a library, kept in ``LIBRARY/across`` and updated incrementally.

Layout::

    across/profiles/ab/<id>.json   one profile per briefing (see profiles.py), with its event id
    across/people/xx.json          surname -> appearances (who's who reads one file per name)
    across/keys/xx.json            surname/place/figure key -> {"n": count, "ids": [[id, date], ...]}
    across/events/xx.json          event id -> {"members", "links": [{"a", "b", "why"}], "reports"}
    across/watch.json              watch filters and their matches (user data: fsynced)
    across/pending                 journal: "+ID ADDED" / "-ID" lines not yet applied
    across/STALE                   present while an update runs; left behind, it means "rebuild"
    across/FORMAT                  the format of all this (another one is rebuilt on first use)

The store's hooks only append to the journal (under the library lock, after the index
is written): adding a briefing costs one small append. :meth:`Across.apply` indexes the
journal incrementally (``briefing ingest`` does so at the end of its run; every reader of
the state calls :func:`briefings.across.query.ensure` first). Only the files a change
touches are rewritten, each atomically; readers take no lock.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import orjson

from ..model import Briefing
from .batch import Batch
from .profiles import Profile
from .shards import Shards
from .watch import Watchlist


FORMAT = "3"  # of the files below; bump when it changes: a state in another format is rebuilt
# (3: profiles no longer hold "Hospital" from "General Hospital": older states are rebuilt with the fix)


class Across:
    """The ``across`` folder of one library."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.folder = self.root / "across"
        self.people = Shards(self.folder / "people")
        self.keys = Shards(self.folder / "keys")
        self.events = Shards(self.folder / "events")
        self.journal = self.folder / "pending"
        self._staged: list[str] = []

    # -- reading ----------------------------------------------------------------------------------

    def profile_path(self, briefing_id: str) -> Path:
        return self.folder / "profiles" / briefing_id[:2] / f"{briefing_id}.json"

    def profile(self, briefing_id: str) -> Profile | None:
        try:
            return orjson.loads(self.profile_path(briefing_id).read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError):
            return None

    def profiles(self, ids: list[str]) -> list[Profile]:
        return [p for p in (self.profile(i) for i in ids) if p is not None]

    def watchlist(self) -> Watchlist:
        return Watchlist(self.folder / "watch.json")

    @property
    def exists(self) -> bool:
        """The state is there, in this version's format (another format is rebuilt, not misread)."""
        try:
            return (self.folder / "FORMAT").read_text().strip() == FORMAT and (self.folder / "profiles").is_dir()
        except OSError:
            return False

    def _start(self) -> None:
        (self.folder / "profiles").mkdir(parents=True, exist_ok=True)
        (self.folder / "FORMAT").write_text(FORMAT + "\n")

    @property
    def stale(self) -> bool:
        """True when an update died or failed: :func:`ensure` rebuilds before answering."""
        return (self.folder / "STALE").exists()

    @property
    def pending(self) -> bool:
        return self.journal.exists()

    # -- the store's hooks (called under the library lock) ----------------------------------------

    def begin(self) -> None:
        self._staged = []  # forget briefings staged by a transaction that failed

    def stage(self, briefing: Briefing, added: str | None) -> None:
        self._staged.append(f"+{briefing.id} {added or '-'}")

    def commit(self, fresh: bool = False) -> None:
        """Journal the staged adds. ``fresh``: the library was empty, so the state starts now;
        a library with briefings but no state (from before this feature) is rebuilt on first use."""
        lines, self._staged = self._staged, []
        if lines and fresh and not self.exists:
            self._journal([])
            self._start()
        if lines and (fresh or self.exists):
            self._journal(lines)
        elif lines and not self.folder.exists():
            self._journal([])  # creates the folder; no profiles dir yet: ensure() rebuilds

    def remove(self, briefing_id: str) -> None:
        if self.folder.exists():
            self._journal([f"-{briefing_id}"])

    def _journal(self, lines: list[str]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            if lines:
                with open(self.journal, "a", encoding="utf-8") as f:
                    f.write("".join(line + "\n" for line in lines))
        except OSError:  # disk full: the briefings are stored; the state is rebuilt on next use
            try:
                (self.folder / "STALE").touch()
            except OSError:
                pass

    # -- applying (under the library lock) --------------------------------------------------------

    def apply(self, load: Callable[[str], Briefing | None]) -> int:
        """Index the journal (``load`` gives a stored briefing, or None once deleted); returns how
        many briefings changed. A run that dies leaves STALE behind, so the next use rebuilds."""
        try:
            raw = self.journal.read_text(encoding="utf-8")
        except FileNotFoundError:
            return 0
        last: dict[str, str] = {}  # id -> its last journalled operation ("+ADDED" or "-")
        for line in raw.splitlines():
            if len(line) > 1 and line[0] in "+-":
                bid, _, added = line[1:].partition(" ")
                last.pop(bid, None)
                last[bid] = "+" + added if line[0] == "+" else "-"
        (self.folder / "profiles").mkdir(parents=True, exist_ok=True)
        (self.folder / "STALE").touch()
        removed = [bid for bid, op in last.items() if op == "-"]
        if removed:
            Batch(self).remove(removed)
        adds = [(bid, op[1:]) for bid, op in last.items() if op != "-"]
        for start in range(0, len(adds), 200):
            chunk = [(b, None if added == "-" else added) for b, added in
                     ((load(bid), added) for bid, added in adds[start:start + 200]) if b is not None]
            if chunk:
                Batch(self).add(chunk)
        self.journal.unlink(missing_ok=True)
        (self.folder / "STALE").unlink(missing_ok=True)
        return len(last)

    def rebuild(self, briefings: Iterable[tuple[Briefing, str | None]]) -> int:
        """Recompute everything from ``(briefing, added)`` pairs (migration, or after an update
        died); the watch filters and seen marks are kept."""
        for name in ("profiles", "people", "keys", "events"):
            shutil.rmtree(self.folder / name, ignore_errors=True)
        self._start()
        (self.folder / "STALE").touch()  # until the rebuild has finished
        self.journal.unlink(missing_ok=True)
        n = 0
        chunk: list[tuple[Briefing, str | None]] = []
        for item in briefings:
            chunk.append(item)
            n += 1
            if len(chunk) >= 200:
                Batch(self).add(chunk)
                chunk = []
        if chunk:
            Batch(self).add(chunk)
        (self.folder / "STALE").unlink(missing_ok=True)
        return n
