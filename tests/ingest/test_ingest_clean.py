"""Text cleaning: safe characters, paragraphs, boilerplate, titles."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefings.ingest import IngestError, load, load_text
from briefings.ingest.clean import clean_article, iso_date

LEAD = ("Three people died and 41 were injured when floodwater swept through the harbour "
        "district of Kestrel Port on Tuesday, officials said.")
SECOND = "Rescue crews worked through the night to reach families trapped on upper floors."
THIRD = '"We will rebuild, street by street," Mayor Ana Ruiz told reporters.'


def assert_clean(text: str) -> None:
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", text)
    assert text == text.strip()
    assert "\n\n\n" not in text


def test_escape_sequences_and_controls_are_removed_whole():
    raw = (f"\x1b[2J\x1b[1;31m{LEAD}\x1b[0m\n\n"
           f"Rescue\x1b]52;c;aGk=\x07 crews \x1b]8;;https://example.invalid\x1b\\worked\x1b]8;;\x1b\\ "
           f"through\x00 the\x07 night\x7f\x85\x9b to\tsave \u202efamilies.\x1bc\n\n"
           f"Half an escape at the end \x1b[")
    article = load_text(raw)
    assert_clean(article.text)
    assert "\x1b" not in article.text and "aGk" not in article.text and "[2J" not in article.text
    assert "example.invalid" not in article.text
    assert article.text.split("\n\n")[1] == "Rescue crews worked through the night to save families."
    assert article.text.endswith("Half an escape at the end")


def test_line_endings_nfc_and_spaces():
    article = load_text(f"Cafe\u0301   owners\r\nsaid  it  was    calm.\r\n\r\n{SECOND}\r\r{THIRD}\u2028\u2029")
    assert article.text == f"Caf\u00e9 owners said it was calm.\n\n{SECOND}\n\n{THIRD}"


def test_hard_wrapped_paragraphs_are_joined():
    raw = ("Three people died and 41 were injured when\nfloodwater swept through the harbour\n"
           "district on Tuesday.\n\n   \nRescue crews worked\nthrough the night.\n")
    assert load_text(raw).text == ("Three people died and 41 were injured when floodwater swept through "
                                   "the harbour district on Tuesday.\n\nRescue crews worked through the night.")


def test_without_blank_lines_each_line_is_a_paragraph():
    assert load_text(f"{LEAD}\n{SECOND}\n{THIRD}\n").text == f"{LEAD}\n\n{SECOND}\n\n{THIRD}"


def test_trailing_boilerplate_is_dropped():
    raw = "\n\n".join([LEAD, SECOND, THIRD, "Share this article", "Follow us on:", "Facebook", "X",
                       "Related Topics", "Valdoria", "Flooding", "More on this story",
                       "Read more: Ferry service suspended after harbour collision",
                       "Sign up for our morning newsletter", "Click here to subscribe",
                       "Copyright \u00a9 2026 Harbour Times Ltd", "\u00a9 2026 Harbour Times. All rights reserved."])
    assert load_text(raw).text == f"{LEAD}\n\n{SECOND}\n\n{THIRD}"


def test_standalone_furniture_anywhere():
    raw = "\n\n".join([LEAD, "Advertisement", "Image source, Harbour Times", SECOND,
                       "Image caption, Rescuers at the flooded quay on Tuesday", "Share", THIRD])
    assert load_text(raw).text == f"{LEAD}\n\n{SECOND}\n\n{THIRD}"


def test_sentences_about_sharing_are_content():
    kept = ["Share prices in Kestrel Port fell 4% after the floods.",
            "Residents were asked to share photos of the damage with the council.",
            "Related: the storm was the third this month.",
            "Read more carefully, the report blames the harbour board."]
    raw = "\n\n".join([LEAD, *kept, SECOND])
    assert load_text(raw).text == "\n\n".join([LEAD, *kept, SECOND])


def test_short_last_line_without_marker_is_kept():
    raw = f"{LEAD}\n\n{SECOND}\n\nAdditional reporting by Jan Novak"
    assert load_text(raw).text.endswith("Additional reporting by Jan Novak")


def test_headline_becomes_title():
    article = load_text(f"Floods kill three in Kestrel Port\n\n{LEAD}\n\n{SECOND}")
    assert article.title == "Floods kill three in Kestrel Port"
    assert article.text == f"Floods kill three in Kestrel Port\n\n{LEAD}\n\n{SECOND}"


@pytest.mark.parametrize("first", [
    "Floods kill three in Kestrel Port.",          # a sentence
    "What happens next?",                          # a question
    "The mayor said:",                             # a lead-in
    '"We will rebuild"',                           # a quote
    "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen",
])
def test_not_a_headline_stays_in_text(first):
    article = load_text(f"{first}\n\n{LEAD}")
    assert article.text.startswith(first)


def test_single_short_paragraph_is_not_removed():
    article = load_text("Floods kill three in Kestrel Port", require_prose=False)  # a headline alone: cleaning only
    assert article.title == article.text == "Floods kill three in Kestrel Port"


def test_dateline_stays_and_title_comes_from_lead():
    raw = f"KESTREL PORT, Valdoria (Wire) \u2014\n\n{LEAD}\n\n{SECOND}"
    article = load_text(raw)
    assert article.text.startswith("KESTREL PORT, Valdoria (Wire) \u2014\n\n")
    assert article.title == "Three people died and 41 were injured when floodwater swept through\u2026"


def test_inline_dateline_is_not_part_of_the_title():
    article = load_text(f"KESTREL PORT (Wire) - Ferry crews walked out on Monday. {SECOND}")
    assert article.title == "Ferry crews walked out on Monday"
    assert article.text.startswith("KESTREL PORT (Wire) - Ferry")


def test_derived_title_rules():
    assert clean_article("The harbour reopened. Ships returned.")[0] == "The harbour reopened"
    assert clean_article("Did the harbour reopen? Nobody knows.")[0] == "Did the harbour reopen?"
    assert clean_article("Mr. Osei and U.S. envoys met in Kestrel Port. Talks went on.")[0] == \
        "Mr. Osei and U.S. envoys met in Kestrel Port"
    title = clean_article(LEAD)[0]
    assert title.endswith("\u2026") and len(title) <= 71 and not title[:-1].endswith(" ")
    unbroken = "x" * 200
    assert clean_article(unbroken)[0] == "x" * 70 + "\u2026"


def test_given_title_is_cleaned_and_its_headline_stays_in_text():
    title, text = clean_article(f"Floods kill three\n\n{LEAD}", title="  Floods\tkill\x1b[1m three \n")
    assert title == "Floods kill three"
    assert text == f"Floods kill three\n\n{LEAD}"


def test_nothing_left_after_cleaning():
    with pytest.raises(IngestError) as info:
        load_text("\x1b[2J\x00\x07\n\nAdvertisement\n\nShare", source="noise.txt")
    assert str(info.value) == "noise.txt: no article text found"


@pytest.mark.parametrize("value, expected", [
    ("2026-03-14T23:30:00-05:00", "2026-03-14"), ("2026/3/4", "2026-03-04"), ("20260314", "2026-03-14"),
    ("Sat, 14 Mar 2026 10:00:00 +0000", "2026-03-14"), ("14 March 2026", "2026-03-14"),
    ("March 14, 2026", "2026-03-14"), ("2026-02-30", None), ("soon", None), ("", None), (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(["text", "markdown", "html"]))
def test_any_text_is_clean_or_refused(raw, kind):
    try:
        article = load_text(raw, kind=kind)
    except IngestError as err:
        assert "\n" not in str(err)
        return
    assert_clean(article.text)
    assert article.text
    assert "\n" not in article.title and not re.search(r"[\x00-\x1f\x7f-\x9f]", article.title)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_clean_or_refused(data):
    try:
        article = load("-", data)
    except IngestError as err:
        assert str(err).startswith("-: ") and "\n" not in str(err)
        return
    assert_clean(article.text)


def test_soft_hyphens_are_dropped_so_words_stay_whole():
    article = load_text("The gun\u00adman was identified as Silas Bren\u00adnick, 62.")
    assert article.text == "The gunman was identified as Silas Brennick, 62."
