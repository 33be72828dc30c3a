"""Years that only name or describe something: no date of a happening for the timeline.

A year can qualify a person, a work or an object rather than date what the sentence reports
(:mod:`storyline.timeline_items` asks :func:`names_only` before it makes an item):

* a title a person holds: "the 2002 champion Johansson beat Luczak", "Davenport, the 2000
  Australian Open champion, was ruled out", "Mauresmo, a runner-up in 1999, was drawn ...";
  the title is told by a small list of role nouns (:data:`ROLES`). After a verb of being
  ("he was the 2002 champion", "who was runner-up in 1999") the year is the time of that
  state and stays;
* a work or an object the sentence only points at: "responsible for the classic 1982 film
  An Officer and a Gentleman", "the role from 2000 hit comedy Meet the Parents", "the record
  is held by 1995's Lion King", "a 1969 British racing green Volvo". A work stays when it is
  what the sentence tells about ("starred in the 1969 film version", "made her debut in
  1988's The Great Outdoors"): only after a word that makes it a pointer ("by", "from",
  "like", "responsible for", "sequel to", "director of", ...) is it dropped;
* an award's name: "album of the year", "sportswoman of the year".

A year inside an event stays a date: "at the 2004 Berlin Film Festival", "the man he beat in
the 2003 final", "the 2005 Bafta film awards". The time tagger still tags every such year (as
TimeML does); only the timeline leaves it out.
"""

from __future__ import annotations

import re

from storyline.past_forms import AUXILIARIES, IRREGULAR, SAYING, alternation

__all__ = ["ROLES", "WORKS", "names_only"]

# titles a person holds for a year (plural and hyphenated forms included)
ROLES = (
    r"champions?|champs?|winners?|runners?-up|runner-ups|(?:semi-?|quarter-?)?finalists?"
    r"|medall?ists?|nominees?|laureates?|(?:title-?)?holders?"
)
# works and objects a year may describe
WORKS = (
    r"films?|movies?|flicks?|hits?|comed(?:y|ies)|dramas?|thrillers?|musicals?|albums?|songs?"
    r"|books?|novels?|series|sitcoms?|documentar(?:y|ies)|sequels?|remakes?|blockbusters?"
    r"|classics?|versions?|cartoons?|cars?|models?|vintages?"
)
# heads of an award's name in "<head> of the year"
_AWARDS = (
    r"album|song|record|single|player|sports(?:man|woman|person)|personality|footballer"
    r"|cricketer|golfer|coach|manager|team|newcomer|artist|act|actor|actress|person|man|woman"
    r"|entertainer|performer|rookie|goal|photographer|writer|director|comedian|presenter|band"
    r"|group|singer|musician|venue|club|programme|book"
)
_FUNCTION = (
    r"and|or|but|nor|in|on|at|of|for|to|with|by|from|as|than|into|after|before|since|the|a|an"
    r"|his|her|its|their|who|whom|whose|which|that|this|is|are|was|were|be|been|has|have|had"
    r"|will|would|could|should|may|might|can|did|does|do|not"
)
_VERB_FORM = alternation(AUXILIARIES, SAYING, IRREGULAR)
# a word inside the noun phrase between the year and its head: no function word, no verb
_MOD = (
    r"(?!(?:" + _FUNCTION + "|" + _VERB_FORM + r")\b)"
    r"(?:[A-Z][\w'’.&-]*|[a-z][\w-]*(?<!ed)(?<!es))"
)
# where a noun phrase ends: punctuation, a function word, or (after a lower-case head) a name
_END = r"(?=\s*(?:[,.;:!?)\"”]|\s[-–—]\s|$)|\s+(?:" + _FUNCTION + r")\b)"
_NAME_AFTER = r"(?=\s+[A-Z])"


def _head(kinds: str) -> re.Pattern[str]:
    """The year's noun phrase, up to four modifiers, ending in a head of ``kinds``: a
    lower-case head may be followed by a name ("champion Thomas Johansson"), a capitalised
    one must end the phrase ("Champions League" is a name, not a title)."""
    return re.compile(
        r"^(?:['’]s)?\s+(?:" + _MOD + r"\s+){0,4}?"
        r"(?:(?-i:(?:" + kinds + r"))\b(?:" + _END + "|" + _NAME_AFTER + r")"
        r"|(?i:(?:" + kinds + r"))\b" + _END + ")",
    )


_ROLE_AFTER = _head(ROLES)
_WORK_AFTER = _head(WORKS)
# "1995's Lion King": a year's possessive naming a title
_TITLE_AFTER = re.compile(r"^['’]s\s+(?:The\s+)?[A-Z]")
# names that make "a 1998 Act", "a 2004 Olympics" a law or an event, not a make
_NAMED_THINGS = (
    r"Acts?|Laws?|Treat(?:y|ies)|Agreements?|Accords?|Conventions?|Directives?|Reports?"
    r"|Surveys?|Census|Elections?|Olympics|Games|Cups?|Opens?|Festivals?|Championships?"
    r"|Awards?|Budgets?|Summits?|Conferences?|Congress|Tours?|Series|World"
)
# "a 1969 British racing green Volvo": one made in that year, of a named make
_MAKE_AFTER = re.compile(
    r"^\s+(?:" + _MOD + r"\s+){0,4}?(?!(?:" + _NAMED_THINGS + r")\b)[A-Z][\w-]+"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:with|and|whose)\b)"
)
_INDEFINITE = re.compile(r"\ban?\s+$", re.IGNORECASE)
# "Ancic, Wimbledon semi-finalist in 2004": a title with its year after it (and any years
# listed before this one: "champion in 2001 and 2002")
_ROLE_BEFORE = re.compile(
    r"\b(?:" + ROLES + r")\s+in\s+(?:\d{4}\s*(?:,|and|&)\s*)*$", re.IGNORECASE
)
_AWARD_BEFORE = re.compile(r"\b(?:" + _AWARDS + r")\s+of\s+$", re.IGNORECASE)
_CLAUSE_START = re.compile(r"(?:[,;:(\"“]|\s[-–—]\s)[^,;:(\"“]*$")
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|has|have|had|will|would|became|become|becomes"
    r"|remains?|remained|finished|" + _VERB_FORM + r"|[a-z]{3,}ed)\b"
)
_PAST = re.compile(r"\b(?:" + _VERB_FORM + r"|[a-z]{3,}ed)\b")
# a verb of being or naming right before the year's noun phrase: the year dates that state
_STATE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|became|become|becomes|remains?|remained|crowned"
    r"|named|voted|declared)\s+(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
# the word that ties a work to its sentence: "by", "from", "like" make it a pointer
_TIE = re.compile(
    r"(?:\b(?P<lead>[\w-]+)\s+)?\b(?P<prep>by|from|like|unlike|behind|than|as|for|to|of|in|on|at"
    r"|with|into|about|during)\s+(?:(?:the|a|an|his|her|its|their|this|that)\s+)?"
    r"(?:(?!(?:" + _FUNCTION + r")\b)[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_POINTERS = frozenset({"by", "from", "like", "unlike", "behind", "than"})
_POINTER_LEADS = {
    "as": frozenset({"such"}),
    "for": frozenset({"responsible", "known", "famous", "best-known", "remembered"}),
    "to": frozenset({"sequel", "prequel", "follow-up", "successor"}),
    "of": frozenset({
        "star", "stars", "director", "directors", "writer", "writers", "creator", "creators",
        "maker", "makers", "producer", "producers", "author", "composer", "singer", "actor",
        "actress", "co-star", "sequel", "prequel", "remake", "follow-up", "version",
    }),
}  # fmt: skip
# a year as written: "last year's champion" is left alone (a background the reader can place)
_YEAR = re.compile(r"^\d{4}$")


def _bare(phrase: str, signal: str | None) -> str:
    """The time expression without the signal words :func:`storyline.timex.with_signal`
    put in front of it."""
    if signal and phrase.lower().startswith(signal.lower()):
        return phrase[len(signal) :].strip()
    return phrase.strip()


def _pointer(before: str, signal: str | None) -> bool:
    """The work's phrase is tied to its sentence by a pointer word ("from 2000 hit comedy",
    "by 1995's Lion King", "responsible for the classic 1982 film"). After a past verb,
    "from" tells where the happening came from, at about the work's time: "she released
    four number ones from her 2000 album"."""
    if signal:
        return signal.lower() in _POINTERS
    m = _TIE.search(before)
    if m is None:
        return False
    prep, lead = m["prep"].lower(), (m["lead"] or "").lower()
    if prep == "from" and _PAST.search(before[: m.start("prep")]):
        return False
    return prep in _POINTERS or lead in _POINTER_LEADS.get(prep, ())


def _title(before: str, after: str) -> bool:
    """A person's title with its year: "the 2002 champion", "a runner-up in 1999", unless a
    verb of being makes the year the time of that state ("who was runner-up in 1999")."""
    if _ROLE_AFTER.match(after):
        return not _STATE.search(before)
    m = _ROLE_BEFORE.search(before)
    if m is None:
        return False
    clause = before[: m.start()]
    start = _CLAUSE_START.search(clause)
    head = clause[start.start() :] if start else clause
    return not _VERB.search(head)


def names_only(before: str, phrase: str, after: str, signal: str | None = None) -> bool:
    """The time expression ``phrase`` (with its signal, as the timeline reads it) only
    qualifies a person, a work or an object, or is part of an award's name, in a sentence
    reading ``before`` + ``phrase`` + ``after``: it dates no happening."""
    bare = _bare(phrase, signal)
    if bare.lower() == "the year":
        return bool(_AWARD_BEFORE.search(before))
    if not _YEAR.match(bare):
        return False
    if _title(before, after):
        return True
    if _INDEFINITE.search(before) and _MAKE_AFTER.match(after):
        return True
    work = _WORK_AFTER.match(after) or _TITLE_AFTER.match(after)
    return bool(work) and _pointer(before, signal)
