"""Rules for dates counted from the document creation time: weekdays ("Friday", "last
Tuesday", "Sunday's vote"), day words ("today", "tomorrow night") and units named from now
("this week", "next month", "over the weekend", "the end of the month").

Split from :mod:`timex_patterns` (calendar dates) and imported right after it, so the rules
keep their order among the candidates of one span. Without a dct they keep "X" placeholders
("XXXX-WXX-5"): a year is never invented.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.timex_base import Cand, Ctx, needs
from storyline.timex_base import rule as _rule
from storyline.timex_rules import (
    PARTS_OF_DAY,
    WEEKDAY,
    WEEKDAYS,
    Dct,
    duration_value,
    unit_value,
    weekday_date,
)


@needs("mon", "tue", "wed", "thu", "fri", "sat", "sun")
@_rule(
    r"(?:\b(?P<how>[Tt]his(?:\s+(?:coming|past))?|[Ll]ast|[Nn]ext|[Cc]oming|[Pp]ast|[Oo]n|[Tt]he\s+(?:"
    r"previous|preceding|following))"
    r"\s+)?(?P<wd>" + WEEKDAY + r")(?:\s+(?P<part>morning|afternoon|evening|night))?",
)
def _weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    weekday = WEEKDAYS[m["wd"].lower()]
    how = re.sub(r"^this (?=coming|past)", "", " ".join((m["how"] or "").lower().split()))
    start = m.start("wd") if how == "on" else m.start()
    part = PARTS_OF_DAY[m["part"]] if m["part"] else None
    if how.startswith("the ") and not part:  # "the previous Friday": before the date in focus
        return Cand(
            start, m.end(), "DATE", f"NARR:{1 if how == 'the following' else -1}:wd{weekday}"
        )
    ref = ctx.ref.date if ctx.ref else None
    loose = False
    if ref is None:
        value, anchored = f"XXXX-WXX-{weekday + 1}", False
    else:
        future = ctx.future(start, m.end())  # after "on": "the gala is on Friday"
        event = _POSSESSIVE.match(ctx.after(m.end(), 24))
        if event and not event["ahead"]:
            # "Wednesday's ruling": an event reported, not one announced; but a fixture
            # that opens a sentence told in the present looks ahead ("In Sunday's singles,
            # Moya takes on Roddick")
            opens = _OPENS_EVENT.match(ctx.clause_before(m.start())) is not None
            future = opens and ctx.later_fixture(m.end())
        elif event and ctx.later(m.end() + event.end()) and not _AFTER.search(ctx.before(start)):
            future = True  # "Sunday's Oscar ceremony will be watched": the coming Sunday
        direction = {"last": "before", "past": "before", "next": "after", "coming": "on_or_after"}
        way = direction.get(how, "on_or_after" if future else "on_or_before")
        if how == "this":  # "this Sunday": the Sunday of the dct's own (ISO) week
            ref = ref - dt.timedelta(days=ref.weekday())
            way = "on_or_after"
        value, anchored = weekday_date(ref, weekday, way).isoformat(), True
        loose = how in ("", "on") and not future and not event and ctx.silent(m.start(), m.end())
    if part:
        return Cand(start, m.end(), "TIME", f"{value}T{part}", anchored=anchored, loose=loose)
    return Cand(start, m.end(), "DATE", value, anchored=anchored, loose=loose)


def agree_weekdays(text: str, cands: list[Cand]) -> None:
    """A weekday that no word of its clause places ("a sweep of awards for Vera Drake on
    Saturday night", read as the last Saturday by default) takes the day that the text's
    other mentions of the same weekday give, when they all give one day and it comes later:
    a preview that says "the awards on Saturday night, ... could" means one Saturday."""
    days: dict[int, set[str]] = {}
    loose: list[tuple[Cand, int]] = []
    for c in cands:
        name = _NAMED.search(text, c.start, c.end)
        day = c.value[:10]
        if name is None or not _DAY.fullmatch(day):
            continue
        weekday = WEEKDAYS[name[0].lower()]
        if c.loose:
            loose.append((c, weekday))
        elif dt.date.fromisoformat(day).weekday() == weekday:
            days.setdefault(weekday, set()).add(day)
    for c, weekday in loose:
        named = days.get(weekday, set())
        if len(named) == 1 and (day := next(iter(named))) > c.value[:10]:
            c.value = day + c.value[10:]


def past_year_end(text: str, cands: list[Cand], ref: Dct | None) -> None:
    """ "At the end of the year I was exhausted", written in January: the end of the dct's
    own year is still months ahead, so a past verb right after it puts it in the year
    before. Only for "the year" (not a year named) and a dct in the first half."""
    if ref is None or ref.month is None or ref.month > 6:
        return
    for c in cands:
        own = c.value == str(ref.year) and c.mod == "END" and c.anchored
        if own and _THE_YEAR.search(text, c.start, c.end) and _PAST_NEXT.match(text, c.end):
            c.value = str(ref.year - 1)


_THE_YEAR = re.compile(r"\b(?:the|this)\s+year$", re.I)
# a subject and a past verb right after the date: "(the end of the year) I was exhausted"
_PAST_NEXT = re.compile(
    r",?\s+(?:I|we|he|she|they|it|you|the\s+[a-z]+)\s+(?:was|were|had|felt|got|[a-z]{3,}ed)\b"
)
_NAMED = re.compile(WEEKDAY, re.I)
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


# A weekday in the possessive names an event; only some events are usually still to come.
_POSSESSIVE = re.compile(
    r"['’]s\s+(?:(?:[A-Za-z-]+\s+){0,2}?(?P<ahead>(?:deadline|vote|election|meeting|summit|talks|"
    r"session|hearing|game|match|race|ceremony|visit|launch|opening|auction|trial|final|"
    r"premiere|concert|festival|awards?|show|showdown|clash|derby|fixture|tie|poll|"
    r"referendum|budget)\b))?",
)

_AFTER = re.compile(r"\b(?:after|following|since)\s+$", re.I)  # "after Saturday's match"
_OPENS_EVENT = re.compile(r"^\W*(?:(?:in|at|for|during|and|but|then|so)\s+)?$", re.I)

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
    if ref is None or (word == "today" and not part and generic_today(ctx.text, m.start())):
        value, anchored = ("PRESENT_REF" if word == "today" else "XXXX-XX-XX"), False
    else:
        value, anchored = (ref + dt.timedelta(days=_DAY_WORDS.get(word, 0))).isoformat(), True
    if part and value[0].isdigit():
        return Cand(m.start(), m.end(), "TIME", f"{value}T{part}", anchored=anchored)
    return Cand(m.start(), m.end(), "DATE", value, anchored=anchored)


def generic_today(text: str, start: int) -> bool:
    """Whether the "today" at ``start`` means the present age, not the day (TimeML values it
    PRESENT_REF): "today's film-makers", "in today's media", "the kids of today". Before or
    after a noun of people, of an age or of the things of an age; not when a noun of the day
    follows ("today's music charts", "today's match")."""
    after = _AFTER_TODAY.match(text, start + 5)
    if after:
        nouns = after[0].lower().replace("’", "'").split()[1:]
        return bool(_GENERIC & set(nouns)) and not _OF_THE_DAY & set(nouns)
    before = _OF_TODAY.search(text, max(0, start - 40), start)
    return bool(before and before[1].lower() in _GENERIC)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# "today's" and up to three lower-case words; "<noun> of" before "today"
_AFTER_TODAY = re.compile(r"['’]s(?:\s+[a-z][a-z-]*){1,3}")
_OF_TODAY = re.compile(r"\b([a-z][a-z-]*)\s+of\s+$")
_GENERIC = _words(
    "world society youth young youngsters generation generations kids children teenagers "
    "teens people fan fans audience audiences consumers film-makers filmmakers musicians "
    "artists stars media culture standards terms money prices age era climate computers "
    "technology cars music films movies cinema television industry workplace workforce "
    "life lifestyles politics"
)
_OF_THE_DAY = _words(
    "match game race final vote meeting session trading announcement news edition editions "
    "paper papers newspaper chart charts figures data report statement decision ruling "
    "hearing speech event ceremony launch quiz show programme broadcast episode "
    "deal talks"
)


# "the last year of the war": "last" means final when a whole follows it
_OF_A_WHOLE = re.compile(r"\s+of\b")


@_rule(
    r"\b(?:(?P<the>the)\s+)?(?P<how>this(?:\s+coming)?|last|next|coming|past|previous|following|"
    r"current|preceding)\s+(?P<unit>week|weekend|fortnight|month|year|decade|century)\b",
    re.I,
)
def _relative_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    how, unit = m["how"].lower().split()[-1], m["unit"].lower()  # "this coming": "coming"
    if m["unit"][0].isupper():  # "This Week", a title
        return None
    if m["the"] and how == "last" and _OF_A_WHOLE.match(ctx.after(m.end(), 4)):
        return None  # "the last year of his life": the final one, not the one before the dct
    if m["the"] and how in ("past", "last") and unit == "century":
        value = unit_value(ctx.ref, unit, -1)  # "in the last century": the one before, 19
        value = value and value[:2]
        return Cand(m.start(), m.end(), "DATE", value or "XXXX", anchored=value is not None)
    lengths = ("past", "last", "coming", "next")  # "the past week"; any fortnight (no ISO unit)
    if unit == "fortnight" or (m["the"] and how in lengths and unit != "weekend"):
        return Cand(m.start(), m.end(), "DURATION", duration_value(1, unit))
    if how in ("following", "previous", "preceding") or (m["the"] and how == "next"):
        step = -1 if how in ("previous", "preceding") else 1
        return Cand(m.start(), m.end(), "DATE", f"NARR:{step}:{unit}")
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(how, 0)
    value = unit_value(ctx.ref, unit, step)
    return Cand(m.start(), m.end(), "DATE", value or "XXXX", anchored=value is not None)


@needs("weekend")
@_rule(
    r"\b(?:over|during|at|for|until|after|before|ahead of)\s+(?P<the>the)\s+(?P<unit>weekend)\b",
    re.I,
)
def _the_weekend(m: re.Match[str], ctx: Ctx) -> Cand | None:
    start = m.start("the")
    if ctx.ref is None or ctx.ref.date is None:
        return Cand(start, m.end(), "DATE", "XXXX-WXX-WE")
    ref = ctx.ref.date
    ahead = ctx.future(m.start()) or m[0].lower().startswith(("ahead", "until", "before"))
    step = 0 if ref.weekday() >= 5 or ahead else -1
    return Cand(start, m.end(), "DATE", unit_value(ctx.ref, "weekend", step) or "", anchored=True)


@needs(" of the")
@_rule(
    r"\b(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?P<the>the)\s+"
    r"(?P<unit>month|week|decade|century)\b"
)
def _the_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "by the end of the month", "the end of the decade": the dct's own month, week,
    decade (199) or century (19); the widening adds the position (END, START)."""
    value = unit_value(ctx.ref, m["unit"], 0)
    return Cand(m.start("the"), m.end(), "DATE", value or "XXXX", anchored=value is not None)
