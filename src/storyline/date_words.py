"""Dates as a reader says them: modifiers in words, partial dates, weeks, timeline entries.

Shared by the briefings (:mod:`storyline.views`, the Markdown and HTML renderers) and the
web pages (:mod:`storyline.web_story`, :mod:`storyline.web_charts`); pure functions.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

# TIMEX3 modifiers as a reader says them (date facts carry them where numbers carry hedges)
MOD_WORDS = {
    "END": "end of",
    "START": "early",
    "MID": "mid",
    "ON_OR_BEFORE": "by",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_AFTER": "from",
    "APPROX": "about",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
    "EQUAL_OR_LESS": "at most",
    "EQUAL_OR_MORE": "at least",
}
POSITION_WORDS = {"START": "early", "MID": "mid", "END": "late"}  # a part of a year
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def span_of(value: str | None) -> tuple[date, date, str] | None:
    """First day, last day and precision ("day", "month", "year") of a partial ISO date."""
    if not value:
        return None
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return day, day, "day"
        if len(value) == 7 and value[4] == "-":
            year, month = int(value[:4]), int(value[5:])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last), "month"
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31), "year"
    except ValueError:
        return None
    return None


def date_label(value: str, mod: str | None = None, precision: str | None = None) -> str:
    """A partial date as a reader says it: 3 Nov 2025, Nov 2025, 2025; "by Feb 2026". A
    date the text gives only as a part of a year (``precision`` "year": "early 2005" is
    stored as 2005-01) says so: "early 2005", "late 2017", "by the end of 2025"."""
    if precision == "year" and len(value) >= 7:
        if mod in POSITION_WORDS or not mod:
            part = POSITION_WORDS.get(mod or "", "early" if value[5:7] <= "06" else "late")
            return f"{part} {value[:4]}"
        # a deadline at a year's edge: "by the end of 2025", "from the start of 2006"
        edge = "the start of" if value[5:7] <= "06" else "the end of"
        word = MOD_WORDS.get(mod, mod.lower().replace("_", " "))
        return f"{word} {edge} {value[:4]}"
    found = span_of(value)
    if found is None:
        text = value
    elif found[2] == "day":
        text = f"{found[0].day} {MONTHS[found[0].month - 1]} {found[0].year}"
    elif found[2] == "month":
        text = f"{MONTHS[found[0].month - 1]} {found[0].year}"
    else:
        text = value
    if found and found[2] == "year" and mod in POSITION_WORDS:
        return f"{POSITION_WORDS[mod]} {text}"  # "mid 2005"
    word = MOD_WORDS.get(mod or "", (mod or "").lower().replace("_", " "))
    return f"{word} {text}" if word else text


def week_label(week: str, mod: str | None = None) -> str:
    """An ISO week as a reader says it: "2005-W09" -> "week of 28 Feb 2005"."""
    monday = date.fromisocalendar(int(week[:4]), int(week[6:8]), 1)
    text = f"week of {monday.day} {MONTHS[monday.month - 1]} {monday.year}"
    word = MOD_WORDS.get(mod or "", (mod or "").lower().replace("_", " "))
    return f"{word} {text}" if word else text


def entry_label(entry: dict[str, Any]) -> str:
    """A timeline entry's date as the web pages show it: "3 Nov 2025", "by Feb 2026",
    "early 2005", "week of 28 Feb 2005"."""
    if entry.get("precision") == "week" and entry.get("week"):
        return week_label(entry["week"], entry.get("mod"))
    return date_label(entry["date"], entry.get("mod"), entry.get("precision"))


def entry_when(entry: dict[str, Any]) -> str:
    """A timeline entry's date as the briefings show it: the date and its qualifier
    ("2026-03 (on or before)"), but a part of a year or a week in words ("early 2005",
    "week of 28 Feb 2005": not the month they are stored as)."""
    if entry.get("precision") == "week" and entry.get("week"):
        return week_label(entry["week"], entry.get("mod"))
    if entry.get("precision") == "year" or (
        len(entry["date"]) == 4 and entry.get("mod") in POSITION_WORDS
    ):
        return date_label(entry["date"], entry.get("mod"), "year")
    mod = entry.get("mod")
    return entry["date"] + (f" ({mod.lower().replace('_', ' ')})" if mod else "")
