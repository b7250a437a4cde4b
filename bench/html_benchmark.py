"""Article-body extraction on the ScrapingHub article-extraction benchmark (181 real pages).

    python bench/html_benchmark.py [BENCHMARK_DIR]     # default: ../shared/eval/public/html

Runs ``briefings.ingest.load`` on every page (bytes in, as from a file: the page's own
charset declaration decides the encoding) and prints token-shingle precision, recall
and F1 as the benchmark's evaluate.py computes them, beside the stored outputs of other
extractors found in its output/ folder. The benchmark's pages are not in this repository.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefings.ingest import IngestError, load  # noqa: E402


def main() -> int:
    here = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval" / "public" / "html"
    if not (here / "ground-truth.json").is_file():
        print(f"bench: no benchmark at {here} (give its folder)", file=sys.stderr)
        return 1
    sys.path.insert(0, str(here))
    from evaluate import metrics_from_tp_fp_fns, string_shingle_matching  # the benchmark's own scoring

    truth = json.loads((here / "ground-truth.json").read_text())
    ours, refused, start = {}, 0, time.process_time()
    for key in truth:
        raw = gzip.decompress((here / "html" / f"{key}.html.gz").read_bytes())
        try:
            ours[key] = load(f"{key}.html", raw).text
        except IngestError:
            ours[key], refused = "", refused + 1
    seconds = time.process_time() - start
    outputs = {"briefing": ours}
    for path in sorted((here / "output").glob("*.json")):
        if path.stem != "briefing":
            data = json.loads(path.read_text())
            data = data.get("output", data) if set(data) == {"version", "output"} else data
            outputs[path.stem] = {k: v.get("articleBody", "") for k, v in data.items()}
    print(f"{'extractor':<14} {'F1':>6} {'precision':>10} {'recall':>7}")
    for name, pred in outputs.items():
        scores = [string_shingle_matching(true=truth[k].get("articleBody", ""), pred=pred.get(k, "")) for k in truth]
        m = metrics_from_tp_fp_fns(scores)
        print(f"{name:<14} {m['f1']:>6.3f} {m['precision']:>10.3f} {m['recall']:>7.3f}")
    print(f"\n{len(truth)} pages, {refused} refused, {seconds:.1f} s CPU ({1000 * seconds / len(truth):.0f} ms a page)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
