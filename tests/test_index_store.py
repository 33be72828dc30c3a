"""Where a run's placement indexes come from: a warm copy, the snapshot and its tail, or a
rebuild (storyline.index_store); every way must place articles as the others do."""

from __future__ import annotations

import copy
import functools
import pickle
from pathlib import Path

import pytest
from sqlalchemy import text, update

from storyline import index_state, index_store, pipeline
from storyline.article_analysis import analyse_body
from storyline.dedupe import DuplicateIndex
from storyline.model import Article
from storyline.pipeline import assign_pending
from storyline.store import Store, articles_table
from storyline.store_schema import placements_table
from storyline.stories import StoryIndex
from tests.test_index_state import add, batches, copy_of, invented, outcome, undated


@functools.cache
def _runs() -> tuple[tuple[Article, ...], ...]:
    return tuple(tuple(batch) for batch in _make_runs())


def runs() -> list[list[Article]]:
    """Fresh copies of the four batches (a run changes the articles it places)."""
    return [[copy.deepcopy(a) for a in batch] for batch in _runs()]


def _make_runs() -> list[list[Article]]:
    """Four batches: the first's stories grow; the second opens a topic that the third
    adds to and copies (so the third places right only if it knows the second)."""
    first, second = batches(interleaved=True)
    drought = [a for a in second if "drought" in a.id]
    rest = [a for a in second if a not in drought]
    reprint = copy_of(drought[0], "a-copy-of-second-run")
    # placed undated, then dated from its story's year (and analysed again) by the same
    # run: a replay must use the date it was placed with
    yearless = undated(invented("drought", 9, 0), "DRYLAND, June 25 (Farm Wire) -- ")
    yearless.analysis = analyse_body(yearless.text, "en", yearless.published)
    second_run = drought[:2] + [yearless] + rest[:2]
    return [first, second_run, drought[2:] + [reprint] + rest[2:4], rest[4:]]


def saved_blobs(store: Store) -> list[tuple[str, int, bytes]]:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT name, part, blob FROM index_state ORDER BY name, part"))
        return [(name, part, bytes(blob)) for name, part, blob in rows]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often a run rebuilt the indexes, read a snapshot, and replayed articles."""
    calls = {"rebuild": 0, "snapshot": 0, "replayed": 0}
    rebuild, load, replay = index_store.rebuild, index_store.load_snapshot, index_store.replay

    def rebuilding(*args: object) -> index_state.Indexes:
        calls["rebuild"] += 1
        return rebuild(*args)  # type: ignore[arg-type]

    def loading(*args: object) -> index_state.Snapshot | None:
        calls["snapshot"] += 1
        return load(*args)  # type: ignore[arg-type]

    def replaying(indexes: index_state.Indexes, articles: list[Article]) -> None:
        articles = list(articles)
        calls["replayed"] += len(articles)
        replay(indexes, articles)

    monkeypatch.setattr(index_store, "rebuild", rebuilding)
    monkeypatch.setattr(index_store, "load_snapshot", loading)
    monkeypatch.setattr(index_store, "replay", replaying)
    return calls


def reference(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> dict[str, tuple]:
    """The placements when every run saves a snapshot (the behaviour before tails); the
    counts start again after it."""
    with monkeypatch.context() as patch:
        patch.setattr(index_store, "SNAPSHOT_MIN", 0)
        store = Store(tmp_path / "every-run.db")
        for batch in runs():
            add(store, batch)
            assign_pending(store)
    assert counted["replayed"] == 0 and counted["rebuild"] == 1  # always the last snapshot
    counted.update(rebuild=0, snapshot=0, replayed=0)
    return outcome(store)


def test_runs_between_snapshots_replay_the_tail_and_place_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    expected = reference(tmp_path, monkeypatch, counted)
    store = Store(tmp_path / "s.db")
    blobs = []
    for batch in runs():
        add(store, batch)
        assign_pending(store)
        blobs.append(saved_blobs(store))
    assert outcome(store) == expected
    assert blobs[0] and blobs[1] == blobs[2] == blobs[3] == blobs[0]  # one snapshot, first run
    sizes = [len(batch) for batch in runs()]
    assert counted["rebuild"] == 1  # the first run, on an empty store
    assert counted["replayed"] == sizes[1] + (sizes[1] + sizes[2])  # run 3: run 2's; run 4: both


def test_a_snapshot_is_saved_once_the_tail_reaches_its_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    expected = reference(tmp_path, monkeypatch, counted)
    monkeypatch.setattr(index_store, "SNAPSHOT_MIN", 9)
    store = Store(tmp_path / "s.db")
    batches_ = runs()
    blobs = []
    for batch in batches_:
        add(store, batch)
        assign_pending(store)
        blobs.append(saved_blobs(store))
    assert [len(b) for b in batches_][1:3] == [5, 5]
    assert blobs[1] == blobs[0]  # 5 behind: kept
    assert blobs[2] != blobs[1]  # 10 behind: a new snapshot
    assert len(batches_[3]) == 8 and blobs[3] == blobs[2]  # 8 behind the new one: kept
    assert outcome(store) == expected
    fingerprint = index_state.Fingerprint.parse(store.placement_head().snapshot or "")
    assert fingerprint is not None and fingerprint.placed == sum(len(b) for b in batches_[:3])
    assert counted["rebuild"] == 1


def test_a_store_changed_behind_the_snapshot_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    batches_ = runs()
    store = Store(tmp_path / "s.db")
    for batch in batches_[:2]:
        add(store, batch)
        assign_pending(store)
    head = store.placement_head()
    snapshot = index_state.Fingerprint.parse(head.snapshot or "")
    assert snapshot is not None and head.seq == snapshot.seq + len(batches_[1])
    assert index_store.from_snapshot(store, head) is not None
    # the snapshot's own last placement is no longer in the log where it says
    with store.engine.begin() as conn:
        conn.execute(
            update(placements_table)
            .where(placements_table.c.seq == snapshot.seq)
            .values(seq=head.seq + 1)
        )
    assert index_store.from_snapshot(store, store.placement_head()) is None
    with store.engine.begin() as conn:
        conn.execute(
            update(placements_table)
            .where(placements_table.c.seq == head.seq + 1)
            .values(seq=snapshot.seq)
        )
    # an article of the tail taken out of its story: the tail no longer adds up
    taken = batches_[1][0].id
    with store.engine.begin() as conn:
        conn.execute(update(articles_table).where(articles_table.c.id == taken).values(story=None))
    assert index_store.from_snapshot(store, store.placement_head()) is None
    before = counted["rebuild"]
    add(store, batches_[2])
    assign_pending(store)
    assert counted["rebuild"] == before + 1
    assert outcome(store)[taken][0] is not None


def warm_store(
    tmp_path: Path, place_second: bool = True
) -> tuple[Store, index_store.WarmIndexes, list[list[Article]]]:
    """A store whose first batch was placed with warm indexes, its second batch added (and
    placed with them when ``place_second``)."""
    batches_ = runs()
    warm = index_store.WarmIndexes()
    store = Store(tmp_path / "s.db")
    for batch in batches_[: 2 if place_second else 1]:
        add(store, batch)
        assign_pending(store, warm=warm)
    if not place_second:
        add(store, batches_[1])
    return store, warm, batches_


def test_warm_indexes_are_used_only_while_the_store_is_as_they_left_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    expected = reference(tmp_path, monkeypatch, counted)
    store, warm, batches_ = warm_store(tmp_path)
    # the first run looked for a snapshot in the empty store; the second read nothing back
    assert counted == {"rebuild": 1, "snapshot": 1, "replayed": 0}
    # another process (another Store on the same file, no warm indexes) places a batch
    other = Store(tmp_path / "s.db")
    add(other, batches_[2])
    assign_pending(other)
    assert counted["snapshot"] == 2 and counted["replayed"] == len(batches_[1])
    add(store, batches_[3])
    assign_pending(store, warm=warm)  # the warm copy is stale: snapshot and tail again
    assert counted["snapshot"] == 3
    assert counted["rebuild"] == 1
    assert outcome(store) == expected


def test_a_failed_run_leaves_no_warm_indexes_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    expected = reference(tmp_path, monkeypatch, counted)
    store, warm, batches_ = warm_store(tmp_path, place_second=False)

    def broken(story_id: str, members: list[Article]) -> None:
        raise RuntimeError("analysis failed")

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "analyse_story", broken)
        with pytest.raises(RuntimeError):
            assign_pending(store, warm=warm)  # placed in the warm indexes, then failed
    assert counted["snapshot"] == 1  # the first run's look into the empty store
    for batch in batches_[2:]:
        assign_pending(store, warm=warm)
        add(store, batch)
    assign_pending(store, warm=warm)
    assert counted["snapshot"] == 2  # the run after the failure read the store
    assert outcome(store) == expected


def test_a_cold_load_is_byte_for_byte_the_warm_indexes(tmp_path: Path) -> None:
    """Snapshot plus replayed tail (dates as placed, copies, a member dated by its story
    after its placement) against the indexes a process kept in memory."""
    store, warm, batches_ = warm_store(tmp_path)
    for batch in batches_[2:]:
        add(store, batch)
        assign_pending(store, warm=warm)
    redated = store.article("a-drought-9-u")
    assert redated is not None and redated.published.value == "2024-06-25"
    head = store.placement_head()
    kept = warm.take(store.url, head)
    cold = index_store.from_snapshot(store, head)
    assert kept is not None and cold is not None and cold.behind == kept.behind > 0
    assert pickle.dumps(cold.indexes.stories) == pickle.dumps(kept.indexes.stories)
    assert pickle.dumps(cold.indexes.duplicates) == pickle.dumps(kept.indexes.duplicates)


def test_warm_indexes_are_not_used_once_the_snapshot_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    expected = reference(tmp_path, monkeypatch, counted)
    store, warm, batches_ = warm_store(tmp_path)
    store.drop_index_state()  # as Store.save_assignments and reanalyse --articles do
    for batch in batches_[2:]:
        add(store, batch)
        assign_pending(store, warm=warm)
    assert counted["rebuild"] == 2  # the empty store, then the run after the drop
    assert store.index_state(), "the rebuild saved a snapshot"
    assert outcome(store) == expected


def test_a_warm_process_saves_snapshots_and_lets_go_of_its_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    expected = reference(tmp_path, monkeypatch, counted)
    monkeypatch.setattr(index_store, "SNAPSHOT_MIN", 9)
    store, warm, batches_ = warm_store(tmp_path, place_second=False)
    blobs = [saved_blobs(store)]
    held = []
    for batch in [*batches_[2:], []]:
        assign_pending(store, warm=warm)
        blobs.append(saved_blobs(store))
        loaded = warm.take(store.url, store.placement_head())
        assert loaded is not None
        held.append(len(loaded.indexes.duplicates._starts) - 1)  # rows held in memory
        warm.keep(store.url, store.placement_head(), loaded)
        add(store, batch)
    assert blobs[1] == blobs[0] and blobs[2] != blobs[1] and blobs[3] == blobs[2]  # 5, 10, 8
    assert held[1] == 0 and held[0] > 0 and held[2] > 0  # let go at the snapshot
    assert outcome(store) == expected


def test_a_process_per_run_saves_snapshots_sooner_than_a_warm_one() -> None:
    class Sized(StoryIndex):
        def __init__(self, size: int) -> None:
            super().__init__()
            self.size = size

        def __len__(self) -> int:
            return self.size

    def due(archive: int, behind: int, run: int, warm: bool) -> bool:
        indexes = index_state.Indexes(DuplicateIndex(), Sized(archive))
        loaded = index_store.Loaded(indexes, behind, "a snapshot")
        return index_store.snapshot_due(loaded, run, warm)

    # a million articles, runs of 20: a warm process waits for 1% (10,000); one started per
    # run balances replay against writing, at sqrt(2 * 1e6 * 20 / 240) = 408
    assert not due(1_000_000, 9_000, 20, warm=True) and due(1_000_000, 9_990, 20, warm=True)
    assert not due(1_000_000, 380, 20, warm=False) and due(1_000_000, 390, 20, warm=False)
    assert not due(2_000, 20, 20, warm=False) and due(2_000, 30, 20, warm=False)  # at least 50
    empty = index_store.Loaded(index_state.Indexes(DuplicateIndex(), Sized(9)), 0, None)
    assert index_store.snapshot_due(empty, 1)  # no usable snapshot: always
