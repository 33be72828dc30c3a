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

Saving a snapshot copies the whole indexes (about 0.75 KB an article), so a run saves one
only when the placements since the last snapshot reach :data:`SNAPSHOT_SHARE` of the
archive (and at least :data:`SNAPSHOT_MIN`), or when it had to rebuild. Between snapshots a
run writes only its own rows, and a cold run replays at most that share of the archive: the
cost of writing snapshots is spread over the articles placed between them, a constant per
article whatever the archive's size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from storyline.dedupe import DuplicateIndex
from storyline.events import publication_order
from storyline.index_state import Fingerprint, Indexes, dump, knows_any
from storyline.index_state import load as load_snapshot
from storyline.model import Article
from storyline.store import Placement, PlacementHead, Store
from storyline.store_placements import SnapshotWriter
from storyline.stories import StoryIndex

SNAPSHOT_SHARE = 0.01  # a new snapshot once the placements since the last reach 1% of all
SNAPSHOT_MIN = 50  # ... and at least this many


@dataclass(slots=True)
class Loaded:
    """Indexes ready for a run: they hold the saved snapshot ``snapshot`` (its fingerprint
    text; None when the store has no usable one) plus ``behind`` placements after it."""

    indexes: Indexes
    behind: int
    snapshot: str | None


class WarmIndexes:
    """The indexes a long-lived process keeps in memory from one run to its next.

    :meth:`take` hands them over only when the store's placements are still what the run
    that kept them left (same count of placed articles, same last placement, same saved
    snapshot), and forgets them either way: a run that fails midway leaves nothing behind,
    and the next run loads from the store.
    """

    def __init__(self) -> None:
        self._held: tuple[PlacementHead, Loaded] | None = None

    def take(self, head: PlacementHead) -> Loaded | None:
        held, self._held = self._held, None
        return held[1] if held is not None and held[0] == head else None

    def keep(self, head: PlacementHead, loaded: Loaded) -> None:
        self._held = (head, loaded)


def load(store: Store, pending: list[Article], warm: WarmIndexes | None = None) -> Loaded:
    """The placement indexes of ``store`` before ``pending`` (articles in no story yet) are
    placed: warm, from the snapshot and its tail, or rebuilt (see the module's text)."""
    head = store.placement_head()
    loaded = warm.take(head) if warm is not None else None
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


def snapshot_due(loaded: Loaded, placed_now: int) -> bool:
    """Whether the run that placed ``placed_now`` articles on ``loaded`` saves a snapshot."""
    if loaded.snapshot is None:
        return True
    behind = loaded.behind + placed_now
    return behind >= max(SNAPSHOT_MIN, SNAPSHOT_SHARE * len(loaded.indexes.stories))


def snapshot_if_due(loaded: Loaded, last: Article, placed_now: int) -> SnapshotWriter | None:
    """What :meth:`storyline.store.Store.save_placements` needs to save a snapshot of the
    indexes after a run whose last placed article was ``last``, or None when none is due."""
    if not snapshot_due(loaded, placed_now):
        return None
    return lambda seq: dump(loaded.indexes, _fingerprint(loaded, last, seq))


def keep_warm(
    warm: WarmIndexes, loaded: Loaded, last: Article, placed_now: int, seq: int, saved: bool
) -> None:
    """Hand the indexes of a run that succeeded to ``warm``: the run placed ``placed_now``
    articles, ``last`` the last, logged up to ``seq``, and ``saved`` a snapshot or not."""
    snapshot = _fingerprint(loaded, last, seq).text() if saved else loaded.snapshot
    behind = 0 if saved else loaded.behind + placed_now
    head = PlacementHead(len(loaded.indexes.stories), seq, snapshot)
    warm.keep(head, Loaded(loaded.indexes, behind, snapshot))


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
    later run may have dated it from its story) and in the story index's own event (the
    stored event is the one :mod:`storyline.events` formed)."""
    published = article.published
    if (published.value, published.inferred) != (placement.published, placement.inferred):
        then = replace(published, value=placement.published, inferred=placement.inferred)
        article = replace(article, published=then)
    if placement.index_event and placement.index_event != article.event:
        article = replace(article, event=placement.index_event)
    return article


def replay(indexes: Indexes, articles: Iterable[Article]) -> None:
    """Put already placed articles back into ``indexes``, in this order, where they are."""
    for article in articles:
        indexes.duplicates.add(article.id, article.text)
        indexes.stories.restore(article)
