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
The phrasings themselves are patterns in :mod:`harm`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .harm import (FINDING_WORDS, OBJECT_WORDS, SUSPECT_WORDS, may_match, AGE_AFTER, AGE_BEFORE, ASIDE, BODY, CARE_FOR_HARM, CARE_ONLY, DESCRIBED, DESCRIBED_HARMED, FINDING, FINDING_AFTER,
                   IDENTIFIED, KILLED_RE, MODIFIER, OBJECT_HARM, PLACE_BEFORE, PRONOUN_HARM, SELF_HARM, SENT_KILLED,
                   SHOOTER_AFTER, SKIP, SOURCE_BEFORE, SUBJECT_PRED, SUSPECT_AFTER, SUSPECT_BEFORE)
from .lexicon import NON_PERSON, US_STATES
from .names import TOKEN, looks_like_person, split_role_name

NICK = r"[\"\u201c'\u2018][A-Z][\w.\-]*[\"\u201d'\u2019]"
PARTICLE = r"(?:de|da|del|van|von|der|bin|al|el|la|le|du|dos|ibn|di)"
NAME_RUN = re.compile(rf"(?=[A-Z]){TOKEN}(?:[ \t]+(?:{NICK}[ \t]+)?(?:{PARTICLE}[ \t]+)?{TOKEN})*")
NICK_RE = re.compile(NICK)
INITIAL = re.compile(r"[A-Z]\.")
# A lower-case title before a name makes a source ("police commissioner Ann Dell said"): like a capitalised one.
SOURCE_TITLE = re.compile(r"\b(?:commissioner|chief|spokes(?:man|woman|person)|sheriff|detective|lieutenant|sergeant|captain|"
                          r"coroner|prosecutor|attorney|mayor|superintendent|investigator|lt\.|sgt\.|det\.)\s+$")
MONTH_NAMES = frozenset("january february march april may june july august september october november december".split())
DATE_BEFORE = re.compile(r"\b(?:in|on|since|last|next|early|late|mid|of|by|until|from|through)\s+$", re.I)
YEAR_OLD = re.compile(r"\b(\d{1,3})-year-old\b")
VICTIM_NOUN = re.compile(r"\s*(?:[a-z]+\s+){0,2}(?:victims?)\b")
FATAL = re.compile(r"\b(?:fatal|fatally|deadly)\b", re.I)
SUFFIXES = frozenset("Jr Sr II III IV".split())
# A capitalised run ending in one of these describes someone ("Ohio Boy, 7, Killed"), it names no one.
PERSON_NOUNS = frozenset("boy girl man woman teen teenager toddler baby child samaritan victim victims".split())
# A run followed by these is where someone lives: "an 18-year-old Kestrel Bay resident", "a Dunmore man".
PLACE_AFTER = re.compile(r"\s+(?:residents?|natives?|man|woman|men|women|boy|girl|teen|teenager|couple|family)\b")
# An apposition that says whose relative the person is: the predicate after it is that relative's.
KIN_OF = re.compile(r",\s*(?:the|a|an|his|her|their)\s+(?:\w+\s+){0,2}?(?:daughter|son|mother|father|wife|husband|brother|"
                    r"sister|cousin|niece|nephew|uncle|aunt|grandson|granddaughter|grandmother|grandfather|girlfriend|"
                    r"boyfriend|fianc[\u00e9e]e?|partner|friend|neighbou?r|child|children|parents?|widow|widower)s?\s+of\b", re.I)
# An unnamed person who opens a sentence is nearer to a later "he" than anyone named before it.
UNNAMED_SUBJECT = re.compile(r"(?:^|[.!?]\s+)(?:The|A|An)\s+(?:\d{1,3}-year-old\s+)?(?:boy|girl|man|woman|victim|teen|"
                             r"teenager|child|toddler|baby|driver|passenger)\b", re.M)
# A finite verb right after a subject (adverbs allowed): "X was able to", "X also stated", "X fired".
OWN_VERB = re.compile(r"(?:'s|\u2019s)?,?\s+(?:(?:also|then|later|allegedly|reportedly|apparently|told)\s+)*"
                      r"(?:was|were|is|had|has|did|could|would|went|took|told|got|grabbed|pulled|fired|stated|admitted)\b")
CLAUSE_BREAK = re.compile(r"[;:]|\b(?:but|who|which|whom|when|while|after|before|because|although|though|until|where)\b")
UNNAMED = re.compile(r"\b(?:a|an|another)\s+(?:\d{1,3}-year-old\s+)?(?:man|woman|boy|girl|teen|teenager|child|"
                     r"toddler|baby|bystander)\b", re.I)
# States that are also given names ("Georgia Lane", "Montana Reyes"): never read as a place this way.
STATE_GIVEN_NAMES = frozenset("georgia virginia montana dakota indiana nevada carolina washington florida".split())
# A clause with a subject of its own: "X shot Y, who then turned the gun on himself" (Y did).
OTHER_SUBJECT = re.compile(r"[;:]|\b(?:who|which|whom|but|after|when|while|police|officers?|deputies|he|she|they)\b")
POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


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
        _read(text, m.start(), m.end(), sents[si], person)
    _pronouns(text, sents, starts, timeline, quoted)
    harmed = [p for p in persons if p.harmed]
    for p in harmed:
        if p.age is None:
            p.age = _described_age(text, sents, p, alone=len(harmed) == 1)
    return persons


@lru_cache(maxsize=8192)
def run_parts(run: str) -> tuple[str, str, str | None, tuple[str, ...], tuple[str, ...], tuple[str, ...], bool]:
    """What a capitalised run says by itself, before the article's people are consulted.

    (bare, its key, role, name, the tokens to check as a name, suffix, opens with a month):
    ``bare`` is a one-word run without its possessive ("Bishop's" -> "Bishop"), else "".
    A pure function of the run's text, memoised: the same runs recur through an article.
    """
    bare = POSSESSIVE.sub("", run) if " " not in run else ""
    raw = (NICK_RE.sub(" ", run) if "\"" in run or "'" in run or "\u201c" in run or "\u2018" in run else run).split()
    if raw and POSSESSIVE.search(raw[-1]) and len(raw[-1]) > 2:
        raw[-1] = POSSESSIVE.sub("", raw[-1])
    cut = next((i for i, t in enumerate(raw[2:-1], 2) if t in ("Jr.", "Sr.")), None)
    if cut is not None:
        raw = raw[:cut + 1]  # "Dale Pike Sr. Pike told police": the name ends at its suffix
    suffix = [raw.pop()] if len(raw) > 2 and raw[-1].rstrip(".,") in SUFFIXES else []
    role, name = split_role_name(raw)
    check = name
    if not name and len(raw) >= 2 and raw[-2][:1].isupper() and raw[-1].lower() not in NON_PERSON \
            and not split_role_name(raw[-2:-1])[0]:
        role, name = split_role_name(raw[:-2])[0], raw[-2:]  # "Gregory Bishop", "Ann King": a surname, no title
        check = name[:-1]
    elif not name and bare:
        name, check = [bare], []  # "Bishop" alone, once "Gregory Bishop" is known
    check = [t for t in check if not INITIAL.fullmatch(t)]  # "Christine A. Lucas": "A." is no article
    month = len(check) >= 2 and check[0].lower() in MONTH_NAMES
    return bare, bare.lower().rstrip("."), role, tuple(name), tuple(check), tuple(suffix), month


@lru_cache(maxsize=8192)
def is_name(name: tuple[str, ...], check: tuple[str, ...]) -> bool:
    """``name`` can be a person's name: ``check`` (its given names) looks like one, and it is no
    acronym and no hyphenated place or organisation ("Harbour-Times", "Mid-County")."""
    return not (not name or check and not looks_like_person(check) or all(t.isupper() for t in name) or any(
        part.lower() in NON_PERSON for t in name if "-" in t for part in t.split("-")))


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


class common_words:  # noqa: N801 - used like a function returning a set
    """Words the text also writes in lower case: "Then" or "Boy" opening a capitalised run is not a name.

    Read on first use: most texts never need it, and a huge one pays one linear pass.
    """

    def __init__(self, text: str):
        self.text, self.words = text, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = set(re.findall(r"(?<![\w.])[a-z][a-z\-]+", self.text))
        return word in self.words


def not_a_name(text: str, run_start: int, name: list[str], common: common_words) -> bool:
    """A place ("from Kestrel Bay", "a Kestrel Bay resident"), a description ("Ohio Boy", "Good
    Samaritan") or a capitalised common word ("Then", "Black") opening the run."""
    if PLACE_BEFORE.search(text, max(0, run_start - 12), run_start):
        return True
    if name[-1].lower().rstrip(".,") in PERSON_NOUNS:
        return True
    last = text.find(name[-1], run_start, run_start + 200)
    if last >= 0 and PLACE_AFTER.match(text, last + len(name[-1])):
        return True
    if name[0].lower() in US_STATES and name[0].lower() not in STATE_GIVEN_NAMES and re.search(rf",\s+{re.escape(name[0])}\b", text):
        return True  # "Douds, Iowa" elsewhere: "Iowa Undetermined" opens with a place, not a given name
    return len(name[0]) > 2 and name[0].lower() in common


def _read(text: str, run_start: int, end: int, sent: tuple[int, int], p: Victim) -> None:
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
    pos = _skip(text, end, after_end)
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
                "injured" if obj.group("i") else _sentence_status(text, max(0, s_start - 300), s_end))
            how = "object"
        elif ident or finding:
            status = _sentence_status(text, max(0, s_start - 300), s_end)
            how = "identified" if ident else "finding"
    if status and (p.status is None or _rank(status) > _rank(p.status)):
        p.status, p.evidence = status, how
        p.sentence, p.harm_at = sent[0], run_start


def _pronouns(text: str, sents: list[tuple[int, int]], starts: list[int], timeline: list[tuple[int, Victim]],
              quoted: Callable[[int], bool] | None = None) -> None:
    """ "He later died", "deputies shot him", "pronounced her dead": the harm of the person last named.

    The person is the most recent one mentioned in this sentence or the two before who is known
    to be a person and is not a titled source (police rarely shoot the sergeant who speaks); being
    harmed this way counts
    even for a suspect ("officers fired and struck him").
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
        if person.status is None or _rank(status) > _rank(person.status):
            person.status, person.evidence = status, "pronoun"
            person.sentence, person.harm_at = sents[si][0], m.start()


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


def _unnamed_between(text: str, pos: int, end: int) -> bool:
    """An unnamed person after the name at ``pos`` (past its apposition) and before ``end``:
    "X ... hitting a 40-year-old woman. She was in serious condition" means the woman."""
    run = NAME_RUN.match(text, pos)
    return run is not None and bool(UNNAMED.search(text, _skip(text, run.end(), end), end))


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
    return bool(OWN_VERB.match(text, _skip(text, run.end(), sent[1]), sent[1])) and not CLAUSE_BREAK.search(text, run.end(), end)


def _quoted(text: str, start: int, pos: int) -> bool:
    """Inside a quotation opened earlier in the sentence: there "him" is someone the speaker means."""
    between = text[start:pos]
    return between.count("\u201c") > between.count("\u201d") or between.count('"') % 2 == 1


def _known_person(p: Victim) -> bool:
    """Someone "he" can be: not a titled source, and a person by an age or a short mention ("Holt")."""
    return not p.official and (p.age is not None or p.short)


def _rank(status: str) -> int:
    return {"named victim": 0, "injured": 1, "killed": 2}[status]


def _sentence_status(text: str, start: int, end: int) -> str:
    return "killed" if SENT_KILLED.search(text, start, end) else "injured"


def _skip(text: str, pos: int, limit: int) -> int:
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
