"""Metadata kept on every article: canonical URL, outlet, authors, published date, language."""

from __future__ import annotations

from briefings.ingest import load_text

LEAD = ("<p>The harbour board voted on Tuesday to rebuild the north quay, which was destroyed by the "
        "spring floods, at a cost of 14 million crowns, the board's chair Ilse Varga told reporters.</p>"
        "<p>Work will start in May and take two years, she said, and the ferry will use the south quay "
        "until then. Fishing crews welcomed the decision after months of uncertainty.</p>"
        "<p>The board also agreed to raise the sea wall by half a metre along the whole waterfront.</p>")


def page(head: str, body: str = "") -> str:
    return f"<html lang='en-GB'><head>{head}</head><body>{body}<article><h1>Quay to be rebuilt</h1>{LEAD}</article></body></html>"


def test_canonical_site_authors_json_ld_date_language():
    head = ('<link rel="canonical" href="https://harbour-times.example/news/quay-rebuilt">'
            '<meta property="og:site_name" content="Harbour Times">'
            '<meta name="author" content="Mira Hale; Tomas Brandt">'
            '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2026-04-02T09:30:00+02:00"}]}</script>')
    article = load_text(page(head), kind="html", url="https://harbour-times.example/amp/123")
    assert article.url == "https://harbour-times.example/news/quay-rebuilt"
    assert article.outlet == "Harbour Times"
    assert article.authors == ["Mira Hale", "Tomas Brandt"]
    assert article.published == "2026-04-02"
    assert article.language == "en"
    assert article.title == "Quay to be rebuilt" and "Quay to be rebuilt" not in article.text


def test_without_metadata_the_fetched_url_gives_url_outlet_and_date():
    article = load_text(page(""), kind="html", url="https://www.quayside-post.example/2026/03/14/quay-rebuilt")
    assert article.url == "https://www.quayside-post.example/2026/03/14/quay-rebuilt"
    assert article.outlet == "quayside-post.example"
    assert article.published == "2026-03-14"


def test_og_url_and_junk_canonical():
    head = '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://ht.example/q">'
    assert load_text(page(head), kind="html").url == "https://ht.example/q"


def test_a_local_file_has_no_url_or_outlet_it_does_not_say():
    article = load_text(page(""), kind="html", source="quay.html")
    assert (article.url, article.outlet, article.authors) == (None, None, [])


def test_markdown_front_matter():
    raw = ("---\ntitle: Quay to be rebuilt\nsource: Harbour Times\nurl: https://ht.example/quay\n"
           "date: 2026-04-02\nauthor: Mira Hale and Tomas Brandt\nlang: en\n---\n\nThe harbour board voted.\n")
    article = load_text(raw, kind="markdown")
    assert (article.title, article.outlet, article.url, article.published, article.authors, article.language) == (
        "Quay to be rebuilt", "Harbour Times", "https://ht.example/quay", "2026-04-02",
        ["Mira Hale", "Tomas Brandt"], "en")
    assert article.text == "The harbour board voted."
