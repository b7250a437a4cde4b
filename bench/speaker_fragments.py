"""List predicted speakers that are fragments, not a clean name or a clean description (issue 9).

    python bench/speaker_fragments.py [--context] [DIR ...]

Runs extraction over the given folders of ``*.txt`` (default: the public polnear and ggt sets and
our own samples) and prints every distinct speaker that one of the checks below flags, with the
number of quotes it speaks and the check's name, then every role that reads as a clause cut loose
("has been critical of Trump", "But"), then ``role fragments: ...`` and ``fragments: N distinct / M quotes``.

The checks are written apart from ``briefings/extract/speakers.py`` on purpose: they judge the
output, they do not re-run the rules that made it. They are heuristics, so read a sample with
``--context`` before trusting a count; a clean speaker flagged here is a reason to sharpen a check.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefings.extract import extract  # noqa: E402
from briefings.ingest import load_text  # noqa: E402

DEFAULT_DIRS = ("../shared/eval/public/polnear", "../shared/eval/public/ggt", "briefings/samples")
MONTHS = set("january february march april june july august september october november december "
             "jan feb mar apr jun jul aug sep sept oct nov dec".split())
TIME_WORDS = set("week weeks year years month months day days today yesterday ago past last".split())
WIRE_TAGS = set("upi ap afp reuters".split())
# Words that open a sentence of talk, never a noun phrase that speaks.
DISCOURSE = set("wait like well yes no oh look now so indeed sure okay ok please thanks neither either "
                "top year dear hey listen remember imagine".split())
# Reflexives, adverbs and verbs that follow a subject: "Cruz himself", "Trump jokingly", "Blige sings".
TAIL_WORDS = set("himself herself themselves itself even first now currently too again sought began went kept "
                 "showed sent began turned known conducted released ends reports sings".split())
ADVERB_NOUNS = set("family ally assembly daily weekly monthly supply italy july rally".split())
# Heads of a description that can speak: people, groups, bodies, documents and media.
SOURCE_HEADS = set("""official officials aide aides adviser advisers advisor advisors spokesman spokeswoman spokesperson
police campaign committee ministry agency statement report ad ads spot email emails tweet tweets letter poll polls
study survey group groups family party court government company newspaper paper website site union board staff team
source sources people person man men woman women boy girl child children friend friends president senator governor
candidate nominee leader chief head analysis memo release filing lawsuit complaint suit book article editorial
column piece note message post posts clip video narrator announcer host moderator network station outlet times press
administration office department commission council bureau institute foundation association coalition movement
army military navy ministry authority army crowd audience couple parents relatives husband wife son daughter mother
father brother sister uncle aunt colleague colleagues delegate delegates democrat democrats republican republicans
admiral general judge justice mayor secretary minister ambassador diplomat lawmaker lawmakers legislator candidate
front-runner frontrunner businessman businesswoman mogul tycoon neurosurgeon surgeon doctor nurse insider confidant
operative strategist pollster researcher researchers scientist expert experts analyst analysts critics critic
commenter commenters user users questioner attendee survivor witness residents resident voter voters
supporters supporter protesters students teachers workers employees members member opinion ruling order
website page pages readout transcript document documents footnote petition quiz passage pitch exchange airline media pope heavyweights band year-old town city county village country nation office camp
lawyer lawyers counsel""".split())
AGENT = re.compile(r"(?:year-old|er|or|ist|ian|ant|ent|man|men|woman|women|person|ee|eer|ive|crat|can)s?$")
PARTY_WORDS = set("republican democrat".split())
PAGE_WORDS = set("more text read watch listen photo video update related share".split())
ORG_HEADS = set("board committee commission council department office institute association bureau act center "
                "centre agency authority academy academies society court school university ministry league union "
                "federation foundation service administration".split())
# A verb with its object inside the phrase: "He sent out a fundraising email", "criticized Clinton's record".
VERB_AFTER = re.compile(r"\b(?:[a-z]{3,}ed|sent|went|kept|made|took|gave|ought)\s+(?:a|an|the|no|out|up|his|her|their|its|"
                        r"further|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[A-Z]\w*['\u2019]s)\b")


def checks(speaker: str, text: str) -> list[str]:
    """The names of the checks ``speaker`` fails (empty: it reads as a clean name or description)."""
    words = speaker.split()
    low = [w.lower().strip(".,'\u2019") for w in words]
    found = []
    if len(words) > 1 and (low[-1] in TAIL_WORDS or low[-1].endswith("ly") and low[-1] not in ADVERB_NOUNS) \
            and words[-1][:1].islower():
        found.append("tail")  # "Trump jokingly", "superdelegates currently", "Cruz himself"
    month = [i for i, w in enumerate(low) if w in MONTHS]
    if month and (len(words) == 1 or any(re.match(r"\d", w) for w in words[month[0] + 1:month[0] + 2])) or \
            len(words) > 1 and any(w in WIRE_TAGS for w in low) or low[-1] in TIME_WORDS and words[-1][:1].islower():
        found.append("date")  # "July", "WASHINGTON Dec 8 UPI", "last month"
    letters = re.sub(r"[^A-Za-z]", "", speaker)
    if letters.isupper() and (len(words) >= 2 or len(letters) >= 7) or len(words) >= 2 and words[0].isupper() \
            and len(words[0]) >= 5 and any(w[:1].isupper() for w in words[1:]):
        found.append("caps")  # "VOTERS CARE MORE", "WASHINGTON Sen"
    if low[0] in DISCOURSE:
        found.append("opener")  # "Wait", "Like Corker", "Neither Donald J. Trump"
    if re.search(r"[\u2019']\w{1,2}$|^n$", speaker) and not re.search(r"[\u2019']s$", speaker) or \
            low[0] in ("he", "she", "they", "it") and len(words) > 1 or VERB_AFTER.search(speaker):
        found.append("clause")  # "he\u2019d", "He went further", "Mr. Sanders showed no sign"
    lowercase_np = all(not w[:1].isupper() for w in words[1:]) and (words[0][:1].islower() or low[0] in ("the", "a", "an"))
    head = re.split(r"\s+(?:of|for|with|that|who|from|in|at)\s+", speaker.lower())[0].split()[-1]
    if head in ("one", "some", "each", "many", "most", "all", "none") and " of " in speaker:
        head = low[-1]  # "one of two witnesses": the people counted
    if lowercase_np and head not in SOURCE_HEADS and not AGENT.search(head) and "tail" not in found:
        found.append("not-a-source")  # "the scheduling", "flagging economic conditions"
    owner = next((i for i, w in enumerate(words[:-1]) if re.search(r"['\u2019]s?$", w)), None)
    if owner is not None and owner <= 2 and all(w[:1].islower() for w in words[owner + 1:]) and \
            low[-1] not in SOURCE_HEADS and not AGENT.search(low[-1]):
        found.append("owned-thing")  # "Sanders's victory", "Europeans' hostility"
    if len(words) == 1 and low[0] in PARTY_WORDS or speaker.isupper() and low[0] in PAGE_WORDS:
        found.append("label")  # "Republican" as if a name, "MORE" of "READ MORE"
    if low[-1] in ORG_HEADS and words[-1][:1].isupper() and \
            re.search(rf"{re.escape(speaker)}\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]", text):
        found.append("truncated")  # "Illinois Board" of "Illinois Board of Elections"
    return found


ROLE_OPENERS = set("""has had have is was were are will would who which worked ran spent lined advised previously in on
to during after before when while and""".split())
LONE_WORDS = set("but as if when while though to and so former then also however meanwhile what until".split())


def role_fragment(role: str) -> bool:
    """Whether a role reads as a clause cut loose ("has been critical of Trump", "But", "to be president")."""
    words = role.split()
    return bool(words) and (words[0].lower() in ROLE_OPENERS or len(words) == 1 and words[0].lower() in LONE_WORDS)


def main(argv: list[str]) -> int:
    context = "--context" in argv
    dirs = [Path(a) for a in argv if not a.startswith("--")] or [ROOT / d for d in DEFAULT_DIRS]
    quotes: Counter = Counter()
    roles: Counter = Counter()
    flags: dict[str, list[str]] = {}
    example: dict[str, str] = {}
    for folder in dirs:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            for q in extract(load_text(text, source=path.stem)).to_dict().get("quotes", []):
                speaker = q.get("speaker") or ""
                if q.get("role") and role_fragment(q["role"]):
                    roles[q["role"]] += 1
                if not speaker:
                    continue
                failed = checks(speaker, text)
                if not failed:
                    continue
                quotes[speaker] += 1
                flags[speaker] = failed
                if speaker not in example:
                    a, b = (q.get("span") or [0, 0])[:2]
                    example[speaker] = f"{path.stem}: ..." + text[max(0, a - 200):b + 100].replace("\n", " / ")
    by_check: dict[str, int] = defaultdict(int)
    for speaker in sorted(quotes, key=lambda s: (flags[s][0], s.lower())):
        for name in flags[speaker]:
            by_check[name] += 1
        print(f"{quotes[speaker]:3d}  {'/'.join(flags[speaker]):14s} {speaker!r}")
        if context:
            print("       " + example[speaker][:600])
    print("by check: " + ", ".join(f"{k} {v}" for k, v in sorted(by_check.items())))
    for role in sorted(roles):
        print(f"{roles[role]:3d}  role           {role!r}")
    print(f"role fragments: {len(roles)} distinct / {sum(roles.values())} quotes")
    print(f"fragments: {len(quotes)} distinct / {sum(quotes.values())} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
