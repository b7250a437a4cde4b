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
