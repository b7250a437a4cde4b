"""Kill a writer at random moments, over and over, collecting what it acknowledged.

Crash loops run a reduced number of rounds by default and the full number under the
``slow`` marker (``pytest -m slow``); see ``ROUNDS``. Nothing here depends on machine
speed: each round waits for the writer's first acknowledgement before the random delay,
so every round kills a writer that is really writing, on a fast or a busy machine.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from collections.abc import Callable, Iterator

import pytest


def rounds(default: int, full: int) -> list:
    """Parameters for a crash loop: ``default`` rounds in the normal run, ``full`` under ``-m slow``."""
    return [default, pytest.param(full, marks=pytest.mark.slow)]


def _read_until_first_line(fd: int, limit: float = 60.0) -> bytes:
    """Bytes from ``fd`` up to and including the first newline (or EOF: the writer died)."""
    data = b""
    deadline = time.monotonic() + limit  # a hung writer fails the test instead of hanging it
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise AssertionError("the writer acknowledged nothing within a minute")
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        data += chunk
    return data


def killed_writers(writer: Callable[[int, int], None], rounds: int, seed: int,
                   max_sleep: float) -> Iterator[set[str]]:
    """Per round: fork ``writer(round, fd)`` (which writes one acknowledged id per line to ``fd`` and
    never returns), wait for its first acknowledgement, SIGKILL it after a further random delay,
    and yield the ids acknowledged so far (so at least ``rounds`` of them in all)."""
    rng = random.Random(seed)
    acknowledged: set[str] = set()
    for round_ in range(rounds):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the writer
            os.close(read_fd)
            try:
                writer(round_, write_fd)
            finally:
                os._exit(0)
        os.close(write_fd)
        try:
            head = _read_until_first_line(read_fd)
            time.sleep(rng.uniform(0.0, max_sleep))
        finally:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        with os.fdopen(read_fd, "rb") as pipe:
            text = (head + pipe.read()).decode()
        acknowledged |= {line for line in text.split("\n") if line}
        yield acknowledged
