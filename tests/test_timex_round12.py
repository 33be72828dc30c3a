"""Tests for round twelve of the time tagger: an obligation points ahead like a plan.
Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times
from storyline.timex_rules import FUTURE_CUE

# 2024-09-25 is a Wednesday.
D = "2024-09-25"


def values(text: str) -> list[tuple[str, str]]:
    """(text, value) of every expression in ``text``, in order."""
    return [(t.text, t.value) for t in tag_times(text, D)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraq must answer by Friday.", ("Friday", "2024-09-27")),
        ("Iraq has to answer by Friday.", ("Friday", "2024-09-27")),
        ("The parties need to agree by Monday.", ("Monday", "2024-09-30")),
        ("A vote is expected by Friday.", ("Friday", "2024-09-27")),
        ("The plan must be approved in November.", ("November", "2024-11")),
        # looking back: "must have", "had to", a past verb
        ("The letter must have arrived on Monday.", ("Monday", "2024-09-23")),
        ("The plan had to be approved in August.", ("August", "2024-08")),
        ("Iraq answered by Friday.", ("Friday", "2024-09-20")),
        ("The vote was expected on Monday.", ("Monday", "2024-09-23")),
    ],
)
def test_what_must_be_done_lies_ahead(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("Iraq must answer", True),
        ("Iraq must have answered", False),
        ("The delay has to do with", False),
        # a page's heading ("MUST SEE: ... Last updated on: November 11, 2011") and a
        # must-see show point nowhere: the date after them stays the page's own
        ("MUST SEE: Navy pins down pirates. Last updated on:", False),
        ("a must-see show on", False),
        ("the must see show of", False),
    ],
)
def test_must_is_a_cue_in_lower_case_and_not_in_must_see(text: str, ahead: bool) -> None:
    assert (FUTURE_CUE.search(text) is not None) == ahead
