"""Across-articles benchmark: grouping and who's-who lookups at 1,000 / 10,000 / 100,000 briefings.

    python bench/across_scale.py [--sizes 1000 10000 100000] [--runs 20] [--keep DIR]

The state is built from synthetic profiles (events of 1-5 reports by invented
outlets, 20,000 people, 4,000 places, dates over three years) through the real
incremental indexer (``Batch.index_profiles``); building is setup, not measured,
and skips fsync. Then, each as a median over --runs, printed with a baseline
measured in the same run and their ratio:

- grouping: indexing ONE new briefing into the state (candidate lookup by shared
  keys and dates, scoring, event assignment, the shard and profile writes) against
  writing that one profile file atomically alone;
- who's who: ``briefing people SURNAME`` as a library call (one shard read, merge)
  against reading and parsing one profile file;
- events: the newest 50 events with reconciled figures against reading and parsing
  their members' profile files alone (the part no index can avoid);
- and, without a baseline, the whole who's who (the People screen's list).

A ratio that stays flat from 1,000 to 100,000 briefings means the cost does not grow
with the library. Results go to bench/results/across-TIME.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import orjson  # noqa: E402

from briefings.across import query  # noqa: E402
from briefings.across.state import Across, Batch  # noqa: E402
from briefings.atomic import write_atomic  # noqa: E402
from briefings.model import digest  # noqa: E402

SYL = "ka lo mi ren tas vel dor an is ur be ko sal min tor el".split()
OUTLETS = ["Northwire", "Daily Ledger", "Coastal Radio", "Meridian Times", "Harbour Post"]
KINDS = ["killed", "injured", "missing"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYL) for _ in range(parts)).title()


def profiles(n: int, seed: int = 13) -> list[dict]:
    """``n`` synthetic profiles in events of 1-5 reports, dated over three years."""
    rng = random.Random(seed)
    surnames = [_word(rng, 3) for _ in range(20_000)]
    firsts = [_word(rng, 2) for _ in range(400)]
    places = [_word(rng, 2) + " " + _word(rng, 2) for _ in range(4_000)]
    start = date(2024, 1, 1)
    out: list[dict] = []
    event = 0
    while len(out) < n:
        event += 1
        day = start + timedelta(days=rng.randrange(3 * 365))
        cast = [(rng.choice(firsts), rng.choice(surnames)) for _ in range(rng.randint(1, 4))]
        where = rng.sample(places, 2)
        tolls = {k: rng.randint(1, 60) for k in rng.sample(KINDS, 2)}
        for r in range(rng.randint(1, 5)):
            if len(out) >= n:
                break
            bid = digest("bench", event, r, size=64)
            people = [{"name": f"{f} {s}" if rng.random() < 0.7 else s, "roles": ["Minister"] if rng.random() < 0.2
                       else [], "quotes": [{"item": f"q-{i}", "text": f"We will act, {i}", "span": [0, 9]}
                                           for i in range(rng.randint(0, 2))], "status": None, "span": [0, 5]}
                      for f, s in cast]
            out.append({"id": bid, "title": f"{where[0]} report {event}/{r}", "outlet": OUTLETS[r],
                        "published": (day + timedelta(days=r)).isoformat(), "added": None,
                        "date": (day + timedelta(days=r)).isoformat(), "people": people,
                        "places": where[: rng.randint(1, 2)],
                        "figures": [{"kind": k, "value": v + rng.choice([0, 0, 1, 3]), "text": str(v), "item": None,
                                     "span": [0, 2]} for k, v in tolls.items()],
                        "topic": ["explosion"], "dates": []})
    return out


def build(root: Path, n: int) -> tuple[Across, list[dict]]:
    everything = profiles(n + 200)
    across = Across(root)
    real_fsync = os.fsync
    os.fsync = lambda fd: None  # setup only: the measured steps below fsync as usual
    try:
        for i in range(0, n, 20_000):
            Batch(across).index_profiles(everything[i:min(n, i + 20_000)])
    finally:
        os.fsync = real_fsync
    return across, everything[n:]


def median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def measure(root: Path, n: int, runs: int) -> dict:
    across, fresh = build(root, n)
    probe = fresh[0]
    some = next(p for p in fresh if p["people"])
    surname = some["people"][0]["name"].split()[-1]
    scratch = root / "scratch.json"
    blob = orjson.dumps(probe)
    base_write = median_time(lambda: write_atomic(scratch, blob), runs)
    pending = iter(fresh[1:])
    group = median_time(lambda: Batch(across).index_profiles([next(pending)]), runs)
    one_profile = across.profile_path(probe["id"] if across.profile(probe["id"]) else fresh[1]["id"])
    base_read = median_time(lambda: orjson.loads(one_profile.read_bytes()), runs)
    who = median_time(lambda: query.people(across, surname), runs)
    few = max(3, runs // 4)
    shown = query.events(across, limit=50)
    paths = [across.profile_path(m["id"]) for e in shown for m in e["members"]]
    ev = median_time(lambda: query.events(across, limit=50), few)
    base_ev = median_time(lambda: [orjson.loads(p.read_bytes()) for p in paths], few)
    everyone = median_time(lambda: query.people(across), 1)
    return {"briefings": n, "group_s": group, "write_profile_s": base_write, "group_ratio": group / base_write,
            "people_s": who, "read_profile_s": base_read, "people_ratio": who / base_read,
            "events50_s": ev, "read_members_s": base_ev, "events_ratio": ev / base_ev, "people_all_s": everyone}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--keep", type=Path, help="build the states under this folder and keep them")
    args = ap.parse_args()
    results = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = (args.keep / f"across-{n}") if args.keep else Path(tmp)
            r = measure(root, n, args.runs)
        results.append(r)
        print(f"{n:>7} briefings | group one: {r['group_s'] * 1e3:7.2f} ms = {r['group_ratio']:5.1f}x one profile write"
              f" | people NAME: {r['people_s'] * 1e3:6.2f} ms = {r['people_ratio']:5.1f}x one profile read"
              f" | events (50): {r['events50_s'] * 1e3:7.1f} ms = {r['events_ratio']:5.1f}x reading their profiles"
              f" | everyone: {r['people_all_s']:.2f} s", flush=True)
    out = HERE / "results" / f"across-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2))
    print(f"results: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
