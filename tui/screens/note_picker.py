"""Which note to edit, when an item (or the briefing) already has some: a small modal list.

The item's notes, newest first (first line and date), then "+ New note". Enter opens
the highlighted one; ``n`` starts a new note at once; Esc cancels. The highlight
starts on the newest note, so ``n`` then Enter edits it as before there was a picker.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefings.notes import Note
from briefings.render import inline as _t
from briefings.safe import printable

from ..keys import ITEM_KEYS, NOTE_PICKER_KEYS
from .help import pretty

NEW_NOTE = "new"  # what the picker returns for "+ New note" (a Note for an existing one, None on Esc)
PICKER_WIDTH = 72  # columns, as in the stylesheet (#note-picker), and never more than 95% of the terminal
FRAME = 2 + 2 + 1  # border, padding, and the list's scrollbar when there are many notes


class PickerList(OptionList):
    """The list of notes; j/k/g/G move as in the item panes (same binding ids, so remapped alike)."""

    BINDINGS = [k.binding() for k in ITEM_KEYS if k.id != "item.evidence"]


class NotePicker(ModalScreen[Note | str | None]):
    """Pick one of ``notes`` (shown newest first) or a new note, for ``target`` (a label)."""

    BINDINGS = [k.binding() for k in NOTE_PICKER_KEYS]

    def __init__(self, target: str, notes: Sequence[Note]) -> None:
        super().__init__()
        self.target = target
        self.notes = sorted(notes, key=lambda n: (n.updated, n.id), reverse=True)
        self._marked = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="note-picker"):
            yield Static(Text.assemble(("Notes on ", "bold"), printable(self.target, newlines=False)[:160]),
                         id="note-picker-target")
            yield PickerList(*[Option(self._option_prompt(i, i == 0)) for i in range(len(self.notes) + 1)],
                             id="note-picker-list", markup=False)
            keys = self.app.keymap_in_force()  # the keys in force, after the user's remapping
            yield Static(Text(f"{pretty(keys['picker.choose'])}: edit the note   {pretty(keys['picker.new'])}: "
                              f"new note   {pretty(keys['picker.cancel'])}: cancel", style="italic"))

    def on_mount(self) -> None:
        self.query_one("#note-picker").border_title = f"{len(self.notes)} note{'s' if len(self.notes) > 1 else ''}"
        picker = self.query_one(PickerList)
        picker.highlighted = 0
        picker.focus()

    def on_resize(self) -> None:
        """Each note keeps to one line, cut to the new width."""
        picker = self.query_one(PickerList)
        for index in range(len(self.notes)):
            picker.replace_option_prompt_at_index(index, self._option_prompt(index, index == self._marked))

    def _prompt(self, note: Note, selected: bool) -> Text:
        """``▸ 2026-12-06 15:50  First line of the note`` (the mark is text: visible without colour),
        one line cut to the picker's width (a note's first line can be a whole paragraph)."""
        width = min(PICKER_WIDTH, self.app.size.width * 95 // 100) - FRAME
        line = Text("\u25b8 " if selected else "  ", style="bold")
        line.append(note.updated[:16].replace("T", " "), style="italic")
        line.append("  ")
        line.append_text(_t(note.first_line[:width] or "(empty note)"))
        line.truncate(max(width, 20), overflow="ellipsis")
        return line

    @staticmethod
    def _new_prompt(selected: bool) -> Text:
        return Text("\u25b8 " if selected else "  ", style="bold").append("+ New note", style="bold")

    def _option_prompt(self, index: int, selected: bool) -> Text:
        if index < len(self.notes):
            return self._prompt(self.notes[index], selected)
        return self._new_prompt(selected)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the selection mark with the highlight."""
        event.stop()
        picker, new = self.query_one(PickerList), event.option_index
        if new == self._marked:
            return
        old, self._marked = self._marked, new
        picker.replace_option_prompt_at_index(old, self._option_prompt(old, False))
        picker.replace_option_prompt_at_index(new, self._option_prompt(new, True))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option_index)

    def choose(self, index: int) -> None:
        self.dismiss(self.notes[index] if index < len(self.notes) else NEW_NOTE)

    def action_choose(self) -> None:
        picker = self.query_one(PickerList)
        self.choose(picker.highlighted if picker.highlighted is not None else 0)

    def action_new(self) -> None:
        self.dismiss(NEW_NOTE)

    def action_cancel(self) -> None:
        self.dismiss(None)
