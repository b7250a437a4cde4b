"""Where the reader was: the briefing and pane last open, per library, so reopening costs nothing.

Kept in the user state folder (not in the library): it is one user's view,
and losing it loses nothing. Written atomically so a dropped SSH connection
mid-write never leaves a broken file; a broken file is ignored.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from platformdirs import user_state_dir

from briefings.readfile import read_regular

MAX_BYTES = 1024**2  # a reader state file is a few hundred bytes per library


def state_path() -> Path:
    return Path(user_state_dir("briefing")) / "reader.json"


def load(library: Path) -> dict[str, str]:
    """The saved view for ``library``: ``{"briefing": id, "pane": name}`` or ``{}``."""
    try:
        data = json.loads(read_regular(state_path(), MAX_BYTES))  # never a FIFO, never unbounded
        view = data.get(str(library.resolve()), {})
        view = view if isinstance(view, dict) else {}
        return {k: str(v) for k, v in view.items() if k in ("briefing", "pane")}
    except (OSError, ValueError, AttributeError):
        return {}


def save(library: Path, view: dict[str, str] | None) -> None:
    """Remember ``view`` for ``library`` (``None`` forgets it: the reader was at the list)."""
    key = str(library.resolve())
    _update(lambda data: data.__setitem__(key, view) if view else data.pop(key, None))


def _update(change) -> None:
    """Read the state file, apply ``change`` to its dict, write it back atomically (never raises)."""
    path = state_path()
    try:
        try:
            data = json.loads(read_regular(path, MAX_BYTES))
            data = data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            data = {}
        change(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".reader-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home must not stop the reader


THEME_KEY = "theme"  # beside the per-library views: a library key is an absolute path, never this


def load_theme() -> str | None:
    """The theme last chosen in the reader (the command palette), if any."""
    try:
        theme = json.loads(state_path().read_text(encoding="utf-8")).get(THEME_KEY)
        return theme if isinstance(theme, str) else None
    except (OSError, ValueError, AttributeError):
        return None


def save_theme(theme: str) -> None:
    """Remember ``theme`` for the next start (config.toml's [reader] theme still wins)."""
    _update(lambda data: data.__setitem__(THEME_KEY, theme))
