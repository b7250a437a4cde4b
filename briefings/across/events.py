"""Which briefings report the same event, and why we think so.

Two briefings are linked when they are close in time (their dates at most
``MAX_DAYS`` apart) and share enough specific evidence: the same named people,
the same places, the same casualty figures. Each shared thing adds weight; a
link needs ``THRESHOLD`` weight from at least two kinds of evidence (one
shared politician in two unrelated stories is not an event), or a lot of one
kind. An event is the set of briefings joined by links (single linkage); the
reasons of every link are kept, so the reader can say why a story is there.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .names import fold, name_key, same_person, surname
from .profiles import Profile

MAX_DAYS = 10
THRESHOLD = 4.0
WEIGHTS = {"person": 2.0, "surname": 1.5, "place": 2.0, "figure": 1.0, "topic": 1.0}
COMMON_KEY = 300  # a key shared by more briefings than this says nothing about one event


def _day(p: Profile) -> date | None:
    return date.fromisoformat(p["date"]) if p.get("date") else None


def people_keys(p: Profile) -> list[str]:
    return [name_key(x["name"]) for x in p.get("people", ())]


def index_keys(p: Profile) -> list[str]:
    """The keys under which a profile is found as a candidate: surnames, places, figures."""
    keys = {f"s:{surname(x['name'])}" for x in p.get("people", ()) if surname(x["name"])}
    keys |= {f"p:{fold(pl)}" for pl in p.get("places", ())}
    keys |= {f"f:{f['kind']}:{f['value']}" for f in p.get("figures", ())}
    return sorted(keys)


def _shared_people(a: Profile, b: Profile) -> tuple[list[str], list[str]]:
    """Full names both share, and surnames matched only by the surname (one side has no first name)."""
    full, short = [], []
    theirs = [(x["name"], name_key(x["name"])) for x in b.get("people", ())]
    for x in a.get("people", ()):
        sa, fa = name_key(x["name"]).split("|")
        for name, key in theirs:
            sb, fb = key.split("|")
            if sa != sb or not same_person(fa, fb):
                continue
            best = x["name"] if len(x["name"]) >= len(name) else name
            (full if fa and fb else short).append(best)
            break
    return sorted(set(full)), sorted(set(short))


def link(a: Profile, b: Profile) -> tuple[float, list[str]]:
    """How strongly ``a`` and ``b`` report the same event, and the reasons in words."""
    da, db = _day(a), _day(b)
    if da is None or db is None or abs((da - db).days) > MAX_DAYS:
        return 0.0, []
    full, short = _shared_people(a, b)
    places_b = {fold(p): p for p in b.get("places", ())}
    places = sorted({places_b[fold(p)] for p in a.get("places", ()) if fold(p) in places_b})
    figs_b = {(f["kind"], f["value"]) for f in b.get("figures", ())}
    figures = sorted({(f["kind"], f["value"]) for f in a.get("figures", ()) if (f["kind"], f["value"]) in figs_b})
    topics = sorted(set(a.get("topic", ())) & set(b.get("topic", ())))
    parts = {"person": min(len(full), 3), "surname": min(len(short), 2), "place": min(len(places), 2),
             "figure": min(len(figures), 2), "topic": min(len(topics), 2)}
    score = sum(WEIGHTS[k] * n for k, n in parts.items())
    kinds = sum(1 for k in ("place", "figure") if parts[k]) + bool(parts["person"] or parts["surname"])
    if score < THRESHOLD or (kinds < 2 and score < 2 * THRESHOLD):
        return 0.0, []
    why = []
    if full or short:
        why.append("names " + ", ".join(full + short))
    if places:
        why.append("places " + ", ".join(places))
    if figures:
        why.append("figures " + ", ".join(f"{k} {v}" for k, v in figures))
    if topics:
        why.append("words " + ", ".join(topics))
    days = abs((da - db).days)
    why.append("same day" if days == 0 else f"{days} day{'s' * (days != 1)} apart")
    return score, why


def best_links(new: Profile, candidates: list[Profile]) -> list[tuple[float, Profile, list[str]]]:
    """Every candidate that links to ``new``, strongest first."""
    found = []
    for c in candidates:
        if c["id"] == new["id"]:
            continue
        score, why = link(new, c)
        if score:
            found.append((score, c, why))
    found.sort(key=lambda t: (-t[0], t[1]["id"]))
    return found


def event_summary(members: list[Profile]) -> dict[str, Any]:
    """Title, span of dates, outlets, places and people of a group of profiles."""
    ordered = sorted(members, key=lambda p: (p.get("date") or "", p["id"]))
    counts: dict[str, int] = {}
    for p in members:
        for pl in p.get("places", ()):
            counts[pl] = counts.get(pl, 0) + 1
    places = sorted((pl for pl, n in counts.items() if n > 1 or len(members) == 1), key=lambda pl: -counts[pl])
    return {"title": ordered[0]["title"] if ordered else "", "first": ordered[0].get("date") if ordered else None,
            "last": ordered[-1].get("date") if ordered else None,
            "outlets": sorted({p.get("outlet") or "" for p in members}), "places": places[:5],
            "briefings": [p["id"] for p in ordered]}
