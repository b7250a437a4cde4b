"""One batch of changes to the cross-article state: shards read once, changed in memory, written once.

Adding a briefing: build its profile, find candidates through the key shards (only
briefings dated within ``MAX_DAYS``), link it to the events of the candidates it
matches (merging events it bridges), and add its people to their surname buckets.
Removing one undoes exactly what its stored profile says was done.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import orjson

from ..model import Briefing
from .events import COMMON_KEY, MAX_DAYS, best_links, index_keys
from .people import appearances
from .profiles import Profile, build_profile
from .shards import Shards, replace_all

if TYPE_CHECKING:
    from .state import Across

KEEP_IDS = 500  # ids kept per key: enough to find candidates, bounded for keys every story shares
CANDIDATES = 200  # profiles compared with a new one at most


def new_event() -> dict[str, Any]:
    """An event record: members, links with reasons, and per report [date, title, outlet, places]
    (enough to list events without reading a profile)."""
    return {"members": [], "links": [], "reports": {}}


def _ordinal(day: str | None) -> int | None:
    try:
        return date.fromisoformat(day).toordinal() if day else None
    except ValueError:
        return None


class Batch:
    """One round of changes: shards are read once, changed in memory, written once each."""

    def __init__(self, across: Across) -> None:
        self.a = across
        self.profiles: dict[str, Profile | None] = {}  # changed profiles (None = deleted)
        self.keys: dict[str, dict[str, Any] | None] = {}
        self.events: dict[str, dict[str, Any] | None] = {}
        self.people: dict[str, list[dict[str, Any]] | None] = {}
        self._read: dict[str, Profile | None] = {}  # unchanged profiles read this batch

    def _profile(self, bid: str) -> Profile | None:
        if bid in self.profiles:
            return self.profiles[bid]
        if bid not in self._read:
            self._read[bid] = self.a.profile(bid)
        return self._read[bid]

    def _links(self, p: Profile, ranked: list[str]) -> list[tuple[float, Profile, list[str]]]:
        """The links of ``p`` to the ranked candidates. Once a candidate's event is linked (and three
        reasons are kept) its other members are not scored: joining needs one link per event."""
        found: list[tuple[float, Profile, list[str]]] = []
        linked: set[str] = set()
        for bid in ranked:
            c = self._profile(bid)
            if c is None or (c.get("event") in linked and len(found) >= 3):
                continue
            for link in best_links(p, [c]):
                found.append(link)
                linked.add(c.get("event") or "")
        found.sort(key=lambda t: (-t[0], t[1]["id"]))
        return found

    def _load(self, cache: dict[str, Any], shards: Shards, keys: list[str], empty: Any) -> None:
        missing = [k for k in keys if k not in cache]
        found = shards.get_many(missing)
        for k in missing:
            cache[k] = found.get(k, empty() if empty else None)

    def add(self, items: list[tuple[Briefing, str | None]]) -> None:
        watch = self.a.watchlist()
        for briefing, added in items:
            old = self._profile(briefing.id)
            if old is not None:
                self._forget(old)
            profile = build_profile(briefing, added or (old or {}).get("added"))
            self._index(profile)
            watch.match(briefing.id, briefing.article.title, briefing.article.text)
        self._flush()
        if watch.filters:
            watch.save()

    def remove(self, ids: list[str]) -> None:
        watch = self.a.watchlist()
        for bid in ids:
            old = self._profile(bid)
            if old is not None:
                self._forget(old)
            watch.forget(bid)
        self._flush()
        if watch.filters or watch.matches:
            watch.save()

    def index_profiles(self, profiles: list[Profile]) -> None:
        """Index ready-made profiles (rebuilds and benchmarks) and write once."""
        for p in profiles:
            self._index(p)
        self._flush()

    def _candidates(self, p: Profile, keys: list[str]) -> list[str]:
        """Briefings sharing a key with ``p`` and dated close to it, most keys shared first.

        Key entries carry each briefing's date, so far-off briefings are dropped before any
        profile is read; keys shared by more than COMMON_KEY briefings are skipped."""
        day = _ordinal(p.get("date"))
        shared: dict[str, int] = {}
        for k in keys:
            entry = self.keys[k]
            if entry["n"] > COMMON_KEY:
                continue
            for other, when in entry["ids"]:
                if day is not None and (w := _ordinal(when)) is not None and abs(w - day) <= MAX_DAYS:
                    shared[other] = shared.get(other, 0) + 1
        shared.pop(p["id"], None)
        return sorted(shared, key=lambda i: (-shared[i], i))[:CANDIDATES]

    def _index(self, p: Profile) -> None:
        bid = p["id"]
        keys = index_keys(p)
        self._load(self.keys, self.a.keys, keys, lambda: {"n": 0, "ids": []})
        ranked = self._candidates(p, keys)
        for k in keys:
            entry = self.keys[k]
            entry["n"] += 1
            entry["ids"] = [*[x for x in entry["ids"] if x[0] != bid], [bid, p.get("date")]][-KEEP_IDS:]
        links = self._links(p, ranked)
        events = sorted({c.get("event") for _, c, _ in links if c.get("event")})
        self._load(self.events, self.a.events, events, None)
        events = [e for e in events if self.events.get(e)]
        event_id = events[0] if events else f"e-{bid[:12]}"
        record = self.events.get(event_id) or new_event()
        for other in events[1:]:  # the new briefing bridges two events: they are one
            merged = self.events[other] or new_event()
            record["members"] += merged["members"]
            record["links"] += merged["links"]
            record["reports"].update(merged["reports"])
            for member in merged["members"]:
                moved = self._profile(member)
                self._read.pop(member, None)
                if moved is not None:
                    self.profiles[member] = {**moved, "event": event_id}
            self.events[other] = None
        record["members"] = [*[m for m in record["members"] if m != bid], bid]
        record["links"] += [{"a": bid, "b": c["id"], "why": why, "score": score} for score, c, why in links[:3]]
        record["reports"][bid] = [p.get("date"), p.get("title"), p.get("outlet"), p.get("places", [])[:5]]
        self.events[event_id] = record
        p["event"] = event_id
        self.profiles[bid] = p
        by_surname: dict[str, list[dict[str, Any]]] = {}
        for key, app in appearances(p):
            by_surname.setdefault(key, []).append(app)
        self._load(self.people, self.a.people, list(by_surname), list)
        for key, apps in by_surname.items():
            self.people[key] = [*(self.people[key] or []), *apps]

    def _forget(self, p: Profile) -> None:
        bid = p["id"]
        keys = index_keys(p)
        self._load(self.keys, self.a.keys, keys, None)
        for k in keys:
            entry = self.keys.get(k)
            if entry:
                entry["ids"] = [x for x in entry["ids"] if x[0] != bid]
                entry["n"] = max(0, entry["n"] - 1)
                self.keys[k] = entry if entry["n"] else None
        surnames = sorted({s for s, _ in appearances(p)})
        self._load(self.people, self.a.people, surnames, None)
        for s in surnames:
            left = [x for x in self.people.get(s) or [] if x["b"] != bid]
            self.people[s] = left or None
        event = p.get("event")
        if event:
            self._load(self.events, self.a.events, [event], None)
            record = self.events.get(event)
            if record:
                record["members"] = [m for m in record["members"] if m != bid]
                record["links"] = [x for x in record["links"] if bid not in (x["a"], x["b"])]
                record["reports"].pop(bid, None)
                self.events[event] = record if record["members"] else None
        self.profiles[bid] = None

    def _flush(self) -> None:
        """Replace every changed profile and shard (atomically, without fsync: see briefings.across.state),
        then delete removed profiles."""
        writes = [(self.a.profile_path(bid), orjson.dumps(p)) for bid, p in self.profiles.items() if p is not None]
        for shards, cache in ((self.a.keys, self.keys), (self.a.events, self.events), (self.a.people, self.people)):
            if cache:
                writes += shards.prepare(list(cache), lambda k, _old, cache=cache: cache[k])
        replace_all(writes)
        for bid, p in self.profiles.items():
            if p is None:
                self.a.profile_path(bid).unlink(missing_ok=True)
