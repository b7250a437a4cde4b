"""discover(): what a list of command-line paths expands to."""

from __future__ import annotations

import os

import pytest

from briefings.ingest import Source, discover


def make_tree(root):
    for rel in ["b.txt", "a.md", "C.html", "sub/d.htm", "sub/deeper/e.text", "sub/f.markdown",
                "skip.docx", "README", ".hidden.txt", ".git/x.txt", "sub/.cache/y.md", "z dir/ü story.txt"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("The quay reopened on Monday.")


def rel(root, sources):
    return [os.path.relpath(s.path, root) if s.path != "-" else "-" for s in sources]


def test_folders_recursively_sorted_supported_only(tmp_path):
    make_tree(tmp_path)
    found = list(discover([str(tmp_path)]))
    assert all(s.error is None for s in found)
    assert rel(tmp_path, found) == ["a.md", "b.txt", "C.html", "sub/d.htm", "sub/deeper/e.text",
                                    "sub/f.markdown", "z dir/ü story.txt"]


def test_files_as_given_and_stdin(tmp_path):
    make_tree(tmp_path)
    paths = [str(tmp_path / "skip.docx"), "-", str(tmp_path / "README"), str(tmp_path / ".hidden.txt")]
    assert list(discover(paths)) == [Source(paths[0]), Source("-"), Source(paths[2]), Source(paths[3])]


def test_missing_path_is_reported_not_raised(tmp_path):
    missing = str(tmp_path / "nope.txt")
    assert list(discover([missing, str(tmp_path)])) == [Source(missing, error="no such file or directory")]


def test_impossible_name_is_reported():
    assert list(discover(["bad\0name.txt"])) == [Source("bad\0name.txt", error="invalid file name")]


def test_each_file_once(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "link.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "sub" / "again").symlink_to(tmp_path / "sub" / "deeper")
    found = rel(tmp_path, discover([str(tmp_path), str(tmp_path / "b.txt"), str(tmp_path / "sub")]))
    assert found.count("b.txt") + found.count("link.txt") == 1
    assert len([f for f in found if f.endswith("e.text")]) == 1
    assert len(found) == len(set(found)) == 7


def test_symlink_loops_terminate(tmp_path):
    make_tree(tmp_path)
    (tmp_path / "sub" / "up").symlink_to(tmp_path)             # a folder that contains itself
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")  # a link to itself
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")          # unsupported name: silently skipped
    found = list(discover([str(tmp_path)]))
    errors = {os.path.basename(s.path): s.error for s in found if s.error}
    assert errors == {"self.txt": "symbolic link loop", "dangling.md": "no such file or directory"}
    assert len([s for s in found if not s.error]) == 7


def test_looping_path_given_directly(tmp_path):
    (tmp_path / "me.txt").symlink_to(tmp_path / "me.txt")
    assert list(discover([str(tmp_path / "me.txt")])) == [Source(str(tmp_path / "me.txt"), error="symbolic link loop")]


def test_unreadable_subfolder_is_reported(tmp_path):
    make_tree(tmp_path)
    locked = tmp_path / "sub"
    locked.chmod(0)
    try:
        if os.geteuid() == 0 and os.access(locked, os.R_OK):
            pytest.skip("running as root: file permissions are not enforced")
        found = list(discover([str(tmp_path)]))
    finally:
        locked.chmod(0o755)
    assert Source(str(locked), error="permission denied") in found


def test_source_is_frozen():
    with pytest.raises(AttributeError):
        Source("x").path = "y"  # type: ignore[misc]
