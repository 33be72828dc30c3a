"""Tests for session 11 of the time tagger: "the past year" as a length of time, each day of
"22 and 23 June", fiscal periods, and present-tense schedules. Invented sentences only."""

from __future__ import annotations

import pytest

from tests.test_timex import kinds

# 2005-02-23 is a Wednesday.
W = "2005-02-23"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the past/last year" reaches back from the dct: a length of time (TimeML, TIDES)
        ("Sales rose 5% over the last year.", [("the last year", "DURATION", "P1Y")]),
        ("Prices have doubled in the past year.", [("the past year", "DURATION", "P1Y")]),
        ("Output fell in the last two years.", [("the last two years", "DURATION", "P2Y")]),
        ("Rents rose during the past decade.", [("the past decade", "DURATION", "P10Y")]),
        # "last year" alone is still the calendar year before the dct
        ("Sales fell last year, it said.", [("last year", "DATE", "2004")]),
        # "the last year of" a whole is its final year, not a time before the dct
        ("He wrote it in the last year of the war.", []),
        # "the last century" names the century before
        ("Those were ideas of the last century.", [("the last century", "DATE", "19")]),
    ],
)
def test_the_past_year_is_a_duration(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected
