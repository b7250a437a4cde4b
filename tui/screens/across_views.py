"""People, Events, Timeline and Watch: the across-articles screens (P, V, T, W)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Input

from briefings.across import query
from briefings.render import inline as _t

from .across import MARK, AcrossScreen, _cut


class PeopleScreen(AcrossScreen):
    """Who's who: each person with roles and counts; Enter lists their quotes, Enter on a quote opens it."""

    TITLE_TEXT = "People"
    PLACEHOLDER = "Filter people: name or role"
    COLUMNS = (("Name", 0), ("Role", 18), ("Brf", 4), ("Quo", 4))

    def __init__(self) -> None:
        super().__init__()
        self.person: dict[str, Any] | None = None  # set while showing one person's quotes

    def load(self, across) -> list[dict[str, Any]]:
        return query.people(across)

    def haystack(self, p: dict[str, Any]) -> str:
        return " ".join([*p["forms"], *p["roles"]]) if "forms" in p else p["text"]

    def cells(self, p: dict[str, Any], widths: list[int]) -> list[Text]:
        if self.person is not None:  # a quote row
            return [_cut(f"\u201c{p['text']}\u201d", widths[0]), _cut(p.get("outlet") or "", widths[1]),
                    _cut((p.get("date") or "")[5:], widths[2]), Text("")]
        mark = Text("\u2020 ", style="red") if p["casualty"] else Text("")
        return [mark + _cut(p["name"], widths[0] - len(mark)), _cut(", ".join(p["roles"]), widths[1]),
                Text(str(len(p["briefings"])), justify="right"), Text(str(len(p["quotes"])), justify="right")]

    def detail(self, p: dict[str, Any]) -> Text:
        if self.person is not None:
            return Text.assemble((self.person["name"], "bold"), "\n", _t(p.get("title") or ""), "\n",
                                 (f"{p.get('outlet')}, {p.get('date')}", "italic"), "\n\n",
                                 (f"\u201c{p['text']}\u201d", ""), "\n\n", ("Enter: open at this quote", "dim"))
        out = Text.assemble((p["name"], "bold"), "\n")
        if p["roles"]:
            out.append_text(_t(", ".join(p["roles"]), "italic"))
            out.append("\n")
        if len(p["forms"]) > 1:
            out.append_text(_t("also: " + "; ".join(f for f in p["forms"] if f != p["name"]), "dim"))
            out.append("\n")
        for c in p["casualty"]:
            out.append_text(_t(f"{c['status']} ({c['outlet']}, {c['date']})", "red"))
            out.append("\n")
        out.append(f"\nIn {len(p['briefings'])} briefing(s):\n", style="bold")
        for a in p["appearances"][:8]:
            out.append_text(_t(f"  {a['date'] or ''} {a['outlet'] or ''}: {a['title'] or ''}"))
            out.append("\n")
        if p["quotes"]:
            out.append(f"\n{len(p['quotes'])} quote(s): Enter to list them", style="dim")
        return out

    def empty_text(self) -> str:
        return "No people yet: ingest articles that name people." if not self.items else "No one matches the filter."

    def action_open(self) -> None:
        item = self.current()
        if item is None:
            return
        if self.person is None:
            if not item["quotes"]:
                first = item["appearances"][0]
                self.open_evidence(first["briefing"])
                return
            self.person, self._people = item, self.items
            self.TITLE_TEXT = f"Quotes of {item['name']}"
            self.COLUMNS = (("Quote", 0), ("Outlet", 18), ("Date", 5), ("", 1))
            self.items = item["quotes"]
            self.query_one("#across-filter", Input).value = ""
            self.refilter()
        else:
            self.open_evidence(item["briefing"], "quotes", item.get("item"))

    def action_back(self) -> None:
        if self.person is None:
            self.dismiss()
            return
        self.person, self.items = None, self._people
        self.TITLE_TEXT, self.COLUMNS = PeopleScreen.TITLE_TEXT, PeopleScreen.COLUMNS
        self.refilter()

    @property
    def timeline_target(self) -> tuple[str, str] | None:
        item = self.person or self.current()
        return ("person", item["name"]) if item else None


class EventsScreen(AcrossScreen):
    """Events reported by several briefings: outlets, reconciled figures, why grouped; Enter: timeline."""

    TITLE_TEXT = "Events"
    PLACEHOLDER = "Filter events: title, place, outlet"
    COLUMNS = (("Event", 0), ("Dates", 13), ("Rep", 4))

    def load(self, across) -> list[dict[str, Any]]:
        return query.events(across, limit=500)  # the newest 500: a screenful, read in full

    def haystack(self, e: dict[str, Any]) -> str:
        return " ".join([e["title"], *e["places"], *e["outlets"]])

    def cells(self, e: dict[str, Any], widths: list[int]) -> list[Text]:
        span = (e["first"] or "")[5:] + ("" if e["first"] == e["last"] else "\u2013" + (e["last"] or "")[5:])
        flag = Text("\u2260 ", style="yellow") if any(f["disagree"] for f in e["figures"]) else Text("")
        return [flag + _cut(e["title"], widths[0] - len(flag)), _t(span), Text(str(len(e["members"])), justify="right")]

    def detail(self, e: dict[str, Any]) -> Text:
        out = Text.assemble((e["title"], "bold"), "\n")
        out.append_text(_t(", ".join(e["places"]), "italic"))
        out.append("\nFigures (\u2260 outlets disagree; latest = newest report):\n", style="bold")
        for f in e["figures"]:
            sign = "\u2260" if f["disagree"] else " "
            out.append(f"  {sign} {f['kind']}: ", style="yellow" if f["disagree"] else "")
            for n, v in enumerate(f["values"]):
                if n:
                    out.append(" vs ")
                out.append(str(v["value"]), style="bold" if v["latest"] else "")
                out.append_text(_t(f" ({', '.join(v['outlets'])}{'; latest' if v['latest'] else ''})", "dim"))
            out.append("\n")
        out.append("Reports:\n", style="bold")
        for m in e["members"]:
            out.append_text(_t(f"  {m['date']} {m['outlet']}: {m['title']}"))
            out.append("\n")
        out.append("Grouped because:\n", style="bold")
        for w in e["why"][:4]:
            out.append_text(_t("  " + "; ".join(w["why"]), "dim"))
            out.append("\n")
        return out

    def empty_text(self) -> str:
        return "No event is reported by two or more briefings yet." if not self.items else "No event matches."

    def action_open(self) -> None:
        item = self.current()
        if item is not None:
            self.app.push_screen(TimelineScreen(event_id=item["id"], label=item["title"]))

    @property
    def timeline_target(self) -> tuple[str, str] | None:
        item = self.current()
        return ("event", item["id"]) if item else None


class TimelineScreen(AcrossScreen):
    """Resolved dates of an event or a person, oldest first; Enter opens the briefing it came from."""

    PLACEHOLDER = "Filter the timeline"
    COLUMNS = (("Date", 11), ("Phrase / report", 0), ("Outlet", 14))

    def __init__(self, *, event_id: str | None = None, person: str | None = None, label: str = "") -> None:
        super().__init__()
        self.event_id, self.person = event_id, person
        self.TITLE_TEXT = f"Timeline: {label or person or event_id}"

    def load(self, across) -> list[dict[str, Any]]:
        return query.timeline(across, event_id=self.event_id, person=self.person)

    def haystack(self, e: dict[str, Any]) -> str:
        return " ".join(str(e.get(k) or "") for k in ("phrase", "text", "context", "outlet"))

    def cells(self, e: dict[str, Any], widths: list[int]) -> list[Text]:
        when = e["date"] if e["end"] == e["date"] else e["date"][5:] + "\u2026" + e["end"][5:]
        if e["kind"] == "report":
            report = _cut(e["text"], widths[1])
            report.stylize("italic")
            return [_t(when), report, Text("")]
        what = Text.assemble(_t(f"\u201c{e['phrase']}\u201d ", "bold"), _t(e.get("context", "")))
        what.truncate(widths[1], overflow="ellipsis")
        return [_t(when), what, _cut(e.get("outlet") or "", widths[2])]

    def detail(self, e: dict[str, Any]) -> Text:
        if e["kind"] == "report":
            return Text.assemble((e["date"], "bold"), "\n", _t(e["text"]))
        span = e["date"] if e["end"] == e["date"] else f"{e['date']} to {e['end']}"
        return Text.assemble((span, "bold"), "\n", (f"\u201c{e['phrase']}\u201d", "bold"), " in ",
                             _t(e.get("outlet") or ""), "\n\n", _t(e.get("context", "")), "\n\n",
                             ("Enter: open the briefing", "dim"))

    def empty_text(self) -> str:
        return "No dates found for this timeline."

    def action_open(self) -> None:
        item = self.current()
        if item is not None:
            self.open_evidence(item["briefing"], "source" if item["kind"] == "date" else "summary")


class WatchScreen(AcrossScreen):
    """Watch matches, new ones first and marked; opening the screen marks them seen."""

    TITLE_TEXT = "Watch"
    PLACEHOLDER = "Filter matches"
    COLUMNS = (("", 1), ("Briefing", 0), ("Filter", 16))

    def load(self, across) -> list[dict[str, Any]]:
        library = self.app.library
        watch = across.watchlist()
        items = sorted(watch.matches, key=lambda m: (m["seen"], m["found"]), reverse=False)
        items = [dict(m) for m in items]
        self.filters = [f["terms"] for f in watch.filters]
        if watch.unseen():
            try:
                with library.transaction():
                    fresh = across.watchlist()
                    fresh.mark_seen()
                    fresh.save()
            except Exception:  # noqa: BLE001 - another writer holds the lock: they stay new
                pass
        return items

    def haystack(self, m: dict[str, Any]) -> str:
        return f"{m['title']} {m['terms']}"

    def cells(self, m: dict[str, Any], widths: list[int]) -> list[Text]:
        return [Text(MARK if not m["seen"] else " ", style="magenta bold"), _cut(m["title"], widths[1]),
                _cut(m["terms"], widths[2])]

    def detail(self, m: dict[str, Any]) -> Text:
        return Text.assemble((m["title"], "bold"), "\n", "matches ", (m["terms"], "bold"), "\n",
                             ("new" if not m["seen"] else "seen", "magenta" if not m["seen"] else "dim"),
                             f" \u00b7 found {m['found'][:16].replace('T', ' ')}", "\n\n",
                             ("Enter: open the briefing", "dim"))

    def empty_text(self) -> str:
        if not getattr(self, "filters", None):
            return "No watch filters. Add one from a shell: briefing watch add \"Tower 22\""
        return f"No briefing matches {', '.join(self.filters)} yet."

    def action_open(self) -> None:
        item = self.current()
        if item is not None:
            self.open_evidence(item["briefing"])
