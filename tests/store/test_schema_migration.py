"""Schema 2 (issue 12): a schema-1 library is upgraded on open, nothing lost; schema-1 briefing JSON still reads."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from store_factory import make_briefing

from briefings.model import Briefing
from briefings.store import Library


def schema1_library(root: Path, n: int = 3) -> list[Briefing]:
    """A library as schema-1 briefing wrote it: meta schema 1, rows and article files without page metadata."""
    briefings = [make_briefing("old", i) for i in range(n)]
    Library(root).add_many(briefings)
    index = root / "library.json"
    data = json.loads(index.read_text())
    data["meta"]["1"]["schema"] = 1
    for row in data["briefings"].values():
        del row["url"], row["outlet"]
    index.write_text(json.dumps(data))
    for b in briefings:
        path = Library(root).article_path(b.id)
        doc = json.loads(path.read_text())
        doc["schema"] = 1
        for key in ("url", "outlet", "authors", "language"):
            del doc["article"][key]
        path.write_text(json.dumps(doc))
    return briefings


def test_open_upgrades_a_schema1_library_keeping_every_briefing(tmp_path):
    root = tmp_path / "lib"
    briefings = schema1_library(root)
    before = {e.id: e for e in Library(root).entries()}  # readable as it is
    library = Library.open(root)
    data = json.loads((root / "library.json").read_text())
    assert data["meta"]["1"]["schema"] == 2 and data["meta"]["1"]["upgraded"].endswith("Z")
    assert all(row["url"] is None and row["outlet"] is None for row in data["briefings"].values())
    after = {e.id: e for e in library.entries()}
    assert after == before  # same briefings, same added/updated times
    for b in briefings:
        got = library.get(b.id)
        assert got.article.text == b.article.text and got.quotes == b.quotes
        assert (got.article.url, got.article.outlet, got.article.authors) == (None, None, [])
    # A new, schema-2 briefing goes in beside them with its metadata.
    new = make_briefing("new")
    new.article.url, new.article.outlet = "https://ht.example/quay", "Harbour Times"
    library.add(new)
    assert Library.open(root).get(new.id).article.outlet == "Harbour Times"
    assert len(Library.open(root).entries()) == 4


def test_upgrade_happens_once(tmp_path):
    root = tmp_path / "lib"
    schema1_library(root)
    assert Library(root).upgrade() is True
    stamp = (root / "library.json").read_bytes()
    assert Library(root).upgrade() is False
    assert (root / "library.json").read_bytes() == stamp


def test_new_library_is_schema2_and_needs_no_upgrade(tmp_path):
    library = Library.open(tmp_path / "lib")
    assert library.upgrade() is False
    library.add(make_briefing("a"))
    assert json.loads((tmp_path / "lib" / "library.json").read_text())["meta"]["1"]["schema"] == 2


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_schema1_library_is_still_read(tmp_path):
    root = tmp_path / "lib"
    briefings = schema1_library(root)
    root.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        library = Library.open(root)
        assert {e.id for e in library.entries()} == {b.id for b in briefings}
        assert json.loads((root / "library.json").read_text())["meta"]["1"]["schema"] == 1  # untouched
    finally:
        root.chmod(stat.S_IRWXU)


def test_schema1_briefing_json_reads_with_empty_metadata():
    d = make_briefing("x").to_dict()
    d["schema"] = 1
    for key in ("url", "outlet", "authors", "language"):
        del d["article"][key]
    b = Briefing.from_dict(d)
    assert (b.article.url, b.article.outlet, b.article.authors, b.article.language) == (None, None, [], None)
    assert b.to_dict()["schema"] == 2
