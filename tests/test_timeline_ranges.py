"""A range of days gives one entry, at its start, shown whole (storyline.timeline_items);
session 19's audit of dated tennis and film news."""

from __future__ import annotations

from storyline.model import TimelineEntry
from storyline.timeline import build_timeline
from tests.test_timeline import article


def entries(text: str, published: str | None = "2005-02-01") -> list[TimelineEntry]:
    return build_timeline([article("a", text, published)])


def marked(e: TimelineEntry) -> str | None:
    return e.text[e.date_span[0] : e.date_span[1]] if e.date_span else None


def test_a_range_of_days_written_with_a_dash_is_one_entry() -> None:
    got = entries("The squad flies out before the 14-16 March tie against Greece.")
    assert [(e.date, marked(e)) for e in got] == [("2005-03-14", "14-16 March")]
    got = entries("The fair will be held on 22–24 April in the old market hall.")
    assert [(e.date, marked(e)) for e in got] == [("2005-04-22", "22–24 April")]


def test_a_range_opened_by_from_or_between_is_shown_whole() -> None:
    got = entries("The exhibition will run from 3 to 9 March at the city gallery.")
    assert [(e.date, marked(e)) for e in got] == [("2005-03-03", "3 to 9 March")]
    got = entries("He ran the club between 1991 and 1996, winning two titles.", None)
    assert [(e.date, marked(e)) for e in got] == [("1991", "1991 and 1996")]


def test_two_days_joined_by_and_stay_two_entries() -> None:
    got = entries("The hearings will be held on 7 and 9 March in the town hall.")
    assert sorted(e.date for e in got) == ["2005-03-07", "2005-03-09"]


def test_a_range_is_no_baseline() -> None:
    got = entries("Sales rose from 1998 to 2001 as the new stores opened.", None)
    assert [e.date for e in got] == ["1998"]
