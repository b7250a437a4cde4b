"""First-frame time of `briefing` against a minimal Textual app, in a real terminal (tmux).

    python bench/startup.py [--runs 7] [--library DIR]

Each run starts the program in a fresh tmux pane at 80x24 and polls the
screen until the expected text shows; the median of several runs is
printed for both, and their ratio. Without --library the bundled samples
are ingested into a temporary library first.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def first_frame(command: str, expect: str, timeout: float = 30.0) -> float:
    """Seconds from launching ``command`` in tmux until ``expect`` is on its screen."""
    sock = f"bench-{uuid.uuid4().hex[:8]}"
    start = time.perf_counter()
    subprocess.run(["tmux", "-L", sock, "new-session", "-d", "-x", "80", "-y", "24", command], check=True)
    try:
        while time.perf_counter() - start < timeout:
            screen = subprocess.run(["tmux", "-L", sock, "capture-pane", "-p"], capture_output=True,
                                    text=True).stdout
            if expect in screen:
                return time.perf_counter() - start
            time.sleep(0.005)
        raise RuntimeError(f"{expect!r} never appeared for {command}")
    finally:
        subprocess.run(["tmux", "-L", sock, "kill-server"], capture_output=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--library", type=Path, help="an existing library (default: the samples, ingested now)")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library = a.library or Path(tmp) / "library"
        if not a.library:
            subprocess.run([sys.executable, "-m", "briefings.cli", "ingest", "--samples", "--library", str(library),
                            "-q"], check=True, capture_output=True)
        env = f"env TERM=xterm-256color XDG_STATE_HOME={shlex.quote(tmp)}/state PYTHONPATH={shlex.quote(str(REPO))}"
        py = shlex.quote(sys.executable)
        cases = {
            "minimal Textual app": (f"{env} {py} {shlex.quote(str(HERE / 'minimal_app.py'))}", "minimal app ready"),
            "briefing (library list)": (f"{env} {py} -m briefings.cli --library {shlex.quote(str(library))}",
                                        "briefings"),
        }
        results: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(a.runs):  # interleaved, so machine noise hits both alike
            for name, (cmd, expect) in cases.items():
                results[name].append(first_frame(cmd, expect))
    base = statistics.median(results["minimal Textual app"])
    print(f"{'program':<26} {'median s':>9} {'min s':>7} {'ratio':>6}")
    for name, times in results.items():
        med = statistics.median(times)
        print(f"{name:<26} {med:>9.3f} {min(times):>7.3f} {med / base:>6.2f}")
    ratio = statistics.median(results["briefing (library list)"]) / base
    print(f"first frame: briefing {ratio:.2f}x the minimal Textual app ({a.runs} runs each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
