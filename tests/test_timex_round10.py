"""Tests for round ten of the time tagger: which way a relative day or date points. Invented
sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times

# 1998-02-13 is a Friday.
D = "1998-02-13"


def values(text: str, dct: str | None = D) -> list[tuple[str, str]]:
    """(text, value) of every expression in ``text``, in order."""
    return [(t.text, t.value) for t in tag_times(text, dct)]


# ----------------------------------------------- a reporting period that "ended" on a date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit fell in the quarter ended March 31.", ("March 31", "1997-03-31")),
        ("Sales for the three months ended April 30 rose.", ("April 30", "1997-04-30")),
        ("The quarter ended on March 31.", ("March 31", "1997-03-31")),
        ("The fiscal year ended in March.", ("March", "1997-03")),
    ],
)
def test_period_ended_on_a_date_ahead_is_the_year_before(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the year ended Dec. 31.", ("Dec. 31", "1997-12-31")),  # already past
        ("Results for the quarter ending March 31 are due.", ("March 31", "1998-03-31")),
        # no reporting period: the period rule leaves it alone (since round 13 the past verb
        # takes it back a year, see test_timex_round13.py; without one it stays ahead)
        ("The strike ended March 31.", ("March 31", "1997-03-31")),
        ("The strike in the quarter ending March 31 is over.", ("March 31", "1998-03-31")),
    ],
)
def test_period_ended_left_alone(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


# --------------------------------------- a present-tense verb of meeting or travel with a day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two leaders meet Monday in Geneva.", ("Monday", "1998-02-16")),
        ("He and his rival meet separately Monday with the mediator.", ("Monday", "1998-02-16")),
        ("The prime minister meets the king on Thursday.", ("Thursday", "1998-02-19")),
        ("The envoy arrives Sunday for talks.", ("Sunday", "1998-02-15")),
        ("The committee reconvenes Tuesday.", ("Tuesday", "1998-02-17")),
        ("The trial resumes Wednesday after a break.", ("Wednesday", "1998-02-18")),
        ("On Monday, the two presidents meet in Vienna.", ("Monday", "1998-02-16")),
    ],
)
def test_present_tense_meeting_or_arrival_is_ahead(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The leaders met Monday in Geneva.", ("Monday", "1998-02-09")),
        ("The two sides failed to meet Monday.", ("Monday", "1998-02-09")),
        ("They did not meet Monday.", ("Monday", "1998-02-09")),
        ("The board that meets monthly voted Tuesday to cut the dividend.",
         ("Tuesday", "1998-02-10")),
        ("Attendance at the meet Saturday was low.", ("Saturday", "1998-02-07")),
        ("The team returned home Sunday.", ("Sunday", "1998-02-08")),
        ("On Monday, the two presidents met in Vienna.", ("Monday", "1998-02-09")),
    ],
)  # fmt: skip
def test_present_event_cue_left_alone(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


# ------------------------------- a "with ... -ing" clause takes the time of the clause before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The carrier said two routes would open in March, with a third starting on August 6.",
         ("August 6", "1998-08-06")),
        ("Two plants will close, with the last one shutting in June.", ("June", "1998-06")),
    ],
)  # fmt: skip
def test_with_clause_inherits_a_future(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company cut 200 jobs in May, with the plant closing in August.",
         ("August", "1997-08")),
        ("Officials said the flights would resume, with the first having left on August 6.",
         ("August 6", "1997-08-06")),
        ("Prices rose, with fuel costing more in June.", ("June", "1997-06")),
    ],
)  # fmt: skip
def test_with_clause_without_a_future_before_left_alone(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rights expire Monday.", ("Monday", "1998-02-16")),
        ("The new rule takes effect Tuesday.", ("Tuesday", "1998-02-17")),
        ("The party hopes to win seats in the parliament in September.", ("September", "1998-09")),
        ("Rebels are poised to sign the accord Tuesday.", ("Tuesday", "1998-02-17")),
        ("The union threatens to strike Wednesday.", ("Wednesday", "1998-02-18")),
    ],
)
def test_timetable_or_aim_in_the_present_is_ahead(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He vowed to return Monday.", ("Monday", "1998-02-09")),
        ("The deadline expired Monday.", ("Monday", "1998-02-09")),
        ("She hopes to repeat the win she had in May.", ("May", "1997-05")),
        ("The offer had been due to expire Tuesday.", ("Tuesday", "1998-02-10")),
    ],
)
def test_aim_in_the_past_left_alone(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)
