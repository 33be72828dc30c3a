"""The rules of the temporal tagger: one regular expression and one handler per kind of
expression (absolute dates, relative dates, durations, sets, clock times).

Each handler turns a match into a candidate with a TIMEX3 value, resolving relative
expressions against the document creation time held by :class:`Ctx` (news mode: past-leaning
unless a future cue precedes the expression in its clause). ``RULES`` lists them all;
:mod:`storyline.timex` picks among the candidates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.timex_rules import (
    FULL_MONTH,
    FUTURE_CUE,
    MONTH,
    NUMBER,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Dct,
    duration_value,
    month_number,
    number_value,
    resolve_day,
    resolve_month,
    unit_value,
    valid_date,
    weekday_date,
    year_is_plausible,
    ymd,
)


@dataclass(slots=True)
class Cand:
    """A candidate time expression: span, type, TIMEX3 value, mod, dct use."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False


@dataclass(slots=True)
class Ctx:
    """The text being tagged and its document creation time."""

    text: str
    ref: Dct | None

    def future(self, start: int) -> bool:
        """True when a future cue precedes ``start`` inside its sentence."""
        window = self.text[max(0, start - 120) : start]
        window = re.split(r"[.!?\n]\s|[,;:\"“”]", window)[-1]
        return bool(FUTURE_CUE.search(window))


_Handler = Callable[[re.Match[str], Ctx], "Cand | None"]
RULES: list[tuple[re.Pattern[str], _Handler]] = []


def _rule(pattern: str, flags: int = 0) -> Callable[[_Handler], _Handler]:
    """Register ``pattern`` with the decorated handler."""

    def wrap(handler: _Handler) -> _Handler:
        RULES.append((re.compile(pattern, flags), handler))
        return handler

    return wrap


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


_WD_PREFIX = r"(?:(?P<wd>" + WEEKDAY + r"),?\s+(?:the\s+)?)?"


@_rule(
    _WD_PREFIX + r"(?P<mon>" + MONTH + r")\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]|,\d)"
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
    if m["year"]:
        return Cand(m.start(), m.end(), "DATE", ymd(int(m["year"]), month, day))
    value, anchored = resolve_day(ctx.ref, month, day, ctx.future(m.start()))
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


@_rule(r"(?:\b(?P<how>this|last|next|coming|past)\s+)?\b(?P<mon>" + FULL_MONTH + r")")
def _month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    how = (m["how"] or "").lower()
    if m["mon"] in ("May", "March") and not how:
        before = ctx.text[max(0, m.start() - 20) : m.start()]
        if not re.search(r"\b(?:in|since|by|until|of|early|late|mid|from|to|through)\W*$", before):
            return None
    value, anchored = resolve_month(ctx.ref, month_number(m["mon"]), how, ctx.future(m.start()))
    return Cand(m.start(), m.end(), "DATE", value, anchored=anchored)


@_rule(r"(?<![\w.,$€£#])(" + YEAR + r")(?![\w%]|[.,]\d)")
def _year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if not year_is_plausible(ctx.text, m.start(), m.end()):
        return None
    return Cand(m.start(), m.end(), "DATE", m[1])


@_rule(r"\b(?:the\s+)?(1[89]\d|20\d)0s\b")
def _decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return Cand(m.start(), m.end(), "DATE", m[1])


_SEASON = r"(?P<season>winter|spring|summer|autumn|fall)"


@_rule(r"\b(?:the\s+)?" + _SEASON + r"\s+(?:of\s+)?(?P<year>" + YEAR + r")(?!\d)", re.I)
@_rule(r"\b(?P<year>" + YEAR + r")\s+" + _SEASON + r"\b", re.I)
@_rule(r"\b(?P<how>this|last|next|coming|past)\s+" + _SEASON + r"\b", re.I)
def _season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    code = SEASONS[m["season"].lower()]
    if m.groupdict().get("year"):
        return Cand(m.start(), m.end(), "DATE", f"{m['year']}-{code}")
    if ctx.ref is None:
        return Cand(m.start(), m.end(), "DATE", f"XXXX-{code}")
    year = ctx.ref.year + {"last": -1, "past": -1, "next": 1}.get(m["how"].lower(), 0)
    return Cand(m.start(), m.end(), "DATE", f"{year}-{code}", anchored=True)


@_rule(
    r"\b(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)[\s-](?P<unit>quarter|half)"
    r"(?:\s+of)?(?:\s+(?P<year>" + YEAR + r")(?!\d))?",
    re.I,
)
@_rule(r"\bQ(?P<q>[1-4])\s*(?:of\s+)?(?P<year>" + YEAR + r")(?!\d)")
def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    half = (m.groupdict().get("unit") or "").lower() == "half"
    n = int(m["q"]) if m.groupdict().get("q") else ORDINALS[m["n"].lower()]
    if half and n > 2:
        return None
    code = f"H{n}" if half else f"Q{n}"
    if m["year"]:
        return Cand(m.start(), m.end(), "DATE", f"{m['year']}-{code}")
    year = ctx.ref.year if ctx.ref else None
    if year is None:
        return Cand(m.start(), m.end(), "DATE", f"XXXX-{code}")
    return Cand(m.start(), m.end(), "DATE", f"{year}-{code}", anchored=True)


# --------------------------------------------------------------------------- relative dates


@_rule(
    r"(?:\b(?P<how>this|last|next|coming|past|on)\s+)?(?P<wd>" + WEEKDAY + r")"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?",
)
def _weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    how = (m["how"] or "").lower()
    start = m.start("wd") if how == "on" else m.start()
    part = PARTS_OF_DAY[m["part"]] if m["part"] else None
    ref = ctx.ref.date if ctx.ref else None
    if ref is None:
        value, anchored = f"XXXX-WXX-{weekday + 1}", False
    else:
        future = ctx.future(m.start())
        direction = {"last": "before", "past": "before", "next": "after", "coming": "on_or_after"}
        way = direction.get(how, "on_or_after" if future else "on_or_before")
        value, anchored = weekday_date(ref, weekday, way).isoformat(), True
    if part:
        return Cand(start, m.end(), "TIME", f"{value}T{part}", anchored=anchored)
    return Cand(start, m.end(), "DATE", value, anchored=anchored)


_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


@_rule(
    r"\b(?P<word>today|yesterday|tomorrow|tonight|this)(?:\s+(?P<part>morning|afternoon|"
    r"evening|night))?\b",
    re.I,
)
def _day_word(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = m["word"].lower()
    if word == "this" and not m["part"]:
        return None
    part = PARTS_OF_DAY.get((m["part"] or "").lower()) or ("NI" if word == "tonight" else None)
    ref = ctx.ref.date if ctx.ref else None
    if ref is None:
        value, anchored = ("PRESENT_REF" if word == "today" else "XXXX-XX-XX"), False
    else:
        value, anchored = (ref + dt.timedelta(days=_DAY_WORDS.get(word, 0))).isoformat(), True
    if part and value[0].isdigit():
        return Cand(m.start(), m.end(), "TIME", f"{value}T{part}", anchored=anchored)
    return Cand(m.start(), m.end(), "DATE", value, anchored=anchored)


@_rule(
    r"\b(?:(?P<the>the)\s+)?(?P<how>this|last|next|coming|past|previous|following|current|"
    r"preceding)\s+(?P<unit>week|weekend|month|year|decade|century)\b",
    re.I,
)
def _relative_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    how, unit = m["how"].lower(), m["unit"].lower()
    if m["the"] and how in ("past", "last", "coming", "next") and unit != "weekend":
        return Cand(m.start(), m.end(), "DURATION", duration_value(1, unit))
    if how in ("following", "previous", "preceding") or (m["the"] and how == "next"):
        step = -1 if how in ("previous", "preceding") else 1
        return Cand(m.start(), m.end(), "DATE", f"NARR:{step}:{unit}")
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(how, 0)
    value = unit_value(ctx.ref, unit, step)
    return Cand(m.start(), m.end(), "DATE", value or "XXXX", anchored=value is not None)


@_rule(r"\b(?P<how>earlier|later)\s+(?:(?P<the>this|next|last)\s+)(?P<unit>week|month|year)\b")
def _earlier_this(m: re.Match[str], ctx: Ctx) -> Cand | None:
    step = {"this": 0, "next": 1, "last": -1}[m["the"]]
    value = unit_value(ctx.ref, m["unit"], step)
    return Cand(m.start(), m.end(), "DATE", value or "XXXX", anchored=value is not None)


_COUNT = r"(?P<n>" + NUMBER + r"|a|an|several|a few|few|many|some|a couple of)"


@_rule(r"\b" + _COUNT + r"\s+(?P<unit>" + UNIT + r")s?\s+(?P<dir>ago|later|earlier)\b", re.I)
def _ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    count, unit = number_value(m["n"]), m["unit"].lower()
    if m["dir"].lower() != "ago":
        step = count if m["dir"].lower() == "later" else -(count or 0)
        if count is None or unit not in ("day", "week", "month", "year"):
            return None
        return Cand(m.start(), m.end(), "DATE", f"NARR:{step}:{unit}")
    if count is None:
        return Cand(m.start(), m.end(), "DATE", "PAST_REF", anchored=ctx.ref is not None)
    if unit in ("hour", "minute", "second"):
        unit, count = "day", 0
    value = unit_value(ctx.ref, unit, -count)
    return Cand(m.start(), m.end(), "DATE", value or "XXXX", anchored=value is not None)


# --------------------------------------------------------------------------- durations, sets


@_rule(
    r"\b(?:the\s+)?(?:past|last|next|coming|previous|first|final)\s+" + _COUNT + r"\s+"
    r"(?P<unit>" + UNIT + r")s?\b",
    re.I,
)
@_rule(r"\b" + _COUNT + r"(?:-|\s+)(?P<unit>" + UNIT + r")s?\b(?!-old|\s+old\b)", re.I)
def _duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m["n"].lower() == "some":
        return None
    return Cand(m.start(), m.end(), "DURATION", duration_value(number_value(m["n"]), m["unit"]))


@_rule(r"\b(?P<unit>centuries|decades|years|months|weeks|days|hours)\b", re.I)
def _bare_duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    before = ctx.text[max(0, m.start() - 16) : m.start()].lower()
    after = ctx.text[m.end() : m.end() + 4].lower()
    if not (
        re.search(r"\b(?:for|after|over|within|in recent|past|last)\s+$", before)
        or after[:3] in (" of", "-lo")
    ):
        return None
    unit = m["unit"].lower()
    unit = "century" if unit == "centuries" else unit[:-1]
    return Cand(m.start(), m.end(), "DURATION", duration_value(None, unit))


_SET_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}


@_rule(r"\b(?:every|each)\s+(?P<unit>day|week|month|year|" + WEEKDAY + r")", re.I)
@_rule(r"\b(?:once|twice|\w+ times)\s+(?:a|per)\s+(?P<unit>day|week|month|year)\b", re.I)
@_rule(r"\b(?P<word>annually|yearly)\b", re.I)
def _set(m: re.Match[str], ctx: Ctx) -> Cand | None:
    unit = (m.groupdict().get("unit") or "year").lower()
    value = _SET_UNITS.get(unit) or f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
    return Cand(m.start(), m.end(), "SET", value)


_REFS = [
    (r"now|currently|at present|at the moment|nowadays|presently|these days", "PRESENT_REF"),
    (r"recently|lately|in recent (?:years|months|weeks|days)|in the past|previously", "PAST_REF"),
    (r"soon|in the future|in the coming (?:days|weeks|months|years)|shortly", "FUTURE_REF"),
]
for _pattern, _value in _REFS:

    def _ref(m: re.Match[str], ctx: Ctx, value: str = _value) -> Cand | None:
        return Cand(m.start(), m.end(), "DATE", value, anchored=ctx.ref is not None)

    RULES.append((re.compile(r"\b(?:" + _pattern + r")\b", re.I), _ref))


@_rule(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])(?:\s*(?P<ap>[ap])\.?m\.?)?")
@_rule(r"\b(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*(?P<ap>[ap])\.?m\b\.?")
def _clock(m: re.Match[str], ctx: Ctx) -> Cand | None:
    hour, minute = int(m[1]), int(m[2] or 0)
    if (m["ap"] or "").lower() == "p" and hour < 12:
        hour += 12
    return Cand(m.start(), m.end(), "TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}")
