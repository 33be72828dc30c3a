"""Rules for times of day: clock times ("10 p.m.", "7:15", "noon"), a clock time with its day
("10 p.m. Wednesday", "5 p.m. EST Nov. 9", "noon Thursday") and parts of a day ("last night",
"mid-afternoon yesterday", "the morning").

A time of day without a day of its own is placed on the document creation date, as TimeML
does for news ("police arrived at 7:15 p.m." -> dct T19:15); without a dct the day stays
unknown ("XXXX-XX-XXT19:15").
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.timex_base import Cand, Ctx, needs, rule
from storyline.timex_rules import (
    MONTH,
    NUMBER,
    PARTS_OF_DAY,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    month_number,
    resolve_day,
    weekday_date,
    ymd,
)

# "a.m." keeps its last full stop, "10am." leaves the sentence's
_CLOCK = (
    r"(?:(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:])(?:\s*(?P<ap>[ap])(?:\.\s?m\b\.?|\s?m\b))?"
    r"|(?P<h2>1[0-2]|0?[1-9])(?:\.(?P<mi2>[0-5]\d))?\s*(?P<ap2>[ap])(?:\.\s?m\b\.?|\s?m\b)"
    r"|(?P<word>noon|midday|midnight))"
)
# A zone after the time. UTC/GMT, alone or with an offset ("GMT+8", "(GMT +8)"), goes into the
# value as ISO 8601 writes it ("T08:30Z", "T18:40+08"); the US zones stay out of it, as in
# TimeBank ("5 p.m. EST" -> T17:00).
_UTC = (
    r"(?P<utc>(?P<br>\()?(?:GMT|UTC)(?:\s?(?P<off>[+-]\d{1,2})(?::?(?P<offm>[0-5]\d))?(?!\d))?"
    r"(?(br)\)))"
)
_ZONE = r"(?:\s+(?:" + _UTC + r"|[ECMP][SD]T|local\s+time|\([A-Z]{3,4}\)))?"


def zone_suffix(m: re.Match[str]) -> str:
    """ "Z" for a time given in UTC/GMT, "+08" or "-05:30" for one with an offset from it,
    "" otherwise."""
    if not m["utc"]:
        return ""
    if not m["off"] or int(m["off"]) == 0 and not m["offm"]:
        return "Z"
    sign, hours = m["off"][0], int(m["off"][1:])
    return f"{sign}{hours:02d}" + (f":{m['offm']}" if m["offm"] else "")


_DAY = (
    r"(?P<wd>" + WEEKDAY + r")(?:,?\s+(?P<wmon>" + MONTH + r")\s+(?P<wdd>[0-3]?\d)(?!\d)"
    r"(?:,?\s+(?P<wyy>" + YEAR + r"))?)?|(?P<rel>today|yesterday|tomorrow|tonight)"
    r"|(?P<mon>" + MONTH + r")\s+(?P<dd>[0-3]?\d)(?!\d)(?:,?\s+(?P<yy>" + YEAR + r"))?"
    r"|(?P<bdd>[0-3]?\d)\s+(?P<bmon>" + MONTH + r")(?:,?\s+(?P<byy>" + YEAR + r"))?"
)
_DAY_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _resolve_day(ctx: Ctx, m: re.Match[str], month: int, day: int) -> tuple[str, bool]:
    """A day without a year, ahead or back as the clause before ``m`` says."""
    ahead = ctx.ahead(m.start(), m.end())
    return resolve_day(ctx.ref, month, day, ahead, not ahead and ctx.back(m.start(), m.end()))


def _day_value(m: re.Match[str], ctx: Ctx) -> tuple[str | None, bool]:
    """(YYYY-MM-DD or a value with X's, used dct) of the day named in ``m``; None when none is."""
    ref = ctx.ref.date if ctx.ref else None
    groups = m.groupdict()
    if groups.get("wmon"):  # "Friday, Oct. 23": the date decides, the weekday only confirms
        month, day = month_number(groups["wmon"]), int(groups["wdd"])
        if groups.get("wyy"):
            return ymd(int(groups["wyy"]), month, day), False
        return _resolve_day(ctx, m, month, day)
    if groups.get("wd"):
        weekday = WEEKDAYS[groups["wd"].lower()]
        if ref is None:
            return f"XXXX-WXX-{weekday + 1}", False
        way = "on_or_after" if ctx.ahead(m.start(), m.end()) else "on_or_before"
        return weekday_date(ref, weekday, way).isoformat(), True
    if groups.get("cnt"):
        return "XXXX-XX-XX", False
    if groups.get("rel"):
        if ref is None:
            return "XXXX-XX-XX", False
        return (ref + dt.timedelta(days=_DAY_SHIFT[groups["rel"].lower()])).isoformat(), True
    for mon, dd, yy in (("mon", "dd", "yy"), ("bmon", "bdd", "byy")):  # "Nov. 9", "9 November"
        if groups.get(mon):
            month, day = month_number(groups[mon]), int(groups[dd])
            if groups.get(yy):
                return ymd(int(groups[yy]), month, day), False
            return _resolve_day(ctx, m, month, day)
    return None, False


# A race result or a score, not a time of day: "won in 3:45.87", "a best of 2:17:18".
_NOT_CLOCK_BEFORE = re.compile(r"\d[:.]$")
_NOT_CLOCK_AFTER = re.compile(r"[.:]\d")

# "6 a.m. ten days before the shooting": one time, on a day counted from an event (TimeML
# spans the clock time and the count, "before" is a signal); the day itself stays unknown.
_DAY_TAIL = (
    r"(?:,?\s+(?:on\s+)?(?:" + _DAY + r")|\s+(?P<cnt>" + NUMBER + r")\s+(?:days|weeks)"
    r"(?=\s+(?:before|after|earlier|later)\b))?"
)


@needs(":", "a.m", "p.m", "am", "pm", "noon", "midday", "midnight")
@rule(r"\b" + _CLOCK + _ZONE + _DAY_TAIL, re.I)
def _clock(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if (m["mi"] or m["mi2"]) and (
        _NOT_CLOCK_BEFORE.search(ctx.before(m.start(), 2))
        or _NOT_CLOCK_AFTER.match(ctx.text, m.end("mi" if m["mi"] else "mi2"))
    ):
        return None
    if m["word"]:
        hour, minute = (24, 0) if m["word"].lower() == "midnight" else (12, 0)
        joined = m.end("word") < m.end()
        if not joined and not re.search(
            r"\b(?:at|by|until|till|before|after|since|from|"
            r"around|about)\s+$",
            ctx.before(m.start(), 12),
            re.I,
        ):
            return None  # fmt: skip
    else:
        if m["mi2"] and ctx.before(m.start(), 1) in ("£", "$", "€"):
            return None  # "£1.50pm" is no time ("10.38am" is, in British spelling)
        hour, minute = int(m["h"] or m["h2"]), int(m["mi"] or m["mi2"] or 0)
        if (m["ap"] or m["ap2"] or "").lower() == "p" and hour < 12:
            hour += 12
        elif (m["ap"] or m["ap2"] or "").lower() == "a" and hour == 12:
            hour = 0
    day, anchored = _day_value(m, ctx)
    start = m.start()
    if day is None:  # "Tuesday at 3 p.m.": one time, on Tuesday
        start, day, anchored = _with_day(ctx, start)
    if day is None:
        if ctx.ref and ctx.ref.date:
            day, anchored = ctx.ref.date.isoformat(), True
        else:
            day = "XXXX-XX-XX"
    value = f"{day}T{hour:02d}:{minute:02d}" + zone_suffix(m)
    return Cand(start, m.end(), "TIME", value, anchored=anchored)


# A day named right before a clock time: "Tuesday at 3 p.m.", "tomorrow around noon",
# "Saturday 12 February at 2005 GMT".
_DAY_AT = re.compile(
    r"\b(?:" + WEEKDAY + r",?\s+(?=[0-3]?\d\s))?(?:" + _DAY + r"),?\s+(?:at|around|about)\s+$",
    re.I,
)


def _with_day(ctx: Ctx, start: int) -> tuple[int, str | None, bool]:
    """(start, day, used dct) of a clock time at ``start`` joined to the day named right
    before it ("Tuesday at 3 p.m."); the day is None when none is named there."""
    lead = _DAY_AT.search(ctx.text, max(0, start - 60), start)
    if lead is None:
        return start, None, False
    day, anchored = _day_value(lead, ctx)
    return (lead.start(), day, anchored) if day is not None else (start, None, False)


@needs("gmt", "utc", "local time")
@rule(
    r"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:" + _UTC + r"|local\s+time)(?!\w)" + _DAY_TAIL,
    re.I,
)
def _military(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "1430 GMT", "1200 GMT on Saturday": a 24-hour clock time, on its day when one is named."""
    day, anchored = _day_value(m, ctx)
    start = m.start()
    if day is None:  # "on Saturday 12 February at 2005 GMT": one time, on that day
        start, day, anchored = _with_day(ctx, start)
    if day is None:
        day = ctx.ref.date.isoformat() if ctx.ref and ctx.ref.date else "XXXX-XX-XX"
        anchored = not day.startswith("X")
    value = f"{day}T{m['h']}:{m['mi']}" + zone_suffix(m)
    return Cand(start, m.end(), "TIME", value, anchored=anchored)


_PART = r"(?P<part>morning|afternoon|evening|night)"


@needs("morning", "afternoon", "evening", "night")
@rule(r"\b(?:(?:early|late|mid)[\s-]?)?" + _PART + r"\s+(?:of\s+)?(?:" + _DAY + r")\b", re.I)
@rule(r"\b(?:(?P<last>last)\s+(?P<night>night)|(?P<mid>mid[\s-]?)(?P<part>afternoon|morning))\b",
      re.I)  # fmt: skip
@rule(r"\b(?:in|during)\s+(?P<the>the)\s+" + _PART + r"\b(?!\s+(?:of|before|after|when)\b)")
def _part_of_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    groups = m.groupdict()
    part = PARTS_OF_DAY[(groups.get("part") or groups.get("night") or "").lower()]
    day, anchored = _day_value(m, ctx)
    if groups.get("the"):  # "in the morning": of the last day named before, else the dct's
        return Cand(m.start("the"), m.end(), "TIME", f"NARR:0:nday:{part}")
    if day is None:
        ref = ctx.ref.date if ctx.ref else None
        shift = -1 if groups.get("last") else 0
        day = (ref + dt.timedelta(days=shift)).isoformat() if ref else "XXXX-XX-XX"
        anchored = ref is not None
    start = m.start("the") if groups.get("the") else m.start()
    return Cand(start, m.end(), "TIME", f"{day}T{part}", anchored=anchored)


@needs("trading", "session", "dealings")
@rule(
    r"\b(?:in|during|by)\s+(?P<span>(?:(?:early|late|mid)[\s-]?)?"
    r"(?P<part>morning|afternoon|evening))\s+(?:trading|trade|session|dealings)\b",
    re.I,
)
def _trading_part(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "rose in morning trading": the part of the day is a time of its own (TimeML marks a
    time word that modifies a noun), on the day the report is about: the last day named
    before it within a week of the dct ("closed at a record on Tuesday. In afternoon trading
    it slipped"), else the dct's ("in the morning session" is the plain "in the morning"
    rule's, which reads its day the same way)."""
    value = f"NARR:0:nday:{PARTS_OF_DAY[m['part'].lower()]}"
    return Cand(m.start("span"), m.end("span"), "TIME", value)
