"""A library of the fictional cross-outlet stories, built once per module through the store."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from across_helpers import story_paths  # noqa: E402

from briefings.across import query  # noqa: E402
from briefings.extract import extract  # noqa: E402
from briefings.ingest import load  # noqa: E402
from briefings.store import Library  # noqa: E402


@pytest.fixture(scope="module")
def story_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("across") / "library"
    library = Library(root)
    library.add_many(extract(load(str(p))) for p in story_paths())
    query.ensure(library)  # what `briefing ingest` does at the end of a run
    yield library
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def fresh_library(tmp_path: Path) -> Library:
    return Library(tmp_path / "library")
