"""Every binding of the reader, driven with Pilot as a user would."""

from __future__ import annotations

from pathlib import Path

from conftest import build, sample_paths
from pilot_helpers import loaded as settle  # the other reader tests import it from here

from tui.app import BriefingApp
from tui.screens.briefing import PANES, BriefingScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.widgets.briefing_list import BriefingList
from tui.widgets.items import ItemPane
from tui.widgets.source import SourcePane


def app_for(library, config: Path | None = None, restore: bool = False) -> BriefingApp:
    return BriefingApp(library, config=config, restore=restore)


def shown_titles(screen: LibraryScreen) -> list[str]:
    return [screen.rows[i].title for i in screen.shown]


async def open_first(pilot, title_part: str = "") -> BriefingScreen:
    app = pilot.app
    await settle(pilot)
    if title_part:
        await pilot.press("slash", *title_part, "enter")  # Enter in the filter opens the top match
    else:
        await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, BriefingScreen)
    return app.screen


async def test_library_lists_newest_first_and_moves_with_j_k_g_G(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(BriefingList)
        assert table.row_count == len(sample_paths())
        newest = library.entries()[0]
        assert table.current_id() == newest.id
        await pilot.press("j", "j")
        assert table.cursor == 2
        await pilot.press("k")
        assert table.cursor == 1
        await pilot.press("G")
        assert table.cursor == table.row_count - 1
        await pilot.press("g")
        assert table.cursor == 0
        await pilot.press("end")
        assert table.cursor == table.row_count - 1
        await pilot.press("home", "down", "pagedown")
        assert table.cursor == min(table.row_count - 1, 1 + table.size.height - 1)


async def test_filter_by_title_speaker_and_casualty_then_clear(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(BriefingList)
        await pilot.press("slash", *"whitlock")  # a speaker, not in any title
        assert shown_titles(screen) == ["Millbrook warehouse fire leaves one dead, three hurt"]
        assert table.row_count == 1
        await pilot.press("escape")
        assert table.row_count == len(sample_paths())
        await pilot.press("slash", *"rosa almeida")  # a casualty
        assert shown_titles(screen) == ["Callow Bridge collapse: engineer arrested as victims named"]
        await pilot.press("enter")
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.briefing.article.title.startswith("Callow Bridge collapse")


async def test_down_in_the_filter_picks_another_match(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"fire")  # the warehouse fire and the wildfire
        shown = [app.screen.rows.id(i) for i in app.screen.shown]
        assert len(shown) >= 2
        await pilot.press("down", "enter")
        assert app.screen.briefing.id == shown[1]


async def test_panes_tab_shift_tab_and_number_keys(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot)
        assert screen.pane == "summary"
        for expected in PANES[1:] + PANES[:1]:
            await pilot.press("tab")
            assert screen.pane == expected
            assert screen.query_one(f"#{expected}").has_class("-current")
        await pilot.press("shift+tab")
        assert screen.pane == "source"
        for key, name in zip("12345", PANES):
            await pilot.press(key)
            assert screen.pane == name
            focused = app.focused
            assert focused is screen.focus_target(name)


async def test_move_within_a_pane_and_first_last(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "ferry")
        await pilot.press("4")
        quotes = screen.query_one("#quotes", ItemPane)
        assert len(quotes.items) >= 3
        await pilot.press("j", "j")
        assert quotes.highlighted == 2
        await pilot.press("k")
        assert quotes.highlighted == 1
        await pilot.press("G")
        assert quotes.highlighted == len(quotes.items) - 1
        await pilot.press("g")
        assert quotes.highlighted == 0
        await pilot.press("down", "end")
        assert quotes.highlighted == len(quotes.items) - 1
        await pilot.press("home")
        assert quotes.highlighted == 0


async def test_enter_shows_the_evidence_in_the_source_pane(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "warehouse")
        await pilot.press("3", "j")
        casualty = screen.query_one("#casualties", ItemPane).current
        await pilot.press("enter")
        assert screen.pane == "source"  # narrow: the source pane comes forward
        area = screen.query_one(SourcePane).text_area
        text = screen.briefing.article.text
        assert area.selected_text == text[casualty.span[0]:casualty.span[1]]
        assert casualty.name.split()[-1] in area.selected_text


async def test_evidence_on_a_wide_terminal_keeps_the_item_pane(library):
    app = app_for(library)
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_first(pilot)
        await pilot.press("4", "enter")
        quote = screen.query_one("#quotes", ItemPane).current
        assert screen.pane == "quotes"
        assert screen.query_one(SourcePane).text_area.selected_text.startswith(quote.text[:20])
        for name in PANES:  # all five panes on screen at once
            assert screen.query_one(f"#{name}").region.area > 0


async def test_brackets_step_between_briefings_and_escape_goes_back(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot)
        entries = library.entries()
        assert screen.briefing.id == entries[0].id
        await pilot.press("right_square_bracket")
        assert screen.briefing.id == entries[1].id
        await pilot.press("right_square_bracket", "left_square_bracket")
        assert screen.briefing.id == entries[1].id
        await pilot.press("left_square_bracket", "left_square_bracket")  # the second one is past the start
        assert screen.briefing.id == entries[0].id
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("enter", "backspace")
        assert isinstance(app.screen, LibraryScreen)


async def test_help_lists_every_binding_and_closes(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, LibraryScreen)


async def test_q_quits(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    assert not app.is_running


async def test_command_palette_opens_a_briefing_by_title(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Open: Callow")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, BriefingScreen)
        assert app.screen.briefing.article.title.startswith("Callow Bridge")


async def test_keys_can_be_remapped_in_config(library, config):
    config.write_text('[keys]\n"pane.next" = "n"\n"app.quit" = "x"\n')
    app = app_for(library, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot)
        await pilot.press("n")
        assert screen.pane == "figures"
        assert app.keymap_in_force()["pane.next"] == "n"
        await pilot.press("question_mark")
        help_text = str(app.screen.query("Static").last().render())
        assert help_text  # rendered; the table itself is checked below
        from tui.screens.help import help_table
        from rich.console import Console
        console = Console(width=100, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
        console.print(help_table(app.keymap_in_force()))
        assert "n " in console.export_text() or "\nn" in console.export_text()


async def test_a_bad_config_is_reported_not_fatal(library, config):
    config.write_text('[keys]\n"no.such.key" = "z"\n')
    app = app_for(library, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert any("no.such.key" in p for p in app.config_problems)
        assert isinstance(app.screen, LibraryScreen)


async def test_reopening_returns_to_the_last_briefing_and_pane(library):
    app = app_for(library, restore=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "ferry")
        await pilot.press("4")
        wanted = screen.briefing.id
    again = app_for(library, restore=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, BriefingScreen)
        assert (again.screen.briefing.id, again.screen.pane) == (wanted, "quotes")


async def test_empty_library_says_how_to_ingest_and_loads_samples_with_s(tmp_path):
    from briefings.store import Library

    library = Library(tmp_path / "empty")
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-empty")
        assert "briefing ingest" in str(screen.query_one("#library-empty").render())
        await pilot.press("s")
        await settle(pilot)  # the samples load in a worker, then the list reloads in another
        assert len(screen.rows) == len(sample_paths())


async def test_markup_in_an_article_is_shown_as_text(tmp_path):
    path = tmp_path / "markup.txt"
    path.write_text("Ferry [bold]chief[/bold] quits [link=http://127.0.0.1/x]here[/link]\n\n"
                    'The ferry chief, Ana [red]Ruiz[/red], 44, was injured. "We sail [@click=app.quit]on[/]," '
                    "said Tom Brandt.\n")
    library = build(tmp_path / "lib", [path])
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot)
        header = str(screen.query_one("#briefing-header").render())
        assert "[bold]chief[/bold]" in header and "[link=http://127.0.0.1/x]" in header
        await pilot.press("4")
        assert "[@click=app.quit]on[/]" in screen.query_one("#quotes", ItemPane).items[0].text
        assert app.is_running


async def test_a_list_read_that_ends_after_the_reader_closed_is_dropped(tmp_path):
    # Under load the worker reading the whole list can finish while the app is closing;
    # its result used to raise NoMatches from a screen whose widgets were already gone.
    from briefings.store import Library

    app = app_for(Library(tmp_path / "lib"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        rows = screen.rows
    screen._loaded(rows, {})  # must not raise
