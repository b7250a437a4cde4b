"""Issue 10 item 5: the fallback HTML parser's time and memory stay linear in the page size.

Work is bounded by counting, not by the clock: tracemalloc's peak for memory, and profiler
events (every Python call and generator step) for time. Before the fix, each text event was
appended to every open <article> (511 nested: ~600 bytes held per input byte) and every stray
end tag scanned the whole element stack (~145 events per input byte).
"""

from __future__ import annotations

import sys
import tracemalloc

from briefings.ingest.html import parse_html


def _peak_bytes(page: str) -> int:
    tracemalloc.start()
    try:
        parse_html(page)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _events(page: str) -> int:
    count = 0

    def profile(frame, event, arg):  # noqa: ARG001 - the profiler's signature
        nonlocal count
        count += 1
    sys.setprofile(profile)
    try:
        parse_html(page)
    finally:
        sys.setprofile(None)
    return count


def nested_articles(depth: int, words: int) -> str:
    return "<body>" + "<article><p>Deep story.</p>" * depth + "<b>word</b> " * words + "</article>" * depth


def stray_end_tags(depth: int, strays: int) -> str:
    return "<body>" + "<div>" * depth + "<p>Text.</p>" + "</span>" * strays + "</div>" * depth


def test_nested_articles_hold_memory_linear_in_the_page():
    page = nested_articles(511, 4000)
    assert _peak_bytes(page) < 40 * len(page)
    # and the biggest <article> is still the body, its text whole
    title, text, _ = parse_html(page)
    assert text.count("word") == 4000 and text.count("Deep story.") == 511


def test_memory_does_not_grow_with_nesting_depth():
    shallow, deep = nested_articles(5, 4000), nested_articles(500, 4000)
    assert _peak_bytes(deep) < 3 * _peak_bytes(shallow) * len(deep) / len(shallow)


def test_stray_end_tags_cost_the_same_at_any_depth():
    shallow, deep = stray_end_tags(10, 20_000), stray_end_tags(510, 20_000)
    assert _events(deep) < 20 * len(deep)
    # 50 times the open elements: per stray end tag the work must not follow the depth
    assert _events(deep) < 1.5 * _events(shallow)


def test_headline_is_taken_out_once_however_many_candidates_are_open():
    page = "<body>" + "<article>" * 300 + "<h1>Quay reopens</h1>" + "<p>The quay reopened.</p>" * 3 \
        + "<h1>Second heading</h1>" * 2000 + "</article>" * 300
    title, text, _ = parse_html(page)
    assert title == "Quay reopens" and "Quay reopens" not in text and text.count("Second heading") == 2000
    assert _events(page) < 20 * len(page)
