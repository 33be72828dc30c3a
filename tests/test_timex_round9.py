"""Tests for round nine of the time tagger. Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times

# 1998-02-13 is a Friday.
D = "1998-02-13"


def spans(text: str, dct: str | None = D) -> list[tuple[str, str, str]]:
    """(text, type, value) of every expression in ``text``, in order."""
    return [(t.text, t.type, t.value) for t in tag_times(text, dct)]


# ------------------------------------------------ the day an ongoing happening has reached


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials say it's the third day of the blockade.", ("the third day", "DATE", D)),
        ("It is the 12th day of the hunger strike.", ("the 12th day", "DATE", D)),
        ("The walkout, now in its second week, has shut the port.",
         ("second week", "DATE", "1998-W07")),
        ("The vigil is in its fourth straight day.", ("fourth straight day", "DATE", D)),
    ],
)  # fmt: skip
def test_day_reached_in_the_present_is_the_report_day(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "It was the third day of the blockade.",  # told in the past: when it began is unknown
        "On the second day of the talks, the envoys left.",
        "The blockade enters its fifth day on Sunday.",  # the day is Sunday's
        "The program is in its first year.",
    ],
)
def test_day_reached_left_alone_without_a_present_count(text: str) -> None:
    assert not any(t.split()[-1] in ("day", "week", "year") for t, _, _ in spans(text))


def test_day_reached_without_dct_is_present_ref() -> None:
    assert spans("It's the third day of the blockade.", None) == [
        ("the third day", "DATE", "PRESENT_REF")
    ]


# ------------------------------------------------------------ time words inside names


@pytest.mark.parametrize(
    "text",
    [
        "The firm set up a venture called Nova 1985, which made satellites.",
        "Supporters travelled to Expo 2000 by train.",
        "She told CNN Today that the vote was rigged.",
        "A poll in USA Today put him ahead.",
    ],
)
def test_year_or_today_inside_a_name_is_not_marked(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales rose in Fiscal 1996, the company said.", ("Fiscal 1996", "DATE", "1996")),
        ("Prices were frozen until Christmas 1996.", ("Christmas 1996", "DATE", "1996-12-25")),
        ("Since 1993, the plant has grown.", ("1993", "DATE", "1993")),
        ("The bridge opened in Sept 1996.", ("Sept 1996", "DATE", "1996-09")),
        ("The 1996 Olympics were in Atlanta.", ("1996", "DATE", "1996")),
        ("Today the council meets again.", ("Today", "DATE", D)),
        ("The council meets again. Today it votes.", ("Today", "DATE", D)),
    ],
)
def test_years_and_today_outside_names_stay(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in spans(text)


def test_year_after_a_headline_line_still_tags() -> None:
    assert ("2020", "DATE", "2020") in spans("Phones grow up\n\nIn 2020, screens will fold.")


# ------------------------------------------------------- quarters of a game, quarters in a pair


def test_quarters_of_a_game_are_not_fiscal_quarters() -> None:
    assert spans("The visitors led in the second and third quarters of the game.") == []
    assert spans("They trailed after the third quarter of the match.") == []


def test_conjoined_quarters_share_one_year() -> None:
    # said in May, in the second quarter: the third of 1998 has not come, so both are 1997's
    may = "1998-05-13"
    assert spans("Exports fell in the second and third quarters.", may) == [
        ("second", "DATE", "1997-Q2"),
        ("third quarters", "DATE", "1997-Q3"),
    ]
    assert spans("Exports will rise in the second and third quarters.", may) == [
        ("second", "DATE", "1998-Q2"),
        ("third quarters", "DATE", "1998-Q3"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit fell in the third quarter.", ("the third quarter", "DATE", "1997-Q3")),
        ("Third-quarter profit fell.", ("Third-quarter", "DATE", "1997-Q3")),
        ("Sales rose in the first two quarters of 1997.",
         ("the first two quarters of 1997", "DATE", "1997-H1")),
    ],
)  # fmt: skip
def test_single_quarters_unchanged(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in spans(text)


# ------------------------------------------------------------- "this coming", "this past"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rally is this coming Sunday.", ("this coming Sunday", "DATE", "1998-02-15")),
        ("The rally was this past Tuesday.", ("this past Tuesday", "DATE", "1998-02-10")),
        ("Talks resume this coming week.", ("this coming week", "DATE", "1998-W08")),
        ("The rally is this coming Sunday, February 15.",
         ("this coming Sunday, February 15", "DATE", "1998-02-15")),
        ("The rally is this coming Monday, February sixteenth.",
         ("this coming Monday, February sixteenth", "DATE", "1998-02-16")),
    ],
)  # fmt: skip
def test_this_coming_and_this_past_belong_to_the_span(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert spans(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rally is this Sunday.", ("this Sunday", "DATE", "1998-02-15")),
        ("The rally is on Sunday, February 15.", ("Sunday, February 15", "DATE", "1998-02-15")),
        ("Prices rose this week.", ("this week", "DATE", "1998-W07")),
    ],
)
def test_plain_this_unchanged(text: str, expected: tuple[str, str, str]) -> None:
    assert spans(text) == [expected]


# --------------------------------------------------------------- counted back before year 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The port was founded 2,000 years ago.", ("2,000 years ago", "DATE", "BC0003")),
        ("Rice was grown here 5,000 years ago.", ("5,000 years ago", "DATE", "BC3003")),
        ("The chapel was built 1,500 years ago.", ("1,500 years ago", "DATE", "0498")),
        ("The dam was built 40 years ago.", ("40 years ago", "DATE", "1958")),
    ],
)
def test_years_ago_before_year_one_are_bc_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert spans(text) == [expected]


def test_years_old_and_long_spans_stay_durations() -> None:
    assert spans("The glass-making craft has lasted 2,000 years.") == [
        ("2,000 years", "DURATION", "P2000Y")
    ]


# ------------------------------------------------------ a clock time on a day counted from an event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A neighbour saw the van at 5 a.m. three days before the raid.",
         [("5 a.m. three days", "TIME", "XXXX-XX-XXT05:00")]),
        ("The alarm went off at 11 p.m. two days after the storm.",
         [("11 p.m. two days", "TIME", "XXXX-XX-XXT23:00")]),
    ],
)  # fmt: skip
def test_clock_time_days_before_an_event_is_one_time(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert spans(text) == expected


def test_clock_time_and_a_later_count_stay_apart() -> None:
    assert spans("The fire began at 5 a.m., and three days later it was out.") == [
        ("5 a.m.", "TIME", "1998-02-13T05:00"),
        ("three days", "DURATION", "P3D"),
    ]
    assert spans("The van left at 5 a.m. Tuesday.") == [
        ("5 a.m. Tuesday", "TIME", "1998-02-10T05:00")
    ]
