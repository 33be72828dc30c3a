"""The date a comparison measures against is no happening (storyline.timeline_baselines);
session 19's audit of dated tennis and film news."""

from __future__ import annotations

import pytest

from storyline.timeline import build_timeline
from tests.test_timeline import article


def dates(text: str, published: str | None = None) -> dict[str, bool]:
    return {e.date: e.scheduled for e in build_timeline([article("a", text, published)])}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Ticket sales last season were up almost fivefold on 2001, the club said.", "2001"),
        ("The museum's visitor numbers rose an estimated 40,000 on 2001, to 310,000.", "2001"),
        ("Exports climbed to 9,100 tonnes in 2002 from 7,800 in 2001.", "2001"),
        ("The team ended the season without a trophy for the first time since 1994.", "1994"),
        ("It was her first major title since 1999 and her fourth in all.", "1999"),
        ("Unemployment fell to its lowest level since 1975, the figures showed.", "1975"),
        ("The striker's form matched his record-breaking seasons of 1996 and 1997.", "1996"),
        ("The striker's form matched his record-breaking seasons of 1996 and 1997.", "1997"),
        ("The novel outsold Harbour Nights, which sold two million copies in 1999.", "1999"),
        ("Orders this spring were more than triple those of the same period in 2001.", "2001"),
    ],
)
def test_the_baseline_of_a_comparison_gives_no_entry(text: str, year: str) -> None:
    assert year not in dates(text)


def test_a_baseline_given_as_a_relative_year_gives_no_entry() -> None:
    got = dates("Profits rose to £41m from £35m the previous year, the brewer said.", "2002-03-01")
    assert "2001" not in got
    got = dates("Admissions rose to 210 in 2001 from 187 the previous year.", "2002-03-01")
    assert got == {"2001": False}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Sales rose in 2001 as the new model reached the shops.", "2001"),
        ("Since 1994 he has lived in Lisbon with his family.", "1994"),
        ("She has not played at the event since 1998, when she lost in round one.", "1998"),
        ("The interest rate was raised from 4% in 1999, the bank said.", "1999"),
        ("He matched the national record in 1997 at a meeting in Oslo.", "1997"),
        ("Leaders pledged the region's economy would outstrip that of Japan by 2010.", "2010"),
        ("He has been the first-choice keeper since 1996.", "1996"),
    ],
)
def test_a_date_that_is_the_happening_s_own_time_stays(text: str, year: str) -> None:
    assert year in dates(text)


def test_a_day_after_on_is_the_day_of_a_change_not_a_baseline() -> None:
    got = dates("Shares in the firm fell 4% on Monday after the warning.", "2002-03-06")
    assert got == {"2002-03-04": False}
