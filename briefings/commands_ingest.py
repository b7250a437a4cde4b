"""``briefing ingest`` and ``briefing extract``: articles in, briefings out.

Ingest writes briefings to the library in batches (one index write per batch, not per article),
reports one line per article, and keeps every briefing already extracted when stopped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from .attach import reattach
from .cli import library_arg
from .commands_output import counts, print_json, stderr_console, stdout_console
from .errors import CLIError
from .extract import extract
from .ingest import IngestError, Source, discover, is_url, load
from .model import Briefing
from .render import T, briefing_view
from .safe import printable
from .store import Library
from .storage import StoreError

SAMPLES = Path(__file__).parent / "samples"
BATCH = 200  # briefings per index write: the index is rewritten once per batch, not per article
FLUSH_SECONDS = 2.0  # ...or once extracted briefings have waited this long


def sample_sources() -> list[Source]:
    """The bundled sample articles (their gold files are not articles)."""
    return [s for s in discover([str(SAMPLES)]) if not s.path.endswith(".gold.json")]


@contextmanager
def _progress(total: int, enabled: bool, out: Console) -> Iterator[tuple[Callable[[], None], Callable[[Text], None]]]:
    """A progress bar on stderr for long runs in a terminal, and how to print a line meanwhile.

    Lines go through the bar's own console while it is shown, so they land above the bar instead of
    being overwritten by it (stdout and stderr are the same terminal then); otherwise to ``out``.
    """
    def say(line: Text) -> None:
        out.print(line, no_wrap=True, overflow="ellipsis")

    if not enabled:
        yield (lambda: None), say
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=stderr_console(), transient=True) as bar:
        task = bar.add_task("ingest", total=total)
        yield (lambda: bar.advance(task)), (lambda line: bar.console.print(line, no_wrap=True, overflow="ellipsis"))


def keep_known_source(library: Library, b: Briefing) -> None:
    """An article ingested again keeps the source it is known by: stdin ("-") never replaces a file path,
    and another copy of the same text elsewhere does not move it while the first file is still there."""
    try:
        known = library.get(b.id).article.source
    except StoreError:
        return  # new, or unreadable: the new source stands
    new = b.article.source
    if known and known != new and (new == "-" or (known != "-" and Path(known).exists())):
        b.article.source = known


def cmd_ingest(args: argparse.Namespace) -> int:
    sources = list(discover(args.paths)) + (sample_sources() if args.samples else [])
    if not sources:
        raise CLIError("nothing to ingest: give files, folders, URLs or - for stdin (or --samples)")
    library = Library.open(library_arg(args))
    out, err = stdout_console(), stderr_console()
    failed, added, updated, pending = 0, 0, 0, []

    def flush() -> None:
        nonlocal added, updated
        for b, result in zip(pending, library.add_many(pending)):
            added, updated = added + result.created, updated + (not result.created)
            if not result.created:  # re-extracted: notes follow their items by evidence, or stay detached
                reattach(library.notes, b)
            if not args.quiet:
                line = Text("added   " if result.created else "updated ", style="green" if result.created else "")
                line += T(f"{b.id[:10]}  ", "dim") + T(b.article.title, "bold") + T(f"  ({counts(b)})", "dim")
                say(line)
        pending.clear()

    last_flush = time.monotonic()
    http = None

    def web() -> Any:  # one HTTP client for every URL of the run (kept connections), made only if needed
        nonlocal http
        if http is None:
            from .fetch import client
            http = client()
        return http

    live = len(sources) > 20 and sys.stderr.isatty() and sys.stdout.isatty() and not args.quiet
    with _progress(len(sources), live, out) as (tick, say):
        try:
            for source in sources:
                try:
                    if source.error:
                        raise IngestError(source.path, source.error)
                    if is_url(source.path):
                        from .fetch import fetch_article  # httpx is imported only when a URL is given
                        article = fetch_article(source.path, http=web())
                    else:
                        article = load(source.path)
                    try:
                        briefing = extract(article)
                    except Exception as exc:  # an extractor bug costs this file, never the batch
                        raise IngestError(source.path, f"could not extract a briefing ({type(exc).__name__})") from exc
                    keep_known_source(library, briefing)
                    pending.append(briefing)
                except IngestError as exc:
                    failed += 1
                    err.print(Text("briefing: failed: ", style="red") + T(printable(str(exc), newlines=False)))
                tick()
                # A batch is written when full, or when it has waited FLUSH_SECONDS: one slow file
                # later in the run never holds finished work hostage to a Ctrl-C or a kill.
                if len(pending) >= BATCH or (pending and time.monotonic() - last_flush >= FLUSH_SECONDS):
                    flush()
                    last_flush = time.monotonic()
        except BaseException:  # Ctrl-C or a failure: keep every briefing already extracted
            if pending:
                with suppress(Exception):
                    flush()
            err.print(T(f"stopped: {added + updated} ingested before the stop; library: {library.root}", "bold red"))
            raise
        finally:
            if http is not None:
                http.close()
        if pending:
            flush()
    if added or updated:  # who's who, events, watch matches: indexed once, for the whole run
        from .across.query import ensure

        ensure(library)
    summary = f"{added + updated} ingested ({added} new, {updated} updated)"
    if failed:
        summary += f", {failed} failed"
    err.print(T(f"{summary}; library: {library.root}", "bold" if not failed else "bold red"))
    return 1 if failed else 0


def cmd_extract(args: argparse.Namespace) -> int:
    if is_url(args.path):
        from .fetch import fetch_article
        briefing = extract(fetch_article(args.path))
    else:
        briefing = extract(load(args.path))
    if args.json:
        print_json(briefing.to_dict())
    else:
        stdout_console().print(briefing_view(briefing))
    return 0
