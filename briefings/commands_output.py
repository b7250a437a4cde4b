"""How the ``briefing`` commands print: the stdout/stderr consoles, JSON, and count phrases.

Shared by every command module (:mod:`briefings.commands_ingest`, :mod:`briefings.commands_library`,
:mod:`briefings.commands_notes`, :mod:`briefings.feedcmds`, :mod:`briefings.across.commands`), so
they all print the same way: no Rich markup or highlighting applied to article text.
"""

from __future__ import annotations

import re
import sys

import orjson
from rich.console import Console

from .model import Briefing

__all__ = ["stdout_console", "stderr_console", "print_json", "counts"]


def stdout_console() -> Console:
    """The console for a command's output (tables, briefings); lines are not soft-wrapped."""
    return Console(highlight=False, emoji=False, markup=False, soft_wrap=False)


def stderr_console() -> Console:
    """The console for messages: progress, warnings, summaries."""
    return Console(stderr=True, highlight=False, emoji=False, markup=False, soft_wrap=True)


# What orjson leaves raw but a terminal acts on: DEL, C1 controls, bidi overrides/isolates/marks
# (they reorder what is shown) and the Unicode line separators.
_C1 = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def print_json(data: object) -> None:
    """JSON on stdout; DEL, C1 and bidi controls (which orjson leaves raw) are escaped, so no terminal acts on them."""
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    sys.stdout.write(_C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")


def counts(b: Briefing) -> str:
    """"3 figures, 1 casualty, 0 quotes": what an ingested briefing holds, for one-line reports."""
    n = lambda k, word: f"{k} {word}{'' if k == 1 else 's'}"  # noqa: E731
    return f"{n(len(b.figures), 'figure')}, {n(len(b.casualties), 'casualty').replace('casualtys', 'casualties')}, " \
           f"{n(len(b.quotes), 'quote')}"
