"""Online two-level clustering of articles: storylines (long-running stories) and events.

Each article is described by a sparse bag of words (title + body, lowercased, stop words
removed, title words weighted up, sublinear counts), a bag of its named entities (when the
nlp stage found any) and its publication date. Inverse document frequencies are kept up to
date inside the index, so nothing has to be refitted as articles arrive: cluster centroids
hold raw (length-normalised) counts and IDF is applied when comparing.

An article joins the storyline with the best combined similarity (text cosine, entity
cosine, damped by the time gap) when it reaches ``story_threshold``, else opens a new
storyline; inside it, it joins the best event when the similarity reaches
``event_threshold`` and the dates lie within ``event_days`` (a much higher bar when a date
is unknown or coarser than a day), else opens a new event. Clusters never mix languages.
Ids are ``"s-"`` / ``"e-"`` + the id of the cluster's first article.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.model import Article

_STOP = ENGLISH_STOP_WORDS | {
    "said", "says", "say", "told", "according", "also", "just", "new", "year", "years",
    "time", "week", "day", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "mr", "mrs", "ms", "like", "including",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_ENT_PUNCT = re.compile(r"[.\u2019'`]+|\s+")

TITLE_WEIGHT = 3.0  # a title word counts as much as this many body words
ENTITY_WEIGHT = 0.35  # share of the entity cosine in the combined similarity
STORY_GRACE_DAYS = 30  # no time penalty for storyline members closer than this
STORY_HALF_LIFE_DAYS = 180  # beyond the grace period, similarity halves every this many days
UNDATED_EVENT_MARGIN = 0.1  # extra similarity an undated article needs to join an event


def _stem(word: str) -> str:
    """A light plural/possessive stripping so 'strikes' and 'strike' share a feature."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content words of ``text``: lowercased letter runs, stop words and 1-2 letter words out."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP]


def entity_key(text: str) -> str:
    """A mention text normalised for matching: lowercase, no leading 'the', no possessive."""
    key = text.lower().strip()
    for suffix in ("'s", "\u2019s"):
        key = key.removesuffix(suffix)
    key = key.removeprefix("the ")
    return _ENT_PUNCT.sub(lambda m: " " if m.group().isspace() else "", key).strip()


def _unit(counts: dict[str, float]) -> dict[str, float]:
    """Sublinear (1 + log) counts scaled to unit length; empty stays empty."""
    weights = {k: 1.0 + math.log(v) if v >= 1 else v for k, v in counts.items() if v > 0}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: w / norm for k, w in weights.items()} if norm else {}


def date_range(value: str | None) -> tuple[int, int, bool] | None:
    """A YYYY[-MM[-DD]] value as (first day, last day, is-a-single-day) ordinals, or None."""
    try:
        nums = [int(p) for p in (value or "")[:10].split("-") if p][:3]
        if len(nums) == 3:
            day = date(*nums).toordinal()
            return day, day, True
        if len(nums) == 2:
            nxt = date(nums[0] + nums[1] // 12, nums[1] % 12 + 1, 1).toordinal()
            return date(nums[0], nums[1], 1).toordinal(), nxt - 1, False
        if len(nums) == 1:
            return date(nums[0], 1, 1).toordinal(), date(nums[0], 12, 31).toordinal(), False
    except ValueError:
        return None
    return None


@dataclass(slots=True)
class _Doc:
    """The features of one article."""

    words: dict[str, float]
    ents: dict[str, float]
    when: tuple[int, int, bool] | None
    language: str | None


@dataclass(slots=True)
class _Query:
    """An article's features ready for comparison: IDF-weighed bags and the date/language."""

    doc: _Doc
    words: tuple[dict[str, float], float]
    ents: tuple[dict[str, float], float]


def features(article: Article) -> _Doc:
    """Bag of words, bag of entities, date range and language of an article."""
    counts: dict[str, float] = {}
    for w in terms(article.title or ""):
        counts[w] = counts.get(w, 0.0) + TITLE_WEIGHT
    for w in terms(article.text):
        counts[w] = counts.get(w, 0.0) + 1.0
    ents: dict[str, float] = {}
    for mention in article.analysis.mentions:
        key = entity_key(mention.text)
        if key:
            ents[key] = ents.get(key, 0.0) + 1.0
    return _Doc(_unit(counts), _unit(ents), date_range(article.published.value), article.language)


@dataclass(slots=True)
class _Cluster:
    """A storyline or an event: summed member features, date span, language, members."""

    id: str
    language: str | None
    words: dict[str, float] = field(default_factory=dict)
    ents: dict[str, float] = field(default_factory=dict)
    lo: int | None = None  # earliest known day of a member
    hi: int | None = None  # latest known day of a member
    days: bool = False  # True when some member has a single-day date
    articles: list[str] = field(default_factory=list)
    events: list[_Cluster] = field(default_factory=list)  # storylines only
    norms: dict[str, tuple[int, float]] = field(default_factory=dict)  # IDF norm cache

    def absorb(self, doc: _Doc | None, article_id: str) -> None:
        """Add a member; ``doc`` None registers membership only (a copy adds no weight)."""
        self.articles.append(article_id)
        if doc is None:
            return
        self.norms.clear()
        if self.language is None:
            self.language = doc.language
        for bag, mine in ((doc.words, self.words), (doc.ents, self.ents)):
            for k, v in bag.items():
                mine[k] = mine.get(k, 0.0) + v
        if doc.when is not None:
            lo, hi, exact = doc.when
            self.lo = lo if self.lo is None else min(self.lo, lo)
            self.hi = hi if self.hi is None else max(self.hi, hi)
            self.days = self.days or exact


def _gap(when: tuple[int, int, bool] | None, lo: int | None, hi: int | None) -> int | None:
    """Days between a date range and a cluster's span (0 when they overlap), None if unknown."""
    if when is None or lo is None or hi is None:
        return None
    return max(0, when[0] - hi, lo - when[1])


@dataclass(slots=True)
class StoryAssignment:
    """The storyline and the event an article was put in."""

    story: str
    event: str


class StoryIndex:
    """Incremental storyline/event clustering; see the module docstring for the decision."""

    def __init__(
        self, story_threshold: float = 0.15, event_threshold: float = 0.2, event_days: int = 3
    ) -> None:
        self.story_threshold = story_threshold
        self.event_threshold = event_threshold
        self.event_days = event_days
        self._stories: list[_Cluster] = []
        self._by_id: dict[str, _Cluster] = {}  # story and event ids -> clusters
        self._where: dict[str, StoryAssignment] = {}
        self._df: dict[str, int] = {}
        self._edf: dict[str, int] = {}
        self._n = 0

    def __len__(self) -> int:
        return len(self._where)

    def assignment(self, article_id: str) -> StoryAssignment | None:
        """Where an article was put, or None when the index has not seen it."""
        return self._where.get(article_id)

    def add(self, article: Article) -> StoryAssignment:
        """Place an article in a storyline and an event (opening new ones when nothing fits)."""
        if article.id in self._where:
            return self._where[article.id]
        if article.duplicate_of and article.duplicate_of in self._where:
            return self._register(article.id, self._where[article.duplicate_of], None)
        doc = features(article)
        self._count(doc)
        query = _Query(doc, self._weigh(doc.words, self._df), self._weigh(doc.ents, self._edf))
        story = self._best_story(query)
        if story is None:
            return self._register(article.id, StoryAssignment("s-" + article.id, ""), doc)
        event = self._best_event(query, story)
        target = StoryAssignment(story.id, event.id if event else "")
        return self._register(article.id, target, doc)

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
        doc = None if copy else features(article)
        if doc is not None:
            self._count(doc)
        self._register(article.id, StoryAssignment(article.story, article.event), doc)

    # ------------------------------------------------------------------ internals

    def _count(self, doc: _Doc) -> None:
        """Update document frequencies with one more article."""
        self._n += 1
        for bag, df in ((doc.words, self._df), (doc.ents, self._edf)):
            for k in bag:
                df[k] = df.get(k, 0) + 1

    def _register(
        self, article_id: str, where: StoryAssignment, doc: _Doc | None
    ) -> StoryAssignment:
        """Record the placement, creating the storyline/event when their ids are new."""
        story = self._by_id.get(where.story)
        if story is None:
            story = _Cluster(where.story, doc.language if doc else None)
            self._stories.append(story)
            self._by_id[story.id] = story
        event_id = where.event or "e-" + article_id
        event = self._by_id.get(event_id)
        if event is None:
            event = _Cluster(event_id, story.language)
            story.events.append(event)
            self._by_id[event_id] = event
        story.absorb(doc, article_id)
        event.absorb(doc, article_id)
        result = StoryAssignment(story.id, event_id)
        self._where[article_id] = result
        return result

    def _weigh(self, bag: dict[str, float], df: dict[str, int]) -> tuple[dict[str, float], float]:
        """An article bag as (term -> weight * idf squared, length of the idf-weighted bag)."""
        n = self._n
        idf = {k: math.log((n + 1) / (df.get(k, 0) + 1)) + 1.0 for k in bag}
        length = math.sqrt(sum((v * idf[k]) ** 2 for k, v in bag.items()))
        return {k: v * idf[k] ** 2 for k, v in bag.items()}, length

    def _norm(self, cluster: _Cluster, kind: str) -> float:
        """Length of a cluster's idf-weighted centroid, cached until the cluster changes or
        the collection grows by more than 5% (IDF moves slowly once there are many articles)."""
        cached = cluster.norms.get(kind)
        n = self._n
        if cached is not None and n - cached[0] <= 0.05 * cached[0]:
            return cached[1]
        df = self._df if kind == "words" else self._edf
        centroid = cluster.words if kind == "words" else cluster.ents
        total = sum(
            (v * (math.log((n + 1) / (df.get(k, 0) + 1)) + 1.0)) ** 2 for k, v in centroid.items()
        )
        cluster.norms[kind] = (n, math.sqrt(total))
        return cluster.norms[kind][1]

    def _cosine(self, query: tuple[dict[str, float], float], cluster: _Cluster, kind: str) -> float:
        """IDF-weighted cosine between a weighed article bag and a cluster centroid."""
        weights, length = query
        centroid = cluster.words if kind == "words" else cluster.ents
        if not weights or not centroid or not length:
            return 0.0
        dot = sum(w * centroid[k] for k, w in weights.items() if k in centroid)
        return dot / (length * self._norm(cluster, kind)) if dot > 0 else 0.0

    def _similarity(self, query: _Query, cluster: _Cluster, entities: bool = True) -> float:
        """Text cosine, blended with entity cosine when asked and both sides have entities."""
        text = self._cosine(query.words, cluster, "words")
        if not entities or not query.ents[0] or not cluster.ents:
            return text
        ents = self._cosine(query.ents, cluster, "ents")
        return (1.0 - ENTITY_WEIGHT) * text + ENTITY_WEIGHT * ents

    def _best_story(self, query: _Query) -> _Cluster | None:
        """The storyline scoring best at or above the story threshold (earliest on ties)."""
        best, best_score = None, self.story_threshold
        doc = query.doc
        for story in self._stories:
            if doc.language and story.language not in (None, doc.language):
                continue  # languages never mix (an unknown language agrees with anything)
            score = self._similarity(query, story)
            if len(story.events) > 1:
                score = max([score] + [self._similarity(query, e) for e in story.events])
            gap = _gap(doc.when, story.lo, story.hi)
            if gap is not None and gap > STORY_GRACE_DAYS:
                score *= 0.5 ** ((gap - STORY_GRACE_DAYS) / STORY_HALF_LIFE_DAYS)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = story, score
        return best

    def _best_event(self, query: _Query, story: _Cluster) -> _Cluster | None:
        """The event of ``story`` the article joins (best similarity), or None to open one.

        Both dates known to the day: the gap to the event's span must be at most
        ``event_days`` and the widened span at most twice that. Otherwise (a date unknown or
        only a month/year) the similarity must clear an extra margin, and a known gap must
        still be compatible.
        """
        best, best_score = None, -1.0
        doc = query.doc
        for event in story.events:
            gap = _gap(doc.when, event.lo, event.hi)
            if gap is not None and gap > self.event_days:
                continue
            precise = gap is not None and bool(doc.when and doc.when[2]) and event.days
            if precise and doc.when and event.lo is not None and event.hi is not None:
                span = max(event.hi, doc.when[1]) - min(event.lo, doc.when[0])
                if span > 2 * self.event_days:
                    continue
            need = self.event_threshold + (0.0 if precise else UNDATED_EVENT_MARGIN)
            score = self._similarity(query, event, entities=False)
            if score >= need and score > best_score:
                best, best_score = event, score
        return best


def cluster(
    articles: Iterable[Article],
    story_threshold: float = 0.15,
    event_threshold: float = 0.2,
    event_days: int = 3,
) -> dict[str, StoryAssignment]:
    """Cluster a batch: article id -> assignment, adding by date (unknown last), then id.

    Copies (``duplicate_of``) are added after their original wherever they sort.
    """
    ordered = sorted(articles, key=_order_key)
    index = StoryIndex(story_threshold, event_threshold, event_days)
    pending = [a for a in ordered if not a.duplicate_of]
    pending += [a for a in ordered if a.duplicate_of]
    return {a.id: index.add(a) for a in pending}


def _order_key(article: Article) -> tuple[int, str, str]:
    """Sort key: dated articles first by their first possible day, then by id."""
    when = date_range(article.published.value)
    return (0, f"{when[0]:08d}", article.id) if when else (1, "", article.id)
