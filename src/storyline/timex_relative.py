"""Rules for dates counted from another time: from the last date named ("that year", "the day
after", "later in the day"), from the document creation time ("earlier this month", "two
years ago", "a year from now", "the day after tomorrow").

A count names a date at the grain of its unit: "two years ago" is a year, "a decade ago" a
decade (198), "two weeks ago" an ISO week. Values starting with ``NARR:`` are resolved by
:mod:`storyline.timex` against the last calendar date before them; "a year ago/earlier" is
left to :mod:`timex_finance` (``FIN:``), which knows the reporting period in focus.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storyline.timex_anchored import EVENT_AFTER
from storyline.timex_base import Cand, Ctx, needs
from storyline.timex_base import rule as _rule
from storyline.timex_rules import BIG_NUMBER, NUMBER, PARTS_OF_DAY, UNIT, number_value, unit_value

_DAY_STEP = {"before": -1, "previous": -1, "preceding": -1, "after": 1, "next": 1, "following": 1}


@needs("that ", "same ", "the ", "previous day", "preceding day", "next day", "following day")
@_rule(
    r"\b(?:[Tt]hat|[Tt]he\s+same)\s+(?P<unit>year|month|week|day)\b(?!\s+(?:old|ago|earlier|later)\b)"
)
@_rule(r"\b[Tt]he\s+(?P<how>previous|preceding|next|following)\s+(?P<unit>day)\b")
@_rule(r"\b[Tt]he\s+(?P<unit>day|week|month|year)\s+(?P<how>before|after)\b(?!" + EVENT_AFTER + ")")
@_rule(r"\b(?:[Ll]ater|[Ee]arlier)\s+in\s+(?P<the>the)\s+(?P<unit>day|week)\b")
@_rule(
    r"\b(?:end|ended|ending|ends|close|closed|closing|closes|finish|finished|finishing|finishes|"
    r"start|started|starting|starts|open|opened|opening|opens)\s+(?P<the>the)\s+(?P<unit>day|"
    r"week)\b(?!\s+(?:before|after|of|when|that)\b)"
)
def _that_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "that year", "the day after", "later in the day", "to end the day at 7,114" (a market
    report's session): the unit of the last date named."""
    groups = m.groupdict()
    step = _DAY_STEP.get((groups.get("how") or "").lower(), 0)
    start = m.start("the") if groups.get("the") else m.start()
    return Cand(start, m.end(), "DATE", f"NARR:{step}:{m['unit']}")


@needs("same month")
@_rule(
    r"\b[Tt]he\s+same\s+month\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|"
    r"the\s+(?:previous|prior)\s+year|(?:of\s+)?the\s+year\s+before)\b"
)
def _same_month_a_year_back(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "in January, compared to the same month a year ago": the month last named, a year back."""
    return Cand(m.start(), m.end(), "DATE", "NARR:-12:month")


@needs("that ", "same ")
@_rule(r"\b(?:[Tt]hat|[Tt]he\s+same)\s+(?P<part>morning|afternoon|evening|night)\b")
def _that_part(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "that night", "the same morning": a part of the day last named."""
    return Cand(m.start(), m.end(), "TIME", f"NARR:0:day:{PARTS_OF_DAY[m['part']]}")


@needs("earlier", "later")
@_rule(
    r"\b(?P<how>[Ee]arlier|[Ll]ater)\s+(?:(?P<the>this|next|last)\s+)(?P<unit>week|month|year)\b"
)
def _earlier_this(m: re.Match[str], ctx: Ctx) -> Cand | None:
    step = {"this": 0, "next": 1, "last": -1}[m["the"]]
    value = unit_value(ctx.ref, m["unit"], step)
    return Cand(m.start(), m.end(), "DATE", value or "XXXX", anchored=value is not None)


_WEEKS = {"week": 7, "fortnight": 14}  # days in a unit counted in weeks
_OR_SO = re.compile(r"\s+or\s+so\b", re.I)
_COUNT = r"(?P<n>" + BIG_NUMBER + "|" + NUMBER + r"|a|an|several|a few|few|many|some|a couple of)"


@needs("from now", "from today", "after tomorrow", "before yesterday")
@_rule(r"\b" + _COUNT + r"\s+(?P<unit>" + UNIT + r")s?\s+from\s+(?P<from>now|today)\b", re.I)
@_rule(r"\b[Tt]he\s+day\s+(?P<how>after\s+tomorrow|before\s+yesterday)\b")
def _from_now(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "a year from now" (the year ahead of the dct), "the day after tomorrow": one date."""
    groups = m.groupdict()
    if groups.get("how"):
        count, unit = (2 if groups["how"].startswith("after") else -2), "day"
    else:
        count, unit = number_value(m["n"]), m["unit"].lower()
    if count is None:
        return Cand(m.start(), m.end(), "DATE", "FUTURE_REF", anchored=ctx.ref is not None)
    if unit in ("hour", "minute", "second"):
        return None  # "two hours from now": a time of day, left to the clock rules
    if unit in _WEEKS and (groups.get("from") or "").lower() == "today":
        unit, count = "day", count * _WEEKS[unit]  # "a week from today": a day
    value = unit_value(ctx.ref, unit, count)
    if value and unit in _GRAIN:
        value = value[: _GRAIN[unit]]
    return Cand(m.start(), m.end(), "DATE", value or "XXXX", anchored=value is not None)


@needs("ago", "later", "earlier")
@_rule(
    r"\b" + _COUNT + r"\s+(?P<unit>" + UNIT + r"|centuries)s?(?:\s+or\s+so)?\s+"
    r"(?P<dir>ago|later|earlier)\b",
    re.I,
)
@_rule(r"\b(?P<half>half)\s+(?P<n>a|an)\s+(?P<unit>century|decade)\s+(?P<dir>ago)\b", re.I)
def _ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    count, unit = number_value(m["n"]), m["unit"].lower().replace("centuries", "century")
    if m.groupdict().get("half"):  # "half a century ago": 50 years before the dct
        value = unit_value(ctx.ref, "year", -(50 if unit == "century" else 5))
        return Cand(m.start(), m.end(), "DATE", value or "XXXX", anchored=value is not None)
    if count == 1 and unit == "year":  # "a year ago/earlier": the same period a year before
        step = 1 if m["dir"].lower() == "later" else -1
        return Cand(m.start(), m.end(), "DATE", f"FIN:{step}:{m['dir'].lower()}")
    if m["dir"].lower() != "ago":  # "three days later": a length of time; "later" a signal
        return None
    if count is None:
        return Cand(m.start(), m.end(), "DATE", "PAST_REF", anchored=ctx.ref is not None)
    if unit in ("hour", "minute", "second"):
        unit, count = "day", 0
    value = unit_value(ctx.ref, unit, -count)
    if value and value[0] == "-" or value == "0":  # before year 1: "BC" and the year, as TIDES
        if unit != "year":  # writes 480 B.C. ("2,000 years ago" in 1998: BC0003)
            return None  # "20 centuries ago": left to the duration it holds
        return Cand(m.start(), m.end(), "DATE", f"BC{1 - int(value):04d}", anchored=True)
    if value and unit in _GRAIN | {"year": 4}:  # "a thousand years ago": 0998
        value = value.zfill(4)
    if value and unit in _GRAIN:  # "a decade ago" names a decade (198), not a year (1989)
        value = value[: _GRAIN[unit]]
    mod = "APPROX" if _OR_SO.search(m[0]) else None  # "a week or so ago"
    return Cand(m.start(), m.end(), "DATE", value or "XXXX", mod, anchored=value is not None)


# digits of a year that name its decade and its century
_GRAIN = {"decade": 3, "century": 2}


@needs("ago")
@_rule(r"\b(?<!-)(?:decades|years|months|weeks)\s+ago\b", re.I)
def _units_ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "just months ago", "years ago": some time back, no count given (PAST_REF), as "a
    few years ago" is; a count before the unit makes a longer candidate, which wins."""
    return Cand(m.start(), m.end(), "DATE", "PAST_REF", anchored=ctx.ref is not None)


# "earlier"/"later" right before "this month", "that day", "this afternoon", "today" (as
# TimeBank's "Earlier yesterday", MEANTIME's "earlier today") belongs to the
# expression, as "early" does; not after a count ("two days later that week") and not
# before a weekday or "yesterday" ("Earlier Friday"), where TimeBank and AQUAINT disagree.
_EARLIER = re.compile(r"(?<![\w-])(?:earlier|later)\s+$", re.I)
_COUNTED = re.compile(r"\b(?:" + UNIT + r"|decade|centur(?:y|ie))s?\s+$", re.I)
_THIS_THAT = re.compile(r"(?:this|that)\s|(?:today|tonight)\b", re.I)  # "earlier today"


def widen_earlier_later(text: str, cand: Cand, floor: int) -> Cand:
    """Extend a "this ..."/"that ..." date or time, "today" or "tonight", over an
    "earlier"/"later" just before it, never past ``floor``. The value and the mod stay:
    "earlier this month" is still the month (the part of it before the dct, not its start)."""
    if cand.type not in ("DATE", "TIME") or not _THIS_THAT.match(text, cand.start):
        return cand
    m = _EARLIER.search(text, max(floor, cand.start - 10), cand.start)
    if m is None or _COUNTED.search(text, max(0, m.start() - 16), m.start()):
        return cand
    return replace(cand, start=m.start())


def widen_or_so(text: str, cand: Cand) -> Cand:
    """Take in an "or so" right after a length or a date ("the next two years or so",
    "an hour or so", "in 2025 or so"): it approximates the expression, mod APPROX."""
    if cand.type not in ("DATE", "DURATION") or cand.value.endswith("_REF"):
        return cand
    m = _OR_SO.match(text, cand.end)
    if m is None:
        return cand
    return replace(cand, end=m.end(), mod=cand.mod or "APPROX")
