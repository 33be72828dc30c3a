"""Titles for stories and events: the most central article's title, or its lead sentence."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from storyline.furniture import without_dateline
from storyline.model import Article
from storyline.stories import features

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019]?\s+(?=[\"\u201c\u2018A-Z0-9])")
TITLE_CHARS = 90


def central(articles: Sequence[Article]) -> Article | None:
    """The article closest to the group's TF-IDF centroid (the earliest listed on ties)."""
    if not articles:
        return None
    bags = [features(a).words for a in articles]
    df: dict[str, int] = {}
    for bag in bags:
        for k in bag:
            df[k] = df.get(k, 0) + 1
    n = len(bags)
    weighted = [
        {k: v * (math.log((n + 1) / (df[k] + 1)) + 1.0) for k, v in b.items()} for b in bags
    ]
    centroid: dict[str, float] = {}
    for bag in weighted:
        norm = math.sqrt(sum(v * v for v in bag.values())) or 1.0
        for k, v in bag.items():
            centroid[k] = centroid.get(k, 0.0) + v / norm
    best, best_score = articles[0], -1.0
    for article, bag in zip(articles, weighted, strict=True):
        norm = math.sqrt(sum(v * v for v in bag.values())) or 1.0
        score = sum(v * centroid.get(k, 0.0) for k, v in bag.items()) / norm
        if score > best_score + 1e-12:
            best, best_score = article, score
    return best


def first_sentence(text: str, limit: int = TITLE_CHARS) -> str:
    """The first sentence of ``text`` (a leading dateline dropped), cut at a word boundary."""
    flat = " ".join(text.split())
    flat = without_dateline(flat) or flat
    sentence = _SENTENCE_END.split(flat, maxsplit=1)[0].strip()
    if len(sentence) <= limit:
        return sentence
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:\u2013\u2014-")
    return cut + "\u2026"


def story_title(articles: Sequence[Article]) -> str:
    """A title for a group: the most central titled article's title, else a first sentence."""
    titled = [a for a in articles if a.title and a.title.strip()]
    if titled:
        pick = central(titled)
        return " ".join(pick.title.split()) if pick and pick.title else ""
    pick = central(articles)
    return first_sentence(pick.text) if pick else ""


def event_title(articles: Sequence[Article]) -> str:
    """A title for an event (same rule as :func:`story_title`, over the event's articles)."""
    return story_title(articles)
