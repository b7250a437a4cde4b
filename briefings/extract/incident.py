"""Which incident a casualty belongs to: the article's own, or one it only recalls.

Crime reporting puts its own incident first and then, often, the ones before it.
Two shapes mark a recalled incident, and its victims are not the article's casualties:

* a *series sentence*: "This is the second fatal shooting on the block in three
  months. In October, a 15-year-old was killed ..." / "It was the third homicide in
  the city this year." A person first named after it is a victim of an earlier
  incident of the series. People already named before it stay: "Ruiz" in the lead
  is the article's victim however often the series passage repeats her name.
* a *dated past*: every sentence that tells the person's harm dates it to a year
  before the newest year the article mentions ("Singer Dax Orr was shot dead in
  1984.", "her sister was killed at 15 in April 2000"), and the person is not the
  first casualty the article names (the lead's victim may well be a cold case).
"""


from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Casualty
from .lexicon import STATUS_RE

ORDINAL = (r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|latest|"
           r"\d{1,3}(?:st|nd|rd|th))")
INCIDENT = r"(?:shootings?|homicides?|killings?|slayings?|murders?|deaths?|accidents?|incidents?|attacks?|stabbings?|tragedy)"
# "This is the second fatal shooting ...", "Thursday's shooting was the seventh in Pasadena ...",
# "It marks the 12th homicide of the year": the article's incident as one of a series.
SERIES = re.compile(rf"\b(?:is|was|marks|marked|became|becomes)\s+(?:now\s+)?the\s+{ORDINAL}\s+"
                    rf"(?:(?:[\w\-]+\s+){{0,4}}?{INCIDENT}\b|(?:in|of|this|since)\b)", re.I)


# A year as a date ("in 1993", "April 26, 2000"), not an address ("the 2000 block") or an amount.
YEAR = re.compile(r"(?<![\d$,.\-])(?:1[89]\d\d|20\d\d)(?![\d\-%]|\s+(?:block|people|residents|homes))")
MAX_CHECKED = 50  # casualties read for a dated past: the work stays linear on any input


def drop_recalled(text: str, sents: list[tuple[int, int]], casualties: list[Casualty]) -> list[Casualty]:
    """``casualties`` (in text order) without the victims of incidents the article only recalls."""
    if not casualties:
        return casualties  # most articles: nothing to date, and SERIES is costly to search for in a long text
    series = SERIES.search(text)
    if series is not None:
        cut = series.start()
        casualties = [c for c in casualties if _first_named(text, c) < cut]
    if len(casualties) < 2:
        return casualties
    years = [(m.start(), int(m.group())) for m in YEAR.finditer(text)]
    if not years:
        return casualties
    newest = max(y for _, y in years)
    starts = [s for s, _ in sents]
    past = {bisect_right(starts, pos) - 1 for pos, y in years if y < newest}  # sentences naming an older year
    surnames = [_words(c)[-1] for c in casualties if _words(c)]
    first = bisect_right(starts, casualties[0].span[0]) - 1  # where the first casualty's harm was read
    lead_years = {y for pos, y in years if bisect_right(starts, pos) - 1 == first}
    keep = casualties[:1]
    for i, c in enumerate(casualties[1:], 1):
        told = _told(text, sents, starts, c, surnames) if i <= MAX_CHECKED else set()
        # Dated to an older year, and neither told with the first casualty nor dated to its year:
        # "A and B were killed in 1967" in a cold-case story keeps B with A.
        if told and told <= past and first not in told and not any(
                y in lead_years for pos, y in years if bisect_right(starts, pos) - 1 in told):
            continue
        keep.append(c)
    return keep


def _told(text: str, sents: list[tuple[int, int]], starts: list[int], c: Casualty, surnames: list[str]) -> set[int]:
    """Indices of the sentences that name ``c`` and tell of harm."""
    words = _words(c)
    if not words:
        return set()
    # A surname shared with another casualty ("LaToya" and "Ronnie Chambers") says nothing: use the given name.
    token = words[-1] if surnames.count(words[-1]) < 2 or len(words) < 2 else words[0]
    told = {bisect_right(starts, m.start()) - 1 for m in re.finditer(rf"\b{re.escape(token)}\b", text)}
    return {si for si in told if si >= 0 and STATUS_RE.search(text, *sents[si])}


def _words(c: Casualty) -> list[str]:
    return [w for w in c.name.replace(".", "").split() if w not in ("Jr", "Sr", "II", "III", "IV")]


def _first_named(text: str, c: Casualty) -> int:
    """Where the article first names ``c``: the full name, else the surname alone, else the span."""
    words = _words(c)
    first = c.span[0]
    if words:
        m = re.search(rf"\b{re.escape(words[-1])}\b", text)
        if m:
            first = min(first, m.start())
    return first
