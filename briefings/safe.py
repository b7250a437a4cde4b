"""Make any string safe to print on a terminal.

Article text is cleaned on ingest, but paths, error messages and files
written by other programs are not: every string the CLI prints passes
through :func:`printable` so no escape sequence or control character ever
reaches the terminal. (Rich markup is never interpreted either: the CLI
prints :class:`rich.text.Text` objects, not markup strings.)
"""

from __future__ import annotations

import re

# CSI/OSC/other escape sequences first (so their payload goes too), then any C0/C1 control but newline and tab.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
# Bidi embeddings, overrides and isolates are neutralised too: they reorder what the terminal
# shows ("Trojan Source"), and a lone surrogate (an undecodable byte of a file name, via
# surrogateescape) cannot be written to a UTF-8 stdout at all.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def printable(s: object, *, newlines: bool = True) -> str:
    """``s`` as text with escape sequences removed and control, bidi-override and surrogate
    characters shown as U+FFFD."""
    text = _CONTROLS.sub("\ufffd", _ESCAPES.sub("", str(s)))
    return text if newlines else text.replace("\n", " ").replace("\t", " ")
