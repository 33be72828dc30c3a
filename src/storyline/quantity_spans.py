"""Where a quantity's numbers and its noun lie: ranges, partitives and long noun phrases.

Pure functions over a spaCy ``Doc``, asked by :mod:`storyline.quantities`.
"""

from __future__ import annotations

from typing import Any

from storyline.quantity_numbers import GLUED_SCALE, is_number
from storyline.quantity_phrases import noun_words
from storyline.quantity_words import (
    ABBREVIATED_SCALES,
    CURRENCY,
    DURATION_UNITS,
    EXTREMES,
    SCALES,
)

RANGE_WORDS = frozenset({"to", "-", "–", "and", "or"})


def range_end(doc: Any, i: int, j: int) -> tuple[int, int] | None:
    """The tokens of the upper number of a range whose lower number spans ``i:j``:
    "25,000 to 30,000", "20-30" (written together), "between 20 and 30", "between $12
    million and $20 million", "five or six" (an approximation, one figure). None when
    there is no range; "from 5% to 7%" and "rose from 2,000 to 3,000" are changes, not
    ranges."""
    if j + 1 >= len(doc) or doc[j].lower_ not in RANGE_WORDS:
        return None
    joiner, before = doc[j], doc[i - 1].lower_ if i > 0 else ""
    if i > 1 and (before in CURRENCY or before.endswith("$")):
        before = doc[i - 2].lower_
    if before == "from" or (joiner.lower_ == "and" and before != "between"):
        return None
    if joiner.text in {"-", "–"} and (doc[j - 1].whitespace_ or joiner.whitespace_):
        return None  # "20 - 30" with spaces is no range we read
    k = j + 1
    if doc[k].text in CURRENCY or doc[k].text.endswith("$"):
        k += 1  # "$12 million and $20 million"
    end = k
    while end < len(doc) and (is_number(doc[end]) or doc[end].lower_ in SCALES):
        end += 1
    return (k, end) if end > k else None


def shared_scale(doc: Any, i: int, j: int, k: int, end: int) -> float:
    """The scale the upper number of a range lends its bare lower one: "5 to 10 million",
    "$5 to $10bn" (1 when the lower number has its own, or the upper has none)."""
    if any(t.lower_ in SCALES or GLUED_SCALE.fullmatch(t.lower_) for t in doc[i:j]):
        return 1.0
    scale = 1.0
    for tok in doc[k:end]:
        if tok.lower_ in SCALES:
            scale *= SCALES[tok.lower_]
        elif glued := GLUED_SCALE.fullmatch(tok.lower_):
            scale *= ABBREVIATED_SCALES[glued[2]]
        elif tok.lower_ in ABBREVIATED_SCALES and not doc[tok.i - 1].whitespace_:
            scale *= ABBREVIATED_SCALES[tok.lower_]  # "10 m" cut in two: "10", "m"
    return scale


def one_phrase(doc: Any, i: int, j: int, head: Any) -> bool:
    """Whether a long run between a number and its noun is that noun's own modifiers,
    each attached inside the phrase ("14 new Airbus A330-200 passenger airliners")."""
    return head.i - j <= 8 and all(i <= t.head.i <= head.i for t in doc[j : head.i])


def partitive(doc: Any, j: int) -> Any | None:
    """The counted noun of "20 of Boeing's larger planes" / "two of the engines": the
    plural noun the "of" after the number governs (None for "of them", "of 2008")."""
    if j >= len(doc) or doc[j].lower_ != "of":
        return None
    noun = next((t for t in doc[j].children if t.dep_ == "pobj"), None)
    if noun is None or noun.tag_ not in {"NNS", "NNPS"} or noun.i - j > 8:
        return None
    return noun


def per_cent(doc: Any, j: int) -> bool:
    """Whether tokens ``j``, ``j + 1`` are "per cent" written in two words."""
    return j + 1 < len(doc) and doc[j].lower_ == "per" and doc[j + 1].lower_ == "cent"


def length_phrase(doc: Any, j: int) -> tuple[str, str, int] | None:
    """(unit, phrase, end) for "a 12-day strike" (the number ends before token ``j``): a
    length in days of the noun after."""
    if j + 2 >= len(doc) or doc[j].text not in {"-", "–"}:
        return None
    unit = doc[j + 1].lemma_.lower()
    if unit not in DURATION_UNITS:
        return None
    noun = doc[j + 1].head
    if noun.i <= j + 1 or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if noun.lemma_.lower() in EXTREMES or noun.lower_ in {"old", "olds"}:
        return None  # "a four-year high" is a comparison, "17-year-olds" an age
    return f"{unit}s", f"length of {noun_words(noun, DURATION_UNITS)}", noun.i + 1
