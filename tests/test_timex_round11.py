"""Tests for round eleven of the time tagger (audit on the dev half of MEANTIME English).
Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times

# 2024-10-03 is a Thursday.
D = "2024-10-03"


def kinds(text: str, dct: str | None = D) -> list[tuple[str, str, str]]:
    """(text, type, value) of every expression in ``text``, in order."""
    return [(t.text, t.type, t.value) for t in tag_times(text, dct)]


# ------------------------------------------------ a clock time in UTC/GMT carries its zone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The launch went ahead at 08:30 UTC.", ("08:30 UTC", "TIME", "2024-10-03T08:30Z")),
        ("Trading was halted at 1415 GMT.", ("1415 GMT", "TIME", "2024-10-03T14:15Z")),
        ("He spoke at 16:00 UTC today.", ("16:00 UTC today", "TIME", "2024-10-03T16:00Z")),
        ("The ferry docked at 6:40 p.m. (GMT +8) on time.",
         ("6:40 p.m. (GMT +8)", "TIME", "2024-10-03T18:40+08")),
        ("The vote closes at 9 p.m. GMT-5.", ("9 p.m. GMT-5", "TIME", "2024-10-03T21:00-05")),
        ("The store opens at 10:00 GMT+5:30.",
         ("10:00 GMT+5:30", "TIME", "2024-10-03T10:00+05:30")),
        # the US zones stay out of the value, as in TimeBank
        ("The deadline is 5 p.m. EST.", ("5 p.m. EST", "TIME", "2024-10-03T17:00")),
        ("Markets shut at 1400 local time.", ("1400 local time", "TIME", "2024-10-03T14:00")),
    ],
)  # fmt: skip
def test_utc_clock_time_keeps_its_zone(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in kinds(text)


def test_a_bracketed_word_is_no_zone() -> None:
    assert ("2005", "DATE", "2005") in kinds("The show first aired in 2005 (BBC) in Britain.")


# ------------------------------------- "the same period/month last year" after a named month


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose 43% in September compared to the same period last year.",
         ("the same period last year", "DATE", "2023-09")),
        ("Orders fell in August from the same period a year earlier.",
         ("the same period a year earlier", "DATE", "2023-08")),
        ("Sales fell 35% in September, compared to the same month a year ago.",
         ("the same month a year ago", "DATE", "2023-09")),
        ("Exports grew in July 2022 against the same month the previous year.",
         ("the same month the previous year", "DATE", "2021-07")),
        # a quarter named after the month is what the period refers to
        ("In September, the firm said third-quarter profit fell from the same period last year.",
         ("the same period last year", "DATE", "2023-Q3")),
        ("Profit in the second quarter fell from the same period a year earlier.",
         ("the same period a year earlier", "DATE", "2023-Q2")),
    ],
)  # fmt: skip
def test_same_period_a_year_back_takes_the_month_named(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in kinds(text)


# ------------------------------------------------ "should" before a month points ahead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sale should be completed in December.", ("December", "2024-12")),
        ("Analysts said prices should recover in January.", ("January", "2025-01")),
        # "should have" looks back
        ("The sale should have been completed in August.", ("August", "2024-08")),
        ("The sale was completed in August.", ("August", "2024-08")),
    ],
)
def test_should_points_ahead(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(t, v) for t, _, v in kinds(text)]


# ---------------------------------------------------- a year-like number naming an index


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russell 2000 Index of small companies fell 3%.", []),
        ("Shares tracked by the Wilshire 2000 index slipped.", []),
        ("The index rose 5% in 2000.", [("2000", "DATE", "2000")]),
        ("The 2000 index of prices was revised.", [("2000", "DATE", "2000")]),
    ],
)
def test_year_in_an_index_name(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text) == expected


# ------------------------------------------------------------- "the 70s and 80s": two decades


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It recalled the boxy cars of the 70s and 80s.",
         [("the 70s", "DATE", "197"), ("80s", "DATE", "198")]),
        ("Music of the '60s and '70s filled the hall.",
         [("the '60s", "DATE", "196"), ("'70s", "DATE", "197")]),
        ("Prices rose from the 1950s to 60s.",
         [("the 1950s", "DATE", "195"), ("60s", "DATE", "196")]),
        ("In the 80s or 90s it changed.", [("the 80s", "DATE", "198"), ("90s", "DATE", "199")]),
        # a count of people in their sixties is no decade
        ("Most of them are in their 60s and 70s.", []),
    ],
)  # fmt: skip
def test_second_of_two_decades(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text) == expected


# --------------------------------------------- a run of consecutive periods is a length


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The economy shrank for two consecutive quarters.",
         [("two consecutive quarters", "DURATION", "P2Q")]),
        ("It reported three consecutive quarters of losses.",
         [("three consecutive quarters", "DURATION", "P3Q")]),
        ("Output fell for two successive years.", [("two successive years", "DURATION", "P2Y")]),
        ("The bill won three quarters of the vote.", []),
    ],
)  # fmt: skip
def test_consecutive_periods(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text) == expected


# ------------------------------------------------------ "the past" and "a later time" as nouns


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He blamed the bad decisions of the past, aides said.",
         [("the past", "DATE", "PAST_REF")]),
        ("It is a relic from the past and a warning.", [("the past", "DATE", "PAST_REF")]),
        ("The ruins of the past regime were cleared.", []),
        ("In the past, the river flooded often.", [("the past", "DATE", "PAST_REF")]),
        ("Callers were told to try again at a later time.",
         [("a later time", "DATE", "FUTURE_REF")]),
    ],
)  # fmt: skip
def test_the_past_and_a_later_time(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text) == expected


# ------------------------------------------------------------------ "earlier today" is one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares fell 3% earlier today, traders said.",
         [("earlier today", "DATE", "2024-10-03")]),
        ("He will speak later tonight.", [("later tonight", "TIME", "2024-10-03TNI")]),
        # after a count "later" belongs to the count
        ("Two hours later today he left.",
         [("Two hours", "DURATION", "PT2H"), ("today", "DATE", "2024-10-03")]),
    ],
)  # fmt: skip
def test_earlier_today(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text) == expected


# ------------------------------------------------------- "in morning trading": a part of day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The stock hit a high in morning trading before falling.",
         [("morning", "TIME", "2024-10-03TMO")]),
        ("Shares slid in late afternoon trading.",
         [("late afternoon", "TIME", "2024-10-03TAF")]),
        ("The index rose during the morning session.",
         [("the morning", "TIME", "2024-10-03TMO")]),
        ("Morning trading is often thin.", []),
    ],
)  # fmt: skip
def test_part_of_day_in_trading(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text) == expected


# ---------------------------------------------- "to end the day at": the session's own day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday the index fell 2%, to end the day at 7,114.",
         [("Monday", "DATE", "2024-09-30"), ("the day", "DATE", "2024-09-30")]),
        ("The index rose 1%, closing the day at 9,505.", [("the day", "DATE", "2024-10-03")]),
        ("The index closed the week up 1%.", [("the week", "DATE", "2024-W40")]),
        ("The shop opened the day after the storm.", []),
    ],
)  # fmt: skip
def test_end_the_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text) == expected


def test_same_period_takes_no_month_from_an_earlier_sentence() -> None:
    text = (
        "Net fell in the third quarter. It said earlier this month it may sell a unit. "
        "In the year-earlier period, net was higher."
    )
    assert ("the year-earlier period", "DATE", "2023-Q3") in kinds(text)
