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

from storyline.timex_rules import FUTURE_CUE, Dct


@dataclass(slots=True)
class Cand:
    """A candidate time expression: span, type, TIMEX3 value, mod, dct use."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchored: bool = False


# A future cue loses its force after a past auxiliary: "had been scheduled to expire Friday".
_PAST_BEFORE_CUE = re.compile(r"\b(?:had(?:\s+been)?|was|were|previously|originally)\s+$", re.I)
# Words right before a month or a day that point at a deadline or a start still to come.
_AHEAD = re.compile(
    r"\b(?:by|until|till|effective|starting|beginning|expected\s+(?:in|by|on)|"
    r"due\s+(?:in|by|on)|payable|to\s+be\s+\w+\s+(?:in|on|by))\s+"
    r"(?:(?:early|late|mid)(?:-|\s+))?$",
    re.I,
)
# a clause ends at a comma, a colon, a quote or a sentence end (not at "Mr." or "P.")
_CLAUSE = re.compile(r"(?<!\b[A-Z])(?<!\bM[rs])(?<!\bMrs)(?<!\bDr)(?<!\bSt)[.!?]\s|\n|[,;:\"“”]")


@dataclass(slots=True)
class Ctx:
    """The text being tagged and its document creation time."""

    text: str
    ref: Dct | None

    def clause_before(self, start: int, width: int = 120) -> str:
        """The text of the clause before ``start`` (at most ``width`` characters)."""
        return _CLAUSE.split(self.text[max(0, start - width) : start])[-1]

    def future(self, start: int) -> bool:
        """True when a future cue precedes ``start`` inside its clause, and no past auxiliary
        ("had been due", "was scheduled") takes it back."""
        window = self.clause_before(start)
        cues = list(FUTURE_CUE.finditer(window))
        if not cues:
            return False
        return not _PAST_BEFORE_CUE.search(window[: cues[-1].start()])

    def ahead(self, start: int) -> bool:
        """True when a future cue or a deadline word ("by", "until", "effective") leads to
        ``start``: a month or a day named there is more likely still to come."""
        return self.future(start) or bool(_AHEAD.search(self.text[max(0, start - 40) : start]))

    def before(self, start: int, width: int = 30) -> str:
        """The ``width`` characters before ``start``."""
        return self.text[max(0, start - width) : start]

    def after(self, end: int, width: int = 30) -> str:
        """The ``width`` characters after ``end``."""
        return self.text[end : end + width]


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
