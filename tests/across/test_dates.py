"""Relative dates resolved against the article's date, phrase kept as evidence."""

from __future__ import annotations

from datetime import date

from briefings.across.dates import base_date, resolve_dates

WED = date(2026, 3, 11)  # a Wednesday


def resolved(text: str, base: date = WED) -> dict[str, str]:
    return {d.phrase: d.label() for d in resolve_dates(text, base)}


def test_bare_weekday_is_the_latest_one_on_or_before_the_article_date():
    got = resolved("The blast happened on Tuesday. Crews returned on Wednesday. It began on Thursday.")
    assert got == {"on Tuesday": "2026-03-10", "on Wednesday": "2026-03-11", "on Thursday": "2026-03-05"}


def test_possessive_and_last_weekday():
    got = resolved("At Thursday's news conference the minister spoke. The vote was last Wednesday.")
    assert got == {"Thursday's": "2026-03-05", "last Wednesday": "2026-03-04"}


def test_future_sentence_looks_forward_but_said_on_looks_back():
    got = resolved("Funerals will be held on Saturday. The budget will rise, the minister said on Monday.")
    assert got == {"on Saturday": "2026-03-14", "on Monday": "2026-03-09"}


def test_ranges_week_month_year_and_days():
    got = resolved("Rain fell last week and earlier this month; talks resume next week. "
                   "Yesterday was calm, two days ago was not. Last year was dry.")
    assert got["last week"] == "2026-03-02..2026-03-08"
    assert got["earlier this month"] == "2026-03-01..2026-03-11"
    assert got["next week"] == "2026-03-16..2026-03-22"
    assert got["Yesterday"] == "2026-03-10"
    assert got["two days ago"] == "2026-03-09"
    assert got["Last year"] == "2025-01-01..2025-12-31"


def test_absolute_dates_take_the_nearest_past_year():
    got = resolved("Fighting began on 7 October and again on March 2, 2024. Nothing on 31 February.")
    assert got == {"7 October": "2025-10-07", "March 2, 2024": "2024-03-02"}


def test_spans_point_at_the_phrase():
    text = "It rained on Sunday."
    (d,) = resolve_dates(text, WED)
    assert text[d.span[0]:d.span[1]] == "on Sunday" and d.label() == "2026-03-08"


def test_no_base_date_means_nothing_is_guessed():
    assert resolve_dates("on Sunday", None) == []
    assert base_date(None, "2026-03-11T10:00:00Z") == WED
    assert base_date("not a date", None) is None


def test_seasons_this_next_last():
    april = date(2026, 4, 21)
    got = resolved("Work starts next spring; it stopped last winter and resumes this summer.", april)
    assert got == {"next spring": "2027-03-01..2027-05-31", "last winter": "2025-12-01..2026-02-28",
                   "this summer": "2026-06-01..2026-08-31"}
