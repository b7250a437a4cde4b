"""Full-text search at scale: the index beside the library (briefings/search_index.py) at 10k-100k briefings.

    python bench/search_scale.py [--sizes 10000 100000] [--runs 7] [--keep DIR]

Synthetic fictional articles (a seeded generator below: 150-450 words drawn from a
Zipf-like vocabulary of 4,000 made-up words, with made-up names) are indexed through
the project's own code (``search_index.put`` in ``CHUNK``-sized transactions, as a
sync does) and queried through ``search.run_query`` (the count, the best 20 with
snippets and hit offsets, as ``briefing search`` and ctrl+f do). Every time is shown
next to a baseline measured in the same run on the same texts:

- query: against a linear scan (casefolded substring test of every word) over the
  same texts held in memory, i.e. what a search without an index would cost at best;
- build: against one such linear scan (so "build = N scans");
- update: adding or replacing one briefing, and removing one, each in its own
  committed transaction (what an ingest or ``rm`` adds), against one linear scan;
- open: connecting and checking the index is in step (every search does it).

It does not go through article files: the rebuild from a library also reads each
article's JSON file (see bench/scale.py for what reading those costs).
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent)]

from briefings import search_index, search_sync  # noqa: E402
from briefings.model import Article, Briefing, Quote  # noqa: E402
from briefings.search import COUNTED, fts_query, run_query  # noqa: E402

SYLLABLES = "ka lo mi ren tas vel dor an ith quo bre sul mar en ost pha lin gra tev yo ru nel cas dim".split()


def vocabulary(size: int = 4000) -> list[str]:
    rng = random.Random(7)
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))] = None
    return list(words)


VOCAB = vocabulary()
CUMULATIVE = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(VOCAB))))  # Zipf: few common, most rare
NAMES = [f"{a.title()} {b.title()}" for a, b in zip(VOCAB[3000:3400], VOCAB[3400:3800])]


def article(n: int) -> Briefing:
    """Fictional article ``n`` (the same in every run)."""
    rng = random.Random(n)
    sentences, words = [], 0
    target = rng.randint(150, 450)
    while words < target:
        sentence = rng.choices(VOCAB, cum_weights=CUMULATIVE, k=rng.randint(8, 22))
        words += len(sentence)
        sentences.append(" ".join(sentence).capitalize() + ".")
    speaker = rng.choice(NAMES)
    text = "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))
    text += f'\n\n"We are watching the {rng.choice(VOCAB)}," said {speaker}.'
    title = " ".join(rng.choices(VOCAB, cum_weights=CUMULATIVE, k=rng.randint(5, 9))).capitalize() + f" ({n})"
    start = text.rindex('"We')
    return Briefing(Article(title, text, source=f"/wire/{n:06d}.txt", outlet="Synthetic Wire"),
                    quotes=[Quote(text[start + 1:text.index(',"', start) + 1], speaker, (start, start + 10),
                                  id="q-1")])


def median_time(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def linear_scan(texts: list[str], words: list[str]) -> int:
    """The baseline: how many texts hold every word (casefolded once, as a reader's filter does)."""
    first, *rest = words
    hits = [t for t in texts if first in t]
    for w in rest:
        hits = [t for t in hits if w in t]
    return len(hits)


def queries() -> list[tuple[str, str, list[str]]]:
    """(label, query, baseline words): from a word in nearly every article to one in a few."""
    common, middle, rare = VOCAB[2], VOCAB[60], VOCAB[2500]
    return [("common word", common, [common]), ("mid word", middle, [middle]), ("rare word", rare, [rare]),
            ("two words", f"{middle} {VOCAB[80]}", [middle, VOCAB[80]]),
            ("phrase", f'"{VOCAB[5]} {VOCAB[6]}"', [f"{VOCAB[5]} {VOCAB[6]}"]),
            ("prefix", f"{VOCAB[300][:4]}*", [VOCAB[300][:4]]), ("name", NAMES[7], [NAMES[7].casefold()])]


def bench(size: int, folder: Path, runs: int) -> None:
    path = folder / f"search-{size}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    briefings = [article(n) for n in range(size)]
    generate = time.perf_counter() - start
    texts = [" ".join(search_index.fields(b)).casefold() for b in briefings]
    con = search_index.connect(path)
    search_index.create(con)
    start = time.perf_counter()
    for first in range(0, size, search_sync.CHUNK):  # as a sync does: CHUNK briefings per transaction
        con.execute("BEGIN IMMEDIATE")
        for b in briefings[first:first + search_sync.CHUNK]:
            search_index.put(con, b, "2026-01-01T00:00:00.000000Z")
        con.execute("COMMIT")
    build = time.perf_counter() - start
    del briefings
    scan = median_time(lambda: linear_scan(texts, [VOCAB[2500]]), runs)
    megabytes = sum(len(t) for t in texts) / 1e6
    size_mb = sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal") if Path(f"{path}{s}").exists()) / 1e6
    print(f"\n== {size:,} briefings: {megabytes:.0f} MB of text, index {size_mb:.0f} MB")
    print(f"build      {build:8.1f} s   ({size / build:,.0f} briefings/s; = {build / scan:,.0f} linear scans "
          f"of {scan * 1000:.0f} ms; generating the articles took {generate:.1f} s)")

    print(f"{'query':<12}{'matches':>9}{'index':>11}{'scan':>11}{'scan/index':>12}")
    for label, query, words in queries():
        match = fts_query(query)
        total = run_query(con, match, 20)[1]
        indexed = median_time(lambda: run_query(con, match, 20), runs)
        scanned = median_time(lambda: linear_scan(texts, [w.casefold() for w in words]), max(3, runs // 2))
        shown = f"{min(total, COUNTED):,}" + ("+" if total > COUNTED else "")  # counting stops there
        print(f"{label:<12}{shown:>9}{indexed * 1000:>9.1f}ms{scanned * 1000:>9.0f}ms{scanned / indexed:>11.0f}x")

    fresh = iter(range(size, size + 10 * runs))
    update = median_time(lambda: _committed(con, lambda: search_index.put(con, article(next(fresh)), "u")), runs)
    again = iter(range(0, runs))
    replace = median_time(lambda: _committed(con, lambda: search_index.put(con, article(next(again)), "r")), runs)
    gone = iter(range(100, 100 + runs))
    remove = median_time(lambda: _committed(con, lambda: search_index.drop(con, article(next(gone)).id)), runs)
    print(f"add one    {update * 1000:8.1f} ms  replace one {replace * 1000:.1f} ms  remove one {remove * 1000:.1f} ms"
          f"  (a linear scan: {scan * 1000:.0f} ms; add = {update / scan:.3f} scans)")

    def reopen() -> None:
        c = search_index.connect(path)
        search_index.usable(c)
        search_index.recorded(c)
        c.close()
    opening = median_time(reopen, runs)
    print(f"open+check {opening * 1000:8.2f} ms  ({opening / scan:.4f} scans)")
    con.close()


def _committed(con, action) -> None:
    con.execute("BEGIN IMMEDIATE")
    action()
    con.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the index files in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        for size in args.sizes:
            bench(size, folder, args.runs)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
