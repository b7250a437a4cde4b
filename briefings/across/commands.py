"""``briefing people | events | timeline | watch``: the cross-article state on the command line."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from ..cli import library_arg
from ..commands_output import print_json, stderr_console, stdout_console
from ..errors import CLIError
from ..render import T, inline
from ..store import Library
from . import query
from .watch import SCAN_EXISTING


def _open(args: argparse.Namespace) -> tuple[Library, Any]:
    library = Library.open(library_arg(args))
    return library, query.ensure(library)


def cmd_people(args: argparse.Namespace) -> int:
    _, across = _open(args)
    found = query.people(across, args.name)
    if args.json:
        print_json(found)
        return 0
    if not found:
        stderr_console().print(T(f"No one named {args.name!r} in the library." if args.name else "No people found yet."))
        return 1 if args.name else 0
    out = stdout_console()
    for p in found if args.name else found[:200]:
        head = inline(p["name"], "bold") + inline(f"  {', '.join(p['roles'])}" if p["roles"] else "", "italic")
        head += inline(f"  {len(p['briefings'])} briefing{'s' * (len(p['briefings']) != 1)}, "
                       f"{len(p['quotes'])} quote{'s' * (len(p['quotes']) != 1)}", "dim")
        out.print(head)
        if len(p["forms"]) > 1:
            out.print(inline("  also written: " + "; ".join(f for f in p["forms"] if f != p["name"]), "dim"))
        for c in p["casualty"]:
            out.print(inline(f"  {c['status']} ({c['outlet']}, {c['date']})", "red"))
        if args.name:
            for q in p["quotes"]:
                out.print(inline(f"  \u201c{q['text']}\u201d", "") + inline(f"  {q['outlet']}, {q['date']} "
                                                                          f"[{q['briefing'][:8]}]", "dim"))
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    _, across = _open(args)
    found = query.events(across, singles=args.all, limit=args.limit or None)
    if args.json:
        print_json(found)
        return 0
    if not found:
        stderr_console().print(T("No event is reported by more than one briefing yet (--all lists every event)."))
        return 0
    out = stdout_console()
    for e in found:
        out.print(inline(e["title"], "bold") + inline(f"  {e['first']} .. {e['last']}  [{e['id']}]", "dim"))
        out.print(inline(f"  {len(e['members'])} reports: " + ", ".join(e["outlets"]), ""))
        for line in e["figure_lines"]:
            out.print(inline(f"  {line}", "yellow" if " vs " in line else ""))
        for w in e["why"][:3]:
            out.print(inline("  grouped: " + "; ".join(w["why"]), "dim"))
        out.print("")
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    _, across = _open(args)
    if args.person:
        entries = query.timeline(across, person=args.person)
        if not entries:
            raise CLIError(f"no one named {args.person!r} in the library (see: briefing people)")
    else:
        if not args.event:
            raise CLIError("give an EVENT (id, briefing id or title words) or --person NAME (see: briefing events)")
        event_id = query.find_event(across, args.event)
        if event_id is None:
            raise CLIError(f"no event matches {args.event!r} (see: briefing events --all)")
        entries = query.timeline(across, event_id=event_id)
    if args.json:
        print_json(entries)
        return 0
    out = stdout_console()
    for e in entries:
        when = e["date"] if e["end"] == e["date"] else f"{e['date']}..{e['end']}"
        if e["kind"] == "report":
            out.print(inline(f"{when:<23}", "bold") + inline(e["text"], "dim"))
        else:
            line = Text.assemble(inline(f"{when:<23}", "bold"), inline(f"\u201c{e['phrase']}\u201d", "cyan"),
                                 inline(f" ({e.get('outlet')}) ", "dim"), inline(e.get("context", "")))
            out.print(line, no_wrap=True, overflow="ellipsis")
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    library, across = _open(args)
    words = list(args.words)
    verb = words[0] if words and words[0] in ("add", "rm", "list") else None
    if verb in ("add", "rm"):
        terms = " ".join(words[1:]).strip()
        if not terms:
            raise CLIError(f"watch {verb} needs the words of a filter, e.g. briefing watch {verb} \"Tower 22\"")
        with library.transaction():
            watch = across.watchlist()
            if verb == "add":
                f = watch.add(terms)
                found = 0
                for entry in library.entries(limit=SCAN_EXISTING):  # stored briefings are matched once
                    b = library.get(entry.id)
                    found += watch.match(b.id, b.article.title, b.article.text, only=[f])
                watch.save()
                message = f"watching {f['terms']!r} ({f['id']}): {found} stored briefing{'s' * (found != 1)} match"
            else:
                try:
                    f = watch.remove(terms)
                except KeyError:
                    raise CLIError(f"no watch filter {terms!r} (see: briefing watch list)") from None
                watch.save()
                message = f"stopped watching {f['terms']!r}"
        if args.json:
            print_json(f)
        else:
            stderr_console().print(T(message))
        return 0
    if verb == "list" or (words and verb is None):
        if words and verb is None:
            raise CLIError(f"unknown watch command {words[0]!r} (use: add, rm, list)")
        watch = across.watchlist()
        counts = {f["id"]: sum(m["filter"] == f["id"] for m in watch.matches) for f in watch.filters}
        if args.json:
            print_json([{**f, "matches": counts[f["id"]]} for f in watch.filters])
        else:
            for f in watch.filters:
                stdout_console().print(inline(f["terms"], "bold") + inline(f"  {counts[f['id']]} matches  [{f['id']}]", "dim"))
        return 0
    with library.transaction():  # the matches since last seen, then marked seen
        watch = across.watchlist()
        unseen = watch.unseen()
        watch.mark_seen()
        if unseen:
            watch.save()
    if args.json:
        print_json(unseen)
    elif not watch.filters:
        stderr_console().print(T("No watch filters yet. Add one: briefing watch add \"Tower 22\""))
    elif not unseen:
        stderr_console().print(T("No new matches since last seen."))
    else:
        for m in unseen:
            stdout_console().print(inline("\u25c6 ", "magenta") + inline(m["title"], "bold") +
                         inline(f"  matches {m['terms']!r}  [{m['briefing'][:8]}]", "dim"))
    return 0
