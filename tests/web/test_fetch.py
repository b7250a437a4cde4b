"""Fetching pages (issue 12): bounded, polite, one clear line per failure; all on 127.0.0.1."""

from __future__ import annotations

import json
import socket

import httpx
import pytest
from loopback import Reply, server  # noqa: F401 - the fixture
from pages import story_page

from briefings.cli import main
from briefings.fetch import USER_AGENT, Limits, fetch_article, get
from briefings.ingest import IngestError

FAST = Limits(connect=2, read=0.5, total=3, max_bytes=200_000)


def reason(url: str, limits: Limits = FAST) -> str:
    with pytest.raises(IngestError) as info:
        fetch_article(url, limits=limits)
    assert "\n" not in str(info.value) and str(info.value).startswith(url)
    return info.value.reason


def test_page_is_fetched_with_its_metadata(server):
    server.routes["/news/ferry"] = Reply(story_page(canonical=server.url("/2026/05/02/ferry")).encode())
    article = fetch_article(server.url("/news/ferry"), limits=FAST)
    assert article.title == "Ferry service to Orrin Isle resumes after storm 1"
    assert article.text.startswith("The ferry between Calder Quay and Orrin Isle sailed again")
    assert "Most read" not in article.text and "All rights reserved" not in article.text
    assert (article.source, article.url) == (server.url("/news/ferry"), server.url("/2026/05/02/ferry"))
    assert (article.outlet, article.authors, article.published) == ("Coastline Courier", ["Petra Lindqvist"], "2026-05-02")
    assert server.requests[0][1]["user-agent"] == USER_AGENT


def test_redirects_are_followed_and_limited(server):
    server.routes["/old"] = Reply(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Reply(story_page().encode())
    assert fetch_article(server.url("/old"), limits=FAST).url == server.url("/new")  # no canonical: where it ended
    server.routes["/loop"] = Reply(status=302, headers={"Location": "/loop"})
    assert reason(server.url("/loop")) == "too many redirects (more than 5)"
    assert server.hits["/loop"] == 6


def test_http_errors_and_wrong_types(server):
    assert reason(server.url("/missing")) == "HTTP 404 Not Found"
    server.routes["/boom"] = Reply(b"oops", 503)
    assert reason(server.url("/boom")) == "HTTP 503 Service Unavailable"
    server.routes["/report.pdf"] = Reply(b"%PDF-1.7 ...", headers={"Content-Type": "application/pdf"})
    assert reason(server.url("/report.pdf")) == "not an HTML page (application/pdf)"


def test_too_large_by_header_and_by_stream(server):
    big = b"<html><body><p>" + b"word " * 60_000 + b"</p></body></html>"
    server.routes["/big"] = Reply(big)
    assert reason(server.url("/big")).startswith("too large (0.3 MB;")
    server.routes["/big-stream"] = Reply(big, length=False, chunks=50)  # no Content-Length: counted as it comes
    assert reason(server.url("/big-stream")).startswith("too large (pages over")


def test_slow_responses_time_out(server):
    server.routes["/slow"] = Reply(story_page().encode(), delay=2)
    assert reason(server.url("/slow")) == "timed out (no data for 0.5 s)"
    # trickling bytes never exceed the read timeout, but the whole response has a deadline
    server.routes["/trickle"] = Reply(story_page().encode(), chunks=20, chunk_delay=0.2)
    assert reason(server.url("/trickle"), Limits(read=1, total=1, max_bytes=200_000)) == "timed out (took over 1 s)"


def test_connection_refused_and_dns_failure():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    assert reason(f"http://127.0.0.1:{port}/x") == "connection refused"

    def no_dns(request):  # what httpx raises when the name does not resolve (no real lookup here)
        raise httpx.ConnectError("[Errno -2] Name or service not known")
    with httpx.Client(transport=httpx.MockTransport(no_dns)) as http, pytest.raises(IngestError) as info:
        get("http://courier.invalid/", http=http)
    assert info.value.reason == "cannot resolve host (DNS lookup failed)"


def test_wrong_charset_header_and_cp1251_page(server):
    russian = "Паром на остров Оррин снова ходит после шторма, сообщила портовая служба во вторник утром."
    body = f"<html><body><article><p>{russian}</p><p>{russian}</p></article></body></html>"
    server.routes["/ru"] = Reply(body.encode("cp1251"), headers={"Content-Type": "text/html; charset=windows-1251"})
    assert fetch_article(server.url("/ru"), limits=FAST).text.startswith(russian)
    # The header claims Latin-1, the bytes are UTF-8: the bytes win.
    server.routes["/liar"] = Reply(body.encode(), headers={"Content-Type": "text/html; charset=iso-8859-1"})
    assert fetch_article(server.url("/liar"), limits=FAST).text.startswith(russian)


def test_cli_extract_url_prints_the_json_contract(server, capsys):
    server.routes["/s.html"] = Reply(story_page(3, canonical="https://courier.example/s").encode())
    assert main(["extract", server.url("/s.html"), "--json"]) == 0
    article = json.loads(capsys.readouterr().out)["article"]
    assert (article["url"], article["outlet"], article["authors"], article["language"]) == (
        "https://courier.example/s", "Coastline Courier", ["Petra Lindqvist"], "en")
    assert main(["extract", server.url("/nothing")]) == 1
    assert capsys.readouterr().err.strip() == f"briefing: error: {server.url('/nothing')}: HTTP 404 Not Found"


def test_cli_ingest_url_then_read_offline(server, tmp_path, capsys):
    server.routes["/story.html"] = Reply(story_page(7).encode())
    lib = str(tmp_path / "lib")
    assert main(["ingest", "--library", lib, server.url("/story.html"), server.url("/gone")]) == 1
    captured = capsys.readouterr()
    assert f"briefing: failed: {server.url('/gone')}: HTTP 404 Not Found" in captured.err
    assert "1 ingested (1 new, 0 updated), 1 failed" in captured.err
    server.server.shutdown()  # offline from here on
    assert main(["show", "--library", lib, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 2 and data["article"]["outlet"] == "Coastline Courier"
    assert data["article"]["source"] == server.url("/story.html")
    assert "storm number 7" in data["article"]["text"]
    assert main(["list", "--library", lib]) == 0
    assert "127.0.0.1" in capsys.readouterr().out  # the site, not the page's file name
    assert main(["show", "--library", lib, "--md"]) == 0
    assert "Outlet: Coastline Courier · By: Petra Lindqvist · Source: http" in capsys.readouterr().out
