"""Tests for round fifteen of the time tagger, from an audit of dated tennis and film news: the
side of the publication date a day or a month falls on, "until" after a delay, generic
"today". Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times

# 2005-03-14 is a Monday.
D = "2005-03-14"


def values(text: str, dct: str = D) -> list[tuple[str, str]]:
    """(text, value) of every expression in ``text``, in order."""
    return [(t.text, t.value) for t in tag_times(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fair, to be held on 12-14 September, has sold out.",
            [("12", "2005-09-12"), ("14 September", "2005-09-14")],
        ),
        (
            "The races will be run on 3, 4 and 5 October.",
            [("3", "2005-10-03"), ("4", "2005-10-04"), ("5 October", "2005-10-05")],
        ),
        (
            "Hearings are due to take place from 20 to 22 June.",
            [("20", "2005-06-20"), ("22 June", "2005-06-22")],
        ),
    ],
)
def test_a_range_of_days_is_read_where_it_opens(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_a_range_told_in_the_past_stays_past() -> None:
    assert values("The fair was held on 12-14 September.") == [
        ("12", "2004-09-12"),
        ("14 September", "2004-09-14"),
    ]
    assert values("Sales fell on 7 and 8 February.") == [
        ("7", "2005-02-07"),
        ("8 February", "2005-02-08"),
    ]
