"""The language of harm in crime and disaster reporting, as patterns :mod:`victims` reads with.

Kept apart from the reading logic so that a new phrasing is a pattern change: who was
harmed (passive and intransitive predicates, harm objects, findings), who did it
(suspect phrases), what stands between a name and its verb, and how ages are written.
"""

from __future__ import annotations

import re

# Predicates whose subject was harmed. Transitive verbs need a passive auxiliary ("X shot Y" is a shooter;
# so is "X had shot Y": "had"/"has" alone make a perfect, not a passive).
AUX = r"(?:was|were|is|are|had been|has been|have been|got|remains|remained|remain|is still|was still)"
ADV = r"(?:(?:later|also|then|subsequently|reportedly|allegedly|apparently|eventually|both|all|critically|seriously|" \
      r"fatally|mortally|badly|still|initially|first|twice|once|repeatedly|accidentally|found)\s+)"
KILLED_WORDS = (r"killed|dead|death|murdered|slain|fatally|mortally|died|dies|succumbed|passed away|gunned down|"
                r"homicide victims?|lost (?:his|her|their) li(?:fe|ves)")
PASSIVE_HARM = (r"shot|killed|murdered|slain|gunned down|wounded|injured|hurt|stabbed|struck|hit|grazed|"
                r"hospitali[sz]ed|pronounced dead|found dead|found shot|found\b[^.;]{0,60}?\b(?:dead|shot|wounded)|"
                r"taken to\b[^.;]{0,50}?\b(?:hospital|medical center|trauma center|in (?:critical|serious) condition)|"
                r"rushed to|transported to|airlifted|treated|in (?:critical|serious|stable|fair|grave|good) condition|"
                r"suffering|beaten|missing|among (?:the )?(?:dead|victims|those killed|those shot)|"
                r"(?:the |a |an )?(?:homicide |shooting )?victims?\b|dead|killed")
# Predicates that say only that someone was cared for: harm for a victim, not for a suspect.
CARE_ONLY = re.compile(rf"(?:{AUX})\s+{ADV}*(?:being\s+)?(?:taken to|rushed to|transported to|airlifted|treated)\b(?![^.;]*\bcondition\b)[^.;]*", re.I)
# What makes care evidence of harm: "taken to hospital where he died", "... with gunshot wounds".
CARE_FOR_HARM = re.compile(r"\b(?:died|dies|dead|death|pronounced|wounds?|wounded|injur\w*|shot|gunshot|stab\w*|"
                           r"condition|surgery|treatment|trauma|critical|serious|burns?|bleeding|hurt)\b", re.I)
# The shooter harmed by their own hand, later in their sentence: "... before turning the gun on himself".
SELF_HARM = re.compile(r"\b(?:turn(?:ed|ing|s)\s+(?:the|his|her|a)\s+(?:[\w\-]+\s+){0,2}?(?:gun|weapon|handgun|rifle|"
                       r"pistol|shotgun)\s+on\s+(?:himself|herself)|(?:then\s+)?(?:killed|killing|shot|shooting)\s+"
                       r"(?:himself|herself)\s+(?:dead|to death)|took\s+(?:his|her)\s+own\s+life|"
                       r"taking\s+(?:his|her)\s+own\s+life|(?:and\s+)?then\s+(?:killed|killing)\s+(?:himself|herself))\b",
                       re.I)
INTRANSITIVE_HARM = (r"died|dies|succumbed|passed away|suffered|is recovering|was recovering|"
                     r"(?:killed|shot) (?:himself|herself)|"
                     r"(?:remains?|remained) (?:hospitali[sz]ed|in (?:critical|serious|stable|fair|grave|good) condition)")
SUBJECT_PRED = re.compile(rf",?\s*(?:(?:{AUX})\s+{ADV}*(?:believed to (?:have been|be)\s+)?(?:being\s+)?(?:{PASSIVE_HARM})\b|{ADV}*(?:{INTRANSITIVE_HARM})\b)", re.I)
# What stands between a subject and its verb: ", 26," / ", a 19-year-old man," / ", who" / " of Springfield," /
# "and Jo Marsh, 51," (a list sharing the predicate) / "'s body".
SKIP = re.compile(r"(?:\s*\(\d{1,3}\)|,\s*(?:aged\s+)?\d{1,3}(?=\s*[,(]|\s+(?:of|from)\b)|"
                  r",?\s+(?:of|from)\s+[A-Z][\w.\-]*(?:,?\s+[A-Z][\w.\-]*){0,3}(?=,|\s+(?:was|were|died|had|has|is)\b)|"
                  r",\s*(?:an?|the)\s+[^,;.]{1,70}(?=,)|,\s+who|\s+who|,\s*(?:and\s+)?[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}|"
                  r"\s+and\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3})")
ASIDE = re.compile(r",[^,;.]{1,80}(?=,)")
BODY = re.compile(r"(?:'s|\u2019s)?\s+(?:body|bodies|death|killing|murder|slaying|remains|funeral|autopsy)\b")
# Words between a harm word and the name: "the clerk", "34-year-old", "his son,"; never a verb or a clause.
FILLER = r"(?:(?!(?:and|or|but|he|she|they|him|them|said|says|in|on|at|near|after|before|when|while|with|by|for|to|" \
         r"from|was|were|is|are|has|have|had|can|could|should|will|would|may|might|must|call|contact|be|been|did|does|" \
         r"do|not|that|who|shot|hit|struck|shooting|killing)\b)(?![a-z]+ed\b)[a-z0-9][a-z0-9\-]*,?\s+){0,3}"
OBJECT_HARM = re.compile(
    rf"\b(?i:(?P<k>killed|killing|murdered|murdering|slaying|death|deaths|homicide|murder|killing)|"
    rf"(?P<i>shot|shooting|stabbed|stabbing|wounded|wounding|injured|injuring|struck|striking|hit|hitting)|"
    rf"(?P<v>victims?(?:\s+(?:is|was|are|were))?|decedent|deceased))\s+(?:of\s+)?{FILLER}$")
VICTIM_WORDS = r"victims?|decedent|deceased|dead|man|woman|boy|girl|teen|teenager|child|person|driver|passenger"
# "identified the victim as X" / "The victim has been identified as X" / "the dead man was named by police as X".
IDENTIFIED = re.compile(rf"\b(?i:(?:(?:identified|named)\s+(?:the\s+|a\s+)?(?:\w+\s+){{0,3}}?(?:{VICTIM_WORDS})\b[^.;]{{0,90}}?|"
                        rf"(?:the\s+)(?:\w+\s+){{0,2}}?(?:{VICTIM_WORDS})\s+(?:has been|had been|was|were|is|have been)\s+"
                        rf"(?:\w+\s+)?(?:identified|named)(?:\s+by\s+(?:\w+\s+){{1,3}}?)?\s+)as)\s+{FILLER}$")
FINDING = re.compile(rf"\b(?i:found|discovered|pronounced|located)\s+{FILLER}$")
FINDING_AFTER = re.compile(r"[^.;]{0,50}?\b(?:dead|shot|wounds?|unresponsive|injured|bleeding|suffering|stabbed|"
                           r"killed|lifeless|deceased)\b", re.I)
SUSPECT_BEFORE = re.compile(rf"\b(?i:suspects?|suspected|gunman|shooter|killer|attacker|accused|arrested|charged|"
                            rf"booked|indicted|detained|convicted|sentenced|jailed|charging|arresting|defendant|"
                            rf"identified the (?:\w+\s+)?(?:suspect|shooter|gunman) as|"
                            rf"(?:suspect|shooter|gunman|killer|attacker)\s+(?:was|is|has been|had been)\s+(?:\w+\s+)?identified"
                            rf"(?:\s+by\s+(?:\w+\s+){{1,3}}?)?\s+as|searching for|looking for|hunting for|"
                            rf"search for|manhunt for)\s+{FILLER}$")
SUSPECT_AFTER = re.compile(rf",?\s*(?:(?:{AUX})\s+{ADV}*(?:arrested|charged|booked|indicted|accused|convicted|sentenced|"
                           rf"detained|jailed|held|taken into custody|in custody|wanted|being held|facing|suspected)\b|"
                           rf"{ADV}*(?:faces|is facing|pleaded|surrendered|turned himself|turned herself|fled|fired|"
                           rf"opened fire|allegedly|shot|killed|stabbed|murdered|confessed|admitted|pulled|shooting|killing|stabbing)\b)",
                           re.I)
MODIFIER = re.compile(r"\s+(?:shooting|shootings|killing|killings|homicide|murder|case|incident|attack|massacre|"
                      r"clinic|store|area|neighbo(?:u)?rhood|family|home|house)\b")
KILLED_RE = re.compile(rf"\b(?:{KILLED_WORDS})\b", re.I)
SENT_KILLED = re.compile(r"\b(?:killed|dead|died|death|fatal|fatally|homicide|murder|murdered|slain|slaying|body)\b", re.I)

DESCRIBED = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(\d{1,3})[-\s]year[-\s]old(?:\s+(?:[A-Za-z]+\s+){0,3}?"
                       r"(?:man|woman|boy|girl|teen|teenager|victim|male|female|child|toddler|youth|resident|driver|"
                       r"mother|father|son|daughter|stepson|stepdaughter|wife|husband|ex-wife|ex-husband|girlfriend|"
                       r"boyfriend|brother|sister|student|clerk|employee|worker|officer|friend)\b(?!\s*,?\s*[A-Z])|"
                       r"(?=\s+(?:in|was|who|had|died|is)\b|[,.]))")
# A description of the one who did it: "a 19-year-old man who police say shot ...", "a 17-year-old was arrested".
SHOOTER_AFTER = re.compile(r",?\s*(?:who\s+(?:(?:police|officials|authorities)\s+say\s+|allegedly\s+|reportedly\s+)?)?"
                           r"(?:\w+ly\s+)?(?:shot|killed|stabbed|opened fire|fired|(?:was|has been|is|were)\s+(?:arrested|charged|"
                           r"booked|accused|taken into custody)|faces|is facing)\b")

# Lower-case words at least one of which FINDING, SUSPECT_BEFORE and OBJECT_HARM (patterns anchored at the end
# of the words before a name) need: one search for a plain word spares the costly pattern on most windows.
# Valid on ASCII text only, where re's case-insensitive matching is str.lower(); see :func:`may_match`.
FINDING_WORDS = re.compile("found|discovered|pronounced|located")
SUSPECT_WORDS = re.compile("suspect|gunman|shooter|killer|attacker|accused|arrest|charg|booked|indicted|detained|convicted|"
                           "sentenced|jailed|defendant|search|looking|hunting|manhunt")
OBJECT_WORDS = re.compile("kill|murder|slaying|death|homicide|shot|shoot|stab|wound|injur|struck|strik|hit|victim|decedent|"
                          "deceased")


def may_match(low: str | None, words: re.Pattern[str]) -> bool:
    """False only when none of ``words`` is in ``low`` (a window in lower case; None for non-ASCII text,
    where case folding differs and the pattern itself must decide)."""
    return low is None or words.search(low) is not None


PLACE_BEFORE = re.compile(r"\b(?:in|on|along|off|from|at|near|into|outside|inside|call|contact|across|toward|towards|through)\s+$")

AGE_AFTER = re.compile(r"(?:,\s*(?:aged\s+)?|\s*\(|\s+aged\s+)(\d{1,3})(?=\)|,|\s|\.|;|$)|"
                       r",\s+(?:an?\s+)?(\d{1,3})-year-old\b|,?\s*(\d{1,3})\s*(?:YOA|yoa)\b")
AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+(?:[a-z]+,?\s+){0,2}$")

# Words that may follow an object "her" ("shot her in the leg"); any other makes it possessive ("shot her son").
_AFTER_OBJECT = r"(?:in|on|at|as|while|after|before|and|with|to|from|twice|once|several|multiple|dead|again|during|outside)\b"
# A pronoun harmed: "he died", "she was shot" (the predicate is read with SUBJECT_PRED), or the object
# of a harm verb or finding ("deputies shot him", "shot and killed her", "pronounced him dead").
# (The look-ahead lists the first letters of the three branches: a search skips every other letter.)
PRONOUN_HARM = re.compile(r"(?=[HhSskwp])(?:\b(?P<subject>[Hh]e|[Ss]he)\b(?=\s+(?:was|had|has|later|died|succumbed|remains|remained|is)\b)|"
                          r"\b(?:shot|killed|wounded|struck|hit|stabbed|shooting|killing|wounding)\s+"
                          r"(?:and\s+(?:killed|wounded|injured)\s+)?(?:him|her\b(?!\s+(?!" + _AFTER_OBJECT + r")[a-z]))\b|"
                          r"\bpronounced\s+(?:him|her)\s+dead\b)")
# A description followed by its harm: "a 21-year-old man who was shot", "the 18-year-old man who died".
DESCRIBED_HARMED = re.compile(r",?\s*(?:who\s+)?(?:was|were|had been|has been)?\s*(?:\w+ly\s+)?(?:shot|killed|wounded|stabbed|"
                              r"found|died|pronounced|injured|hurt)\b")
# A source, not a subject: "According to Coroner X, A and B were pronounced dead".
SOURCE_BEFORE = re.compile(r"\b[Aa]ccording to\s+(?:[A-Za-z.]+\s+){0,3}$")
