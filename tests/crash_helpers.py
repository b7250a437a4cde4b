"""Kill a writer at random moments, over and over, collecting what it acknowledged."""

from __future__ import annotations

import os
import random
import signal
import time
from collections.abc import Callable, Iterator


def killed_writers(writer: Callable[[int, int], None], rounds: int, seed: int,
                   max_sleep: float) -> Iterator[set[str]]:
    """Per round: fork ``writer(round, fd)`` (which writes one acknowledged id per line to ``fd`` and
    never returns), SIGKILL it after a random delay, and yield the ids acknowledged so far."""
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
        time.sleep(rng.uniform(0.0, max_sleep))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_fd) as pipe:
            acknowledged |= {line for line in pipe.read().split("\n") if line}
        yield acknowledged
