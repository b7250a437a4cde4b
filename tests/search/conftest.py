"""Fixtures for the full-text search tests: a library of small fictional briefings."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_factory import story

from briefings.store import Library


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    library = Library(tmp_path / "lib")
    library.add_many([
        story("a", "The ferry Marigold sank near the Oster lock; twelve passengers were rescued."),
        story("b", "Floodwater reached the granary. Evacuation of the lower quarter began at dawn."),
        story("c", "A café on Rue Sévine reopened after the storm.", title="Café reopens"),
    ])
    return library
