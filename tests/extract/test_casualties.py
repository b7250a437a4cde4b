"""Named casualties: names, ages, statuses, affiliations; not speakers or suspects."""

from extract_helpers import brief


def people(text: str) -> list[tuple[str, int | None, str]]:
    return [(c.name, c.age, c.status) for c in brief(text).casualties]


def test_list_with_ages_takes_status_from_the_sentence_before():
    text = ("Three hikers died in the avalanche on Sunday. They were named as Ana Ruiz, 34, "
            "Tom Brandt, 51, and Lei Wong, 28.")
    assert people(text) == [("Ana Ruiz", 34, "killed"), ("Tom Brandt", 51, "killed"), ("Lei Wong", 28, "killed")]


def test_age_forms_and_statuses():
    text = ("Mara Quill (19) was injured in the crash. A 61-year-old farmer, Elias Brand, remains missing. "
            "Jon Petrov, aged 40, died in hospital on Tuesday.")
    assert people(text) == [("Mara Quill", 19, "injured"), ("Elias Brand", 61, "missing"),
                            ("Jon Petrov", 40, "killed")]


def test_family_members_inherit_the_surname():
    text = "Tom Brandt, 51, his wife, Mia, 29, and their son Leo, 4, were killed when the roof fell."
    assert people(text) == [("Tom Brandt", 51, "killed"), ("Mia Brandt", 29, "killed"), ("Leo Brandt", 4, "killed")]


def test_quoted_officials_and_arrested_suspects_are_not_casualties():
    text = ('Two people were killed in the shooting. Police Chief Ray Ortiz, 55, said: "This was targeted." '
            "A man, Dale Whit, 29, was arrested and charged.")
    assert people(text) == []


def test_identified_as_and_group_affiliation():
    text = ("A soldier was killed and two were wounded in the blast. The dead soldier was identified as "
            "Sgt. Piotr Nowak, 31. He was part of the 4th Engineer Battalion.")
    (c,) = brief(text).casualties
    assert (c.name, c.age, c.status) == ("Piotr Nowak", 31, "killed")


def test_affiliation_by_apposition_and_shared_unit():
    text = ("Two firefighters died on Friday. They were named as Ana Ruiz, 34, a nurse from Kestrel Harbour, "
            "and Tom Brandt, 51. Both were members of the Kestrel volunteer brigade.")
    got = {c.name: c.affiliation for c in brief(text).casualties}
    assert got["Ana Ruiz"] == "nurse from Kestrel Harbour"
    assert got["Tom Brandt"] == "Kestrel volunteer brigade"


def test_a_witness_with_an_age_is_not_a_casualty():
    assert people("Jo Marsh, 45, a shopkeeper, said she heard two loud bangs.") == []


# Crime reporting: the victim is named in one place and harmed in another (victims.py).

def test_headline_name_and_age_then_an_apposition_with_the_harm():
    text = ("Orla Fenwick, 27 - The Night Desk\n"
            "Orla Fenwick, a 27-year-old nurse, was shot and killed Friday near Tamsin Lane, according to "
            "coroner's records. Lt. Dev Rana said detectives were looking for witnesses.")
    assert people(text) == [("Orla Fenwick", 27, "killed")]


def test_surname_alone_carries_the_status_and_officials_who_speak_are_not_victims():
    text = ("Deputies found Brannock Hale outside a bakery on Quill Street. Hale was taken to a hospital, "
            "where he died, Sgt. Mira Vance said.")
    assert people(text) == [("Brannock Hale", None, "killed")]


def test_object_of_a_harm_phrase_and_the_suspect_who_is_charged():
    text = ("Teodor Grieve, 33, faces a murder charge in the shooting death of 19-year-old Calla Wren. "
            "Police say Grieve shot Wren twice.")
    assert people(text) == [("Calla Wren", 19, "killed")]


def test_identified_the_victim_as_with_the_age_from_the_description():
    text = ("A 41-year-old man was found dead in a parked car on Sunday. The medical examiner "
            "identified the victim as Ansel Marrow of Pike Hollow.")
    assert people(text) == [("Ansel Marrow", 41, "killed")]


def test_a_list_sharing_one_predicate_and_a_suspect_shot_by_police():
    text = ("Pell Armitage, 22, and Juno Reyes, 30, were wounded outside the arcade. "
            "The suspect, Cade Morrow, 25, was shot by officers and remains in critical condition.")
    assert people(text) == [("Pell Armitage", 22, "injured"), ("Juno Reyes", 30, "injured"),
                            ("Cade Morrow", 25, "injured")]


def test_places_and_capitalised_common_words_are_not_victims():
    text = ("A teenager from Long Beach was shot in the leg on Friday. Police said the Harbor Gate shooting "
            "was the third this month. Then officers closed the road.")
    assert people(text) == []


def test_found_shot_is_no_shooter_and_a_body_means_killed():
    text = ("Officers found Rafe Callow shot in the chest behind the depot. Callow's body was taken to the "
            "county morgue.")
    assert people(text) == [("Rafe Callow", None, "killed")]


def test_relatives_sharing_a_surname_stay_apart_with_their_own_ages():
    text = ("Nola Pryce, 31, and her cousin Ada Pryce, 24, were wounded when a gunman opened fire. "
            "Nola Pryce was later released.")
    assert people(text) == [("Nola Pryce", 31, "injured"), ("Ada Pryce", 24, "injured")]


def test_an_apposition_of_any_shape_before_the_verb():
    text = "Tobin Marsh, identified by the coroner as a 19-year-old student, died Sunday after being shot."
    assert people(text) == [("Tobin Marsh", 19, "killed")]


def test_a_pronoun_harmed_a_sentence_later_and_the_shooter_before_the_verb_is_not_him():
    text = ("Deputies confronted Jory Banner, 38, behind the feed store. Sgt. Lila Ford said Banner raised a rifle. "
            "A deputy shot him twice. Ford said Pryce Odell shot him first.")
    assert people(text) == [("Jory Banner", 38, "injured")]


def test_a_surname_that_is_also_a_title_and_an_age_from_the_harmed_description():
    text = ("A 54-year-old man who was shot on Elm Row died on Sunday. A 30-year-old woman was arrested. "
            "Police named the dead man as Conor Bishop. Bishop was a carpenter.")
    assert people(text) == [("Conor Bishop", 54, "killed")]


def test_him_in_a_quote_is_the_speakers_business():
    text = 'Wade Pell, 40, was charged on Monday. "He came at me and I shot him," Pell told officers.'
    assert people(text) == []


def test_police_said_x_was_shot_and_according_to_the_coroner_is_a_source():
    text = ("Police said Oren Vale was shot in the leg. According to County Coroner Mae Brill, Ida Rook, 23, "
            "and Tam Sayer, 29, were pronounced dead. Officers were searching for Lyle Crane, 41.")
    assert people(text) == [("Oren Vale", None, "injured"), ("Ida Rook", 23, "killed"), ("Tam Sayer", 29, "killed")]


def test_names_listed_under_a_heading_take_its_status():
    text = ("Ferry fire toll rises\nThe dead:\nAna Ruiz, 34, of Kestrel Harbour\nTom Brandt, 51, a ferry pilot\n"
            "Injured\n- Sara Mole, 22\n- Ben Ash (critical)\nThe harbour reopened on Monday.")
    assert people(text) == [("Ana Ruiz", 34, "killed"), ("Tom Brandt", 51, "killed"), ("Sara Mole", 22, "injured"),
                            ("Ben Ash", None, "injured")]


def test_middle_initials_and_given_names_that_are_months():
    text = ("Tessa J. Morrow, 45, was fatally shot on Sunday. Police say 38-year-old June Halloway was wounded. "
            "In April Harlan Grove reopened the bridge.")
    assert people(text) == [("Tessa J. Morrow", 45, "killed"), ("June Halloway", 38, "injured")]


def test_a_lower_case_title_makes_a_source_whom_no_pronoun_means():
    text = ("A patrol officer was hurt on Friday, police commissioner Ada Renn said. Officers stopped Cole Varga, 27, "
            "near the depot. Renn said Varga fired first and an officer shot him in the leg.")
    assert people(text) == [("Cole Varga", 27, "injured")]


def test_a_place_before_resident_or_man_and_a_description_in_a_headline_are_nobody():
    text = ("Ohio Boy, 9, Hurt In Crossfire\nAn 18-year-old Kestrel Bay resident was shot on Friday. "
            "A 62-year-old Dunmore Heights man was wounded nearby. Officers thanked a Good Samaritan who was "
            "killed while helping.")
    assert people(text) == []


def test_a_relative_in_apposition_is_not_the_one_the_predicate_is_about():
    text = ("Mira Talbot, the daughter of Owen Talbot, 58, who was shot and killed at his farm, asked for help. "
            "Mira Talbot said her father had no enemies.")
    assert people(text) == [("Owen Talbot", 58, "killed")]


def test_a_gunman_identified_by_police_and_he_had_shot_is_the_shooter():
    text = ("A neighbour was shot in the knee on Sunday. The gunman was identified as Silas Brennick, 62. "
            "He told the dispatcher that he had shot his neighbour, police said.")
    assert people(text) == []


def test_an_unnamed_person_who_opens_a_sentence_is_who_he_means():
    text = ("Two men were charged. Rudy Keane, 20, also faces a weapons charge. The boy was taken to a hospital "
            "where he was pronounced dead.")
    assert people(text) == []


def test_the_subject_who_fired_is_not_him_in_his_own_clause():
    text = ("An intruder was shot dead on Friday. The owner's son, identified as Bram Whitlow, 31, was able to take "
            "the gun away and shot him once, killing him. Inez Fallon also said that she took the knife from "
            "the man and shot him.")
    assert people(text) == []


def test_him_after_a_new_clause_is_the_subject_named_before_it():
    text = ("Corin Abbot, 70, was a well-liked grocer, but the men who shot and killed him last month are still "
            "free.")
    assert people(text) == [("Corin Abbot", 70, "killed")]


def test_she_in_the_next_sentence_is_the_unnamed_woman_just_hit():
    text = ("Abel Varnum, 29, was at a concert on Friday when his pistol went off, hitting a 40-year-old woman in "
            "the arm. She was in serious condition on Saturday.")
    assert people(text) == []


def test_victims_of_earlier_incidents_in_a_series_are_not_this_articles_casualties():
    text = ("Orla Penhallow, 27, was shot and killed Friday outside a laundromat on Vane Street. "
            "Detectives said Penhallow had just closed the shop. "
            "It was the third fatal shooting on Vane Street since August. "
            "In September, Caius Mordaunt, 22, was shot dead two blocks away, and Penhallow's cousin "
            "said the street had changed.")
    assert people(text) == [("Orla Penhallow", 27, "killed")]


def test_a_series_sentence_about_people_does_not_cut_the_article():
    text = ("Fennick Doral was the second child of the family to join the fire service. "
            "Fennick Doral, 31, was injured on Monday when a wall collapsed.")
    assert people(text) == [("Fennick Doral", 31, "injured")]


def test_a_naming_phrase_names_its_own_list_not_a_son_in_the_next_clause():
    text = ("Police were called to a report of a man shot on Fallow Road. The victim was identified as "
            "54-year-old Dorran Pike Sr. Pike told police he and his son, 27-year-old Dorran Pike Jr. were "
            "arguing in the car when Dorran Jr shot his father in the leg and fled.")
    assert people(text) == [("Dorran Pike Sr.", 54, "injured")]


def test_a_suspect_taken_to_hospital_for_a_check_was_not_harmed():
    text = ("Deputies stopped a truck on Route 4 after a chase. Marek Tollan, 31, stepped out holding a rifle. "
            "Tollan was transported to the hospital for a medical clearance and then booked into jail.")
    assert people(text) == []
    hurt = "Marek Tollan, 31, was transported to the hospital with a gunshot wound to the arm."
    assert people(hurt) == [("Marek Tollan", 31, "injured")]


def test_a_state_written_as_a_place_does_not_open_a_name():
    text = ("Cold Cases in Pellston, Kansas Undetermined / Likely Homicide Dale Ray Orkin 29 YOA Reno County "
            "September 14, 1985 Dale Ray Orkin, a 29-year-old welder from Pellston, Kansas, was shot in the head.")
    assert people(text) == [("Dale Ray Orkin", 29, "injured")]


def test_victims_of_past_years_recalled_as_background_are_not_this_articles_casualties():
    text = ("Tamsin Hollier, 34, was shot and killed Saturday in her driveway in Corran Vale, police said. "
            "Hollier's neighbours said she had campaigned against gun violence since 2015. "
            "Her own brother, Aldous Hollier, was shot dead in 2009. The folk singer Wren Castell was killed "
            "in a robbery in 1998, and Hollier often sang her songs at vigils.")
    assert people(text) == [("Tamsin Hollier", 34, "killed")]


def test_a_cold_case_lead_victim_dated_in_the_past_stays():
    text = ("Detectives reopened the case of Bram Ostler, 41, who was shot dead outside his shop in 1987. "
            "A new witness came forward in 2023, police said.")
    assert people(text) == [("Bram Ostler", 41, "killed")]


def test_a_relative_introduced_through_the_victim_is_not_who_the_surname_means():
    text = ("Ilse Varga, the daughter of Teodor Varga, 63, who was shot and killed in his bakery, said she has "
            "no idea why anyone would do this. Police believe the man who shot Varga is Aron Pell.")
    assert people(text) == [("Teodor Varga", 63, "killed")]


def test_the_age_is_the_victims_not_the_child_who_accidentally_fired():
    text = ("Police say a 4-year-old boy accidentally shot and killed his 7-year-old sister on Sunday afternoon. "
            "Relatives identified the girl as Nell Ambry. The children had found a pistol in a drawer.")
    assert people(text) == [("Nell Ambry", 7, "killed")]


def test_the_victim_has_been_identified_as_takes_the_described_age_and_death():
    text = ("Police say a 19-year-old man was walking home on Tuesday night when another man pulled a gun and "
            "shot the 19-year-old man, who died at the scene. The victim has been identified as Corin Blaise. "
            "Police have not said whether the two knew each other.")
    assert people(text) == [("Corin Blaise", 19, "killed")]


def test_the_shooter_of_a_murder_suicide_is_a_casualty_too():
    text = "Hollis Brandt, 41, shot and killed his wife and a neighbour before turning the gun on himself, police said."
    assert people(text) == [("Hollis Brandt", 41, "killed")]
    other = ("Police say 41-year-old Hollis Brandt shot 39-year-old Mae Brandt, who then turned the gun on herself. "
             "Brandt was arrested.")
    assert ("Hollis Brandt", 41, "killed") not in people(other)


def test_him_inside_a_british_single_quote_is_not_the_speaker_named_before_it():
    text = ("Ewan Roke, 30, was found dead at his flat in Kestrel Row on Tuesday. His neighbour Ada Finch, 61, "
            "stood at the door for an hour. 'I saw the man run down the stairs and I knew someone had shot him,' "
            "she said.")
    assert people(text) == [("Ewan Roke", 30, "killed")]


def test_the_victim_died_later_makes_the_only_named_victim_killed():
    text = ("Rune Caddel, 28, was shot early Tuesday near the rail yard. The victim was taken to Harlow General. "
            "Police now say the victim died shortly after noon.")
    assert people(text) == [("Rune Caddel", 28, "killed")]


def test_victims_of_the_same_past_incident_as_the_first_stay():
    text = ("Ama Rook, 24, was shot dead outside a bar in Harlow in March 2014, prosecutors said. Her friend "
            "Ilse Brandvold, 31, was killed in the same attack in 2014. A jury convicted Dorian Vell on Monday; "
            "he will be sentenced in January 2017.")
    assert people(text) == [("Ama Rook", 24, "killed"), ("Ilse Brandvold", 31, "killed")]
