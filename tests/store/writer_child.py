"""Child process for the concurrency and crash tests.

    python writer_child.py LIBRARY TAG COUNT [GO_FILE]

Adds briefings TAG-0, TAG-1, ... (COUNT < 0: forever) and prints each id on stdout
(flushed) only after the call that stored it returned: a printed id is an
acknowledged write. Prints "ready" first; waits for GO_FILE to exist if given.
"""

from __future__ import annotations

import os
import sys
import time

from store_factory import make_briefing

from briefings.store import Library


def main() -> None:
    root, tag, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    go = sys.argv[4] if len(sys.argv) > 4 else None
    lib = Library(root)
    print("ready", flush=True)
    while go and not os.path.exists(go):
        time.sleep(0.001)
    i = 0
    while count < 0 or i < count:
        if count < 0 and i % 5 == 4:
            # Crash test: also batches, and an update in place of an earlier briefing.
            batch = [make_briefing(tag, i + k) for k in range(3)] + [make_briefing(tag, i - 2)]
            ids = [r.id for r in lib.add_many(batch)]
            i += 3
        else:
            ids = [lib.add(make_briefing(tag, i)).id]
            i += 1
        sys.stdout.write("".join(f"{x}\n" for x in ids))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
