"""Measure extraction against hand-made gold files: ``python -m briefings.eval [DIR ...]``.

``--public DIR`` scores the public annotated news sets instead (see :mod:`briefings.eval_public`).

Each ``NAME.gold.json`` is scored against the article ``NAME.*`` beside it
(.txt, .md or .html, read through the real ingest step). The matching rules
are those of the project's acceptance scorer (../shared/eval/score.py), kept
here so the test suite can measure quality without ../shared.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

STOP = set("a an the of in on at to for and or by with from over than more as is was were be been has have had its it "
           "that this which who into about after".split())
NUM_WORDS = set("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
                "million billion dozen dozens hundreds thousands".split())
KINDS = ("casualties", "figures", "quotes")


def _norm(s: str | None) -> str:
    s = (s or "").translate(str.maketrans("\u2019\u2018\u201c\u201d", "''\"\""))
    return re.sub(r"\s+", " ", s.lower()).strip().strip(" .,;:'\"")


def _words(s: str | None) -> list[str]:
    return [w.strip("'") for w in re.findall(r"[a-z0-9']+", _norm(s)) if w.strip("'")]


def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def _content(s: str | None) -> list[str]:
    return [w for w in _words(s) if w not in STOP and w not in NUM_WORDS and not re.fullmatch(r"[\d.,]+", w)]


def same_person(g: dict, p: dict) -> bool:
    gw, pw = _words(g["name"]), set(_words(p.get("name")))
    return bool(gw) and gw[0] in pw and gw[-1] in pw


def figure_match(g: dict, p: dict) -> bool:
    try:
        if abs(float(p.get("value")) - float(g["value"])) > 1e-9:
            return False
    except (TypeError, ValueError):
        return False
    pw = {_stem(w) for w in _words(f"{p.get('text', '')} {p.get('counts', '')}")}
    return any(_stem(w) in pw for w in _content(g["text"])) or not _content(g["text"])


def quote_match(g: dict, p: dict) -> bool:
    a, b = _norm(g["text"]), _norm(p.get("text"))
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    if short in long_ and len(short) >= 0.6 * len(long_):
        return True
    wa, wb = set(_words(a)), set(_words(b))
    return len(wa & wb) >= 0.7 * len(wa | wb)


def speaker_right(g: dict, p: dict) -> bool:
    ps = set(_words(p.get("speaker")))
    full = g["speaker"]
    for v in [re.sub(r"\s*\([^)]*\)", "", full), *re.findall(r"\(([^)]*)\)", full)]:
        gs, cw = _words(v), _content(v)
        if gs and len(cw) >= 2 and not v[:1].isupper():
            if all(w in ps for w in cw):
                return True
        elif gs and gs[-1] in ps:
            return True
    return False


def _pair(golds: list, preds: list, match) -> list[tuple[int, int]]:
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            if pi not in used and match(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


@dataclass
class Tally:
    """True/false positives and misses of one kind, with what went wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    extra: int = 0  # ages right (casualties) or speakers right (quotes)
    misses: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        self.extra += other.extra
        self.misses += other.misses


def score(gold: dict, pred: dict) -> dict[str, Tally]:
    """Score one predicted briefing (JSON form) against its gold annotations."""
    out: dict[str, Tally] = {}
    for kind, match in (("casualties", same_person), ("figures", figure_match), ("quotes", quote_match)):
        golds, preds = gold.get(kind, []), pred.get(kind, []) or []
        pairs = _pair(golds, preds, match)
        gi_hit, pi_hit = {g for g, _ in pairs}, {p for _, p in pairs}
        minor = {i for i, g in enumerate(golds) if g.get("minor")}
        t = Tally(tp=len(gi_hit - minor), fp=len(preds) - len(pi_hit), fn=len(set(range(len(golds))) - gi_hit - minor))
        if kind == "casualties":
            t.extra = sum(1 for g, p in pairs if golds[g].get("age") is None or preds[p].get("age") == golds[g]["age"])
        if kind == "quotes":
            t.extra = sum(1 for g, p in pairs if speaker_right(golds[g], preds[p]))
            t.misses += [f"speaker {preds[p].get('speaker')!r} for {golds[g]['speaker']!r}: {golds[g]['text'][:50]}"
                         for g, p in pairs if not speaker_right(golds[g], preds[p])]
        t.misses += [f"missed {kind}: {json.dumps(golds[i], ensure_ascii=False)[:140]}"
                     for i in sorted(set(range(len(golds))) - gi_hit - minor)]
        t.misses += [f"extra {kind}: {json.dumps({k: v for k, v in preds[i].items() if k not in ('id', 'span')}, ensure_ascii=False)[:140]}"
                     for i in sorted(set(range(len(preds))) - pi_hit)]
        out[kind] = t
    words = set(_words(" ".join(s.get("text", "") for s in pred.get("summary", []) or [])))
    facts = gold.get("summary_facts", [])
    covered = [f for f in facts if _content(f) and sum(w in words for w in _content(f)) >= 0.5 * len(_content(f))]
    out["summary"] = Tally(tp=len(covered), fn=len(facts) - len(covered), extra=len(words),
                           misses=[f"summary misses: {f}" for f in facts if f not in covered])
    return out


def article_for(gold_path: Path) -> Path | None:
    """The article a gold file annotates: same name, any supported extension."""
    stem = gold_path.name[: -len(".gold.json")]
    for ext in (".txt", ".md", ".markdown", ".html", ".htm", ".text"):
        if (candidate := gold_path.with_name(stem + ext)).exists():
            return candidate
    return None


def evaluate(paths: list[Path], verbose: bool = False, out=sys.stdout) -> dict[str, Tally]:
    """Score every gold file under ``paths``; print a table; return the totals."""
    from .extract import extract
    from .ingest import load

    golds = sorted(g for p in paths for g in ([p] if p.is_file() else p.rglob("*.gold.json")))
    totals = {k: Tally() for k in (*KINDS, "summary")}
    print(f"{'article':<30} {'casualties':>10} {'figures':>8} {'quotes':>7} {'speakers':>9} {'summary':>9}", file=out)
    for gold_path in golds:
        article = article_for(gold_path)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred = extract(load(str(article))).to_dict() if article else {}
        s = score(gold, pred)
        for k, t in s.items():
            totals[k].add(t)
        c, f, q, su = s["casualties"], s["figures"], s["quotes"], s["summary"]
        print(f"{gold_path.name[:-10]:<30} {c.prf()[2]:>10.2f} {f.prf()[2]:>8.2f} {q.prf()[2]:>7.2f} "
              f"{q.extra:>4}/{q.tp + q.fn:<4} {su.tp}/{su.tp + su.fn}:{su.extra}w", file=out)
        if verbose:
            for t in s.values():
                for line in t.misses:
                    print(f"    {line}", file=out)
    for kind in KINDS:
        p, r, f1 = totals[kind].prf()
        print(f"{kind:<11} P {p:.2f}  R {r:.2f}  F1 {f1:.2f}", file=out)
    q, su = totals["quotes"], totals["summary"]
    print(f"speakers right {q.extra}/{q.tp + q.fn}; summary coverage {su.tp}/{su.tp + su.fn}", file=out)
    return totals


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m briefings.eval", description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="gold files or folders (default: the bundled samples)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false positive")
    ap.add_argument("--public", type=Path, metavar="DIR",
                    help="score the public annotated sets under DIR (ggt, polnear, gvdb, newsquant) against issue 9's "
                         "targets and print articles/s")
    a = ap.parse_args(argv)
    if a.public is not None:
        from .eval_public import report

        if not a.public.is_dir():
            print(f"briefings.eval: {a.public}: not a folder of public sets", file=sys.stderr)
            return 1
        report(a.public)
        return 0
    evaluate(a.paths or [Path(__file__).parent / "samples"], a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
