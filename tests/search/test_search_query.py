"""The query language (words, "phrases", prefix*), accents and case, bad input, and `briefing search`."""

from __future__ import annotations

import json

import pytest

from briefings.cli import main
from briefings.search import BadQuery, fts_query, search
from briefings.store import Library


@pytest.mark.parametrize("query, titles", [
    ("FERRY marigold", {"Vellmar report a"}),
    ("ferry granary", set()),  # every word must occur
    ('"twelve passengers"', {"Vellmar report a"}),
    ('"passengers twelve"', set()),  # a phrase keeps its order
    ("evacu*", {"Vellmar report b"}),
    ("cafe sevine", {"Café reopens"}),  # accents ignored
    ("brandt", {"Vellmar report a", "Vellmar report b", "Café reopens"}),  # speakers are indexed
    ("courier", {"Vellmar report a", "Vellmar report b", "Café reopens"}),  # and the outlet
    ('AND OR NOT "NEAR(', set()),  # FTS5 keywords are plain words here
])
def test_query_language(lib: Library, query: str, titles: set[str]) -> None:
    assert {h.title for h in search(lib, query)[0]} == titles


@pytest.mark.parametrize("query", ['"', "***", "  ", "-- ;", '"*"'])
def test_a_query_with_nothing_to_search_is_one_clear_line(lib: Library, query: str) -> None:
    with pytest.raises(BadQuery) as err:
        search(lib, query)
    assert "\n" not in str(err.value) and "use words" in str(err.value)


def test_user_text_never_reaches_fts5_syntax() -> None:
    assert fts_query('col:umn "a""b" x* ^start') == '"col:umn" AND "a" AND "b" AND "x"* AND "^start"'


def test_cli_exits_like_grep(lib: Library, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(lib.root)
    assert main(["search", "--library", root, "rescued"]) == 0
    out = capsys.readouterr().out
    assert "Vellmar report a" in out and "[rescued]" in out
    assert main(["search", "--library", root, "zeppelin"]) == 1
    assert main(["search", "--library", root, '"']) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("briefing: error: nothing to search for")
    assert main(["search", "--library", root, "--json", "-n", "1", "vellmar"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 3 and len(data["results"]) == 1
    hit = data["results"][0]
    text = lib.get(hit["id"]).article.text
    assert text[hit["offset"]:hit["offset"] + hit["length"]].casefold() == "vellmar"


def test_past_the_ranking_limit_the_newest_come_first(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefings.search as search_module

    ranked = [h.title for h in search(lib, "vellmar")[0]]
    newest_first = [e.title for e in lib.entries()]
    monkeypatch.setattr(search_module, "RANKED", 2)  # three matches: too many to rank
    assert [h.title for h in search(lib, "vellmar")[0]] == newest_first
    assert sorted(ranked) == sorted(newest_first)


def test_counting_stops_at_the_cap_and_says_so(lib: Library, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import briefings.search as search_module

    monkeypatch.setattr(search_module, "COUNTED", 2)
    hits, total = search(lib, "vellmar")
    assert len(hits) == 3 and search_module.count_text(total) == "more than 2 briefings"
    assert main(["search", "--library", str(lib.root), "--json", "vellmar"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 2 and data["total_is_lower_bound"] is True and len(data["results"]) == 3
