"""Store: the database behind a run (SQLite by default, any SQLAlchemy URL works).

Eight tables: ``meta`` (the schema version), ``documents`` (every input already read,
keyed by content hash and source, which is what makes re-running idempotent),
``articles`` (one row per clean article: a few indexed columns plus the whole record as
JSON), ``stories`` (the story-level analysis as JSON, rewritten when a story changes),
``index_state`` (a snapshot of the placement indexes, see :mod:`storyline.index_state`:
one blob per index, cut into parts of at most ``store_rows.STATE_PART_BYTES``) and
``placements`` (the order in which runs placed articles, with the date each had then: what
a rebuild of those indexes replays, and what a run replays on top of the snapshot, see
:mod:`storyline.store_placements`), ``story_links`` (storylines merged into another, see
:mod:`storyline.story_linking`) and ``writer`` (the lease of the one run writing, see
:mod:`storyline.store_writer`); they are declared in :mod:`storyline.store_schema`.
Each document is committed with its articles in one transaction, and a run's placements
with the stories they change and the indexes' state in another, so a failure later in a
run never loses what was already stored.

``index_state`` and ``placements`` came after schema version 1 without a version bump:
``create_all`` adds them to an older database, and a storyline that does not know them
leaves them alone (the saved state is then found stale, by its fingerprint, and rebuilt;
articles placed without a ``placements`` row are replayed first, by date). So did the
articles' ``date_kind`` column and the placements' ``index_story`` column: added on
opening, NULL where a storyline that does not know them wrote the row (see
:meth:`Store._add_columns`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, insert, inspect, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from storyline import store_rows, store_schema
from storyline.codec import article_from_dict, story_from_dict
from storyline.model import Article, MemberKey, RawDocument, Story
from storyline.pubdate import date_kind
from storyline.store_placements import PlacementHead, PlacementLog
from storyline.store_schema import (
    Placement,
    SavedState,
    articles_table,
    documents_table,
    meta_table,
    metadata,
    stories_table,
    story_dates_index,
)
from storyline.store_writer import StoreBusy, WriterLease
from storyline.story_merges import within_reach

__all__ = ["Placement", "PlacementHead", "SavedState", "SchemaMismatch", "Store", "StoreBusy"]
__all__ += ["articles_table"]

SCHEMA_VERSION = 1
IN_BATCH = store_schema.IN_BATCH  # ids per "IN (...)" query (SQLite limits parameters)


class SchemaMismatch(RuntimeError):
    """The database was written by a storyline with another schema version."""


def document_key(document: RawDocument) -> str:
    return f"{document.sha256}:{document.source}"


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL from a file path (SQLite) or a URL given as is."""
    text = str(db)
    return text if "://" in text else f"sqlite:///{Path(text)}"


class Store(PlacementLog, WriterLease):
    """Articles and stories in a database; every method is one transaction. The
    placements log and the saved indexes are in :class:`storyline.store_placements.PlacementLog`,
    the lease that keeps two runs from writing at once in
    :class:`storyline.store_writer.WriterLease`."""

    def __init__(self, db: str | Path) -> None:
        self.url = database_url(db)
        if self.url.startswith("sqlite:///"):
            Path(self.url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url, future=True)
        metadata.create_all(self.engine)
        self._check_version()
        self._add_columns()

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

    def _add_columns(self) -> None:
        """Give a database written before the articles' ``date_kind`` column or the placements'
        ``index_story`` column those columns (``create_all`` adds tables, not columns), and the
        index of the articles' storylines and dates. Their rows start NULL. A NULL kind reads as
        "not known": a light update reads such members' records and writes their kinds (see
        :func:`storyline.pipeline.update_lightly`). A NULL index storyline reads as the article's
        stored story, which it was before storylines could merge (:mod:`storyline.story_merges`). So
        nothing has to be filled here, and a run of an older storyline leaves nothing wrong behind.
        A database opened read-only, or by another process adding a column at the same moment, is
        left as it is."""
        for table, column, kind in (
            ("articles", "date_kind", "VARCHAR(16)"),
            ("placements", "index_story", "VARCHAR(40)"),
        ):
            if column in {c["name"] for c in inspect(self.engine).get_columns(table)}:
                continue
            try:
                with self.engine.begin() as conn:
                    conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {column} {kind}"))
            except DBAPIError:
                pass  # read-only, or added meanwhile: either way there is nothing to do
        with suppress(DBAPIError):  # read-only, or created meanwhile: nothing to do
            story_dates_index.create(self.engine, checkfirst=True)  # create_all makes an
            # index only with the table it creates

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
        self.beat()
        now = store_rows.now()
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
                conn.execute(
                    insert(articles_table), [store_rows.article_row(a, key) for a in fresh]
                )

    # ----------------------------------------------------------------- articles

    def articles(
        self,
        ids: Iterable[str] | None = None,
        trim: Callable[[Article], Article] | None = None,
    ) -> list[Article]:
        """Articles (all, or those with the given ids) in a stable order; ``trim``, when
        given, is applied to each as it is read (to keep less of it)."""
        if ids is None:
            return self._select_articles(None, trim)
        wanted = sorted(set(ids))
        found = [
            a
            for i in range(0, len(wanted), IN_BATCH)
            for a in self._select_articles(articles_table.c.id.in_(wanted[i : i + IN_BATCH]), trim)
        ]
        return sorted(found, key=lambda a: a.id)

    def article_ids(self) -> list[str]:
        """The ids of every stored article, sorted."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(articles_table.c.id).order_by(articles_table.c.id))
            return [row[0] for row in rows]

    def pending_articles(self) -> list[Article]:
        """The articles in no story yet, by id."""
        return self._select_articles(articles_table.c.story.is_(None))

    def placed_articles(self) -> list[Article]:
        """The articles already in a story, by id."""
        return self._select_articles(articles_table.c.story.is_not(None))

    def story_members(self, story_ids: Iterable[str]) -> list[Article]:
        """The articles of the given stories, by id (asked in batches of ``IN_BATCH`` ids)."""
        wanted = sorted(set(story_ids))
        found = [
            a
            for i in range(0, len(wanted), IN_BATCH)
            for a in self._select_articles(articles_table.c.story.in_(wanted[i : i + IN_BATCH]))
        ]
        return sorted(found, key=lambda a: a.id)

    def ids_near(self, reaches: Mapping[str, Sequence[tuple[str, str]]]) -> dict[str, str]:
        """Article id -> story, for the members of each story dated within its reach (story ->
        bounds, as :func:`storyline.story_merges.reach` gives them; see
        :func:`storyline.story_merges.within_reach`), read from the articles' columns without
        decoding their records (:meth:`articles` reads those). Stories that share a reach are asked
        together; the database keeps the dates between its first and last bound (through
        the index of storylines and dates), the gaps are left out here. So the cost follows
        the dates asked for, not the stories' sizes."""
        alike: dict[tuple[tuple[str, str], ...], list[str]] = defaultdict(list)
        for story_id, bounds in sorted(reaches.items()):
            if bounds:
                alike[tuple(bounds)].append(story_id)
        t = articles_table.c
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for bounds, wanted in alike.items():
                dates = t.published.between(
                    min(b[0] for b in bounds)[:7], max(b[1] for b in bounds)
                )
                for i in range(0, len(wanted), IN_BATCH):
                    query = select(t.id, t.story, t.published).where(
                        t.story.in_(wanted[i : i + IN_BATCH]), dates
                    )
                    for article_id, story_id, published in conn.execute(query):
                        if within_reach(published, bounds):
                            found[article_id] = story_id
        return found

    def member_keys(self, story_id: str) -> list[MemberKey]:
        """Id, date, copy link, event and kind of date of every article of a story, by id,
        read from the articles' columns without decoding their records (a kind is None
        when the row was written without one: see :meth:`_add_columns`)."""
        t = articles_table.c
        query = (
            select(t.id, t.published, t.duplicate_of, t.event, t.date_kind)
            .where(t.story == story_id)
            .order_by(t.id)
        )
        with self.engine.connect() as conn:
            return [MemberKey(*row) for row in conn.execute(query)]

    def refresh_date_kinds(self, articles: Iterable[Article]) -> None:
        """Write the kind of date of these stored articles as this storyline reads it (after
        an upgrade whose dateline rules differ; see :meth:`member_keys`)."""
        t = articles_table.c
        with self.engine.begin() as conn:
            for article in articles:
                kind = date_kind(article.published, article.text, article.removed)
                conn.execute(
                    update(articles_table).where(t.id == article.id).values(date_kind=kind)
                )

    def article_texts(self, ids: Iterable[str]) -> dict[str, str]:
        """The texts of the stored articles among ``ids`` (in batches of ``IN_BATCH``)."""
        wanted = sorted(set(ids))
        return {
            a.id: a.text
            for i in range(0, len(wanted), IN_BATCH)
            for a in self._select_articles(articles_table.c.id.in_(wanted[i : i + IN_BATCH]))
        }

    def placed_count(self) -> int:
        """How many articles are in a story."""
        query = select(func.count()).where(articles_table.c.story.is_not(None))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def story_of(self, article_id: str) -> str | None:
        """The story of a stored article (None when it is in none, or unknown)."""
        query = select(articles_table.c.story).where(articles_table.c.id == article_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else row[0]

    def _select_articles(
        self, where: Any, trim: Callable[[Article], Article] | None = None
    ) -> list[Article]:
        query = select(articles_table.c.record).order_by(articles_table.c.id)
        if where is not None:
            query = query.where(where)
        keep = trim or (lambda article: article)
        with self.engine.connect() as conn:
            return [keep(article_from_dict(json.loads(row[0]))) for row in conn.execute(query)]

    def article(self, article_id: str) -> Article | None:
        found = self.articles([article_id])
        return found[0] if found else None

    # ----------------------------------------------------------------- stories

    def save_stories(
        self, stories: Iterable[Story], dates: dict[str, tuple[str | None, str | None]]
    ) -> None:
        """Replace the records of these stories; ``dates`` holds (first, last) per story id."""
        self.beat()
        with self.engine.begin() as conn:
            store_rows.write_stories(conn, stories, dates)

    def story_sizes(self, story_ids: Iterable[str]) -> dict[str, int]:
        """The number of articles of each of the given stored stories."""
        t = stories_table.c
        wanted = sorted(set(story_ids))
        found: dict[str, int] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), IN_BATCH):
                query = select(t.id, t.articles).where(t.id.in_(wanted[i : i + IN_BATCH]))
                found.update({story_id: int(count) for story_id, count in conn.execute(query)})
        return found

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
        record = self.story_record(story_id)
        return story_from_dict(record) if record is not None else None

    def story_record(self, story_id: str) -> dict[str, Any] | None:
        """A story's stored record as plain JSON data (what :meth:`story` decodes)."""
        query = select(stories_table.c.record).where(stories_table.c.id == story_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return json.loads(row[0]) if row else None

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
