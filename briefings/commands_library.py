"""The commands on what the library holds: ``list``, ``show``, ``export``, ``rm``, ``doctor``,
and the reader (``read``, ``demo``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .cli import library_arg
from .commands_output import print_json, stderr_console, stdout_console
from .errors import CLIError
from .export import to_markdown
from .model import Briefing
from .render import T, briefing_view, library_table
from .store import Library


def cmd_list(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    entries = library.entries()
    if args.json:
        print_json([{"id": e.id, "title": e.title, "source": e.source, "published": e.published, "added": e.added,
                     "updated": e.updated, "figures": e.figures, "casualties": e.casualties, "quotes": e.quotes}
                    for e in entries])
    elif not entries:
        stderr_console().print(T(f"The library at {library.root} is empty. Add articles with: briefing ingest PATH... "
                                 "(or: briefing ingest --samples)"))
    else:
        stdout_console().print(library_table(entries))
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
        print_json(briefing.to_dict())
    elif args.md:
        sys.stdout.write(to_markdown(briefing, Library.open(library_arg(args)).notes.all(briefing.id)))
    else:
        stdout_console().print(briefing_view(briefing))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    library = Library.open(library_arg(args))
    briefing = library.get(library.resolve(args.ref))
    text = to_markdown(briefing, library.notes.all(briefing.id))
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        stderr_console().print(T(f"wrote {args.output}"))
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
        stderr_console().print(T(f"removed {briefing_id[:10]}  {title}" + (
            f"  ({kept} note{'s' if kept != 1 else ''} kept, detached)" if kept else "")))
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    from tui.app import run  # only here: the other commands never load Textual

    return run(library_arg(args))


def cmd_demo(args: argparse.Namespace) -> int:
    from platformdirs import user_cache_dir

    from .commands_ingest import sample_sources
    from .extract import extract
    from .ingest import load

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
    out = stdout_console()
    if args.repair:
        for line in repair(root):
            out.print(T(f"repair: {line}", newlines=False), soft_wrap=True)
    findings = check(root)
    for f in findings:
        out.print(T(f"{f.level}: {f.message}", "red" if f.level == "error" else "", newlines=False), soft_wrap=True)
    return 1 if any(f.level == "error" for f in findings) else 0
