"""A fetched page that is not an article (a code listing, placeholder text) is refused in one line."""

from __future__ import annotations

import pytest
from loopback import Reply, server  # noqa: F401 - the fixture

from briefings.fetch import Limits, fetch_article
from briefings.ingest import IngestError

FAST = Limits(connect=2, read=0.5, total=3, max_bytes=200_000)


@pytest.mark.parametrize("body, reason", [
    ("<html><body><pre>import sys\n\ndef main():\n    return len(sys.argv)\n\nmain()\n</pre></body></html>",
     "not an article: looks like source code"),
    ("<html><body><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>"
     "<p>Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.</p></body></html>",
     "not an article: placeholder text (lorem ipsum)"),
])
def test_a_page_that_is_not_an_article_is_refused(server, body, reason):
    server.routes["/page"] = Reply(body.encode())
    with pytest.raises(IngestError) as info:
        fetch_article(server.url("/page"), limits=FAST)
    assert str(info.value) == f"{server.url('/page')}: {reason}"
