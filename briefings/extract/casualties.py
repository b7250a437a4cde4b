"""Named casualties: people named as killed, injured or missing.

A mention is a name with an age (``Ana Ruiz, 34`` / ``aged 34`` / ``(34)`` /
``34-year-old Ana Ruiz``) or a name in a naming phrase (``identified as``,
``named as``) or a name followed directly by a status (``Tom Brandt died``).
Its status is the nearest status word bound to it: after it in its clause,
before it in its sentence, or, for a naming sentence ("They were named as
..."), in the sentences just before. Speakers and suspects are not casualties.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from ..model import Casualty, digest
from .incident import drop_recalled
from .lexicon import NAMING_RE, SPEECH, STATUS_RE, SUSPECT_RE
from .names import TOKEN, People, looks_like_person, split_role_name
from .numbers import word_value
from .victim_names import common_words, not_a_name
from .victims import listed_under_heading, read_people

NAME = rf"(?<![\w\u2019'\-])(?P<name>{TOKEN}(?:\s+(?:(?:de|da|van|von|der|bin|al|el|la|le|du|dos|ibn|di)\s+)?{TOKEN}){{0,4}})"
AGE_AFTER = re.compile(rf"{NAME}(?:,\s+(?:aged\s+)?|\s+\(|\s+aged\s+)(?P<age>\d{{1,3}})(?=\)?[\s,.;:]|$)")
WORD_AGE = ("(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
            "seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\\w+)?)")
AGE_BEFORE = re.compile(rf"\b(?P<age>\d{{1,3}}|{WORD_AGE})-year-old\s+(?:[a-z]+,?\s+){{0,3}}?{NAME}")
NAMED_AS = re.compile(rf"\b(?:named(?: locally)?|identified|confirmed) as\s+{NAME}")
STATUS_AFTER = re.compile(rf"{NAME}(?:,\s+(?:a|an|the)\s[^,.]{{1,60}}?(?:,\s+|\s+who\s+)|\s+who\s+)?\s*(?:was|were|has been|had been|is|remains|remained)?\s*(?:among those\s+)?"
                          rf"(?=killed|died|drowned|shot dead|found dead|injured|wounded|missing|hurt|"
                          rf"fatally|seriously|critically|in (?:a )?critical condition)")
KIN = re.compile(r"\b(?:his|her|their)\s+(?:wife|husband|son|daughter|mother|father|brother|sister|child|"
                 r"children|partner|grandson|granddaughter|grandmother|grandfather|niece|nephew|cousin|"
                 r"fianc[ée]e?|stepson|stepdaughter|uncle|aunt)s?,?\s+$", re.I)
GROUP_AFFILIATION = re.compile(r"(?:all|both|the|they|each|all of them)\b[^.]{0,40}?\b(?:were|was|had been|are)\s+"
                               r"(?:all\s+)?(?:part of|members of|serving (?:with|in)|assigned to|employed by|"
                               r"with|from|soldiers (?:in|with)|workers (?:at|for)|staff (?:at|of))\s+"
                               r"(?:an?\s+|the\s+)?(?P<aff>[^.;]+)", re.I)
APPOSITION = re.compile(r",\s+(?:an?|the)\s+(?P<aff>[^,;.]{3,80}?)(?=,|\.|;|\s+(?:who|and|was|were|died|is)\b)")
FOLLOW_UP = re.compile(r"(?:both|all|they|he|she|the (?:two|three|four|five|men|women|pair|victims?))\b", re.I)
# A harm verb in the active voice with its object after it names the one who did the harm.
ACTIVE_HARM = re.compile(r"(?i:shot|killed|killing|wounded|wounding|injured|injuring|stabbed|murdered)")
OBJECT_AFTER = re.compile(r"\s+(?:and\s+(?:killed|wounded|injured)\s+)?(?:him|her|them|his|their|a|an|the|two|three|\d+)\b")
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|got|get|is|are|be)\s+(?:\w+ly\s+)?(?:\w+\s+and\s+)?$", re.I)
# "X ... hitting a 40-year-old woman. She was in serious condition": "she" is the woman, not X.
PRONOUN_START = re.compile(r"(?:he|she)\b", re.I)
UNNAMED_AFTER = re.compile(r"\b(?:a|an|the|his|her|their)\s+(?:\d{1,3}-year-old\s+)?(?:man|woman|boy|girl|teen|teenager|"
                           r"child|toddler|baby|victim|neighbou?r|wife|husband|son|daughter|friend|bystander)\b", re.I)
SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b")
# The article's victim, named by role, died: "the victim died", "the victim was later pronounced dead".
VICTIM_DIED = re.compile(r"\b[Tt]he victim\b[^.;]{0,80}?\b(?:died|dies|was pronounced dead|succumbed)\b")
# A clause of its own between a naming phrase and a name: the name is not in the naming list.
NEW_CLAUSE = re.compile(rf"\b(?:{SPEECH}|when|while|because|but)\b")


def find_casualties(text: str, sents: list[tuple[int, int]], people: People,
                    quoted: Callable[[int], bool] | None = None) -> list[Casualty]:
    """Casualties in order of first mention, one per person.

    ``sents``, ``people`` and ``quoted`` (is a position inside a quotation?) come from the
    shared :class:`~briefings.extract.document.Document`.
    """
    starts = [s for s, _ in sents]
    found: dict[str, Casualty] = {}
    for start, end, name, age in _mentions(text):
        tokens = name.split()
        _, tokens = split_role_name(tokens)
        tokens = _end_at_suffix(tokens)
        if not tokens or not looks_like_person(tokens):
            continue
        si = max(bisect_right(starts, start) - 1, 0)
        if len(tokens) == 1:
            owner = _kin_owner(text, start, sents[si][0], found)
            if owner is None:
                continue
            tokens = [tokens[0], owner]
        status = _status(text, start, end, sents, si)
        if status is None:
            continue
        full = " ".join(tokens)
        if full in found:
            if found[full].age is None and age is not None:
                found[full].age = age
            continue
        person = people.find(full)
        if person is not None and status == "killed":
            person.killed = True
        found[full] = Casualty(name=full, status=status, span=(start, end), age=age,
                               affiliation=_affiliation(text, end, sents, si),
                               id="c-" + digest("casualty", full.lower(), size=8))
    _add_victims(text, sents, found, quoted)
    out = drop_recalled(text, sents, sorted(found.values(), key=lambda c: c.span[0]))
    if len(out) == 1 and out[0].status == "injured" and VICTIM_DIED.search(text):
        out[0].status = "killed"  # "X was shot ... The victim died shortly after 10 a.m.": the only victim died
    _group_affiliations(text, sents, out)
    return out


def _end_at_suffix(tokens: list[str]) -> list[str]:
    """A name ends at its suffix: in "Dale Pike Sr. Pike told police" the second "Pike" opens a sentence."""
    for i, t in enumerate(tokens[:-1]):
        if i >= 2 and t in ("Jr.", "Sr."):
            return tokens[:i + 1]
    return tokens


def _mentions(text: str):
    """(start, end, name, age) for every candidate mention, in text order."""
    seen: set[int] = set()
    for pattern in (AGE_AFTER, AGE_BEFORE, NAMED_AS, STATUS_AFTER):
        for m in _scan(pattern, text):
            age = _age(m.group("age")) if "age" in m.groupdict() and m.group("age") else None
            if age is not None and not 0 < age < 116:
                continue
            start = m.start("name")
            if start in seen:
                continue
            seen.add(start)
            yield start, m.end(), m.group("name"), age
        if pattern is NAMED_AS:  # "named as A, B and C" without ages
            for m in _scan(pattern, text):
                tail = text[m.end("name"):m.end("name") + 200]
                for n in re.finditer(rf"(?:,\s+|\s+and\s+){NAME}", tail):
                    if n.start() > 0 and not re.fullmatch(r"(?:,?\s*(?:\d{1,3}|and|aged \d+|\(\d+\))\s*,?\s*)*",
                                                           tail[:n.start()].split(",")[-1] or ""):
                        break
                    s = m.end("name") + n.start("name")
                    if s not in seen:
                        seen.add(s)
                        yield s, s + len(n.group("name")), n.group("name"), None


STATUS_WORD = re.compile(r"\b(?:killed|died|drowned|shot dead|found dead|injured|wounded|missing|hurt|fatally|"
                         r"seriously|critically|in (?:a )?critical condition)")


# Where AGE_AFTER's age can be (", 34" / " (34" / " aged 34"), and the words NAMED_AS needs.
# (The look-ahead says how every branch starts: a search skips every other character at once.)
AGE_MARK = re.compile(r"(?=[,\s])(?:,\s+(?:aged\s+)?|\s+\(|\s+aged\s+)\d{1,3}(?=\)?[\s,.;:]|$)")
NAMED_AS_WORDS = re.compile(r"(?:named(?: locally)?|identified|confirmed) as\s")
# How far before its status word or age a name (with its apposition) can start, and what follows it.
WINDOWS = {"STATUS_AFTER": (STATUS_WORD, 260, 40), "AGE_AFTER": (AGE_MARK, 260, 2)}  # ")" and the mark after an age


def _scan(pattern: re.Pattern[str], text: str):
    """``pattern.finditer(text)``, run only where a match can be: near a status word for STATUS_AFTER,
    near an age for AGE_AFTER (a name and its apposition are at most ~260 characters long), where
    "year-old" is for AGE_BEFORE and "named as" for NAMED_AS. Most articles have few of them, and
    these patterns are the costly ones to try at every capital."""
    if pattern is AGE_BEFORE and "year-old" not in text or pattern is NAMED_AS and not NAMED_AS_WORDS.search(text):
        return
    window = WINDOWS.get("STATUS_AFTER" if pattern is STATUS_AFTER else "AGE_AFTER" if pattern is AGE_AFTER else "")
    if window is None:
        yield from pattern.finditer(text)
        return
    marks, back, ahead = window
    start = end = -1
    for hit in marks.finditer(text):
        lo, hi = max(0, hit.start() - back), min(len(text), hit.end() + ahead)
        if lo > end:
            if end > start:
                yield from pattern.finditer(text, start, end)
            start = lo
        end = hi
    if end > start:
        yield from pattern.finditer(text, start, end)


def _age(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = word_value(text)
    return int(value) if value is not None else None


def _status(text: str, start: int, end: int, sents, si: int) -> str | None:
    s_start, s_end = sents[si]
    clause_end = s_end
    after = text[end:min(clause_end, end + 200)]  # a status is near its name; long sentences stay linear
    sus = SUSPECT_RE.search(after)
    speech = SPEECH_RE.search(after)
    m = STATUS_RE.search(after)
    if m and not (sus and sus.start() < m.start()) and not (speech and speech.start() < m.start()):
        if ACTIVE_HARM.fullmatch(m.group()) and OBJECT_AFTER.match(after, m.end()) \
                and not PASSIVE_BEFORE.search(after, max(0, m.start() - 30), m.start()):
            return None  # "X ... shot him once": X is who fired
        return _st(m)
    before = text[max(s_start, start - 200):start]
    if SUSPECT_RE.search(before[-60:]):
        return None
    found = list(STATUS_RE.finditer(before))
    if found and not (speech and speech.start() < 30 and not m):
        return _st(found[-1])
    if si + 1 < len(sents) and FOLLOW_UP.match(text, sents[si + 1][0]) and not (
            PRONOUN_START.match(text, sents[si + 1][0]) and UNNAMED_AFTER.search(text, end, s_end)):
        nxt = STATUS_RE.search(text, *sents[si + 1])  # "... were pulled out. Both were treated for burns."
        if nxt:
            return _st(nxt)
    window_start = max(s_start, start - 800)  # naming lists run long: "identified as A, 34; B, 51; ..."
    naming = NAMING_RE.search(text[window_start:min(s_end, end + 200)])
    if naming and window_start + naming.end() <= start:
        last = max(NAMING_RE.finditer(text, window_start + naming.start(), start), key=lambda m: m.end())
        if NEW_CLAUSE.search(text, last.end(), start):
            naming = None  # "identified as A. A told police he and his son, B, ...": the naming is A's, not B's
    if naming:
        # "... killing a night guard and injuring three firefighters. The guard was named as ...":
        # the status nearest the word the naming sentence uses for the person.
        nouns = [w for w in re.findall(r"[a-z]{4,}", text[window_start:window_start + naming.start()])
                 if w not in ("were", "have", "been", "they", "their")]
        for back in range(si - 1, max(si - 3, -1), -1):
            prev = list(STATUS_RE.finditer(text, *sents[back]))
            if prev:
                spots = [m.start() for n in nouns for m in re.finditer(rf"\b{n}", text[:sents[back][1]])
                         if m.start() >= sents[back][0]]
                if spots:
                    return _st(min(prev, key=lambda m: min(abs(m.start() - p) for p in spots)))
                return _st(prev[0])
        return "named victim" if re.search(r"\bvictims?\b", text[window_start:min(s_end, end + 200)], re.I) else None
    return None


def _st(m: re.Match[str]) -> str:
    return "named victim" if m.lastgroup == "victim" else str(m.lastgroup)


def _kin_owner(text: str, start: int, floor: int, found: dict[str, Casualty]) -> str | None:
    """The surname a given name inherits from "his wife, Mia": the person the "his" is.

    A given name listed right after another kin name ("their daughters, Amy, 7, and Beth, 4")
    belongs to the same family.
    """
    before = text[max(floor, start - 40):start]
    sibling = re.search(r"(?:^|\s)([A-Z][a-z]+),\s+\d{1,3},?\s+(?:and\s+)?$", before)
    if not KIN.search(before) and not (sibling and KIN.search(text[max(floor, start - 80):start - len(sibling.group(0))])):
        return None
    owners = [c for c in found.values() if c.span[0] < start and len(c.name.split()) > 1]
    return owners[-1].name.split()[-1] if owners else None


def _affiliation(text: str, end: int, sents, si: int) -> str | None:
    m = APPOSITION.match(text, end, sents[si][1])
    return m.group("aff").strip() if m else None


def _group_affiliations(text: str, sents, found: list[Casualty]) -> None:
    """Apply "All three were part of an army reserve unit ..." to the people just named."""
    if not found:
        return  # no one to apply it to: spare the match at every sentence
    for i, (s, e) in enumerate(sents):
        m = GROUP_AFFILIATION.match(text, s, e)
        if not m:
            continue
        aff = m.group("aff").strip().rstrip(".")
        prev_start = sents[max(i - 1, 0)][0]
        for c in found:
            if prev_start <= c.span[0] < s and not c.affiliation:
                c.affiliation = aff


def _add_victims(text: str, sents, found: dict[str, Casualty], quoted: Callable[[int], bool] | None = None) -> None:
    """Merge the person-level reading of :mod:`victims` into the mention-level one.

    A mention-level find that the person-level reading knows as a suspect who
    was not harmed as a subject is dropped ("Jason Reed, 41, faces a
    murder charge in the death of ...").
    """
    people = read_people(text, sents, quoted) + listed_under_heading(text)
    by_name = {(p.name.split()[0].lower(), p.name.split()[-1].lower()): p for p in people}
    common = common_words(text)
    for key, c in list(found.items()):
        p = by_name.get((c.name.split()[0].lower(), c.name.split()[-1].lower()))
        if p is not None and p.suspect and not p.passive or not_a_name(text, c.span[0], c.name.split(), common) \
                or re.search(r"['\u2019\"]", c.name):
            del found[key]  # a suspect, a place ("from Long Beach, 17"), a broken nickname
    for v in people:
        if not v.harmed:
            continue
        first, last = v.name.split()[0].lower(), v.name.split()[-1].lower()
        same = [c for c in found.values() if c.name.split()[0].lower() == first and c.name.split()[-1].lower() == last]
        if same:
            if same[0].age is None:
                same[0].age = v.age
            if v.status == "killed":
                same[0].status = "killed"
            continue
        found[v.name] = Casualty(name=v.name, status=v.status or "named victim", span=(v.start, v.end), age=v.age,
                                 affiliation=_affiliation(text, v.end, sents, _sentence_of(sents, v.start)),
                                 id="c-" + digest("casualty", v.name.lower(), size=8))


def _sentence_of(sents, pos: int) -> int:
    return max(bisect_right([s for s, _ in sents], pos) - 1, 0)
