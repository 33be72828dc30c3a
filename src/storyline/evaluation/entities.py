"""Cross-document entity resolution scored against MEANTIME (``storyline eval entities``).

Each MEANTIME corpus is one story; :mod:`storyline.evaluation.meantime` reads the gold,
says which gold mentions are in scope (named people, organisations, places) and aligns
system mentions with them. Storyline's mentions (the pipeline's spaCy model and
:func:`storyline.entities.extract_mentions`) are grouped three ways: by storyline's alias
resolution (:func:`storyline.aliases.resolve_mentions`) and by two baselines over the
same mentions, ``exact`` (same normalised surface form: case, punctuation, "the", 's)
and ``head`` (same last word of it).

Views: ``found`` compares the two partitions on the in-scope gold mentions storyline
found (aligned), anywhere in the documents: it measures the grouping alone.
``end-to-end`` works on the fully annotated part of each document (title, dateline and
the first sentences: later sentences hold only mentions of the corpus's chosen entities)
and compares every in-scope gold mention with every scored storyline mention: those
aligned with in-scope gold, and those aligned with nothing that lie inside no gold
mention (a name inside a product name or inside an apposition is not annotated on its
own, so it is neither credited nor counted spurious). Twinless mentions are scored as
the CoNLL scorer does (:mod:`storyline.evaluation.coref`).

Held out: the corpora in :data:`DEV_CORPORA` are the development half; every other
corpus is "test", for which only the summary table is ever printed.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from storyline.aliases import fold
from storyline.entities import clean_name
from storyline.evaluation.coref import Scores, score
from storyline.evaluation.meantime import (
    DEV_CORPORA,
    EntityDoc,
    GoldMention,
    align,
    half_of_corpus,
    read_corpora,
)
from storyline.model import Analysis, Article, Mention

__all__ = [
    "DEV_CORPORA",
    "HALVES",
    "SYSTEMS",
    "EntityEvaluation",
    "Row",
    "evaluate_entities",
    "format_errors",
    "format_table",
    "read_corpora",
]


# --------------------------------------------------------------------------- systems

MentionFinder = Callable[[str], list[Mention]]
Resolver = Callable[[list[Article]], list[list[Hashable | None]]]


def storyline_mentions(text: str) -> list[Mention]:
    """Storyline's mentions of ``text``, from the pipeline as the project configures it."""
    from storyline.entities import extract_mentions
    from storyline.nlp import parse

    return extract_mentions(parse(text))


def resolve_storyline(articles: list[Article]) -> list[list[Hashable | None]]:
    """Entity of each mention by storyline's alias resolution over the whole story."""
    from storyline.aliases import resolve_mentions

    return list(resolve_mentions(articles)[1])


def resolve_exact(articles: list[Article]) -> list[list[Hashable | None]]:
    """Baseline: one entity per normalised surface form (case, punctuation, "the", 's)."""
    return [[fold(clean_name(m.text)) or None for m in a.analysis.mentions] for a in articles]


def resolve_head(articles: list[Article]) -> list[list[Hashable | None]]:
    """Baseline: one entity per last word of the normalised surface form."""
    return [
        [(fold(clean_name(m.text)).split() or [None])[-1] for m in a.analysis.mentions]
        for a in articles
    ]


SYSTEMS: dict[str, Resolver] = {
    "storyline": resolve_storyline,
    "exact": resolve_exact,
    "head": resolve_head,
}
VIEWS = ("found", "end-to-end")
HALVES = ("dev", "test")


# --------------------------------------------------------------------------- scoring


@dataclass(slots=True)
class Story:
    """A corpus as storyline sees it: one article per gold document with all its mentions,
    their alignment to the gold, and which of them the end-to-end view scores."""

    corpus: str
    docs: list[EntityDoc]
    articles: list[Article]
    aligned: list[dict[int, GoldMention]]
    scored: list[set[int]]


def predict(corpus: str, docs: list[EntityDoc], finder: MentionFinder) -> Story:
    """Run ``finder`` on every document of a corpus and align its mentions to the gold.

    End to end, a mention is scored when it aligns with an in-scope gold mention of the
    fully annotated part, or aligns with nothing there and lies inside no gold mention
    (a name inside a product name or an apposition is not annotated on its own).
    """
    story = Story(corpus, docs, [], [], [])
    for doc in docs:
        mentions = finder(doc.text)
        pairs = align(doc.mentions, [(m.start, m.end) for m in mentions])
        scored = set()
        for i, m in enumerate(mentions):
            if i in pairs:
                if pairs[i].in_scope and pairs[i].start < doc.dense_end:
                    scored.add(i)
            elif m.start < doc.dense_end and not any(
                g.start <= m.start and m.end <= g.end for g in doc.mentions
            ):
                scored.add(i)
        art = Article(doc.name, doc.name, 1, None, doc.text, analysis=Analysis())
        art.analysis.mentions = mentions
        story.articles.append(art)
        story.aligned.append({i: g for i, g in pairs.items() if g.in_scope})
        story.scored.append(scored)
    return story


Partitions = tuple[dict[Hashable, Hashable], dict[Hashable, Hashable]]


def partitions(story: Story, resolver: Resolver, view: str) -> Partitions:
    """Key and response partitions of one story for one view (ids unique per corpus).

    ``found``: the in-scope gold mentions storyline found, anywhere in the documents.
    ``end-to-end``: the fully annotated part, every in-scope gold mention against every
    scored storyline mention.
    """
    assigned = resolver(story.articles)
    key: dict[Hashable, Hashable] = {}
    response: dict[Hashable, Hashable] = {}
    c = story.corpus
    for doc, pairs, scored, clusters in zip(
        story.docs, story.aligned, story.scored, assigned, strict=True
    ):
        wanted = set(pairs) if view == "found" else scored
        for i, cluster in enumerate(clusters):
            if cluster is None or i not in wanted:
                continue
            gold = pairs.get(i)
            mid = gold.id if gold is not None else f"{doc.name}#sys{i}"
            response[(c, mid)] = (c, cluster)
            if gold is not None:
                key[(c, mid)] = (c, gold.cluster)
        if view != "found":
            for g in doc.mentions:
                if g.in_scope and g.start < doc.dense_end:
                    key[(c, g.id)] = (c, g.cluster)
    return key, response


@dataclass(frozen=True, slots=True)
class Row:
    """Scores of one system, view and corpus (or "all" of a half)."""

    half: str
    corpus: str
    system: str
    view: str
    gold: int  # key mentions
    system_mentions: int  # response mentions
    scores: Scores

    def to_dict(self) -> dict[str, Any]:
        return {
            "half": self.half,
            "corpus": self.corpus,
            "system": self.system,
            "view": self.view,
            "gold_mentions": self.gold,
            "system_mentions": self.system_mentions,
            **self.scores.to_dict(),
        }


@dataclass(slots=True)
class EntityEvaluation:
    """All rows, the mention-detection counts per corpus, and (dev only) error lines."""

    rows: list[Row]
    detection: dict[str, dict[str, int]]
    errors: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"rows": [r.to_dict() for r in self.rows], "detection": self.detection}


def evaluate_entities(
    corpora: dict[str, list[EntityDoc]],
    half: str | None = None,
    finder: MentionFinder = storyline_mentions,
    systems: dict[str, Resolver] | None = None,
    max_errors: int = 0,
) -> EntityEvaluation:
    """Score every system on every corpus of ``half`` (both halves when None)."""
    systems = systems or SYSTEMS
    halves = [half] if half else ["dev", "test"]
    rows: list[Row] = []
    detection: dict[str, dict[str, int]] = {}
    errors: list[str] = []
    for h in halves:
        stories = [
            predict(c, docs, finder) for c, docs in corpora.items() if half_of_corpus(c) == h
        ]
        for story in stories:
            detection[story.corpus] = _detection(story)
        for name, resolver in systems.items():
            for view in VIEWS:
                parts = {s.corpus: partitions(s, resolver, view) for s in stories}
                for corpus, (key, resp) in parts.items():
                    rows.append(Row(h, corpus, name, view, len(key), len(resp), score(key, resp)))
                if len(parts) > 1:
                    key = {k: v for p in parts.values() for k, v in p[0].items()}
                    resp = {k: v for p in parts.values() for k, v in p[1].items()}
                    rows.append(Row(h, "all", name, view, len(key), len(resp), score(key, resp)))
        if h == "dev" and max_errors:
            errors += _errors(stories, systems.get("storyline", resolve_storyline), max_errors)
    return EntityEvaluation(rows, detection, errors)


def _detection(story: Story) -> dict[str, int]:
    """Mention counts of the fully annotated part: in-scope gold, found, storyline's."""
    gold = sum(g.in_scope and g.start < d.dense_end for d in story.docs for g in d.mentions)
    found = sum(
        g.start < d.dense_end
        for d, pairs in zip(story.docs, story.aligned, strict=True)
        for g in pairs.values()
    )
    system = sum(len(s) for s in story.scored)
    return {"gold": gold, "found": found, "system": system}


def _errors(stories: list[Story], resolver: Resolver, limit: int) -> list[str]:
    """Wrong merges and splits on the found mentions (for development; dev corpora only)."""
    lines: list[str] = []
    for story in stories:
        key, resp = partitions(story, resolver, "found")
        text = {(story.corpus, g.id): g.text for pairs in story.aligned for g in pairs.values()}
        for kind, a, b in (("merged", resp, key), ("split", key, resp)):
            groups: dict[Hashable, dict[Hashable, set[str]]] = {}
            for mid, cluster in a.items():
                groups.setdefault(cluster, {}).setdefault(b[mid], set()).add(text[mid])
            for cluster, parts in groups.items():
                if len(parts) > 1:
                    shown = " | ".join(", ".join(sorted(p)) for p in parts.values())
                    lines.append(f"{kind:<6} {story.corpus}: {cluster[1]}: {shown}")
    return lines[:limit]


def format_errors(result: EntityEvaluation) -> str:
    """The development error lines (wrong merges and splits on the dev corpora)."""
    return "\n".join(result.errors) if result.errors else "no errors listed"


def format_table(result: EntityEvaluation) -> str:
    """Plain-text table: one line per half, corpus, view and system; figures in percent."""
    head = (
        f"{'half':<5} {'corpus':<7} {'view':<10} {'system':<9} {'gold':>5} {'sys':>5} "
        f"{'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'MUC F1':>7} {'CEAFe':>6} {'CoNLL':>6}"
    )
    lines = [head, "-" * len(head)]
    order = sorted(
        result.rows,
        key=lambda r: (r.half, r.corpus == "all", r.corpus, VIEWS.index(r.view)),
    )
    for r in order:
        s = r.scores
        lines.append(
            f"{r.half:<5} {r.corpus:<7} {r.view:<10} {r.system:<9} {r.gold:>5} "
            f"{r.system_mentions:>5} {100 * s.b_cubed.precision:>6.1f} "
            f"{100 * s.b_cubed.recall:>6.1f} {100 * s.b_cubed.f1:>6.1f} {100 * s.muc.f1:>7.1f} "
            f"{100 * s.ceaf_e.f1:>6.1f} {100 * s.conll:>6.1f}"
        )
    lines.append("fully annotated part: in-scope gold mentions / found / storyline's scored")
    for corpus, d in result.detection.items():
        lines.append(f"  {corpus}: {d['gold']} / {d['found']} / {d['system']}")
    return "\n".join(lines)
