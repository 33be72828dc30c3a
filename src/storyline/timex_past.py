"""Whether a past verb governs a date named later in its clause: "Sales rose in December",
"Exports fell on 5 December", "Sales rose in the run-up to Christmas".

A month, a day or a holiday without a year that falls within two months after the document
creation time is read as the coming one (news written in November about December mostly looks
ahead). A past verb in front of it says otherwise: what rose or fell in December has happened,
so that December is the one before the article. This module only reads the clause before the
date; the caller makes sure no future cue or deadline word ("will", "by", "until") leads to it.

Kept narrow, because a plan told in the past is still ahead ("was due to open in December",
"the vote was scheduled for December", "agreed to sell the unit in December"), and so is what
a reporting verb introduces ("said the plant closes in December"). The last past form before
the date must be a verb that is neither a verb of saying nor one of planning or moving a date,
must not stand as an adjective after a determiner ("the proposed vote in December"), and
nothing may lie between it and the date that opens a clause or a plan of its own: "that", a
relative pronoun, a verb in the present, an infinitive ("voted to strike in December").
"""

from __future__ import annotations

import re

from storyline.past_forms import (
    AUXILIARIES,
    FORECASTS,
    IRREGULAR,
    NOT_VERBS,
    REGULAR,
    SAYING,
    UNCHANGED,
    alternation,
)
from storyline.timex_rules import FUTURE_CUE

# Past forms (storyline.past_forms): auxiliaries, irregular verbs of news (those whose past is
# their present too: "hit 50m in December"), regular "-ed" forms (lower case only: "United",
# "Fed" are names).
_PAST = re.compile(
    r"\b(?:" + alternation(AUXILIARIES, SAYING, IRREGULAR, UNCHANGED) + "|" + REGULAR + r")\b"
)
# Past forms that do not govern the date as a thing done: saying, forecasting, planning,
# moving a date, and "-ed" words that are not verbs.
_NOT_DONE = frozenset({
    "said", "told", "announced", "reported", "added", "stated", "noted", "warned", "forecast",
    "suggested", "indicated", "claimed", "confirmed", "revealed", "explained", "argued",
    "insisted", "signalled", "signaled", "hinted", "disclosed", "urged", "promised", "pledged",
    "vowed", "agreed", "decided", "voted", "planned", "scheduled", "rescheduled", "proposed",
    "postponed", "delayed", "deferred", "moved", "extended", "pushed", "asked", "called",
    "ordered", "wanted", "hoped", "aimed", "intended", "threatened", "offered", "invited",
    "booked", "slated", "timed", "targeted", "earmarked", "anticipated", "awaited", "prepared",
    "readied", *FORECASTS, *NOT_VERBS,
})  # fmt: skip
# a word that makes the next "-ed" word an adjective: "the proposed vote", "a delayed launch"
_DETERMINER = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|these|those|long|much|newly|widely|so)\s+$"
)
# an infinitive before the verb: "shares, to be completed around Nov. 1"
_TO_BEFORE = re.compile(r"\bto\s+(?:be\s+|have\s+(?:been\s+)?)?$")
# a present passive or perfect: "when the case is heard in May", "has set Nov. 10 as the
# deadline", "has been put back to 17 April" (what is done now places the date ahead)
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|has|have)\s+(?:been\s+|being\s+)?$")
# between the verb and the date: a new clause, a verb in the present, or an infinitive
_OWN_CLAUSE = re.compile(
    r"\b(?:that|which|who|whom|whose|whether|if|because|as|when|while|once|though|although|"
    r"whereas|unless|is|are|has|have|does|do|says|say)\b|"
    r"\bto\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|some|about|around)\b)"
    r"[a-z]+\b\W+\S"
)
# a determiner right before the date: it names a noun's time ("the Jan. 14 deadline")
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+$|'s\s+$")
# a plan word anywhere in the clause keeps the date ahead, even after a past auxiliary
# ("was due to open in December", "had been scheduled for December")
_PLAN = re.compile(r"\b(?:slated|supposed\s+to|meant\s+to|about\s+to|poised\s+to)\b")


def past_governs(clause: str) -> bool:
    """True when the last verb of ``clause`` (the text of a clause up to a date) is a past
    form of a thing done, with nothing between it and the date that opens a clause, a plan
    or a verb of its own: "Sales rose in" -> True; "He said the plant closes in",
    "The vote was due in", "the proposed vote in" -> False."""
    if FUTURE_CUE.search(clause) or _PLAN.search(clause):
        return False
    verbs = list(_PAST.finditer(clause))
    if not verbs:
        return False
    verb = verbs[-1]
    if (
        verb[0] in _NOT_DONE
        or verb[0].endswith("eed")
        or _TO_BEFORE.search(clause, 0, verb.start())
        or _PRESENT_PASSIVE.search(clause, 0, verb.start())
    ):
        return False
    if verb[0].endswith("ed") and _DETERMINER.search(clause, 0, verb.start()):
        return False
    gap = clause[verb.end() :]
    if _ATTRIBUTIVE.search(gap):
        return False  # "gave no reason for the Jan. 14 deadline": the noun's date, not the verb's
    return len(gap.split()) <= 8 and not _OWN_CLAUSE.search(gap)


def past_follows(rest: str) -> bool:
    """True when the first verb of ``rest`` (the sentence after a date that opens it: "In
    December, exports fell") is a past form of a thing done, and no future cue, plan word or
    verb in the present comes before it (nor a plan word in its clause)."""
    rest = re.split(r"[,;:(\"“”]", rest.lstrip(" ,"), maxsplit=1)[0]  # its clause
    if FUTURE_CUE.search(rest) or _PLAN.search(rest):
        return False  # "In December, the plant was due to close"
    verb = _PAST.search(rest)
    if verb is None or verb[0] in _NOT_DONE or verb[0].endswith("eed"):
        return False
    if verb[0].endswith("ed") and _DETERMINER.search(rest, 0, verb.start()):
        return False
    return not _PRESENT.search(rest, 0, verb.start())


# a verb in the present before the first past form: "In December, the plant closes ..."
_PRESENT = re.compile(r"\b(?:is|are|has|have|does|do|says|say|[a-z]{3,}s\s+(?:to|on|in|for))\b")
