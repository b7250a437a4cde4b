"""Official quotes and who said them.

Each quotation region is attributed from, in order: an attribution right
after it (``"...," he said`` / ``said Ms Rahman`` / ``according to police``),
a speech verb before it in the same sentence (``Austin said the US would
"..."`` / ``The coroner told the court: "..."``), a colon lead-in ending the
previous paragraph, and finally the person or quote just before it (news
leaves the speaker of a follow-on quote implicit). Scare quotes and titles,
which have no speaker, are skipped.

This module walks the quotations and reads the attribution right beside each; the rest lives in
:mod:`.attribution` (a phrase to a speaker), :mod:`.speech_subject` (speech verbs and their subjects),
:mod:`.quote_context` (per-article state, speech events) and :mod:`.unattributed` (quotes with no
attribution beside them).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Quote, digest
from .attribution import NAME_RUN, Attributor, count_words, had_person
from .document import Document
from .names import People
from .quote_context import QUOTED, QuoteContext, blank
from .speakers import can_speak, clean_role
from .speech_subject import AFTER_NAME_APPOS, AFTER_NP_FIRST, AFTER_VERB_FIRST, VERB
from .text import Region, outer
from .unattributed import colon_lead_in, from_context, subject_speaker

ACCORDING = re.compile(r"according to\s+(?P<np>[^,.;:!?\"\u201c]{1,80})", re.I)
# A name or label introduced as such: never a quote ("the so-called "safe zone"", "a rally known as ...").
SCARE = re.compile(r"(?:so-called|known as|named|titled|entitled|codenamed|nicknamed|operation|the word|the phrase)\s*$",
                   re.I)
# 'a popular play called "..."': a lowercase noun given a name (not 'the mayor called', not 'he called it').
THING_CALLED = re.compile(r"\b([a-z][a-z\-]+)\s+(?:called|dubbed|titled|labelled|labeled)\s*$")
NOT_THINGS = frozenset("it him her them who also once often was were is are be been being has have had and but he she "
                       "they we i you which that then later again previously even just".split())
# A quote lists a statement: one or two words in quote marks ("a mistake", "top secret", "Yes,") are a
# phrase the reader sees in the text, not an item of their own (briefing-json.md, what counts).
MIN_QUOTE_WORDS = 3


def find_quotes(text: str, sents: list[tuple[int, int]], paras: list[tuple[int, int]],
                regions: list[Region], people: People, doc: Document | None = None) -> list[Quote]:
    """Quotes in document order with their speakers (``doc`` adds organisations for "the agency said")."""
    ctx = QuoteContext(text, sents, paras, regions, people)
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
        nwords = count_words(body)
        utterance = body[-1:] in ",.!?" and bool(AFTER_VERB_FIRST.match(after) or AFTER_NP_FIRST.match(after))
        if nwords < 1 or nwords < 2 and not utterance or _is_label(body, before):
            continue  # '"Hi," said Bob' is a quote; a lone "word" in quotes is a label
        speaker, role = _attribute(ctx, before, after, r, sent_start)
        same_sentence = last is not None and last[1] == si and n and regions[n - 1].end >= sent_start
        if speaker is None and same_sentence:
            speaker, role = last[2], last[3]  # '... had "waited" and accused them of "lying"'
        continuing = last is not None and last[0] == para
        if speaker is None and (nwords >= 4 or continuing) and (not before.strip(" \u2014\u2013-") or VERB.search(before)):
            speaker, role = from_context(ctx, r, para, last)
        if speaker is None:
            speaker, role = colon_lead_in(ctx, o_start)
        if speaker is None and before.strip(" \u2014\u2013-"):
            speaker, role = subject_speaker(ctx, sent_start, o_start)
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
    named = THING_CALLED.search(before[-80:])
    if len(words) < 6 and named and named.group(1) not in NOT_THINGS and not can_speak(named.group(1)):
        return True  # 'a popular play called "Sons of Trump,"': a thing's name, no one speaking
    title_case = all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a", "in", "for", "on") for w in words)
    if title_case and len(words) <= 6 and re.search(r"(?:\b(?:on|in|at|to|from)|['\u2019]s?)\s*$", before):
        return True  # 'said on CBS's "Face the Nation."': a programme or title, whatever its punctuation
    return title_case and len(words) <= 6 and not body.rstrip()[-1:] in ",.!?"


def _attribute(ctx: QuoteContext, before: str, after: str, r: Region, sent_start: int) -> tuple[str | None, str | None]:
    att = ctx.att
    full_stop = ctx.text[r.end - 1:r.end] == "."  # '"... pause." Although the agency declined ... said'
    closed_sentence = full_stop or ctx.text[r.end - 1:r.end] in ("?", "!")
    for pattern in (AFTER_VERB_FIRST, AFTER_NAME_APPOS, AFTER_NP_FIRST):
        m = pattern.match(after)
        if m and pattern is AFTER_NAME_APPOS and not had_person(m.group("np")):
            continue
        if m and closed_sentence and pattern is not AFTER_VERB_FIRST and (VERB.search(before) or full_stop and (
                count_words(m.group("np")) > 5 or NEW_CLAUSE.match(after, m.end()))):
            continue  # a new sentence, not an attribution: the speaker is in the sentence before the quote
            # ('Ida Moor asserted that "...." Bo Lind said Wednesday he, too, wants it': Moor asserted it)
        if m and pattern is AFTER_NP_FIRST and re.match(r"\s*(?:and|but|while|whereas)\b", m.group("np")):
            continue  # '... of "leading from behind" and Ida Moor says': a second clause with a speaker of its own
        if m and pattern is not AFTER_VERB_FIRST and ctx.text[r.end - 1:r.end] in ".?!," and \
                re.fullmatch(r"[^\"\u201c\u201d,.!?]{0,16}:\s*", after[m.end():]) and not VERB.search(after, m.end()):
            continue  # '"...," Bo said. "..." Ida replied: "..."': the colon introduces the next quotation
        if m and pattern is AFTER_VERB_FIRST and PARTICIPLE.match(after):
            continue  # '"...," saying the city ...': more words of the same speaker, not who spoke
        if m and not (pattern is AFTER_VERB_FIRST and re.match(r"\s*(?:that|it|this|he|she|they)\b", m.group("np"))):
            # '"...," he tells Foster': the person the pronoun speaks to is not who it is
            told = pattern is not AFTER_VERB_FIRST and re.match(rf"\s+({NAME_RUN}|[A-Z][\w\-\u2019']+)", after[m.end():])
            att.addressee = ctx.people.find(told.group(1), r.start) if told else None
            speaker, role = att.resolve(m.group("np"), m.groupdict().get("appos"), r.start)
            att.addressee = None
            if speaker:
                return speaker, role
    m = SIGNED.match(after) or _signature(ctx, r)
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
    o_end, sent_end = outer(ctx.text, r)[1], ctx.sents[ctx.sentence_of(r.end)][1]
    if speaker[0] is None and o_end + len(after) < sent_end:  # '... carry "weight" and bring "firepower" they
        rest = QUOTED.sub(blank, ctx.text[o_end:min(sent_end, o_end + 400)])  # need, DFA spokesman Neil Sroka said.'
        speaker = _closing_attribution(att, rest, r.start)
    return speaker


PARTICIPLE = re.compile(r"\s*[,\u2014\u2013-]?\s*[a-z]+ing\b")


# A signature inside the quotation ('"... in the right direction. Amy Pope, deputy adviser."') or on a line of
# its own after it ('"..." / - Clinton.'), as fact checks and round-ups print them.
SIGNED_INSIDE = re.compile(rf"[.!?]\s+(?P<np>{NAME_RUN}),\s+[^.!?\"\u201c\u201d]{{2,80}}\.?\s*$")
SIGNED_LINE = re.compile(r"\s*[\u2015\u2014\u2013-]\s*(?P<np>[A-Z][\w\u2019'\-]*(?:\.?\s+[A-Z][\w\u2019'\-]*){0,3})\.?\s*$")


def _signature(ctx: QuoteContext, r: Region) -> re.Match | None:
    inside = SIGNED_INSIDE.search(ctx.text, max(r.start, r.end - 120), r.end)
    if inside and had_person(inside.group("np")):
        return inside
    para = bisect_right(ctx.pstarts, r.end) - 1
    if para + 1 < len(ctx.paras) and not ctx.text[outer(ctx.text, r)[1]:ctx.paras[para][1]].strip():
        a, b = ctx.paras[para + 1]
        return SIGNED_LINE.fullmatch(ctx.text, a, min(b, a + 60)) if b - a < 60 else None
    return None


# '"...." Ann Ode, a delegate, criticized her state's laws': the verb takes an object, so this is a sentence of
# its own and not the quote's attribution (which ends, or goes on with "in a statement", "to reporters", ...).
NEW_CLAUSE = re.compile(r"\s+(?:her|his|their|its|the|a|an|this|that|these|those|he|she|they|it|we|there|[a-z]+ing)\b")


def _closing_attribution(att: Attributor, after: str, pos: int) -> tuple[str | None, str | None]:
    """The attribution closing the sentence after a quote and a clause of its own:
    '"..." that the plan can work, said Ann Ode, a rival.' / '..., Brock said.' (the quote is hers)."""
    tail = after[:400]
    if VERB.search(tail[:tail.find(",")]) if "," in tail else True:
        return None, None  # no comma before the attribution, or a speech verb of another clause first
    for comma in re.finditer(",", tail):
        for pattern in (AFTER_VERB_FIRST, AFTER_NP_FIRST):
            m = pattern.match(tail, comma.start())
            if not m or pattern is AFTER_NP_FIRST and count_words(m.group("np")) > 4:
                continue
            if re.match(r"[^.!?]{0,80}[.!?]?\s*$", tail[m.end():]):  # the attribution ends the sentence
                speaker, role = att.resolve(m.group("np"), m.groupdict().get("appos"), pos)
                if speaker:
                    return speaker, role
    return None, None


# '"..." \u2015 Ana Ruiz' (readers' comments, epigraphs): a dash, a name, and nothing else.
SIGNED = re.compile(r"\s*[\u2015\u2014\u2013]\s*(?P<np>[A-Z][\w.\u2019'\-]*(?:\s+[A-Z][\w.\u2019'\-]*){0,3})\s*[.,;]?\s*$")
