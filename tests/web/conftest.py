"""Fixtures for the web tests: a loopback server (127.0.0.1 only) and fictional pages."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback import Loopback  # noqa: E402


@pytest.fixture
def server() -> Iterator[Loopback]:
    with Loopback() as s:
        yield s
