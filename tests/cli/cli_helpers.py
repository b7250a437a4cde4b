"""Run the real ``briefing`` entry point in a subprocess, as a user or a script would."""

from __future__ import annotations

import os
import subprocess
import sys


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``briefing ARGS...`` with the test's isolated environment; bytes in, text out."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "briefings.cli", *args], input=stdin, capture_output=True,
                          env=full_env, timeout=120)
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def assert_one_line_error(proc: subprocess.CompletedProcess, *fragments: str) -> None:
    """A failure: non-zero exit, no traceback, and each failure on one line naming what failed."""
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    for fragment in fragments:
        assert any(fragment in line for line in proc.stderr.splitlines()), (fragment, proc.stderr)
