"""Online two-level clustering of articles: storylines (long-running stories) and events.

An article is a bag of words (title weighted up, sublinear counts), a bag of its named
entities and its date; IDF is kept up to date inside the index, so nothing is refitted.
Similarity to a cluster: ``(1 - ENTITY_WEIGHT)`` x the IDF-weighted word cosine +
``ENTITY_WEIGHT`` x the entity cosine. Decision, events first (after Miranda et al. 2018,
"Multilingual clustering of streaming news"):

1. join the most similar candidate event at ``event_threshold`` when the dates agree;
2. else open an event in the most similar storyline (its centroid or its candidate events,
   damped by the time gap) at ``story_threshold``, when its centroid is not far off;
3. else open a storyline.

These placement events and storylines are the index's own. Users see the events
:mod:`storyline.events` forms from each changed storyline's members (whatever the order of
arrival), in storylines that :mod:`storyline.story_merges` merges when an event straddles
them (:func:`storyline.story_batch.cluster` and the pipeline do both). Candidates come from
an inverted index (:mod:`storyline.story_index`), so the cost per article does not grow with
the archive.
Languages never mix (an unknown one agrees with any). Ids are ``"s-"``/``"e-"`` + the
cluster's first article id: the same input in the same order gives the same ids, and
:func:`storyline.story_batch.cluster` sorts its input.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from storyline.model import Article
from storyline.story_features import TITLE_WEIGHT, Doc, date_range, entity_key, features, terms
from storyline.story_index import (
    ENTITY_PREFIX,
    INDEXED_TERMS,
    QUERY_TERMS,
    CandidateIndex,
    Cluster,
    Vocabulary,
    merge,
    top_terms,
)

__all__ = ["TITLE_WEIGHT", "StoryAssignment", "StoryIndex", "date_range"]
__all__ += ["entity_key", "features", "terms"]

ENTITY_WEIGHT = 0.35  # share of the entity cosine in the combined similarity
STORY_THRESHOLD = 0.15  # similarity (an event's or the centroid's) that opens an event in a
# storyline; 0.10 until session 19, when dated news of one field (tennis, film awards) chained
# into topic bags at 0.10-0.14 (docs/evaluation.md, "Session 19")
EVENT_THRESHOLD = 0.18  # similarity that joins an event
STORY_GRACE_DAYS = 30  # no time penalty for storyline members closer than this
STORY_HALF_LIFE_DAYS = 180  # beyond the grace period, similarity halves every this many days
UNDATED_EVENT_MARGIN = 0.15  # extra similarity a vaguely dated article needs to join an
# event dated to the day
COARSE_EVENT_DAYS = 45  # dates known only roughly: an event farther than this is not joined
QUERY_ENTITIES = 4  # entity terms a query reads postings for, besides its top words
DATELESS_MARGIN = 0.1  # extra similarity an undated article needs to join a dated event
NORM_REFRESH = 0.05  # a cached centroid length is kept until the collection grows this much
STORY_CENTROID_MIN = 0.10  # similarity to a storyline's centroid needed to open an event in it
NEAR_EVENT_MIN = 0.08  # an article that opens an event this close to another storyline's
# event names that storyline as a neighbour (storyline.story_merges; 0.03 to 0.15 measured)
UNDATED_STORY_EVENT_MIN = 0.15  # an undated article joins an undated storyline via an event


@dataclass(slots=True)
class _Query:
    """An article ready for comparison. ``words``/``ents``: term id -> unit weight x IDF
    squared (so a dot product with a raw centroid is the IDF-weighted one); ``*_len``: the
    length of the IDF-weighted bag; ``top``: its (term, tf-idf weight) pairs to search by."""

    doc: Doc
    raw_words: dict[int, float]
    raw_ents: dict[int, float]
    words: dict[int, float]
    ents: dict[int, float]
    words_len: float
    ents_len: float
    top: list[tuple[int, float]]


@dataclass(slots=True)
class StoryAssignment:
    """The storyline and the event an article was put in, and ``near``: the other
    storylines it came close to when it opened an event (see :mod:`storyline.story_merges`)."""

    story: str
    event: str
    near: tuple[str, ...] = ()


def _gap(when: tuple[int, int, bool] | None, lo: int | None, hi: int | None) -> int | None:
    """Days between a date range and a cluster's span (0 when they overlap), None if unknown."""
    if when is None or lo is None or hi is None:
        return None
    return max(0, when[0] - hi, lo - when[1])


class StoryIndex:
    """Incremental storyline/event clustering; see the module docstring for the decision.

    Per article it keeps only its id and its event's key; the rest is per cluster
    (truncated centroids, postings) or per term (the vocabulary).
    """

    def __init__(
        self,
        story_threshold: float = STORY_THRESHOLD,
        event_threshold: float = EVENT_THRESHOLD,
        event_days: int = 3,
    ) -> None:
        self.story_threshold = story_threshold
        self.event_threshold = event_threshold
        self.event_days = event_days
        self._clusters: list[Cluster] = []  # storylines and events, by key
        self._by_id: dict[str, int] = {}  # unusual cluster ids (see _lookup) -> key
        self._where: dict[str, int] = {}  # article id -> event key
        self._vocab = Vocabulary()
        self._index = CandidateIndex()

    def __len__(self) -> int:
        return len(self._where)

    def assignment(self, article_id: str) -> StoryAssignment | None:
        """Where an article was put, or None when the index has not seen it."""
        key = self._where.get(article_id)
        if key is None:
            return None
        event = self._clusters[key]
        return StoryAssignment(self._clusters[event.story].id, event.id)

    def add(self, article: Article) -> StoryAssignment:
        """Place an article in a storyline and an event (opening new ones when nothing fits)."""
        known = self._where.get(article.id)
        if known is None and article.duplicate_of:
            known = self._where.get(article.duplicate_of)
        if known is not None:
            self._where[article.id] = known  # a copy goes with its original, adding no weight
            return self.assignment(article.id)  # type: ignore[return-value]
        query = self._query(features(article))
        event, story, near = self._decide(query)
        if event is None:
            if story is None:
                story = self._new(article.id, True, -1, query.doc.language)
            event = self._new(article.id, True, story.key, query.doc.language)
        self._absorb(article.id, event, query)
        placed = self.assignment(article.id)
        assert placed is not None
        others = sorted({self._clusters[k].id for k in near if k != event.story})
        return StoryAssignment(placed.story, placed.event, tuple(others))

    def _decide(self, query: _Query) -> tuple[Cluster | None, Cluster | None, list[int]]:
        """The event a new article joins, else (None, the storyline it opens an event in),
        else (None, None); with the keys of the storylines it came near when it did not join
        an event. Its side effects (old events retired, the centroid norms cached by the
        similarities) are part of the index's state, so :meth:`restore` runs it too."""
        when = query.doc.when
        self._index.retire(self._clusters)
        # an estimated date may be far off: it does not limit the search to recent events
        day = when[1] if when and not query.doc.estimated else None
        cold = self._index.needs_cold(day)
        keys = self._index.candidates(query.top, self._clusters, cold, day)
        candidates = [self._clusters[k] for k in keys]
        candidates = [e for e in candidates if _language_ok(query.doc, e)]
        event = self._best_event(query, candidates)
        if event is not None:
            return event, None, []
        return None, *self._best_story(query, candidates)

    def restore(self, article: Article) -> None:
        """Re-register an article whose ``story``/``event`` are already set, keeping them.

        An article without both ids is placed with :meth:`add` instead.
        """
        if article.id in self._where:
            return
        if not article.story or not article.event:
            self.add(article)
            return
        copy = bool(article.duplicate_of and article.duplicate_of in self._where)
        doc = None if copy else features(article)  # a copy adds no weight
        language = doc.language if doc else article.language
        # add's decision made again, not for its answer but for the norms it caches: the
        # restored index then scores the next article to the last digit as add's would
        query = None if doc is None else self._query(doc)
        if query is not None:
            self._decide(query)
        story_key = self._lookup(article.story, True)
        if story_key is None:
            story_key = self._open(article.story, article.id, -1, language)
        event_key = self._lookup(article.event, False)
        if event_key is None or self._clusters[event_key].story != story_key:
            event_key = self._open(article.event, article.id, story_key, language)
        if query is None:
            self._where[article.id] = event_key
        else:
            self._absorb(article.id, self._clusters[event_key], query)

    def _lookup(self, cluster_id: str, story: bool) -> int | None:
        """The key of a storyline (``story``) or event by id, None when there is none.

        Only ids that are not "s-"/"e-" + the first article's id are kept in a table; the
        others are found through their first article.
        """
        key = self._by_id.get(cluster_id)
        if key is not None:
            return key if (self._clusters[key].story < 0) == story else None
        prefix, first = cluster_id[:2], cluster_id[2:]
        where = self._where.get(first)
        if where is None or prefix != ("s-" if story else "e-"):
            return None
        event = self._clusters[where]
        found = self._clusters[event.story] if story else event
        return found.key if found.prefixed and found.name == first else None

    def _open(self, cluster_id: str, article_id: str, story: int, language: str | None) -> int:
        """Open a cluster under a given id (compactly when it is the usual id for the
        article that opens it)."""
        usual = ("s-" if story < 0 else "e-") + article_id
        if cluster_id == usual:
            return self._new(article_id, True, story, language).key
        return self._new(cluster_id, False, story, language).key

    # ------------------------------------------------------------------ internals

    def _new(self, name: str, prefixed: bool, story: int, language: str | None) -> Cluster:
        """Open a storyline (``story`` -1) or an event in storyline ``story``."""
        cluster = Cluster(len(self._clusters), name, prefixed, story, language)
        if story >= 0:
            parent = self._clusters[story]
            if parent.events == 0:
                cluster.ids = cluster.weights = None  # shares the storyline's centroid
                parent.first = cluster.key
            elif parent.events == 1:  # the first event stops sharing the centroid
                first = self._clusters[parent.first]
                first.ids, first.weights, first.split = parent.ids, parent.weights, parent.split
                first.norms = parent.norms
            parent.events += 1
        self._clusters.append(cluster)
        if not prefixed:
            self._by_id.setdefault(name, cluster.key)
        return cluster

    def _query(self, doc: Doc) -> _Query:
        """Count the article in the vocabulary and weigh its bags by the current IDF."""
        vocab = self._vocab
        vocab.n += 1
        word_ids = vocab.count(list(doc.words))
        ent_ids = vocab.count([ENTITY_PREFIX + k for k in doc.ents])
        raw_w = dict(zip(word_ids, doc.words.values(), strict=True))
        raw_e = dict(zip(ent_ids, doc.ents.values(), strict=True))
        sides = []
        for raw in (raw_w, raw_e):
            idf = {t: vocab.idf(t) for t in raw}
            weighted = {t: v * idf[t] ** 2 for t, v in raw.items()}
            length = math.sqrt(sum((v * idf[t]) ** 2 for t, v in raw.items()))
            shared = ((t, v * idf[t]) for t, v in raw.items() if vocab.freq(t) > 1)
            tfidf = sorted(shared, key=lambda p: (-p[1], p[0]))  # a term only here finds nothing
            sides.append((weighted, length, tfidf))
        (ww, wl, wt), (ew, el, et) = sides
        return _Query(doc, raw_w, raw_e, ww, ew, wl, el, wt[:QUERY_TERMS] + et[:QUERY_ENTITIES])

    def _owner(self, cluster: Cluster) -> Cluster:
        """The cluster that holds ``cluster``'s centroid (its storyline while shared)."""
        return cluster if cluster.ids is not None else self._clusters[cluster.story]

    def _norms(self, owner: Cluster) -> tuple[float, float]:
        """Lengths of the IDF-weighted centroid (words, entities), cached for a while."""
        n = self._vocab.n
        cached = owner.norms
        if cached is not None and n - cached[0] <= NORM_REFRESH * cached[0]:
            return cached[1], cached[2]
        idf = self._vocab.idf
        ids, weights, split = owner.ids or (), owner.weights or (), owner.split
        sums = [0.0, 0.0]
        for i, (tid, w) in enumerate(zip(ids, weights, strict=True)):
            sums[i >= split] += (w * idf(tid)) ** 2
        owner.norms = (n, math.sqrt(sums[0]), math.sqrt(sums[1]))
        return owner.norms[1], owner.norms[2]

    def _similarity(self, query: _Query, cluster: Cluster) -> float:
        """Word cosine, blended with the entity cosine when both sides have entities."""
        owner = self._owner(cluster)
        assert owner.ids is not None and owner.weights is not None
        dots = [0.0, 0.0]
        bags = (query.words, query.ents)
        for i, (tid, w) in enumerate(zip(owner.ids, owner.weights, strict=True)):
            side = i >= owner.split
            q = bags[side].get(tid)
            if q is not None:
                dots[side] += q * w
        norm_w, norm_e = self._norms(owner)
        text = dots[0] / (query.words_len * norm_w) if dots[0] > 0 else 0.0
        if not query.ents or not norm_e:
            return text
        ents = dots[1] / (query.ents_len * norm_e) if dots[1] > 0 else 0.0
        return (1.0 - ENTITY_WEIGHT) * text + ENTITY_WEIGHT * ents

    def _best_event(self, query: _Query, candidates: list[Cluster]) -> Cluster | None:
        """The candidate event the article joins (best score; earliest opened on ties).

        Both dates exact: the gap to the event's span must be at most ``event_days`` and the
        widened span at most twice that. Otherwise the similarity must clear an extra margin
        and a known gap be at most ``COARSE_EVENT_DAYS``.
        """
        best, best_score = None, -1.0
        when = query.doc.when
        for event in candidates:
            gap = _gap(when, event.lo, event.hi)
            exact = gap is not None and bool(when and when[2]) and event.days
            if exact and when and event.lo is not None and event.hi is not None:
                span = max(event.hi, when[1]) - min(event.lo, when[0])
                if gap > self.event_days or span > 2 * self.event_days:  # type: ignore[operator]
                    continue
            elif gap is not None and gap > COARSE_EVENT_DAYS and not query.doc.estimated:
                continue
            loose = event.days and not exact  # a dated-to-the-day event, a vaguer article
            need = self.event_threshold + (UNDATED_EVENT_MARGIN if loose else 0.0)
            if when is None and event.lo is not None:
                need = max(need, self.event_threshold + DATELESS_MARGIN)
            score = self._similarity(query, event)
            if score >= need and (score, -event.key) > (best_score, -(best.key if best else 0)):
                best, best_score = event, score
        return best

    def _best_story(
        self, query: _Query, candidates: list[Cluster]
    ) -> tuple[Cluster | None, list[int]]:
        """The storyline scoring best at or above the story threshold (earliest on ties),
        and the keys of the storylines holding a candidate event at ``NEAR_EVENT_MIN``.

        A storyline's score is the best of its candidate events and its centroid, damped by
        the time gap; a storyline whose centroid the article hardly resembles
        (``STORY_CENTROID_MIN``) is not joined through one similar event: that is how
        unrelated stories used to chain into one (measured on bench/stream.py's stream: at
        30k articles, 13% of articles sat in a storyline of another source category; 6.8%
        with the check at 0.05; session 11 raised it to 0.10, see docs/benchmarks.md).
        An undated article joins an undated storyline through one of its events
        (``UNDATED_STORY_EVENT_MIN``), not its centroid alone: else undated news gathers in
        topic buckets (docs/evaluation.md, session 18).
        """
        scores: dict[int, float] = {}
        for event in candidates:
            score = self._similarity(query, event)
            scores[event.story] = max(score, scores.get(event.story, 0.0))
        best, best_score = None, self.story_threshold
        for key in sorted(scores):
            story = self._clusters[key]
            centroid = self._similarity(query, story)
            if centroid < STORY_CENTROID_MIN:  # it touches one event, not the storyline
                continue
            undated = query.doc.when is None and story.lo is None
            if undated and scores[key] < UNDATED_STORY_EVENT_MIN:
                continue  # no date vouches for the storyline: one of its events must
            score = max(scores[key], centroid)
            gap = _gap(query.doc.when, story.lo, story.hi)
            if gap is not None and gap > STORY_GRACE_DAYS:
                score *= 0.5 ** ((gap - STORY_GRACE_DAYS) / STORY_HALF_LIFE_DAYS)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = story, score
        return best, [key for key in sorted(scores) if scores[key] >= NEAR_EVENT_MIN]

    def _absorb(self, article_id: str, event: Cluster, query: _Query) -> None:
        """Record the article in ``event`` and its storyline, and re-list the event."""
        story = self._clusters[event.story]
        self._where[article_id] = event.key
        when = query.doc.when
        for cluster in (event, story):
            cluster.size += 1
            if cluster.language is None:
                cluster.language = query.doc.language
            if when is not None:
                cluster.lo = when[0] if cluster.lo is None else min(cluster.lo, when[0])
                cluster.hi = when[1] if cluster.hi is None else max(cluster.hi, when[1])
                cluster.days = cluster.days or when[2]
            if cluster.ids is not None:
                merge(cluster, query.raw_words, query.raw_ents, self._vocab)
        if not event.hot:  # an old event revived by an article from its time
            event.hot, event.indexed = True, None
        owner = self._owner(event)
        self._index.list_event(event, top_terms(owner, INDEXED_TERMS, self._vocab))
        self._index.touch(event, when[1] if when and not query.doc.estimated else None)


def _language_ok(doc: Doc, cluster: Cluster) -> bool:
    """Languages never mix; an unknown language (on either side) agrees with anything."""
    return not doc.language or cluster.language in (None, doc.language)
