"""Victims as crime and disaster reporting names them: a person, then evidence about them.

Where :mod:`casualties` reads a mention and the words around it, this module
works per person: every full name introduces a person; later surname-only
mentions ("Marsh", "Marsh's body") are the same person. Each mention is read
for harm evidence in the shapes police and court reporting use:

- the person is the subject of a passive or intransitive harm predicate,
  possibly after an apposition or a list: "X, a 19-year-old, was shot and
  killed", "X and Y, 51, were wounded", "Holt died at the hospital";
- the person is the object of a harm phrase: "the shooting death of X",
  "shot and killed the clerk X", "identified the victim as X", "victim X";
- a finding: "found X shot to death", "pronounced X dead".

Suspects are people with suspect evidence ("arrested X", "X faces charges",
"X shot Y" in the active voice); they count only when they were themselves
the subject of a passive harm predicate ("the suspect ... was shot by
deputies"). Speakers and officials have no harm evidence and so never count.
The age comes from any mention ("X, 26," / "X, a 26-year-old" / "26-year-old X"), else from
the description nearest the harm ("A 30-year-old man was shot ... identified as X").
The phrasings themselves are patterns in :mod:`harm`. This module keeps the people of
the article (who "Pryce" or "Leo" is); :mod:`victim_names` decides which capitalised runs
name someone, :mod:`victim_evidence` reads one mention, :mod:`victim_pronouns` reads "he
died" / "shot him", and :func:`listed_under_heading` reads lists under "The dead:".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from .harm import DESCRIBED, DESCRIBED_HARMED, SHOOTER_AFTER
from .names import TOKEN, looks_like_person, split_role_name
from .victim_evidence import KIN_OF, Victim, read_mention
from .victim_names import (DATE_BEFORE, NAME_RUN, SOURCE_TITLE, SUFFIXES, common_words, is_name, not_a_name,
                           run_parts)
from .victim_pronouns import read_pronouns

__all__ = ["Victim", "find_victims", "listed_under_heading", "read_people"]


def find_victims(text: str, sents: list[tuple[int, int]]) -> list[Victim]:
    """People harmed in ``text``, in order of first mention."""
    return [p for p in read_people(text, sents) if p.harmed]


def read_people(text: str, sents: list[tuple[int, int]], quoted: Callable[[int], bool] | None = None) -> list[Victim]:
    """Every person named in ``text`` with the harm and suspect evidence about them.

    ``quoted(pos)`` says whether ``pos`` is inside a quotation (the document layer's
    :meth:`~briefings.extract.document.Document.quoted`); without it, quote marks opened
    earlier in the sentence are counted.
    """
    starts = [s for s, _ in sents]
    common = common_words(text)
    persons: list[Victim] = []
    by_last: dict[str, Victim] = {}  # the first person introduced with a surname: who "Pryce" is
    by_full: dict[tuple[str, str], Victim] = {}
    by_first: dict[str, Victim] = {}  # the last person a given name begins: who "Leo" is
    timeline: list[tuple[int, Victim]] = []  # every mention, in text order: who "he" is
    for m in NAME_RUN.finditer(text):
        run = m.group()
        bare, bare_key, role, name, check, suffix, month = run_parts(run)
        if bare and bare_key not in by_last and bare not in by_first:
            continue  # a lone capitalised word that names no one introduced (most of them: sentence openers)
        if month and not DATE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            check = check[1:]  # "April Ransom": a given name that is also a month
        if not is_name(name, check):
            continue
        name = [*name, *suffix] if len(name) >= 2 else list(name)
        name_start = m.start() + m.group().find(name[0])
        key = name[-1].lower().rstrip(".")
        if len(name) >= 2:
            if name[-1].rstrip(".,") in SUFFIXES and len(name) >= 3:
                key = name[-2].lower().rstrip(",.")
            person = by_full.get((name[0], key)) or by_last.get(key)
            if person is None or person.name.split()[0] != name[0]:
                if not_a_name(text, m.start(), name, common):
                    continue
                official = bool(role) or bool(SOURCE_TITLE.search(text, max(0, m.start() - 40), m.start()))
                person = Victim(" ".join(name).replace(",", ""), name_start, m.end(), official=official)
                persons.append(person)
                by_full[(name[0], key)] = by_first[name[0]] = person
                first = by_last.setdefault(key, person)  # "Pryce" alone is the first Pryce: the story's subject
                if first is not person and KIN_OF.match(text, first.end):
                    # "Ada Pryce, the daughter of Tom Pryce, who was killed": she is introduced through
                    # him, so he is the Pryce the story is about.
                    by_last[key] = person
        else:
            person = by_last.get(key) or by_first.get(name[0])
            if person is None:
                continue
            person.short = True
        person.mentions += 1
        timeline.append((m.start(), person))
        si = max(bisect_right(starts, m.start()) - 1, 0)
        read_mention(text, m.start(), m.end(), sents[si], person)
    read_pronouns(text, sents, starts, timeline, quoted)
    harmed = [p for p in persons if p.harmed]
    for p in harmed:
        if p.age is None:
            p.age = _described_age(text, sents, p, alone=len(harmed) == 1)
    return persons


def _described_age(text: str, sents: list[tuple[int, int]], p: Victim, alone: bool) -> int | None:
    """ "A 30-year-old man was shot ... He was identified as X": the age of the description nearest X.

    Near the mention that says what happened to X; anywhere in the article when X is its only victim.
    """
    si = bisect_right([s for s, _ in sents], p.sentence) - 1
    lo = 0 if alone else sents[max(si - 4, 0)][0]
    hi = len(text) if alone else sents[min(si + 1, len(sents) - 1)][1]
    found = [(not DESCRIBED_HARMED.match(text, m.end(), min(hi, m.end() + 80)), abs(m.start() - p.harm_at), int(m.group(1)))
             for m in DESCRIBED.finditer(text, lo, hi) if not SHOOTER_AFTER.match(text, m.end(), min(hi, m.end() + 80))]
    return min(found)[2] if found and 0 < min(found)[2] < 116 else None  # described as harmed first, then nearest


HEADING = re.compile(r"^[ \t]*(?:the[ \t]+|those[ \t]+)?(?:(?P<killed>dead|deceased|killed|victims?|fatalities|those who died)|"
                     r"(?P<injured>injured|wounded|hurt)|(?P<missing>missing|unaccounted for))(?:[ \t]+(?:were|are|include|included))?"
                     r"[ \t]*:?[ \t]*$", re.I | re.M)
LISTED = re.compile(rf"[ \t]*(?:[-*\u2022][ \t]*)?(?P<name>{TOKEN}(?:[ \t]+{TOKEN}){{1,3}})(?:,[ \t]*(?:aged[ \t]+)?(?P<age>\d{{1,3}})\b)?"
                    rf"(?:[ \t]*[,;.(][^\n]*)?[ \t]*$")


def listed_under_heading(text: str) -> list[Victim]:
    """Names listed one per line under a heading ("The dead:", "Injured") take the heading's status."""
    out: list[Victim] = []
    for h in HEADING.finditer(text):
        status = h.lastgroup
        pos = h.end() + 1
        for _ in range(50):  # a list, not the rest of the article
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            m = LISTED.fullmatch(text, pos, line_end)
            if not m or not looks_like_person(split_role_name(m.group("name").split())[1] or ["-"]):
                break
            name = split_role_name(m.group("name").split())[1]
            age = int(m.group("age")) if m.group("age") and 0 < int(m.group("age")) < 116 else None
            out.append(Victim(" ".join(name), m.start("name"), m.end("name"), age=age, status=status, passive=True,
                              evidence="heading"))
            pos = line_end + 1
            if pos >= len(text):
                break
    return out
