"""Fixtures for the reader tests: a library of the bundled samples with fixed timestamps."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings import store
from briefings.extract import extract
from briefings.ingest import load
from briefings.store import Library

SAMPLES = Path(__file__).resolve().parents[2] / "briefings" / "samples"


def sample_paths() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if not p.name.endswith(".gold.json"))


def build(root: Path, paths: list[Path] | None = None) -> Library:
    """A library at ``root`` holding ``paths`` (default: every sample), added in order one second apart."""
    library = Library(root)
    for n, path in enumerate(paths or sample_paths()):
        stamp = f"2026-01-01T00:00:{n:02d}.000000Z"
        original = store.utc_now
        store.utc_now = lambda stamp=stamp: stamp
        try:
            library.add(extract(load(str(path))))
        finally:
            store.utc_now = original
    return library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return build(tmp_path / "library")


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A config file path the test may write; absent by default."""
    return tmp_path / "config.toml"
