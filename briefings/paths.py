"""Where the library and the configuration live.

Precedence for the library folder: an explicit path (the ``--library`` flag)
> the ``BRIEFING_HOME`` environment variable > the platform's user data folder
(``platformdirs``: XDG on Linux, ``~/Library/Application Support`` on macOS,
``%LOCALAPPDATA%`` on Windows) + ``/library``. Nothing here creates folders:
the store creates the library lazily on its first write.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "briefing"
ENV_HOME = "BRIEFING_HOME"


def library_root(explicit: str | Path | None = None) -> Path:
    """The library folder: ``explicit`` > ``$BRIEFING_HOME`` > user data dir / "library"."""
    if explicit is not None and str(explicit) != "":
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_HOME, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "library"


def config_dir() -> Path:
    """The folder for user configuration (not created here)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
