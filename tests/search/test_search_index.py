"""The index beside the library: kept current by ingest, re-ingest and rm; rebuilt when missing,
damaged or of another schema; caught up when the library changed behind its back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from search_factory import story

from briefings import listcache, search_index, search_writer
from briefings.search import search
from briefings.store import Library


def ids(library: Library, query: str) -> set[str]:
    return {h.id for h in search(library, query, limit=100)[0]}


def in_step(library: Library) -> bool:
    """The index records the library's current signature: it was updated by the write itself."""
    with sqlite3.connect(library.root / search_index.NAME) as con:
        return search_index.recorded(con) == listcache.signature(library.root)


def test_a_body_word_is_found_at_its_place_in_the_article(lib: Library) -> None:
    hits, total = search(lib, "granary")
    assert total == 1 and len(hits) == 1
    text = lib.get(hits[0].id).article.text
    start, end = hits[0].span
    assert text[start:end] == "granary"
    assert "[granary]" in hits[0].snippet_text()


def test_ingest_rm_and_reingest_update_the_index_as_they_write(lib: Library) -> None:
    assert ids(lib, "ferry")  # builds the index
    new = lib.add(story("d", "The lighthouse keeper reported a drifting barge."))
    assert in_step(lib) and ids(lib, "lighthouse") == {new.id}

    ferry = next(iter(ids(lib, "ferry")))
    lib.remove(ferry)
    assert in_step(lib) and ids(lib, "ferry") == set()

    again = story("d", "The lighthouse keeper reported a drifting barge.", title="Barge adrift off Vellmar")
    lib.add(again)  # same article text: the same briefing, updated in place
    assert in_step(lib) and ids(lib, "adrift") == {new.id} and len(lib) == 3


def test_a_write_the_index_missed_is_caught_up_by_the_next_search(lib: Library, monkeypatch) -> None:
    assert ids(lib, "ferry")
    monkeypatch.setattr(search_writer.Writer, "put", lambda self, b, updated: None)  # e.g. an older briefing
    monkeypatch.setattr(search_writer.Writer, "drop", lambda self, ids: None)
    monkeypatch.setattr(search_writer.Writer, "commit", lambda self: None)
    new = lib.add(story("e", "Beekeepers counted the hives after the hail."))
    lib.remove(next(iter(ids(lib, "granary"))))
    assert not in_step(lib)
    assert ids(lib, "beekeepers") == {new.id} and ids(lib, "granary") == set()
    assert in_step(lib)


def test_a_deleted_garbage_or_old_index_is_rebuilt(lib: Library) -> None:
    path = lib.root / search_index.NAME
    expected = ids(lib, "vellmar")
    assert len(expected) == 3
    path.unlink()
    assert ids(lib, "vellmar") == expected
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.write_bytes(b"this is not a database \x00\xff" * 300)
    assert ids(lib, "vellmar") == expected
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA user_version=0")  # an older schema
    assert ids(lib, "vellmar") == expected
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA user_version").fetchone()[0] == search_index.SCHEMA


def test_ingest_into_a_library_without_an_index_does_not_create_one(tmp_path: Path) -> None:
    library = Library(tmp_path / "fresh")
    library.add(story("f", "Nothing to search yet."))
    assert not (library.root / search_index.NAME).exists()  # the first search builds it
    assert ids(library, "nothing")


def test_damaged_pages_inside_the_index_are_rebuilt_not_reported(lib: Library) -> None:
    for n in range(30):  # enough text for several pages of index
        lib.add(story(f"p{n}", f"Harbour log {n}: " + " ".join(f"tide{n}x{k}" for k in range(200))))
    expected = ids(lib, "harbour")
    assert len(expected) == 30
    path = lib.root / search_index.NAME
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file, then damage it
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    data[4096:len(data) - 4096] = b"\xa5" * (len(data) - 8192)
    path.write_bytes(bytes(data))
    assert ids(lib, "harbour") == expected


def test_writes_nested_in_one_library_transaction_are_all_found(lib: Library) -> None:
    assert ids(lib, "ferry")
    with lib.transaction():
        first = lib.add(story("n1", "Owls nested in the belfry."))
        second = lib.add(story("n2", "Owls left the belfry at dusk."))
    assert ids(lib, "owls") == {first.id, second.id}
    assert in_step(lib)


def test_a_damaged_article_file_is_left_out_not_a_failed_search(lib: Library) -> None:
    bad = next(iter(ids(lib, "granary")))
    (lib.root / search_index.NAME).unlink()
    lib.article_path(bad).write_bytes(b"{not json")
    assert ids(lib, "vellmar") and bad not in ids(lib, "vellmar")
