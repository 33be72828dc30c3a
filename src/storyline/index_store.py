"""The placement indexes a run starts from, and when a run saves them again.

A run (:func:`storyline.pipeline.assign_pending`) needs both placement indexes holding
every placed article, exactly as the runs before left them. It takes the first of these
that is current:

1. **warm**: the indexes a long-lived process kept in memory after its own last run
   (:class:`WarmIndexes`, used by the REST server), when the store's placements are still
   what that run left (:class:`~storyline.store_placements.PlacementHead`): no reading at
   all;
2. **snapshot and tail**: the saved snapshot (:mod:`storyline.index_state`) with the
   placements logged after it replayed on top, in log order, each article with the date
   and placement event it had then. Replaying an article costs about what placing it did;
3. **rebuild**: every placed article replayed from the log into empty indexes.

Saving a snapshot copies the whole indexes (about 0.7 KB an article), so a run saves one
only now and then (:func:`snapshot_due`): a warm process once the placements since the last
snapshot reach :data:`SNAPSHOT_SHARE` of the archive, which spreads the cost of writing
snapshots over the articles placed between them (a constant per article, whatever the
archive's size); a process started per run, which replays the tail every time, sooner, where
the replay it saves and the writing it costs balance. Between snapshots a run writes only
its own rows.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace

from storyline.dedupe import DuplicateIndex
from storyline.events import publication_order
from storyline.index_state import Fingerprint, Indexes, code_version, knows_any, serialise
from storyline.index_state import load as load_snapshot
from storyline.model import Article
from storyline.store import Placement, PlacementHead, Store
from storyline.store_placements import SnapshotRows
from storyline.stories import StoryIndex
from storyline.story_feature_cache import FeatureCache

SNAPSHOT_SHARE = 0.01  # a new snapshot once the placements since the last reach 1% of all
SNAPSHOT_MIN = 50  # ... and at least this many
# Replaying one article costs about as much as writing 240 archived ones into a snapshot
# (bench/incremental.py at 30,000 articles: 4.5 ms against 19 µs): see snapshot_due.
REPLAY_TO_WRITE = 240


@dataclass(slots=True)
class Loaded:
    """Indexes ready for a run: they hold the saved snapshot ``snapshot`` (its fingerprint
    text; None when the store has no usable one) plus ``behind`` placements after it."""

    indexes: Indexes
    behind: int
    snapshot: str | None


class WarmIndexes:
    """The indexes a long-lived process keeps in memory from one run to its next.

    :meth:`take` hands them over only for the store they came from (its URL) and only
    while its placements are still what the run that kept them left (same count of placed
    articles, same last placement, same saved snapshot), and forgets them either way: a
    run that fails midway leaves nothing behind, and the next run loads from the store.
    Runs on one store must not overlap (nothing in the store prevents two processes from
    placing the same pending articles at once).

    ``features`` keeps the features of the articles the merge step pooled lately, for its
    next runs (:mod:`storyline.story_feature_cache`); it is keyed by the articles' content,
    so it is kept whatever the store.
    """

    def __init__(self) -> None:
        self._held: tuple[str, PlacementHead, Loaded] | None = None
        self.features = FeatureCache()

    def take(self, url: str, head: PlacementHead) -> Loaded | None:
        held, self._held = self._held, None
        return held[2] if held is not None and held[:2] == (url, head) else None

    def keep(self, url: str, head: PlacementHead, loaded: Loaded) -> None:
        self._held = (url, head, loaded)


def load(store: Store, pending: list[Article], warm: WarmIndexes | None = None) -> Loaded:
    """The placement indexes of ``store`` before ``pending`` (articles in no story yet) are
    placed: warm, from the snapshot and its tail, or rebuilt (see the module's text)."""
    head = store.placement_head()
    loaded = warm.take(store.url, head) if warm is not None else None
    if loaded is None:
        loaded = from_snapshot(store, head)
    if loaded is None or knows_any(loaded.indexes, [a.id for a in pending]):
        loaded = Loaded(rebuild(store.placed_articles(), store.placements()), 0, None)
    loaded.indexes.duplicates.texts = store.article_texts  # for candidates it does not hold
    return loaded


def from_snapshot(store: Store, head: PlacementHead) -> Loaded | None:
    """The saved snapshot with its tail replayed, or None when there is no usable snapshot
    or the snapshot and its tail are not exactly the store's placed articles."""
    snapshot = load_snapshot(store.index_state(), store.story_of)
    if snapshot is None:
        return None
    fingerprint = snapshot.fingerprint
    logged = store.placements(after=fingerprint.seq - 1)
    if not logged or (logged[0].seq, logged[0].article) != (fingerprint.seq, fingerprint.last_id):
        return None  # the snapshot's last placement was logged again, or is gone
    tail = logged[1:]
    if fingerprint.placed + len(tail) != head.placed:
        return None  # placements made without the log, or articles taken out of stories
    articles = {a.id: a for a in store.articles(p.article for p in tail)}
    if len(articles) != len(tail) or any(a.story is None for a in articles.values()):
        return None
    indexes = snapshot.indexes
    if knows_any(indexes, list(articles)):
        return None
    indexes.duplicates.texts = store.article_texts
    replay(indexes, [as_placed(articles[p.article], p) for p in tail])
    return Loaded(indexes, len(tail), head.snapshot)


def snapshot_due(loaded: Loaded, placed_now: int, warm: bool = False) -> bool:
    """Whether the run that placed ``placed_now`` articles on ``loaded`` saves a snapshot.

    A warm process replays nothing, so it saves one per :data:`SNAPSHOT_SHARE` of the
    archive placed: a constant cost per article. A process started per run replays the
    whole tail each time: with runs of n articles and a snapshot every T placements, a run
    replays T / 2 articles on average and pays n / T of a snapshot, which is least at
    T = sqrt(2 * archive * n / :data:`REPLAY_TO_WRITE`); so it saves one once the tail
    reaches that (never later than the warm rule, never before :data:`SNAPSHOT_MIN`).
    """
    if loaded.snapshot is None:
        return True
    behind = loaded.behind + placed_now
    archive = len(loaded.indexes.stories)
    limit = SNAPSHOT_SHARE * archive
    if not warm:
        limit = min(limit, math.sqrt(2 * archive * placed_now / REPLAY_TO_WRITE))
    return behind >= max(SNAPSHOT_MIN, limit)


def snapshot_if_due(
    loaded: Loaded, last: Article, placed_now: int, warm: bool = False
) -> SnapshotRows | None:
    """The snapshot :meth:`storyline.store.Store.save_placements` writes after a run whose
    last placed article was ``last`` (see :func:`snapshot_due`), or None when none is due.
    The indexes are serialised here, before the store's transaction opens."""
    if not snapshot_due(loaded, placed_now, warm):
        return None
    blobs = serialise(loaded.indexes)
    return SnapshotRows(code_version(), blobs, lambda seq: _fingerprint(loaded, last, seq).text())


def keep_warm(
    warm: WarmIndexes,
    store: Store,
    loaded: Loaded,
    last: Article,
    placed_now: int,
    seq: int,
    saved: bool,
) -> None:
    """Hand the indexes of a run that succeeded on ``store`` to ``warm``: the run placed
    ``placed_now`` articles, ``last`` the last, logged up to ``seq``, and ``saved`` a
    snapshot or not. After a snapshot the duplicate index lets go of the rows it holds
    (:meth:`storyline.dedupe.DuplicateIndex.archive`), so a long-lived process holds no
    more than a loaded index plus what was placed since."""
    snapshot = _fingerprint(loaded, last, seq).text() if saved else loaded.snapshot
    behind = 0 if saved else loaded.behind + placed_now
    if saved:
        loaded.indexes.duplicates.archive()
    head = PlacementHead(len(loaded.indexes.stories), seq, snapshot)
    warm.keep(store.url, head, Loaded(loaded.indexes, behind, snapshot))


def _fingerprint(loaded: Loaded, last: Article, seq: int) -> Fingerprint:
    return Fingerprint(len(loaded.indexes.stories), last.id, last.story or "", seq)


def rebuild(placed: Iterable[Article], log: Iterable[Placement] = ()) -> Indexes:
    """Duplicate and story indexes holding ``placed`` (articles already in stories, kept
    there), as the runs that placed them left them.

    The placements are replayed in the order of ``log`` (see :func:`as_placed`); placed
    articles the log does not know (placed by an older storyline) come first, by
    publication date.
    """
    by_id = {a.id: a for a in placed}
    logged = [p for p in log if p.article in by_id]
    known = {p.article for p in logged}
    order = sorted((a for a in by_id.values() if a.id not in known), key=publication_order)
    order += [as_placed(by_id[p.article], p) for p in logged]
    indexes = Indexes(DuplicateIndex(), StoryIndex())
    replay(indexes, order)
    return indexes


def as_placed(article: Article, placement: Placement) -> Article:
    """``article`` as it was when ``placement`` placed it: with the date it had then (a
    later run may have dated it from its story) and in the story index's own event and
    storyline (the stored event is the one :mod:`storyline.events` formed, the stored
    story the one :mod:`storyline.story_merges` may have merged it into)."""
    published = article.published
    if (published.value, published.inferred) != (placement.published, placement.inferred):
        then = replace(published, value=placement.published, inferred=placement.inferred)
        article = replace(article, published=then)
    if placement.index_event and placement.index_event != article.event:
        article = replace(article, event=placement.index_event)
    if placement.index_story and placement.index_story != article.story:
        article = replace(article, story=placement.index_story)
    return article


def replay(indexes: Indexes, articles: Iterable[Article]) -> None:
    """Put already placed articles back into ``indexes``, in this order, where they are."""
    for article in articles:
        indexes.duplicates.add(article.id, article.text)
        indexes.stories.restore(article)
