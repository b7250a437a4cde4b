"""Bugs found by using the reader as an analyst would (tmux, 80x24, over SSH), each pinned by a test."""

from __future__ import annotations

from test_reader_bugs import region_text, screen_lines
from test_reader_keys import app_for, open_first, settle

from tui.screens.briefing import BriefingScreen
from tui.widgets.briefing_list import BriefingList


async def test_the_open_filter_keeps_the_list_under_its_column_titles(library):
    # The filter's side margins used to narrow the list by 2 columns: every row then ran 2 columns
    # left of the header (Source under Title, counts under the wrong column) until the filter closed.
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(BriefingList)
        for keys in ((), ("slash",), ("f", "i", "r", "e")):
            await pilot.press(*keys)
            await pilot.pause()
            header = region_text(app, app.screen.query_one("#library-header")).splitlines()[0]
            row = region_text(app, listing).splitlines()[0]
            assert listing.size.width == 80, keys
            source = header.index("Source")  # the source label starts right under its title ...
            assert row[source - 1] == " " and row[source] != " ", (keys, header, row)
            quotes = header.index("Quo") + 2  # ... and each count ends under its right-aligned title
            assert row[quotes].isdigit() and row[quotes + 1] == " ", (keys, header, row)


async def test_the_across_screens_mark_the_selected_row_in_text(library):
    # Only the row's background told which person was selected: invisible in a monochrome terminal
    # or capture. The library, the panes and Notes carry a ▸; People, Events, Timeline and Watch share
    # one frame (tui/screens/across.py) and now do too.
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await pilot.pause()
        table = app.screen.query_one("#across-table")

        def marked() -> list[int]:
            rows = region_text(app, table).splitlines()[1:]  # under the column titles
            return [n for n, line in enumerate(rows) if line.lstrip().startswith("\u25b8")]
        assert marked() == [0]
        await pilot.press("j", "j")
        assert marked() == [2]
        await pilot.press("k")
        assert marked() == [1]
        await pilot.press("slash", "a", "n")  # the filter rebuilds the table: still exactly one mark
        await pilot.pause()
        assert len(marked()) == 1


async def test_wrapped_items_stay_under_their_text_not_under_the_selection_mark(library):
    # A quote's second line started under the ▸ column, so it read like a new item and the speaker
    # line hid among quote lines; figures' "what was counted" line and long roles wrapped to the edge.
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "pileup")
        for pane in ("quotes", "figures", "summary"):
            await pilot.press({"quotes": "4", "figures": "2", "summary": "1"}[pane])
            await pilot.pause()
            inner = [line[1:-1] for line in region_text(app, screen.query_one(f"#{pane}")).splitlines()[1:-1]]
            starts = [(len(line) - len(line.lstrip()), line.lstrip()[:1]) for line in inner if line.strip()]
            assert len(starts) > len(screen.query_one(f"#{pane}").items)  # some items do wrap here
            assert all(col >= 4 or first == "\u25b8" for col, first in starts), (pane, inner)
        await pilot.press("4")
        speaker_lines = [line for line in region_text(app, screen.query_one("#quotes")).splitlines() if "\u2014" in line]
        assert speaker_lines and all(line.index("\u2014") == 7 for line in speaker_lines)  # under the quote


async def test_the_source_pane_footer_names_esc_for_back_like_every_other_pane(library):
    # The Source pane alone said "⌫ Back", as if Esc did not go back there.
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first(pilot)
        for key in ("1", "5"):
            await pilot.press(key)
            await pilot.pause()
            footer = screen_lines(app)[-1]
            assert "esc Back" in footer and "\u232b" not in footer, (key, footer)
        await pilot.press("backspace")  # Backspace still goes back too
        assert not isinstance(app.screen, BriefingScreen)


async def test_the_timeline_of_an_open_briefing_is_titled_by_its_event_not_an_id(library):
    # T in a briefing whose event has one report titled the screen "Timeline: e-51cb1a7ac635".
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        reading = await open_first(pilot, "lorland")
        await pilot.press("T")
        await pilot.pause()
        title = region_text(app, app.screen.query_one("#across-title"))
        assert "Timeline: Alliance wins most seats" in title and "e-" not in title, title
        assert reading.briefing.article.title.startswith("Alliance wins most seats")


async def test_a_narrow_list_gives_the_title_the_room_of_source_and_date(library):
    # In a 60-column tmux split the titles had 10 cells ("3 killed, …") while the file name kept 14.
    app = app_for(library)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        header = region_text(app, app.screen.query_one("#library-header")).splitlines()[0]
        row = region_text(app, app.screen.query_one(BriefingList)).splitlines()[0]
        assert "Source" not in header and "Added" in header
        assert header.index("Added") - header.index("Title") >= 24
        title = library.entries()[0].title
        assert title[:24] in row
        quotes = header.index("Quo") + 2
        assert row[quotes].isdigit() and row[quotes + 1] == " ", (header, row)  # still aligned
