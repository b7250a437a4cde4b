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


def test_a_question_put_by_someone_is_theirs_not_the_person_asked():
    text = ('Pell Ruiz was asked by host Ida Maren, who backs him, "Now, you said the harbour would close. '
            'Has that changed at all?"')
    assert speakers(text) == ["Ida Maren"]


def test_a_colon_after_a_name_introduces_the_next_quotation_not_the_last():
    text = ('"Last night you said the mayor founded the cartel," Hanna Wex said. "You meant he made room for it." '
            'Quill replied: "No, I meant what I said about him."')
    assert speakers(text) == ["Hanna Wex", "Hanna Wex", "Ada Quill"]


def test_a_participle_after_a_quote_does_not_name_its_speaker():
    text = ('Ivo Marsh remarked that there is still "more work to do on the docks," noting weak trade '
            'in the southern ports.')
    assert speakers(text) == ["Ivo Marsh"]


def test_a_sentence_after_a_closed_quote_is_new_when_the_quote_had_a_verb_or_the_next_one_goes_on():
    text = ('Quill responds to Mills with, "Why now? That was on my way to Tarn?" Mills then writes back, '
            '"You look fine in it."\n\n'
            '"It is a sad day," Ivo Marsh told reporters. "This is what that campaign has become." '
            'Bo Lindqvist said he would have fired the aide at once.')
    assert speakers(text) == ["Ada Quill", "Mills", "Ivo Marsh", "Ivo Marsh"]


def test_the_doer_of_a_participle_after_the_main_verb_is_the_speaker():
    text = ('The advert ends with footage of Ivo Marsh saying during the debate, "That makes me clever," '
            'while the crowd jeers.')
    assert speakers(text) == ["Ivo Marsh"]


def test_an_apposition_naming_a_firm_called_something_keeps_the_person():
    text = ('But Tom Mellor, at a consulting firm called Gavel Partners, argues that as trade deepens, '
            '"its influence will inevitably grow," too.')
    assert speakers(text) == ["Tom Mellor"]


def test_the_subject_after_one_or_more_lead_ins_says_the_participle():
    text = ('In June, after Quill suffered a fall, Joss Axton emailed her, telling her, '
            '"you are a star player and we need you!"\n\n'
            'At the debate, Lindqvist compared himself to Quill, saying, "I take no fees from any bank at all."')
    assert speakers(text) == ["Joss Axton", "Lindqvist"]


def test_a_titled_surname_opening_a_report_of_an_act_is_the_source_of_its_quotation():
    text = ('In Tarn, President Oduya released a statement on Thursday condemning "what appears to be a '
            'cruel attack on the port." He said he had told his team to help.')
    assert speakers(text) == ["Oduya"]


def test_a_signature_inside_the_quote_or_on_the_next_line_names_the_speaker():
    text = ('"I worry that we may see leaders singing the virtues of thrift again. Dean Barker, Centre for '
            'Harbour Research."\n\n'
            '"Boats and cranes and other firms . . . pay no taxes at all."\n\n'
            '- Lindqvist.')
    assert speakers(text) == ["Dean Barker", "Lindqvist"]


def test_an_attribution_closing_the_sentence_after_a_later_quote_covers_the_earlier_one():
    text = ('Given Quill\'s success, her backing will carry "a great deal of weight" and bring candidates the '
            '"grass-roots energy" they need to win, union spokesman Neil Sorrel said.')
    assert speakers(text) == ["Neil Sorrel"]


def test_someone_known_by_a_first_name_only_is_that_name():
    assert speakers('"There never was an order to stand down," said the base chief known as Bob.') == ["Bob"]


def test_a_quote_in_a_second_clause_belongs_to_that_clause_s_subject():
    text = ('Gov. Bobby Jindle on Monday signed an order to stop the ferries, while Mike Huckster, the former '
            'governor, proposed we "wake up and smell the coffee beans" and said the speaker should resign.')
    assert speakers(text) == ["Mike Huckster"]


def test_a_programme_named_this_morning_stays_in_the_attribution():
    text = ('"But that was the first time in a long while, senator," TBC This Morning co-anchor Demi Morrow said. '
            '"She does not do it that often."')
    assert speakers(text) == ["Demi Morrow", "Demi Morrow"]


def test_a_role_and_a_name_before_a_colon_introduce_the_quotation():
    text = ("The timing of Quill's surge does not surprise Republican pollster Daron Shawe: \u201cLesser-known "
            "candidates who beat favourites early have seen the biggest boost.\u201d\n\n"
            'In other words, explained the moderator Nancy Corder: "What does that have to do with big donations?"')
    assert speakers(text) == ["Daron Shawe", "Nancy Corder"]


def test_an_aide_named_after_his_employer_goes_on_speaking_in_the_next_paragraph():
    text = ('\u201cThis must be the first time a candidate has asked a foreign power to spy on a rival,\u201d said '
            'Quill\u2019s top foreign policy aide Jake Sulliver.\n\n'
            '\u201cThis has gone from a matter of curiosity to a matter of national security.\u201d')
    assert speakers(text) == ["Jake Sulliver", "Jake Sulliver"]


def test_he_is_a_speaker_just_named_by_one_name_not_an_older_full_name():
    text = ('Ambassador Ivo Stenner was at the compound that night, and the attackers came at ten.\n\n'
            'Bob said he began calling local groups for help. "We did try to convey how serious it was," he said.')
    assert speakers(text) == ["Bob"]


def test_a_colon_lead_in_belongs_to_its_sentence_s_subject_not_the_person_it_mentions_last():
    text = ('A Plus reporter Isaac Saule tweeted back at Quill, pointing out how odd the claim was coming from a '
            'candidate who promised mass removals: \u201cUh.. your plan is to spend billions moving people out.\u201d')
    assert speakers(text) == ["Isaac Saule"]
