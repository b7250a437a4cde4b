"""The user's own text editor for a note: ``$VISUAL``, else ``$EDITOR``, else ``vi``.

The reader suspends while the editor runs on a private temporary file (mode 0600)
holding the note; what the editor leaves there is the new text. Every way this can
fail (no editor on PATH, a terminal that cannot hand over, an editor that exits
with an error) is one line in :class:`EditorError`, and never changes the note.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Mapping

from textual.app import App, SuspendNotSupported

from briefings.readfile import read_regular

FALLBACK = "vi"  # what every Unix has (POSIX requires it), as git and crontab do


class EditorError(Exception):
    """The editor could not be used; the message is one line and the note is unchanged."""


def editor_command(env: Mapping[str, str] | None = None) -> list[str]:
    """The editor's command line, checked to be on PATH (else :class:`EditorError`, saying what to do)."""
    env = os.environ if env is None else env
    name = "$VISUAL" if env.get("VISUAL") else "$EDITOR" if env.get("EDITOR") else None
    configured = env.get("VISUAL") or env.get("EDITOR")
    try:
        argv = shlex.split(configured) if configured else [FALLBACK]
    except ValueError as exc:
        raise EditorError(f"{name} is not a command line ({exc}); n edits the note here") from None
    if not argv:
        raise EditorError(f"{name} is blank; set it to your editor, or n edits the note here")
    if shutil.which(argv[0], path=env.get("PATH", os.defpath)) is None:
        if name is None:
            raise EditorError(f"No editor: $VISUAL and $EDITOR are unset and {FALLBACK} is not on PATH; "
                              "set $EDITOR, or n edits the note here")
        raise EditorError(f"{name} is {configured!r}, but {argv[0]!r} is not on PATH; n edits the note here")
    return argv


def edit_in_editor(app: App, text: str, limit: int) -> str:
    """``text`` after the user edited it in their editor (the app suspended meanwhile).

    ``limit`` bounds what is read back (an editor may leave something huge). Raises
    :class:`EditorError` when the editor cannot run, exits with an error (``:cq`` in vi:
    the user gave up), or leaves something that is not a file."""
    argv = editor_command()
    fd, path = tempfile.mkstemp(prefix="briefing-note-", suffix=".md")  # 0600: a note is private
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        try:
            with app.suspend():
                status = subprocess.run([*argv, path], check=False).returncode
        except SuspendNotSupported:
            raise EditorError("This terminal cannot hand over to an editor; n edits the note here") from None
        except OSError as exc:
            raise EditorError(f"Could not start {argv[0]}: {exc.strerror or exc}") from None
        if status != 0:
            raise EditorError(f"{argv[0]} exited with status {status}; the note was not changed")
        try:
            return read_regular(path, limit).decode("utf-8", "replace")
        except OSError as exc:  # the editor left a FIFO, a device or something huge
            raise EditorError(f"Could not read the edited note: {exc.strerror or exc}") from None
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass  # the editor removed or renamed it: nothing of ours is left behind
