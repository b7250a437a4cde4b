"""Harm told of a pronoun: "He later died", "deputies shot him", "pronounced her dead".

:func:`read_pronouns` gives the harm to the person last named before the
pronoun, within its sentence and the two before, skipping titled sources, the
one who fired ("Pryce shot him") and anyone when an unnamed person ("the boy")
comes between.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from .harm import KILLED_RE, PRONOUN_HARM, SUBJECT_PRED
from .victim_evidence import Victim, rank, skip_aside
from .victim_names import NAME_RUN

# An unnamed person who opens a sentence is nearer to a later "he" than anyone named before it.
UNNAMED_SUBJECT = re.compile(r"(?:^|[.!?]\s+)(?:The|A|An)\s+(?:\d{1,3}-year-old\s+)?(?:boy|girl|man|woman|victim|teen|"
                             r"teenager|child|toddler|baby|driver|passenger)\b", re.M)
# A finite verb right after a subject (adverbs allowed): "X was able to", "X also stated", "X fired".
OWN_VERB = re.compile(r"(?:'s|\u2019s)?,?\s+(?:(?:also|then|later|allegedly|reportedly|apparently|told)\s+)*"
                      r"(?:was|were|is|had|has|did|could|would|went|took|told|got|grabbed|pulled|fired|stated|admitted)\b")
CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|who|which|whom|when|while|after|before|because|although|though|until|where)\b")
UNNAMED = re.compile(r"\b(?:a|an|another)\s+(?:\d{1,3}-year-old\s+)?(?:man|woman|boy|girl|teen|teenager|child|"
                     r"toddler|baby|bystander)\b", re.I)


def read_pronouns(text: str, sents: list[tuple[int, int]], starts: list[int], timeline: list[tuple[int, Victim]],
                  quoted: Callable[[int], bool] | None = None) -> None:
    """ "He later died", "deputies shot him", "pronounced her dead": the harm of the person last named.

    The person is the most recent one mentioned in this sentence or the two before who is known
    to be a person and is not a titled source (police rarely shoot the sergeant who speaks); being
    harmed this way counts even for a suspect ("officers fired and struck him"). ``timeline`` is
    every named mention in text order, ``starts`` the sentence starts.
    """
    if not timeline:
        return
    positions = [pos for pos, _ in timeline]
    for m in PRONOUN_HARM.finditer(text):
        if m.group("subject"):
            pred = SUBJECT_PRED.match(text, m.end("subject"), min(len(text), m.end() + 200))
            if not pred:
                continue
            tail = text[pred.start():pred.end() + 60]
        else:
            tail = text[m.start():m.end() + 60]
        si = max(bisect_right(starts, m.start()) - 1, 0)
        floor = sents[max(si - 2, 0)][0]
        k = bisect_right(positions, m.start()) - 1
        while k >= 0 and positions[k] >= floor and (
                timeline[k][1].official or not m.group("subject") and (
                    positions[k] > max(m.start() - 40, sents[si][0]) or _subject_of(text, positions[k], sents[si], m.start()))):
            k -= 1  # "Pryce shot him": the one named just before the verb is who shot, not who was shot
        if k < 0 or positions[k] < floor or not _known_person(timeline[k][1]) or (
                quoted(m.start()) if quoted else _quoted(text, sents[si][0], m.start())):
            continue
        if UNNAMED_SUBJECT.search(text, positions[k], m.start()) or m.group("subject") and _unnamed_between(
                text, positions[k], m.start()):
            continue  # "... X was charged. The boy was taken to hospital, where he died": "he" is the boy
        person = timeline[k][1]
        status = "killed" if KILLED_RE.search(tail) else "injured"
        person.passive = True
        if person.status is None or rank(status) > rank(person.status):
            person.status, person.evidence = status, "pronoun"
            person.sentence, person.harm_at = sents[si][0], m.start()


def _unnamed_between(text: str, pos: int, end: int) -> bool:
    """An unnamed person after the name at ``pos`` (past its apposition) and before ``end``:
    "X ... hitting a 40-year-old woman. She was in serious condition" means the woman."""
    run = NAME_RUN.match(text, pos)
    return run is not None and bool(UNNAMED.search(text, skip_aside(text, run.end(), end), end))


def _subject_of(text: str, pos: int, sent: tuple[int, int], end: int) -> bool:
    """The mention at ``pos`` is the subject of a verb in ``sent``, so "him" later in it is someone else.

    "X, 33, was able to wrestle the gun away and shot him" (X fired); a name that is
    an object ("officers confronted X and shot him") has no verb of its own after it, and
    a new clause before ``end`` (the pronoun) has a subject of its own ("X was ..., but the men who shot him").
    """
    if pos < sent[0]:
        return False
    run = NAME_RUN.match(text, pos)
    if run is None:
        return False
    return bool(OWN_VERB.match(text, skip_aside(text, run.end(), sent[1]), sent[1])) and not CLAUSE_BREAK.search(text, run.end(), end)


def _quoted(text: str, start: int, pos: int) -> bool:
    """Inside a quotation opened earlier in the sentence: there "him" is someone the speaker means."""
    between = text[start:pos]
    return between.count("\u201c") > between.count("\u201d") or between.count('"') % 2 == 1


def _known_person(p: Victim) -> bool:
    """Someone "he" can be: not a titled source, and a person by an age or a short mention ("Holt")."""
    return not p.official and (p.age is not None or p.short)
