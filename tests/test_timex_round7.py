"""Tests for round seven of the time tagger. Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times
from tests.test_timex import kinds

# 2024-10-02 is a Wednesday.
W = "2024-10-02"


def one(text: str, dct: str | None = W) -> tuple[str, str, str, str | None, str | None]:
    """(text, type, value, mod, signal) of the one expression in ``text``."""
    (expr,) = tag_times(text, dct)
    return expr.text, expr.type, expr.value, expr.mod, expr.signal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a run of whitespace inside a relation or signal counts as one space
        (
            "Pay the fee no  later than the end of September 2025.",
            ("the end of September 2025", "DATE", "2025-09", "END", "no later than"),
        ),
        (
            "Pay the fee no later than\nthe end of September 2025.",
            ("the end of September 2025", "DATE", "2025-09", "END", "no later than"),
        ),
        (
            "The loan was repaid prior  to March 2024.",
            ("March 2024", "DATE", "2024-03", "BEFORE", "prior to"),
        ),
    ],
)
def test_whitespace_runs_inside_signal_words(
    text: str, expected: tuple[str, str, str, str | None, str | None]
) -> None:
    assert one(text) == expected


def test_whitespace_runs_inside_a_future_cue() -> None:
    # "is going  to" looks ahead like "is going to": the coming Friday, not the last one
    assert kinds("The mayor is going  to open the bridge on Friday.", W) == [
        ("Friday", "DATE", "2024-10-04")
    ]
