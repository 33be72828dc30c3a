"""Features kept between runs of the merge step (storyline.story_feature_cache)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storyline.events import compact, cross_similarity, form_events, similarity_matrix
from storyline.index_store import WarmIndexes
from storyline.model import Mention, PublishedDate
from storyline.pipeline import assign_pending
from storyline.store import Store
from storyline.story_feature_cache import FeatureCache
from storyline.story_features import features
from storyline.story_merges import straddled
from tests.test_events import AUTUMN, SPRING
from tests.test_index_state import add, invented
from tests.test_story_merges import splitting  # noqa: F401  (a fixture)


def test_a_compact_doc_gives_the_event_grouping_the_same_figures() -> None:
    full = [features(a) for a in SPRING + AUTUMN]
    small = [compact(d) for d in full]
    assert all(d.words == {} and d.ents == {} for d in small)
    assert (similarity_matrix(small) == similarity_matrix(full)).all()
    assert (cross_similarity(small[:3], small[3:]) == cross_similarity(full[:3], full[3:])).all()
    kept = FeatureCache()
    assert form_events(SPRING + AUTUMN, featurize=kept) == form_events(SPRING + AUTUMN)


def test_an_article_is_featurised_once_while_it_is_kept() -> None:
    cache = FeatureCache()
    first = cache(SPRING[0])
    again = cache(replace(SPRING[0]))  # the same article, read again from the store
    assert again is first and (cache.misses, cache.hits) == (1, 1)


def test_a_redone_date_or_analysis_is_featurised_again() -> None:
    cache = FeatureCache()
    article = SPRING[0]
    cache(article)
    redated = replace(article, published=PublishedDate("2025-04-20", "dateline", 0.8))
    assert cache(redated).when != cache(article).when
    estimated = replace(article, published=replace(article.published, inferred=True))
    assert cache(estimated).estimated
    named = replace(
        article, analysis=replace(article.analysis, mentions=[Mention(2, 8, "Orla", "GPE")])
    )
    assert cache(named) is not cache(article)
    assert cache.misses == 4


def test_the_least_recently_used_doc_is_dropped_first() -> None:
    cache = FeatureCache(size=2)
    one, two, three = SPRING
    cache(one)
    cache(two)
    cache(one)  # one is used again: two is now the oldest
    cache(three)
    assert len(cache) == 2
    misses = cache.misses
    cache(one)
    assert cache.misses == misses
    cache(two)
    assert cache.misses == misses + 1


def test_the_merge_step_merges_the_same_with_features_kept() -> None:
    early = [invented("strike", n, n) for n in (0, 1)]
    late = [invented("strike", n, n) for n in (2, 3)]
    members = {"s-late": late, "s-early": early}
    cache = FeatureCache()
    for _ in range(2):  # the second run finds every member's features kept
        assert straddled(members, {"s-late": ["s-early"]}, featurize=cache) == {"s-late": "s-early"}
    assert cache.misses == 4 and cache.hits >= 4


@pytest.mark.usefixtures("splitting")
def test_a_warm_process_keeps_features_for_its_next_runs(tmp_path: Path) -> None:
    """The REST server's runs share their WarmIndexes: the second run finds the features of
    the members the first one pooled, and merges as a cold run would."""
    warm = WarmIndexes()
    store = Store(tmp_path / "s.db")
    add(store, [invented("strike", n, n) for n in range(4)])
    assign_pending(store, warm=warm)
    assert len({a.story for a in store.articles()}) == 1, "the split storylines were merged"
    kept, computed = len(warm.features), warm.features.misses
    assert kept == computed == 4
    add(store, [invented("strike", n, n) for n in range(4, 7)])
    assign_pending(store, warm=warm)
    assert len({a.story for a in store.articles()}) == 1
    assert warm.features.hits > 0 and warm.features.misses <= computed + 3
