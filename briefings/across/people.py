"""Who's who: the people named across the library, merged by name.

Appearances (one per person per briefing) are kept by surname, so every form
of a name lands in one bucket: "Tomas Brevik", "Brevik", "Mr Brevik", "Fire
Chief Tomas Brevik". Within a bucket, full names merge when their first names
agree ("Joe"/"J."); a surname alone joins the one full name of that bucket, or,
when several people share the surname, the one reported in the same event.
"""

from __future__ import annotations

from typing import Any

from ..model import digest
from .names import first_name, fold, same_person, surname
from .profiles import Profile

Appearance = dict[str, Any]


def appearances(p: Profile) -> list[tuple[str, Appearance]]:
    """``(surname, appearance)`` for every person a profile names."""
    out = []
    for x in p.get("people", ()):
        key = surname(x["name"])
        if key:
            out.append((key, {"b": p["id"], "name": x["name"], "roles": x.get("roles", []), "quotes": x.get("quotes", []),
                              "status": x.get("status"), "casualty": x.get("casualty"), "date": p.get("date"),
                              "outlet": p.get("outlet"), "title": p.get("title"), "span": x.get("span"),
                              "weak": bool(x.get("weak"))}))
    return out


def _merge_into(person: dict[str, Any], a: Appearance) -> None:
    person["appearances"].append(a)
    if len(a["name"]) > len(person["name"]) and first_name(a["name"]):
        person["name"] = a["name"]


def cluster(bucket: list[Appearance], event_of: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The people of one surname bucket (see the module docstring)."""
    event_of = event_of or {}
    people: list[dict[str, Any]] = []
    full = sorted((a for a in bucket if first_name(a["name"])), key=lambda a: (-len(first_name(a["name"])), a["b"]))
    for a in full:
        first = first_name(a["name"])
        home = next((p for p in people if same_person(first_name(p["name"]), first)), None)
        if home is None:
            home = {"name": a["name"], "appearances": []}
            people.append(home)
        _merge_into(home, a)
    for a in (a for a in bucket if not first_name(a["name"])):
        if len(people) == 1:
            home = people[0]
        else:  # several people share the surname: the one in the same event, else on its own
            event = event_of.get(a["b"])
            same = [p for p in people if event and any(event_of.get(x["b"]) == event for x in p["appearances"])]
            home = same[0] if len(same) == 1 else None
            if home is None:
                home = next((p for p in people if p["name"] == a["name"]), None)
            if home is None:
                home = {"name": a["name"], "appearances": []}
                people.append(home)
        _merge_into(home, a)
    # A bare surname seen only before "said" ("Reuters said") is a person only with a fuller form.
    return [_person(p) for p in people if not all(a.get("weak") for a in p["appearances"])]


def _person(p: dict[str, Any]) -> dict[str, Any]:
    apps = sorted(p["appearances"], key=lambda a: (a.get("date") or "", a["b"]))
    roles: list[str] = []
    for a in apps:
        roles += [r for r in a["roles"] if fold(r) not in {fold(x) for x in roles}]
    # "minister" says less than "Mines Minister": keep only roles not contained in another one.
    roles = [r for r in roles if not any(fold(r) != fold(o) and fold(r) in fold(o) for o in roles)]
    quotes = [{"text": q["text"], "briefing": a["b"], "item": q.get("item"), "span": q.get("span"),
               "date": a.get("date"), "outlet": a.get("outlet"), "title": a.get("title")}
              for a in apps for q in a["quotes"]]
    casualty = [{"status": a["status"], "briefing": a["b"], "item": a.get("casualty"), "date": a.get("date"),
                 "outlet": a.get("outlet")} for a in apps if a.get("status")]
    return {"id": "p-" + digest("person", fold(p["name"]), size=8), "name": p["name"], "roles": roles,
            "forms": sorted({a["name"] for a in apps}), "briefings": sorted({a["b"] for a in apps}),
            "quotes": quotes, "casualty": casualty,
            "appearances": [{"briefing": a["b"], "name": a["name"], "date": a.get("date"), "outlet": a.get("outlet"),
                             "title": a.get("title"), "span": a.get("span")} for a in apps]}


def matches(person: dict[str, Any], query: str) -> bool:
    """Does every word of ``query`` occur in one of the person's names or roles?"""
    hay = fold(" ".join([*person["forms"], *person["roles"]]))
    return all(w in hay for w in fold(query).split())
