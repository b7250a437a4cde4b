"""Typed briefing model and its JSON form (schema 2, docs/briefing-json.md in the repository).

Every item carries ``span`` = ``(start, end)``, a half-open range into
``Article.text``; ``article.text[start:end]`` is the evidence it was read from.
Ids are derived from content only, so the same article always yields the same ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = 2
# Schemas this version reads: schema 1 is schema 2 without the article's url/outlet/authors/language.
READABLE_SCHEMAS = (1, 2)

Span = tuple[int, int]
Status = Literal["killed", "injured", "missing", "named victim"]
STATUSES: tuple[str, ...] = ("killed", "injured", "missing", "named victim")


def digest(*parts: object, size: int = 16) -> str:
    """A short, stable hex digest of ``parts`` (joined with a separator)."""
    raw = "\x1f".join(str(p) for p in parts).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(raw, digest_size=size // 2).hexdigest()


@dataclass(slots=True)
class Article:
    """A cleaned article: the text every span points into."""

    title: str
    text: str
    source: str = ""
    published: str | None = None
    # Page metadata (issue 12): where the article was read from and who published it.
    url: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None

    @property
    def id(self) -> str:
        """The briefing id: a digest of the cleaned text, so re-ingesting is idempotent."""
        return digest("article", self.text)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "source": self.source, "published": self.published,
                "url": self.url, "outlet": self.outlet, "authors": list(self.authors),
                "language": self.language, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        return cls(title=d.get("title") or "", text=d["text"], source=d.get("source") or "",
                   published=d.get("published"), url=d.get("url"), outlet=d.get("outlet"),
                   authors=[str(a) for a in d.get("authors") or []], language=d.get("language"))


@dataclass(slots=True)
class SummarySentence:
    """One sentence of the summary, quoted from the article."""

    text: str
    span: Span
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "span": list(self.span)}


@dataclass(slots=True)
class Figure:
    """A key figure: ``value`` as a number, ``text`` as written, ``counts`` in words."""

    value: float
    text: str
    counts: str
    span: Span
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"id": self.id, "value": value, "text": self.text, "counts": self.counts, "span": list(self.span)}


@dataclass(slots=True)
class Casualty:
    """A person named as killed, injured or missing."""

    name: str
    status: str
    span: Span
    age: int | None = None
    affiliation: str | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "age": self.age, "status": self.status,
                "affiliation": self.affiliation, "span": list(self.span)}


@dataclass(slots=True)
class Quote:
    """Words in quotation marks and who said them (a name, or a description)."""

    text: str
    speaker: str | None
    span: Span
    role: str | None = None
    id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "speaker": self.speaker, "role": self.role, "text": self.text,
                "span": list(self.span)}


@dataclass(slots=True)
class Briefing:
    """An article and what was derived from it."""

    article: Article
    summary: list[SummarySentence] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.article.id

    def items(self) -> list[SummarySentence | Figure | Casualty | Quote]:
        """Every addressable item, in pane order."""
        return [*self.summary, *self.figures, *self.casualties, *self.quotes]

    def to_dict(self) -> dict[str, Any]:
        """The public JSON contract, schema 2."""
        return {
            "schema": SCHEMA,
            "id": self.id,
            "article": self.article.to_dict(),
            "summary": [s.to_dict() for s in self.summary],
            "figures": [f.to_dict() for f in self.figures],
            "casualties": [c.to_dict() for c in self.casualties],
            "quotes": [q.to_dict() for q in self.quotes],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Briefing:
        """Inverse of :meth:`to_dict` (schema 1 too: its article lacks the page metadata, which
        stays empty); raises ``ValueError`` on another schema."""
        if d.get("schema") not in READABLE_SCHEMAS:
            raise ValueError(f"unsupported briefing schema {d.get('schema')!r} (this briefing reads {SCHEMA})")
        sp = lambda x: (int(x["span"][0]), int(x["span"][1]))  # noqa: E731
        return cls(
            article=Article.from_dict(d["article"]),
            summary=[SummarySentence(s["text"], sp(s), s.get("id", "")) for s in d.get("summary", [])],
            figures=[Figure(f["value"], f["text"], f["counts"], sp(f), f.get("id", "")) for f in d.get("figures", [])],
            casualties=[Casualty(c["name"], c["status"], sp(c), c.get("age"), c.get("affiliation"), c.get("id", ""))
                        for c in d.get("casualties", [])],
            quotes=[Quote(q["text"], q.get("speaker"), sp(q), q.get("role"), q.get("id", ""))
                    for q in d.get("quotes", [])],
        )
