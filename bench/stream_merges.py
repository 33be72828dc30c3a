"""What merging straddled storylines does on a long stream: how often, at what cost, and
whether it mixes stories.

    .venv/bin/python bench/stream_merges.py --n 30000 --run 1000 --seed 1

bench/scale.py drives ``StoryIndex.add`` alone, so it shows the index's storylines before
any merge. Here the stream of bench/stream.py is placed as ``storyline run`` places it: in
runs of ``--run`` articles, each article through ``StoryIndex.add``, and after each run
:func:`storyline.story_linking.merge_stories` (the pipeline's own step, unchanged) over a
store kept in memory (:class:`MemoryStore`: the links, sizes and members it reads). At
each checkpoint it reports, side by side for the index's storylines and the merged ones:
the number of storylines, the B-cubed F1 against the generator's storylines, and the share
of articles outside their storyline's majority source group (BBC category, ECB+ topic),
the measure of mixing docs/benchmarks.md uses. It also reports the merges made, the CPU
time per article of the merge step (mean so far, and since the last report) and of
``StoryIndex.add`` (since the last report), and the process's peak memory. Like the REST
server, it keeps members' features between runs (:class:`FeatureCache`, ``--cache``; 0 runs
the step as a ``storyline run`` per batch does). Not a test; exits 0 when the corpora are
absent.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from bisect import bisect_left, bisect_right, insort
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from measure import Quality
from scale import source_group
from stream import DEFAULT_DATA, Stream, StreamConfig, Truth, load_corpus

from storyline.model import Article
from storyline.stories import StoryIndex
from storyline.story_feature_cache import SIZE, FeatureCache
from storyline.story_features import features
from storyline.story_linking import merge_stories
from storyline.story_merges import within_reach

Reaches = Mapping[str, Sequence[tuple[str, str]]]  # storyline -> story_merges.reach bounds


class MemoryStore:
    """The part of :class:`storyline.store.Store` that ``merge_stories`` reads, in memory
    (the links, and the members of storylines, all or those near a run's dates);
    :meth:`apply` writes a run's merges and placements as ``Store.save_placements`` would.
    Like the database, it reads by key and by (storyline, date) without a scan: a read near
    a run's dates costs what it finds, not the storyline's size."""

    def __init__(self) -> None:
        self.links: dict[str, str] = {}  # merged storyline -> the storyline it joined
        self.members: dict[str, list[Article]] = defaultdict(list)
        self.by_id: dict[str, Article] = {}  # as the store's primary key: no scan per read
        # storyline -> its dated members' (date, id), sorted: the index of storylines and dates
        self.dated: dict[str, list[tuple[str, str]]] = defaultdict(list)

    def story_links(self, story_ids: Iterable[str]) -> dict[str, str]:
        return {s: self.links[s] for s in story_ids if s in self.links}

    def story_sizes(self, story_ids: Iterable[str]) -> dict[str, int]:
        return {s: len(self.members[s]) for s in story_ids if s in self.members}

    def story_members(self, story_ids: Iterable[str]) -> list[Article]:
        return [a for s in sorted(set(story_ids)) for a in self.members.get(s, [])]

    def ids_near(self, reaches: Reaches) -> dict[str, str]:
        found: dict[str, str] = {}
        for story, bounds in sorted(reaches.items()):
            dated = self.dated.get(story)
            if not bounds or not dated:
                continue
            # between the first bound's month and the last bound, as Store.ids_near asks
            low = bisect_left(dated, (min(b[0] for b in bounds)[:7], ""))
            high = bisect_right(dated, (max(b[1] for b in bounds), "\uffff"))
            for value, article_id in dated[low:high]:
                if within_reach(value, bounds):
                    found[article_id] = story
        return found

    def articles(self, ids: Iterable[str]) -> list[Article]:
        return sorted((self.by_id[i] for i in set(ids) if i in self.by_id), key=lambda a: a.id)

    def apply(self, merged: dict[str, str], pending: list[Article]) -> None:
        for gone, kept in merged.items():
            for story, target in self.links.items():
                if target == gone:
                    self.links[story] = kept
            self.links[gone] = kept
            moved = self.members.pop(gone, [])
            for article in moved:
                article.story = kept
            self.members[kept].extend(moved)
            self.dated[kept] = sorted(self.dated[kept] + self.dated.pop(gone, []))
        for article in pending:
            self.members[article.story or ""].append(article)
            self.by_id[article.id] = article
            if article.published.value:
                insort(self.dated[article.story or ""], (article.published.value, article.id))


def quality(labels: dict[str, str], truths: dict[str, tuple[Truth, str]]) -> Quality:
    found = Quality()
    for article_id, story in labels.items():
        truth, group = truths[article_id]
        found.add(story, truth, group)
    return found


def window_cost(marks: Sequence[tuple[int, float, float]], window: int) -> str:
    """The index's and the merge step's CPU per article over the last ``window`` articles
    (whole runs: from the last run end at least ``window`` articles back), and their sum."""
    number, index_cpu, merge_cpu = marks[-1]
    then = next((m for m in reversed(marks) if m[0] <= number - window), marks[0])
    count = max(1, number - then[0])
    index_us, merge_us = 1e6 * (index_cpu - then[1]) / count, 1e6 * (merge_cpu - then[2]) / count
    return f"{index_us:,.0f} + {merge_us:,.0f} = {index_us + merge_us:,.0f} µs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=30_000, help="articles in all")
    parser.add_argument("--run", type=int, default=1_000, help="articles per storyline run")
    parser.add_argument("--every", type=int, default=10_000, help="articles between reports")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--window",
        type=int,
        default=5_000,
        help="articles before each report whose cost is averaged (as bench/scale.py)",
    )
    parser.add_argument(
        "--cache",
        type=int,
        default=SIZE,
        help="features kept between runs (FeatureCache size, as the REST server keeps); 0: none",
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: {args.data} is absent", file=sys.stderr)
        return 0
    stream = Stream(load_corpus(args.data), StreamConfig(seed=args.seed))
    index, store = StoryIndex(), MemoryStore()
    index_story: dict[str, str] = {}
    truths: dict[str, tuple[Truth, str]] = {}
    pending: list[Article] = []
    near: list[tuple[str, ...]] = []
    merges: Counter[str] = Counter()
    merge_cpu = 0.0
    index_cpu = 0.0
    reported = (0.0, 0.0, 0)  # index CPU, merge CPU and articles at the last report
    marks = [(0, 0.0, 0.0)]  # articles, index CPU and merge CPU at the end of each run
    featurize = FeatureCache(args.cache) if args.cache else features
    print(
        "articles | storylines index / merged | B3 F1 index / merged | mixed index / merged"
        " | merges (articles moved) | merge step CPU per article: mean, since the last report"
        " | index add CPU per article since the last report"
        f" | clustering CPU per article over the last {args.window:,}: index + merge step"
        " | max RSS"
    )
    for number, (article, truth) in enumerate(stream.items(), start=1):
        start = time.thread_time()
        placed = index.add(article)
        index_cpu += time.thread_time() - start
        article.story, article.event = placed.story, placed.event
        index_story[article.id] = placed.story
        truths[article.id] = (truth, source_group(article.source))
        pending.append(article)
        near.append(placed.near)
        if number % args.run == 0 or number == args.n:
            start = time.thread_time()
            merged, relabelled = merge_stories(
                store,  # type: ignore[arg-type]
                pending,
                near,
                featurize,
            )
            merge_cpu += time.thread_time() - start
            merges["storylines"] += len(merged)
            merges["moved"] += len(relabelled)
            store.apply(merged, pending)
            pending, near = [], []
            marks.append((number, index_cpu, merge_cpu))
        if number % args.every == 0 or number == args.n:
            shown = {a.id: s for s, group in store.members.items() for a in group}
            before, after = quality(index_story, truths), quality(shown, truths)
            print(
                f"{number:,} | {len(before.found):,} / {len(after.found):,}"
                f" | {before.scores()[2]:.3f} / {after.scores()[2]:.3f}"
                f" | {before.mixed():.2%} / {after.mixed():.2%}"
                f" | {merges['storylines']:,} ({merges['moved']:,})"
                f" | {1e6 * merge_cpu / number:,.0f} µs"
                f", {1e6 * (merge_cpu - reported[1]) / (number - reported[2]):,.0f} µs"
                f" | {1e6 * (index_cpu - reported[0]) / (number - reported[2]):,.0f} µs"
                f" | {window_cost(marks, args.window)}"
                f" | {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.1f} GB",
                flush=True,
            )
            reported = (index_cpu, merge_cpu, number)
        if number == args.n:
            break
    if isinstance(featurize, FeatureCache):
        print(
            f"features: {featurize.misses:,} computed, {featurize.hits:,} found in the cache"
            f" (holding {len(featurize):,} of at most {featurize.size:,})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
