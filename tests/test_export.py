"""Export: the JSON document follows its schema; Markdown and HTML say the same, escaped."""

from __future__ import annotations

import json

import jsonschema
import pytest

from storyline.export import build_export, export_schema, render
from storyline.model import (
    Analysis,
    Article,
    Difference,
    DifferenceSide,
    Entity,
    Event,
    Fact,
    FactValue,
    PublishedDate,
    Removed,
    Story,
    SummarySentence,
    TimeExpr,
    TimelineEntry,
)
from storyline.views import counted

PAYLOAD = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def _articles() -> list[Article]:
    first = Article(
        id="a1",
        source="01_ledger.txt",
        part=1,
        title=f"Dam fails {PAYLOAD}",
        text="The dam failed on Tuesday. At least 14 people died.",
        outlet="Ledger",
        removed=[Removed("Share on X", "share-widget", 2)],
        published=PublishedDate("2025-03-04", "dateline", 0.85, "KESSPORT, March 4"),
        language="en",
        analysis=Analysis(
            sentences=[(0, 26), (27, 51)],
            times=[TimeExpr(19, 26, "Tuesday", "DATE", "2025-03-04", None, True)],
        ),
        story="s-a1",
        event="e-a1",
    )
    second = Article(
        id="a2",
        source="02_courier.txt",
        part=1,
        title=None,
        text="Nineteen people died when the dam failed.",
        published=PublishedDate(None, "unknown", 0.0),
        language="en",
        story="s-a1",
        event="e-a2",
    )
    copy = Article(
        id="a3",
        source="03_copy.txt",
        part=2,
        title="Dam fails",
        text="The dam failed on Tuesday. At least 14 people died.",
        published=PublishedDate("2025-03", "content", 0.3, "", True),
        language="en",
        duplicate_of="a1",
        story="s-a1",
        event="e-a1",
    )
    return [first, second, copy]


def _story() -> Story:
    return Story(
        id="s-a1",
        title=f"Kessport dam {PAYLOAD}",
        articles=["a1", "a3", "a2"],
        events=[Event("e-a1", "Dam fails", ["a1", "a3"]), Event("e-a2", "Toll", ["a2"])],
        timeline=[
            TimelineEntry("2025-03-04", "The dam failed.", ["a1", "a3"]),
            TimelineEntry(
                "2026-03",
                f"Reopening by March 2026 {PAYLOAD}",
                ["a2"],
                "ON_OR_BEFORE",
                True,
                [10, 23],
            ),
        ],
        facts=[
            Fact(
                "dam failure",
                "dead",
                14,
                "dead",
                "conflicting",
                ["a1", "a2", "a3"],
                2,
                [FactValue(14, ["a1", "a3"], "at least"), FactValue(19, ["a2"])],
                "at least",
            ),
            Fact("dam", "end date", "2026-03", None, "single-source", ["a2"], 1),
        ],
        entities=[Entity("Marta Kovalenko", "PERSON", ["Marta Kovalenko", "Kovalenko"], ["a1"])],
        differences=[
            Difference(
                "death toll",
                [
                    DifferenceSide("at least 14", ["a1", "a3"]),
                    DifferenceSide(f"19 {PAYLOAD}", ["a2"]),
                ],
            )
        ],
        summary=[SummarySentence("The dam failed on Tuesday.", ["a1", "a3"])],
    )


@pytest.fixture(scope="module")
def document() -> dict:
    return build_export(_articles(), [_story()])


def test_json_export_validates_against_the_shipped_schema(document: dict) -> None:
    jsonschema.Draft202012Validator.check_schema(export_schema())
    jsonschema.validate(json.loads(render(document, "json")), export_schema())


def test_schema_rejects_a_broken_document(document: dict) -> None:
    broken = json.loads(json.dumps(document))
    broken["articles"][0]["published"] = "27 September"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, export_schema())
    del broken["stories"][0]["timeline"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, export_schema())


def test_json_contract_fields(document: dict) -> None:
    first = next(a for a in document["articles"] if a["id"] == "a1")
    assert first["published"] == "2025-03-04" and first["published_evidence"] == "dateline"
    assert first["removed"] == [{"text": "Share on X", "reason": "share-widget", "line": 2}]
    assert first["times"][0] == {
        "start": 19,
        "end": 26,
        "text": "Tuesday",
        "type": "DATE",
        "value": "2025-03-04",
        "mod": None,
        "signal": None,
    }
    story = document["stories"][0]
    assert story["independent_sources"] == 2
    # a second report of the Ledger's is no further source
    again = _articles()
    again[1].outlet = " LEDGER "  # case and spacing aside
    assert build_export(again, [_story()])["stories"][0]["independent_sources"] == 1
    # a3's "2025-03" is estimated from its content: a lower bound, not part of the span
    assert (story["first_date"], story["last_date"]) == ("2025-03-04", "2025-03-04")
    assert story["facts"][0]["values"][1] == {
        "value": 19,
        "sources": ["a2"],
        "hedge": None,
        "text": "",
        "first_reported": None,
        "last_reported": None,
        "low": None,
    }


def test_markdown_cites_numbered_sources(document: dict) -> None:
    md = render(document, "md")
    assert "## Kessport dam" in md
    assert "- The dam failed on Tuesday. [1][2]" in md  # a1 is [1], its copy a3 is [2]
    assert "at least 14 dead [1][2] vs 19 dead [3]" in md
    assert "| 2026-03 (on or before) |" in md and "scheduled" in md
    assert "copy of [1]" in md and "date unknown" in md
    assert "Marta Kovalenko, PERSON (also: Kovalenko)" in md


def test_html_escapes_untrusted_text(document: dict) -> None:
    html = render(document, "html")
    assert "<script>" not in html and "<img" not in html  # no tag from article text survives
    assert "&lt;script&gt;" in html
    assert 'class="badge conflicting"' in html and 'class="badge scheduled"' in html
    assert 'href="#s-a1-src-3"' in html


def test_timeline_shows_the_words_each_date_was_read_from(document: dict) -> None:
    assert document["stories"][0]["timeline"][1]["date_span"] == [10, 23]
    assert document["stories"][0]["timeline"][0]["date_span"] is None  # nothing to mark
    md = render(document, "md")
    assert "| Reopening **by March 2026** <script>" in md  # Markdown keeps the text as it is
    assert "| The dam failed. |" in md
    assert "Reopening <strong>by March 2026</strong> &lt;script&gt;" in render(document, "html")
    marked = json.loads(json.dumps(document))
    marked["stories"][0]["timeline"][1]["date_span"] = [24, 24 + len(PAYLOAD)]  # the payload
    html = render(marked, "html")
    assert "<strong>&lt;script&gt;" in html and "<script>" not in html
    marked["stories"][0]["timeline"][1]["date_span"] = [5, 999]  # out of range: shown plain
    timeline = render(marked, "html").split("<h3>Timeline</h3>")[1].split("</table>")[0]
    assert "<strong>" not in timeline


def test_unknown_format_is_refused(document: dict) -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render(document, "pdf")


def test_an_updated_fact_shows_its_values_in_order_with_their_days(document: dict) -> None:
    updated = json.loads(json.dumps(document))
    fact = updated["stories"][0]["facts"][0]
    fact["updated"] = True
    fact["values"] = [
        {**fact["values"][0], "value": 14, "first_reported": "2025-03-04",
         "last_reported": "2025-03-04"},
        {**fact["values"][1], "value": 19, "first_reported": "2025-03-05",
         "last_reported": "2025-03-06"},
    ]  # fmt: skip
    jsonschema.validate(updated, export_schema())
    markdown = render(updated, "md")
    assert "(2025-03-04)" in markdown and "(2025-03-05 to 2025-03-06)" in markdown
    assert "→" in markdown and ", updated |" in markdown
    html = render(updated, "html")
    assert "badge updated" in html and "2025-03-05 to 2025-03-06" in html


@pytest.mark.parametrize(
    ("value", "unit", "hedge", "shown"),
    [
        (1200, "resident", "about", "about 1,200 residents"),
        (2014, None, None, "2014"),
        (1800, "municipality", None, "1,800 municipalities"),
        (2500, "troops", "about", "about 2,500 troops"),
        (1, "supplier", None, "1 supplier"),
        (1_800_000_000, "EUR", None, "1,800,000,000 EUR"),
        ("2025-09", None, "END", "end of 2025-09"),
        (9, "man", None, "9 men"),
        (300, "policeman", None, "300 policemen"),
        (4, "child", "at least", "at least 4 children"),
        (3, "witness", None, "3 witnesses"),
        (2, "human", None, "2 humans"),
        (12, "staff", None, "12 staff"),
        (2, "crisis", None, "2 crises"),
        (3, "monarch", None, "3 monarchs"),
        (4, "bus", None, "4 buses"),
        (5, "spacecraft", None, "5 spacecraft"),
        # a claim's date at the precision of a part of a year, in words, not TIMEX3 codes
        ("2023-WI", "date", "ON_OR_AFTER", "from winter 2023"),
        ("2024-Q3", "date", None, "Q3 2024"),
        ("2024-H1", "date", "ON_OR_BEFORE", "by first half of 2024"),
        ("2024-W39", "date", None, "week 39 of 2024"),
    ],
)
def test_fact_values_read_as_a_reader_expects(value, unit, hedge, shown) -> None:
    from storyline.views import format_value

    assert format_value(value, unit, hedge) == shown


def test_sources_without_an_outlet_or_a_date_read_naturally(document: dict) -> None:
    md, html = render(document, "md"), render(document, "html")
    sources = md.split("### Sources")[1]
    assert "None" not in sources and "(Ledger, 2025-03-04, dateline)" in sources
    assert "(date unknown)" in sources  # a2: no outlet, no date
    assert "(not before 2025-03, estimated from the content, copy of [1])" in sources  # a3
    assert "None" not in html.split('class="sources"')[1]
    assert "3 articles, 2 independent sources" in md


def test_counts_agree_with_their_nouns() -> None:
    assert counted(1, "article") == "1 article" and counted(3, "article") == "3 articles"
    assert counted(1, "story", "stories") == "1 story"
    assert counted(2, "story", "stories") == "2 stories"


def test_a_briefing_lists_every_shared_fact_and_some_single_source_ones(document: dict) -> None:
    from storyline.views import BRIEF_FACTS, brief_facts

    many = json.loads(json.dumps(document))
    facts = many["stories"][0]["facts"]
    single = next(f for f in facts if f["status"] == "single-source")
    shared = next(f for f in facts if f["status"] != "single-source")
    extra = [{**single, "attribute": f"figure {k}"} for k in range(BRIEF_FACTS + 3)]
    many["stories"][0]["facts"] = [*extra, shared]  # the shared fact comes last
    listed, left_out = brief_facts(many["stories"][0]["facts"])
    assert len(listed) == BRIEF_FACTS and listed[-1] is many["stories"][0]["facts"][-1]
    assert left_out == len(extra) - (BRIEF_FACTS - 1)
    note = f"Not listed: {left_out} single-source figures (in the JSON export and the web page)."
    md, html = render(many, "md"), render(many, "html")
    assert note in md and note in html
    assert f"figure {BRIEF_FACTS - 2} |" in md and f"figure {BRIEF_FACTS - 1} |" not in md
    assert "Not listed" not in render(document, "md")  # a short table is listed whole
    updated = {**single, "attribute": "toll", "updated": True}  # the latest value one source's
    listed, left_out = brief_facts([*extra, updated])
    assert listed[-1] is updated and left_out == len(extra) - (BRIEF_FACTS - 1)


def test_a_forecast_fact_is_marked_in_the_briefings_and_valid(document: dict) -> None:
    marked = json.loads(json.dumps(document))
    fact = next(f for f in marked["stories"][0]["facts"] if f["status"] == "single-source")
    fact["forecast"] = True
    jsonschema.validate(marked, export_schema())
    assert "| single-source, forecast |" in render(marked, "md")
    assert '<span class="badge scheduled">forecast</span>' in render(marked, "html")
    assert "forecast" not in render(document, "md")  # no fact of the fixture is one
