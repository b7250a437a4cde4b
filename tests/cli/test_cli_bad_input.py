"""Bad input: one clear line naming the file and the problem, never a traceback, never lost data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

GOOD = "Flood closes bridge\n\nThe river rose by two metres overnight, closing the Old Bridge.\n"


def listed() -> list[dict]:
    return json.loads(run("list", "--json").stdout)


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"   \n\t\n  ", "empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "unsupported file type"),
    ("notes.docx", b"PK\x03\x04" + b"\x00" * 64, "unsupported file type"),
    ("nul.txt", b"abc\x00def\x00" * 100, "binary"),
])
def test_bad_file_is_one_line_and_exit_1(tmp_path: Path, name: str, data: bytes, reason: str):
    path = tmp_path / name
    path.write_bytes(data)
    proc = run("ingest", str(path))
    assert proc.returncode == 1
    assert_one_line_error(proc, str(path), reason)
    assert listed() == []


def test_missing_path(tmp_path):
    assert_one_line_error(run("ingest", str(tmp_path / "nope.txt")), "nope.txt", "no such file")
    assert_one_line_error(run("extract", str(tmp_path / "nope.txt"), "--json"), "nope.txt")


def test_huge_file_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20 * 1024 * 1024)  # sparse: 20 MB of NULs
    assert_one_line_error(run("ingest", str(path)), "huge.txt")
    big = tmp_path / "big.txt"
    big.write_text(("The council approved 300 new homes on Friday. " * 20 + "\n") * 25_000)  # ~23 MB of text
    assert_one_line_error(run("ingest", str(big)), "big.txt", "too large")


def test_non_utf8_text_is_read_as_windows_1252(tmp_path):
    path = tmp_path / "cafe.txt"
    path.write_bytes("Caf\u00e9 owner hurt\n\nThe caf\u00e9 owner, Jos\u00e9 Ruiz, 52, was injured in the blast.\n"
                     .encode("cp1252"))
    proc = run("extract", str(path), "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["casualties"][0]["name"] == "Jos\u00e9 Ruiz"


def test_folder_with_one_bad_file_ingests_the_rest_and_exits_1(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD)
    (folder / "sub" / "also good.md").write_text("# Storm warning\n\nWinds of 80mph are expected, forecasters said.\n")
    (folder / "bad.txt").write_bytes(b"")
    (folder / "ignored.jpg").write_bytes(b"\xff\xd8\xff")
    proc = run("ingest", str(folder))
    assert proc.returncode == 1
    assert_one_line_error(proc, "bad.txt")
    assert "ignored.jpg" not in proc.stderr  # folders are read by extension
    assert sorted(e["title"] for e in listed()) == ["Flood closes bridge", "Storm warning"]
    assert "2 ingested" in proc.stderr and "1 failed" in proc.stderr


def test_a_failed_run_never_loses_what_was_stored(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    run("ingest", str(good))
    before = (Path(run("list", "--json").stdout) and listed())
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    assert run("ingest", str(bad)).returncode == 1
    assert listed() == before


def test_damaged_library_is_reported_not_overwritten(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    lib = tmp_path / "lib"
    run("ingest", "--library", str(lib), str(good))
    (lib / "library.json").write_bytes(b'{"briefings": {"1": {"id": "ab')  # truncated
    for args in (("list",), ("ingest", str(good))):
        proc = run(*args, "--library", str(lib))
        assert_one_line_error(proc, "library.json")
    assert (lib / "library.json").read_bytes() == b'{"briefings": {"1": {"id": "ab'


def test_usage_error_exits_2():
    proc = run("export")  # the ID is required
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
