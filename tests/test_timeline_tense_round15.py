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


@pytest.mark.parametrize(
    "text",
    [
        "Previews of the musical were due to begin on 4 March.",
        "The film was due to be shown on 30 January.",
        "The film was to have opened on 4 February.",
        "The sequel, originally due for release in 2005, has been delayed.",
        '"She had considered returning to action in Paris on 7 February," a statement said.',
        "The singer had been hoping to recover in time for the opening on 21 February.",
        "The firm had expected to finish the plant in 2006.",
        "The club had planned to unveil the stadium in March.",
        "The offer had been set to expire on 6 February.",
        "The star was also due to marry in February, but the pair split.",
    ],
)
def test_a_plan_told_as_it_stood_gives_no_scheduled_entry(text: str) -> None:
    assert kinds(text, "2005-01-28") == {}
    assert kinds(text) == {}


def test_a_plan_told_as_it_stood_for_a_date_gone_by_stays_past() -> None:
    # the text tells what became of it; the date is no longer ahead
    text = "She was due to play in this week's cup but decided to rest her knee."
    assert kinds(text, "2005-01-05") == {"2005-01": False}
    assert kinds("The film was due to be shown on 10 January.", "2005-01-28") == {
        "2005-01-10": False
    }


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Previews of the musical are due to begin on 4 April.", "2005-04-04"),
        ("The club is planning to unveil the stadium in March.", "2005-03"),
        ("The sequel is expected to be released in 2006.", "2006"),
        ("The firm said it would finish the plant in 2006.", "2006"),
        # after a verb of saying, "was due to" is the plan as it stands, told in the past
        ("The minister said the bill was due to become law in March.", "2005-03"),
        ("Officials said the vote was scheduled for 3 March.", "2005-03-03"),
        # "as planned" keeps to the plan
        ("The show will open in March, as originally planned.", "2005-03"),
    ],
)
def test_a_plan_that_stands_is_still_scheduled(text: str, date: str) -> None:
    assert kinds(text, "2005-01-28") == {date: True}


def test_but_before_a_subject_opens_a_clause_of_its_own() -> None:
    text = "The star was due to marry in February but the pair split in October."
    assert kinds(text, "2005-01-10") == {"2004-10": False}
    assert kinds("\"I wanted to play in Melbourne, but it's Saturday and I'm here.\"", SAT) == {
        "2005-01-15": False
    }
    # "but" before no subject of its own leaves the clause as it was
    assert kinds("Spending will rise in 2006, but not by much.") == {"2006": True}


def test_the_new_date_of_a_delay_stays_when_the_old_one_goes() -> None:
    text = "The sequel, originally due out in 2005, has been delayed until 2006 by a takeover."
    assert kinds(text) == {"2006": True}
    assert kinds(text, "2005-01-20") == {"2006": True}
    assert kinds("The court postponed the launch until 3 March.", "2005-01-20") == {
        "2005-03-03": True
    }


@pytest.mark.parametrize(
    ("text", "date", "scheduled"),
    [
        # a date named after "since" and the point looked back to is past
        (
            "She hopes to be the first Briton to win the title since Ann Jones in 1969.",
            "1969",
            False,
        ),
        ("The side will try to win its first cup since its founding in 1901.", "1901", False),
        # ... but not after "since" and a clause of its own
        ("She will race at home since winning gold, in a meeting in 2006.", "2006", True),
        # "could not" tells what failed, in the past
        ("And at the 2002 festival the jury could not choose a winner.", "2002", False),
        ("At the 2003 show the band could not play, so fans went home.", "2003", False),
        ("The firm could open a plant in 2006.", "2006", True),
        # "sure to", "certain to", "bound to", a plain "expect" look ahead; "make sure to" does not
        ("The two are sure to be prominent during 2006.", "2006", True),
        ("The striker is certain to miss the first games of 2006.", "2006", True),
        ("Producers expect the sequel to be released in 2006.", "2006", True),
        ("He made sure to visit the plant in 2004.", "2004", False),
        # a form in "-ed" before a noun is an adjective, not a past verb
        ("She will play doubles and mixed doubles events in 2006.", "2006", True),
        ("The store will sell toys with reduced prices in 2006.", "2006", True),
    ],
)
def test_cues_read_in_an_undated_article(text: str, date: str, scheduled: bool) -> None:
    assert kinds(text)[date] is scheduled
