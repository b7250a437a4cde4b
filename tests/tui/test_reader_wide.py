"""The library from 120 columns (issue 11): an Outlet column, a named date column, a preview pane."""

from __future__ import annotations

from test_reader_bugs import region_text, screen_lines
from test_reader_keys import app_for, settle

from briefings.extract import extract
from briefings.model import Article
from tui.widgets.briefing_list import BriefingList
from tui.widgets.briefing_preview import BriefingPreview

GAZETTE = ("Ferry grounded off Tallow Point\n\nThe Corran ferry ran aground off Tallow Point on Monday with "
           "212 passengers aboard, the coastguard said. \"Everyone is safe,\" said harbourmaster Ines Vaile.")


def list_lines(app) -> list[str]:
    """The screen's lines cut at the preview's border (the list's side only)."""
    return [line.split("\u2502")[0] for line in screen_lines(app)]


def add_gazette_story(library) -> str:
    article = Article(title="Ferry grounded off Tallow Point", text=GAZETTE, source="https://gazette.example/ferry",
                      url="https://gazette.example/ferry", outlet="Tallow Gazette", published="2026-02-03")
    return library.add(extract(article)).id


async def test_wide_library_previews_the_highlighted_briefing_and_follows_the_cursor(library):
    app = app_for(library)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        preview = app.screen.query_one(BriefingPreview)
        listing = app.screen.query_one(BriefingList)
        first = library.get(listing.current_id())
        shown = region_text(app, preview)
        assert first.article.title[:20] in shown.replace("\n", " ")
        assert f"{len(first.figures)} figures" in shown and f"{len(first.quotes)} quotes" in shown
        assert first.summary[0].text[:15] in shown.replace("\n", " ")
        await pilot.press("j")
        await pilot.pause()
        second = library.get(listing.current_id())
        assert second.article.title[:20] in region_text(app, preview).replace("\n", " ")
        assert first.article.title[:20] not in region_text(app, preview).replace("\n", " ")


async def test_wide_library_shows_the_outlet_and_names_the_date_it_shows(library):
    add_gazette_story(library)
    app = app_for(library)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        lines = list_lines(app)
        header = next(line for line in lines if " Title " in line)
        assert "Outlet" in header and "Added" in header and "Published" not in header
        row = next(line for line in lines if "Ferry grounded" in line)
        assert "Tallow Gazette" in row
        assert "Tallow Gazette" in region_text(app, app.screen.query_one(BriefingPreview))  # newest: highlighted
        await pilot.press("S")  # sorted by published date: the column shows published dates
        await pilot.pause()
        lines = list_lines(app)
        header = next(line for line in lines if " Title " in line)
        assert "Published" in header and "Added" not in header
        assert "2026-02-03" in next(line for line in lines if "Ferry grounded" in line)


async def test_at_80_columns_no_preview_and_no_outlet_column(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(BriefingPreview).display
        header = next(line for line in screen_lines(app) if " Title " in line)
        assert "Outlet" not in header and header.rstrip().endswith("Nts")
        await pilot.resize_terminal(160, 45)  # widening shows it; narrowing hides it again
        await pilot.pause()
        assert app.screen.query_one(BriefingPreview).display
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query_one(BriefingPreview).display
