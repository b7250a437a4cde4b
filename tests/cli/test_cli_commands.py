"""The ``briefing`` commands end to end: ingest, extract, list, show, export."""

from __future__ import annotations

import json
from pathlib import Path

from cli_helpers import assert_one_line_error, run

ARTICLE = """Harbour fire destroys two warehouses

A fire destroyed two warehouses in Kestrel Harbour on Monday, killing a night guard and injuring three firefighters.
The guard was named as Ray Ellis, 58, a father of two from Westmoor.
"We lost a friend tonight," Fire Chief Dana Whitlock said. "The crews did everything they could."
Damage is estimated at $4.5 million.
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    return path


def test_help_documents_every_command():
    proc = run("--help")
    assert proc.returncode == 0
    for command in ("ingest", "extract", "list", "show", "export"):
        assert command in proc.stdout


def test_extract_json_is_the_contract(tmp_path):
    proc = run("extract", str(write(tmp_path, "fire.txt", ARTICLE)), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["schema"] == 2 and set(data) >= {"id", "article", "summary", "figures", "casualties", "quotes"}
    text = data["article"]["text"]
    for kind in ("summary", "figures", "casualties", "quotes"):
        for item in data[kind]:
            start, end = item["span"]
            assert 0 <= start <= end <= len(text)
    assert [c["name"] for c in data["casualties"]] == ["Ray Ellis"]
    assert {q["speaker"] for q in data["quotes"]} == {"Dana Whitlock"}
    assert {f["value"] for f in data["figures"]} >= {2, 3, 4500000}
    assert data["article"]["title"] == "Harbour fire destroys two warehouses"


def test_extract_does_not_store(tmp_path):
    run("extract", str(write(tmp_path, "fire.txt", ARTICLE)))
    assert json.loads(run("list", "--json").stdout) == []


def test_ingest_list_show_export_round_trip(tmp_path):
    path = write(tmp_path, "fire.txt", ARTICLE)
    proc = run("ingest", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "Harbour fire destroys two warehouses" in proc.stdout
    (entry,) = json.loads(run("list", "--json").stdout)
    assert (entry["casualties"], entry["quotes"]) == (1, 2)
    shown = json.loads(run("show", entry["id"][:6], "--json").stdout)
    extracted = json.loads(run("extract", str(path), "--json").stdout)
    assert shown == extracted  # stored = derived, ids included
    md = run("export", entry["id"][:6], "--md").stdout
    assert md.startswith("# Harbour fire destroys two warehouses")
    assert "> The guard was named as Ray Ellis, 58, a father of two from Westmoor." in md
    assert "Dana Whitlock" in run("show", entry["id"]).stdout


def test_same_article_twice_is_one_briefing_updated_in_place(tmp_path):
    path = write(tmp_path, "fire.txt", ARTICLE)
    run("ingest", str(path))
    proc = run("ingest", str(path), str(path))
    assert proc.returncode == 0
    assert "updated" in proc.stdout
    assert len(json.loads(run("list", "--json").stdout)) == 1


def test_library_flag_and_env_choose_the_folder(tmp_path):
    path = write(tmp_path, "fire.txt", ARTICLE)
    assert run("ingest", "--library", str(tmp_path / "elsewhere"), str(path)).returncode == 0
    assert (tmp_path / "elsewhere" / "library.json").exists()
    assert json.loads(run("list", "--json").stdout) == []
    assert len(json.loads(run("--library", str(tmp_path / "elsewhere"), "list", "--json").stdout)) == 1


def test_stdin_ingest(tmp_path):
    proc = run("ingest", "-", stdin=ARTICLE.encode())
    assert proc.returncode == 0, proc.stderr
    (entry,) = json.loads(run("list", "--json").stdout)
    assert entry["source"] == "-"


def test_show_unknown_and_ambiguous_ids_are_one_line_errors(tmp_path):
    assert_one_line_error(run("show", "ffffffff"), "no briefing")
    run("ingest", "--samples")
    entries = json.loads(run("list", "--json").stdout)
    assert len(entries) >= 8
    assert run("show", entries[0]["id"]).returncode == 0


def test_samples_ship_with_the_package():
    proc = run("ingest", "--samples")
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(run("list", "--json").stdout)) >= 12


def test_reingest_from_stdin_or_a_copy_keeps_the_known_source(tmp_path):
    """Issue 11 bug 7: `cat a.txt | briefing ingest -` and a copy in another folder keep a.txt as the source."""
    lib = str(tmp_path / "lib")
    text = "Harbour crane toppled in Velmoor\n\nA crane toppled at the port of Velmoor on Tuesday, injuring two workers, officials said.\n"
    original = write(tmp_path, "a.txt", text)
    (tmp_path / "other").mkdir()
    copy = write(tmp_path / "other", "a.txt", text)
    assert run("ingest", "--library", lib, str(original)).returncode == 0

    def source() -> str:
        return json.loads(run("list", "--json", "--library", lib).stdout)[0]["source"]

    assert run("ingest", "--library", lib, "-", stdin=text.encode()).returncode == 0
    assert source() == str(original)
    assert run("ingest", "--library", lib, str(copy)).returncode == 0
    assert source() == str(original)
    original.unlink()  # the first file is gone: the copy is now where the article lives
    assert run("ingest", "--library", lib, str(copy)).returncode == 0
    assert source() == str(copy)


def test_rm_removes_a_briefing_and_keeps_its_notes(tmp_path):
    lib = str(tmp_path / "lib")
    path = write(tmp_path, "a.txt", "Quarry wall gives way in Tessby\n\nA quarry wall collapsed in Tessby on Friday, "
                                     "injuring three workers, the company said.\n")
    assert run("ingest", "--library", lib, str(path)).returncode == 0
    (entry,) = json.loads(run("list", "--json", "--library", lib).stdout)
    assert run("notes", "add", entry["id"][:8], "call the quarry owner", "--library", lib).returncode == 0
    proc = run("rm", entry["id"][:8], "--library", lib)
    assert proc.returncode == 0 and "removed" in proc.stderr and "1 note kept" in proc.stderr
    assert json.loads(run("list", "--json", "--library", lib).stdout) == []
    assert "call the quarry owner" in run("notes", "--json", "--library", lib).stdout
    assert_one_line_error(run("rm", entry["id"][:8], "--library", lib), "no briefing")
