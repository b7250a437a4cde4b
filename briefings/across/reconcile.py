"""The figures of one event, reconciled across the outlets that reported it.

For each kind of count (killed, injured, missing, ...) every value reported,
who reported it and where (briefing, item, span: the evidence), whether the
outlets disagree, and which value is the latest report (tolls rise as days
pass, so the newest figure is usually the one to quote, and the reader should
see that the others were earlier).
"""

from __future__ import annotations

from typing import Any

from .profiles import KINDS, Profile

ORDER = [k for k, _ in KINDS]


def reconcile(members: list[Profile]) -> list[dict[str, Any]]:
    """One entry per kind: ``{"kind", "values": [{"value", "outlets", "evidence", "latest"}], "disagree"}``."""
    by_kind: dict[str, dict[int, list[dict[str, Any]]]] = {}
    for p in members:
        for f in p.get("figures", ()):
            by_kind.setdefault(f["kind"], {}).setdefault(f["value"], []).append(
                {"briefing": p["id"], "outlet": p.get("outlet") or "", "date": p.get("date") or "",
                 "item": f.get("item"), "span": f.get("span"), "text": f.get("text")})
    out = []
    for kind in sorted(by_kind, key=ORDER.index):
        values = by_kind[kind]
        newest = max((e["date"], v) for v, evidence in values.items() for e in evidence)
        rows = []
        for value, evidence in sorted(values.items(), key=lambda kv: min(e["date"] for e in kv[1])):
            evidence.sort(key=lambda e: (e["date"], e["outlet"]))
            outlets = list(dict.fromkeys(e["outlet"] for e in evidence))
            rows.append({"value": value, "outlets": outlets, "evidence": evidence,
                         "first": evidence[0]["date"], "latest": value == newest[1] and len(values) > 1})
        out.append({"kind": kind, "values": rows, "disagree": len(values) > 1})
    return out


def line(entry: dict[str, Any]) -> str:
    """``injured: 30 (Northwire) vs 34 (Daily Ledger) vs 41 (Coastal Radio, Meridian Times; latest)``."""
    parts = []
    for v in entry["values"]:
        who = ", ".join(v["outlets"]) + ("; latest" if v["latest"] else "")
        parts.append(f"{v['value']} ({who})")
    return f"{entry['kind']}: " + " vs ".join(parts)
