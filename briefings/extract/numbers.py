"""Finding numbers as news writes them, and reading their value.

Digits ("41", "1,400", "1.2 million", "$69bn", "30%"), number words
("three", "twenty-five", "two hundred"), and vague quantities ("dozens",
"tens of thousands"), each with an optional qualifier ("more than", "at
least"). Values of vague quantities are their lower bound.
"""

from __future__ import annotations

import re

from .lexicon import QUALIFIERS, SCALES, TENS, UNITS, VAGUE

_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TENS_WORDS = "|".join(TENS)
WORDNUM = (rf"(?:(?:{_TENS_WORDS})(?:[-\s](?:{_UNIT_WORDS}))?|{_UNIT_WORDS})"
           rf"(?:\s+(?:hundred|thousand|million|billion))?")
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CURRENCY = r"(?:US\$|A\$|C\$|NZ\$|HK\$|\$|£|€|¥|₹)"
_QUALS = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))

NUMBER_RE = re.compile(
    rf"(?<![\w$£€.,\-])(?:(?P<qual>{_QUALS})\s+)?(?:(?P<cur>{CURRENCY})\s?)?"
    rf"(?P<num>{DIGITS}|(?:{_VAGUE}|{WORDNUM})(?![\w\-]))"
    rf"(?P<scale>\s?(?:trillion|billion|million|thousand|bn|mn|tn|m|k)(?![\w]))?"
    rf"(?P<pct>\s?(?:%|per\s?cent\b|percent\b))?",
    re.I,
)


def word_value(words: str) -> float | None:
    """Value of a number in words: "twenty-five" -> 25, "two hundred" -> 200."""
    w = words.lower().strip()
    if w in VAGUE:
        return float(VAGUE[w])
    total, current = 0, 0
    for part in re.split(r"[\s\-]+", w):
        if part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part in SCALES and part not in ("m", "k", "bn", "mn", "tn"):
            total += max(current, 1) * SCALES[part]
            current = 0
        elif part == "and":
            continue
        else:
            return None
    return float(total + current)


def value_of(m: re.Match[str]) -> float | None:
    """The number a :data:`NUMBER_RE` match stands for (scale applied, percent as is)."""
    num = m.group("num")
    if num[0].isdigit():
        value = float(num.replace(",", ""))
    else:
        v = word_value(num)
        if v is None:
            return None
        value = v
    scale = (m.group("scale") or "").strip().lower()
    if scale:
        if scale in ("m", "k") and not m.group("cur"):
            return None  # "100m" is a distance, "5k" a race: only money takes these suffixes
        value *= SCALES[scale]
    return value


def is_money(m: re.Match[str]) -> bool:
    return bool(m.group("cur"))


def is_percent(m: re.Match[str]) -> bool:
    return bool(m.group("pct"))
