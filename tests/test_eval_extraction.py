"""Article bodies against the article-extraction benchmark (storyline.evaluation.extraction)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.clean import split_and_clean
from storyline.cli import app
from storyline.evaluation.extraction import evaluate_extraction, shingle_score, shingles

BODY = (
    "A barge loaded with gravel sank near the lock at Brevik on Monday night, the river "
    "authority said, and traffic on the waterway was halted while divers surveyed the wreck.\n"
    "The crew of three swam ashore. The authority expects to raise the barge within a week, "
    "once cranes arrive from the coast, and asked boat owners to follow the detour signs."
)
PAGE = f"""<html><head><title>River barge sinks at Brevik lock</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>River barge sinks at Brevik lock</h1>
{"".join(f"<p>{p}</p>" for p in BODY.splitlines())}
<p>Share this article</p></article></body></html>"""


def test_shingles_count_four_token_runs_with_repeats() -> None:
    assert shingles("The the THE the the") == {("the",) * 4: 2}
    assert shingles("Two words") == {("two", "words"): 1}
    assert shingles("") == {}


def test_shingle_score_precision_recall_and_empty_texts() -> None:
    assert shingle_score(BODY, BODY) == (1.0, 1.0, 1.0)
    assert shingle_score("", "") == (1.0, 1.0, 1.0)
    assert shingle_score("", BODY)[1:] == (0.0, 0.0)
    first = BODY.splitlines()[0]
    precision, recall, f1 = shingle_score(first, BODY)
    assert precision == 1.0 and 0.4 < recall < 0.6
    padded = BODY + " Sign up for our newsletter to get the day's news in your inbox."
    assert shingle_score(padded, BODY)[0] < 1.0 and shingle_score(padded, BODY)[1] == 1.0


def test_a_known_title_that_no_line_matches_leaves_the_first_line_as_body() -> None:
    text = "Results by event\n" + BODY
    (part,) = split_and_clean(text, "Regional swim championships: full results")
    assert part.text.startswith("Results by event")
    (plain,) = split_and_clean("Barge sinks at Brevik\n" + BODY)  # no known title: a headline
    assert plain.title == "Barge sinks at Brevik" and plain.text.startswith("A barge")


def _bench(root: Path) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {}
    for key in ("a1", "b2", "c3"):
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
        truth[key] = {"articleBody": BODY, "url": f"https://daily.example/{key}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_evaluation_scores_trafilatura_and_storyline_by_halves(tmp_path: Path) -> None:
    root = _bench(tmp_path / "bench")
    result = evaluate_extraction(root)
    assert result.pages == 3 and [s.system for s in result.systems][:2] == [
        "trafilatura",
        "storyline",
    ]
    storyline = result.systems[1]
    assert storyline.f1 == pytest.approx(1.0) and storyline.f1_se == pytest.approx(0.0)
    assert evaluate_extraction(root, "dev").pages == 2  # keys a1, c3
    assert evaluate_extraction(root, "test").pages == 1


def test_cli_extraction_and_its_errors(tmp_path: Path) -> None:
    root = _bench(tmp_path / "bench")
    result = CliRunner().invoke(app, ["eval", "extraction", str(root), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["pages"] == 3
    bad = CliRunner().invoke(app, ["eval", "extraction", str(root), "--half", "train"])
    assert bad.exit_code != 0 and "dev or test" in bad.output
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = CliRunner().invoke(app, ["eval", "extraction", str(empty)])
    assert missing.exit_code == 1 and "no ground-truth.json" in missing.output
