"""A dateline with a day and month but no year takes its year from the story's other articles."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.model import Article, PublishedDate
from storyline.pipeline import date_from_siblings, run
from storyline.store import Store

WIRE = (
    "KESSPORT, Nov. 4 (Meridian Wire) - Flood water closed the Kessport bridge on Tuesday, "
    "the harbour authority said, and repairs will start next week.\n"
    "Engineers said the eastern span was damaged."
)


def _article(key: str, text: str, published: PublishedDate) -> Article:
    return Article(id=key, source=f"{key}.txt", part=1, title=None, text=text, published=published)


def test_undated_dateline_borrows_the_year_of_its_siblings() -> None:
    undated = _article("a1", WIRE, PublishedDate(None, "unknown", 0.0))
    sibling = _article("a2", "Rain fell.", PublishedDate("2025-11-03", "metadata", 0.95))
    changed = date_from_siblings([undated, sibling])
    assert changed == [undated]
    assert undated.published.value == "2025-11-04"
    assert undated.published.inferred and undated.published.confidence < 0.85
    assert "other articles" in undated.published.detail
    # the time expressions were tagged again against the new date
    assert any(t.value == "2025-W46" for t in undated.analysis.times)


def test_estimates_are_not_evidence_for_siblings() -> None:
    undated = _article("a1", WIRE, PublishedDate(None, "unknown", 0.0))
    guessed = _article("a2", "Rain fell.", PublishedDate("2025-11", "content", 0.3, inferred=True))
    assert date_from_siblings([undated, guessed]) == []
    assert undated.published.value is None


def test_dated_articles_are_left_alone() -> None:
    dated = _article("a1", WIRE, PublishedDate("2024-11-04", "metadata", 0.95))
    sibling = _article("a2", "Rain fell.", PublishedDate("2025-11-03", "metadata", 0.95))
    assert date_from_siblings([dated, sibling]) == []
    assert dated.published.value == "2024-11-04"


def test_run_dates_the_wire_story_once_its_story_is_known(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    record = {
        "text": "The Kessport bridge was closed by flood water on Tuesday, the harbour "
        "authority said. Repairs on the damaged eastern span of the Kessport bridge start "
        "next week, engineers said.",
        "published": "2025-11-05",
        "title": "Kessport bridge shut by flood",
    }
    (folder / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    store = Store(tmp_path / "s.db")
    run([folder], store)
    articles = {a.source: a for a in store.articles()}
    wire = next(a for source, a in articles.items() if source.endswith("wire.txt"))
    feed = next(a for source, a in articles.items() if "feed.jsonl" in source)
    assert wire.story == feed.story
    assert wire.published.value == "2025-11-04"
    assert store.counts()  # the store stays readable after the update
