"""The list file beside the index: fast reads, never trusted when stale, rebuilt for old libraries."""

from __future__ import annotations

import os

from briefings import listcache
from briefings.extract import extract
from briefings.model import Article
from briefings.store import Library


def briefing(n: int):
    text = f"Storm {n} hits Harwick\n\nStorm {n} cut power to {n + 100} homes, officials said. \"We are working,\" said Ana Ruiz."
    return extract(Article(title=f"Storm {n} hits Harwick", text=text, source=f"storm-{n}.txt"))


def test_list_file_matches_the_index_and_serves_reads(tmp_path):
    lib = Library(tmp_path / "lib")
    lib.add_many([briefing(n) for n in range(30)])
    from_index = lib._entries_from_index()
    assert listcache.read(lib.root) == from_index
    assert lib.entries(limit=5) == from_index[:5]
    rows = lib.rows()
    assert [rows[i] for i in range(len(rows))] == from_index
    assert "ana ruiz" in rows.haystacks()[0]


def test_an_old_library_without_the_list_file_is_migrated_without_loss(tmp_path):
    lib = Library(tmp_path / "lib")
    lib.add_many([briefing(n) for n in range(12)])
    before = lib.entries()
    (lib.root / listcache.NAME).unlink()  # the layout before the list file existed
    assert Library(lib.root).entries() == before
    assert (lib.root / listcache.NAME).exists()  # rebuilt on first read
    assert listcache.read(lib.root) == before


def test_a_stale_list_file_is_never_used(tmp_path):
    lib = Library(tmp_path / "lib")
    lib.add_many([briefing(n) for n in range(3)])
    stale = (lib.root / listcache.NAME).read_bytes()
    lib.add(briefing(99))
    (lib.root / listcache.NAME).write_bytes(stale)  # e.g. a writer killed between the two files
    assert listcache.read(lib.root) is None
    assert len(Library(lib.root).entries()) == 4


def test_terminal_unsafe_fields_cannot_break_the_list_file(tmp_path):
    lib = Library(tmp_path / "lib")
    b = briefing(1)
    b.article.source = "odd\tname\nwith breaks.txt"
    lib.add(b)
    (entry,) = lib.entries()
    assert entry.source == "odd name with breaks.txt" and len(os.listdir(lib.root)) >= 3


def test_the_outlet_is_listed_and_an_older_list_line_without_it_still_reads(tmp_path):
    lib = Library(tmp_path / "lib")
    b = briefing(1)
    b.article.outlet = "Harwick Courier"
    lib.add_many([b, briefing(2)])
    by_title = {e.title: e for e in lib.entries()}
    assert by_title["Storm 1 hits Harwick"].outlet == "Harwick Courier"
    assert by_title["Storm 2 hits Harwick"].outlet is None
    assert any("harwick courier" in h for h in lib.rows().haystacks())  # the filter finds outlets too
    # A list file written before the outlet field: eleven fields a line, read as outlet unknown.
    path = lib.root / listcache.NAME
    head, *lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([head] + [line.rsplit("\t", 1)[0] for line in lines]) + "\n", encoding="utf-8")
    assert [e.outlet for e in listcache.read(lib.root)] == [None, None]
