"""Which capitalised runs name a person, for the victim reader (:mod:`victims`).

A run such as "Gregory Bishop Jr." or "Bishop's" is read by itself first
(:func:`run_parts`: role, name, nickname and suffix set apart; memoised, as runs
recur), then against the article: a place ("from Kestrel Bay", "a Kestrel Bay
resident"), a description ("Ohio Boy") or a common word opening the run
("Then Bishop") is no name (:func:`not_a_name`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .harm import PLACE_BEFORE
from .lexicon import NON_PERSON, US_STATES
from .names import POSSESSIVE, TOKEN, looks_like_person, split_role_name

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
SUFFIXES = frozenset("Jr Sr II III IV".split())
# A capitalised run ending in one of these describes someone ("Ohio Boy, 7, Killed"), it names no one.
PERSON_NOUNS = frozenset("boy girl man woman teen teenager toddler baby child samaritan victim victims".split())
# A run followed by these is where someone lives: "an 18-year-old Kestrel Bay resident", "a Dunmore man".
PLACE_AFTER = re.compile(r"\s+(?:residents?|natives?|man|woman|men|women|boy|girl|teen|teenager|couple|family)\b")
# States that are also given names ("Georgia Lane", "Montana Reyes"): never read as a place this way.
STATE_GIVEN_NAMES = frozenset("georgia virginia montana dakota indiana nevada carolina washington florida".split())


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


class common_words:  # noqa: N801 - used like a function returning a set
    """Words the text also writes in lower case: "Then" or "Boy" opening a capitalised run is not a name.

    Read on first use: most texts never need it, and a huge one pays one linear pass.
    """

    def __init__(self, text: str):
        self.text, self.words = text, None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            # A lower-case word not glued to a word or a full stop (the mark first, then the look-behind).
            self.words = set(re.findall(r"[a-z](?<![\w.][a-z])[a-z\-]+", self.text))
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
