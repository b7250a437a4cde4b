"""Speech verbs and their subjects: the patterns of an attribution after a quote (``"...," said Ann
Ode`` / ``"...," the minister said``), where a speech verb stands, and the noun phrase before it
(:func:`subject_before`) or opening its sentence (:func:`sentence_subject`)."""

from __future__ import annotations

import re

from .attribution import NAME_RUN, had_person
from .lexicon import PRONOUNS, SPEECH, SPEECH_VERBS, US_STATES
from .names import RUN
from .speakers import PARTY_PAREN, PARTY_STATE

LEAD = r"\s*[,\u2014\u2013-]?\s*"
NP = rf"(?P<np>(?:(?:Sgt|Lt|Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Del|St|Col|Gen|Capt|Cpl|Det|Insp|Supt|Prof|Rev)\.|\b(?:[A-Z]\.){{2,3}}|\b[A-Z]\.(?=\s?[A-Z])|{PARTY_PAREN}|[^,.;:!?\"\u201c\u201d]){{1,80}}?)"
APPOS = r"(?:,\s*(?P<appos>[^,\"\u201c]{1,100}?),)?"
AUX = r"(?:(?:has|had|have|also|later|then|further|again|previously|once)\s+)*"
AFTER_NP_FIRST = re.compile(rf"{LEAD}{NP}{APPOS}\s+{AUX}(?P<verb>{SPEECH})\b")
AFTER_VERB_FIRST = re.compile(rf"{LEAD}(?![a-z]+ing\b)(?:{SPEECH})\s+(?P<np>(?:(?:Sgt|Lt|Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Del|St|Col|Gen|Capt|Cpl|Det|Insp|Supt|Prof|Rev)\.|\b(?:[A-Z]\.){{2,3}}|\b[A-Z]\.(?=\s?[A-Z])|{PARTY_PAREN}|[^,.;:!?\"\u201c]){{1,80}})"
                              rf"(?:,\s*(?P<appos>(?:a|an|the|who|of)\b[^,.;]{{1,100}}|[A-Z][\w\-\u2019']+(?:\s+[A-Z][\w\-\u2019']+){{1,3}}))?")
# '"...," Nate Orlo, the polling guru who founded tallyhouse.com tweeted' / '..., Ann Brask, assistant secretary
# for population, refugees, and migration, said': a name, then an apposition with commas of its own or without
# its closing one. The name is the speaker (checked by the caller: it must look like a person).
TITLED_NAME = rf"(?:(?:Sgt|Lt|Dr|Mr|Mrs|Ms|Gov|Sen|Rep|Del|Prof|Rev)\.\s+)?{NAME_RUN}"
APPOS_TEXT = r"(?:[^\"\u201c\u201d;.!?\n]|\.(?=\S)|(?<=[A-Z])\.(?=\s))"  # "U.S." and "tallyhouse.com" stay in
AFTER_NAME_APPOS = re.compile(rf"{LEAD}(?P<np>{TITLED_NAME}),\s*(?P<appos>{APPOS_TEXT}{{1,200}}?),?\s+{AUX}"
                              rf"(?P<verb>{SPEECH})\b")
OPENING_NAME_APPOS = re.compile(rf"\s*(?:(?:But|And|Yet|So)\s+)?(?P<np>{TITLED_NAME}),\s*(?P<appos>{APPOS_TEXT}{{1,200}}?)[\s,]*$")
COMPLEMENT_WORDS = frozenset("close familiar loyal linked allied opposed related near".split())
# A speech word after a determiner or possessor is a noun ("her late-night tweets", "the calls", "Kerr's notes").
NOT_AFTER = "".join(f"(?<!{w} )" for w in ("the", "his", "her", "its", "our", "their", "'s", "\u2019s", "-night", "of",
                                         "these", "those", "many", "several", "my", "your"))
VERB = re.compile(rf"\b(?=(?:{SPEECH})\b){NOT_AFTER}(?:{SPEECH})\b")  # the lookahead first: cheap where no verb starts
STOP_BACK = frozenset("""in on at to from with by after before when while and but or that which who whom as if because
since though although where speaking meanwhile however also yet so than into during about over under
said says told added is was were be been being are it this these those then there here not""".split())
PREPOSITIONS = frozenset("to of for from with at in on by about".split())
SPEECH_WORDS = frozenset(SPEECH_VERBS)


# Anchored at a comma (or a space) and bounded, so a long sentence costs linear time.
TRAILING_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^\n]*,\s*$")
TRAILING_NAME = re.compile(rf",\s*({NAME_RUN}),\s*$")
TRAILING_APPOS = re.compile(r"(?<=[\w.)\u2019']),\s*((?:(?:a|an|the|of|from|for)\s|[a-z]|[A-Z][\w\-]*(?:'s|\u2019s)\s)"
                            r"[^\"\u201c\u201d]{0,120}?),\s*$")  # "..., Canada's ambassador to China, said" too
TRAILING_AUX = re.compile(rf"\s+{AUX}$")
TRAILING_PARTY = re.compile(rf"\s*{PARTY_PAREN}\s*$")
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
    opening = OPENING_NAME_APPOS.match(s) if ", " in s else None
    if opening and had_person(opening.group("np")) and not VERB.search(opening.group("appos")):
        return opening.group("np"), opening.group("appos")  # "Sam Lau, the director for the party said"
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
        if m and not any(v.group() not in ("called", "named", "known") for v in VERB.finditer(m.group(1))):
            appos, s = re.sub(r"^(?:of|from)\s+", "of ", m.group(1)), s[:m.start()]
    s = s[:-120] + TRAILING_AUX.sub("", s[-120:])
    s = s[:-80] + _drop_age_home(s[-80:])
    s = s[:-60] + TRAILING_TIME.sub("", s[-60:])
    s = s[:-40] + PARTY_STATE.sub("", s[-40:])  # "Sen. Ann Kerr, D-Mich., said": the tag is not the subject
    s = s[:-40] + TRAILING_PARTY.sub(" ", s[-40:])  # "Attorney General Ida Moor (D) asserted"
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
        if low in ("a", "an", "the") and len(tokens) >= 2 and tokens[-1].lower() in ("of", "at", "with", "from") \
                and tokens[-2][:1].isupper() and len(np) < 7:
            np.insert(0, tokens.pop())  # "Archbishop Ivo Dane of the Patriarchate of Tyre told": the person's post
            continue
        if low in ("a", "an", "the") or len(np) == 1 and low in PRONOUNS:
            break  # "a poem she wrote": the subject is "she"
    return " ".join(np), appos


def is_possessor(text: str, at: int) -> bool:
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
