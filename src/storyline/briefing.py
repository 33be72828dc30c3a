"""Briefing: a short extractive summary of a story in which every sentence cites its sources.

Sentences are scored by how central they are to the story (TF-IDF cosine to the story's
centroid), by how many independent articles carry a sentence saying much the same
(cross-source support), and by their position (news puts the main point first). The
summary is picked greedily with maximal marginal relevance so it does not repeat itself,
then read in publication order. A sentence cites its own article and every other article
with a sentence similar enough to count as saying the same, and giving every figure it gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from storyline.furniture import without_dateline
from storyline.model import Article, SummarySentence, source_of

MIN_WORDS, MAX_WORDS = 7, 55
SUPPORT_SIMILARITY = 0.4  # cosine at which another article's sentence counts as support
REDUNDANCY = 0.5  # cosine above which a candidate repeats an already chosen sentence
MMR_LAMBDA = 0.7
MAX_SENTENCES = 6
POOL = 400  # candidates the pairwise steps compare (see summarise)

_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# A sentence that opens by pointing back ("He said", "The pair's row", "But the deal") means
# what the sentence before it in its article says: in a summary of several sources it would
# seem to point at the previous summary sentence instead ("The former Portsmouth boss
# replaces ..." under a sentence on another manager).
_POINTS_BACK = re.compile(
    r"^(?:he|she|it|they|his|her|its|their|him|them|such|"
    r"(?:this|these|those|that)\b(?!\s+(?:year|week|month|morning|afternoon|evening|"
    r"weekend|season|summer|winter|spring|autumn)\b)|"
    r"but|and|or|so|yet|also|however|meanwhile|instead|still|besides|moreover|then|"
    r"the (?:pair|two|three|duo|trio|couple|latter|same)|"
    r"the former (?:\w+ ){0,2}(?:boss|manager|coach|chief|player|star|singer|minister|"
    r"president|leader|champion|head))\b(?!-)",
    re.IGNORECASE,
)


# A sentence past its article's lead that opens with a definite description ("The firm",
# "The service", "The entertainment device") and names nobody means what an earlier one named.
_DEFINITE = re.compile(r"^(?:The|This|These|Those)\s+[a-z]")


@dataclass(slots=True)
class _Candidate:
    article: Article
    order: int  # position of the article in publication order
    position: int  # sentence index inside the article
    text: str
    times: frozenset[str] = frozenset()  # the values of the time expressions it holds
    places: frozenset[str] = frozenset()  # the places it names (GPE, LOC, FAC), lower case
    names: tuple[str, ...] = ()  # the people it names, as written


def candidate_sentences(articles: list[Article]) -> list[_Candidate]:
    """Sentences fit to stand alone in a summary: complete, of a readable length, not
    opening by pointing back at what the sentence before them said."""
    found = []
    for order, article in enumerate(articles):
        for position, (start, end) in enumerate(article.analysis.sentences):
            text = without_dateline(" ".join(article.text[start:end].split()))
            words = text.split()
            if not MIN_WORDS <= len(words) <= MAX_WORDS:
                continue
            if not text[0].isupper() or text.endswith("?") or text[-1] not in ".!\"”’'":
                continue
            if _POINTS_BACK.match(text):
                continue
            analysis = article.analysis
            times = frozenset(t.value for t in analysis.times if start <= t.start < end)
            mentions = [m for m in analysis.mentions if start <= m.start < end]
            if position and analysis.mentions and not mentions and _DEFINITE.match(text):
                continue  # past the lead, "The firm said it hoped to pay $100m": which firm?
            places = frozenset(m.text.lower() for m in mentions if m.label in _PLACE_LABELS)
            names = tuple(m.text for m in mentions if m.label == "PERSON")
            found.append(_Candidate(article, order, position, text, times, places, names))
    return found


_WORD = re.compile(r"[^\W_]+")
_REPORTING = frozenset({"said", "says", "say", "told", "according", "added"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _stems(candidate: _Candidate) -> frozenset[str]:
    """A sentence's content words outside people's names, cut to five letters ("operations",
    "operates" -> "opera"), the words of reporting left out."""
    text = candidate.text
    for name in candidate.names:
        text = text.replace(name, " ")
    return frozenset(
        w[:5]
        for w in _WORD.findall(text.lower())
        if len(w) > 2 and w not in ENGLISH_STOP_WORDS and w not in _REPORTING
    )


def supports(sentence: _Candidate, other: _Candidate, stems: tuple[frozenset[str], ...]) -> bool:
    """Whether ``other`` says what ``sentence`` says, beyond being alike (the caller checks
    the cosine and the figures): it holds more than half of the sentence's content words
    outside people's names, shares a time when both name one, and names no other place.

    From BBC news: "Mobile operators O2 and Vodafone are among the operators trialling mobile
    TV" is alike enough to a 40-word sentence on a glut of mobile TV trials, and says a sixth
    of it; "goes on sale on Saturday" is not "went on sale in the UK last week"; a party
    chairman's two statements share her name and little else. And residents of the Lower
    Quay district going home by March are not families of the Millbrook district."""
    mine, theirs = stems
    if not mine or len(mine & theirs) * 2 <= len(mine):
        return False
    if sentence.times and other.times and not sentence.times & other.times:
        return False
    return not (sentence.places - other.places and other.places - sentence.places)


def summarise(articles: list[Article], max_sentences: int = MAX_SENTENCES) -> list[SummarySentence]:
    """The summary of one story, articles given in publication order.

    The pairwise steps (support, redundancy) run on a pool of the candidates most central
    or nearest the top of their article (:func:`_pool`), so a story of thousands of
    articles costs time in proportion to its size; a story with at most ``POOL``
    candidates is read whole.
    """
    candidates = candidate_sentences(articles)
    if not candidates:
        return []
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
            [c.text for c in candidates]
        )
    except ValueError:  # only stop words
        return []
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    centrality = (
        np.asarray(matrix @ (centroid / norm)).ravel() if norm else np.zeros(len(candidates))
    )
    lead = np.array([1.0 if c.position < 2 else 0.0 for c in candidates])
    by_id = {a.id: a for a in articles}
    roots = [source_of(c.article, by_id) for c in candidates]
    independent = len(set(roots))
    limit = min(max_sentences, max(2, independent + 1))
    pool = _pool(matrix, 0.6 * centrality + 0.1 * lead, limit)
    # each pooled candidate against every candidate: sparse, one row per pooled candidate
    against_all = (matrix[pool] @ matrix.T).tocsr()
    # a sentence supports another only when it gives every figure the other gives ("at
    # least 23,000 people killed" is not supported by "25,000 died")
    figures = [frozenset(_FIGURE.findall(c.text)) for c in candidates]
    stems: dict[int, frozenset[str]] = {}  # read at the first need

    def stem(k: int) -> frozenset[str]:
        if k not in stems:
            stems[k] = _stems(candidates[k])
        return stems[k]

    supporters, support = [], []
    for row in range(len(pool)):
        cells = against_all.indices[against_all.indptr[row] : against_all.indptr[row + 1]]
        values = against_all.data[against_all.indptr[row] : against_all.indptr[row + 1]]
        me = pool[row]
        near = [
            j
            for j in cells[values >= SUPPORT_SIMILARITY]
            if figures[me] <= figures[j]
            and (j == me or supports(candidates[me], candidates[j], (stem(me), stem(j))))
        ]
        supporters.append(sorted({candidates[j].article.id for j in near}))
        support.append(len({roots[j] for j in near}) / independent)
    similarity = against_all[:, pool].toarray()
    relevance = 0.6 * centrality[pool] + 0.3 * np.array(support) + 0.1 * lead[pool]
    chosen: list[int] = []  # positions in the pool
    while len(chosen) < limit:
        best, best_score = -1, -np.inf
        for i in range(len(pool)):
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
    picked = sorted(chosen, key=lambda i: (candidates[pool[i]].order, candidates[pool[i]].position))
    return [SummarySentence(text=candidates[pool[i]].text, sources=supporters[i]) for i in picked]


def _pool(matrix: Any, prior: np.ndarray, wanted: int) -> list[int]:
    """The candidates the pairwise steps compare, in their original order: all of them
    when there are at most ``POOL``; else the best by ``prior``, ``POOL`` at a time, until
    ``wanted`` of them do not repeat one another (a big story's most central sentences
    are often one statement many times over)."""
    if len(prior) <= POOL:
        return list(range(len(prior)))
    order = [int(i) for i in np.argsort(-prior, kind="stable")]
    pool: list[int] = []
    distinct: list[int] = []  # pool members, none repeating another
    for start in range(0, len(order), POOL):
        chunk = order[start : start + POOL]
        pool += chunk
        to_distinct = (matrix[chunk] @ matrix[distinct].T).toarray() if distinct else None
        within = (matrix[chunk] @ matrix[chunk].T).toarray()
        kept: list[int] = []  # positions in the chunk of its new distinct members
        for pos, index in enumerate(chunk):
            if to_distinct is not None and to_distinct[pos].max() >= REDUNDANCY:
                continue
            if any(within[pos][k] >= REDUNDANCY for k in kept):
                continue
            kept.append(pos)
            distinct.append(index)
        if len(distinct) >= wanted:
            break
    return sorted(pool)
