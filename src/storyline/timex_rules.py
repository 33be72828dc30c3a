"""Lexicon, patterns and calendar arithmetic used by the temporal tagger in :mod:`timex`.

Holds word lists (months, weekdays, number words, units), regular-expression fragments
built from them, the modifier words that may precede a date ("no later than", "the end
of", "early", "around"), and small pure helpers to read a document creation time and to
move around the calendar. Nothing here knows about a particular text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "couple of": 2, "a dozen": 12, "dozen": 12,
}  # fmt: skip
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
VAGUE_NUMBERS = ("several", "a few", "few", "many", "some", "a couple of", "couple of")
# unit -> (TIMEX3 duration letter, multiplier, needs the "T" time designator)
UNITS = {
    "century": ("Y", 100, False), "decade": ("Y", 10, False), "year": ("Y", 1, False),
    "month": ("M", 1, False), "week": ("W", 1, False), "day": ("D", 1, False),
    "hour": ("H", 1, True), "minute": ("M", 1, True), "second": ("S", 1, True),
    "fortnight": ("W", 2, False),
}  # fmt: skip
SEASONS = {"winter": "WI", "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA"}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first so the longest form wins; a space
    inside a phrase matches any run of whitespace ("no  later than", "up to\nthe end")."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_FULL_NAMES = [m.lower() for m in calendar.month_name if m]
# a full name never takes the full stop after it ("on 23 June."), an abbreviation does ("Sept.")
MONTH = (
    r"(?:(?:" + _alt([m.capitalize() for m in _FULL_NAMES]) + r")"
    r"|(?:" + _alt([m.capitalize() for m in MONTHS if m not in _FULL_NAMES]) + r")\.?)"
    r"(?![a-z])"
)
FULL_MONTH = r"(?:" + _alt([m.capitalize() for m in MONTHS if len(m) > 3 or m == "may"]) + r")\b"
WEEKDAY = r"(?:" + _alt([w.capitalize() for w in WEEKDAYS if len(w) > 4]) + r")\b"
NUMBER = (
    r"(?:\d{1,3}|"
    + TENS
    + r"[-\s]"
    + ONES
    + r"\b|"
    + _alt([w for w in NUMBERS if w not in ("a", "an")])
    + r")"
)
UNIT = r"(?:" + _alt(list(UNITS)) + r")"
# a count in hundreds or thousands: "two thousand", "a hundred and fifty", "2,000"
BIG_NUMBER = (
    r"(?:(?:" + NUMBER + r"|a)\s+(?:hundred|thousand)(?:\s+(?:and\s+)?" + NUMBER + r")?"
    r"|\d{1,3}(?:,\d{3})+)(?![\d,])"
)
YEAR = r"(?:1[89]\d\d|20\d\d|2100)"

# Words that make a following 4-digit number a year (and not a count).
YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|from|to|through|before|after|during|early|late|"
    r"mid|year|years|between|and|circa|around|spring|summer|autumn|fall|winter|"
    r"end|start|beginning|for|as of|the)\s+|[-–—/]|\bmid-|\(|" + MONTH + r"\.?,?\s+)$",
    re.IGNORECASE,
)
# Words before a number that make it a count ("about 2000 troops").
COUNT_CONTEXT = re.compile(
    r"\b(?:about|around|some|nearly|almost|over|than|roughly|approximately|up\s+to|at\s+least|"
    r"total\s+of|only)\s+$|[$€£]\s*$",
    re.IGNORECASE,
)

# Modifier words that may stand before a date or a duration.
_RELATIONS = {
    "no later than": "ON_OR_BEFORE", "not later than": "ON_OR_BEFORE", "by": "ON_OR_BEFORE",
    "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE", "up to": "ON_OR_BEFORE",
    "before": "BEFORE", "prior to": "BEFORE", "after": "AFTER", "since": "AFTER",
    "no earlier than": "ON_OR_AFTER", "not before": "ON_OR_AFTER", "around": "APPROX",
    "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "circa": "APPROX",
    "some": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "at least": "EQUAL_OR_MORE", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "no more than": "EQUAL_OR_LESS", "not more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS", "no less than": "EQUAL_OR_MORE", "not less than": "EQUAL_OR_MORE",
}  # fmt: skip
# Relational words that TimeML marks as SIGNALs: they tie the time to an event, so they stay
# out of the TIMEX3 span ("by <TIMEX3>Friday</TIMEX3>"). The others ("about", "nearly", "more
# than") modify the time itself and stay in it ("<TIMEX3>about two years</TIMEX3>").
SIGNALS = frozenset({
    "no later than", "not later than", "by", "until", "till", "up to", "before", "prior to",
    "after", "since", "no earlier than", "not before", "over",
})  # fmt: skip
# relations that make sense before a point in time / before a length of time
DATE_RELATIONS = {"ON_OR_BEFORE", "BEFORE", "AFTER", "ON_OR_AFTER", "APPROX"}
DURATION_RELATIONS = {"APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
_POSITIONS = {
    "end": "END", "close": "END", "beginning": "START", "start": "START", "middle": "MID",
    "early": "START", "mid": "MID", "late": "END",
}  # fmt: skip
PREFIX = re.compile(
    r"(?:(?<!-)\b(?P<rel>" + _alt(list(_RELATIONS)) + r")\s+)?"
    r"(?P<posall>(?:\bthe\s+)?(?:\bvery\s+)?\b(?P<pos>end|close|beginning|start|middle)\s+of\s+"
    r"(?:the\s+)?|\b(?P<adj>early|mid|late)(?:-|\s+)(?:in\s+)?)?$",
    re.IGNORECASE,
)


def relation_of(word: str | None) -> str | None:
    """The TIMEX3 mod for a relational word ("by" -> ON_OR_BEFORE), or None."""
    return _RELATIONS.get(" ".join(word.lower().split())) if word else None


def position_of(word: str | None) -> str | None:
    """The TIMEX3 mod for a position word ("end", "early" -> END, START), or None."""
    return _POSITIONS.get(word.lower()) if word else None


# "due to" before a verb is a plan ("due to arrive"); before a noun a cause ("due to rain",
# "due to the strike", "due to rising costs").
_DUE = (
    r"due(?!\s+to\s+(?:the|a|an|its|his|her|their|this|that|these|those|our|my|your|poor|bad|"
    r"heavy|high|low|strong|weak|lack|rain|snow|fog|ice|wind|storms?|weather|illness|injury|"
    r"[a-z]+(?:ing|tion|sion|ness|ment|ity|ure|ance|ence|s))\b)"
)
# Words before an expression that make an unanchored month or weekday point to the future
# (a space between words matches any run of whitespace): plans, schedules, and what someone
# must or has to do ("Iraq must answer by Friday"; "must" in lower case and not "must see",
# which heads pages: "MUST SEE: ... Last updated on: November 11").
FUTURE_CUE = re.compile(
    (
        r"\b(?:will|shall|won't|'ll|going to|plans? to|planned|planning|scheduled|" + _DUE + r"|"
        r"set to|expected to|expects? to|is to|are to|aims? to|intends? to|upcoming|next|coming|"
        r"as (?:soon|early) as|would|should(?! have)|(?-i:must)(?! have|\W*see\b)|"
        r"(?:has|have|needs?) to(?! do with)|(?:is|are) expected)\b"
    ).replace(" ", r"\s+"),
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Dct:
    """A document creation time at the precision it was given: month and day may be None."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        """The full calendar date, or None when the dct lacks a month or a day."""
        if self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)


_DCT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_dct(dct: str | None) -> Dct | None:
    """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD" (anything after is ignored); None if unreadable."""
    m = _DCT.match(dct or "")
    if not m:
        return None
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if month and not 1 <= month <= 12:
        return Dct(year)
    if month and day and not valid_date(year, month, day):
        return Dct(year, month)
    return Dct(year, month or None, day or None)


def valid_date(year: int, month: int, day: int) -> bool:
    """True when year-month-day is a real calendar date."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def fmt_date(d: dt.date) -> str:
    """YYYY-MM-DD."""
    return d.isoformat()


def fmt_week(d: dt.date) -> str:
    """The ISO week of ``d`` as YYYY-Www."""
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def weekday_date(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The date of ``weekday`` seen from ``anchor``.

    direction: "on_or_before" (news default), "before" ("last Friday"), "on_or_after",
    "after" ("next Friday").
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "before":
        back = back or 7
    if direction == "after":
        ahead = ahead or 7
    if direction in ("on_or_before", "before"):
        return anchor - dt.timedelta(days=back)
    return anchor + dt.timedelta(days=ahead)


def number_value(word: str) -> int | None:
    """The integer a number word or digits stand for; None for vague words ("several")."""
    word = " ".join(word.lower().split())
    if word.replace(",", "").isdigit():
        return int(word.replace(",", ""))
    for size, scale in (("thousand", 1000), ("hundred", 100)):
        head, found, rest = word.partition(f" {size}")
        if found and (count := number_value(head)) is not None:
            rest = rest.strip().removeprefix("and ").strip()
            more = number_value(rest) if rest else 0
            return None if more is None else count * scale + more
    tens, _, ones = word.replace("-", " ").partition(" ")
    if ones and tens in NUMBERS and ones in NUMBERS and NUMBERS[tens] % 10 == 0:
        return NUMBERS[tens] + NUMBERS[ones]
    return NUMBERS.get(word)


def duration_value(count: int | None, unit: str) -> str:
    """A TIMEX3 duration ("P10Y", "PT24H", "PXM") for ``count`` ``unit`` (None = unknown)."""
    letter, mult, is_time = UNITS[unit.lower().rstrip("s")]
    amount = "X" if count is None else str(count * mult)
    return f"P{'T' if is_time else ''}{amount}{letter}"


# Plural nouns that are counted ("the 2000 troops"), never dated like "the 1998 elections".
_PEOPLE = re.compile(
    r"\s+(?:troops|soldiers|people|workers|employees|residents|members|students|delegates|"
    r"refugees|officers|families|children|passengers|protesters|demonstrators|marines|"
    r"sailors|prisoners|civilians|jobs|tons|tonnes|barrels|acres|miles|kilometers|"
    r"kilometres|copies|shares)\b",
    re.I,
)
_COUNT_NOUN = re.compile(r"\s+(?:[a-z]+s|people|men|women|police|staff|personnel)\b")


# A year that ends a product's name is no date: "Windows XP Media Centre Edition 2005",
# "Office 2003", "Windows Server 2003", "versions 2003 and 2005". A meeting's or a contest's
# is ("WWDC 2005", "Euro 2004": MEANTIME tags them), so only words that name versions count.
_PRODUCT = r"\b(?:[Ee]ditions?|[Vv]ersions?|[Rr]eleases?|Server|Office|Windows|Studio|Exchange|SQL)"
_PRODUCT_BEFORE = re.compile(_PRODUCT + r"\s$")
# ... and so is one that goes on a list of versions after such a name: "Windows 95, 98, 2000
# and XP", "Office 97 and 2000", "versions 2003 and 2005" (not "in 1998, 1999 and 2000")
_VERSION = r"(?:\d+(?:\.\d+)*|[A-Z][A-Za-z]{0,4})"  # "95", "3.1", "2003", "XP", "Me", "Vista"
_AND = r"(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s|\s?/\s?)"
_VERSION_LIST = re.compile(
    _PRODUCT + r"\s" + _VERSION + r"(?:" + _AND + _VERSION + r")*" + _AND + "$"
)


def year_is_plausible(text: str, start: int, end: int) -> bool:
    """True when the 4-digit number at text[start:end] reads as a year, not as a count.

    A year needs a cue before it ("in", "since", "of", a month name, a dash) or must not
    read as a count: no "about"/"some"/"$" before it and no plural noun after it. A year
    that ends a product's name ("Media Centre Edition 2005", "Office 2003") or a list of its
    versions ("Windows 95, 98, 2000 and XP") is no date.
    """
    before = text[max(0, start - 30) : start]
    if _PRODUCT_BEFORE.search(before) or _VERSION_LIST.search(text, max(0, start - 60), start):
        return False
    if re.search(r"\b(?:page|room|flight)\s+$", before, re.I) or (
        _PEOPLE.match(text[end : end + 24]) and re.search(r"\b(?:the|its|their)\s+$", before, re.I)
    ):
        return False  # "the 2000 troops", "page 1998": a count or a number, not a year
    if YEAR_CONTEXT.search(before):
        return True
    if COUNT_CONTEXT.search(before):
        return False
    return not _COUNT_NOUN.match(text[end : end + 20])


# --------------------------------------------------------------------------- resolution


def month_number(word: str) -> int:
    """The month number of a month name or abbreviation ("Sept." -> 9)."""
    return MONTHS[word.lower().rstrip(".")]


def ymd(year: int, month: int, day: int) -> str:
    """YYYY-MM-DD, or YYYY-MM when the day does not exist in that month."""
    if valid_date(year, month, day):
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}"


def resolve_month(ref: Dct | None, month: int, how: str, future: bool) -> tuple[str, bool]:
    """(value, used dct) of a month name without a year ("in April", "next September").

    Past-leaning: the latest such month not after the dct, unless ``how`` ("next",
    "last", "this") or a future cue says otherwise; one of the next two months counts as
    the coming one (news about November written in October is about the November ahead),
    except with ``how`` "back" ("since May", a verb in the past before it).
    """
    if ref is None:
        return f"XXXX-{month:02d}", False
    if ref.month is None or how == "this":
        return f"{ref.year}-{month:02d}", True
    year = ref.year
    ahead = (month - ref.month) % 12
    if how in ("next", "coming") or (not how and (future or 1 <= ahead <= 2)):
        if month < ref.month or (how and month == ref.month):
            year += 1
    elif how in ("last", "past"):
        if month >= ref.month:
            year -= 1
    elif month > ref.month:
        year -= 1
    return f"{year}-{month:02d}", True


def resolve_day(
    ref: Dct | None, month: int, day: int, future: bool, since: bool = False
) -> tuple[str, bool]:
    """(value, used dct) of a month and day without a year: the dct's year, or the one
    before (after, with a future cue) when the date lies more than two months away. After
    "since" or a past verb (``since``: "Exports fell on 5 December") the date is never after
    the dct."""
    if not valid_date(2024, month, day):  # not a day in any year: keep the month
        return resolve_month(ref, month, "back" if since else "", future)
    if ref is None:
        return f"XXXX-{month:02d}-{day:02d}", False
    if ref.month is None or not valid_date(ref.year, month, day):
        return ymd(ref.year, month, day), True
    year = ref.year
    delta = (dt.date(year, month, day) - dt.date(ref.year, ref.month, ref.day or 15)).days
    if future and delta < -62:
        year += 1
    elif (not future and delta > 62) or (since and delta > 0):
        year -= 1
    return ymd(year, month, day), True


def unit_value(ref: Dct | None, unit: str, delta: int) -> str | None:
    """The calendar value of the ``unit`` lying ``delta`` units from the dct, if it has one."""
    if ref is None:
        return None
    if unit == "fortnight":  # "a fortnight ago": the ISO week two weeks back, as "two weeks ago"
        unit, delta = "week", delta * 2
    if unit in ("year", "decade", "century"):
        if delta == 0 and unit != "year":  # "this decade" -> 202, "this century" -> 20
            return str(ref.year)[: 3 if unit == "decade" else 2]
        return str(ref.year + delta * {"year": 1, "decade": 10, "century": 100}[unit])
    if unit == "month" and ref.month:
        year, month = shift_month(ref.year, ref.month, delta)
        return f"{year}-{month:02d}"
    if unit in ("week", "weekend") and ref.date:
        value = fmt_week(ref.date + dt.timedelta(weeks=delta))
        return value + ("-WE" if unit == "weekend" else "")
    if unit == "day" and ref.date:
        return (ref.date + dt.timedelta(days=delta)).isoformat()
    return None
