"""Questions asked of the cross-article state: who's who, events, timelines, watch matches.

Every answer is plain data (dicts and lists, JSON-ready) with the briefing id
and span of each piece of evidence, so the CLI prints it and the reader jumps to it.
"""

from __future__ import annotations

from typing import Any

from .events import event_summary
from .names import clean_name, fold
from .people import cluster, matches
from .reconcile import line, reconcile
from .state import Across


def ensure(library: Any) -> Across:
    """The library's cross-article state, up to date: journalled adds and deletes applied
    incrementally; rebuilt only if it is missing (a library from before this feature) or stale
    (an update died or failed)."""
    across: Across = library.across
    if across.pending and not across.stale and across.exists:
        with library.transaction():
            try:
                across.apply(lambda bid: _stored(library, bid))
            except Exception:  # noqa: BLE001 - a damaged shard, a bug: fall back to a rebuild once
                pass
    if across.stale or (not across.exists and len(library) > 0):
        with library.transaction():
            if across.stale or not across.exists:
                across.rebuild((library.get(e.id), e.added) for e in library.entries())
    return across


def _stored(library: Any, briefing_id: str) -> Any:
    """The stored briefing, or None if it was deleted after being journalled."""
    from ..store import NotFound  # here: the store imports this package

    try:
        return library.get(briefing_id)
    except NotFound:
        return None


def people(across: Across, name: str | None = None) -> list[dict[str, Any]]:
    """Everyone (or everyone matching ``name``), most-reported first.

    With a name, only the bucket of its last word is read (one shard): a lookup costs
    the same at any library size. A name matching no surname falls back to a scan.
    """
    buckets: dict[str, list[dict[str, Any]]]
    if name:
        name = clean_name(name)[0] or name  # "Mr Osterby", "Mayor Sollis": the name without the title
    words = fold(name or "").split()
    if words:
        key = words[-1].rstrip(".")
        bucket = across.people.get(key)
        buckets = {key: bucket} if bucket else dict(across.people.items())
    else:
        buckets = dict(across.people.items())
    out: list[dict[str, Any]] = []
    for bucket in buckets.values():
        event_of = {}
        if len({a["b"] for a in bucket}) > 1 and any(" " not in a["name"] for a in bucket):
            event_of = {p["id"]: p.get("event") for p in across.profiles(sorted({a["b"] for a in bucket}))}
        out += [p for p in cluster(bucket, event_of) if not words or matches(p, name or "")]
    out.sort(key=lambda p: (-len(p["briefings"]), fold(p["name"])))
    return out


def events(across: Across, *, singles: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """Events reported by two or more briefings (all events with ``singles``), newest first.

    Ordered from the event records alone; only the ``limit`` shown are read in full
    (their members' profiles, for the reconciled figures)."""
    listed = []
    for event_id, record in across.events.items():
        if len(record["members"]) < 2 and not singles:
            continue
        last = max((r[0] or "" for r in record.get("reports", {}).values()), default="")
        listed.append((last, event_id, record))
    listed.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [event(across, event_id, record) for _, event_id, record in listed[:limit]]


def event(across: Across, event_id: str, record: dict[str, Any] | None = None) -> dict[str, Any]:
    """One event: its briefings, why they were grouped, and the figures reconciled."""
    record = record or across.events.get(event_id) or {"members": [], "links": []}
    members = across.profiles(record["members"])
    figures = reconcile(members)
    return {"id": event_id, **event_summary(members),
            "why": [{"a": x["a"], "b": x["b"], "why": x["why"]} for x in record["links"]],
            "figures": figures, "figure_lines": [line(f) for f in figures],
            "members": [{"id": p["id"], "title": p["title"], "outlet": p.get("outlet"), "date": p.get("date")}
                        for p in sorted(members, key=lambda p: (p.get("date") or "", p["id"]))]}


def find_event(across: Across, ref: str) -> str | None:
    """An event id from an event id (or prefix), a briefing id (or prefix), or words of a title."""
    ref = ref.strip()
    all_events = dict(across.events.items())
    hits = [e for e in all_events if e.startswith(ref) or e.startswith("e-" + ref)]
    if not hits:
        hits = [e for e, r in all_events.items() if any(m.startswith(ref) for m in r["members"])]
    if not hits:
        words = fold(ref).split()
        for e, r in all_events.items():
            titles = " ".join(str(rep[1] or "") for rep in r.get("reports", {}).values())  # no profile reads
            if words and all(w in fold(titles) for w in words):
                hits.append(e)
    hits.sort(key=lambda e: -len(all_events[e]["members"]))
    return hits[0] if hits else None


def timeline(across: Across, *, event_id: str | None = None, person: str | None = None) -> list[dict[str, Any]]:
    """Dated entries, oldest first: each resolved date phrase (and each report) with its evidence."""
    if person:
        found = people(across, person)
        ids = sorted({b for p in found[:1] for b in p["briefings"]})
    elif event_id:
        ids = (across.events.get(event_id) or {"members": []})["members"]
    else:
        ids = []
    entries = []
    for p in across.profiles(ids):
        if p.get("date"):
            entries.append({"date": p["date"], "end": p["date"], "kind": "report", "phrase": None,
                            "text": f"{p.get('outlet')} reports: {p['title']}", "briefing": p["id"], "span": None})
        for d in p.get("dates", ()):
            start, _, end = d["date"].partition("..")
            entries.append({"date": start, "end": end or start, "kind": "date", "phrase": d["phrase"],
                            "text": "", "context": d.get("context", ""), "briefing": p["id"], "span": d["span"],
                            "outlet": p.get("outlet")})
    entries.sort(key=lambda e: (e["date"], e["kind"] != "date", e["end"], e["briefing"]))
    return entries
