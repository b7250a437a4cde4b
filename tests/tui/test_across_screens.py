"""People, Events, Timeline and Watch screens (issue 13): keys, jumps to evidence, and snapshots."""

from __future__ import annotations

import fcntl
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "across"))
from across_helpers import story_paths  # noqa: E402
from pilot_helpers import loaded  # noqa: E402

from briefings import store  # noqa: E402
from briefings.across import query  # noqa: E402
from briefings.extract import extract  # noqa: E402
from briefings.ingest import load  # noqa: E402

from tui.app import BriefingApp  # noqa: E402
from tui.screens.across_views import EventsScreen, PeopleScreen, TimelineScreen, WatchScreen  # noqa: E402
from tui.screens.briefing import BriefingScreen  # noqa: E402

ROOT = Path("/tmp/briefing-snapshot-across")  # fixed: the path shows in the library title


def build(root: Path, paths: list[Path]) -> store.Library:
    """The stories added one second apart at fixed times (the list shows the dates)."""
    library = store.Library(root)
    original = store.utc_now
    try:
        for n, path in enumerate(paths):
            store.utc_now = lambda n=n: f"2026-01-01T00:00:{n:02d}.000000Z"
            library.add(extract(load(str(path))))
    finally:
        store.utc_now = original
    query.ensure(library)
    return library


@pytest.fixture(scope="module")
def across_library():
    # The path is fixed (it shows on screen): another test run on this machine must not rebuild it
    # under this one, so hold a lock on it for the module.
    with open(f"{ROOT}.lock", "a") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)
        shutil.rmtree(ROOT, ignore_errors=True)
        library = build(ROOT, story_paths())
        with library.transaction():
            watch = library.across.watchlist()
            f = watch.add("Corran Deep")
            for e in library.entries():
                b = library.get(e.id)
                watch.match(b.id, b.article.title, b.article.text, only=[f])
            watch.save()
        yield library
        shutil.rmtree(ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def unseen(across_library):
    """Every test starts with the watch matches new (the Watch screen marks them seen)."""
    with across_library.transaction():
        watch = across_library.across.watchlist()
        for m in watch.matches:
            m["seen"], m["found"] = False, "2026-03-10T00:00:00.000000Z"  # fixed: shown on screen
        watch.save()


@pytest.fixture
def colour(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)


async def test_people_quotes_and_jump_to_evidence(across_library):
    app = BriefingApp(across_library, restore=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("P")
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("slash", *"brevik", "enter")
        assert [p["name"] for p in app.screen.shown] == ["Tomas Brevik"]
        await pilot.press("enter")  # the quotes
        assert app.screen.person["name"] == "Tomas Brevik" and len(app.screen.shown) == 2
        quote = app.screen.current()
        await pilot.press("enter")  # the evidence
        assert isinstance(app.screen, BriefingScreen) and app.screen.briefing.id == quote["briefing"]
        assert app.screen.current_item().id == quote["item"]


async def test_events_timeline_and_watch(across_library):
    app = BriefingApp(across_library, restore=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert "\u25c6 4 new" in str(app.screen.query_one("#library-title").render())
        await pilot.press("V")
        assert isinstance(app.screen, EventsScreen) and len(app.screen.shown) == 3
        await pilot.press("slash", *"halvec", "enter", "enter")
        assert isinstance(app.screen, TimelineScreen)
        phrases = [e["phrase"] for e in app.screen.shown if e["kind"] == "date"]
        assert "last Tuesday" in phrases and "Thursday's" in phrases
        await pilot.press("W")
        assert isinstance(app.screen, WatchScreen)
        assert len(app.screen.shown) == 4 and all(not m["seen"] for m in app.screen.shown)
        assert across_library.across.watchlist().unseen() == []  # seen once shown


async def test_big_libraries_fill_the_screens_in_a_worker(across_library, monkeypatch):
    from tui.screens import across

    monkeypatch.setattr(across, "BACKGROUND_AT", 0)  # as if the library were huge
    app = BriefingApp(across_library, restore=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("P")
        await loaded(pilot)  # waits for the worker
        assert isinstance(app.screen, PeopleScreen) and len(app.screen.shown) == 9


async def test_timeline_key_follows_what_is_in_front(across_library):
    app = BriefingApp(across_library, restore=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("slash", *"corran deep operator", "enter")  # opens that briefing
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("T")
        assert isinstance(app.screen, TimelineScreen)
        outlets = {e.get("outlet") for e in app.screen.items if e["kind"] == "date"}
        assert outlets >= {"Northwire", "Daily Ledger", "Coastal Radio", "Meridian Times"}  # the whole event
        await pilot.press("escape", "P", "slash", *"sollis", "enter", "T")
        assert isinstance(app.screen, TimelineScreen) and app.screen.person == "Caterina Sollis"


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
@pytest.mark.parametrize("keys", [["P"], ["V"], ["V", "enter"], ["W"], []],
                         ids=["people", "events", "timeline", "watch", "library"])
def test_across_snapshots(snap_compare, across_library, colour, size, keys):
    # Other tests here open briefings (marking them read: plain titles); the picture must not depend on order.
    (across_library.root / "marks.json").unlink(missing_ok=True)
    assert snap_compare(BriefingApp(across_library, restore=False), press=keys, terminal_size=size, run_before=loaded)
