"""Compact cluster state and the candidate search behind :class:`storyline.stories.StoryIndex`.

Memory and time per article must not grow with the archive, so:

* :class:`Vocabulary` maps each term (a word, or an entity key prefixed with ``@``) to a
  32-bit hash and counts document frequencies in a fixed hashed table (no strings kept).
* :class:`Cluster` (a storyline or an event) keeps its centroid as two flat arrays (term ids,
  float32 weights), truncated to the ``WORDS_KEPT`` words and ``ENTITIES_KEPT`` entities that
  weigh most (weight times IDF). A storyline with a single event shares its centroid with
  that event until a second event opens.
* :class:`CandidateIndex` is an inverted index from a term to the *events* that hold it
  among their top ``INDEXED_TERMS`` terms. A query reads the postings of its own top terms
  only, adds up their weights per event and keeps the best ``CANDIDATES``; each posting is
  capped at ``POSTING_CAP`` entries (the oldest go first). Events whose last day lies more
  than ``RETIRE_DAYS`` before the newest date seen leave the postings for a *cold* index
  (term -> retired events). Articles dated far in the past, undated ones and ones whose
  date is an estimate also read the tail of the cold postings: they can join (and revive)
  an old event there.
"""

from __future__ import annotations

import heapq
import math
import zlib
from array import array
from dataclasses import dataclass, field

WORDS_KEPT = 48  # words kept in a centroid
ENTITIES_KEPT = 16  # entities kept in a centroid
INDEXED_TERMS = 20  # an event is listed under this many of its top terms
QUERY_TERMS = 12  # a query reads the postings of this many of its top terms
CANDIDATES = 24  # events scored in full per query
POSTING_CAP = 64  # entries kept per posting (the most recently indexed)
RETIRE_DAYS = 180  # an event this many days older than the newest date seen is retired
SLOW_PATH_DAYS = 30  # an article this many days older than the newest date also searches cold
COLD_SCAN = 512  # entries read from the end of a cold posting (the most recently retired)
ENTITY_PREFIX = "@"
VOCABULARY_BITS = 20  # document frequencies are counted in 2**20 hashed slots


class Vocabulary:
    """Document frequencies by hashed term, in a fixed table (the hashing trick).

    A term's id is the CRC-32 of its UTF-8 form (deterministic across runs; two distinct
    terms share an id about once per 4 billion pairs); its frequency is counted in slot
    ``id % 2**bits`` of an unsigned 32-bit table (4 MB for the default 20 bits), so no term
    strings are kept and the size does not depend on the archive. Terms sharing a slot add
    up their counts, which lowers the IDF of rare terms a little once the vocabulary nears
    the table's size.
    """

    __slots__ = ("df", "mask", "n")

    def __init__(self, bits: int = VOCABULARY_BITS) -> None:
        self.df = array("I", bytes(4 << bits))
        self.mask = (1 << bits) - 1
        self.n = 0  # articles counted; the caller increases it, once per article

    def count(self, terms: list[str]) -> list[int]:
        """Count one more holder of each of ``terms`` (distinct); return their ids."""
        out = []
        for term in terms:
            tid = zlib.crc32(term.encode("utf-8"))
            self.df[tid & self.mask] += 1
            out.append(tid)
        return out

    def freq(self, tid: int) -> int:
        """The document frequency counted for a term id."""
        return self.df[tid & self.mask]

    def idf(self, tid: int) -> float:
        """Smoothed inverse document frequency: ln((n + 1) / (df + 1)) + 1."""
        return math.log((self.n + 1) / (self.df[tid & self.mask] + 1)) + 1.0


@dataclass(slots=True)
class Cluster:
    """A storyline (``story`` == -1) or an event (``story`` = its storyline's key).

    ``ids``/``weights`` hold the truncated centroid: summed unit-length member bags, words
    first, then ``ids[split:]`` the entities. ``ids`` is None for an event that shares its
    storyline's centroid (the storyline has had no other event). ``last`` is the day the
    retirement clock uses: the latest member day, or the clock when an undated member came.
    """

    key: int
    name: str  # the cluster id, or the first article's id when ``prefixed``
    prefixed: bool
    story: int
    language: str | None
    ids: array | None = field(default_factory=lambda: array("I"))
    weights: array | None = field(default_factory=lambda: array("f"))
    split: int = 0
    size: int = 0  # members that brought features (copies do not)
    events: int = 0  # storylines: number of events opened in it
    first: int = -1  # storylines: the key of their first event
    lo: int | None = None
    hi: int | None = None
    days: bool = False  # some member has an exact (day, read off the page) date
    last: int | None = None
    hot: bool = True
    cold_listed: bool = False
    norms: tuple[int, float, float] | None = None  # (n when computed, words norm, ents norm)
    indexed: array | None = None  # events: the terms they are listed under

    @property
    def id(self) -> str:
        if not self.prefixed:
            return self.name
        return ("e-" if self.story >= 0 else "s-") + self.name


def merge(
    cluster: Cluster, words: dict[int, float], ents: dict[int, float], vocab: Vocabulary
) -> None:
    """Add one member's bags to the centroid and truncate it to the terms that weigh most."""
    assert cluster.ids is not None and cluster.weights is not None
    old_w: dict[int, float] = {}
    old_e: dict[int, float] = {}
    for i, (tid, w) in enumerate(zip(cluster.ids, cluster.weights, strict=True)):
        (old_w if i < cluster.split else old_e)[tid] = w
    for bag, mine in ((words, old_w), (ents, old_e)):
        for tid, w in bag.items():
            mine[tid] = mine.get(tid, 0.0) + w
    kept_w = _top(old_w, WORDS_KEPT, vocab)
    kept_e = _top(old_e, ENTITIES_KEPT, vocab)
    cluster.ids = array("I", [t for t, _ in kept_w] + [t for t, _ in kept_e])
    cluster.weights = array("f", [w for _, w in kept_w] + [w for _, w in kept_e])
    cluster.split = len(kept_w)
    cluster.norms = None


def _top(bag: dict[int, float], limit: int, vocab: Vocabulary) -> list[tuple[int, float]]:
    """The ``limit`` entries of ``bag`` with the largest weight x IDF (term id on ties)."""
    if len(bag) <= limit:
        return sorted(bag.items())
    ranked = heapq.nlargest(limit, bag.items(), key=lambda kv: (kv[1] * vocab.idf(kv[0]), -kv[0]))
    return sorted(ranked)


def top_terms(cluster: Cluster, limit: int, vocab: Vocabulary) -> list[int]:
    """The ``limit`` centroid terms of ``cluster`` with the largest weight x IDF."""
    assert cluster.ids is not None and cluster.weights is not None
    pairs = zip(cluster.ids, cluster.weights, strict=True)
    ranked = heapq.nlargest(limit, pairs, key=lambda kv: (kv[1] * vocab.idf(kv[0]), -kv[0]))
    return sorted(t for t, _ in ranked)


class CandidateIndex:
    """Hot postings (term -> recent events), cold postings (term -> retired events) and the
    retirement queue. Stores event keys only; the caller owns the clusters."""

    __slots__ = ("hot", "cold", "queue", "clock")

    def __init__(self) -> None:
        self.hot: dict[int, list[int]] = {}
        self.cold: dict[int, array] = {}
        self.queue: list[tuple[int, int]] = []  # (last day, event key), a min-heap
        self.clock: int | None = None  # the newest day seen

    def list_event(self, event: Cluster, terms: list[int]) -> None:
        """(Re)list a hot event under ``terms``, leaving the postings it is no longer under."""
        old = set(event.indexed or ())
        new = set(terms)
        for tid in old - new:
            posting = self.hot.get(tid)
            if posting is not None and event.key in posting:
                posting.remove(event.key)
                if not posting:
                    del self.hot[tid]
        for tid in terms:
            if tid in old:
                continue
            posting = self.hot.get(tid)
            if posting is None:
                self.hot[tid] = [event.key]  # a list of exactly one: most postings stay short
                continue
            posting.append(event.key)
            if len(posting) > POSTING_CAP:
                del posting[0]
        event.indexed = array("I", terms)

    def touch(self, event: Cluster, day: int | None) -> None:
        """Move the clock to ``day`` (when later) and queue the event for retirement."""
        if day is not None and (self.clock is None or day > self.clock):
            self.clock = day
        last = event.hi if event.hi is not None else self.clock
        if last is not None and (event.last is None or last > event.last):
            event.last = last
            heapq.heappush(self.queue, (last, event.key))

    def retire(self, events: list[Cluster]) -> None:
        """Move the events whose last day is over ``RETIRE_DAYS`` before the clock to cold."""
        if self.clock is None:
            return
        horizon = self.clock - RETIRE_DAYS
        while self.queue and self.queue[0][0] < horizon:
            last, key = heapq.heappop(self.queue)
            event = events[key]
            if not event.hot or event.last != last:
                continue  # a stale entry: the event moved on, or is already cold
            for tid in event.indexed or ():
                posting = self.hot.get(tid)
                if posting is not None and key in posting:
                    posting.remove(key)
                    if not posting:
                        del self.hot[tid]
                if not event.cold_listed:
                    self.cold.setdefault(tid, array("i")).append(key)
            event.cold_listed = True
            event.hot = False

    def needs_cold(self, day: int | None) -> bool:
        """True when an article of ``day`` must also search the retired events: it is far in
        the past, or undated (retirement is relative to an article's date)."""
        if self.clock is None or not self.cold:
            return False
        return day is None or self.clock - day > SLOW_PATH_DAYS

    def candidates(
        self,
        query: list[tuple[int, float]],
        events: list[Cluster],
        cold: bool = False,
        day: int | None = None,
    ) -> list[int]:
        """The best ``CANDIDATES`` event keys for a query's top (term, weight) pairs.

        Events are ranked by the summed weight of the query terms they are listed under
        (then by key). ``cold`` also reads the last ``COLD_SCAN`` entries of the cold
        postings, keeping (when ``day`` is given) the retired events whose span lies within
        ``RETIRE_DAYS`` of that day.
        """
        score: dict[int, float] = {}
        for tid, weight in query:
            for key in self.hot.get(tid, ()):
                score[key] = score.get(key, 0.0) + weight
            if not cold or tid not in self.cold:
                continue
            for key in self.cold[tid][-COLD_SCAN:]:
                event = events[key]
                if event.hot or (day is not None and not _near(event, day)):
                    continue
                score[key] = score.get(key, 0.0) + weight
        best = heapq.nlargest(CANDIDATES, score.items(), key=lambda kv: (kv[1], -kv[0]))
        return [key for key, _ in best]


def _near(event: Cluster, day: int) -> bool:
    if event.lo is None or event.hi is None:
        return False
    return event.lo - RETIRE_DAYS <= day <= event.hi + RETIRE_DAYS
