"""Extraction time against input size: it must grow no worse than linearly.

    python bench/extract_scaling.py

For ordinary news text and for adversarial text (thousands of quote marks,
numbers everywhere, one endless sentence), extraction time is measured at
1x, 2x, 4x, 8x and 16x a base size (median of 5 runs); the printed ratio
time(kx)/(k * time(1x)) stays near 1 or below for linear growth.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefings.extract import extract  # noqa: E402
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


CASES = {
    "news text": news,
    "quote marks": lambda n, rng: "".join(rng.choice("\"'\u201c\u201d\u2018\u2019 ab") for _ in range(n)),
    "numbers everywhere": lambda n, rng: " ".join(str(rng.randint(0, 10**6)) for _ in range(n // 7))[:n],
    "figures in one sentence": lambda n, rng: ("300 homes " * (n // 10 + 1))[:n],
    "dialogue": lambda n, rng: ("\u201cHi,\u201d said Bob. " * (n // 20 + 1))[:n],
    "one long sentence": lambda n, rng: ("Minister Kwame Osei said " + " ".join(
        rng.choice(WORDS + ["Ana", "Ruiz", "41", "said", "“", "”"]) for _ in range(n // 5)))[:n],
}


def timed(text: str) -> float:
    runs = []
    for _ in range(5):
        t = time.perf_counter()
        extract(Article(title="t", text=text))
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> int:
    base = 20_000
    print(f"{'input':<20}" + "".join(f"{f'{k}x':>10}" for k in (1, 2, 4, 8, 16)) + "   (time(kx) / (k * time(1x)))")
    worst = 0.0
    for name, make in CASES.items():
        rng = random.Random(7)
        t1 = timed(make(base, rng))
        ratios = [timed(make(base * k, random.Random(7))) / (k * t1) for k in (1, 2, 4, 8, 16)]
        worst = max(worst, ratios[-1])
        print(f"{name:<20}" + "".join(f"{r:>10.2f}" for r in ratios) + f"   1x = {t1 * 1000:.1f} ms")
    print(f"summary: worst 16x/1x per-character cost ratio {worst:.2f} (1.00 = exactly linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
