"""Briefing: a short extractive summary of a story in which every sentence cites its sources.

Sentences are scored by how central they are to the story (TF-IDF cosine to the story's
centroid), by how many independent articles carry a sentence saying much the same
(cross-source support), and by their position (news puts the main point first). The
summary is picked greedily with maximal marginal relevance so it does not repeat itself,
then read in publication order. A sentence cites its own article and every other article
with a sentence similar enough to count as saying the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from storyline.model import Article, SummarySentence

MIN_WORDS, MAX_WORDS = 7, 55
SUPPORT_SIMILARITY = 0.4  # cosine at which another article's sentence counts as support
REDUNDANCY = 0.5  # cosine above which a candidate repeats an already chosen sentence
MMR_LAMBDA = 0.7
MAX_SENTENCES = 6

_DATELINE = re.compile(r"^[^\n]{0,80}\([A-Z][^)]{1,40}\)\s*[-–—]+\s*")


@dataclass(slots=True)
class _Candidate:
    article: Article
    order: int  # position of the article in publication order
    position: int  # sentence index inside the article
    text: str


def candidate_sentences(articles: list[Article]) -> list[_Candidate]:
    """Sentences fit to stand alone in a summary: complete, of a readable length."""
    found = []
    for order, article in enumerate(articles):
        for position, (start, end) in enumerate(article.analysis.sentences):
            text = _DATELINE.sub("", " ".join(article.text[start:end].split()))
            words = text.split()
            if not MIN_WORDS <= len(words) <= MAX_WORDS:
                continue
            if not text[0].isupper() or text.endswith("?") or text[-1] not in ".!\"”’'":
                continue
            found.append(_Candidate(article, order, position, text))
    return found


def _independent_root(article: Article) -> str:
    return article.duplicate_of or article.id


def summarise(articles: list[Article], max_sentences: int = MAX_SENTENCES) -> list[SummarySentence]:
    """The summary of one story, articles given in publication order."""
    candidates = candidate_sentences(articles)
    if not candidates:
        return []
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
            [c.text for c in candidates]
        )
    except ValueError:  # only stop words
        return []
    similarity = (matrix @ matrix.T).toarray()
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = matrix @ (centroid / norm) if norm else np.zeros(len(candidates))
    roots = [_independent_root(c.article) for c in candidates]
    independent = len(set(roots))
    supporters = [
        sorted(
            {c.article.id for c, s in zip(candidates, row, strict=True) if s >= SUPPORT_SIMILARITY}
        )
        for row in similarity
    ]
    support = np.array(
        [
            len({roots[j] for j, s in enumerate(row) if s >= SUPPORT_SIMILARITY}) / independent
            for row in similarity
        ]
    )
    lead = np.array([1.0 if c.position < 2 else 0.0 for c in candidates])
    relevance = 0.6 * np.asarray(centrality).ravel() + 0.3 * support + 0.1 * lead
    limit = min(max_sentences, max(2, independent + 1))
    chosen: list[int] = []
    while len(chosen) < limit:
        best, best_score = -1, -np.inf
        for i in range(len(candidates)):
            if i in chosen:
                continue
            overlap = max((similarity[i][j] for j in chosen), default=0.0)
            if overlap >= REDUNDANCY:
                continue
            score = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * overlap
            if score > best_score:
                best, best_score = i, score
        if best < 0:
            break
        chosen.append(best)
    chosen.sort(key=lambda i: (candidates[i].order, candidates[i].position))
    return [SummarySentence(text=candidates[i].text, sources=supporters[i]) for i in chosen]
