"""Publication dates from plain text alone (storyline.evaluation.text_dates) and the rule
that only a URL at either end of a text is its own."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.evaluation.text_dates import (
    Sample,
    evaluate_text_dates,
    months_off,
    score,
    table,
)
from storyline.pubdate import edge_lines, infer_published

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
