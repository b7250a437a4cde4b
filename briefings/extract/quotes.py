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
from bisect import bisect_right

from ..model import Quote, digest
from .lexicon import PRONOUNS, SPEECH, TITLE_WORDS
from .names import People, looks_like_person, split_role_name
from .text import Region

LEAD = r"\s*[,\u2014\u2013-]?\s*"
NP = r"(?P<np>[^,.;:!?\"\u201c\u201d]{1,80}?)"
APPOS = r"(?:,\s*(?P<appos>[^,\"\u201c]{1,100}?),)?"
AUX = r"(?:(?:has|had|have|also|later|then|further|again|previously|once)\s+)*"
AFTER_NP_FIRST = re.compile(rf"{LEAD}{NP}{APPOS}\s+{AUX}(?P<verb>{SPEECH})\b")
AFTER_VERB_FIRST = re.compile(rf"{LEAD}(?:{SPEECH})\s+(?P<np>[^,.;:!?\"\u201c]{{1,80}})(?:,\s*(?P<appos>(?:a|an|the|who)\b[^,.;]{{1,100}}))?")
ACCORDING = re.compile(r"according to\s+(?P<np>[^,.;:!?\"\u201c]{1,80})", re.I)
VERB = re.compile(rf"\b(?:{SPEECH})\b")
SCARE = re.compile(r"(?:so-called|dubbed|called|known as|named|termed|labell?ed|titled|entitled|"
                   r"codenamed|nicknamed|branded|operation|the word|the phrase|a|an)\s*$", re.I)
STOP_BACK = frozenset("""in on at to from with by after before when while and but or that which who whom as if because
since though although where speaking meanwhile however also yet so than into during about over under
said says told added is was were be been being are it this these those then there here not""".split())
TRAIL = re.compile(r"\s+(?:in a statement|on condition of anonymity|in an interview|on (?:monday|tuesday|wednesday|"
                   r"thursday|friday|saturday|sunday)|who .*|on .*|in .*|at .*|to .*|during .*|after .*|"
                   r"earlier .*|late .*|last .*|this .*|as .*|when .*)$", re.I)


def _words(s: str) -> int:
    return len(re.findall(r"[\w\u2019']+", s))


class Attributor:
    """Resolves attribution phrases to (speaker, role) against the article's people."""

    def __init__(self, people: People):
        self.people = people

    def resolve(self, np: str, appos: str | None, pos: int) -> tuple[str | None, str | None]:
        np = re.sub(r"^(?:and|but|so|then|meanwhile|however|also|while)\s+", "", np.strip(), flags=re.I)
        np = TRAIL.sub("", np).strip(" ,")
        if not np or _words(np) > 9:
            return None, None
        role = _appos_role(appos)
        if np.lower() in PRONOUNS:
            if np.lower() in ("i", "we", "it"):
                return None, None
            person = self.people.last_before(pos)
            return (person.name, person.role) if person else (None, None)
        tokens = np.split()
        cut = len(tokens)
        while cut > 0 and (tokens[cut - 1][:1].isupper() or tokens[cut - 1].lower() in {"of", "for", "al", "de", "van", "von", "bin"}):
            cut -= 1
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
            if pos not in person.mentions:
                person.mentions.append(pos)
            return person.name, role or person.role
        definite = re.fullmatch(r"the\s+([a-z\-]+)", np, re.I)
        if definite and definite.group(1).lower() in TITLE_WORDS:
            for person in sorted(self.people.persons, key=lambda p: -p.mentions[0]):
                if person.role and definite.group(1).lower() in person.role.lower() and person.mentions[0] < pos:
                    return person.name, person.role
        if not re.search(r"[A-Za-z]", np) or np.split()[0].lower() in ("it", "this", "that", "there"):
            return None, None
        return np, role


def _appos_role(appos: str | None) -> str | None:
    if not appos:
        return None
    appos = appos.strip()
    if appos.lower().startswith("who"):
        return None
    return re.sub(r"^(?:a|an|the)\s+", "", appos, flags=re.I) or None


def subject_before(s: str) -> tuple[str, str | None]:
    """The noun phrase just before the end of ``s`` (the subject of a speech verb)."""
    appos = None
    m = re.search(r",\s*((?:a|an|the)\s[^,]{1,80}),\s*$", s, re.I)
    if m:
        appos, s = m.group(1), s[:m.start()]
    s = re.sub(rf"\s+{AUX}$", "", s)
    tokens = re.findall(r"[\w\u2019'\-.]+|[^\w\s]", s)
    np: list[str] = []
    while tokens and len(np) < 8:
        t = tokens.pop()
        low = t.lower()
        if not re.match(r"\w", t) or low in STOP_BACK and not (low in ("of", "for", "and") and np and np[0][:1].isupper()):
            break
        np.insert(0, t)
        if low in ("a", "an", "the"):
            break
    return " ".join(np), appos


def find_quotes(text: str, sents: list[tuple[int, int]], paras: list[tuple[int, int]],
                regions: list[Region], people: People) -> list[Quote]:
    """Quotes in document order with their speakers."""
    attributor = Attributor(people)
    starts = [s for s, _ in sents]
    pstarts = [p for p, _ in paras]
    out: list[Quote] = []
    last: tuple[int, str, str | None] | None = None  # (paragraph, speaker, role) of the previous quote
    for n, r in enumerate(regions):
        si = max(bisect_right(starts, r.start - 1) - 1, 0)
        ei = max(bisect_right(starts, r.end) - 1, 0)
        sent_start, sent_end = sents[si][0], sents[ei][1]
        prev_end = regions[n - 1].end + 1 if n and regions[n - 1].end >= sent_start else sent_start
        next_start = regions[n + 1].start - 1 if n + 1 < len(regions) and regions[n + 1].start < sent_end else sent_end
        before = text[prev_end:max(prev_end, r.start - 1)]
        after = text[min(r.end + 1, next_start):next_start]
        body = " ".join(text[a:b].strip() for a, b in r.parts).strip()
        para = bisect_right(pstarts, r.start) - 1
        nwords = _words(body)
        if nwords < 2 or _is_label(body, before):
            continue
        speaker, role = _attribute(attributor, before, after, r, text)
        if speaker is None and nwords >= 4 and not before.strip(" \u2014\u2013-"):
            speaker, role = _from_context(text, r, para, paras, last, people, attributor)
        if speaker is None or (nwords < 3 and not VERB.search(before + " " + after[:40])):
            continue
        last = (para, speaker, role)
        out.append(Quote(text=body, speaker=speaker, span=(r.start, r.end), role=role,
                         id="q-" + digest("quote", re.sub(r"\W+", " ", body.lower()), size=8)))
    return out


def _is_label(body: str, before: str) -> bool:
    """Scare quotes, names and titles: short, introduced as a label, or in Title Case."""
    words = body.split()
    if len(words) < 6 and SCARE.search(before):
        return True
    title_case = all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a", "in", "for", "on") for w in words)
    return title_case and len(words) <= 6 and not body.rstrip()[-1:] in ",.!?"


def _attribute(att: Attributor, before: str, after: str, r: Region, text: str) -> tuple[str | None, str | None]:
    pos = r.end
    for pattern in (AFTER_VERB_FIRST, AFTER_NP_FIRST):
        m = pattern.match(after)
        if m and not (pattern is AFTER_VERB_FIRST and re.match(r"\s*(?:that|it|this|he|she|they)\b", m.group("np"))):
            speaker, role = att.resolve(m.group("np"), m.groupdict().get("appos"), pos)
            if speaker:
                return speaker, role
    m = ACCORDING.search(after[:60]) or ACCORDING.search(before)
    if m:
        return att.resolve(m.group("np"), None, pos)
    verbs = list(VERB.finditer(before))
    if verbs:
        v = verbs[-1]
        np, appos = subject_before(before[:v.start()])
        if np:
            return att.resolve(np, appos, r.start)
    return None, None


def _from_context(text, r, para, paras, last, people, att) -> tuple[str | None, str | None]:
    """A quote with no attribution: a colon lead-in, the person just named, or the last speaker."""
    if para > 0:
        ps, pe = paras[para - 1]
        prev = text[ps:pe].rstrip()
        if prev.endswith(":") and r.start <= paras[para][0] + 1:
            verbs = list(VERB.finditer(prev))
            if verbs:
                np, appos = subject_before(prev[:verbs[-1].start()])
                speaker = att.resolve(np, appos, r.start)
                if speaker[0]:
                    return speaker
    window_start = paras[max(para - 1, 0)][0]
    person = people.last_before(r.start)
    person_pos = max((m for m in person.mentions if m < r.start), default=-1) if person else -1
    if last and last[0] >= para - 1:
        quote_pos = paras[last[0]][0]
        if person is None or person_pos < quote_pos or person.name == last[1]:
            return last[1], last[2]
    if person and person_pos >= window_start:
        return person.name, person.role
    return None, None
