"""Key figures: each quantity with what it counts, one entry per fact.

A number becomes a figure when it counts something (a noun follows it, or
it is money or a share) and is not a date, year, time, age, list number or
part of a name ("Tower 22"). What it counts is the noun phrase after it,
plus the event around it ("killed three US soldiers" -> "US soldiers
killed") and a short phrase that says where or since when.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Figure, digest
from .lexicon import EVENT_VERBS, MONTHS, NON_PERSON, SPEECH_VERBS
from .numbers import NUMBER_RE, is_money, is_percent, value_of

WORD = re.compile(r"[A-Za-z][\w'\u2019\-]*|\S")
NP_STOP = frozenset("""in on at from to for by with since during after before across into near under over of off
and or but nor as than then that which who whom whose when where while because if so were was is are be been being
have has had will would could can may might must shall should do does did said says told a an the this these those
its their his her our your my per about around up down out including such not""".split()) | EVENT_VERBS
PP_START = frozenset("on against in since across from of for at near".split())
GERUNDS = {"killing": "killed", "wounding": "wounded", "injuring": "injured", "leaving": "",
           "displacing": "displaced", "destroying": "destroyed", "damaging": "damaged"}
SOURCE_NOUNS = frozenset("official officials source sources diplomat diplomats people familiar analyst analysts "
                         "witness witnesses person".split())
SPEECH = "|".join(SPEECH_VERBS)
ANAPHORA = re.compile(r"(?:\b(?:the|those|these|all|both|of|its|their)\s+)$", re.I)
DATE_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(MONTHS)})\b\.?", re.I)
DATE_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s+$", re.I)
TIME_AFTER = re.compile(r"\s*(?:am|pm|a\.m\.|p\.m\.|o['\u2019]clock|gmt|bst|utc|hrs|local time)\b", re.I)
AGE_AFTER = re.compile(r"-?\s*years?[-\s]old|-year-old|\)", re.I)
UNIT_GLUE = re.compile(r"(?:km|kg|mph|kph|kmh|ha|ft|mi|mw|gw|kw|t)\b")


def find_figures(text: str, sents: list[tuple[int, int]], skip: list[tuple[int, int]] = ()) -> list[Figure]:
    """Figures in order of first mention; ``skip`` spans (e.g. casualty ages) are not figures."""
    starts = [s for s, _ in sents]
    figures: list[Figure] = []
    seen: dict[tuple[float, str], Figure] = {}
    for m in NUMBER_RE.finditer(text):
        num_start, num_end = m.start("num"), m.end()
        if any(a <= num_start < b for a, b in skip) or _not_a_figure(text, m):
            continue
        value = value_of(m)
        if value is None:
            continue
        si = max(bisect_right(starts, m.start()) - 1, 0)
        s_start, s_end = sents[si]
        noun, np_end = _noun_phrase(text, num_end, s_end)
        head = noun.split()[-1].lower() if noun else ""
        if not noun and not (is_money(m) or is_percent(m)):
            continue
        if m.group("num").lower() == "one" and not _event(text, m.start(), np_end, s_start, s_end)[0]:
            continue  # "one official", "one day": a figure only when something happened to it
        if head.rstrip("s") in {w.rstrip("s") for w in SOURCE_NOUNS} and re.search(
                rf"\b(?:{SPEECH}|cited|citing|quoted|speaking)\b", text[m.start():s_end], re.I):
            continue  # "four US officials said": who is talking, not what happened
        key = (value, _stem(head) if head else ("$" if is_money(m) else "%"))
        anaphoric = bool(ANAPHORA.search(text[max(s_start, m.start() - 12):m.start()]))
        if key in seen or anaphoric and any(k[0] == value for k in seen):
            continue
        counts = _counts(text, m, noun, np_end, s_start, s_end)
        span = (m.start(), np_end if noun else m.end())
        fig = Figure(value=value, text=text[span[0]:span[1]].strip(), counts=counts, span=span,
                     id="f-" + digest("figure", value, key[1], size=8))
        seen[key] = fig
        figures.append(fig)
    return figures


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _not_a_figure(text: str, m: re.Match[str]) -> bool:
    """Dates, years, times, ages, list numbers, names and model numbers."""
    num, start, end = m.group("num"), m.start("num"), m.end()
    prev = text[start - 1] if start else " "
    nxt = text[end:end + 1]
    if num[0].isdigit():
        if m.group("scale") is None and m.group("pct") is None and not m.group("cur"):
            if re.fullmatch(r"1[89]\d\d|20\d\d", num):
                return True  # a year
            if re.match(r"[A-Za-z]", nxt) and not UNIT_GLUE.match(text, end):
                return True  # 7th, 1990s, 9mm, 3pm
        if prev.isalpha() or prev == "-" and start > 1 and text[start - 2].isalnum():
            return True  # F-16, Covid-19, MH17
        if re.match(r"[:./\-]\d", text[end:end + 2]) or prev in ":/":
            return True  # 10:30, 7.50am handled below, 3/4/2026, scores 2-1
        if re.fullmatch(r"\d{1,2}\.\d{2}", num) and TIME_AFTER.match(text, end):
            return True
        if TIME_AFTER.match(text, end):
            return True
        if AGE_AFTER.match(text, end) and not m.group("pct") and (nxt == "-" or text[start - 1:start] == "("):
            return True
        if re.search(r"\baged?\s+$", text[max(0, start - 6):start], re.I):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        if not text[line_start:start].strip() and re.match(r"[.)]\s", text[end:end + 2]):
            return True  # list numbering
    elif re.match(r"-(?:year|month|week|day)s?-old", text[end:end + 12]):
        return True
    if re.match(r"-(?!strong)[a-z]", text[end:end + 2]) and not m.group("pct"):
        return True  # "three-year plan", "46-year-old": an adjective, not a count
    if DATE_AFTER.match(text, end) or DATE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return True
    before = re.search(r"([A-Z][\w\-]*\.?)\s$", text[max(0, m.start() - 30):m.start()])
    if before and before.group(1).lower().rstrip(".") not in NON_PERSON and not m.group("qual"):
        if before.group(1).lower() not in {"only", "just", "another", "nearly", "some", "about"}:
            return True  # "Tower 22", "Route 9", "Flight 370", "No 10"
    return False


def _noun_phrase(text: str, pos: int, limit: int) -> tuple[str, int]:
    """The counted noun phrase after a number: "other US troops" -> "US troops"."""
    rest = text[pos:limit]
    lead = re.match(r"\s+(?:of\s+(?:the\s+|them\b|those\b)?)?", rest)
    offset = lead.end() if lead else 0
    if rest[offset:offset + 4].lower().startswith("them"):
        return "them", pos + offset + 4
    words: list[str] = []
    end = pos
    for w in WORD.finditer(rest, offset):
        token = w.group()
        if not token[0].isalpha() or token.lower() in NP_STOP or len(words) >= 5 or token.endswith("ly"):
            break
        if words and token.endswith("ed") and words[-1].lower().endswith("s"):
            break  # "officials cited", "homes flooded": a verb after the noun
        if w.start() > offset and rest[offset:w.start()].strip():
            break
        words.append(token)
        end = pos + w.end()
        offset = w.end()
        if rest[offset:offset + 1] != " ":
            break
        offset += 1
    words = [w for w in words if w.lower() != "other"]
    return " ".join(words), end


def _event(text: str, start: int, np_end: int, s_start: int, s_end: int) -> tuple[str, int]:
    """The event verb around a figure ("killed three" / "troops were injured") and where it ends."""
    before = re.search(r"\b([a-z]+)\s+(?:(?:some|about|more than|at least|over|nearly|up to)\s+)?$",
                       text[s_start:start])
    if before:
        word = before.group(1)
        if word in EVENT_VERBS:
            return word, np_end
        if word in GERUNDS and GERUNDS[word]:
            return GERUNDS[word], np_end
    after = re.match(r"\s+(?:who\s+|that\s+)?(?:were|was|have been|had been|has been|are|is|remain|remained|been|"
                     r"have|had|were later|are still)?\s*(?:\w+ly\s+)?([a-z]+)\b", text[np_end:s_end])
    if after and after.group(1) in EVENT_VERBS:
        return after.group(1), np_end + after.end()
    return "", np_end


def _counts(text: str, m: re.Match[str], noun: str, np_end: int, s_start: int, s_end: int) -> str:
    """What the figure counts, in words."""
    verb, verb_end = _event(text, m.start(), np_end, s_start, s_end)
    pp = re.match(r",?\s+((?:" + "|".join(PP_START) + r")\s+[^,;.\u201c\u201d\"()]{2,60})", text[verb_end:s_end])
    phrase = ""
    if pp:
        phrase = " ".join(pp.group(1).split()[:7])
        phrase = re.split(r"\s+(?:and|but|which|who|that|were|was|have|has|had|said)\b", phrase)[0]
    if noun:
        return " ".join(x for x in (noun, verb, phrase) if x)
    if phrase:  # money and shares: "$69bn for flood defences"
        return re.sub(r"^(?:in|of|on)\s+", "", phrase) if is_money(m) else phrase
    back = [w for w in re.findall(r"[A-Za-z][\w\-]*", text[s_start:m.start()])[-4:]
            if w.lower() not in NP_STOP]
    return " ".join(back[-3:]) or ("money" if is_money(m) else "share")
