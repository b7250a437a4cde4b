"""Which item a note belongs to, after the article was extracted again.

A note keeps its item's id and the item's evidence text at the time. Ids are
stable for the same extraction, but a better extractor may give an item a new
id; then the note re-attaches to the item of the same kind whose evidence
reads the same (or nearly). A note that matches nothing is *detached*: shown
apart, never dropped.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .model import Briefing, Casualty, Figure, Quote, SummarySentence
from .notes import Note, NoteStore

KINDS = {SummarySentence: "summary", Figure: "figure", Casualty: "casualty", Quote: "quote"}


def kind_of(item: object) -> str:
    return KINDS.get(type(item), "item")


def evidence_of(briefing: Briefing, item: object) -> str:
    """The article text an item was read from (what a note remembers it by)."""
    start, end = item.span  # type: ignore[attr-defined]
    return briefing.article.text[start:end]


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.casefold()).strip()


@dataclass(frozen=True, slots=True)
class Placed:
    """A note and the item it is attached to now (None: on the whole briefing, or detached)."""

    note: Note
    item: object | None
    detached: bool


def place(briefing: Briefing, notes: list[Note]) -> list[Placed]:
    """Attach each note to its item: by id, else by evidence text, else detached."""
    by_id = {item.id: item for item in briefing.items()}
    out = []
    for note in notes:
        if note.item is None:
            out.append(Placed(note, None, False))
        elif note.item in by_id:
            out.append(Placed(note, by_id[note.item], False))
        else:
            item = _by_evidence(briefing, note)
            out.append(Placed(note, item, item is None))
    return out


def _by_evidence(briefing: Briefing, note: Note) -> object | None:
    want = _norm(note.evidence)
    if not want:
        return None
    same_kind = [i for i in briefing.items() if kind_of(i) == note.kind] or briefing.items()
    best, best_score = None, 0.0
    for item in same_kind:
        have = _norm(evidence_of(briefing, item))
        if have == want:
            return item
        if want in have or have in want:
            score = min(len(want), len(have)) / max(len(want), len(have), 1)
        else:
            score = difflib.SequenceMatcher(None, want, have, autojunk=False).ratio()
        if score > best_score:
            best, best_score = item, score
    return best if best_score >= 0.8 else None


def reattach(store: NoteStore, briefing: Briefing) -> tuple[int, int]:
    """Rewrite the item id of notes that re-attached by evidence; returns (re-attached, detached)."""
    moved = detached = 0
    for placed in place(briefing, store.all(briefing.id)):
        if placed.detached:
            detached += 1
        elif placed.item is not None and placed.note.item != placed.item.id:  # type: ignore[attr-defined]
            store.update(placed.note, item=placed.item.id, evidence=evidence_of(briefing, placed.item))  # type: ignore[attr-defined]
            moved += 1
    return moved, detached
