"""Drive the real ``briefing`` in tmux (and over a loopback SSH session) and read the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class Tmux:
    """A private tmux server running one command at a fixed size."""

    def __init__(self, command: str, width: int = 80, height: int = 24):
        self.socket = f"briefing-test-{uuid.uuid4().hex[:8]}"
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), "-s", "main",
                   f"{command}; echo '[exited]'; sleep 30")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True, timeout=20).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "main")

    def send(self, *keys: str, pause: float = 0.5) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "main", key)
            time.sleep(pause)

    def wait_for(self, *texts: str, timeout: float = 60.0) -> str:
        """The screen once every text is on it; fails with the last screen otherwise.

        The timeout only guards against a hang (a passing run returns as soon as the text shows),
        so it is generous: a busy CI machine can take seconds to start the reader."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(t in screen for t in texts):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"never saw {texts!r} on screen:\n{screen}")

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=20)


def env_prefix(home: Path, library: Path, term: str) -> str:
    """``env ...`` that isolates the app's data, config and state dirs and sets TERM."""
    pairs = {"TERM": term, "BRIEFING_HOME": str(library), "HOME": str(home),
             "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
             "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
             "PYTHONPATH": str(REPO), "ESCDELAY": "25", "TEXTUAL_ANIMATIONS": "none"}
    return "env -u NO_COLOR -u COLORTERM " + " ".join(f"{k}={shlex.quote(v)}" for k, v in pairs.items())


def briefing_command() -> str:
    return f"{shlex.quote(sys.executable)} -m briefings.cli"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackSSH:
    """sshd on 127.0.0.1 with throwaway keys, for this user only; stopped by ``close``."""

    def __init__(self, workdir: Path):
        self.dir = workdir
        workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(workdir, 0o700)
        for name in ("key", "hostkey"):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(workdir / name)], check=True)
        shutil.copy(workdir / "key.pub", workdir / "authorized_keys")
        Path("/run/sshd").mkdir(parents=True, exist_ok=True) if os.geteuid() == 0 else None
        self.port = free_port()
        self.proc = subprocess.Popen(
            ["/usr/sbin/sshd", "-D", "-e", "-f", "/dev/null", "-p", str(self.port), "-o", "ListenAddress=127.0.0.1",
             "-o", f"HostKey={workdir / 'hostkey'}", "-o", f"AuthorizedKeysFile={workdir / 'authorized_keys'}",
             "-o", "PasswordAuthentication=no", "-o", "PermitRootLogin=prohibit-password", "-o", "StrictModes=no",
             "-o", f"PidFile={workdir / 'sshd.pid'}", "-o", "AcceptEnv=NONE"],
            stdout=subprocess.DEVNULL, stderr=open(workdir / "sshd.log", "wb"))  # noqa: SIM115
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        raise RuntimeError(f"sshd did not start: {(workdir / 'sshd.log').read_text(errors='replace')}")

    def command(self, remote: str) -> str:
        """A local shell command that runs ``remote`` over ``ssh -tt``."""
        user = os.environ.get("USER") or subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
        return (f"ssh -tt -p {self.port} -i {shlex.quote(str(self.dir / 'key'))} -o StrictHostKeyChecking=no "
                f"-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR {user}@127.0.0.1 {shlex.quote(remote)}")

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
