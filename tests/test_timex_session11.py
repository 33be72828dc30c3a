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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each day of "22 and 23 June" is a date of its own, in the last day's month and year
        (
            "Paintings go under the hammer in London on 22 and 23 June 2004.",
            [("22", "DATE", "2004-06-22"), ("23 June 2004", "DATE", "2004-06-23")],
        ),
        (
            "The vote could follow on 16 or 17 March, aides said.",
            [("16", "DATE", "2005-03-16"), ("17 March", "DATE", "2005-03-17")],
        ),
        (
            "Previews will be held on 14, 20 and 27 April 2005.",
            [
                ("14", "DATE", "2005-04-14"),
                ("20", "DATE", "2005-04-20"),
                ("27 April 2005", "DATE", "2005-04-27"),
            ],
        ),
        (
            "The finals will be played from 4-6 March 2005 in Madrid.",
            [("4", "DATE", "2005-03-04"), ("6 March 2005", "DATE", "2005-03-06")],
        ),
        # a day that does not exist keeps the month, as the last day does
        (
            "It was due on 30 or 31 February 2005.",
            [("30", "DATE", "2005-02"), ("31 February 2005", "DATE", "2005-02")],
        ),
        # counts before a month are no days
        ("He scored 2 and 3 goals in March 2004.", [("March 2004", "DATE", "2004-03")]),
        ("Prices rose 2.5 and 3 points in May 2004.", [("May 2004", "DATE", "2004-05")]),
    ],
)
def test_each_day_of_a_list_is_a_date(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


def test_first_day_takes_the_last_days_year() -> None:
    got = kinds("The show will take place between 22 and 24 June.", W)
    assert got == [("22", "DATE", "2005-06-22"), ("24 June", "DATE", "2005-06-24")]


def test_a_full_month_name_leaves_the_full_stop() -> None:
    got = kinds("The fair ended on 23 June. It opened on Sept. 4.", W)
    assert got == [("23 June", "DATE", "2004-06-23"), ("Sept. 4", "DATE", "2004-09-04")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a timetable in the present tense looks ahead, as "will" does
        ("E3 takes place in May, organisers said.", [("May", "DATE", "2005-05")]),
        ("The show opens on Friday in London.", [("Friday", "DATE", "2005-02-25")]),
        ("On Friday, the show opens in London.", [("Friday", "DATE", "2005-02-25")]),
        ("The summit begins on 16 December.", [("16 December", "DATE", "2005-12-16")]),
        ("The PSP goes on sale in the US on Thursday.", [("Thursday", "DATE", "2005-02-24")]),
        ("The festival runs until Sunday.", [("Sunday", "DATE", "2005-02-27")]),
        # news reports in the past tense: bare weekdays and past verbs stay behind
        ("The show opened on Friday in London.", [("Friday", "DATE", "2005-02-18")]),
        ("Police made arrests on Friday.", [("Friday", "DATE", "2005-02-18")]),
        ("England made 300 runs on Friday.", [("Friday", "DATE", "2005-02-18")]),
        # an event named in the possessive, with "will" or "is" right after it: ahead
        (
            "Sunday's Oscar ceremony will be watched by millions.",
            [("Sunday", "DATE", "2005-02-27")],
        ),
        ("Saturday's big match is sold out.", [("Saturday", "DATE", "2005-02-26")]),
        ("Sunday's Oscar ceremony was watched by millions.", [("Sunday", "DATE", "2005-02-20")]),
        ("Monday's ruling is final.", [("Monday", "DATE", "2005-02-21")]),
        (
            "He spoke after Saturday's meeting: we are still talking.",
            [("Saturday", "DATE", "2005-02-19")],
        ),
        (
            "Based on Tuesday's hearing it seems the ruling will stand.",
            [("Tuesday", "DATE", "2005-02-22")],
        ),
    ],
)
def test_present_tense_schedules_look_ahead(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "FY2004" is fiscal 2004, valued by its year as TimeBank values "fiscal 1989"
        ("FY2004 profit rose, and FY 2005 looks better.",
         [("FY2004", "DATE", "2004"), ("FY 2005", "DATE", "2005")]),
        # "financial year" is the British "fiscal year"
        ("It forecast a loss in its current financial year.",
         [("current financial year", "DATE", "2005")]),
        ("It earned $6.2bn in its last financial year.",
         [("last financial year", "DATE", "2004")]),
        ("They earned $6.2bn in their last financial year.",
         [("last financial year", "DATE", "2004")]),
        ("But this financial year, the duty will rise.",
         [("this financial year", "DATE", "2005")]),
        ("It lost £6m in the financial year, it said.",
         [("the financial year", "DATE", "2005")]),
        # a year named by its end stays twelve months long (TimeBank: 7 of 8)
        ("Sales in the fiscal year ended June 30, 2004 rose.",
         [("the fiscal year", "DURATION", "P1Y"), ("June 30, 2004", "DATE", "2004-06-30")]),
        # a fiscal quarter's number is no calendar quarter: it takes the year of the last
        # quarter ended before the dct (October to December 2004, reported in February 2005)
        ("Apple's profit in its fiscal first quarter rose.",
         [("fiscal first quarter", "DATE", "2004-Q1")]),
        ("Qantas posted a record fiscal first-half profit.",
         [("fiscal first-half", "DATE", "2004-H1")]),
        # a calendar quarter still follows the calendar
        ("GDP rose in the first quarter of this year.",
         [("the first quarter of this year", "DATE", "2005-Q1")]),
    ],
)  # fmt: skip
def test_fiscal_periods(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


def test_fiscal_quarter_in_autumn_takes_the_dct_year() -> None:
    # TimeBank: "the fiscal first quarter" in a report of October 1989 is 1989-Q1
    got = kinds("Net rose in the fiscal first quarter.", "1989-10-26")
    assert got == [("the fiscal first quarter", "DATE", "1989-Q1")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock time right after its day is one TIME on that day, as "Tuesday at 3pm" was
        ("It is shown on BBC2 on Saturday 12 February at 2005 GMT.",
         [("Saturday 12 February at 2005 GMT", "TIME", "2005-02-12T20:05Z")]),
        ("It can be seen on Sunday, 12 December 2004, at 1200 GMT.",
         [("Sunday, 12 December 2004, at 1200 GMT", "TIME", "2004-12-12T12:00Z")]),
        ("Polls closed on Tuesday at 2300 GMT.",
         [("Tuesday at 2300 GMT", "TIME", "2005-02-22T23:00Z")]),
        # "10am." leaves the sentence's full stop; "a.m." keeps its own
        ("It sold out by 4pm. Doors opened at 7 a.m. sharp.",
         [("4pm", "TIME", "2005-02-23T16:00"), ("7 a.m.", "TIME", "2005-02-23T07:00")]),
        # the British spelling of a clock time
        ("Cash was overtaken at 10.38am, Apacs said.", [("10.38am", "TIME", "2005-02-23T10:38")]),
        ("Tickets cost £1.50pm, it said.", []),
    ],
)  # fmt: skip
def test_clock_times_with_their_day(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time word inside a title of capitalised words names no time (TimeML)
        ("Carson hosted the Tonight Show for years.", [("years", "DURATION", "PXY")]),
        ("Slade's Merry Christmas Everybody was played.", []),
        ("He starred in Ant & Dec's Saturday Night Takeaway.", []),
        ("She told BBC Radio 4's Today Programme it was unfair.", []),
        ("Woodward told the Sunday Independent it was over.", []),
        ("His single, It's Now Or Never, will top the charts.", []),
        # a date before the subject of its clause is still a date
        ("On Wednesday Prime Minister Tymoshenko said it was over.",
         [("Wednesday", "DATE", "2005-02-23")]),
        ("In September Spears married Kevin Federline.", [("September", "DATE", "2004-09")]),
        ("It rose from expectations in the September Tankan.", [("September", "DATE", "2004-09")]),
    ],
)  # fmt: skip
def test_time_words_in_titles(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount "a year" is a rate, as "$2 million a year" already was, however the
        # amount is written ("£1bn", "$5bn (£2.7bn)") and whatever the unit ("an hour")
        ("It costs over £1bn a year, he said.", [("a year", "SET", "P1Y")]),
        ("It will cut costs by $5bn (£2.7bn) a year.", [("a year", "SET", "P1Y")]),
        ("The firm earns about $1.8m an hour.", [("an hour", "SET", "PT1H")]),
        # a length of time stays one
        ("He had a year as player-boss at Forest.", [("a year", "DURATION", "P1Y")]),
        ("It took an hour to clear.", [("an hour", "DURATION", "PT1H")]),
    ],
)
def test_amounts_per_unit_are_rates(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the determiner belongs to a counted length of time (TIDES; TimeBank 76 of 85)
        ("For the nine months, net rose 4.3%.", [("the nine months", "DURATION", "P9M")]),
        ("GDP rose in the three months to September 2004.",
         [("the three months", "DURATION", "P3M"), ("September 2004", "DATE", "2004-09")]),
        # not before an adjective ("the eight-year war"), nor inside a word ("Bathe 3 days")
        ("He ended the eight-year war.", [("eight-year", "DURATION", "P8Y")]),
        ("Bathe 3 days a week.", [("3 days", "DURATION", "P3D"), ("a week", "SET", "P1W")]),
    ],
)  # fmt: skip
def test_the_belongs_to_a_counted_duration(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert kinds(text, W) == expected


def test_the_belongs_to_the_noun_after_an_adjectival_period() -> None:
    # TimeBank marks "the [third-quarter] loss", "The [year-ago] results" (3 of 3, 3 of 3)
    got = kinds("A factor in the third-quarter loss was fuel. The year-ago results were weak.", W)
    assert [text for text, _, _ in got] == ["third-quarter", "year-ago"]
    assert kinds("Profit rose in the third quarter.", W) == [
        ("the third quarter", "DATE", "2004-Q3")
    ]


def test_the_opens_an_early_or_late_decade() -> None:
    got = kinds("Prices fell in the late 1980s and in late March.", W)
    # the March before the dct: a past verb governs it (round 13)
    assert got == [("the late 1980s", "DATE", "198"), ("late March", "DATE", "2004-03")]
