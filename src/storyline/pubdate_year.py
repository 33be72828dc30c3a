"""Fixing the year of a day and month that a page gives without one.

A weekday written with the day ("Friday September 27") or named in the text for a dateline
("September 27 ... this Friday") narrows the year to one in about seven; the years the text
mentions (past events, announced future ones) or a footer year ("(c) 2025 The Star") choose
among those candidates, and a choice that is not unique gives no year.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.model import Removed, TimeExpr
from storyline.timex_rules import FUTURE_CUE, WEEKDAY, WEEKDAYS, valid_date

__all__ = [
    "dateline_weekday",
    "fix_year",
    "footer_year",
    "sentence_before",
    "weekday_pairs",
    "year_mentions",
]

_LEADING_WEEKDAY = re.compile(r"^(?:on\s+)?(" + WEEKDAY + r")", re.I)
_THIS_WEEKDAY = re.compile(r"\b(?:this|today,?)\s+(" + WEEKDAY + r")")
_AHEAD = re.compile(FUTURE_CUE.pattern + r"|\bcan\s+be\s+(?:seen|heard|watched)\b", re.I)
_ANY_WEEKDAY = re.compile(r"\b(?:(next|coming|following)\s+)?(" + WEEKDAY + r")")
_COPYRIGHT_YEAR = re.compile(
    r"(?:©|\(c\)|\bcopyright\b)[^\n\d]{0,60}?(?:(?:19|20)\d\d\s*[-–]\s*)?((?:19|20)\d\d)\b"
    r"|\b((?:19|20)\d\d)\s*(?:©|\(c\))",
    re.IGNORECASE,
)
# Candidate publication years for a day-month fixed by a weekday mention alone: web news.
_FIRST_YEAR, _LAST_YEAR = 2000, 2100
# How far the chosen year may lie from the year that anchors it (a footer year is the site's
# current year; a past year in the text is recent news only when close to the report).
_FOOTER_SPAN, _PAST_SPAN = 2, 6


def sentence_before(text: str, start: int) -> str:
    return re.split(r"[.!?\n]\s", text[max(0, start - 200) : start])[-1]


def year_mentions(text: str, times: list[TimeExpr]) -> tuple[set[int], set[int]]:
    """(future years, other years) written explicitly in the text."""
    future: set[int] = set()
    other: set[int] = set()
    for t in times:
        if t.type != "DATE" or t.anchored or not re.match(r"\d{4}", t.value):
            continue
        year = int(t.value[:4])
        ahead = FUTURE_CUE.search(sentence_before(text, t.start) + " " + t.text)
        (future if ahead else other).add(year)
    return future, other - future


def fix_year(
    month: int, day: int, weekday: int, future: set[int], other: set[int]
) -> tuple[int | None, str]:
    """The year in which month/day falls on weekday and that fits the years the text mentions."""
    candidates = [y for y in range(1970, 2101) if valid_date(y, month, day)]
    candidates = [y for y in candidates if dt.date(y, month, day).weekday() == weekday]
    near = [y for y in candidates if 2000 <= y <= 2030]
    if future:
        low, high = min(future) - 3, min(future) - 1
        other = {o for o in other if o < min(future)}  # later uncued years read as future too
    elif other:
        low, high = max(other), max(other) + 1
    else:
        return None, f"candidates {near}: the text mentions no year to choose among them"
    fits = [
        y
        for y in candidates
        if low <= y <= high and not any(f <= y for f in future) and not any(o > y for o in other)
    ]
    near = [y for y in candidates if low - 12 <= y <= high + 12]
    mentioned = f"future years {sorted(future)}, other years {sorted(other)}"
    if len(fits) != 1:
        return None, f"candidates {near} ({mentioned}); none fits alone"
    rejected = [y for y in near if y != fits[0]]
    return fits[0], f"fits {mentioned}; rejected {rejected}"


def weekday_pairs(
    text: str, times: list[TimeExpr], line: TimeExpr | None
) -> list[tuple[int, int, int, str]]:
    """(month, day, weekday, text) pairs: "Friday September 27", or dateline + "this Friday".

    A day the text looks forward to ("will play on Saturday 20 August", a listing's "can be
    seen on Sunday, 12 December") is not the day of the report, so it gives no pair.
    """
    pairs = []
    for t in times:
        m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", t.value)
        clause = re.split(r"[,;:\"“”]", sentence_before(text, t.start))[-1]
        ahead = _AHEAD.search(clause)  # a quote before the date has verbs of its own
        ahead = ahead or t.signal is not None  # "until Friday, May 5": a span, not the day
        if m and not ahead and (wd := _LEADING_WEEKDAY.match(t.text)):
            pairs.append((int(m[1]), int(m[2]), WEEKDAYS[wd[1].lower()], t.text))
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", line.value) if line is not None else None
    if m and line is not None and (this := _THIS_WEEKDAY.search(text)):
        said = f"{line.text} + {this[0]}"
        pairs.append((int(m[1]), int(m[2]), WEEKDAYS[this[1].lower()], said))
    return pairs


def footer_year(text: str, removed: list[Removed]) -> tuple[int, str] | None:
    """(year, line) of a copyright/footer line ("© 2025 The Star", "Copyright 2010-2025"):
    the latest such year among the removed lines and the last lines of the body."""
    lines = [r.text for r in removed] + text.splitlines()[-3:]
    best: tuple[int, str] | None = None
    for line in lines:
        if len(line) > 150:
            continue
        for m in _COPYRIGHT_YEAR.finditer(line):
            year = int(m[1] or m[2])
            if best is None or year > best[0]:
                best = (year, line.strip())
    return best


def _past_weekdays(text: str) -> list[tuple[int, str]]:
    """(weekday number, words) of the weekdays the text names for past or present events:
    not "next Monday" and not in a sentence that speaks of the future."""
    found = []
    for m in _ANY_WEEKDAY.finditer(text):
        if m[1] or FUTURE_CUE.search(sentence_before(text, m.start())):
            continue
        found.append((WEEKDAYS[m[2].lower()], m[2]))
    return found


def _report_weekdays(named: set[int]) -> set[int]:
    """Weekdays the report may be dated: the latest named day (the one after which all the
    others fall in the shortest span) or the day after it."""
    span = {d: max((d - w) % 7 for w in named) for d in range(7)}
    shortest = min(span.values())
    latest = {d for d, s in span.items() if s == shortest}
    return latest | {(d + 1) % 7 for d in latest}


def _bounded_year(
    month: int, day: int, weekdays: set[int], past: set[int], future: set[int], footer: int | None
) -> tuple[int | None, str]:
    """The year of a day-month whose weekday is one of ``weekdays``, anchored by a footer
    year (the latest candidate not after it) or else by the latest past year of the text
    (the earliest candidate not before it); below any future year. None without an anchor."""
    cands = [
        y
        for y in range(_FIRST_YEAR, _LAST_YEAR + 1)
        if valid_date(y, month, day) and dt.date(y, month, day).weekday() in weekdays
    ]
    cap = min(future) if future else _LAST_YEAR + 1
    low = max((y for y in past if y < cap), default=None)
    if footer is not None:
        pool = [y for y in cands if y <= min(footer, cap - 1) and (low is None or y >= low)]
        pick = max(pool, default=None)
        ok = pick is not None and footer - pick <= _FOOTER_SPAN
        rule, anchor = "latest candidate not after", f"the footer year {footer}"
    elif low is not None:
        pool = [y for y in cands if low <= y < cap]
        pick = min(pool, default=None)
        ok = pick is not None and pick - low <= _PAST_SPAN
        rule, anchor = "earliest candidate not before", f"{low}, the latest past year in the text"
    else:
        return None, "no year in the text and no footer year to choose among them"
    near = [y for y in cands if abs(y - (pick or footer or low or 0)) <= 12]
    if not ok or pick is None:
        return None, f"candidates {near}: none close enough to {anchor}"
    return pick, f"{rule} {anchor}; other candidates {[y for y in near if y != pick]}"


def dateline_weekday(
    text: str,
    line: TimeExpr | None,
    said: str,
    years: tuple[set[int], set[int]],
    footer: tuple[int, str] | None,
) -> tuple[str | None, str]:
    """(date or None, detail) for a day-month dateline whose year a weekday named in the text
    narrows to a few candidates, chosen among them by the footer year or the past years."""
    m = re.fullmatch(r"XXXX-(\d\d)-(\d\d)", line.value) if line is not None else None
    named = _past_weekdays(text)
    if not m or not named:
        return None, ""
    month, day = int(m[1]), int(m[2])
    weekdays = _report_weekdays({w for w, _ in named})
    future, past = years
    year, why = _bounded_year(month, day, weekdays, past, future, footer[0] if footer else None)
    days = ", ".join(dict.fromkeys(f"'{word}'" for _, word in named))
    if year is None:
        return None, f"'{said}' with {days}: {why}"
    weekday = dt.date(year, month, day)
    footnote = f" (footer '{footer[1]}')" if footer and "footer" in why else ""
    detail = f"'{said}' with {days}: {weekday:%A %d %B} in {year}; {why}{footnote}"
    return f"{year}-{month:02d}-{day:02d}", detail
