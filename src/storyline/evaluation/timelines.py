"""Story timelines scored on SemEval-2015 Task 4 (TimeLine: cross-document event ordering).

The task orders a target entity's *events* across the 30 news documents of a corpus; a
gold line is ``order<TAB>date<TAB>event ids``, an event id ``doc-sentence-token`` (the
sentence is the ``<s id>`` of the Track A ``.tml`` file), ``XXXX-XX-XX`` an undated event.
storyline builds story timelines from dated sentences, not event tokens, so the adaptation
works "at the story level":

* a corpus is one story. Each ``.tml`` becomes a :class:`~storyline.model.RawDocument`
  (its ``<s>`` lines lightly detokenised, one per line; its DCT as ``published``
  metadata), goes through :func:`storyline.pipeline.analyse_document`, and the corpus's
  articles through :func:`storyline.timeline.timeline_groups`.
* each sentence an entry rests on is a system item ``(doc, sentence, date)`` with the
  entry's date (what a reader sees). ``<s>`` lines are found in the cleaned article text
  and an anchor's span goes to the ``<s>`` it overlaps most. Lines the cleaning removed
  (the headline, ``<s id="0">``, becomes the title; the date line is a timestamp) cannot
  be anchors: gold items there count as misses (``gold_in_removed_lines``).
* an entity keeps the items whose sentence mentions it, matched on folded text (case and
  punctuation ignored, whole words, one extra word allowed inside: "iTunes Music Store"
  for "iTunes store") by its name, by the aliases storyline's entity resolution
  (:func:`storyline.aliases.resolve_entities`) groups with it (surnames, acronyms), by
  parts of two words or more that storyline found as entities ("Apple Corps" for
  "Beatles Apple Corps"), and case-sensitively by the initials of a name of three or more
  capitalised words ("USAF"). No coreference: "he", "the company" are not matched.
* gold items are the dated events as ``(doc, sentence, date)``, the date at the gold's
  precision ("2005-01-XX" -> "2005-01").

Scores per entity, summed per corpus and overall (micro): precision, recall and F1 of
sentences (items match on ``(doc, sentence)``); date accuracy on matched sentences (the
system date cut to the gold's precision equals it; a coarser one is wrong); order
agreement over pairs of matched sentences whose gold dates are strictly ordered: the share
storyline orders the same way (a tie or containment counts as disagreement).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.aliases import fold, resolve_entities
from storyline.evaluation.semeval import (
    GoldTimeline,
    Key,
    TmlDocument,
    parse_gold,
    raw_document,
    read_tml,
    sentence_id,
    sentence_spans,
)
from storyline.model import Article
from storyline.pipeline import analyse_document
from storyline.timeline import timeline_groups

__all__ = ["TimelineScores", "TimelinesResult", "evaluate_timelines", "score_entity"]

TEXTS = "corpus_trackA_TimeML"
GOLD = "TimeLines_Gold_Standard"
TRIAL_TEXTS = "Corpus-trial-data_task4_TimeML"
TRIAL_GOLD = "TimeLines_trial_data_task4_v1.2"


# --------------------------------------------------------------------------- names


def _initials(name: str) -> str | None:
    words = name.split()
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) >= 3 and len(caps) == len([w for w in words if w.lower() not in ("of", "and")]):
        return "".join(w[0] for w in caps)
    return None


def name_forms(name: str, articles: list[Article]) -> tuple[set[str], set[str]]:
    """How ``name`` may be written: (folded forms matched without case, case-kept acronyms).

    The folded forms are the name, the aliases storyline's entity resolution groups with
    it, and the parts of two words or more that storyline found as an entity of their own
    ("Beatles Apple Corps" -> "Apple Corps").
    """
    target = fold(name)
    words = target.split()
    parts = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)}
    forms = {target}
    for entity in resolve_entities(articles):
        written = {fold(a) for a in [entity.name, *entity.aliases]} - {""}
        if target in written:
            forms |= written
        forms |= written & parts
    acronyms = {a for a in [_initials(name)] if a}
    return forms, acronyms


def mentions_name(sentence: str, forms: set[str], acronyms: set[str]) -> bool:
    """True when ``sentence`` holds one of the forms as whole words (a form of several
    words also with one extra word inside: "iTunes store" in "iTunes Music Store")."""
    folded = f" {fold(sentence)} "
    for form in forms:
        gaps = r" (?:\S+ )?".join(re.escape(w) for w in form.split())
        if re.search(f" {gaps} ", folded):
            return True
    return any(re.search(rf"\b{re.escape(a)}\b", sentence) for a in acronyms)


# --------------------------------------------------------------------------- scoring


def date_agrees(system: str, gold: str) -> bool:
    """The system date, cut to the gold's precision, is the gold date (a coarser one is not)."""
    return len(system) >= len(gold) and system.startswith(gold)


def _order(a: str, b: str) -> int | None:
    """-1/1 when ``a`` is strictly before/after ``b``; None when one contains the other."""
    n = min(len(a), len(b))
    if a[:n] == b[:n]:
        return None
    return -1 if a[:n] < b[:n] else 1


_COUNTS = ("gold", "system", "matched", "date_correct", "pairs", "pairs_agree")
_RATES = ("precision", "recall", "f1", "date_accuracy", "order_agreement")


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@dataclass(slots=True)
class TimelineScores:
    """Counts behind the scores (they add up across entities and corpora) and the rates."""

    gold: int = 0  # gold (doc, sentence) items
    system: int = 0  # system (doc, sentence) items
    matched: int = 0
    date_correct: int = 0
    pairs: int = 0  # pairs of matched items strictly ordered in the gold
    pairs_agree: int = 0  # of those, ordered the same way by storyline

    def add(self, other: TimelineScores) -> None:
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return _rate(self.matched, self.system)

    @property
    def recall(self) -> float:
        return _rate(self.matched, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return _rate(self.date_correct, self.matched)

    @property
    def order_agreement(self) -> float:
        return _rate(self.pairs_agree, self.pairs)

    def to_dict(self) -> dict[str, Any]:
        counts = {k: getattr(self, k) for k in _COUNTS}
        return {**counts, **{k: round(getattr(self, k), 4) for k in _RATES}}


def score_entity(system: dict[Key, set[str]], gold: dict[Key, set[str]]) -> TimelineScores:
    """Scores of one entity's system items against its gold items (both keyed by sentence)."""
    scores = TimelineScores(gold=len(gold), system=len(system))
    chosen: dict[Key, tuple[str, str]] = {}  # matched sentence -> (system date, gold date)
    for key in sorted(system.keys() & gold.keys()):
        pairs = [(s, g) for s in sorted(system[key]) for g in sorted(gold[key])]
        right = [p for p in pairs if date_agrees(*p)]
        chosen[key] = right[0] if right else pairs[0]
        scores.date_correct += bool(right)
    scores.matched = len(chosen)
    keys = sorted(chosen)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            gold_order = _order(chosen[a][1], chosen[b][1])
            if gold_order is None:
                continue
            scores.pairs += 1
            scores.pairs_agree += _order(chosen[a][0], chosen[b][0]) == gold_order
    return scores


# --------------------------------------------------------------------------- running


@dataclass(slots=True)
class CorpusResult:
    """One corpus: its scores, per entity and summed, and how many gold items it could not
    reach (in lines the cleaning removed)."""

    name: str
    documents: int
    total: TimelineScores
    entities: dict[str, TimelineScores] = field(default_factory=dict)
    gold_in_removed_lines: int = 0
    baseline: TimelineScores = field(default_factory=TimelineScores)


@dataclass(slots=True)
class TimelinesResult:
    """Scores per corpus and overall (micro: counts summed over every entity)."""

    corpora: list[CorpusResult]

    @property
    def overall(self) -> TimelineScores:
        total = TimelineScores()
        for corpus in self.corpora:
            total.add(corpus.total)
        return total

    @property
    def baseline(self) -> TimelineScores:
        total = TimelineScores()
        for corpus in self.corpora:
            total.add(corpus.baseline)
        return total

    @property
    def gold_in_removed_lines(self) -> int:
        return sum(c.gold_in_removed_lines for c in self.corpora)

    def to_dict(self) -> dict[str, Any]:
        corpora = {
            c.name: {
                "documents": c.documents,
                "gold_in_removed_lines": c.gold_in_removed_lines,
                **c.total.to_dict(),
                "entities": {e: s.to_dict() for e, s in c.entities.items()},
                "dct_baseline": c.baseline.to_dict(),
            }
            for c in self.corpora
        }
        overall = {"gold_in_removed_lines": self.gold_in_removed_lines, **self.overall.to_dict()}
        baseline = self.baseline.to_dict()
        return {"corpora": corpora, "overall": overall, "dct_baseline": baseline}

    def table(self) -> str:
        """A text table: one row per corpus, then the overall row ("in-title": gold items in
        lines the cleaning removed, out of storyline's reach)."""
        rows = [
            f"{'corpus':<10}{'gold':>6}{'sys':>6}{'match':>6}{'P':>7}{'R':>7}{'F1':>7}"
            f"{'date':>7}{'order':>7}{'in-title':>9}"
        ]
        totals = [(c.name, c.total, c.gold_in_removed_lines) for c in self.corpora]
        totals.append(("overall", self.overall, self.gold_in_removed_lines))
        totals.append(("baseline", self.baseline, self.gold_in_removed_lines))
        for name, s, lost in totals:
            rows.append(
                f"{name:<10}{s.gold:>6}{s.system:>6}{s.matched:>6}{s.precision:>7.3f}"
                f"{s.recall:>7.3f}{s.f1:>7.3f}{s.date_accuracy:>7.3f}{s.order_agreement:>7.3f}"
                f"{lost:>9}"
            )
        rows.append(
            "baseline: every sentence naming the entity, dated by its document's creation date"
        )
        return "\n".join(rows)


def story_items(
    docs: list[TmlDocument],
) -> tuple[list[Article], dict[Key, set[str]], dict[Key, str]]:
    """Run storyline over one corpus: its articles, the entry dates of every anchored
    ``(doc, sentence)``, and the text of every sentence found in the cleaned articles."""
    articles: list[Article] = []
    located: dict[str, tuple[str, list[tuple[int, int, int]]]] = {}
    texts: dict[Key, str] = {}
    for doc in docs:
        for article in analyse_document(raw_document(doc)):
            articles.append(article)
            spans = sentence_spans(doc, article.text)
            located[article.id] = (doc.docid, spans)
            texts.update({(doc.docid, sid): article.text[s:e] for s, e, sid in spans})
    items: dict[Key, set[str]] = defaultdict(set)
    for group in timeline_groups(articles):
        for anchor in group.anchors:
            docid, spans = located[anchor.article]
            sid = sentence_id(spans, anchor.start, anchor.end)
            if sid is not None:
                items[(docid, sid)].add(group.entry.date)
    return articles, dict(items), texts


def evaluate_corpus(name: str, docs: list[TmlDocument], golds: list[GoldTimeline]) -> CorpusResult:
    """Scores of storyline's story timeline of ``docs`` against each entity's gold."""
    articles, items, texts = story_items(docs)
    dcts = {doc.docid: doc.dct for doc in docs}
    result = CorpusResult(name, len(docs), TimelineScores())
    for gold in sorted(golds, key=lambda g: g.entity):
        forms, acronyms = name_forms(gold.entity, articles)
        system = {k: v for k, v in items.items() if mentions_name(texts[k], forms, acronyms)}
        scores = score_entity(system, gold.items)
        result.entities[gold.entity] = scores
        result.total.add(scores)
        result.gold_in_removed_lines += sum(1 for k in gold.items if k not in texts)
        named = {k for k in texts if mentions_name(texts[k], forms, acronyms)}
        result.baseline.add(score_entity({k: {dcts[k[0]]} for k in named}, gold.items))
    return result


def _corpus_dirs(root: Path, trial: bool) -> list[tuple[str, Path, Path]]:
    """(name, texts dir, gold dir) of every corpus under ``root``."""
    found = []
    for base in [root, *sorted(p for p in root.rglob("*") if p.is_dir())]:
        if trial and (base / TRIAL_TEXTS).is_dir() and (base / TRIAL_GOLD).is_dir():
            found.append(("trial", base / TRIAL_TEXTS, base / TRIAL_GOLD))
        elif not trial and (base / TEXTS).is_dir() and (base / GOLD).is_dir():
            found.append((base.name, base / TEXTS, base / GOLD))
    return found


def evaluate_timelines(
    root: Path, trial: bool = False, corpora: list[str] | None = None
) -> TimelinesResult:
    """Score storyline's story timelines on the SemEval-2015 Task 4 data under ``root``.

    ``root`` may be the data set's folder, ``SemEval_Task4_data`` or one ``corpus_N``.
    ``trial`` scores the trial data instead of the test corpora; ``corpora`` keeps only
    the named corpora (e.g. ``["corpus_1"]``).
    """
    results = []
    for name, texts, gold_dir in _corpus_dirs(Path(root), trial):
        if corpora is not None and name not in corpora:
            continue
        docs = [read_tml(p) for p in sorted(texts.glob("*.tml"))]
        golds = [parse_gold(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.txt"))]
        results.append(evaluate_corpus(name, docs, golds))
    return TimelinesResult(results)
