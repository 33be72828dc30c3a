"""Store: the database behind a run (SQLite by default, any SQLAlchemy URL works).

Four tables: ``meta`` (the schema version), ``documents`` (every input already read,
keyed by content hash and source, which is what makes re-running idempotent),
``articles`` (one row per clean article: a few indexed columns plus the whole record as
JSON) and ``stories`` (the story-level analysis as JSON, rewritten when a story changes).
Each document is committed with its articles in one transaction, so a failure later in a
run never loses what was already stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine

from storyline.codec import article_from_dict, story_from_dict, to_dict
from storyline.model import Article, RawDocument, Story

SCHEMA_VERSION = 1

metadata = MetaData()

meta_table = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
documents_table = Table(
    "documents",
    metadata,
    Column("key", String(400), primary_key=True),  # sha256 + ":" + source
    Column("sha256", String(64), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("format", String(16), nullable=False),
    Column("articles", Integer, nullable=False),
    Column("ingested_at", String(32), nullable=False),
)
articles_table = Table(
    "articles",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("document", String(400), nullable=False, index=True),
    Column("source", Text, nullable=False),
    Column("part", Integer, nullable=False),
    Column("published", String(10), index=True),
    Column("language", String(8)),
    Column("duplicate_of", String(32)),
    Column("story", String(40), index=True),
    Column("event", String(40)),
    Column("record", Text, nullable=False),
)
stories_table = Table(
    "stories",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("title", Text, nullable=False),
    Column("articles", Integer, nullable=False),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("updated_at", String(32), nullable=False),
    Column("record", Text, nullable=False),
)


class SchemaMismatch(RuntimeError):
    """The database was written by a storyline with another schema version."""


def document_key(document: RawDocument) -> str:
    return f"{document.sha256}:{document.source}"


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL from a file path (SQLite) or a URL given as is."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text)}"


class Store:
    """Articles and stories in a database; every method is one transaction."""

    def __init__(self, db: str | Path) -> None:
        self.url = database_url(db)
        if self.url.startswith("sqlite:///"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url, future=True)
        metadata.create_all(self.engine)
        self._check_version()

    def _check_version(self) -> None:
        with self.engine.begin() as conn:
            row = conn.execute(
                select(meta_table.c.value).where(meta_table.c.key == "schema_version")
            ).first()
            if row is None:
                conn.execute(
                    insert(meta_table).values(key="schema_version", value=str(SCHEMA_VERSION))
                )
            elif int(row[0]) != SCHEMA_VERSION:
                raise SchemaMismatch(
                    f"{self.url}: database schema version {row[0]}, this storyline "
                    f"reads version {SCHEMA_VERSION}"
                )

    # ----------------------------------------------------------------- documents

    def has_document(self, document: RawDocument) -> bool:
        with self.engine.connect() as conn:
            key = document_key(document)
            return (
                conn.execute(
                    select(documents_table.c.key).where(documents_table.c.key == key)
                ).first()
                is not None
            )

    def add_document(self, document: RawDocument, articles: list[Article]) -> None:
        """Store a document and its articles together (all or nothing)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            conn.execute(
                insert(documents_table).values(
                    key=document_key(document),
                    sha256=document.sha256,
                    source=document.source,
                    format=document.format,
                    articles=len(articles),
                    ingested_at=now,
                )
            )
            known = {
                row[0]
                for row in conn.execute(
                    select(articles_table.c.id).where(
                        articles_table.c.id.in_([a.id for a in articles])
                    )
                )
            }
            fresh = [a for a in articles if a.id not in known]
            if fresh:
                key = document_key(document)
                conn.execute(insert(articles_table), [_article_row(a, key) for a in fresh])

    # ----------------------------------------------------------------- articles

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles (all, or those with the given ids) in a stable order."""
        query = select(articles_table.c.record).order_by(articles_table.c.id)
        if ids is not None:
            query = query.where(articles_table.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [article_from_dict(json.loads(row[0])) for row in conn.execute(query)]

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    def save_assignments(self, articles: Iterable[Article]) -> None:
        """Write the story, event, duplicate link and publication date of stored articles
        (the date can change once the story is known: see pipeline.date_from_siblings)."""
        with self.engine.begin() as conn:
            for article in articles:
                conn.execute(
                    update(articles_table)
                    .where(articles_table.c.id == article.id)
                    .values(
                        story=article.story,
                        event=article.event,
                        duplicate_of=article.duplicate_of,
                        published=article.published.value,
                        record=_dumps(to_dict(article)),
                    )
                )

    # ----------------------------------------------------------------- stories

    def save_stories(self, stories: Iterable[Story], dates: dict[str, tuple[str, str]]) -> None:
        """Replace the records of these stories; ``dates`` holds (first, last) per story id."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            for story in stories:
                first, last = dates.get(story.id, (None, None))
                conn.execute(delete(stories_table).where(stories_table.c.id == story.id))
                conn.execute(
                    insert(stories_table).values(
                        id=story.id,
                        title=story.title,
                        articles=len(story.articles),
                        first_date=first,
                        last_date=last,
                        updated_at=now,
                        record=_dumps(to_dict(story)),
                    )
                )

    def stories(self) -> list[Story]:
        """Every story, the largest first."""
        query = select(stories_table.c.record).order_by(
            stories_table.c.articles.desc(), stories_table.c.id
        )
        with self.engine.connect() as conn:
            return [story_from_dict(json.loads(row[0])) for row in conn.execute(query)]

    def story_rows(self) -> list[dict[str, object]]:
        """id, title, number of articles and first/last date of every story, largest first."""
        t = stories_table.c
        query = select(t.id, t.title, t.articles, t.first_date, t.last_date).order_by(
            t.articles.desc(), t.id
        )
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def story(self, story_id: str) -> Story | None:
        query = select(stories_table.c.record).where(stories_table.c.id == story_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return story_from_dict(json.loads(row[0])) if row else None

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for name, table in (
                    ("documents", documents_table),
                    ("articles", articles_table),
                    ("stories", stories_table),
                )
            }


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _article_row(article: Article, document: str) -> dict[str, object]:
    return {
        "id": article.id,
        "document": document,
        "source": article.source,
        "part": article.part,
        "published": article.published.value,
        "language": article.language,
        "duplicate_of": article.duplicate_of,
        "story": article.story,
        "event": article.event,
        "record": _dumps(to_dict(article)),
    }
