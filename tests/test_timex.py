"""Tests for the rule-based temporal tagger (storyline.timex)."""

from __future__ import annotations

import re

import pytest

from storyline.model import TimeExpr
from storyline.timex import qualifier, tag_times
from tests.conftest import SEEDS, need


def one(text: str, dct: str | None, phrase: str) -> TimeExpr:
    """The single expression whose text contains ``phrase``."""
    hits = [t for t in tag_times(text, dct) if phrase in t.text]
    assert len(hits) == 1, (phrase, tag_times(text, dct))
    return hits[0]


def values(text: str, dct: str | None = None) -> list[str]:
    return [t.value for t in tag_times(text, dct)]


def test_deadline_phrase_keeps_end_and_qualifier() -> None:
    text = "They will end the mission “no later than the end of September 2025” and more."
    t = one(text, "2024-09-27", "September 2025")
    # "no later than" is a TimeML SIGNAL: out of the span, kept on the expression
    assert (t.text, t.signal) == ("the end of September 2025", "no later than")
    assert (t.type, t.value, t.mod, t.anchored) == ("DATE", "2025-09", "END", False)
    assert qualifier(t) == "ON_OR_BEFORE"
    assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "dct", "value", "mod"),
    [
        ("the minister declared in early September.", "2024-09-27", "2024-09", "START"),
        ("the minister declared in early September.", None, "XXXX-09", "START"),
        ("Iraq proclaimed victory at the end of 2017, but", None, "2017", "END"),
        ("talks began in mid-March 2023 in Baghdad", None, "2023-03", "MID"),
        ("it will cease to exist by September 2025, said", None, "2025-09", "ON_OR_BEFORE"),
        ("will continue until September 2026 under", None, "2026-09", "ON_OR_BEFORE"),
        ("It happened before 2020 in the city.", None, "2020", "BEFORE"),
        ("It has grown since 2014 in the region.", None, "2014", "AFTER"),
        ("It was built around 2010 by them.", None, "2010", "APPROX"),
    ],
)
def test_modifiers(text: str, dct: str | None, value: str, mod: str) -> None:
    dates = [t for t in tag_times(text, dct) if t.type == "DATE"]
    assert [(t.value, t.mod) for t in dates] == [(value, mod)]


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The US and Iraq announced this Friday that", "2024-09-27", "2024-09-27"),
        ("said a joint statement issued Friday by the", "2024-09-28", "2024-09-27"),
        ("The army announced on Saturday the killing", "2024-09-28", "2024-09-28"),
        ("They will meet next Friday in Rome.", "2024-09-28", "2024-10-04"),
        ("The leaders will meet on Monday in Rome.", "2024-09-28", "2024-09-30"),
        ("Prices rose last week in the capital.", "2024-09-27", "2024-W38"),
        ("The vote is due next month, officials said.", "2024-09-27", "2024-10"),
        ("He came to power a year ago with their support.", "2024-01-05", "2023"),
        ("In February, Iraq and the US began meetings.", "2024-07-25", "2024-02"),
        ("In November, talks stalled in Baghdad.", "2024-07-25", "2023-11"),
        ("The summit is planned for next September in Paris.", "2024-09-27", "2025-09"),
        ("The summit is planned for next March in Paris.", "2024-09-27", "2025-03"),
        ("The plan will take effect next year, he said.", "2024-07-25", "2025"),
        ("The mission ends in September next year.", "2024-09-27", "2025-09"),
        ("They met on Sept. 27 in Baghdad.", "2024-09-28", "2024-09-27"),
        ("They met on Sep 27 in Baghdad.", "2024-09-28", "2024-09-27"),
        ("They met on 27 September in Baghdad.", "2024-09-28", "2024-09-27"),
        ("They met on December 30 in Baghdad.", "2024-01-05", "2023-12-30"),
        ("announced on Friday September 27 that", "2024-09-28", "2024-09-27"),
        ("Talks started in the winter of 2023 in Iraq.", None, "2023-WI"),
        ("Growth slowed in the third quarter of 2024, data showed.", None, "2024-Q3"),
        ("The figures were released today in Rome.", "2024-09-27", "2024-09-27"),
        ("Iraq is now in active preparation.", "2024-01-05", "PRESENT_REF"),
        ("Currently, the US maintains 900 troops.", None, "PRESENT_REF"),
        ("Two delegations recently held talks.", "2024-07-25", "PAST_REF"),
    ],
)
def test_relative_values(text: str, dct: str | None, value: str) -> None:
    assert values(text, dct) == [value]


def test_anchored_flag_and_following_year() -> None:
    times = tag_times("The coalition was formed in 2014. The following year it grew.", None)
    assert [(t.value, t.anchored) for t in times] == [("2014", False), ("2015", False)]
    assert tag_times("announced this Friday", "2024-09-27")[0].anchored


def test_no_dct_never_invents_a_year() -> None:
    text = "The strike on Thursday followed a statement on Friday. They met on September 27."
    assert values(text, None) == ["XXXX-WXX-4", "XXXX-WXX-5", "XXXX-09-27"]
    assert not any(t.anchored for t in tag_times(text, None))
    assert values("He rose to power a year ago.", None) == ["XXXX"]
    # a dct without a day cannot place a weekday either
    assert values("The statement came on Friday.", "2024-09") == ["XXXX-WXX-5"]


def test_absolute_forms_and_time() -> None:
    assert [(t.type, t.value) for t in tag_times("2024-09-28 20:00 Last Updated", None)] == [
        ("TIME", "2024-09-28T20:00")
    ]
    assert values("It opened on March 29, 2020 in Kirkuk.") == ["2020-03-29"]
    assert values("It opened on 29 March 2020 in Kirkuk.") == ["2020-03-29"]
    assert values("The deadline is September 2025 at the latest.") == ["2025-09"]
    both = tag_times(
        "The phase runs between September 2025 and September 2026, officials said.", None
    )
    assert [(t.type, t.value) for t in both] == [("DATE", "2025-09"), ("DATE", "2026-09")]


def test_impossible_dates_never_yield_a_non_date() -> None:
    for text in ("It was signed on February 30, 2024 in Rome.", "It ends on 31 June, he said."):
        for value in values(text, "2024-09-27") + values(text, None):
            assert not re.fullmatch(r"(\d{4}|XXXX)-(02-3\d|06-31)", value), value


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("This marks a decade since the formation of the coalition.", "P10Y", None),
        ("The talks lasted three years in total.", "P3Y", None),
        ("It happened after months of talks since then.", "PXM", None),
        ("The ceasefire held for 24 hours only.", "PT24H", None),
        ("after more than a decade of partnership", "P10Y", "MORE_THAN"),
    ],
)
def test_durations(text: str, value: str, mod: str | None) -> None:
    durations = [t for t in tag_times(text, "2024-09-27") if t.type == "DURATION"]
    assert [(t.value, t.mod) for t in durations] == [(value, mod)]


@pytest.mark.parametrize(
    "text",
    [
        "The US has 2,500 troops in Iraq.",
        "Spain contributes around 180 soldiers.",
        "It sent about 2000 troops to the border.",
        "The company hired 1500 workers last spring.",
        "Prices may rise, analysts said.",
    ],
)
def test_numbers_are_not_years(text: str) -> None:
    assert not [t for t in tag_times(text, None) if re.match(r"\d{4}$", t.value)]


def test_years_with_context() -> None:
    assert values("Born in 1960 in the outskirts of Beirut.") == ["1960"]
    assert values("In 1982, he joined the party.") == ["1982"]
    assert values("The coalition was born in 2014 at the height.") == ["2014"]


def test_sets() -> None:
    assert [(t.type, t.value) for t in tag_times("They meet every year in Geneva.", None)] == [
        ("SET", "P1Y")
    ]


def test_seed_texts_offsets_sorted_and_disjoint() -> None:
    need(SEEDS)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        times = tag_times(text, "2024-09-27")
        assert times, path.name
        for a, b in zip(times, times[1:], strict=False):
            assert a.end <= b.start
        for t in times:
            assert text[t.start : t.end] == t.text
            assert t.type in ("DATE", "TIME", "DURATION", "SET")


# --------------------------------------------------------------------------- kinds and values

D = "2024-09-27"  # a Friday


def kinds(text: str, dct: str | None = D) -> list[tuple[str, str, str]]:
    """(text, type, value) of every expression found."""
    return [(t.text, t.type, t.value) for t in tag_times(text, dct)]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the four types and the basic values
        ("The election took place in 2024.", None, ("2024", "DATE", "2024")),
        ("Inflation eased this week.", D, ("this week", "DATE", "2024-W39")),
        ("The strike ended on Thursday.", D, ("Thursday", "DATE", "2024-09-26")),
        ("Police came at 7:15 p.m. to the bar.", D, ("7:15 p.m.", "TIME", "2024-09-27T19:15")),
        ("Police came at 7:15 p.m. to the bar.", None, ("7:15 p.m.", "TIME", "XXXX-XX-XXT19:15")),
        ("The fund pays $2 million a year.", None, ("a year", "SET", "P1Y")),
        ("Pilgrims gather each July.", None, ("each July", "SET", "XXXX-07")),
        ("The board meets every quarter.", None, ("every quarter", "SET", "P1Q")),
        # clock times with their day, parts of a day
        ("Robbed at 10 p.m. Wednesday.", D, ("10 p.m. Wednesday", "TIME", "2024-09-25T22:00")),
        ("Bids close at 5 p.m. EST Nov. 9.", D, ("5 p.m. EST Nov. 9", "TIME", "2024-11-09T17:00")),
        ("The vote ended at noon Thursday.", D, ("noon Thursday", "TIME", "2024-09-26T12:00")),
        ("Rebels attacked last night, he said.", D, ("last night", "TIME", "2024-09-26TNI")),
        ("Shares slid in mid-afternoon yesterday.", D, ("mid-afternoon yesterday", "TIME",
                                                        "2024-09-26TAF")),
        ("The quake struck at 0415 GMT.", D, ("0415 GMT", "TIME", "2024-09-27T04:15Z")),
        # durations
        ("She lived abroad for 2 1/2 years.", None, ("2 1/2 years", "DURATION", "P2Y6M")),
        ("The siege lasted a year and a half.", None, ("a year and a half", "DURATION", "P1Y6M")),
        ("The truce held for twenty-four hours.", None, ("twenty-four hours", "DURATION", "PT24H")),
        ("Repairs take a couple of years.", None, ("a couple of years", "DURATION", "P2Y")),
        ("Shipping takes two to three weeks.", None, ("two to three weeks", "DURATION", "PXW")),
        ("Four days later, the rebels withdrew.", None, ("Four days", "DURATION", "P4D")),
        ("The index fell for six trading days.", None, ("six trading days", "DURATION", "P6D")),
        ("Ties grew over the years.", None, ("the years", "DURATION", "PXY")),
        ("He waited for a while at the gate.", None, ("a while", "DURATION", "PXX")),
        # spelled-out years, decades, centuries
        ("It opened in nineteen eighty-two.", None, ("nineteen eighty-two", "DATE", "1982")),
        ("Riots broke out in March nineteen sixty-eight.", None, ("March nineteen sixty-eight",
                                                                  "DATE", "1968-03")),
        ("Markets boomed through the eighties.", "1998-02-13", ("the eighties", "DATE", "198")),
        ("Tastes changed in the '70s.", "1998-02-13", ("the '70s", "DATE", "197")),
        ("The bridge is a 12th century wonder.", None, ("12th century", "DATE", "11")),
        ("Plans for the year two thousand failed.", None, ("the year two thousand", "DATE",
                                                           "2000")),
    ],
)  # fmt: skip
def test_kinds_and_values(text: str, dct: str | None, expected: tuple[str, str, str]) -> None:
    assert kinds(text, dct) == [expected]


def test_ages_shares_and_titles_are_not_times() -> None:
    for text in (
        "A 45-year-old driver, 30 years old at the time of the crash, was hurt.",
        "A quarter of the vote and three-quarters of the seats went to them.",
        'She spoke on ABC\'s "This Week" programme.',
        "He previously ran a former mill and already owns another.",
        "Soon after the vote, as soon as the polls closed, they left.",
        "The future of the party is unclear.",
    ):
        assert tag_times(text, D) == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The current crisis began in spring.", [("current", "PRESENT_REF")]),
        ("The then-current owner sold it.", [("then-current", "PAST_REF")]),
        ("Now that the war is over, trade resumed.", [("Now", "PRESENT_REF")]),
        ("They want an answer as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
        ("Talks may resume in the near future.", [("the near future", "FUTURE_REF")]),
        ("The case will be heard at a later date.", [("a later date", "FUTURE_REF")]),
        ("The country will one day join the union.", [("one day", "FUTURE_REF")]),
        ("Violence has risen in recent years.", [("recent years", "PAST_REF")]),
        ("Prices have fallen in recent weeks.", [("recent weeks", "PXW")]),
        ("Rates will rise in the coming months.", [("the coming months", "FUTURE_REF")]),
        ("Rates will rise in the weeks ahead.", [("the weeks ahead", "PXW")]),
        ("Sales have slowed in the past few months.", [("the past few months", "PAST_REF")]),
        ("For the past few weeks we waited.", [("the past few weeks", "PXW")]),
    ],
)
def test_vague_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag_times(text, D)] == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Profit fell in the fourth quarter.", "2024-01-10", ["2023-Q4"]),
        ("Profit fell in the fourth quarter.", "2024-11-10", ["2024-Q4"]),
        ("Profit fell in the fourth quarter.", None, ["XXXX-Q4"]),
        ("Output rose in the quarter, the mine said.", "2024-10-20", ["2024-Q3"]),
        ("Third-quarter net rose to $5 million from $4 million a year earlier.", "2024-10-20",
         ["2024-Q3", "2023-Q3"]),
        ("Second-quarter sales rose. In the year-ago quarter, it lost money.", "2024-08-01",
         ["2024-Q2", "2023-Q2"]),
        ("Sales rose in the 2023 period and in this quarter.", "2024-08-01",
         ["2023-Q2", "2024-Q2"]),
        ("Sales rose 4% in the year-ago third quarter.", "2024-10-20", ["2023-Q3"]),
        ("It lost money in the current quarter.", "2024-10-20", ["2024-Q4"]),
        ("Rents rose 3% from a year ago, the survey said.", "2024-10-20", ["2023"]),
        ("The firm expects fiscal 2023 sales to grow.", "2024-10-20", ["2023"]),
        ("Sales in the fiscal year ended June 30 rose.", "2024-10-20", ["P1Y", "2024-06-30"]),
        ("For the full year, revenue rose 8%.", "2024-10-20", ["2024"]),
        ("Shares are up 5% since year-end.", "2024-10-20", ["2023"]),
        ("Profit fell in the second half of 2023.", None, ["2023-H2"]),
        ("Sales rose in the last half of 2023.", None, ["2023-H2"]),
        ("Output grows in the first two quarters of 2025.", None, ["2025-H1"]),
        ("It takes effect in next year's first quarter.", "2024-10-20", ["2025-Q1"]),
    ],
)  # fmt: skip
def test_reporting_periods(text: str, dct: str | None, expected: list[str]) -> None:
    assert values(text, dct) == expected


def test_year_end_keeps_end_mod() -> None:
    t = one("The merger should close by year-end, it said.", "2024-10-20", "year-end")
    assert (t.value, t.mod, qualifier(t)) == ("2024", "END", "ON_OR_BEFORE")


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the season, weekend and month the news is about
        ("Sales grew this past spring in Ohio.", "2024-10-20", ["2024-SP"]),
        ("Sales grew last spring in Ohio.", "2024-02-20", ["2023-SP"]),
        ("Crowds were thin over the summer there.", "2024-10-20", ["2024-SU"]),
        ("Officials met over the weekend in Rome.", "2024-09-25", ["2024-W38-WE"]),
        ("Troops arrive by the end of the month.", "2024-09-25", ["2024-09"]),
        ("Crime fell in the past year, police said.", "2024-09-25", ["P1Y"]),
        ("Wages lagged in the last decade, data show.", "1998-02-06", ["P10Y"]),
        # anchored on the last date named
        ("He was born in 2001. That year, his family moved.", None, ["2001", "2001"]),
        ("It formed in 2014. A year later it split.", D, ["2014", "2015"]),
        ("It formed in 2014. A year earlier it was planned.", D, ["2014", "2013"]),
        ("He came in 1995. The year before, he had left.", D, ["1995", "1994"]),
        ("Exports rose in the first half of this year.", D, ["2024-H1"]),
        ("He landed on March 3. The next day he left.", D, ["2024-03-03", "2024-03-04"]),
        ("He landed on March 3. The day before, he slept.", D, ["2024-03-03", "2024-03-02"]),
        ("The raid came on May 9. On the same day, talks began.", D,
         ["2024-05-09", "2024-05-09"]),
        ("Two weeks or so ago, the talks stalled.", "2024-09-25", ["2024-W37"]),
        # future cues, deadlines and the next two months
        ("The offer had been scheduled to expire Friday.", "2024-09-25", ["2024-09-20"]),
        ("The offer is scheduled to expire Friday.", "2024-09-25", ["2024-09-27"]),
        ("Talks resume in November, aides said.", "2024-09-25", ["2024-11"]),
        ("Talks stalled in April, aides said.", "2024-09-25", ["2024-04"]),
        ("The loan must be repaid by February.", "2024-09-25", ["2025-02"]),
        ("Ms. Ortiz will succeed Paul J. Reyes Feb. 1, the bank said.", "2024-09-25",
         ["2025-02-01"]),
        ("It ran in an editorial on Saturday, April 25: the court erred.", "2024-04-28",
         ["2024-04-25"]),
    ],
)  # fmt: skip
def test_context_resolution(text: str, dct: str | None, expected: list[str]) -> None:
    assert values(text, dct) == expected


def test_over_the_past_is_not_more_than() -> None:
    t = one("Output fell over the past three years, it said.", None, "three years")
    assert (t.value, t.mod) == ("P3Y", None)
    t = one("The project took over three years.", None, "three years")
    assert (t.value, t.mod) == ("P3Y", "MORE_THAN")
