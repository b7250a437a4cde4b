"""Key figures: values, what they count, and what is not a figure."""

from extract_helpers import brief


def figures(text: str) -> list[tuple[float, str]]:
    return [(f.value, f.text) for f in brief(text).figures]


def test_digits_words_and_qualifiers():
    text = ("More than 160 attacks have been recorded. At least twelve people were hurt and nearly 1,400 homes "
            "lost power.")
    assert figures(text) == [(160, "More than 160 attacks"), (12, "At least twelve people"), (1400, "nearly 1,400 homes")]


def test_money_percent_scale_and_vague_quantities():
    got = {f.value: f for f in brief("The $69bn package cuts tax for 1.2 million households by 30%. "
                                     "Dozens of schools and tens of thousands of homes were flooded.").figures}
    assert set(got) == {69e9, 1.2e6, 30, 24, 20000}
    assert got[1.2e6].counts.startswith("households")


def test_counts_include_the_event():
    (f,) = brief("A drone attack killed three soldiers near the border.").figures
    assert f.counts.startswith("soldiers killed")
    (g,) = brief("Forty-one other troops were injured at the base.").figures
    assert (g.value, g.counts.split()[:2]) == (41, ["troops", "injured"])


def test_not_figures_dates_years_times_ages_names_numbering():
    text = ("On 7 October 2023, at 7.45am, the bus on Route 9 crashed near Tower 22. Ana Ruiz, 34, was hurt. "
            "A 29-year-old man was arrested. He was born in 1990. The F-16 flew over at 11 p.m. on March 3.")
    assert figures(text) == []


def test_one_fact_is_listed_once():
    text = ("Three soldiers were killed in the attack. The three soldiers were named on Monday. "
            "Funerals for the three soldiers will be held on Friday.")
    assert figures(text) == [(3, "Three soldiers")]


def test_elided_noun_after_a_figure():
    got = figures("Four people were killed and 11 injured when the bridge fell.")
    assert got == [(4, "Four people"), (11, "11 injured")]


def test_measures_and_durations_count():
    got = figures("Crews fought for 12 hours along a 25-mile stretch of coast.")
    assert got == [(12, "12 hours"), (25, "25-mile stretch")]


def test_sources_are_not_figures():
    assert figures("Two officials said the talks had stalled.") == []


def test_a_range_is_one_figure_at_its_lower_bound_with_the_shared_scale():
    got = figures("Crews worked 40 to 50 hours a week. The fund will grow from 2.5 to 3 billion crowns, "
                  "and fares rose between 5% and 6%.")
    assert [v for v, _ in got] == [40, 2.5e9, 5]
    assert got[0][1].startswith("40 to 50 hours")


def test_a_range_keeps_each_bound_that_is_written_in_full():
    got = figures("Fines run from $250,000 to $2 million. Sales were up from $3 to $4 billion.")
    assert [v for v, _ in got] == [250_000, 3e9]


def test_a_change_of_kind_or_a_year_is_not_a_range():
    got = figures("The Kestrel index fell 0.4 per cent to 12,915. Output rose 20% in 2019 to 4.1 million tonnes.")
    assert [v for v, _ in got] == [0.4, 12_915, 20, 4.1e6]


def test_units_written_against_the_number_and_currency_codes():
    got = {v for v, _ in figures("The plan gives 40Mbps and 80GB for RM59 a month; the 6kW motor drives a "
                                 "3.5kWh pack. Revenue hit HK $2.1 billion (US $270 million).")}
    assert got == {40, 80, 59, 6, 3.5, 2.1e9, 270e6}


def test_compound_number_words_and_model_names():
    got = figures("There are twenty-three thousand four hundred twelve pupils. The airline grounded its 797 Skylark.")
    assert got == [(23_412, "twenty-three thousand four hundred twelve pupils")]


def test_the_fast_number_scan_finds_exactly_what_the_full_pattern_finds():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from briefings.extract.numbers import NUMBER_RE, number_matches

    pieces = st.sampled_from(["more than ", "about ", "US $", "$", "RM", "HK $", "3", "41", "1,400", "2.5", " billion",
                              " per cent", "%", "twenty-five", " thousand", "dozens", "a dozen", "half a million",
                              " people", "F", "-", " to ", " and ", ". ", "someone", "Five", "fold", "\u20ac", " "])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(pieces, max_size=30))
    def same(parts):
        text = "".join(parts)
        assert [m.span() for m in number_matches(text)] == [m.span() for m in NUMBER_RE.finditer(text)]

    same()
