"""Bytes to text: size limit, binary sniffing, encodings, error messages."""

from __future__ import annotations

import zipfile
import io
import zlib
import struct

import pytest

from briefings.ingest import MAX_BYTES, IngestError, load
from briefings.ingest.decode import decode, printable

LEAD = "Three people were hurt when a crane toppled at the Kestrel Port docks on Tuesday."


def error_of(path: str, data: bytes | None = None) -> str:
    with pytest.raises(IngestError) as info:
        load(path, data)
    message = str(info.value)
    assert "\n" not in message and "\r" not in message
    assert message.startswith(printable(path) + ": ")
    assert info.value.source == path
    return info.value.reason


def png_bytes() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        # A fixed timestamp: the bytes are part of the test id, and two xdist workers that build them in
        # different seconds would collect different tests (the run then stops with "Different tests were collected").
        z.writestr(zipfile.ZipInfo("[Content_Types].xml", date_time=(2020, 1, 1, 0, 0, 0)), "<Types/>")
        z.writestr(zipfile.ZipInfo("word/document.xml", date_time=(2020, 1, 1, 0, 0, 0)),
                   "<w:document>Fictional words</w:document>")
    return buf.getvalue()


@pytest.mark.parametrize("data, kind", [
    (png_bytes(), "PNG image"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "PDF document"),
    (docx_bytes(), "Word document"),
    (b"PK\x03\x04" + b"\x14\x00" * 20, "ZIP archive"),
    (b"\x1f\x8b\x08\x00" + bytes(20), "gzip archive"),
    (b"\x7fELF\x02\x01\x01" + bytes(40), "ELF executable"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
    (b"GIF89a\x01\x00\x01\x00", "GIF image"),
])
def test_binary_formats_are_named(tmp_path, data, kind):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    assert error_of(str(path)) == f"binary file ({kind}), not an article"


def test_nul_bytes_mean_binary(tmp_path):
    path = tmp_path / "dump"
    path.write_bytes(LEAD.encode() + b"\x00\x00\x01" + LEAD.encode())
    assert error_of(str(path)) == "binary file, not text"


def test_many_control_bytes_mean_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 0x0E, 0x0F] * 50) + LEAD.encode())
    assert error_of(str(path)) == "binary file, not text"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff".encode("utf-8"), "  \n".encode("utf-16")])
def test_empty_and_whitespace_only(tmp_path, data):
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert error_of(str(path)) == "empty file: no article text"


def test_cp1252_fallback(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The caf\u00e9 on Quay Street reopened on Monday, \u201cfinally\u201d \u2014 its owner said."
                     .encode("cp1252"))
    article = load(str(path))
    assert "caf\u00e9" in article.text
    assert "\u201cfinally\u201d \u2014" in article.text


def test_stray_byte_in_utf8_keeps_the_utf8():
    data = "Na\u00efve r\u00e9sum\u00e9 of the Zo\u00eb inquiry, by Se\u00e1n \u0141ukasz.".encode() + b" Price \x80 5."
    text = decode(data, "x")
    assert text.startswith("Na\u00efve r\u00e9sum\u00e9 of the Zo\u00eb inquiry, by Se\u00e1n \u0141ukasz.")
    assert text.endswith("Price \u20ac 5.")


def test_undefined_cp1252_bytes_do_not_fail():
    text = decode(b"Caf\xe9 \x81\x8d\x8f\x90\x9d open.", "x")
    assert text.startswith("Caf\u00e9 ")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_unicode_with_bom(tmp_path, codec):
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(codec, b"")
    path = tmp_path / "unicode.txt"
    path.write_bytes(bom + f"Z\u00fcrich \u2014 {LEAD}".encode(codec))
    article = load(str(path))
    assert article.text == f"Z\u00fcrich \u2014 {LEAD}"
    assert "\ufeff" not in article.text and "\ufeff" not in article.title


def test_too_large_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(20 * 1024 * 1024)  # sparse: instant to write
    assert error_of(str(path)) == "file too large (20.0 MB; articles over 4 MB are refused)"


def test_too_large_stdin_data():
    assert error_of("-", b"a" * (MAX_BYTES + 1)).startswith("input too large")


def test_one_long_line_under_the_limit_loads_quickly(tmp_path):
    sentence = "The ferry left the harbour at dawn and the crew counted the crates. "
    data = (sentence * ((MAX_BYTES - 4096) // len(sentence))).encode()
    assert len(data) < MAX_BYTES
    path = tmp_path / "long.txt"
    path.write_bytes(data)
    article = load(str(path))
    assert article.title == "The ferry left the harbour at dawn and the crew counted the crates"
    assert "\n" not in article.text and len(article.text) > 4_000_000


def test_error_message_is_one_safe_line():
    err = IngestError("evil\x1b]52;c;aGk=\x07name\n.txt", "binary file, not text")
    text = str(err)
    assert "\x1b" not in text and "\x07" not in text and "\n" not in text
    assert text == "evil\\x1b]52;c;aGk=\\x07name\\x0a.txt: binary file, not text"
    assert (err.source, err.reason) == ("evil\x1b]52;c;aGk=\x07name\n.txt", "binary file, not text")


def test_error_with_undecodable_file_name_prints():
    err = IngestError("bad\udcff.txt", "empty file: no article text")
    str(err).encode("utf-8")  # no lone surrogate left to blow up a print()
