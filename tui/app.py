"""The reader app: a library list and briefing screens, all by keyboard, in any terminal."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.command import Hit, Hits, Provider
from textual.screen import Screen

from briefings.across import query
from briefings.paths import config_dir
from briefings.safe import printable
from briefings.store import Library, StoreError

from . import state
from .keys import ACROSS_KEYS, ALL_KEYS, APP_KEYS, load_config
from .screens.across import AcrossScreen
from .screens.across_views import EventsScreen, PeopleScreen, TimelineScreen, WatchScreen
from .screens.briefing import LABELS, PANES, BriefingScreen
from .screens.help import HelpScreen
from .screens.library import LibraryScreen, ShownIds
from .screens.notes import NotesScreen

THEMES = {"dark": "textual-dark", "light": "textual-light", "terminal": "ansi-dark"}


class BriefingCommands(Provider):
    """Command palette: open a briefing by title, jump to a pane, export, full-text search, switch theme."""

    async def search(self, query: str) -> Hits:
        app: BriefingApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        commands: list[tuple[str, object, str]] = []
        rows = app.rows if app.rows is not None else app.library.rows()
        words = [w for w in query.casefold().removeprefix("open:").split() if w]
        haystacks = rows.haystacks()
        found = (i for i in range(len(rows)) if all(w in haystacks[i] for w in words))
        for n, i in zip(range(40), found):  # a palette, not a second library list: the best 40 matches
            entry = rows[i]
            commands.append((f"Open: {entry.title}", partial(app.open_by_id, entry.id), entry.source))
        screen = self.screen  # the screen the palette was opened over (app.screen is the palette itself)
        if isinstance(screen, BriefingScreen):
            for name in PANES:
                commands.append((f"Pane: {LABELS[name]}", partial(screen.show_pane, name), "jump to the pane"))
            commands.append(("Export this briefing as Markdown", partial(screen.action_export, "md"),
                             "writes briefing-ID.md in the current folder"))
            commands.append(("Export this briefing as JSON", partial(screen.action_export, "json"),
                             "writes briefing-ID.json in the current folder"))
        if isinstance(screen, (LibraryScreen, BriefingScreen)):  # where ctrl+f works
            commands.append(("Search the full text of every article", app.search_full_text, "ctrl+f"))
        for label, theme in THEMES.items():
            commands.append((f"Theme: {label}", partial(setattr, app, "theme", theme), theme))
        for text, callback, help_text in commands:
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)


class BriefingApp(App):
    """The ``briefing`` reader."""

    CSS_PATH = "briefing.tcss"
    TITLE = "briefing"
    BINDINGS = [k.binding() for k in APP_KEYS + ACROSS_KEYS]
    COMMANDS = App.COMMANDS | {BriefingCommands}
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, library: Library, *, config: Path | None = None, restore: bool = True) -> None:
        super().__init__()
        self.library = library
        self.fatal_problem: str | None = None  # the one-line reason the reader had to stop, if any
        self.rows = None  # the whole list once loaded (see LibraryScreen), else read on demand
        self.restore = restore
        self.user_keymap, theme, self.config_problems = load_config(config or config_dir() / "config.toml")
        if theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.config_problems.append(f"unknown theme {theme!r}")
        elif restore and state.load_theme() in self.available_themes:
            self.theme = state.load_theme()  # the one last picked in the palette
        self._theme_ready = True

    def watch_theme(self, theme: str) -> None:
        if getattr(self, "_theme_ready", False):  # a choice made while running, not the start-up one
            state.save_theme(theme)

    def keymap_in_force(self) -> dict[str, str]:
        """Each binding id and the keys it has now (defaults, then the user's remapping)."""
        return {k.id: self.user_keymap.get(k.id, k.keys) for k in ALL_KEYS}

    def on_mount(self) -> None:
        self.set_keymap(self.user_keymap)
        self.push_screen(LibraryScreen())
        for problem in self.config_problems:
            self.notify(problem, title="config", severity="warning", timeout=8)
        view = state.load(self.library.root) if self.restore else {}
        if view.get("briefing"):
            try:
                self.open_by_id(view["briefing"], view.get("pane", "summary"))
            except StoreError:
                state.save(self.library.root, None)

    def get_system_commands(self, screen: Screen):
        yield from super().get_system_commands(screen)
        yield SystemCommand("Help", "Show every key binding", self.action_help)

    def open_briefing(self, ids: Sequence[str], index: int, pane: str = "summary", item: str | None = None,
                      hit: tuple[tuple[int, int], str] | None = None) -> None:
        """Show a briefing on the one briefing screen, made once and reused (opening stays instant);
        ``hit`` = (span, label): a search hit to select in the Source pane."""
        while isinstance(self.screen, (BriefingScreen, NotesScreen, AcrossScreen)):
            self.pop_screen()
        if self.is_screen_installed("briefing") and self.get_screen("briefing") in self.screen_stack:
            # A search made from inside a briefing: that briefing waits under the results (Esc comes
            # back to it), so the hit opens on a screen of its own; a screen is never stacked twice.
            screen = BriefingScreen(ids, index, pane, item)
            screen.start_hit = hit
            self.push_screen(screen)
            return
        if not self.is_screen_installed("briefing"):
            self.install_screen(BriefingScreen(ids, index, pane, item), "briefing")
        else:
            self.get_screen("briefing").retarget(ids, index, pane, item)
        self.get_screen("briefing").start_hit = hit
        self.push_screen("briefing")

    def search_full_text(self) -> None:
        """``ctrl+f`` from the library or a briefing: the full-text search screen. From a briefing opened
        from the results, the same results come back (with their query), rather than a second search."""
        from .screens.search import SearchScreen  # sqlite and the index code load on first use

        stack = self.screen_stack
        if isinstance(self.screen, BriefingScreen) and len(stack) > 1 and isinstance(stack[-2], SearchScreen):
            self.pop_screen()
            return
        over = getattr(self.screen, "briefing", None)
        self.push_screen(SearchScreen(over.article.title if over is not None else None))

    def open_by_id(self, briefing_id: str, pane: str = "summary", item: str | None = None) -> None:
        rows = self.rows if self.rows is not None else self.library.rows()
        index = next((i for i in range(len(rows)) if rows.id(i) == briefing_id), None)
        if index is None:
            raise StoreError(f"no briefing {briefing_id}")
        self.open_briefing(ShownIds(rows, range(len(rows))), index, pane, item)

    def action_notes(self) -> None:
        if not isinstance(self.screen, NotesScreen):
            self.push_screen(NotesScreen())

    def _across(self, screen: type[AcrossScreen]) -> None:
        if not isinstance(self.screen, screen):
            while isinstance(self.screen, AcrossScreen):
                self.pop_screen()
            self.push_screen(screen())

    def action_people(self) -> None:
        self._across(PeopleScreen)

    def action_events(self) -> None:
        self._across(EventsScreen)

    def action_watch(self) -> None:
        self._across(WatchScreen)

    def action_timeline(self) -> None:
        """The timeline of what is in front of you: an event, a person, or this briefing's event."""
        target = getattr(self.screen, "timeline_target", None)
        if target is None:
            briefing = getattr(self.screen, "briefing", None)
            current = getattr(self.screen, "current_briefing_id", None)
            bid = briefing.id if briefing is not None else current() if current else None
            profile = self.library.across.profile(bid) if bid else None
            target = ("event", profile["event"]) if profile and profile.get("event") else None
        if target is None:
            self.notify("Nothing to show a timeline of here: open an event, a person or a briefing.", timeout=5)
            return
        kind, value = target
        if kind == "event":  # titled like the event (its lead report), never by its internal id
            label = query.event(self.library.across, value).get("title") or ""
            self.push_screen(TimelineScreen(event_id=value, label=printable(label, newlines=False)))
        else:
            self.push_screen(TimelineScreen(person=value))

    def on_app_focus(self) -> None:
        """Back in the terminal: show what other sessions wrote meanwhile."""
        reload = getattr(self.screen, "reload_notes", None) or getattr(self.screen, "reload", None)
        if reload is not None:
            reload()

    def remember(self, briefing_id: str | None, pane: str | None) -> None:
        state.save(self.library.root, {"briefing": briefing_id, "pane": pane or "summary"} if briefing_id else None)

    def load_samples(self) -> int:
        """Ingest the bundled samples into this library (called from a worker thread)."""
        from briefings.commands_ingest import sample_sources
        from briefings.extract import extract
        from briefings.ingest import load

        briefings = [extract(load(s.path)) for s in sample_sources()]
        self.library.add_many(briefings)
        query.ensure(self.library)
        return len(briefings)

    async def on_event(self, event: events.Event) -> None:
        # Keys typed ahead of a quit ("qn", "q?" arriving together over a slow link) would open
        # screens on an app that is closing; once exit is requested, input is dropped.
        if self._exit and isinstance(event, events.InputEvent):
            return
        await super().on_event(event)

    def store_problem(self, exc: BaseException) -> None:
        """A library problem met while the reader is open (a damaged index, a full disk): one line, on screen."""
        message = printable(str(exc), newlines=False)
        self.notify(message, title="library", severity="error", timeout=15)

    def _handle_exception(self, error: Exception) -> None:
        # A library problem that no screen caught must not end in a traceback and exit 0:
        # leave with the one-line error (printed by run()) and a non-zero status.
        if isinstance(error, (StoreError, OSError)):
            self.fatal_problem = printable(str(error), newlines=False)
            self._return_code = 1
            self._close_messages_no_wait()  # what Textual does for a fatal error, minus the traceback
            return
        super()._handle_exception(error)

    def open_original(self, url: str | None) -> None:
        """``o``: the article's page in the browser, or its URL shown (and copied) over SSH."""
        from .weblink import open_url

        if not url:
            self.notify("This briefing has no original URL (it was read from a file).", severity="warning")
            return

        def show(u: str) -> None:
            self.notify(printable(u, newlines=False), title="Original URL (copied to the clipboard)", timeout=20)
        open_url(url, show=show, copy=self.copy_to_clipboard,
                 show_from_thread=lambda u: self.call_from_thread(show, u))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def run(library_dir: Path | None = None) -> int:
    """Open the reader on a library folder (see :func:`briefings.paths.library_root`)."""
    library = Library.open(library_dir)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):  # else escapes land in a file and it waits forever
        print("briefing: error: the reader needs a terminal (stdin and stdout are not one); "
              "use briefing list, show or export in scripts", file=sys.stderr)
        return 2
    library.entries(limit=1)  # a damaged library is reported by the CLI, before the screen is taken over
    app = BriefingApp(library)
    app.run()
    if app.fatal_problem:
        print(f"briefing: error: {app.fatal_problem}", file=sys.stderr)
        return 1
    return app.return_code or 0
