"""Tests for round eight of the time tagger. Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times

# 1998-02-13 is a Friday.
D = "1998-02-13"


def spans(text: str, dct: str | None = D) -> list[tuple[str, str, str]]:
    """(text, type, value) of every expression in ``text``, in order."""
    return [(t.text, t.type, t.value) for t in tag_times(text, dct)]


# ------------------------------------------------------------ adjectival frequencies


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Average hourly earnings rose 0.3%.", ("hourly", "SET", "PT1H")),
        ("The agency gives the daily tally of inspections.", ("daily", "SET", "P1D")),
        ("He spoke in his weekly radio address.", ("weekly", "SET", "P1W")),
        ("Monthly payments will go up.", ("Monthly", "SET", "P1M")),
        ("The company published its annual report.", ("annual", "SET", "P1Y")),
        ("The yearly audit found nothing.", ("yearly", "SET", "P1Y")),
        ("The nightly curfew was lifted.", ("nightly", "SET", "XXXX-XX-XXTNI")),
    ],
)
def test_frequency_adjective_before_its_noun_is_a_set(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "He read it in the Daily Mail.",
        "The Daily Telegraph ran the story.",
        "It was in the Communist Party daily Granma.",
        "The daily said the talks had failed.",
        "Protesters joined the annual March for Life.",
        "Weekly Percentage Leaders were listed.",
        "It was reported by the China Daily newspaper.",
        "He told the US magazine Entertainment Weekly that he was tired.",
    ],
)
def test_frequency_word_in_a_name_or_as_a_noun_is_not_marked(text: str) -> None:
    assert spans(text) == []


def test_frequency_adverb_is_still_marked() -> None:
    assert spans("The committee meets weekly.") == [("weekly", "SET", "P1W")]


# ------------------------------------------------------------ spelled-out ordinal days


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote is on March eighth.", ("March eighth", "DATE", "1998-03-08")),
        (
            "It ended on the twenty-first of January.",
            ("the twenty-first of January", "DATE", "1998-01-21"),
        ),
        (
            "It ended on the twenty first of June 1996.",
            ("the twenty first of June 1996", "DATE", "1996-06-21"),
        ),
        ("It started on January the 9th.", ("January the 9th", "DATE", "1998-01-09")),
        ("It ended on the 3rd of February.", ("the 3rd of February", "DATE", "1998-02-03")),
        ("It falls on Sunday, March first.", ("Sunday, March first", "DATE", "1998-03-01")),
        ("They met on February thirtieth.", ("February thirtieth", "DATE", "1998-02")),
    ],
)
def test_spelled_ordinal_day_is_a_month_day(text: str, expected: tuple[str, str, str]) -> None:
    assert spans(text) == [expected]


def test_digit_ordinal_day_still_works() -> None:
    assert spans("It began on January 21st.") == [("January 21st", "DATE", "1998-01-21")]


def test_ordinal_on_a_noun_after_a_month_is_no_day() -> None:
    # the March before the dct: what rose has happened (round 13)
    assert spans("In March first-time buyers rose.") == [("March", "DATE", "1997-03")]


# ------------------------------------------------------------ a shared plural noun


def test_weekday_before_a_plural_part_of_day_shares_it() -> None:
    assert spans("Flights leave on Monday and Tuesday nights.") == [
        ("Monday", "SET", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ]
    assert spans("Classes run on Monday, Wednesday and Friday mornings.") == [
        ("Monday", "SET", "XXXX-WXX-1TMO"),
        ("Wednesday", "SET", "XXXX-WXX-3TMO"),
        ("Friday mornings", "SET", "XXXX-WXX-5TMO"),
    ]


def test_two_weekdays_without_a_plural_stay_dates() -> None:
    assert spans("They met on Monday and Tuesday.") == [
        ("Monday", "DATE", "1998-02-09"),
        ("Tuesday", "DATE", "1998-02-10"),
    ]


def test_habitual_quarters_are_sets() -> None:
    text = "Most business is usually done in the second and fourth quarters, it said."
    assert spans(text, "1989-11-01") == [
        ("second", "SET", "XXXX-Q2"),
        ("fourth quarters", "SET", "XXXX-Q4"),
    ]


def test_quarters_of_one_year_are_dates() -> None:
    assert spans("Profits fell in the first and second quarters of 1996.") == [
        ("first", "DATE", "1996-Q1"),
        ("second quarters of 1996", "DATE", "1996-Q2"),
    ]
    assert spans("Profits rose in the second and fourth quarters.", "1989-11-01") == [
        ("second", "DATE", "1989-Q2"),
        ("fourth quarters", "DATE", "1989-Q4"),
    ]


# ------------------------------------------------------------ counts in thousands


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The city kept its secrets for two thousand years.", ("two thousand years", "P2000Y")),
        (
            "It stood for more than two thousand years.",
            ("more than two thousand years", "P2000Y"),
        ),
        ("The tree has stood for a thousand years.", ("a thousand years", "P1000Y")),
        (
            "The empire lasted two hundred and fifty years.",
            ("two hundred and fifty years", "P250Y"),
        ),
        ("The dynasty ruled for 1,500 years.", ("1,500 years", "P1500Y")),
        ("The siege lasted five hundred days.", ("five hundred days", "P500D")),
    ],
)
def test_count_in_hundreds_or_thousands(text: str, expected: tuple[str, str]) -> None:
    (found,) = spans(text)
    assert found == (expected[0], "DURATION", expected[1])


def test_a_big_count_ago_is_a_year() -> None:
    assert spans("It was built two hundred years ago.") == [
        ("two hundred years ago", "DATE", "1798")
    ]
    assert spans("It was built a thousand years ago.") == [("a thousand years ago", "DATE", "0998")]


def test_a_count_before_year_one_is_a_bc_date() -> None:
    # not "000 years ago" (1998) as before round 8; since round 9 a BC date, not a duration
    assert spans("It was written 2,000 years ago.") == [("2,000 years ago", "DATE", "BC0003")]
