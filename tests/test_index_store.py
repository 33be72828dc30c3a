"""Where a run's placement indexes come from: a warm copy, the snapshot and its tail, or a
rebuild (storyline.index_store); every way must place articles as the others do."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text, update

from storyline import index_state, index_store, pipeline
from storyline.model import Article
from storyline.pipeline import assign_pending
from storyline.store import Store, articles_table
from storyline.store_schema import placements_table
from tests.test_index_state import add, batches, copy_of, outcome


def runs() -> list[list[Article]]:
    """Four batches: the first's stories grow; the second opens a topic that the third
    adds to and copies (so the third places right only if it knows the second)."""
    first, second = batches(interleaved=True)
    drought = [a for a in second if "drought" in a.id]
    rest = [a for a in second if a not in drought]
    copy = copy_of(drought[0], "a-copy-of-second-run")
    return [first, drought[:2] + rest[:2], drought[2:] + [copy] + rest[2:4], rest[4:]]


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
    assert [len(b) for b in batches_][1:3] == [4, 5]
    assert blobs[1] == blobs[0]  # 4 behind: kept
    assert blobs[2] != blobs[1]  # 9 behind: a new snapshot
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


def warm_store(tmp_path: Path) -> tuple[Store, index_store.WarmIndexes, list[list[Article]]]:
    """A store whose first batch was placed with warm indexes, its second batch added."""
    batches_ = runs()
    warm = index_store.WarmIndexes()
    store = Store(tmp_path / "s.db")
    add(store, batches_[0])
    assign_pending(store, warm=warm)
    add(store, batches_[1])
    return store, warm, batches_


def test_warm_indexes_are_used_only_while_the_store_is_as_they_left_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: dict[str, int]
) -> None:
    expected = reference(tmp_path, monkeypatch, counted)
    store, warm, batches_ = warm_store(tmp_path)
    assign_pending(store, warm=warm)
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
    store, warm, batches_ = warm_store(tmp_path)

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
