"""Notes in the reader: add, edit, discard, delete, the marker, the Notes screen, other sessions."""

from __future__ import annotations

from tui.app import BriefingApp
from tui.screens.briefing import BriefingScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.notes import NotesScreen
from tui.widgets.items import ItemPane

from pilot_helpers import type_note
from test_reader_keys import settle


async def open_quotes(pilot) -> BriefingScreen:
    await settle(pilot)
    await pilot.press("slash", *"callow", "enter", "4")
    screen = pilot.app.screen
    assert isinstance(screen, BriefingScreen) and screen.pane == "quotes"
    return screen


async def test_add_a_note_to_an_item_marks_it_and_saves_it_to_disk(library):
    app = BriefingApp(library, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quotes(pilot)
        await pilot.press("j")
        quote = screen.query_one("#quotes", ItemPane).current
        await pilot.press("n")
        await type_note(pilot, "Check the **taxi** licence.")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, BriefingScreen)
        (note,) = library.notes.all()
        assert (note.item, note.kind, note.body) == (quote.id, "quote", "Check the **taxi** licence.")
        pane = screen.query_one("#quotes", ItemPane)
        assert "\u270e1" in str(pane.border_title)
        assert str(pane.get_option_at_index(1).prompt).startswith("\u25b8 \u270e 1 note")  # selected, noted
        view = screen.query_one("#notes-view")
        assert view.has_class("-shown") and "taxi" in view.source


async def test_edit_keeps_one_note_and_discard_asks_first(library):
    app = BriefingApp(library, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_quotes(pilot)
        await pilot.press("n")
        await type_note(pilot, "first")
        await pilot.press("ctrl+s", "n", "enter")  # the picker: Enter edits the (only) note
        await type_note(pilot, " and more")
        await pilot.press("ctrl+s")
        assert [n.body for n in library.notes.all()] == ["first and more"]
        await pilot.press("n", "enter")
        await type_note(pilot, " UNSAVED")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: keep editing
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape", "y")  # yes: discard
        assert isinstance(app.screen, BriefingScreen)
        assert [n.body for n in library.notes.all()] == ["first and more"]
        await pilot.press("n", "enter", "escape")  # nothing changed: closes without asking
        assert isinstance(app.screen, BriefingScreen)


async def test_note_on_the_whole_briefing(library):
    app = BriefingApp(library, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quotes(pilot)
        await pilot.press("b")
        await type_note(pilot, "Whole story: follow up Friday.")
        await pilot.press("ctrl+s")
        (note,) = library.notes.all()
        assert note.item is None
        assert "on the briefing" in str(screen.query_one("#briefing-header").render())


async def test_notes_screen_lists_jumps_and_deletes_with_confirmation(library):
    entry = next(e for e in library.entries() if e.title.startswith("Callow"))
    briefing = library.get(entry.id)
    casualty = briefing.casualties[2]
    library.notes.add(entry.id, casualty.id, "Ask the family liaison officer.", kind="casualty",
                      evidence=briefing.article.text[casualty.span[0]:casualty.span[1]])
    app = BriefingApp(library, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("N")
        assert isinstance(app.screen, NotesScreen)
        assert [n.body for n in app.screen.shown] == ["Ask the family liaison officer."]
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert screen.pane == "casualties"
        assert screen.query_one("#casualties", ItemPane).current.id == casualty.id
        await pilot.press("N", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(library.notes.all()) == 1
        await pilot.press("d", "y")
        assert library.notes.all() == []
        assert app.screen.shown == []


async def test_notes_from_another_session_show_up_and_are_not_overwritten(library):
    entry = next(e for e in library.entries() if e.title.startswith("Callow"))
    app = BriefingApp(library, restore=False)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_quotes(pilot)
        await pilot.press("b")
        await type_note(pilot, "mine")
        await pilot.press("ctrl+s")
        mine = library.notes.all()[0]
        # Another SSH session edits the same note and adds one of its own.
        other = type(library.notes)(library.notes.root)
        other.update(other.all()[0], body="theirs")
        other.add(entry.id, None, "their new note")
        screen.reload_notes()  # what focus or the 3-second check does
        assert {n.body for n in library.notes.all()} == {"theirs", "their new note"}
        # Our stale copy must not overwrite theirs: the text is kept as a new note instead.
        screen.save_note(None, mine, "mine, edited late")
        assert {n.body for n in library.notes.all()} == {"theirs", "their new note", "mine, edited late"}
