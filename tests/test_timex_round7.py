"""Tests for round seven of the time tagger. Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import qualifier, tag_times
from tests.test_timex import kinds

# 2024-10-02 is a Wednesday.
W = "2024-10-02"


def one(text: str, dct: str | None = W) -> tuple[str, str, str, str | None, str | None]:
    """(text, type, value, mod, signal) of the one expression in ``text``."""
    (expr,) = tag_times(text, dct)
    return expr.text, expr.type, expr.value, expr.mod, expr.signal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "over" before a length being measured is "more than": in the span, MORE_THAN
        ("The inspection is likely to last over a week.", ("over a week", "P1W", "MORE_THAN")),
        ("The family farmed the land for over 50 years.", ("over 50 years", "P50Y", "MORE_THAN")),
        ("It was the first rise in over a decade.", ("over a decade", "P10Y", "MORE_THAN")),
        ("The trial took just over two days.", ("over two days", "P2D", "MORE_THAN")),
        ("Her career, spanning over 40 years, ended.", ("over 40 years", "P40Y", "MORE_THAN")),
    ],
)
def test_over_as_more_than_stays_in_the_span(text: str, expected: tuple[str, str, str]) -> None:
    said, kind, value, mod, signal = one(text)
    assert (said, value, mod) == expected
    assert kind == "DURATION" and signal is None


@pytest.mark.parametrize(
    ("text", "said", "value"),
    [
        # "over" before the span something happens in is "during": a signal, no mod
        ("Prices rose over two years.", "two years", "P2Y"),
        ("The grant can be spread over three years.", "three years", "P3Y"),
        ("The rules have evolved over several years.", "several years", "PXY"),
    ],
)
def test_over_as_during_is_a_signal_without_a_mod(text: str, said: str, value: str) -> None:
    (expr,) = tag_times(text, W)
    assert (expr.text, expr.type, expr.value) == (said, "DURATION", value)
    assert expr.mod is None and expr.signal == "over"
    assert qualifier(expr) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date counted back with "more than"/"over"/"less than" before it: the words are
        # part of the expression, and put it before or after the date (TIMEX3 BEFORE/AFTER)
        ("The mine closed more than two years ago.", ("more than two years ago", "2022", "BEFORE")),
        ("The mine closed over two years ago.", ("over two years ago", "2022", "BEFORE")),
        ("The mine closed less than a year ago.", ("less than a year ago", "2023", "AFTER")),
        ("The mine closed nearly two years ago.", ("nearly two years ago", "2022", "APPROX")),
    ],
)
def test_more_or_less_than_before_a_date_counted_back(
    text: str, expected: tuple[str, str, str]
) -> None:
    (expr,) = tag_times(text, W)
    assert (expr.text, expr.value, expr.mod) == expected
    assert expr.type == "DATE" and expr.signal is None
    assert qualifier(expr) == expected[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "up to" and "no more than" before a length are quantities (at most): in the span
        (
            "Reservists can be called up for up to 180 days.",
            ("up to 180 days", "DURATION", "P180D", "EQUAL_OR_LESS", None),
        ),
        (
            "Inspectors may visit the sites for no more than sixty days.",
            ("no more than sixty days", "DURATION", "P60D", "EQUAL_OR_LESS", None),
        ),
        (
            "The permit runs for no less than ten years.",
            ("no less than ten years", "DURATION", "P10Y", "EQUAL_OR_MORE", None),
        ),
        # before a date "up to" is still a signal ("until")
        (
            "Prices were frozen up to May 2023.",
            ("May 2023", "DATE", "2023-05", "ON_OR_BEFORE", "up to"),
        ),
    ],
)
def test_at_most_before_a_length(
    text: str, expected: tuple[str, str, str, str | None, str | None]
) -> None:
    assert one(text) == expected


def test_up_to_a_length_reads_as_at_most() -> None:
    (expr,) = tag_times("Talks may run for up to 180 days.", W)
    assert qualifier(expr) == "EQUAL_OR_LESS"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "at" is a signal: the TIMEX3 is "the moment"
        ("There are no shipments at the moment.", [("the moment", "DATE", "PRESENT_REF")]),
        ("At the moment, the port is shut.", [("the moment", "DATE", "PRESENT_REF")]),
        ("At the moment she is writing a book.", [("the moment", "DATE", "PRESENT_REF")]),
        (
            "He would not travel at this crucial moment without a reason.",
            [("this crucial moment", "DATE", "PRESENT_REF")],
        ),
        # "the moment" opening a clause is a conjunction, not the present
        ("The lights went out at the moment the train arrived.", []),
        ("For the moment, the mayor will wait.", []),
    ],
)
def test_at_the_moment_leaves_at_out(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a run of whitespace inside a relation or signal counts as one space
        (
            "Pay the fee no  later than the end of September 2025.",
            ("the end of September 2025", "DATE", "2025-09", "END", "no later than"),
        ),
        (
            "Pay the fee no later than\nthe end of September 2025.",
            ("the end of September 2025", "DATE", "2025-09", "END", "no later than"),
        ),
        (
            "Reservists can be called up for up  to 180 days.",
            ("up  to 180 days", "DURATION", "P180D", "EQUAL_OR_LESS", None),
        ),
        (
            "The loan was repaid prior  to March 2024.",
            ("March 2024", "DATE", "2024-03", "BEFORE", "prior to"),
        ),
        (
            "The sites stay open for no  more than sixty days.",
            ("no  more than sixty days", "DURATION", "P60D", "EQUAL_OR_LESS", None),
        ),
    ],
)
def test_whitespace_runs_inside_signal_words(
    text: str, expected: tuple[str, str, str, str | None, str | None]
) -> None:
    assert one(text) == expected


def test_whitespace_runs_inside_a_future_cue() -> None:
    # "is going  to" looks ahead like "is going to": the coming Friday, not the last one
    assert kinds("The mayor is going  to open the bridge on Friday.", W) == [
        ("Friday", "DATE", "2024-10-04")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Last"/"Next"/"This" opening a sentence belong to the month or the weekday after
        # them, as in lower case ("Last April" is not the April ahead)
        ("Last April, the mill closed.", [("Last April", "DATE", "2024-04")]),
        ("Next March the mill reopens.", [("Next March", "DATE", "2025-03")]),
        (
            "Last Friday's announcement was the first.",
            [("Last Friday", "DATE", "2024-09-27")],
        ),
        ("Next Monday the court sits.", [("Next Monday", "DATE", "2024-10-07")]),
        ("On Friday, the port reopened.", [("Friday", "DATE", "2024-09-27")]),
    ],
)
def test_capitalised_last_next_this(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


def test_an_approximator_before_a_possessive_date_stays_out() -> None:
    # "get around Wednesday's ruling": "around" goes with the verb, not with the day
    assert kinds("Lawyers looked for ways to get around Wednesday's ruling.", W) == [
        ("Wednesday", "DATE", "2024-10-02")
    ]
    (expr,) = tag_times("The ship docks around Wednesday.", W)
    assert (expr.text, expr.mod) == ("around Wednesday", "APPROX")
    # a length in the possessive keeps its approximator
    (expr,) = tag_times("They file that many patents in about a month's time.", W)
    assert (expr.text, expr.type, expr.mod) == ("about a month", "DURATION", "APPROX")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural unit with "ago" and no count is some time back, as "a few years ago" is
        (
            "The firm, which just months ago was losing money, is hiring.",
            [("months ago", "DATE", "PAST_REF")],
        ),
        ("Years ago, the quay was busy.", [("Years ago", "DATE", "PAST_REF")]),
        # a count still wins
        ("The quay was busy three years ago.", [("three years ago", "DATE", "2021")]),
    ],
)
def test_units_ago_without_a_count(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "several quarters of losses" is a length of time; "three quarters of the vote" a share
        (
            "The plan came after several quarters of losses.",
            [("several quarters", "DURATION", "PXQ")],
        ),
        ("He won three quarters of the vote.", []),
        ("Several quarters of the city flooded.", []),
    ],
)
def test_vague_count_of_quarters(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday in the plural recurs every week: a SET (TimeML)
        ("The market is shut on Sundays.", [("Sundays", "SET", "XXXX-WXX-7")]),
        ("Flights leave on Tuesday nights.", [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
        # one night is still a time
        ("Tuesday night was cold.", [("Tuesday night", "TIME", "2024-10-01TNI")]),
        # not in a name
        ("The band Happy Mondays played.", []),
    ],
)
def test_weekdays_in_the_plural_are_sets(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected
