"""Full-text search in the reader (issue 11): ctrl+f, a query, Enter lands on the hit in the Source pane."""

from __future__ import annotations

from test_reader_bugs import region_text
from test_reader_keys import app_for, settle

from tui.screens.briefing import BriefingScreen
from tui.screens.library import LibraryScreen
from tui.screens.search import SearchScreen
from tui.widgets.source import SourcePane


async def searched(pilot, query: str) -> SearchScreen:
    """Type ``query`` into the search screen and wait for its results (they come from a worker)."""
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*query)
    for _ in range(300):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.02)
        if screen.query_text == query and not pilot.app.workers:
            return screen
    raise AssertionError(f"no results shown for {query!r}")


async def test_ctrl_f_then_enter_shows_the_hit_in_the_source_pane(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        screen = await searched(pilot, '"dunmere fire service"')
        assert len(screen.hits) == 1 and "the [dunmere fire service] said" in \
            region_text(app, screen.query_one("#search-results")).casefold()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        briefing = app.screen
        assert isinstance(briefing, BriefingScreen) and briefing.pane == "source"
        source = briefing.query_one(SourcePane)
        assert source.text_area.selected_text.casefold() == "dunmere fire service"
        shown = region_text(app, source)
        caption, text = shown.split("\n", 2)[1:]
        assert 'Search hit: "dunmere fire service"' in caption and "paragraph" in caption
        assert "Dunmere" in text and "service" in text  # scrolled down to it, deep in the article
        await pilot.press("escape")
        assert app.screen is screen  # back to the results
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_a_query_with_nothing_to_search_says_so_on_one_line(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f")
        screen = await searched(pilot, '"*')
        status = region_text(app, screen.query_one("#search-status"))
        assert "nothing to search for" in status and screen.hits == []
        await pilot.press("backspace", "backspace")
        screen = await searched(pilot, "zeppelin")  # and the next query works
        assert "No briefing matches" in region_text(app, screen.query_one("#search-status"))


async def test_the_search_keys_are_remappable(library, config):
    config.write_text('[keys]\n"library.search" = "ctrl+g"\n"search.back" = "ctrl+b"\n')
    app = app_for(library, config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("ctrl+b")
        assert isinstance(app.screen, LibraryScreen)
