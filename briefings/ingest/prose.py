"""Is this text an article at all? Refuse junk with a reason a person understands.

An article, however short, has sentences of prose: runs of several words, most of them
written in lower case (function words, verbs), ending in punctuation. The verdict counts
that positive evidence and refuses only when it is absent, or overwhelmed by a strong
sign of something else:

- placeholder text: most of the words are lorem ipsum vocabulary;
- source code: most lines are statements, declarations or comments, and the prose
  (comments, docstrings) is a small share of the text;
- a data table or log: most lines are delimited rows, JSON members or timestamped entries.

Length alone never decides: "Police said a man, 41, was hurt on Main Street on Friday."
is an article. ``python -m briefings.ingest.junkcheck DIR...`` runs the rule over real
articles and lists every refusal: that count must stay 0.
"""

from __future__ import annotations

import re

__all__ = ["junk_reason", "NOT_AN_ARTICLE"]

NOT_AN_ARTICLE = "not an article"
MIN_WORDS = 3          # words in a sentence of prose: "The quay reopened." is one, "Hello world." is not
MIN_RUN_WORDS = 8      # words in a run of prose without end punctuation (a headline, a caption)
LOREM_SHARE = 0.3      # share of the words from lorem ipsum that makes a text placeholder
OVERWHELM = 0.5        # share of lines that are code (or data) that outweighs some prose...
PROSE_ENOUGH = 0.5     # ...unless sentences of prose cover this share of the text's characters

_LOREM = frozenset(
    "lorem ipsum dolor sit amet consectetur adipiscing adipisicing elit sed do eiusmod tempor "
    "incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation "
    "ullamco laboris nisi aliquip ex ea commodo consequat duis aute irure reprehenderit "
    "voluptate velit esse cillum fugiat nulla pariatur excepteur sint occaecat cupidatat non "
    "proident sunt culpa qui officia deserunt mollit anim id est laborum".split())
# A sentence ends at . ! ? … (maybe closed by a quote or bracket) before a space or the end;
# in scripts without spaces between words, at 。！？.
# (Only at the start of a run of marks: a long run of dots is scanned once, not once per dot.)
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s|$)|[。！？]")
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’.-][^\W\d_]+)*")
_TOKEN = re.compile(r"\S+")
# Han, kana, Hangul, Thai and the like: a sentence has no spaces, so characters stand in for words.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
MIN_UNSPACED_CHARS = 10

# What only a line of code looks like: a comment leader, a declaration or statement keyword
# followed by code syntax, an assignment, a call on its own (matched at the start of the line),
# or a brace or semicolon at its end (CODE_ENDINGS).
_CODE_LINE = re.compile(r"""
    ^\s*(?:\#!|\#\s*include\b|\#\s*define\b|//|/\*|\*/|<\?php|\#\s*-\*-)
  | ^\s*(?:def|class|fn|func|function|struct|enum|interface|impl|package)\s+\w+\s*[(:{<\[]
  | ^\s*(?:import\s+[\w.{*]|from\s+[\w.]+\s+import\s|using\s+[\w.]+;|require\(|use\s+[\w:]+;)
  | ^\s*(?:const|let|var|int|char|float|double|bool|auto|val|my)\s+[\w*&\[\]]+\s*(?:=|;|:)
  | ^\s*(?:return|raise|throw|yield|await|echo|print|printf|console\.log)\b[^.!?]*[;)]?\s*$
  | ^\s*(?:if|elif|else|for|while|with|try|except|finally|switch|case|catch|do)\b[^.!?]*[:{]\s*$
  | ^\s*(?:fi|done|esac|end|endif|then|else|pass|break|continue)\s*;?\s*$
  | ^\s*[\w.\[\]'"]+\s*(?:[-+*/%|&^]|<<|>>|\*\*|//)?=(?!=)\s*[^\s=]
  | ^\s*[\w.:]+\([^()]*(?:\([^()]*\)[^()]*)*\)\s*;?\s*$
  | ^\s*[}\])]+[,;]?\s*$
  | ^\s*\#\s*\S
    """, re.X)
# What only a row of data looks like: a timestamp or log level first, a JSON/YAML member,
# or (checked separately) the same count of tab/pipe/semicolon/comma separators as its neighbours.
_DATA_LINE = re.compile(r"""
    ^\s*\[?\d{4}-\d\d-\d\d[ T]\d\d:\d\d
  | ^\s*\[?\d\d:\d\d:\d\d
  | ^\s*\[?(?:DEBUG|INFO|WARN|WARNING|ERROR|FATAL|TRACE)\b[\]:]?
  | ^\s*\d{1,3}(?:\.\d{1,3}){3}\s+\S
  | ^\s*"[^"]+"\s*:\s*\S
  | ^\s*[{\[]\s*$ | ^\s*[}\]]\s*,?\s*$
    """, re.X)
_SEPARATORS = ("\t", "|", ";", ",")
CODE_ENDINGS = (";", "{", "}")
JUDGED_CHARS = 65536  # the verdict reads this much: what a text is shows long before 64 KB
LONG_LINE = 1000  # characters: no line of code or data row is longer; a paragraph of prose can be


_NO_PROSE = f"{NOT_AN_ARTICLE}: no sentences of prose"


def _is_code(line: str) -> bool:
    return len(line) <= LONG_LINE and (line.rstrip().endswith(CODE_ENDINGS) or _CODE_LINE.match(line) is not None)


def _is_data(line: str) -> bool:
    return len(line) <= LONG_LINE and _DATA_LINE.match(line) is not None


def _is_prose(sentence: str, min_words: int, min_lower: int) -> bool:
    """>= min_words tokens, at least half of them words (not numbers or symbols), min_lower of them
    not capitalised (a list of Capitalised Tags is not prose); or enough characters of an unspaced
    script. "It costs about 8 or $9." is a sentence, "Hello world." is not."""
    if len(_UNSPACED.findall(sentence)) >= MIN_UNSPACED_CHARS:
        return True
    tokens = _TOKEN.findall(sentence)
    # A word is a token mostly made of letters ("41," and "$3.5m" are not words, "Friday." is).
    words = [m.group() for m in map(_WORD.search, tokens) if m and len(m.group()) * 2 >= len(m.string)]
    if len(tokens) < min_words or len(words) * 2 < len(tokens):
        return False
    # Lower-case words carry the grammar; all-capitals wire copy has none and is prose too.
    return sum(not w[0].isupper() for w in words) >= min_lower or sentence.upper() == sentence


def _prose_sentences(line: str) -> list[str]:
    """The sentences of prose on one line. A run that ends without punctuation (a headline, a
    caption, a paragraph cut short) counts when it is longer: MIN_RUN_WORDS, 3 in lower case."""
    found, start = [], 0
    for end in _SENTENCE_END.finditer(line):
        sentence = line[start:end.end()].strip()
        start = end.end()
        if _is_prose(sentence, MIN_WORDS, 2):
            found.append(sentence)
    rest = line[start:].strip()
    if rest and _is_prose(rest, MIN_RUN_WORDS, 3):
        found.append(rest)
    return found


def _separated_rows(lines: list[str]) -> set[int]:
    """Lines with 2+ separators of one kind, the same count as the line before or after (a table);
    comma-separated lines that end like a sentence are prose listing things, not rows."""
    rows: set[int] = set()
    for sep in _SEPARATORS:
        counts = [line.count(sep) for line in lines]
        for i, n in enumerate(counts):
            if n >= 2 and ((i and counts[i - 1] == n) or (i + 1 < len(counts) and counts[i + 1] == n)):
                if sep != "," or not lines[i].rstrip().endswith((".", "!", "?", '"', "”")):
                    rows.add(i)
    return rows


def junk_reason(text: str) -> str | None:
    """None for an article; otherwise why it is not one, e.g. "not an article: looks like source code"."""
    text = text[:JUDGED_CHARS]
    words = [w.lower() for w in _WORD.findall(text)]
    if words and sum(w in _LOREM for w in words) >= LOREM_SHARE * len(words):
        return f"{NOT_AN_ARTICLE}: placeholder text (lorem ipsum)"
    lines = [line for line in text.splitlines() if line.strip()]
    code = [_is_code(line) for line in lines]
    rows = _separated_rows(lines)
    data = [_is_data(line) or i in rows for i, line in enumerate(lines)]
    code_share = sum(code) / len(lines) if lines else 0.0
    data_share = sum(data) / len(lines) if lines else 0.0
    # Comments and log messages read as sentences: prose is only counted outside code and data lines.
    prose_lines = (line for line, c, d in zip(lines, code, data) if not (c or d))
    if max(code_share, data_share) < OVERWHELM:
        # Code and data do not outweigh it, so one sentence of prose makes an article: stop at the
        # first (reading every sentence of every article cost a tenth of ingest + extraction).
        if any(_prose_sentences(line) for line in prose_lines):
            return None
    else:
        prose = [s for line in prose_lines for s in _prose_sentences(line)]
        size = sum(len(line.strip()) for line in lines) or 1
        if prose and sum(map(len, prose)) / size >= PROSE_ENOUGH:
            return None
    if code_share >= data_share and code_share >= 0.3:
        return f"{NOT_AN_ARTICLE}: looks like source code"
    if data_share >= 0.3:
        return f"{NOT_AN_ARTICLE}: looks like a data table or log"
    return _NO_PROSE

