"""Storylines that one event straddles become one (storyline.story_merges, story_linking)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from storyline import index_store, stories, story_linking
from storyline.model import PublishedDate
from storyline.pipeline import assign_pending
from storyline.store import Store
from storyline.story_linking import merge_stories
from storyline.story_merges import (
    heal,
    merge_candidates,
    neighbours,
    reach,
    straddled,
    within_reach,
)
from tests.test_index_state import add, invented


def content_dated(article):  # type: ignore[no-untyped-def]
    """The article with a date estimated from its text, not read off its page."""
    return replace(
        article, published=PublishedDate(article.published.value, "content", 0.3, inferred=True)
    )


def test_an_event_over_two_storylines_merges_them_into_the_older() -> None:
    early = [invented("strike", n, n) for n in (0, 1)]
    late = [invented("strike", n, n) for n in (2, 3)]
    members = {"s-late": late, "s-early": early}
    assert straddled(members, {"s-late": ["s-early"]}) == {"s-late": "s-early"}


def test_merges_chain_and_the_oldest_keeps_its_id() -> None:
    parts = {f"s-{k}": [invented("strike", n, n) for n in pair] for k, pair in
             (("a", (0, 1)), ("b", (2, 3)), ("c", (4, 5)))}  # fmt: skip
    joins = straddled(parts, {"s-b": ["s-a"], "s-c": ["s-b"]})
    assert joins == {"s-b": "s-a", "s-c": "s-a"}


def test_other_stories_in_the_pool_stay_apart() -> None:
    members = {
        "s-strike": [invented("strike", n, n) for n in range(3)],
        "s-bridge": [invented("bridge", n, n) for n in range(3)],
    }
    assert straddled(members, {"s-strike": ["s-bridge"]}) == {}


def test_members_dated_only_from_their_text_never_merge_storylines() -> None:
    early = [content_dated(invented("strike", n, n)) for n in (0, 1)]
    late = [content_dated(invented("strike", n, n)) for n in (2, 3)]
    assert straddled({"s-a": early, "s-b": late}, {"s-a": ["s-b"]}) == {}


def test_two_lone_reports_are_not_merged_on_the_pooled_grouping_alone() -> None:
    one, other = invented("strike", 0, 0), invented("strike", 1, 1)
    assert straddled({"s-a": [one], "s-b": [other]}, {"s-a": ["s-b"]}) == {}


def test_one_stray_report_does_not_bridge_two_different_stories() -> None:
    """A strike report the index put among a bridge collapse's reports shares an event with
    the strike's own storyline; the two storylines are still unlike as wholes."""
    strike = [invented("strike", n, n) for n in range(3)]
    bridge = [invented("bridge", n, n) for n in range(12)]
    stray = invented("strike", 3, 1)
    pools = {"s-strike": ["s-bridge"]}
    assert straddled({"s-strike": strike, "s-bridge": [*bridge, stray]}, pools) == {}
    more = [invented("strike", n, n) for n in (4, 5)]  # the strike's reports, split in two
    assert straddled({"s-strike": strike, "s-bridge": [*more, stray]}, pools) == {
        "s-bridge": "s-strike"
    }


def test_a_small_storyline_is_not_merged_on_its_one_report_of_the_other_story() -> None:
    """Storylines alike on average only through the reports their event shares: the strike
    storyline's later reports and the bridge reports beside the stray one are unlike."""
    strike = [invented("strike", n, n) for n in range(3)]
    strike += [invented("strike", n, 20 + n) for n in (4, 5)]  # weeks later: another event
    mixed = [invented("strike", 3, 1), *[invented("bridge", n, n) for n in range(4)]]
    assert straddled({"s-strike": strike, "s-mixed": mixed}, {"s-strike": ["s-mixed"]}) == {}


def test_pools_are_bounded() -> None:
    near = neighbours([("s-a", ("s-b", "s-c")), ("s-d", ("s-a",))])
    assert near == {"s-a": {"s-b", "s-c", "s-d"}, "s-b": {"s-a"}, "s-c": {"s-a"}, "s-d": {"s-a"}}
    sizes = {"s-a": 150, "s-b": 150, "s-c": 150, "s-d": 900}
    pools = merge_candidates(near, sizes)
    assert pools["s-a"] == ["s-b"]  # s-c would pass POOL_MAX, s-d is over STORY_MAX
    assert "s-d" not in pools and pools["s-c"] == ["s-a"]


def test_heal_regroups_members_and_leaves_the_input_alone() -> None:
    early = [invented("strike", n, n) for n in (0, 1)]
    late = [invented("strike", n, n) for n in (2, 3)]
    healed = heal({"s-early": early, "s-late": late}, {"s-late": {"s-early"}})
    assert list(healed) == ["s-early"]
    assert [a.id for a in healed["s-early"]] == [f"a-strike-{n}" for n in range(4)]
    assert all(a.story is None for a in early + late)


@pytest.fixture
def splitting(monkeypatch: pytest.MonkeyPatch) -> None:
    """A story index that opens a storyline for every article, so a story is split as
    badly as out-of-order arrival could split it (the merging itself is not touched)."""
    monkeypatch.setattr(stories, "STORY_CENTROID_MIN", 2.0)
    monkeypatch.setattr(stories.StoryIndex, "_best_event", lambda self, query, candidates: None)


def first_run(folder: Path) -> Store:
    """A store after one run over four reports of one strike, a day apart."""
    store = Store(folder / "s.db")
    add(store, [invented("strike", n, n) for n in range(4)])
    assign_pending(store)
    return store


def test_a_run_merges_split_storylines_in_the_store(tmp_path, splitting) -> None:  # type: ignore[no-untyped-def]
    store = first_run(tmp_path)
    placed = store.articles()
    assert len({a.story for a in placed}) == 1, "the split storylines were merged"
    kept = placed[0].story
    assert [row["id"] for row in store.story_rows()] == [kept]
    index_stories = {p.index_story for p in store.placements()}
    assert len(index_stories) > 1 and kept in index_stories
    gone = index_stories - {kept}
    assert store.story_links(gone) == {s: kept for s in gone}


def test_later_articles_of_a_merged_storyline_join_the_one_it_merged_into(
    tmp_path,
    splitting,  # type: ignore[no-untyped-def]
) -> None:
    store = first_run(tmp_path)
    kept = store.articles()[0].story
    add(store, [invented("strike", n, n) for n in range(4, 7)])
    assign_pending(store)
    assert {a.story for a in store.articles()} == {kept}
    assert len(store.story_rows()) == 1


def test_a_rebuilt_index_replays_the_index_storylines_not_the_merged_ones(
    tmp_path,
    splitting,  # type: ignore[no-untyped-def]
) -> None:
    store = first_run(tmp_path)
    rebuilt = index_store.rebuild(store.placed_articles(), store.placements())
    for placement in store.placements():
        where = rebuilt.stories.assignment(placement.article)
        assert where is not None and where.story == placement.index_story


def test_merge_stories_maps_index_storylines_through_the_links(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "s.db")
    with store.engine.begin() as conn:
        conn.execute(text("INSERT INTO story_links (story, merged_into) VALUES ('s-b', 's-a')"))
    article = replace(invented("strike", 9, 0), story="s-b")
    assert merge_stories(store, [article], [()]) == ({}, [])
    assert article.story == "s-a"


def test_an_older_store_gets_the_index_story_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "old.db"
    Store(path)
    store = Store(path)
    with store.engine.begin() as conn:
        conn.execute(text("ALTER TABLE placements DROP COLUMN index_story"))
    assert "index_story" not in {c["name"] for c in inspect(store.engine).get_columns("placements")}
    reopened = Store(path)
    columns = {c["name"] for c in inspect(reopened.engine).get_columns("placements")}
    assert "index_story" in columns


def dated(article, value: str):  # type: ignore[no-untyped-def]
    return replace(article, published=replace(article.published, value=value))


def test_reach_spans_the_days_around_each_article_and_joins_overlaps() -> None:
    values = ("2024-03-10", "2024-03-20", "2024-09-01", "2024-06", "2024", "x")
    days = [dated(invented("strike", n, 0), v) for n, v in enumerate(values)]
    days.append(replace(invented("strike", 9, 0), published=PublishedDate(None, "unknown", 0.0)))
    assert reach(days, days=10) == [
        ("2024-02-29", "2024-03-30"),  # 10 days either side of the 10th and the 20th, joined
        ("2024-04-17", "2024-08-14"),  # a month: 45 days either side (events pair that far)
        ("2024-08-22", "2024-09-11"),
    ]  # a year alone, a bad value and no date reach nothing
    assert reach([]) == []


def test_the_store_reads_members_within_reach_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "s.db")
    values = ("2024-01-05", "2024-03", "2024-03-15", "2024", "2024-06-30")
    members = [
        replace(dated(invented("strike", n, 0), v), story="s-a") for n, v in enumerate(values)
    ]
    add(store, members)
    store.save_assignments(members)
    within = [("2024-03-10", "2024-03-20"), ("2024-06-25", "2024-07-01")]
    found = store.articles(store.ids_near({"s-a": within, "s-none": within}))
    assert [a.published.value for a in found] == ["2024-03", "2024-03-15", "2024-06-30"]
    assert set(store.ids_near({"s-a": within[1:]}).items()) == {(members[4].id, "s-a")}
    assert within_reach("2024-07", within) and not within_reach("2024-03-09", within)
    assert store.ids_near({"s-a": []}) == {}
    assert len(store.story_members(["s-a"])) == 5


def run_on_split_strike(folder: Path, beyond: str):  # type: ignore[no-untyped-def]
    """The merge step for a fourth strike report after a store holding the strike split in
    two (reports 0-1 in s-early; 2 and one dated ``beyond`` the run's reach in s-late)."""
    store = Store(folder / "s.db")
    early = [replace(invented("strike", n, n), story="s-early") for n in (0, 1)]
    far = replace(dated(invented("strike", 9, 0), beyond), story="s-late")
    late = [replace(invented("strike", 2, 2), story="s-late"), far]
    add(store, early + late)
    store.save_assignments(early + late)
    new = replace(invented("strike", 3, 3), story="s-late")
    return new, *merge_stories(store, [new], [("s-early",)])


def test_a_merge_moves_the_members_beyond_the_runs_reach_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A run pools only the members near its own articles' dates, but a storyline that
    merges takes all its members along, the far ones too."""
    new, merged, relabelled = run_on_split_strike(tmp_path, "2024-09-02")
    assert merged == {"s-late": "s-early"}
    assert sorted(a.id for a in relabelled) == ["a-strike-2", "a-strike-9"]
    assert {a.story for a in relabelled} == {"s-early"} and new.story == "s-early"


def test_on_a_run_only_an_event_holding_one_of_its_articles_merges() -> None:
    """The event two older storylines share was there for the runs before; a run whose
    article belongs to a later happening does not merge them on it."""
    early = [invented("strike", n, n) for n in (0, 1)]
    late = [invented("strike", n, n) for n in (2, 3)]
    later = dated(invented("strike", 4, 0), "2024-12-20")
    members = {"s-early": early, "s-late": [*late, later]}
    pools = {"s-late": ["s-early"]}
    assert straddled(members, pools) == {"s-late": "s-early"}
    assert straddled(members, pools, fresh={later.id}) == {}
    assert straddled(members, pools, fresh={late[-1].id}) == {"s-late": "s-early"}


def test_the_older_storyline_survives_though_its_first_report_is_beyond_the_reach(tmp_path) -> None:  # type: ignore[no-untyped-def]
    new, merged, relabelled = run_on_split_strike(tmp_path, "2023-01-02")
    assert merged == {"s-early": "s-late"} and new.story == "s-late"
    assert sorted(a.id for a in relabelled) == ["a-strike-0", "a-strike-1"]


def test_a_storyline_too_large_to_merge_is_not_read_whole(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(story_linking, "STORY_MAX", 2)  # s-late: two stored and one new
    sizes = lambda self, ids: Counter(a.story for a in self.articles() if a.story in ids)  # noqa: E731
    monkeypatch.setattr(Store, "story_sizes", sizes)  # as the stories' records would say
    read: list[str] = []
    members = Store.story_members
    monkeypatch.setattr(
        Store, "story_members", lambda self, ids: read.extend(ids) or members(self, ids)
    )
    _, merged, relabelled = run_on_split_strike(tmp_path, "2024-09-02")
    assert (merged, relabelled) == ({}, []) and "s-late" not in read
