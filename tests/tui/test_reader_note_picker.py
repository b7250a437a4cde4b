"""Several notes on one item: the picker (n, b, E), the Notes screen's preview, and $EDITOR's vi fallback."""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest
from conftest import SAMPLES, build
from rich.console import Console

from tui.app import BriefingApp
from tui.editor import EditorError, editor_command
from tui.screens.briefing import BriefingScreen
from tui.screens.help import HelpScreen, help_table
from tui.screens.note_editor import NoteEditor
from tui.screens.note_picker import NotePicker
from tui.screens.notes import NotesScreen
from tui.widgets.note_preview import NotePreview
from tui.widgets.items import ItemPane

from pilot_helpers import type_note
from test_reader_keys import settle

BRIDGE = SAMPLES / "victims-list-bridge.txt"


@pytest.fixture
def bridge(tmp_path: Path):
    """A library of one briefing (the bridge collapse: quotes, casualties) - small, so tests stay fast."""
    return build(tmp_path / "library", [BRIDGE])


def quote_note(library, body: str):
    """A note on the bridge briefing's first quote, written as another session would."""
    (entry,) = library.entries()
    quote = library.get(entry.id).quotes[0]
    return library.notes.add(entry.id, quote.id, body, kind="quote", evidence=quote.text)


async def first_quote(pilot) -> BriefingScreen:
    await settle(pilot)
    await pilot.press("enter", "4")
    screen = pilot.app.screen
    assert isinstance(screen, BriefingScreen) and screen.pane == "quotes"
    return screen


def said(app) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def test_picker_edits_the_chosen_note_or_adds_one(bridge):
    older = quote_note(bridge, "Older: ask the council")
    newer = quote_note(bridge, "Newer: call the engineer")
    app = BriefingApp(bridge, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_quote(pilot)
        await pilot.press("n")
        picker = app.screen
        assert isinstance(picker, NotePicker)
        assert [n.body for n in picker.notes] == [newer.body, older.body]  # newest first, then + New note
        lines = [str(picker.query_one("#note-picker-list").get_option_at_index(i).prompt) for i in range(3)]
        assert lines[0].startswith("\u25b8 ") and "Newer: call" in lines[0]  # the mark is text
        assert lines[2].endswith("+ New note")
        await pilot.press("j")  # the older note
        await pilot.press("enter")
        assert isinstance(app.screen, NoteEditor) and app.screen.original == older.body
        await type_note(pilot, " and the mayor")
        await pilot.press("ctrl+s")
        assert sorted(n.body for n in bridge.notes.all()) == [newer.body, "Older: ask the council and the mayor"]
        await pilot.press("n", "G", "enter")  # + New note, last in the list
        assert isinstance(app.screen, NoteEditor) and app.screen.original == ""
        await type_note(pilot, "A third thought")
        await pilot.press("ctrl+s")
        assert len(bridge.notes.all()) == 3
        await pilot.press("n", "n")  # n in the picker: a new note at once
        assert isinstance(app.screen, NoteEditor) and app.screen.original == ""
        await pilot.press("escape")
        await pilot.press("n", "k", "escape")  # Esc cancels: back on the briefing, nothing changed
        assert isinstance(app.screen, BriefingScreen)
        assert len(bridge.notes.all()) == 3


async def test_no_note_yet_opens_the_editor_and_one_note_still_asks(bridge):
    app = BriefingApp(bridge, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_quote(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NoteEditor)  # nothing to pick from
        await type_note(pilot, "first")
        await pilot.press("ctrl+s", "n")
        assert isinstance(app.screen, NotePicker) and len(app.screen.notes) == 1
        await pilot.press("enter")  # the highlight starts on the newest note: n, Enter edits it
        assert app.screen.original == "first"
        await pilot.press("escape")
        await pilot.press("b")  # the whole briefing has no note yet: straight to the editor
        assert isinstance(app.screen, NoteEditor)
        await type_note(pilot, "on the briefing")
        await pilot.press("ctrl+s", "b")
        assert isinstance(app.screen, NotePicker) and [n.body for n in app.screen.notes] == ["on the briefing"]
        await pilot.press("escape")
        assert app.screen is screen


async def test_picked_note_changed_or_deleted_elsewhere_is_never_lost(bridge):
    note = quote_note(bridge, "Mine")
    other = type(bridge.notes)(bridge.notes.root)  # another SSH session on the same library
    app = BriefingApp(bridge, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_quote(pilot)
        await pilot.press("n", "enter")
        await type_note(pilot, ", edited here")
        other.update(other.all()[0], body="Theirs")  # while our editor is open
        await pilot.press("ctrl+s")
        assert sorted(n.body for n in bridge.notes.all()) == ["Mine, edited here", "Theirs"]
        assert "saved as a new note" in said(app)
        theirs = next(n for n in bridge.notes.all() if n.body == "Theirs")
        await pilot.press("n")
        assert len(app.screen.notes) == 2  # the picker lists what is on disk now
        await pilot.press("j", "enter")  # "Theirs", the older
        assert app.screen.original == "Theirs"
        app.screen.query_one("#note-text").clear()  # emptying a note deletes it...
        other.update(theirs, body="Theirs, changed again")
        await pilot.press("ctrl+s")
        # ...but theirs changed meanwhile: it stays as they left it, and no empty note appears.
        assert sorted(n.body for n in bridge.notes.all()) == ["Mine, edited here", "Theirs, changed again"]
    assert note.id in {n.id for n in bridge.notes.all()}


def on_screen(app, text: str) -> bool:
    """``text`` is drawn on one line of the terminal now."""
    return any(text in strip.text for strip in app.screen._compositor.render_strips())


async def test_notes_screen_previews_the_whole_highlighted_note(bridge):
    long_body = "# Lead\n\n" + "\n\n".join(f"Paragraph {n} of the *long* note." for n in range(1, 400)) + "\n\nTHE END"
    assert len(long_body) > 8000  # rendered once the highlight rests on it
    quote_note(bridge, long_body)
    short = "Short **newer** note"
    quote_note(bridge, short)
    app = BriefingApp(bridge, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("N")
        screen = app.screen
        assert isinstance(screen, NotesScreen)
        preview = screen.query_one(NotePreview)
        table = screen.query_one("#notes-table")
        assert preview.region.y > table.region.y and preview.region.x == table.region.x  # below, at 80x24
        assert on_screen(app, "Callow Bridge collapse: engineer arrested")  # which briefing, in full
        assert on_screen(app, "Short newer note")  # rendered (the table shows the first line as written)
        await pilot.press("j")
        await pilot.pause(0.4)
        assert preview.source == long_body
        await pilot.press("tab")  # into the preview, to scroll the long note
        assert preview.has_focus
        await pilot.press("j", "j", "j")
        assert preview.scroll_y == 3
        await pilot.press("G")
        await pilot.pause()
        assert preview.scroll_y == preview.max_scroll_y > 700  # the whole note is there, to its last line
        assert on_screen(app, "Paragraph 399 of the long note.") and on_screen(app, "THE END")
        await pilot.press("tab")
        assert table.has_focus
        await pilot.press("k")
        await pilot.pause()
        assert preview.source == short and preview.scroll_y == 0
        await pilot.press("slash", *"nothing-matches")
        assert not preview.display  # no highlighted note: no preview


async def test_notes_preview_sits_beside_the_table_when_wide(bridge):
    quote_note(bridge, "A note")
    app = BriefingApp(bridge, restore=False)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await pilot.pause()
        table, preview = app.screen.query_one("#notes-table"), app.screen.query_one(NotePreview)
        assert preview.region.x >= table.region.right and preview.region.y == table.region.y
        assert preview.region.height == table.region.height


# -- $EDITOR, else vi ---------------------------------------------------------------------------


def fake_vi(folder: Path, script: str) -> Path:
    folder.mkdir(exist_ok=True)
    vi = folder / "vi"
    vi.write_text("#!/bin/sh\n" + script)
    vi.chmod(0o755)
    return folder


@pytest.fixture
def no_editor_set(monkeypatch):
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)


@pytest.fixture
def suspendable(monkeypatch):
    """The headless test driver cannot suspend; a real terminal can. The editor itself still runs."""
    monkeypatch.setattr(BriefingApp, "suspend", lambda self: contextlib.nullcontext())


def test_editor_command_prefers_visual_then_editor_then_vi(tmp_path):
    bin_ = fake_vi(tmp_path / "bin", "exit 0\n")
    (bin_ / "nano").write_text("#!/bin/sh\n")
    (bin_ / "nano").chmod(0o755)
    path = str(bin_)
    assert editor_command({"PATH": path}) == ["vi"]
    assert editor_command({"PATH": path, "EDITOR": "nano -w"}) == ["nano", "-w"]
    assert editor_command({"PATH": path, "EDITOR": "nano", "VISUAL": "vi -n"}) == ["vi", "-n"]
    with pytest.raises(EditorError, match=r"\$EDITOR is 'ed', but 'ed' is not on PATH"):
        editor_command({"PATH": path, "EDITOR": "ed"})
    with pytest.raises(EditorError, match="unset and vi is not on PATH"):
        editor_command({"PATH": str(tmp_path / "empty")})


async def test_E_falls_back_to_vi_when_no_editor_is_set(bridge, tmp_path, monkeypatch, no_editor_set, suspendable):
    bin_ = fake_vi(tmp_path / "bin", 'printf "Written in vi.\\n" >> "$1"\n')
    monkeypatch.setenv("PATH", f"{bin_}{os.pathsep}{os.environ['PATH']}")
    app = BriefingApp(bridge, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_quote(pilot)
        await pilot.press("E")  # no note yet: straight into vi
        await pilot.pause()
        (note,) = bridge.notes.all()
        assert (note.kind, note.body) == ("quote", "Written in vi.")
        await pilot.press("E")  # one note now: the picker asks, Enter edits it
        assert isinstance(app.screen, NotePicker)
        await pilot.press("enter")
        await pilot.pause()
        assert [n.body for n in bridge.notes.all()] == ["Written in vi.\nWritten in vi."]
        assert "\u270e1" in str(app.screen.query_one("#quotes", ItemPane).border_title)


async def test_E_without_any_editor_says_so_in_one_line(bridge, tmp_path, monkeypatch, no_editor_set, suspendable):
    note = quote_note(bridge, "Kept as it is")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    app = BriefingApp(bridge, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await first_quote(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert app.screen is screen  # no picker, no editor
        assert "$VISUAL and $EDITOR are unset and vi is not on PATH" in said(app)
    assert [(n.id, n.body) for n in bridge.notes.all()] == [(note.id, "Kept as it is")]


async def test_editor_that_gives_up_leaves_the_note_unchanged(bridge, tmp_path, monkeypatch, no_editor_set,
                                                              suspendable):
    quote_note(bridge, "Kept as it is")
    bin_ = fake_vi(tmp_path / "bin", 'printf "half-typed" >> "$1"\nexit 1\n')  # vi's :cq
    monkeypatch.setenv("PATH", f"{bin_}{os.pathsep}{os.environ['PATH']}")
    app = BriefingApp(bridge, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_quote(pilot)
        await pilot.press("E", "enter")
        await pilot.pause()
        assert "vi exited with status 1; the note was not changed" in said(app)
    assert [n.body for n in bridge.notes.all()] == ["Kept as it is"]


async def test_picker_keys_are_remappable_and_in_help(bridge, config):
    config.write_text('[keys]\n"picker.new" = "plus"\n')
    quote_note(bridge, "One")
    app = BriefingApp(bridge, config=config, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await first_quote(pilot)
        await pilot.press("n")
        assert on_screen(app, "Enter: edit the note   +: new note   Esc: cancel")  # the hint follows the remap
        await pilot.press("plus")
        assert isinstance(app.screen, NoteEditor) and app.screen.original == ""
        await pilot.press("escape", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(help_table(app.keymap_in_force()))
        rows = [x.split(None, 1) for x in console.export_text().splitlines() if x.rstrip().endswith("Note picker")]
        assert [key for key, _ in rows] == ["Enter", "+", "Esc"]  # the keys in force, and where they work
        assert rows[1][1].startswith("New note")
