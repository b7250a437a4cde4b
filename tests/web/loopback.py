"""A loopback HTTP server the web tests start: routes are data, every request is counted.

It listens on 127.0.0.1 only, on a free port, in a thread. A route is a :class:`Reply` (or
a function of the request headers returning one), so a test can serve pages, feeds,
redirects, errors, slow and huge responses and check conditional GETs. (No conftest.py
here: the tui tests import theirs as ``conftest``, and a second one would shadow it.)
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Reply:
    """What the server sends: status, headers, body; ``delay`` seconds before the body,
    ``chunks`` sends the body in that many pieces ``chunk_delay`` apart (no Content-Length
    when ``length`` is False)."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    chunks: int = 1
    chunk_delay: float = 0.0
    length: bool = True


Route = Reply | Callable[[Mapping[str, str]], Reply]


class Loopback:
    """The running server: ``url(path)``, ``routes`` to fill, ``hits`` per path, ``requests`` seen."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
                owner.hits[self.path] += 1
                headers = {k.lower(): v for k, v in self.headers.items()}
                owner.requests.append((self.path, headers))
                route = owner.routes.get(self.path)
                reply = route(headers) if callable(route) else route or Reply(b"not here", 404)
                time.sleep(reply.delay)
                self.send_response(reply.status)
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                if reply.length:
                    self.send_header("Content-Length", str(len(reply.body)))
                else:
                    self.send_header("Connection", "close")
                self.end_headers()
                step = max(1, -(-len(reply.body) // reply.chunks))
                try:
                    for i in range(0, len(reply.body), step):
                        self.wfile.write(reply.body[i:i + step])
                        self.wfile.flush()
                        time.sleep(reply.chunk_delay)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (too large, too slow): that is the point
                if not reply.length:
                    self.close_connection = True

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                # A client that hangs up early (a size cap, a timeout) is expected here; the stdlib
                # would print a traceback to stderr, where the tests read the CLI's own error line.
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> Loopback:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server() -> Iterator[Loopback]:
    """A running loopback server (import this fixture into a test module to use it)."""
    with Loopback() as s:
        yield s
