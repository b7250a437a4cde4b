"""People in an article: names split from their titles, and who "he" or "Mr Biden" is.

A capitalised run such as "US Defence Secretary Lloyd Austin" is split into a
role ("US Defence Secretary") and a name ("Lloyd Austin"). The registry keeps
every person confirmed by a title, an honorific, an age or a speech verb, in
document order, so later short forms resolve to the name first introduced.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
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


@dataclass
class Person:
    """A person as first introduced, and where they are mentioned."""

    name: str
    role: str | None = None
    mentions: list[int] = field(default_factory=list)
    killed: bool = False
    index: int = -1  # position in People.persons
    seen: set[int] = field(default_factory=set, repr=False)  # mentions, for O(1) "already recorded"

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()


class People:
    """The people of one article, in order of introduction.

    Lookups are indexed (by surname, and a sorted timeline of mentions) so an
    article naming thousands of people still costs about linear time.
    """

    def __init__(self, text: str):
        self.text = text
        self.persons: list[Person] = []
        self._by_surname: dict[str, list[Person]] = {}
        self._timeline: list[tuple[int, int]] = []  # (position, index into persons), sorted
        # Full names seen without confirmation, by surname: a later "Kerr said" confirms them.
        self._pending: dict[str, tuple[str, str | None, list[int]]] = {}
        self._scan()

    def _scan(self) -> None:
        text = self.text
        for m in RUN.finditer(text):
            run = m.group()
            parts = read_run(run)
            if parts is None:
                continue
            role, name, full, titled = parts
            start, end = m.span()
            pos = start + run.rfind(name[0])
            lower_title = _lower_title(text, start)
            if lower_title and not role:  # "senior coroner Helen Marsh", "union leader Moira Keane"
                role = lower_title
            known = self.find(full, pos)
            if known:
                self.mention(known, pos)
                known.role = known.role or role
                continue
            # Whether the run is a person by what follows: read only when the registry does not know it yet.
            confirmed = titled or lower_title or CONFIRMING.match(text[end:end + 160])
            if confirmed and len(name) >= 2:
                self._new(full, role, pos)
            elif len(name) >= 2:  # "Alison Kerr" with nothing to confirm her yet: wait for "Kerr said"
                self._pending.setdefault(name[-1].lower(), (full, role, []))[2].append(pos)
            elif confirmed and name[0].lower() in self._pending:
                full, first_role, positions = self._pending.pop(name[0].lower())
                person = self._new(full, first_role or role, positions[0])
                for at in (*positions[1:], pos):
                    self.mention(person, at)
            elif name[0].lower() in self._pending:  # "Rubio pushed back" before any "Rubio said": still him
                self._pending[name[0].lower()][2].append(pos)

    def _new(self, name: str, role: str | None, pos: int) -> Person:
        person = Person(name, role, [], index=len(self.persons))
        self.persons.append(person)
        self._by_surname.setdefault(person.surname, []).append(person)
        self.mention(person, pos)
        return person

    def mention(self, person: Person, pos: int) -> None:
        """Record that ``person`` is mentioned (or speaks) at ``pos``."""
        if pos not in person.seen:
            person.seen.add(pos)
            person.mentions.append(pos)
            insort(self._timeline, (pos, person.index))

    def find(self, name: str, before: int | None = None) -> Person | None:
        """The person this (full or short) name refers to, introduced before ``before``."""
        key = name.lower().split()
        if not key:
            return None
        for p in self._by_surname.get(key[-1], ()):
            if before is not None and p.mentions and p.mentions[0] > before:  # introduced later
                continue
            if len(key) == 1 or key[0] == p.name.lower().split()[0] or p.name.lower() == " ".join(key):
                return p
        return None

    def add(self, name: str, role: str | None, pos: int) -> Person:
        """Register (or find) a person introduced at ``pos``."""
        p = self.find(name)
        if p is None:
            return self._new(name, role, pos)
        p.role = p.role or role
        self.mention(p, pos)
        return p

    def first_between(self, start: int, end: int) -> Person | None:
        """The first person mentioned in ``[start, end)`` (the subject of a sentence, usually)."""
        k = bisect_left(self._timeline, (start, -1))
        if k < len(self._timeline) and self._timeline[k][0] < end:
            return self.persons[self._timeline[k][1]]
        return None

    def between(self, start: int, end: int):
        """(position, person) of every mention in ``[start, end)``, in order."""
        k = bisect_left(self._timeline, (start, -1))
        while k < len(self._timeline) and self._timeline[k][0] < end:
            yield self._timeline[k][0], self.persons[self._timeline[k][1]]
            k += 1

    def latest_before(self, pos: int, limit: int):
        """(position, person) of the ``limit`` mentions before ``pos``, latest first."""
        k = bisect_left(self._timeline, (pos, -1)) - 1
        for i in range(k, max(k - limit, -1), -1):
            yield self._timeline[i][0], self.persons[self._timeline[i][1]]

    def last_before(self, pos: int, *, living: bool = True, accept=None, reach: int = 200) -> Person | None:
        """The person mentioned most recently before ``pos`` (who "he" or "she" is).

        ``accept`` (a predicate on :class:`Person`) skips people who cannot be meant, e.g. by
        gender; at most ``reach`` mentions are looked at, so the cost per call is bounded.
        """
        k = bisect_left(self._timeline, (pos, -1)) - 1
        floor = max(k - reach, -1)
        while k > floor:
            person = self.persons[self._timeline[k][1]]
            if not (living and person.killed) and (accept is None or accept(person)):
                return person
            k -= 1
        return None
