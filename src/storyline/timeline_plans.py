"""Plans in a sentence: as they stand, as reported, or as they stood before
(:mod:`storyline.timeline_tense`, :mod:`storyline.timeline_items`).

A date a plan is for is still to come when the plan stands ("is due to open on 4 April",
"plans to float in 2006"). Told in the past it may only report the plan ("said it would
close in May", "officials said the vote was scheduled for 3 March": the tense of reported
speech), or tell it as it stood before and no longer stands ("previews were due to begin
on 4 April", "was to have opened", "had considered returning on 7 February", "originally
due for release in 2005"): such a date is no happening, neither past nor scheduled.
"""

from __future__ import annotations

import re

from storyline.past_forms import PAST_AUX

__all__ = ["PAST_MODALS", "PAST_PLAN", "past_plan", "reported_plan", "with_tense"]


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:'[a-z]+)?")
PAST_MODALS = _set("could may might must should would")
_PAST_AUX = frozenset(PAST_AUX)  # "was due to", "were scheduled to", "had planned to"
# a plan told as it stood before: "was to have", "had considered returning", "had been
# hoping to", "originally planned", "were due to" (not "as originally planned": kept); a cue
# it is, and its date no happening
_ONCE = _set("originally initially previously")
_ALSO = _set("also even then once just already")
_PLAN_WORDS = r"(?:due|scheduled|slated|supposed|meant|planned|intended|billed|earmarked)"
PAST_PLAN = re.compile(
    r"\b(?:(?:was|were)\s+to\s+have|had\s+(?:been\s+)?(?:plann|consider|hop|intend|want|aim|"
    r"expect)\w*(?=\s+(?:to|[a-z]+ing|for|on)\b)|(?<!as\s)(?:originally|initially|previously)\s+"
    + _PLAN_WORDS
    + r")\b",
    re.IGNORECASE,
)
# ... and as the cue reads with the words before it (:func:`with_tense`); "was/were" and a
# plan word only outside what a verb of saying reports ("said the vote was due in May" is
# the plan as it stands, told in the past after "said")
_PAST_PLAN_CUE = re.compile(
    r"(?:had\s+been\s+(?:(?:originally|initially)\s+)?(?:set|" + _PLAN_WORDS + r")|"
    r"had\s+(?:been\s+)?(?:plann|consider|hop|intend|want|aim|expect)\w*|(?:was|were)\s+to\s+"
    r"have|(?:originally|initially|previously)\s+\w+)\b"
)
_OBJECT = re.compile(r"\s+(?:to|for|on|in|at)\b|\s+[a-z]+ing\b")
_WAS_PLAN_CUE = re.compile(r"(?:was|were)\s+(?:(?:originally|initially)\s+)?" + _PLAN_WORDS)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|added|stated|reported|confirmed|according\s+to)\b", re.I
)


def with_tense(before: str, cue: str, rest: str = "") -> str:
    """``cue`` with the words right before it that put it in the past: "were due to", "had
    been hoping to", "originally due for"; "had been" only before the plan's object ("had
    been due to expire", not "the sale, which had been expected, is ...")."""
    words = [w.lower() for w in _WORD.findall(before)[-6:]]
    while words and words[-1] in _ALSO:  # "was also due to marry"
        words.pop()
    if words[-2:] == ["had", "been"] and (" to" in cue or _OBJECT.match(rest)):
        return f"had been {cue}"
    if words and words[-1] in _ONCE and words[-2:-1] != ["as"]:  # not "as originally planned"
        return f"{words[-1]} {cue}"
    if words and words[-1] in _PAST_AUX:
        return f"{words[-1]} {cue}"
    return cue


def past_plan(cue: str, before: str = "") -> bool:
    """Whether a cue tells a plan as it stood before and no longer stands: "previews were
    due to begin on 4 April", "was to have opened", "had considered returning on 7
    February", "had been hoping to recover in time for the opening", "originally due for
    release in 2005". Such a date is no happening, past or scheduled: the text names it
    only to say it was given up, or leaves that open. ``before`` is the sentence up to the
    date: after a verb of saying, "was due to" only reports the plan as it stands."""
    if _PAST_PLAN_CUE.match(cue):
        return True
    return bool(_WAS_PLAN_CUE.match(cue)) and not _SAID_BEFORE.search(before)


def reported_plan(cue: str) -> bool:
    """Whether a cue only reports a plan as it stood ("said it would close in May", "a bomb
    was due to explode at 2100"), which does not make a happening of the article's own
    month or day still to come."""
    words = cue.split()
    return bool(words) and (words[0] in PAST_MODALS or words[0] in _PAST_AUX)
