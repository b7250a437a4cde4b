"""Only regular files are read: a FIFO or a link to /dev/zero, given to ingest or planted inside the
library, is refused in one line (or skipped), never waited on and never read into memory."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from store_factory import make_briefing

from briefings.store import Library

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import assert_one_line_error, run  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"),
                                reason="needs FIFOs and /dev/zero")


def test_ingest_refuses_a_fifo_and_a_device_and_keeps_the_rest(tmp_path: Path) -> None:
    fifo, zero, good = tmp_path / "pipe.txt", tmp_path / "zero.txt", tmp_path / "good.txt"
    os.mkfifo(fifo)  # nobody ever writes to it: open() alone would block for ever
    zero.symlink_to("/dev/zero")
    good.write_text("Quay reopens\n\nThe quay at Kestrel Port reopened on Monday, harbour officials said.\n")
    proc = run("ingest", "--library", str(tmp_path / "lib"), str(fifo), str(zero), str(good))
    assert proc.returncode == 1
    assert_one_line_error(proc, "pipe.txt: is a named pipe (FIFO), not a regular file",
                          "zero.txt: is a device, not a regular file")
    assert [e.title for e in Library(tmp_path / "lib").entries()] == ["Quay reopens"]


@pytest.mark.parametrize("name", ["list.tsv", "library.json"])
@pytest.mark.parametrize("special", ["fifo", "zero"])
def test_a_special_file_inside_the_library_never_hangs_a_command(lib: Library, name: str, special: str) -> None:
    lib.add(make_briefing("special"))
    target = lib.root / name
    target.unlink()
    if special == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    proc = run("list", "--library", str(lib.root))
    if name == "list.tsv":  # only a cache: the index is the truth, and the list file is written again
        assert proc.returncode == 0 and "Vellmar report special 0" in proc.stdout, proc.stderr
        assert target.is_file() and not target.is_symlink()
    else:
        assert_one_line_error(proc, "library.json", "not a regular file")


def test_a_fifo_in_place_of_an_article_file_is_an_error_not_a_hang(lib: Library) -> None:
    b = make_briefing("article")
    lib.add(b)
    path = lib.article_path(b.id)
    path.unlink()
    os.mkfifo(path)
    assert_one_line_error(run("show", b.id, "--library", str(lib.root)), "not a regular file")
