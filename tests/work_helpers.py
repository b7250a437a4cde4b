"""Bound the work a function does, not its wall-clock time (a busy CI machine must not fail a test).

``calls(fn)`` counts the Python and builtin function calls made while ``fn`` runs: the
same number on a fast laptop and on a loaded 2-core runner. ``assert_linear`` runs a
function on an input and on one ``factor`` times larger and asserts the count grows by
at most ``factor * slack``: a quadratic slip multiplies it by ``factor**2``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def calls(fn: Callable[[], Any]) -> int:
    """How many function calls (Python and builtin) ``fn()`` makes; exceptions from ``fn`` are swallowed."""
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        fn()
    except Exception:  # noqa: BLE001 - a refusal is a result too; only the work counts here
        pass
    finally:
        sys.setprofile(None)
    return count


def assert_linear(run: Callable[[int], Any], small: int, *, factor: int = 4, slack: float = 1.5) -> None:
    """``run(n)`` does at most ~linear work: calls(run(factor*small)) <= factor*slack*calls(run(small))."""
    base, big = calls(lambda: run(small)), calls(lambda: run(factor * small))
    assert big <= factor * slack * max(base, 1), f"work grew {big / max(base, 1):.1f}x for {factor}x the input"
