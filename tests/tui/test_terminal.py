"""The real app in a real terminal: tmux at 80x24, and over a loopback SSH session."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from terminal_helpers import REPO, LoopbackSSH, Tmux, briefing_command, env_prefix

SEED = REPO.parent / "shared" / "eval" / "seed-article.txt"
SAMPLE_PATHS = [str(p) for p in sorted((REPO / "briefings" / "samples").iterdir()) if not p.name.endswith(".gold.json")]
needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
needs_sshd = pytest.mark.skipif(not Path("/usr/sbin/sshd").exists() or shutil.which("ssh") is None,
                                reason="openssh-server/client not installed")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    subprocess.run([sys.executable, "-m", "briefings.cli", "ingest", "--library", str(root), *SAMPLE_PATHS],
                   check=True, capture_output=True)
    return root


def seed_library(tmp_path: Path) -> Path:
    """A library holding only the seed article from ../shared."""
    root = tmp_path / "library"
    subprocess.run([sys.executable, "-m", "briefings.cli", "ingest", "--library", str(root), str(SEED)], check=True,
                   capture_output=True)
    return root


def reader(tmp_path: Path, root: Path, term_name: str = "xterm-256color", extra: str = "") -> str:
    """The shell command that starts the reader on ``root`` with isolated dirs."""
    return f"cd {REPO} && {env_prefix(tmp_path, root, term_name)} {extra}{briefing_command()}"


def walk_the_reader(term: Tmux) -> None:
    """Library -> filter -> briefing -> every pane -> evidence -> back -> quit."""
    term.wait_for("briefings", "Callow Bridge collapse")
    term.send("/", "c", "a", "l", "l", "o", "w", "Enter")
    term.wait_for("Callow Bridge collapse", "1 Summary", "Four people were killed")
    term.send("2")
    term.wait_for("Key figures (", "Six vehicles")
    term.send("3")
    term.wait_for("Rosa Almeida, 44", "[KILLED]", "Piotr Nowak, 52", "[MISSING]")
    term.send("4")
    term.wait_for("Quotes (", "Owen Pryce")
    term.send("Enter")
    term.wait_for("Evidence:", "I heard a crack like thunder")
    term.send("5")
    term.wait_for("Source")
    term.send("Tab")
    term.wait_for("\u25b81 Summary")
    term.send("Escape")
    term.wait_for("1 of", "Callow Bridge collapse")  # back at the list, the filter kept
    term.send("Escape")
    term.wait_for(f"{len(SAMPLE_PATHS)} briefings", "Millbrook warehouse fire")
    term.send("q")
    term.wait_for("[exited]")


@needs_tmux
@pytest.mark.parametrize("term_name", ["xterm-256color", "xterm", "linux"])
def test_reader_in_tmux_at_80x24(tmp_path, library, term_name):
    term = Tmux(reader(tmp_path, library, term_name))
    try:
        walk_the_reader(term)
    finally:
        term.close()


@needs_tmux
def test_reader_with_no_color(tmp_path, library):
    term = Tmux(reader(tmp_path, library, extra="NO_COLOR=1 "))
    try:
        walk_the_reader(term)
    finally:
        term.close()


@needs_tmux
@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repo")
def test_seed_article_acceptance_in_tmux(tmp_path):
    root = seed_library(tmp_path)
    term = Tmux(reader(tmp_path, root))
    try:
        term.wait_for("1 briefings", "The US has approved")
        term.send("Enter", pause=1.0)
        term.send("3")
        term.wait_for("William Jerome Rivers, 46", "Kennedy Ladon Sanders, 24", "Breonna Alexsondria Moffett, 23")
        term.send("4")
        term.wait_for("Lloyd Austin", "not tolerate attacks on American troops")
        term.send("j", "Enter")
        term.wait_for("Evidence:", "We will take all necessary actions")
    finally:
        term.close()


@needs_tmux
@needs_sshd
@pytest.mark.parametrize("term_name", ["xterm-256color", "linux"])
def test_reader_over_ssh(tmp_path, library, term_name):
    ssh = LoopbackSSH(tmp_path / "ssh")
    remote = reader(tmp_path, library, term_name)
    term = Tmux(ssh.command(remote))
    try:
        walk_the_reader(term)
    finally:
        term.close()
        ssh.close()


def _notes_json(library: Path) -> list[dict]:
    import json

    out = subprocess.run([sys.executable, "-m", "briefings.cli", "notes", "--json", "--library", str(library)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


@needs_tmux
def test_note_survives_quit_and_reopen_in_tmux(tmp_path, library):
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Written in the editor.\\n" >> "$1"\n')
    editor.chmod(0o755)
    command = reader(tmp_path, library, extra=f"EDITOR={editor} ")
    term = Tmux(command)
    try:
        term.wait_for("briefings")
        term.send("/", "c", "a", "l", "l", "o", "w", "Enter", "4")
        term.wait_for("Quotes (", "Owen Pryce")
        term.send("n")
        term.wait_for("Note on")
        term.send("C", "h", "e", "c", "k", "Space", "t", "h", "e", "Space", "c", "a", "b", "C-s")
        term.wait_for("\u270e 1 note", "Check the cab")
        term.send("E")  # the item has a note: the picker asks which (the newest is highlighted)
        term.wait_for("+ New note")
        term.send("Enter")  # that note in $EDITOR: the app suspends, the editor appends, the app resumes
        term.wait_for("Written in the editor.")
        term.send("q")
        term.wait_for("[exited]")
    finally:
        term.close()
    (note,) = _notes_json(library)
    assert note["kind"] == "quote" and note["body"] == "Check the cab\nWritten in the editor."
    term = Tmux(reader(tmp_path, library))
    try:  # reopens on the same briefing and pane, with the note marked
        term.wait_for("Callow Bridge collapse", "\u270e 1 note", "Check the cab")
    finally:
        term.close()


@needs_tmux
@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repo")
def test_seed_note_on_lloyd_austins_first_quote(tmp_path):
    root = seed_library(tmp_path)
    term = Tmux(reader(tmp_path, root))
    try:
        term.wait_for("1 briefings")
        term.send("Enter", pause=1.0)
        term.send("4")
        term.wait_for("Lloyd Austin")
        term.send("n")
        term.wait_for("Note on")
        term.send("A", "s", "k", "Space", "D", "o", "D", "C-s")
        term.wait_for("\u270e 1 note")
        term.send("q")
        term.wait_for("[exited]")
    finally:
        term.close()
    term = Tmux(reader(tmp_path, root))
    try:
        term.wait_for("\u270e 1 note", "Ask DoD")
    finally:
        term.close()
    (note,) = _notes_json(root)
    import json

    briefing = json.loads(subprocess.run([sys.executable, "-m", "briefings.cli", "show", note["briefing"], "--json",
                                          "--library", str(root)], capture_output=True, text=True).stdout)
    first = briefing["quotes"][0]
    assert (first["speaker"], note["item"]) == ("Lloyd Austin", first["id"])


@needs_tmux
@needs_sshd
@pytest.mark.skipif(not SEED.exists(), reason="../shared is not beside the repo")
@pytest.mark.parametrize("term_name", ["xterm-256color", "linux"])
def test_seed_article_acceptance_over_ssh(tmp_path, term_name):
    root = seed_library(tmp_path)
    ssh = LoopbackSSH(tmp_path / "ssh")
    term = Tmux(ssh.command(reader(tmp_path, root, term_name)))
    try:
        term.wait_for("1 briefings", "The US has approved")
        term.send("Enter", pause=1.0)
        for key, expect in (("2", "three US soldiers"), ("3", "William Jerome Rivers, 46"), ("5", "Source")):
            term.send(key)
            term.wait_for(expect)
        term.send("3")
        term.wait_for("Kennedy Ladon Sanders, 24", "Breonna Alexsondria Moffett, 23")
        term.send("4")
        term.wait_for("Lloyd Austin", "not tolerate attacks on American troops")
        term.send("j", "Enter")
        term.wait_for("Evidence:", "We will take all necessary actions")
    finally:
        term.close()
        ssh.close()


@needs_tmux
def test_ingest_progress_never_overwrites_the_added_lines(tmp_path):
    """Issue 11 bug 6: lines printed between batches land above the bar, and the bar leaves no trace."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(30):
        (folder / f"a{n:02d}.txt").write_text(f"Council {n} backs the Orvel ferry plan\n\nThe council of Orvel "
                                              f"district {n} voted on Monday to fund 4 new ferries, officials said.\n")
    script = ("import sys, briefings.commands_ingest as c; c.BATCH = 7; from briefings.cli import main; "
              f"sys.exit(main(['ingest', '--library', {str(tmp_path / 'lib')!r}, {str(folder)!r}]))")
    term = Tmux(f"cd {REPO} && {env_prefix(tmp_path, tmp_path / 'lib', 'xterm-256color')} "
                f"{shlex.quote(sys.executable)} -c {shlex.quote(script)}", width=100, height=40)
    try:
        screen = term.wait_for("30 ingested")
    finally:
        term.close()
    lines = [line for line in screen.splitlines() if line.strip()]
    added = [line for line in lines if "Council" in line]
    assert len(added) == 30 and all(line.startswith("added   ") for line in added), screen
    assert not any("ingesting" in line or "/30" in line for line in lines), screen
