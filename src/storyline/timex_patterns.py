"""Rules for calendar expressions: absolute dates (ISO, "March 29, 2020", "1990s", seasons)
and months and days named without a year ("in May", "on 5 March"). Weekdays, "today" and
"last week" are in :mod:`timex_deictic`.

Each handler turns a match into a candidate with a TIMEX3 value, resolving relative
expressions against the document creation time held by :class:`Ctx` (news mode: past-leaning
unless a future cue precedes the expression in its clause). Rules of other kinds live in
the other ``timex_*`` modules; :mod:`storyline.timex` runs them all.
"""

from __future__ import annotations

import re

from storyline.timex_base import Cand, Ctx, needs
from storyline.timex_base import rule as _rule
from storyline.timex_rules import (
    FULL_MONTH,
    MONTH,
    SEASONS,
    WEEKDAY,
    YEAR,
    month_number,
    resolve_day,
    resolve_month,
    valid_date,
    year_is_plausible,
    ymd,
)

# --------------------------------------------------------------------------- absolute dates


@_rule(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?)?(?!\d)")
def _iso(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y, mo, d = int(m[1]), int(m[2]), int(m[3])
    if not valid_date(y, mo, d):
        return None
    if m[4]:
        return Cand(m.start(), m.end(), "TIME", f"{y:04d}-{mo:02d}-{d:02d}T{int(m[4]):02d}:{m[5]}")
    return Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}")


@_rule(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
def _slash(m: re.Match[str], ctx: Ctx) -> Cand | None:
    a, b, y = int(m[1]), int(m[2]), int(m[3])
    month, day = (b, a) if a > 12 else (a, b)  # US order unless the first number is a day
    if not valid_date(y, month, day):
        return None
    return Cand(m.start(), m.end(), "DATE", f"{y:04d}-{month:02d}-{day:02d}")


_WD_PREFIX = r"(?:(?P<how>[Tt]his\s+(?:coming|past)\s+)?(?P<wd>" + WEEKDAY + r"),?\s+(?:the\s+)?)?"


# The first day of a range before a day and month ("26-" in "on 26-28 August", "3 to "): the
# range's own tense is read where it opens.
_RANGE_OPENING = re.compile(
    r"(?<![\d.,:/£$€])\b[0-3]?\d(?:st|nd|rd|th)?(?:\s*,\s*[0-3]?\d(?:st|nd|rd|th)?)*"
    r"(?:,?\s+(?:and|or|&|to|until|till|through)\s+|\s*[-–,]\s*)$"
)


def _range_opening(text: str, start: int) -> int:
    """Where the range or list of days that a day at ``start`` closes opens, else ``start``."""
    m = _RANGE_OPENING.search(text, max(0, start - 40), start)
    return m.start() if m else start


# The rest of a range of days written after its first day: "-7, 2010" in "Jan. 5-7, 2010".
_RANGE_TAIL = re.compile(r"\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?,?\s+(?P<year>" + YEAR + r")(?!\d)")


@_rule(
    _WD_PREFIX + r"(?P<mon>" + MONTH + r")\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d|,\d)"
    r"(?:,?\s+(?P<year>" + YEAR + r")(?!\d))?"
)
@_rule(
    _WD_PREFIX + r"(?<![\d,.])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + MONTH + r")"
    r"(?:,?\s+(?P<year>" + YEAR + r")(?!\d))?"
)
def _month_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    month, day = month_number(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    year = m["year"] or ((tail := _RANGE_TAIL.match(ctx.text, m.end())) and tail["year"])
    if year:  # "March 3, 2009"; "Jan. 5-7, 2010": the first day takes the range's year
        return Cand(m.start(), m.end(), "DATE", ymd(int(year), month, day))
    at = _range_opening(ctx.text, m.start())  # "to be held on 26-28 August": read at "26"
    ahead = ctx.ahead(at, m.end()) or "coming" in (m.groupdict().get("how") or "")
    back = not ahead and ctx.back(at, m.end())  # "since May 3", "Exports fell on 5 May"
    value, anchored = resolve_day(ctx.ref, month, day, ahead, back)
    return Cand(m.start(), m.end(), "DATE", value, anchored=anchored)


@_rule(
    r"(?P<mon>" + MONTH + r")\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|or|&)\s+(?P<day>[0-3]?\d)"
    r"(?:st|nd|rd|th)?\b(?![\d:.,]\d)(?:,?\s+(?P<year>" + YEAR + r")(?!\d))?"
)
def _second_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """The second day of "April 24 and 25": a date of its own in the same month."""
    if re.match(r"\s+(?:percent|%|cents?|people|[a-z]+s)\b", ctx.after(m.end("day"), 12)):
        return None  # "May 5 and 6 percent": a number, not a day
    cand = _month_day(m, ctx)
    if cand is None:
        return None
    return Cand(m.start("day"), m.end(), cand.type, cand.value, anchored=cand.anchored)


_DAY_NUM = r"[0-3]?\d(?:st|nd|rd|th)?"


@_rule(
    r"(?<![\d.,:/£$€])\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?=(?:\s*,\s*" + _DAY_NUM + r")*"
    r"(?:,?\s+(?:and|or|&|to|until|till|through)\s+|\s*[-–]\s*)(?P<last>[0-3]?\d)"
    r"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>" + MONTH + r")(?:,?\s+(?P<year>" + YEAR + r")(?!\d))?)"
)
def _first_days(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """The first days of "22 and 23 June", "3, 4 and 5 March", "between 22 and 24 June":
    each a date of its own (TimeML), in the month and year of the last day."""
    day, last = int(m["day"]), int(m["last"])
    if not 1 <= day < last <= 31:
        return None
    month = month_number(m["mon"])
    if m["year"]:
        return Cand(m.start(), m.end(), "DATE", ymd(int(m["year"]), month, day))
    # the range is read where it opens ("to be held on 26-28 August" looks ahead), and the
    # last day lends its month and year
    at = _range_opening(ctx.text, m.start())  # "4" in "on 3, 4 and 5 March": read at "3"
    ahead = ctx.ahead(at, m.end())
    back = not ahead and ctx.back(at, m.end())
    value, anchored = resolve_day(ctx.ref, month, last, ahead, back)
    if len(value) == 10:  # the first day in the last one's month and year
        value = value[:8] + f"{day:02d}" if value[0] == "X" else ymd(int(value[:4]), month, day)
    return Cand(m.start(), m.end(), "DATE", value, anchored=anchored)


@_rule(r"(?P<mon>" + MONTH + r"),?\s+(?:of\s+)?(?P<year>" + YEAR + r")(?!\d)")
def _month_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return Cand(m.start(), m.end(), "DATE", f"{m['year']}-{month_number(m['mon']):02d}")


@_rule(r"(?P<mon>" + FULL_MONTH + r"),?\s+(?:of\s+)?(?P<how>next|last|this)\s+year\b")
def _month_rel_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    month = month_number(m["mon"])
    if ctx.ref is None:
        return Cand(m.start(), m.end(), "DATE", f"XXXX-{month:02d}")
    year = ctx.ref.year + {"next": 1, "last": -1, "this": 0}[m["how"]]
    return Cand(m.start(), m.end(), "DATE", f"{year}-{month:02d}", anchored=True)


_MONTH_CUE = re.compile(
    r"\b(?:in|since|by|until|of|early|late|mid|from|to|through|last|next|this|during)\W*$", re.I
)


@_rule(
    r"(?:\b(?P<how>[Tt]his|[Ll]ast|[Nn]ext|[Cc]oming|[Pp]ast)\s+)?\b(?P<mon>" + FULL_MONTH + r")"
)
def _month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    how = (m["how"] or "").lower()
    if m["mon"] in ("May", "March") and not how:
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        the_march = m["mon"] == "March" and re.search(r"\b[Tt]he\s+$", before)
        if the_march and not re.match(
            r"\s+[a-z]+\b(?<!\bon)(?<!\bof)(?<!\bto)", ctx.after(m.end())
        ):
            the_march = None  # "the March on Washington", "the march to the sea"
        if not _MONTH_CUE.search(before) and not the_march:
            return None
    future = ctx.ahead(m.start(), m.end())
    if not how and ctx.back(m.start(), m.end()):
        how = "back"  # "since May", "Sales rose in May": not the May ahead
    value, anchored = resolve_month(ctx.ref, month_number(m["mon"]), how, future)
    return Cand(m.start(), m.end(), "DATE", value, anchored=anchored)


@_rule(r"(?<![\w.,$€£#])(" + YEAR + r")(?![\w%]|[.,]\d)")
@_rule(r"\b[Tt]he\s+year\s+(" + YEAR + r")(?![\w%]|[.,]\d)")  # "the year 2000": one date
def _year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if not m[0][0].isdigit():
        return Cand(m.start(), m.end(), "DATE", m[1])
    if not year_is_plausible(ctx.text, m.start(), m.end()):
        return None
    return Cand(m.start(), m.end(), "DATE", m[1])


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


@needs("0s", "0's", "ties", "twenties")
@_rule(r"\b(?:the\s+)?(1[89]\d|20\d)0'?s\b")
@_rule(r"\b[Tt]he\s+(?:(?P<c>1[89]|20)|')?(?P<d>[1-9])0'?s\b")
@_rule(r"\b[Tt]he\s+(?P<w>" + "|".join(_DECADE_WORDS) + r")\b")
def _decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    groups = m.groupdict()
    if not groups:
        return Cand(m.start(), m.end(), "DATE", m[1])
    digit = str(_DECADE_WORDS[m["w"].lower()]) if groups.get("w") else m["d"]
    if groups.get("c"):
        return Cand(m.start(), m.end(), "DATE", groups["c"] + digit)
    century = str(ctx.ref.year)[:2] if ctx.ref else "19"
    if int(century + digit + "0") > (ctx.ref.year if ctx.ref else 2100):
        century = str(int(century) - 1)  # "the nineties" written in 2005 means the 1990s
    return Cand(m.start(), m.end(), "DATE", century + digit, anchored=ctx.ref is not None)


@needs("century")
@_rule(r"\b(?:the\s+)?(?P<n>[1-9]|1\d|2[01])(?:st|nd|rd|th)[\s-]+century\b", re.I)
def _century(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return Cand(m.start(), m.end(), "DATE", f"{int(m['n']) - 1:02d}")


_TEEN = r"(?P<hi>nineteen|eighteen)"
_TENS_WORDS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7,
               "eighty": 8, "ninety": 9}  # fmt: skip
_ONES_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}  # fmt: skip


@needs("nineteen", "eighteen", "thousand")
@_rule(
    r"\b(?:(?P<mon>" + FULL_MONTH + r")\s+|(?:the\s+)?(?P<season>winter|spring|summer|autumn|fall)"
    r"\s+of\s+)?"
    + _TEEN
    + r"[\s-]+(?P<tens>"
    + "|".join(_TENS_WORDS)
    + r")(?:[\s-]+(?P<ones>"
    + "|".join(_ONES_WORDS)
    + r"))?\b",
    re.I,
)
@_rule(r"\b(?:the\s+year\s+)two\s+thousand(?:\s+and)?(?:\s+(?P<ones>" + "|".join(_ONES_WORDS)
       + r"))?\b", re.I)  # fmt: skip
def _spelled_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    ones = _ONES_WORDS.get((m["ones"] or "").lower(), 0)
    if not m.groupdict().get("hi"):
        return Cand(m.start(), m.end(), "DATE", f"{2000 + ones}")
    century = 19 if m["hi"].lower() == "nineteen" else 18
    year = f"{century}{_TENS_WORDS[m['tens'].lower()]}{ones}"
    if m["mon"]:
        return Cand(m.start(), m.end(), "DATE", f"{year}-{month_number(m['mon']):02d}")
    if m["season"]:
        return Cand(m.start(), m.end(), "DATE", f"{year}-{SEASONS[m['season'].lower()]}")
    return Cand(m.start(), m.end(), "DATE", year)


_SEASON = r"(?P<season>winter|spring|summer|autumn|fall)"


@needs("winter", "spring", "summer", "autumn", "fall")
@_rule(r"\b(?:the\s+)?" + _SEASON + r"\s+(?:of\s+)?(?P<year>" + YEAR + r")(?!\d)", re.I)
@_rule(r"\b(?P<year>" + YEAR + r")\s+" + _SEASON + r"\b", re.I)
@_rule(r"\b(?P<how>this|last|next|coming|past|this past|this coming)\s+" + _SEASON + r"\b", re.I)
@_rule(r"\b(?:[Tt]he\s+)(?:(?:early|late)\s+)?" + _SEASON + r"\b(?!\s+of\b)")
def _season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    groups = m.groupdict()
    bare = not groups.get("how") and not groups.get("year")
    if bare and m["season"].lower() == "fall" and _FALL_NOUN.match(ctx.after(m.end(), 6)):
        return None  # "the fall in exports": a drop, not autumn
    code = SEASONS[m["season"].lower()]
    if groups.get("year"):
        return Cand(m.start(), m.end(), "DATE", f"{m['year']}-{code}")
    if ctx.ref is None:
        return Cand(m.start(), m.end(), "DATE", f"XXXX-{code}")
    how = (groups.get("how") or "").lower().replace("this ", "")
    if not how:
        how = "next" if ctx.ahead(m.start(), m.end()) else "past"
    year = ctx.ref.year
    if how != "this" and ctx.ref.month:
        # a season named from inside or after it: the latest one begun (past), or the next one
        begun = ctx.ref.month >= _SEASON_START[code]
        inside = 0 <= ctx.ref.month - _SEASON_START[code] <= 2  # "last summer", said in July
        if (how in ("last", "past") and not begun) or (how == "last" and inside):
            year -= 1
        elif how in ("next", "coming") and begun:
            year += 1
    return Cand(m.start(), m.end(), "DATE", f"{year}-{code}", anchored=True)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_FALL_NOUN = re.compile(r"\s+(?:in|of|to|from|on)\b")  # "the fall in exports"
