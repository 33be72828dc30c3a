"""Session 19's audit of undated BBC news: a forecast verb in the past that tells what
happened, and a participle inside a forecast's object (storyline.timeline_tense). Invented
sentences only."""

from __future__ import annotations

import pytest

from tests.test_timeline_tense import kinds


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Nobody expected the crash in 2001.", "2001"),
        ("Few had expected the merger in 1999.", "1999"),
        ("No one had really expected the crash in 2001.", "2001"),
        ("Not many investors expected the crash in 2001.", "2001"),
        ("Hardly anyone predicted the slump in 2002.", "2002"),
        ("We never expected the crash in 2001, the chairman said.", "2001"),
        ("Analysts hadn’t expected the merger in 1999.", "1999"),
        ("Analysts had forecast a rise in sales in 2003.", "2003"),
        ("Nobody expected prices to fall in 2001.", "2001"),
    ],
)
def test_a_forecast_verb_after_had_or_a_negation_tells_what_happened(text: str, date: str) -> None:
    assert kinds(text) == {date: False}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The merger is expected in 2006.", "2006"),
        ("The upcoming vote, expected in 2006, will be close.", "2006"),
        ("The vote, not expected before 2006, will be close.", "2006"),
        ("The merger is not expected in 2006.", "2006"),
        ("It's expected in 2006, the firm said.", "2006"),
        ("A few analysts expected the merger in 2006.", "2006"),
        ("Analysts expected growth in 2006.", "2006"),
        # (a plan in the past perfect, "had expected to finish the plant in 2005", is a plan
        # as it stood: no scheduled entry, see tests/test_timeline_tense_round15.py)
    ],
)
def test_a_forecast_as_a_passive_a_participle_or_a_plan_still_looks_ahead(
    text: str, date: str
) -> None:
    assert kinds(text) == {date: True}


def test_than_expected_stays_a_comparison() -> None:
    # "than expected" was no cue before this rule and is none now
    assert kinds("Sales were lower than expected in 2004.") == {"2004": False}


@pytest.mark.parametrize(
    "text",
    [
        "TNT expects the number of phones sold in 2008 to reach 50 million.",
        "Analysts forecast that handsets sold in 2008 will double.",
        "A survey predicted that the number of 3G handsets sold in 2005 would double.",
        "The firm expects cars built in 2006 to be safer.",
    ],
)
def test_a_participle_in_a_forecasts_object_leaves_the_date_to_the_forecast(text: str) -> None:
    assert list(kinds(text).values()) == [True]


@pytest.mark.parametrize(
    "text",
    [
        # a finite past verb of its own clause
        "The firm expects growth, having sold 2m phones in 2004.",
        "It expects more after it sold 2m phones in 2004.",
        "It expects more after rivals sold in 2004 will rise.",
        # the object does not go on after the date: the participle's date is its own
        "The firm expects sales to beat the phones sold in 2004.",
        "It expects the phones sold in 2004 were faulty.",
        # no forecast verb: a plan's object keeps its past ("a link closed in 1969")
        "Campaigners are to stage a rally for a rail link closed in 1969.",
        "It will replace phones sold in 2004 to customers.",
    ],
)
def test_a_past_verb_or_a_participle_outside_a_forecast_stays_past(text: str) -> None:
    assert list(kinds(text).values()) == [False]
