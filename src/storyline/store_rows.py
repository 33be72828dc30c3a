"""The rows a :class:`storyline.store.Store` writes: articles, stories and saved index state,
each as a column set plus its record as JSON. Called inside the store's transactions."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, update
from sqlalchemy.engine import Connection

from storyline.codec import to_dict
from storyline.model import Article, Story
from storyline.pubdate import date_kind
from storyline.store_schema import (
    SavedState,
    articles_table,
    index_state_table,
    stories_table,
)

STATE_PART_BYTES = 8 << 20  # an index_state blob is stored in parts of at most 8 MiB


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_assignments(conn: Connection, articles: Iterable[Article]) -> None:
    for article in articles:
        conn.execute(
            update(articles_table)
            .where(articles_table.c.id == article.id)
            .values(
                story=article.story,
                event=article.event,
                duplicate_of=article.duplicate_of,
                published=article.published.value,
                date_kind=date_kind(article.published, article.text, article.removed),
                record=dumps(to_dict(article)),
            )
        )


def write_stories(
    conn: Connection,
    stories: Iterable[Story | dict[str, Any]],
    dates: dict[str, tuple[str | None, str | None]],
) -> None:
    stamp = now()
    for story in stories:
        record = story if isinstance(story, dict) else to_dict(story)
        first, last = dates.get(record["id"], (None, None))
        conn.execute(delete(stories_table).where(stories_table.c.id == record["id"]))
        conn.execute(
            insert(stories_table).values(
                id=record["id"],
                title=record["title"],
                articles=len(record["articles"]),
                first_date=first,
                last_date=last,
                updated_at=stamp,
                record=dumps(record),
            )
        )


def write_state(conn: Connection, state: dict[str, SavedState]) -> None:
    stamp = now()
    for name, saved in sorted(state.items()):
        blob = saved.blob
        count = max(1, -(-len(blob) // STATE_PART_BYTES))
        for part in range(count):
            conn.execute(
                insert(index_state_table).values(
                    name=name,
                    part=part,
                    version=saved.version,
                    fingerprint=saved.fingerprint,
                    saved_at=stamp,
                    blob=blob[part * STATE_PART_BYTES : (part + 1) * STATE_PART_BYTES],
                )
            )


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def article_row(article: Article, document: str) -> dict[str, object]:
    return {
        "id": article.id,
        "document": document,
        "source": article.source,
        "part": article.part,
        "published": article.published.value,
        "date_kind": date_kind(article.published, article.text, article.removed),
        "language": article.language,
        "duplicate_of": article.duplicate_of,
        "story": article.story,
        "event": article.event,
        "record": dumps(to_dict(article)),
    }
