"""Extraction throughput on real news: articles per second, in-process, on the PolNeAR set.

    python bench/polnear_speed.py [DIR]   (default ../shared/eval/public/polnear)

Reads every ID.txt once (reading is not timed), then times ``extract`` over all
of them in CPU seconds of this process (other load on the machine does not count), twice, and prints the better run as articles/s and KB/s, with the
time of a same-run baseline (splitting every article into paragraphs and
words with one regex) as a ratio, so machines of different speed compare.
The target is >= 100 articles/s.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefings.extract import extract  # noqa: E402
from briefings.ingest import load_text  # noqa: E402


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "../shared/eval/public/polnear")
    files = sorted(root.glob("*.txt"))
    if not files:
        print(f"{root}: no articles (ID.txt) found", file=sys.stderr)
        return 2
    articles = [load_text(f.read_text(encoding="utf-8"), source=str(f)) for f in files]
    size = sum(len(a.text) for a in articles)
    best = base = float("inf")
    for _ in range(2):
        t = time.process_time()
        for a in articles:
            re.findall(r"\w+", a.text)
            a.text.split("\n")
        base = min(base, time.process_time() - t)
        t = time.process_time()
        for a in articles:
            extract(a)
        best = min(best, time.process_time() - t)
    print(f"{len(articles)} articles, {size / 1000:.0f} KB: {len(articles) / best:.0f} articles/s, "
          f"{size / 1000 / best:.0f} KB/s; {best / base:.0f}x a word split of the same text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
