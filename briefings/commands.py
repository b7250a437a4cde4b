"""What each ``briefing`` command does (parsing lives in :mod:`briefings.cli`)."""

from __future__ import annotations

import argparse
import re
import sys
import time
from typing import Any
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import orjson
from rich.console import Console
from rich.text import Text

from .cli import library_arg
from .errors import CLIError
from .attach import evidence_of, kind_of, reattach
from .export import notes_markdown, to_markdown
from .extract import extract
from .ingest import IngestError, Source, discover, is_url, load
from .model import Briefing
from .notes import MAX_NOTE_BYTES
from .render import T, briefing_view, library_table, notes_table
from .safe import printable
from .store import Library
from .storage import StoreError

SAMPLES = Path(__file__).parent / "samples"
BATCH = 200  # briefings per index write: the index is rewritten once per batch, not per article
FLUSH_SECONDS = 2.0  # ...or once extracted briefings have waited this long


def _out() -> Console:
    return Console(highlight=False, emoji=False, markup=False, soft_wrap=False)


def _err() -> Console:
    return Console(stderr=True, highlight=False, emoji=False, markup=False, soft_wrap=True)


# What orjson leaves raw but a terminal acts on: DEL, C1 controls, bidi overrides/isolates/marks
# (they reorder what is shown) and the Unicode line separators.
_C1 = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _json(data: object) -> None:
    """JSON on stdout; DEL, C1 and bidi controls (which orjson leaves raw) are escaped, so no terminal acts on them."""
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def sample_sources() -> list[Source]:
    """The bundled sample articles (their gold files are not articles)."""
    return [s for s in discover([str(SAMPLES)]) if not s.path.endswith(".gold.json")]


def _counts(b: Briefing) -> str:
    n = lambda k, word: f"{k} {word}{'' if k == 1 else 's'}"  # noqa: E731
    return f"{n(len(b.figures), 'figure')}, {n(len(b.casualties), 'casualty').replace('casualtys', 'casualties')}, " \
           f"{n(len(b.quotes), 'quote')}"


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
                  console=_err(), transient=True) as bar:
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
    out, err = _out(), _err()
    failed, added, updated, pending = 0, 0, 0, []

    def flush() -> None:
        nonlocal added, updated
        for b, result in zip(pending, library.add_many(pending)):
            added, updated = added + result.created, updated + (not result.created)
            if not result.created:  # re-extracted: notes follow their items by evidence, or stay detached
                reattach(library.notes, b)
            if not args.quiet:
                line = Text("added   " if result.created else "updated ", style="green" if result.created else "")
                line += T(f"{b.id[:10]}  ", "dim") + T(b.article.title, "bold") + T(f"  ({_counts(b)})", "dim")
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


def _notes_usage(message: str) -> CLIError:
    return CLIError(f"{message} (usage: briefing notes [BRIEFING] | notes add BRIEFING [ITEM] TEXT | notes rm NOTE_ID)")


def _notes_rm(library: Library, ref: str) -> int:
    """Delete the note ``ref``: every file claiming exactly that id (so a duplicate is deletable),
    or the one note whose id starts with it. Each deletion is verified and reported with its file."""
    hits = library.notes.matching(ref)
    if not hits:
        raise CLIError(f"no note {ref!r}")
    if len({n.id for n in hits}) > 1:
        raise CLIError(f"{ref!r} matches {len(hits)} notes; type more of the id")
    err = _err()
    for note in hits:
        path = library.notes.remove(note)
        expected = library.notes.root / note.briefing / f"{note.id}.md"
        line = f"deleted note {note.id} ({path})"
        if path != expected:
            line += f"; its file name or folder did not match its header (briefing {note.briefing})"
        err.print(T(line, newlines=False), soft_wrap=True)
    if len(hits) > 1:
        err.print(T(f"{len(hits)} files claimed the id {hits[0].id}; all are deleted", newlines=False))
    return 0


def cmd_notes(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    words = list(args.words)
    if words[:1] == ["add"]:
        if len(words) not in (3, 4):
            raise _notes_usage("notes add needs BRIEFING [ITEM] TEXT")
        briefing = library.get(library.resolve(words[1]))
        item_id, text = (words[2], words[3]) if len(words) == 4 else (None, words[2])
        if text == "-":  # bounded: a 47 MB paste is refused without holding it all in memory
            raw = sys.stdin.buffer.read(MAX_NOTE_BYTES + 1)
            if len(raw) > MAX_NOTE_BYTES:
                raise CLIError(f"the note is too long (over {MAX_NOTE_BYTES // 1024} KiB on stdin; notes are limited "
                               f"to {MAX_NOTE_BYTES // 1024} KiB); nothing was added")
            text = raw.decode("utf-8", "replace")
        if not text.strip():
            raise CLIError("the note is empty; nothing was added")
        items = {i.id: i for i in briefing.items()}
        if item_id is not None and item_id not in items:
            raise CLIError(f"briefing {briefing.id[:10]} has no item {item_id!r} (see: briefing show {briefing.id[:8]} --json)")
        item = items.get(item_id) if item_id else None
        note = library.notes.add(briefing.id, item_id, text.strip("\n"), kind=kind_of(item) if item else "briefing",
                                 evidence=evidence_of(briefing, item) if item else "")
        print(note.id)
        return 0
    if words[:1] == ["rm"]:
        if len(words) != 2:
            raise _notes_usage("notes rm needs one NOTE_ID")
        return _notes_rm(library, words[1])
    if len(words) > 1:
        raise _notes_usage(f"unexpected {words[1]!r}")
    briefing_id = library.resolve(words[0]) if words else None
    notes, problems = library.notes.scan(briefing_id)
    for problem in problems:
        _err().print(T(f"briefing: warning: {problem}"))
    titles = {e.id: e.title for e in library.entries()}
    if args.json:
        _json([{**n.to_dict(), "briefing_title": titles.get(n.briefing)} for n in notes])
    elif args.md:
        sys.stdout.write(notes_markdown(notes, titles))
    elif not notes:
        _err().print(T("No notes yet. Add one in the reader (n on an item) or: briefing notes add BRIEFING [ITEM] TEXT"))
    else:
        _out().print(notes_table(notes, titles))
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    if is_url(args.path):
        from .fetch import fetch_article
        briefing = extract(fetch_article(args.path))
    else:
        briefing = extract(load(args.path))
    if args.json:
        _json(briefing.to_dict())
    else:
        _out().print(briefing_view(briefing))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    entries = library.entries()
    if args.json:
        _json([{"id": e.id, "title": e.title, "source": e.source, "published": e.published, "added": e.added,
                "updated": e.updated, "figures": e.figures, "casualties": e.casualties, "quotes": e.quotes}
               for e in entries])
    elif not entries:
        _err().print(T(f"The library at {library.root} is empty. Add articles with: briefing ingest PATH... "
                       "(or: briefing ingest --samples)"))
    else:
        _out().print(library_table(entries))
    return 0


def _load(args: argparse.Namespace) -> Briefing:
    library = Library.open(library_arg(args))
    if not args.ref:  # `briefing show`: the newest
        newest = library.entries(limit=1)
        if not newest:
            raise CLIError(f"the library at {library.root} is empty; add articles with: briefing ingest PATH...")
        return library.get(newest[0].id)
    return library.get(library.resolve(args.ref))


def cmd_show(args: argparse.Namespace) -> int:
    briefing = _load(args)
    if args.json:
        _json(briefing.to_dict())
    elif args.md:
        sys.stdout.write(to_markdown(briefing, Library.open(library_arg(args)).notes.all(briefing.id)))
    else:
        _out().print(briefing_view(briefing))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    briefing = library.get(library.resolve(args.ref))
    text = to_markdown(briefing, library.notes.all(briefing.id))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        _err().print(T(f"wrote {args.output}"))
    else:
        sys.stdout.write(text)
    return 0


def cmd_rm(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    ids = [library.resolve(ref) for ref in args.refs]  # every id checked before anything is removed
    for briefing_id in dict.fromkeys(ids):
        title = library.get(briefing_id).article.title
        library.remove(briefing_id)
        library.marks.forget(briefing_id)
        kept = len(library.notes.all(briefing_id))
        _err().print(T(f"removed {briefing_id[:10]}  {title}" + (f"  ({kept} note{'s' if kept != 1 else ''} kept, "
                                                                   "detached)" if kept else "")))
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    from tui.app import run  # only here: the other commands never load Textual

    return run(library_arg(args))


def cmd_demo(args: argparse.Namespace) -> int:
    from platformdirs import user_cache_dir

    root = library_arg(args) or Path(user_cache_dir("briefing")) / "demo-library"
    library = Library(root)
    if not library.entries():
        library.add_many([extract(load(s.path)) for s in sample_sources()])
    args.library = str(root)
    return cmd_read(args)


def cmd_doctor(args: argparse.Namespace) -> int:
    from .doctor import check, repair
    from .paths import library_root

    root = library_root(library_arg(args))
    out = _out()
    if args.repair:
        for line in repair(root):
            out.print(T(f"repair: {line}", newlines=False), soft_wrap=True)
    findings = check(root)
    for f in findings:
        out.print(T(f"{f.level}: {f.message}", "red" if f.level == "error" else "", newlines=False), soft_wrap=True)
    return 1 if any(f.level == "error" for f in findings) else 0


from .across.commands import cmd_events, cmd_people, cmd_timeline, cmd_watch  # noqa: E402

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": cmd_ingest, "extract": cmd_extract, "list": cmd_list, "show": cmd_show,
    "export": cmd_export, "rm": cmd_rm, "read": cmd_read, "demo": cmd_demo, "notes": cmd_notes, "doctor": cmd_doctor,
    "feeds": lambda args: _feedcmds().cmd_feeds(args), "fetch": lambda args: _feedcmds().cmd_fetch(args),
    "people": cmd_people, "events": cmd_events, "timeline": cmd_timeline, "watch": cmd_watch,
}


def _feedcmds():  # imported when used: httpx and feedparser stay out of every other command's start-up
    from . import feedcmds
    return feedcmds
