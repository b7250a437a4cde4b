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
from .lexicon import EVENT_VERBS, MONTHS, SPEECH_VERBS, STATUS_RE
from .lexicon import VAGUE
from .numbers import is_money, is_percent, number_matches, range_value, ranges, value_of

WORD = re.compile(r"[^\W\d_][\w'\u2019\-]*|\S")
NP_STOP = frozenset("""in on at from to for by with since during after before across into near under over of off
and or but nor as than then that which who whom whose when where while because if so were was is are be been being
have has had will would could can may might must shall should do does did said says told a an the this these those
its their his her our your my per about around up down out including such not along through throughout between
among against toward towards within without beyond behind beside amid despite via until till inside outside onto
upon like near past remain remains remained""".split()) | EVENT_VERBS
# Capitalised words that may stand before a count ("All 12", "Only 3"); any other makes a name ("Route 9").
COUNT_OPENERS = frozenset("""the a an all only just another nearly some about and but of in at on for with by from to
over under more than almost around roughly least up as many another further its their his her these those after
before since during within until across among between into through without per like while when""".split())
PP_START = frozenset("on against in since across from of for at near".split())
GERUNDS = {"killing": "killed", "wounding": "wounded", "injuring": "injured", "leaving": "",
           "displacing": "displaced", "destroying": "destroyed", "damaging": "damaged"}
SOURCE_NOUNS = frozenset("official officials source sources diplomat diplomats analyst analysts "
                         "witness witnesses".split())
SPEECH = "|".join(SPEECH_VERBS)
ANAPHORA = re.compile(r"(?:\b(?:the|those|these|all|both|of|its|their)\s+)$", re.I)
DATE_AFTER = re.compile(rf"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(MONTHS)})\b\.?", re.I)
DATE_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?\s+$", re.I)
TIME_AFTER = re.compile(r"\s*(?:am|pm|a\.m\.|p\.m\.|o['\u2019]clock|gmt|bst|utc|hrs|local time)(?!\w)", re.I)
AGE_AFTER = re.compile(r"-?\s*years?[-\s]old|-year-old|\)", re.I)
# Units written against the number ("40Mbps", "3.5kWh", "95p"); not calibres ("9mm") or times ("3pm").
UNIT_GLUE = re.compile(r"(?:km/h|km|kg|mph|kph|kmh|ha|ft|mi|mw|gw|kw|t|GB|MB|TB|KB|Gb|Mb|Mbps|Gbps|kbps|kW|kWh|MW|MWh|"
                       r"GW|GWh|W|Hz|kHz|MHz|GHz|mg|ml|mL|l|L|g|lb|lbs|oz|m2|m3|sqm|p|mpg|mAh|V|nm|hp|bhp|(?:mm|cm)(?= of\b))\b")
# "a 25-mile stretch", "the three-day inquest", "a 300-strong force": a measure, so a figure.
MEASURE = re.compile(r"-(?:mile|kilometre|kilometer|km|metre|meter|foot|feet|yard|hour|day|week|month|year(?!s?-old)|"
                     r"minute|second|tonne|ton|acre|hectare|storey|story|strong|member|seat|bed|point|inch|inche|mpg|litre|liter|"
                     r"gallon|megawatt|degree)s?\b", re.I)
# A capitalised word that is not a plural or a nationality after a bare number names a model.
MODEL = re.compile(r"\s[A-Z][a-z]{2,}(?<!s)(?<!an)(?<!ese)(?<!ish)(?<!ni)(?<!ti)(?<!si)(?<!ki)\b(?!['\u2019])"
                   r"(?!(?:\s+[A-Z]\w+)?\s+(?:dollars|pounds|euros|francs|rupees|pesos|yen|yuan)\b)")
EMERGENCY = re.compile(r"(?:911|999|112|000)$")


def find_figures(text: str, sents: list[tuple[int, int]], skip: list[tuple[int, int]] = ()) -> list[Figure]:
    """Figures in order of first mention; ``skip`` spans (e.g. casualty ages) are not figures.

    A headline's figures are read after the body's, so that the body's fuller
    phrase ("hundreds of people") stands for a fact the headline also gives.
    """
    starts = [s for s, _ in sents]
    headline_end = sents[0][1] if sents and _is_headline(text, sents[0]) else 0
    matches = number_matches(text)
    ordered = [m for m in matches if m.start() >= headline_end] + [m for m in matches if m.start() < headline_end]
    figures: list[Figure] = []
    seen: set[tuple[float, str]] = set()
    events: set[tuple[float, str]] = set()  # (value, event verb): "three hurt" = "three firefighters hurt"
    last_noun: dict[int, str] = {}
    skip_starts = sorted(skip)
    heads_by_value: dict[float, set[str]] = {}
    pairs = ranges(text, matches)
    upper = {b.start() for b in pairs.values()}
    for m in ordered:
        k = bisect_right(skip_starts, (m.start("num"), float("inf"))) - 1
        if m.start() in upper or k >= 0 and skip_starts[k][0] <= m.start("num") < skip_starts[k][1]:
            continue
        top = pairs.get(m.start())  # "30 to 45 hours": one figure, its unit after the upper bound
        if _not_a_figure(text, top or m):
            continue  # a range ("12-14 billion", "1800 - 2400 calories") is judged by its upper bound
        value = value_of(m) if top is None else range_value(m, top)
        if value is None:
            continue
        unit_m = top or m
        money, share = is_money(m) or is_money(unit_m), is_percent(m) or is_percent(unit_m)
        si = max(bisect_right(starts, m.start()) - 1, 0)
        s_start, s_end = sents[si]
        noun, np_end = _noun_phrase(text, unit_m.end(), s_end)
        verb, verb_end = _event(text, m.start(), np_end, s_start, s_end)
        if not noun and verb and not (money or share):
            noun = last_noun.get(si, "people")  # "four were killed and 11 injured"
            np_end = max(np_end, verb_end)
        level = not noun and not verb and _level(text, m, unit_m)
        if not noun and not (money or share or level):
            continue
        if m.group("num").lower() == "one" and (not verb or re.search(r"\bof\s+$", text[max(0, m.start() - 4):m.start()])):
            continue  # "one official", "one day", "members of one family": not a count of its own
        if re.search(r"\(\s*$", text[max(0, m.start() - 2):m.start()]) and re.match(r"[^)]{0,20}\)", text[m.end():]) \
                and re.search(r"\d[\w\s.,]*$", text[max(0, m.start() - 20):m.start() - 1]) and not money:
            continue  # "40 km (25 miles)": a conversion of the figure just given; another currency is another sum
        head = noun.split()[-1].lower() if noun else ""
        if head.rstrip("s") in {w.rstrip("s") for w in SOURCE_NOUNS} and re.search(
                rf"\b(?:{SPEECH}|cited|citing|quoted|speaking)\b", text[m.start():min(s_end, m.start() + 200)], re.I):
            continue  # "four US officials said": who is talking, not what happened
        last_noun[si] = noun or last_noun.get(si, "")
        key = (value, _stem(head) if head else ("$" if money else "%"))
        anaphoric = bool(ANAPHORA.search(text[max(s_start, m.start() - 12):m.start()]))
        vague = not m.group("num")[0].isdigit() and m.group("num").lower() in VAGUE
        same_value = value in heads_by_value
        if m.start() < headline_end:  # a headline figure repeats the body's when the value and event match
            words = {_stem(w) for w in noun.split()}
            repeat = key in seen or (value, _event_kind(verb)) in events or vague and same_value or \
                bool(heads_by_value.get(value, set()) & words)
        else:
            repeat = key in seen or (anaphoric or vague) and same_value
        if repeat:
            continue
        seen.add(key)
        heads_by_value.setdefault(value, set()).add(key[1])
        events.add((value, _event_kind(verb) or noun))
        span = (m.start(), np_end if noun else unit_m.end())
        figures.append(Figure(value=value, text=text[span[0]:span[1]].strip(),
                              counts=_counts(text, unit_m, noun, verb, verb_end, s_start, s_end), span=span,
                              id="f-" + digest("figure", value, key[1], size=8)))
    figures.sort(key=lambda f: f.span[0])
    return figures


LEVEL_BEFORE = re.compile(r"(?:\b(?:to|at|is|was|of|from|about|around|reached|hit)\s+|\(\s*)$", re.I)


def _level(text: str, m: re.Match[str], unit_m: re.Match[str]) -> bool:
    """A level or total written bare: "the index fell to 13,176", "up from 2.4 million", "a gross is 144"."""
    num = m.group("num")
    if not num[0].isdigit():
        return False
    big = bool(unit_m.group("scale")) or "." in num or len(num.replace(",", "")) >= 3
    return big and bool(LEVEL_BEFORE.search(text, max(0, m.start() - 10), m.start()))


def _event_kind(verb: str) -> str:
    """ "dead", "died", "killed" are one event; "hurt", "injured", "wounded" another."""
    m = STATUS_RE.fullmatch(verb) if verb else None
    return str(m.lastgroup) if m else verb


def _is_headline(text: str, sent: tuple[int, int]) -> bool:
    line = text[sent[0]:sent[1]].strip()
    return sent[0] == 0 and "\n" in text[sent[1]:sent[1] + 2] and not re.search(r"[.!?\"\u201d]$", line)


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ies", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _not_a_figure(text: str, m: re.Match[str]) -> bool:
    """Dates, years, times, ages, list numbers, names and model numbers."""
    num, start, end = m.group("num"), m.start("num"), m.end()
    prev = text[start - 1] if start and not m.group("cur") else " "  # "RM59": the code is no prefix
    nxt = text[end:end + 1]
    if num[0].isdigit():
        if prev in "\u2212^" or nxt in "\u2212^\u00d7":
            return True  # scientific notation: 1.99x10\u221230
        if m.group("scale") is None and m.group("pct") is None and not m.group("cur"):
            if re.fullmatch(r"1[89]\d\d|20\d\d", num):
                return True  # a year
            if MODEL.match(text, end):
                return True  # "797 Skylark", "12 Nova Max", "40213 ZIP Code": a model or a code
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
        if re.match(r"[\s-]*(?:magnitude|-magnitude|quake|earthquake|tremor|on the richter)", text[end:end + 16], re.I) \
                or re.search(r"magnitude[\s-]*(?:of\s+)?$", text[max(0, start - 14):start], re.I):
            return True  # a magnitude is a measurement, not a count
        if AGE_AFTER.match(text, end) and not m.group("pct") and (nxt == "-" or text[start - 1:start] == "("):
            return True
        if re.search(r"\baged?\s+$", text[max(0, start - 6):start], re.I):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        if start - line_start <= 3 and not text[line_start:start].strip() and re.match(r"[.)]\s", text[end:end + 2]):
            return True  # list numbering
    elif re.match(r"-(?:year|month|week|day)s?-old", text[end:end + 12]):
        return True
    if re.match(r"-[a-z]", text[end:end + 2]) and not m.group("pct") and not MEASURE.match(text, end):
        return True  # "three-pronged", "46-year-old": an adjective, not a count
    if EMERGENCY.match(num) and re.match(r"\s+(?:call|calls|dispatch|operator|line)", text[end:end + 12], re.I):
        return True  # an emergency number
    if DATE_AFTER.match(text, end) or DATE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return True
    before = re.search(r"([A-Z][\w\-]*\.?) \Z", text[max(0, m.start() - 30):m.start()])
    if before and before.group(1).lower().rstrip(".") not in COUNT_OPENERS and not m.group("qual") \
            and not UNIT_GLUE.match(text, end):
        return True  # "Tower 22", "Route 9", "Flight 370", "No 10"
    return False


LEAD_OF = re.compile(r"\s+(?:of\s+(?:the\s+)?)?")
PRONOUN = re.compile(r"(them|those|these|us)\b")


def _noun_phrase(text: str, pos: int, limit: int) -> tuple[str, int]:
    """The counted noun phrase after a number: "other US troops" -> "US troops".

    Works on offsets into ``text`` (never a copy of it): numbers are everywhere in some inputs.
    """
    words: list[str] = []
    end = pos
    unit = MEASURE.match(text, pos, limit)
    if unit:  # "a 25-mile stretch"
        words.append(unit.group()[1:])
        pos = end = unit.end()
    lead = LEAD_OF.match(text, pos, limit)
    offset = lead.end() if lead else pos
    partitive = bool(lead and "of" in lead.group())
    pronoun = PRONOUN.match(text, offset, min(limit, offset + 6))
    if partitive and pronoun:  # "Eleven of them were taken to hospital"
        return pronoun.group(1), pronoun.end()
    for w in WORD.finditer(text, offset, limit):
        token = w.group()
        low = token.lower()
        noun_like = partitive and not words and low in EVENT_VERBS  # "seven of the wounded"
        if not noun_like and (not token[0].isalpha() or low in NP_STOP or len(words) >= 5 or low.endswith("ly")):
            break
        if words and low.endswith("ed") and words[-1].lower().endswith("s"):
            break  # "officials cited", "homes flooded": a verb after the noun
        if w.start() > offset and text[offset:w.start()].strip():
            break
        words.append(token)
        end = offset = w.end()
        if text[offset:offset + 1] != " ":
            break
        offset += 1
    words = [w for w in words if w.lower() != "other"]
    return " ".join(words), end


def _event(text: str, start: int, np_end: int, s_start: int, s_end: int) -> tuple[str, int]:
    """The event verb around a figure ("killed three" / "troops were injured") and where it ends."""
    before = re.search(r"\b([a-z]+)\s+(?:(?:some|about|more than|at least|over|nearly|up to)\s+)?$",
                       text[max(s_start, start - 60):start])
    if before:
        word = before.group(1)
        if word in EVENT_VERBS:
            return word, np_end
        if word in GERUNDS and GERUNDS[word]:
            return GERUNDS[word], np_end
    after = re.match(r"\s+(?:who\s+|that\s+)?(?:were|was|have been|had been|has been|are|is|remain|remained|been|"
                     r"have|had|were later|are still)?\s*(?:\w+ly\s+)?([a-z]+)\b", text[np_end:min(s_end, np_end + 80)])
    if after and after.group(1) in EVENT_VERBS:
        return after.group(1), np_end + after.end()
    return "", np_end


def _counts(text: str, m: re.Match[str], noun: str, verb: str, verb_end: int, s_start: int, s_end: int) -> str:
    """What the figure counts, in words."""
    pp = re.match(r",?\s+((?:" + "|".join(PP_START) + r")\s+[^,;.\u201c\u201d\"()]{2,60})", text[verb_end:min(s_end, verb_end + 100)])
    phrase = ""
    if pp:
        phrase = " ".join(pp.group(1).split()[:7])
        phrase = re.split(r"\s+(?:and|but|which|who|that|were|was|have|has|had|said)\b", phrase)[0]
    if noun in ("them", "those", "these", "us"):  # "two of them remained in critical condition"
        at = verb_end if verb else m.end()
        predicate = re.match(r"\s+([^,;.]{1,60})", text[at:min(s_end, at + 80)])
        return " ".join(x for x in (noun, verb, predicate.group(1) if predicate else "") if x)
    if noun:
        return " ".join(dict.fromkeys(x for x in (noun, verb, phrase) if x))
    if phrase and (phrase.startswith("of ") or is_money(m) and re.match(r"(?:in|for|on|to) ", phrase)):
        return re.sub(r"^(?:in|of|on)\s+", "", phrase)  # "$69bn for flood defences", "30% of households"
    back = [w for w in re.findall(r"[A-Za-z][\w\-]*", text[max(s_start, m.start() - 80):m.start()])[-5:] if w.lower() not in NP_STOP]
    return " ".join(back[-3:]) or ("money" if is_money(m) else "share")
