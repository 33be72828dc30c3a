"""The store's tables (SQLAlchemy Core) and the records of its index tables.

See :mod:`storyline.store` for what each table holds; a table added here is created in
existing databases by ``create_all`` when a :class:`~storyline.store.Store` opens them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.dialects.mysql import LONGBLOB

IN_BATCH = 500  # ids per "IN (...)" query: SQLite limits the parameters of one statement

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
    Column("date_kind", String(16)),  # storyline.pubdate.date_kind: page, story:MM-DD, ...
    Column("language", String(8)),
    Column("duplicate_of", String(32)),
    Column("story", String(40), index=True),
    Column("event", String(40)),
    Column("record", Text, nullable=False),
)
# a storyline's members dated near a run's articles (storyline.story_merges.reach): read
# through this, the cost follows the dates asked for, not the storyline's size
story_dates_index = Index(
    "ix_articles_story_published", articles_table.c.story, articles_table.c.published
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
index_state_table = Table(
    "index_state",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("part", Integer, primary_key=True),
    Column("version", String(80), nullable=False),
    Column("fingerprint", Text, nullable=False),
    Column("saved_at", String(32), nullable=False),
    Column("blob", LargeBinary().with_variant(LONGBLOB(), "mysql"), nullable=False),
)
placements_table = Table(
    "placements",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("article", String(32), nullable=False, unique=True),
    Column("published", String(10)),  # the article's date when it was placed
    Column("inferred", Integer, nullable=False),
    Column("index_event", String(40)),  # the story index's own event for it (see events.py)
    Column("index_story", String(40)),  # the index's own storyline (see story_merges.py)
)
story_links_table = Table(  # storylines merged into another (see story_merges.py)
    "story_links",
    metadata,
    Column("story", String(40), primary_key=True),  # an index storyline, or a merged one
    Column("merged_into", String(40), nullable=False, index=True),  # the storyline seen now
)
writer_table = Table(
    "writer",
    metadata,
    Column("name", String(16), primary_key=True),  # always "writer": one row at most
    Column("token", String(32), nullable=False),  # the holder's own random token
    Column("what", Text, nullable=False),  # "storyline run", "REST ingest", ...
    Column("host", String(255), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("since", String(32), nullable=False),
    Column("beat", Float, nullable=False),  # seconds since the epoch, renewed while writing
)


@dataclass(frozen=True, slots=True)
class Placement:
    """An article placed by a run, with its publication date (value, estimated) then."""

    article: str
    published: str | None
    inferred: bool
    index_event: str | None = None  # the index's placement event (users see events.py's)
    seq: int = 0  # its place in the log (0 for one not logged yet)
    index_story: str | None = None  # the index's storyline (users see story_merges.py's)


@dataclass(frozen=True, slots=True)
class SavedState:
    """One saved index: the code version that wrote it, what the store held then
    (``fingerprint``), and the serialised index."""

    version: str
    fingerprint: str
    blob: bytes
