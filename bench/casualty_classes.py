"""Casualty precision class by class on the GVDB development half: where the wrong extras are.

    python bench/casualty_classes.py [DIR]   (default ../shared/eval/public/gvdb)

Every predicted casualty is matched against the gold with the shared scorer's rule
(same first and last name) and put in classes by how it was found: the evidence that
gave its status (``victims.Victim.evidence``: subject of a harm predicate, object of
a harm phrase, identification, finding, body, pronoun, heading; "-" when only the
mention-level reading in ``casualties`` found it), its status, where the article
first names it, how often the surname recurs, whether it is the article's first
casualty, and whether the article's gold names any victim at all (one crowd worker
per article: a gold without victims often means a victim left out, not none).
Prints one precision table per class; no article text.
"""

from __future__ import annotations

import collections
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefings.extract import analyse, extract  # noqa: E402
from briefings.extract.victims import read_people  # noqa: E402
from briefings.ingest import load_text  # noqa: E402


def same_person(gold: str, pred: str) -> bool:
    """The shared scorer's match: the gold first and last words both in the predicted name."""
    g, p = re.findall(r"\w+", gold.lower()), set(re.findall(r"\w+", pred.lower()))
    return bool(g) and g[0] in p and g[-1] in p


def rows(folder: Path):
    """(classes, matched) for every predicted casualty in ``folder``."""
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())["casualties"]
        article = load_text(gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(),
                            source=gold_path.stem)
        text = article.text
        people = {p.name: p for p in read_people(text, analyse(text).sentences)}
        used: set[int] = set()
        for rank, c in enumerate(extract(article).casualties):
            hit = next((i for i, g in enumerate(gold) if i not in used and same_person(g["name"], c.name)), None)
            if hit is not None:
                used.add(hit)
            v = people.get(c.name)
            surname = c.name.replace(".", "").split()[-1]
            yield {
                "evidence": v.evidence if v is not None and v.harmed else "-",
                "status": c.status,
                "first named": "first fifth" if c.span[0] < len(text) / 5 else "later",
                "surname mentions": min(len(re.findall(rf"\b{re.escape(surname)}\b", text)), 3),
                "first casualty": rank == 0,
                "gold names a victim": bool(gold),
            }, hit is not None


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "../shared/eval/public/gvdb")
    if not any(folder.glob("*.gold.json")):
        print(f"{folder}: no gold files (ID.gold.json) found", file=sys.stderr)
        return 2
    found = list(rows(folder))
    tp = sum(ok for _, ok in found)
    print(f"{len(found)} predicted casualties, {tp} match the gold: precision {tp / max(len(found), 1):.2f}")
    for key in found[0][0] if found else []:
        table = collections.defaultdict(lambda: [0, 0])
        for classes, ok in found:
            table[classes[key]][0] += ok
            table[classes[key]][1] += 1
        print(f"\n{key}:")
        for value, (ok, n) in sorted(table.items(), key=lambda kv: -kv[1][1]):
            print(f"  {str(value):<14} {n:>4} predicted  {ok:>4} right  {n - ok:>3} wrong  P {ok / n:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
