"""The lead-based summary."""

import re

from extract_helpers import brief

ARTICLE = """Storm cuts power to Harwick

Storm Ilse cut power to 40,000 homes across Harwick on Monday, the grid operator said.
The storm brought winds of up to 90mph and closed the main coastal road for most of the day.
"It was like nothing I have seen," said resident Jo Marsh.
Two people were injured by falling trees, police said.
The operator blamed a failed substation for the longest outage and said repairs would take days.
Schools will reopen on Wednesday.
Follow us on:"""


def test_lead_first_at_most_three_sentences_and_ninety_words():
    b = brief(ARTICLE)
    assert 1 <= len(b.summary) <= 3
    assert b.summary[0].text.startswith("Storm Ilse cut power")
    assert len(re.findall(r"\w+", " ".join(s.text for s in b.summary))) <= 90


def test_never_a_bare_quote_a_headline_or_boilerplate():
    text = " ".join(s.text for s in brief(ARTICLE).summary)
    assert "nothing I have seen" not in text
    assert "Follow us" not in text and not text.startswith("Storm cuts power to Harwick")


def test_summary_spans_are_the_sentences():
    b = brief(ARTICLE)
    for s in b.summary:
        assert ARTICLE[s.span[0]:s.span[1]].strip() == s.text


def test_only_sentences_near_the_lead_are_read():
    from briefings.extract.document import analyse
    from briefings.extract.summary import REACH, _candidates

    text = " ".join(f'Harbour crews repaired berth number {i} overnight, and the foreman called it "steady work".'
                    for i in range(400))
    doc = analyse(text)
    read = list(_candidates(text, doc.sentences, doc.quotes))
    assert len(doc.sentences) == 400 and doc.quotes
    assert read and read[-1][0] - read[0][0] < REACH  # a long article is not read to its end


def test_quoted_share_of_a_sentence_is_counted_from_the_nearby_quotes_only():
    from briefings.extract.summary import _quoted
    from briefings.extract.text import Region

    regions = [Region(a, a + 5, ((a, a + 5),)) for a in range(0, 1000, 10)]
    starts = [r.start for r in regions]
    for s, e in ((0, 3), (3, 27), (95, 96), (500, 1000), (7, 9)):
        brute = sum(min(r.end, e) - max(r.start, s) for r in regions if r.start < e and r.end > s)
        assert _quoted(regions, starts, s, e) == brute
