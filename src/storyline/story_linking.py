"""The run step that puts newly placed articles in the storylines users see, and merges
the storylines an event straddles: the store's side of :mod:`storyline.story_merges`.

The story index's own storylines never change once an article is placed (its state is
replayed from the placements log). The storylines users see are those, except where a run
merged some: the ``story_links`` table maps each merged storyline (and every index
storyline that ended in it) to the one it joined, and stored articles carry the storyline
they are in now. A run reads only the links of the storylines its articles touched, the
members of the storylines it pools that are dated within reach of the run's articles that
joined or came near each (:func:`storyline.story_merges.reach`; bounded, see
:func:`storyline.story_merges.merge_candidates`), and all the members of a storyline that
merges into another.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from storyline.model import Article
from storyline.store import Store
from storyline.story_features import Doc, features
from storyline.story_merges import STORY_MAX, merge_candidates, neighbours, reach, straddled


def merge_stories(
    store: Store,
    pending: list[Article],
    near: list[tuple[str, ...]],
    featurize: Callable[[Article], Doc] = features,
) -> tuple[dict[str, str], list[Article]]:
    """Put the just placed ``pending`` articles in the storylines users see, and merge the
    storylines an event straddles (:mod:`storyline.story_merges`).

    ``near`` holds, for each pending article, the index storylines it came near. An index
    storyline merged earlier stands for the one it was merged into (the ``story_links``
    table). Returns the merges (gone -> kept) and the stored members of the storylines
    that are gone, relabelled; the pending articles are relabelled in place. ``featurize``:
    see :func:`storyline.story_merges.straddled`.
    """
    links = store.story_links({a.story or "" for a in pending} | {s for n in near for s in n})
    for article in pending:
        article.story = links.get(article.story or "", article.story)
    pairs = zip((a.story or "" for a in pending), near, strict=True)
    graph = neighbours((story, [links.get(s, s) for s in n]) for story, n in pairs)
    if not graph:
        return {}, []
    touching: dict[str, list[Article]] = defaultdict(list)  # storyline -> run's articles
    for article, others in zip(pending, near, strict=True):
        for story in {article.story or "", *(links.get(s, s) for s in others)}:
            touching[story].append(article)
    reaches = {story: reach(touching[story]) for story in graph}
    near_ids = store.ids_near(reaches)  # article -> storyline, records not read yet
    stored = Counter(near_ids.values())
    new = Counter(a.story for a in pending)
    pools = merge_candidates(graph, {s: stored.get(s, 0) + new[s] for s in graph})
    if not pools:
        return {}, []
    wanted = set(pools) | {s for others in pools.values() for s in others}
    members: dict[str, list[Article]] = defaultdict(list)
    for article in store.articles(i for i, s in near_ids.items() if s in wanted) + pending:
        if article.story in wanted:
            members[article.story or ""].append(article)

    def whole(stories: Sequence[str]) -> dict[str, list[Article]]:
        """All the members of those of ``stories`` that may merge (a storyline over
        STORY_MAX members is left out unread: it takes no part)."""
        sizes = store.story_sizes(stories)
        small = {s for s in stories if sizes.get(s, 0) + new[s] <= STORY_MAX}
        found: dict[str, list[Article]] = defaultdict(list)
        for article in store.story_members(small) + pending:
            if article.story in small:
                found[article.story or ""].append(article)
        return found

    fresh = {a.id for a in pending}
    joins = straddled(members, pools, fresh=fresh, whole=whole, featurize=featurize)
    relabelled = store.story_members(set(joins)) if joins else []
    for article in relabelled + pending:
        article.story = joins.get(article.story or "", article.story)
    return joins, relabelled
