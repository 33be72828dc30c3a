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
