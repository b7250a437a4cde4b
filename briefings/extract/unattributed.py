"""Speakers of quotations with no attribution beside them: a colon lead-in ("Said Ellis:",
"Pollsters agree - Carl Bialik:"), the subject of the sentence the quote sits in ('Cruz blamed
the law on "knuckleheaded politicians."'), or the person or speaker just before it."""

from __future__ import annotations

import re

from .attribution import BODY_WORDS, DOCUMENT_HEADS, ORG_WORDS, had_person
from .lexicon import TITLE_WORDS
from .names import POSSESSIVE, looks_like_person, split_role_name
from .quote_context import DATELINE, QuoteContext
from .speakers import CLAUSE_OPENERS, can_speak
from .speech_subject import SPEECH_WORDS, STOP_BACK, is_possessor
from .text import Region

# A sentence whose quotation opens this far in is no prose (real news heads stay under ~400 characters:
# the longest with a subject found on 1,300 public articles is 322). Reading its subject means scanning
# the head once per quotation, quadratic on a text made of quote marks, so it gets none.
MAX_SUBJECT_HEAD = 2000

# "Said Ellis:" / "Continued Stone:": the verb before the name, at the start of a lead-in.
INVERTED_LEAD = re.compile(r"^\W*(?:Said|Says|Continued|Continues|Stated|States|Added|Adds|Wrote|Writes|Asked|Replied|"
                           r"Concluded|Explained|Noted|Tweeted|Responded)\s+(?P<np>[^,:;]{1,60})$")
# "As Ann Lee puts it, ...": the one whose words follow.
AS_PUT_IT = re.compile(r"\b[Aa]s\s+(?P<np>[^,;:\"\u201c]{1,60}?)(?:,[^,;:\"\u201c]{1,80},)?\s+(?:puts|put|phrased|phrases)\s+it\b"
                       r"[^\"\u201c]{0,80}$")
# "Pollsters agree - Carl Bialik:" / "More from Jones:" / "Clinton:": a name labelling what follows.
NAME_LEAD = re.compile(r"(?:^\W*|[\u2014\u2013-]\s+|\bfrom\s+)(?P<np>(?:[A-Z][\w.\u2019'\-]*\s+){0,3}[A-Z][\w.\u2019'\-]*)\s*$")

# "... doesn't surprise Republican pollster Ida Moor:" / "explained CBS moderator Ann Kerr:": a role word and a name.
ROLE_NAME_LEAD = re.compile(r"(?P<np>(?:[A-Z][\w.\u2019'\-]*\s+){0,3}(?P<title>[a-z][\w\-]+)\s+"
                            r"[A-Z][\w\u2019'\-]+(?:\s+[A-Z][\w\u2019'\-]+){1,2})\s*$")


def colon_lead_in(ctx: QuoteContext, o_start: int) -> tuple[str | None, str | None]:
    """The speaker of a quotation introduced by a colon with no speech verb: "Politico reveals the
    figures:", "Said Ellis:", "Pollsters agree - Carl Bialik:", "He then listed the questions:"."""
    text, k = ctx.text, o_start
    while k > 0 and k > o_start - 80 and text[k - 1].isspace():
        k -= 1
    if k <= 0 or text[k - 1] != ":":
        return None, None
    colon = k - 1
    s_start = ctx.sents[ctx.sentence_of(colon)][0]
    lead = text[s_start:colon]
    if ctx.speaker_from(lead, s_start, colon)[0]:  # "The coroner told the court:" is read before this
        return ctx.speaker_from(lead, s_start, colon)
    for pattern in (INVERTED_LEAD, NAME_LEAD, ROLE_NAME_LEAD):
        m = pattern.search(lead)
        if m and pattern is ROLE_NAME_LEAD and m.group("title").lower() not in TITLE_WORDS:
            continue
        if m:
            speaker = ctx.att.resolve(m.group("np"), None, s_start + m.start("np"))
            if speaker[0]:
                return speaker
    speaker = subject_speaker(ctx, s_start, colon)
    if speaker[0]:
        return speaker
    lead_in = LEAD_IN.match(lead)
    off = lead_in.end() if lead_in and not lead[:1].isupper() else 0
    end = _subject_end(lead, off)
    np = lead[off:end]
    if end > off and (np.lower().startswith("the ") and (any(w[:1].isupper() for w in np.split()[1:]) or
                                                         np.split()[-1].lower() in SOURCE_HEADS | WRITINGS or
                                                         can_speak(np.split()[-1]))
                      or all(w[:1].isupper() for w in np.split())):
        return ctx.att.resolve(np, None, s_start + off)  # "the Illinois Board of Elections was conclusive:"
    return None, None


# "On Monday, he ..." / "But she ...": a pronoun opening the sentence, perhaps after a short lead-in.
OPENING_PRONOUN = re.compile(r"(?:(?:and|but|so|yet|still|instead|then)\s+|[^,\"\u201c]{0,60},\s*)?(he|she|they)\b", re.I)
# "Mike Pence, who called their son "...": the person before the relative pronoun.
RELATIVE_WHO = re.compile(r",\s*who\s+(?:\w+\s+){0,2}?(?!said|says)\w+")
# A second clause with a subject of its own: the quotation after it is that subject's.
CLAUSE_SUBJECT = re.compile(r"(?:,\s*(?:while|whereas|and|but)|;)\s+(?P<np>(?:(?:Gov|Sen|Rep|Dr|Mr|Mrs|Ms)\.\s+)?"
                            r"[A-Z][\w\u2019'\-]*(?:\s+[A-Z][\w\u2019'\-]*){0,3})(?:,[^,\"\u201c\u201d]{1,80},)?\s+"
                            r"(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b")
# A lead-in before the subject: "On Monday, Trump ...", "In a statement Friday, the campaign ...".
LEAD_IN = re.compile(r"[^,\"\u201c\u201d]{1,60},\s*")
# Writing that speaks for its author after a colon ("The piece concluded:").
WRITINGS = frozenset("piece article story column editorial book headline tweet post video blog essay".split())
NAME_GOES_ON = re.compile(r"\s+(?:the\s+)?[A-Z]")
WORD = re.compile(r"[\w\u2019'\-&.]+")


def _subject_end(head: str, start: int) -> int:
    """Where the subject noun phrase starting at ``start`` ends: at a stop word, a verb in -ed or a
    speech verb, or after eight words (the rules of :func:`sentence_subject`)."""
    end, n, prev = start, 0, ""
    for w in WORD.finditer(head, start):
        word = w.group().rstrip(".")
        # "the Illinois Board of Elections was": "of" between capitalised words goes on with the name
        of_name = word in ("of", "for") and prev[:1].isupper() and prev.lower() in BODY_WORDS and \
            bool(NAME_GOES_ON.match(head, w.end()))
        if n >= 8 or head[end:w.start()].strip() or word.lower() in STOP_BACK and not of_name or \
                n and (word.endswith("ed") or word.lower() in SPEECH_WORDS):
            break
        end, n, prev = w.end(), n + 1, word
    return end


def subject_speaker(ctx: QuoteContext, sent_start: int, o_start: int) -> tuple[str | None, str | None]:
    """Who a quotation inside a report of what someone did belongs to: the sentence's subject.

    'Cruz blamed the law on "knuckleheaded politicians."' and 'He offered "my thoughts and prayers."'
    quote the subject's own words without a speech verb; the quotation is theirs. The subject is a
    person named at the start of the sentence (after a lead-in such as "On Monday,"), a pronoun
    there, or the person a "who" clause describes; anyone named later is an object, not the source.
    """
    if o_start - sent_start > MAX_SUBJECT_HEAD:
        return None, None
    head = ctx.text[sent_start:o_start]
    for pattern in (INVERTED_LEAD, AS_PUT_IT):  # 'Said Comey, "..."' / 'As Ann Lee puts it, "..."'
        m = pattern.search(head.rstrip(" ,"))
        if m:
            speaker = ctx.att.resolve(m.group("np"), None, sent_start + m.start("np"))
            if speaker[0]:
                return speaker
    clause = None
    for clause in CLAUSE_SUBJECT.finditer(head):  # "..., while Mike Hale, a former governor, proposed we "...""
        pass
    if clause is not None and (had_person(clause.group("np")) or ctx.people.find(clause.group("np"), o_start)):
        speaker = ctx.att.resolve(clause.group("np"), None, sent_start + clause.start("np"))
        if speaker[0]:
            return speaker
    who = None
    for who in RELATIVE_WHO.finditer(head):
        pass
    if who is not None:
        person = ctx.people.last_before(sent_start + who.start() + 1)
        at = max((m for m in person.mentions if m < sent_start + who.start()), default=-1) if person else -1
        if person is not None and at >= sent_start:
            return ctx.att.resolve(person.name, None, at)
    pronoun = OPENING_PRONOUN.match(head)
    if pronoun:
        return ctx.att.resolve(pronoun.group(1), None, sent_start + pronoun.start(1))
    lead = DATELINE.match(head) or LEAD_IN.match(head)  # "HARWICK, July 25 (UPI) \u2014 The board ...": past the date
    for off in (0, lead.end()) if lead else (0,):
        end = _subject_end(head, off)
        if end <= off:
            continue
        person = ctx.people.first_between(sent_start + off, sent_start + end)
        if person is not None:
            at = min(m for m in person.mentions if m >= sent_start + off)
            return ctx.att.resolve(person.name, None, at)
        title, name = split_role_name(head[off:end].split())
        if title and name and looks_like_person(name) and head[end:].strip():  # "President Oduya released ..."
            speaker = ctx.att.resolve(head[off:end], None, sent_start + off)
            if speaker[0]:
                return speaker
        np = _source(head[off:end], at_start=off == 0)
        if np and head[off + len(np):].strip():  # the quotation is after the verb, not inside the subject
            speaker = ctx.att.resolve(np, None, sent_start + off)
            if speaker[0]:
                return speaker
    return None, None


# What may speak without being a person: a document or body ("The lawsuit contends that ...",
# "The ad claims ...", "A Government Accountability Office report found ...").
SOURCE_HEADS = DOCUMENT_HEADS | ORG_WORDS | frozenset("ad ads lawsuit complaint indictment ruling order email poll "
                                                      "survey footnote page website site petition".split())


def _source(np: str, at_start: bool) -> str | None:
    """The part of a subject that can be a quotation's source: a capitalised name ("Pollwise found"
    -> "Pollwise") or a determiner and a document or body ("A campaign TV ad claims" -> "A campaign TV ad").

    Not a source: a possessor ("Rubio's campaign ..."), a dateline in capitals ("HARWICK"), a name run
    followed by more of a title ("Former Obama speechwriter Jon Favreau": the person, read elsewhere).
    """
    words = np.split()
    if not words:
        return None
    if words[0].lower() in ("a", "an", "the"):
        heads = [i for i, w in enumerate(words[1:5], 1) if w.lower() in SOURCE_HEADS]
        if not heads:
            return None
        end = heads[-1] + 1
        if words[end - 1][:1].isupper():  # "The Harwick Board of Ferries": the whole name, not "The Harwick Board"
            while end + 1 < len(words) and words[end] in ("of", "for") and words[end + 1][:1].isupper():
                end += 2
                while end < len(words) and words[end][:1].isupper():
                    end += 1
        return " ".join(words[:end])
    run = []
    for w in words:
        if not w[:1].isupper():
            break
        run.append(w)
    rest = words[len(run):]
    if not run or len(run) > 5 or run[0].lower() in CLAUSE_OPENERS or run[0].lower().endswith("ing") \
            or not rest and len(words) > 1 or any(w[:1].isupper() for w in rest):
        return None  # "Subprime mortgages ...", "Following Monday's ...": no name, or no verb after it
    if any(POSSESSIVE.search(w) for w in run) or any(w.isupper() and len(w) > 5 for w in run):
        return None
    if len(run) == 1 and at_start and not (run[0].isupper() or any(c.isupper() for c in run[0][1:])):
        return None  # "Critics accused ...": one capitalised word opening a sentence is any word
    return " ".join(run)


def from_context(ctx: QuoteContext, r: Region, para: int, last) -> tuple[str | None, str | None]:
    """A quote with no attribution: a colon lead-in, the person just named, or the last speaker."""
    text, paras = ctx.text, ctx.paras
    if para > 0:
        ps, pe = paras[para - 1]
        prev = text[ps:pe].rstrip()
        if prev.endswith(":") and r.start <= paras[para][0] + 1:
            speaker = ctx.speaker_from(prev, ctx.sents[ctx.sentence_of(pe - 1)][0], pe)
            if speaker[0]:
                return speaker
    if last and last[0] == para:  # '"...," said Ann Ode, a rival of Bo Lind. "..."': still Ann Ode speaking
        return last[2], last[3]
    window_start = paras[max(para - 1, 0)][0]
    event = next(ctx.att.events_before(r.start, 1), None)
    # The most salient person before the quote (a sentence's subject, the last speaker), not merely the
    # latest named: "Viguerie is upbeat about Cruz's chances. 'Not only can Cruz win ...'" is Viguerie.
    sent_start = ctx.starts[ctx.sentence_of(r.start)] if ctx.starts else 0
    named = [(at, p) for at, p in ctx.people.between(sent_start, r.start) if not ctx.quoted(at) and not is_possessor(text, at)]
    subject = next((p for at, p in named[:1] if ctx.att.salience.opens_sentence(at)), None)  # "Ida Moor tweeted
    person = subject or (named[-1][1] if named else None)  # back at Kerr ...:" is Moor's, not Kerr's; 'Tomas
    # Reyes, who called the prize "..."': else the person named last in the quote's sentence
    person = person or ctx.att.salience.pick(None, r.start, {event[1]} if event else set()) \
        or ctx.people.last_before(r.start)
    person_pos = max((m for m in person.mentions if m < r.start and not is_possessor(text, m)), default=-1) \
        if person else -1  # '..." said Kerr's aide Jo Ode. / "..."': Ode goes on speaking, not Kerr
    if event and event[0] >= window_start and event[0] >= person_pos:
        return event[1], event[2]
    if person and person_pos >= window_start:
        return person.name, person.role
    if last and last[0] >= para - 1:
        return last[2], last[3]
    return None, None
