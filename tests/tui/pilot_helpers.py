"""Waiting on the reader in Pilot tests: shared so every test waits the same way."""

from __future__ import annotations


async def loaded(pilot, *, tries: int = 300) -> None:
    """Wait until the library list has fully loaded (it loads in a worker after the first frame)
    and no worker is left running; fail the test if that never happens."""
    for _ in range(tries):
        # Waiting on the workers themselves (not a clock) keeps this right on a loaded machine.
        await pilot.app.workers.wait_for_complete()
        await pilot.pause(0.02)
        if getattr(pilot.app.screen, "complete", True) and not pilot.app.workers:
            return
    raise AssertionError("the library list never finished loading")


async def type_note(pilot, text: str) -> None:
    """Type ``text`` into the open note editor (it must be the screen in front)."""
    from tui.screens.note_editor import NoteEditor

    assert isinstance(pilot.app.screen, NoteEditor)
    pilot.app.screen.query_one("#note-text").insert(text)
    await pilot.pause()
