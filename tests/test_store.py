"""Store: records survive the round trip, documents are known by content, schema is versioned."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from storyline.model import (
    Analysis,
    Article,
    Fact,
    FactValue,
    Mention,
    PublishedDate,
    RawDocument,
    Removed,
    Story,
    SummarySentence,
    TimeExpr,
    TimelineEntry,
)
from storyline.store import SchemaMismatch, Store


def _document(source: str = "a.txt", sha: str = "f" * 64) -> RawDocument:
    return RawDocument(source=source, text="Body.", sha256=sha, format="txt")


def _article(article_id: str = "a1", source: str = "a.txt") -> Article:
    return Article(
        id=article_id,
        source=source,
        part=1,
        title="Title",
        text="Body text here.",
        removed=[Removed("Share this", "share-widget", 3)],
        published=PublishedDate("2024-09-27", "dateline", 0.85, "September 27"),
        language="en",
        analysis=Analysis(
            sentences=[(0, 15)],
            times=[TimeExpr(0, 4, "2024", "DATE", "2024")],
            mentions=[Mention(0, 4, "Body", "ORG")],
        ),
    )


def test_article_round_trip_keeps_nested_records(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    article = _article()
    store.add_document(_document(), [article])
    (back,) = store.articles()
    assert back == article
    assert back.analysis.times[0].value == "2024"
    assert back.analysis.sentences == [(0, 15)]


def test_documents_are_known_by_content_and_source(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    store.add_document(_document(), [_article()])
    assert store.has_document(_document())
    assert not store.has_document(_document(sha="e" * 64))
    assert not store.has_document(_document(source="b.txt"))


def test_store_survives_reopening_and_refuses_other_schema_versions(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    Store(path).add_document(_document(), [_article()])
    assert Store(path).counts() == {"documents": 1, "articles": 1, "stories": 0}
    with Store(path).engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    with pytest.raises(SchemaMismatch, match="schema version 99"):
        Store(path)


def test_assignments_and_stories_are_saved(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    article = _article()
    store.add_document(_document(), [article])
    article.story, article.event, article.duplicate_of = "s-a1", "e-a1", None
    store.save_assignments([article])
    story = Story(
        id="s-a1",
        title="A story",
        articles=["a1"],
        timeline=[TimelineEntry("2024-09", "It ends.", ["a1"], "END", True)],
        facts=[
            Fact(
                "United States",
                "troops in Iraq",
                2500,
                "troops",
                "single-source",
                ["a1"],
                1,
                [FactValue(2500, ["a1"], "about")],
            )
        ],
        summary=[SummarySentence("It ends.", ["a1"])],
    )
    store.save_stories([story], {"s-a1": ("2024-09-27", "2024-09-27")})
    store.save_stories([story], {"s-a1": ("2024-09-27", "2024-09-27")})  # rewrite, not duplicate
    assert store.story("s-a1") == story
    assert store.stories() == [story]
    assert store.story_rows() == [
        {
            "id": "s-a1",
            "title": "A story",
            "articles": 1,
            "first_date": "2024-09-27",
            "last_date": "2024-09-27",
        }
    ]
    assert store.article("a1").story == "s-a1"
    assert store.story("missing") is None
