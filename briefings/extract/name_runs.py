"""What a capitalised run says by itself (:mod:`names` registers the article's people from it).

A run such as "US Defence Secretary Lloyd Austin" is split into a role ("US Defence Secretary") and a
name ("Lloyd Austin"); whether it can be a person's name, and whether a title confirms it, depends on
its text alone, so these functions are memoised (bounded caches: runs recur through an article).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import HONORIFICS, NON_PERSON, NOT_FIRST_NAMES, SPEECH, TITLE_WORDS

PARTICLES = frozenset("de da van von der den bin al el la le du dos ibn di ter".split())
# A capitalised word; a full stop belongs to it only for an initial or a title ("J.", "Sgt."), so a
# run never swallows a sentence end ("the BBC. He said").
TOKEN = (r"(?:(?:Mr|Mrs|Ms|Dr|St|Sgt|Lt|Gen|Col|Capt|Cpl|Gov|Sen|Rep|Prof|Rev|Det|Insp|Supt|Jr|Sr)\.|"
         r"[A-Z]\.(?=[ \t]+[A-Z])|[A-Z][\w\u2019'\-]*)")
# The look-ahead says what every TOKEN starts with, so a search jumps from capital to capital (twice as fast).
RUN = re.compile(rf"(?=[A-Z]){TOKEN}(?:[ \t]+(?:(?:{'|'.join(PARTICLES)}|of|for|and)[ \t]+)?{TOKEN})*")
_LETTERS = re.compile(r"[A-Za-z\-]+")


def _lower_title(text: str, start: int) -> str | None:
    """ "senior coroner" in "senior coroner Helen Marsh": up to three words ending in a title word."""
    if start == 0 or not text[start - 1].isspace():
        return None  # after a quote mark, a bracket or at the start: no title word before it
    chunk = text[max(0, start - 40):start]
    words = chunk.split()
    if not words:
        return None
    last = words[-1][:-1] if words[-1].endswith(",") else words[-1]
    if not (last[:1].islower() and len(last) > 3 and last.lower() in TITLE_WORDS and _LETTERS.fullmatch(last)):
        return None
    lead: list[str] = []
    for w in reversed(words[:-1][-2:]):  # up to two plain words before it, none ending a clause
        if not _LETTERS.fullmatch(w):
            break
        lead.insert(0, w)
    return " ".join([*lead, words[-1]]).rstrip(",")


# What after a capitalised run shows it is a person: an age, a speech verb (also past an
# apposition: "Lee Finell, health manager with the dairy board, said"), or an apposition.
CONFIRMING = re.compile(rf",? (?:\d{{1,3}}\b|aged \d|\(\d)|,? (?:{SPEECH})\b|, (?:who|whose|a|an|the|of)\b"
                        rf"|,[^,.;:\"\u201c\u201d]{{1,120}}, (?:{SPEECH})\b")
POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


def _key(token: str) -> str:
    return token.lower().rstrip(".")


# A single capitalised word that can never be a person's name by itself.
_NEVER_ALONE = NON_PERSON | TITLE_WORDS | HONORIFICS


# Titles whose bare word is also a name ("Del Harris"): a title only when abbreviated ("Del. Ann Ruiz", a delegate).
DOTTED_TITLES = frozenset(("Del.",))


def split_role_name(tokens: list[str]) -> tuple[str | None, list[str]]:
    """Split trailing name tokens from the title words before them."""
    role, name = _split_role_name(tuple(tokens))
    return role, list(name)


# Memoised: a run such as "Donald Trump" recurs many times in an article and across articles, and the
# split is a pure function of its tokens. Bounded, so a text of endless distinct runs stays in memory bounds.
@lru_cache(maxsize=8192)
def _split_role_name(tokens: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    name: list[str] = []  # collected backwards, then reversed: linear on any run length
    i = len(tokens)
    while i > 0:
        t = tokens[i - 1]
        k = _key(t)
        if k in TITLE_WORDS or k in HONORIFICS or t in DOTTED_TITLES or not (t[:1].isupper() or k in PARTICLES):
            break
        name.append(t)
        i -= 1
    name.reverse()
    while name and _key(name[0]) in PARTICLES:
        name.pop(0)
        i += 1
    role_tokens = [t for t in tokens[:i] if _key(t) not in HONORIFICS]
    if "and" in role_tokens:  # "Ted Cruz and Marco Rubio": the first name is another person, not a role
        role_tokens = role_tokens[len(role_tokens) - role_tokens[::-1].index("and"):]
    while role_tokens and _key(role_tokens[-1]) in {"of", "for", "and"}:
        role_tokens.pop()
    return (" ".join(role_tokens) or None), tuple(name)


def looks_like_person(name: list[str]) -> bool:
    """1-4 capitalised tokens with no place/organisation word and no acronym."""
    return 1 <= len(name) <= 4 and _looks_like_person(tuple(name))


@lru_cache(maxsize=8192)
def _looks_like_person(name: tuple[str, ...]) -> bool:  # 1-4 tokens: checked by looks_like_person
    for t in name[:-1]:
        if POSSESSIVE.search(t):
            return False  # "Canada's Black": a possessor and what it owns, not a name
    for t in name:
        k = _key(t)
        if k in NON_PERSON or k in TITLE_WORDS or (len(t) > 1 and t.isupper() and not t.endswith(".")):
            return False
        if not (t[:1].isupper() or k in PARTICLES) or any(map(str.isdigit, t)):
            return False
    return True


def had_title(tokens: list[str]) -> bool:
    return any(_key(t) in TITLE_WORDS or _key(t) in HONORIFICS for t in tokens)


@lru_cache(maxsize=8192)
def read_run(run: str) -> tuple[str | None, tuple[str, ...], str, bool] | None:
    """What a capitalised run says by itself: (role, name tokens, full name, had a title), or None.

    None for a run that names no one ("The", "Minister", "Senate Budget Committee"). A pure
    function of the run's text, memoised: the same runs recur through an article.
    """
    tokens = run.split()
    while len(tokens) > 1 and _key(tokens[0]) in NOT_FIRST_NAMES:
        tokens.pop(0)  # "Now Bloomberg says", "Neither Donald J. Trump nor ...": the name follows
    if len(tokens) == 1 and _key(tokens[0]) in _NEVER_ALONE:
        return None  # "The", "But", "Minister": the common case, decided without splitting
    if POSSESSIVE.search(tokens[-1]) and len(tokens[-1]) > 2:
        tokens[-1] = POSSESSIVE.sub("", tokens[-1])
    role, name = _split_role_name(tuple(tokens))
    if not name or not looks_like_person(name):
        return None
    return role, name, " ".join(name), had_title(tokens)
