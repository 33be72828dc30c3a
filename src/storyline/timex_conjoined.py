"""Rules for a time word that shares the noun of the one conjoined after it: "Monday and
Tuesday nights", "the second and fourth quarters", "the 70s and 80s".

TimeML marks each conjunct on its own ("Monday", "Tuesday nights"), and the first takes its
reading from the shared plural noun: "on Monday and Tuesday nights" is every Monday night
as much as every Tuesday night (SET XXXX-WXX-1TNI), not one Monday. Quarters named in the
plural are a SET when the clause tells a habit ("is usually conducted in the second and
fourth quarters": XXXX-Q2, XXXX-Q4); otherwise each is the one quarter of its year
("profits rose in the second and fourth quarters").

This module is imported before :mod:`timex_patterns`: its candidate for "Monday" has the
span of the plain weekday's, and the first of two equal candidates wins.
"""

from __future__ import annotations

import re

from storyline.timex_base import Cand, Ctx, needs, rule
from storyline.timex_finance import quarter_of
from storyline.timex_rules import ORDINALS, PARTS_OF_DAY, WEEKDAYS, YEAR

_DAY = "|".join(w.capitalize() for w in WEEKDAYS if len(w) > 4)
_AND = r",?\s+(?:and|or|&)\s+"
_PART = r"(?P<part>morning|afternoon|evening|night)s\b"
# a clause that tells what happens as a rule
_HABIT = re.compile(
    r"\b(?:usually|typically|normally|generally|traditionally|always|often|historically|"
    r"tends?\s+to|each\s+year|every\s+year)\b",
    re.I,
)
# the year both quarters are in, or none ("the second and third quarters of the game" is not)
_YEAR = r"(?:(?:\s+of)?\s+(?P<year>" + YEAR + r")(?!\d)|(?!\s+of\b))"
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


@needs("mornings", "afternoons", "evenings", "nights")
@rule(r"\b(?P<wd>" + _DAY + r")(?=(?:,\s*(?:" + _DAY + r"))*" + _AND + r"(?:" + _DAY + r")\s+"
      + _PART + ")")  # fmt: skip
def _weekday_of_plural(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "Monday" in "Monday and Tuesday nights": every Monday night, a SET."""
    part = PARTS_OF_DAY[m["part"]]
    value = f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}T{part}"
    return Cand(m.start(), m.end("wd"), "SET", value)


@needs("quarters")
@rule(r"\b(?P<first>first|second|third)" + _AND + r"(?:the\s+)?(?P<n>second|third|fourth)"
      r"\s+quarters\b" + _YEAR, re.I)  # fmt: skip
def _quarters(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the second and fourth quarters": the plural noun's quarter ("fourth quarters"),
    spanned with its plural; the first ordinal gets a candidate of its own below."""
    return _quarter(m, ctx, m.start("n"), m.end(), m["n"])


@needs("quarters")
@rule(r"\b(?P<first>first|second|third)(?=" + _AND + r"(?:the\s+)?(?P<n>second|third|fourth)"
      r"\s+quarters\b" + _YEAR + ")", re.I)  # fmt: skip
def _first_quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "second" in "the second and fourth quarters": a quarter of its own."""
    return _quarter(m, ctx, m.start(), m.end(), m["first"])


def _quarter(m: re.Match[str], ctx: Ctx, start: int, end: int, word: str) -> Cand | None:
    if ORDINALS[m["first"].lower()] >= ORDINALS[m["n"].lower()]:
        return None  # "third and second quarters" is no list of quarters in order
    n = ORDINALS[word.lower()]
    if m["year"]:
        return Cand(start, end, "DATE", f"{m['year']}-Q{n}")
    before = ctx.before(m.start(), 100)
    clause = before[ends[-1].end() :] if (ends := list(_SENTENCE_END.finditer(before))) else before
    if _HABIT.search(clause):
        return Cand(start, end, "SET", f"XXXX-Q{n}")
    # both in one year: the later quarter settles which ("fell in the second and third
    # quarters" said in May is the year before's, for the second as for the third)
    last = ORDINALS[m["n"].lower()]
    year, anchored = quarter_of(ctx.ref, last, False, ctx.future(m.start()))
    return Cand(start, end, "DATE", f"{year}-Q{n}", anchored=anchored)


@needs("0s", "0's")
@rule(r"\b[Tt]he\s+(?:1[89]|20|')?[1-9]0'?s" + r",?\s+(?:and|or|to|through|&)\s+"
      r"(?P<dec>(?P<c>1[89]|20)?'?(?P<d>[1-9])0'?s)\b")  # fmt: skip
def _second_decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "80s" in "the 70s and 80s": a decade of its own, which shares the first one's "the"."""
    if m["c"]:
        return Cand(m.start("dec"), m.end(), "DATE", m["c"] + m["d"])
    century = str(ctx.ref.year)[:2] if ctx.ref else "19"
    if int(century + m["d"] + "0") > (ctx.ref.year if ctx.ref else 2100):
        century = str(int(century) - 1)  # "the 70s and 80s" written in 2007: the 1980s
    return Cand(m.start("dec"), m.end(), "DATE", century + m["d"], anchored=ctx.ref is not None)
