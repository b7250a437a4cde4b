"""Who's who: one person however the name is written, within and across briefings."""

from __future__ import annotations

from briefings.across import query
from briefings.extract import extract
from briefings.model import Article


def _add(library, title: str, text: str, published: str) -> None:
    library.add(extract(Article(title=title, text=text, published=published, outlet=title.split()[0])))


def test_mr_surname_and_full_name_merge_across_briefings(fresh_library):
    _add(fresh_library, "Alpha report", "President Joan Velde said the bridge would reopen. "
         "\u201cWe will rebuild,\u201d Ms Velde said.", "2026-04-01")
    _add(fresh_library, "Beta report", "The bridge stays shut, Mrs Velde told reporters. \u201cNot yet,\u201d she said.",
         "2026-04-02")
    (p,) = query.people(query.ensure(fresh_library), "Velde")
    assert p["name"] == "Joan Velde"
    assert len(p["briefings"]) == 2 and {q["text"] for q in p["quotes"]} >= {"We will rebuild,"}
    assert "President" in p["roles"]
    assert query.people(query.ensure(fresh_library), "Mrs Velde")[0]["id"] == p["id"]


def test_two_people_sharing_a_surname_stay_apart(fresh_library):
    _add(fresh_library, "Gamma report", "Judge Aran Holt said the case was closed.", "2026-04-01")
    _add(fresh_library, "Delta report", "Mayor Bree Holt said the roads were open.", "2026-04-03")
    names = sorted(p["name"] for p in query.people(query.ensure(fresh_library), "Holt"))
    assert names == ["Aran Holt", "Bree Holt"]


def test_story_people_roles_quotes_and_casualties(story_library):
    (brevik,) = query.people(story_library.across, "Brevik")
    assert brevik["name"] == "Tomas Brevik" and "Fire Chief" in brevik["roles"]
    assert set(brevik["forms"]) == {"Tomas Brevik", "Brevik"} and len(brevik["briefings"]) == 4
    assert all(q["date"] and q["outlet"] and q["briefing"] for q in brevik["quotes"])
    (dorrance,) = query.people(story_library.across, "Piet Dorrance")
    assert {c["status"] for c in dorrance["casualty"]} == {"killed"}


def test_a_bare_name_before_said_is_not_a_person_on_its_own(fresh_library):
    _add(fresh_library, "Epsilon report", "The port was closed, Northwire said. Three ships waited.", "2026-04-01")
    assert query.people(query.ensure(fresh_library), "Northwire") == []


def test_an_institution_after_a_title_word_is_not_a_person(fresh_library):
    # "General Hospital" read as General + surname "Hospital" made "Hospital" the best-connected
    # person in the sample library; "Chief Constable said" made a person "Constable".
    _add(fresh_library, "Epsilon report", "Two workers were taken to Varnholt General Hospital. "
         "Chief Constable Ryn Tallis said the site was safe. Later the Chief Constable said more. "
         "General Oda Ferrin said troops had left.", "2026-04-05")
    names = sorted(p["name"] for p in query.people(query.ensure(fresh_library), ""))
    assert "Hospital" not in names and "Constable" not in names
    assert "Oda Ferrin" in names and "Ryn Tallis" in names
