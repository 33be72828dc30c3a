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
    assert t.text == "no later than the end of September 2025"
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
