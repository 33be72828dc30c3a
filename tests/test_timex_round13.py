"""Tests for round thirteen of the time tagger: a fortnight is two weeks; a past verb takes a
month (or a day, a holiday) near ahead back a year; a deadline stated in the present lies
ahead; a bare part of the day belongs to the day named before it; "the first week of March".
Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times

# 2026-11-18 is a Wednesday.
D = "2026-11-18"


def found(text: str, dct: str = D) -> list[tuple[str, str, str]]:
    """(text, type, value) of every expression in ``text``, in order."""
    return [(t.text, t.type, t.value) for t in tag_times(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the weeks-ago rule: the ISO week two weeks back, as "two weeks ago"
        ("The plant closed a fortnight ago.", ("a fortnight ago", "DATE", "2026-W45")),
        ("It closed about a fortnight ago.", ("about a fortnight ago", "DATE", "2026-W45")),
        ("The plant closed two weeks ago.", ("two weeks ago", "DATE", "2026-W45")),
        # a length, as "two weeks later" / "within two weeks" are
        ("A fortnight later it reopened.", ("A fortnight", "DURATION", "P2W")),
        ("It will reopen within a fortnight.", ("a fortnight", "DURATION", "P2W")),
        ("The talks took two fortnights.", ("two fortnights", "DURATION", "P4W")),
        ("The past fortnight was busy.", ("The past fortnight", "DURATION", "P2W")),
        ("a fortnight-long strike", ("fortnight-long", "DURATION", "P2W")),
        ("Two weeks later it reopened.", ("Two weeks", "DURATION", "P2W")),
        # counted ahead of the dct
        ("It opens a fortnight from now.", ("a fortnight from now", "DATE", "2026-W49")),
        ("It opens a fortnight from today.", ("a fortnight from today", "DATE", "2026-12-02")),
        # repeated
        ("The board meets fortnightly.", ("fortnightly", "SET", "P2W")),
        ("The board meets every fortnight.", ("every fortnight", "SET", "P2W")),
        ("The board meets once a fortnight.", ("once a fortnight", "SET", "P2W")),
        ("He earns £200 a fortnight.", ("a fortnight", "SET", "P2W")),
    ],
)
def test_a_fortnight_is_two_weeks(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past verb in the clause: the one before the article
        ("Sales rose in the run-up to Christmas.", ("Christmas", "DATE", "2025-12-25")),
        ("Sales rose in December.", ("December", "DATE", "2025-12")),
        ("Exports fell on 5 December.", ("5 December", "DATE", "2025-12-05")),
        ("Exports fell on the fifth of December.", ("the fifth of December", "DATE", "2025-12-05")),
        ("Exports fell at 5pm on 5 December.", ("5pm on 5 December", "TIME", "2025-12-05T17:00")),
        ("The unit was sold in December.", ("December", "DATE", "2025-12")),
        ("The talks collapsed in early December.", ("early December", "DATE", "2025-12")),
        ("In December, exports fell.", ("December", "DATE", "2025-12")),
        ("At Christmas, sales rose.", ("Christmas", "DATE", "2025-12-25")),
        ("“Sales rose in December,” he said.", ("December", "DATE", "2025-12")),
        # unchanged: no verb, a future cue, a present tense, a deadline word
        ("The vote in December is in doubt.", ("December", "DATE", "2026-12")),
        ("Sales will rise in December.", ("December", "DATE", "2026-12")),
        ("He said on Monday that sales will rise in December.", ("December", "DATE", "2026-12")),
        ("Sales rose by Christmas.", ("Christmas", "DATE", "2026-12-25")),
        ("In December, the plant closes.", ("December", "DATE", "2026-12")),
        # unchanged: what a reporting verb introduces, a plan told in the past, an infinitive
        ("He said the plant closes in December.", ("December", "DATE", "2026-12")),
        ("The vote was due to take place in December.", ("December", "DATE", "2026-12")),
        ("The vote was expected in December.", ("December", "DATE", "2026-12")),
        ("The vote was scheduled for December.", ("December", "DATE", "2026-12")),
        ("The plant was scheduled to close in December.", ("December", "DATE", "2026-12")),
        ("In December, the plant was due to close.", ("December", "DATE", "2026-12")),
        ("The board agreed to sell the unit in December.", ("December", "DATE", "2026-12")),
        ("The board voted to strike in December.", ("December", "DATE", "2026-12")),
        ("Shares, to be completed around Dec. 1, rose.", ("around Dec. 1", "DATE", "2026-12-01")),
        # unchanged: an adjective, a noun's date, a new clause after the verb
        ("The proposed vote in December is in doubt.", ("December", "DATE", "2026-12")),
        ("He gave no reason for the Dec. 14 deadline.", ("Dec. 14", "DATE", "2026-12-14")),
        ("They prayed for help as Christmas week began.", ("Christmas", "DATE", "2026-12-25")),
        ("Sales rose after the firm that opens in December.", ("December", "DATE", "2026-12")),
        # unchanged: the months before the dct were already the ones before
        ("Sales rose in October.", ("October", "DATE", "2026-10")),
        ("Sales rose in November.", ("November", "DATE", "2026-11")),
        ("Sales rose in February.", ("February", "DATE", "2026-02")),
    ],
)
def test_a_past_verb_takes_a_date_near_ahead_back_a_year(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


def test_a_run_up_is_no_deadline() -> None:
    """ "the run-up to Christmas" holds no "up to" (ON_OR_BEFORE); "up to Friday" does."""
    (run_up,) = tag_times("Sales rose in the run-up to Christmas.", D)
    assert (run_up.mod, run_up.signal) == (None, None)
    (up_to,) = tag_times("They waited up to Friday.", D)
    assert (up_to.mod, up_to.signal) == ("ON_OR_BEFORE", "up to")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The deadline is 5pm on Thursday.", ("5pm on Thursday", "TIME", "2026-11-19T17:00")),
        ("The deadline is Friday.", ("Friday", "DATE", "2026-11-20")),
        (
            "The deadline for bids is midnight on Friday.",
            ("midnight on Friday", "TIME", "2026-11-20T24:00"),
        ),
        ("Friday is the deadline.", ("Friday", "DATE", "2026-11-20")),
        ("Thursday is the final deadline.", ("Thursday", "DATE", "2026-11-19")),
        ("The deadline falls on 4 December.", ("4 December", "DATE", "2026-12-04")),
        ("The deadline falls on 4 January.", ("4 January", "DATE", "2027-01-04")),
        # a deadline told in the past, or passed, stays before the dct
        ("The deadline was Friday.", ("Friday", "DATE", "2026-11-13")),
        ("The deadline was 5pm on Thursday.", ("5pm on Thursday", "TIME", "2026-11-12T17:00")),
        ("Friday was the deadline.", ("Friday", "DATE", "2026-11-13")),
        ("The deadline passed on Monday.", ("Monday", "DATE", "2026-11-16")),
    ],
)
def test_a_deadline_stated_in_the_present_lies_ahead(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The index closed at a record on Tuesday. In afternoon trading it slipped.",
            ("afternoon", "TIME", "2026-11-17TAF"),
        ),
        ("On Tuesday the index rose in morning trading.", ("morning", "TIME", "2026-11-17TMO")),
        (
            "Shares were sold on Monday. Most went in the morning.",
            ("the morning", "TIME", "2026-11-16TMO"),
        ),
        # no day named before, a day far from the dct, or "today" in between: the dct's
        ("The index slipped in afternoon trading.", ("afternoon", "TIME", "2026-11-18TAF")),
        ("The index rose in the morning.", ("the morning", "TIME", "2026-11-18TMO")),
        (
            "He was born on 5 May 1950. The index slipped in afternoon trading.",
            ("afternoon", "TIME", "2026-11-18TAF"),
        ),
        (
            "It closed at a record on Tuesday. Today it slipped in afternoon trading.",
            ("afternoon", "TIME", "2026-11-18TAF"),
        ),
    ],
)
def test_a_bare_part_of_day_belongs_to_the_day_named_before(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


def test_a_bare_part_of_day_without_a_dct_keeps_its_x() -> None:
    (_, part) = tag_times("On Tuesday the index rose in morning trading.", None)
    assert (part.value, part.anchored) == ("XXXX-XX-XXTMO", False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the ISO week holding the middle of days 7N-6..7N: 1 March 2026 is a Sunday, so the
        # first week of March (1-7) is mostly W10 (2-8 March), not W09 (which holds the 1st)
        ("It rose in the first week of March 2026.", "2026-W10"),
        ("It rose in the second week of January.", "2026-W02"),  # 8-14 Jan: day 11 in W02
        ("It closes in the last week of March 2026.", "2026-W13"),  # 25-31 March: day 28
        ("Talks resume in the third week of November.", "2026-W47"),
        # the month's year as a bare month's: ahead with a cue, back with a past verb
        ("It will open in the first week of December.", "2026-W49"),
        ("It rose in the first week of December.", "2025-W49"),
        ("It will open in the second week of January.", "2027-W02"),
    ],
)
def test_the_nth_week_of_a_month_is_an_iso_week(text: str, expected: str) -> None:
    (week,) = [t for t in tag_times(text, D) if "week of" in t.text]
    assert (week.type, week.value) == ("DATE", expected)


def test_the_nth_week_of_a_month_without_a_dct() -> None:
    (week,) = tag_times("It rose in the second week of January.", None)
    assert (week.text, week.value) == ("the second week of January", "XXXX-WXX")


def test_a_year_that_ends_a_products_name_is_no_date() -> None:
    # session 18's held-out labelling: "Media Centre edition 2005" made a timeline entry
    assert found("Microsoft released Windows XP Media Centre Edition 2005 last month.") == [
        ("last month", "DATE", "2026-10")
    ]
    assert found("The firm moved to Office 2003 and Windows Server 2003.") == []
    # a meeting's or a contest's year is a date (MEANTIME tags "WWDC 2005")
    assert found("Jobs gave the keynote at WWDC 2005.") == [("2005", "DATE", "2005")]
    assert found("Sales rose in fiscal 2004.") == [("fiscal 2004", "DATE", "2004")]
