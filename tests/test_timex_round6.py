"""Tests for round six of the time tagger. Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import qualifier, tag_times
from tests.test_timex import kinds

# 2024-10-02 is a Wednesday.
W = "2024-10-02"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "earlier"/"later" before "this ..." belongs to the expression, capitalised or not
        (
            "Earlier this month, the council sold the depot.",
            [("Earlier this month", "DATE", "2024-10")],
        ),
        ("Later this year the port will reopen.", [("Later this year", "DATE", "2024")]),
        ("The board met earlier this year.", [("earlier this year", "DATE", "2024")]),
        (
            "The envoy will see the minister later this afternoon.",
            [("later this afternoon", "TIME", "2024-10-02TAF")],
        ),
        # ... and before "that ...", which keeps the narrative value
        (
            "The mill shut in May 2019 and reopened later that year.",
            [("May 2019", "DATE", "2019-05"), ("later that year", "DATE", "2019")],
        ),
        (
            "The crash happened on June 3. Earlier that day, the pilot had called in sick.",
            [("June 3", "DATE", "2024-06-03"), ("Earlier that day", "DATE", "2024-06-03")],
        ),
    ],
)
def test_earlier_and_later_are_part_of_the_expression(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert kinds(text, W) == expected


def test_earlier_and_later_leave_the_mod_alone() -> None:
    # "earlier this month" is the part of the month before the dct, not its start
    (expr,) = tag_times("Earlier this month the fund lost money.", W)
    assert expr.mod is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # before a weekday or "yesterday" the word stays out (the two corpora disagree)
        ("Earlier Friday, rebels shelled the town.", [("Friday", "DATE", "2024-09-27")]),
        ("Later yesterday the shares fell.", [("yesterday", "DATE", "2024-10-01")]),
        # after a count, "later" ends a length of time and is not part of the date
        (
            "The ship sailed two days later that week.",
            [("two days", "DURATION", "P2D"), ("that week", "DATE", "2024-W40")],
        ),
        # a signal before "this" stays out of the span, as TimeML has it
        ("The fee is due by this month.", [("this month", "DATE", "2024-10")]),
        # not a time word before "this"
        ("Shares were higher this year.", [("this year", "DATE", "2024")]),
        # "later in the day" still starts at "the"
        (
            "Talks began on March 3; later in the day they broke down.",
            [("March 3", "DATE", "2024-03-03"), ("the day", "DATE", "2024-03-03")],
        ),
    ],
)
def test_earlier_and_later_left_out(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "in" is a signal: the expression is "the past", as it is "the future"
        (
            "In the past, the ferry ran twice a day.",
            [("the past", "DATE", "PAST_REF"), ("twice a day", "SET", "P1D")],
        ),
        ("Rebels have used the road in the past.", [("the past", "DATE", "PAST_REF")]),
        ("Fares may rise in the future.", [("the future", "DATE", "FUTURE_REF")]),
        # a longer expression still wins, unchanged
        ("Rents rose in the past two years.", [("the past two years", "DURATION", "P2Y")]),
        ("Sales slowed in the past few months.", [("the past few months", "DATE", "PAST_REF")]),
        # without "in", "the past" is left as it was: not marked
        ("The museum is about the past.", []),
    ],
)
def test_in_the_past_leaves_in_out(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The dam burst about two years ago.", "about two years ago", "2022"),
        ("The mine closed nearly four years ago.", "nearly four years ago", "2020"),
        ("She left almost six weeks ago.", "almost six weeks ago", "2024-W34"),
        ("Roughly a decade ago the law changed.", "Roughly a decade ago", "201"),
    ],
)
def test_a_date_counted_back_keeps_its_approximator(text: str, span: str, value: str) -> None:
    (expr,) = tag_times(text, W)
    assert (expr.text, expr.type, expr.value, expr.mod) == (span, "DATE", value, "APPROX")
    # near the date, not before or after it, also for "nearly" / "almost"
    assert qualifier(expr) == "APPROX"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "about" before other dates is a preposition: left out as before
        ("They argued about last year's budget.", [("last year", "DATE", "2023")]),
        ("Talk turned to worries about Monday.", [("Monday", "DATE", "2024-09-30")]),
        # "less than two years ago" is after that date: widened since round 7, mod AFTER
        # (tests/test_timex_round7.py)
        (
            "The firm began less than two years ago.",
            [("less than two years ago", "DATE", "2022")],
        ),
        # durations keep their own relations
        ("The siege lasted nearly two years.", [("nearly two years", "DURATION", "P2Y")]),
    ],
)
def test_approximators_elsewhere_unchanged(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


def test_nearly_before_a_duration_is_still_less_than() -> None:
    (expr,) = tag_times("The siege lasted nearly two years.", W)
    assert (expr.mod, qualifier(expr)) == ("LESS_THAN", "LESS_THAN")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "or so" approximates the expression before it and belongs to it
        ("The line will be shut for the next year or so.", ("the next year or so", "P1Y")),
        ("Talks stalled for two weeks or so.", ("two weeks or so", "P2W")),
        ("The trial may open in 2026 or so.", ("2026 or so", "2026")),
        ("The tanker sank a week or so ago.", ("a week or so ago", "2024-W39")),
    ],
)
def test_or_so_is_part_of_the_expression(text: str, expected: tuple[str, str]) -> None:
    (expr,) = tag_times(text, W)
    assert ((expr.text, expr.value), expr.mod) == (expected, "APPROX")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count that is no time, or a vague time, is left as it was
        ("The crowd was 300 or so.", []),
        ("Prices will rise in the coming months or so.", [("the coming months", "FUTURE_REF")]),
        # "or two" is not taken in: the gold has too few cases to say how
        ("Rates may fall in a year or two.", [("a year", "P1Y")]),
    ],
)
def test_or_so_left_out(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag_times(text, W)] == expected
