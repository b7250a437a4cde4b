"""HTML: the story only, its title and date."""

from __future__ import annotations


import pytest
from work_helpers import assert_linear

from briefings.ingest import IngestError, load, load_text
from briefings.ingest.clean import clean_article
from briefings.ingest.html import parse_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Floods kill three in Kestrel Port | Harbour Times</title>
<meta property="og:title" content="Floods kill three in Kestrel Port (og)">
<meta property="article:published_time" content="2026-03-14T08:15:00+01:00">
<style>p { color: red }</style>
<script>var tracking = "do not show";</script>
</head>
<body class="page related-news">
<div id="cookie-banner">We use cookies. <button>Accept all</button></div>
<header class="site-header"><a href="/">Harbour Times</a><nav><ul><li>Home</li><li>World</li></ul></nav></header>
<main>
<article>
  <header><h1>Floods kill <em>three</em> in Kestrel&nbsp;Port</h1>
  <p class="byline">By Mira Hale</p></header>
  <figure><img src="quay.jpg" alt="The quay"><figcaption>The flooded quay on Tuesday.</figcaption></figure>
  <p>Three people died and 41 were injured when floodwater swept through
     the harbour district of <a href="/kp">Kestrel Port</a> on Tuesday, officials said.</p>
  <div class="ad-slot">Advertisement: buy a boat</div>
  <p>Rescue crews worked &ldquo;through the night&rdquo; to reach families on upper floors.<br>The storm cut power.</p>
  <ul><li>Roads closed: 12</li><li>Schools shut: 4</li></ul>
  <blockquote><p>&ldquo;We will rebuild,&rdquo; said Mayor Ana Ruiz.</p></blockquote>
  <div class="social-share"><a>Share on X</a><a>Share on Facebook</a></div>
  <aside><h2>Related</h2><p>Ferry strike enters second week</p></aside>
  <noscript>Enable JavaScript</noscript>
  <script>document.write("injected")</script>
</article>
<section class="related-stories"><article><h2>Ferry strike enters second week</h2><p>Short teaser.</p></article></section>
</main>
<footer><p>&copy; 2026 Harbour Times</p></footer>
</body></html>"""


def test_article_body_only():
    article = load_text(PAGE, kind="html", source="page.html")
    assert article.title == "Floods kill three in Kestrel Port"
    assert article.published == "2026-03-14"
    assert (article.authors, article.language) == (["Mira Hale"], "en")
    # The headline is the title only; the byline is metadata, not story.
    assert article.text == (
        "Three people died and 41 were injured when floodwater swept through the harbour district of "
        "Kestrel Port on Tuesday, officials said.\n\n"
        "Rescue crews worked \u201cthrough the night\u201d to reach families on upper floors.\n\n"
        "The storm cut power.\n\n"
        "Roads closed: 12\n\nSchools shut: 4\n\n"
        "\u201cWe will rebuild,\u201d said Mayor Ana Ruiz.")


def _fallback(page: str) -> str:
    """The text our own parser (used when trafilatura finds nothing) gets from ``page``, cleaned."""
    return clean_article(parse_html(page)[1])[1]


def test_fallback_largest_article_wins_and_main_and_body_are_fallbacks():
    teaser = "<article><p>A short teaser.</p></article>"
    story = "<article><p>Long story. " + "More words here. " * 20 + "</p></article>"
    assert _fallback(f"<body>{teaser}{story}</body>").startswith("Long story.")
    page = "<body><div>Outside main.</div><main><p>Inside main.</p></main></body>"
    assert _fallback(page) == "Inside main."
    page = "<body><nav>Menu</nav><p>Body text one.</p><p>Body text two.</p><footer>Foot</footer></body>"
    assert _fallback(page) == "Body text one.\n\nBody text two."


def test_fallback_headline_is_the_title_only():
    title, text, _ = parse_html("<body><article><h1>Quay <b>reopens</b></h1><p>The quay reopened.</p></article>")
    assert (title, clean_article(text)[1]) == ("Quay reopens", "The quay reopened.")


def test_title_fallbacks():
    body = "<body><p>Three people died in the floods.</p><p>Crews worked all night.</p></body>"
    og = '<head><meta property="og:title" content="Floods: the day after"><title>x | Site</title></head>'
    article = load_text(og + body, kind="html")
    assert article.title == "Floods: the day after"
    assert article.text == "Three people died in the floods.\n\nCrews worked all night."  # metadata titles stay out
    assert load_text("<title>Floods: the day after - Harbour Times</title>" + body, kind="html").title \
        == "Floods: the day after"
    svg = "<svg><title>icon</title></svg>"
    assert load_text(svg + body, kind="html").title == "Three people died in the floods"


def test_h1_outside_the_article_is_the_title_when_the_article_has_none():
    page = "<body><div class='headline'><h1>Quay reopens</h1></div><article><p>The quay reopened.</p></article>"
    article = load_text(page, kind="html")
    assert (article.title, article.text) == ("Quay reopens", "The quay reopened.")


@pytest.mark.parametrize("snippet, expected", [
    ('<meta property="og:published_time" content="2026-01-02">', "2026-01-02"),
    ('<span itemprop="datePublished" content="2026-01-03T10:00Z"></span>', "2026-01-03"),
    ('<time datetime="2026-01-04T09:00:00Z">4 January</time>', "2026-01-04"),
    ('<aside><time datetime="2025-12-01">old</time></aside>', None),
    ('<meta name="date" content="not a date">', None),
])
def test_published(snippet, expected):
    page = f"<html><head></head><body>{snippet}<p>The quay reopened on Monday after repairs.</p></body></html>"
    assert load_text(page, kind="html").published == expected


def test_fallback_hidden_and_furniture_classes_are_skipped():
    page = ("<body><p>Kept one.</p><div hidden>Hidden.</div><div aria-hidden='true'>Icon</div>"
            "<div style='display: none'>Invisible.</div><div id='newsletter-signup'>Sign up</div>"
            "<div class='promo-box'>Promo</div><div role='navigation'>Nav</div>"
            "<div class='shared-content'>Kept two.</div><p class='subscriber-only'>Kept three.</p>"
            "<p>Kept <span>four</span>.<p class='share'>Share me<p>Kept five.</body>")
    assert _fallback(page) == "Kept one.\n\nKept two.\n\nKept three.\n\nKept four.\n\nKept five."


def test_pre_and_tables_keep_their_pieces_apart():
    page = "<body><p>Tide table:</p><pre>06:10 high\n12:25 low</pre><table><tr><td>Mon</td><td>3</td></tr></table>"
    assert load_text(page, kind="html", require_prose=False).text == "Tide table:\n\n06:10 high\n\n12:25 low\n\nMon 3"


def test_all_script_html(tmp_path):
    path = tmp_path / "app.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body><script>render()</script>"
                    "<noscript>Please enable JavaScript</noscript></body></html>")
    with pytest.raises(IngestError) as info:
        load(str(path))
    assert str(info.value) == f"{path}: no article text found in the HTML"


def test_deeply_nested_html_does_not_recurse():
    def page(depth: int) -> str:
        return "<body>" + "<div>" * depth + "<p>Deep text survives.</p>" + "</div>" * depth + "<p>After.</p></body>"

    article = load_text(page(5000), kind="html")
    assert article.text == "Deep text survives.\n\nAfter."
    assert_linear(lambda n: load_text(page(n), kind="html"), 1250)


def test_fallback_unclosed_and_broken_markup():
    page = "<body><p>One <b>bold.<p>Two.</i></span><li>Three.<li>Four.</div></body></html></p>"
    assert _fallback(page) == "One bold.\n\nTwo.\n\nThree.\n\nFour."


def test_html_file_with_entities_and_cp1252(tmp_path):
    path = tmp_path / "story.htm"
    path.write_bytes("<p>Caf\u00e9 owners said it was &lsquo;calm&rsquo;&nbsp;&amp; dry.</p><p>Later it rained.</p>"
                     .encode("cp1252"))
    assert load(str(path)).text == "Caf\u00e9 owners said it was \u2018calm\u2019 & dry.\n\nLater it rained."


@pytest.mark.parametrize("junk", [lambda n: "<a" * n, lambda n: "<!--x>" * (n // 3), lambda n: "<" * (2 * n),
                                  lambda n: "<p x='" + "y" * (2 * n)],
                         ids=["open-tags", "open-comments", "lone-lt", "open-quote"])
def test_unterminated_markup_is_linear(junk):
    assert_linear(lambda n: load_text("<p>The quay reopened.</p>" + junk(n), kind="html"), 20_000)


def test_odd_declarations_do_not_break_the_parser():
    page = "<p>One.</p><![if !supportLists]><![ junk ]><![CDATA[x]]><p>Two.</p><!doctype html><?xml x?><p>Three.</p>"
    assert load_text(page, kind="html", require_prose=False).text == "One.\n\nTwo.\n\nThree."
