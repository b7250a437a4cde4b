"""Word lists for the language of news: titles, speech verbs, casualty words, numbers.

Kept as data in one place so that a rule change is a list change.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen col lt sgt capt cpl pvt pte maj adm gov sen rep del st jr sr rev hon fr no nos vs etc
inc corp ltd co dept est approx jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu
thur thurs fri sat sun ft mt ave blvd rd e.g i.e a.m p.m u.s u.k u.n d.c cf al brig cmdr insp supt det
""".split())

# Honorifics are dropped from names and are not a role.
HONORIFICS = frozenset("mr mrs ms miss mx sir dame madam mme m".split())

# Words that make a capitalised run a role, not a name ("US Defence Secretary").
TITLE_WORDS = frozenset("""
president vice prime minister ministers secretary deputy assistant under general attorney chancellor
senator sen representative rep congressman congresswoman governor gov mayor councillor councilor
chief commissioner superintendent supt inspector insp detective det sergeant sgt officer constable
sheriff marshal judge justice coroner dr doctor professor prof sir dame lord lady king queen prince
princess pope father rev reverend bishop archbishop imam rabbi gen lieutenant lt colonel col major
maj captain capt commander cmdr admiral adm brigadier brig corporal cpl private pte pvt spokesman
spokeswoman spokesperson director chairman chairwoman chair executive ceo ambassador envoy speaker
leader head premier adviser advisor counsel prosecutor staff first fire police defence defense
foreign interior health home finance justice transport energy education environment state affairs
union national security regional provincial county city federal district chief-executive
secretary-general commissioner-general us uk un eu mp mep mla sen. rescue emergency army military
navy coastguard trade economy opposition shadow labour labor treasury
trucker driver resident neighbour neighbor witness motorist passenger teacher nurse farmer student pupil
shopkeeper owner manager worker engineer firefighter trooper dad mum mom mother father grandmother
grandfather survivor volunteer paramedic lawyer barrister solicitor analyst economist organiser organizer
station group watch crew superintendent sergeant constable chairperson councilwoman councilman
coach author founder co-founder researcher scientist historian activist advocate journalist writer poet
singer actor actress artist athlete strategist pollster consultant columnist pastor entrepreneur
editor editor-in-chief commander-in-chief correspondent reporter anchor publisher moderator host
""".split())

SPEECH_VERBS = ("said", "says", "say", "told", "tells", "added", "adds", "asked", "explained",
                "warned", "insisted", "stated", "wrote", "declared", "announced", "noted",
                "continued", "recalled", "urged", "claimed", "argued", "replied", "responded",
                "confirmed", "acknowledged", "admitted", "posted", "remarked", "cautioned",
                "stressed", "emphasised", "emphasized", "vowed", "pledged", "promised", "conceded",
                "testified", "concluded", "observed", "shouted", "whispered", "tweeted", "wrote",
                "described", "called", "branded", "pleaded", "sobbed", "went on",
                "saying", "adding", "telling", "warning", "insisting", "arguing", "noting", "describing",
                "proclaimed", "questioned", "criticized", "criticised", "complained", "predicted", "suggested",
                "contended", "maintained", "boasted", "joked", "quipped", "lamented", "mused", "reported",
                "yelled", "yelling", "declaring", "vowing", "pledging", "promising", "accused", "accusing",
                "argue", "argues", "writes", "tweets", "describes", "calls", "declared", "countered", "charged",
                "asserted", "predicting", "calling", "asking", "urging", "stating", "admits", "acknowledges",
                "pressed", "retorted", "snapped", "interjected", "scoffed", "recounted", "reasoned", "wondered",
                # present tense of feature copy ("Bozell notes", "he concludes") and a few more
                "notes", "concludes", "explains", "insists", "warns", "recalls", "continues", "asks",
                "replies", "responds", "answered", "demanded", "pointed out", "points out", "shot back", "fired back",
                "fumed", "barked", "opined", "agrees", "chided", "griped", "groused", "gushed", "raged",
                # participles of a clause that goes on from its subject ("..., writing in an email:") and
                # replies ("reacted Moor", "an angry Ode retaliated")
                "writing", "responding", "replying", "reacted", "retaliated")


def word_trie(words) -> str:
    """One regex alternation for ``words`` shaped as a prefix tree ("sa(?:ys|id)|to(?:ld)"): the same
    matches as a flat list, but each position is tried against a few letters rather than every word."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted((k for k in node if k), reverse=True)]
        if "" in node:
            alts.append("")  # a word may end here; longer continuations are tried first
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(tree)


SPEECH = word_trie(set(SPEECH_VERBS))
SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b")

# US states and their postal/AP abbreviations ("_" joins a two-word name): "in Windham, New
# Hampshire, ... said" names a place, never a speaker.
US_STATES = frozenset(w.replace("_", " ") for w in """
alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois
indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana
nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
new_hampshire new_jersey new_mexico new_york north_carolina north_dakota rhode_island south_carolina south_dakota
west_virginia
ak az ar ca co ct de fl ga hi ia ks ky md ma mi mn mo mt ne nv nh nj nm ny nc nd oh ok pa ri
sc sd tn tx ut vt va wa wv wi wy ala ariz ark calif colo conn del fla ill ind kan mass mich minn miss mont neb nev
n.h n.j n.m n.y n.c n.d okla ore r.i s.c s.d tenn wash w.va wis wyo
""".split())
PRONOUNS = frozenset("he she they we i it".split())
# Capitalised only because they open a sentence (or follow "the" in a headline): never the first word of a
# person's name, so "Now Bloomberg says", "Like Corker, Menendez ..." and "Top Clinton adviser" name Bloomberg,
# Corker and Clinton.
NOT_FIRST_NAMES = frozenset("""now like unlike neither either nor so wait well yes oh hey top year dear thus hence
still also even just only perhaps maybe meanwhile however instead earlier later today yesterday tomorrow here there
why how what whatever whenever""".split())
# Verbs in the past or present tense that end a subject noun phrase but do not end in -ed ("The senator sought").
PLAIN_VERBS = frozenset("""sought began went kept sent made took gave got brought thought held left met ran won lost
stood came became spoke wrote saw knew found felt showed sings reports ends begins opens closes""".split())

# Tokens that make a capitalised run a place or organisation, not a person.
NON_PERSON = frozenset("""
hospital street road avenue bridge harbour harbor port city county council ministry department army
forces force police service services agency news house party group union university school college
airport station base fort camp river lake sea gulf mountain mountains valley church mosque temple
centre center court company corp corporation inc ltd bank fund authority office committee commission
guard guards brigade regiment battalion division unit coastguard navy air district province region
state states republic kingdom federation government parliament senate congress assembly times post
press association network channel radio television tv media online daily herald tribune journal
institute foundation trust society club league association programme program project operation
square park island islands bay coast border strait canal highway route motorway tower towers hall
building plaza mall market stadium arena prison jail clinic ward museum library north south east
west northern southern eastern western central international global world national royal
monday tuesday wednesday thursday friday saturday sunday january february march april may june july
august september october november december the a an this that these those it its in on at for
but and or if when while after before during since as by with from of to all both several many
some any every each other another such no not movement front alliance coalition organisation organization
charity network brigades militia rebels forces he she they we it his her him them our their
games olympics paralympics cup championship championships award awards prize festival
act amendment treaty accords investigations
""".split())

MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()

KILLED = (r"could not be saved|did not survive|were not able to be saved|never woke|killed|killing|died|dies|dead|deaths?|fatally|drowned|perished|succumbed|shot dead|stabbed to death|"
          r"bodies|body|lost (?:their|his|her) li(?:fe|ves)|funerals?|mourned|victims? of|slain|murdered")
INJURED = (r"injured|injuring|injuries|wounded|wounding|hurt|hospitali[sz]ed|in (?:a )?(?:critical|serious|stable) condition|"
           r"treated for|burns|wounds|shot(?! dead)|broke (?:his|her|their|a)|broken|fractured?|suffered|"
           r"taken to hospital|concussion|stabbed(?! to death)|fighting for (?:his|her|their) li(?:fe|ves)|"
           r"life-threatening|pulled alive")
MISSING = r"missing|unaccounted for|trapped|feared dead|not been found|still being sought"
# Named in an incident but unhurt: rescued, survived.
VICTIM = r"rescued|unhurt|uninjured|survived|escaped unhurt"
STATUS_RE = re.compile(rf"\b(?:(?P<killed>{KILLED})|(?P<injured>{INJURED})|(?P<missing>{MISSING})|(?P<victim>{VICTIM}))\b",
                       re.I)
SUSPECT_RE = re.compile(r"\b(?:arrested|charged|detained|suspects?|accused|gunman|shooter|attacker|"
                        r"perpetrator|in custody|convicted|sentenced|remanded|alleged)\b", re.I)
NAMING_RE = re.compile(r"\b(?:named(?: locally)?(?: as)?|identified(?: as)?|victims?|the dead|those (?:killed|who died)|"
                       r"they were|they are|among them|include[ds]?|including)\b", re.I)

UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000,
          "k": 1_000, "tn": 1_000_000_000_000}
# Vague quantities, valued at their lower bound as the gold rules say.
VAGUE = {"a dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
         "tens of thousands": 20_000, "hundreds of thousands": 200_000, "millions": 2_000_000,
         "a hundred": 100, "a thousand": 1_000, "a million": 1_000_000, "half a million": 500_000,
         "a couple of": 2, "a handful of": 5}
QUALIFIERS = ("more than", "over", "at least", "nearly", "almost", "up to", "some", "about", "around",
              "approximately", "roughly", "an estimated", "as many as", "fewer than", "less than",
              "just over", "just under", "well over", "close to", "upwards of", "in excess of",
              "an additional", "another", "a further", "at most", "only", "just")

# Verbs that say what happened to what a figure counts.
EVENT_VERBS = frozenset("""
killed injured wounded died dead missing arrested detained displaced evacuated rescued hurt trapped
destroyed damaged burned burnt launched fired seized affected stranded hospitalised hospitalized
treated charged released deployed lost cut raised pledged approved freed captured kidnapped abducted
shot stabbed drowned buried recovered found fled sheltering homeless confirmed reported flooded
taken driven forced unaccounted
""".split())
