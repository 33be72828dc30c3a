"""Rules for a day of the month written as an ordinal word: "March eighth", "the
twenty-first of June", "June the 21st"; and for the day (week) an ongoing happening has
reached, said in the present: "today is the eighth day of the blockade", "it's the second
day of the offensive", "the strike, now in its third week".

TimeML values these as any other month and day: YYYY-MM-DD, with the year written after
them or, failing that, resolved against the document creation time as "March 8" is (see
:func:`storyline.timex_rules.resolve_day`). The noun phrase "the twenty-first of June"
keeps its determiner, as "the end of June" does.

"The second week of January" is the ISO week (YYYY-Www, as TimeBank writes "the week of
March 6") that holds most of the month's days 8-14: the N-th week of a month is its days
7N-6 to 7N, and the ISO week holding the middle one (day 7N-3) holds at least four of the
seven. "The last week of March" is its last seven days, the week holding the fourth from
the end. The month's year is resolved as a bare month's is.

A count of days into a happening told in the present names the day of the report itself
(TimeML marks "the eighth day", valued as the document creation time); "its" stays out of
the span as a possessive does. Told in the past ("it was the third day") the day depends on
when the happening began, which the text rarely says, so it is left unmarked.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from storyline.timex_base import Cand, Ctx, needs, rule
from storyline.timex_rules import (
    MONTH,
    WEEKDAY,
    YEAR,
    fmt_week,
    month_number,
    resolve_day,
    resolve_month,
    unit_value,
    ymd,
)

__all__ = ["ORDINAL_DAYS"]

_FIRST_NINE = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth")  # fmt: skip
ORDINAL_DAYS = {word: n for n, word in enumerate(_FIRST_NINE + _TEENS, start=1)}
ORDINAL_DAYS |= {"twentieth": 20, "thirtieth": 30, "thirty-first": 31}
ORDINAL_DAYS |= {f"twenty-{word}": 20 + n for n, word in enumerate(_FIRST_NINE, start=1)}

# longest first, so "twenty-first" wins over "first"; "twenty first" is written either way
_WORD = "|".join(w.replace("-", r"[-\s]") for w in sorted(ORDINAL_DAYS, key=len, reverse=True))
_ORDINAL = r"(?P<ord>" + _WORD + r"|[0-3]?\d(?:st|nd|rd|th))"
_YEAR_AFTER = r"(?:,?\s+(?P<year>" + YEAR + r")(?!\d))?"
_WEEKDAY_BEFORE = r"(?:(?:[Tt]his\s+(?P<how>coming|past)\s+)?" + WEEKDAY + r",?\s+)?"
# "in March first-time buyers", "in May second homes": an ordinal that goes on a noun
_ON_A_NOUN = re.compile(
    r"(?:-|\s+(?!(?:and|or|to|until|through|at|in|on|when|while|as|for|with|from|by|of|"
    r"after|before|but|is|was|will|the)\b)[a-z])"
)


def _day(word: str) -> int | None:
    word = word.lower()
    if word[0].isdigit():
        return int(word[:-2])
    return ORDINAL_DAYS.get(re.sub(r"\s+", "-", word))


@needs("first", "second", "third", "th", "st", "nd", "rd")
@rule(r"\b" + _WEEKDAY_BEFORE + r"(?P<mon>" + MONTH + r")\s+(?:(?P<the>the)\s+)?"
      + _ORDINAL + r"\b" + _YEAR_AFTER)  # fmt: skip
@rule(r"\b" + _WEEKDAY_BEFORE + r"(?P<the>[Tt]he)\s+" + _ORDINAL + r"\s+(?:day\s+)?of\s+"
      + r"(?P<mon>" + MONTH + r")" + _YEAR_AFTER)  # fmt: skip
def _ordinal_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "March eighth", "June the 21st", "the twenty-first of June": a day of the month.
    "March 21st" alone is left to the digit rules, which read it the same way."""
    word = m["ord"]
    if word[0].isdigit() and not m["the"]:
        return None
    day = _day(word)
    if day is None or not 1 <= day <= 31:
        return None
    if day <= 4 and not m["year"] and _ON_A_NOUN.match(ctx.text, m.end()):
        return None  # "in March first-time buyers", "May second homes"
    month = month_number(m["mon"])
    if m["year"]:
        return Cand(m.start(), m.end(), "DATE", ymd(int(m["year"]), month, day))
    ahead = ctx.ahead(m.start(), m.end()) or m["how"] == "coming"  # "this coming Sunday, March 8"
    back = not ahead and ctx.back(m.start(), m.end())
    value, anchored = resolve_day(ctx.ref, month, day, ahead, back)
    return Cand(m.start(), m.end(), "DATE", value, anchored=anchored)


# "today is", "it's", "this marks", "(is) now in", "enters": the count is of the dct's day
_NOW_AT = (
    r"\b(?:(?:[Tt]oday|[Ii]t|[Tt]his)\s+(?:is|marks)\s+|[Ii]t['’]s\s+|"
    r"(?:(?:is|are)\s+(?:now\s+)?|now\s+)in\s+|enter(?:s|ing)\s+)"
)
_DAY_AFTER = re.compile(
    r"\b(?:" + WEEKDAY + r"|" + MONTH + r"|[Tt]omorrow|[Yy]esterday|[Tt]onight)\b"
)
_COUNTED = r"(?P<ord>" + _WORD + r"|[1-9]\d{0,2}(?:st|nd|rd|th))"


@needs("day", "week")
@rule(_NOW_AT + r"(?:(?P<the>the)|its|their)\s+(?P<span>" + _COUNTED + r"\s+(?:straight\s+|"
      r"consecutive\s+|full\s+)?(?P<unit>day|week))\b(?!-)")  # fmt: skip
def _day_reached(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "today is the eighth day of the blockade", "the strike is now in its third week": the
    day (ISO week) of the report. A day named after it in the clause ("enters its tenth
    day on Friday") is the day meant, so the count is left to it."""
    if _DAY_AFTER.search(ctx.clause_after(m.end())):
        return None
    value = unit_value(ctx.ref, m["unit"], 0)
    start = m.start("the") if m["the"] else m.start("span")
    return Cand(start, m.end(), "DATE", value or "PRESENT_REF", anchored=value is not None)


_WEEK_OF = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 0, "final": 0}


@needs("week of")
@rule(
    r"\b[Tt]he\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
    r"(?P<mon>" + MONTH + r")(?:,?\s+(?P<year>" + YEAR + r")(?!\d))?"
)
def _week_of_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the second week of January", "the last week of March 2026": an ISO week."""
    month = month_number(m["mon"])
    if m["year"]:
        value, anchored = f"{m['year']}-{month:02d}", False
    else:
        ahead = ctx.ahead(m.start(), m.end())
        back = not ahead and ctx.back(m.start(), m.end())
        value, anchored = resolve_month(ctx.ref, month, "back" if back else "", ahead)
    if value.startswith("X"):
        return Cand(m.start(), m.end(), "DATE", "XXXX-WXX", anchored=False)
    year = int(value[:4])
    n = _WEEK_OF[m["ord"]]
    days = calendar.monthrange(year, month)[1]
    middle = 7 * n - 3 if n else days - 3  # the middle of the seven days meant
    week = fmt_week(dt.date(year, month, middle))
    return Cand(m.start(), m.end(), "DATE", week, anchored=anchored)
