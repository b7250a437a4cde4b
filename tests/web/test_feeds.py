"""Feeds (issue 12): follow, list, drop; fetch new stories once, conditionally, politely. 127.0.0.1 only."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from loopback import Reply, server  # noqa: F401 - the fixture
from pages import atom, rdf, rss, story_page

from briefings.cli import main
from briefings.feeds import _Polite, add_feed, fetch, load_feeds, remove_feed
from briefings.fetch import Limits
from briefings.store import Library

FAST = Limits(connect=2, read=2, total=5, max_bytes=500_000)


def conditional(body: bytes, etag: str | None, content_type: str = "application/rss+xml") -> Callable:
    """A feed route that honours If-None-Match and If-Modified-Since."""
    stamp = "Tue, 05 May 2026 07:00:00 GMT"

    def reply(headers):
        # RFC 9110: If-None-Match, when sent, decides; If-Modified-Since only without it.
        if "if-none-match" in headers and headers["if-none-match"] == etag \
                or "if-none-match" not in headers and headers.get("if-modified-since") == stamp:
            return Reply(b"", 304, headers={})
        headers = {"Content-Type": content_type, "Last-Modified": stamp}
        return Reply(body, headers={**headers, "ETag": etag} if etag else headers)
    return reply


def serve_stories(server, numbers) -> None:
    for n in numbers:
        server.routes[f"/story{n}.html"] = Reply(story_page(n).encode())


@pytest.mark.parametrize("kind", ["rss2", "rss091", "rdf", "atom"])
def test_each_feed_format_brings_its_stories_in_once(server, tmp_path, kind):
    base = server.url("")
    body = {"rss2": rss(base, [1, 2, 3]), "rss091": rss(base, [1, 2, 3], version="0.91"),
            "rdf": rdf(base, [1, 2, 3]), "atom": atom(base, [1, 2, 3])}[kind]
    server.routes["/feed"] = conditional(body, '"v1"')
    serve_stories(server, [1, 2, 3, 4])
    library = Library(tmp_path / "lib")
    add_feed(library, server.url("/feed"), "Courier")
    stored = []
    report = fetch(library, delay=0, limits=FAST, on_briefing=lambda b, created: stored.append(b.article))
    assert (report.new, report.failed) == (3, 0)
    assert sorted(a.title for a in stored) == [f"Ferry service to Orrin Isle resumes after storm {n}" for n in (1, 2, 3)]
    assert all(a.outlet == "Coastline Courier" and a.url and a.url.startswith(base) for a in stored)
    assert len(library.entries()) == 3
    # Unchanged: one conditional GET, no page fetched again.
    report = fetch(library, delay=0, limits=FAST)
    assert (report.new, report.unchanged) == (0, 1)
    assert server.requests[-1][1].get("if-none-match") == '"v1"'
    assert all(server.hits[f"/story{n}.html"] == 1 for n in (1, 2, 3))


def test_a_changed_feed_fetches_only_its_new_entries(server, tmp_path):
    base = server.url("")
    server.routes["/feed"] = conditional(rss(base, [1, 2]), '"v1"')
    serve_stories(server, [1, 2, 3])
    library = Library(tmp_path / "lib")
    add_feed(library, server.url("/feed"))
    assert fetch(library, delay=0, limits=FAST).new == 2
    server.routes["/feed"] = conditional(rss(base, [3, 2, 1]), '"v2"')
    report = fetch(library, delay=0, limits=FAST)
    assert (report.new, report.updated) == (1, 0)
    assert [server.hits[f"/story{n}.html"] for n in (1, 2, 3)] == [1, 1, 1]
    feed = load_feeds(library)[0]
    assert feed.etag == '"v2"' and feed.title == "Coastline Courier" and len(feed.seen) == 3


def test_failures_are_counted_and_a_gone_page_is_not_retried(server, tmp_path):
    base = server.url("")
    server.routes["/feed"] = Reply(rss(base, [1, 9]), headers={"Content-Type": "application/rss+xml"})
    server.routes["/notafeed"] = Reply(b"<html><body><p>Hello</p></body></html>")
    serve_stories(server, [1])
    library = Library(tmp_path / "lib")
    add_feed(library, server.url("/feed"))
    add_feed(library, server.url("/notafeed"))
    errors = []
    report = fetch(library, delay=0, limits=FAST, on_error=errors.append)
    assert (report.new, report.failed) == (1, 2)
    assert errors == [f"{base}/story9.html: HTTP 404 Not Found", f"{server.url('/notafeed')}: not a feed (text/html)"]
    fetch(library, delay=0, limits=FAST)
    assert server.hits["/story9.html"] == 1


def test_politeness_waits_per_host_only():
    waits = []
    polite = _Polite(2.0, sleep=waits.append)
    polite.wait("http://a.example/1")
    polite.wait("http://b.example/1")
    assert waits == []
    polite.wait("http://a.example/2")
    assert len(waits) == 1 and 0 < waits[0] <= 2.0


def test_add_rename_remove(tmp_path):
    library = Library(tmp_path / "lib")
    add_feed(library, "https://courier.example/feed.xml")
    add_feed(library, "https://courier.example/feed.xml", "Courier")
    assert [(f.url, f.label) for f in load_feeds(library)] == [("https://courier.example/feed.xml", "Courier")]
    with pytest.raises(ValueError, match="not an http"):
        add_feed(library, "ftp://courier.example/feed")
    assert remove_feed(library, "Courier").url == "https://courier.example/feed.xml"
    assert load_feeds(library) == []
    with pytest.raises(ValueError, match="no feed"):
        remove_feed(library, "Courier")


def test_cli_workflow(server, tmp_path, capsys):
    base = server.url("")
    server.routes["/feed"] = conditional(rss(base, [4, 5]), '"v1"')
    serve_stories(server, [4, 5])
    lib = str(tmp_path / "lib")
    assert main(["fetch", "--library", lib]) == 1
    assert "no feeds to fetch" in capsys.readouterr().err
    assert main(["feeds", "add", server.url("/feed"), "--name", "Courier", "--library", lib]) == 0
    assert main(["feeds", "list", "--library", lib, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"url": server.url("/feed"), "name": "Courier", "added": load_feeds(Library(lib))[0].added,
         "fetched": None, "seen": 0}]
    assert main(["fetch", "--library", lib, "--delay", "0"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("added   ") == 2 and "2 new, 0 updated" in captured.err
    assert main(["fetch", "--library", lib, "--delay", "0"]) == 0
    assert "0 new, 0 updated, 1 feed unchanged" in capsys.readouterr().err
    assert main(["feeds", "--library", lib]) == 0
    assert "Courier" in capsys.readouterr().out
    assert main(["feeds", "rm", "Courier", "--library", lib]) == 0
    assert main(["list", "--library", lib, "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2  # the briefings stay


def test_last_modified_alone_makes_the_get_conditional(server, tmp_path):
    server.routes["/feed"] = conditional(atom(server.url(""), [6]), None, "application/atom+xml")
    serve_stories(server, [6])
    library = Library(tmp_path / "lib")
    add_feed(library, server.url("/feed"))
    assert fetch(library, delay=0, limits=FAST).new == 1
    assert fetch(library, delay=0, limits=FAST).unchanged == 1
    assert server.requests[-1][1]["if-modified-since"] == "Tue, 05 May 2026 07:00:00 GMT"


def test_a_story_in_two_feeds_is_fetched_once(server, tmp_path):
    base = server.url("")
    server.routes["/a"] = Reply(rss(base, [1, 2]), headers={"Content-Type": "application/rss+xml"})
    server.routes["/b"] = Reply(atom(base, [2, 3]), headers={"Content-Type": "application/atom+xml"})
    serve_stories(server, [1, 2, 3])
    library = Library(tmp_path / "lib")
    add_feed(library, server.url("/a"))
    add_feed(library, server.url("/b"))
    assert fetch(library, delay=0, limits=FAST).new == 3
    assert [server.hits[f"/story{n}.html"] for n in (1, 2, 3)] == [1, 1, 1]
    assert all(len(f.seen) == 2 for f in load_feeds(library))
