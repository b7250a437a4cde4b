"""Article files of a library: ``articles/ab/<id>.json``, one full briefing each.

A file holds ``Briefing.to_dict()`` as indented JSON (for humans and other tools)
and is always replaced atomically (see :func:`briefings.atomic.write_many_atomic`).
The two-character shard folders keep any one folder small. Files are written only
under the library lock (see :mod:`briefings.store`).
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

import orjson

from .atomic import sweep_stray
from .readfile import read_regular
from .model import Briefing
from .storage import CorruptLibrary, StoreError


MAX_ARTICLE_BYTES = 512 * 1024**2  # a 4 MB article's briefing is a few times that; far larger is not ours


def article_path(root: Path, briefing_id: str) -> Path:
    """Where the full briefing ``briefing_id`` lives in the library at ``root``."""
    return root / "articles" / briefing_id[:2] / f"{briefing_id}.json"


def article_bytes(briefing: Briefing) -> bytes:
    """The file content for ``briefing``: the public JSON contract, indented for humans."""
    return orjson.dumps(briefing.to_dict(), option=orjson.OPT_INDENT_2)


def read_article(root: Path, briefing_id: str) -> Briefing:
    """Load a full briefing; FileNotFoundError if absent, StoreError/CorruptLibrary otherwise."""
    path = article_path(root, briefing_id)
    try:
        raw = read_regular(path, MAX_ARTICLE_BYTES)  # never a FIFO or a device, never unbounded
    except FileNotFoundError:
        raise  # the caller turns "absent" into NotFound, with the briefing id
    except OSError as e:
        raise StoreError(f"cannot read {path}: {e.strerror or e}") from e
    try:
        return Briefing.from_dict(orjson.loads(raw))
    except (ValueError, KeyError, TypeError, IndexError) as e:  # JSONDecodeError is a ValueError
        raise CorruptLibrary(path, f"not a readable briefing: {e}") from None


def sweep_articles(root: Path) -> None:
    """Remove temp files left in the shard folders by writers that died mid-write.

    Call under the library lock: every article write holds it, so any temp file is a dead writer's."""
    with suppress(OSError):
        for folder in (root / "articles").iterdir():
            sweep_stray(folder, max_age=0)
