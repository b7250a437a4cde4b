"""Mentions and coreference chains for :class:`~briefings.extract.document.Document`.

Mentions are people (every form the person registry recognised, plus a
first name used alone once the full name is known), organisations (a
capitalised run ending in an organisation word, or an acronym), descriptive
sources ("a senior official", "police", "the ministry") and pronouns.

Chains, by explicit rules, in order:

1. A person's forms ("Joe Biden", "Mr Biden", "Biden", "Joe") are one chain.
2. "the president" / "the minister": the latest person whose role has that
   head word; else "the official" joins the latest description with the same
   head ("a senior official"); else it starts a description chain.
3. Organisations group by their name without a leading "The".
4. "he"/"she" (and him/his/her): among the last few mentions, the person
   compatible in gender in the nearest sentence, preferring the first such
   mention of that sentence (the subject). Gender comes from honorifics,
   gendered role words, kin words ("his wife, Ana") and common first names.
5. "they"/"it": the latest organisation or description within three sentences.

Work is bounded: each pronoun looks at most ``WINDOW`` mentions back.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .document import Chain, Mention
from .names import RUN

if TYPE_CHECKING:
    from .document import Document

WINDOW = 40  # mentions looked back from a pronoun: antecedents are near, and work stays linear

ORG_HEADS = frozenset("""
ministry department police agency company corporation corp inc ltd council party government army navy
force forces service services commission committee office authority bureau court university school
hospital bank group union association federation institute foundation trust campaign administration
board league network parliament senate congress assembly coalition alliance brigade movement church
""".split())
DESCRIPTION_HEADS = (
    "official|officials|spokesman|spokeswoman|spokesperson|source|sources|officer|officers|minister|ministry|"
    "president|company|government|department|agency|witness|witnesses|resident|residents|lawyer|attorney|"
    "campaign|aide|aides|adviser|advisor|expert|experts|analyst|analysts|prosecutor|prosecutors|judge|coroner|"
    "chief|mayor|governor|senator|candidate|nominee|police|army|military|statement|spokespeople|"
    "representative|diplomat|diplomats|investigators|investigator|authorities|doctor|doctors|neighbour|neighbor"
)
DESCRIPTION = re.compile(
    rf"\b(?:(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Ss]everal|[Oo]ther)\s+(?:[a-z][\w\-]{{0,24}}\s+){{0,3}}?)?(?:{DESCRIPTION_HEADS})\b")
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself|they|them|their|it|its)\b", re.I)
MALE_PRONOUNS = frozenset("he him his himself".split())
FEMALE_PRONOUNS = frozenset("she her hers herself".split())

MALE_WORDS = frozenset("""mr sir lord king prince father son brother husband uncle nephew grandfather spokesman
chairman congressman councilman businessman policeman fireman dad boy man""".split())
FEMALE_WORDS = frozenset("""mrs ms miss dame lady queen princess mother daughter sister wife aunt niece grandmother
spokeswoman chairwoman congresswoman councilwoman businesswoman policewoman mum mom girl woman""".split())
MALE_NAMES = frozenset("""john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory
frank alexander raymond patrick jack dennis jerry tyler aaron jose adam nathan henry douglas peter kyle
noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence
jordan jesse bryan billy bruce gabriel joe logan albert willie alan eugene russell vincent philip bobby
johnny bradley roy ralph randy wayne howard mike bill tom jim bob ted ahmed mohammed muhammad
ali omar hassan ivan sergei vladimir pierre jean hans carlos luis juan pedro justin barack bernie marco
rand ben chris newt mitt ted jeb jake jeff greg doug jon josh matt dan dave rick rich chuck ed tim steve stu
nate ken rob reince jared mitch harry luke liam oliver elijah lucas mason owen caleb isaac hunter evan""".split())
FEMALE_NAMES = frozenset("""mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie
rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce
virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha
gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber
doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
hillary melania ivanka chelsea kellyanne sarah nikki carly elizabeth michelle fatima aisha mariam elena
olga natalia sophie claire anne louise debbie dianne kirsten tammy kamala jill megyn katie huma cecile
loretta maxine patty susanna nina rosa lucy ella chloe zoe mia ava amelia harper evelyn abby ruby""".split())
KIN_BEFORE = re.compile(r"\b(?P<kin>wife|husband|son|daughter|mother|father|brother|sister|widow|widower),?\s+$", re.I)


def find_mentions(doc: "Document") -> list[Mention]:
    """Every mention of ``doc`` in document order; overlapping forms keep the person first."""
    text = doc.text
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for pos, _ in doc.person_positions:
        m = RUN.match(text, pos)
        end = m.end() if m else pos + 1
        out.append(_mention(doc, pos, end, "person"))
        taken.append((pos, end))
    first_names = _first_names(doc)
    for m in RUN.finditer(text):
        tokens = m.group().split()
        if len(tokens) == 1 and tokens[0].lower() in first_names and not _overlaps(taken, m.start(), m.end()):
            out.append(_mention(doc, m.start(), m.end(), "person"))  # "Maria said" once Maria Lopez is known
        elif len(tokens) >= 2 and tokens[-1].lower() in ORG_HEADS and not _overlaps(taken, m.start(), m.end()):
            out.append(_mention(doc, m.start(), m.end(), "org"))
    taken = sorted(taken + [(x.start, x.end) for x in out if x.kind == "org"])
    for m in ACRONYM.finditer(text):
        if not _overlaps(taken, m.start(), m.end()) and not m.group() in ("I", "US", "UK", "TV", "AM", "PM"):
            out.append(_mention(doc, m.start(), m.end(), "org"))
    for m in DESCRIPTION.finditer(text):
        if not _overlaps(taken, m.start(), m.end()):
            out.append(_mention(doc, m.start(), m.end(), "description"))
    for m in PRONOUN.finditer(text):
        out.append(_mention(doc, m.start(), m.end(), "pronoun"))
    out.sort(key=lambda x: x.start)
    return out


def _mention(doc: "Document", start: int, end: int, kind: str) -> Mention:
    return Mention(start, end, doc.text[start:end], kind, doc.sentence_index(start), doc.quoted(start))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted-by-start ``spans`` (spans do not nest)."""
    k = bisect_left(spans, (end, -1)) - 1
    return k >= 0 and spans[k][1] > start


def _first_names(doc: "Document") -> dict[str, int]:
    """First names that point to exactly one known person (and are nobody's surname)."""
    counts: dict[str, list[int]] = {}
    surnames = {p.surname for p in doc.people.persons}
    for p in doc.people.persons:
        parts = p.name.split()
        if len(parts) >= 2 and len(parts[0]) > 2 and not parts[0].endswith("."):
            counts.setdefault(parts[0].lower(), []).append(p.index)
    return {k: v[0] for k, v in counts.items() if len(v) == 1 and k not in surnames}


def gender_of(text: str, name: str, role: str | None, positions: list[int]) -> str | None:
    """ "m", "f" or None: an honorific, role or kin word just before a mention ("Mr", "his wife,"),
    else the role, else the first name."""
    for pos in positions[:10]:
        words = re.findall(r"[a-z]+", text[max(0, pos - 30):pos].lower())[-2:]
        if any(w in MALE_WORDS for w in words):
            return "m"
        if any(w in FEMALE_WORDS for w in words):
            return "f"
    words = (role or "").lower().split()
    if any(w in MALE_WORDS for w in words):
        return "m"
    if any(w in FEMALE_WORDS for w in words):
        return "f"
    first_name = name.split()[0].lower()
    if first_name in MALE_NAMES:
        return "m"
    if first_name in FEMALE_NAMES:
        return "f"
    return None


def resolve(doc: "Document", mentions: list[Mention]) -> list[Chain]:
    """Group ``mentions`` into chains (rules in the module docstring)."""
    people = doc.people.persons
    named_at: dict[int, list[int]] = {}
    for pos, idx in doc.person_positions:
        named_at.setdefault(idx, []).append(pos)
    person_chain = {p.index: Chain(p.name, "person", p.role, gender_of(doc.text, p.name, p.role, named_at.get(p.index, [])))
                    for p in people}
    by_pos = dict(doc.person_positions)
    first_names = _first_names(doc)
    chains: list[Chain] = []
    seen_persons: set[int] = set()
    org_chains: dict[str, Chain] = {}
    recent: list[tuple[Mention, Chain]] = []  # resolved mentions, for pronouns and definites
    for m in mentions:
        chain = None
        if m.kind == "person":
            idx = by_pos.get(m.start, first_names.get(m.text.lower()))
            chain = person_chain.get(idx) if idx is not None else None
            if chain is not None and idx not in seen_persons:
                seen_persons.add(idx)
                chains.append(chain)
        elif m.kind == "org":
            key = re.sub(r"^the\s+", "", m.text.lower())
            chain = org_chains.get(key)
            if chain is None:
                chain = org_chains[key] = Chain(m.text, "org")
                chains.append(chain)
        elif m.kind == "description":
            chain = _definite(m, recent)
            if chain is None:
                chain = Chain(m.text, "description")
                chains.append(chain)
        else:
            chain = _pronoun(m, recent, doc)
        if chain is not None:
            chain.mentions.append(m)
            recent.append((m, chain))
    return chains


def _definite(m: Mention, recent: list[tuple[Mention, Chain]]) -> Chain | None:
    """ "the president" -> the latest person with that role; "the official" -> "a senior official"."""
    words = m.text.split()
    if words[0].lower() != "the" or len(words) < 2:
        return None
    head = words[-1].lower()
    for _, chain in reversed(recent[-WINDOW * 5:]):
        if chain.kind == "person" and chain.role and head in chain.role.lower().split():
            return chain
        if chain.kind == "description" and chain.name.lower().split()[-1] == head:
            return chain
    return None


def _pronoun(m: Mention, recent: list[tuple[Mention, Chain]], doc: "Document") -> Chain | None:
    low = m.text.lower()
    window = recent[-WINDOW:]
    if low in MALE_PRONOUNS or low in FEMALE_PRONOUNS:
        want = "m" if low in MALE_PRONOUNS else "f"
        best: tuple[int, int] | None = None  # (sentence, -position): nearest sentence, then its first mention
        choice = None
        for prev, chain in reversed(window):
            if m.sentence - prev.sentence > 3:
                break
            if chain.kind != "person" and not (chain.kind == "description" and prev.kind == "description"):
                continue
            if chain.kind == "person" and chain.gender not in (None, want):
                continue
            if chain.kind == "description" and not _is_singular_person(chain.name):
                continue
            key = (prev.sentence, -prev.start)
            if best is None or key > best:
                best, choice = key, chain
        return choice
    for prev, chain in reversed(window):  # they / it: organisations and described groups
        if m.sentence - prev.sentence > 3:
            break
        if chain.kind in ("org", "description"):
            return chain
    return None


def _is_singular_person(description: str) -> bool:
    head = description.split()[-1].lower()
    return not head.endswith("s") and head not in ("police", "government", "company", "ministry", "army",
                                                   "military", "campaign", "department", "agency", "statement")
