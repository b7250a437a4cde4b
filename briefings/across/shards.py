"""Small JSON files keyed by hash, so one update rewrites a few files, never the whole state.

``Shards(folder)`` maps string keys to JSON values across up to 4,096 files
(``folder/abc.json``, ``abc`` = the first 12 bits of a digest of the key). Writes
are atomic renames (no fsync: the state is derived, see :mod:`briefings.across.state`)
and must happen under the library lock; reads take no lock and see each file whole.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

import orjson

from ..model import digest


def replace_all(writes: list[tuple[Path, bytes]]) -> None:
    """Replace each file atomically (temp file + rename: readers see old or new, whole), without
    fsync: for derived state that a STALE marker protects (see :mod:`briefings.across.state`)."""
    made: set[Path] = set()
    for path, data in writes:
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            tmp.write_bytes(data)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


SHARD_CHARS = 3  # 4,096 shards: at 100,000 briefings a shard stays small enough to rewrite per update


def shard_of(key: str) -> str:
    return digest("shard", key, size=4)[:SHARD_CHARS]


class Shards:
    """A dict of JSON values spread over up to 4,096 files in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, shard: str) -> Path:
        return self.folder / f"{shard}.json"

    def read_shard(self, shard: str) -> dict[str, Any]:
        try:
            data = orjson.loads(self._path(shard).read_bytes())
        except FileNotFoundError:
            return {}
        except orjson.JSONDecodeError:  # torn by a power cut: rebuilt on next use (ensure)
            with suppress(OSError):
                (self.folder.parent / "STALE").touch()
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.read_shard(shard_of(key)).get(key, default)

    def get_many(self, keys: list[str]) -> dict[str, Any]:
        by_shard: dict[str, list[str]] = {}
        for key in keys:
            by_shard.setdefault(shard_of(key), []).append(key)
        out: dict[str, Any] = {}
        for shard, wanted in by_shard.items():
            data = self.read_shard(shard)
            out.update({k: data[k] for k in wanted if k in data})
        return out

    def prepare(self, keys: list[str], change: Callable[[str, Any], Any]) -> list[tuple[Path, bytes]]:
        """The new contents of the shards holding ``keys``, each key set to ``change(key, old)``
        (None deletes), for :func:`briefings.atomic.write_many_atomic` (one fsync phase for all)."""
        by_shard: dict[str, list[str]] = {}
        for key in keys:
            by_shard.setdefault(shard_of(key), []).append(key)
        writes = []
        for shard, wanted in by_shard.items():
            data = self.read_shard(shard)
            changed = False
            for key in wanted:
                old = data.get(key)
                value = change(key, old)
                if value == old:
                    continue  # only read for a lookup: no rewrite
                changed = True
                if value is None:
                    data.pop(key, None)
                else:
                    data[key] = value
            if changed:
                writes.append((self._path(shard), orjson.dumps(data)))
        return writes

    def update(self, keys: list[str], change: Callable[[str, Any], Any]) -> None:
        """:meth:`prepare` and replace (atomically, one file per shard)."""
        replace_all(self.prepare(keys, change))

    def items(self) -> Iterator[tuple[str, Any]]:
        """Every key and value (reads every shard)."""
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob("*.json")):
            yield from self.read_shard(path.stem).items()
