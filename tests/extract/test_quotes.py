"""Quotes and their speakers, in the shapes news uses."""

from extract_helpers import brief


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in brief(text).quotes]


def test_attribution_after_before_and_according_to():
    text = ('Interior Minister Kwame Osei visited the port on Monday.\n'
            '"We will rebuild this harbour," Mr Osei said.\n'
            'The harbour master, Ruth Amadi, said: "Nobody expected the wave to be so high."\n'
            '"Three cranes are gone," said Ms Amadi.\n'
            '"Repairs will take months," according to a port engineer.')
    assert speakers(text) == [
        ("We will rebuild this harbour,", "Kwame Osei"),
        ("Nobody expected the wave to be so high.", "Ruth Amadi"),
        ("Three cranes are gone,", "Ruth Amadi"),
        ("Repairs will take months,", "a port engineer"),
    ]


def test_title_is_kept_as_role_and_short_forms_resolve():
    b = brief('Health Secretary Dalia Perez spoke in Harwick.\n"The wards are full," Ms Perez told reporters.')
    (q,) = b.quotes
    assert (q.speaker, q.role) == ("Dalia Perez", "Health Secretary")


def test_split_quote_gives_two_entries_with_one_speaker():
    text = 'Fire chief Lena Moss arrived at noon. "We will rebuild," she said, "and we will do it fast."'
    assert speakers(text) == [("We will rebuild,", "Lena Moss"), ("and we will do it fast.", "Lena Moss")]


def test_speaker_introduced_in_the_previous_sentence():
    text = 'Dr Amara Njoku gave evidence on Tuesday. "The injuries were not survivable."'
    assert speakers(text) == [("The injuries were not survivable.", "Amara Njoku")]


def test_multi_paragraph_quote_keeps_its_speaker_in_every_paragraph():
    # One quotation over three paragraphs: one speaker, listed paragraph by paragraph as annotated news sets do.
    text = ('Coroner Helen Marsh told the court: "The platform was overloaded.\n\n'
            '"Nobody had the authority to close it.\n\n"That must change."')
    assert speakers(text) == [("The platform was overloaded.", "Helen Marsh"),
                              ("Nobody had the authority to close it.", "Helen Marsh"),
                              ("That must change.", "Helen Marsh")]


def test_unnamed_sources_keep_their_description_and_the_definite_form_resolves():
    text = ('A senior police officer, who asked not to be named, said the search would continue.\n'
            '"We have not given up," the officer said.')
    assert speakers(text) == [("We have not given up,", "A senior police officer")]


def test_scare_quotes_and_titles_are_not_quotes():
    text = ('Officials opened the so-called "safe corridor" on Friday. Her memoir, "Rooms Without Windows", '
            'sold well. The plan, dubbed "Operation Tidewater", began at dawn.')
    assert brief(text).quotes == []


def test_partial_quote_inside_a_sentence():
    text = "Mayor Gil Hathaway said the city would \u201cnot rest until we know what happened\u201d."
    assert speakers(text) == [("not rest until we know what happened", "Gil Hathaway")]


def test_british_single_quotes_with_apostrophes():
    text = ("Coastguard chief Aled Morven said the crew\u2019s search would go on.\n"
            "\u2018We won\u2019t stop until everyone\u2019s found,\u2019 he said.")
    assert speakers(text) == [("We won\u2019t stop until everyone\u2019s found,", "Aled Morven")]


def test_quote_ids_are_stable_and_unique():
    text = '"We will be back," said Ana Ruiz. "We will be back," said Tom Brandt.'
    first, second = brief(text), brief(text)
    assert [q.id for q in first.quotes] == [q.id for q in second.quotes]
    assert len({q.id for q in first.quotes}) == 2


def test_she_said_skips_a_man_named_in_between():
    text = ('Coach Ilse Varga watched the final from the bench.\n'
            'Her assistant, Mr Petar Lund, 44, had planned the drills.\n'
            '"We trained for this wind," she said.')
    assert speakers(text) == [("We trained for this wind,", "Ilse Varga")]


def test_a_full_name_confirmed_only_later_by_a_surname_is_the_speaker():
    text = ('Marta Quill grew up in Fenmouth and took up rowing at 15.\n'
            'Quill, who trains before dawn, won the regional title.\n'
            '"I never expected the cold to be the hard part," Quill said.')
    assert speakers(text) == [("I never expected the cold to be the hard part,", "Marta Quill")]


def test_home_town_party_tag_and_middle_initial_are_not_the_speaker():
    text = ('"The bridge has to be rebuilt first," said Sen. Oren Vale of Marwick.\n'
            '"We will not vote for it," said Rep. Dana Pell (D-Ore.).\n'
            '"The levy is fair," said Ruth K. Amsel, director of the Fenwick Institute.\n'
            '"Nobody asked us," said Tilde Marr of Cold Harbor.')
    assert [s for _, s in speakers(text)] == ["Oren Vale", "Dana Pell", "Ruth K. Amsel", "Tilde Marr"]


def test_second_quote_of_a_paragraph_stays_with_its_speaker_despite_names_in_between():
    text = ('"He will steady the team," said Ines Brandt, a longtime friend of coach Piet Olander. '
            '"They are close in age and he trusts him."')
    assert [s for _, s in speakers(text)] == ["Ines Brandt", "Ines Brandt"]


def test_archive_style_doubled_apostrophes_are_quote_marks():
    text = ("''The tide came in faster than the charts said,'' said Wren Holloway, the harbour pilot. "
            "''Part of my job is to say: 'Turn back,''' she added. It's the pilots' rule.")
    assert speakers(text) == [("The tide came in faster than the charts said,", "Wren Holloway"),
                              ("Part of my job is to say: 'Turn back,'", "Wren Holloway")]


def test_speakers_are_never_fragments():
    text = ('A statement sent to the Courier by Odile Ferrand, who chairs the station, said "the station will obey '
            'the ruling." '
            'When asked about the fine, she replied that it would "be paid in full by Friday."\n'
            'Mayor Tobin Aske has repeatedly said the ferry "will run all winter, whatever the cost."\n'
            'Sen. Greta Olm, D-Mont., a member of the budget panel, said the plan had "a fair chance of passing."\n'
            'Lakeside Post Editor-in-Chief Mira Sandoval said the paper would "keep every bureau open."')
    got = speakers(text)
    assert [s for _, s in got] == ["Odile Ferrand", "Odile Ferrand", "Tobin Aske", "Greta Olm", "Mira Sandoval"]
    assert brief(text).quotes[-1].role == "Lakeside Post Editor-in-Chief"


def test_a_pronoun_after_a_noun_is_the_subject():
    text = ('Poet Lira Moss read at the vigil on Sunday. In a poem she wrote for the town, '
            '"the river keeps our names."')
    assert [s for _, s in speakers(text)] == ["Lira Moss"]


def test_the_agency_and_the_statement_speak_for_the_organisation_named_before():
    text = ('The Corran Dairy Council said in a statement that skimmed milk "is still a good source of calcium." '
            'The statement also said that dropping it could have "serious effects on children."\n'
            'The Harlow Transit Authority closed two lines on Monday. '
            '"We will reopen both lines once the tunnels are dry," the agency said.')
    assert [s for _, s in speakers(text)] == ["The Corran Dairy Council", "The Corran Dairy Council",
                                              "Harlow Transit Authority"]


def test_participle_attribution_takes_the_subject_of_the_clause_not_a_quotation():
    text = ('Rep. Nadia Orme, the new chair of the ferry committee, spoke on Monday. '
            '"Our aim is to keep every crossing open," she said, adding that travellers had "a right to a timetable."\n'
            'A person close to the Orme family said the chair had "no plans to step aside."')
    assert [s for _, s in speakers(text)] == ["Nadia Orme", "Nadia Orme", "A person close to the Orme family"]


def test_participle_after_an_opening_phrase_takes_the_first_person_named():
    text = ('Continuing her tour of the harbour, Councillor Maren Quist rejected the new levy on Friday, '
            'saying it would "drive every small boat out of Selsey Cove."')
    assert [s for _, s in speakers(text)] == ["Maren Quist"]


def test_one_or_two_quoted_words_are_a_phrase_not_a_quote():
    text = ('Councillor Priya Anand called the ferry contract "a mistake" on Thursday. She said the tender was '
            '"rushed through without scrutiny" and the costs "frankly alarming."')
    assert speakers(text) == [("rushed through without scrutiny", "Priya Anand")]


def test_a_short_reply_still_names_the_speaker_of_what_follows():
    text = ('Harbour pilots met on Friday.\n'
            '"No," said Ines Marlow, who chairs their association. "We will not sign this agreement."')
    assert speakers(text) == [("We will not sign this agreement.", "Ines Marlow")]


def test_a_quotation_inside_a_report_of_what_someone_did_is_the_subjects():
    text = ('Senator Mara Quill blamed the closure on "years of careless budgeting by the council."\n'
            'Dr Ilse Varga toured the ward on Monday. She promised "a full review of every night shift."\n'
            'The award went to Tomas Reyes, who called the prize "a tribute to the whole crew."')
    assert speakers(text) == [
        ("years of careless budgeting by the council.", "Mara Quill"),
        ("a full review of every night shift.", "Ilse Varga"),
        ("a tribute to the whole crew.", "Tomas Reyes"),
    ]


def test_a_person_named_after_the_verb_is_not_the_source_of_the_quotation():
    text = ('Ana Lind retired in May.\n'
            'The committee thanked Ana Lind for "twenty years of patient work on the harbour."\n'
            'Critics accused Ana Lind of "wasting the harbour fund on vanity projects."')
    assert "Ana Lind" not in [s for _, s in speakers(text)]  # the committee and the critics speak, not she


def test_a_label_introduced_as_such_is_not_a_quote():
    text = ('Mayor Tobiah Crane spoke on Friday. The so-called "harbour tax on visitors" was dropped, and a '
            'festival known as "Lights on the Water Week" will go ahead.')
    assert speakers(text) == []


def test_a_colon_lead_in_without_a_speech_verb_names_the_speaker():
    text = ('Olwen Price, a harbour trustee, set out her objections on Monday. Said Price:\n'
            '"The dredging budget has doubled and nobody can tell us why."\n'
            'The Marlow Port Authority was blunt in its findings: "The north quay is unsafe for loaded vessels."\n'
            'Pilots agree - Ravi Sandhu: "We have been warning about that quay for three winters."')
    assert speakers(text) == [
        ("The dredging budget has doubled and nobody can tell us why.", "Olwen Price"),
        ("The north quay is unsafe for loaded vessels.", "The Marlow Port Authority"),
        ("We have been warning about that quay for three winters.", "Ravi Sandhu"),
    ]


def test_a_quotation_signed_with_a_dash_and_a_name():
    text = ('Readers wrote in about the ferry timetable.\n'
            '\u201cThe early boat is the only one that gets me to work on time.\u201d \u2015 Marta Oyelaran '
            '\u201cCutting it would cost me my job.\u201d \u2015 Denis Vukovic')
    assert speakers(text) == [
        ("The early boat is the only one that gets me to work on time.", "Marta Oyelaran"),
        ("Cutting it would cost me my job.", "Denis Vukovic"),
    ]


def test_a_name_given_in_the_passive_has_no_speaker():
    text = 'Night staff were often called "the harbour owls of the port" by the crews.'
    assert speakers(text) == []


def test_a_document_or_body_can_be_the_source_of_a_quotation():
    text = ('Families of the ferry passengers sued the operator in May. The lawsuit contends that the crew '
            '"ignored three storm warnings before casting off."\n'
            'In March, Pollwise found that "most commuters would pay more for a later ferry."')
    assert speakers(text) == [
        ("ignored three storm warnings before casting off.", "The lawsuit"),
        ("most commuters would pay more for a later ferry.", "Pollwise"),
    ]


def test_inverted_and_as_they_put_it_attributions():
    text = ('The inspector reported on Friday. Said Inspector Maren Holt, "The pier should have been closed a year ago."\n'
            'As the harbourmaster Iker Sarria puts it, the town is "living on borrowed timber."')
    assert speakers(text) == [
        ("The pier should have been closed a year ago.", "Maren Holt"),
        ("living on borrowed timber.", "Iker Sarria"),
    ]


def test_an_opening_mark_typed_where_the_closing_one_belongs_still_closes_the_quote():
    text = ('Harbour fees rose again in June.\n'
            '\u201cIt is unusual to raise them twice,\u201c said Ann Pike, who runs the ferry. '
            '\u201cNobody here can remember it happening.\u201d\n'
            'She added: \u201cWe had no warning at all. \u201c')
    assert speakers(text) == [
        ("It is unusual to raise them twice,", "Ann Pike"),
        ("Nobody here can remember it happening.", "Ann Pike"),
        ("We had no warning at all.", "Ann Pike"),
    ]
