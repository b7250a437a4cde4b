"""`briefing doctor`: check a library and its notes, and repair what can be repaired.

Checks: the index loads, its rows are well formed and its schema is one this
briefing reads; every listed briefing's article file loads; no article file is
missing from the index; every note file parses. Repair (``--repair``) never deletes
anything and is all-or-nothing:

* an index written by a newer briefing is reported and never repaired (the newer
  briefing owns it);
* a damaged index is first kept aside under a name that never collides
  (``library.json.damaged-TIME[-N]``, a hard link: no copy, no disk space), then a
  new index is built in memory from every good row of the damaged index and of the
  last good copy (``library.json.bak``) and written atomically over it: until that
  write has fully succeeded the damaged index stays where it was (a full disk
  changes nothing);
* finally every article file the index does not list is indexed again.
"""

from __future__ import annotations

import errno
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from .articles import LinkedFolder, read_article
from .atomic import write_atomic
from .index import row_problem, utc_now
from .indexdb import schema_of, validate_index
from .notes import NoteStore
from .search_index import status as search_status
from .storage import CorruptLibrary, StoreError, parse, read_bytes
from .store import Library


@dataclass(frozen=True, slots=True)
class Finding:
    """One line of the report: ``level`` is "ok", "warning" or "error"."""

    level: str
    message: str


@dataclass(frozen=True, slots=True)
class IndexState:
    """What an index file holds: ``state`` is "ok", "missing", "damaged" or "newer"."""

    state: str
    reason: str = ""
    data: dict[str, Any] | None = None  # the parsed tables, when they parse at all
    schema: object = 1


def inspect(path: Path) -> IndexState:
    """Read and judge one index file (``library.json`` or its ``.bak``) without changing anything."""
    try:
        raw = read_bytes(path)
    except FileNotFoundError:
        return IndexState("missing")
    except OSError as exc:
        return IndexState("damaged", f"cannot be read ({exc.strerror or exc})")
    try:
        data = parse(raw, path)
    except CorruptLibrary as exc:
        return IndexState("damaged", exc.reason)
    schema = schema_of(data)
    if not isinstance(schema, int) or schema > Library.SCHEMA:
        return IndexState("newer", f"written by a newer briefing (schema {schema})", data, schema)
    problem = validate_index(data)
    return IndexState("damaged", problem, data, schema) if problem else IndexState("ok", "", data, schema)


def _article_ids(root: Path) -> set[str]:
    folder = root / "articles"
    return {p.stem for p in folder.glob("*/*.json")} if folder.is_dir() else set()


def check(root: Path) -> list[Finding]:
    """Everything found wrong (or right) with the library at ``root``."""
    if not root.exists():
        return [Finding("ok", f"no library at {root} yet (nothing to check)")]
    out: list[Finding] = []
    library = Library(root)
    entries = None
    current = inspect(root / "library.json")
    if current.state == "newer":
        out.append(Finding("error", f"{root / 'library.json'} was {current.reason}; this briefing reads schema "
                                    f"{Library.SCHEMA} and never repairs it: use the newer briefing"))
    else:
        try:
            entries = library.entries()
        except StoreError as exc:
            out.append(Finding("error", str(exc)))
            backup = inspect(root / "library.json.bak")
            if backup.state == "ok" and backup.data is not None:
                out.append(Finding("warning", f"a good backup index lists {len(backup.data.get('briefings', {}))} "
                                              "briefings; `briefing doctor --repair` restores it"))
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
    out.append(Finding(*search_status(root)))
    return out


def _why(exc: Exception) -> str:
    if isinstance(exc, LinkedFolder):  # not damaged: behind a link the library never follows
        return f"is not read ({exc})"
    return "is missing" if isinstance(exc, FileNotFoundError) else "is damaged"


def _good_rows(state: IndexState) -> dict[str, Any]:
    table = (state.data or {}).get("briefings")
    if not isinstance(table, dict):
        return {}
    return {k: row for k, row in table.items() if row_problem(k, row) is None}


def _meta(state: IndexState, default: object = ...) -> Any:
    """The meta table of a parsed index if it is usable, else ``default`` (a fresh one)."""
    meta = (state.data or {}).get("meta")
    if isinstance(meta, dict) and validate_index({"meta": meta}) is None:
        return meta
    return {"1": {"schema": Library.SCHEMA, "created": utc_now()}} if default is ... else default


def keep_aside(index: Path) -> Path:
    """Keep ``index`` under a new ``library.json.damaged-TIME[-N]`` name; never replaces an earlier one."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for n in range(1, 10_000):
        aside = index.with_name(f"{index.name}.damaged-{stamp}" + (f"-{n}" if n > 1 else ""))
        try:
            os.link(index, aside)  # link() never replaces an existing name
            return aside
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
                raise
            if os.path.lexists(aside):
                continue
            shutil.copyfile(index, aside)  # under the lock: nobody else makes aside names
            return aside
    raise StoreError(f"too many damaged copies of {index} kept aside")


def _rebuild_index(root: Path) -> list[str]:
    """Under the lock: replace a damaged index by its good rows plus the backup's (see the module doc)."""
    index, backup = root / "library.json", root / "library.json.bak"
    current = inspect(index)
    if current.state == "ok":
        return []
    if current.state == "missing":  # deleted by hand: the backup's rows keep their added times
        old = inspect(backup)
        rows = _good_rows(old) if old.state != "newer" else {}
        if not rows:
            return []
        try:
            write_atomic(index, orjson.dumps({"briefings": rows, "meta": _meta(old)}))
        except OSError as exc:
            raise StoreError(f"cannot write the restored index in {root}: {exc.strerror or exc}") from None
        return [f"the index was missing: restored {len(rows)} briefings from library.json.bak"]
    if current.state == "newer":
        raise StoreError(f"{index} was {current.reason}; this briefing reads schema {Library.SCHEMA} and never "
                         "repairs it (use the newer briefing); nothing was changed")
    old = inspect(backup)
    if old.state == "newer":
        raise StoreError(f"{backup} was {old.reason}; nothing was changed (use the newer briefing)")
    rows = {**_good_rows(old), **_good_rows(current)}  # the damaged index's good rows are the newer ones
    from_backup = len(rows.keys() - _good_rows(current).keys())
    meta = _meta(current) if _meta(current, None) else _meta(old)
    data = orjson.dumps({"briefings": rows, "meta": meta})
    aside = keep_aside(index)
    try:
        # Atomic: the damaged index stays in place until the new one is whole on disk.
        write_atomic(index, data)
    except OSError as exc:
        aside.unlink(missing_ok=True)  # the damaged index is still in place: no second copy needed
        raise StoreError(f"cannot write the repaired index in {root}: {exc.strerror or exc}; "
                         "the damaged index is unchanged") from None
    done = [f"kept the damaged index aside as {aside} ({current.reason})"]
    done.append(f"rebuilt the index: {len(rows)} briefings kept"
                + (f" ({from_backup} restored from library.json.bak)" if from_backup else ""))
    return done


def repair(root: Path) -> list[str]:
    """Restore a damaged index and re-index unlisted article files; returns what was done.

    Raises :class:`StoreError` (one line) when nothing could be done safely."""
    library = Library(root)
    if not root.exists():
        return ["nothing to repair"]
    try:
        with library.locked():
            done = _rebuild_index(root)
    except OSError as exc:
        raise StoreError(f"cannot repair the library in {root}: {exc.strerror or exc}") from None
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
