"""What each ``briefing`` command does: the table from command name to function.

Parsing lives in :mod:`briefings.cli`; the commands themselves are grouped by what they work on:

- :mod:`briefings.commands_ingest`: ``ingest``, ``extract`` (articles in)
- :mod:`briefings.commands_library`: ``list``, ``show``, ``export``, ``rm``, ``doctor``, ``read``, ``demo``
- :mod:`briefings.commands_notes`: ``notes`` (list, add, rm)
- :mod:`briefings.search`: ``search`` (full-text; imported when used)
- :mod:`briefings.feedcmds`: ``feeds``, ``fetch`` (imported when used: httpx and feedparser stay out
  of every other command's start-up)
- :mod:`briefings.across.commands`: ``people``, ``events``, ``timeline``, ``watch``
- :mod:`briefings.commands_output`: how they all print (consoles, JSON, count phrases)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from .across.commands import cmd_events, cmd_people, cmd_timeline, cmd_watch
from .commands_ingest import cmd_extract, cmd_ingest
from .commands_library import cmd_demo, cmd_doctor, cmd_export, cmd_list, cmd_read, cmd_rm, cmd_show
from .commands_notes import cmd_notes


def _feedcmds():
    from . import feedcmds
    return feedcmds


def _search():  # imported when used, like the feed commands
    from . import search
    return search


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ingest": cmd_ingest, "extract": cmd_extract, "list": cmd_list, "show": cmd_show,
    "export": cmd_export, "rm": cmd_rm, "read": cmd_read, "demo": cmd_demo, "notes": cmd_notes, "doctor": cmd_doctor,
    "feeds": lambda args: _feedcmds().cmd_feeds(args), "fetch": lambda args: _feedcmds().cmd_fetch(args),
    "search": lambda args: _search().cmd_search(args),
    "people": cmd_people, "events": cmd_events, "timeline": cmd_timeline, "watch": cmd_watch,
}
