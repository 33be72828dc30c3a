"""Tests for the publication-date evaluation (storyline.evaluation.pubdates)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storyline.evaluation.pubdates import (
    PageAnswer,
    evaluate_pubdates,
    mask_own_url,
    score_answers,
)
from tests.conftest import SHARED, need

URL = "https://daily.example/news/2024/02/13/river-barge-sinks/"
JSON_URL = URL.replace("/", "\\/")
SHARE_URL = URL.replace(":", "%3A").replace("/", "%2F")
PAGE = f"""<html><head><title>River barge sinks</title>
<link rel="canonical" href="{URL}">
<meta property="og:url" content="{URL}">
<script type="application/ld+json">{{"url": "{JSON_URL}"}}</script>
</head><body><h1>River barge sinks</h1>
<a href="https://share.example/?u={SHARE_URL}">Share</a>
<a href="/news/2024/02/13/river-barge-sinks.amp.html">AMP</a>
<a href="/news/2024/02/12/other-story/">Yesterday</a>
<p>A barge loaded with gravel sank near the lock at Brevik on Monday night, the river
authority said, and traffic on the waterway was halted while divers surveyed the wreck.</p>
<p>The crew of three swam ashore. The authority expects to raise the barge within a week,
once cranes arrive from the coast, and asked boat owners to follow the detour signs.</p>
</body></html>"""


def test_mask_own_url_removes_every_form_of_the_address() -> None:
    masked = mask_own_url(PAGE, URL)
    assert "2024/02/13" not in masked and "2024%2F02%2F13" not in masked
    assert "2024\\/02\\/13" not in masked
    assert "/news/2024/02/12/other-story/" in masked  # other pages' links stay
    assert mask_own_url(PAGE, "https://daily.example/") == PAGE  # nothing specific to mask


def test_score_answers_counts_days_months_and_unknowns() -> None:
    rows = [
        PageAnswer("a", "u", "2024-02-13", "2024-02-13", "metadata"),
        PageAnswer("b", "u", "2024-02-13", "2024-02-12", "metadata"),  # wrong day, right month
        PageAnswer("c", "u", "2024-02-13", "2024-02", "content"),  # right month, no day
        PageAnswer("d", "u", "2024-02-13", "2023-11", "content"),  # wrong month
        PageAnswer("e", "u", "2024-02-13", None, "unknown"),
        PageAnswer("f", "u", None, "2020-01-01", "metadata"),  # not in the silver set
    ]
    score = score_answers("x", rows)
    assert (score.pages, score.exact_day, score.same_month) == (5, 1, 3)
    assert (score.wrong_day, score.wrong_month, score.unknown) == (1, 1, 1)
    assert score.by_evidence == {"metadata": 2, "content": 2, "unknown": 1}


def _bench(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    (root / "html").mkdir(parents=True)
    truth = {}
    for key, (url, html) in pages.items():
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[key] = {"url": url, "articleBody": ""}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return root


def test_evaluation_reads_pages_without_their_url(tmp_path: Path) -> None:
    dated = PAGE.replace(
        "</head>",
        '<meta property="article:published_time" content="2024-02-13T08:00:00+01:00"></head>',
    )
    root = _bench(
        tmp_path / "bench",
        {
            "k1": (URL, dated),  # markup date agrees with the URL
            "k2": (
                URL.replace("/13/", "/14/"),
                PAGE.replace("/13/", "/14/"),
            ),  # only the URL dates it
            "k3": ("https://daily.example/about", dated),  # no URL date: coverage only
        },
    )
    result = evaluate_pubdates(root)
    assert (result.pages, result.silver, result.unreadable) == (3, 2, 0)
    storyline = result.systems[0]
    assert storyline.system == "storyline" and storyline.exact_day == 1
    assert storyline.wrong_day == 0 and storyline.unknown == 1  # the URL was masked
    assert [m.key for m in result.mistakes] == ["k2"]
    assert {s.system for s in result.systems} == {
        "storyline",
        "htmldate (fast)",
        "htmldate (extensive)",
    }
    assert result.coverage["metadata"] == 2  # k1 and k3 as a normal run reads them
    assert json.loads(json.dumps(result.to_dict()))["silver"] == 2
    table = result.table()
    assert "wrong day" in table and "htmldate (extensive)" in table


@pytest.mark.slow
def test_benchmark_pages_state_fewer_wrong_days_than_htmldate() -> None:
    result = evaluate_pubdates(need(SHARED / "data" / "article-extraction-benchmark"))
    storyline, fast, _ = result.systems
    assert result.silver >= 40
    assert storyline.wrong_day < fast.wrong_day and storyline.exact_day >= fast.exact_day
