"""Reading the numbers of a text: which tokens are a number, and what they are worth.

"2,500", "three", "2.5 million", "two hundred", and next to a currency "600m" or "1.13bn".
Pure functions over spaCy tokens, asked by :mod:`storyline.quantities`.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.quantity_words import (
    ABBREVIATED_SCALES,
    CURRENCY,
    DURATION_UNITS,
    MONEY_WORDS,
    SCALES,
    SKIP_ENTS,
    WORD_NUMBERS,
)
from storyline.timex_rules import MONTHS

GLUED_SCALE = re.compile(r"(\d+(?:\.\d+)?)(k|m|bn|tn)")


def number_value(tokens: list[Any]) -> float | None:
    """The value of a run of number tokens ("2,500", "three", "2.5 million", "two hundred",
    and next to a currency "600m", "1.13bn")."""
    total, current, seen = 0.0, 0.0, False
    for tok in tokens:
        word = tok.text.lower().replace(",", "")
        glued = GLUED_SCALE.fullmatch(word)
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif glued and beside_currency(tokens[0].doc, tokens[0].i, tok.i + 1):
            total, current = total + float(glued[1]) * ABBREVIATED_SCALES[glued[2]], 0.0
        elif (
            word in SCALES
            or word in ABBREVIATED_SCALES
            and beside_currency(tokens[0].doc, tokens[0].i, tok.i + 1)
        ):
            scale = SCALES.get(word) or ABBREVIATED_SCALES[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        elif word in WORD_NUMBERS:
            current += WORD_NUMBERS[word]
        elif "-" in word and all(p in WORD_NUMBERS for p in word.split("-")):
            current += sum(WORD_NUMBERS[p] for p in word.split("-"))
        elif word in HYPHENS:
            continue  # "thirty - five", split by the tokenizer (see :func:`tens_hyphen`)
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    whole = round(value)
    # "16.6bn" is 16.6 * 1e9 = 16600000000.000002 in binary floating point
    return float(whole) if abs(value - whole) <= 1e-9 * max(1.0, abs(value)) else value


FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
HYPHENS = frozenset({"-", "–"})
_TENS = frozenset(w for w, n in WORD_NUMBERS.items() if n in range(20, 100, 10))
_UNITS = frozenset(w for w, n in WORD_NUMBERS.items() if n in range(1, 10))


def tens_hyphen(doc: Any, j: int) -> bool:
    """Whether token ``j`` is the hyphen of a number written in words and split into three
    tokens: "Thirty-five contenders" read as five contenders, "Twenty-two" as two."""
    return (
        doc[j].text in HYPHENS
        and 0 < j < len(doc) - 1
        and doc[j - 1].lower_ in _TENS
        and doc[j + 1].lower_ in _UNITS
        and not doc[j - 1].whitespace_
        and not doc[j].whitespace_
    )


def fraction_before(doc: Any, i: int) -> tuple[float, int]:
    """(factor, first token) for a fraction written before the scale word at ``i``:
    "half a million" is 0.5 of it, "a quarter of a million" 0.25, "three quarters of a
    million" 0.75; (1.0, i) when there is none."""
    if i < 2 or doc[i - 1].lower_ != "a" or doc[i].lower_ not in SCALES:
        return 1.0, i
    if doc[i - 2].lower_ == "half":
        return 0.5, i - 2
    if i < 3 or doc[i - 2].lower_ != "of":
        return 1.0, i
    word = doc[i - 3].lower_.removesuffix("s")
    if word not in FRACTIONS:
        return 1.0, i
    times = WORD_NUMBERS.get(doc[i - 4].lower_, 0) if i >= 4 else 0
    if times > 1 and doc[i - 3].lower_.endswith("s"):
        return times * FRACTIONS[word], i - 4
    return FRACTIONS[word], i - 4 if i >= 4 and doc[i - 4].lower_ == "a" else i - 3


def beside_currency(doc: Any, i: int, j: int) -> bool:
    """Whether tokens ``i:j`` have a currency sign before or a currency word after."""
    before = doc[i - 1].text if i > 0 else ""
    after = doc[j].lower_ if j < len(doc) else ""
    return before in CURRENCY or after in CURRENCY or doc[j : j + 1].lemma_.lower() in CURRENCY


def _day_of_a_month(tok: Any, word: str) -> bool:
    """A day number right before a month's name is a date even when the model calls it a
    count ("widely tipped for 5 May": "May" read as a noun, counted five times)."""
    after = tok.doc[tok.i + 1 : tok.i + 2]
    return (
        bool(re.fullmatch(r"\d{1,2}", word))
        and 1 <= int(word) <= 31
        and bool(after)
        and after[0].text[:1].isupper()
        and after[0].lower_.rstrip(".") in MONTHS
    )


def is_number(tok: Any) -> bool:
    word = tok.text.lower().replace(",", "")
    if _day_of_a_month(tok, word):
        return False
    if GLUED_SCALE.fullmatch(word):
        return beside_currency(tok.doc, tok.i, tok.i + 1)
    after = tok.doc[tok.i + 1 : tok.i + 3]
    if tok.ent_type_ == "QUANTITY" and any(t.lemma_.lower() in CURRENCY for t in after):
        return bool(re.fullmatch(r"\d+(?:\.\d+)?", word)) or word in WORD_NUMBERS
    if tok.ent_type_ == "DATE" and _count_taken_for_a_date(tok, word):
        return True
    if tok.ent_type_ in SKIP_ENTS:
        # "a 12-day strike" is tagged a date but is a length
        nxt = tok.doc[tok.i + 1 : tok.i + 3]
        return len(nxt) == 2 and nxt[0].text in {"-", "–"} and nxt[1].lemma_ in DURATION_UNITS
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return not re.fullmatch(r"\d{4}", word) or tok.ent_type_ in {"CARDINAL", "MONEY"}
    return tok.like_num and (word in WORD_NUMBERS or word in SCALES or "-" in word)


def glued_scale(doc: Any, i: int, j: int) -> bool:
    """Whether token ``j`` is a scale letter glued to the number before it, next to a
    currency ("£600m", "77m euros")."""
    return (
        doc[j].lower_ in ABBREVIATED_SCALES
        and not doc[j - 1].whitespace_
        and beside_currency(doc, i, j + 1)
    )


def _count_taken_for_a_date(tok: Any, word: str) -> bool:
    """A small number the model took for a date although a plural noun follows its
    entity: "between 20 and 30 people were killed" (tagged DATE whole)."""
    if not (re.fullmatch(r"\d{1,3}", word) or word in WORD_NUMBERS):
        return False
    entity = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if entity is None or entity.end >= len(tok.doc):
        return False
    if not all(t.like_num or t.lower_ in RANGE_GLUE for t in entity):
        return False  # "3 March officials": a day of a month
    noun = tok.doc[entity.end]
    return noun.tag_ == "NNS" and noun.lemma_.lower() not in DURATION_UNITS | TIME_NOUNS


RANGE_GLUE = frozenset({"between", "and", "to", "-", "–"})
TIME_NOUNS = frozenset({"time", "season", "decade", "century", "weekend", "night", "morning"})


_CURRENCY_SIGNS = frozenset("$£€¥₹#")


def names_money(doc: Any, i: int) -> bool:
    """Whether the MONEY entity at token ``i`` is money. The model also tags counts MONEY
    ("15 billion WAP page impressions", "four billion IP addresses"): an entity with no
    currency sign or money word ("US$ 40 billion", "33 cents", "200 riyals") that a plural
    noun follows counts that noun; without one it stays money ("on top of the four billion
    it has already received")."""
    entity = next((e for e in doc.ents if e.start <= i < e.end), None)
    words = entity if entity is not None else doc[i : i + 1]
    for t in words:
        if t.lemma_.lower() in MONEY_WORDS or t.lower_ in CURRENCY:
            return True
        if any(sign in t.text for sign in _CURRENCY_SIGNS):
            return True
    end = words[-1].i + 1
    return not any(t.tag_ in {"NNS", "NNPS"} for t in doc[end : end + 3])


def words_after_digits(doc: Any, i: int, j: int) -> bool:
    """A number word after digits is another number ("the $22bn Three Gorges Dam")."""
    return (
        doc[j].is_alpha
        and doc[j].lower_ not in SCALES
        and any(t.text[:1].isdigit() for t in doc[i:j])
    )


def money_at(doc: Any, i: int, j: int) -> tuple[str, Any, int] | None:
    """(currency code, currency token, end) for a sum of money at tokens ``i:j``."""
    prev = doc[i - 1] if i > 0 else None
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.lemma_.lower() in CURRENCY:
        return CURRENCY[nxt.lemma_.lower()], nxt, j + 1
    if nxt is not None and nxt.lower_ in CURRENCY:
        return CURRENCY[nxt.lower_], nxt, j + 1
    if prev is not None and prev.text in CURRENCY:
        return CURRENCY[prev.text], doc[j - 1], j
    if doc[i].ent_type_ == "MONEY" and names_money(doc, i):
        return "money", doc[j - 1], j
    return None  # "15 billion WAP page impressions", tagged MONEY, counts impressions
