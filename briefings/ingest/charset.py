"""Which character encoding a page is in: what it declares first, detection second.

Browsers read a Byte Order Mark first, then the HTTP ``Content-Type`` charset, then
``<meta charset>`` / ``<meta http-equiv="Content-Type">`` or an XML prolog near the top.
We do the same, with two guards real pages need: a declaration that does not fit
the bytes (a page saying "iso-8859-1" that is really UTF-8) is not believed, and
labels are read as the WHATWG Encoding Standard reads them ("iso-8859-1" and
"ascii" mean windows-1252, "x-sjis" is Shift_JIS). Undeclared bytes that are not
UTF-8 go to charset-normalizer; when it cannot tell (or says some Latin code page
for mostly-ASCII English), windows-1252 is assumed, as it was before.
"""

from __future__ import annotations

import codecs
import re

# Where a declaration can be: browsers look at the first 1024 bytes; some CMSs put
# a long <head> first, so we look a little further.
_PRESCAN = 4096
_META = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_:.()+-]{1,40})", re.I)
_PROLOG = re.compile(rb"<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9_.:-]{1,40})[\"']", re.I)
_HEADER = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.()+-]{1,40})", re.I)
# WHATWG label aliases Python spells differently, or maps to a superset.
_ALIASES = {
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso_8859-1": "cp1252", "iso8859-1": "cp1252", "windows-1252": "cp1252",
    "x-sjis": "shift_jis", "shift-jis": "shift_jis", "sjis": "shift_jis", "ms_kanji": "shift_jis",
    "windows-31j": "cp932", "x-euc-jp": "euc_jp", "ks_c_5601-1987": "euc_kr", "korean": "euc_kr",
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "iso-8859-9": "cp1254",
    "tis-620": "cp874", "iso-8859-11": "cp874", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
    "x-mac-roman": "mac_roman", "koi8-u": "koi8_u", "koi8": "koi8_r", "koi": "koi8_r",
}
# Codecs whose guess we do not trust over windows-1252 for a page that is mostly ASCII.
_LATIN = frozenset({"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman", "cp850",
                    "cp437", "iso8859_9", "cp1254", "cp1257", "iso8859_4", "iso8859_13", "cp858",
                    "mac_latin2", "cp1258", "iso8859_10", "iso8859_14", "iso8859_16", "ascii"})
_HIGH = bytes(range(0x80, 0x100))
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_UTF16_32 = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
             (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def codec_for(label: str | bytes | None) -> str | None:
    """The Python codec for an encoding label, or None if the label is unknown."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # UTF-16/32 declared in an 8-bit page is a lie (the meta tag itself was readable as ASCII).
    return None if name.startswith(("utf-16", "utf-32")) else name


def bom_codec(data: bytes) -> str | None:
    """The codec a Byte Order Mark names (UTF-32 first: its LE BOM starts with UTF-16's)."""
    for bom, codec in _UTF16_32:
        if data.startswith(bom):
            return codec
    return "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else None


def declared(data: bytes, header: str | None = None) -> str | None:
    """The codec the page declares: HTTP ``Content-Type`` header, then meta/http-equiv, then XML prolog."""
    if header:
        m = _HEADER.search(header)
        codec = codec_for(m.group(1)) if m else None
        if codec:
            return codec
    head = data[:_PRESCAN]
    for pattern in (_META, _PROLOG):
        m = pattern.search(head)
        codec = codec_for(m.group(1)) if m else None
        if codec:
            return codec
    return None


def _fits(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _is_utf8_with_multibyte(data: bytes) -> bool:
    """Valid UTF-8 that has non-ASCII characters: that does not happen by accident in any 8-bit page."""
    return not data.isascii() and _fits(data, "utf-8")


def detect(data: bytes) -> str | None:
    """charset-normalizer's verdict on undeclared, non-UTF-8 bytes; None when it is unsure."""
    from charset_normalizer import from_bytes

    high = len(data) - len(data.translate(None, _HIGH))
    if high * 30 < len(data):
        return None  # a few accented letters in English: any guess is noise, windows-1252 is the best bet
    best = from_bytes(data[:1 << 20]).best()  # a megabyte says as much as four, in a quarter of the time
    if best is None:
        return None
    codec = codec_for(best.encoding)
    if codec is None or codec in _LATIN or codec.startswith(("cp4", "cp8", "cp11", "mac_")) or not _fits(data, codec):
        return None
    return codec


def choose(data: bytes, header: str | None = None) -> str | None:
    """The codec to read ``data`` with, or None for "UTF-8, its stray bytes as windows-1252"
    (and all of it windows-1252 if it is not mostly UTF-8)."""
    bom = bom_codec(data)
    if bom:
        return bom
    codec = declared(data, header)
    if codec == "utf-8":
        return None if _fits(data, codec) or mostly_utf8(data) else detect(data)
    if codec:
        # A wrong declaration (the CMS says latin-1, the bytes are UTF-8) loses to bytes that prove it wrong.
        return "utf-8" if _is_utf8_with_multibyte(data) else codec
    if data.isascii() or _fits(data, "utf-8") or mostly_utf8(data):
        return None
    return detect(data)


def mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes (pasted from elsewhere): most high bytes sit in UTF-8 sequences."""
    high = len(data) - len(data.translate(None, _HIGH))
    in_sequences = len(data) - len(_UTF8_SEQ.sub(b"", data))
    return in_sequences * 2 > high
