"""Who an attribution phrase names: the :class:`Attributor` resolves the subject of a speech verb
(``Ms Rahman``, ``he``, ``the agency``, ``a spokesperson for the council``) to a (speaker, role)
against the article's people, earlier speech events and the organisations named before it."""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from .coref import gender_of
from .lexicon import PRONOUNS, TITLE_WORDS
from .names import People, looks_like_person, split_role_name
from .salience import Salience
from .speakers import PARTY_PAREN, clean_speaker, trim_subject

# "the statement said" / "the agency said": a document speaks for its issuer, a body for the organisation.
DOCUMENT_HEADS = frozenset("statement report lawsuit claim suit letter paper document filing complaint release "
                           "memo study survey analysis".split())
ORG_WORDS = frozenset("agency firm company organization organisation association department ministry group team "
                      "club board union council committee commission office bureau corporation business network "
                      "league federation institute foundation charity campaign".split())
# Heads of a body's name that go on with "of ..." ("the Illinois Board of Elections", "Department of Energy").
NAMED_BODIES = frozenset("academy academies act center centre court school university authority service society "
                         "department division directorate".split())
BODY_WORDS = ORG_WORDS | NAMED_BODIES
PARTY_MEMBERS = frozenset("republican democrat independent conservative liberal libertarian progressive".split())
COMPLEMENT = re.compile(r"\b(?:close|familiar|loyal|linked|allied|opposed|related|near)\s+(?:to|with)\b", re.I)
KNOWN_AS = re.compile(r"^(?:the\s+|a\s+|an\s+)?([a-z][\w\s\-]{1,60}?)\s+(?:known|identified)\s+(?:only\s+)?as\s+"
                      r"([A-Z][\w\-\u2019']*(?:\s+[A-Z][\w\-\u2019']*){0,2})")
PARTY_TAG = re.compile(rf"\s*{PARTY_PAREN}")
OF_PLACE = re.compile(r"(.*?[A-Z][\w.\u2019'\-]*)\s+of\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}")
# "former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell": titles, then a name.
LONG_TITLED_NAME = re.compile(r"\b(?:[A-Z][\w.\-]*\s+){3,}[A-Z][\w\-]+$")
# "Sgt. Dana Kowalczyk of the patrol's Harlow Springs post": a titled name and where the person serves.
OF_AFFILIATION = re.compile(r"(.*?[A-Z][\w\u2019'\-]*)\s+((?:of|with|at|from)\s+(?:the\s+|[a-z][\w\-]*\s+(?:[a-z][\w\-]*\s+)?"
                            r"(?:firm|group|company|agency|union|campaign|network|organization|organisation)\s+|"
                            r"(?=[A-Z][\w\-]*\s+[A-Z][\w\-]*\s+[A-Z]))[^,;:]{1,80})")
# "Ada Roth for Pollwise Daily" (a writer and the outlet she writes for): two to four name words first.
FOR_OUTLET = re.compile(r"([A-Z][\w.\u2019'\-]*(?:\s+[A-Z][\w.\u2019'\-]*){1,3})\s+for\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3}")
# "Ida Moor's brief", "Roth's flurry of posts": a possessor and what she said or wrote.
OWNED_UTTERANCE = re.compile(r"(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})(?:'s|\u2019s|'|\u2019)\s+"
                             r"(?P<head>[\w\-]+(?:\s+[\w\-]+){0,3})")
UTTERANCE_NOUNS = frozenset("""brief statement statements metaphor tweet tweets post posts message messages remarks
comments comment words flurry memo speech testimony filing letter email emails ad advertisement op-ed column essay
response reply answer""".split())
TRAIL = re.compile(r"\s+(?:in a statement|on condition of anonymity|in an interview|on (?:monday|tuesday|wednesday|"
                   r"thursday|friday|saturday|sunday)|who .*|on .*|in .*|at .*|to .*|during .*|after .*|"
                   r"earlier .*|late .*|last .*|(?-i:this) .*|as .*|when .*)$", re.I)
NAME_RUN = r"[A-Z][\w\-\u2019']+(?:\s+(?:and\s+)?[A-Z][\w\-\u2019']+){1,4}"


def _at(event: tuple) -> int:
    return event[0]


def is_description(speaker: str) -> bool:
    """ "a US defence official", "police": a speaker described, not named."""
    first = speaker.split()[0] if speaker.split() else ""
    return first.lower() in ("a", "an", "the") or first[:1].islower()


def count_words(s: str) -> int:
    """How many words ``s`` has (apostrophes inside a word keep it one)."""
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
            if self.people.text[at - 1:at] == "(" and self.people.text[at - 3:at - 1].strip()[-1:].isdigit():
                continue  # "HARWICK, July 25 (UPI)": the wire service of a dateline
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
        if event and event[0] > seen and pronoun in ("he", "she") and not event[2] and re.fullmatch(r"[A-Z][a-z\u2019'\-]+", event[1] or "") \
                and looks_like_person([event[1]]) and not self.people.find(event[1]) and self._near(event[0], pos):
            return event[1], event[2]  # "Bob said ... 'We did try,' he said": a speaker named once, by one name
        return (person.name, person.role) if person else (None, None)

    def _near(self, at: int, pos: int) -> bool:
        """Whether ``at`` is in the paragraph of ``pos`` or the one before it."""
        if self.salience is None:
            return True
        here = self.salience.para_span(pos)[0]
        return self.salience.para_span(at)[0] == here or self.salience.para_span(max(0, here - 1))[0] <= at

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
        known = KNOWN_AS.search(np)
        if known:  # "the base chief known as Bob": the name is the speaker, the description the role
            np, appos = known.group(2), appos or known.group(1)
        if not COMPLEMENT.search(np):  # keep "a person close to the family", "an official familiar with it"
            np = TRAIL.sub("", np).strip(" ,")
        np = PARTY_TAG.sub("", np).strip()  # "Sen. Pat Kerr (R-Pa.)"
        home = OF_PLACE.fullmatch(np)
        if home and home.group(1).split()[-1].lower().rstrip(".") not in TITLE_WORDS | BODY_WORDS:
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
        elif owned and had_person(owned.group("head")) and all(w[:1].isupper() for w in owned.group("head").split()):
            np = owned.group("head")  # "The Ledger's Matt Wale provided ...": the writer, not his paper
        elif owned and owned.group("head").lower() in ("office", "campaign", "camp") and \
                self.people.find(owned.group("owner").split()[-1], pos):
            np, appos = owned.group("owner"), owned.group("head")  # "Ryan's office said": Ryan speaks, through it
        np = re.sub(r"^(?:a|an|the|in a)\s+(?:statement|post|letter|report|release|message)\s+(?:from|by|issued by)\s+",
                    "", np, flags=re.I)  # "a statement from the agency" -> "the agency"
        if not np or count_words(np) > (12 if LONG_TITLED_NAME.search(np) else 9):
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
        if len(name) == 1 and name[0].lower().rstrip("s") in PARTY_MEMBERS:
            name = []  # "one Republican involved", "Six in 10 Republicans": a party member described, not named
        if name and len(tokens) - cut > len(name) + 1 and tokens[-len(name) - 1].lower() in ("of", "for") and \
                tokens[-len(name) - 2].lower() in BODY_WORDS:
            name = []  # "The Harwick Board of Ferries": what a body's name ends with is no person
        if name and looks_like_person(name):
            lead = [t for t in tokens[:cut] if t.lower() not in ("a", "an", "the")]
            role = " ".join([*lead, title] if title else lead) or role
            full = " ".join(name)
            person = self.people.find(full, pos)
            if person is None and (len(name) >= 2 or role):  # a fragment ("N H" of "N.H.") never joins the registry
                person = self.people.add(full, role, pos) if len(name) >= 2 and clean_speaker(full) else None
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
