"""One note file (briefings.note_file): what is written reads back the same, and damage is one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefings.note_file import MAX_NOTE_BYTES, Note, NoteError, check_size, parse, read_note, render

BID = "9ecb83efc58ffcec"


def note(**changes: str | None) -> Note:
    fields = dict(id="n-20261125T025500Z-3fa2c1aa00bb", briefing=BID, item="q-e48c6fe6", kind="quote",
                  evidence='He said "we will" \u2014\nthen left', body="First line\n\n---\nnot a header",
                  created="2026-11-25T02:55:00.000000Z", updated="2026-11-25T03:00:00.000000Z")
    return Note(**{**fields, **changes})


def test_a_note_reads_back_as_written_whatever_its_evidence_and_body_hold(tmp_path: Path) -> None:
    path = tmp_path / "n.md"
    original = note()
    path.write_text(render(original), encoding="utf-8")
    back = read_note(path)
    assert back == original and back.path == path
    assert back.first_line == "First line"
    whole = note(item=None, kind="briefing", evidence="")
    assert parse(render(whole), path) == whole


@pytest.mark.parametrize("text, reason", [
    ("just some text\n", "no --- header"),
    ("---\nid: n-1\nbriefing: abc\nevidence: {not json\ncreated: x\n---\nbody\n", "damaged note header"),
    ("---\nid: n-1\nevidence: \"\"\ncreated: x\n---\nbody\n", "damaged note header"),  # no briefing
])
def test_a_damaged_note_file_is_one_line_naming_it(tmp_path: Path, text: str, reason: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(text)
    with pytest.raises(NoteError, match=reason) as info:
        read_note(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_bytes_that_are_not_utf8_are_reported_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "latin.md"
    path.write_bytes(render(note()).encode("utf-8").replace(b"First", b"F\xefrst"))
    with pytest.raises(NoteError, match="not UTF-8"):
        read_note(path)


def test_the_size_cap_counts_bytes_not_characters() -> None:
    check_size("x" * MAX_NOTE_BYTES)
    with pytest.raises(NoteError, match="too long"):
        check_size("\u00e9" * (MAX_NOTE_BYTES // 2 + 1))  # two bytes each in UTF-8
