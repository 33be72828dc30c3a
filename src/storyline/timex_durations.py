"""Rules for lengths of time and for repeated times: durations ("three years", "the past two
quarters", "2 1/2 years", "a 10-year-old") and sets ("every year", "twice a week",
"$2 million a year").

Durations get TIMEX3 values such as P3Y, PT24H or PXM (an unknown number of months);
sets get the length of their period (P1Y) or the calendar slot they repeat (XXXX-07 for
"each July").
"""

from __future__ import annotations

import re

from storyline.timex_base import Cand, Ctx, needs, rule
from storyline.timex_rules import (
    BIG_NUMBER,
    FULL_MONTH,
    MONTHS,
    NUMBER,
    PARTS_OF_DAY,
    SEASONS,
    UNIT,
    WEEKDAY,
    WEEKDAYS,
    duration_value,
    number_value,
)

_COUNT = (
    r"(?P<n>" + BIG_NUMBER + "|" + NUMBER
    + r"|a|an|several|a few|few|many|some|a couple of|a number of|dozens of)"
)  # fmt: skip
# "2 1/2 years", "two and a half years", "a year and a half"
_HALF = r"(?P<half>\s+1/2|\s+and\s+a\s+half|-and-a-half)?"
_EXTRA = (
    r"(?:(?P<extra>more|additional|further|straight|consecutive|successive|full|trading|business|"
    r"working)\s+)?"
)
_UNIT = r"(?P<unit>centuries|" + UNIT + r"|quarter)s?"
# the value of half a unit, in the next smaller unit
_HALF_OF = {"year": "6M", "month": "15D", "day": "12H", "hour": "30M", "minute": "30S"}


_NOT_A_COUNT = re.compile(r"\d[.,]$")  # the number is the end of a decimal
# vague counts of quarters that are no fraction when a noun without a determiner follows "of"
_FEW = ("several", "a few", "few", "many", "a couple of")
_NOT_A_SHARE = re.compile(r"s?\s+of\s+(?!the\b|a\b|an\b|its\b|their\b|his\b|her\b|our\b)[a-z]")
_VAGUE_PLACES = ("many", "some", "several")


def _value(count: int | None, unit: str, half: bool) -> str:
    """The TIMEX3 duration of ``count`` (and a half) ``unit``s; quarters count as Q."""
    unit = unit.lower().replace("centuries", "century")
    if unit == "quarter":
        return f"P{'X' if count is None else count}Q"
    value = duration_value(count, unit)
    if half and count is not None and unit in _HALF_OF:
        extra = _HALF_OF[unit]
        time = unit in ("hour", "minute") or (unit == "day" and "T" not in value)
        return value + ("T" if time and "T" not in value else "") + extra
    return value


@rule(
    r"\b(?:the\s+)?(?:past|last|next|coming|previous|first|final|latest|year-earlier|"
    r"year-ago|remaining)\s+" + _COUNT + _HALF + r"\s+" + _EXTRA + _UNIT + r"\b",
    re.I,
)
@rule(
    r"\b" + _COUNT + _HALF + r"(?:-|\s+)" + _EXTRA + _UNIT + r"\b"
    r"(?P<half2>\s+and\s+a\s+half\b)?(?![\s-]olds?\b)",
    re.I,
)
def _duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    word = m["n"].lower()
    unit = m["unit"].lower()
    if m["unit"][0].isupper():
        return None  # "CBS's 60 Minutes", "48 Hours": a title, not a length of time
    if _NOT_A_COUNT.search(ctx.before(m.start(), 2)):
        return None  # "9.85 seconds" is not 85 seconds
    if unit == "second" and ctx.after(m.end(), 1) == "-":
        return None  # "three second-half goals": an ordinal
    if unit == "quarter" and "-" in m[0] and word not in ("a", "an"):
        return None  # "three-quarters said", "a four-quarter test": a fraction, not a length
    if unit == "quarter" and word in _VAGUE_PLACES and ctx.before(m.start(), 3) == "in ":
        return None  # "hot favourites in many quarters": places, not quarters of a year
    if word == "some" or (word in ("a", "an") and unit in ("second", "quarter")):
        return None  # "some years" is vague, "a second group" an ordinal, "a quarter" a share
    share = not (word in _FEW and _NOT_A_SHARE.match(ctx.after(m.end(), 20)))
    if m["extra"] and m["extra"].lower() in ("straight", "consecutive", "successive"):
        share = False  # "two consecutive quarters of growth": a run of periods, no fraction
    if unit == "quarter" and share and re.match(r"s?(?:\s+of\b|-)", ctx.after(m.end(), 4)):
        return None  # "three quarters of the vote"; not "several quarters of losses"
    if word in ("a", "an") and _AMOUNT_BEFORE.search(ctx.before(m.start(), 30)):
        return None  # "$2 million a year" is a rate (see _rate)
    count = number_value(m["n"])
    half = bool(m["half"] or m.groupdict().get("half2"))
    start = m.start()
    plural = ctx.text[m.end("unit") : m.end("unit") + 1].lower() == "s" or m["unit"][-1] in "sS"
    if plural and _THE.search(ctx.before(start, 5)) and "-" not in m[0]:
        start -= 4  # "the nine months": the determiner belongs to the noun phrase (TIDES)
    return Cand(start, m.end(), "DURATION", _value(count, unit, half))


_THE = re.compile(r"(?:^|\W)[Tt]he $")  # "the " right before a count of plural units


@rule(
    r"\b(?:the\s+(?:next|past|last|first)\s+)?(?P<a>\d{1,3}|" + NUMBER + r")\s*(?:-|to|or)\s*"
    r"(?P<b>\d{1,3}|" + NUMBER + r")\s+" + _UNIT + r"\b",
    re.I,
)
def _range(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if re.match(r"[\s-]olds?\b", ctx.after(m.end(), 6)):
        return None  # "16-21 year olds": ages
    low, high = number_value(m["a"]), number_value(m["b"])
    if low is None or high is None or not 0 < low < high:
        return None
    return Cand(m.start(), m.end(), "DURATION", _value(None, m["unit"], False))


_BARE = r"(?P<unit>centuries|decades|years|months|weeks|days|hours|minutes|quarters)"


@needs("centuries", "decades", "years", "months", "weeks", "days", "hours", "minutes", "quarters")
@rule(r"\b(?:(?:the|recent|past)\s+)?" + _BARE + r"\b(?:\s+or\s+(?:months|years|weeks))?", re.I)
def _bare_duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    before = ctx.before(m.start(), 16).lower()
    after = ctx.after(m.end(), 4).lower()
    first = m[0].split()[0].lower()
    if first == "the" and not re.search(r"\b(?:over|for|through)\s+$", before):
        return None
    if re.search(r"\b(?:early|wee|small|late|waking|opening|closing)\s+$", before):
        return None  # "in the early hours of Friday": a part of a day, not a length of time
    if first == "recent" or (first == "past" and m["unit"].lower() == "years"):
        return None  # a vague reference to the past (see timex_vague)
    if m["unit"].lower() == "quarters" and after[:3] == " of":
        return None  # "three quarters of the seats": a share
    if not (
        first in ("the", "past")
        or re.search(r"\b(?:for|after|over|within|in|past|last|took|takes|take)\s+$", before)
        or after[:3] in (" of", "-lo")
    ):
        return None
    unit = m["unit"].lower()
    unit = "century" if unit == "centuries" else unit[:-1]
    return Cand(m.start(), m.end(), "DURATION", _value(None, unit, False))


_PART_OF = {("half", "century"): "P50Y", ("half", "decade"): "P5Y", ("half", "year"): "P6M",
            ("half", "month"): "P15D", ("half", "day"): "PT12H", ("half", "hour"): "PT30M",
            ("quarter", "century"): "P25Y", ("quarter", "hour"): "PT15M"}  # fmt: skip


@needs("half", "quarter")
@rule(r"\b(?P<part>half)\s+(?:a|an)\s+(?P<unit>century|decade|year|month|day|hour)\b", re.I)
@rule(r"\b(?:a|an)\s+(?P<part>half|quarter)[\s-](?P<unit>century|hour)\b", re.I)
def _part_of_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "half a century" (P50Y), "a half-hour" (PT30M), "a quarter century" (P25Y)."""
    if re.match(r"\s+ago\b", ctx.after(m.end(), 6)):
        return None  # "half a century ago" is a date (timex_patterns)
    value = _PART_OF[(m["part"].lower(), m["unit"].lower())]
    return Cand(m.start(), m.end(), "DURATION", value)


@needs("long")
@rule(r"\b(?P<unit>hour|day|week|fortnight|month|year|decade)(?:-|\s)?long\b", re.I)
def _unit_long(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "a day-long meeting", "a weeklong strike": one unit of time."""
    return Cand(m.start(), m.end(), "DURATION", duration_value(1, m["unit"]))


@needs("for ")
@rule(r"\b(?:for\s+)(?P<what>a\s+while|some\s+time|a\s+(?:long|short|lengthy)\s+(?:time|period|"
      r"while)|a\s+fairly\s+lengthy\s+period|a\s+time)\b", re.I)  # fmt: skip
def _while(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return Cand(m.start("what"), m.end(), "DURATION", "PXX")


# --------------------------------------------------------------------------- sets

_SET_UNITS = {"day": "P1D", "week": "P1W", "fortnight": "P2W", "month": "P1M", "year": "P1Y",
              "quarter": "P1Q", "hour": "PT1H", "night": "XXXX-XX-XXTNI",
              "morning": "XXXX-XX-XXTMO", "evening": "XXXX-XX-XXTEV",
              "afternoon": "XXXX-XX-XXTAF"}  # fmt: skip
_SET_WORDS = r"day|week|fortnight|month|year|quarter|hour|night|morning|evening|afternoon"
_SEASON_WORDS = r"winter|spring|summer|autumn|fall"


@needs("every", "each", "once", "twice", "times", "annually", "yearly")
@rule(r"\b(?:every|each)\s+(?P<unit>" + _SET_WORDS + "|" + WEEKDAY + "|" + FULL_MONTH + "|"
      + _SEASON_WORDS + r")\b", re.I)  # fmt: skip
@rule(r"\b(?:once|twice|\w+ times)\s+(?:a|an|per|each|every)\s+(?P<unit>" + _SET_WORDS + r")\b",
      re.I)  # fmt: skip
@rule(r"\b(?P<word>annually|yearly)\b", re.I)
def _set(m: re.Match[str], ctx: Ctx) -> Cand | None:
    groups = m.groupdict()
    unit = (groups.get("unit") or "year").lower()
    if unit in _SET_UNITS:
        return Cand(m.start(), m.end(), "SET", _SET_UNITS[unit])
    if unit in SEASONS:  # "every summer"
        return Cand(m.start(), m.end(), "SET", f"XXXX-{SEASONS[unit]}")
    if unit.rstrip(".") in MONTHS:
        return Cand(m.start(), m.end(), "SET", f"XXXX-{MONTHS[unit.rstrip('.')]:02d}")
    return Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}")


_NAME_BEFORE = re.compile(r"\b(?!On\b|And\b|Every\b|Most\b|Some\b|All\b)[A-Z][a-z]+\s+$")
_WEEKDAY_NAMES = "|".join(w.capitalize() for w in WEEKDAYS if len(w) > 4)


@needs("days", "nights", "mornings", "evenings", "afternoons")
@rule(r"\b(?P<wd>" + _WEEKDAY_NAMES + r")(?:s|\s+(?P<part>morning|afternoon|evening|night)s)\b")
def _weekdays(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "on Mondays", "Tuesday nights": that day (or part of it) every week, a SET; not in
    a name of capitalised words ("Happy Mondays")."""
    if _NAME_BEFORE.search(ctx.before(m.start(), 20)):
        return None
    part = f"T{PARTS_OF_DAY[m['part']]}" if m["part"] else ""
    return Cand(m.start(), m.end(), "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}{part}")


_LETTERS = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q"}


@needs("every", "each of")
@rule(r"\bevery\s+(?P<n>other|" + NUMBER + r")\s+"
      r"(?P<unit>year|month|week|day|hour|minute|quarter)s?\b", re.I)  # fmt: skip
@rule(
    r"\beach\s+of\s+the\s+(?:past|last|next|coming|previous|first|following)\s+"
    r"(?P<n>" + NUMBER + r")\s+(?P<unit>years|months|weeks|days|quarters)\b",
    re.I,
)
def _every_n(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "every four years" (SET P4Y), "every other week" (P2W); "each of the last three
    years" repeats once a year (P1Y), the count only bounds the set."""
    unit = m["unit"].lower().rstrip("s")
    word = m["n"].lower()
    count = 1 if m[0].lower().startswith("each") else (2 if word == "other" else number_value(word))
    if count is None or count < 1:
        return None
    if unit in ("hour", "minute"):
        return Cand(m.start(), m.end(), "SET", f"PT{count}{unit[0].upper()}")
    return Cand(m.start(), m.end(), "SET", f"P{count}{_LETTERS[unit]}")


_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P1Q",
            "hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "fortnightly": "P2W"}  # fmt: skip


@needs("daily", "weekly", "monthly", "quarterly", "hourly", "nightly")
@rule(r"\b(?P<word>daily|weekly|fortnightly|monthly|quarterly|hourly|nightly)\b(?=\s*(?:[.,;:!?)'\"“”]|$)|"
      r"\s+(?:and|or|but|at|in|on|for|since|from|to|by|with|until|during|through|over|as|"
      r"basis|since)\b)", re.I)  # fmt: skip
def _adverb_set(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "meets weekly", "rallies held almost daily", "on a daily basis": a repeated time. The
    adjective before a noun ("daily volume", "quarterly dividend") is not marked."""
    return Cand(m.start(), m.end(), "SET", _ADVERBS[m["word"].lower()])


_ADJECTIVES = {"annual": "P1Y", "yearly": "P1Y"} | _ADVERBS
# "daily" as a noun, a newspaper: "the daily said", "the Communist Party daily Granma"
_PAPER_VERB = re.compile(
    r"\s+(?:said|says|reported|reports|wrote|writes|quoted|quotes|carried|published|added|"
    r"claimed|noted|is|was|has|had)\b"
)


@needs("hourly", "daily", "weekly", "monthly", "annual", "yearly", "nightly")
@rule(r"(?<![\w-])(?P<word>[Hh]ourly|[Dd]aily|[Ww]eekly|[Ff]ortnightly|[Mm]onthly|[Aa]nnual|"
      r"[Nn]ightly)"
      r"(?=\s+[a-z])")  # fmt: skip
def _adjective_set(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the daily tally", "his weekly address", "annual reports": the noun's event recurs
    once a period, a SET (TIDES, TimeML). Only before a lower-case noun: "the Daily Mail",
    "Weekly Percentage Leaders", "the annual March for Life" are names. A quarterly dividend
    is left out, as the TimeBank annotators left every one of them."""
    if _PAPER_VERB.match(ctx.text, m.end()):
        return None  # "the daily said"
    if m["word"][0].isupper() and _NAME_BEFORE.search(ctx.before(m.start(), 20)):
        return None  # "the China Daily newspaper", "Entertainment Weekly magazine"
    return Cand(m.start(), m.end(), "SET", _ADJECTIVES[m["word"].lower()])


# A rate: an amount "a year" ("$2 million a year", "700 seats a week").
# The amount may be written "£1bn" or "$5bn (£2.7bn)", with its conversion in brackets.
_AMOUNT_BEFORE = re.compile(
    r"(?:\d%?|\d(?:bn|m|k|tn)\b|\b(?:million|billion|thousand|hundred|percent|cents?|dollars?|"
    + NUMBER
    + r")|\b(?:dozens|hundreds|thousands|millions)\s+of)(?:\s+[a-z-]+s)?"
    r"(?:\s*\([^()]{1,30}\))?\s*$",
    re.I,
)


@needs("a year", "a month", "a week", "a fortnight", "a day", "a quarter", "an hour", "per ")
@rule(
    r"\b(?:an?|per)\s+(?P<unit>year|month|week|fortnight|day|quarter|hour)\b"
    r"(?!\s+(?:ago|earlier|later))"
)
def _rate(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if not _AMOUNT_BEFORE.search(ctx.before(m.start(), 30)):
        return None
    return Cand(m.start(), m.end(), "SET", _SET_UNITS[m["unit"]])
