"""Rules for reporting periods: quarters and halves ("the third quarter", "1989-Q3"), fiscal
years, "year-end", and the period a business report is about ("the quarter", "the latest
period", "the year-ago quarter", "a year earlier").

A report names its period once ("third-quarter profit") and then refers back to it ("in
the quarter", "from $3 million a year earlier"). Handlers for such back-references leave a
``FIN:<step>:<kind>`` value that :func:`resolve_periods` fills in once the whole text is
tagged: ``step`` is the shift in years ("-1" for year-ago, "=1988" for an explicit year),
``kind`` says what is referred to ("Q" a quarter; "P" a period a year away: the month
named earlier in its sentence, after the last quarter, else a quarter; "ago"/"earlier"/
"later"/"adj" the period in focus a year away, which falls back to plain years when no
quarter is in focus).
"""

from __future__ import annotations

import re

from storyline.timex_base import Cand, Ctx, needs, rule
from storyline.timex_rules import ORDINALS, YEAR, Dct, unit_value

__all__ = ["quarter_of", "resolve_periods"]

_ORD = r"(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)"
_AGO = r"(?:comparable\s+|same\s+)?year[-\s](?:ago|earlier)"


def quarter_of(ref: Dct | None, n: int, half: bool, future: bool) -> tuple[str, bool]:
    """(year, anchored) of quarter or half ``n`` named without a year: the dct's year unless
    the period lies after the dct's own and nothing points ahead (then the year before)."""
    if ref is None:
        return "XXXX", False
    year = ref.year
    if ref.month and not future:
        current = (ref.month - 1) // (6 if half else 3) + 1
        if n > current:
            year -= 1
    return str(year), True


# Words after "second-half" / "third-quarter" that tell a part of a game, not of a year.
_GAME = re.compile(
    r"\s+(?:goals?|penalt(?:y|ies)|tries|try|header|equali[sz]er|substitut\w*|touchdowns?|"
    r"winner|red\s+card|field\s+goals?)\b",
    re.I,
)


@needs("quarter", "half", "q1", "q2", "q3", "q4")
@rule(
    r"\b(?:the\s+)?(?:(?P<yr>" + YEAR + r")\s+|(?P<ago>" + _AGO + r")\s+|(?P<rel>next|last|this)"
    r"\s+year's\s+)?(?:fiscal[\s-]+)?" + _ORD + r"[\s-](?:fiscal\s+)?(?P<unit>quarter|half)"
    r"(?!ly|s\b)(?:(?:\s+of)?\s+(?:fiscal\s+)?(?P<year>" + YEAR + r")(?!\d)"
    r"|(?:\s+of)?\s+(?P<rel2>next|last|this)\s+year\b"
    r"|\s+of\s+the\s+(?P<this>(?:current\s+|calendar\s+)?year)\b"
    r"(?!\s+(?:ago|earlier|before|after|later)\b))?",
    re.I,
)
@rule(r"\b(?:the\s+)?(?P<n>first)\s+two\s+(?P<unit>quarters)(?:\s+of)?(?:\s+(?P<year>" + YEAR
      + r")(?!\d))?", re.I)  # fmt: skip
@rule(r"\bthe\s+(?P<n>last|final)\s+(?P<unit>quarter|half)\s+of\s+(?P<year>" + YEAR + r")(?!\d)")
@rule(r"\bQ(?P<q>[1-4])\s*(?:of\s+)?(?P<year>" + YEAR + r")(?!\d)")
def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    groups = m.groupdict()
    unit = (groups.get("unit") or "quarter").lower()
    start = m.start()
    if _ADJECTIVE.match(m[0]) and re.match(r"\s+[a-z]", ctx.after(m.end(), 3)):
        start += len(m[0].split()[0]) + 1  # "the third-quarter loss": "the" is the loss's
    half = unit != "quarter"
    word = (groups.get("n") or "").lower()
    n = int(groups["q"]) if groups.get("q") else ORDINALS.get(word, 4 if unit == "quarter" else 2)
    if (half and n > 2) or _GAME.match(ctx.after(m.end(), 16)):
        return None  # "the third half"; "a second-half goal" is a half of a game
    code = f"H{1 if unit == 'quarters' else n}" if half else f"Q{n}"
    year = groups.get("year") or groups.get("yr")
    if year:
        return Cand(start, m.end(), "DATE", f"{year}-{code}")
    if groups.get("ago"):
        return Cand(start, m.end(), "DATE", f"FIN:-1:{code}")
    if groups.get("rel") or groups.get("rel2") or groups.get("this"):  # "... of the year": this
        how = (groups.get("rel") or groups.get("rel2") or "this").lower()
        step = {"next": 1, "last": -1, "this": 0}[how]
        value = unit_value(ctx.ref, "year", step)
        return Cand(start, m.end(), "DATE", f"{value or 'XXXX'}-{code}", anchored=bool(value))
    if re.match(r"\s+of\s+(?:the|this|that)\s", ctx.after(m.end(), 12)):
        return None  # "the second half of the 1990s", "the third quarter of the game"
    future = ctx.future(m.start())
    if "fiscal" in m[0].lower() and not future and ctx.ref and ctx.ref.month:
        # a company's own quarter: its number says nothing of the calendar, so it takes the
        # year of the last quarter ended before the dct, the period a report is about (Maruti's
        # "fiscal third quarter", October to December, reported in February: that December's)
        year = ctx.ref.year - (1 if ctx.ref.month <= 3 else 0)
        return Cand(start, m.end(), "DATE", f"{year}-{code}", anchored=True)
    year_s, anchored = quarter_of(ctx.ref, n, half, future)
    return Cand(start, m.end(), "DATE", f"{year_s}-{code}", anchored=anchored)


# "of" and a noun that is no time after "the quarter": a quarter of a draw, a city, a field
_OF_A_THING = re.compile(
    r"\s+of\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?!(?:year|fiscal|financial|calendar|"
    r"century|decade|month|season|last|this|next|previous|current|same|time)\b)[a-z]"
)


@needs("quarter", "period")
@rule(
    r"\b(?P<the>[Tt]he|[Tt]hat|[Tt]his)\s+(?:(?P<which>latest|current|same|comparable|recent|"
    r"most\s+recent|just-ended|just\s+ended|(?P<yr>" + YEAR + r")|(?P<ago>" + _AGO + r"))\s+)?"
    r"(?:fiscal\s+)?(?P<unit>quarter|period)\b(?!ly|s|-?finals?\b)"
)
@rule(r"\b(?P<last>last\s+year's)\s+(?P<unit>quarter|period)\b")
@rule(r"\bthe\s+(?:corresponding|same|comparable)\s+(?P<unit>quarter|period)\s+(?P<last>last\s+"
      r"year|a\s+year\s+(?:ago|earlier))\b")  # fmt: skip
@rule(r"\bthe\s+(?P<unit>quarter)\s+(?P<last>a\s+year\s+(?:ago|earlier))\b")
def _the_period(m: re.Match[str], ctx: Ctx) -> Cand | None:
    groups = m.groupdict()
    which = (groups.get("which") or "").lower()
    if m["unit"] == "period" and not which and not groups.get("last"):
        return None  # "the period" alone is too vague
    if (groups.get("the") or "the").lower() != "the" and which:
        return None  # "that latest quarter": not a phrase
    if _OF_A_THING.match(ctx.text, m.end()):
        return None  # "in the same quarter of the draw": a part of a thing, not of a year
    if which == "current":
        if ctx.ref is None or ctx.ref.month is None:
            return Cand(m.start(), m.end(), "DATE", "XXXX-QX")
        quarter = (ctx.ref.month - 1) // 3 + 1
        return Cand(m.start(), m.end(), "DATE", f"{ctx.ref.year}-Q{quarter}", anchored=True)
    if groups.get("yr"):
        return Cand(m.start(), m.end(), "DATE", f"FIN:={groups['yr']}:Q")
    step = -1 if groups.get("ago") or groups.get("last") else 0
    kind = "P" if m["unit"] == "period" and step else "Q"  # a period may be a month
    return Cand(m.start(), m.end(), "DATE", f"FIN:{step}:{kind}")


@needs("year-ago", "year-earlier", "year ago", "year earlier")
@rule(r"\b(?P<ago>(?:the\s+)?" + _AGO + r"|year-(?:ago|earlier))\b(?!\s+(?:quarter|period)\b)",
      re.I)  # fmt: skip
def _year_ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if "-" not in m["ago"]:  # "year ago" without a hyphen belongs to "a year ago"
        return None
    the = re.match(r"[Tt]he\s+", m[0])  # "the year-ago results": "the" is the results'
    return Cand(m.start() + (the.end() if the else 0), m.end(), "DATE", "FIN:-1:adj")


# "the third-quarter", "the first-half" before a noun: an adjective, the noun owns "the"
_ADJECTIVE = re.compile(
    r"[Tt]he\s+(?:fiscal[\s-]+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)-"
    r"(?:quarter|half)$"
)


@needs("fiscal", "fy")
@rule(r"\b(?:fiscal(?:\s+year)?\s+|FY\s?)(?P<year>" + YEAR + r")(?![\d/-])", re.I)
@rule(r"\b(?P<fy>FY|fiscal\s+year\s+)'?(?P<yy>\d\d)\b")
def _fiscal_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if m.groupdict().get("year"):
        return Cand(m.start(), m.end(), "DATE", m["year"])
    century = (ctx.ref.year // 100 * 100) if ctx.ref else 1900
    year = century + int(m["yy"])
    if ctx.ref and year > ctx.ref.year + 10:
        year -= 100
    return Cand(m.start(), m.end(), "DATE", str(year))


_STEP = {"current": 0, "latest": -1, "past": -1, "last": -1, "next": 1, "coming": 1, "new": 1}


@needs("year")
@rule(
    r"\b[Tt]he\s+(?:(?P<which>current|latest|past|last|next|coming|new|full|whole|entire|"
    r"calendar)\s+)?(?P<fiscal>fiscal\s+|financial\s+)?year\b(?!-|\s+(?:two|ago|earlier|before|"
    r"after|later)\b|'s\s+end)(?P<ended>\s+(?:that\s+|which\s+)?(?:ended|ending|ends|to\s+"
    r"(?=[A-Z])))?"
)
@rule(
    r"\b(?:[Ii]ts|[Tt]heir|[Oo]ur|[Hh]is|[Hh]er|(?P<which>[Tt]his|[Nn]ext|[Ll]ast))\s+"
    r"(?:(?P<which2>current|latest|past|last|next|coming|new|full|whole)\s+)?"
    r"(?P<fiscal>fiscal\s+|financial\s+)year\b(?!-)(?P<ended>\s+(?:that\s+|which\s+)?"
    r"(?:ended|ending|ends|to\s+(?=[A-Z])))?"
)
def _the_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the current fiscal year", "its last financial year" (a year before the dct), "the
    year ended June 30" (twelve months)."""
    which = (m["which"] or m.groupdict().get("which2") or "").lower().replace("this", "current")
    the = m[0].split()[0].lower() == "the"  # "the current fiscal year"; not "its", "their"
    start = m.start() if the or m["which"] else m.start(0) + len(m[0].split()[0]) + 1
    if m["ended"] and not which:  # "the year ended June 30": a twelve-month length of time
        return Cand(start, m.end() - len(m["ended"]), "DURATION", "P1Y")
    end = m.end() - len(m["ended"] or "")  # "the current fiscal year ends in June": that year
    if which in ("past", "last", "next", "coming") and not m["fiscal"]:
        return None  # "the past year" is a relative-date rule
    value = unit_value(ctx.ref, "year", _STEP.get(which, 0))
    if which == "latest" and not m["fiscal"]:
        value = unit_value(ctx.ref, "year", 0)
    return Cand(start, end, "DATE", value or "XXXX", anchored=value is not None)


@needs("year-end", "year end", "year's end")
@rule(r"\b(?P<since>since\s+)?(?:the\s+)?(?:year[-\s]end|year's\s+end)\b", re.I)
def _year_end(m: re.Match[str], ctx: Ctx) -> Cand | None:
    step = -1 if m["since"] else 0
    start = m.end("since") if m["since"] else m.start()
    value = unit_value(ctx.ref, "year", step)
    return Cand(start, m.end(), "DATE", value or "XXXX", mod="END", anchored=value is not None)


# --------------------------------------------------------------------------- resolution

_QUARTER_VALUE = re.compile(r"(\d{4})-(Q[1-4])$")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d\d)$")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s|\n")


def _default_quarter(ref: Dct | None) -> tuple[int, str] | None:
    """The last quarter completed before the dct: the one a report is usually about."""
    if ref is None or ref.month is None:
        return None
    quarter = (ref.month - 1) // 3
    return (ref.year, f"Q{quarter}") if quarter else (ref.year - 1, "Q4")


def _reportable(year: int, quarter: int, ref: Dct | None) -> bool:
    """True when the quarter may be the one a report dated ``ref`` is about: it began in the
    year before the dct or since (any quarter when the dct is unknown)."""
    if ref is None or ref.month is None:
        return True
    months = (ref.year * 12 + ref.month) - (year * 12 + quarter * 3 - 2)
    return 0 <= months <= 12


def resolve_periods(cands: list[Cand], ref: Dct | None, text: str = "") -> None:
    """Fill in every ``FIN:`` value from the quarter in focus (the last one named before it,
    else the last quarter completed before the dct); "a year ago" outside a quarter falls back
    to the year before the dct, "a year earlier/later" to the narrative year."""
    focus: tuple[int, str] | None = None
    month: tuple[int, str, int] | None = None  # a month named after the last quarter, its end
    for c in cands:
        if m := _QUARTER_VALUE.match(c.value):
            month = None
            if focus is None and _reportable(int(m[1]), int(m[2][1]), ref):
                focus = (int(m[1]), m[2])  # the first recent quarter named: the one reported
            continue
        if c.type == "DATE" and (m := _MONTH_VALUE.match(c.value)):
            month = (int(m[1]), m[2], c.end)
            continue
        if not c.value.startswith("FIN:"):
            continue
        _, step_s, kind = c.value.split(":")
        if kind == "P" and month and not _SENTENCE_END.search(text, month[2], c.start):
            # "in February, compared to the same period last year": the month of the sentence
            c.value, c.anchored = f"{month[0] + int(step_s)}-{month[1]}", ref is not None
            continue
        kind = "Q" if kind == "P" else kind
        base = focus or (_default_quarter(ref) if kind == "Q" else None)
        if kind.startswith(("Q", "H")) and len(kind) == 2:  # "the year-ago third quarter"
            base_year = base[0] if base else (ref.year if ref else None)
            base = (base_year, kind) if base_year is not None else None
            kind = "Q"
        if base is None:
            c.value, c.anchored = _fallback(step_s, kind, ref)
            continue
        year = int(step_s[1:]) if step_s.startswith("=") else base[0] + int(step_s)
        c.value, c.anchored = f"{year}-{base[1]}", ref is not None
        if step_s == "0":
            focus = focus or (year, base[1])


def _fallback(step_s: str, kind: str, ref: Dct | None) -> tuple[str, bool]:
    """The value of a ``FIN:`` reference when no quarter is in focus."""
    if step_s.startswith("="):
        return step_s[1:] + ("-QX" if kind == "Q" else ""), False
    step = int(step_s)
    if kind in ("earlier", "later"):
        return f"NARR:{step}:year", False
    value = unit_value(ref, "year", step)
    if value is None:
        return ("XXXX-QX" if kind == "Q" else "XXXX"), False
    return (value + "-QX" if kind == "Q" else value), True
