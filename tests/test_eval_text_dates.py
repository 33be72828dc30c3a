"""Publication dates from plain text alone (storyline.evaluation.text_dates) and the rule
that only a URL at either end of a text is its own."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.clean import split_and_clean
from storyline.evaluation.text_dates import (
    Sample,
    evaluate_text_dates,
    months_off,
    score,
    table,
)
from storyline.pubdate import edge_lines, infer_published, near_edge

BODY = (
    "The ferry company said on Tuesday that the new route would open in spring.\n"
    "Passengers were told of the change by text message.\n"
    "Earlier coverage: https://old.example/2013/02/11/ferry-plans/ explains the plan.\n"
    "The harbour master welcomed the decision.\n"
    "The route was first proposed on 4 March 2019 by the council."
)


def test_months_off_counts_from_the_gold_month_or_interval() -> None:
    month = Sample("a", "", None, month="2024-09")
    assert months_off("2024-09-27", month) == 0 and months_off("2024-07", month) == -2
    years = Sample("b", "", None, years=(2004, 2005))
    assert months_off("2005-12", years) == 0 and months_off("2003-11", years) == -2
    assert months_off("2006-02", years) == 2 and months_off("2001", years) == -31


def test_score_groups_answers_by_evidence() -> None:
    gold = Sample("a", "", None, month="2019-03")
    scores = score(
        [
            (gold, "2019-03", "content"),
            (gold, "2017-01", "content"),
            (gold, None, "unknown"),
            (gold, "2019-03-04", "weekday"),
        ]
    )
    content = scores["content"].to_dict()
    assert content["answered"] == 2 and content["right"] == 1
    assert content["early_over_12_months"] == 1 and content["median_abs_months"] == 13
    assert scores["unknown"].answered == 1 and scores["weekday"].right == 1
    assert "content" in table({"set": scores})


def test_a_url_amid_the_body_links_another_page() -> None:
    found = infer_published(BODY, None, [])
    assert found.evidence == "content" and found.value == "2019-03"
    at_the_end = BODY + "\nSource: https://news.example/2019/03/05/ferry-route/"
    found = infer_published(at_the_end, None, [])
    assert (found.value, found.evidence) == ("2019-03-05", "url")
    assert "old.example" not in edge_lines(BODY) and "4 March 2019" in edge_lines(BODY)


def test_evaluate_reads_the_sets_it_finds(tmp_path: Path) -> None:
    bench = tmp_path / "article-extraction-benchmark"
    bench.mkdir()
    pages = {
        "p1": {"url": "https://news.example/2019/03/05/ferry-route/", "articleBody": BODY},
        "p2": {"url": "https://news.example/about/", "articleBody": "No date here at all."},
    }
    (bench / "ground-truth.json").write_text(json.dumps(pages), encoding="utf-8")
    bbc = tmp_path / "bbc-fulltext" / "politics"
    bbc.mkdir(parents=True)
    (bbc / "001.txt").write_text("Ferry title\n\nNothing dated.", encoding="latin-1")
    results = evaluate_text_dates(tmp_path)
    assert set(results) == {"bbc", "benchmark"}  # no ecbplus folder: skipped
    assert results["benchmark"]["content"].right == 1  # p2 has no dated URL: not a sample
    assert results["bbc"]["unknown"].answered == 1


PARAGRAPHS = [
    "The ferry company said on Tuesday that the new route would open in the spring.",
    "Passengers were told of the change by text message on their phones this week.",
    "The harbour master welcomed the decision and thanked the crews for their patience.",
    "The council had first proposed the route in a report to the transport committee.",
    "Local traders expect more visitors once the larger boats are running every hour.",
]


def _dated(text: str):
    part = split_and_clean(text)[0]
    return infer_published(part.text, part.title, part.removed, body_lines=part.body_lines)


def test_a_removed_link_amid_the_body_is_not_the_pages_own() -> None:
    link = "https://old.example/2013/02/11/ferry-plans/"
    middle = "\n\n".join([*PARAGRAPHS[:3], link, *PARAGRAPHS[3:]])
    part = split_and_clean(middle)[0]
    assert any(link in r.text for r in part.removed)  # the clean stage took the line out
    assert _dated(middle).evidence == "unknown"
    on_top = "\n\n".join([link, *PARAGRAPHS])
    assert (_dated(on_top).value, _dated(on_top).evidence) == ("2013-02-11", "url")
    at_the_end = "\n\n".join([*PARAGRAPHS, "Read more: " + link])
    assert _dated(at_the_end).value == "2013-02-11"


def test_near_edge_counts_body_lines_on_each_side() -> None:
    body = [2, 4, 6, 8, 10, 12]
    assert near_edge(0, body) and near_edge(3, body)  # fewer than two body lines before
    assert not near_edge(5, body) and not near_edge(7, body) and not near_edge(9, body)
    assert near_edge(11, body) and near_edge(13, body)  # fewer than two body lines after
    assert near_edge(7, [])  # nothing known: every line counts
    link = "https://old.example/2013/02/11/ferry-plans/"
    middle = "\n\n".join([*PARAGRAPHS[:3], link, *PARAGRAPHS[3:]])
    part = split_and_clean(middle)[0]
    unsorted = list(reversed(part.body_lines))  # a caller's order does not matter
    found = infer_published(part.text, None, part.removed, body_lines=unsorted)
    assert found.evidence == "unknown"
    assert edge_lines("a\nb\nc", 0) == ""
