"""People in an article: names split from their titles, and who "he" or "Mr Biden" is.

A capitalised run such as "US Defence Secretary Lloyd Austin" is split into a
role ("US Defence Secretary") and a name ("Lloyd Austin"). The registry keeps
every person confirmed by a title, an honorific, an age or a speech verb, in
document order, so later short forms resolve to the name first introduced.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field

# What a run says by itself is read in name_runs; the rest of extract imports these names from here.
from .name_runs import (CONFIRMING, POSSESSIVE, RUN, TOKEN, _lower_title, looks_like_person,  # noqa: F401
                        read_run, split_role_name)


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
