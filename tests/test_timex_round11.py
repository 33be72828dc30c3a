"""Tests for round eleven of the time tagger (audit on the dev half of MEANTIME English).
Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times

# 2024-10-03 is a Thursday.
D = "2024-10-03"


def kinds(text: str, dct: str | None = D) -> list[tuple[str, str, str]]:
    """(text, type, value) of every expression in ``text``, in order."""
    return [(t.text, t.type, t.value) for t in tag_times(text, dct)]


# ------------------------------------------------ a clock time in UTC/GMT carries its zone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The launch went ahead at 08:30 UTC.", ("08:30 UTC", "TIME", "2024-10-03T08:30Z")),
        ("Trading was halted at 1415 GMT.", ("1415 GMT", "TIME", "2024-10-03T14:15Z")),
        ("He spoke at 16:00 UTC today.", ("16:00 UTC today", "TIME", "2024-10-03T16:00Z")),
        ("The ferry docked at 6:40 p.m. (GMT +8) on time.",
         ("6:40 p.m. (GMT +8)", "TIME", "2024-10-03T18:40+08")),
        ("The vote closes at 9 p.m. GMT-5.", ("9 p.m. GMT-5", "TIME", "2024-10-03T21:00-05")),
        ("The store opens at 10:00 GMT+5:30.",
         ("10:00 GMT+5:30", "TIME", "2024-10-03T10:00+05:30")),
        # the US zones stay out of the value, as in TimeBank
        ("The deadline is 5 p.m. EST.", ("5 p.m. EST", "TIME", "2024-10-03T17:00")),
        ("Markets shut at 1400 local time.", ("1400 local time", "TIME", "2024-10-03T14:00")),
    ],
)  # fmt: skip
def test_utc_clock_time_keeps_its_zone(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in kinds(text)


def test_a_bracketed_word_is_no_zone() -> None:
    assert ("2005", "DATE", "2005") in kinds("The show first aired in 2005 (BBC) in Britain.")
