"""Past or still to come: a future cue must govern the date (storyline.timeline_tense)."""

from __future__ import annotations

import pytest

from storyline.model import TimelineEntry
from storyline.timeline import build_timeline
from tests.test_timeline import article


def kinds(text: str, published: str | None = None) -> dict[str, bool]:
    """Each entry's date and whether it is scheduled, for one article."""
    entries: list[TimelineEntry] = build_timeline([article("a", text, published)])
    return {e.date: e.scheduled for e in entries}


@pytest.mark.parametrize(
    ("text", "date", "scheduled"),
    [
        # the audit's cases, in articles with no publication date
        ("The upcoming referendum is widely backed. It is expected in 2006.", "2006", True),
        ("The company said it hoped to return to profit in 2006.", "2006", True),
        ("The deficit is projected to rise to $427bn in 2005.", "2005", True),
        ("Campaigners are to stage a rally for a rail link closed in 1969.", "1969", False),
        (
            "\"I don't think we'll see a pre-election spree - we certainly did not see that"
            ' before 2001," he said.',
            "2001",
            False,
        ),
        (
            "The cuts would avoid the pyres which provided images of the 2001 outbreak.",
            "2001",
            False,
        ),
        ("The first cards would be issued in 2008, the minister said.", "2008", True),
        ("In 2006, the company will float its shares in London.", "2006", True),
        ("In 2002, investors in the company lost millions of dollars.", "2002", False),
        ("Sales of the new phone were lower than expected in 2004.", "2004", False),
        ("The awards will return to the hall used since 1997, organisers say.", "1997", False),
        (
            "Members must have been customers for two years on 31 December 2004.",
            "2004-12-31",
            False,
        ),
    ],
)
def test_a_future_cue_must_govern_the_date(text: str, date: str, scheduled: bool) -> None:
    assert kinds(text)[date] is scheduled


def test_a_cue_in_another_clause_or_before_a_past_verb_does_not_count() -> None:
    assert kinds("Mr Smith, who will retire soon, was elected in 2001.") == {"2001": False}
    assert kinds("The plan will create jobs; the plant closed in 1998.") == {"1998": False}
    assert kinds("The old mill may have been built in 1850.") == {"1850": False}
    assert kinds("He said 20 million homes would have HDTV sets by 2008.") == {"2008": True}
    assert kinds("The new stadium is set to be officially opened in 2006.") == {"2006": True}
    assert kinds("Voters will need to have registered by 11 March 2005.") == {"2005-03-11": True}


@pytest.mark.parametrize(
    ("text", "date", "scheduled"),
    [
        ('It plans to invest 100m euros in "aggressive" marketing in 2005.', "2005", True),
        ('Tax cuts would "sunset", or disappear, in 2010, the report says.', "2010", True),
        ("Unlike 2001, there should be no need for taxis between the events.", "2001", False),
        (
            "All children born after 1 September 2002 will be eligible for the grant.",
            "2002-09-01",
            False,
        ),
        ("It could restate $9bn of earnings, a third of its profits since 2001.", "2001", False),
        ("Output was likely to surpass the levels seen in 2004, the firm said.", "2004", False),
        ("Although 2005 may not be the year things go wrong, it will be hard.", "2005", True),
        ("The mission will end no later than the end of September 2025.", "2025-09", True),
        ("Voters are entering the expected 2005 election campaign with hope.", "2005", True),
    ],
)
def test_quotes_fronted_dates_baselines_and_named_things(
    text: str, date: str, scheduled: bool
) -> None:
    assert kinds(text)[date] is scheduled


@pytest.mark.parametrize(
    "text",
    [
        "For the whole of 2004, GM earned $3.7bn, down from $3.8bn in 2003.",
        "Losses in Europe totalled $345m, up from $66m during the same period in 2003.",
        "Festive sales were also up on 2003, the survey found.",
        "Net income was $3.5bn, up nearly $3bn from 2003, the company said.",
        "Vehicle sales were 6,798,000, an increase of 62,000 units from 2003.",
        "The bank warned growth this year may be slower than in 2003.",
        "Profits rose to $5bn, compared with $4bn in 2003.",
        "Inflation was 7.6% in 2004, well above 2003's 9.1% target.",
        "Profit was 2.3bn rupees in 2004, compared with 1.41bn rupees in 2003.",
    ],
)
def test_the_baseline_of_a_comparison_is_no_happening(text: str) -> None:
    # session 18's audit: each of these was a 2003 entry of a story about 2004
    assert "2003" not in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        'Brightline said it was expecting "reduced losses" in Europe in 2005.',
        "The firm cut costs, adding it believes it can achieve this in 2007.",
        "TNT expects up to one million set-top boxes to be sold in 2005.",
        "By the middle of 2005, it is estimated that half of all users will be on broadband.",
        "The player is set for much larger consumer trials later in 2005.",
        "The report predicts that 70% of all phones sold will have a built-in camera by 2008.",
        "The fund backed efforts to have 3 million people on the drugs by the end of 2005.",
        "The agency has the aim of reaching 85% of parents by 2007.",
    ],
)
def test_forecasts_and_plans_of_an_undated_article_are_scheduled(text: str) -> None:
    # session 18's audit: each was shown as past
    assert list(kinds(text).values()) == [True]


def test_a_target_or_a_move_is_still_dated() -> None:
    assert kinds("Unemployment is expected to rise to 5% in 2006.") == {"2006": True}
    assert kinds("The rate was raised from 4% in 2003, the bank said.") == {"2003": False}
    assert kinds("The mission will end no later than the end of September 2025.") == {
        "2025-09": True
    }


def test_deadlines_of_a_dated_article_stay_scheduled() -> None:
    text = (
        "The mission will end no later than the end of September 2025. "
        "Operations in Syria will continue until September 2026. "
        "The coalition was formed in 2014."
    )
    got = kinds(text, "2024-09-27")
    assert got["2025-09"] and got["2026-09"] and not got["2014"]


@pytest.mark.parametrize(
    ("text", "date", "scheduled"),
    [
        # a week is after the article by its own days, not by the month it is shown in
        ("Next week's chart will reveal the number one single, the label said.", "2005-02", True),
        ("Last week's chart was topped by a charity single, the label said.", "2005-01", False),
        # of the article's own month or day, a plan announced now is still to come ...
        ("Alicia Keys is to open February's Super Bowl, the organisers said.", "2005-02", True),
        ("The new manager will be unveiled to the press today, the club said.", "2005-02-02", True),
        # ... a plan only reported as it stood may be over by the time of writing
        (
            "Police said a bomb was due to explode at 2100 today, but none was found.",
            "2005-02-02",
            False,
        ),
        (
            "He said in a speech today that the plant would close, the union said.",
            "2005-02-02",
            False,
        ),
        ("The chain reported higher sales in February, the company said.", "2005-02", False),
    ],
)
def test_a_date_of_the_article_own_week_month_or_day(text: str, date: str, scheduled: bool) -> None:
    assert kinds(text, "2005-02-02")[date] is scheduled


def test_a_lead_that_announces_is_no_happening_of_the_article_day() -> None:
    announce = "Fiat will meet car maker Norland on Tuesday to settle the dispute, it said."
    got = kinds(announce, "2005-02-28")
    assert got == {"2005-03-01": True}  # no past entry at the article's own day
    speech = "The chancellor will say that aid to poor countries must double, aides said."
    assert kinds(speech, "2005-02-28") == {}
    # the lead, at its day: a report, a plan announced that day, a prediction made
    for lead in (
        "The chancellor said that aid to poor countries must double, aides said.",
        "Boeing is to supply Japan Airlines with up to 50 new jets, the firm said.",
        "Tony Blair has predicted the government will give millions in aid to the region.",
    ):
        assert kinds(lead, "2005-02-28") == {"2005-02-28": False}, lead
