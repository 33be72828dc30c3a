"""Dates a comparison measures against: no happening of the story.

A figure or a feat is often told against an earlier one: "GM earned $3.7bn, down from $3.8bn
in 2003", "downloads were up more than tenfold on 2003", "rose to 310 in 2004 from 287 the
previous year", "her first Grand Slam title since 2003", "form which matched his efforts of
2001 and 2002". The date of that baseline is not when anything the article reports happened;
:mod:`storyline.timeline_items` asks :func:`baseline` before it makes an item. A date stays
when it is the happening's own time: "sales rose in 2004", "since 2003 he has lived in
Paris", "the rate was raised from 4% in 2003".
"""

from __future__ import annotations

import re

__all__ = ["baseline"]

_FIGURE = r"[$£€]?\s?[\d.,]+\s*(?:bn|m|billion|million|%|per\s+cent)?\s*(?:[a-z]+\s+)?"
# a figure with its unit word, as the new value of a change ("to 6.2bn yuan, from ...")
_AMOUNT = r"[$£€]?\s?\d[\d.,]*\s*(?:bn|m|billion|million|%|per\s+cent)?(?:\s+[a-z]+)?\s*"
# words between a change and what it is measured on: hedges, figures, multiples ("up more
# than tenfold on 2003", "rose an estimated £300m on last year")
_BY = (
    r"(?:[$£€]?\s?\d[\d.,]*\s*(?:bn|m|billion|million|%|per\s+cent)?(?:\s+[a-z]+)?|more|less"
    r"|than|nearly"
    r"|almost|about|around|some|just|over|by|an?|estimated|further|\w+fold|times|twice|half"
    r"|sharply|slightly|strongly|steeply)"
)
_CHANGE = (
    r"up|down|rise|rises|rose|risen|rising|fall|falls|fell|fallen|falling|increased?|increasing"
    r"|decreased?|decreasing|drop|dropped|dropping|gain|gained|gaining|grew|grown|growing"
    r"|climbed|climbing|jumped|jumping|slipped|slipping|declined|declining"
)
# "GM earned $3.7bn, down from $3.8bn in 2003", "up on 2003", "compared with $4bn in 2003",
# "higher than in 2003", "an increase of 62,000 units from 2003", "well above 2003's 9.1%",
# "rose to 310 in 2004 from 287 the previous year", "to 9,100 tonnes in 2002 from 7,800 in 2001"
_COMPARED = re.compile(
    r"(?:(?:\b(?:" + _CHANGE + r")\s+(?:" + _BY + r"\s+){0,4}?(?P<on>from|on|against)"
    r"|\bcompared\s+(?:with|to))\s+"
    r"(?:" + _FIGURE + r")?(?:(?:in|at|during|for)\s+)?"
    r"|\b(?:higher|lower|more|less|fewer|better|worse|slower|faster|bigger|smaller|greater|"
    r"stronger|weaker|larger|cheaper)\s+than\s+(?:in\s+)?"
    r"|\b(?:well\s+)?(?:above|below)\s+"
    r"|\b(?:increase|decrease|rise|fall|drop|gain)\s+of\s+[^;]{1,30}?\s+from\s+"
    r"|\b(?:from|against)\s+[$£€]?\s?\d[\d.,]*\s*(?:bn|m|billion|million|%|per\s+cent)?\s+"
    r"|\bto\s+" + _AMOUNT + r"(?:\([^)]{0,20}\)\s*)?(?:(?:in|during|for)\s+\d{4}\s*)?"
    r",?\s*from\s+" + _FIGURE + r"(?:(?:in|at|during|for)\s+)?"
    r"|\b(?:double|twice|triple|treble|half|\w+fold|\d+\s+times)\s+(?:that|those)\s+of\s+"
    r"|\b(?:that|those|levels?|figures?)\s+of\s+(?=the\s+same\b))"
    r"(?:the\s+same\s+(?:period|quarter|month|time|week)\s+(?:in|of|last)\s+)?$",
    re.IGNORECASE,
)
# "for the first time since 1998", "her first Grand Slam title since 2003", "the lowest
# level since 1998": a record told against its last match
_RECORD_SINCE = re.compile(
    r"\b(?:first|only|highest|lowest|biggest|largest|smallest|strongest|weakest|fastest"
    r"|slowest|best|worst|most|least|longest|shortest|sharpest|steepest|greatest|heaviest"
    r"|busiest|fewest|cheapest|poorest|richest|warmest|coldest|wettest|driest|hottest)\b(?!-)"
    r"(?:\s+[\w'’-]+){0,5}\s+(?:since\s+)?$",
    re.IGNORECASE,
)
# "matched his Grand Slam-winning efforts of 2001", "outshining My Big Fat Greek Wedding
# which sold four million units in 2003": the date of what a feat is measured against
_RIVAL = re.compile(
    r"\b(?:match(?:ed|ing)|equall?(?:ed|ing)|emulat\w+|surpass\w*|exceed\w*|eclips(?:ed|ing)"
    r"|outsh(?:ine|ines|ining|one)|outs(?:ell|ells|elling|old)|outstrip\w*|outd(?:o|oes|oing|id)"
    r"|overt(?:ake|akes|aking|aken|ook)|rivall?(?:ed|ing))\b(?P<object>[^;:]{0,80})$",
    re.IGNORECASE,
)
# where the date sits in the rival's phrase: "efforts of 2001", "which sold ... in 2003"
_OBJECT_DATE = re.compile(r"\bof\s+(?:\d{4}\s*(?:,|and)\s*)*$|\bwhich\b", re.IGNORECASE)
# ... or a year before its noun: "surpassed the 2003 total", "his 2001 mark"
_OWN_YEAR = re.compile(r"\b(?:the|his|her|its|their)\s+$", re.IGNORECASE)
# the rival's phrase has ended: "when", "where", or a new clause (", and suggested that ...")
_WHEN = re.compile(r"\b(?:when|where)\b|,\s+(?:and|but|while)\b", re.IGNORECASE)


def baseline(before: str, phrase: str, after: str, date: str, signal: str | None = None) -> bool:
    """The time expression ``phrase`` (with its signal) of a sentence reading ``before`` +
    ``phrase`` + ``after`` is the baseline of a comparison, not the date of a happening.
    ``date`` is what it resolves to: a day ("fell 2% on Monday") is never a baseline."""
    tail = before[-90:]
    m = _COMPARED.search(tail)
    if m and not (m["on"] and m["on"].lower() == "on" and len(date) == 10):
        return True
    since = (signal or "").lower() == "since" or tail.lower().endswith("since ")
    if since and _RECORD_SINCE.search(tail):
        return True
    m = _RIVAL.search(tail)
    if m is None or signal or _WHEN.search(m["object"]):
        return False  # "outstrip the US by 2010": the feat's own deadline
    if _OBJECT_DATE.search(m["object"]) or after.startswith(("'s", "’s")):
        return True
    return phrase.isdigit() and bool(_OWN_YEAR.search(m["object"]))
