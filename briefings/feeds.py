"""Feeds a library follows (RSS 0.9x/1.0/2.0, Atom), and fetching their new stories.

The list lives in ``LIBRARY/feeds.json``, changed only under the library's lock and
replaced atomically. Each feed remembers its validators (ETag, Last-Modified: an
unchanged feed costs one conditional GET and no parsing) and the entries it has seen,
so each entry's page is fetched once. Pages of one host are requested no faster than
one per ``delay`` seconds. Feeds are parsed by feedparser.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson

from .atomic import write_atomic
from .attach import reattach
from .extract import extract
from .fetch import FEED_TYPES, Limits, client, fetch_article, get
from .index import utc_now
from .ingest import IngestError, is_url
from .model import Briefing
from .readfile import read_regular
from .store import Library, StoreError

FEEDS_FILE = "feeds.json"
MAX_SEEN = 5000  # entries remembered per feed: far more than any feed lists at once
MAX_FEEDS_FILE = 16 * 1024 * 1024
DELAY = 1.0  # seconds between two requests to the same host


@dataclass(slots=True)
class Feed:
    """A followed feed and what we know of it."""

    url: str
    name: str = ""
    added: str = ""
    etag: str | None = None
    last_modified: str | None = None
    fetched: str | None = None  # when it was last fetched (UTC)
    title: str | None = None  # the feed's own title
    seen: list[str] = field(default_factory=list)  # entry keys whose pages were fetched (oldest first)

    @property
    def label(self) -> str:
        return self.name or self.title or urlsplit(self.url).hostname or self.url


@dataclass(slots=True)
class FetchReport:
    """What ``fetch`` did: briefings stored (new or updated), entries failed, feeds unchanged."""

    new: int = 0
    updated: int = 0
    failed: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _path(library: Library) -> Path:
    return library.root / FEEDS_FILE


def load_feeds(library: Library) -> list[Feed]:
    """The followed feeds (none if the file does not exist); StoreError if it is damaged."""
    path = _path(library)
    try:
        data = orjson.loads(read_regular(path, MAX_FEEDS_FILE, nofollow=True))
    except FileNotFoundError:
        return []
    except (OSError, orjson.JSONDecodeError) as e:
        raise StoreError(f"{path}: not a readable feed list ({e})") from None
    try:
        return [Feed(**{k: v for k, v in row.items() if k in Feed.__slots__}) for row in data["feeds"]]
    except (TypeError, KeyError, AttributeError):
        raise StoreError(f"{path}: not a feed list (expected {{\"feeds\": [...]}})") from None


def _save(library: Library, feeds: list[Feed]) -> None:
    write_atomic(_path(library), orjson.dumps({"feeds": [asdict(f) for f in feeds]}, option=orjson.OPT_INDENT_2))


def _find(feeds: list[Feed], ref: str) -> Feed | None:
    return next((f for f in feeds if ref in (f.url, f.name)), None)


def add_feed(library: Library, url: str, name: str | None = None) -> Feed:
    """Follow ``url`` (an http(s) feed URL); adding it again renames it. ValueError on a bad URL."""
    if not is_url(url) or not urlsplit(url).hostname:
        raise ValueError(f"not an http(s) feed URL: {url}")
    with library.transaction():
        feeds = load_feeds(library)
        feed = _find(feeds, url)
        if feed is None:
            feed = Feed(url=url, name=name or "", added=utc_now())
            feeds.append(feed)
        elif name:
            feed.name = name
        _save(library, feeds)
    return feed


def remove_feed(library: Library, ref: str) -> Feed:
    """Stop following the feed with that URL or name (its briefings stay). ValueError if none."""
    with library.transaction():
        feeds = load_feeds(library)
        feed = _find(feeds, ref)
        if feed is None:
            raise ValueError(f"no feed with URL or name {ref!r} (see: briefing feeds list)")
        _save(library, [f for f in feeds if f is not feed])
    return feed


def _entry_key(entry: Any) -> str | None:
    return entry.get("id") or entry.get("link")


def _entries(feed: Feed, data: bytes, content_type: str) -> Iterator[tuple[str, str]]:
    """(key, page URL) of the feed's entries not seen before, in feed order."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-type": content_type or "application/xml"})
    if not parsed.entries and parsed.bozo and not parsed.get("version"):
        raise IngestError(feed.url, "not a feed (RSS or Atom)")
    feed.title = parsed.feed.get("title") or feed.title
    seen = set(feed.seen)
    for entry in parsed.entries:
        key, link = _entry_key(entry), entry.get("link")
        if key and link and is_url(link) and key not in seen:
            seen.add(key)
            yield key, link


class _Polite:
    """Waits so that one host gets at most one request per ``delay`` seconds."""

    def __init__(self, delay: float, sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay, self.sleep, self.last = delay, sleep, {}

    def wait(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        if host in self.last:
            left = self.last[host] + self.delay - time.monotonic()
            if left > 0:
                self.sleep(left)
        self.last[host] = time.monotonic()


def fetch(library: Library, *, delay: float = DELAY, limits: Limits = Limits(),
          on_briefing: Callable[[Briefing, bool], None] | None = None,
          on_error: Callable[[str], None] | None = None,
          on_progress: Callable[[int, int], None] | None = None) -> FetchReport:
    """Fetch every followed feed and store the briefings of entries not seen before.

    Each briefing is stored as soon as it is extracted (so a reader sees it at once and an
    interruption loses nothing); ``on_briefing(b, created)`` is called after. ``on_progress(done,
    total)`` counts entries to fetch. Failures are counted and passed to ``on_error`` as lines.
    """
    report, polite = FetchReport(), _Polite(delay)
    fetched: set[str] = set()  # page URLs fetched in this run: two feeds listing one story cost one request

    def failed(message: str) -> None:
        report.failed += 1
        report.errors.append(message)
        if on_error:
            on_error(message)

    with client(limits) as http:
        for feed in load_feeds(library):
            try:
                polite.wait(feed.url)
                response = get(feed.url, http=http, limits=limits, etag=feed.etag, last_modified=feed.last_modified)
                if response.not_modified:
                    report.unchanged += 1
                    _update(library, feed, [], response)
                    continue
                if response.media_type not in FEED_TYPES and b"<rss" not in response.data[:2048] \
                        and b"<feed" not in response.data[:2048] and b"<rdf:RDF" not in response.data[:2048]:
                    raise IngestError(feed.url, f"not a feed ({response.media_type or 'no content type'})")
                todo = list(_entries(feed, response.data, response.content_type))
            except IngestError as exc:
                failed(str(exc))
                continue
            done_keys: list[str] = []
            for i, (key, link) in enumerate(todo):
                if link in fetched:
                    done_keys.append(key)
                    continue
                fetched.add(link)
                try:
                    polite.wait(link)
                    briefing = extract(fetch_article(link, http=http, limits=limits))
                    created = library.add(briefing).created
                    if not created:  # re-extracted: notes follow their items by evidence
                        reattach(library.notes, briefing)
                    report.new += created
                    report.updated += not created
                    if on_briefing:
                        on_briefing(briefing, created)
                    done_keys.append(key)
                except IngestError as exc:
                    failed(str(exc))
                    if "HTTP 4" in exc.reason or "not an HTML page" in exc.reason:
                        done_keys.append(key)  # a gone or non-HTML entry is not retried every time
                if on_progress:
                    on_progress(i + 1, len(todo))
            _update(library, feed, done_keys, response)
    return report


def _update(library: Library, fetched: Feed, keys: list[str], response: Any) -> None:
    """Record validators, title and newly seen entries, re-reading the list under the lock
    (another process may have added or removed feeds meanwhile)."""
    with library.transaction():
        feeds = load_feeds(library)
        feed = _find(feeds, fetched.url)
        if feed is None:  # removed while we fetched it
            return
        feed.etag, feed.last_modified = response.etag or feed.etag, response.last_modified or feed.last_modified
        feed.fetched, feed.title = utc_now(), fetched.title or feed.title
        feed.seen = (feed.seen + [k for k in keys if k not in set(feed.seen)])[-MAX_SEEN:]
        _save(library, feeds)
