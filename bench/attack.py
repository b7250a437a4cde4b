"""Reliability attack: concurrent ingesters and note writers, random SIGKILLs, a lock "cleaner".

    python bench/attack.py [--ingesters 8] [--noters 2] [--kills 150] [--seed 1] [--keep DIR]

For a fixed number of kills (not a duration, so the outcome does not depend on machine
speed): every 0-0.15 s one random child is SIGKILLed and restarted, and every few kills
``library.lock`` is deleted (someone "cleaning a stale lock"). Each child prints an id
only after the call that stored it returned (an acknowledged write). At the end every
acknowledged briefing must be listed and load, every acknowledged note must be on disk,
and ``doctor`` must find no error. Then the largest hostile inputs are timed with their
peak memory (a 4 MB one-line article, a FIFO and /dev/zero as input, a 47 MB note).

Prints a JSON report; exits 1 if anything acknowledged is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO)]
ENV = {**os.environ, "PYTHONPATH": str(REPO)}
BID = "a77ac4ab00000000"


def _briefing(tag: str, n: int):
    from briefings.model import Article, Briefing

    text = f"Dispatch {tag}-{n}: the ferry to the island of Orlen was cancelled for the {n}th time this winter."
    return Briefing(Article(f"Ferry {tag} {n}", text, source=f"attack/{tag}-{n}.txt"), [], [], [], [])


def child_ingester(root: str, tag: str) -> None:
    """Adds batches of 1-4 new briefings forever, printing each id once add_many returned."""
    from briefings.store import Library, StoreError

    lib, n, rng = Library(root), 0, random.Random(tag)
    while True:
        batch = [_briefing(tag, n + k) for k in range(rng.randint(1, 4))]
        try:
            lib.add_many(batch)
        except StoreError:
            continue  # a lock timeout under load: nothing was acknowledged
        sys.stdout.write("".join(f"B {b.id}\n" for b in batch))
        sys.stdout.flush()
        n += len(batch)


def child_noter(root: str, tag: str) -> None:
    """Adds notes forever, printing each id once add returned."""
    from briefings.notes import NoteStore

    store, n = NoteStore(Path(root) / "notes"), 0
    while True:
        note = store.add(BID, None, f"note {n} from {tag}")
        sys.stdout.write(f"N {note.id}\n")
        sys.stdout.flush()
        n += 1


def _spawn(kind: str, root: Path, tag: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, __file__, f"--child-{kind}", str(root), tag], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=ENV)


def _collect(proc: subprocess.Popen[str], acked: dict[str, set[str]]) -> None:
    out, _ = proc.communicate()
    for line in out.split("\n")[:-1]:  # only whole lines count
        kind, _, ident = line.partition(" ")
        acked.setdefault(kind, set()).add(ident)


def attack(root: Path, ingesters: int, noters: int, kills: int, seed: int) -> dict:
    from briefings.doctor import check
    from briefings.notes import NoteStore
    from briefings.store import Library

    rng = random.Random(seed)
    acked: dict[str, set[str]] = {}
    slots = [("ingester", f"i{k}") for k in range(ingesters)] + [("noter", f"n{k}") for k in range(noters)]
    procs = [_spawn(kind, root, f"{tag}-0") for kind, tag in slots]
    lock_deletions = 0
    start = time.monotonic()
    for k in range(kills):
        time.sleep(rng.uniform(0.0, 0.15))
        victim = rng.randrange(len(procs))
        procs[victim].send_signal(signal.SIGKILL)
        _collect(procs[victim], acked)
        kind, tag = slots[victim]
        procs[victim] = _spawn(kind, root, f"{tag}-{k + 1}")
        if k % 5 == 0:
            with_lock = root / "library.lock"
            if with_lock.exists():
                with_lock.unlink()
                lock_deletions += 1
    for p in procs:
        p.send_signal(signal.SIGKILL)
        _collect(p, acked)
    elapsed = time.monotonic() - start
    lib = Library(root)
    listed = {e.id for e in lib.entries()}
    loads = sum(1 for bid in acked.get("B", ()) if bid in listed and lib.get(bid).id == bid)
    notes = {n.id for n in NoteStore(root / "notes").all()}
    errors = [f.message for f in check(root) if f.level == "error"]
    return {
        "ingesters": ingesters, "note_writers": noters, "kills": kills, "lock_file_deletions": lock_deletions,
        "seconds": round(elapsed, 1),
        "briefings_acknowledged": len(acked.get("B", ())), "briefings_listed": len(listed),
        "acknowledged_missing": len(acked.get("B", set()) - listed), "acknowledged_that_load": loads,
        "notes_acknowledged": len(acked.get("N", ())), "notes_present": len(notes),
        "notes_missing": len(acked.get("N", set()) - notes), "doctor_errors": errors,
    }


def _measure(argv: list[str], stdin: Path | None = None, timeout: float = 300) -> dict:
    """Run ``briefing ARGV`` (stdin from a file) and report wall time, exit status, the child's own
    peak RSS (from wait4) and its first error line."""
    with tempfile.TemporaryFile() as err, open(stdin or os.devnull, "rb") as feed:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "briefings.cli", *argv], stdin=feed,
                                stdout=subprocess.DEVNULL, stderr=err, env=ENV)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.01)
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        seconds = time.monotonic() - start
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    return {"seconds": round(seconds, 2), "exit": proc.returncode, "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "message": next((line for line in lines if "error" in line or "failed" in line), "")}


def hostile(base: Path) -> dict:
    lib = base / "hostile-lib"
    line = base / "line-4mb.txt"
    sentence = "The ferry to Orlen was cancelled again and the harbour master counted the crates. "
    line.write_text("Ferry log\n\n" + sentence * (4 * 1024 * 1024 // len(sentence) - 1))
    fifo, zero = base / "pipe.txt", base / "zero.txt"
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    out = {"4 MB one-line article": _measure(["ingest", "--library", str(lib), str(line)])}
    out["FIFO as input"] = _measure(["ingest", "--library", str(lib), str(fifo)], timeout=60)
    out["/dev/zero as input"] = _measure(["ingest", "--library", str(lib), str(zero)], timeout=60)
    bid = json.loads(subprocess.run([sys.executable, "-m", "briefings.cli", "list", "--json", "--library", str(lib)],
                                    capture_output=True, env=ENV).stdout)[0]["id"]
    big_note = base / "note-47mb.md"
    big_note.write_bytes(b"x" * (47 * 2**20))
    out["47 MB note"] = _measure(["notes", "--library", str(lib), "add", bid, "-"], stdin=big_note)
    return out


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] in ("--child-ingester", "--child-noter"):
        (child_ingester if sys.argv[1] == "--child-ingester" else child_noter)(sys.argv[2], sys.argv[3])
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ingesters", type=int, default=8)
    ap.add_argument("--noters", type=int, default=2)
    ap.add_argument("--kills", type=int, default=150)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="work in this folder (kept) instead of a temp one")
    args = ap.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="briefing-attack-"))
    base.mkdir(parents=True, exist_ok=True)
    report = {"attack": attack(base / "lib", args.ingesters, args.noters, args.kills, args.seed),
              "hostile_inputs": hostile(base)}
    print(json.dumps(report, indent=2))
    a = report["attack"]
    return 1 if a["acknowledged_missing"] or a["notes_missing"] or a["doctor_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
