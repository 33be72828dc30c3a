"""The per-article analysis of a cleaned body: spaCy (sentences, entities, quantities,
claims) and time expressions anchored to the date read off the page.

English only; other languages keep their sentences (for the summary) and their own story
clusters. Shared by the run (:mod:`storyline.pipeline`), by a story that dates an article
from its siblings (:mod:`storyline.story_update`) and by ``storyline reanalyse``.
"""

from __future__ import annotations

import re

from storyline.model import Analysis, PublishedDate
from storyline.nlp import analyse_text
from storyline.timex import tag_times

ENGLISH = "en"
_SENTENCE_END = re.compile(r"(?<=[.!?…。])[\"'”’)]*\s+|\n+")


def analyse_body(text: str, language: str | None, published: PublishedDate) -> Analysis:
    """The per-article analysis of a cleaned body: spaCy, time expressions anchored to the
    date read off the page, quantities and claims."""
    if language in (ENGLISH, None):  # an estimate from the content anchors nothing
        return analyse_text(text, tag_times(text, published.dated_by_page))
    # The tagger, the parser and the fact rules are English: other languages keep their
    # sentences (for the summary) and their own story clusters.
    return Analysis(sentences=plain_sentences(text))


def plain_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks (for languages without a parser)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans
