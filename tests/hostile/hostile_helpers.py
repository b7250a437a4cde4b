"""Shared by the hostile-input tests: the real ``briefing`` CLI in a subprocess with its output
kept as bytes, and the check that nothing a terminal would act on reaches that output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

# Bytes that are never part of a UTF-8 multibyte sequence: C0 controls but \t and \n, and DEL.
# ESC (0x1b) and BEL (0x07) are among them.
_C0_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]")
# After decoding: C1 controls (U+0080-U+009F, CSI is U+009B) and lone surrogates.
_C1_CHARS = re.compile("[\x80-\x9f\ud800-\udfff]")
# Bidi embeddings, overrides and isolates: they reorder what the terminal shows.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# What Rich writes itself when it styles text for a colour terminal (SGR only).
SGR = re.compile(rb"\x1b\[[0-9;]*m")


def unsafe(data: bytes, *, bidi: bool = True, c1: bool = True, styled: bool = False) -> list[str]:
    """What in ``data`` could drive or spoof a terminal: C0 bytes (ESC, BEL...) but \\n and \\t,
    bytes that are not UTF-8 (a raw 8-bit CSI is one), DEL and C1 characters (unless not ``c1``:
    the controls JSON's escaping leaves raw) and, if ``bidi``, bidi overrides. ``styled`` output
    may hold Rich's own SGR colour codes; those are removed first."""
    if styled:
        data = SGR.sub(b"", data)
    found = [f"byte {m.group()!r} at {m.start()}" for m in _C0_BYTES.finditer(data) if c1 or m.group() != b"\x7f"]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return [*found, f"not UTF-8: {err}"]
    if c1:
        found += [f"char {m.group()!r} at {m.start()}" for m in _C1_CHARS.finditer(text)]
    if bidi:
        found += [f"bidi {m.group()!r} at {m.start()}" for m in _BIDI.finditer(text)]
    return found


def env_for(home: Path, **extra: str) -> dict[str, str]:
    """An environment whose every user folder is under ``home`` (for fixtures wider than a test,
    where conftest's per-test isolation is not in force yet)."""
    env = {k: v for k, v in os.environ.items() if k not in ("BRIEFING_DEBUG", "FORCE_COLOR")}
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    env.update(BRIEFING_HOME=str(home / "library"), NO_COLOR="1", COLUMNS="100", LINES="40")
    env.update(extra)
    return env


@dataclass
class Result:
    """One run of the CLI: exit status, raw output, and how long it took."""

    args: tuple[str | bytes, ...]
    returncode: int
    stdout_bytes: bytes
    stderr_bytes: bytes
    seconds: float

    @property
    def stdout(self) -> str:
        return self.stdout_bytes.decode("utf-8", "replace")

    @property
    def stderr(self) -> str:
        return self.stderr_bytes.decode("utf-8", "replace")

    @property
    def err_lines(self) -> list[str]:
        return self.stderr.splitlines()

    def failure_lines(self) -> list[str]:
        """The per-input failure lines of an ``ingest`` run."""
        return [line for line in self.err_lines if line.startswith("briefing: failed: ")]

    def describe(self) -> str:
        return f"briefing {' '.join(map(repr, self.args))} -> {self.returncode}\n--stderr--\n{self.stderr[-3000:]}"

    def assert_safe(self, *, bidi: bool = True, c1: bool = True, styled: bool = False) -> None:
        """No traceback, and nothing a terminal would act on in stdout or stderr."""
        assert "Traceback" not in self.stderr, self.describe()
        for name, data in (("stdout", self.stdout_bytes), ("stderr", self.stderr_bytes)):
            bad = unsafe(data, bidi=bidi, c1=c1, styled=styled)
            assert not bad, f"{name} of {self.describe()}\nunsafe: {bad[:10]}"


# Runs the CLI with one of the ingest functions wrapped, to make a file change under it:
#   python -c DRIVER MODE VICTIM ARGS...
# The wrapper acts only on VICTIM, and only at the moment named by MODE.
DRIVER = r"""
import errno, os, sys
mode, victim, argv = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3:]
import briefings.commands_ingest as commands
import briefings.ingest as ingest
import briefings.ingest.decode as decode

def hit(path):
    return isinstance(path, str) and os.path.abspath(path) == victim

if mode in ("vanish", "becomes-folder", "emptied"):  # after discovery, before load() looks at it
    real_load = commands.load
    def load(source, *args, **kwargs):
        if hit(source):
            if mode == "emptied":
                open(source, "wb").close()
            else:
                os.unlink(source)
                if mode == "becomes-folder":
                    os.mkdir(source)
        return real_load(source, *args, **kwargs)
    commands.load = load
elif mode == "vanish-at-open":  # after load() has stat()ed it, before the file is opened
    real_read = ingest.read_file
    def read_file(path):
        if hit(path):
            os.unlink(path)
        return real_read(path)
    ingest.read_file = read_file
elif mode in ("unreadable", "read-fails"):  # read permission gone (root ignores chmod) / I/O error
    real_open = open
    class Flaky:
        def __init__(self, f):
            self.f, self.reads = f, 0
        def fileno(self):
            return self.f.fileno()
        def read(self, n=-1):
            self.reads += 1
            if self.reads > 1:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return self.f.read(16)
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.f.close()
    def fake_open(file, *args, **kwargs):
        if hit(file):
            if mode == "unreadable":
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), file)
            return Flaky(real_open(file, *args, **kwargs))
        return real_open(file, *args, **kwargs)
    decode.open = fake_open  # shadows the builtin inside briefings.ingest.decode only
else:
    raise SystemExit(f"unknown mode {mode}")

from briefings.cli import main
sys.exit(main(argv))
"""


# What the ``briefing`` console script runs. (Not ``python -m briefings.cli``: that makes the
# module ``__main__``, a second copy whose CLIError is not the one commands raise, so every
# CLIError is reported as "unexpected" with exit 70; see test_python_dash_m_reports_known_errors.)
ENTRY = "import sys; from briefings.cli import main; sys.exit(main())"


def cli(*args: str | bytes | Path, stdin: bytes | None = None, env: dict[str, str] | None = None,
        patch: tuple[str, Path] | None = None, timeout: float = 120) -> Result:
    """``briefing ARGS...`` in a subprocess (``patch`` = (MODE, VICTIM) runs it under DRIVER)."""
    argv = [os.fsencode(a) if isinstance(a, Path) else a for a in args]
    prefix: list[str | bytes] = [sys.executable, "-c", ENTRY]
    if patch is not None:
        prefix = [sys.executable, "-c", DRIVER, patch[0], os.fsencode(patch[1])]
    start = time.monotonic()
    proc = subprocess.run([*prefix, *argv], input=stdin, capture_output=True, timeout=timeout, check=False,
                          env=env if env is not None else dict(os.environ),
                          stdin=None if stdin is not None else subprocess.DEVNULL)
    return Result(tuple(argv), proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start)


def run_all(jobs: Sequence[tuple[tuple, dict]]) -> list[Result]:
    """Run independent CLI jobs (``(args, kwargs)`` each, separate libraries) side by side."""
    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        return list(pool.map(lambda job: cli(*job[0], **job[1]), jobs))


def safe_parts(name: str) -> list[str]:
    """The pieces of a file name any faithful, escaped rendering of it must still show."""
    return [p for p in re.split(r"[^\w .,+=@%-]+", name) if len(p.strip()) >= 2]
