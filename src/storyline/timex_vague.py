"""Rules for vague references to the present, the past and the future (TIMEX3 PRESENT_REF,
PAST_REF, FUTURE_REF): "now", "currently", "the current crisis", "recently", "in recent
years", "the near future", "soon", "in the coming months".

TimeML marks these adverbs and adjectives as DATEs when they place an event in time; it does
not mark words that only order events ("previously", "former", "already", "shortly before")
and those are left alone here. "Recent" with a plural unit is typed by the unit: "recent
years" is a vague past (DATE), "recent weeks" a vague length of time (DURATION PXW).
"""

from __future__ import annotations

import re

from storyline.timex_base import Cand, Ctx, needs, rule

_REFS = [
    (r"now|right now|currently|at present|nowadays|presently|these days",
     "PRESENT_REF"),
    (r"recently|more recently|most recently|lately", "PAST_REF"),
    (r"the (?:near |distant |immediate )?future(?! of\b)|the (?:near|short) term|"
     r"a later (?:date|time)", "FUTURE_REF"),
]  # fmt: skip
for _pattern, _value in _REFS:

    def _ref(m: re.Match[str], ctx: Ctx, value: str = _value) -> Cand | None:
        if value == "PRESENT_REF" and m[0].lower() == "now" and _NOT_NOW.match(ctx.after(m.end())):
            return None
        return Cand(m.start(), m.end(), "DATE", value, anchored=ctx.ref is not None)

    rule(r"\b(?:" + _pattern + r")\b", re.I)(_ref)

# "now that ...", "now and then": a conjunction or an idiom, no point in time
_NOT_NOW = re.compile(r"\s+(?:and\s+then|and\s+again)\b", re.I)


@needs("the past")
@rule(r"\b[Ii]n\s+(?P<the>[Tt]he\s+past)\b")
@rule(r"\b(?:of|from)\s+(?P<the>the\s+past)\b(?=\s*[,.;:!?)\"”]|\s+(?:and|or|but)\b)")
def _the_past(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "in the past", "the mistakes of the past": the TIMEX3 is "the past", as in "the
    future"; "in" is a signal. After "of"/"from" only as a noun phrase of its own, not
    before a noun ("of the past regime")."""
    return Cand(m.start("the"), m.end(), "DATE", "PAST_REF", anchored=ctx.ref is not None)


@needs("moment")
@rule(
    r"\b[Aa]t\s+(?P<the>(?:the|this)\s+(?:(?:very|present|crucial|critical)\s+)?moment)"
    r"\b(?!\s+(?:the|a|an|his|their|its|when|that|of)\b)"
)
def _the_moment(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "at the moment", "at this crucial moment": the TIMEX3 is "the moment" (PRESENT_REF);
    "at" is a signal. Not "at the moment the bomb went off", where "the moment" opens a
    clause, nor "for the moment" (for the time being), which the corpora leave untagged."""
    return Cand(m.start("the"), m.end(), "DATE", "PRESENT_REF", anchored=ctx.ref is not None)


@needs("current")
@rule(r"\b(?P<then>then[\s-]+)?[Cc]urrent\b(?=\s+[a-z])")
def _current(m: re.Match[str], ctx: Ctx) -> Cand | None:
    after = ctx.after(m.end(), 20).lower()
    if re.match(r"\s+(?:accounts?|assets|liabilities|affairs|events|prices|dollars)\b", after):
        return None  # terms of accounting and economics, not a time
    value = "PAST_REF" if m["then"] else "PRESENT_REF"
    return Cand(m.start(), m.end(), "DATE", value, anchored=ctx.ref is not None)


@needs("years", "months", "weeks", "days", "quarters", "decades")
@rule(
    r"\b(?:in\s+)?(?P<which>recent|past|coming|future|the\s+coming|the\s+next\s+few|the\s+past\s+"
    r"few|the\s+last\s+few|the\s+past\s+several|the\s+last\s+several)\s+(?P<unit>years|months|"
    r"weeks|days|quarters|decades)\b(?P<ahead>\s+ahead)?",
    re.I,
)
@rule(r"\b(?:in\s+)?(?P<which>the)\s+(?P<unit>years|months|weeks|days|quarters)\s+(?P<ahead>ahead"
      r"|to\s+come)\b", re.I)  # fmt: skip
def _plural_ref(m: re.Match[str], ctx: Ctx) -> Cand | None:
    which = " ".join(m["which"].lower().split())
    unit = m["unit"].lower()
    start = m.start("which")
    if which in ("recent", "past"):
        if unit in ("years", "decades"):
            return Cand(start, m.end(), "DATE", "PAST_REF", anchored=ctx.ref is not None)
        return Cand(start, m.end(), "DURATION", f"PX{_LETTER[unit]}")
    over = re.search(r"\b(?:for|over|during|throughout)\s+$", ctx.before(start, 12), re.I)
    vague = which.endswith(("few", "several"))
    if vague and which.startswith(("the past", "the last")) and not over:
        return Cand(start, m.end(), "DATE", "PAST_REF", anchored=ctx.ref is not None)
    if m["ahead"] or which.endswith(("few", "several")) or unit in ("weeks", "days"):
        return Cand(start, m.end(), "DURATION", f"PX{_LETTER[unit]}")
    return Cand(start, m.end(), "DATE", "FUTURE_REF", anchored=ctx.ref is not None)


_LETTER = {"years": "Y", "months": "M", "weeks": "W", "days": "D", "quarters": "Q",
           "decades": "E"}  # fmt: skip


@needs("soon")
@rule(r"\b(?:as\s+soon\s+as\s+possible|soon)\b", re.I)
def _soon(m: re.Match[str], ctx: Ctx) -> Cand | None:
    before, after = ctx.before(m.start(), 8).lower(), ctx.after(m.end(), 12).lower()
    if m[0].lower() == "soon" and (
        re.search(r"\b(?:as|too|how|so)\s+$", before)
        or re.match(r"\s+(?:after|afterwards?|thereafter|before|as|enough)\b", after)
    ):
        return None  # "as soon as", "soon after the war": no point of its own
    return Cand(m.start(), m.end(), "DATE", "FUTURE_REF", anchored=ctx.ref is not None)


@needs("one day", "someday", "some day")
@rule(r"\b(?:will|would|could|might|may|can|to|shall)\s+(?:\w+\s+)?(?P<one>one\s+day)\b", re.I)
@rule(r"\b(?P<one>some\s*day)\b", re.I)
def _one_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return Cand(m.start("one"), m.end(), "DATE", "FUTURE_REF", anchored=ctx.ref is not None)
