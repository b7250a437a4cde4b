"""A speaker is a clean name or a clean description, never a fragment of the sentence around it (issue 9).

Each test is one pattern that real news produced ("Trump jokingly", "July", "Neither Donald J. Trump",
"the base chief known", "Illinois Board"), written as fictional text.
"""

import pytest
from extract_helpers import brief

from briefings.extract.speakers import clean_role, clean_speaker


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in brief(text).quotes]


def test_an_adverb_or_reflexive_after_the_name_is_not_part_of_it():
    assert speakers('Mayor Ilse Varga was in good spirits at the harbour. Varga jokingly said, '
                    '"I have been called worse things by my own cat."') == ["Ilse Varga"]
    assert speakers('Ivo Rask, 49, took the stage at noon. Rask himself said on Tuesday that '
                    '"the only way to win the valley is to knock on every door."') == ["Ivo Rask"]


def test_a_pronoun_and_an_adverb_resolve_to_the_person():
    assert speakers('Mayor Ilse Varga, 52, spoke at the pier for an hour. She regularly tells the crowds that '
                    '"the harbour belongs to the people who work it."') == ["Ilse Varga"]


def test_a_verb_glued_to_a_source_is_cut_off():
    assert speakers('The Harwick Gazette reports: "The council has approved the new ferry timetable for the '
                    'winter months."') == ["The Harwick Gazette"]


def test_a_whole_clause_is_not_a_speaker():
    assert speakers('Senator Tomas Berend wants the vote moved. He sent out a letter on Monday saying '
                    '"the council has run out of excuses."') == ["Tomas Berend"]
    text = ('The campaign wrote to donors. The Brandt campaign sent a fundraising email Wednesday saying the race '
            'is close. "Friend, I can win this seat," the email read.')
    assert speakers(text) == ["The Brandt campaign"]


def test_a_word_opening_the_sentence_is_not_the_first_name():
    assert speakers('Tomas Berend rejected the offer last spring. Now Berend says "the offer was never serious '
                    'and the town knows it."') == ["Tomas Berend"]
    assert speakers('Top Varga aide Pim Oort spoke first. Varga said, "I do not know anything about the ferry '
                    'contract."') == ["Varga"]


def test_the_person_compared_with_is_not_the_subject():
    assert speakers('Like Berend, Ivo Rask also rejected the plan, arguing that there is "no money left in the '
                    'harbour fund for it."') == ["Ivo Rask"]
    text = ('Ivo Rask, 49, has not found work since the mill closed. Unlike Tomas Berend, he has no savings.\n\n'
            '"When you have children to feed, the rest comes later," he said.')
    assert speakers(text) == ["Ivo Rask"]


def test_a_dateline_is_not_a_speaker():
    assert speakers('HARWICK, July 25 (UPI) \u2014 The harbour board released a statement on Monday, offering '
                    '"a full and sincere apology to the families."') == ["The harbour board"]


def test_a_time_between_subject_and_verb_is_not_the_speaker():
    text = ('Rep. Ola Brandt (D-Vt.) last month joked to the harbour master that the tide was late. "The sea keeps '
            'its own calendar and never asks us," she said.')
    assert speakers(text) == ["Ola Brandt"]
    text = ('Hal Oduya on Monday praised the crews. "Nobody works harder than the people on the night boats," '
            'Oduya said. Oduya, who has in the past described the board as "a club of people who never sail," '
            'was cheered.')
    assert speakers(text) == ["Hal Oduya", "Hal Oduya"]


def test_a_contracted_pronoun_is_the_pronoun():
    text = ('Ola Brandt spoke for the council. "We will not close the ferry," Brandt said. Later, they\u2019ve '
            'suggested that "the timetable can change in spring."')
    assert speakers(text) == ["Ola Brandt", "Ola Brandt"]


def test_the_full_name_of_a_body_is_the_speaker():
    text = ('The ruling came late.\n\nThe Harwick Board of Ferries was conclusive in its findings: "Further '
            'discussion on this matter is unnecessary."')
    assert speakers(text) == ["The Harwick Board of Ferries"]


def test_known_as_gives_the_name_and_the_role():
    (q,) = brief('"There never was an order to stop," said the station chief known as Bob, speaking for the '
                 'first time.').quotes
    assert (q.speaker, q.role) == ("Bob", "station chief")


def test_a_participle_after_a_quote_introduces_more_words_not_a_speaker():
    assert speakers('Ola Brandt gave a defence of "Harwick values," saying the town embodied the "courage and '
                    'heart of the coast."') == ["Ola Brandt"]


def test_a_clause_word_before_the_verb_ends_the_name():
    text = ('"Anyone who skips the safety drill puts every passenger at risk," said Harwick resident Dara Quist '
            'when asked about the ferry.')
    assert speakers(text) == ["Dara Quist"]


@pytest.mark.parametrize("fragment", ["VOTERS CARE MORE", "CONGRESS", "WASHINGTON Dec 8 UPI", "July", "last month",
                                      "the past", "a few days", "The most", "a million", "wouldn\u2019t", "n",
                                      "the scheduling", "CBS that the laws", "NOW OPEN"])
def test_fragments_are_never_a_speaker(fragment):
    assert clean_speaker(fragment) is None


@pytest.mark.parametrize("speaker", ["NAACP", "May", "Ai Jun", "the ruling", "the retired neurosurgeon",
                                     "A newly formed super PAC", "the family", "the first lady", "the accused"])
def test_clean_names_and_descriptions_stay(speaker):
    assert clean_speaker(speaker) == speaker


@pytest.mark.parametrize(("raw", "clean"), [("Right Wing Watch first", "Right Wing Watch"),
                                            ("The Florida senator sought", "The Florida senator"),
                                            ("a Harwick poll conducted", "a Harwick poll"),
                                            ("Mr. Oduya showed no sign of backing down", "Mr. Oduya"),
                                            ("the order released Friday", "the order")])
def test_a_tail_is_trimmed_to_the_subject(raw, clean):
    assert clean_speaker(raw) == clean


def test_an_abbreviated_rank_before_where_the_person_serves_reads_as_a_word():
    (q,) = brief('"There was nothing to see," Sgt. Mira Dobrev of the patrol\'s Fenwick post said at the scene.').quotes
    assert (q.speaker, q.role) == ("Mira Dobrev", "sergeant of the patrol's Fenwick post")


@pytest.mark.parametrize(("raw", "role"), [("and his father", None), ("and improve education", None),
                                           ("But", None), ("Former", None), ("Former Rep.", "former representative"),
                                           ("to be president", None),
                                           ("has been critical of the mayor", None),
                                           ("in a statement released by the campaign on Thursday", None),
                                           ("and harbour historian", "harbour historian"),
                                           ("is the director of the Harwick Ferry Trust",
                                            "director of the Harwick Ferry Trust"),
                                           ("Sgt.", "sergeant"), ("Sen.", "senator"), ("at the Harwick Institute", "at the Harwick Institute")])
def test_a_role_is_a_description_not_a_clause_cut_loose(raw, role):
    assert clean_role(raw) == role


def test_an_aside_a_conjunction_or_an_affiliation_is_not_part_of_the_name():
    assert speakers('"It is the wrong plan," said Mr. Oduya (a view shared by every skipper I met).') == ["Oduya"]
    assert speakers('"This meeting has nothing to do with the ferry," said harbour manager Bruno Hale before '
                    'turning to the next question.') == ["Bruno Hale"]
    (q,) = brief('"The ad buy is huge," said Phil Mosser of digital consulting firm Arkwell.').quotes
    assert (q.speaker, q.role) == ("Phil Mosser", "of digital consulting firm Arkwell")
    assert speakers('"Our crews built this port," said Jo Mullan with Harbour Workers United.') == ["Jo Mullan"]


def test_a_thing_given_a_name_is_a_label_not_a_quote():
    text = ('A troupe of Harwick comedians is performing a popular play called "Sons of the Mayor" at the pier '
            'theatre. Mayor Ilse Varga said she had "no plans to see it this season or the next."')
    assert [(q.text, q.speaker) for q in brief(text).quotes] == [
        ("no plans to see it this season or the next.", "Ilse Varga")]


def test_a_pronoun_that_calls_something_is_still_the_speaker():
    text = ('Mayor Ilse Varga said on Wednesday that she called Tomas Berend to congratulate him on what she called '
            '"a remarkable and hard-fought campaign."')
    assert speakers(text) == ["Ilse Varga"]


def test_a_colon_after_a_phrase_that_is_no_source_gives_no_speaker():
    text = ('The council has never said how many ferries run at night.\n\n'
            'The challenge of transparency is shown by this line: "12 ferries ran at night in March while the '
            'council reported only four."')
    assert speakers(text) == []
    text = ('Mayor Ilse Varga, 52, spoke after the vote. The mayor repeated: "I have never hidden a single '
            'timetable from this town."')
    assert speakers(text) == ["Ilse Varga"]


@pytest.mark.parametrize("fragment", ["Wait", "N H", "response about her email use", "digging up personal dirt",
                                      "star", "(with", "II"])
def test_talk_initials_and_things_are_never_a_speaker(fragment):
    assert clean_speaker(fragment) is None


@pytest.mark.parametrize("speaker", ["police", "officials", "senior counsel", "one source", "former secretary of state",
                                     "critics", "one Clinton aide"])
def test_descriptions_of_people_without_a_determiner_stay(speaker):
    assert clean_speaker(speaker) == speaker


def test_a_party_member_described_is_not_a_person_named_after_the_party():
    text = ('"We will spend whatever it takes in the valley," said one Republican involved in the effort.')
    assert speakers(text) == ["one Republican"]


@pytest.mark.parametrize("fragment", ["Berend's victory", "Harwickers' hostility", "Varga\u2019s early-morning",
                                      "MORE", "TEXT"])
def test_what_someone_owns_or_page_furniture_is_never_a_speaker(fragment):
    assert clean_speaker(fragment) is None


@pytest.mark.parametrize("speaker", ["Berend's office", "Varga's lawyer", "Grace's parents",
                                     "another source familiar with Varga\u2019s thinking", "The Gazette's Ada Roth"])
def test_what_speaks_for_its_owner_stays(speaker):
    assert clean_speaker(speaker) == speaker


def test_a_law_is_no_person():
    text = ('A spokeswoman for the Harwick Ferry Committee emailed reporters the text of the Coastal Safety Act, '
            'arguing, "As you can see, the law says nothing of the kind about night crossings."')
    assert speakers(text) == ["A spokeswoman for the Harwick Ferry Committee"]


def test_a_state_abbreviation_in_a_lead_in_is_no_one_and_the_subject_follows():
    text = ('At a rally in Corvel, N.H., on Tuesday, Senator Ivo Rask of Vermont endorsed Mayor Ilse Varga, saying '
            'that she would "make an outstanding governor for the state."')
    (q,) = brief(text).quotes
    assert (q.speaker, q.role) == ("Ivo Rask", "Senator")
