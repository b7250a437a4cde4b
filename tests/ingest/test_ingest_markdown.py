"""Markdown: front matter, headings, plain paragraphs."""

from __future__ import annotations

from work_helpers import assert_linear

from briefings.ingest import load, load_text
from briefings.ingest.markdown import MAX_PARSED, front_matter

DOC = """---
title: "Floods: the day after"
date: 2026-03-14
tags:
  - floods
---
# Floods: the day after

Three people *died* and **41** were injured in [Kestrel Port](https://example.invalid/kp)
on Tuesday, officials said.

![The quay](quay.png)

## What happens next

- Roads stay closed until `Friday`.
- Schools reopen on Monday <https://example.invalid/schools>.

> "We will rebuild," said Mayor Ana Ruiz.

<div class="ad">Advertisement</div>

Rescue crews worked through the night.\\
The storm cut power.
"""


def test_front_matter_headings_and_inline_markup():
    article = load_text(DOC, kind="markdown", source="floods.md")
    assert article.title == "Floods: the day after"
    assert article.published == "2026-03-14"
    assert article.text == (
        "Floods: the day after\n\n"
        "Three people died and 41 were injured in Kestrel Port on Tuesday, officials said.\n\n"
        "What happens next\n\n"
        "Roads stay closed until Friday.\n\n"
        "Schools reopen on Monday .\n\n"
        "\"We will rebuild,\" said Mayor Ana Ruiz.\n\n"
        "Rescue crews worked through the night. The storm cut power.")


def test_first_h1_is_the_title_without_front_matter(tmp_path):
    path = tmp_path / "quay.markdown"
    path.write_text("Intro line before.\n\n# Quay reopens\n\nThe quay reopened.\n\n# Second heading\n")
    article = load(str(path))
    assert article.title == "Quay reopens"
    assert article.text == "Intro line before.\n\nQuay reopens\n\nThe quay reopened.\n\nSecond heading"


def test_front_matter_title_wins_and_a_different_h1_stays():
    article = load_text("---\ntitle: Quay\n---\n# Other\n\nText here.\n", kind="markdown", require_prose=False)
    assert (article.title, article.text) == ("Quay", "Other\n\nText here.")


def test_thematic_break_is_not_front_matter():
    fields, body = front_matter("---\nJust a paragraph.\n---\nMore.\n")
    assert fields == {} and body.startswith("---")
    assert front_matter("---\n---\nBody\n") == ({}, "Body\n")


def test_no_title_anywhere_derives_one():
    article = load_text("The quay reopened on Monday. Ships returned.\n\nMore text.", kind="markdown")
    assert article.title == "The quay reopened on Monday"


def test_nested_markdown_keeps_its_text():
    article = load_text("Before.\n\n> > > Quoted three deep.\n\n- a\n  - b\n    - c\n\nAfter.\n", kind="markdown")
    assert article.text == "Before.\n\nQuoted three deep.\n\na\n\nb\n\nc\n\nAfter."


def test_absurdly_nested_markdown_is_read_as_text_not_lost():
    for deep in (">" * 3000 + " Deep quote.", "- " * 3000 + "deep item", "[" * 5000 + "x" + "]" * 5000):
        article = load_text(f"Before.\n\n{deep}\n\nAfter the deep part.\n", kind="markdown")
        assert article.text.startswith("Before.") and article.text.endswith("After the deep part.")


def test_big_markdown_is_read_as_plain_text_quickly():
    para = "The ferry left the [harbour](https://example.invalid) at dawn. ![crane](c.png)\n> quoted line\n\n"
    raw = "# Ferry log\n" + para * (MAX_PARSED // len(para) + 10) + "- last item\n"
    article = load_text(raw, kind="markdown")
    assert article.title == "Ferry log"
    assert article.text.startswith("Ferry log\n\nThe ferry left the harbour at dawn. quoted line\n\nThe ferry")
    assert article.text.endswith("last item")


def test_pathological_markdown_is_bounded():
    assert load_text("[" * 20_000 + "\n\nText after.", kind="markdown", require_prose=False).text.endswith("Text after.")
    assert_linear(lambda n: load_text("[" * n + "\n\nText after.", kind="markdown", require_prose=False), 2000)
