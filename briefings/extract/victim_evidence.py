"""What one mention of a person says about them: age, harm and suspect evidence.

:func:`read_mention` reads the words around a name in its sentence with the
patterns of :mod:`harm` and records on the :class:`Victim` the strongest status
found so far (named victim < injured < killed), whether the person is a suspect,
and whether they were harmed as the subject of a passive predicate (which
counts even for a suspect).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .harm import (AGE_AFTER, AGE_BEFORE, ASIDE, BODY, CARE_FOR_HARM, CARE_ONLY, FINDING, FINDING_AFTER, FINDING_WORDS,
                   IDENTIFIED, KILLED_RE, MODIFIER, OBJECT_HARM, OBJECT_WORDS, SELF_HARM, SENT_KILLED, SKIP, SOURCE_BEFORE,
                   SUBJECT_PRED, SUSPECT_AFTER, SUSPECT_BEFORE, SUSPECT_WORDS, may_match)
from .victim_names import POSSESSIVE

YEAR_OLD = re.compile(r"\b(\d{1,3})-year-old\b")
VICTIM_NOUN = re.compile(r"\s*(?:[a-z]+\s+){0,2}(?:victims?)\b")
FATAL = re.compile(r"\b(?:fatal|fatally|deadly)\b", re.I)
# An apposition that says whose relative the person is: the predicate after it is that relative's.
KIN_OF = re.compile(r",\s*(?:the|a|an|his|her|their)\s+(?:\w+\s+){0,2}?(?:daughter|son|mother|father|wife|husband|brother|"
                    r"sister|cousin|niece|nephew|uncle|aunt|grandson|granddaughter|grandmother|grandfather|girlfriend|"
                    r"boyfriend|fianc[\u00e9e]e?|partner|friend|neighbou?r|child|children|parents?|widow|widower)s?\s+of\b", re.I)
# A clause with a subject of its own: "X shot Y, who then turned the gun on himself" (Y did).
OTHER_SUBJECT = re.compile(r"[;:]|\b(?:who|which|whom|but|after|when|while|police|officers?|deputies|he|she|they)\b")


@dataclass
class Victim:
    """A person the article says was harmed, with the evidence read so far."""

    name: str
    start: int
    end: int
    age: int | None = None
    status: str | None = None  # killed / injured / named victim
    suspect: bool = False
    passive: bool = False  # subject of a passive harm predicate: harmed even if also a suspect
    official: bool = False  # introduced with a title ("Lt.", "Sheriff"): a source, unless harmed as a subject
    mentions: int = 0
    short: bool = False  # mentioned by surname or given name alone: a person, not a place
    sentence: int = -1  # the sentence (its start) and position of the mention that gave the status
    harm_at: int = -1
    evidence: str = ""  # what gave the status: subject, body, object, identified, finding, pronoun, heading

    @property
    def harmed(self) -> bool:
        """Harmed by the evidence read: suspects and titled sources only as subjects of harm."""
        if self.status is None:
            return False
        return self.passive if self.suspect or self.official else True


def read_mention(text: str, run_start: int, end: int, sent: tuple[int, int], p: Victim) -> None:
    """Add what one mention says about ``p``: its age, harm and suspect evidence."""
    s_start, s_end = sent
    before = text[max(s_start, run_start - 130):run_start]
    near = before[-70:]  # a harm or suspect word and at most three words of filler: the patterns anchored at $
    low = near.lower() if near.isascii() else None  # for the cheap word tests before those patterns
    after_end = min(s_end, end + 240)
    if p.age is None:
        p.age = _age(text, near, end, after_end)
    if "ccording to" in near and SOURCE_BEFORE.search(near):
        return  # the one who tells, not the one it happened to
    pos = skip_aside(text, end, after_end)
    finding = may_match(low, FINDING_WORDS) and FINDING.search(near) and FINDING_AFTER.match(text, end, after_end)  # "found X shot": no shooter
    active = not finding and SUSPECT_AFTER.match(text, pos, after_end)
    if may_match(low, SUSPECT_WORDS) and SUSPECT_BEFORE.search(near) or active:
        p.suspect = True
    self_harm = active and SELF_HARM.search(text, active.end(), min(s_end, active.end() + 240))
    if self_harm and not OTHER_SUBJECT.search(text, active.end(), self_harm.start()):
        # "X shot and killed his wife and a neighbour before turning the gun on himself": the
        # shooter of a murder-suicide was harmed too (unless a clause of someone else's comes between).
        p.passive = True
        if p.status != "killed":
            p.status, p.evidence, p.sentence, p.harm_at = "killed", "subject", sent[0], run_start
        return
    status, how = None, ""
    possessive = POSSESSIVE.search(text, max(0, end - 2), end)
    pred = None if KIN_OF.search(text, end, pos) else SUBJECT_PRED.match(text, pos, after_end)
    aside = None if pred else ASIDE.match(text, pos, after_end)
    if aside:  # "X, identified by the coroner as a 19-year-old student, died ..."
        pred = SUBJECT_PRED.match(text, aside.end(), after_end)
        age = YEAR_OLD.search(aside.group())
        if pred and age and p.age is None:
            p.age = int(age.group(1))
    if pred:
        # "X was transported to the hospital for a medical clearance and then taken to jail": care
        # alone does not make a suspect one who was harmed; a harm predicate does.
        care = CARE_ONLY.fullmatch(pred.group().strip(" ,"))
        p.passive = p.passive or not care
        tail = text[pred.start():min(after_end, pred.end() + 60)]
        status = "killed" if KILLED_RE.search(tail) else "injured"
        if care and not CARE_FOR_HARM.search(text, pred.end(), after_end):
            status = None  # "taken to the hospital for a medical clearance": cared for, not harmed
        if status == "injured" and VICTIM_NOUN.match(text, pred.start(), pred.end()):
            status = "named victim"
        how = "subject"
    elif possessive and BODY.match(text, end):
        status, how = "killed", "body"  # "Holt's body was found"
    elif MODIFIER.match(text, end) or possessive:
        pass  # "the Kestrel Road shooting", "victims of Dale Marsh's fraud": the name is not the one harmed
    else:
        obj = may_match(low, OBJECT_WORDS) and OBJECT_HARM.search(near)
        ident = ("identif" in before or "named" in before) and IDENTIFIED.search(before)
        if obj and not SUSPECT_AFTER.match(text, pos, after_end):
            fatal = obj.group("k") or FATAL.search(before[-40:])
            status = "killed" if fatal or KILLED_RE.search(text[end:after_end][:80]) else (
                "injured" if obj.group("i") else sentence_status(text, max(0, s_start - 300), s_end))
            how = "object"
        elif ident or finding:
            status = sentence_status(text, max(0, s_start - 300), s_end)
            how = "identified" if ident else "finding"
    if status and (p.status is None or rank(status) > rank(p.status)):
        p.status, p.evidence = status, how
        p.sentence, p.harm_at = sent[0], run_start


def rank(status: str) -> int:
    return {"named victim": 0, "injured": 1, "killed": 2}[status]


def sentence_status(text: str, start: int, end: int) -> str:
    return "killed" if SENT_KILLED.search(text, start, end) else "injured"


def skip_aside(text: str, pos: int, limit: int) -> int:
    """Past the appositions and list items between a subject and its verb (at most three)."""
    for _ in range(3):
        m = SKIP.match(text, pos, limit)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


def _age(text: str, before: str, end: int, limit: int) -> int | None:
    m = AGE_AFTER.match(text, end, limit)
    if m:
        value = int(next(g for g in m.groups() if g))
    else:
        b = "-year-old" in before and AGE_BEFORE.search(before)
        if not b:
            return None
        value = int(b.group(1))
    return value if 0 < value < 116 else None
