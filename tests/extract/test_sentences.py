"""Sentences and quotation regions, with offsets."""

from briefings.extract.text import quote_regions, sentences


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Mr. Osei met Gen. Amara Bello in the U.S. capital on Monday. J. R. Hale was not there."
    assert split(text) == ["Mr. Osei met Gen. Amara Bello in the U.S. capital on Monday.", "J. R. Hale was not there."]


def test_full_stops_inside_a_quote_do_not_split_it():
    text = '"Stop. Wait. Listen," she said. Then she left.'
    assert split(text) == ['"Stop. Wait. Listen," she said.', "Then she left."]


def test_question_mark_inside_quote_followed_by_lowercase_attribution():
    assert split('"Why now?" he asked. Nobody answered.') == ['"Why now?" he asked.', "Nobody answered."]


def test_paragraph_breaks_end_sentences_and_offsets_are_exact():
    text = "A headline without a stop\n\nThe first sentence. The second one."
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == ["A headline without a stop", "The first sentence.", "The second one."]


def test_british_single_quotes_survive_apostrophes():
    text = "\u2018We are ready,\u2019 said Ms Lane, the group\u2019s leader. The passengers\u2019 families waited."
    regions = quote_regions(text)
    assert [text[r.start:r.end] for r in regions] == ["We are ready,"]


def test_elisions_are_not_quote_marks():
    text = "He said: 'They sang rock 'n' roll songs from the '90s all night.' Then he left."
    regions = quote_regions(text)
    assert [text[r.start:r.end] for r in regions] == ["They sang rock 'n' roll songs from the '90s all night."]


def test_quote_running_over_paragraphs_is_one_region():
    text = ('She told the court: "The first thing I saw was smoke.\n\n'
            '"Then the whole wall came down.\n\n"I will never forget it."\n\nThe hearing continues.')
    regions = quote_regions(text)
    assert len(regions) == 1
    assert len(regions[0].parts) == 3
    assert text[regions[0].parts[-1][0]:regions[0].parts[-1][1]] == "I will never forget it."
