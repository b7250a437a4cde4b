"""Person names across briefings: one key per person however the name is written.

"Mr Biden", "President Biden" and "Joe Biden" share the surname key ``biden``;
"Joe Biden" and "J. Biden" also share the first initial. Keys are casefolded and
stripped of accents, so "Zoë" and "Zoe" match.
"""

from __future__ import annotations

import unicodedata

from ..extract.lexicon import HONORIFICS, TITLE_WORDS

# Occupations that open a name at the start of a sentence ("Geologist Anton Rusk said").
OCCUPATIONS = frozenset("""geologist rescuer coordinator operator inspector miner engineer spokesman spokeswoman
official officer minister mayor governor judge chief president senator economist analyst professor doctor
nurse witness resident teacher driver survivor""".split())
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def fold(text: str) -> str:
    """Casefolded, accents removed, curly apostrophes straightened."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def clean_name(raw: str) -> tuple[str, str | None]:
    """``(name, role)``: honorifics dropped, leading title words moved to the role."""
    tokens = raw.replace("\u2019s", "").split()
    role: list[str] = []
    while len(tokens) > 1 and (fold(tokens[0]).rstrip(".") in HONORIFICS or fold(tokens[0]).rstrip(".") in TITLE_WORDS
                               or fold(tokens[0]) in OCCUPATIONS):
        word = tokens.pop(0)
        if fold(word).rstrip(".") not in HONORIFICS:
            role.append(word)
    while len(tokens) > 1 and fold(tokens[-1]) in SUFFIXES:
        tokens.pop()
    if not tokens or not tokens[-1][:1].isupper():
        return "", None
    return " ".join(tokens), " ".join(role) or None


def surname(name: str) -> str:
    return fold(name.split()[-1]) if name.split() else ""


def first_name(name: str) -> str:
    """The first given name, or "" for a surname alone."""
    parts = name.split()
    return fold(parts[0]).rstrip(".") if len(parts) > 1 else ""


def name_key(name: str) -> str:
    """``surname|first`` (``surname|`` for a surname alone): one person within one briefing."""
    return f"{surname(name)}|{first_name(name)}"


def same_person(a: str, b: str) -> bool:
    """Could two first names (or initials) be the same person? An empty one matches any."""
    if not a or not b:
        return True
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def is_role(text: str) -> bool:
    """A role names an office or occupation ("Fire Chief", "a retired judge"), not "Relatives"."""
    return any(fold(w).rstrip(".") in TITLE_WORDS or fold(w) in OCCUPATIONS for w in text.split())
