"""A date the text gives as a part of a year is shown as such ("early 2005", not 2005-01)."""

from __future__ import annotations

import json

import jsonschema

from storyline.date_words import date_label, week_label
from storyline.export import build_export, export_schema, render
from storyline.model import TimelineEntry
from storyline.timeline import build_timeline
from storyline.web_charts import timeline_chart
from tests.test_export import _articles, _story
from tests.test_timeline import article


def entries(text: str) -> dict[str, TimelineEntry]:
    return {e.date: e for e in build_timeline([article("a", text, "2024-06-01")])}


def test_a_part_of_a_year_keeps_a_year_precision() -> None:
    got = entries(
        "Sales rose in early 2005, the firm said. Iraq proclaimed victory at the end of 2017. "
        "The mission will end by the end of September 2025."
    )
    assert (got["2005-01"].mod, got["2005-01"].precision) == ("START", "year")
    assert (got["2017-12"].mod, got["2017-12"].precision) == ("END", "year")  # seeds' date
    assert got["2025-09"].precision is None  # the month is the text's


def test_the_month_of_one_member_is_the_entry_precision() -> None:
    a = article("a", "The dam was finished at the end of 2017, officials said.", "2024-06-01")
    b = article("b", "The dam was finished in December 2017, officials said.", "2024-06-02")
    (entry,) = (e for e in build_timeline([a, b]) if e.date == "2017-12")
    assert entry.sources == ["a", "b"] and entry.precision is None


def test_briefings_and_chart_say_early_late_and_mid() -> None:
    assert date_label("2005-01", "START", "year") == "early 2005"
    assert date_label("2017-12", "END", "year") == "late 2017"
    assert date_label("2025-12", "ON_OR_BEFORE", "year") == "by the end of 2025"
    assert date_label("2025-12", "BEFORE", "year") == "before the end of 2025"
    assert date_label("2006-01", "ON_OR_AFTER", "year") == "from the start of 2006"
    assert date_label("2005", "MID") == "mid 2005"
    assert date_label("2025-09", "END") == "end of Sep 2025"  # a month stays a month
    story = _story()
    story.timeline.append(TimelineEntry("2005-01", "Sales rose early 2005.", ["a2"], "START"))
    story.timeline[-1].precision = "year"
    document = build_export(_articles(), [story])
    jsonschema.validate(json.loads(render(document, "json")), export_schema())
    md = render(document, "md")
    assert "| early 2005 |" in md and "2005-01" not in md
    html = render(document, "html")
    assert "<td>early 2005</td>" in html and "2005-01" not in html
    assert "| 2026-03 (on or before) |" in md  # other entries as before
    chart = timeline_chart(document["stories"][0]["timeline"], "2025-03-04", "2025-03-04")
    assert "early 2005" in json.dumps(chart)


def test_a_week_is_shown_as_the_week_not_the_month_of_its_thursday() -> None:
    # a Monday article: "this week" runs 28 Feb - 6 Mar 2005, its Thursday in March
    (entry,) = build_timeline(
        [
            article(
                "a",
                "Oxfam will publish its report on aid this week, the charity said.",
                "2005-02-28",
            )
        ]
    )
    assert (entry.date, entry.precision, entry.week) == ("2005-03", "week", "2005-W09")
    assert week_label("2005-W09") == "week of 28 Feb 2005"
    story = _story()
    story.timeline.append(TimelineEntry("2005-03", "Oxfam report.", ["a2"], None, True))
    story.timeline[-1].precision, story.timeline[-1].week = "week", "2005-W09"
    document = build_export(_articles(), [story])
    jsonschema.validate(json.loads(render(document, "json")), export_schema())
    assert "| week of 28 Feb 2005 |" in render(document, "md")
    assert "<td>week of 28 Feb 2005</td>" in render(document, "html")
    chart = timeline_chart(document["stories"][0]["timeline"], "2025-03-04", "2025-03-04")
    assert "week of 28 Feb 2005" in json.dumps(chart)
