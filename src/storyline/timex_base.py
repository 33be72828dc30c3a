"""The shared frame of the temporal tagger's rules: candidates, context and the rule registry.

A rule is one regular expression and one handler; the handler turns a match into a
:class:`Cand` (span, TIMEX3 type and value) or rejects it. Rules live in the ``timex_*``
modules by kind and register themselves in :data:`RULES` with :func:`rule` (and, with
:func:`needs`, the words without which they cannot match);
:mod:`storyline.timex` runs them all and picks among the candidates.

A handler may leave a value for a later pass when it needs the rest of the document: values
starting with ``NARR:`` are resolved against the last calendar date before them ("the
following year"), values starting with ``FIN:`` against the reporting period the text is
about ("the year-ago quarter").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.past_forms import AUXILIARIES, IRREGULAR, PAST_AUX, REGULAR, SAYING, alternation
from storyline.timex_past import past_follows, past_governs
from storyline.timex_rules import FUTURE_CUE, Dct


@dataclass(slots=True)
class Cand:
    """A candidate time expression: span, type, TIMEX3 value, mod, dct use, signal word."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False
    signal: str | None = None
    loose: bool = False  # a weekday read as the past one only because no word said otherwise


# A future cue loses its force after a past auxiliary: "had been scheduled to expire Friday"
# (but not a progressive plan still ahead: "were planning to march Monday").
_PAST_BEFORE_CUE = re.compile(
    r"\b(?:had\s+been|" + alternation(PAST_AUX) + r"|previously|originally)\s+$", re.I
)
_STILL_AHEAD = re.compile(r"planning\b", re.I)
# A plan word ("planned", "scheduled") is taken back by a past verb right after the date:
# "the rally scheduled for Saturday was canceled".
_PLAN_CUE = re.compile(r"^(?:planned|scheduled|due|set to|expected to)\b", re.I)
_PAST_AFTER = re.compile(r"\W{0,3}(?:" + alternation(PAST_AUX) + r"|has been|got)\b", re.I)
# After a date that opens its clause ("On Tuesday, the league plans to ..."), the first
# finite verb tells the tense: a future cue, or a past form ("said", "met", "-ed").
_PAST_VERB = re.compile(
    r"\b(?:" + alternation(AUXILIARIES, SAYING, IRREGULAR, ("agreed",)) + "|" + REGULAR + r")\b"
)
# A timetable told in the present tense looks ahead as "will" does: "E3 takes place in May",
# "the show opens on Friday", "the festival runs from 10-12 June". Only third-person forms
# that are verbs here: "runs" needs its preposition ("20 runs on Friday" is cricket). So does
# a deadline stated in the present: "The deadline is 5pm on Thursday", "Friday is the deadline"
# (not "The deadline was Friday").
SCHEDULE_CUE = re.compile(
    r"\b(?:deadline(?:\s+(?!was\b|were\b|had\b)[\w-]+){0,4}?\s+(?:is|falls|comes)|"
    r"(?:is|are)\s+the\s+(?:[\w-]+\s+)?deadline|"
    r"takes\s+place|opens|starts|begins|ends|closes|kicks\s+off|comes\s+out|goes\s+on\s+"
    r"(?:sale|display|show|tour|trial)|runs\s+(?:from|until|till|through|between)|"
    r"(?:is|are)\s+(?:held|staged|released|published|broadcast|shown|screened|out|on)|airs)\b",
    re.I,
)
# A verb of arriving, leaving or meeting in the present tense with a day names a timetable too
# ("Arafat and Netanyahu meet separately Monday", "the envoy arrives Sunday", "the offer
# expires Friday"), and so does an aim told in the present ("hopes to win seats in September",
# "is poised to sign Tuesday"); not after "to", a negation or a determiner ("failed to meet",
# "did not meet", "the meet"), and given back by a past verb after it ("the board that meets
# monthly voted Tuesday").
PRESENT_EVENT = re.compile(
    r"(?<!\bto\s)(?<!\bnot\s)(?<!n't\s)(?<!\bdid\s)(?<!\bthe\s)(?<!\ba\s)\b(?:meets?|arrives|"
    r"departs|leaves\s+for|returns\s+(?:to|home)|travels\s+to|flies\s+to|heads\s+(?:to|for|back)|"
    r"reconvenes|convenes|resumes|testifies|expires?|takes\s+effect|goes\s+into\s+effect|"
    r"plays|faces|takes\s+on|hosts|tackles|headlines|"  # a fixture: "Moya takes on Roddick"
    r"makes\s+(?:his|her|their|its)\s+(?:return|debut|comeback|bow)|"
    r"(?:hopes?|wants?|prepares?|seeks?|promises?|vows?|threatens?|pledges?)\s+to|"
    r"(?:is|are)\s+(?:likely|ready|poised|about|preparing|hoping|seeking)\s+to)\b",
    re.I,
)
# A clause opening with "with" and holding no finite verb ("..., with the third departing
# each Thursday from August 6") takes its time from the clause before it.
_ABSOLUTE = re.compile(r"^\s*with\s+(?:[\w'-]+\s+){0,4}?[a-z]+ing\b", re.I)
# A relative clause in the past between the cue and the date claims the date for itself:
# "will not repeat the trouble which marred the march in June".
_RELATIVE_PAST = re.compile(r"\b(?:which|who|that)\s+(?:(?:also|only)\s+)?" + _PAST_VERB.pattern)
# "since" looks back: "prices have risen since May" is the May before the dct. So does the
# past participle closing a reporting period: "the quarter ended Oct. 31" has ended.
_SINCE = re.compile(
    r"\b(?:since|(?:quarter|year|period|half|months?|weeks?)\s+ended(?:\s+(?:on|in))?)\s+"
    r"(?:(?:early|late|mid)(?:-|\s+))?$",
    re.I,
)
_OPENER = re.compile(r"^\W*(?:(?:on|by|early|late|and|but|then|so)\s+)*$", re.I)
# the words that may open a sentence before a date looked back to ("In December, exports fell")
_OPENS = re.compile(r"^\W*(?:(?:in|on|at|over|during|early|late|and|but|then|so)\s+)*$", re.I)
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?]\s|\n")
# Words right before a month or a day that point at a deadline or a start still to come
# ("to be approved in", but not after a past verb: "had to be approved in August").
_AHEAD = re.compile(
    r"\b(?:by|until|till|effective|starting|beginning|(?<!than\s)(?<!as\s)expected\s+(?:in|by|on)|"
    r"due\s+(?:in|by|on)|payable|(?<!\bhad\s)(?<!\bneeded\s)(?<!\bwas\s)(?<!\bwere\s)"
    r"to\s+be\s+\w+\s+(?:in|on|by|for))\s+"
    r"(?:(?:early|late|mid)(?:-|\s+))?$",
    re.I,
)
# a clause ends at a comma, a colon, a quote, a wire-copy dash (" _ ", "--") or a sentence end
# (not at "Mr." or "P.")
_CLAUSE = re.compile(
    r"(?<!\b[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?]\s|\n|[,;:\"“”]|\s_\s|--|``|''"
)


@dataclass(slots=True)
class Ctx:
    """The text being tagged and its document creation time."""

    text: str
    ref: Dct | None

    def clause_before(self, start: int, width: int = 120) -> str:
        """The text of the clause before ``start`` (at most ``width`` characters)."""
        return _CLAUSE.split(self.text[max(0, start - width) : start])[-1]

    def clause_after(self, end: int, width: int = 80) -> str:
        """The text of the clause after ``end`` (at most ``width`` characters)."""
        return _CLAUSE.split(self.text[end : end + width])[0]

    def future(self, start: int, end: int | None = None) -> bool:
        """True when a future cue precedes ``start`` inside its clause, and no past auxiliary
        ("had been due", "was scheduled") takes it back.

        With ``end`` (where the expression ends) the text after it counts too: a past verb
        right after a plan word takes the plan back ("the march planned for Saturday was
        canceled"), and an expression opening its clause takes the tense of the first verb
        after it ("On Tuesday, the league plans to ...").
        """
        if self.since(start):
            return False
        window = self.clause_before(start)
        present = (
            c for c in PRESENT_EVENT.finditer(window) if not _PAST_VERB.search(window, c.end())
        )
        cues = sorted(
            [*FUTURE_CUE.finditer(window), *SCHEDULE_CUE.finditer(window), *present], key=_at
        )
        if not cues:
            whole = len(window) < min(start, 120)  # the clause starts inside the text read
            if whole and _ABSOLUTE.match(window) and not _PAST_VERB.search(window):
                return self.future(start - len(window) - 1)  # the clause before the comma
            if end is None:
                return False
            if whole and _OPENER.match(window) and _CLOSES.match(self.text, end):
                return self._verb_before(start)  # "makes her return in Pattaya, on Tuesday."
            if self._fronted(start, window):  # "At the awards on Saturday, a film could win"
                return self._later(end, possible=True)
            return _OPENER.match(window) is not None and self._later(end)
        cue = cues[-1]
        if _PAST_BEFORE_CUE.search(window[: cue.start()]) and not _STILL_AHEAD.match(cue[0]):
            return False
        if _RELATIVE_PAST.search(window[cue.end() :]):
            return False
        taken_back = (
            end is not None and _PLAN_CUE.search(cue[0]) and _PAST_AFTER.match(self.after(end))
        )
        return not taken_back

    def _verb_before(self, start: int) -> bool:
        """The tense of a date that closes its sentence after pieces with no verb, set off by
        commas ("... at the Open in Pattaya, Thailand, on Tuesday."): that of the last piece
        before it with a verb."""
        at = start
        for _ in range(4):
            piece = self.clause_before(at)
            if any(p.search(piece) for p in (FUTURE_CUE, SCHEDULE_CUE, PRESENT_EVENT)):
                return self.future(at)
            if _PAST_VERB.search(piece) or _ANY_VERB.search(piece):
                return False
            at -= len(piece)
            if at < 1 or self.text[at - 1] != ",":
                return False
            at -= 1
        return False

    def _fronted(self, start: int, window: str) -> bool:
        """True when the clause before ``start`` opens its sentence with a preposition and
        holds no verb: "At the Bafta awards on" (Saturday night, ...)."""
        if not _FRONTED.match(window) or _PAST_VERB.search(window) or _ANY_VERB.search(window):
            return False
        before = self.text[max(0, start - len(window) - 3) : start - len(window)]
        return start - len(window) <= 0 or bool(re.search(r"(?:[.!?][\"”’]?\s|\n)\s*$", before))

    def _later(self, end: int, possible: bool = False) -> bool:
        """True when the first verb of the sentence after ``end`` is a future cue or a
        timetable in the present tense ("On Friday, the show opens"); with ``possible``, a
        possibility too ("there is the prospect that a film could win")."""
        rest = _SENTENCE_END.split(self.text[end : end + 160], maxsplit=1)[0]
        patterns = (FUTURE_CUE, SCHEDULE_CUE, PRESENT_EVENT, *((_POSSIBLE,) if possible else ()))
        cues = [c for c in (p.search(rest) for p in patterns) if c]
        past = _PAST_VERB.search(rest)
        return bool(cues) and (past is None or min(c.start() for c in cues) < past.start())

    def silent(self, start: int, end: int) -> bool:
        """True when the clause before ``start`` holds no verb and no cue, and no past verb
        comes first after ``end`` in the sentence: nothing tells on which side of the dct the
        date lies ("a sweep of awards on Saturday night."; not "On Saturday, he said")."""
        window = self.clause_before(start)
        patterns = (FUTURE_CUE, SCHEDULE_CUE, PRESENT_EVENT, _PAST_VERB, _ANY_VERB, _SINCE)
        if any(p.search(window) for p in patterns):
            return False
        rest = _SENTENCE_END.split(self.text[end : end + 160], maxsplit=1)[0]
        past = _PAST_VERB.search(rest)
        return past is None or self._later(end)

    def later_fixture(self, end: int) -> bool:
        """True when the first verb of the sentence after ``end`` is a future cue or a
        timetable in the present tense: "(In Sunday's singles,) Moya takes on Roddick"."""
        return self._later(end)

    def later(self, end: int) -> bool:
        """True when the verb right after ``end`` (within four words) is a future or "is"/"are":
        "Sunday's ceremony will be watched by millions", "Sunday's final is sold out"."""
        return bool(_NEXT_VERB_AHEAD.match(_CLAUSE.split(self.text[end : end + 80])[0]))

    def ahead(self, start: int, end: int | None = None) -> bool:
        """True when a future cue or a deadline word ("by", "until", "effective") leads to
        ``start``: a month or a day named there is more likely still to come."""
        if self.since(start):
            return False
        return self.future(start, end) or bool(_AHEAD.search(self.text[max(0, start - 40) : start]))

    def back(self, start: int, end: int | None = None) -> bool:
        """True when "since" or a past verb in its clause leads to ``start`` ("Sales rose in
        December") and no future cue or deadline word does: a month or a day named there lies
        before the dct, not in the two months after it."""
        if self.since(start):
            return True
        if self.ahead(start, end):
            return False
        window = self.clause_before(start)
        if end is not None and _OPENS.match(window):  # "In December, exports fell"
            return past_follows(_SENTENCE_END.split(self.text[end : end + 160], maxsplit=1)[0])
        if end is not None and _NOUNS_DATE.match(self.text, end) and _TOWARD.search(window):
            return False  # "pulled out of January's Open": the Open's date, not the verb's
        return past_governs(window)

    def since(self, start: int) -> bool:
        """True when "since" ("since early", "since mid-") leads to ``start``: a point looked
        back to, never one still ahead."""
        return bool(_SINCE.search(self.text[max(0, start - 20) : start]))

    def before(self, start: int, width: int = 30) -> str:
        """The ``width`` characters before ``start``."""
        return self.text[max(0, start - width) : start]

    def after(self, end: int, width: int = 30) -> str:
        """The ``width`` characters after ``end``."""
        return self.text[end : end + width]


def _at(cue: re.Match[str]) -> int:
    return cue.start()


# a date in the possessive before a noun that is no part of it ("January's Australian Open",
# not "December's final week") after a preposition of what goes before the noun's event
# ("pulled out of", "withdrew from", "picked for"): the noun's date, which the verb does not
# place; "won January's Open" is at the Open
_TOWARD = re.compile(r"\b(?:out\s+of|from|for|ahead\s+of|before|to|into)\s+$", re.I)
_NOUNS_DATE = re.compile(
    r"['’]s\s+(?!(?:[a-z-]+\s+)?(?:week|weekend|days?|half|fortnight|end|start|beginning|"
    r"middle|part|close|session|trading)\b)"
)
# a verb of any tense, and a sentence's end with nothing after the date but punctuation
_ANY_VERB = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|do|does|did)\b", re.I)
_CLOSES = re.compile(r"[\s\"”’)]*(?:[.!?]|$)")
# a phrase that opens a sentence before the date in it ("At the awards on Saturday night,")
_FRONTED = re.compile(r"^\W*(?:at|in|on|during|for|ahead\s+of|before)\s", re.I)
# what looks ahead as the first verb after a fronted date, besides a future cue or a
# timetable: a possibility ("there is the prospect that a film could win"), not a past one
_POSSIBLE = re.compile(
    r"\b(?:(?:could|might|may)(?!\s+(?:not|never|have|well\s+have)\b)|prospects?|chances?\s+of)\b",
    re.I,
)

# "will" or "is" as the verb right after an event's name: it has not happened yet
_NEXT_VERB_AHEAD = re.compile(
    r"\s+(?:[A-Za-z-]+\s+){0,3}?(?:will|shall|is|are)\b(?!\s+(?:over|past|behind)\b)"
)


Handler = Callable[[re.Match[str], Ctx], "Cand | None"]
RULES: list[tuple[re.Pattern[str], Handler]] = []


def rule(pattern: str, flags: int = 0) -> Callable[[Handler], Handler]:
    """Register ``pattern`` with the decorated handler."""

    def wrap(handler: Handler) -> Handler:
        RULES.append((re.compile(pattern, flags), handler))
        return handler

    return wrap


# Words one of which a text must hold (lower-cased) for a handler's rules to be worth running.
NEEDS: dict[Handler, tuple[str, ...]] = {}


def needs(*words: str) -> Callable[[Handler], Handler]:
    """Skip the decorated handler's rules on texts holding none of ``words`` (lower case): a
    cheap test that keeps the tagger fast. Put it above the ``@rule`` lines."""

    def wrap(handler: Handler) -> Handler:
        NEEDS[handler] = words
        return handler

    return wrap
