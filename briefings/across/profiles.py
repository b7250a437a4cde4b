"""A briefing's profile: who, where, how many and when, as small JSON for cross-article work.

The profile is computed once per briefing on ingest and kept in
``LIBRARY/across/profiles``; grouping, who's who, timelines and watchlists read
profiles, never whole articles. Every entry keeps the evidence it came from (a
span into the article text, or the item id it was read from).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from ..extract.names import People
from ..model import Briefing
from .dates import base_date, resolve_dates, sentence_of
from ..extract.lexicon import TITLE_WORDS
from .names import clean_name, fold, is_role, name_key

Profile = dict[str, Any]
# Profiles read this much of an article: news is far shorter, and a hostile 20 MB "article" must not
# make every ingest crawl (the extraction already bounds its own work the same way).
PROFILE_CHARS = 100_000
MAX_ITEMS = 200  # dates or places kept per profile
# Capitalised place names after a locative word: "in Port Halvec", "near Estwick", "known as Tower 22".
PLACE = re.compile(r"\b(?:in|at|near|outside|from|of|known as|village of|town of|city of)\s+(?:the\s+)?"
                   r"((?:[A-Z][\w\u2019'\-]+|\d{1,4})(?:\s+(?:[A-Z][\w\u2019'\-]+|\d{1,4}))*)")
STRUCK = re.compile(r"\b(?:struck|hit|hits|strikes|rocked|battered|flooded|buried|shook)\s+((?:[A-Z][\w\-]+)(?:\s+[A-Z][\w\-]+)*)")
NATIONALITY = re.compile(r"(?:ian|ean|ican|ese|ish|eli)$")  # "Iranian", "Israeli": adjectives, not places
RUN = re.compile(r"[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*")
NOT_PLACE = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december mr mrs ms dr the a an he she they we it his her their
i this that these those there here""".split())
TOLL = re.compile(r"\b(?P<what>death toll|toll|number of (?:dead|injured|missing))\b[^.]{0,90}?"
                  r"\b(?:risen to|rose to|rises to|reached|reaches|climbed to|climbs to|stands at|stood at|now|to)\s+"
                  r"(?P<n>\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                  r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b", re.I)
_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                      "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
KINDS = (("killed", re.compile(r"\b(?:killed|dead|died|deaths?|bodies|perished|fatalit\w*|lost their lives)\b", re.I)),
         ("injured", re.compile(r"\b(?:injured|wounded|hurt|hospitali[sz]ed|injuries)\b", re.I)),
         ("missing", re.compile(r"\b(?:missing|trapped|unaccounted)\b", re.I)),
         ("rescued", re.compile(r"\b(?:rescued|brought to the surface alive|pulled alive|saved)\b", re.I)),
         ("arrested", re.compile(r"\b(?:arrested|detained)\b", re.I)),
         ("displaced", re.compile(r"\b(?:displaced|evacuated|homeless)\b", re.I)))
INCREMENT = re.compile(r"\b(?:more|further|another|additional|other)\b", re.I)  # "three more bodies": not a toll
_STATUS_NOUN = re.compile(r"^(?:the\s+)?(?:injured|wounded|dead|missing)\b", re.I)


# Surname-only people the extractor leaves out: "Mayor Sollis said", "Sollis, the village mayor, said".
TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Mayor|Governor|Chief|Minister|Judge|President|Senator|Inspector|"
                    r"Commissioner|Sheriff|Captain|General|Colonel)\.?\s+([A-Z][a-z\u00e0-\u00ff'\-]+)\b(?!\s+[A-Z])")
# Words after "General", "Chief"... that make an institution, not a titled person ("Wexmoor General Hospital").
INSTITUTIONS = frozenset("""hospital hospitals infirmary assembly motors election elections court council office
store stores manager management practitioner practice services service electric dynamics insurance hospitality
surgery medical physician staff""".split())
# The apposition after a name, up to the next comma: kept only if it names an office or occupation.
_APPOSITION = r"((?:the |a |an )?[a-z][a-z'\u2019\- ]{2,60}?)(?=,|\s+(?:said|says|told))"
APPOSED = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z\u00e0-\u00ff'\-]+), " + _APPOSITION)
APPOSED_FULL = re.compile(r"\b([A-Z][a-z\u00e0-\u00ff'\-]+(?: [A-Z][a-z\u00e0-\u00ff'\-]+){1,2}), " + _APPOSITION)
# "Kell said": a bare surname speaking. Weak evidence: kept only if a fuller form exists somewhere.
SAID = re.compile(r"(?:(?<=[a-z,] )|(?<=[.!?] )|(?<=\n)|^)([A-Z][a-z\u00e0-\u00ff'\-]{2,}) (?:said|told|says|added)\b")


def outlet_of(briefing: Briefing) -> str:
    """Who published it: the article's outlet, else its web host, else its title."""
    a = briefing.article
    if a.outlet:
        return a.outlet
    host = urlparse(a.url or "").hostname or ""
    stem = a.source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0] if a.source not in ("", "-") else ""
    return host.removeprefix("www.") or stem or a.title[:30] or briefing.id[:8]


def figure_kind(counts: str, after: str) -> str | None:
    """What a casualty figure counts: from its description, else the words right after it."""
    if _STATUS_NOUN.match(counts):  # "two of the injured died": a partition, not a toll
        return None
    for text in (counts, after):
        for kind, pattern in KINDS:
            if pattern.search(text):
                return kind
    return None


def _figures(b: Briefing, text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in b.figures:
        end = text.find(".", f.span[1])
        kind = figure_kind(f.counts, text[f.span[1]:end if end >= 0 else f.span[1] + 60][:60])
        if kind and float(f.value).is_integer() and not INCREMENT.search(f.text):
            out.append({"kind": kind, "value": int(f.value), "text": f.text, "item": f.id, "span": list(f.span)})
    for m in TOLL.finditer(text):  # "the death toll has risen to nine" is a figure the extractor leaves out
        n = m["n"].lower()
        value = int(n) if n.isdigit() else _WORDS[n]
        kind = {"injured": "injured", "missing": "missing"}.get(m["what"].split()[-1].lower(), "killed")
        if not any(x["kind"] == kind and x["value"] == value for x in out):
            out.append({"kind": kind, "value": value, "text": m.group(), "item": None, "span": [m.start(), m.end()]})
    return out


def _people(b: Briefing, text: str) -> list[dict[str, Any]]:
    """Everyone named: speakers (with their quotes), casualties (with status), others with a title."""
    people: dict[str, dict[str, Any]] = {}

    def person(raw: str, role: str | None, pos: int) -> dict[str, Any] | None:
        name, role_from_name = clean_name(raw)
        role = re.sub(r"^s\s+", "", role) if role else role  # "Sorvik's mayor" split at the apostrophe
        if not name:
            return None
        entry = people.setdefault(name_key(name), {"name": name, "roles": [], "quotes": [], "status": None,
                                                    "span": [pos, pos + len(raw)]})
        if len(name) > len(entry["name"]):
            entry["name"] = name  # the fullest form names the person
        if role or name != raw.strip():
            entry.pop("weak", None)
        for r in (role, role_from_name):
            if r and r not in entry["roles"] and is_role(r):
                entry["roles"].append(r)
        return entry

    for p in People(text).persons:
        person(p.name, p.role, p.mentions[0] if p.mentions else 0)
    for m in TITLED.finditer(text):
        # "General Hospital", "Chief Constable", "Minister Said": an institution or a second title, not a surname.
        if m[1].lower() not in NOT_PLACE and fold(m[1]) not in TITLE_WORDS and m[1].lower() not in INSTITUTIONS:
            person(m[1], None, m.start(1))
    for m in (*APPOSED.finditer(text), *APPOSED_FULL.finditer(text)):
        if m[1].split()[0].lower() not in NOT_PLACE and is_role(m[2]):
            person(m[1], re.sub(r"^(?:the|a|an) ", "", m[2]), m.start(1))
    for m in SAID.finditer(text):
        if m[1].lower() not in NOT_PLACE and fold(m[1]) not in TITLE_WORDS:
            entry = person(m[1], None, m.start(1))
            if entry is not None and entry["name"] == m[1] and len(entry["roles"]) == 0:
                entry.setdefault("weak", True)
    for q in b.quotes:
        if q.speaker and q.speaker[:1].isupper():
            entry = person(q.speaker, q.role, q.span[0])
            if entry is not None:
                entry["quotes"].append({"item": q.id, "text": q.text, "span": list(q.span)})
    for c in b.casualties:
        entry = person(c.name, None, c.span[0])
        if entry is not None:
            entry["status"] = c.status
            entry["casualty"] = c.id
    # "Brevik" after "Tomas Brevik": one person when the surname names exactly one full name here.
    for key in [k for k in people if k.endswith("|")]:
        fuller = [k for k in people if k != key and k.split("|")[0] == key[:-1]]
        if len(fuller) == 1:
            short, full = people.pop(key), people[fuller[0]]
            full["roles"] += [r for r in short["roles"] if r not in full["roles"]]
            full["quotes"] += short["quotes"]
            full["status"] = full["status"] or short["status"]
            full.pop("weak", None) if not short.get("weak") else None
    return list(people.values())


def _places(title: str, text: str, people: list[dict[str, Any]]) -> list[str]:
    names = {w for p in people for w in p["name"].split()}
    found: dict[str, None] = {}
    runs = [m.group(1) for m in PLACE.finditer(text)]
    runs += [m.group(1) for m in STRUCK.finditer(text)]
    for m in RUN.finditer(title):
        if re.search(rf"[a-z,] {re.escape(m.group())}\b", text):
            runs.append(m.group())
    for run in runs:
        words = [re.sub(r"['\u2019]s$", "", w) for w in run.split()]
        while words and (words[-1].lower() in NOT_PLACE or words[-1] in names):
            words.pop()
        if len(words) == 1 and NATIONALITY.search(words[0]):
            continue
        if words and words[0].lower() not in NOT_PLACE and not any(w in names for w in words):
            found.setdefault(" ".join(words))
    return list(found)


STOP = frozenset("""after amid as at but by for from has have into more new now over says said than that the their
this with what when where which while will still were been being about also could would should there these those
they them does dead""".split())


def topic_words(title: str) -> list[str]:
    """Lowercase content words of the title ("landslide", "explosion"): weak evidence of one event."""
    return sorted({w for w in re.findall(r"\b[a-z][a-z\-]{3,}\b", title) if w not in STOP})


def build_profile(b: Briefing, added: str | None = None) -> Profile:
    """The profile of one briefing (``added`` stands in for a missing published date)."""
    a = b.article
    text = a.text[:PROFILE_CHARS]
    base = base_date(a.published, added)
    people = _people(b, text)
    dates = resolve_dates(text, base)
    return {
        "id": b.id, "title": a.title, "outlet": outlet_of(b), "published": a.published, "added": added,
        "date": base.isoformat() if base else None,
        "people": people, "places": _places(a.title, text, people)[:MAX_ITEMS],
        "figures": _figures(b, text),
        "topic": topic_words(a.title),
        "dates": [{**d.to_dict(), "context": sentence_of(text, *d.span)[:240]} for d in dates[:MAX_ITEMS]],
    }
