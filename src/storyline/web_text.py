"""Article text for the web pages: sentences, highlights and the sentence behind a citation.

Pure functions over :class:`~storyline.model.Article`. The text is never turned into
markup here: it is cut into pieces (plain strings with the kinds of highlight that cover
them), and the template escapes every piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from storyline.model import Article

_WORD = re.compile(r"\w+")
MIN_OVERLAP = 0.34  # share of a cited text's words a sentence must hold to count as its source


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted span of the text: ``kind`` is "time", "entity" or "quantity"."""

    start: int
    end: int
    kind: str
    tip: str  # what the analysis read there, e.g. "DATE 2025-11-03"


@dataclass(slots=True)
class Chunk:
    """A run of one sentence inside one paragraph, cut where highlights begin and end."""

    sentence: int | None  # index into the article's sentences, None between sentences
    anchor: bool  # True for the first chunk of its sentence (it carries the id)
    pieces: list[dict[str, Any]] = field(default_factory=list)  # {"text", "kinds", "tip"}


def sentence_spans(article: Article) -> list[tuple[int, int]]:
    """The article's sentences as character spans (its lines when it has no analysis)."""
    if article.analysis.sentences:
        return [(int(a), int(b)) for a, b in article.analysis.sentences]
    spans, at = [], 0
    for line in article.text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def best_sentence(article: Article, text: str) -> int | None:
    """Index of the article sentence that says ``text`` (most of its words), if any."""
    wanted = words(text)
    if not wanted:
        return None
    best, best_score = None, MIN_OVERLAP
    for index, (start, end) in enumerate(sentence_spans(article)):
        score = len(wanted & words(article.text[start:end])) / len(wanted)
        if score > best_score + 1e-9:
            best, best_score = index, score
    return best


def sentence_text(article: Article, index: int | None) -> str:
    spans = sentence_spans(article)
    if index is None or not 0 <= index < len(spans):
        return ""
    start, end = spans[index]
    return article.text[start:end].strip()


def marks(article: Article) -> list[Mark]:
    """Time expressions, entity mentions and quantities found in the article's text."""
    found = []
    for t in article.analysis.times:
        tip = f"{t.type} {t.value}" + (f" ({t.mod})" if t.mod else "")
        found.append(Mark(t.start, t.end, "time", tip))
    for m in article.analysis.mentions:
        found.append(Mark(m.start, m.end, "entity", m.label))
    for q in article.analysis.quantities:
        value = int(q.value) if float(q.value).is_integer() else q.value
        low = None if q.low is None else f"{int(q.low) if float(q.low).is_integer() else q.low} to"
        tip = " ".join(str(p) for p in (q.hedge, low, value, q.unit) if p)
        if q.subject:
            tip += f" ({q.subject})"
        found.append(Mark(q.start, q.end, "quantity", tip))
    size = len(article.text)
    return [m for m in found if 0 <= m.start < m.end <= size]


def paragraphs(article: Article) -> list[list[Chunk]]:
    """The text as paragraphs of sentence chunks, each cut into highlighted pieces."""
    text = article.text
    spans = sentence_spans(article)
    found = marks(article)
    seen: set[int] = set()
    result = []
    at = 0
    for line in text.split("\n"):
        start, end = at, at + len(line)
        at = end + 1
        if not line.strip():
            continue
        chunks = []
        for sentence, a, b in _runs(spans, start, end):
            chunk = Chunk(sentence, sentence is not None and sentence not in seen)
            if sentence is not None:
                seen.add(sentence)
            chunk.pieces = _pieces(text, a, b, found)
            chunks.append(chunk)
        result.append(chunks)
    return result


def _runs(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int | None, int, int]]:
    """[start, end) cut into (sentence index or None, from, to) runs."""
    runs: list[tuple[int | None, int, int]] = []
    at = start
    for index, (a, b) in enumerate(spans):
        a, b = max(a, start), min(b, end)
        if a >= b or a < at:
            continue
        if a > at:
            runs.append((None, at, a))
        runs.append((index, a, b))
        at = b
    if at < end:
        runs.append((None, at, end))
    return runs


def _pieces(text: str, start: int, end: int, found: list[Mark]) -> list[dict[str, Any]]:
    inside = [m for m in found if m.start < end and m.end > start]
    cuts = sorted(
        {start, end, *(max(start, m.start) for m in inside), *(min(end, m.end) for m in inside)}
    )
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in inside if m.start <= a and m.end >= b]
        kinds = sorted({m.kind for m in covering})
        tip = "; ".join(f"{m.kind}: {m.tip}" for m in covering)
        pieces.append({"text": text[a:b], "kinds": kinds, "tip": tip})
    return pieces
