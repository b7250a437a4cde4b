"""The Library API: round trip, updates in place, order, resolve, remove, transactions."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from store_factory import make_briefing

import briefings.store as store
from briefings.model import Article
from briefings.store import Ambiguous, Entry, Library, NotFound


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A clock that ticks one second per call, so every write has a distinct time."""
    ticks = itertools.count()
    monkeypatch.setattr(store, "utc_now", lambda: f"2024-05-01T10:{next(ticks):02d}:00.000000Z")


def test_missing_library_reads_empty_and_creates_nothing(tmp_path: Path) -> None:
    lib = Library(tmp_path / "nowhere")
    assert len(lib) == 0 and lib.entries() == []
    with pytest.raises(NotFound):
        lib.get("0123456789abcdef")
    assert not (tmp_path / "nowhere").exists()


def test_round_trip(lib: Library) -> None:
    b = make_briefing("rt")
    result = lib.add(b)
    assert result == store.AddResult(b.id, b.article.title, created=True)
    assert lib.get(b.id) == b
    assert Library(lib.root).get(b.id) == b  # a fresh instance reads it from disk
    assert lib.article_path(b.id) == lib.root / "articles" / b.id[:2] / f"{b.id}.json"
    assert lib.notes_dir == lib.root / "notes" and not lib.notes_dir.exists()


def test_entry_fields(lib: Library) -> None:
    b = make_briefing("ef", 3)
    lib.add(b)
    (e,) = lib.entries()
    assert isinstance(e, Entry)
    assert (e.id, e.title, e.source, e.published) == (b.id, b.article.title, b.article.source, "2024-03-04")
    assert (e.figures, e.casualties, e.quotes) == (1, 1, 2)
    assert e.speakers == ("Ilsa Brandt",) and e.names == ("Tomas Keel",)  # de-duplicated
    assert e.added == e.updated and e.added.endswith("Z")


def test_re_add_updates_in_place(lib: Library, clock: None) -> None:
    b = make_briefing("same")
    first = lib.add(b)
    added = lib.entries()[0].added
    b.article.title = "A better title"  # same text, so same id
    second = lib.add(b)
    assert first.created and not second.created and second.id == first.id
    assert len(lib) == 1
    (e,) = lib.entries()
    assert e.title == "A better title" and e.added == added and e.updated > added
    assert lib.get(b.id).article.title == "A better title"


def test_repeat_inside_one_batch(lib: Library) -> None:
    b = make_briefing("dup")
    results = lib.add_many([b, b])
    assert [r.created for r in results] == [True, False]
    assert len(lib) == 1


def test_entries_newest_first_then_title(lib: Library, clock: None) -> None:
    lib.add(make_briefing("a", title="Oldest"))
    lib.add_many([make_briefing("b", title="beta"), make_briefing("c", title="Alpha")])  # same time
    lib.add(make_briefing("d", title="Newest"))
    assert [e.title for e in lib.entries()] == ["Newest", "Alpha", "beta", "Oldest"]


def _ids_sharing_a_prefix() -> tuple[str, str]:
    """Two article texts whose ids share their first 4 characters (found, not hard-coded)."""
    seen: dict[str, str] = {}
    for i in itertools.count():
        bid = make_briefing("p", i).id
        if bid[:4] in seen:
            return seen[bid[:4]], f"p{i}"
        seen[bid[:4]] = f"p{i}"
    raise AssertionError


def test_resolve(lib: Library) -> None:
    first, second = _ids_sharing_a_prefix()
    a = make_briefing("p", int(first[1:]), title="First twin")
    b = make_briefing("p", int(second[1:]), title="Second twin")
    lib.add_many([a, b, make_briefing("other")])
    assert lib.resolve(a.id) == a.id
    assert lib.resolve(f"  {a.id.upper()} ") == a.id
    common = a.id[:4]
    longer = next(n for n in range(5, 17) if a.id[:n] != b.id[:n])
    assert lib.resolve(a.id[:longer]) == a.id and lib.resolve(b.id[:longer]) == b.id
    with pytest.raises(Ambiguous) as amb:
        lib.resolve(common)
    assert "First twin" in str(amb.value) and "Second twin" in str(amb.value) and "\n" not in str(amb.value)
    with pytest.raises(NotFound):
        lib.resolve(a.id[:3])  # too short to be a prefix
    with pytest.raises(NotFound):
        lib.resolve("zzzzzz")
    with pytest.raises(NotFound):
        lib.resolve("")


def test_remove(lib: Library) -> None:
    a, b = make_briefing("keep"), make_briefing("drop")
    lib.add_many([a, b])
    lib.remove(b.id)
    assert [e.id for e in lib.entries()] == [a.id]
    assert not lib.article_path(b.id).exists()
    with pytest.raises(NotFound):
        lib.get(b.id)
    with pytest.raises(NotFound):
        lib.remove(b.id)
    assert lib.get(a.id) == a


def test_get_requires_a_listed_full_id(lib: Library) -> None:
    b = make_briefing("full")
    lib.add(b)
    same_doc_id = b.id[:15] + ("1" if b.id[15] == "0" else "0")  # index key collides, id differs
    for ref in (b.id[:8], "not-hex!", same_doc_id):
        with pytest.raises(NotFound):
            lib.get(ref)


def test_transaction_discards_on_error(lib: Library) -> None:
    lib.add(make_briefing("before"))
    before = lib.root.joinpath("library.json").read_bytes()
    with pytest.raises(RuntimeError), lib.transaction():
        lib.add(make_briefing("inside"))
        assert len(lib) == 2  # visible inside the transaction
        raise RuntimeError("boom")
    assert len(lib) == 1 and lib.root.joinpath("library.json").read_bytes() == before


def test_nested_calls_join_the_transaction(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    writes = _count_index_replaces(lib, monkeypatch)
    with lib.transaction():
        lib.add(make_briefing("n", 1))
        lib.add(make_briefing("n", 2))
        lib.remove(make_briefing("n", 1).id)
    assert writes == [lib.root / "library.json"] and len(lib) == 1


def test_empty_transaction_writes_nothing(lib: Library) -> None:
    with lib.transaction():
        pass
    assert not (lib.root / "library.json").exists()


def _count_index_replaces(lib: Library, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    import os

    calls: list[Path] = []
    real = os.replace

    def counting(src: str, dst: str) -> None:
        if Path(dst) == lib.root / "library.json":
            calls.append(Path(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", counting)
    return calls


def test_add_many_writes_the_index_once(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    lib.add(make_briefing("seed"))
    writes = _count_index_replaces(lib, monkeypatch)
    results = lib.add_many(make_briefing("batch", i) for i in range(200))
    assert len(results) == 200 and all(r.created for r in results)
    assert len(writes) == 1
    assert len(lib) == 201


def test_article_is_an_indented_briefing_json(lib: Library) -> None:
    import json

    b = make_briefing("json")
    lib.add(b)
    text = lib.article_path(b.id).read_text("utf-8")
    assert text.startswith("{\n  ") and json.loads(text) == b.to_dict()


def test_open_uses_library_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_HOME", str(tmp_path / "env"))
    assert Library.open().root == tmp_path / "env"
    assert Library.open(tmp_path / "flag").root == tmp_path / "flag"


def test_briefing_with_unknown_text_id_is_not_listed(lib: Library) -> None:
    assert lib.resolve(lib.add(make_briefing("x")).id)
    with pytest.raises(NotFound):
        lib.get(Article("t", "never added").id)
