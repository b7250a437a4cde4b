"""Opening an article's original URL: in the browser where there is one, shown (and copied) where not.

Over SSH, or on a Linux/BSD console with no graphical display, a browser would open on
the wrong machine or not at all (and a text browser would take over the terminal), so
the URL is shown in a notification and offered to the terminal's clipboard (OSC 52)
instead, for the user to open where they sit.
"""

from __future__ import annotations

import os
import sys
import threading
import webbrowser
from collections.abc import Callable, Mapping


def has_browser(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether a browser can open on this user's screen: not over SSH, and (outside macOS and
    Windows) only with a graphical display."""
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY") or env.get("SSH_CLIENT"):
        return False
    if platform == "darwin" or platform.startswith("win"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def open_url(url: str, *, show: Callable[[str], None], copy: Callable[[str], None],
             show_from_thread: Callable[[str], None] | None = None,
             browser: Callable[[str], bool] | None = None, env: Mapping[str, str] | None = None) -> bool:
    """Open ``url`` in the browser (in a thread: some browsers block) if there is one; otherwise
    ``show`` it and ``copy`` it to the clipboard. If the browser fails, ``show_from_thread``
    (called from that thread) shows it. True if a browser was asked."""
    browser = browser or webbrowser.open  # looked up now, so it can be replaced (and tested)
    if not has_browser(os.environ if env is None else env):
        copy(url)
        show(url)
        return False

    def launch() -> None:
        try:
            opened = browser(url)
        except Exception:  # noqa: BLE001 - a broken browser setup must not take the reader down
            opened = False
        if not opened:
            (show_from_thread or show)(url)
    threading.Thread(target=launch, daemon=True).start()
    return True
