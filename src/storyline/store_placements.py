"""The placements log and the saved placement indexes: the part of :class:`storyline.store.Store`
that :mod:`storyline.index_store` reads and :func:`storyline.pipeline.assign_pending` writes.

``placements`` logs every article a run placed, in order (``seq``), with the date it had
then and the story index's own event for it: what a rebuild of the indexes replays.
``index_state`` holds a *snapshot* of both indexes (:mod:`storyline.index_state`) as they
were after the placement numbered in its fingerprint; the placements logged after it are
the snapshot's *tail*, which a run replays on top of it. A run writes a new snapshot only
now and then (:func:`storyline.index_store.snapshot_due`), so most runs write no more than
their own placements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Engine

from storyline import store_rows, store_schema
from storyline.model import Article, Story
from storyline.store_schema import (
    Placement,
    SavedState,
    articles_table,
    index_state_table,
    placements_table,
    stories_table,
    story_links_table,
)


@dataclass(frozen=True, slots=True)
class SnapshotRows:
    """A snapshot ready to be written: the indexes serialised by ``version`` (done before
    the transaction opens: pickling a large index must not keep readers out of the store)
    and its fingerprint text, which needs the seq the transaction gives the last placement."""

    version: str
    blobs: dict[str, bytes]
    fingerprint: Callable[[int], str]

    def states(self, seq: int) -> dict[str, SavedState]:
        text = self.fingerprint(seq)
        return {name: SavedState(self.version, text, blob) for name, blob in self.blobs.items()}


@dataclass(frozen=True, slots=True)
class PlacementHead:
    """What a store's placements are now: how many articles are in stories, the last
    ``seq`` logged, and the fingerprint of the saved snapshot (None when there is none).
    Any run that places articles, and any change that drops the snapshot, changes it."""

    placed: int
    seq: int
    snapshot: str | None


class PlacementLog:
    """Placements and saved index state of a store (mixed into :class:`~storyline.store.Store`)."""

    engine: Engine

    def save_assignments(self, articles: Iterable[Article]) -> None:
        """Write the story, event, duplicate link and publication date of stored articles
        (the date can change once the story is known: see story_update.date_from_siblings).

        The saved index state no longer describes the placements, so it is dropped (the next
        run rebuilds it); :meth:`save_placements` writes both together instead.
        """
        with self.engine.begin() as conn:
            store_rows.write_assignments(conn, articles)
            conn.execute(delete(index_state_table))

    def save_placements(
        self,
        articles: Iterable[Article],
        stories: Iterable[Story | dict[str, Any]],
        dates: dict[str, tuple[str | None, str | None]],
        snapshot: SnapshotRows | None,
        placed: list[Placement],
        merged: dict[str, str] | None = None,
    ) -> int:
        """One run's outcome in one transaction: the articles' assignments (as
        :meth:`save_assignments`), the stories they changed (as ``Store.save_stories``) and
        the run's ``placed`` articles, logged in the order it placed them. ``snapshot``
        replaces the saved state, its fingerprint given the seq of the last placement
        logged; with None the saved state stays, and the placements logged here become
        part of its tail. A story may come as a record already in plain JSON data (see
        ``Store.story_record``). ``merged`` maps the storylines this run merged into another
        to the one they joined (:mod:`storyline.story_merges`): their records go, and the
        links to them are redirected (their members come in ``articles``, relabelled).
        Returns the last seq logged."""
        with self.engine.begin() as conn:
            _write_links(conn, merged or {})  # before the members are relabelled
            store_rows.write_assignments(conn, articles)
            store_rows.write_stories(conn, stories, dates)
            top = conn.execute(select(func.max(placements_table.c.seq))).scalar_one() or 0
            ids = [p.article for p in placed]
            batch_size = store_schema.IN_BATCH
            for i in range(0, len(ids), batch_size):  # an article placed again is logged again
                batch = placements_table.c.article.in_(ids[i : i + batch_size])
                conn.execute(delete(placements_table).where(batch))
            rows = [
                {"seq": top + n, "article": p.article, "published": p.published}
                | {"inferred": int(p.inferred), "index_event": p.index_event}
                | {"index_story": p.index_story}
                for n, p in enumerate(placed, 1)
            ]
            if rows:
                conn.execute(insert(placements_table), rows)
            last = top + len(rows)
            if snapshot is not None:
                conn.execute(delete(index_state_table))
                store_rows.write_state(conn, snapshot.states(last))
            return last

    def placements(self, after: int = 0) -> list[Placement]:
        """The placements recorded by :meth:`save_placements` with a seq above ``after``
        (all by default), in the order made."""
        t = placements_table.c
        query = (
            select(t.article, t.published, t.inferred, t.index_event, t.seq, t.index_story)
            .where(t.seq > after)
            .order_by(t.seq)
        )
        with self.engine.connect() as conn:
            return [Placement(a, p, bool(i), e, s, x) for a, p, i, e, s, x in conn.execute(query)]

    def story_links(self, story_ids: Iterable[str]) -> dict[str, str]:
        """The storyline users see for each of these storylines that was merged into
        another (:mod:`storyline.story_merges`); the others are not in the answer."""
        t = story_links_table.c
        wanted = sorted(set(story_ids))
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), store_schema.IN_BATCH):
                batch = t.story.in_(wanted[i : i + store_schema.IN_BATCH])
                found.update(conn.execute(select(t.story, t.merged_into).where(batch)).all())
        return found

    def placement_head(self) -> PlacementHead:
        """How many articles are placed, the last seq logged and the saved snapshot's
        fingerprint, read in one statement (so from one state of the database)."""
        placed = select(func.count()).where(articles_table.c.story.is_not(None))
        last = select(func.max(placements_table.c.seq))
        t = index_state_table.c
        saved = select(t.fingerprint).order_by(t.name, t.part).limit(1)
        query = select(placed.scalar_subquery(), last.scalar_subquery(), saved.scalar_subquery())
        with self.engine.connect() as conn:
            count, seq, fingerprint = conn.execute(query).one()
        return PlacementHead(int(count), int(seq or 0), fingerprint)

    def index_state(self) -> dict[str, SavedState]:
        """The saved indexes by name (their parts joined); empty when none is saved."""
        t = index_state_table.c
        query = select(t.name, t.part, t.version, t.fingerprint, t.blob).order_by(t.name, t.part)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        states: dict[str, SavedState] = {}
        for name in sorted({row.name for row in rows}):
            mine = [row for row in rows if row.name == name]
            whole = [row.part for row in mine] == list(range(len(mine)))
            if not whole or len({(row.version, row.fingerprint) for row in mine}) != 1:
                return {}  # parts missing or from different saves: nothing usable
            blob = b"".join(bytes(row.blob) for row in mine)
            states[name] = SavedState(mine[0].version, mine[0].fingerprint, blob)
        return states

    def drop_index_state(self) -> None:
        """Forget the saved indexes (the next run rebuilds them from the articles)."""
        with self.engine.begin() as conn:
            conn.execute(delete(index_state_table))


def _write_links(conn: Any, merged: dict[str, str]) -> None:
    """Record storylines merged into others (gone -> kept): each merged one, and every
    storyline that pointed at it, now points at the one it joined; the merged ones'
    records go. Runs before the members' new story is written."""
    t = story_links_table.c
    for gone, kept in sorted(merged.items()):
        # a placement logged before storylines merged names no index storyline: it was the
        # stored story, which the relabelling is about to change
        members = select(articles_table.c.id).where(articles_table.c.story == gone)
        unnamed = placements_table.c.index_story.is_(None)
        conn.execute(
            update(placements_table)
            .where(unnamed, placements_table.c.article.in_(members))
            .values(index_story=gone)
        )
        conn.execute(
            update(story_links_table).where(t.merged_into == gone).values(merged_into=kept)
        )
        conn.execute(delete(story_links_table).where(t.story == gone))
        conn.execute(insert(story_links_table).values(story=gone, merged_into=kept))
        conn.execute(delete(stories_table).where(stories_table.c.id == gone))
