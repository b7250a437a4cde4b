"""load(): types by suffix, stdin sniffing, and every way a path can be bad."""

from __future__ import annotations

import os

import pytest

from briefings.ingest import SUPPORTED_SUFFIXES, IngestError, load
from briefings.ingest import decode as decode_module
from briefings.ingest.decode import printable

STORY = ("Quay reopens after floods\n\n"
         "The quay at Kestrel Port reopened on Monday, six days after the floods.\n\n"
         "Harbour master Lena Ortiz said the first ferry would sail at noon.\n")


def reason(path: str, data: bytes | None = None) -> str:
    with pytest.raises(IngestError) as info:
        load(path, data)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(printable(path) + ": ")
    return info.value.reason


def test_supported_suffixes():
    assert SUPPORTED_SUFFIXES == {".txt", ".text", ".md", ".markdown", ".html", ".htm"}


@pytest.mark.parametrize("name", ["story.txt", "story.TEXT", "STORY", "notes.d/story", "Floods 14.03 update"])
def test_plain_text_by_suffix(tmp_path, name):
    path = tmp_path / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(STORY)
    article = load(str(path))
    assert article.title == "Quay reopens after floods"
    assert article.text.startswith("Quay reopens after floods\n\nThe quay at Kestrel Port reopened")
    assert article.source == str(path)
    assert article.published is None


def test_markdown_and_html_by_suffix(tmp_path):
    (tmp_path / "a.md").write_text("# Quay reopens\n\nThe quay *reopened* on Monday.\n")
    (tmp_path / "b.HTML").write_text("<h1>Quay reopens</h1><p>The quay <b>reopened</b> on Monday.</p>")
    # Markdown keeps its heading as the first paragraph; an HTML page's headline is its title only.
    for name, text in (("a.md", "Quay reopens\n\nThe quay reopened on Monday."), ("b.HTML", "The quay reopened on Monday.")):
        article = load(str(tmp_path / name))
        assert (article.title, article.text) == ("Quay reopens", text)


def test_markup_in_a_txt_file_is_left_alone(tmp_path):
    path = tmp_path / "raw.txt"
    path.write_text("Use <p> tags and *stars* freely.\n\nSecond paragraph.")
    assert load(str(path)).text == "Use <p> tags and *stars* freely.\n\nSecond paragraph."


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".png", ".DOCX"])
def test_unsupported_suffix(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    path.write_bytes(b"whatever")
    assert reason(str(path)) == f"unsupported file type '{suffix}' (briefing reads .txt, .md, .html)"


def test_missing_path(tmp_path):
    assert reason(str(tmp_path / "gone.txt")) == "no such file or directory"
    assert reason(str(tmp_path / "gone.docx")) == "no such file or directory"


def test_impossible_names(tmp_path):
    assert reason("bad\0name.txt") == "invalid file name"
    assert reason(str(tmp_path / ("x" * 300 + ".txt"))) == "file name too long"
    (tmp_path / "file.txt").write_text("The quay reopened.")
    assert reason(str(tmp_path / "file.txt" / "inside.txt")) == "not a directory"


def test_directory(tmp_path):
    assert reason(str(tmp_path)) == "is a directory"
    (tmp_path / "folder.md").mkdir()
    assert reason(str(tmp_path / "folder.md")) == "is a directory"


def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    path.chmod(0)
    try:
        if os.geteuid() == 0 and os.access(path, os.R_OK):
            pytest.skip("running as root: file permissions are not enforced")
        assert reason(str(path)) == "permission denied"
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("exc, expected", [
    (PermissionError(13, "Permission denied"), "permission denied"),
    (FileNotFoundError(2, "No such file or directory"), "no such file or directory"),  # vanished mid-ingest
    (OSError(5, "Input/output error"), "input/output error"),
])
def test_os_errors_while_reading_in_plain_words(tmp_path, monkeypatch, exc, expected):
    path = tmp_path / "flaky.txt"
    path.write_text(STORY)

    def failing_open(*args, **kwargs):
        raise exc
    monkeypatch.setattr(decode_module, "open", failing_open, raising=False)
    assert reason(str(path)) == expected


def test_names_with_spaces_and_non_ascii(tmp_path):
    path = tmp_path / "Überschwemmung in Kestrel Port – Bericht 2.md"
    path.write_text("# Flut\n\nDie Kaimauer hielt stand.\n", encoding="utf-8")
    article = load(str(path))
    assert (article.title, article.text, article.source) == ("Flut", "Flut\n\nDie Kaimauer hielt stand.", str(path))


def test_name_with_control_characters_is_printable_in_errors(tmp_path):
    name = "bad\x1b[31mname.txt"
    path = tmp_path / name
    path.write_bytes(b"")
    message = str(pytest.raises(IngestError, load, str(path)).value)
    assert "\x1b" not in message and message.endswith("bad\\x1b[31mname.txt: empty file: no article text")


@pytest.mark.parametrize("data, title, text", [
    (b"<!DOCTYPE html><title>Quay | Harbour Times</title><p>The quay reopened.</p>", "Quay",
     "The quay reopened."),
    (b"Some intro line\n<p>The quay reopened.</p>", "Some intro line",
     "Some intro line\n\nThe quay reopened."),
    (b"# Quay reopens\n\nThe quay *reopened*.", "Quay reopens", "Quay reopens\n\nThe quay reopened."),
    (b"---\ntitle: Quay\n---\nThe quay *reopened*.", "Quay", "The quay reopened."),
    (b"The quay *reopened* on Monday. # not a heading", "The quay *reopened* on Monday",
     "The quay *reopened* on Monday. # not a heading"),
])
def test_stdin_is_sniffed(data, title, text):
    article = load("-", data)
    assert (article.title, article.text, article.source) == (title, text, "-")


def test_stdin_read_from_sys_stdin(monkeypatch):
    import io
    import sys

    class FakeStdin:
        buffer = io.BytesIO(STORY.encode())
    monkeypatch.setattr(sys, "stdin", FakeStdin)
    assert load("-").title == "Quay reopens after floods"


def test_parser_bug_becomes_ingest_error(monkeypatch):
    import briefings.ingest as ingest

    def broken(raw, url=None):
        raise KeyError("oops")
    monkeypatch.setattr(ingest, "parse_page", broken)
    assert reason("page.html", b"<p>The quay reopened.</p>") == "could not read the article (KeyError)"
