"""Tests for round fifteen of the time tagger, from an audit of dated tennis and film news: the
side of the publication date a day or a month falls on, "until" after a delay, generic
"today". Invented sentences only."""

from __future__ import annotations

from dataclasses import asdict

import pytest

from storyline.date_words import entry_when
from storyline.timeline import build_timeline
from storyline.timex import qualifier, tag_times
from tests.test_timeline import article

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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a fixture told in the present tense is still to come, as with "will"
        ("In Thursday's semi-final, Smith takes on Jones.", "2005-03-17"),
        (
            "Jones has been given a bye and plays Smith in the second round on Thursday.",
            "2005-03-17",
        ),
        (
            "Jones makes his debut for the club at the ground in Leeds, England, on Wednesday.",
            "2005-03-16",
        ),
        ("United host City at Old Trafford, the club said, on Sunday.", "2005-03-13"),
        # ... and one told in the past is over
        ("In Thursday's semi-final, Smith beat Jones.", "2005-03-10"),
        ("Jones beat Smith in the second round on Thursday.", "2005-03-10"),
        ("Sales rose 5% at the store in Leeds, England, on Thursday.", "2005-03-10"),
        ("Sales rose 5%, analysts said, on Thursday.", "2005-03-10"),
    ],
)
def test_a_fixture_in_the_present_tense_is_the_coming_day(text: str, value: str) -> None:
    assert [v for _, v in values(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At the festival on Friday night, there is a chance the film could win.", "2005-03-18TNI"),
        (
            "At the festival on Friday night, there is the prospect of a prize for the film.",
            "2005-03-18TNI",
        ),
        ("At the festival on Friday night, the film won three prizes.", "2005-03-11TNI"),
        ("At the festival on Friday night, the film could not win a prize.", "2005-03-11TNI"),
    ],
)
def test_a_fronted_date_takes_a_possibility_after_it_as_a_cue(text: str, value: str) -> None:
    assert [v for _, v in values(text)] == [value]


def test_a_weekday_no_word_places_agrees_with_the_texts_other_mentions() -> None:
    text = 'The gala is on Friday night. Critics said there "might be" a surprise on Friday.'
    assert [v for _, v in values(text)] == ["2005-03-18TNI", "2005-03-18"]
    # a past verb places it: the Friday before
    text = "The gala opens on Friday. The film won a prize on Friday."
    assert [v for _, v in values(text)] == ["2005-03-18", "2005-03-11"]
    # two mentions that disagree leave a third where it was
    text = "The gala opens on Friday. It was cancelled on Friday. A sweep of awards on Friday."
    assert [v for _, v in values(text)] == ["2005-03-18", "2005-03-11", "2005-03-11"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # written in December: a noun's month in the possessive after "out of", "for", "from"
        ("She denied reports that she pulled out of January's Australian Open.", "2005-01"),
        ("He was picked for February's tour of India.", "2005-02"),
        ("The striker limped out of January's cup tie with a knee injury.", "2005-01"),
        # a verb at the noun's event, or a part of the month, is placed by the verb
        ("She won January's Australian Open.", "2004-01"),
        ("Exports fell in December's final week.", "2004-12"),
    ],
)
def test_a_month_in_the_possessive_names_its_nouns_date(text: str, value: str) -> None:
    assert [v for _, v in values(text, "2004-12-14")] == [value]


@pytest.mark.parametrize(
    ("text", "qualified"),
    [
        ("The album has been delayed until 2006.", ("2006", "ON_OR_AFTER")),
        ("The court postponed the film's launch until 3 May.", ("2005-05-03", "ON_OR_AFTER")),
        ("The vote was put back until April.", ("2005-04", "ON_OR_AFTER")),
        ("The new console will not go on sale until 2006.", ("2006", "ON_OR_AFTER")),
        ("Deliveries are not due until October.", ("2005-10", "ON_OR_AFTER")),
        # "until" with no delay or negation is a deadline or an end, as before
        ("The offer runs until April.", ("2005-04", "ON_OR_BEFORE")),
        ("He did not say why, and will stay until 2006.", ("2006", "ON_OR_BEFORE")),
    ],
)
def test_until_after_a_delay_or_a_negation_means_not_before(
    text: str, qualified: tuple[str, str]
) -> None:
    assert [(t.value, qualifier(t)) for t in tag_times(text, D)] == [qualified]


def test_a_delay_until_shows_on_or_after_in_the_timeline() -> None:
    text = "The next film has been delayed until 2006 due to a takeover."
    entries = build_timeline([article("a", text, "2005-01-15")])
    shown = [(e.date, entry_when(asdict(e)), e.scheduled) for e in entries]
    assert shown == [("2006", "2006 (on or after)", True)]


@pytest.mark.parametrize(
    "text",
    [
        "In today's media, old shows come back.",
        "The choice today's music fan faces is simple.",
        "It shows a lack of nerve in today's film-makers.",
        "Old toys are sold again to the kids of today.",
        "The show cannot appeal to the children of today.",
        "He wanted to give the people of today a taste of it.",
    ],
)
def test_generic_today_is_the_present_not_the_day(text: str) -> None:
    assert [v for t, v in values(text) if t.lower() == "today"] == ["PRESENT_REF"]


@pytest.mark.parametrize(
    "text",
    [
        "Today's match was called off.",
        "Shares fell in today's trading.",
        "Today's music charts show a rise.",
        "Today's vote is close.",
        "The minister made the announcement today.",
    ],
)
def test_today_of_an_event_is_the_day(text: str) -> None:
    assert [v for t, v in values(text) if t.lower() == "today"] == [D]


def test_a_quarter_of_a_thing_is_no_time() -> None:
    assert values("He is in the same quarter of the draw as Roddick.") == []
    assert values("They live in the old quarter of the city.") == []
    # a quarter of a year is still one (its value is timex_finance's business)
    texts = [t for t, _ in values("Sales rose in the same quarter of last year.")]
    assert texts == ["the same quarter", "last year"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("More acts were still to be confirmed for the summer event.", "2005-SU"),
        ("Tickets are to be sold for the summer shows.", "2005-SU"),
        ("The band played at a festival in the summer.", "2004-SU"),
    ],
)
def test_a_season_after_a_deadline_or_a_plan_to_be_done_is_the_coming_one(
    text: str, value: str
) -> None:
    assert [v for _, v in values(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At the end of the year I was exhausted, the player said.", "2004"),
        ("At the end of the year we were tired of travelling.", "2004"),
        ("At the end of the year the firm will float.", "2005"),
        ("Sales rose at the end of 2005.", "2005"),
    ],
)
def test_the_end_of_the_year_told_in_january_in_the_past_is_last_years(
    text: str, value: str
) -> None:
    assert [v for _, v in values(text, "2005-01-12")] == [value]
