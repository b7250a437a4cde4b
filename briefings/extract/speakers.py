"""What may be called a speaker: a clean name or a clean description, never a fragment.

Attribution (``quotes.py`` and the modules it uses) gathers candidate speakers for each quotation, in
this order of preference, each rule documented where it is applied:

1. the attribution right after the quote, either order (``"...," Ms Rahman
   said`` / ``said Ms Rahman``), unless the quote closed a sentence and what
   follows is a long clause rather than an attribution;
2. ``according to X`` after or before it;
3. the subject of the last speech verb before it in the same sentence
   (``Rahman said the plan was "..."``, colon lead-ins ``the ministry said:``,
   statements and posts: ``a statement from the agency`` -> ``the agency``);
4. for a quote with no attribution of its own: the previous quote's speaker in
   the same paragraph, a colon lead-in ending the previous paragraph, then the
   latest speech event or person named in the previous or current paragraph;
5. pronouns and short forms resolve through the person registry ("he" skips
   people of the other gender; "Mr Osei" and "the minister" find Kwame Osei).

Every candidate passes :func:`clean_speaker` before it is accepted: it trims
what cannot belong to a speaker (an auxiliary and what follows: "Trump has
repeatedly" -> "Trump"; a party tag "D-Mich.") and rejects fragments that
start with a conjunction or adverb ("When", "Although the agency declined"),
end in a preposition or pronoun, are only a US state ("Raleigh, N.C., said"), or
are not a noun phrase at all.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, PLAIN_VERBS, PRONOUNS, SPEECH_VERBS, US_STATES

# Words that open a clause, not a noun phrase: a speaker never starts with them.
CLAUSE_OPENERS = frozenset("""
when if after although though as while because amid but and or so then since before until once where
what how why that this these those there here it its our my your we i you us me them their his her
despite unless whether which who whom whose nor yet also still even just only perhaps maybe meanwhile
however instead earlier later now today yesterday tomorrow not no thus hence asked speaking
for with in on at from by to of about like unlike among between during under over against without within
through per via
""".split())
# Words after which a subject has ended ("Trump has repeatedly", "Reid later"): cut there.
SUBJECT_ENDS = frozenset("""
has have had is was were are be been will would could should can may might must did does do also
repeatedly later then again previously once often never always already still recently just
finally reportedly publicly privately quickly openly initially originally subsequently eventually immediately
formerly personally flatly simply separately directly specifically explicitly frequently occasionally bluntly
angrily loudly quietly firmly clearly told
""".split())
# A speaker cannot end with these.
BAD_LAST = frozenset("""
of for to from with at in on by about and or but the a an that which who he she they it we i you
his her their its our my your this these those than as if when while
""".split())
# "(D-Ore.)", "(R)", "(I-Vt.)": a party (and state) tag in brackets after a politician's name, dots and all.
PARTY_PAREN = r"\((?:[DRI]|[A-Z]{1,2}-[A-Z][\w.\- ]{0,20})\)"
PARTY_STATE = re.compile(r",?\s*\(?\b[DRI]-[A-Z][\w.\-]*\)?\.?$")


# Lowercase words that follow a subject without belonging to it: "Cruz himself", "Right Wing Watch first".
TAIL_WORDS = frozenset("himself herself themselves itself even first now currently similarly too".split())
# Words in -ly that are nouns, not adverbs: they may end a description ("the family", "a close ally").
LY_NOUNS = frozenset("family ally assembly daily weekly monthly quarterly supply rally belly bully italy".split())
# After a verb in -ed, what shows it is the verb of a clause rather than a participle in a description
# ("He criticized Clinton's record", "the order released Friday"; not "the retired neurosurgeon").
CLAUSE_AFTER_VERB = re.compile(r"(?:a|an|the|no|his|her|their|its|my|our|out|up|down|off|further|to|about|on|in|"
                               r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\w+['\u2019]s)$", re.I)
LEADING_ADVERBS = frozenset("now so still also even just only perhaps maybe meanwhile however instead then thus hence "
                            "well yes oh wait".split())
ASIDE = re.compile(r"\s*\((?![DRI]\b|[A-Z]{1,2}-)[^()]{8,120}\)")
CONJUNCTIONS = frozenset("when while as after before because if since though although once".split())
CONTRACTION = re.compile(r"^(he|she|they|we|i)['\u2019](?:d|ve|ll|re|m)$", re.I)


def _ends_subject(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` (not the first word) follows the subject rather than belongs to it."""
    w = words[i]
    low = w.lower()
    if low in SUBJECT_ENDS:
        return True  # "Trump has repeatedly"
    if not w[:1].islower() or "-" in w:
        return False
    prev, last = words[i - 1], i == len(words) - 1
    named = prev[:1].isupper() and prev not in ("A", "An", "The")
    after_subject = named or prev.lower() in PRONOUNS or last
    if low in TAIL_WORDS or len(low) > 4 and low.endswith("ly") and low not in LY_NOUNS:
        return after_subject  # "Trump jokingly", "she regularly"; not "a newly formed group"
    if low in CONJUNCTIONS | {"until", "including"}:
        return named or low == "including"  # "Bruce Hamilton before turning", "Scott's relatives including his wife"
    if low in PLAIN_VERBS or len(low) > 4 and low.endswith("ed"):
        # "The senator sought", "Mr. Sanders showed no sign", "a poll conducted"; "the retired neurosurgeon" stays
        return last and i >= 2 and not named and low != "reports" or prev.lower() in PRONOUNS or i >= 2 and not last and bool(CLAUSE_AFTER_VERB.match(words[i + 1])) \
            or low in PLAIN_VERBS and named
    return False


def trim_subject(np: str) -> str:
    """Cut what cannot belong to a subject: a party tag, and an auxiliary, adverb or verb with what follows."""
    s = PARTY_STATE.sub("", np.strip(" ,;:\u2014\u2013-")).strip(" ,")
    s = CONTRACTION.sub(r"\1", s)  # "he'd", "they've": the pronoun is the subject
    s = ASIDE.sub("", s).strip()  # "Mr. Burman (a view echoed by everyone I interviewed)": an aside, not the name
    words = s.split()
    while len(words) > 1 and words[0].lower() in LEADING_ADVERBS and words[1][:1].isupper() and not words[0].isupper():
        words.pop(0)  # "Now Berend says", "Even Lindsey Graham said": the adverb opened the sentence
    s = " ".join(words)
    for i in range(1, len(words)):
        if _ends_subject(words, i):
            kept = words[:i]  # "Trump has repeatedly", "Cruz himself", "He sent out a fundraising email"
            while len(kept) > 1 and kept[-1].lower() in CONJUNCTIONS:
                kept.pop()  # "Dan Golvach when asked about ...": the clause began before the verb
            return " ".join(kept)
    return s


def clean_speaker(speaker: str | None) -> str | None:
    """``speaker`` trimmed to a clean name or description, or None when it is a fragment."""
    if not speaker:
        return None
    words = trim_subject(speaker).split()
    if not words or len(words) > 9:
        return None
    first, last = words[0].lower(), words[-1].lower().strip(".,")
    if first in CLAUSE_OPENERS or words[0] in SUBJECT_ENDS or last in BAD_LAST or not any(ch.isalpha() for ch in last):
        return None  # "When", "has", "was extradited", "a poem she"
    if " ".join(words).lower().strip(".,") in US_STATES:
        return None  # "in Windham, New Hampshire, ... said": the place of a dateline or apposition
    if len(words) == 1 and first in ("another", "others", "some", "many", "most", "one", "both", "all", "each"):
        return None
    if _not_a_source(words):
        return None
    if len(words) == 1 and (first in SPEECH_VERBS or first in ("say", "says")):
        return None  # "said": a verb left over from an attribution that did not parse
    if len(words) == 1 and re.search(r"(?:ed|ing|ly)$", first) and (words[0][:1].islower() or len(first) > 6):
        return None  # "said", "Continuing", "Shortly": a verb or adverb is no one
    return " ".join(words)


# What a description can be headed by: a person or a group ("officials", "police", "senior counsel"), not a thing.
AGENT_END = re.compile(r"(?:er|or|ist|yst|ian|ant|ent|man|men|woman|women|person|people|ee|crat)s?$")
QUANTIFIERS = frozenset("the a an one another some each every two three several many few other former senior top "
                        "his her their its".split())
GROUP_NOUNS = frozenset("official aide source executive secretary diplomat analyst expert insider candidate nominee "
                        "delegate colleague friend relative veteran chief head envoy attorney "
                        "police staff management leadership government security media press congress parliament "
                        "family counsel clergy military intelligence administration prosecution defence defense "
                        "industry labor labour opposition advocate group campaign "
                        "committee board council ministry agency party community public crowd panel".split())


def can_speak(head: str) -> bool:
    """Whether a lowercase noun ``head`` names someone who can speak ("aides", "the mayor", "police")."""
    word = head.lower()
    return bool(AGENT_END.search(word)) or word in GROUP_NOUNS or word.endswith("s") and word[:-1] in GROUP_NOUNS


ROLE_LINKS = frozenset("of with for about from in on at to by".split())  # "a source familiar with Cruz's thinking"
PAGE_WORDS = frozenset("more text read watch listen photo photos video update updated editor note breaking related "
                       "advertisement share".split())
# What someone owns that speaks for them: "Ryan's office said", "the campaign's statement", "Kerr's tweet".
OWNED_SOURCES = frozenset("""campaign office statement statements team ad ads tweet tweets post posts email emails letter
report account page website site remarks comments words message memo camp lawyers family spokesman spokeswoman
spokesperson aide aides press release brief filing lawsuit complaint""".split())
# A time, not someone: "last month", "the past", "a few days", "eight years now".
TIME_HEADS = frozenset("week weeks year years month months day days past ago time now last".split())
# Lone months that are not also common first names ("May", "June", "April" may be a person).
LONE_MONTHS = frozenset("january february march july september october november december".split())
# Words that cannot head a description of who spoke ("The most", "the so", "a million").
DOCUMENT_INGS = frozenset("ruling filing briefing posting finding writing recording listing hearing".split())
NOT_HEADS = frozenset("most so such particular million billion thousand hundred dozen lot".split())


def _not_a_source(words: list[str]) -> bool:
    """Whether ``words`` is a dateline, a headline, a time, a clipped word or a thing rather than a source."""
    low = [w.lower().strip(".,") for w in words]
    if any(w in MONTHS and k + 1 < len(low) and low[k + 1][:1].isdigit() for k, w in enumerate(low)):
        return True  # "WASHINGTON Dec 8 UPI", "July 25": a dateline
    if len(low) == 1 and low[0] in LONE_MONTHS:
        return True
    letters = [w for w in words if w.isalpha()]
    if letters and len(letters) == len(words) and all(w.isupper() for w in words) and (
            len(words) >= 2 and max(map(len, words)) >= 4 or len(words[0]) >= 7):
        return True  # "VOTERS CARE MORE", "CONGRESS": a headline in capitals, not an acronym
    if not words[0][:1].isalnum() or re.fullmatch(r"[IVX]+", words[0]) and len(words) == 1:
        return True  # "(with", "II": punctuation or a numeral left over
    if len(words) == 1 and words[0].isupper() and low[0] in PAGE_WORDS:
        return True  # "MORE" (of "READ MORE:"), "TEXT": page furniture in capitals
    owner = next((i for i, w in enumerate(words[:-1]) if re.search(r"['\u2019]s?$", w)), None)
    if owner is not None and not any(w in ROLE_LINKS for w in low[:owner]) and all(w[:1].islower() for w in words[owner + 1:]) and low[-1] not in OWNED_SOURCES \
            and not can_speak(low[-1]):
        return True  # "Sanders's victory", "Europeans' hostility", "Trump's early-morning": what is owned does not speak
    if len(words) == 1 and low[0] in LEADING_ADVERBS or len(words) > 1 and all(len(w.strip(".")) == 1 for w in words):
        return True  # "Wait", "N H" (of "Portsmouth, N.H."): a word of talk or a state's initials
    if words[0][:1].islower() and low[0] not in QUANTIFIERS and not low[0][:1].isdigit() and len(words) <= 6:
        head = re.split(r"\s+(?:of|about|for|with|on|in|from)\s+", " ".join(low))[0].split()[-1]
        if not (head.endswith("s") or can_speak(head)):
            return True  # "response about her email use", "digging up personal dirt", "star": no one speaks
    if any(w in ("that", "which") for w in words[1:]):
        return True  # "CBS that the laws": the object of a verb and the clause it introduces
    if any(re.search(r"n['\u2019]t$", w) for w in low) or len(low) == 1 and len(low[0]) == 1 and low[0] != "i":
        return True  # "wouldn't", "n": a word broken off
    if all(w[:1].islower() or w in ("The", "A", "An") for w in words):
        if low[-1] in TIME_HEADS or low[-1] in NOT_HEADS:
            return True  # "the past", "last month", "The most", "a million"
        if low[-1].endswith("ing") and len(low[-1]) > 5 and len(low) <= 3 and low[-1] not in DOCUMENT_INGS:
            return True  # "the scheduling", "the drinking": an activity, not a source
    return False


# --- roles --------------------------------------------------------------------------------------------
# A rank or honorific said right before the name: at the end of a longer role it reads as a fragment
# ("Tessler County Coroner Dr." for "Tessler County Coroner Dr. Philip Amsel"), so it is dropped there.
TRAILING_TITLES = frozenset("""dr dr. sgt sgt. lt lt. col col. gen gen. capt capt. cpl cpl. det det. insp insp.
supt supt. prof prof. rev rev. sen sen. rep rep. gov gov. mr mr. mrs mrs. ms ms. colonel sergeant captain
lieutenant general major corporal detective inspector superintendent professor reverend""".split())
# Words that end a clause before a role ("what Finance Minister", "whose leader", "thinks Huawei executive").
ROLE_BREAKERS = (CLAUSE_OPENERS - frozenset("of for in on at from by to with about per via and or his her their its our my "
                                            "your".split())) | frozenset(
    "against thinks believes says said told".split())


# A role never opens with a verb, a preposition of time or manner, or a conjunction: it is a clause cut loose.
ROLE_CLAUSES = frozenset("""has have had is was were are will would who which worked works ran spent lined advised
previously also then in on to during after before when while and""".split())
LONE_NOT_ROLES = CLAUSE_OPENERS | frozenset("former then late".split())
SPELLED_TITLES = {"sgt.": "sergeant", "lt.": "lieutenant", "capt.": "captain", "col.": "colonel", "gen.": "general",
                  "cpl.": "corporal", "det.": "detective", "insp.": "inspector", "supt.": "superintendent",
                  "prof.": "professor", "rev.": "reverend", "sen.": "senator", "rep.": "representative",
                  "gov.": "governor", "maj.": "major", "adm.": "admiral", "cmdr.": "commander"}


def clean_role(role: str | None) -> str | None:
    """``role`` without a clause word before it or a title left dangling at its end; None when nothing is left."""
    if not role:
        return None
    words = role.split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w.lower().strip(",") in ROLE_BREAKERS), default=0)
    words = words[cut:]
    if len(words) > 2 and words[0].lower() in ("is", "was") and words[1].lower() in ("a", "an", "the"):
        words = words[2:]  # "(who) is the director of the Forecast": the description after the verb
    if words and words[0].lower() == "and":  # "(former senator) and CIA director": the last of two roles
        if len(words) < 2 or words[1].lower() in ("his", "her", "their", "the", "a", "an") or \
                not re.search(r"(?:er|or|ist|ian|ant|ent|man|woman|chief|head|secretary)$", words[-1].lower()):
            return None  # "and his father", "and improve education": not a role at all
        words = words[1:]
    if not words or words[0].lower() in ROLE_CLAUSES or len(words) == 1 and words[0].lower() in LONE_NOT_ROLES:
        return None  # "has been critical of Trump", "to be president", "in a statement", "But", "Former"
    if words and words[-1].lower() in ("and", "or"):
        return None  # "Graham and" (of "Graham and Lesley Morley"): a second person, not a role
    if len(words) == 1 and words[0].lower() in SPELLED_TITLES:
        words = [SPELLED_TITLES[words[0].lower()]]  # "Sgt." alone -> "sergeant", as "Sgt. of ..." reads
    elif len(words) == 2 and words[0].lower() in LONE_NOT_ROLES and words[1].lower() in SPELLED_TITLES:
        words = [words[0].lower(), SPELLED_TITLES[words[1].lower()]]  # "Former Rep." -> "former representative"
    elif len(words) >= 2 and words[-1].lower() in TRAILING_TITLES and (words[-1].endswith(".") or words[-2][:1].islower()):
        words = words[:-1]  # not "Detective Superintendent", a rank of two words
        if len(words) == 1 and words[0].lower() in LONE_NOT_ROLES:
            return None  # "Former Lieutenant": nothing but the adjective would be left
    if len(words) >= 3 and words[0].lower() == words[-1].lower():
        words = words[1:]  # "lawyer Immigration lawyer"
    # "Sgt. of the patrol's Harlow Springs post": a rank abbreviated before "of ..." reads as a word
    words = [SPELLED_TITLES.get(w.lower(), w) if i + 1 < len(words) and words[i + 1][:1].islower() else w
             for i, w in enumerate(words)]
    return " ".join(words).strip(" ,") or None
