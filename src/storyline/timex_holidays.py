"""Rules for named holidays: "Christmas", "New Year's Eve", "Thanksgiving Day", "Easter",
"Election Day", "Labor Day 1998", "last Christmas", "Easter week".

A holiday is a DATE whose day follows from its year: a fixed day ("Christmas" -> 12-25), a
weekday counted in a month ("Thanksgiving" -> the fourth Thursday of November) or Easter
(computed). Without a year of its own, the year comes from the document creation time the
way an unmarked month and day does (:func:`timex_rules.resolve_day`): the dct's year,
or the one before when that holiday lies more than two months after the dct (the one after
with a future cue, when it lies more than two months before). "last"/"next"/"this" pick the
occurrence before, after or in the dct's year. "Easter week" is the ISO week of Easter Sunday.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from storyline.timex_base import Cand, Ctx, needs, rule
from storyline.timex_rules import YEAR, fmt_week

__all__ = ["easter", "holiday_date"]


def easter(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; n = -1 for the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _counted(month: int, weekday: int, n: int) -> Callable[[int], dt.date]:
    return lambda year: _nth_weekday(year, month, weekday, n)


def _election(year: int) -> dt.date:
    """US Election Day: the Tuesday after the first Monday of November."""
    return _nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)


# holiday name (lower case, as matched) -> its date in a given year
_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": _fixed(12, 25), "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24), "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31), "independence day": _fixed(7, 4),
    "fourth of july": _fixed(7, 4), "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14), "veterans day": _fixed(11, 11),
    "st. patrick's day": _fixed(3, 17), "boxing day": _fixed(12, 26),
    "thanksgiving": _counted(11, 3, 4), "thanksgiving day": _counted(11, 3, 4),
    "labor day": _counted(9, 0, 1), "memorial day": _counted(5, 0, -1),
    "martin luther king day": _counted(1, 0, 3), "presidents' day": _counted(2, 0, 3),
    "election day": _election, "easter": easter, "easter sunday": easter,
    "good friday": lambda year: easter(year) - dt.timedelta(days=2),
    "easter monday": lambda year: easter(year) + dt.timedelta(days=1),
    "easter week": easter,
}  # fmt: skip
_NAMES = "|".join(
    re.escape(n).replace("'", "['’]?").replace(r"\ ", r"\s+")
    for n in sorted(_HOLIDAYS, key=len, reverse=True)
)


def holiday_date(name: str, year: int) -> dt.date | None:
    """The date of holiday ``name`` (any case, straight or curly apostrophe) in ``year``."""
    key = " ".join(name.lower().replace("’", "'").split())
    if key not in _HOLIDAYS:
        key = key.replace("years", "year's").replace("presidents", "presidents'")
        key = key.replace("valentines", "valentine's").replace("patricks", "patrick's")
    fn = _HOLIDAYS.get(key)
    return fn(year) if fn else None


@needs("christmas", "new year", "independence", "july", "halloween", "valentine", "veterans",
       "patrick", "boxing", "thanksgiving", "labor day", "memorial day", "king day",
       "presidents", "election day", "easter", "good friday")  # fmt: skip
@rule(
    r"(?:\b(?P<how>last|next|this|this\s+past|this\s+coming)\s+)?\b(?P<name>" + _NAMES + r")\b"
    r"(?!\s+Islands?\b)(?:,?\s+(?:of\s+)?(?P<year>" + YEAR + r")(?!\d))?",
    re.I,
)
def _holiday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    name = " ".join(m["name"].lower().split())
    if not m["name"][0].isupper() and not name.startswith("fourth"):
        return None  # "election day" written lower case is a generic phrase
    how = " ".join((m["how"] or "").lower().split())
    week = name == "easter week"
    if m["year"]:
        return _cand(m, holiday_date(name, int(m["year"])), week, False)
    ref = ctx.ref
    if ref is None:
        return Cand(m.start(), m.end(), "DATE", "XXXX-WXX" if week else "XXXX-XX-XX")
    year = ref.year
    day = holiday_date(name, year)
    if day is None:
        return None
    if ref.month is None:
        return _cand(m, day, week, True)
    today = ref.date or dt.date(ref.year, ref.month, 15)
    delta = (day - today).days
    if how in ("last", "this past"):
        year -= 1 if delta >= 0 else 0
    elif how in ("next", "this coming"):
        year += 1 if delta <= 0 else 0
    elif how != "this":
        if ctx.future(m.start(), m.end()):
            year += 1 if delta < -62 else 0
        elif delta > 62 or (delta > 0 and ctx.back(m.start(), m.end())):
            year -= 1  # "Sales rose in the run-up to Christmas": the one before
    return _cand(m, holiday_date(name, year), week, True)


def _cand(m: re.Match[str], day: dt.date | None, week: bool, anchored: bool) -> Cand | None:
    """The candidate for holiday match ``m`` on ``day`` (its ISO week for "Easter week")."""
    if day is None:
        return None
    value = fmt_week(day) if week else day.isoformat()
    return Cand(m.start(), m.end(), "DATE", value, anchored=anchored)
