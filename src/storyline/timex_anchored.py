"""Rules for a day named by an event rather than by the calendar: "the day before the crash",
"the day after his arrest".

TimeML marks the noun phrase "the day" and leaves "before"/"after" and the event to the other
tags; the value is the day itself when it can be computed from the text. Two readings:

- In apposition to a date ("Oct. 12, the day before the vote") "the day" *is* that date.
- Otherwise the event is taken to be the one on the day last named ("was shot on Oct. 23 ...
  came to the house the day after his death" is Oct. 24). With no day named before it,
  nothing places the event, and the phrase is not marked.

"The day before" with no event after it ("had arrived the day before.") counts from the
last date named and stays with :mod:`timex_relative`.
"""

from __future__ import annotations

import re

from storyline.timex_base import Cand, Ctx, needs, rule
from storyline.timex_rules import MONTH, WEEKDAY

__all__ = ["EVENT_AFTER", "DROP"]

# What may follow "the day before/after" without being an event: punctuation, a preposition
# or conjunction going on with the clause, a word that names a time itself.
_NOT_EVENT = (
    r"(?:in|on|at|and|or|but|when|while|as|with|to|from|by|for|of|into|so|then|that|this|"
    r"yesterday|tomorrow|today|tonight|last|next|Christmas|Easter|Thanksgiving|New\s+Year)\b"
)
# An event starts after "before"/"after": any other word ("the crash", "his death",
# "authorities issued", "she left").
EVENT_AFTER = r"\s+(?!" + _NOT_EVENT + r"|" + MONTH + r"|" + WEEKDAY + r"|\d)[A-Za-z]"
# An event no day can be given to: one that may happen, or any of many ("the day after any
# such attack", "the day after every election"). The phrase is then not marked at all.
# ("No one came", "each of them voted" can be one happening: they stay events.)
_NO_ONE_EVENT = r"\s+(?:any|every|such|whichever|whatever)\b"

# A calendar date just before ", the day before ...": the phrase is in apposition to it.
_APPOSED = re.compile(
    r"(?:" + MONTH + r"\s*[0-3]?\d(?:st|nd|rd|th)?(?:,\s*\d{4})?|" + WEEKDAY + r")\s*,\s*$"
)

DROP = "DROP"  # the value of a candidate the narrative pass found nothing to anchor on

_STEP = {"before": -1, "after": 1}


@needs("day before", "day after")
@rule(
    r"\b[Tt]he\s+(?P<day>day)\s+(?P<how>before|after)(?="
    + EVENT_AFTER
    + r")(?!"
    + _NO_ONE_EVENT
    + ")"
)
def _event_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the day after his death": the day next to the one last named, or the date it is in
    apposition to ("Oct. 12, the day before the plunge"). The span is "the day"."""
    end = m.end("day")
    if _APPOSED.search(ctx.before(m.start(), 40)):
        return Cand(m.start(), end, "DATE", "NARR:0:day")
    return Cand(m.start(), end, "DATE", f"NARR:{_STEP[m['how']]}:eday")
