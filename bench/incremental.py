"""The cost of incremental runs: ``assign_pending`` for a few new articles at a time on a
large archive, however the placement indexes reach the run.

    .venv/bin/python bench/incremental.py --archive 2000,10000 --new 20 --runs 10

For each archive size M: the first M articles of bench/stream.py's seeded stream are stored
and placed (one run, which saves a snapshot of the indexes; its own time is reported but is
not the point). Then, on a fresh copy of that store per mode, ``--runs`` runs in a row each
add the next N articles of the stream and place them:

* *snapshot every run*: each run reads the whole saved state, replays nothing and saves a
  whole new snapshot (how every run worked before snapshots had tails);
* *snapshot and tail*: today's default for a process that starts per run (the CLI): the
  snapshot is read and the placements logged since are replayed; a new snapshot is saved
  only when that tail reaches ``index_store.SNAPSHOT_SHARE`` of the archive;
* *warm*: one long-lived process for every run (the REST server), keeping the indexes in
  memory (``index_store.WarmIndexes``).

Reports per mode the median CPU time of a run (this process), the total, the ratio to the
first mode measured in the same process, how many snapshots were written, where the time
went (reading the snapshot, replaying, pickling, writing, analysing the joined stories),
and checks that every mode places every article identically. Then one run of N after
``Store.drop_index_state`` shows the cost of a full rebuild. Stream articles carry regex
entities and no time expressions (see bench/stream.py), so the per-story analysis is
cheap. Exits 0 when ../shared/data is absent. Not a test: run it on purpose.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from stream import DEFAULT_DATA, Stream, StreamConfig, load_corpus

from storyline import index_store, pipeline
from storyline.model import Article, RawDocument
from storyline.store import Store

Outcome = dict[str, tuple[str | None, str | None, str | None]]


@dataclass
class ModeResult:
    runs: list[tuple[float, float]] = field(default_factory=list)  # (CPU, wall) per run
    snapshots: int = 0  # runs that wrote a new snapshot
    last_snapshot: str | None = None
    parts: dict[str, float] = field(default_factory=dict)
    outcome: Outcome = field(default_factory=dict)


def stream_articles(total: int, seed: int) -> list[Article]:
    """The first ``total`` articles of the stream, unplaced (its copy marks removed)."""
    feed = Stream(load_corpus(DEFAULT_DATA), StreamConfig(seed=seed)).articles()
    articles = []
    for article, _ in zip(feed, range(total), strict=False):
        article.duplicate_of = article.story = article.event = None
        articles.append(article)
    return articles


def add(store: Store, articles: list[Article]) -> None:
    for article in articles:
        sha = hashlib.sha256(article.id.encode()).hexdigest()
        raw = RawDocument(source=article.source, text=article.text, sha256=sha, format="txt")
        store.add_document(raw, [article])


def outcome(store: Store) -> Outcome:
    return {a.id: (a.story, a.event, a.duplicate_of) for a in store.articles()}


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of ``action``."""
    c0, w0 = time.process_time(), time.perf_counter()
    action()
    return time.process_time() - c0, time.perf_counter() - w0


class Split:
    """Times the parts of a kept-state run: reading the state, unpickling it, saving."""

    def __init__(self) -> None:
        self.parts: dict[str, float] = {}

    def wrap(self, owner: object, name: str, label: str) -> Callable[[], None]:
        original = getattr(owner, name)

        def timed_call(*args: object, **kwargs: object) -> object:
            c0 = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.parts[label] = self.parts.get(label, 0.0) + time.process_time() - c0

        setattr(owner, name, timed_call)
        return lambda: setattr(owner, name, original)


MODES = {
    "snapshot every run": "before: each run reads the whole saved state and writes it again",
    "snapshot and tail": "a new process per run: snapshot read, tail replayed",
    "warm": "one process for every run (the REST server): indexes kept in memory",
}


def run_mode(mode: str, base: Path, path: Path, batches: list[list[Article]]) -> ModeResult:
    """``len(batches)`` runs on a copy of ``base``, one per batch, in ``mode``."""
    shutil.copy(base, path)
    warm = index_store.WarmIndexes() if mode == "warm" else None
    saved_min, saved_share = index_store.SNAPSHOT_MIN, index_store.SNAPSHOT_SHARE
    if mode == "snapshot every run":
        index_store.SNAPSHOT_MIN, index_store.SNAPSHOT_SHARE = 0, 0.0
    result = ModeResult(last_snapshot=Store(path).placement_head().snapshot)
    split = Split()
    undo = [
        split.wrap(index_store, "load_snapshot", "read snapshot"),
        split.wrap(index_store, "replay", "replay"),
        split.wrap(index_store, "serialise", "pickle snapshot"),
        split.wrap(Store, "save_placements", "write"),
        split.wrap(pipeline, "analyse_story", "analyse stories"),
    ]
    try:
        for batch in batches:
            store = Store(path)  # a fresh handle per run, as a new process would open
            add(store, batch)
            result.runs.append(timed(lambda s=store: pipeline.assign_pending(s, warm=warm)))
            head = store.placement_head()
            result.snapshots += head.snapshot != result.last_snapshot
            result.last_snapshot = head.snapshot
            store.engine.dispose()
        result.outcome = outcome(Store(path))
    finally:
        for restore in undo:
            restore()
        index_store.SNAPSHOT_MIN, index_store.SNAPSHOT_SHARE = saved_min, saved_share
        path.unlink()
    result.parts = split.parts
    return result


def one_size(archive: int, new: int, runs: int, seed: int, work: Path) -> None:
    articles = stream_articles(archive + new * runs, seed)
    base = work / f"archive-{archive}.db"
    store = Store(base)
    add(store, articles[:archive])
    cpu, wall = timed(lambda: pipeline.assign_pending(store))
    saved = store.index_state()
    sizes = {name: len(s.blob) for name, s in saved.items()}
    print(
        f"M={archive:,}: first run placed {archive:,} in {wall:,.1f} s; saved state "
        + ", ".join(f"{name} {size / 1e6:,.1f} MB" for name, size in sorted(sizes.items()))
        + f" ({sum(sizes.values()) / archive:,.0f} B/article)",
        flush=True,
    )
    store.engine.dispose()
    batches = [articles[archive + k * new : archive + (k + 1) * new] for k in range(runs)]
    results = {mode: run_mode(mode, base, work / "run.db", batches) for mode in MODES}
    reference = results["snapshot every run"]
    base_cpu = statistics.median(c for c, _ in reference.runs)
    for mode, result in results.items():
        cpus = [c for c, _ in result.runs]
        median = statistics.median(cpus)
        parts = ", ".join(f"{k} {v:.2f}" for k, v in result.parts.items())
        print(
            f"  {mode:>18}: {runs} runs of {new}, CPU median {median:.3f} s, total "
            f"{sum(cpus):.2f} s, ratio to 'snapshot every run' {base_cpu / median:.2f}; "
            f"snapshots written {result.snapshots}; parts (s, all runs): {parts}; "
            f"same placements: {result.outcome == reference.outcome}",
            flush=True,
        )
    path = work / "rebuilt.db"
    shutil.copy(base, path)
    copy = Store(path)
    add(copy, batches[0])
    copy.drop_index_state()
    rebuilt, _ = timed(lambda: pipeline.assign_pending(copy))
    print(f"  {'no saved state':>18}: one run of {new} rebuilds the indexes: {rebuilt:.3f} s CPU")
    copy.engine.dispose()
    path.unlink()
    base.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", default="2000", help="archive sizes M, comma-separated")
    parser.add_argument("--new", type=int, default=20, help="new articles N per run")
    parser.add_argument("--runs", type=int, default=10, help="runs of N in a row, per mode")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not DEFAULT_DATA.exists():
        print(f"{DEFAULT_DATA} is absent: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.archive.split(",")):
            one_size(size, args.new, args.runs, args.seed, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
