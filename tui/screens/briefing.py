"""One briefing: panes for Summary, Key figures, Casualties, Quotes and the Source text.

Wide terminals show all five panes at once; narrow ones (under 120 columns)
show one at a time under a pane bar, and Enter on an item jumps to the
Source pane with its evidence highlighted.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult, SuspendNotSupported
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Markdown, OptionList, Static

from briefings.atomic import write_atomic
from briefings.attach import Placed, evidence_of, kind_of, place
from briefings.export import cited_item, to_json_bytes, to_markdown
from briefings.model import Briefing
from briefings.notes import MAX_NOTE_BYTES, Note, NoteError, StaleNote
from briefings.readfile import read_regular
from briefings.storage import StoreError
from briefings.safe import printable

from ..keys import BRIEFING_KEYS, NOTE_KEYS
from ..widgets.items import ItemPane, casualty_prompt, figure_column, figure_prompt, quote_prompt, summary_prompt
from ..widgets.source import SourcePane
from .note_editor import NoteEditor

PANES = ("summary", "figures", "casualties", "quotes", "source")
LABELS = {"summary": "Summary", "figures": "Key figures", "casualties": "Casualties", "quotes": "Quotes",
          "source": "Source"}
WIDE = 120


PREVIEW_CHARS = 2000  # of one note, shown under the panes on every cursor move
NOTES_SHOWN_CHARS = 8000  # of all the item's notes together


def note_preview(body: str) -> str:
    """The start of a note, for the notes view: Markdown parsing is far too slow for a huge note
    on every cursor move, so a long note is cut at a line end, with how to read the rest."""
    text = printable(body)
    if len(text) <= PREVIEW_CHARS:
        return text
    cut = text.rfind("\n", 0, PREVIEW_CHARS)
    cut = cut if cut > PREVIEW_CHARS // 2 else PREVIEW_CHARS
    return text[:cut] + f"\n\n*\u2026 {len(text) - cut:,} more characters: n opens the whole note*"


class BriefingScreen(Screen):
    """A briefing with a pane per part; ``ids``/``index`` let [ and ] step through the list it came from."""

    BINDINGS = [k.binding() for k in BRIEFING_KEYS + NOTE_KEYS]

    def __init__(self, ids: Sequence[str], index: int, pane: str = "summary", item: str | None = None) -> None:
        super().__init__()
        self.ids = ids
        self.index = index
        self.pane = pane if pane in PANES else "summary"
        self.briefing: Briefing | None = None
        self.placed: list[Placed] = []
        self.start_item = item  # an item to highlight once loaded (from the Notes screen)
        self.start_hit: tuple[tuple[int, int], str] | None = None  # (span, label) from a search, once loaded

    def compose(self) -> ComposeResult:
        yield Static(id="briefing-header")
        yield Static(id="pane-bar")
        with Container(id="panes"):
            yield ItemPane("Summary", "No summary: the article has no full sentences.", summary_prompt, id="summary")
            yield ItemPane("Key figures", "No key figures in this article.", figure_prompt, id="figures",
                           column=figure_column)
            yield SourcePane(id="source")  # third, so the wide grid puts it in the right-hand column
            yield ItemPane("Casualties", "No named casualties in this article.", casualty_prompt, id="casualties")
            yield ItemPane("Quotes", "No attributed quotes in this article.", quote_prompt, id="quotes")
        yield Markdown(id="notes-view")
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width >= WIDE, "-wide")
        self.set_interval(3.0, self.reload_notes_if_changed)  # another session may add notes

    def retarget(self, ids: Sequence[str], index: int, pane: str = "summary", item: str | None = None) -> None:
        """Show another briefing next time this (reused) screen comes up: no new widgets, no restyle."""
        self.ids, self.index, self.start_item = ids, index, item
        self.pane = pane if pane in PANES else "summary"
        self._pending = True

    def on_screen_resume(self) -> None:
        if getattr(self, "_pending", True):
            self._pending = False
            self.load()
        else:
            self.reload_notes()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")
        self.show_pane(self.pane)
        self.call_after_refresh(self._keep_highlights_in_view)

    def _keep_highlights_in_view(self) -> None:
        """Items rewrap at a new width: bring each pane's highlighted item back into view, whole."""
        for pane in self.query(ItemPane):
            pane.scroll_to_highlight()

    def load(self) -> None:
        """Read the briefing at ``index`` and fill every pane."""
        try:
            b = self.briefing = self.app.library.get(self.ids[self.index])
        except StoreError as exc:  # deleted by another session, or a damaged file: say so, stay usable
            self.briefing = None
            self.notify(str(exc), title="cannot open", severity="error", timeout=8)
            self.call_later(self.app.pop_screen)
            return
        art = b.article
        self._saved_on = None
        self.mark_read(b.id)
        self.query_one(SourcePane).show_article(art.text)
        self.reload_notes()
        if self.start_item:
            self.highlight_item(self.start_item)
            self.start_item = None
        if self.start_hit is not None:  # a full-text search result: the Source pane, the hit selected
            span, label = self.start_hit
            self.start_hit, self.pane = None, "source"
            self.call_after_refresh(self.query_one(SourcePane).show_evidence, span, label, "Search hit")
        self.show_pane(self.pane)
        self.app.remember(b.id, self.pane)

    def mark_read(self, briefing_id: str) -> None:
        """Opening a briefing reads it (the list shows unread titles in bold)."""
        marks = self.app.library.marks
        if briefing_id not in marks.read:
            try:
                marks.set("read", [briefing_id], True)
            except StoreError:
                pass  # a read-only library: the reader still works, the mark is not kept

    # -- notes ---------------------------------------------------------------------------------

    def _notes_stamp(self) -> tuple[int, int]:
        folder = self.app.library.notes.root / (self.briefing.id if self.briefing else "-")
        try:
            st = folder.stat()
            return (st.st_mtime_ns, len(list(folder.glob("n-*.md"))))
        except OSError:
            return (0, 0)

    def reload_notes_if_changed(self) -> None:
        if self.briefing is not None and self._notes_stamp() != getattr(self, "_stamp", None):
            self.reload_notes()

    def reload_notes(self) -> None:
        """Read this briefing's notes from disk (another session may have changed them) and mark items."""
        b = self.briefing
        if b is None:
            return
        self._stamp = self._notes_stamp()
        self.placed = place(b, self.app.library.notes.all(b.id))
        counts: dict[str, int] = {}
        for p in self.placed:
            if p.item is not None:
                counts[p.item.id] = counts.get(p.item.id, 0) + 1
        for name, items in (("summary", b.summary), ("figures", b.figures), ("casualties", b.casualties),
                            ("quotes", b.quotes)):
            self.query_one(f"#{name}", ItemPane).show(items, counts)
        self.update_header()
        self.show_notes()

    def update_header(self) -> None:
        b = self.briefing
        art = b.article
        # Where it came from: the outlet (web pages) or the file name, and the page's URL when it has one.
        meta = " \u00b7 ".join(x for x in (art.outlet or art.source.rsplit("/", 1)[-1], art.published or "",
                                           b.id[:8], art.url or "") if x)
        whole = [p for p in self.placed if p.item is None and not p.detached]
        detached = [p for p in self.placed if p.detached]
        extra = (f"  \u270e {len(whole)} on the briefing" if whole else "") + (
            f"  \u26a0 {len(detached)} detached" if detached else "")
        self.query_one("#briefing-header", Static).update(Text.assemble(
            (printable(art.title, newlines=False), "bold"), "\n", (printable(meta, newlines=False), "italic"),
            f"  {self.index + 1}/{len(self.ids)}", (extra, "bold")))

    def current_item(self):
        if self.pane == "source":
            return None
        return self.query_one(f"#{self.pane}", ItemPane).current

    def notes_for(self, item) -> list[Note]:
        if item is None:
            return [p.note for p in self.placed if p.item is None]
        return [p.note for p in self.placed if p.item is not None and p.item.id == item.id]

    def show_notes(self) -> None:
        """Render the current item's notes (else the briefing's and detached ones) under the panes."""
        item = self.current_item()
        notes = self.notes_for(item) if item is not None else []
        heading = "Notes on this item"
        if not notes:
            notes = [p.note for p in self.placed if p.item is None or p.detached]
            heading = "Notes on this briefing"
        view = self.query_one("#notes-view", Markdown)
        view.set_class(bool(notes), "-shown")
        parts = []
        for n in notes:
            detached = next((p.detached for p in self.placed if p.note.id == n.id), False)
            label = f"**\u270e {n.updated[:16].replace('T', ' ')}**" + (
                " \u2014 **detached**, was on: \u201c" + printable(n.evidence[:80], newlines=False) + "\u201d"
                if detached else "")
            parts.append(f"{label}\n\n{note_preview(n.body)}")
            if sum(map(len, parts)) > NOTES_SHOWN_CHARS:  # many long notes: the rest are a keypress away
                parts.append(f"*\u2026 and {len(notes) - len(parts)} more notes (see the Notes screen, N)*")
                break
        view.border_title = f"{heading} ({len(notes)})" if notes else ""
        target = item.id if item is not None and self.notes_for(item) else ""
        if notes and getattr(self, "_saved_on", None) == target:  # said here: a toast would cover the note
            view.border_title += "  \u2713 saved"
        text = "\n\n".join(parts)
        if text != getattr(self, "_notes_text", None):  # moving the cursor must not re-parse unchanged notes
            self._notes_text = text
            view.update(text)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_notes()

    def highlight_item(self, item_id: str) -> None:
        for name in ("summary", "figures", "casualties", "quotes"):
            pane = self.query_one(f"#{name}", ItemPane)
            for n, item in enumerate(pane.items):
                if item.id == item_id:
                    self.pane = name
                    pane.highlighted = n
                    return

    def action_note(self) -> None:
        item = self.current_item()
        if item is None:
            self.notify("Move to an item first (1-4), or press b for a note on the whole briefing.", timeout=4)
            return
        self.edit_note(item)

    def action_note_briefing(self) -> None:
        self.edit_note(None)

    def edit_note(self, item, body: str | None = None) -> None:
        """Open the editor on the item's latest note (or a new one); save what comes back."""
        existing = (self.notes_for(item) or [None])[-1]
        label = (getattr(item, "text", None) or getattr(item, "name", "")) if item is not None else "the whole briefing"

        def saved(text: str | None) -> None:
            if text is not None:
                self.save_note(item, existing, text)

        self.app.push_screen(NoteEditor(label, existing.body if existing and body is None else body or ""), saved)

    def save_note(self, item, existing: Note | None, text: str) -> None:
        store, b = self.app.library.notes, self.briefing
        if len(text.encode("utf-8", "surrogatepass")) > MAX_NOTE_BYTES:  # refused: give the text back, never lose it
            self.notify(f"A note is limited to {MAX_NOTE_BYTES // 1024} KiB; shorten it and save again.",
                        severity="error", timeout=10)
            self.edit_note(item, body=text)
            return
        saved = False
        try:
            if existing is not None and not text.strip():
                store.remove(existing)
                self.notify("Note deleted (it was emptied).")
            elif existing is not None:
                store.update(existing, body=text.rstrip())
                saved = True
            elif text.strip():
                store.add(b.id, item.id if item is not None else None, text.rstrip(),
                          kind=kind_of(item) if item is not None else "briefing",
                          evidence=evidence_of(b, item) if item is not None else "")
                saved = True
        except StaleNote as exc:  # another session changed it: keep both, lose nothing
            store.add(b.id, existing.item, text.rstrip(), kind=existing.kind, evidence=existing.evidence)
            self.notify(f"{exc}. Your text was saved as a new note beside it.", severity="warning", timeout=8)
        except NoteError as exc:
            self.notify(str(exc), severity="error", timeout=10)
        self.reload_notes()
        # Said on the notes view itself, not in a toast that would cover the note just written.
        self._saved_on = (item.id if item is not None else "") if saved else None
        self.show_notes()

    def action_note_in_editor(self) -> None:
        """Edit the current item's note in $EDITOR (the reader suspends meanwhile)."""
        import os
        import shlex
        import subprocess
        import tempfile

        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("Set $EDITOR (or $VISUAL) to edit notes in your editor; n edits here.", timeout=6)
            return
        item = self.current_item()
        existing = (self.notes_for(item) or [None])[-1]
        original = existing.body + "\n" if existing else ""  # editors expect a final newline
        with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as f:
            f.write(original)
            path = f.name
        try:
            try:
                with self.app.suspend():
                    subprocess.run([*shlex.split(editor), path], check=False)
            except SuspendNotSupported:
                self.notify("This terminal cannot hand over to $EDITOR; n edits here.", severity="warning")
                return
            except OSError as exc:
                self.notify(f"Could not start {editor}: {exc.strerror or exc}", severity="error")
                return
            try:
                text = read_regular(path, 4 * MAX_NOTE_BYTES).decode("utf-8", "replace")
            except OSError as exc:  # the editor left a FIFO, a device or something huge
                self.notify(f"Could not read the edited note: {exc.strerror or exc}", severity="error")
                return
        finally:
            os.unlink(path)
        if text != original:
            self.save_note(item, existing, text)

    def focus_target(self, name: str):
        return self.query_one(SourcePane).text_area if name == "source" else self.query_one(f"#{name}", ItemPane)

    def show_pane(self, name: str) -> None:
        """Make ``name`` the current pane: shown (when narrow), focused, marked in the pane bar."""
        self.pane = name
        # Only the panes that change: every class change restyles. Asking the DOM which pane is
        # current (not remembering it) keeps a reused screen from leaving a stale pane shown.
        for stale in self.query("#panes > .-current"):
            if stale.id != name:
                stale.remove_class("-current")
        self.query_one(f"#{name}").add_class("-current")
        self.focus_target(name).focus()
        bar = Text()
        for n, other in enumerate(PANES, 1):
            current = other == name
            marker = "\u25b8" if current else " "
            bar.append(f" {marker}{n} {LABELS[other]} ", style="bold reverse" if current else "")
        self.query_one("#pane-bar", Static).update(bar)
        if self.briefing is not None:
            self.app.remember(self.briefing.id, name)
            self.show_notes()

    def action_next_pane(self) -> None:
        self.show_pane(PANES[(PANES.index(self.pane) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        self.show_pane(PANES[(PANES.index(self.pane) - 1) % len(PANES)])

    def action_pane(self, name: str) -> None:
        self.show_pane(name)

    def on_item_pane_evidence_requested(self, event: ItemPane.EvidenceRequested) -> None:
        self.show_evidence(event.item)

    def show_evidence(self, item) -> None:
        label = getattr(item, "text", None) or getattr(item, "name", "")
        source = self.query_one(SourcePane)
        if not self.has_class("-wide"):
            self.show_pane("source")
        source.show_evidence(item.span, label)

    def action_step(self, delta: int) -> None:
        target = self.index + delta
        if 0 <= target < len(self.ids):
            self.index = target
            self.load()
        else:
            self.notify("No more briefings that way.", timeout=2)

    def action_open_url(self) -> None:
        self.app.open_original(self.briefing.article.url if self.briefing is not None else None)

    # -- export and copy ----------------------------------------------------------------------

    def action_export(self, fmt: str) -> None:
        """Write the open briefing to briefing-ID.md (with its notes) or .json in the current folder."""
        b = self.briefing
        if b is None:
            return
        path = Path.cwd() / f"briefing-{b.id[:10]}.{fmt}"
        data = to_json_bytes(b) if fmt == "json" else to_markdown(b, self.app.library.notes.all(b.id)).encode()
        try:
            write_atomic(path, data, sync_dir=False)
        except OSError as exc:
            self.notify(f"Could not write {path}: {exc.strerror or exc}", severity="error", timeout=10)
            return
        self.notify(f"Exported to {path}", title="export", timeout=6)

    def action_copy(self) -> None:
        """Copy the highlighted item with its citation to the clipboard (OSC 52: works over SSH)."""
        item = self.current_item()
        if item is None or self.briefing is None:
            self.notify("Move to an item first (1-4); x exports the whole briefing.", timeout=4)
            return
        text = cited_item(self.briefing, item)
        self.app.copy_to_clipboard(text)
        # A terminal that refuses OSC 52 cannot tell us so: say what was sent and where else to get it.
        self.notify(f"Copied {len(text)} characters with the citation (OSC 52). Nothing to paste? "
                    "Your terminal blocks OSC 52: x exports the briefing to a file.", title="copy", timeout=6)

    def action_back(self) -> None:
        self.app.remember(None, None)
        self.app.pop_screen()
