"""Fetch web pages over HTTP(S) with httpx: bounded, polite, one clear line per failure.

Every request has connect/read timeouts and an overall deadline, follows at most
``MAX_REDIRECTS`` redirects, sends a User-Agent that says who we are, and stops reading
at the size cap (a lying or missing Content-Length cannot make us hold more). Failures
raise :class:`~briefings.ingest.IngestError` whose reason is plain words: "cannot
resolve host", "HTTP 404 Not Found", "not an HTML page (application/pdf)", "too large".
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from . import __version__
from .ingest import MAX_BYTES, IngestError, load
from .model import Article

USER_AGENT = f"briefing/{__version__} (terminal news reader; +https://example.org/briefing)"
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json")


@dataclass(frozen=True, slots=True)
class Limits:
    """How long and how much: seconds to connect, between bytes, for the whole response; bytes."""

    connect: float = 10.0
    read: float = 20.0
    total: float = 60.0
    max_bytes: int = MAX_BYTES


@dataclass(slots=True)
class Response:
    """A fetched resource: where it ended up (after redirects), its bytes and validators."""

    url: str
    status: int
    data: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str:
        return self.content_type.split(";")[0].strip().lower()


def client(limits: Limits = Limits()) -> httpx.Client:
    """An HTTP client with our timeouts, redirect limit and User-Agent (reuse it: keeps connections)."""
    return httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, headers={"User-Agent": USER_AGENT},
                        timeout=httpx.Timeout(limits.read, connect=limits.connect), trust_env=False)


def _reason(exc: Exception, limits: Limits) -> str:
    """An httpx failure in plain words."""
    text = str(exc).lower()
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"could not connect within {limits.connect:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out (no data for {limits.read:g} s)"
    if isinstance(exc, httpx.ConnectError):
        if "name or service" in text or "nodename" in text or "name resolution" in text or "getaddrinfo" in text:
            return "cannot resolve host (DNS lookup failed)"
        if "refused" in text:
            return "connection refused"
        if "ssl" in text or "certificate" in text:
            return "TLS/certificate error"
        return "could not connect"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return "not an http(s) URL"
    if isinstance(exc, httpx.InvalidURL):
        return "invalid URL"
    if isinstance(exc, (httpx.RemoteProtocolError, httpx.DecodingError)):
        return "broken HTTP response"
    return f"network error ({type(exc).__name__})"


def get(url: str, *, http: httpx.Client | None = None, limits: Limits = Limits(), etag: str | None = None,
        last_modified: str | None = None) -> Response:
    """GET ``url`` (conditionally, given validators); a 304 comes back with no data. Raises IngestError."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own = http is None
    http = http or client(limits)
    deadline = time.monotonic() + limits.total
    try:
        with http.stream("GET", url, headers=headers) as r:
            if r.status_code == 304:
                return Response(str(r.url), 304, b"", r.headers.get("content-type", ""), etag, last_modified)
            if r.status_code >= 400:
                raise IngestError(url, f"HTTP {r.status_code} {r.reason_phrase}".strip())
            size = r.headers.get("content-length", "")
            if size.isdigit() and int(size) > limits.max_bytes:
                raise IngestError(url, _too_large(int(size), limits))
            chunks, total = [], 0
            for chunk in r.iter_bytes():
                total += len(chunk)
                if total > limits.max_bytes:
                    raise IngestError(url, _too_large(None, limits))
                if time.monotonic() > deadline:
                    raise IngestError(url, f"timed out (took over {limits.total:g} s)")
                chunks.append(chunk)
            return Response(str(r.url), r.status_code, b"".join(chunks), r.headers.get("content-type", ""),
                            r.headers.get("etag"), r.headers.get("last-modified"))
    except httpx.HTTPError as exc:
        raise IngestError(url, _reason(exc, limits)) from None
    except ValueError as exc:  # httpx rejects some malformed URLs with a plain ValueError
        raise IngestError(url, f"invalid URL ({exc})") from None
    finally:
        if own:
            http.close()


def _too_large(size: int | None, limits: Limits) -> str:
    cap = f"pages over {limits.max_bytes // 2**20} MB are refused"
    return f"too large ({size / 2**20:.1f} MB; {cap})" if size else f"too large ({cap})"


def is_html(response: Response) -> bool:
    """HTML by its Content-Type; with none (or a generic one), by its first bytes."""
    if response.media_type in HTML_TYPES:
        return True
    if response.media_type in ("", "application/octet-stream", "text/plain"):
        head = response.data[:1024].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head
    return False


def fetch_article(url: str, *, http: httpx.Client | None = None, limits: Limits = Limits()) -> Article:
    """The article at ``url``: fetched, decoded by its declared charset, extracted as HTML.

    ``source`` is the URL asked for; ``url`` the page's canonical URL (else where redirects ended).
    """
    response = get(url, http=http, limits=limits)
    if not is_html(response):
        raise IngestError(url, f"not an HTML page ({response.media_type or 'no content type'})")
    return load(url, response.data, kind="html", url=response.url, content_type=response.content_type)
