"""The reader under trouble: the index damaged while it is open, keys typed ahead of a quit,
a huge note. One-line errors, no traceback, a non-zero status only when it must stop."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from test_reader_keys import app_for, open_first, settle

from tui.screens.library import LibraryScreen


async def test_index_damaged_while_open_is_a_one_line_error_not_a_crash(library):
    app = app_for(library)
    async with app.run_test() as pilot:
        await open_first(pilot)
        (library.root / "library.json").write_bytes(b'{"briefings": {"1": ')  # truncated by someone
        await pilot.press("escape")  # back to the list, which reloads from the damaged index
        for _ in range(100):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause(0.02)
            if any("library.json" in str(n.message) for n in app._notifications):
                break
        assert isinstance(app.screen, LibraryScreen)
        errors = [str(n.message) for n in app._notifications if n.severity == "error"]
        assert errors and "damaged" in errors[0] and "\n" not in errors[0]
        await pilot.press("q")
    assert app._exception is None and app.fatal_problem is None


async def test_a_library_error_no_screen_catches_exits_non_zero_with_one_line(library):
    app = app_for(library)
    async with app.run_test() as pilot:
        await settle(pilot)
        from briefings.storage import CorruptLibrary

        # What Textual calls with an exception that escaped every handler (a worker, a key action...).
        app._handle_exception(CorruptLibrary(library.root / "library.json", "truncated"))
    assert app.return_code == 1 and "library.json is damaged (truncated)" in app.fatal_problem
    assert app._exception is None  # handled: no traceback


@pytest.mark.parametrize("ahead", [("n", "n"), ("N", "N"), ("question_mark", "?"), ("slash", "/")])
async def test_keys_typed_ahead_of_quit_are_dropped(library, ahead):
    app = app_for(library)
    async with app.run_test() as pilot:
        await open_first(pilot)
        for key, char in (("q", "q"), ahead, ahead):  # all queued at once, as a terminal delivers them
            app.post_message(events.Key(key, char))
        await asyncio.sleep(0.3)
    assert app._exception is None
    assert app.return_code in (0, None)


async def test_a_long_note_is_shown_as_a_preview_not_parsed_whole(library):
    first = library.entries()[0]
    body = "\n".join(f"Line {i} of a very long analyst note about the harbour." for i in range(1000))  # ~55 KB
    library.notes.add(first.id, None, body)
    app = app_for(library)
    async with app.run_test() as pilot:
        screen = await open_first(pilot)
        await pilot.pause(0.1)
        shown = screen._notes_text
        assert "Line 0 of" in shown and "more characters" in shown
        assert len(shown) < 3000  # what the Markdown widget parses on each cursor move is bounded


def test_a_fifo_as_config_or_reader_state_never_hangs_startup(tmp_path, library, monkeypatch):
    import os

    from tui import state
    from tui.keys import load_config

    config = tmp_path / "config.toml"
    os.mkfifo(config)
    keymap, theme, problems = load_config(config)
    assert keymap == {} and theme is None and "named pipe" in problems[0]
    fifo_state = tmp_path / "reader.json"
    os.mkfifo(fifo_state)
    monkeypatch.setattr(state, "state_path", lambda: fifo_state)
    assert state.load(library.root) == {}
