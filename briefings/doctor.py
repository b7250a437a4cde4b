"""`briefing doctor`: check a library and its notes, and repair what can be repaired.

Checks: the index loads and its schema is one this briefing reads; every
listed briefing's article file loads; no article file is missing from the
index; every note file parses. Repair (``--repair``) never deletes anything:
a damaged index is moved aside (``library.json.damaged-TIME``) and replaced
by the last good copy the store keeps (``library.json.bak``) or an empty
index, then every article file the index does not list is indexed again.
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import orjson

from .articles import read_article
from .notes import NoteStore
from .storage import StoreError
from .store import Library


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of the report: ``level`` is "ok", "warning" or "error"."""

    level: str
    message: str


def _article_ids(root: Path) -> set[str]:
    folder = root / "articles"
    return {p.stem for p in folder.glob("*/*.json")} if folder.is_dir() else set()


def _backup_rows(root: Path) -> int | None:
    """How many briefings the backup index lists, or None if it is missing or damaged."""
    try:
        data = orjson.loads((root / "library.json.bak").read_bytes())
        return len(data.get("briefings", {}))
    except (OSError, orjson.JSONDecodeError, AttributeError):
        return None


def check(root: Path) -> list[Finding]:
    """Everything found wrong (or right) with the library at ``root``."""
    if not root.exists():
        return [Finding("ok", f"no library at {root} yet (nothing to check)")]
    out: list[Finding] = []
    library = Library(root)
    try:
        entries = library.entries()
    except StoreError as exc:
        out.append(Finding("error", str(exc)))
        backup = _backup_rows(root)
        if backup is not None:
            out.append(Finding("warning", f"a good backup index lists {backup} briefings; "
                                          "`briefing doctor --repair` restores it"))
        entries = None
    if entries is not None:
        out.append(Finding("ok", f"index loads: {len(entries)} briefings"))
        listed = {e.id for e in entries}
        for e in entries:
            try:
                read_article(root, e.id)
            except (OSError, StoreError) as exc:
                out.append(Finding("error", f"briefing {e.id[:10]} ({e.title[:40]!r}): its article file "
                                            f"{library.article_path(e.id)} {_why(exc)}"))
        unlisted = _article_ids(root) - listed
        if unlisted:
            out.append(Finding("warning", f"{len(unlisted)} article files are not in the index "
                                          "(a write was interrupted); `briefing doctor --repair` indexes them"))
    notes, problems = NoteStore(root / "notes").scan()
    out += [Finding("error", p) for p in problems]
    known = {e.id for e in entries or ()}
    strays = {n.briefing for n in notes if entries is not None and n.briefing not in known}
    if strays:
        out.append(Finding("warning", f"notes on {len(strays)} briefings that are not in the library are kept "
                                      "(shown as detached)"))
    out.append(Finding("ok", f"notes: {len(notes)} load" + (f", {len(problems)} damaged" if problems else "")))
    return out


def _why(exc: Exception) -> str:
    return "is missing" if isinstance(exc, FileNotFoundError) else "is damaged"


def repair(root: Path) -> list[str]:
    """Restore a damaged index and re-index unlisted article files; returns what was done."""
    done: list[str] = []
    index = root / "library.json"
    library = Library(root)
    try:
        library.entries()
    except StoreError:
        stamp = time.strftime("%Y%m%dT%H%M%S")
        aside = index.with_name(f"library.json.damaged-{stamp}")
        os.replace(index, aside)
        done.append(f"moved the damaged index aside to {aside}")
        if _backup_rows(root) is not None:
            shutil.copyfile(root / "library.json.bak", index.with_name(".library.json.restoring"))
            os.replace(index.with_name(".library.json.restoring"), index)
            done.append(f"restored the last good index ({_backup_rows(root)} briefings) from library.json.bak")
        library = Library(root)
    listed = {e.id for e in library.entries()}
    again = []
    for briefing_id in sorted(_article_ids(root) - listed):
        try:
            again.append(read_article(root, briefing_id))
        except (OSError, StoreError) as exc:
            done.append(f"could not re-index {briefing_id[:10]}: its article file {_why(exc)}")
    if again:
        library.add_many(again)
        done.append(f"re-indexed {len(again)} briefings from their article files")
    return done or ["nothing to repair"]
