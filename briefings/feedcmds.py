"""The ``briefing feeds`` and ``briefing fetch`` commands (the work is in :mod:`briefings.feeds`)."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from collections.abc import Callable, Iterator

from rich.text import Text

from .cli import library_arg
from .commands_output import counts, print_json, stderr_console, stdout_console
from .errors import CLIError
from .feeds import add_feed, fetch, load_feeds, remove_feed
from .render import T
from .safe import printable
from .store import Library


def cmd_feeds(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    action = args.feeds_command or "list"
    try:
        if action == "add":
            feed = add_feed(library, args.url, args.name)
            stderr_console().print(T(f"following {feed.label}: {feed.url} (fetch with: briefing fetch)"))
            return 0
        if action == "rm":
            feed = remove_feed(library, args.ref)
            stderr_console().print(T(f"stopped following {feed.label}: {feed.url} (its briefings stay)"))
            return 0
    except ValueError as exc:
        raise CLIError(str(exc)) from None
    feeds = load_feeds(library)
    if getattr(args, "json", False):
        print_json([{"url": f.url, "name": f.label, "added": f.added, "fetched": f.fetched, "seen": len(f.seen)}
               for f in feeds])
        return 0
    if not feeds:
        stderr_console().print(T("no feeds yet: briefing feeds add URL [--name NAME]"))
        return 0
    out = stdout_console()
    for f in feeds:
        line = T(f"{f.label}", "bold") + T(f"  {f.url}  ") + T(
            f"{len(f.seen)} stories, last fetched {f.fetched[:16].replace('T', ' ') if f.fetched else 'never'}", "dim")
        out.print(line, no_wrap=True, overflow="ellipsis")
    return 0


@contextmanager
def _bar(enabled: bool) -> Iterator[Callable[[int, int], None]]:
    """A progress bar of entry pages on stderr in a terminal; a no-op otherwise."""
    if not enabled:
        yield lambda done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), console=stderr_console(), transient=True) as bar:
        task = bar.add_task("fetch", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def cmd_fetch(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    if not load_feeds(library):
        raise CLIError("no feeds to fetch: add one with  briefing feeds add URL")
    if args.delay < 0:
        raise CLIError("--delay must be 0 or more seconds")
    out, err = stdout_console(), stderr_console()

    def stored(b, created: bool) -> None:
        if not args.quiet:
            line = Text("added   " if created else "updated ", style="green" if created else "")
            line += T(f"{b.id[:10]}  ", "dim") + T(b.article.title, "bold") + T(f"  ({counts(b)})", "dim")
            out.print(line, no_wrap=True, overflow="ellipsis")

    def failed(message: str) -> None:
        err.print(Text("briefing: failed: ", style="red") + T(printable(message, newlines=False)))

    with _bar(sys.stderr.isatty() and not args.quiet) as progress:
        report = fetch(library, delay=args.delay, on_briefing=stored, on_error=failed, on_progress=progress)
    summary = f"{report.new} new, {report.updated} updated"
    if report.unchanged:
        summary += f", {report.unchanged} feed{'s' if report.unchanged > 1 else ''} unchanged"
    if report.failed:
        summary += f", {report.failed} failed"
    err.print(T(f"{summary}; library: {library.root}", "bold red" if report.failed else "bold"))
    return 1 if report.failed else 0
