"""Fixtures for the library store tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import briefings.model
from briefings.store import Library

HERE = Path(__file__).resolve().parent
REPO = Path(briefings.model.__file__).resolve().parents[1]


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path / "lib")


@pytest.fixture
def spawn_writer() -> Callable[..., subprocess.Popen[str]]:
    """Start writer_child.py (LIBRARY TAG COUNT [GO_FILE]) with stdout piped."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), str(HERE), env.get("PYTHONPATH", "")])

    def spawn(*args: object) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, str(HERE / "writer_child.py"), *map(str, args)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)

    return spawn
