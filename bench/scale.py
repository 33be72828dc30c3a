"""Per-article clustering cost and index memory as the stream grows, in one run.

    .venv/bin/python bench/scale.py --sizes 10000,100000,1000000 --seed 1

Feeds bench/stream.py's articles one at a time to ``StoryIndex.add`` and stops at each size
to record: the mean time of one ``add`` over the last ``--window`` articles (the generator's
own time is excluded) as CPU time of this thread (the target's measure: other jobs on a
shared machine do not move it) and as wall time, the index's deep size in bytes per
article, and, as a sanity check, how well the clusters match the generator's storylines
(B-cubed). A second pass feeds the
same seeded stream, up to ``--dedupe-max`` articles, to ``DuplicateIndex.add`` (after the
StoryIndex is freed, so neither index's objects slow the other's garbage collection). Writes
``out/bench/scale.csv``, ``scale-curve.csv`` and ``scale.png`` (and a copy of the PNG with
``--docs-png``). Not a test: run it on purpose. Exits 0 when the corpora are absent.

Memory is the deep size of the index object (``--memory deep``, the default): every object
reachable from it, each counted once, with ``sys.getsizeof``; classes, functions, modules
and the storyline modules' globals are not the index's own and are left out. It is exact
about what the index retains and costs nothing while timing, unlike tracemalloc, which
slows every allocation (``--memory tracemalloc`` is kept as a cross-check: it counts the
live allocations made in the index modules; its timings are then inflated).
"""

from __future__ import annotations

import argparse
import csv
import gc
import shutil
import sys
import time
import tracemalloc
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path

from measure import (
    GcClock,
    Quality,
    curve,
    deep_size,
    foreign_ids,
    rss_mb,
    sources,
    traced_size,
    window_stats,
)
from stream import DEFAULT_DATA, Stream, StreamConfig, Truth, load_corpus

from storyline import stories
from storyline.dedupe import DuplicateIndex
from storyline.model import Article
from storyline.stories import StoryIndex

TARGET_RATIO = 1.5  # cost per article at the largest size / at the smallest
TARGET_BYTES = 2048  # index bytes per article at the largest size
STORY_FILES = ("*/storyline/stories.py", "*/storyline/story_*.py")  # for --memory tracemalloc
DEDUPE_FILES = ("*/storyline/dedupe*.py", "*/datasketch/*")
DEDUPE_SIZE_MAX = 200_000  # no deep size of DuplicateIndex above this (~2 KB/article)


@dataclass(slots=True)
class Row:
    """The figures recorded at one checkpoint (one CSV row)."""

    articles: int
    window: int
    story_mean_us: float
    story_median_us: float
    story_p99_us: float
    story_gc_share: float  # share of the window's time spent in garbage collection
    story_bytes: int
    story_bytes_per_article: float
    story_objects: int
    stories_found: int
    stories_true: int
    largest_found: int
    b3_precision: float
    b3_recall: float
    b3_f1: float
    mixed_share: float  # articles outside their storyline's majority source group
    rss_mb: float
    generator_per_s: float
    size_seconds: float  # time taken by the memory measurement itself
    story_cpu_us: float  # the window's mean CPU time of one add (this thread's)
    story_cpu_median_us: float
    dedupe_cpu_us: float | None = None
    dedupe_bytes_per_article: float | None = None
    dedupe_recall: float | None = None  # share of the generator's copies DuplicateIndex found
    dedupe_false: int | None = None  # originals it called copies


def source_group(source: str) -> str:
    """The stream article's source group: "bbc/<category>" or "ecb/<topic>"."""
    parts = source.split("/")
    return "/".join(parts[:2]) if parts[0] == "bbc" else f"ecb/{parts[1].split('_')[0]}"


def measure(index: object, memory: str, patterns: tuple[str, ...]) -> tuple[int, int]:
    """(bytes, objects or blocks) held by ``index``, by the chosen method."""
    if memory == "tracemalloc":
        return traced_size(patterns)
    return deep_size(index, foreign_ids())


def run_stories(
    items: Iterator[tuple[Article, Truth]],
    sizes: list[int],
    window: int,
    memory: str,
    report: Callable[[Row], None],
) -> tuple[list[Row], array]:
    """Feed ``items`` to one StoryIndex and measure at each size; returns the rows and the
    CPU time of every ``add``."""
    gc_clock = GcClock()
    gc.callbacks.append(gc_clock)
    index = StoryIndex()
    times, cpu_times = array("d"), array("d")
    quality = Quality()
    generator = 0.0
    rows: list[Row] = []
    clock, cpu = time.perf_counter, time.thread_time
    n = 0
    for size in sizes:
        while n < size:
            t0 = clock()
            article, truth = next(items)
            gc_clock.article = n
            t1, c1 = clock(), cpu()
            placed = index.add(article)
            c2, t2 = cpu(), clock()
            times.append(t2 - t1)
            cpu_times.append(c2 - c1)
            generator += t1 - t0
            quality.add(placed.story, truth, source_group(article.source))
            n += 1
        width = min(window, max(1, size // 2))
        mean, median, p99 = window_stats(times, n, width)
        cpu_mean, cpu_median, _ = window_stats(cpu_times, n, width)
        gc_share = gc_clock.within(n - width, n) / (sum(times[n - width : n]) or 1.0)
        t3 = clock()
        nbytes, objects = measure(index, memory, STORY_FILES)
        precision, recall, f1 = quality.scores()
        row = Row(
            articles=n,
            window=width,
            story_mean_us=mean,
            story_median_us=median,
            story_p99_us=p99,
            story_gc_share=gc_share,
            story_bytes=nbytes,
            story_bytes_per_article=nbytes / n,
            story_objects=objects,
            stories_found=len(quality.found),
            stories_true=len(quality.truth),
            largest_found=max(quality.found.values()),
            b3_precision=precision,
            b3_recall=recall,
            b3_f1=f1,
            mixed_share=quality.mixed(),
            rss_mb=rss_mb(),
            generator_per_s=n / generator if generator else 0.0,
            size_seconds=clock() - t3,
            story_cpu_us=cpu_mean,
            story_cpu_median_us=cpu_median,
        )
        rows.append(row)
        report(row)
    gc.callbacks.remove(gc_clock)
    return rows, cpu_times


def run_dedupe(
    items: Iterator[tuple[Article, Truth]], rows: list[Row], limit: int, memory: str
) -> array:
    """Feed ``items`` to one DuplicateIndex up to ``limit`` articles; fill the rows' dedupe
    figures at each size within the limit."""
    index = DuplicateIndex()
    times = array("d")
    copies = found = false = 0
    n = 0
    for row in rows:
        if row.articles > limit:
            break
        while n < row.articles:
            article, truth = next(items)
            t0 = time.thread_time()
            original = index.add(article.id, article.text)
            times.append(time.thread_time() - t0)
            copy = truth.kind != "original"
            copies += copy
            found += copy and original is not None
            false += not copy and original is not None
            n += 1
        row.dedupe_cpu_us = window_stats(times, n, row.window)[0]
        if n <= DEDUPE_SIZE_MAX:
            row.dedupe_bytes_per_article = measure(index, memory, DEDUPE_FILES)[0] / n
        row.dedupe_recall = found / copies if copies else None
        row.dedupe_false = false
        size = row.dedupe_bytes_per_article
        print(
            f"{n:>9,}: dedupe add {row.dedupe_cpu_us:,.0f} us CPU, "
            f"{'not measured' if size is None else f'{size:,.0f}'} B/article, "
            f"copies found {found}/{copies}, originals called copies {false}; "
            f"rss {rss_mb():,.0f} MB",
            flush=True,
        )
    return times


def show(row: Row) -> None:
    print(
        f"{row.articles:>9,}: story add {row.story_cpu_us:,.0f} us CPU (median "
        f"{row.story_cpu_median_us:,.0f}; wall {row.story_mean_us:,.0f}, median "
        f"{row.story_median_us:,.0f}, p99 {row.story_p99_us:,.0f}; gc {row.story_gc_share:.0%}), "
        f"{row.story_bytes_per_article:,.0f} B/article "
        f"({row.size_seconds:.0f} s to measure); {row.stories_found:,} stories found / "
        f"{row.stories_true:,} generated, B3 F1 {row.b3_f1:.2f}, "
        f"{row.mixed_share:.1%} in another group's storyline; rss {row.rss_mb:,.0f} MB",
        flush=True,
    )


def write_csv(path: Path, rows: list[Row]) -> None:
    names = [f.name for f in fields(Row)]
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(names)
        for row in rows:
            writer.writerow(
                [
                    f"{v:.4g}" if isinstance(v, float) else v
                    for v in map(row.__getattribute__, names)
                ]
            )


def plot(
    path: Path, rows: list[Row], story: list[tuple[int, float]], dupe: list[tuple[int, float]]
) -> None:
    """Two panels: cost per article along the stream, bytes per article at the checkpoints."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import FixedLocator, FuncFormatter, LogLocator, NullFormatter

    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.4), dpi=80)
    left.plot(*zip(*story, strict=True), label="StoryIndex.add", color="tab:blue")
    if dupe:
        left.plot(*zip(*dupe, strict=True), label="DuplicateIndex.add", color="tab:orange")
    left.scatter([r.articles for r in rows], [r.story_cpu_us for r in rows], color="tab:blue")
    left.axhline(
        TARGET_RATIO * rows[0].story_cpu_us, color="grey", linestyle="--",
        label=f"{TARGET_RATIO} x cost at {rows[0].articles:,}",
    )  # fmt: skip
    left.set(xscale="log", xlabel="articles indexed", ylabel="CPU us per article")
    left.set_ylim(bottom=0)
    left.set_title("CPU time of one add (binned mean)", fontsize=10)
    left.legend(fontsize=8)
    right.plot(
        [r.articles for r in rows], [r.story_bytes_per_article for r in rows], "o-",
        label="StoryIndex",
    )  # fmt: skip
    dedupe = [(r.articles, r.dedupe_bytes_per_article) for r in rows if r.dedupe_bytes_per_article]
    if dedupe:
        right.plot(*zip(*dedupe, strict=True), "s-", label="DuplicateIndex", color="tab:orange")
    right.axhline(TARGET_BYTES, color="grey", linestyle="--", label="target 2 KB")
    right.set(xscale="log", yscale="log", xlabel="articles indexed", ylabel="bytes per article")
    right.set_title("index deep size / articles", fontsize=10)
    right.legend(fontsize=8)
    plain = FuncFormatter(lambda value, _: f"{value:,.0f}")
    left.yaxis.set_major_formatter(plain)
    right.yaxis.set_major_locator(FixedLocator([500, 1000, 2000, 5000, 10_000, 20_000, 50_000]))
    for axis in (left.xaxis, right.xaxis, right.yaxis):
        if axis is not right.yaxis:
            axis.set_major_locator(LogLocator(base=10, subs=(1.0,)))
        axis.set_major_formatter(plain)
        axis.set_minor_formatter(NullFormatter())
    first, last = rows[0], rows[-1]
    fig.suptitle(
        f"cost@{last.articles:,} / cost@{first.articles:,} = "
        f"{last.story_cpu_us / first.story_cpu_us:.2f}; "
        f"{last.story_bytes_per_article:,.0f} B/article at {last.articles:,}",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main() -> int:
    parser = argparse.ArgumentParser(description="Clustering cost and memory at stream sizes.")
    parser.add_argument("--sizes", default="10000,100000,1000000", help="checkpoints, ascending")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--window", type=int, default=5000, help="articles averaged per size")
    parser.add_argument("--dedupe-max", type=int, default=100_000, help="0 to skip dedupe")
    parser.add_argument("--memory", choices=("deep", "tracemalloc"), default="deep")
    parser.add_argument("--per-day", type=int, default=StreamConfig().per_day)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=Path("out/bench"))
    parser.add_argument("--docs-png", type=Path, help="also copy the plot here")
    parser.add_argument(
        "--story-centroid-min",
        type=float,
        help="override stories.STORY_CENTROID_MIN (0 measures the index without the check)",
    )
    args = parser.parse_args()
    if args.story_centroid_min is not None:
        stories.STORY_CENTROID_MIN = args.story_centroid_min
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    groups = load_corpus(args.data)
    if not groups:
        print(f"skipped: no corpus under {args.data}")
        return 0
    if args.memory == "tracemalloc":
        tracemalloc.start()
    config = StreamConfig(seed=args.seed, per_day=args.per_day)
    print(f"sizes {sizes}, seed {args.seed}, window {args.window}, memory {args.memory}")
    print(f"index sources: {sources()}")
    started = time.perf_counter()
    rows, story_times = run_stories(
        Stream(groups, config).items(), sizes, args.window, args.memory, show
    )
    gc.collect()  # the StoryIndex is gone: the dedupe pass starts from a clean heap
    dupe_times = run_dedupe(Stream(groups, config).items(), rows, args.dedupe_max, args.memory)
    first, last = rows[0], rows[-1]
    ratio = last.story_cpu_us / first.story_cpu_us
    print(
        f"CPU cost@{last.articles:,} / cost@{first.articles:,} = {ratio:.2f} "
        f"(target <= {TARGET_RATIO}: {'ok' if ratio <= TARGET_RATIO else 'MISSED'}); "
        f"CPU median ratio {last.story_cpu_median_us / first.story_cpu_median_us:.2f}; "
        f"wall ratio {last.story_mean_us / first.story_mean_us:.2f}; "
        f"{last.story_bytes_per_article:,.0f} B/article at {last.articles:,} "
        f"(target < {TARGET_BYTES}: "
        f"{'ok' if last.story_bytes_per_article < TARGET_BYTES else 'MISSED'}); "
        f"generator {last.generator_per_s:,.0f} articles/s; "
        f"run {time.perf_counter() - started:,.0f} s"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(args.out / "scale.csv", rows)
    story_curve, dupe_curve = curve(story_times), curve(dupe_times)
    with (args.out / "scale-curve.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["index", "articles", "mean_us"])
        for name, points in (("story", story_curve), ("dedupe", dupe_curve)):
            writer.writerows((name, n, f"{us:.1f}") for n, us in points)
    png = args.out / "scale.png"
    plot(png, rows, story_curve, dupe_curve)
    if args.docs_png:
        shutil.copyfile(png, args.docs_png)
    print(f"wrote {args.out / 'scale.csv'}, {args.out / 'scale-curve.csv'}, {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
