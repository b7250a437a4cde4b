"""The shared document layer: offsets, quotations, mentions and coreference chains."""

from briefings.extract.document import analyse


def chain_texts(doc, name):
    chain = doc.chain_named(name)
    assert chain is not None, [c.name for c in doc.chains]
    return [m.text for m in chain.mentions]


def test_paragraph_and_sentence_offsets_point_into_the_text():
    text = 'Gen. Tova Brisk arrived at 9 a.m. on Friday. "Stop. Now," she said.\nThe ferry left.'
    doc = analyse(text)
    assert [text[a:b] for a, b in doc.paragraphs] == [text.split("\n")[0], "The ferry left."]
    assert [text[a:b] for a, b in doc.sentences] == [
        "Gen. Tova Brisk arrived at 9 a.m. on Friday.", '"Stop. Now," she said.', "The ferry left."]
    assert doc.paragraph_index(text.index("ferry")) == 1
    assert doc.sentence_index(text.index("she")) == 1


def test_british_single_quotes_survive_apostrophes():
    text = ("'We are ready for the 'big one', the rangers' plan is sound,' Ms Halloway said.\n"
            "The group's leader said it was like the '90s. 'Nobody panicked,' he added.")
    doc = analyse(text)
    bodies = [text[r.start:r.end] for r in doc.quotes]
    assert bodies[-1] == "Nobody panicked,"
    assert all("'90s" not in b and "group" not in b for b in bodies)
    assert doc.quote_at(text.index("Nobody")) is doc.quotes[-1]
    assert doc.quote_at(text.index("leader")) is None


def test_quote_left_open_continues_in_the_next_paragraph():
    text = ('Coroner Ida Venn said: "The barrier was never tested.\n'
            '"Nobody checked the bolts," she added.\n'
            'The hearing ended.')
    doc = analyse(text)
    (q,) = doc.quotes
    assert len(q.parts) == 2
    assert text[q.parts[0][0]:q.parts[0][1]] == "The barrier was never tested."
    assert text[q.end - 25:q.end] == "Nobody checked the bolts,"
    assert doc.quoted(text.index("bolts")) and not doc.quoted(text.index("hearing"))


def test_nested_quote_is_recorded_inside_its_quotation():
    text = 'The mayor said: "They told us \'hold the line\' and we did."'
    doc = analyse(text)
    (q,) = doc.quotes
    assert [text[a:b] for a, b in q.nested] == ["hold the line"]


def test_mentions_have_kinds():
    text = ("Port director Selim Arkan met a senior customs official and police on Monday. "
            "The Varnholt Port Authority said it would reopen. He was pleased.")
    kinds = {(m.text, m.kind) for m in analyse(text).mentions}
    assert {("Selim Arkan", "person"), ("a senior customs official", "description"), ("police", "description"),
            ("The Varnholt Port Authority", "org"), ("it", "pronoun"), ("He", "pronoun")} <= kinds


def test_short_forms_pronouns_and_roles_join_the_full_name():
    text = ("President Orla Quenby opened the bridge on Tuesday. Ms Quenby thanked the crews.\n"
            "Her deputy, Tomas Reyd, said the work took 3 years. He said Quenby had pushed for it.\n"
            "The president left at noon. She returned on Friday, and Orla waved.")
    doc = analyse(text)
    assert chain_texts(doc, "Orla Quenby") == ["Orla Quenby", "Ms Quenby"[3:], "Her", "Quenby",
                                                "The president", "She", "Orla"]
    assert chain_texts(doc, "Tomas Reyd") == ["Tomas Reyd", "He"]


def test_she_skips_the_nearer_man_by_gender():
    text = ("Judge Petra Halm met Mr Oskar Dunne in Lisk. Mr Dunne spoke first. "
            "Then she adjourned the hearing.")
    doc = analyse(text)
    assert doc.refers_to(text.index("she")).name == "Petra Halm"
    assert doc.refers_to(text.index("Dunne spoke")).name == "Oskar Dunne"


def test_descriptions_and_organisations_chain():
    text = ("A senior navy official, who asked not to be named, confirmed the drill. "
            "The official said more ships would follow. The Tarrow Shipping Company said it had not been told.")
    doc = analyse(text)
    assert chain_texts(doc, "A senior navy official") == ["A senior navy official", "The official"]
    assert chain_texts(doc, "The Tarrow Shipping Company") == ["The Tarrow Shipping Company", "it"]


def test_pronoun_looks_back_a_bounded_window():
    # Thousands of pronouns after one name: each resolves from a bounded window, nothing quadratic.
    text = "Mayor Rhea Tolland spoke. " + "She said so. " * 3000
    doc = analyse(text)
    chain = doc.chain_named("Rhea Tolland")
    assert len(chain.mentions) == 3001
