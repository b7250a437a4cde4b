"""Measure the junk rule on real articles: ``python -m briefings.ingest.junkcheck DIR_OR_FILE...``.

Every article under the paths is ingested as the CLI would (.txt, .md, .html; .html.gz pages;
the ``articleBody`` values of a ground-truth.json) and each one refused as "not an article"
is listed, then the count. Real news must never be refused: run it over the public eval sets,
the bundled samples and the story sets before and after changing :mod:`briefings.ingest.prose`.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path

from . import IngestError, load, load_text
from .prose import NOT_AN_ARTICLE
_Load = Callable[[], object]


def _articles(root: Path) -> list[tuple[str, _Load]]:
    """(label, how to load it) for each article under ``root``, in name order."""
    found: list[tuple[str, _Load]] = []
    files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in files:
        name = path.name.lower()
        if name.endswith((".txt", ".md", ".html", ".htm")):
            found.append((str(path), lambda p=path: load(str(p))))
        elif name.endswith(".html.gz"):  # the HTML benchmark's pages, read as the fetcher would
            found.append((str(path), lambda p=path: load(str(p)[:-3], gzip.decompress(p.read_bytes()), kind="html")))
        elif name == "ground-truth.json":  # the benchmark's own article bodies, as plain text
            bodies = json.loads(path.read_text(encoding="utf-8"))
            found += [(f"{path}[{key}]", lambda b=v["articleBody"]: load_text(b))
                      for key, v in sorted(bodies.items()) if str(v.get("articleBody") or "").strip()]
    return found


def check(paths: list[str]) -> int:
    """List each article under ``paths`` refused as not an article, then the count; 1 if any was."""
    seen = refused = 0
    for root in paths:
        for label, make in _articles(Path(root)):
            seen += 1
            try:
                make()
            except IngestError as exc:
                if NOT_AN_ARTICLE in exc.reason:
                    refused += 1
                    print(f"{label}: {exc.reason}")
    print(f"{refused} of {seen} articles refused as not an article")
    return 1 if refused else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python -m briefings.ingest.junkcheck DIR_OR_FILE...")
    sys.exit(check(sys.argv[1:]))
