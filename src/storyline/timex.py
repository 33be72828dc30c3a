"""Rule-based temporal tagger: finds time expressions and normalises them TIMEX3-style.

:func:`tag_times` runs a set of regular-expression rules over the text, keeps the longest
non-overlapping matches, widens each match over the modifier words before it ("no later
than", "the end of", "early", "around") and resolves relative expressions against the
document creation time (dct) in news mode: unmarked weekdays and months point to the past
(news reports what happened) unless a future cue ("will", "would", "next", "scheduled", "as
soon as", not taken back by "had been") precedes them in the clause, or a deadline word
("by", "until", "effective") leads to them; a month one or two months after the dct is
the coming one, unless a past verb governs it in its clause ("Sales rose in December", see
:mod:`timex_past`). A date opening its clause takes the tense of the first verb after it ("On
Friday, the union plans to ..."); a plan word is taken back by a past verb right after the
date ("the rally planned for Saturday was canceled"); a weekday in the possessive ("Monday's
ruling") names a reported event unless the noun is one usually ahead ("Sunday's vote").

The rules live by kind in :mod:`timex_patterns` (calendar dates), :mod:`timex_deictic`
(weekdays, "today", "next month": counted from the dct), :mod:`timex_relative`
(dates counted from another: "that year", "two years ago", "a year from now"), :mod:`timex_finance`
(quarters, fiscal years, "the year-ago period"), :mod:`timex_vague` (PRESENT_REF,
PAST_REF, FUTURE_REF), :mod:`timex_durations` (durations and sets), :mod:`timex_clock`
(times of day) and :mod:`timex_holidays` ("Christmas", "Thanksgiving Day"). Two passes
then resolve what needs the rest of the text: references to the reporting period ("the
quarter", "a year earlier" -> the quarter named first, a year before) and narrative
references ("the following year", "the day before", "that year", "the previous Friday" ->
the last calendar date named before them, else the dct).

Modifiers: an expression may follow a relational word ("by", "until", "no later than",
"before", "since", "around") and carry a position word ("the end of", "early", "mid-",
"late"). As in TimeML, a relational word that is a SIGNAL (:data:`timex_rules.SIGNALS`:
"by", "until", "since", "no later than", ...) stays out of the span and is kept in
``TimeExpr.signal``; an approximator ("around", "nearly", "more than") and a position word
belong to the span, and so do "up to" and "over" when they are quantities before a length
("for up to 180 days", "to last over a week": EQUAL_OR_LESS, MORE_THAN). "Over" before the
span something happens in ("rose over two years") is a signal that gives no relation. Before
a date counted back, "more than"/"over" and "less than"/"under" give BEFORE and AFTER ("more
than a decade ago"). ``mod`` keeps the *position* (START/MID/END) when there is one, because
it refines the value; otherwise the relation (ON_OR_BEFORE, BEFORE, AFTER, APPROX, ...).
The relation is never lost: :func:`qualifier` gives it from the signal (or from a modifier
at the start of the span), which is what the timeline uses to mark deadlines ("no later
than the end of September 2025" -> span "the end of September 2025", value 2025-09, mod
END, signal "no later than", qualifier ON_OR_BEFORE).

With no dct, relative expressions keep "X" placeholders ("XXXX-09-27", "XXXX-WXX-5"):
a year is never invented. Impossible dates ("February 30, 2024") keep month precision.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

# The rule modules register their rules on import; the order settles ties between candidates
# of the same span (earlier wins).
from storyline import timex_conjoined  # noqa: F401  isort: skip
from storyline import timex_patterns, timex_deictic, timex_relative  # noqa: F401  isort: skip
from storyline import timex_ordinals  # noqa: F401  isort: skip
from storyline import timex_finance, timex_vague  # noqa: F401  isort: skip
from storyline import timex_durations, timex_clock, timex_holidays  # noqa: F401  isort: skip
from storyline import timex_anchored  # noqa: F401  isort: skip
from storyline.model import TimeExpr
from storyline.timex_anchored import DROP
from storyline.timex_base import NEEDS, RULES, Cand, Ctx
from storyline.timex_deictic import agree_weekdays, past_year_end
from storyline.timex_finance import resolve_periods
from storyline.timex_names import THE_BEFORE, in_a_name, named_day
from storyline.timex_relative import widen_earlier_later, widen_or_so
from storyline.timex_rules import (
    DATE_RELATIONS,
    DURATION_RELATIONS,
    PREFIX,
    SIGNALS,
    Dct,
    fmt_week,
    parse_dct,
    position_of,
    relation_of,
    shift_month,
    weekday_date,
)

__all__ = ["tag_times", "qualifier", "with_signal"]


# --------------------------------------------------------------------------- assembly


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest candidates first, dropping any that overlap one already kept."""
    kept: list[Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _widen(text: str, cand: Cand, floor: int) -> Cand:
    """Extend ``cand`` over the modifier words before it, never past ``floor``."""
    base = max(floor, cand.start - 48)
    m = PREFIX.search(text[base : cand.start])
    if not m or not m.group(0):
        return cand
    rel = relation_of(m["rel"])
    pos = position_of(m["pos"] or m["adj"])
    allowed = DURATION_RELATIONS if cand.type == "DURATION" else DATE_RELATIONS
    word = " ".join((m["rel"] or "").lower().split())
    back = _counted_back(text, cand)
    if back and word in _NEAR:
        rel = "APPROX"  # "about two years ago", "nearly four weeks ago": near that date
    elif back and word in _POINT:
        rel = _POINT[word]  # "more than two years ago": before the date two years back
    elif cand.type == "DATE" and word in ("about", "some"):
        rel = None
    elif cand.type == "DATE" and word in _NEAR and _POSSESSIVE.match(text, cand.end):
        rel = None  # "to get around Wednesday's ruling": the noun's, not an approximate day
    if word == "up to" and cand.type == "DURATION":
        rel = "EQUAL_OR_LESS"  # "for up to 180 days": at most that long
    if word in ("until", "till") and _NOT_BEFORE.search(text, max(0, base - 60), base + m.start()):
        rel = "ON_OR_AFTER"  # "delayed until 2006", "will not open until March": not before
    quantity = word in _QUANTITY_WORDS and (back or cand.type == "DURATION")
    if word in ("over", "under") and text[cand.start : cand.start + 4].lower() == "the ":
        rel = None  # "over the past year": a span of time, not "more than"
    elif word == "over" and not over_means_more(text, base + m.start("rel"), cand):
        if cand.type == "DURATION" and not m["posall"]:  # "rose over two years": during them
            return replace(cand, signal="over")
        rel = None
    if rel not in allowed and not (back and rel in _POINT.values()):
        rel = None
    if cand.type != "DATE" or cand.value.startswith(("P", "PRESENT", "FUTURE")):
        pos = None
    if rel is None and pos is None:
        return cand
    signal = word if rel and word in SIGNALS and not quantity else None
    if signal:  # "by the end of May": the span starts after the signal
        start = base + (m.start("posall") if m["posall"] else m.end())
    else:
        start = base + (m.start("rel") if rel else m.start("posall"))
    if not rel and m["adj"] and re.fullmatch(r"\d{2,3}", cand.value):
        the = THE_BEFORE.search(text, max(floor, start - 4), start)
        start = the.start() if the else start  # "the late 1980s": one phrase, as "the 1980s"
    kept = cand.mod if cand.mod in ("START", "MID", "END") else None  # "year-end" is an END
    return replace(cand, start=start, mod=pos or kept or rel or cand.mod, signal=signal)


# a delay or a negation before "until" in its clause: what is told comes on or after the
# date, not by it ("has been delayed until 2006", "put back until", "won't open until March")
_NOT_BEFORE = re.compile(
    r"(?:\b(?:delay(?:ed|s|ing)?|postpon(?:ed|es?|ing)|defer(?:red|s|ring)?|(?:put|putting|"
    r"push(?:ed|es|ing)?|set)\s+back)\b(?:\s+[\w'’-]+){0,4}?"
    r"|\b(?:not|never|n['’]t)\b(?:\s+[\w'’-]+){0,6}?)\s*$",
    re.I,
)
# words that put a date counted back from the dct near it, not before or after it
_NEAR = {"about", "around", "approximately", "roughly", "some", "nearly", "almost"}
# words that put it before or after that date ("more than a decade ago", "less than a year ago")
_POINT = {"more than": "BEFORE", "over": "BEFORE", "less than": "AFTER", "under": "AFTER"}
# signal words that are quantities before a length or a counted-back date ("up to 180 days",
# "over a week"): they modify the time itself and stay in its span
_QUANTITY_WORDS = {"up to", "over"}
_AGO = re.compile(r"\sago$", re.I)
_POSSESSIVE = re.compile(r"['’]s\b")
# Words before "over" that make it "more than": a length being measured ("to last over a week",
# "for over 50 years", "in over a decade", "just over a year"). Elsewhere "over" before a
# length is "during" ("prices rose over two years", "used over three years").
_MORE_BEFORE_OVER = re.compile(
    r"\b(?:for|in|of|than|after|within|last(?:s|ed|ing)?|take[sn]?|took|taking|spen[dt]s?|"
    r"spending|been|be|is|are|was|were|wait(?:s|ed|ing)?|serve[sd]?|serving|stay(?:s|ed|ing)?|"
    r"span(?:s|ned|ning)?|just|well|slightly|little|long)\s+$",
    re.I,
)
_VAGUE_COUNT = re.compile(r"(?:several|a\s+few|few|many|some|the)\b", re.I)


def over_means_more(text: str, at: int, cand: Cand) -> bool:
    """Whether the "over" at ``at``, right before ``cand``, means "more than": before a date
    counted back ("over two years ago") or a length being measured ("to last over a week"),
    not before a span something happens during ("over several years", "rose over a year")."""
    if _counted_back(text, cand):
        return True
    if cand.type != "DURATION" or _VAGUE_COUNT.match(text, cand.start):
        return False
    return _MORE_BEFORE_OVER.search(text, max(0, at - 30), at) is not None


def _counted_back(text: str, cand: Cand) -> bool:
    """True for a date counted back from the dct: "two years ago", "six weeks ago"."""
    return cand.type == "DATE" and _AGO.search(text, cand.start, cand.end) is not None


_TIME_OF = re.compile(r"(\d{4}-\d\d-\d\d)T")  # the day of a TIME value


def _narrative(cands: list[Cand], ref: Dct | None) -> None:
    """Resolve "the following year"-style values against the last calendar date before them."""
    last: str | None = None
    last_day: str | None = None  # the last full calendar date, for "the previous Friday"
    last_month: str | None = None  # the last date with a month at least
    for c in cands:
        if c.value.startswith("NARR:"):
            _, step_s, unit, *part = c.value.split(":")  # part of a day: "that night"
            step = int(step_s)
            # the last date precise enough for the unit: a day needs a day, a month a month
            own = {"year": last, "month": last_month}.get(unit, last_day)
            if unit == "nday":  # "in morning trading": the news day named last, if one near
                own, unit = (own if _near(own, ref) else None), "day"
            if unit == "eday" and own is None:  # "the day after his death": no day to count from
                c.value, c.anchored = DROP, False
                continue
            base = own or (ref.date.isoformat() if ref and ref.date else None)
            c.value, c.anchored = "XXXX" + ("-XX-XXT" + part[0] if part else ""), False
            if base is None:
                continue
            parts = [int(p) for p in base.split("-")]
            if unit == "year":
                c.value = str(parts[0] + step)
            elif unit == "month" and len(parts) >= 2:
                y, mo = shift_month(parts[0], parts[1], step)
                c.value = f"{y}-{mo:02d}"
            elif unit.startswith("wd") and len(parts) == 3:  # "the previous Friday"
                way = "after" if step > 0 else "before"
                c.value = weekday_date(dt.date(*parts), int(unit[2:]), way).isoformat()
            elif unit in ("day", "eday", "week") and len(parts) == 3:
                days = step * (7 if unit == "week" else 1)
                day = dt.date(*parts) + dt.timedelta(days=days)
                c.value = fmt_week(day) if unit == "week" else day.isoformat()
            if part:
                c.value = (c.value if len(c.value) == 10 else "XXXX-XX-XX") + f"T{part[0]}"
            c.anchored = own is None
        elif c.type == "TIME" and (day := _TIME_OF.match(c.value)):
            # "the night of Oct. 23" names a day; "at 10 p.m." alone only took the dct's
            if not (ref and ref.date and day[1] == ref.date.isoformat()):
                last = last_month = last_day = day[1]
        elif c.type == "DATE" and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", c.value):
            last = c.value
            last_day = c.value if len(c.value) == 10 else last_day
            last_month = c.value if len(c.value) >= 7 else last_month


def _near(day: str | None, ref: Dct | None) -> bool:
    """True when ``day`` (YYYY-MM-DD) lies within a week of the dct (any day without one): the
    day a news report is about, not a date in its background."""
    if day is None or ref is None or ref.date is None:
        return day is not None
    return abs((dt.date.fromisoformat(day) - ref.date).days) <= 7


_URL = re.compile(r"(?:https?://|www\.)\S+")
# "a year-to-year basis", "the quarter-to-quarter comparison": consecutive periods, no time
_UNIT_TO = r"(?:day|week|month|quarter|year)"
_TO_UNIT = re.compile(r"-to-" + _UNIT_TO + r"\b", re.I)
_UNIT_TO_BEFORE = re.compile(r"\b" + _UNIT_TO + r"-to-$", re.I)


def _in_compound(text: str, cand: Cand) -> bool:
    """True when ``cand`` is one half of a "year-to-year" compound."""
    return bool(_TO_UNIT.match(text, cand.end) or _UNIT_TO_BEFORE.search(text, 0, cand.start))


_RANGE_JOIN = re.compile(r"\s*(?:to|and|until|till|through|-|–|—)\s*", re.I)
_MONTH_OR_DAY = re.compile(r"\d{4}(-\d\d(?:-\d\d)?)")


def _ranges(text: str, cands: list[Cand]) -> None:
    """In "from January to March 2020" / "between May 3 and May 5, 2021" the first end has
    no year of its own: it takes the closing end's year, or the year before when it would
    otherwise come after the closing end ("from November to February 2021"), not the
    article's."""
    for first, second in zip(cands, cands[1:], strict=False):
        if not (first.anchored and not second.anchored and first.type == second.type == "DATE"):
            continue
        if not _RANGE_JOIN.fullmatch(text[first.end : second.start]):
            continue
        own, closing = _MONTH_OR_DAY.fullmatch(first.value), re.match(r"\d{4}", second.value)
        if own is None or closing is None:
            continue
        value = closing[0] + own[1]
        if value[: len(second.value)] > second.value:  # "from November to February 2021"
            value = str(int(closing[0]) - 1) + own[1]
        first.value, first.anchored = value, False


def _bracketed_times(text: str, cands: list[Cand]) -> None:
    """A clock time in brackets after another gives it in another zone: "at 10:30 a.m.
    (0730 GMT)" lies on the first time's day, not on the dct's."""
    for first, second in zip(cands, cands[1:], strict=False):
        if first.type == second.type == "TIME" and text[first.end : second.start].strip() == "(":
            day, own = _TIME_OF.match(first.value), _TIME_OF.match(second.value)
            if day and own:
                second.value = day[1] + second.value[own.end(1) :]
                second.anchored = first.anchored


def tag_times(text: str, dct: str | None) -> list[TimeExpr]:
    """The time expressions of ``text``, sorted and non-overlapping, normalised against dct.

    ``dct`` is "YYYY-MM-DD", "YYYY-MM", "YYYY" or None. Each :class:`TimeExpr` holds the
    character span, its type (DATE, TIME, DURATION, SET), a TIMEX3 value at the precision
    the text supports, a mod, whether the value needed the dct, and the signal word left
    out before the span ("by", "until"), if any.
    """
    ctx = Ctx(text, parse_dct(dct))
    low = text.lower()
    rules = [
        (pattern, handler)
        for pattern, handler in RULES
        if handler not in NEEDS or any(word in low for word in NEEDS[handler])
    ]
    cands = [
        c for pattern, handler in rules for m in pattern.finditer(text) if (c := handler(m, ctx))
    ]
    urls = [(u.start(), u.end()) for u in _URL.finditer(text)]
    cands = [c for c in cands if not any(a <= c.start < b for a, b in urls)]
    cands = [c for c in cands if not _in_compound(text, c) and not in_a_name(text, c)]
    chosen = _select(cands)
    for c in chosen:
        if day := named_day(text, c.start, c.end):
            c.value, c.anchored = day, False
    widened: list[Cand] = []
    for c in chosen:
        floor = widened[-1].end if widened else 0
        widened.append(widen_or_so(text, widen_earlier_later(text, _widen(text, c, floor), floor)))
    resolve_periods(widened, ctx.ref, text)
    _ranges(text, widened)
    _narrative(widened, ctx.ref)
    agree_weekdays(text, widened)
    past_year_end(text, widened, ctx.ref)
    _bracketed_times(text, widened)
    return [
        TimeExpr(
            c.start, c.end, text[c.start : c.end], c.type, c.value, c.mod, c.anchored, c.signal
        )
        for c in widened
        if c.value != DROP
    ]


_LEADING_RELATION = re.compile(PREFIX.pattern.replace("$", ""), re.I)


def qualifier(expr: TimeExpr) -> str | None:
    """The relation of ``expr`` to what it dates: that of its signal ("by" -> ON_OR_BEFORE),
    else that of a modifier at the start of its span ("around" -> APPROX), or None.

    The span is read for the modifiers TimeML keeps in it, and for analyses stored before
    signals were split off, whose spans still start with the signal ("by May 5").
    """
    if expr.signal in ("until", "till") and expr.mod == "ON_OR_AFTER":
        return expr.mod  # "delayed until 2006": not before it (see _widen)
    if expr.signal:  # a signal "over" is "during" ("rose over two years"): no relation
        return None if expr.signal == "over" else relation_of(expr.signal)
    m = _LEADING_RELATION.match(expr.text)
    if not (m and m["rel"]):
        return None
    word = " ".join(m["rel"].lower().split())
    if expr.type == "DATE" and word in _POINT:  # "less than a year ago": after that date
        return _POINT[word]
    if expr.type == "DURATION" and word == "up to":  # "up to 180 days": at most that long
        return "EQUAL_OR_LESS"
    rel = relation_of(word)
    if rel == "LESS_THAN" and expr.type == "DATE":  # "nearly two years ago": near that date
        return "APPROX"
    return rel


def with_signal(text: str, expr: TimeExpr) -> TimeExpr:
    """``expr`` widened over its signal words in ``text`` ("until September 2026"): the
    phrase that ties the time to the rest of its sentence, as the timeline and the claims
    read it. ``expr`` itself when it has no signal or the words are not right before it."""
    if not expr.signal:
        return expr
    words = r"\s+".join(re.escape(w) for w in expr.signal.split())
    lo = max(0, expr.start - 40)
    m = re.search(r"\b" + words + r"\s+$", text[lo : expr.start], re.I)
    if m is None:
        return expr
    start = lo + m.start()
    return replace(expr, start=start, text=text[start : expr.end])
