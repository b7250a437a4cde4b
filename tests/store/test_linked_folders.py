"""Article folders that are symbolic links: the library never writes, deletes or reads through them
(the notes folder has the same guard, tests/notes/test_notes_safety.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from store_factory import make_briefing

from briefings.store import Library, StoreError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_helpers import assert_one_line_error, run  # noqa: E402


def outside_folder(tmp_path: Path) -> Path:
    """Somebody else's folder, with one file of theirs in it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "theirs.txt").write_text("not the library's\n")
    return outside


def test_a_linked_shard_folder_is_never_written_through(lib: Library, tmp_path: Path) -> None:
    b = make_briefing("linked")
    outside = outside_folder(tmp_path)
    shard = lib.article_path(b.id).parent
    shard.parent.mkdir(parents=True)
    shard.symlink_to(outside, target_is_directory=True)
    with pytest.raises(StoreError, match="symbolic link"):
        lib.add(b)
    assert sorted(p.name for p in outside.iterdir()) == ["theirs.txt"]  # nothing written there
    assert lib.entries() == []  # and nothing listed


def test_a_linked_articles_folder_is_refused_for_a_new_library(tmp_path: Path) -> None:
    outside = outside_folder(tmp_path)
    lib = Library(tmp_path / "lib")
    lib.root.mkdir()
    (lib.root / "articles").symlink_to(outside, target_is_directory=True)
    with pytest.raises(StoreError, match="articles is a symbolic link"):
        lib.add(make_briefing("new"))
    assert sorted(p.name for p in outside.iterdir()) == ["theirs.txt"]


def test_remove_and_read_never_go_through_a_linked_shard(lib: Library, tmp_path: Path) -> None:
    b = make_briefing("moved")
    lib.add(b)
    shard = lib.article_path(b.id).parent
    outside = tmp_path / "outside"
    shard.rename(outside)  # the shard moved out, a link left in its place: the file is still reachable
    shard.symlink_to(outside, target_is_directory=True)
    with pytest.raises(StoreError, match="symbolic link"):
        lib.get(b.id)
    with pytest.raises(StoreError, match="symbolic link"):
        lib.remove(b.id)
    assert (outside / f"{b.id}.json").exists()  # not deleted through the link
    assert [e.id for e in lib.entries()] == [b.id]  # and still listed: nothing half done


def test_sweeping_temp_files_never_deletes_behind_a_link(lib: Library, tmp_path: Path) -> None:
    first = make_briefing("first")
    lib.add(first)
    outside = outside_folder(tmp_path)
    stray_like = outside / ".report.json.tmp-1-abcd"  # named like a dead writer's temp file
    stray_like.write_text("theirs too\n")
    link = lib.root / "articles" / "zz"  # not a hex shard: never written, only swept
    link.symlink_to(outside, target_is_directory=True)
    Library(lib.root).add(make_briefing("other"))  # a new Library sweeps the shards on its first write
    assert stray_like.exists()


def test_cli_reports_a_linked_shard_in_one_line(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("Quay reopens\n\nThe quay at Kestrel Port reopened on Monday, harbour officials said.\n")
    root = tmp_path / "lib"
    root.mkdir()
    (root / "articles").symlink_to(outside_folder(tmp_path), target_is_directory=True)
    proc = run("ingest", "--library", str(root), str(story))
    assert proc.returncode != 0
    assert_one_line_error(proc, "articles is a symbolic link")
    assert sorted(p.name for p in (tmp_path / "outside").iterdir()) == ["theirs.txt"]


def test_doctor_names_the_link_rather_than_calling_the_article_damaged(lib: Library, tmp_path: Path) -> None:
    b = make_briefing("doctor")
    lib.add(b)
    shard = lib.article_path(b.id).parent
    shard.rename(tmp_path / "outside")
    shard.symlink_to(tmp_path / "outside", target_is_directory=True)
    proc = run("doctor", "--library", str(lib.root))
    assert proc.returncode == 1
    line = next(x for x in proc.stdout.splitlines() if x.startswith("error:"))
    assert f"{shard} is a symbolic link" in line and "damaged" not in line
