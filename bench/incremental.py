"""The cost of one incremental run: ``assign_pending`` for a few new articles on a large
archive, with the placement indexes saved by the previous run and without them.

    .venv/bin/python bench/incremental.py --archive 2000,10000 --new 20

For each archive size M: the first M articles of bench/stream.py's seeded stream are stored
and placed (one run; its own time is reported but is not the point), the store file is
copied, and the next N articles of the stream are added to each copy. Then, ``--repeat``
times on fresh copies, ``assign_pending`` places them: once with the state the first run
saved (``index_state``), once after ``Store.drop_index_state`` (the full rebuild, today's
path before the state existed). Reports the median CPU time (this process) and wall time of
each, their ratio, where the time goes (loading or rebuilding the indexes, reading the
members of the stories the new articles join, analysing those stories, pickling the state,
writing everything), the size of the saved state, and checks that both paths place
every article identically. Stream articles carry regex entities and no time expressions
(see bench/stream.py), so the per-story analysis is cheap. Exits 0 when ../shared/data is
absent. Not a test: run it on purpose.
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
from pathlib import Path

from stream import DEFAULT_DATA, Stream, StreamConfig, load_corpus

from storyline import index_state, pipeline
from storyline.model import Article, RawDocument
from storyline.store import Store

Outcome = dict[str, tuple[str | None, str | None, str | None]]


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


def one_size(archive: int, new: int, repeat: int, seed: int, work: Path) -> Outcome:
    articles = stream_articles(archive + new, seed)
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
    runs: dict[str, list[tuple[float, float]]] = {"kept": [], "rebuilt": []}
    results: dict[str, Outcome] = {}
    splits = {"kept": Split(), "rebuilt": Split()}
    for r in range(repeat):
        for mode in ("kept", "rebuilt"):
            path = work / f"run-{archive}-{mode}-{r}.db"
            shutil.copy(base, path)
            copy = Store(path)
            add(copy, articles[archive:])
            if mode == "rebuilt":
                copy.drop_index_state()
            undo = []
            if r == repeat - 1:
                split = splits[mode]
                undo = [
                    split.wrap(pipeline, "load_indexes", "load or rebuild indexes"),
                    split.wrap(Store, "story_members", "read members"),
                    split.wrap(pipeline, "analyse_story", "analyse stories"),
                    split.wrap(index_state, "dump", "pickle state"),
                    split.wrap(Store, "save_placements", "write"),
                ]
            runs[mode].append(timed(lambda copy=copy: pipeline.assign_pending(copy)))
            for restore in undo:
                restore()
            results[mode] = outcome(copy)
            copy.engine.dispose()
            path.unlink()
    kept_cpu = statistics.median(c for c, _ in runs["kept"])
    rebuilt_cpu = statistics.median(c for c, _ in runs["rebuilt"])
    kept_wall = statistics.median(w for _, w in runs["kept"])
    rebuilt_wall = statistics.median(w for _, w in runs["rebuilt"])
    print(
        f"M={archive:,}, N={new}: with the saved state {kept_cpu:.3f} s CPU "
        f"({kept_wall:.3f} s wall), rebuilt {rebuilt_cpu:.3f} s CPU ({rebuilt_wall:.3f} s "
        f"wall): ratio {rebuilt_cpu / kept_cpu:.1f} (CPU), {rebuilt_wall / kept_wall:.1f} (wall)",
        flush=True,
    )
    for mode, split in splits.items():
        parts = ", ".join(f"{k} {v:.3f} s" for k, v in split.parts.items())
        print(f"  {mode}, CPU of the parts (last run): {parts}")
    same = results["kept"] == results["rebuilt"]
    print(f"  same placements with and without the state: {same}", flush=True)
    base.unlink()
    return results["kept"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--archive", default="2000", help="archive sizes M, comma-separated")
    parser.add_argument("--new", type=int, default=20, help="new articles N per run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not DEFAULT_DATA.exists():
        print(f"{DEFAULT_DATA} is absent: nothing to measure")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.archive.split(",")):
            one_size(size, args.new, args.repeat, args.seed, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
