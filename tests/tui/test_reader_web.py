"""The reader and the web (issue 12): F fetches feeds live, o opens the original URL, the header names the outlet."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))

from loopback import Loopback, Reply  # noqa: E402
from pages import rss, story_page  # noqa: E402
from pilot_helpers import loaded  # noqa: E402

import tui.weblink as weblink  # noqa: E402
from briefings.extract import extract  # noqa: E402
from briefings.feeds import add_feed  # noqa: E402
from briefings.ingest import load_text  # noqa: E402
from briefings.store import Library  # noqa: E402
from tui.app import BriefingApp  # noqa: E402
from tui.screens.briefing import BriefingScreen  # noqa: E402
from tui.widgets.briefing_list import BriefingList  # noqa: E402

URL = "https://coastline-courier.example/2026/05/02/ferry"


async def settle(pilot) -> None:
    await loaded(pilot, tries=400)  # a fetch runs in a worker too: allow it longer


def notes_of(app) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


@pytest.fixture
def web_library(tmp_path) -> Library:
    library = Library(tmp_path / "lib")
    library.add(extract(load_text(story_page(2), kind="html", source=URL, url=URL)))
    library.add(extract(load_text("Quay reopens\n\nThe quay at Kestrel Port reopened on Monday, officials said.\n",
                                  source="notes/quay.txt")))
    return library


async def test_briefing_header_shows_outlet_and_url_and_o_shows_it_over_ssh(web_library, monkeypatch):
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5555 10.0.0.2 22")
    opened = []
    monkeypatch.setattr(weblink.webbrowser, "open", lambda url: opened.append(url) or True)
    app = BriefingApp(web_library, restore=False)
    copied = []
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        rows = app.screen.rows
        web_row = next(i for i in range(len(rows)) if rows[i].source == URL)
        app.screen.query_one(BriefingList).cursor = web_row
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        header = str(app.screen.query_one("#briefing-header").render())
        assert "Coastline Courier" in header and URL in header
        await pilot.press("o")
        await pilot.pause()
        assert copied == [URL] and opened == []
        assert any(URL in n for n in notes_of(app))


async def test_o_opens_the_browser_with_a_display_and_warns_without_a_url(web_library, monkeypatch):
    for var in ("SSH_CONNECTION", "SSH_TTY", "SSH_CLIENT"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    opened = []
    monkeypatch.setattr(weblink.webbrowser, "open", lambda url: opened.append(url) or True)
    app = BriefingApp(web_library, restore=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        rows = app.screen.rows
        listing = app.screen.query_one(BriefingList)
        listing.cursor = next(i for i in range(len(rows)) if rows[i].source == URL)
        await pilot.press("o")  # from the library list too
        for _ in range(50):
            if opened:
                break
            await pilot.pause(0.02)
        assert opened == [URL]
        listing.cursor = next(i for i in range(len(rows)) if rows[i].source != URL)
        await pilot.press("o")
        await pilot.pause()
        assert any("no original URL" in n for n in notes_of(app))
        assert opened == [URL]


def test_has_browser():
    assert not weblink.has_browser({"SSH_CONNECTION": "x", "DISPLAY": ":0"}, "linux")
    assert not weblink.has_browser({}, "linux")
    assert weblink.has_browser({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert weblink.has_browser({}, "darwin")


async def test_F_fetches_feeds_in_the_background_and_the_list_grows(tmp_path):
    library = Library(tmp_path / "lib")
    app = BriefingApp(library, restore=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await pilot.pause()
        assert any("No feeds yet" in n for n in notes_of(app))
    with Loopback() as server:
        base = server.url("")
        server.routes["/feed"] = Reply(rss(base, [3, 4]), headers={"Content-Type": "application/rss+xml"})
        for n in (3, 4):
            server.routes[f"/story{n}.html"] = Reply(story_page(n).encode())
        add_feed(library, server.url("/feed"))
        app = BriefingApp(library, restore=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert len(app.screen.rows) == 0
            await pilot.press("F")
            await settle(pilot)
            await pilot.pause(0.1)
            await settle(pilot)
            assert sorted(app.screen.rows[i].title for i in range(len(app.screen.rows))) == [
                "Ferry service to Orrin Isle resumes after storm 3", "Ferry service to Orrin Isle resumes after storm 4"]
            assert any("2 new" in n for n in notes_of(app))
