"""Attribution that used to name the wrong person: the article's main figure, the subject of the
sentence before, a name inside an apposition (fictional text)."""

from extract_helpers import brief

LEAD = "Senator Ada Quill spoke for an hour about the harbour and the ferries on Monday.\n\n"


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in brief(LEAD + text).quotes]


def test_a_second_clause_after_a_quote_has_a_speaker_of_its_own():
    text = ('Ivo Marsh accuses the mayor of "leading from behind on the port" and Bo Lindqvist says '
            'he is "losing the fight for the harbour."')
    assert speakers(text) == ["Ivo Marsh", "Bo Lindqvist"]
    text = ('In an interview, Durbank said on Thursday he "handed a letter to the harbour board asking for an '
            'inquiry," and he said he hoped the board would act.')
    assert speakers(text) == ["Durbank"]


def test_a_party_tag_in_brackets_is_not_the_end_of_the_subject():
    text = 'Attorney General Lisa Marden (D) asserted that "trust in the harbour police is broken for good."'
    assert speakers(text) == ["Lisa Marden"]


def test_a_participle_goes_on_from_the_subject_of_its_clause():
    text = ("In early October, Quill's state director, Mika Rubens, reached out to the vendor, writing in an "
            "email: \u201cWe want to use this list very soon.\u201d\n\n"
            "But Sen. Pat Toomer (R-Pa.) refused to campaign alongside Quill, responding that he is "
            "\u201cnot going to go into what my campaign is doing.\u201d")
    assert speakers(text) == ["Mika Rubens", "Pat Toomer"]


def test_a_reply_verb_after_the_quote_names_who_replied():
    text = ('"The island will always be the island," an angry Hollander retaliated. "It never gives up."\n\n'
            '"Quill said in her speech that ferries are our heroes. Which ferries?" reacted Bo Lindqvist.')
    assert speakers(text) == ["Hollander", "Hollander", "Bo Lindqvist"]


def test_a_name_before_a_long_apposition_is_the_speaker():
    text = ('"Quill needs a plan for the coastal voters," Nate Orlo, the pollster who founded tallyhouse.com '
            'tweeted on Wednesday. "They are drifting away from her now."\n\n'
            'The new plans "will not solve this, but are steps in the right direction," Anne Brask, assistant '
            'secretary for ports, ferries, and canals, said on the same call.')
    assert speakers(text) == ["Nate Orlo", "Nate Orlo", "Anne Brask"]


def test_a_name_opening_a_sentence_with_an_unclosed_apposition_is_who_said_it():
    text = ('Sam Leto, the communications director for the Harbour Ferry Party said in a statement. '
            '\u201cThere are no paper ballots to recount. The caucus was a unique event.\u201d\n\n'
            'Tamsin Reyes, president and chief executive of the Bakers Association stated, '
            '\u201cIt is not a political problem; it is a math problem.\u201d')
    assert speakers(text) == ["Sam Leto", "Tamsin Reyes"]
