"""Which incident a casualty belongs to: the article's own, or one it only recalls.

Crime reporting puts its own incident first and then, often, the ones before it:
"This is the second fatal shooting on the block in three months. In October, a
15-year-old was killed ..." or "It was the third homicide in the city this year."
A person first named after such a *series sentence* is a victim of an earlier
incident of the series, not of the one the article reports, and the briefing does
not list them as its casualties. People already named before it stay: "Ruiz" in
the lead is the article's victim however often the series passage repeats her name.
"""

from __future__ import annotations

import re

from ..model import Casualty

ORDINAL = (r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|latest|"
           r"\d{1,3}(?:st|nd|rd|th))")
INCIDENT = r"(?:shootings?|homicides?|killings?|slayings?|murders?|deaths?|accidents?|incidents?|attacks?|stabbings?|tragedy)"
# "This is the second fatal shooting ...", "Thursday's shooting was the seventh in Pasadena ...",
# "It marks the 12th homicide of the year": the article's incident as one of a series.
SERIES = re.compile(rf"\b(?:is|was|marks|marked|became|becomes)\s+(?:now\s+)?the\s+{ORDINAL}\s+"
                    rf"(?:(?:[\w\-]+\s+){{0,4}}?{INCIDENT}\b|(?:in|of|this|since)\b)", re.I)


def drop_recalled(text: str, casualties: list[Casualty]) -> list[Casualty]:
    """``casualties`` without the people first named after the article's first series sentence."""
    series = SERIES.search(text)
    if series is None:
        return casualties
    cut = series.start()
    return [c for c in casualties if _first_named(text, c) < cut]


def _first_named(text: str, c: Casualty) -> int:
    """Where the article first names ``c``: the full name, else the surname alone, else the span."""
    words = [w for w in c.name.replace(".", "").split() if w not in ("Jr", "Sr", "II", "III", "IV")]
    first = c.span[0]
    if words:
        m = re.search(rf"\b{re.escape(words[-1])}\b", text)
        if m:
            first = min(first, m.start())
    return first
