"""Bytes in, text out: bounded reading, binary sniffing and encoding detection.

Everything here fails with :class:`IngestError`, whose message is one
terminal-safe line that starts with the source, so the CLI can print it as is.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from typing import BinaryIO

from ..readfile import kind_of, nonblocking, read_capped
from . import charset

MAX_BYTES = 4 * 1024 * 1024

# Checked in order; ZIP-based office formats are told apart below.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"), (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"), (b"GIF89a", "GIF image"), (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"), (b"PK\x05\x06", "ZIP archive"), (b"\x1f\x8b", "gzip archive"),
    (b"\x7fELF", "ELF executable"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"), (b"\xfd7zXZ\x00", "xz archive"),
    (b"Rar!\x1a\x07", "RAR archive"), (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00asm", "WebAssembly module"), (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"), (b"OggS\x00", "Ogg media"), (b"fLaC\x00", "FLAC audio"),
    (b"ID3\x03\x00", "MP3 audio"), (b"ID3\x04\x00", "MP3 audio"), (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)
# Control bytes that never occur in text; ESC is left out because escape
# sequences are stripped later, and \t \n \v \f \r are ordinary whitespace.
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
# Characters that could drive or spoof a terminal if printed raw.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")


def _cp1252(err: UnicodeError) -> tuple[str | bytes, int]:
    """Decode the offending bytes as Windows-1252; its five holes map as Latin-1 (as browsers do)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    chunk = err.object[err.start:err.end]
    return "".join(bytes([b]).decode("cp1252", "ignore") or chr(b) for b in chunk), err.end


codecs.register_error("briefing-cp1252", _cp1252)


def printable(text: str) -> str:
    """``text`` with control, bidi and surrogate characters escaped, safe to print."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


class IngestError(Exception):
    """An input that cannot become an article; ``str()`` is ``"source: reason"`` on one line."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{printable(self.source)}: {printable(self.reason)}"


def os_reason(err: OSError) -> str:
    """The OS error in plain words: "permission denied", not "[Errno 13] Permission denied: 'x'"."""
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    words = err.strerror or (os.strerror(err.errno) if err.errno else type(err).__name__)
    return words[:1].lower() + words[1:]


def too_large(source: str, size: int | None) -> IngestError:
    limit = f"articles over {MAX_BYTES // 2**20} MB are refused"
    what = "input" if source == "-" else "file"
    shown = f"{size / 2**20:.1f} MB" if size is not None else f"over {MAX_BYTES // 2**20} MB"
    return IngestError(source, f"{what} too large ({shown}; {limit})")


def read_stream(stream: BinaryIO, source: str = "-", size: int | None = None) -> bytes:
    """Read at most ``MAX_BYTES + 1`` bytes, so a huge input is refused without loading it whole."""
    data = read_capped(stream.read, MAX_BYTES)
    if len(data) > MAX_BYTES:
        raise too_large(source, size if size and size > MAX_BYTES else None)
    return data


def read_file(path: str) -> bytes:
    """The bytes of the file at ``path``; OS failures become plain-word :class:`IngestError`."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; then only a regular file is read
        # (a FIFO, a device such as /dev/zero behind a symlink, a socket are refused unread).
        with open(path, "rb", opener=nonblocking) as f:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise IngestError(path, f"is {kind_of(st.st_mode)}, not a regular file")
            return read_stream(f, path, st.st_size)
    except IsADirectoryError:
        raise IngestError(path, "is a directory") from None
    except OSError as err:
        raise IngestError(path, os_reason(err)) from None


def binary_kind(data: bytes) -> str | None:
    """A name for well-known binary formats recognised by their magic numbers, else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if name == "ZIP archive" and b"word/" in data[:4096]:
                return "Word document"
            return name
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}[data[8:12]]
    if data[:1] == b"\x00" and data[4:8] == b"ftyp":
        return "MP4 media"
    return None


def decode(data: bytes, source: str, content_type: str | None = None) -> str:
    """Decode article bytes: a BOM, else the declared charset (``content_type`` is the HTTP
    header, then ``<meta charset>``/XML prolog), else UTF-8, else detection, else Windows-1252."""
    if not data.strip():
        raise IngestError(source, "empty file: no article text")
    kind = binary_kind(data)
    if kind:
        raise IngestError(source, f"binary file ({kind}), not an article")
    codec = charset.choose(data, content_type)
    if codec in ("utf-16", "utf-32"):
        # A damaged unit should cost one character, not the article.
        text = data.decode(codec, "replace")
    else:
        controls = len(data) - len(data.translate(None, _CONTROL))
        if b"\x00" in data or controls * 10 > len(data):
            raise IngestError(source, "binary file, not text")
        if codec is None:
            text = _decode_8bit(data)
        else:  # undefined bytes of a declared code page cost one character each, not the page
            text = data.decode(codec, "briefing-cp1252" if codec == "cp1252" else "replace")
    if not text.strip():
        raise IngestError(source, "empty file: no article text")
    return text.removeprefix("\ufeff")


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Mostly-UTF-8 with a few stray bytes (pasted from elsewhere) keeps its UTF-8;
    # only the stray bytes are read as Windows-1252. Otherwise the whole file is 1252.
    if charset.mostly_utf8(data):
        return data.decode("utf-8-sig", "briefing-cp1252")
    return data.decode("cp1252", "briefing-cp1252")
