"""Cluster scores, the topic split and `storyline eval clusters` (evaluation.clusters)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluation.clusters import bcubed, pairwise, read_labels, split_topics

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
SYSTEM = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}


def test_bcubed_on_a_hand_computed_partition() -> None:
    # per item (P, R): a, b (2/3, 1); c (1/3, 1/3); d, e (1, 2/3) -> both averages 11/15
    score = bcubed(SYSTEM, GOLD)
    assert score.precision == pytest.approx(11 / 15)
    assert score.recall == pytest.approx(11 / 15)
    assert score.f1 == pytest.approx(11 / 15)


def test_pairwise_on_a_hand_computed_partition() -> None:
    # gold pairs ab cd ce de; system pairs ab ac bc de; common ab de
    score = pairwise(SYSTEM, GOLD)
    assert (score.precision, score.recall) == (0.5, 0.5)


def test_extreme_partitions() -> None:
    singletons = {k: k for k in GOLD}
    assert bcubed(singletons, GOLD).precision == 1.0
    assert bcubed(singletons, GOLD).recall == pytest.approx((1 / 2 * 2 + 1 / 3 * 3) / 5)
    assert pairwise(singletons, GOLD).precision == 1.0  # no pair joined, none wrongly
    assert pairwise(singletons, GOLD).recall == 0.0
    one = {k: 0 for k in GOLD}
    assert bcubed(one, GOLD).recall == 1.0
    assert bcubed(one, GOLD).precision == pytest.approx((2 / 5 * 2 + 3 / 5 * 3) / 5)
    assert pairwise(one, GOLD).precision == pytest.approx(4 / 10)
    assert bcubed(GOLD, GOLD).f1 == pairwise(GOLD, GOLD).f1 == 1.0


def test_an_item_the_system_missed_is_a_singleton() -> None:
    partial = {"a": "x", "b": "x"}
    score = bcubed(partial, {"a": 1, "b": 1, "c": 1})
    # a, b: P 1, R 2/3; c alone: P 1, R 1/3
    assert score.precision == 1.0
    assert score.recall == pytest.approx((2 / 3 * 2 + 1 / 3) / 3)
    assert bcubed({}, {}).f1 == 1.0


def test_split_sorts_topics_by_number_and_alternates() -> None:
    halves = split_topics({"2", "4", "6", "8", "10", "12"})
    assert halves == {"dev": ["2", "6", "10"], "test": ["4", "8", "12"]}


def test_read_labels(tmp_path: Path) -> None:
    path = tmp_path / "labels.csv"
    path.write_text("file,event,topic\n1_1.txt,1a,1\n1_2.txt,1b,1\n", encoding="utf-8")
    labels = read_labels(path)
    assert labels["1_2.txt"].event == "1b" and labels["1_2.txt"].topic == "1"


def test_cli_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    labels = tmp_path / "labels.csv"
    labels.write_text("file,event,topic\nnone.txt,1a,1\n", encoding="utf-8")
    missing = runner.invoke(app, ["eval", "clusters", str(tmp_path / "nope"), str(labels)])
    assert missing.exit_code == 2
    bad_half = runner.invoke(app, ["eval", "clusters", str(tmp_path), str(labels), "--half", "x"])
    assert bad_half.exit_code == 2
    nothing = runner.invoke(app, ["eval", "clusters", str(tmp_path), str(labels)])
    assert nothing.exit_code == 1
    assert "none of the files" in nothing.output


# Four invented topics, two events each, two short reports per event.
EVENTS = {
    ("1", "quake-north"): [
        "A magnitude 6.1 earthquake struck the northern mountain town of Velmora on Monday, "
        "collapsing old stone houses. Rescue teams in Velmora searched the rubble overnight.",
        "Rescuers in Velmora pulled survivors from collapsed houses after the earthquake shook "
        "the northern mountains; the Velmora mayor said twelve people had died.",
    ],
    ("1", "quake-coast"): [
        "An undersea earthquake off the coast near Port Ansel triggered a small tsunami warning. "
        "Fishermen in Port Ansel reported damaged boats in the harbour.",
        "The tsunami warning for Port Ansel was lifted after the offshore earthquake; harbour "
        "officials counted damaged fishing boats along the Ansel coast.",
    ],
    ("2", "vote-riverland"): [
        "Voters in Riverland elected Mara Quill as president, ending a decade of rule by the "
        "Harvest Party. Quill promised new railways for Riverland.",
        "Mara Quill celebrated her election win in the Riverland capital as the Harvest Party "
        "conceded; Quill will be sworn in as president next month.",
    ],
    ("2", "vote-stonebay"): [
        "Stonebay held a referendum on leaving the trade union; turnout was low and the result "
        "was narrow, the Stonebay electoral board said.",
        "The Stonebay electoral board confirmed the narrow referendum result on the trade union "
        "after a recount demanded by opposition groups in Stonebay.",
    ],
    ("3", "merger-banks"): [
        "Northwind Bank agreed to buy Calder Savings for four billion dollars, creating the "
        "largest lender in the region. Calder Savings shareholders must approve.",
        "Shareholders of Calder Savings approved the takeover by Northwind Bank, and regulators "
        "began reviewing the Northwind purchase of Calder.",
    ],
    ("3", "merger-airlines"): [
        "Two airlines, Skyreach and Bluewing, announced a merger of equals to cut costs; pilots "
        "at Bluewing warned of strikes over the Skyreach deal.",
        "Bluewing pilots voted to strike against the merger with Skyreach, threatening summer "
        "flights as the airlines defended the deal.",
    ],
    ("4", "storm-valley"): [
        "Storm Idris flooded the Lune valley, forcing hundreds of families from their homes. "
        "The Lune river rose two metres in a night.",
        "Families displaced by Storm Idris in the Lune valley began returning as the river fell; "
        "insurers estimated the Idris damage at millions.",
    ],
    ("4", "storm-islands"): [
        "Hurricane Tavo tore roofs off houses across the Corral islands and cut power to most "
        "of Corral Grande.",
        "Power crews restored electricity on Corral Grande days after Hurricane Tavo hit the "
        "Corral islands, while many roofs remained open to the sky.",
    ],
}


@pytest.mark.slow
def test_cli_scores_an_invented_corpus(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    rows = ["file,event,topic"]
    for (topic, event), texts in EVENTS.items():
        for number, text in enumerate(texts, start=1):
            name = f"{topic}_{event}_{number}.txt"
            (docs / name).write_text(text + "\n", encoding="utf-8")
            rows.append(f"{name},{event},{topic}")
    labels = tmp_path / "labels.csv"
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "clusters", str(tmp_path), str(labels), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output[result.output.index("{") :])
    assert set(figures["halves"]) == {"dev", "test"}
    test = figures["halves"]["test"]
    assert test["topics"] == 2 and test["articles"] == 8 and test["events"] == 4
    assert set(test["scores"]) == {"storyline", "tfidf-agglomerative", "nmf-topics"}
    for scores in test["scores"].values():
        assert 0.0 <= scores["event"]["bcubed"]["f1"] <= 1.0
    assert figures["tuned_on_dev"]["event"]["distance"] > 0
    assert "event_bootstrap" not in test  # only when asked
    table = CliRunner().invoke(
        app, ["eval", "clusters", str(tmp_path), str(labels), "--half", "dev", "--bootstrap", "50"]
    )
    assert table.exit_code == 0 and "dev half" in table.output and "test half" not in table.output
    assert "95% interval over 50 draws" in table.output
    assert "storyline reaches 0.90 in" in table.output


def test_a_tokenised_url_line_becomes_the_documents_url() -> None:
    from storyline.evaluation.ecbplus import split_url_line, with_url_metadata
    from storyline.model import RawDocument

    text = "http: / / news. example. org / 2019 / 05 / 02 / ferry - sinks. html\nA ferry sank.\n"
    url, rest = split_url_line(text)
    assert url == "http://news.example.org/2019/05/02/ferry-sinks.html"
    assert rest == "A ferry sank.\n"
    document = with_url_metadata(RawDocument("a.txt", text, "0" * 64, "txt"))
    assert (document.url, document.text) == (url, rest)
    # a first line that is prose, or a URL with nothing after it, stays as it is
    prose = "Visit http: / / example. org for more.\nBody."
    assert split_url_line(prose) == (None, prose)
    lone = RawDocument("b.txt", "http: / / example. org / x", "0" * 64, "txt")
    assert with_url_metadata(lone) is lone


def test_tokens_the_corpus_split_are_joined_back() -> None:
    from storyline.evaluation.ecbplus import detokenise

    text = (
        "4. 6 quake Posted: 03 / 14 / 2013 06: 37: 46 AM PDT. A 4. 6 quake shook the U. S. "
        "at 2: 09 a. m.; 100, 000, 000 people, $37. 5 million, 4 1 / 2 hours."
    )
    assert detokenise(text) == (
        "4.6 quake Posted: 03/14/2013 06:37:46 AM PDT. A 4.6 quake shook the U.S. "
        "at 2:09 a.m.; 100,000,000 people, $37.5 million, 4 1/2 hours."
    )
    # a year before a comma, a sentence's end and the corpus's dashes stay as written
    kept = "In 2004, 300 died. It can not be underestimated - it is well - known. He won 2004."
    assert detokenise(kept) == kept


def test_the_documents_are_read_detokenised(tmp_path: Path) -> None:
    from storyline.evaluation.ecbplus import load_articles

    (tmp_path / "1_1ecbplus.txt").write_text(
        "http: / / news. example. org / 2013 / 03 / 14 / quake. html\n"
        "Quake hits Sonoma\nAn earthquake measuring 4. 6 shook the U. S. state at 2: 09 a. m.\n",
        encoding="utf-8",
    )
    (article,) = load_articles(tmp_path, ["1_1ecbplus.txt"])
    assert "measuring 4.6 shook the U.S. state at 2:09 a.m." in article.text
    assert article.url == "http://news.example.org/2013/03/14/quake.html"
