"""Text cleaning shared by every input kind: safe characters, paragraphs, no page furniture, a title.

The cleaned text is what every extracted span points into, so it must be
stable (same input, same text) and free of anything a terminal would execute.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime
from email.utils import parsedate_to_datetime

# Terminal escape sequences, removed whole so no "[2J" or base64 payload is left behind:
# OSC/DCS/SOS/PM/APC strings (to their terminator, or the end of the line if unterminated),
# CSI sequences (a truncated one too), then the short two- and three-character escapes.
# An 8-bit CSI (U+009B) with parameters goes whole too, so "\x9b31m" leaves no "31m"; it needs
# a parameter so a lone U+009B before a word ("\x9b to") does not take a letter with it. Other
# lone 8-bit C1 characters are simply dropped with the other controls (a stray Windows-1252
# byte decodes to one, and must not take the rest of its line with it).
_ESCAPES = re.compile(r"\x1b[\]P^_X][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]?|\x1b[ -/]*[0-~]"
                      r"|\x9b[0-?]+[@-~]")
# C0/C1 controls (newline is kept, tab was made a space), DEL, bidi embeddings and
# overrides (they reorder what the reader sees), stray BOMs and lone surrogates.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_SPACES = re.compile("[ \u00a0\u2000-\u200a\u202f\u205f]+")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028]")
# Characters that show nothing: a paragraph of only these is not text (a file of zero-width
# spaces is as empty as a blank one). Soft hyphen, zero-width and bidi marks, word joiner and
# invisible operators, combining grapheme joiner, Hangul fillers, braille blank, variation
# selectors and tag characters; \s covers the visible-width spaces.
_INVISIBLE = re.compile("[\\s\u00ad\u034f\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u2800\u3164"
                        "\ufe00-\ufe0f\uffa0\U000e0000-\U000e01ef]*")
# Runs of combining marks longer than this are cut before NFC (see _nfc); UAX #15's
# stream-safe text format uses the same bound, and no script stacks more on one letter.
MAX_MARKS = 30

# Standalone furniture that can sit anywhere between paragraphs.
_ANYWHERE = re.compile(
    r"(?:skip |story continues below )?advertisement|share(?: this(?: article| story| page)?)?"
    r"|(?:image|media) (?:source|caption)(?:\s*[,:].*)?", re.I)
# Lines that open (or are) the block of furniture at the end of a page.
_TAIL = re.compile(
    r"follow us(?: on)?\b.*|share (?:this|on)\b.*|related(?: topics| articles| stories| content"
    r"| coverage| links)?(?:\s*:.*)?|read more\b.*|more on this (?:story|topic)\b.*"
    r"|sign up (?:for|to)\b.*newsletter.*|(?:copyright\b|\u00a9|\(c\) \d{4}).*"
    r"|.{0,80}\ball rights reserved\.?|click here to\b.*|topics:?", re.I)
# "KESTREL PORT, Valdoria (Wire) —" / "KESTREL PORT (Wire) -": a place in capitals, then a dash.
_DATELINE = re.compile(r"[A-Z][A-Z .'\u2019-]*[A-Z](?:,[^!?\n]{0,60}?|\s*\([^)]{1,40}\))?"
                       r"(?:\s*[\u2014\u2013]|\s+--?(?=\s|$))")
_CAPS_COMMA = re.compile(r"[A-Z][A-Z .'\u2019-]*[A-Z],")
_ENDINGS = tuple(".!?:\"'\u201d\u2019\u00bb")  # a sentence, or a closing quote
_DASHES = ("-", "\u2014", "\u2013")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen col lt sgt capt rev prof gov sen rep no vs jr sr inc ltd co corp mt ft"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split())


@functools.cache
def _mark_runs() -> re.Pattern[str]:
    """Runs of more than MAX_MARKS non-starters: characters of a non-zero combining class, or
    whose decomposition starts with one (U+0F73). Built from this Python's Unicode data, once."""
    marks = [c for c in range(0x300, 0x1F000) if unicodedata.combining(chr(c))
             or unicodedata.decomposition(chr(c))[:1] not in ("", "<")
             and unicodedata.combining(unicodedata.normalize("NFD", chr(c))[0])]
    ranges: list[list[int]] = []
    for c in marks:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    cls = "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return re.compile(f"[{cls}]{{{MAX_MARKS + 1},}}")


def _nfc(text: str) -> str:
    """NFC in linear time.

    CPython reorders a run of combining marks by insertion, so NFC of one letter under a
    million out-of-order marks ("Zalgo" text, 4 MB) takes an hour. Text that is already NFC
    (nearly every article) is returned as is; otherwise each overlong run keeps its first
    MAX_MARKS marks, which also keeps the stack from smearing over the lines around it.
    """
    if unicodedata.is_normalized("NFC", text):
        return text
    text = _mark_runs().sub(lambda m: m[0][:MAX_MARKS], text)
    return unicodedata.normalize("NFC", text)


def strip_escapes(raw: str) -> str:
    """``raw`` without terminal escape sequences (whole: no "[2J" left behind)."""
    return _ESCAPES.sub("", raw)


def normalize(raw: str) -> str:
    """Safe, NFC text with one space between words, trimmed lines and ``\\n`` line ends."""
    text = _LINE_BREAKS.sub("\n", raw).replace("\u2029", "\n\n").replace("\t", " ")
    # A soft hyphen is a line-breaking hint, not text: left in, it splits "Hig\u00adgins" into two words.
    text = _CONTROLS.sub("", _ESCAPES.sub("", text)).replace("\u00ad", "")
    text = _nfc(text)
    return "\n".join(line.strip() for line in _SPACES.sub(" ", text).split("\n"))


def clean_line(raw: str) -> str:
    """One line of clean text (for titles and metadata)."""
    return " ".join(normalize(raw).split())


def paragraphs(text: str) -> list[str]:
    """Split normalized text: blank lines separate paragraphs (single newlines are hard wraps)
    when there are any; otherwise every line is a paragraph."""
    if "\n\n" in text:
        blocks = [" ".join(block.split("\n")) for block in text.split("\n\n")]
    else:
        blocks = text.split("\n")
    return [p for p in (b.strip() for b in blocks) if not invisible(p)]


def invisible(text: str) -> bool:
    """True if ``text`` shows nothing: empty, or only spaces and zero-width characters."""
    return _INVISIBLE.fullmatch(text) is not None


def _short(p: str, words: int = 12) -> bool:
    return len(p) <= words * 10 and len(p.split()) <= words


def drop_boilerplate(paras: list[str]) -> list[str]:
    """Remove share/advert/caption lines anywhere and the furniture block at the end."""
    kept = [p for p in paras if not (_short(p, 40) and _ANYWHERE.fullmatch(p))]
    # Walk back from the end: a tail marker cuts there; short link-like items (headlines
    # under "Related", network names under "Follow us") go only if a marker sits above them.
    # The first paragraph is never cut: a one-line "Read more..." article is still an article.
    cut = end = len(kept)
    while end > 1:
        p = kept[end - 1]
        if _short(p, 25) and _TAIL.fullmatch(p):
            cut = end - 1
        elif not _short(p) or p.endswith(_ENDINGS):
            break
        end -= 1
    return kept[:cut]


def _is_headline(p: str) -> bool:
    """Short, not a sentence, not a dateline."""
    return (_short(p, 14) and not p.endswith(_ENDINGS) and not p.endswith(_DASHES)
            and not _CAPS_COMMA.match(p))


def _first_sentence(p: str) -> str:
    for m in re.finditer(r"[.!?][\"'\u201d\u2019)]*(?=\s|$)", p[:400]):
        before = p[:m.start()].split()
        word = before[-1].lstrip("(\"'\u201c\u2018") if before else ""
        if word.lower() in _ABBREVIATIONS or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word):
            continue  # "Mr." or "U.S." does not end a sentence
        return p[:m.end()]
    return p[:400]


def derive_title(paras: list[str], limit: int = 70) -> str:
    """A title from the lead: its first sentence, cut at a word near ``limit`` chars, no full stop."""
    lead = next((p for p in paras if len(p) > 120 or not _DATELINE.fullmatch(p)), paras[0] if paras else "")
    lead = lead[:500]  # a title needs only the start; keeps the regexes cheap on huge paragraphs
    dateline = _DATELINE.match(lead)
    if dateline:  # the place is not the news
        lead = lead[dateline.end():].lstrip() or lead
    sentence = _first_sentence(lead).strip()
    if len(sentence) <= limit:
        return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence
    head = sentence[:limit + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head else sentence[:limit]
    return cut.rstrip(" ,;:.\u2014\u2013-") + "\u2026"


def clean_article(text: str, title: str | None = None) -> tuple[str, str]:
    """Clean ``text`` and settle its title; returns ``(title, text)``.

    The headline stays the first paragraph of the text, whatever the format,
    so the source pane shows the article as published and a figure given
    only in the headline ("one dead, three hurt") has evidence to point at.
    Without a ``title`` from the format, a short first paragraph that does not
    read like a sentence is the headline; else a title is derived from the lead.
    """
    paras = drop_boilerplate(paragraphs(normalize(text)))
    # A title from the format (h1, "# ...", <title>) is taken as given; its heading is already in the text.
    title = clean_line(title) if title else ""
    if not title:
        title = paras[0] if len(paras) > 1 and _is_headline(paras[0]) else derive_title(paras)
    return title, "\n\n".join(paras)


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from ISO timestamps, ``2026/3/14``, ``20260314``, RFC 2822 or "14 March 2026"."""
    value = " ".join((value or "").split())[:100]
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|(\d{4})(\d{2})(\d{2})(?!\d)", value)
    if m:
        y, mo, d = (int(g) for g in m.groups() if g is not None)
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            return None
    for fmt in ("%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
