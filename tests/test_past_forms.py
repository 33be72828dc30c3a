"""The shared past forms (storyline.past_forms) and what the four tense readers build of them.
Invented sentences only."""

from __future__ import annotations

import re

import pytest

from storyline import past_forms
from storyline.past_forms import (
    FORECASTS,
    IRREGULAR,
    IRREGULAR_BOTH,
    IRREGULAR_PAST,
    NOT_VERBS,
    PARTICIPLES,
    REGULAR,
    SAYING,
    UNCHANGED,
    alternation,
)
from storyline.timeline_tense import future_governs
from storyline.timex import tag_times
from storyline.timex_past import past_governs

D = "2026-11-18"  # a Wednesday
_REGULAR = re.compile(r"\b(?:" + REGULAR + r")\b")


def test_no_word_is_in_two_lists() -> None:
    groups = [SAYING, IRREGULAR_PAST, IRREGULAR_BOTH, UNCHANGED, tuple(PARTICIPLES), FORECASTS]
    groups.append(NOT_VERBS)
    assert set(IRREGULAR) == {*IRREGULAR_PAST, *IRREGULAR_BOTH}
    words = [w for group in groups for w in group]
    assert len(words) == len(set(words))
    assert all(w == w.lower() and " " not in w for w in words)


@pytest.mark.parametrize(
    ("word", "regular"),
    [
        ("closed", True),
        ("announced", True),
        ("hundred", False),  # a word in -ed that is no verb
        ("sacred", False),
        ("agreed", False),  # told by its shape: in -eed
        ("need", False),
        ("aged", False),  # too short
        ("United", False),  # a name
    ],
)
def test_the_regular_pattern(word: str, regular: bool) -> None:
    assert bool(_REGULAR.fullmatch(word)) is regular


def test_an_alternation_tries_longer_words_first() -> None:
    assert alternation(["had", "had been"], ["was"]) == "had been|had|was"
    assert re.fullmatch(alternation(past_forms.AUXILIARIES), "were")


@pytest.mark.parametrize(
    ("clause", "past"),
    [
        ("Sales shrank in ", True),  # from the shared list, not only the module's own
        ("The dollar slid in ", True),
        ("Exports hit a record in ", True),  # a past that is also a present
        ("He said the plant closes in ", False),
        # a present passive or perfect places its date ahead
        ("The appeal, when the case is heard in ", False),
        ("The firm has set ", False),
        ("But the date has been put back to ", False),
    ],
)
def test_which_past_forms_govern_a_date(clause: str, past: bool) -> None:
    assert past_governs(clause) is past


def test_a_present_passive_keeps_a_month_ahead() -> None:
    assert ("May", "DATE", "2027-05") in [
        (t.text, t.type, t.value)
        for t in tag_times("They lose the fight when the case is heard in May.", "2027-03-20")
    ]


@pytest.mark.parametrize(
    ("before", "governs"),
    [
        ("HBO is looking for its next hit since the series drew to a close in ", False),
        ("Critics say the next series will draw to a close in ", True),
        ("The forecast shrank; the firm expects to grow in ", True),
    ],
)
def test_shared_forms_in_the_timeline_reader(before: str, governs: bool) -> None:
    assert future_governs(before, ".", "2006") is governs
