"""Fictional pages and feeds for the web tests (invented places, people and events)."""

from __future__ import annotations

from email.utils import format_datetime
from datetime import datetime, UTC


def story_page(n: int = 1, *, title: str | None = None, canonical: str | None = None, charset: str = "utf-8") -> str:
    title = title or f"Ferry service to Orrin Isle resumes after storm {n}"
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}"><title>{title} | Coastline Courier</title>
<meta property="og:site_name" content="Coastline Courier">{link}
<meta name="author" content="Petra Lindqvist">
<meta property="article:published_time" content="2026-05-0{n % 9 + 1}T07:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p>The ferry between Calder Quay and Orrin Isle sailed again on Tuesday, five days after storm
number {n} tore two moorings loose and left 340 islanders without a crossing, the harbour office said.</p>
<p>Harbourmaster Jonas Ekdahl said crews had worked through the weekend to replace the damaged
fittings. "We will run extra sailings until the backlog is cleared," he said.</p>
<p>The island's school, closed since the storm, will reopen on Wednesday, the council said.</p>
</article>
<aside><h2>Most read</h2><ul><li>Lighthouse keeper retires</li><li>Market moves indoors</li></ul></aside>
<footer>&copy; 2026 Coastline Courier. All rights reserved.</footer>
</body></html>"""


def rss(base: str, items: list[int], *, version: str = "2.0") -> bytes:
    entries = "".join(
        f"<item><title>Storm {n}</title><link>{base}/story{n}.html</link><guid>{base}/story{n}.html</guid>"
        f"<pubDate>{format_datetime(datetime(2026, 5, n % 28 + 1, tzinfo=UTC))}</pubDate></item>" for n in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="{version}"><channel><title>Coastline Courier</title>'
            f"<link>{base}/</link><description>Local news</description>{entries}</channel></rss>").encode()


def rdf(base: str, items: list[int]) -> bytes:
    entries = "".join(f'<item rdf:about="{base}/story{n}.html"><title>Storm {n}</title><link>{base}/story{n}.html</link>'
                      "</item>" for n in items)
    return ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            f'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="{base}/"><title>Courier RDF</title>'
            f"<link>{base}/</link><description>x</description></channel>{entries}</rdf:RDF>").encode()


def atom(base: str, items: list[int]) -> bytes:
    entries = "".join(f'<entry><title>Storm {n}</title><link href="{base}/story{n}.html"/><id>urn:story:{n}</id>'
                      f"<updated>2026-05-0{n % 9 + 1}T07:00:00Z</updated></entry>" for n in items)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Courier Atom</title><id>urn:courier</id><updated>2026-05-01T00:00:00Z</updated>{entries}</feed>").encode()
