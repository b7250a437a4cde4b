"""Article files of a library: ``articles/ab/<id>.json``, one full briefing each.

A file holds ``Briefing.to_dict()`` as indented JSON (for humans and other tools)
and is always replaced atomically (see :func:`briefings.atomic.write_many_atomic`).
The two-character shard folders keep any one folder small. Files are written only
under the library lock (see :mod:`briefings.store`).

Like the notes, articles are never read, written or deleted through a symbolic link:
``articles/``, a shard folder or an article file that is a link (to a folder elsewhere,
another user's files) is refused with :class:`LinkedFolder`, in one line.
"""

from __future__ import annotations

import errno
from contextlib import suppress
from pathlib import Path

import orjson

from .atomic import sweep_stray
from .readfile import read_regular
from .model import Briefing
from .storage import CorruptLibrary, StoreError


MAX_ARTICLE_BYTES = 512 * 1024**2  # a 4 MB article's briefing is a few times that; far larger is not ours


class LinkedFolder(StoreError):
    """An article folder (or file) of the library is a symbolic link: never followed, never written through."""


def refuse_links(root: Path, briefing_id: str) -> Path:
    """The shard folder of ``briefing_id``, checked (with ``articles/``) not to be a symbolic link."""
    articles = root / "articles"
    shard = articles / briefing_id[:2]
    for folder in (articles, shard):
        if folder.is_symlink():
            raise LinkedFolder(f"{folder} is a symbolic link; briefing never reads or writes articles through "
                               "a link (make it a real folder)")
    return shard


def shard_folder(root: Path, briefing_id: str) -> Path:
    """The shard folder ``articles/ab`` for ``briefing_id``, created if needed and never a link
    (call under the library lock, before writing the article)."""
    shard = refuse_links(root, briefing_id)
    try:
        shard.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot write articles in {shard}: {e.strerror or e}") from None
    return refuse_links(root, briefing_id)  # a link put there between the check and mkdir


def article_path(root: Path, briefing_id: str) -> Path:
    """Where the full briefing ``briefing_id`` lives in the library at ``root``."""
    return root / "articles" / briefing_id[:2] / f"{briefing_id}.json"


def article_bytes(briefing: Briefing) -> bytes:
    """The file content for ``briefing``: the public JSON contract, indented for humans."""
    return orjson.dumps(briefing.to_dict(), option=orjson.OPT_INDENT_2)


def read_article(root: Path, briefing_id: str) -> Briefing:
    """Load a full briefing; FileNotFoundError if absent, StoreError/CorruptLibrary otherwise."""
    path = article_path(root, briefing_id)
    refuse_links(root, briefing_id)
    try:
        # Never a FIFO or a device, never unbounded, never a link (an article file is only ever renamed in).
        raw = read_regular(path, MAX_ARTICLE_BYTES, nofollow=True)
    except FileNotFoundError:
        raise  # the caller turns "absent" into NotFound, with the briefing id
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise LinkedFolder(f"{path} is a symbolic link (never followed)") from None
        raise StoreError(f"cannot read {path}: {e.strerror or e}") from e
    try:
        return Briefing.from_dict(orjson.loads(raw))
    except (ValueError, KeyError, TypeError, IndexError) as e:  # JSONDecodeError is a ValueError
        raise CorruptLibrary(path, f"not a readable briefing: {e}") from None


def sweep_articles(root: Path) -> None:
    """Remove temp files left in the shard folders by writers that died mid-write.

    Call under the library lock: every article write holds it, so any temp file is a dead writer's.
    A linked folder is skipped: what lies behind it is not the library's to delete."""
    articles = root / "articles"
    if articles.is_symlink():
        return
    with suppress(OSError):
        for folder in articles.iterdir():
            if not folder.is_symlink():
                sweep_stray(folder, max_age=0)
