"""Storylines that one event straddles become one storyline.

The story index places an article once and never moves it, so a story whose reports arrive
out of order can be split: two early reports of one happening, too unlike each other to
meet, open two storylines, and the report that would have tied them comes later and joins
only one. The event grouping (:mod:`storyline.events`) sees more than the index does: it
compares every pair of members, with their dates and the months they name. So after a run,
the events of each storyline that gained articles are formed again over it *and* the
storylines its new articles came near (:attr:`storyline.stories.StoryAssignment.near`); when
one of those events holds members of two storylines that are both dated from their page,
the two are one story, and the younger joins the older.

The guards matter. Over undated texts, such pooled events chain topic buckets together
(measured on BBC full text, which has no dates: 1,169 of 2,225 articles in one storyline
without the page dates). On a dense dated stream (bench/stream_merges.py: hundreds of
articles a day), one report the index put in the wrong storyline bridged that storyline to
its own story's, and the merges compounded: 28% of 10,000 articles ended in a storyline of
another kind of news. So the two page-dated members an event shares must be alike
themselves (:data:`LINK_MIN`), and the two storylines must be alike as wholes, dates aside
(:func:`_alike`): all their members on average, and their members outside that event too
when both have some (a small storyline can look like a large one through the one report
they share).

On a stream, only an event that holds one of the run's own articles counts (the others were
there for the runs before). So a run pools only the members dated within
:data:`REACH_DAYS` of its articles that joined or came near each storyline (:func:`reach`),
as far apart as two members of one event, and reads all the members of a storyline only
when an event straddles it: the cost of a run follows the stream's rate, not how long its
storylines run. Pools are bounded too (:data:`STORY_MAX`, :data:`POOL_MAX`, counted within
the reach), and a storyline of more than :data:`STORY_MAX` members never merges. Measured
in docs/evaluation.md ("Storylines that merge") and docs/benchmarks.md.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date, timedelta

import numpy as np

from storyline.events import (
    COARSE_DAYS,
    EVENT_DAYS,
    cross_similarity,
    form_events,
    named_months,
    publication_order,
    similarity_matrix,
)
from storyline.model import Article
from storyline.story_features import Doc, features

STORY_MAX = 200  # a storyline with more members takes no part in merges
LINK_MIN = 0.2  # similarity two page-dated members of an event need to join their storylines
AFFINITY_MIN = 0.10  # mean similarity of two storylines' members, dates aside, to pool them
# (0.05 until session 19: dated news of one field, tennis tournaments a week apart, merged)
EVENT_MIN = 3  # members a straddling event needs: a third report bridges the two
POOL_MAX = 400  # members pooled at most around one storyline (the event grouping's window)
REACH_DAYS = EVENT_DAYS  # a run pools the members dated this close to its articles' days


def reach(articles: Iterable[Article], days: int = REACH_DAYS) -> list[tuple[str, str]]:
    """The dates near the articles' own, as sorted (first, last) bounds for
    :meth:`storyline.store.Store.story_members`, overlapping ones joined.

    A day reaches ``days`` either way, as far as two members of one event are apart
    (:data:`~storyline.events.EVENT_DAYS`): a straddling event must hold one of a run's
    articles (:func:`straddled`), so its other members are within. A month reaches
    :data:`~storyline.events.COARSE_DAYS` before its first day and after its last, as far
    as the event grouping pairs it. A member dated only to a month the reach touches is
    within (:func:`within_reach`); articles and members dated only to a year reach nothing
    (too coarse to place in one event), nor do undated ones.
    """
    spans: list[tuple[date, date]] = []
    for article in articles:
        value = article.published.value or ""
        try:
            if len(value) == 10:
                first = last = date.fromisoformat(value)
                margin = timedelta(days=days)
            elif len(value) == 7:
                first = date.fromisoformat(value + "-01")
                last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
                margin = timedelta(days=COARSE_DAYS)
            else:
                continue
        except ValueError:
            continue
        spans.append((first - margin, last + margin))
    merged: list[tuple[date, date]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return [(first.isoformat(), last.isoformat()) for first, last in merged]


def within_reach(value: str | None, bounds: Sequence[tuple[str, str]]) -> bool:
    """Whether a publication date (YYYY-MM-DD, YYYY-MM or YYYY) lies within one of the
    :func:`reach` bounds: a day between them, a month that overlaps them."""
    if not value or len(value) < 7:
        return False
    return any(first <= value <= last or value == first[:7] for first, last in bounds)


def merge_candidates(
    near: Mapping[str, Iterable[str]], sizes: Mapping[str, int]
) -> dict[str, list[str]]:
    """Storyline -> the neighbours it is pooled with: both sides at most :data:`STORY_MAX`
    members, neighbours taken by id while the pool stays within :data:`POOL_MAX`."""
    pools: dict[str, list[str]] = {}
    for story in sorted(near):
        size = sizes.get(story, 0)
        if not 0 < size <= STORY_MAX:
            continue
        chosen = []
        for other in sorted(set(near[story]) - {story}):
            more = sizes.get(other, 0)
            if 0 < more <= STORY_MAX and size + more <= POOL_MAX:
                chosen.append(other)
                size += more
        if chosen:
            pools[story] = chosen
    return pools


def straddled(
    members: Mapping[str, Sequence[Article]],
    pools: Mapping[str, Sequence[str]],
    fresh: Collection[str] | None = None,
    whole: Callable[[Sequence[str]], Mapping[str, Sequence[Article]]] | None = None,
    featurize: Callable[[Article], Doc] = features,
) -> dict[str, str]:
    """Absorbed storyline -> the storyline it joins, for the storylines an event straddles.

    ``members`` holds every storyline named in ``pools`` (storyline -> neighbours, see
    :func:`merge_candidates`). With ``fresh`` (the ids of a run's own articles), only an event
    that holds one of them counts: the others were there for the runs before; then ``members``
    may hold only the members near the run's dates, and ``whole`` reads all the members of the
    few storylines an event straddles, for the guards that compare storylines as wholes
    (:func:`_alike`); it may leave out a storyline of more than :data:`STORY_MAX` members
    unread, which then takes no part. ``featurize`` may be a
    :class:`storyline.story_feature_cache.FeatureCache` kept between runs. The storyline
    whose earliest member came first survives
    (then the smaller id); merges chain (A with B, B with C: all three are one).
    """
    parent = {story: story for story in members}
    read: dict[str, Sequence[Article]] = {}  # storyline -> all its members, read once

    def all_of(*stories: str) -> list[Sequence[Article]]:
        missing = [s for s in stories if s not in read]
        if missing:
            read.update(whole(missing) if whole else {s: members[s] for s in missing})
        return [read.get(s, ()) for s in stories]

    def root(story: str) -> str:
        while parent[story] != story:
            parent[story] = parent[parent[story]]
            story = parent[story]
        return story

    def older(a: str, b: str) -> bool:
        ka, kb = (min(map(publication_order, group), default=None) for group in all_of(a, b))
        if ka is None or kb is None or ka == kb:
            return (ka is None, a) < (kb is None, b)
        return ka < kb

    known: dict[str, Doc] = {}  # a member's features, read once though pooled again
    compared: dict[tuple[str, str], Compared | None] = {}

    def doc_of(article: Article) -> Doc:
        if article.id not in known:
            known[article.id] = featurize(article)
        return known[article.id]

    for story in sorted(pools):
        group = [story, *[s for s in pools[story] if s in members and s != story]]
        if len(group) < 2:
            continue
        dated = [s for s in group if any(a.published.dated_by_page for a in members[s])]
        if len(dated) < 2:
            continue  # the guard below would find nothing: spare the grouping
        if fresh is not None and not any(a.id in fresh for s in group for a in members[s]):
            continue
        story_of = {a.id: s for s in group for a in members[s]}
        pool = sorted((a for s in group for a in members[s]), key=publication_order)
        for event, first_story, second_story in _straddles(pool, story_of, doc_of, fresh):
            a, b = root(first_story), root(second_story)
            if a == b:
                continue
            pair = (first_story, second_story)
            if pair not in compared:  # pools overlap: a pair comes up again in a run
                compared[pair] = _compare(*all_of(*pair), doc_of)
            if not _alike(compared[pair], event):
                continue
            keep, gone = (a, b) if older(a, b) else (b, a)
            parent[gone] = keep
    return {s: root(s) for s in members if root(s) != s}


def _straddles(
    pool: list[Article],
    story_of: dict[str, str],
    doc_of: Callable[[Article], Doc] = features,
    fresh: Collection[str] | None = None,
) -> list[tuple[frozenset[str], str, str]]:
    """(the event's member ids, storyline, storyline) for each event formed over ``pool``
    (holding one of the ``fresh`` articles, when given) of :data:`EVENT_MIN` members or
    more that holds page-dated members of two storylines alike at :data:`LINK_MIN`."""
    events = form_events(pool, window=len(pool), featurize=doc_of)
    live = set(events.values()) if fresh is None else {events[a] for a in fresh if a in events}
    if not live:
        return []
    dated = [i for i, a in enumerate(pool) if a.published.dated_by_page and not a.duplicate_of]
    dated = [i for i in dated if events[pool[i].id] in live]
    docs = [doc_of(pool[i]) for i in dated]
    sims = similarity_matrix(docs, months=[named_months(pool[i]) for i in dated])
    held: dict[str, set[str]] = {}
    for article_id, event in events.items():
        held.setdefault(event, set()).add(article_id)
    pairs = set()
    for x, i in enumerate(dated):
        for y in range(x + 1, len(dated)):
            a, b = pool[i], pool[dated[y]]
            if story_of[a.id] == story_of[b.id] or events[a.id] != events[b.id]:
                continue
            if len(held[events[a.id]]) >= EVENT_MIN and sims[x, y] >= LINK_MIN:
                pairs.add((events[a.id], *sorted((story_of[a.id], story_of[b.id]))))
    return sorted((frozenset(held[event]), p, q) for event, p, q in pairs)


Compared = tuple[list[Article], list[Article], np.ndarray]  # two storylines, their cross sims


def _compare(
    first: Sequence[Article], second: Sequence[Article], doc_of: Callable[[Article], Doc]
) -> Compared | None:
    """The original members of two storylines and the similarities across them (words
    and entities, dates aside), or None when one has none or over :data:`STORY_MAX`
    members: such a storyline takes no part in merges."""
    one = [a for a in first if not a.duplicate_of]
    two = [a for a in second if not a.duplicate_of]
    if not one or not two or len(first) > STORY_MAX or len(second) > STORY_MAX:
        return None
    return one, two, cross_similarity([doc_of(a) for a in one], [doc_of(a) for a in two])


def _alike(compared: Compared | None, event: frozenset[str]) -> bool:
    """Whether two storylines an ``event`` straddles are alike as wholes (see
    :func:`_compare`): their members resemble each other on average at
    :data:`AFFINITY_MIN` (one stray report does not make two storylines alike), and so do
    their members outside the event, when both have some (the reports the event shares are
    not the only tie)."""
    if compared is None:
        return False
    one, two, block = compared
    if float(block.mean()) < AFFINITY_MIN:
        return False
    rest = [k for k, a in enumerate(one) if a.id not in event]
    other = [k for k, a in enumerate(two) if a.id not in event]
    return not rest or not other or float(block[np.ix_(rest, other)].mean()) >= AFFINITY_MIN


def neighbours(placed: Iterable[tuple[str, Iterable[str]]]) -> dict[str, set[str]]:
    """Storyline -> the storylines its articles came near, or that came near it, from
    (storyline an article joined, the storylines it came near) pairs."""
    near: dict[str, set[str]] = {}
    for story, others in placed:
        for other in others:
            if other != story:
                near.setdefault(story, set()).add(other)
                near.setdefault(other, set()).add(story)
    return near


def heal(
    members: Mapping[str, Sequence[Article]], near: Mapping[str, Iterable[str]]
) -> dict[str, list[Article]]:
    """A batch's storylines (id -> members, in publication order) after the merges their
    straddling events call for."""
    sizes = {story: len(group) for story, group in members.items()}
    joins = straddled(members, merge_candidates(near, sizes))
    healed: dict[str, list[Article]] = {}
    for story, group in members.items():
        healed.setdefault(joins.get(story, story), []).extend(group)
    return {story: sorted(group, key=publication_order) for story, group in healed.items()}
