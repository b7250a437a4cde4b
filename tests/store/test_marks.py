"""Read/archived marks beside the library: two sessions never undo each other; damage reads as no marks."""

from __future__ import annotations

from briefings.marks import Marks


def test_two_sessions_merge_their_marks(tmp_path):
    one, two = Marks(tmp_path), Marks(tmp_path)
    one.load(), two.load()
    one.set("read", ["a1"], True)
    two.set("read", ["b2"], True)  # two had never seen a1: it must not drop it
    two.set("archived", ["c3"], True)
    assert one.load().read == {"a1", "b2"} and one.archived == {"c3"}
    one.set("read", ["a1"], False)
    assert two.load().read == {"b2"}


def test_a_damaged_file_reads_as_no_marks_and_is_replaced_whole(tmp_path):
    (tmp_path / "marks.json").write_text("{not json")
    marks = Marks(tmp_path).load()
    assert marks.read == set() and marks.archived == set()
    marks.set("archived", ["x"], True)
    assert Marks(tmp_path).load().archived == {"x"}


def test_forget_drops_every_mark_of_a_removed_briefing(tmp_path):
    marks = Marks(tmp_path)
    marks.set("read", ["a", "b"], True)
    marks.set("archived", ["a"], True)
    marks.forget("a")
    assert (marks.read, marks.archived) == ({"b"}, set())
