"""Relative dates in news text, resolved against the article's own date.

"on Sunday", "Thursday's news conference", "last week", "earlier this month",
"yesterday", "7 October": each becomes a :class:`DateMention` holding the
phrase as written (the evidence), its span in the text, and the resolved day
or range. News convention: a bare weekday is the most recent such day on or
before the article's date ("on Tuesday" in Wednesday's paper is yesterday's
Tuesday), unless the sentence speaks of the future ("will be held on
Saturday"), when it is the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_WD = "|".join(WEEKDAYS)
_MON = "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}

# One alternation, longest phrases first; the named groups say which rule applies.
PATTERN = re.compile(
    rf"\b(?:(?P<mod>last|this|next|on|since|from|until|by)\s+)?(?P<wd>{_WD})(?P<poss>['\u2019]s)?"
    rf"(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|\b(?P<rel>yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b"
    rf"|\b(?P<span>(?:earlier|later) this (?:week|month|year)|(?:last|this|next) (?:week|month|year)|"
    rf"(?:last|this) weekend)\b"
    rf"|\b(?P<season>(?:last|this|next) (?:spring|summer|autumn|fall|winter))\b"
    rf"|\b(?P<ago>\d{{1,2}}|two|three|four|five|six|seven|ten) days ago\b"
    rf"|\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\b(?:\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<mon2>{_MON})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year2>\d{{4}}))?",
    re.I)
PAST_JUST_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|confirmed|added|stated|warned|wrote)\s+(?:\w+\s+)?$", re.I)
FUTURE = re.compile(r"\b(?:will|shall|is due|are due|is expected|are expected|plans? to|is set to|are set to|"
                    r"is scheduled|are scheduled|is to|are to|next)\b", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase as written and the day (or range of days) it stands for."""

    phrase: str
    span: tuple[int, int]
    start: date
    end: date

    @property
    def precise(self) -> bool:
        """True when the phrase names one day (not a week, month or year)."""
        return self.start == self.end

    def label(self) -> str:
        """``2026-03-10`` for a day, ``2026-03-09..2026-03-15`` for a range."""
        return self.start.isoformat() if self.precise else f"{self.start.isoformat()}..{self.end.isoformat()}"

    def to_dict(self) -> dict[str, object]:
        return {"phrase": self.phrase, "span": list(self.span), "date": self.label()}


def base_date(published: str | None, added: str | None = None) -> date | None:
    """The article's own date: its published date, else when it was added to the library."""
    for value in (published, added):
        if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (roughly: between full stops or line ends) around ``text[start:end]``."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left + 1:right].strip()


def _month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def _absolute(base: date, day: int, month: int, year: int | None) -> date | None:
    """A day-and-month date; without a year, the latest such date not far after ``base``."""
    try:
        if year:
            return date(year, month, day)
        d = date(base.year, month, day)
        return d if d <= base + timedelta(days=14) else date(base.year - 1, month, day)
    except ValueError:  # 31 February
        return None


def _weekday(base: date, name: str, mod: str, future: bool) -> date:
    target = WEEKDAYS.index(name)
    back = (base.weekday() - target) % 7
    if mod == "last":
        return base - timedelta(days=back or 7)
    if mod == "next" or (future and mod not in ("since", "from")):
        return base + timedelta(days=(target - base.weekday()) % 7 or 7)
    return base - timedelta(days=back)


def _span(base: date, phrase: str) -> tuple[date, date]:
    monday = base - timedelta(days=base.weekday())
    if phrase.endswith("weekend"):
        saturday = monday + timedelta(days=5) - (timedelta(days=7) if phrase.startswith("last") else timedelta())
        if phrase.startswith("this") and base.weekday() < 5:
            saturday -= timedelta(days=7)  # "this weekend" on a Tuesday looks back at the one just gone
        return saturday, saturday + timedelta(days=1)
    unit = phrase.split()[-1]
    if unit == "week":
        shift = {"last": -7, "next": 7}.get(phrase.split()[0], 0)
        start = monday + timedelta(days=shift)
        end = start + timedelta(days=6)
    elif unit == "month":
        year, month = base.year, base.month
        if phrase.startswith("last"):
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        elif phrase.startswith("next"):
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        start, end = _month_range(year, month)
    else:
        year = base.year + {"last": -1, "next": 1}.get(phrase.split()[0], 0)
        start, end = date(year, 1, 1), date(year, 12, 31)
    if phrase.startswith("earlier"):
        end = min(end, base)
    elif phrase.startswith("later"):
        start = max(start, base)
    return start, end


SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # northern hemisphere


def _season(base: date, phrase: str) -> tuple[date, date]:
    """"next spring" in April 2026 is March-May 2027; "last winter" is the one that ended before."""
    which, name = phrase.split()
    month = SEASON_START[name]

    def span(year: int) -> tuple[date, date]:
        start = date(year, month, 1)
        end_month = (month + 2 - 1) % 12 + 1
        end_year = year + (month + 2 > 12)
        return start, _month_range(end_year, end_month)[1]

    current = span(base.year if base.month >= month else base.year - 1)  # the latest one begun by base
    if month == 12 and base.month <= 2:
        current = span(base.year - 1)
    if which == "this":
        return current if current[0] <= base <= current[1] or current[0] > base else span(current[0].year + 1)
    if which == "next":
        return span(current[0].year + 1) if current[0] <= base else current
    return span(current[0].year - 1) if current[1] >= base else current


def resolve_dates(text: str, base: date | None) -> list[DateMention]:
    """Every date phrase in ``text`` resolved against ``base`` (none without a base date)."""
    if base is None:
        return []
    found: list[DateMention] = []
    for m in PATTERN.finditer(text):
        g = {k: (v.lower() if v else "") for k, v in m.groupdict().items()}
        start = end = None
        if g["wd"]:
            # Future only when a future marker leads up to the phrase in its own sentence, and no
            # past verb sits right before it ("said on Thursday" in a sentence about next year).
            sent_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            before = text[max(sent_start, m.start() - 80):m.start()]
            future = bool(FUTURE.search(before)) and not PAST_JUST_BEFORE.search(before)
            start = end = _weekday(base, g["wd"], g["mod"], future and not g["poss"])
        elif g["rel"]:
            start = end = base + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(g["rel"], 0))
        elif g["span"]:
            start, end = _span(base, " ".join(g["span"].split()))
        elif g["season"]:
            start, end = _season(base, g["season"])
        elif g["ago"]:
            start = end = base - timedelta(days=int(g["ago"]) if g["ago"].isdigit() else _NUMBER[g["ago"]])
        elif g["day"] or g["day2"]:
            mon = g["mon"] or g["mon2"]
            month = MONTHS.index(mon) + 1 if mon in MONTHS else _MONTH_ABBR[mon]
            year = g["year"] or g["year2"]
            start = end = _absolute(base, int(g["day"] or g["day2"]), month, int(year) if year else None)
        if start is not None and end is not None:
            found.append(DateMention(m.group(), (m.start(), m.end()), start, end))
    return found
