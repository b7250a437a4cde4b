"""What the screen shows, at 80x24 and 120x40, in colour and with NO_COLOR (SVG snapshots)."""

from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import build
from filelock import FileLock
from pilot_helpers import loaded

from tui.app import BriefingApp

# A fixed path: the library path is shown in the title bar.
ROOT = Path("/tmp/briefing-snapshot-library")


@contextmanager
def machine_lock(path: Path) -> Iterator[None]:
    """The paths are fixed (they show in the title bar), so two test runs on one machine (CI jobs,
    several checkouts) would rebuild and delete each other's library mid-snapshot: hold a lock."""
    with open(f"{path}.lock", "a") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)
        yield


@pytest.fixture(scope="module")
def snap_library():
    with machine_lock(ROOT):
        shutil.rmtree(ROOT, ignore_errors=True)
        library = build(ROOT)
        yield library
        shutil.rmtree(ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def unread_library():
    """Opening a briefing marks it read (plain title): each snapshot starts with every briefing unread,
    whatever ran before it on the shared library."""
    (ROOT / "marks.json").unlink(missing_ok=True)


@pytest.fixture
def colour(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)


def app(library) -> BriefingApp:
    return BriefingApp(library, restore=False)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_library_screen(snap_compare, snap_library, colour, size):
    assert snap_compare(app(snap_library), terminal_size=size, run_before=loaded)


def test_library_wide_preview_sorted_by_published(snap_compare, snap_library, colour):
    # 160x45: Outlet column, the date column named "Published" (sorted by it), the second row previewed.
    assert snap_compare(app(snap_library), press=["S", "j"], terminal_size=(160, 45), run_before=loaded)


def test_library_filtered(snap_compare, snap_library, colour):
    assert snap_compare(app(snap_library), press=["slash", *"brandt"], terminal_size=(80, 24), run_before=loaded)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_briefing_casualties(snap_compare, snap_library, colour, size):
    # The bridge collapse: a list of victims, ages, statuses.
    press = ["slash", *"callow", "enter", "3"]
    assert snap_compare(app(snap_library), press=press, terminal_size=size, run_before=loaded)


def test_briefing_quote_evidence(snap_compare, snap_library, colour):
    press = ["slash", *"ferry", "enter", "4", "j", "enter"]
    assert snap_compare(app(snap_library), press=press, terminal_size=(80, 24), run_before=loaded)


def test_briefing_no_color(snap_compare, snap_library):
    press = ["slash", *"warehouse", "enter", "2"]
    assert snap_compare(app(snap_library), press=press, terminal_size=(80, 24), run_before=loaded)


def test_help_screen(snap_compare, snap_library, colour):
    assert snap_compare(app(snap_library), press=["question_mark"], terminal_size=(80, 24), run_before=loaded)


def test_empty_library(snap_compare, tmp_path, colour):
    from briefings.store import Library

    empty = Path("/tmp/briefing-snapshot-empty")
    with machine_lock(empty):
        shutil.rmtree(empty, ignore_errors=True)
        assert snap_compare(app(Library(empty)), terminal_size=(80, 24), run_before=loaded)


DAILY = Path("/tmp/briefing-snapshot-daily")
BOTH = [(80, 24), (160, 45)]


@pytest.fixture
def daily_library():
    """A small library this test may change (marks, deletions): rebuilt for each snapshot."""
    from conftest import sample_paths

    with machine_lock(DAILY):
        shutil.rmtree(DAILY, ignore_errors=True)
        library = build(DAILY, sample_paths()[:6])
        yield library
        shutil.rmtree(DAILY, ignore_errors=True)


@pytest.mark.parametrize("size", BOTH)
def test_library_read_archived_sorted(snap_compare, daily_library, colour, size):
    # Open the newest (now read: plain title), archive the next, show archived (□), sort by title.
    press = ["enter", "escape", "j", "a", "A", "S", "S"]
    assert snap_compare(app(daily_library), press=press, terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", BOTH)
def test_library_delete_asks(snap_compare, daily_library, colour, size):
    assert snap_compare(app(daily_library), press=["d"], terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", BOTH)
def test_briefing_item_marked_and_exported(snap_compare, daily_library, colour, size, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # x writes here; the toast names the file: keep the name fixed
    monkeypatch.setattr(Path, "cwd", classmethod(lambda cls: Path("/tmp/exports")))
    Path("/tmp/exports").mkdir(exist_ok=True)
    press = ["enter", "4", "j", "x"]
    assert snap_compare(app(daily_library), press=press, terminal_size=size, run_before=loaded)


def search_for(query: str, first: tuple[str, ...] = ()):
    """run_before: press ``first`` (e.g. open a briefing), open full-text search (ctrl+f), type ``query``
    and wait for its results (a worker)."""
    async def run(pilot) -> None:
        await loaded(pilot)
        if first:
            await pilot.press(*first)
            for _ in range(300):  # a loaded machine may not have switched screens yet: ctrl+f must reach it
                if getattr(pilot.app.screen, "briefing", None) is not None:
                    break
                await pilot.pause(0.02)
            else:
                raise AssertionError(f"{first} opened no briefing")
        await pilot.press("ctrl+f", *query)
        for _ in range(300):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if getattr(pilot.app.screen, "query_text", None) == query and not pilot.app.workers:
                return
        raise AssertionError(f"no results for {query!r}")
    return run


@pytest.mark.parametrize("size", BOTH)
def test_full_text_search(snap_compare, snap_library, colour, size):
    # Matches in [brackets] and reverse (seen without colour too); the selected result marked with ▸.
    assert snap_compare(app(snap_library), press=["down"], terminal_size=size, run_before=search_for("fire"))


def test_full_text_search_from_a_briefing(snap_compare, snap_library, colour):
    # Opened over a briefing, the title line says where Esc goes back to.
    assert snap_compare(app(snap_library), terminal_size=(80, 24),
                        run_before=search_for("minister", first=("enter", "4")))


@pytest.fixture
def noted_library(daily_library, monkeypatch):
    """The daily library with notes (fixed dates, so the pictures are stable): two on the newest
    briefing's first quote, one Markdown note on the whole briefing."""
    import briefings.notes

    stamps = iter(f"2026-03-02T09:{m:02d}:00.000000Z" for m in range(0, 60, 5))
    monkeypatch.setattr(briefings.notes, "now", lambda: next(stamps))
    entry = daily_library.entries()[0]
    quote = daily_library.get(entry.id).quotes[0]
    for body in ("Ask the coroner's office for the **inquest date**.",
                 "Second thought: the rider's age differs from the police statement; check both."):
        daily_library.notes.add(entry.id, quote.id, body, kind="quote", evidence=quote.text)
    daily_library.notes.add(entry.id, None, "# Follow-up\n\n- call the *county* road safety team\n"
                            "- compare with the 2024 figures\n\n> Verify the junction name before filing.")
    return daily_library


@pytest.mark.parametrize("size", BOTH)
def test_note_picker(snap_compare, noted_library, colour, size):
    # n on a quote with two notes: pick one (newest first, ▸ on the highlighted one) or + New note.
    assert snap_compare(app(noted_library), press=["enter", "4", "n", "j"], terminal_size=size, run_before=loaded)


@pytest.mark.parametrize("size", BOTH)
def test_notes_screen_preview(snap_compare, noted_library, colour, size):
    # N: the highlighted note whole, its Markdown rendered; below the table at 80x24, beside it at 160x45.
    assert snap_compare(app(noted_library), press=["N"], terminal_size=size, run_before=loaded)
