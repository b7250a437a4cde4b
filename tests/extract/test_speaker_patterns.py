"""Speaker attribution in shapes that used to yield a fragment or a place (fictional text)."""

from extract_helpers import brief


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in brief(text).quotes]


def test_dotted_initials_do_not_end_the_sentence_or_the_name():
    text = ('The vote went on. "This is a shameful day for the chamber," said Rep. T.J. Wexford (D-Ore.), '
            'head of the caucus. "It is a fraud on the voters," he said.')
    assert speakers(text) == [("This is a shameful day for the chamber,", "T.J. Wexford"),
                              ("It is a fraud on the voters,", "T.J. Wexford")]


def test_initials_before_a_new_sentence_still_end_it():
    b = brief('Talks stalled in Washington, D.C. The senator said "it is over for now" and left.')
    assert [q.speaker for q in b.quotes] == ["The senator"]


def test_a_weekday_between_subject_and_verb_is_not_the_speaker():
    text = ('Candidate Sen. Ida Moor (D-Vt.) on Saturday criticized the accord, saying it goes "nowhere near far enough."\n\n'
            'An email sent out by Moor on Tuesday night warned of the fight ahead: "There are nine contests '
            'in the next month and we must win them."\n\n'
            'Governor Tomas Berend on Friday declared the mill a site meant "to honour the miners of the valley."')
    assert [s for _, s in speakers(text)] == ["Ida Moor", "Ida Moor", "Tomas Berend"]


def test_a_home_state_after_the_name_is_not_the_speaker():
    text = ('"Both of them worry me," Hal Brenner, 41, of Corvel, N.C., who was among those asked, said in an '
            'interview. "We need leaders who will unite the town for good."')
    assert speakers(text)[-1] == ("We need leaders who will unite the town for good.", "Hal Brenner")
    b = brief('Hal Brenner of Corvel, Ohio, said the plan was "a good start for the town".')
    assert [q.speaker for q in b.quotes] == ["Hal Brenner"]


def test_of_a_place_that_is_no_state_keeps_the_name_after_it():
    b = brief('On the subject of trade, Berend added, "Nobody will be tougher on the cartel than this town."')
    assert [q.speaker for q in b.quotes] == ["Berend"]


def test_a_writer_for_an_outlet_is_the_speaker_not_the_outlet():
    text = ('"The effect of the debate is still slight," wrote Ada Roth for Pollwise Daily. '
            '"Only a few voters changed their minds about it."')
    assert [s for _, s in speakers(text)] == ["Ada Roth", "Ada Roth"]


def test_a_possessed_statement_is_spoken_by_its_owner():
    text = ('Her filing raised old claims. However, Ida Moor\'s brief said that was not her view and called them '
            '"stale and misread allegations."')
    assert [q.speaker for q in brief(text).quotes] == ["Ida Moor"]


def test_an_abbreviated_delegate_title_is_a_role_not_part_of_the_name():
    (q,) = brief('"This is a waste of our time," said Del. Mara Quell, the ranking member.').quotes
    assert (q.speaker, q.role) == ("Mara Quell", "Del.")
    (q,) = brief('"This is a waste of our time," said Del Harris, the ranking member.').quotes
    assert q.speaker == "Del Harris"
