"""The daily-use keys of issue 11: delete, archive, read/unread, sort, reload and live refresh, export, copy."""

from __future__ import annotations

import json

from conftest import build, sample_paths
from test_reader_bugs import screen_lines
from test_reader_keys import app_for, open_first, settle

from briefings.store import Library
from tui.screens.briefing import BriefingScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.library import LibraryScreen
from tui.widgets.briefing_list import BriefingList


def listing(app) -> BriefingList:
    return app.screen.query_one(BriefingList)


def shown_ids(app) -> list[str]:
    screen = app.screen
    return [screen.rows.id(i) for i in screen.shown]


async def test_delete_asks_then_removes_and_keeps_the_notes(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        victim = listing(app).current_id()
        library.notes.add(victim, None, "keep me", kind="briefing")
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing happens
        assert victim in shown_ids(app)
        await pilot.press("d", "y")
        await settle(pilot)
        assert victim not in shown_ids(app)
        assert victim not in {e.id for e in library.entries()}
        assert [n.body for n in library.notes.all(victim)] == ["keep me"]


async def test_archive_hides_A_shows_and_a_again_restores(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        total = len(shown_ids(app))
        first = listing(app).current_id()
        await pilot.press("a")
        assert first not in shown_ids(app) and len(shown_ids(app)) == total - 1
        await pilot.press("A")
        assert first in shown_ids(app)
        assert any("\u25a1 " in line for line in screen_lines(app))  # archived rows carry a mark
        listing(app).cursor = shown_ids(app).index(first)
        await pilot.press("a", "A")
        assert len(shown_ids(app)) == total
    assert not Library(library.root).marks.archived  # stored beside the library, read by a new session


async def test_opening_reads_u_toggles_and_unread_titles_are_bold(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = listing(app).current_id()
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert first in library.marks.read
        line = listing(app).render_line(1)  # the second row: not under the cursor, still unread
        title = list(line)[1]  # after the cursor mark
        assert title.style.bold and title.text.strip()
        await pilot.press("u")
        assert first not in library.marks.read
        await pilot.press("u")
        assert first in library.marks.read
        await pilot.press("j")
        first_row = listing(app).render_line(0)
        title = list(first_row)[1]
        assert title.text.strip() and not title.style.bold  # read: plain


async def test_S_cycles_sorts_and_says_which(library):
    app = app_for(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        orders = {}
        for _ in range(7):
            await pilot.press("S")
            name = next(w for w in ("published", "title", "outlet", "figures", "casualties", "quotes", "ingested")
                        if f"by {w}" in screen_lines(app)[0] or (w == "ingested" and "by " not in screen_lines(app)[0]))
            orders[name] = [screen.rows[i] for i in screen.shown]
        assert set(orders) == {"published", "title", "outlet", "figures", "casualties", "quotes", "ingested"}
        titles = [e.title.casefold() for e in orders["title"]]
        assert titles == sorted(titles)
        figures = [e.figures for e in orders["figures"]]
        assert figures == sorted(figures, reverse=True)
        assert [e.id for e in orders["ingested"]] == [e.id for e in library.entries()]


async def test_another_process_ingesting_shows_up_without_a_key(tmp_path):
    paths = sample_paths()
    library = build(tmp_path / "lib", paths[:3])
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(shown_ids(app)) == 3
        build(tmp_path / "lib", paths[3:5])  # "another process": a second Library on the same folder
        for _ in range(200):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if len(shown_ids(app)) == 5:
                break
        assert len(shown_ids(app)) == 5
        other = Library(tmp_path / "lib")
        other.remove(other.entries()[-1].id)
        await pilot.press("R")
        await settle(pilot)
        assert len(shown_ids(app)) == 4


async def test_x_and_X_export_the_open_briefing_and_say_where(library, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "ferry")
        library.notes.add(screen.briefing.id, None, "ask the coastguard", kind="briefing")
        await pilot.press("x", "X")
        await pilot.pause()
        md = tmp_path / f"briefing-{screen.briefing.id[:10]}.md"
        js = tmp_path / f"briefing-{screen.briefing.id[:10]}.json"
        assert md.read_text(encoding="utf-8").startswith("# Four dead")
        assert "ask the coastguard" in md.read_text(encoding="utf-8")
        assert json.loads(js.read_text(encoding="utf-8"))["id"] == screen.briefing.id
        said = " ".join(n.message for n in app._notifications)
        assert str(md) in said and str(js) in said


async def test_c_copies_the_item_with_its_citation(library):
    app = app_for(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_first(pilot, "ferry")
        await pilot.press("4", "j", "c")
        quote = screen.query_one("#quotes").current
        copied = app.clipboard
        assert quote.text in copied and quote.speaker in copied
        assert "Four dead and three missing" in copied and screen.briefing.id[:10] in copied
        assert any("OSC 52" in n.message for n in app._notifications)  # says how, and what to do if blocked
        await pilot.press("5", "c")  # the source pane has no item: says so, copies nothing new
        assert app.clipboard == copied
        assert isinstance(app.screen, BriefingScreen)
