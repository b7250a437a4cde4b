"""Who "he" or "she" is: the people named before a pronoun, ranked by salience (see :class:`Salience`)."""

from __future__ import annotations

import re

from .lexicon import SPEECH
from .names import RUN


# --- who "he" or "she" is -------------------------------------------------------------------------
# The latest name of the right gender is often wrong in news: "Justice Dunphy said ... Still, he denied
# Mr. Hemming's request ... 'It needn't be so,' he wrote" means Dunphy. So the candidates of the last few
# sentences are ranked by salience, each point one sentence of recency:
SUBJECT_BONUS = 1.5  # the first person named in a sentence (not a possessor, not quoted) is its subject
SPEAKER_BONUS = 1.0  # someone who was just speaking goes on speaking
GENDER_BONUS = 0.5  # a known matching gender beats an unknown one
PARAGRAPH_COST = 1.0  # a new paragraph often brings in someone new
POSSESSOR_COST = 1.0  # "Hemming's request": the possessor is rarely the next sentence's "he"
SENTENCES_BACK = 4  # antecedents are near; also bounds the work per pronoun
MENTIONS_BACK = 60
CAPTION = re.compile(r"\((?:[^()]{0,80}\b(?:photo|Photo|PHOTO|file|FILE|image|Image)\b[^()]{0,80})\)\s*$")
# "Schumer, he said, 'knows ...'": the person just named is what "he" talks about, not who speaks.
SPEECH_AFTER = re.compile(rf"\s+(?:[a-z]+ly\s+)?(?!called|described|branded)(?:{SPEECH})\b")  # "Foster writes": the subject of a speech verb
# '"...," said Sen. Ralf Oduya': the subject follows the verb.
SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH})\s+(?:[A-Z][\w.\-]*\s+){{0,4}}$")
PREPOSITION_BEFORE = re.compile(r"\b(?:[Ll]ike|[Uu]nlike|[Bb]esides|[Ee]xcept)\s+"
                                r"(?:[A-Z][\w.\u2019'\-]*\s+){0,3}$")  # "Unlike Sen. Al Mnajer": titles and particles
ASIDE_AFTER = re.compile(r"[\w'\u2019.\-]*\s*,\s*(?:he|she)\s+(?:said|says|added|adds|noted|notes)\b")


class Salience:
    """Ranks the people named before a pronoun (see the constants above for the scoring)."""

    def __init__(self, text: str, people, gender, sentence_of, para_span, quoted, sentence_start):
        self.text, self.people, self.gender, self.sentence_start = text, people, gender, sentence_start
        self.sentence_of, self.para_span, self.quoted = sentence_of, para_span, quoted
        self._captions: dict[int, bool] = {}
        self._compared: dict[int, bool] = {}

    def caption(self, pos: int) -> bool:
        """Whether ``pos`` is in a photo caption paragraph ("... ( Toronto Star file photo )")."""
        start, end = self.para_span(pos)
        if start not in self._captions:
            self._captions[start] = bool(CAPTION.search(self.text, max(start, end - 200), end))
        return self._captions[start]

    def pick(self, want: str | None, pronoun_at: int, speakers: set[str], addressee=None):
        """The person "he"/"she" (gender ``want``) at ``pronoun_at`` most likely means, or None
        (``speakers``: who spoke just before; ``addressee``: whom the pronoun speaks to, never itself)."""
        here = self.sentence_of(pronoun_at)
        found = []  # (at, person, sentence), latest first
        for at, person in self.people.latest_before(pronoun_at, MENTIONS_BACK):
            sentence = self.sentence_of(at)
            if here - sentence > SENTENCES_BACK:
                break
            found.append((at, person, sentence))
        firsts: dict[int, int] = {}  # sentence -> position of its subject
        for at, person, sentence in reversed(found):
            if sentence not in firsts and not self.quoted(at) and not self.possessor(at):
                firsts[sentence] = at
        subjects = {at for at in firsts.values() if self.opens_sentence(at)}
        subjects |= {at for at, _, _ in found if SPEECH_AFTER.match(self.text, self._run_end(at))
                     or SPEECH_BEFORE.search(self.text, max(0, at - 60), at)}
        best, choice = None, None
        para = self.para_span(pronoun_at)
        for at, person, sentence in found:
            if person is addressee or self.quoted(at) or self.caption(at) or self.compared(at) or \
                    ASIDE_AFTER.match(self.text, self._run_end(at)):
                continue
            g = self.gender(person)
            if want and g and g != want:
                continue
            score = (sentence - here + SUBJECT_BONUS * (at in subjects) - PARAGRAPH_COST * (self.para_span(at) != para)
                     + SPEAKER_BONUS * (person.name in speakers) + GENDER_BONUS * (want is not None and g == want)
                     - POSSESSOR_COST * self.possessor(at))
            if best is None or score > best:
                best, choice = score, person
        return choice

    def opens_sentence(self, at: int) -> bool:
        """Whether the name at ``at`` stands where a subject does: at most two lowercase words (and any
        capitalised title) before it in its sentence ("In an interview, Kerr ..."; not "porters like Kerr")."""
        start = self.sentence_start(at)
        if self.compared(at):
            return False  # "Unlike Al Mnajer, he has ...": the object of a preposition, not the subject
        words = re.findall(r"[^\W\d_][\w'\u2019\-]*", self.text[max(start, at - 200):at])
        return sum(w[:1].islower() for w in words) <= 2

    def compared(self, at: int) -> bool:
        """Whether the name at ``at`` follows "like"/"unlike"/"despite"... (the object of a preposition)."""
        found = self._compared.get(at)
        if found is None:
            found = self._compared[at] = bool(PREPOSITION_BEFORE.search(self.text, max(0, at - 60), at))
        return found

    def _run_end(self, at: int) -> int:
        run = RUN.match(self.text, at)
        return run.end() if run else at

    def possessor(self, at: int) -> bool:
        run = RUN.match(self.text, at)
        return bool(run) and run.group().endswith(("'s", "\u2019s", "'", "\u2019"))
