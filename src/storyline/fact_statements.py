"""The statements a fact is made of, how their values group, and which happening each is of.

A :class:`Statement` is one article's report of a figure: its value and hedge, the
sentence, the article's day and event, and what the sentence says of *when*: the time
expressions it names (``times``) and whether a future cue governs the figure
(``forecast``: "is expected to sell 300,000 copies").

A figure with neither holder nor place is about the happening its article reports
(:func:`by_happening`). Its values are separate facts, not a conflict, when they are of
different happenings: their sentences name different times and none in common ("750,000
copies in its first week in 1984", "800,000 copies in the US in 1985", "72,000 on
Monday"), or one is a forecast and the other a report of what happened; or, as before,
they come from different events of the story, none stating two of them. A toll rises from
one day to the next, an update or a conflict, not two deaths: its values are told apart
only by dates of different months.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from storyline.fact_agreement import compatible
from storyline.model import Article
from storyline.timeline_tense import future_governs

_WEEK = re.compile(r"^(\d{4})-W(\d\d)")


@dataclass(slots=True)
class Statement:
    article: str
    root: str  # the source it counts as (storyline.model.source_of: original, outlet)
    value: object
    hedge: str | None
    text: str
    day: str | None = None  # the article's publication day, when known to the day
    low: float | None = None  # a range's lower bound (``value`` is its upper one)
    event: str | None = None  # the event of the article (None: not known)
    rounded: bool = True  # may be another statement's figure rounded (not a toll)
    times: frozenset[str] = field(default_factory=frozenset)  # times its sentence names
    forecast: bool = False  # a future cue governs the figure


def agree(a: Statement, b: Statement, rounding: bool = True) -> bool:
    """Whether two statements give one figure; ``rounding``: the one may be the other
    rounded, or "about" it (within one fact, not between two wordings)."""
    rounded = rounding and a.rounded and b.rounded
    ha, hb = (a.hedge, b.hedge) if rounding else (None, None)
    return compatible(a.value, ha, b.value, hb, a.low, b.low, rounded)


def value_clusters(stmts: list[Statement]) -> list[list[Statement]]:
    """Statements grouped by agreeing value, in the order first stated."""
    values: list[list[Statement]] = []
    for st in stmts:
        for cluster in values:
            if all(agree(st, o) for o in cluster):
                cluster.append(st)
                break
        else:
            values.append([st])
    return values


def sentence_when(art: Article, index: int, start: int, end: int) -> tuple[frozenset[str], bool]:
    """The dates the sentence ``index`` names (their values, or their words when they have
    none), and whether a future cue governs the figure at [start, end) in it."""
    if not 0 <= index < len(art.analysis.sentences):
        return frozenset(), False
    s, e = art.analysis.sentences[index]
    # a date with no calendar value by its words, signal included ("until recently")
    times = frozenset(
        t.value if t.value[:1].isdigit() else " ".join(f"{t.signal or ''} {t.text}".lower().split())
        for t in art.analysis.times
        if s <= t.start < e and t.type == "DATE" and t.value != "PRESENT_REF"
    )
    if not s <= start < end <= e:
        return times, False
    forecast = future_governs(art.text[s:start], art.text[end:e], art.text[start:end])
    return times, forecast


def by_happening(stmts: list[Statement], bare: bool, toll: bool) -> list[list[Statement]]:
    """A figure with no holder and no place as one group per happening (module
    docstring): per value when it is ``bare`` (its counted noun alone); else values of
    different happenings apart, values of one happening (or of one not known) together."""
    values = value_clusters(stmts)
    if len(values) < 2 or bare:
        return values
    parts = _connected(values, _same_toll if toll else _same_happening)
    if len(parts) > 1:
        return parts
    if any(s.event is None for s in stmts):
        return [stmts]
    events = [{s.event for s in cluster} for cluster in values]
    if any(a & b for i, a in enumerate(events) for b in events[i + 1 :]):
        return [stmts]
    return values


def _calendar(time: str) -> str:
    """A time value as a calendar prefix: a week as the month of its Thursday; words as
    they are ("monday" for an unanchored "on Monday")."""
    m = _WEEK.match(time)
    if m is None:
        return time
    try:
        return date.fromisocalendar(int(m[1]), int(m[2]), 4).isoformat()[:7]
    except ValueError:
        return time


def _agree(x: str, y: str) -> bool:
    """Whether two times may be one, compared at their common precision ("2004-12" and
    "2004-12-26" may; "monday" and "tuesday" may not)."""
    return x.startswith(y) or y.startswith(x)


def _same_happening(a: list[Statement], b: list[Statement]) -> bool:
    """Whether two value clusters may report one happening: not when one is all forecasts
    and the other all reports, nor when both name times and none of them agree."""
    if all(s.forecast for s in a) != all(s.forecast for s in b):
        return False
    times_a = {_calendar(t) for s in a for t in s.times}
    times_b = {_calendar(t) for s in b for t in s.times}
    return not times_a or not times_b or any(_agree(x, y) for x in times_a for y in times_b)


def _same_toll(a: list[Statement], b: list[Statement]) -> bool:
    """Whether two values of a toll may count one happening's dead: a toll rises from one
    day to the next ("84 on Monday", "95 on Tuesday"), so only dates of different months
    tell tolls apart (Hurricane Mitch in 1998, the tsunami of December 2004, the Madrid
    bombs of March 2004); days named by their words alone do not."""
    months_a = {_calendar(t)[:7] for s in a for t in s.times if t[:1].isdigit()}
    months_b = {_calendar(t)[:7] for s in b for t in s.times if t[:1].isdigit()}
    return not months_a or not months_b or any(_agree(x, y) for x in months_a for y in months_b)


def _connected(values: list[list[Statement]], linked) -> list[list[Statement]]:  # noqa: ANN001
    """The value clusters joined wherever ``linked`` holds, transitively, in first order."""
    parent = list(range(len(values)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if linked(values[i], values[j]):
                parent[find(j)] = find(i)
    parts: dict[int, list[Statement]] = {}
    for i, cluster in enumerate(values):
        parts.setdefault(find(i), []).extend(cluster)
    return list(parts.values())
