"""Full-text search in the reader (issue 11): ctrl+f, a query, Enter lands on the hit in the Source pane."""

from __future__ import annotations

from test_reader_bugs import region_text
from test_reader_keys import app_for, open_first, settle

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


async def test_ctrl_f_inside_a_briefing_searches_and_esc_comes_back_to_that_briefing(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        reading = await open_first(pilot, "budget")
        await pilot.press("4")  # reading its quotes
        start_id = reading.briefing.id
        await pilot.press("ctrl+f")
        screen = await searched(pilot, "fire")
        assert "Esc: back to \u201cAndovia unveils" in region_text(app, screen.query_one("#search-title"))
        assert screen.hits
        await pilot.press("escape")  # changed my mind: the briefing as I left it
        assert app.screen is reading and reading.briefing.id == start_id and reading.pane == "quotes"

        await pilot.press("ctrl+f")
        screen = await searched(pilot, '"dunmere fire service"')
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        hit = app.screen
        assert isinstance(hit, BriefingScreen) and hit is not reading and hit.pane == "source"
        assert "Dunmere" in hit.briefing.article.title
        assert hit.query_one(SourcePane).text_area.selected_text.casefold() == "dunmere fire service"
        stack = app.screen_stack
        assert len({id(s) for s in stack}) == len(stack)  # no screen stacked twice
        await pilot.press("ctrl+f")  # from the hit: the same results, not a new empty search
        assert app.screen is screen and screen.query_text == '"dunmere fire service"'
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # from the hit, back to the results, as from the library ...
        assert app.screen is screen
        await pilot.press("escape")  # ... and then to the briefing I was reading
        assert app.screen is reading and reading.briefing.id == start_id and reading.pane == "quotes"
        assert "Andovia" in region_text(app, reading.query_one("#briefing-header"))
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)


async def test_ctrl_f_in_a_briefing_is_remappable_on_its_own(library, config):
    config.write_text('[keys]\n"briefing.search" = "ctrl+g"\n')
    app = app_for(library, config)
    async with app.run_test(size=(80, 24)) as pilot:
        reading = await open_first(pilot)
        await pilot.press("ctrl+f")
        assert app.screen is reading
        await pilot.press("ctrl+g")
        assert isinstance(app.screen, SearchScreen)


async def test_the_command_palette_offers_the_full_text_search_in_a_briefing(library):
    # A user who does not know ctrl+f types "search" in the palette (ctrl+p).
    from textual.command import CommandList

    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        reading = await open_first(pilot)
        await pilot.press("ctrl+p", *"search the full")
        for _ in range(200):  # the palette's providers answer asynchronously
            await pilot.pause(0.02)
            results = app.screen.query(CommandList)
            if results and results.first().option_count and "Search the full text" in \
                    str(results.first().get_option_at_index(0).prompt):
                break
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        assert app.screen is reading
