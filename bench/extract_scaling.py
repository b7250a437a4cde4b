"""Extraction time against input size: it must grow no worse than linearly.

    python bench/extract_scaling.py

For ordinary news text and for adversarial text (thousands of quote marks,
numbers everywhere, one endless sentence, and the shapes that once hung: a
32 KB capitalised token, "he said " repeated thousands of times, runs of
"Ab " or "A. ", HTML full of character references), extraction time is
measured at 1x, 2x, 4x, 8x and 16x a base size (median of 3 runs); the
printed ratio time(kx)/(k * time(1x)) stays near 1 or below for linear
growth (a quadratic pattern shows as ~16 in the last column). HTML shapes
include reading the page (load_text), the others start from plain text.

    python bench/extract_scaling.py --base 20000 --only "he said"
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefings.extract import extract  # noqa: E402
from briefings.ingest import load_text  # noqa: E402
from briefings.model import Article  # noqa: E402

WORDS = "the council said storm flood minister harbour ferry crews warned residents power".split()


def news(n_chars: int, rng: random.Random) -> str:
    out, size = [], 0
    while size < n_chars:
        s = (f'"{" ".join(rng.choice(WORDS) for _ in range(8)).capitalize()}," said Ana Ruiz, {rng.randint(20, 70)}. '
             f"At least {rng.randint(2, 900)} people were killed and Tom Brandt, 41, was injured.\n")
        out.append(s)
        size += len(s)
    return "".join(out)[:n_chars]


# A page of references alone is refused as "not an article" (ingest's junk check): a paragraph of prose
# before them makes it one, so its reading and its extraction are both timed.
HTML_LEAD = ("<html><body><p>The harbour board met on Tuesday and said the new ferry would sail in May. "
             "Its chair, Wenna Tregar, called the delay regrettable.</p>")


CASES = {
    "news text": news,
    "quote marks": lambda n, rng: "".join(rng.choice("\"'\u201c\u201d\u2018\u2019 ab") for _ in range(n)),
    "numbers everywhere": lambda n, rng: " ".join(str(rng.randint(0, 10**6)) for _ in range(n // 7))[:n],
    "figures in one sentence": lambda n, rng: ("300 homes " * (n // 10 + 1))[:n],
    "dialogue": lambda n, rng: ("\u201cHi,\u201d said Bob. " * (n // 20 + 1))[:n],
    "one long sentence": lambda n, rng: ("Minister Kwame Osei said " + " ".join(
        rng.choice(WORDS + ["Ana", "Ruiz", "41", "said", "“", "”"]) for _ in range(n // 5)))[:n],
    "capitalised token": lambda n, rng: "A" * n,
    "capitalised word": lambda n, rng: "A" + "b" * (n - 1),
    "he said x N": lambda n, rng: "he said " * (n // 8),
    "Name said x N": lambda n, rng: "Ab Cd said " * (n // 11),
    "Ab runs": lambda n, rng: "Ab " * (n // 3),
    "A. runs": lambda n, rng: "A. " * (n // 3),
    "html char refs": lambda n, rng: HTML_LEAD + "<p>" + "&amp;" * (n // 5) + "</p></body></html>",
    "html numeric refs": lambda n, rng: HTML_LEAD + "<p>" + "&#8220;&#65;" * (n // 12) + "</p></body></html>",
}


def timed(text: str, html: bool) -> float:
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        extract(load_text(text, kind="html") if html else Article(title="t", text=text))
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=int, default=20_000, help="characters at 1x")
    ap.add_argument("--only", default="", help="run only the shapes whose name contains this")
    a = ap.parse_args()
    base = a.base
    print(f"{'input':<20}" + "".join(f"{f'{k}x':>10}" for k in (1, 2, 4, 8, 16)) + "   (time(kx) / (k * time(1x)))")
    worst = 0.0
    for name, make in CASES.items():
        if a.only not in name:
            continue
        html = name.startswith("html")
        t1 = timed(make(base, random.Random(7)), html)
        ratios = [timed(make(base * k, random.Random(7)), html) / (k * t1) for k in (1, 2, 4, 8, 16)]
        worst = max(worst, ratios[-1])
        print(f"{name:<20}" + "".join(f"{r:>10.2f}" for r in ratios) + f"   1x = {t1 * 1000:.1f} ms", flush=True)
    print(f"summary: worst 16x/1x per-character cost ratio {worst:.2f} (1.00 = exactly linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
