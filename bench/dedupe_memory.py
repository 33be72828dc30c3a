"""DuplicateIndex memory and add time per article, against the previous implementation.

    .venv/bin/python bench/dedupe_memory.py                 # the 2,225 BBC full texts
    .venv/bin/python bench/dedupe_memory.py --stream 20000  # bench/stream.py's articles

Builds both indexes on the same texts in the same run: ``storyline.dedupe.DuplicateIndex``
(compact: sorted 32-bit shingle hashes, a uint32 signature, band keys in sorted arrays) and
``Baseline``, the implementation it replaced, kept here as the reference (the same code
without its docstrings: a datasketch ``MinHash`` object, a frozenset of shingle strings and
a ``MinHashLSH`` entry per text). Reports, for each:

* bytes per article: the growth of tracemalloc's traced memory while the index is built
  (everything the index allocates and keeps, numpy buffers included), divided by the
  number of texts;
* add time per article (CPU time of this thread, mean and median), in a second pass with
  tracemalloc off;
* the copies each finds, and the texts on which the two disagree.

Then the LSH alone, on the same texts: datasketch's ``MinHashLSH`` with int keys
against the sorted-run ``Multimap`` the new index uses. Exits 0 when ../shared/data is absent.
Not a test: run it on purpose.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from storyline.dedupe import (
    MIN_WORDS,
    DuplicateIndex,
    band_keys,
    lsh_bands,
    normalise,
    shingle_hashes,
    shingles,
    signature,
)
from storyline.dedupe_arrays import Multimap

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
BBC = DATA / "bbc-fulltext"


# ----------------------------------------------------------------- the previous implementation


@dataclass(slots=True)
class _Entry:
    root: str
    order: int
    signature: MinHash | None
    grams: frozenset[bytes]


class Baseline:
    """The DuplicateIndex as of commit 3bfe8fb, unchanged but for names and docstrings."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self._lsh = MinHashLSH(threshold=max(0.3, threshold / 2), num_perm=num_perm)
        self._exact: dict[str, str] = {}
        self._entries: dict[str, _Entry] = {}

    def add(self, article_id: str, text: str) -> str | None:
        known = self._entries.get(article_id)
        if known is not None:
            return None if known.root == article_id else known.root
        norm = normalise(text)
        if not norm:
            return None
        words = norm.split(" ")
        digest = hashlib.sha1(norm.encode("utf-8")).hexdigest()
        original = self._exact.get(digest)
        sig: MinHash | None = None
        grams: frozenset[bytes] = frozenset()
        if len(words) >= MIN_WORDS:
            grams = frozenset(shingles(words, self.shingle))
            sig = MinHash(num_perm=self.num_perm, seed=1)
            sig.update_batch(list(grams))
            if original is None:
                original = self._best_match(sig, grams)
        root = article_id if original is None else self._entries[original].root
        self._entries[article_id] = _Entry(root, len(self._entries), sig, grams)
        self._exact.setdefault(digest, article_id)
        if sig is not None:
            self._lsh.insert(article_id, sig)
        return None if original is None else root

    def _best_match(self, sig: MinHash, grams: frozenset[bytes]) -> str | None:
        best: tuple[float, int, str] | None = None
        for cand in self._lsh.query(sig):
            entry = self._entries[cand]
            if entry.signature is None:
                continue
            score = max(sig.jaccard(entry.signature), _containment(grams, entry.grams))
            if score < self.threshold:
                continue
            key = (-score, entry.order, cand)
            if best is None or key < best:
                best = key
        return None if best is None else best[2]


def _containment(a: frozenset[bytes], b: frozenset[bytes]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small or len(small) * 3 < len(large):
        return 0.0
    return len(small & large) / len(small)


# ----------------------------------------------------------------- measuring


@dataclass(slots=True)
class Result:
    name: str
    bytes_per_article: float
    cpu_mean_us: float
    cpu_median_us: float
    copies: dict[str, str]


def traced_growth(build: Callable[[], object]) -> tuple[object, int]:
    """(what ``build`` returns, traced bytes it allocated and still holds)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    built = build()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return built, after - before


def measure(name: str, make: Callable[[], object], items: list[tuple[str, str]]) -> Result:
    def fill() -> object:
        index = make()
        for key, text in items:
            index.add(key, text)  # type: ignore[attr-defined]
        return index

    index, grown = traced_growth(fill)
    del index
    gc.collect()
    index = make()
    times, copies = [], {}
    for key, text in items:
        t0 = time.thread_time()
        original = index.add(key, text)  # type: ignore[attr-defined]
        times.append(time.thread_time() - t0)
        if original is not None:
            copies[key] = original
    return Result(
        name,
        grown / len(items),
        statistics.fmean(times) * 1e6,
        statistics.median(times) * 1e6,
        copies,
    )


def lsh_only(items: list[tuple[str, str]]) -> tuple[float, float]:
    """Bytes per article of datasketch's MinHashLSH (int keys) and of a Multimap of band
    keys, each holding the same texts' bands (the signatures themselves not counted)."""
    num_perm, threshold = 128, 0.4
    bands, rows = lsh_bands(threshold, num_perm)
    sigs, minhashes = [], []
    for _, text in items:
        words = normalise(text).split(" ")
        if len(words) >= MIN_WORDS:
            sigs.append(signature(shingle_hashes(words, 5), num_perm))
            minhashes.append(MinHash(num_perm=num_perm, seed=1))
            minhashes[-1].update_batch(list(shingles(words, 5)))
    keys = [band_keys(s, bands, rows) for s in sigs]

    def datasketch_lsh() -> object:
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        for i, m in enumerate(minhashes):
            lsh.insert(i, m)
        return lsh

    def own_lsh() -> object:
        table = Multimap()
        for i, k in enumerate(keys):
            table.add(k, i)
        return table

    _, theirs = traced_growth(datasketch_lsh)
    _, ours = traced_growth(own_lsh)
    return theirs / len(sigs), ours / len(sigs)


def load_items(stream: int) -> list[tuple[str, str]]:
    if not stream:
        return [
            (f"{p.parent.name}/{p.stem}", p.read_text(encoding="latin-1"))
            for p in sorted(BBC.glob("*/*.txt"))
        ]
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from stream import DEFAULT_DATA, Stream, StreamConfig, load_corpus

    feed = Stream(load_corpus(DEFAULT_DATA), StreamConfig(seed=1)).articles()
    return [(a.id, a.text) for a, _ in zip(feed, range(stream), strict=False)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stream", type=int, default=0, help="stream articles instead of BBC")
    args = parser.parse_args()
    if not BBC.exists():
        print(f"{BBC} is absent: nothing to measure")
        return 0
    items = load_items(args.stream)
    words = statistics.fmean(len(normalise(t).split(" ")) for _, t in items)
    print(f"{len(items):,} texts, {words:.0f} words on average")
    old = measure("previous (datasketch)", Baseline, items)
    new = measure("DuplicateIndex", DuplicateIndex, items)
    for r in (old, new):
        print(
            f"{r.name:>22}: {r.bytes_per_article:>8,.0f} B/article, add {r.cpu_mean_us:,.0f} us "
            f"CPU mean ({r.cpu_median_us:,.0f} median), {len(r.copies)} copies found"
        )
    print(
        f"memory ratio previous / new: {old.bytes_per_article / new.bytes_per_article:.1f}; "
        f"add time ratio: {old.cpu_mean_us / new.cpu_mean_us:.2f}"
    )
    differ = sorted(
        k for k in old.copies.keys() | new.copies.keys() if old.copies.get(k) != new.copies.get(k)
    )
    print(f"texts on which the two disagree: {len(differ)}")
    for key in differ[:20]:
        print(f"  {key}: previous {old.copies.get(key)}, new {new.copies.get(key)}")
    theirs, ours = lsh_only(items)
    print(
        f"LSH alone: datasketch MinHashLSH (int keys) {theirs:,.0f} B/article, Multimap {ours:,.0f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
