"""Storyline and event clustering measured on ECB+ (``storyline eval clusters``).

ECB+ groups news articles in topics; each topic holds two different real events of one kind
(two Oscar host announcements, two earthquakes). Gold: ``LABELS.csv`` with ``file,event,topic``.
A topic is taken as a storyline and an event as an event.

The documents are read and analysed by storyline's own stages (``read_file``,
``analyse_document``), then placed the way :func:`storyline.pipeline.assign_pending` places
them: in publication order, copies found by the duplicate index first. Two baselines cluster
the same title + body texts in the same run:

* TF-IDF (scikit-learn, English stop words, sublinear counts) and average-link
  agglomerative clustering on cosine distance, cut at a distance threshold;
* NMF topics on the same TF-IDF matrix, each article assigned to its dominant topic, with
  the number of topics set as (number of articles / articles per topic).

Both baselines' settings are tuned on the dev half, for each level separately (events,
storylines), and then applied unchanged to the test half. Split: the topics sorted by number,
even positions (1st, 3rd, ...) form the dev half, odd positions the test half. Each half is
clustered on its own, so the test half is never seen while tuning.

Scores: B-cubed precision/recall/F1 (per article, averaged over articles) and pairwise
precision/recall/F1 (over pairs of articles put together). :func:`evaluate_clusters` does
the reading (I/O); everything else is pure.
"""

from __future__ import annotations

import warnings
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.dedupe import DuplicateIndex
from storyline.evaluation.bootstrap import Bootstrap, ItemScores, bcubed_items, topic_bootstrap
from storyline.evaluation.coref import PRF, b_cubed
from storyline.evaluation.ecbplus import Label, load_articles, read_labels, split_topics
from storyline.events import form_events, publication_order
from storyline.model import Article
from storyline.stories import StoryIndex
from storyline.story_merges import heal, neighbours

HALVES = ("dev", "test")
LEVELS = ("event", "story")
# Grids the baselines are tuned over (on the dev half only).
DISTANCE_GRID = tuple(round(0.30 + 0.02 * i, 2) for i in range(35))  # 0.30 .. 0.98
PER_TOPIC_GRID = tuple(range(2, 41))  # articles per NMF topic
SYSTEMS = ("storyline", "tfidf-agglomerative", "nmf-topics")
EVENT_TARGET = 0.90  # the event-level B-cubed F1 target (the bootstrap reports it)
_MISSING = object()  # the cluster label of an item the system left out (one per item)


# --------------------------------------------------------------------------- metrics


# one precision/recall/F1 record for every scorer (see storyline.evaluation.coref)
Score = PRF


def bcubed(system: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> Score:
    """B-cubed precision and recall (Bagga and Baldwin 1998) over the gold's items.

    For each item: precision is the share of its system cluster that shares its gold
    cluster, recall the share of its gold cluster found in its system cluster; both are
    averaged over the items. Only the gold's items count, and an item missing from
    ``system`` counts as a singleton; with that, this is coreference's mention-based
    B-cubed (:func:`storyline.evaluation.coref.b_cubed`), which is what computes it.
    """
    if not gold:
        return Score(1.0, 1.0)
    completed = {item: system.get(item, (_MISSING, item)) for item in gold}
    return b_cubed(gold, completed)


def pairwise(system: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> Score:
    """Pairwise precision and recall over the unordered pairs of gold items.

    Precision: share of the pairs the system puts together that the gold puts together;
    recall: share of the gold's pairs the system puts together. With no pair on a side the
    corresponding figure is 1.0 (nothing was wrongly joined / nothing was to be found).
    """
    items = sorted(gold)
    both = sys_pairs = gold_pairs = 0
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            same_sys = a in system and b in system and system[a] == system[b]
            same_gold = gold[a] == gold[b]
            sys_pairs += same_sys
            gold_pairs += same_gold
            both += same_sys and same_gold
    return Score(both / sys_pairs if sys_pairs else 1.0, both / gold_pairs if gold_pairs else 1.0)


# --------------------------------------------------------------------------- systems


def storyline_partition(articles: Sequence[Article]) -> tuple[dict[str, str], dict[str, str]]:
    """(article id -> storyline id, article id -> event id), placed as a pipeline run does.

    Articles go in publication order (unknown dates last, then by id); each is first
    checked against the duplicate index, then placed in a storyline by the index, as
    :func:`storyline.pipeline.assign_pending` does. The events of each storyline are then
    formed from all its members (:func:`storyline.events.form_events`), after the
    storylines an event straddles are merged (:mod:`storyline.story_merges`).
    """
    ordered = sorted(articles, key=publication_order)
    duplicates, index = DuplicateIndex(), StoryIndex()
    members: dict[str, list[Article]] = defaultdict(list)
    placed = []
    for article in ordered:
        article.duplicate_of = duplicates.add(article.id, article.text)
        where = index.add(article)
        members[where.story].append(article)
        placed.append((where.story, where.near))
    stories: dict[str, str] = {}
    events: dict[str, str] = {}
    for story, group in heal(members, neighbours(placed)).items():
        for article_id, event in form_events(group).items():
            stories[article_id], events[article_id] = story, event
    return stories, events


def _tfidf(texts: Sequence[str]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)


def agglomerative(matrix: Any, threshold: float) -> list[int]:
    """Average-link agglomerative clusters on cosine distance, cut at ``threshold``."""
    from sklearn.cluster import AgglomerativeClustering

    if matrix.shape[0] < 2:
        return [0] * matrix.shape[0]
    model = AgglomerativeClustering(
        n_clusters=None, distance_threshold=threshold, metric="cosine", linkage="average"
    )
    return [int(x) for x in model.fit_predict(matrix.toarray())]


def nmf_topics(matrix: Any, per_topic: int) -> list[int]:
    """NMF with (articles / ``per_topic``) topics; each article goes to its dominant topic."""
    from sklearn.decomposition import NMF
    from sklearn.exceptions import ConvergenceWarning

    rows = matrix.shape[0]
    k = max(1, min(rows, round(rows / per_topic)))
    if k == 1:
        return [0] * rows
    model = NMF(n_components=k, init="nndsvd", max_iter=400, random_state=0)
    with warnings.catch_warnings():  # a tiny input may not converge: still a partition
        warnings.simplefilter("ignore", ConvergenceWarning)
        weights = model.fit_transform(matrix)
    return [int(x) for x in weights.argmax(axis=1)]


def article_text(article: Article) -> str:
    """What the baselines read: the title and the body."""
    return f"{article.title or ''}\n{article.text}"


# --------------------------------------------------------------------------- evaluation


@dataclass(slots=True)
class LevelScores:
    """One system's scores at one level on one half."""

    bcubed: Score
    pairwise: Score
    setting: float | int | None = None  # the tuned baseline setting, None for storyline
    items: ItemScores = field(default_factory=dict, repr=False)  # per article, for the bootstrap

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"bcubed": self.bcubed.to_dict(), "pairwise": self.pairwise.to_dict()}
        if self.setting is not None:
            out["setting"] = self.setting
        return out


@dataclass(slots=True)
class HalfResult:
    """Scores on one half: system -> level -> scores, with the half's size."""

    half: str
    topics: int
    articles: int
    events: int
    scores: dict[str, dict[str, LevelScores]] = field(default_factory=dict)
    topic_of: dict[str, str] = field(default_factory=dict, repr=False)  # article -> topic
    bootstrap: Bootstrap | None = None  # event level, over topic draws (when asked)


@dataclass(slots=True)
class ClusterEvaluation:
    """The whole run: the tuned baseline settings and the scores of every half scored."""

    tuned: dict[str, dict[str, float | int]]
    halves: list[HalfResult]
    url_line: str = "metadata"  # where ECB+'s leading URL line went (see evaluation.ecbplus)

    def to_dict(self) -> dict[str, Any]:
        return {
            "split": "topics sorted by number: even positions dev, odd positions test",
            "url_line": self.url_line,
            "tuned_on_dev": self.tuned,
            "halves": {
                h.half: {
                    "topics": h.topics,
                    "articles": h.articles,
                    "events": h.events,
                    "scores": {
                        s: {lvl: sc.to_dict() for lvl, sc in levels.items()}
                        for s, levels in h.scores.items()
                    },
                    **({"event_bootstrap": h.bootstrap.to_dict()} if h.bootstrap else {}),
                }
                for h in self.halves
            },
        }

    def table(self) -> str:
        lines = []
        for h in self.halves:
            lines.append(
                f"{h.half} half: {h.topics} topics, {h.articles} articles, {h.events} events"
            )
            lines.append(
                f"  {'level':<6} {'system':<22} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6}"
                f" {'pair P':>6} {'pair R':>6} {'pairF1':>6}  setting"
            )
            for level in LEVELS:
                for system in SYSTEMS:
                    sc = h.scores[system][level]
                    b, p = sc.bcubed, sc.pairwise
                    setting = "" if sc.setting is None else str(sc.setting)
                    lines.append(
                        f"  {level:<6} {system:<22} {b.precision:6.3f} {b.recall:6.3f} {b.f1:6.3f}"
                        f" {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}  {setting}"
                    )
            if h.bootstrap is not None:
                lines += h.bootstrap.lines(f"event B3 F1 over {h.topics} topics")
            lines.append("")
        tuned = "; ".join(
            f"{level}: distance {v['distance']}, {v['per_topic']} articles per NMF topic"
            for level, v in self.tuned.items()
        )
        lines.append(f"baselines tuned on the dev half ({tuned})")
        lines.append(f"leading URL line read as: {self.url_line}")
        return "\n".join(lines)


def _gold_maps(
    articles: Sequence[Article], labels: Mapping[str, Label]
) -> dict[str, dict[str, str]]:
    return {
        "event": {a.id: labels[a.source].event for a in articles},
        "story": {a.id: labels[a.source].topic for a in articles},
    }


def _score(
    system: Sequence[Hashable] | Mapping[str, Hashable], ids: Sequence[str], gold: Mapping[str, str]
) -> tuple[Score, Score]:
    mapping = system if isinstance(system, Mapping) else dict(zip(ids, system, strict=True))
    return bcubed(mapping, gold), pairwise(mapping, gold)


def tune_baselines(
    articles: Sequence[Article], labels: Mapping[str, Label]
) -> dict[str, dict[str, float | int]]:
    """The distance threshold and articles-per-topic with the best B-cubed F1, per level."""
    ids = [a.id for a in articles]
    matrix = _tfidf([article_text(a) for a in articles])
    gold = _gold_maps(articles, labels)
    tuned: dict[str, dict[str, float | int]] = {}
    for level in LEVELS:
        best_d = max(
            DISTANCE_GRID,
            key=lambda t: (_score(agglomerative(matrix, t), ids, gold[level])[0].f1, -t),
        )
        best_k = max(
            PER_TOPIC_GRID,
            key=lambda k: (_score(nmf_topics(matrix, k), ids, gold[level])[0].f1, -k),
        )
        tuned[level] = {"distance": best_d, "per_topic": best_k}
    return tuned


def score_half(
    half: str,
    articles: Sequence[Article],
    labels: Mapping[str, Label],
    tuned: Mapping[str, Mapping[str, float | int]],
) -> HalfResult:
    """Storyline and both baselines (with the tuned settings) on one half's articles."""
    ids = [a.id for a in articles]
    gold = _gold_maps(articles, labels)
    matrix = _tfidf([article_text(a) for a in articles])
    stories, events = storyline_partition(articles)
    sizes = (len(set(gold["story"].values())), len(articles), len(set(gold["event"].values())))
    result = HalfResult(half, *sizes, topic_of=gold["story"])
    result.scores = {system: {} for system in SYSTEMS}
    for level in LEVELS:
        d, k = tuned[level]["distance"], int(tuned[level]["per_topic"])
        found: dict[str, tuple[Mapping[str, Hashable], float | int | None]] = {
            "storyline": ({"event": events, "story": stories}[level], None),
            "tfidf-agglomerative": (_by_id(agglomerative(matrix, float(d)), ids), d),
            "nmf-topics": (_by_id(nmf_topics(matrix, k), ids), k),
        }
        for system, (partition, setting) in found.items():
            bcubed_score, pair_score = _score(partition, ids, gold[level])
            items = bcubed_items(partition, gold[level])
            result.scores[system][level] = LevelScores(bcubed_score, pair_score, setting, items)
    return result


def _by_id(labels: Sequence[Hashable], ids: Sequence[str]) -> dict[str, Hashable]:
    return dict(zip(ids, labels, strict=True))


def event_bootstrap(result: HalfResult, draws: int, seed: int = 0) -> Bootstrap:
    """The spread of each system's event B-cubed F1 over ``draws`` draws of the half's
    topics (:mod:`storyline.evaluation.bootstrap`), storyline the reference."""
    per_system = {system: result.scores[system]["event"].items for system in SYSTEMS}
    return topic_bootstrap(per_system, result.topic_of, EVENT_TARGET, draws, seed)


def evaluate_clusters(
    folder: Path,
    labels_path: Path,
    half: str | None = None,
    limit_topics: int | None = None,
    progress: Callable[[int], Callable[[], None]] | None = None,
    url_line: str = "metadata",
    draws: int = 0,
) -> ClusterEvaluation:
    """Tune the baselines on the dev half, then score every system on the halves asked for.

    ``folder`` holds the documents (``docs/`` inside it is used when present); ``half`` None
    scores both halves; ``limit_topics`` keeps the first N topics of each half (development
    runs). ``progress(total)`` is called once and returns a callback run per document.
    ``url_line``: "metadata" (the document's URL, out of every system's text) or "text".
    ``draws`` > 0 adds the event level's topic bootstrap (:func:`event_bootstrap`) per half.
    """
    docs = folder / "docs" if (folder / "docs").is_dir() else folder
    try:
        labels = {k: v for k, v in read_labels(labels_path).items() if (docs / k).is_file()}
    except KeyError as exc:
        raise ValueError(f"{labels_path}: needs the columns file, event, topic") from exc
    if not labels:
        raise ValueError(f"{docs}: none of the files named in {labels_path} is there")
    halves = split_topics({v.topic for v in labels.values()})
    if limit_topics is not None:
        halves = {k: v[:limit_topics] for k, v in halves.items()}
    wanted = HALVES if half is None else ("dev", half) if half == "test" else ("dev",)
    files = {
        h: sorted(f for f, lab in labels.items() if lab.topic in set(halves[h])) for h in wanted
    }
    advance = progress(sum(len(v) for v in files.values())) if progress else None
    articles = {h: load_articles(docs, files[h], advance, url_line) for h in wanted}
    tuned = tune_baselines(articles["dev"], labels)
    shown = HALVES if half is None else (half,)
    scored = [score_half(h, articles[h], labels, tuned) for h in shown]
    for result in scored:
        result.bootstrap = event_bootstrap(result, draws) if draws > 0 else None
    return ClusterEvaluation(tuned, scored, url_line)


def stderr_progress(console: Any, every: int = 50) -> Callable[[int], Callable[[], None]]:
    """A ``progress`` for :func:`evaluate_clusters` printing "analysed N/T" every ``every``."""

    def start(total: int) -> Callable[[], None]:
        done = [0]

        def advance() -> None:
            done[0] += 1
            if done[0] % every == 0 or done[0] == total:
                console.print(f"analysed {done[0]}/{total} documents")

        return advance

    return start
