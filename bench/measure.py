"""Measuring helpers for bench/scale.py: an object's deep size, traced allocations, RSS,
garbage-collection pauses, window statistics and the B-cubed check against the stream.

The deep size follows what the garbage collector follows (``gc.get_referents``) plus dict
keys (the collector skips the str keys of a str-keyed dict), counts every object once with
``sys.getsizeof``, and leaves out classes, functions, modules and the module-level objects
of the given packages: they are shared, not the measured object's own.
"""

from __future__ import annotations

import gc
import hashlib
import statistics
import sys
import time
import tracemalloc
from array import array
from collections import Counter
from pathlib import Path
from types import BuiltinFunctionType, FunctionType, MethodType, ModuleType

from stream import Truth

_LEAVES = (str, bytes, int, float, complex, bool, type(None))
_NOT_OWNED = (type, ModuleType, FunctionType, BuiltinFunctionType, MethodType)


def foreign_ids(prefixes: tuple[str, ...] = ("storyline", "datasketch")) -> set[int]:
    """Ids of module-level objects (and their direct members) of the given packages."""
    ids: set[int] = set()
    for name, module in list(sys.modules.items()):
        if not name.startswith(prefixes):
            continue
        for value in vars(module).values():
            ids.add(id(value))
            if isinstance(value, frozenset | tuple | dict | set | list):
                ids.update(id(x) for x in value)
    return ids


def deep_size(root: object, skip: set[int]) -> tuple[int, int]:
    """(bytes, objects) reachable from ``root``, each object counted once.

    Follows ``gc.get_referents`` (what the garbage collector follows) plus dict keys, which
    it skips for str-keyed dicts."""
    seen = set(skip)
    stack = [root]
    total = count = 0
    while stack:
        obj = stack.pop()
        key = id(obj)
        if key in seen:
            continue
        seen.add(key)
        if isinstance(obj, _NOT_OWNED):
            continue
        total += sys.getsizeof(obj)
        count += 1
        if not isinstance(obj, _LEAVES):
            stack.extend(gc.get_referents(obj))
            if isinstance(obj, dict):  # the collector does not report a dict's str keys
                stack.extend(obj.keys())
    return total, count


def traced_size(patterns: tuple[str, ...]) -> tuple[int, int]:
    """(bytes, blocks) of live traced allocations made in files matching ``patterns``."""
    snapshot = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(True, p) for p in patterns]
    )
    stats = snapshot.statistics("filename")
    return sum(s.size for s in stats), sum(s.count for s in stats)


def sources() -> str:
    """The storyline clustering modules loaded, each with the start of its sha1 (which
    version of the index was measured)."""
    names = sorted(n for n in sys.modules if n.startswith(("storyline.stor", "storyline.dedupe")))
    found = []
    for name in names:
        path = getattr(sys.modules[name], "__file__", None)
        if path:
            found.append(
                f"{Path(path).name} {hashlib.sha1(Path(path).read_bytes()).hexdigest()[:10]}"
            )
    return ", ".join(found)


def rss_mb() -> float:
    """Resident set size of this process in MB (0 where /proc is absent)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Quality:
    """B-cubed precision/recall of the index's storylines against the generator's.

    Keyed by ints only, so that its dicts stay out of the garbage collector's way."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}  # found story id -> number
        self.pairs: Counter[int] = Counter()  # found number << 32 | true number
        self.found: Counter[int] = Counter()
        self.truth: Counter[int] = Counter()
        self.groups: dict[str, int] = {}  # source group -> number
        self.in_group: Counter[int] = Counter()  # found number << 16 | group number

    def add(self, story: str, truth: Truth, group: str | None = None) -> None:
        number = self.numbers.setdefault(story, len(self.numbers))
        self.pairs[number << 32 | truth.story] += 1
        self.found[number] += 1
        self.truth[truth.story] += 1
        if group is not None:
            self.in_group[number << 16 | self.groups.setdefault(group, len(self.groups))] += 1

    def mixed(self) -> float:
        """Share of articles outside the majority source group (BBC category, ECB+ topic) of
        the storyline they were put in: texts of another kind merged into it."""
        majority: Counter[int] = Counter()
        for key, count in self.in_group.items():
            majority[key >> 16] = max(majority[key >> 16], count)
        total = sum(self.in_group.values())
        return (total - sum(majority.values())) / total if total else 0.0

    def scores(self) -> tuple[float, float, float]:
        n = sum(self.found.values()) or 1
        precision = recall = 0.0
        for key, c in self.pairs.items():
            precision += c * c / self.found[key >> 32]
            recall += c * c / self.truth[key & 0xFFFFFFFF]
        precision, recall = precision / n, recall / n
        return precision, recall, 2 * precision * recall / ((precision + recall) or 1.0)


class GcClock:
    """Collects garbage-collection pauses as (article number, seconds)."""

    def __init__(self) -> None:
        self.pauses: list[tuple[int, float]] = []
        self.article = 0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.pauses.append((self.article, time.perf_counter() - self._start))

    def within(self, first: int, last: int) -> float:
        return sum(s for n, s in self.pauses if first <= n < last)


def window_stats(times: array, end: int, width: int) -> tuple[float, float, float]:
    """(mean, median, 99th percentile) of ``times[end - width:end]`` in microseconds."""
    part = sorted(times[end - width : end])
    if not part:
        return 0.0, 0.0, 0.0
    return (
        1e6 * sum(part) / len(part),
        1e6 * statistics.median(part),
        1e6 * part[min(len(part) - 1, int(0.99 * len(part)))],
    )


def curve(times: array, bins: int = 60) -> list[tuple[int, float]]:
    """Mean cost (us) over log-spaced bins of article numbers: (bin end, mean)."""
    n = len(times)
    edges = sorted({max(1, round(n ** (i / bins))) for i in range(bins + 1)} | {n})
    points, lo = [], 0
    for hi in edges:
        if hi - lo >= 50 or hi == n:
            if hi > lo:
                points.append((hi, 1e6 * sum(times[lo:hi]) / (hi - lo)))
            lo = hi
    return points
