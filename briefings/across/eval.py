"""Measure grouping, people merging and date resolution on the fictional story sets.

``python -m briefings.across.eval`` ingests ``stories/*.md`` into a temporary
library (through the store, so the incremental hooks do the work) and compares
with ``stories/gold.json``:

* grouping: pairwise precision/recall/F1 over pairs of stories put in one event;
* people: pairwise precision/recall/F1 over appearances (story, person) merged
  into one person, with appearances the system missed counted as recall misses;
* dates: the share of gold date phrases found and resolved to the gold day or range.

Targets (README): grouping F1 >= 0.9, people F1 >= 0.95, dates >= 0.95.
"""

from __future__ import annotations

import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any

STORIES = Path(__file__).parent / "stories"
TARGETS = {"grouping_f1": 0.9, "people_f1": 0.95, "dates": 0.95}


def _prf(system: set[frozenset[Any]], gold: set[frozenset[Any]]) -> dict[str, float]:
    tp = len(system & gold)
    p = tp / len(system) if system else 1.0
    r = tp / len(gold) if gold else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _pairs(groups: list[list[Any]]) -> set[frozenset[Any]]:
    return {frozenset(pair) for g in groups for pair in combinations(sorted(set(g)), 2)}


def evaluate(stories: Path = STORIES) -> dict[str, Any]:
    from ..extract import extract
    from ..ingest import load
    from ..store import Library
    from . import query

    gold = json.loads((stories / "gold.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "library")
        briefings = {p.stem: extract(load(str(p))) for p in sorted(stories.glob("*.md"))}
        library.add_many(briefings.values())
        stem_of = {b.id: stem for stem, b in briefings.items()}
        across = query.ensure(library)  # as `briefing ingest` does at the end of a run
        events = query.events(across, singles=True)
        system_groups = [[stem_of[m["id"]] for m in e["members"]] for e in events]
        grouping = _prf(_pairs(system_groups), _pairs(list(gold["events"].values())))

        people = query.people(across)
        surname_of = {name.split()[-1].casefold(): name for name in gold["people"]}
        found: list[tuple[str, str, str]] = []  # (story, gold person, system person id)
        for person in people:
            for a in person["appearances"]:
                gold_name = surname_of.get(a["name"].split()[-1].casefold())
                if gold_name and stem_of.get(a["briefing"]) in gold["people"][gold_name]:
                    found.append((stem_of[a["briefing"]], gold_name, person["id"]))
        by_system: dict[str, list[tuple[str, str]]] = {}
        for story, gold_name, pid in found:
            by_system.setdefault(pid, []).append((story, gold_name))
        system_pairs = _pairs(list(by_system.values()))
        gold_pairs = _pairs([[(s, name) for s in stories_] for name, stories_ in gold["people"].items()])
        merging = _prf(system_pairs, gold_pairs)
        appearances = sum(len(v) for v in gold["people"].values())

        right, wrong = 0, []
        for stem, phrase, want in gold["dates"]:
            profile = across.profile(briefings[stem].id) or {}
            got = [d["date"] for d in profile.get("dates", ()) if phrase.casefold() in d["phrase"].casefold()]
            if want in got:
                right += 1
            else:
                wrong.append(f"{stem}: {phrase!r} -> {got or 'not found'} (gold {want})")
    return {"grouping": grouping, "people": merging, "people_found": len(set(found)) / appearances,
            "dates": right / len(gold["dates"]), "date_errors": wrong, "stories": len(briefings),
            "events": len(gold["events"])}


def report(name: str, r: dict[str, Any]) -> bool:
    g, p = r["grouping"], r["people"]
    print(f"{name}: {r['stories']} stories in {r['events']} gold events")
    print(f"grouping   P {g['precision']:.3f}  R {g['recall']:.3f}  F1 {g['f1']:.3f}   (target F1 >= 0.9)")
    print(f"people     P {p['precision']:.3f}  R {p['recall']:.3f}  F1 {p['f1']:.3f}   (target F1 >= 0.95); "
          f"appearances found {r['people_found']:.3f}")
    print(f"dates      accuracy {r['dates']:.3f}   (target >= 0.95)")
    for line in r["date_errors"]:
        print(f"  date miss: {line}")
    return g["f1"] >= TARGETS["grouping_f1"] and p["f1"] >= TARGETS["people_f1"] and r["dates"] >= TARGETS["dates"]


def main() -> int:
    """The tuning set decides the exit status; the held-out set is printed for honesty."""
    ok = report("story set", evaluate(STORIES))
    print()
    report("held-out set (not used to tune the rules)", evaluate(STORIES / "heldout"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
