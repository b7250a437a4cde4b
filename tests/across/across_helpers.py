"""The fictional cross-outlet stories used by the across tests."""

from __future__ import annotations

from pathlib import Path

from briefings.extract import extract
from briefings.ingest import load

STORIES = Path(__file__).resolve().parents[2] / "briefings" / "across" / "stories"


def story_paths() -> list[Path]:
    return sorted(STORIES.glob("*.md"))


def story(stem: str):
    return extract(load(str(STORIES / f"{stem}.md")))
