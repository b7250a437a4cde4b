"""Read and archived marks, kept beside the library in ``LIBRARY/marks.json``.

One small JSON file (``{"read": [ids], "archived": [ids]}``) that the list
view reads with one ``stat`` + parse. Every change takes ``marks.lock``,
re-reads the file and applies only that change before replacing the file
atomically, so two reader sessions marking different briefings never undo
each other, and a crash leaves the old or the new file, never half of one.
A damaged file reads as "no marks" (losing marks loses nothing stored).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from filelock import FileLock, Timeout

from .atomic import write_atomic
from .storage import StoreError

KINDS = ("read", "archived")


class Marks:
    """The marks of one library; ``read``/``archived`` are sets of briefing ids."""

    def __init__(self, root: Path) -> None:
        self.path = Path(root) / "marks.json"
        self._lock = FileLock(str(Path(root) / "marks.lock"))
        self._signature: tuple[int, int] | None = None
        self.read: set[str] = set()
        self.archived: set[str] = set()

    def signature(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def load(self) -> Marks:
        """Read the file again if another session changed it (one ``stat`` otherwise)."""
        sig = self.signature()
        if sig != self._signature:
            self._signature = sig
            data = self._parse()
            self.read, self.archived = data["read"], data["archived"]
        return self

    def _parse(self) -> dict[str, set[str]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {k: {str(i) for i in data.get(k, [])} for k in KINDS}
        except (OSError, ValueError, AttributeError, TypeError):
            return {k: set() for k in KINDS}

    def set(self, kind: str, ids: Iterable[str], on: bool) -> None:
        """Mark (``on``) or unmark ``ids`` as ``kind``, merged with what other sessions wrote meanwhile."""
        if kind not in KINDS:
            raise ValueError(f"unknown mark {kind!r}")
        ids = set(ids)
        try:
            with self._lock.acquire(timeout=10):
                data = self._parse()
                data[kind] = data[kind] | ids if on else data[kind] - ids
                self.path.parent.mkdir(parents=True, exist_ok=True)
                body = json.dumps({k: sorted(v) for k, v in data.items()}).encode()
                write_atomic(self.path, body, sync_dir=False)
        except Timeout:
            raise StoreError(f"{self.path}: another session holds {self._lock.lock_file}; try again") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot save marks: {exc.strerror or exc}") from None
        self._signature = None
        self.load()

    def forget(self, briefing_id: str) -> None:
        """Drop every mark of a removed briefing."""
        for kind in KINDS:
            if briefing_id in getattr(self.load(), kind):
                self.set(kind, [briefing_id], False)
