"""The ``briefing`` command line: ingest, extract, list, show, export, and the reader.

Every failure is one line on stderr, ``briefing: error: ...``, and a non-zero
exit: 1 for bad input or a damaged library, 2 for a usage error. Set
``BRIEFING_DEBUG=1`` to see a traceback for an unexpected error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn
from pathlib import Path

from . import __version__
from .errors import CLIError
from .safe import printable

EPILOG = """\
The library is a folder: --library DIR, else $BRIEFING_HOME, else the user data
folder. Ids may be shortened to a unique prefix (4+ characters).

examples:
  briefing ingest ~/articles report.html -     ingest files, folders and stdin
  briefing ingest https://example.org/story    fetch a web page and ingest it
  briefing feeds add URL && briefing fetch     follow a feed, ingest its new stories
  briefing extract article.txt --json          print a briefing without storing it
  briefing list                                every briefing, newest first
  briefing show 5894 --md                      one briefing as Markdown
  briefing rm 5894                             remove it (its notes are kept)
  briefing search '"fire chief" evacuat*'      full-text search of every article
  briefing                                     open the reader
"""


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error echoes the user's arguments as inert text (no raw ESC from argv)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{printable(self.prog, newlines=False)}: error: {printable(message, newlines=False)}\n")


def build_parser() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
    common.add_argument("--library", metavar="DIR", default=argparse.SUPPRESS,
                        help="the library folder (default: $BRIEFING_HOME or the user data folder)")
    parser = Parser(
        prog="briefing", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        description="A terminal reader for news briefings: summary, key figures, named casualties and "
                    "official quotes, each with the evidence it came from.", epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("ingest", parents=[common], help="read articles and store their briefings",
                       description="Read articles (.txt, .md, .html; folders recursively; http(s) URLs; - for stdin), derive "
                                   "their briefings and store them. The same article again updates it in place. "
                                   "Exits 1 if any input failed, after ingesting the others.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, http(s) URLs, or - for stdin")
    p.add_argument("--samples", action="store_true", help="also ingest the bundled sample articles")
    p.add_argument("-q", "--quiet", action="store_true", help="print failures and the summary only")

    p = sub.add_parser("extract", parents=[common], help="print a file's briefing without storing it")
    p.add_argument("path", metavar="PATH", help="an article file, an http(s) URL, or - for stdin")
    p.add_argument("--json", action="store_true", help="print the JSON contract (schema 2)")

    p = sub.add_parser("list", parents=[common], help="list the briefings in the library, newest first")
    p.add_argument("--json", action="store_true", help="print the list as JSON")

    p = sub.add_parser("show", parents=[common], help="show one briefing (the newest without an ID)")
    p.add_argument("ref", metavar="ID", nargs="?", help="a briefing id or a unique prefix of it (default: the newest)")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print the JSON contract (schema 2)")
    fmt.add_argument("--md", action="store_true", help="print Markdown, each item cited")

    p = sub.add_parser("export", parents=[common], help="export one briefing as Markdown")
    p.add_argument("ref", metavar="ID", help="a briefing id or a unique prefix of it")
    p.add_argument("--md", action="store_true", default=True, help="Markdown with each item's source sentence "
                                                                     "cited (the default and only format)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    p = sub.add_parser("rm", parents=[common], help="remove briefings from the library (their notes are kept)",
                       description="Remove briefings (by id or unique prefix). Their notes stay in LIBRARY/notes, "
                                   "shown as detached, and come back if the article is ingested again.")
    p.add_argument("refs", nargs="+", metavar="ID", help="briefing ids or unique prefixes")

    p = sub.add_parser("search", parents=[common], help="full-text search of titles, articles and names",
                       description="Search every briefing's title, article text and names (outlet, speakers, "
                                   "casualties). All words must occur; \"a quoted phrase\" matches words in "
                                   "order; word* matches a prefix. Case and accents are ignored. The index is "
                                   "LIBRARY/search.db, built on first use. Exits 0 when something matched, 1 "
                                   "when nothing did, 2 on an error.")
    p.add_argument("query", nargs="+", metavar="QUERY", help="words, \"phrases\" and prefix*")
    p.add_argument("-n", "--limit", type=int, default=20, metavar="N", help="show the best N (default 20)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")

    p = sub.add_parser(
        "notes", parents=[common], help="list, add or remove notes",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Notes on briefings and their items, kept in LIBRARY/notes (one Markdown file each).",
        epilog="usage forms:\n"
               "  briefing notes [BRIEFING] [--json | --md]   list notes (of one briefing)\n"
               "  briefing notes add BRIEFING [ITEM] TEXT     add a note (TEXT - reads stdin)\n"
               "  briefing notes rm NOTE_ID                   delete a note\n"
               "ITEM is an item id as shown by `briefing show ID --json` (e.g. q-e48c6fe6); without it\n"
               "the note is on the whole briefing.")
    p.add_argument("words", nargs="*", metavar="ARGS", help="[BRIEFING] | add BRIEFING [ITEM] TEXT | rm NOTE_ID")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="list as JSON")
    fmt.add_argument("--md", action="store_true", help="list as Markdown")

    p = sub.add_parser("doctor", parents=[common], help="check the library and notes; --repair restores them",
                       description="Check that the library index, every article file and every note loads. "
                                   "With --repair: move a damaged index aside, restore the last good copy "
                                   "(library.json.bak) and re-index article files the index does not list. "
                                   "Nothing is ever deleted. Exits 1 while errors remain.")
    p.add_argument("--repair", action="store_true", help="restore and re-index what can be")

    p = sub.add_parser("feeds", parents=[common], help="follow, list or drop RSS/Atom feeds",
                       description="The feeds this library follows (RSS 0.9x/1.0/2.0, Atom); `briefing fetch` "
                                   "ingests their new stories.")
    fsub = p.add_subparsers(dest="feeds_command", metavar="ACTION")
    fp = fsub.add_parser("add", parents=[common], help="follow a feed")
    fp.add_argument("url", metavar="URL", help="the feed's http(s) URL")
    fp.add_argument("--name", help="a short name to show and to remove it by")
    fp = fsub.add_parser("list", parents=[common], help="the feeds followed (the default)")
    fp.add_argument("--json", action="store_true", help="print the list as JSON")
    fp = fsub.add_parser("rm", parents=[common], help="stop following a feed (its briefings stay)")
    fp.add_argument("ref", metavar="URL_OR_NAME")

    p = sub.add_parser("fetch", parents=[common], help="fetch every followed feed and ingest new stories",
                       description="Fetch each feed (conditional GET: an unchanged feed costs one request), "
                                   "then each new entry's page, once; store their briefings. Exits 1 if any "
                                   "feed or page failed, after doing the others.")
    p.add_argument("--delay", type=float, default=1.0, metavar="SECONDS",
                   help="least time between two requests to one host (default: 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="print failures and the summary only")

    p = sub.add_parser("people", parents=[common], help="who's who across the library (roles, quotes, casualties)",
                       description="People named across briefings, merged by name (\"Mr Biden\" = \"Joe Biden\"), "
                                   "with their roles, every quote (briefing and date) and casualty mentions.")
    p.add_argument("name", metavar="NAME", nargs="?", help="only people whose names or roles hold these words")
    p.add_argument("--json", action="store_true", help="print as JSON")

    p = sub.add_parser("events", parents=[common], help="briefings grouped by event, with figures reconciled",
                       description="Briefings about the same event grouped (shared names, places, figures, dates "
                                   "close in time), why, and each figure reconciled across outlets.")
    p.add_argument("--all", action="store_true", help="also events reported by one briefing only")
    p.add_argument("-n", "--limit", type=int, default=50, metavar="N", help="the newest N events (default 50; 0: all)")
    p.add_argument("--json", action="store_true", help="print as JSON")

    p = sub.add_parser("timeline", parents=[common], help="dated timeline of an event or a person",
                       description="Relative dates (\"on Sunday\", \"last week\") resolved against each "
                                   "article's date, in order, with the phrase as evidence.")
    p.add_argument("event", metavar="EVENT", nargs="?", help="an event id, a briefing id, or words of a title")
    p.add_argument("--person", metavar="NAME", help="the timeline of a person instead")
    p.add_argument("--json", action="store_true", help="print as JSON")

    p = sub.add_parser("watch", parents=[common], help="watch filters: new matching briefings are marked",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="Saved filters (names, places, words). Matching briefings are marked in the reader.",
                       epilog="usage forms:\n"
                              "  briefing watch                 matches since last seen (then marked seen)\n"
                              "  briefing watch add \"Tower 22\"  add a filter (tried on stored briefings too)\n"
                              "  briefing watch rm \"Tower 22\"   remove a filter (by words or id)\n"
                              "  briefing watch list            the filters and their match counts")
    p.add_argument("words", nargs="*", metavar="ARGS", help="[add TERMS | rm TERMS | list]")
    p.add_argument("--json", action="store_true", help="print as JSON")

    sub.add_parser("read", parents=[common], help="open the reader (the same as no command)")
    sub.add_parser("demo", parents=[common], help="open the reader on the bundled sample articles",
                   description="Open the reader on a library of the bundled sample articles (a folder in the "
                               "user cache, or --library DIR), ingesting them first if needed.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``briefing`` script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        from .commands import COMMANDS  # after argument parsing: --help and usage errors stay instant

        return COMMANDS[args.command or "read"](args)
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `briefing list | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place that turns failures into one line
        return report(exc)


def report(exc: BaseException) -> int:
    """Print ``exc`` as one line; known failures exit 1, unexpected ones 70 (EX_SOFTWARE)."""
    from .ingest import IngestError
    from .storage import StoreError

    if os.environ.get("BRIEFING_DEBUG"):
        import traceback

        traceback.print_exc()
    known = (CLIError, IngestError, StoreError, OSError, json.JSONDecodeError, ValueError)
    message = str(exc) if isinstance(exc, known) else f"unexpected {type(exc).__name__}: {exc} " \
                                                        "(please report it; BRIEFING_DEBUG=1 shows a traceback)"
    if isinstance(exc, OSError) and exc.filename:
        message = f"{exc.filename}: {exc.strerror or exc}"
    print(f"briefing: error: {printable(message, newlines=False)}", file=sys.stderr)
    return 1 if isinstance(exc, known) else 70


def library_arg(args: argparse.Namespace) -> Path | None:
    value = getattr(args, "library", None)
    return Path(value).expanduser() if value else None


if __name__ == "__main__":
    sys.exit(main())
