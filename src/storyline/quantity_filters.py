"""Numbers that look like counts but are not: ratios, conversions, clock times, measures.

:func:`not_a_count` is asked before :mod:`storyline.quantities` reads a number as a count.
"""

from __future__ import annotations

from typing import Any

from storyline.quantity_words import ABBREVIATED_SCALES, CURRENCY, SCALES, TIME_ZONES, UNITS

RATIO_AFTER = ("times", "out of", "of every")
RATIO_BEFORE = ("out of every", "out of", "of every", "per")
ONE = frozenset({"one", "1"})
PER_WHAT = frozenset({"hundred", "thousand", "million", "capita", "head"})
# a count may follow these names ("in Kenya 20 people died", "Obama 2008" is a date anyway)
NAMES_BEFORE_COUNTS = frozenset({"GPE", "LOC", "NORP", "PERSON", "DATE", "TIME", "MONEY"})
# names a number can be part of without counting anything ("Chapter 11", "Trent 900")
DESIGNATED = frozenset({"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC", "PERSON"})
# names a number may begin ("10 Downing Street", tagged an organisation or a place)
NAMES_WITH_NUMBERS = DESIGNATED - {"PERSON"} | {"LOC", "GPE"}
# participles that end in "id", not "ed" ("six unpaid"); not nouns such as "squid", "kid"
PARTICIPLES_IN_ID = frozenset({"unpaid", "paid", "laid", "said", "mislaid", "prepaid"})
# names a capitalised word after a number may be part of: a title or a stage name
TITLE_NAMES = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "MONEY", "EVENT"})
# a number after these is a position in a list, not a count ("the first three sentences")
RANK_WORDS = frozenset({"first", "last", "top", "next", "final", "opening", "closing"})
# units a number measures rather than counts ("a 4,200 MW power plant", "15 inch screens")
MEASURE_UNITS = frozenset({"mw", "gw", "kw", "kwh", "mwh", "inch", "inches", "ft", "feet"})
MEASURE_UNITS |= {"cm", "mm", "mph", "kph", "mhz", "ghz", "gb", "mb", "tb", "megawatt"}
MEASURE_UNITS |= {"megawatts", "gigawatt", "gigawatts", "megapixel", "megapixels", "mbps"}


def not_a_count(doc: Any, i: int, j: int) -> bool:
    """Whether the number at tokens ``i:j`` is no count of anything:

    * a ratio or a multiple: "one in six", "six out of every 10", "four times as many",
      "eight people per thousand";
    * a sum in brackets or after a semicolon in brackets right after another sum: a
      conversion ("77m euros (£53m; $100m)");
    * a clock time ("by 1200 GMT", "at 2100 local time");
    * a measurement glued to its unit ("the 100m sprint", "a 5kg bag");
    * a model or a rank: a number right after a name ("Boeing 787", "iPhone 4 owners",
      "Trent 900 engines"), after a code and a hyphen ("A330-200", "F-16") or after "No."
      ("the No. 1 seller");
    * a number inside a name ("10 Downing Street", "One Flew Over the Cuckoo's Nest",
      "Million Dollar Baby", "starred in 21 Grams", "the rapper 50 Cent"), a band of ages
      ("the under-five category", "over-50s") or a rank ("the first three sentences", "the top 10");
    * a scale word with no figure of its own: "several hundred properties", "a few
      thousand fans".
    """
    if _designation(doc, i) or _in_name(doc, i, j) or _rank(doc, i) or _vague(doc, i, j):
        return True
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.lower_ in TIME_ZONES:
        return True
    if nxt is not None and (
        nxt.lower_ in MEASURE_UNITS or nxt.text in {"AD", "BC", "A.D.", "B.C."}
    ):
        return True  # a measurement or a year: "4,200 MW", "15 inch", "190 A.D."
    if nxt is not None and nxt.lower_ == "and" and _measured_after(doc, j):
        return True  # "14 and 15 inch screens"
    if (
        nxt is not None
        and nxt.lower_ == "local"
        and j + 1 < len(doc)
        and doc[j + 1].lower_ == "time"
    ):
        return True  # "at 2100 local time"
    if _titled_name_after(doc, i, j):
        return True
    if nxt is not None and nxt.is_alpha and not doc[j - 1].whitespace_:
        return nxt.lower_ not in CURRENCY  # a scale letter by a currency was read already
    return _ratio(doc, i, j) or _conversion(doc, i)


def _measured_after(doc: Any, j: int) -> bool:
    """Whether the number after "and" at ``j`` measures a unit ("14 and 15 inch")."""
    return j + 2 < len(doc) and doc[j + 1].like_num and doc[j + 2].lower_ in MEASURE_UNITS


def _vague(doc: Any, i: int, j: int) -> bool:
    """Whether the number is a bare scale word after "several", "few" or "many"."""
    return (
        i > 0
        and all(t.lower_ in SCALES for t in doc[i:j])
        and doc[i - 1].lower_ in {"several", "few", "many", "hundreds", "thousands"}
    )


def _designation(doc: Any, i: int) -> bool:
    if i == 0:
        return False
    if doc[i].ent_iob_ == "I" and doc[i].ent_type_ in DESIGNATED:
        return True  # inside a name that began before it: "Chapter 11", "Trent 900"
    prev = doc[i - 1]
    if prev.text in {"-", "–"} and not prev.whitespace_ and i >= 2:
        code = doc[i - 2]  # "A330-200", "F-16", "Boeing 737-800"; not a range ("10-20")
        if code.whitespace_:
            return False
        return (
            code.pos_ == "PROPN"
            or _letters_and_digits(code.text)
            or (code.like_num and _designation(doc, i - 2))
        )
    if prev.lower_ in {"no.", "number"} and prev.text[:1].isupper():
        return True
    if prev.text == "." and i >= 2 and doc[i - 2].text == "No" and not doc[i - 2].whitespace_:
        return True  # "No." cut in two by the tokenizer
    return (
        (prev.pos_ == "PROPN" or prev.pos_ == "NOUN" and prev.is_title)  # "Commodore 64 fans"
        and prev.ent_type_ not in NAMES_BEFORE_COUNTS
        and prev.text not in CURRENCY
        and prev.lower_ not in CURRENCY
        and not prev.text.endswith(("$", "€", "£", "¥"))  # "AU$ 52.5 million"
    )


def _in_name(doc: Any, i: int, j: int) -> bool:
    """A number that begins a name going on after it ("10 Downing Street" tagged a name
    whole), or a number word written with a capital inside a sentence before another
    capitalised word ("for One Flew Over...", "Million Dollar Baby")."""
    ent = doc[i].ent_type_
    if j < len(doc) and doc[i].ent_iob_ == "B" and ent in NAMES_WITH_NUMBERS:
        return doc[j].ent_iob_ == "I" and doc[j].ent_type_ == ent
    first = doc[i]
    if not (first.is_alpha and first.text[:1].isupper()) or first.is_sent_start or i == 0:
        return False
    if doc[i - 1].is_quote or doc[i - 1].text in {":", "(", "-", "–", "—", ";"}:
        return False  # a quotation or a list item may begin with a capital
    return j < len(doc) and doc[j].is_title and doc[j].is_alpha


def _titled_name_after(doc: Any, i: int, j: int) -> bool:
    """A number inside a sentence before a capitalised name that no noun follows: a title
    or a stage name ("starred in 21 Grams and ...", "the rapper 50 Cent used"), not "two
    Google engineers", "60 Boeing 787 Dreamliner aircraft" or "12 Democrats" (a people's
    name counts)."""
    if i == 0 or doc[i].is_sent_start or j >= len(doc):
        return False
    if not (doc[j].is_title and doc[j].is_alpha) or doc[j].ent_type_ not in TITLE_NAMES:
        return False
    k = j  # the name runs on through capitalised words, numbers and hyphens ("Boeing 787")
    while k < len(doc) and (doc[k].is_title or doc[k].like_num or doc[k].text in "-–"):
        k += 1
    return k == len(doc) or doc[k].pos_ not in {"NOUN", "PROPN"}


def _rank(doc: Any, i: int) -> bool:
    """A band of ages glued to a word ("under-five", "over-50s") or a number after a
    rank word ("the first three sentences", "top 10")."""
    if i == 0:
        return False
    prev = doc[i - 1]
    if prev.text in {"-", "–"} and not prev.whitespace_ and i >= 2:
        word = doc[i - 2]
        if not word.whitespace_ and word.is_alpha and word.is_lower:
            return True
    return prev.lower_ in RANK_WORDS


def _letters_and_digits(word: str) -> bool:
    return any(c.isalpha() for c in word) and any(c.isdigit() for c in word)


def _ratio(doc: Any, i: int, j: int) -> bool:
    after = " ".join(t.lower_ for t in doc[j : j + 2])
    if after.startswith(RATIO_AFTER):
        return True
    if j + 1 < len(doc) and doc[j].lower_ in {"in", "of"} and doc[j + 1].like_num:
        return True  # "one in six"
    if i >= 2 and doc[i - 1].lower_ in {"in", "of"} and doc[i - 2].like_num:
        return True  # "... in six"
    if j < len(doc) and doc[j].lower_ in {"quarters", "thirds", "fifths", "tenths"}:
        return True  # "three quarters of a million": a fraction of the number after
    if j + 2 < len(doc) and doc[j + 1].lower_ == "in" and doc[j + 2].like_num:
        return doc[i].lower_ in ONE and doc[j].pos_ == "NOUN"  # "one household in three"
    if i >= 3 and doc[i - 1].lower_ == "in" and doc[i - 3].lower_ in ONE:
        return doc[i - 2].pos_ == "NOUN"  # "... household in three"
    before = " ".join(t.lower_ for t in doc[max(0, i - 3) : i])
    if before.endswith(RATIO_BEFORE):
        return True
    window = [t.lower_ for t in doc[j : j + 4]]
    sum_ = i > 0 and doc[i - 1].text in CURRENCY  # "£100 per head" is a price: a rate
    return any(
        w == "per"
        and k + 1 < len(window)
        and window[k + 1] in PER_WHAT
        and not (sum_ and window[k + 1] in {"head", "capita"})
        for k, w in enumerate(window)
    )


def _conversion(doc: Any, i: int) -> bool:
    k = i - 1 if i > 0 and (doc[i - 1].text in CURRENCY or doc[i - 1].text.endswith("$")) else i
    if k == i and not (i + 1 < len(doc) and doc[i + 1].lower_ in CURRENCY):
        return False  # no currency: not a sum
    if k < 2 or doc[k - 1].text not in {"(", ";"}:
        return False
    before = doc[k - 2]  # a sum just before the bracket: "77m euros (£53m; $100m)"
    return (
        before.ent_type_ == "MONEY"
        or any(c.isdigit() for c in before.text)
        or before.lower_ in SCALES | ABBREVIATED_SCALES  # "$11bn (£5.8bn)"
        or before.lower_ in CURRENCY
        or before.text in CURRENCY
        or doc[k - 1].text == ";"
    )


def participle_taken_for_a_noun(head: Any, value: float) -> bool:
    """Whether the counted noun is an adjective or participle the model took for a
    singular noun: "20 staff and six unpaid" (unless it is a toll: "12 wounded")."""
    word = head.lower_
    return (
        value > 1
        and head.tag_ == "NN"
        and (word.endswith("ed") or word in PARTICIPLES_IN_ID)
        and head.lemma_.lower() not in UNITS
        and word not in UNITS
    )
