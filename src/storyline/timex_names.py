"""Time words that are part of a name, and days that a name fixes.

TimeML does not mark a temporal word that belongs to a proper name: "the Sunday Times",
"the Mail on Sunday", "the Daily Telegraph", "BBC Radio 4's Today programme", "USA Today",
"20th Century Fox", "the Terrorism Act 2000", "VOA Today", "a venture called Orion 1980",
"Euro 2000", "the Russell 2000 Index". Left in, they gave BBC stories entries such
as "Sunday" (the newspaper that reported it) and "2000" (the year in a law's title): an
audit of the 2,225 BBC texts counted 54 "Today programme", 32 Sunday papers, 4 "20th
Century Fox" and 8 "Act 2000".

A named happening fixes its own day: "the 11 September attacks" are 2001-09-11 whatever
the article's date, where an unmarked "11 September" would take the most recent one (all
23 in BBC were read as 2004 or 2005).
"""

from __future__ import annotations

import re

from storyline.timex_base import Cand

__all__ = ["in_a_name", "named_day"]

_PAPER = r"(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|People|Sport|Tribune|Star|Record)"
_AFTER_NAME = {
    "weekday": re.compile(r"\s+(?:and\s+Sunday\s+)?" + _PAPER + r"\b"),  # "Sunday Times"
    "daily": re.compile(r"\s+(?:and\s+Sunday\s+)?(?:" + _PAPER + r"|Show|Politics)\b"),
    "today": re.compile(r"\s+(?:programme|show|newspaper)\b"),
    "century": re.compile(r"\s+Fox\b"),
}
# A capitalised word inside a sentence, right before a year: a name that holds the year
# ("a venture called Orion 1980", "fans flocked to Euro 2000"), unless it is a time word
# itself ("in Fiscal 1990", "by Christmas 1998", "last Summer 1997", "Sept 1998") or a
# function word that opens a line after a headline ("... on the net\nBy 2025, ...").
_NAME_WORD = (
    r"(?:\b[a-z]+,?|,)[^\S\n]+(?!(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z][a-z]+day|"
    r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Spring|Summer|Autumn|Fall|Winter|Christmas|"
    r"Easter|Thanksgiving|Halloween|Ramadan|Passover|Hanukkah|Year|Eve|Fiscal|Calendar|Mid|"
    r"Early|Late|In|By|On|At|For|From|Since|Until|Till|To|Of|And|Or|But|After|Before|During|"
    r"Through|Last|Next|This|That|The|Every|Each)\s)[A-Z][a-z]+[^\S\n]+$"
)
_BEFORE_NAME = {
    "weekday": re.compile(r"\b(?:Mail|Independent|Scotland|Wales)\s+on\s+$"),  # "Mail on Sunday"
    "today": re.compile(r"\b[A-Z]{2,5}\s+$"),  # "USA Today", "VOA Today": an acronym's title
    "year": re.compile(r"\b[A-Z][a-z]+\s+Act\s+$|" + _NAME_WORD),  # "the Terrorism Act 2000"
}
# A stock index named with a number: "the Russell 2000 Index", "the Nikkei 225 index"
_INDEX = (
    re.compile(r"\b(?!(?:The|This|That|In|By|On|At|Of|For|From|Since|Until)\s)[A-Z][A-Za-z&]+\s+$"),
    re.compile(r"\s+[Ii]nd(?:ex|ices)\b"),
)
_KIND = (
    ("weekday", re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")),
    ("daily", re.compile(r"Daily|Weekly")),
    ("today", re.compile(r"Today")),
    ("century", re.compile(r"\d+(?:st|nd|rd|th) Century")),
    ("year", re.compile(r"(?:19|20)\d\d")),
)
_ATTACKS = re.compile(  # "attacks", "terrorist attacks", "World Trade Centre attack"
    r"(?:\s+[A-Z][\w']*){0,3}\s+(?:terror(?:ist)?\s+)?(?:attacks?|atrocit(?:y|ies)|hijackings?)\b"
)
_SEPTEMBER_11 = re.compile(r"11(?:th)?\s+(?:of\s+)?Sept(?:ember|\.)?|Sept(?:ember|\.)?\s+11(?:th)?")


# A capitalised word that goes on a title ("the Tonight Show", "Merry Christmas Everybody",
# "Ant & Dec's Saturday Night Takeaway"); a day, a month, a zone or a title of a person after
# a date starts the next clause's subject instead ("on Wednesday Prime Minister Tymoshenko").
_TITLE_AFTER = re.compile(
    r"\s+(?!(?:[A-Z][a-z]+day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|GMT|BST|Mr|Mrs|"
    r"Ms|Dr|Sir|Lord|Lady|Prime|President|Chancellor|Secretary|Minister|Foreign|Home|Labour|"
    r"Tory|Lib|Liberal|Conservative)[a-z]*\b)[A-Z][a-z]+\b"
)
# before the time word: a capitalised word or a possessive inside the same title
_TITLE_BEFORE = re.compile(r"(?:\b[A-Z][A-Za-z&]*|['’]s|&)\s+$")
THE_BEFORE = re.compile(r"\b[Tt]he\s+$")  # "the" just before a position
_MONTH_WORD = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*")
_OPENER = re.compile(r"(?:^|[.!?:;\"“”‘’(\n-]\s*)$")  # the word before starts a sentence


def _in_a_title(text: str, cand: Cand) -> bool:
    """Whether a single capitalised time word sits inside a title of capitalised words."""
    said = text[cand.start : cand.end]
    if not re.fullmatch(r"[A-Z][a-z]+", said) or not _TITLE_AFTER.match(text, cand.end):
        return False
    window = text[max(0, cand.start - 40) : cand.start]
    if THE_BEFORE.search(window):  # "the Tonight Show", not "the September Tankan" survey
        return not _MONTH_WORD.fullmatch(said)
    before = _TITLE_BEFORE.search(window)
    if before is None or before[0].startswith(("On", "In", "At", "By", "Last", "Next", "This")):
        return False
    return not _OPENER.search(window, 0, before.start())  # "Merry Christmas Everybody"


def in_a_name(text: str, cand: Cand) -> bool:
    """Whether ``cand`` (a span of ``text``) is the time word of a proper name."""
    said = text[cand.start : cand.end]
    if _in_a_title(text, cand):
        return True
    for kind, shape in _KIND:
        if not shape.fullmatch(said):
            continue
        after, before = _AFTER_NAME.get(kind), _BEFORE_NAME.get(kind)
        if after is not None and after.match(text, cand.end):
            return True
        if before is not None and before.search(text, max(0, cand.start - 40), cand.start):
            return True
        if kind == "year" and _INDEX[1].match(text, cand.end):
            return _INDEX[0].search(text, max(0, cand.start - 40), cand.start) is not None
    return False


def named_day(text: str, start: int, end: int) -> str | None:
    """The day a named happening at ``text[start:end]`` fixes ("the 11 September attacks":
    2001-09-11), or None. The text does not write it: world knowledge, never evidence of
    when the text was written (:func:`storyline.pubdate.infer_published`)."""
    if _SEPTEMBER_11.fullmatch(text[start:end]) and _ATTACKS.match(text, end):
        return "2001-09-11"
    return None
