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
        ("The strike ended March 31.", ("March 31", "1998-03-31")),  # no reporting period
    ],
)
def test_period_ended_left_alone(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)
