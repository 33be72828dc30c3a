"""Session 19's audit of dated tennis and film news: what is still to come when the text
says "later", plans told in the past, and cues the timeline missed or misread
(storyline.timeline_tense). Invented sentences only."""

from __future__ import annotations

import pytest

from tests.test_timeline_tense import kinds

SAT = "2005-01-15"  # a Saturday


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Smith takes on Jones in the final later on Saturday.", "2005-01-15"),
        ("The minister will speak later today.", "2005-01-15"),
        ("The band's new album is released later this month.", "2005-01"),
        (
            "The coach said he may rest players if the cup tie later this month goes well.",
            "2005-01",
        ),
        ("The club has admitted it could sell him if a bid arrives later this month.", "2005-01"),
        ("The summit takes place later this year.", "2005"),
    ],
)
def test_later_on_the_day_or_in_the_month_of_writing_is_still_to_come(text: str, date: str) -> None:
    assert kinds(text, SAT) == {date: True}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The council voted later on Saturday to close the school.", "2005-01-15"),
        ("The vote later on Saturday was cancelled.", "2005-01-15"),
        ("The minister spoke later today.", "2005-01-15"),
        ("The album was released later this month.", "2005-01"),
    ],
)
def test_later_told_in_the_past_is_over(text: str, date: str) -> None:
    assert kinds(text, SAT) == {date: False}
