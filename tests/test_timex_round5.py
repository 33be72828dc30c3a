"""Tests for round five of the time tagger: a day named by an event ("the day after his
arrest") and "year-to-year" compounds. Invented sentences only."""

from __future__ import annotations

import pytest

from tests.test_timex import kinds

# 2024-10-02 is a Wednesday.
W = "2024-10-02"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in apposition to a date, "the day" is that date; "before" and the event are not marked
        (
            "Bids closed on March 8, the day before the merger vote.",
            [("March 8", "DATE", "2024-03-08"), ("the day", "DATE", "2024-03-08")],
        ),
        (
            "Police last saw her on Sept. 14, the day after rebels took the port.",
            [("Sept. 14", "DATE", "2024-09-14"), ("the day", "DATE", "2024-09-14")],
        ),
        (
            "The talks stalled on Monday, the day before ministers arrived.",
            [("Monday", "DATE", "2024-09-30"), ("the day", "DATE", "2024-09-30")],
        ),
        # otherwise the event is taken to be on the day last named
        (
            "The mayor was arrested on Aug. 5. Protests began the day after his arrest.",
            [("Aug. 5", "DATE", "2024-08-05"), ("the day", "DATE", "2024-08-06")],
        ),
        (
            "The fire broke out on June 30, 2021. Staff were warned the day before it started.",
            [("June 30, 2021", "DATE", "2021-06-30"), ("the day", "DATE", "2021-06-29")],
        ),
        # with no day named before, nothing places the event: not marked
        ("Markets rallied the day after the election.", []),
        ("Fans queued the day before the final.", []),
        # an event that may happen, or any of many, has no day: not marked at all
        (
            "The towers fell on Sept. 11, 2001. The day after any such attack, he will blame us.",
            [("Sept. 11, 2001", "DATE", "2001-09-11")],
        ),
        (
            "It was signed on May 2. Prices rise the day after every election.",
            [
                ("May 2", "DATE", "2024-05-02"),
            ],
        ),
        # "no one came" can be one happening: still the day after the one last named
        (
            "He died on May 2. The day after no one came to the house.",
            [("May 2", "DATE", "2024-05-02"), ("The day", "DATE", "2024-05-03")],
        ),
    ],
)
def test_day_named_by_an_event(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with no event after it, "the day before" still counts from the last date named
        (
            "The summit opened on May 4. She had flown in the day before, aides said.",
            [("May 4", "DATE", "2024-05-04"), ("the day before", "DATE", "2024-05-03")],
        ),
        (
            "The vote was on July 9; the result came the day after that.",
            [("July 9", "DATE", "2024-07-09"), ("the day after", "DATE", "2024-07-10")],
        ),
        # "the day before yesterday" is one date counted from the dct
        (
            "They met the day before yesterday.",
            [("the day before yesterday", "DATE", "2024-09-30")],
        ),
        # "the week before the election" stays unmarked, as before
        ("Polls tightened the week before the election.", []),
    ],
)
def test_day_before_without_an_event(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The quarter-to-quarter gain was small.", []),
        ("Output is compared on a year-to-year basis.", []),
        ("Rents vary from month to month.", []),
        ("Month-to-month leases are common.", []),
        # the words alone still tag
        (
            "Output rose in the quarter, and the year looks strong.",
            [("the quarter", "DATE", "2024-Q3"), ("the year", "DATE", "2024")],
        ),
        ("The fund pays $2 million a year.", [("a year", "SET", "P1Y")]),
    ],
)
def test_unit_to_unit_compounds_are_not_times(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert kinds(text, W) == expected
