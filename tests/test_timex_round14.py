"""Tests for round fourteen of the time tagger: a year that goes on a list of a product's
versions ("Windows 95, 98, 2000 and XP") is no date, as one that ends its name is (round
13). Invented sentences only."""

from __future__ import annotations

import pytest

from storyline.timex import tag_times
from tests.test_timeline_tense import kinds

# 2026-11-18 is a Wednesday.
D = "2026-11-18"


def found(text: str, dct: str = D) -> list[tuple[str, str, str]]:
    """(text, type, value) of every expression in ``text``, in order."""
    return [(t.text, t.type, t.value) for t in tag_times(text, dct)]


@pytest.mark.parametrize(
    "text",
    [
        "The virus can strike PCs running Windows 95, 98, 2000 and XP.",
        "The virus can strike PCs running Windows 98, Me, NT, 2000, and XP.",
        "The firm still uses Office 97 and 2000 on its machines.",
        "He compared versions 2003 and 2005 of the software.",
        "Schools run Windows 3.1/95/2000 on old machines.",
        "The guide's editions 2003 or 2004 are on sale.",
    ],
)
def test_a_year_on_a_list_of_versions_is_no_date(text: str) -> None:
    assert found(text) == []


def test_ordinary_lists_and_meetings_keep_their_years() -> None:
    assert [v for _, _, v in found("Sales rose in 1998, 1999 and 2000.")] == [
        "1998",
        "1999",
        "2000",
    ]
    assert [v for _, _, v in found("Jobs spoke at WWDC 2005 and WWDC 2006.")] == ["2005", "2006"]
    # the list ends where the versions do: a year after a preposition is a date again
    assert found("It sold Windows 95 and 98, and in 2000 it sold XP.") == [("2000", "DATE", "2000")]
    assert found("Windows 98 came out in 1998.") == [("1998", "DATE", "1998")]


def test_a_list_of_versions_gives_no_timeline_entry() -> None:
    text = "A virus hit PCs running Windows 95, 98, 2000 and XP in 2004, the firm said."
    assert kinds(text) == {"2004": False}
