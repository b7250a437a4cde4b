"""Official quotes and who said them.

Each quotation region is attributed from, in order: an attribution right
after it (``"...," he said`` / ``said Ms Rahman`` / ``according to police``),
a speech verb before it in the same sentence (``Austin said the US would
"..."`` / ``The coroner told the court: "..."``), a colon lead-in ending the
previous paragraph, and finally the person or quote just before it (news
leaves the speaker of a follow-on quote implicit). Scare quotes and titles,
which have no speaker, are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort

from ..model import Quote, digest
from .lexicon import NON_PERSON, PRONOUNS, SPEECH, SPEECH_VERBS, TITLE_WORDS, US_STATES
from .coref import gender_of
from .document import Document
from .names import RUN, People, looks_like_person, split_role_name
from .speakers import CLAUSE_OPENERS, PARTY_PAREN, PARTY_STATE, Salience, clean_role, clean_speaker, trim_subject
from .text import Region, outer

LEAD = r"\s*[,\u2014\u2013-]?\s*"
NP = rf"(?P<np>(?:(?:Sgt|Lt|Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Del|St|Col|Gen|Capt|Cpl|Det|Insp|Supt|Prof|Rev)\.|\b(?:[A-Z]\.){{2,3}}|\b[A-Z]\.(?=\s?[A-Z])|{PARTY_PAREN}|[^,.;:!?\"\u201c\u201d]){{1,80}}?)"
APPOS = r"(?:,\s*(?P<appos>[^,\"\u201c]{1,100}?),)?"
AUX = r"(?:(?:has|had|have|also|later|then|further|again|previously|once)\s+)*"
AFTER_NP_FIRST = re.compile(rf"{LEAD}{NP}{APPOS}\s+{AUX}(?P<verb>{SPEECH})\b")
AFTER_VERB_FIRST = re.compile(rf"{LEAD}(?:{SPEECH})\s+(?P<np>(?:(?:Sgt|Lt|Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Del|St|Col|Gen|Capt|Cpl|Det|Insp|Supt|Prof|Rev)\.|\b(?:[A-Z]\.){{2,3}}|\b[A-Z]\.(?=\s?[A-Z])|{PARTY_PAREN}|[^,.;:!?\"\u201c]){{1,80}})"
                              rf"(?:,\s*(?P<appos>(?:a|an|the|who|of)\b[^,.;]{{1,100}}|[A-Z][\w\-\u2019']+(?:\s+[A-Z][\w\-\u2019']+){{1,3}}))?")
# "the statement said" / "the agency said": a document speaks for its issuer, a body for the organisation.
DOCUMENT_HEADS = frozenset("statement report lawsuit claim suit letter paper document filing complaint release "
                           "memo study survey analysis".split())
ORG_WORDS = frozenset("agency firm company organization organisation association department ministry group team "
                      "club board union council committee commission office bureau corporation business network "
                      "league federation institute foundation charity campaign".split())
COMPLEMENT_WORDS = frozenset("close familiar loyal linked allied opposed related near".split())
COMPLEMENT = re.compile(r"\b(?:close|familiar|loyal|linked|allied|opposed|related|near)\s+(?:to|with)\b", re.I)
QUOTED = re.compile("[\"\u201c][^\"\u201c\u201d]{0,300}[\"\u201d]")
PARTY_TAG = re.compile(rf"\s*{PARTY_PAREN}")
OF_PLACE = re.compile(r"(.*?[A-Z][\w.\u2019'\-]*)\s+of\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}")
# "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell": titles, then a name.
LONG_TITLED_NAME = re.compile(r"\b(?:[A-Z][\w.\-]*\s+){3,}[A-Z][\w\-]+$")
# "Sgt. Dana Kowalczyk of the patrol's Harlow Springs post": a titled name and where the person serves.
OF_AFFILIATION = re.compile(r"(.*?[A-Z][\w\u2019'\-]*)\s+((?:of|with|at|from)\s+the\s+[^,;:]{1,80})")
# "Ada Roth for Pollwise Daily" (a writer and the outlet she writes for): two to four name words first.
FOR_OUTLET = re.compile(r"([A-Z][\w.\u2019'\-]*(?:\s+[A-Z][\w.\u2019'\-]*){1,3})\s+for\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}")
# "Ida Moor's brief", "Roth's flurry of posts": a possessor and what she said or wrote.
OWNED_UTTERANCE = re.compile(r"(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})(?:'s|\u2019s|'|\u2019)\s+"
                             r"(?P<head>[\w\-]+(?:\s+[\w\-]+){0,3})")
UTTERANCE_NOUNS = frozenset("""brief statement statements metaphor tweet tweets post posts message messages remarks
comments comment words flurry memo speech testimony filing letter email emails ad advertisement op-ed column essay
response reply answer""".split())
ACCORDING = re.compile(r"according to\s+(?P<np>[^,.;:!?\"\u201c]{1,80})", re.I)
# A speech word after a determiner or possessor is a noun ("her late-night tweets", "the calls", "Kerr's notes").
NOT_AFTER = "".join(f"(?<!{w} )" for w in ("the", "his", "her", "its", "our", "their", "'s", "\u2019s", "-night", "of",
                                         "these", "those", "many", "several", "my", "your"))
VERB = re.compile(rf"\b(?=(?:{SPEECH})\b){NOT_AFTER}(?:{SPEECH})\b")  # the lookahead first: cheap where no verb starts
# A name or label introduced as such: never a quote ("the so-called "safe zone"", "a rally known as ...").
SCARE = re.compile(r"(?:so-called|known as|named|titled|entitled|codenamed|nicknamed|operation|the word|the phrase)\s*$",
                   re.I)
STOP_BACK = frozenset("""in on at to from with by after before when while and but or that which who whom as if because
since though although where speaking meanwhile however also yet so than into during about over under
said says told added is was were be been being are it this these those then there here not""".split())
TRAIL = re.compile(r"\s+(?:in a statement|on condition of anonymity|in an interview|on (?:monday|tuesday|wednesday|"
                   r"thursday|friday|saturday|sunday)|who .*|on .*|in .*|at .*|to .*|during .*|after .*|"
                   r"earlier .*|late .*|last .*|this .*|as .*|when .*)$", re.I)


ABBREV = r"(?:Sgt|Lt|Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Del|St|Col|Gen|Capt|Cpl|Pvt|Maj|Det|Insp|Supt|Prof|Rev|Jr|Sr|Cmdr|Adm|Brig)\."
NAME_RUN = r"[A-Z][\w\-\u2019']+(?:\s+(?:and\s+)?[A-Z][\w\-\u2019']+){1,4}"
PREPOSITIONS = frozenset("to of for from with at in on by about".split())
SPEECH_WORDS = frozenset(SPEECH_VERBS)
# How far before a speech verb its subject can start: bounds the work per verb, so a sentence
# with thousands of "said" stays linear.
SUBJECT_REACH = 300
# A quote lists a statement: one or two words in quote marks ("a mistake", "top secret", "Yes,") are a
# phrase the reader sees in the text, not an item of their own (briefing-json.md, what counts).
MIN_QUOTE_WORDS = 3
PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|more|also|often|now|once|still|widely)\s+)*$")
LABEL_VERBS = frozenset(("described", "called", "branded", "describing", "calling", "calls", "describes"))  # they name things as often as people


def _at(event: tuple) -> int:
    return event[0]


def is_description(speaker: str) -> bool:
    """ "a US defence official", "police": a speaker described, not named."""
    first = speaker.split()[0] if speaker.split() else ""
    return first.lower() in ("a", "an", "the") or first[:1].islower()


def _words(s: str) -> int:
    return len(re.findall(r"[\w\u2019']+", s))


class Attributor:
    """Resolves attribution phrases to (speaker, role) against the article's people."""

    def __init__(self, people: People):
        self.people = people
        self._genders: dict[int, str | None] = {}
        self.orgs: list[tuple[int, str]] | None = None  # (position, name) of organisations outside quotes
        self.org_source = list  # gives self.orgs on first use
        self.events: list[tuple[int, str | None, str | None]] = []  # (position, speaker, role) of every "X said"
        self.subjects: list[tuple[int, str]] = []  # (position, subject) of sentences, for "it said"
        self.salience: Salience | None = None  # ranks who "he"/"she" is, once sentences are known
        self.addressee = None  # the person a pronoun speaks to ("he tells Foster"): never the pronoun itself

    def record(self, pos: int, speaker: str | None, role: str | None) -> None:
        if speaker:
            insort(self.events, (pos, speaker, role), key=_at)

    def events_before(self, pos: int, limit: int = 200):
        """Speech events before ``pos``, latest first (at most ``limit``: antecedents are near)."""
        k = bisect_left(self.events, pos, key=_at)
        for i in range(k - 1, max(k - 1 - limit, -1), -1):
            yield self.events[i]

    def org_before(self, pos: int, reach: int = 2000) -> str | None:
        """The organisation named latest before ``pos`` (a multi-word name before an acronym)."""
        if self.orgs is None:
            self.orgs = self.org_source()
        k = bisect_left(self.orgs, (pos, ""))
        acronym = None
        for i in range(k - 1, max(k - 30, -1), -1):
            at, name = self.orgs[i]
            if at < pos - reach:
                break
            if " " in name:
                return name
            acronym = acronym or name
        return acronym

    def gender(self, person) -> str | None:
        """ "m", "f" or None for a registered person (honorific, role, kin word or first name)."""
        if person.index not in self._genders:
            self._genders[person.index] = gender_of(self.people.text, person.name, person.role, person.mentions)
        return self._genders[person.index]

    def antecedent(self, pronoun: str, pos: int) -> tuple[str | None, str | None]:
        """Who "he", "she", "they" or "it" is: the latest person or speaker before ``pos``."""
        if pronoun in ("i", "we"):
            return None, None
        event = next(self.events_before(pos), None)
        if pronoun in ("it", "they"):
            k = bisect_left(self.subjects, pos, key=_at)
            subject = self.subjects[k - 1] if k else None
            event = next((e for e in self.events_before(pos, 50) if not self.people.find(e[1] or "")), None)
            if event and (not subject or event[0] >= subject[0]):
                return event[1], event[2]
            return (subject[1], None) if subject else (None, None)
        want = "m" if pronoun == "he" else "f" if pronoun == "she" else None
        person = None
        if self.salience is not None and want:
            speakers = {e[1] for e in self.events_before(pos, 5)}
            person = self.salience.pick(want, self._pronoun_at(pronoun, pos), speakers, self.addressee)
        person = person or self.people.last_before(pos, accept=lambda p: want is None or self.gender(p) in (None, want)) \
            or self.people.last_before(pos)
        seen = max((m for m in person.mentions if m < pos), default=-1) if person else -1
        if event and event[0] > seen and is_description(event[1] or "") and pronoun in ("he", "she") \
                and not re.search(r"s$", event[1] or ""):
            return event[1], event[2]  # "A coastguard spokesperson said ... 'Conditions ...,' she said."
        return (person.name, person.role) if person else (None, None)

    def _pronoun_at(self, pronoun: str, pos: int) -> int:
        """Where the subject pronoun of a verb before ``pos`` stands, if in the same sentence ("He said Kerr
        was "..."": Kerr, named after "He", is not who "He" is); else ``pos`` (the pronoun follows the quote)."""
        text = self.people.text
        last = None
        for last in re.finditer(rf"\b{pronoun}\b", text[max(0, pos - 300):pos], re.I):
            pass
        if last is None:
            return pos
        at = max(0, pos - 300) + last.start()
        return at if self.salience.sentence_of(at) == self.salience.sentence_of(pos) else pos

    def resolve(self, np: str, appos: str | None, pos: int) -> tuple[str | None, str | None]:
        """(speaker, role) for the subject ``np`` of a speech verb at ``pos``; (None, None) for a fragment."""
        speaker, role = self._resolve(trim_subject(np), appos, pos)
        speaker = clean_speaker(speaker)
        return (speaker, role) if speaker else (None, None)

    def _resolve(self, np: str, appos: str | None, pos: int) -> tuple[str | None, str | None]:
        np = re.sub(r"^(?:and|but|so|then|meanwhile|however|also|while)\b\s*", "", np.strip(), flags=re.I)
        if not COMPLEMENT.search(np):  # keep "a person close to the family", "an official familiar with it"
            np = TRAIL.sub("", np).strip(" ,")
        np = PARTY_TAG.sub("", np).strip()  # "Sen. Pat Kerr (R-Pa.)"
        home = OF_PLACE.fullmatch(np)
        if home and home.group(1).split()[-1].lower().rstrip(".") not in TITLE_WORDS:
            np = home.group(1)  # "Sen. Tom Kerr of Delaware", "Pat Moran of Cheyenne": the place is not the speaker
        affiliation = None
        posted = OF_AFFILIATION.fullmatch(np)
        if posted and had_person(posted.group(1)):
            np, affiliation = posted.group(1), posted.group(2)  # "Sgt. Dana Kowalczyk of the patrol's post"
        by_line = FOR_OUTLET.fullmatch(np)
        if by_line and looks_like_person(by_line.group(1).split()):
            np = by_line.group(1)  # "wrote Ada Roth for Pollwise Daily": the writer speaks, not the outlet
        owned = OWNED_UTTERANCE.fullmatch(np)
        if owned and any(w.lower() in UTTERANCE_NOUNS for w in owned.group("head").split()):
            np = owned.group("owner")  # "Ida Moor's brief said", "Roth's metaphor": the owner speaks
        elif owned and owned.group("head").lower() in ("office", "campaign", "camp") and \
                self.people.find(owned.group("owner").split()[-1], pos):
            np, appos = owned.group("owner"), owned.group("head")  # "Ryan's office said": Ryan speaks, through it
        np = re.sub(r"^(?:a|an|the|in a)\s+(?:statement|post|letter|report|release|message)\s+(?:from|by|issued by)\s+",
                    "", np, flags=re.I)  # "a statement from the agency" -> "the agency"
        if not np or _words(np) > (12 if LONG_TITLED_NAME.search(np) else 9):
            return None, None  # a clause, not a subject; a long title before a name is still one
        if appos and re.fullmatch(NAME_RUN, appos.strip()) and (not np[:1].isupper() or np.split()[-1][:1].islower()):
            np, appos = appos.strip(), np  # "said her uncle, Stefan Prell" / "Kerr's campaign manager, Jo Ode, said"
        role = _appos_role(appos)
        if np.lower() in PRONOUNS:
            return self.antecedent(np.lower(), pos)
        tokens = np.split()
        cut = len(tokens)
        while cut > 0 and (tokens[cut - 1][:1].isupper() or tokens[cut - 1].lower() in {"of", "for", "al", "de", "van", "von", "bin"}):
            cut -= 1
        if 0 < cut < len(tokens) and tokens[cut - 1].lower() in ("for", "of", "at", "from", "with", "in"):
            cut = len(tokens)  # "a negotiator for the Sanvik Movement": the name is not the speaker
        if cut == 2 and tokens[0][:1].isupper() and tokens[1] == "and" and looks_like_person(tokens[2:]):
            return np, role  # "Graham and Lesley Morley": a couple speaks together
        title, name = split_role_name(tokens[cut:])
        if name and looks_like_person(name):
            lead = [t for t in tokens[:cut] if t.lower() not in ("a", "an", "the")]
            role = " ".join([*lead, title] if title else lead) or role
            full = " ".join(name)
            person = self.people.find(full, pos)
            if person is None and (len(name) >= 2 or role):
                person = self.people.add(full, role, pos) if len(name) >= 2 else None
            if person is None:
                return full, role
            self.people.mention(person, pos)
            role = role or person.role
            return person.name, f"{role} {affiliation}" if role and affiliation else role or affiliation
        definite = re.fullmatch(r"the\s+([a-z\-]+(?:\s+[a-z\-]+)?)", np, re.I)
        if definite:
            head = definite.group(1).lower()
            for person in sorted(self.people.persons, key=lambda p: -p.mentions[0]):
                if person.role and head.split()[-1] in person.role.lower().split() and person.mentions[0] < pos \
                        and head.split()[-1] in TITLE_WORDS:
                    return person.name, person.role
            for event_pos, speaker, role in self.events_before(pos):  # "a senior official ... the official said"
                if speaker and speaker.lower() != np.lower() and \
                        re.search(rf"\b{re.escape(head)}$", speaker.lower()) and is_description(speaker):
                    return speaker, role
            last = head.split()[-1]
            if last in DOCUMENT_HEADS:  # "The statement also said": whoever issued the statement
                issuer = next((e for e in self.events_before(pos, 20) if e[1] and not self.people.find(e[1])
                               and e[1].split()[-1].lower() not in DOCUMENT_HEADS), None)
                if issuer:
                    return issuer[1], issuer[2]
            if last in DOCUMENT_HEADS or last in ORG_WORDS:  # "the agency said": the organisation named before
                org = self.org_before(pos)
                if org:
                    return org, None
        if not re.search(r"[A-Za-z]", np) or np.split()[0].lower() in ("it", "this", "that", "there"):
            return None, None
        return np, role


def had_person(np: str) -> bool:
    """Whether ``np`` ends in a name of two words or more ("Sgt. Dana Kowalczyk", "Stu Rothenberg")."""
    title, name = split_role_name(np.split())
    return len(name) >= 2 and looks_like_person(name)


def _appos_role(appos: str | None) -> str | None:
    if not appos:
        return None
    appos = appos.strip()
    if appos.lower().startswith("who"):
        return None
    return re.sub(r"^(?:a|an|the)\s+", "", appos, flags=re.I) or None


# Anchored at a comma (or a space) and bounded, so a long sentence costs linear time.
TRAILING_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^\n]*,\s*$")
TRAILING_NAME = re.compile(rf",\s*({NAME_RUN}),\s*$")
TRAILING_APPOS = re.compile(r"(?<=[\w.)\u2019']),\s*((?:(?:a|an|the|of|from|for)\s|[a-z]|[A-Z][\w\-]*(?:'s|\u2019s)\s)"
                            r"[^\"\u201c\u201d]{0,120}?),\s*$")  # "..., Canada's ambassador to China, said" too
TRAILING_AUX = re.compile(rf"\s+{AUX}$")
# "Hal Brenner, 41, of Corvel, N.C., who ... said": an age and a home town follow the name, not end it.
_AGE = r",\s*\d{1,3}"
_HOME = r",?\s+(?:of|from)\s+[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2},\s*[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?"
TRAILING_AGE_HOME = re.compile(rf"(?<=[a-z])(?:{_AGE}(?:{_HOME})?|{_HOME})[,\s]*$")


def _drop_age_home(s: str) -> str:
    """``s`` without an age or "of Town, State" closing it (the state must be one: "On the subject of Israel, Trump")."""
    m = TRAILING_AGE_HOME.search(s)
    if not m:
        return s
    state = m.group().rstrip(", \t\n").rsplit(",", 1)[-1].strip().lower().rstrip(".")
    if re.search(r"\b(?:of|from)\s", m.group()) and state not in US_STATES:
        return s
    return s[:m.start()]
# "Sen. Ida Moor on Saturday criticized": a time between subject and verb is not the subject.
TRAILING_TIME = re.compile(r"(?:,?\s+(?:on|late|early|last|this|earlier|later)?)?\s+(?:Monday|Tuesday|Wednesday|Thursday|"
                           r"Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?,?\s*$")


def subject_before(s: str) -> tuple[str, str | None]:
    """The noun phrase just before the end of ``s`` (the subject of a speech verb)."""
    appos = None
    if s.rstrip().endswith(","):  # the patterns below all end in a comma: skip them cheaply otherwise
        rel = TRAILING_RELATIVE.search(s)
        if rel:  # "A senior official, who spoke on condition of anonymity, said"
            s = s[:rel.start()] + " "
    if s.rstrip().endswith(","):
        named = TRAILING_NAME.search(s, max(0, len(s) - 160))
        lead = s[:named.start()].rsplit(",", 1)[-1][-60:] if named else ""
        if named and lead.strip() and not lead.split()[-1][:1].isupper():
            return named.group(1), lead.strip()  # "Corvel's mayor, Theo Varga, said"
        # "Ian Tolley, of Wexmoor Fire Service, said" / "Gail Thursby, regional organiser for the union, said" /
        # "Simon Eastley, prosecuting, told the court": the apposition is the role, the name the speaker.
        m = TRAILING_APPOS.search(s, max(0, len(s) - 160))
        if m and not VERB.search(m.group(1)):
            appos, s = re.sub(r"^(?:of|from)\s+", "of ", m.group(1)), s[:m.start()]
    s = s[:-120] + TRAILING_AUX.sub("", s[-120:])
    s = s[:-80] + _drop_age_home(s[-80:])
    s = s[:-60] + TRAILING_TIME.sub("", s[-60:])
    s = s[:-40] + PARTY_STATE.sub("", s[-40:])  # "Sen. Ann Kerr, D-Mich., said": the tag is not the subject
    tokens = re.findall(r"[\w\u2019'\-.&]+|[^\w\s]", s)
    np: list[str] = []
    while tokens and len(np) < 8:
        t = tokens.pop()
        low = t.lower()
        if low in ("to", "with") and np and tokens and tokens[-1].lower() in COMPLEMENT_WORDS:
            np.insert(0, t)  # "a person close to the family said": the phrase goes on
            continue
        if not re.match(r"\w", t) or low in STOP_BACK and not (low in ("of", "for", "and") and np and np[0][:1].isupper()):
            if low in PREPOSITIONS and np:  # "... authorised to speak to the media said": a relative clause
                rel = re.search(r"((?:\b(?:a|an|the)\s+[\w\-]+(?:\s+[\w\-]+){0,4}?)|(?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)+))"
                                r"\s*,?\s+who\b", s)
                if rel:
                    return rel.group(1), appos
            break
        np.insert(0, t)
        if low in ("a", "an", "the") and len(tokens) >= 2 and tokens[-1].lower() in ("to", "with") \
                and tokens[-2].lower() in COMPLEMENT_WORDS:
            continue  # "close to the family": the determiner is inside the phrase
        if low in ("a", "an", "the") or len(np) == 1 and low in PRONOUNS:
            break  # "a poem she wrote": the subject is "she"
    return " ".join(np), appos




def _possessed(text: str, at: int) -> bool:
    """Whether the name at ``at`` is a possessor ("Kerr's aide"), which is not the subject."""
    run = RUN.match(text, at)
    return bool(run) and run.group().endswith(("'s", "\u2019s", "'", "\u2019"))


# A verb whose subject is the sentence's, left out after a conjunction: "Kerr backed it, but now said".
ELIDED_SUBJECT = re.compile(r"\b(?:and|but|then|yet|so)\b(?:\s+(?:now|later|then|also|again|still|[a-z]+ly))*\s*$")


def sentence_subject(s: str) -> str:
    """The subject at the start of a sentence: "The Sarvenian army denied ..." -> "The Sarvenian army"."""
    words = re.findall(r"[\w\u2019'\-&]+", s)[:8]
    out = []
    for w in words:
        if w.lower() in STOP_BACK or (out and (w.endswith("ed") or w.lower() in SPEECH_WORDS)):
            break
        out.append(w)
    return " ".join(out)


class _Context:
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
        if v.group().endswith("ing") and finite is not None:
            np, appos = subject_before(before[max(0, finite.start() - SUBJECT_REACH):finite.start()])
        elif v.group().endswith("ing"):  # "The army denied it, saying ..." -> the sentence's subject
            return self.sentence_speaker(sent_start, pos)
        else:
            np, appos = subject_before(before[max(0, v.start() - SUBJECT_REACH):v.start()])
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
        head = re.sub(r"^(?:But|And|Yet|So|Still|Then)\s+", "", head)  # "But Sen. Ann Kerr refused ..., responding"
        np = sentence_subject(head)  # a quotation opening the sentence is not its subject
        opening = sentence_subject(head.split(",", 1)[0])
        if opening and had_person(opening):  # "Ann Kerr on Thursday attacked Ode, saying he is": a name opens it
            return self.att.resolve(opening, None, pos)
        first = next((p for at, p in self.people.between(sent_start, pos)
                      if not _possessed(self.text, at)), None)  # "Kerr's aide" is not Kerr
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


def find_quotes(text: str, sents: list[tuple[int, int]], paras: list[tuple[int, int]],
                regions: list[Region], people: People, doc: Document | None = None) -> list[Quote]:
    """Quotes in document order with their speakers (``doc`` adds organisations for "the agency said")."""
    ctx = _Context(text, sents, paras, regions, people)
    if doc is not None:  # read only when a quote needs it: mentions cost a pass over the text
        ctx.att.org_source = lambda: [(m.start, re.sub(r"^the\s+", "", m.text, flags=re.I)) for m in doc.mentions
                                      if m.kind == "org" and not m.quoted]
    ctx.collect_events()
    out: list[Quote] = []
    last: tuple[int, int, str, str | None] | None = None  # (paragraph, sentence, speaker, role) of the last quote
    for n, r in enumerate(regions):
        o_start, o_end = outer(text, r)
        si, ei = ctx.sentence_of(o_start), ctx.sentence_of(r.end)
        if sents[ei][1] <= o_end + 1 and ei + 1 < len(sents) and "\n" not in text[r.end:sents[ei + 1][0]]:
            ei += 1  # '"Why her?" Carmen Salas told reporters.': the attribution is the next "sentence"
        sent_start, sent_end = sents[si][0], sents[ei][1]
        prev_end = outer(text, regions[n - 1])[1] if n and regions[n - 1].end >= sent_start else sent_start
        next_start = outer(text, regions[n + 1])[0] if n + 1 < len(regions) and regions[n + 1].start < sent_end \
            else sent_end
        before = text[prev_end:max(prev_end, o_start)]
        after = text[min(o_end, next_start):next_start]
        body = " ".join(text[a:b].strip() for a, b in r.parts).strip()
        para = bisect_right(ctx.pstarts, r.start) - 1
        nwords = _words(body)
        utterance = body[-1:] in ",.!?" and bool(AFTER_VERB_FIRST.match(after) or AFTER_NP_FIRST.match(after))
        if nwords < 1 or nwords < 2 and not utterance or _is_label(body, before):
            continue  # '"Hi," said Bob' is a quote; a lone "word" in quotes is a label
        speaker, role = _attribute(ctx, before, after, r, sent_start)
        same_sentence = last is not None and last[1] == si and n and regions[n - 1].end >= sent_start
        if speaker is None and same_sentence:
            speaker, role = last[2], last[3]  # '... had "waited" and accused them of "lying"'
        continuing = last is not None and last[0] == para
        if speaker is None and (nwords >= 4 or continuing) and (not before.strip(" \u2014\u2013-") or VERB.search(before)):
            speaker, role = _from_context(ctx, r, para, last)
        if speaker is None:
            speaker, role = _colon_lead_in(ctx, o_start)
        if speaker is None and before.strip(" \u2014\u2013-"):
            speaker, role = _sentence_subject(ctx, sent_start, o_start)
        if speaker is None or (nwords < 3 and not utterance and not VERB.search(before + " " + after[:40])):
            continue
        last = (para, si, speaker, role)
        ctx.att.record(r.start, speaker, role)
        for a, b in r.parts:  # a quotation over paragraphs: one entry per paragraph, one speaker for all
            part = text[a:b].strip()
            if len(part.split()) < MIN_QUOTE_WORDS:
                continue  # 'called it "a mistake"': a phrase, not a statement (it still carries the speaker on)
            out.append(Quote(text=part, speaker=speaker, span=(a, b), role=clean_role(role),
                             id="q-" + digest("quote", re.sub(r"\W+", " ", part.lower()), size=8)))
    return out


def _is_label(body: str, before: str) -> bool:
    """Scare quotes, names and titles: short, introduced as a label, or in Title Case."""
    words = body.split()
    if len(words) < 6 and SCARE.search(before):
        return True
    title_case = all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a", "in", "for", "on") for w in words)
    if title_case and len(words) <= 6 and re.search(r"(?:\b(?:on|in|at|to|from)|['\u2019]s?)\s*$", before):
        return True  # 'said on CBS's "Face the Nation."': a programme or title, whatever its punctuation
    return title_case and len(words) <= 6 and not body.rstrip()[-1:] in ",.!?"


def _attribute(ctx: _Context, before: str, after: str, r: Region, sent_start: int) -> tuple[str | None, str | None]:
    att = ctx.att
    closed_sentence = ctx.text[r.end - 1:r.end] == "."  # '"... pause." Although the agency declined ... said'
    for pattern in (AFTER_VERB_FIRST, AFTER_NP_FIRST):
        m = pattern.match(after)
        if m and closed_sentence and pattern is AFTER_NP_FIRST and (_words(m.group("np")) > 5 or NEW_CLAUSE.match(
                after, m.end())):
            continue  # a new sentence, not an attribution: the speaker is in the sentence before the quote
        if m and not (pattern is AFTER_VERB_FIRST and re.match(r"\s*(?:that|it|this|he|she|they)\b", m.group("np"))):
            # '"...," he tells Foster': the person the pronoun speaks to is not who it is
            told = pattern is AFTER_NP_FIRST and re.match(rf"\s+({NAME_RUN}|[A-Z][\w\-\u2019']+)", after[m.end():])
            att.addressee = ctx.people.find(told.group(1), r.start) if told else None
            speaker, role = att.resolve(m.group("np"), m.groupdict().get("appos"), r.start)
            att.addressee = None
            if speaker:
                return speaker, role
    m = SIGNED.match(after)
    if m:  # '"..." \u2015 Ana Ruiz': a quotation signed with the speaker's name
        speaker, role = att.resolve(m.group("np"), None, r.start)
        if speaker:
            return speaker, role
    near = after[:60].lower().find("according to")  # near the quote; the name itself may run past 60 characters
    m = (ACCORDING.match(after, near) if near >= 0 else None) or ACCORDING.search(before)
    if m:
        return att.resolve(m.group("np"), None, r.start)
    speaker = ctx.speaker_from(before, sent_start, outer(ctx.text, r)[0])
    if speaker[0] is None:
        speaker = _closing_attribution(att, after, r.start)
    return speaker


# '"...." Ann Ode, a delegate, criticized her state's laws': the verb takes an object, so this is a sentence of
# its own and not the quote's attribution (which ends, or goes on with "in a statement", "to reporters", ...).
NEW_CLAUSE = re.compile(r"\s+(?:her|his|their|its|the|a|an|this|that|these|those|[a-z]+ing)\b")


def _closing_attribution(att: Attributor, after: str, pos: int) -> tuple[str | None, str | None]:
    """The attribution closing the sentence after a quote and a clause of its own:
    '"..." that the plan can work, said Ann Ode, a rival.' / '..., Brock said.' (the quote is hers)."""
    tail = after[:400]
    if VERB.search(tail[:tail.find(",")]) if "," in tail else True:
        return None, None  # no comma before the attribution, or a speech verb of another clause first
    for comma in re.finditer(",", tail):
        for pattern in (AFTER_VERB_FIRST, AFTER_NP_FIRST):
            m = pattern.match(tail, comma.start())
            if not m or pattern is AFTER_NP_FIRST and _words(m.group("np")) > 4:
                continue
            if re.match(r"[^.!?]{0,80}[.!?]?\s*$", tail[m.end():]):  # the attribution ends the sentence
                speaker, role = att.resolve(m.group("np"), m.groupdict().get("appos"), pos)
                if speaker:
                    return speaker, role
    return None, None


# '"..." \u2015 Ana Ruiz' (readers' comments, epigraphs): a dash, a name, and nothing else.
SIGNED = re.compile(r"\s*[\u2015\u2014\u2013]\s*(?P<np>[A-Z][\w.\u2019'\-]*(?:\s+[A-Z][\w.\u2019'\-]*){0,3})\s*[.,;]?\s*$")
# "Said Ellis:" / "Continued Stone:": the verb before the name, at the start of a lead-in.
INVERTED_LEAD = re.compile(r"^\W*(?:Said|Says|Continued|Continues|Stated|States|Added|Adds|Wrote|Writes|Asked|Replied|"
                           r"Concluded|Explained|Noted|Tweeted|Responded)\s+(?P<np>[^,:;]{1,60})$")
# "As Ann Lee puts it, ...": the one whose words follow.
AS_PUT_IT = re.compile(r"\b[Aa]s\s+(?P<np>[^,;:\"\u201c]{1,60}?)(?:,[^,;:\"\u201c]{1,80},)?\s+(?:puts|put|phrased|phrases)\s+it\b"
                       r"[^\"\u201c]{0,80}$")
# "Pollsters agree - Carl Bialik:" / "More from Jones:" / "Clinton:": a name labelling what follows.
NAME_LEAD = re.compile(r"(?:^\W*|[\u2014\u2013-]\s+|\bfrom\s+)(?P<np>(?:[A-Z][\w.\u2019'\-]*\s+){0,3}[A-Z][\w.\u2019'\-]*)\s*$")


def _colon_lead_in(ctx: _Context, o_start: int) -> tuple[str | None, str | None]:
    """The speaker of a quotation introduced by a colon with no speech verb: "Politico reveals the
    figures:", "Said Ellis:", "Pollsters agree - Carl Bialik:", "He then listed the questions:"."""
    text, k = ctx.text, o_start
    while k > 0 and k > o_start - 80 and text[k - 1].isspace():
        k -= 1
    if k <= 0 or text[k - 1] != ":":
        return None, None
    colon = k - 1
    s_start = ctx.sents[ctx.sentence_of(colon)][0]
    lead = text[s_start:colon]
    if ctx.speaker_from(lead, s_start, colon)[0]:  # "The coroner told the court:" is read before this
        return ctx.speaker_from(lead, s_start, colon)
    for pattern in (INVERTED_LEAD, NAME_LEAD):
        m = pattern.search(lead)
        if m:
            speaker = ctx.att.resolve(m.group("np"), None, s_start + m.start("np"))
            if speaker[0]:
                return speaker
    speaker = _sentence_subject(ctx, s_start, colon)
    if speaker[0]:
        return speaker
    lead_in = LEAD_IN.match(lead)
    off = lead_in.end() if lead_in and not lead[:1].isupper() else 0
    end = _subject_end(lead, off)
    np = lead[off:end]
    if end > off and (np.lower().startswith("the ") or all(w[:1].isupper() for w in np.split())):
        return ctx.att.resolve(np, None, s_start + off)  # "the Illinois Board of Elections was conclusive:"
    return None, None


# "On Monday, he ..." / "But she ...": a pronoun opening the sentence, perhaps after a short lead-in.
OPENING_PRONOUN = re.compile(r"(?:(?:and|but|so|yet|still|instead|then)\s+|[^,\"\u201c]{0,60},\s*)?(he|she|they)\b", re.I)
# "Mike Pence, who called their son "...": the person before the relative pronoun.
RELATIVE_WHO = re.compile(r",\s*who\s+(?:\w+\s+){0,2}?(?!said|says)\w+")
# A lead-in before the subject: "On Monday, Trump ...", "In a statement Friday, the campaign ...".
LEAD_IN = re.compile(r"[^,\"\u201c\u201d]{1,60},\s*")
WORD = re.compile(r"[\w\u2019'\-&.]+")


def _subject_end(head: str, start: int) -> int:
    """Where the subject noun phrase starting at ``start`` ends: at a stop word, a verb in -ed or a
    speech verb, or after eight words (the rules of :func:`sentence_subject`)."""
    end, n = start, 0
    for w in WORD.finditer(head, start):
        word = w.group().rstrip(".")
        if n >= 8 or head[end:w.start()].strip() or word.lower() in STOP_BACK or \
                n and (word.endswith("ed") or word.lower() in SPEECH_WORDS):
            break
        end, n = w.end(), n + 1
    return end


def _sentence_subject(ctx: _Context, sent_start: int, o_start: int) -> tuple[str | None, str | None]:
    """Who a quotation inside a report of what someone did belongs to: the sentence's subject.

    'Cruz blamed the law on "knuckleheaded politicians."' and 'He offered "my thoughts and prayers."'
    quote the subject's own words without a speech verb; the quotation is theirs. The subject is a
    person named at the start of the sentence (after a lead-in such as "On Monday,"), a pronoun
    there, or the person a "who" clause describes; anyone named later is an object, not the source.
    """
    head = ctx.text[sent_start:o_start]
    for pattern in (INVERTED_LEAD, AS_PUT_IT):  # 'Said Comey, "..."' / 'As Ann Lee puts it, "..."'
        m = pattern.search(head.rstrip(" ,"))
        if m:
            speaker = ctx.att.resolve(m.group("np"), None, sent_start + m.start("np"))
            if speaker[0]:
                return speaker
    who = None
    for who in RELATIVE_WHO.finditer(head):
        pass
    if who is not None:
        person = ctx.people.last_before(sent_start + who.start() + 1)
        at = max((m for m in person.mentions if m < sent_start + who.start()), default=-1) if person else -1
        if person is not None and at >= sent_start:
            return ctx.att.resolve(person.name, None, at)
    pronoun = OPENING_PRONOUN.match(head)
    if pronoun:
        return ctx.att.resolve(pronoun.group(1), None, sent_start + pronoun.start(1))
    lead = LEAD_IN.match(head)
    for off in (0, lead.end()) if lead else (0,):
        end = _subject_end(head, off)
        if end <= off:
            continue
        person = ctx.people.first_between(sent_start + off, sent_start + end)
        if person is not None:
            at = min(m for m in person.mentions if m >= sent_start + off)
            return ctx.att.resolve(person.name, None, at)
        np = _source(head[off:end], at_start=off == 0)
        if np and head[off + len(np):].strip():  # the quotation is after the verb, not inside the subject
            speaker = ctx.att.resolve(np, None, sent_start + off)
            if speaker[0]:
                return speaker
    return None, None


# What may speak without being a person: a document or body ("The lawsuit contends that ...",
# "The ad claims ...", "A Government Accountability Office report found ...").
POSSESSIVE_END = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
SOURCE_HEADS = DOCUMENT_HEADS | ORG_WORDS | frozenset("ad ads lawsuit complaint indictment ruling order email poll "
                                                      "survey footnote page website site petition".split())


def _source(np: str, at_start: bool) -> str | None:
    """The part of a subject that can be a quotation's source: a capitalised name ("Pollwise found"
    -> "Pollwise") or a determiner and a document or body ("A campaign TV ad claims" -> "A campaign TV ad").

    Not a source: a possessor ("Rubio's campaign ..."), a dateline in capitals ("HARWICK"), a name run
    followed by more of a title ("Former Obama speechwriter Jon Favreau": the person, read elsewhere).
    """
    words = np.split()
    if not words:
        return None
    if words[0].lower() in ("a", "an", "the"):
        heads = [i for i, w in enumerate(words[1:5], 1) if w.lower() in SOURCE_HEADS]
        return " ".join(words[:heads[-1] + 1]) if heads else None
    run = []
    for w in words:
        if not w[:1].isupper():
            break
        run.append(w)
    rest = words[len(run):]
    if not run or len(run) > 5 or run[0].lower() in CLAUSE_OPENERS or run[0].lower().endswith("ing") \
            or not rest and len(words) > 1 or any(w[:1].isupper() for w in rest):
        return None  # "Subprime mortgages ...", "Following Monday's ...": no name, or no verb after it
    if any(POSSESSIVE_END.search(w) for w in run) or any(w.isupper() and len(w) > 5 for w in run):
        return None
    if len(run) == 1 and at_start and not (run[0].isupper() or any(c.isupper() for c in run[0][1:])):
        return None  # "Critics accused ...": one capitalised word opening a sentence is any word
    return " ".join(run)


def _from_context(ctx: _Context, r: Region, para: int, last) -> tuple[str | None, str | None]:
    """A quote with no attribution: a colon lead-in, the person just named, or the last speaker."""
    text, paras = ctx.text, ctx.paras
    if para > 0:
        ps, pe = paras[para - 1]
        prev = text[ps:pe].rstrip()
        if prev.endswith(":") and r.start <= paras[para][0] + 1:
            speaker = ctx.speaker_from(prev, ctx.sents[ctx.sentence_of(pe - 1)][0], pe)
            if speaker[0]:
                return speaker
    if last and last[0] == para:  # '"...," said Ann Ode, a rival of Bo Lind. "..."': still Ann Ode speaking
        return last[2], last[3]
    window_start = paras[max(para - 1, 0)][0]
    event = next(ctx.att.events_before(r.start, 1), None)
    # The most salient person before the quote (a sentence's subject, the last speaker), not merely the
    # latest named: "Viguerie is upbeat about Cruz's chances. 'Not only can Cruz win ...'" is Viguerie.
    sent_start = ctx.starts[ctx.sentence_of(r.start)] if ctx.starts else 0
    named = [p for at, p in ctx.people.between(sent_start, r.start) if not ctx.quoted(at) and not _possessed(text, at)]
    person = named[-1] if named else None  # 'Tomas Reyes, who called the prize "..."': named in the quote's sentence
    person = person or ctx.att.salience.pick(None, r.start, {event[1]} if event else set()) \
        or ctx.people.last_before(r.start)
    person_pos = max((m for m in person.mentions if m < r.start), default=-1) if person else -1
    if event and event[0] >= window_start and event[0] >= person_pos:
        return event[1], event[2]
    if person and person_pos >= window_start:
        return person.name, person.role
    if last and last[0] >= para - 1:
        return last[2], last[3]
    return None, None
