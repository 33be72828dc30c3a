"""Numbers that look like counts but are not: ratios, conversions, clock times, measures.

:func:`not_a_count` is asked before :mod:`storyline.quantities` reads a number as a count.
"""

from __future__ import annotations

from typing import Any

from storyline.quantity_words import CURRENCY, TIME_ZONES

RATIO_AFTER = ("times", "out of", "of every")
RATIO_BEFORE = ("out of every", "out of", "of every", "per")
PER_WHAT = frozenset({"hundred", "thousand", "million", "capita", "head"})


def not_a_count(doc: Any, i: int, j: int) -> bool:
    """Whether the number at tokens ``i:j`` is no count of anything:

    * a ratio or a multiple: "one in six", "six out of every 10", "four times as many",
      "eight people per thousand";
    * a sum in brackets or after a semicolon in brackets right after another sum: a
      conversion ("77m euros (£53m; $100m)");
    * a clock time ("by 1200 GMT");
    * a measurement glued to its unit ("the 100m sprint", "a 5kg bag").
    """
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.lower_ in TIME_ZONES:
        return True
    if nxt is not None and nxt.is_alpha and not doc[j - 1].whitespace_:
        return nxt.lower_ not in CURRENCY  # a scale letter by a currency was read already
    return _ratio(doc, i, j) or _conversion(doc, i)


def _ratio(doc: Any, i: int, j: int) -> bool:
    after = " ".join(t.lower_ for t in doc[j : j + 2])
    if after.startswith(RATIO_AFTER):
        return True
    if j + 1 < len(doc) and doc[j].lower_ in {"in", "of"} and doc[j + 1].like_num:
        return True  # "one in six"
    if i >= 2 and doc[i - 1].lower_ in {"in", "of"} and doc[i - 2].like_num:
        return True  # "... in six"
    before = " ".join(t.lower_ for t in doc[max(0, i - 3) : i])
    if before.endswith(RATIO_BEFORE):
        return True
    window = [t.lower_ for t in doc[j : j + 4]]
    return any(
        w == "per" and k + 1 < len(window) and window[k + 1] in PER_WHAT
        for k, w in enumerate(window)
    )


def _conversion(doc: Any, i: int) -> bool:
    k = i - 1 if i > 0 and doc[i - 1].text in CURRENCY else i
    if k == i and not (i + 1 < len(doc) and doc[i + 1].lower_ in CURRENCY):
        return False  # no currency: not a sum
    return k > 0 and doc[k - 1].text in {"(", ";"}
