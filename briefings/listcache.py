"""The list file: what the library list shows, newest first, one line per briefing.

Parsing the whole TinyDB index costs about half a second at 100,000
briefings, so every write of the index also writes ``list.tsv`` (under the
same lock, atomically): a tab-separated line per briefing, newest first, with
a first line recording the size and mtime of the ``library.json`` it was
made from. A reader checks that signature with one ``stat``: if it matches,
the first screenful of titles is a few kilobytes away and the rest can load
in the background; if not (a crash between the two writes, an older
briefing), it falls back to the index itself. The index stays the truth.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .index import Entry
from .readfile import is_regular, nonblocking

NAME = "list.tsv"
MAGIC = "briefing-list 1"
MAX_BYTES = 1024**3  # a list file larger than this is not ours: fall back to the index
_CLEAN = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def _signature(index: Path) -> str | None:
    try:
        st = os.stat(index)
    except OSError:
        return None
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ino}"


def signature(root: Path) -> str | None:
    """The signature of the index at ``root`` (size, mtime, inode): cheap to poll for changes."""
    return _signature(root / "library.json")


def _line(row: Mapping[str, Any]) -> str:
    fields = (row["id"], row["added"], row.get("updated") or row["added"], row.get("published") or "",
              str(row.get("figures", 0)), str(row.get("casualties", 0)), str(row.get("quotes", 0)),
              row.get("title") or "", row.get("source") or "", "\x1f".join(row.get("speakers", ())),
              "\x1f".join(row.get("names", ())), row.get("outlet") or "")
    return "\t".join(str(f).translate(_CLEAN) for f in fields)


def write(root: Path, rows: Iterable[Mapping[str, Any]]) -> None:
    """Write the list file for the index just committed at ``root / "library.json"`` (call under the lock)."""
    ordered = sorted(rows, key=lambda r: (r.get("title") or "").casefold())
    ordered.sort(key=lambda r: r["added"], reverse=True)  # stable: same order as Library.entries()
    head = f"{MAGIC}\t{_signature(root / 'library.json')}\n"
    write_atomic(root / NAME, (head + "".join(_line(r) + "\n" for r in ordered)).encode("utf-8"), sync_dir=False)


def _entry(line: str) -> Entry:
    f = line.rstrip("\n").split("\t")
    return Entry(f[0], f[7], f[8], f[3] or None, f[1], f[2], int(f[4]), int(f[5]), int(f[6]),
                 tuple(x for x in f[9].split("\x1f") if x), tuple(x for x in f[10].split("\x1f") if x),
                 (f[11] or None) if len(f) > 11 else None)  # outlet: absent from files written before it


def read(root: Path, limit: int | None = None) -> list[Entry] | None:
    """The list (or its first ``limit`` rows), newest first; None if the file is missing or stale."""
    try:
        with open(root / NAME, encoding="utf-8", opener=nonblocking) as f:
            if not is_regular(f.fileno(), MAX_BYTES):  # a FIFO or /dev/zero named list.tsv: not read
                return None
            magic, _, signature = f.readline(256).rstrip("\n").partition("\t")
            if magic != MAGIC or signature != _signature(root / "library.json"):
                return None
            if limit is None:
                return [_entry(line) for line in f]
            out = []
            for line in f:
                out.append(_entry(line))
                if len(out) >= limit:
                    break
            return out
    except (OSError, ValueError, IndexError, UnicodeDecodeError):
        return None


class Rows:
    """The whole list, newest first, parsed only where looked at (100,000 rows stay cheap).

    ``haystack(i)`` is the lower-cased text a filter searches: title, source, speakers, names.
    """

    def __init__(self, lines: list[str] | None = None, entries: list[Entry] | None = None):
        self._lines = lines
        self._entries: list[Entry | None] = list(entries) if entries is not None else [None] * len(lines or [])
        self._hay: list[str] | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, i: int) -> Entry:
        e = self._entries[i]
        if e is None:
            e = self._entries[i] = _entry(self._lines[i])  # type: ignore[index]
        return e

    def id(self, i: int) -> str:
        e = self._entries[i]
        return e.id if e is not None else self._lines[i].split("\t", 1)[0]  # type: ignore[index]

    def haystacks(self) -> list[str]:
        """One lower-cased search text per row (built once, on first use)."""
        if self._hay is None:
            if self._lines is not None:
                # title, source, speakers, names and outlet are the line's last five fields
                self._hay = [line.split("\t", 7)[-1].casefold() for line in self._lines]
            else:
                self._hay = [" ".join((e.title, e.source, *e.speakers, *e.names, e.outlet or "")).casefold()
                             for e in self._entries if e is not None]
        return self._hay


def read_rows(root: Path) -> Rows | None:
    """Every row as :class:`Rows`, or None if the list file is missing or stale."""
    try:
        with open(root / NAME, encoding="utf-8", opener=nonblocking) as f:
            if not is_regular(f.fileno(), MAX_BYTES):
                return None
            magic, _, signature = f.readline(256).rstrip("\n").partition("\t")
            if magic != MAGIC or signature != _signature(root / "library.json"):
                return None
            return Rows(lines=f.read().splitlines())
    except (OSError, UnicodeDecodeError):
        return None
