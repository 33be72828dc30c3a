"""Figures that are no total (BBC full text, session 11, second round): rates and prices per
unit, counts named by what happened to them, and "five or six" as one range."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("The charity will give $17 (£9) per child.", "donation per child"),
        ("Users pay $1 for an hour of access.", "price per hour"),
        ("The plan could save the average pensioner £100 every year.", "savings per year"),
        ("Fans paid £5 a month for the channel.", "price per month"),
        ("Tickets for the Orme dinner cost £100 per head.", "cost per head"),
    ],
)
def test_a_sum_per_unit_is_a_rate(quantities, text, attribute):
    [q] = quantities(text)
    assert q.attribute == attribute


def test_a_sum_before_a_for_phrase_of_no_time_is_no_rate(quantities):
    [q] = quantities("Ann Vale paid $40 for a bicycle.")
    assert q.attribute == "price"


def test_a_rate_never_joins_a_total_of_the_same_figure(facts_of):
    facts = facts_of(
        "The Lindell fund will give $17 per child this winter.",
        "The Lindell fund will give $17 to the school.",
    )
    rates = [f for f in facts if f.unit == "USD"]
    assert sorted(f.attribute for f in rates) == ["donation", "donation per child"]
    assert all(f.status == "single-source" for f in rates)


def test_five_or_six_is_one_figure_with_its_bounds(quantities):
    [q] = quantities("There were five or six officers at the Vale gate.")
    assert (q.value, q.low, q.unit) == (6, 5, "officer")
    [q] = quantities("Police said 14 or 15 people were killed.")
    assert (q.value, q.low, q.unit) == (15, 14, "dead")


def test_the_lower_bound_of_an_unread_or_range_is_no_count(quantities):
    # "four inch" is tagged a measure: the range is not read, and "three" counts no rods
    assert [q.value for q in quantities("Doctors put three or four inch rods in his leg.")] == []


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("The Tarn gala will be attended by 3,300 people.", "people who attended"),
        ("The Velo app was downloaded by six million people.", "people who downloaded"),
        ("The Orla show is seen by 9 million viewers.", "viewers who saw"),
        ("The film Dunmore is to be released in 50 countries.", "countries released in"),
        (
            "The film Dunmore took $9m after expanding from 40 to 1,796 cinemas.",
            "cinemas expanded to",
        ),
        ("Voters could sway the result in up to 50 constituencies.", "constituencies swayed in"),
        ("A total of 5,072 ballot envelopes have been scanned.", "envelopes scanned"),
        ("The book looks at the 15 explosions which rocked the port.", "explosions rocked"),
        ("The minister was speaking to 100 pupils.", "pupils spoken to"),
    ],
)
def test_a_counted_noun_is_named_by_what_happened_to_it(quantities, text, attribute):
    [q] = [q for q in quantities(text) if q.unit != "USD"]
    assert q.attribute == attribute


def test_a_from_phrase_belongs_to_the_object_not_the_action(quantities):
    [q] = [
        q
        for q in quantities("They will join 100 nominees from the 24 categories.")
        if q.value == 24
    ]
    assert q.attribute == "categories"


def test_an_adjective_taken_for_a_noun_counts_nothing(quantities):
    assert [(q.value, q.unit) for q in quantities("The firm had 20 staff and six unpaid.")] == [
        (20, "staff")
    ]
    # a noun that ends in "id" is no participle
    assert [q.value for q in quantities("The boats landed six squid and two octopus.")] == [6, 2]
    # a toll is still read: "wounded" is a counted word
    [q] = quantities("Police said 12 wounded were taken to hospital.")
    assert (q.value, q.unit) == (12, "wounded")


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("Mr Orme and three others were indicted in March.", "others indicted"),
        ("Ann Orme won three gold medals and two bronzes.", "bronzes won"),
        ("There were 22 members of the Orme family at the wake.", "members of orme family"),
        ("Of the 21 films in competition, half are from Peru.", "films in competition"),
    ],
)
def test_a_count_with_no_verb_of_its_own_is_named_by_its_phrase(quantities, text, attribute):
    [q] = [q for q in quantities(text) if q.value in {2, 21, 22, 3} and q.unit != "medal"]
    assert q.attribute == attribute


def test_a_name_in_an_in_phrase_does_not_name_a_count(quantities):
    [q] = quantities("It came after the three films in the Lord of the Rings trilogy.")
    assert "lord" not in q.attribute


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("The Vale clinic treats 40 patients a day.", "patients treated per day"),
        ("The Orla channel reaches 100 million people each week.", "people reached per week"),
        ("Ann Orme scored 12 goals per season.", "goals scored per season"),
        ("The Vale club gave 30 fans a lift.", "fans"),  # a lift is no unit of time
    ],
)
def test_a_count_per_span_of_time_is_a_rate(quantities, text, attribute):
    [q] = quantities(text)
    assert q.attribute == attribute


def test_a_count_per_head_is_still_a_ratio(quantities):
    assert quantities("There are eight doctors per head of population.") == []
