"""Per-article state of quote attribution: :class:`QuoteContext` knows the sentences, paragraphs
and quotation spans, finds the speaker of the last speech verb before a position, and records every
"X said" outside quotes as an antecedent for a later "he said" or "the official said"."""

from __future__ import annotations

import re
from bisect import bisect_right

from .attribution import Attributor, had_person
from .lexicon import NON_PERSON, PRONOUNS
from .names import People, looks_like_person
from .salience import Salience
from .speakers import can_speak
from .speech_subject import ELIDED_SUBJECT, VERB, is_possessor, sentence_subject, subject_before
from .text import Region, outer

QUOTED = re.compile("[\"\u201c][^\"\u201c\u201d]{0,300}[\"\u201d]")
# How far before a speech verb its subject can start: bounds the work per verb, so a sentence
# with thousands of "said" stays linear.
SUBJECT_REACH = 300
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|more|also|often|now|once|still|widely)\s+)*$")
# "..., with Ida Moor reportedly yelling:" / "footage of Moor saying": the doer of a participle named before it.
WITH_PARTICIPLE = re.compile(r"\b(?:with|of)\s+(?P<np>(?:[A-Z][\w.\u2019'\-]*\s+){0,3}[A-Z][\w\u2019'\-]*)\s+"
                             r"(?:[a-z]+ly\s+)?[a-z]+ing\b")
BY_AGENT = re.compile(r"\s+by\s+(?P<np>[^,;:\"\u201c\u201d]{2,60}?)\s*(?:,|$|\s+(?:whether|if|about|to|why|how|what)\b)")


# A dateline opening a wire story: "WASHINGTON, Dec. 8 (UPI) \u2014", "HARWICK, July 25 \u2014".
DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]{2,40},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?(?:\([A-Za-z]{2,8}\)\s*)?"
                      r"[\u2014\u2013-]+\s*")
OF_HOME = re.compile(r"\s+of\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}$")  # "Sen. Ivo Rask of Vermont"
COMPARED = re.compile(r"(?:Like|Unlike)\s+[^,\"\u201c]{1,60},\s*")
LABEL_VERBS = frozenset(("described", "called", "branded", "describing", "calling", "calls", "describes"))  # they name things as often as people


def blank(m: re.Match) -> str:
    return " " * len(m.group())  # a quotation blanked out, offsets kept


class QuoteContext:
    """Per-article state shared by the quote loop."""

    def __init__(self, text: str, sents, paras, regions: list[Region], people: People):
        self.text, self.sents, self.paras, self.regions = text, sents, paras, regions
        self.starts = [a for a, _ in sents]
        self.pstarts = [a for a, _ in paras]
        self.att = Attributor(people)
        self.people = people
        self.inside = [outer(text, r) for r in regions]  # sorted, non-overlapping
        self.opens = [a for a, _ in self.inside]
        self.att.salience = Salience(text, people, self.att.gender, self.sentence_of, self.para_span, self.quoted,
                                     lambda pos: self.starts[self.sentence_of(pos)] if self.starts else 0)

    def quoted(self, pos: int) -> bool:
        k = bisect_right(self.opens, pos) - 1
        return k >= 0 and pos < self.inside[k][1]

    def para_span(self, pos: int) -> tuple[int, int]:
        return self.paras[max(bisect_right(self.pstarts, pos) - 1, 0)] if self.paras else (0, len(self.text))

    def sentence_of(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def speaker_from(self, before: str, sent_start: int, pos: int) -> tuple[str | None, str | None]:
        """The subject of the last speech verb in ``before`` (text of one sentence up to ``pos``)."""
        v = None
        for reach in (64, 512, len(before)):  # look at the tail first: the verb is usually near the end
            for v in VERB.finditer(before, max(0, len(before) - reach)):
                pass
            if v is not None or reach >= len(before):
                break
        if v is None or v.group() in LABEL_VERBS and PASSIVE.search(before, max(0, v.start() - 40), v.start()):
            return None, None  # 'porters were more appropriately called "..."': a name given, no one speaking
        finite = None
        if v.group().endswith("ing"):  # "..., she said, noting that ...": the subject of the finite verb before
            finite = next((f for f in reversed(list(VERB.finditer(before, max(0, v.start() - SUBJECT_REACH), v.start())))
                           if not f.group().endswith("ing")), None)
            start = max(sent_start, pos - SUBJECT_REACH)
            doer = None
            for doer in WITH_PARTICIPLE.finditer(QUOTED.sub(blank, self.text[start:pos])):
                pass
            if doer is not None and (finite is None or start + doer.start() > pos - len(before) + finite.end()):
                found = self.att.resolve(doer.group("np"), None, pos)  # "..., with Ida Moor tweeting that ... and asking,"
                if found[0]:
                    return found
        if v.group().endswith("ing") and finite is not None:
            np, appos = subject_before(before[max(0, finite.start() - SUBJECT_REACH):finite.start()])
        elif v.group().endswith("ing"):  # "The army denied it, saying ..." -> the sentence's subject
            return self.sentence_speaker(sent_start, pos)
        elif v.group() in ("asked", "told", "questioned") and PASSIVE.search(before, max(0, v.start() - 40), v.start()):
            by = BY_AGENT.match(before, v.end())  # "Kerr was asked by host Ida Moor, who ...,": Moor asks
            return self.att.resolve(by.group("np"), None, pos) if by else (None, None)
        else:
            np, appos = subject_before(before[max(0, v.start() - SUBJECT_REACH):v.start()])
            if v.group() in LABEL_VERBS and np and np == np.lower() and np.split()[-1] not in PRONOUNS and \
                    not can_speak(np.split()[-1]):
                return None, None  # 'a popular play called "..."': a thing is given a name, no one speaks
            found = self.att.resolve(np, appos, pos) if np else (None, None)
            if found[0] is None and ELIDED_SUBJECT.search(before, max(0, v.start() - 40), v.start()):
                finite = next((f for f in reversed(list(VERB.finditer(before, max(0, v.start() - SUBJECT_REACH),
                                                                       v.start())))), None)
                if finite is not None:  # "Lazar said he welcomed it and added": who said it first
                    np, appos = subject_before(before[max(0, finite.start() - SUBJECT_REACH):finite.start()])
                    found = self.att.resolve(np, appos, pos) if np else (None, None)
                if found[0] is None:
                    return self.sentence_speaker(sent_start, pos)  # "Kerr backed the bill, but now said"
            return found
        return self.att.resolve(np, appos, pos) if np else (None, None)

    def sentence_speaker(self, sent_start: int, pos: int) -> tuple[str | None, str | None]:
        """The subject of the sentence starting at ``sent_start``, for a verb whose own subject is elided."""
        head = QUOTED.sub(" ", self.text[sent_start:min(pos, sent_start + SUBJECT_REACH)]).strip(" ,")
        head = DATELINE.sub("", head)  # "HARWICK, July 25 (UPI) \u2014 The board ...": the place and date are no one
        head = re.sub(r"^(?:But|And|Yet|So|Still|Then)\s+", "", head)  # "But Sen. Ann Kerr refused ..., responding"
        compared = COMPARED.match(head)  # "Like Corker, Menendez rejected ...": the subject follows the comparison
        if compared:
            head, sent_start = head[compared.end():], sent_start + compared.end()
        np = sentence_subject(head)  # a quotation opening the sentence is not its subject
        opening = sentence_subject(head.split(",", 1)[0])
        if opening and had_person(opening):  # "Ann Kerr on Thursday attacked Ode, saying he is": a name opens it
            return self.att.resolve(opening, None, pos)
        for chunk in head.split(",")[1:4]:  # "At the debate, Pell Ruiz compared himself to Kerr, saying": the
            after_lead = sentence_subject(chunk.strip())  # subject after a lead-in ("In June, after X left, Y wrote")
            if after_lead and (had_person(OF_HOME.sub("", after_lead)) or after_lead[:1].isupper() and (
                    self.people.find(after_lead, pos) or looks_like_person(after_lead.split()))):
                found = self.att.resolve(after_lead, None, pos)
                if found[0]:  # "Portsmouth, N.H., on Tuesday, Sen. Ivo Rask ...": "N.H." is no one, read on
                    return found
        first = next((p for at, p in self.people.between(sent_start, pos)
                      if not is_possessor(self.text, at)), None)  # "Kerr's aide" is not Kerr
        if first is not None:  # "Continuing, Jo Kerr rejected it, saying": the first person named
            return self.att.resolve(first.name, None, pos)
        return self.att.resolve(np, None, pos) if np else (None, None)

    def collect_events(self) -> None:
        """Every "X said" outside quotes, in order: antecedents for later "he said" and "the official said"."""
        inside, opens, quoted = self.inside, self.opens, self.quoted
        for s_start, s_end in self.sents:
            sentence = self.text[s_start:s_end]
            subject = re.match(r"(?:The\s+)?[A-Z][\w&\-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&\-]*)*", sentence)
            if subject and (subject.group().startswith("The ") and " " in subject.group()[4:]
                            or any(t.lower() in NON_PERSON for t in subject.group().split()[1:])):
                self.att.subjects.append((s_start, subject.group()))
            for v in VERB.finditer(self.text, s_start, s_end):
                if v.group() in LABEL_VERBS or quoted(v.start()):
                    continue
                k = bisect_right(opens, v.start()) - 1  # the segment starts after the last quote before the verb
                seg_start = max(s_start, inside[k][1]) if k >= 0 and inside[k][1] <= v.start() else s_start
                seg_start = max(seg_start, v.start() - SUBJECT_REACH)  # a subject is near its verb: linear time
                speaker = self.speaker_from(self.text[seg_start:v.end()], s_start, v.start())
                self.att.record(v.start(), *speaker)
