"""Story timeline: dated happenings gathered from the articles of one story.

:func:`build_timeline` turns every sentence that carries a calendar date (resolved at least
to a year) and a verb into an entry, adds each dated article's lead happening at its
publication date, marks scheduled happenings (after the publication date, or deadlines
announced with "will ... by/until"), and merges entries from different sentences and
articles that report the same happening (same date, overlapping content words).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from storyline.model import Article, TimeExpr, TimelineEntry
from storyline.timex import qualifier, tag_times
from storyline.timex_rules import FUTURE_CUE, MONTHS, NUMBERS, WEEKDAYS

__all__ = ["build_timeline"]

MAX_TEXT = 200
SAME_DATE_OVERLAP = 0.3  # share of the smaller word set two same-day entries must share
NEAR_DATE_OVERLAP = 0.5  # the same, when one date only refines the other (2024-07, 2024-07-25)
BACKGROUND_OVERLAP = 0.15  # background years long before the article: stories repeat them

_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|can|could|may|might|must|"
    r"did|does|said|says|began|met|held|left|won|lost|came|went|became|led|told|gave|took|"
    r"made|saw|rose|fell|sent|set|[a-z]{3,}(?:ed|es|ing))\b"
)
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")
_COARSE = re.compile(r"^(\d{4})-(?:WI|SP|SU|FA|Q[1-4]|H[12])$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|\n|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP_WORDS = (
    "the and for that with this from have has had was were are is will would been being its"
    " their they them than then there these those which who whom whose what when where while"
    " into onto over under about after before since until also not but can could may might"
    " said says say some any all more most other such only very just both each our his her"
    " him she he it we you your of to in on at by as an a or be do did does"
)
_STOP = set(_STOP_WORDS.split()) | set(MONTHS) | set(WEEKDAYS) | set(NUMBERS)
_CLAUSE = re.compile(r"[;:]\s|,\s|\s[–—-]\s")


@dataclass(slots=True)
class _Item:
    date: str
    text: str
    sources: list[str]
    mod: str | None
    scheduled: bool
    words: set[str] = field(default_factory=set)
    original: bool = True  # from an article that is not a copy of another
    pub: str | None = None  # the publication date of the article it comes from


def _calendar(t: TimeExpr) -> str | None:
    """The YYYY / YYYY-MM / YYYY-MM-DD a DATE or TIME value stands for, or None."""
    if t.type not in ("DATE", "TIME"):
        return None
    if m := _CALENDAR.match(t.value):
        y, mo, d = m.groups()
        if mo is None and t.mod in ("END", "START"):
            return f"{y}-{'12' if t.mod == 'END' else '01'}"
        return "-".join(p for p in (y, mo, d) if p)
    if m := _COARSE.match(t.value):
        return m[1]
    if m := _WEEK.match(t.value):
        thursday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 4)
        return thursday.strftime("%Y-%m")
    return None


def _words(text: str) -> set[str]:
    """Content words of ``text``, cut to a 6-letter stem so "announced" meets "announcement"."""
    out = set()
    for w in _WORD.findall(text):
        low = w.lower().strip("'-")
        if len(low) >= 3 and low not in _STOP:
            out.add(low[:6])
    return out


def _trim(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def _snippet(sentence: str, start: int, end: int) -> str:
    """The clause(s) of ``sentence`` around the time expression at [start, end)."""
    if len(sentence) <= MAX_TEXT:
        return _trim(sentence)
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    left = max(c for c in cuts if c <= start)
    right = min(c for c in cuts if c >= end)
    if right <= MAX_TEXT:  # keep the sentence opening, which holds the subject
        left = 0
    while right - left < 100 and (left > 0 or right < len(sentence)):
        before = [c for c in cuts if c < left]
        after = [c for c in cuts if c > right]
        if before and (not after or left - before[-1] <= after[0] - right):
            left = before[-1]
        elif after:
            right = after[0]
    return _trim(sentence[left:right].strip(" ,;:–—-"))


def _later(date: str, pub: str) -> int:
    """-1, 0 or 1: ``date`` before, overlapping or after ``pub`` at their common precision."""
    n = min(len(date), len(pub))
    return (date[:n] > pub[:n]) - (date[:n] < pub[:n])


def _scheduled(date: str, qual: str | None, before: str, pub: str | None) -> bool:
    """A happening still to come when the article was written."""
    future = bool(FUTURE_CUE.search(before))
    if pub is None:
        return future
    order = _later(date, pub)
    return order > 0 or (order == 0 and future and qual in ("ON_OR_BEFORE", "BEFORE"))


def _sentences(article: Article) -> list[tuple[int, int]]:
    if article.analysis.sentences:
        return article.analysis.sentences
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(article.text) if m.group().strip()]


def _article_items(article: Article) -> list[_Item]:
    """Dated entries from one article's sentences, plus its lead at its publication date."""
    pub = article.published.value
    times = article.analysis.times or tag_times(article.text, pub)
    original = article.duplicate_of is None
    items: list[_Item] = []
    lead_done = pub is None
    for s, e in _sentences(article):
        sentence = article.text[s:e]
        if not _VERB.search(sentence) or len(sentence.split()) < 5:
            continue
        dated_past = False
        for t in (t for t in times if s <= t.start < e):
            date = _calendar(t)
            if date is None or (t.anchored and pub is None):
                continue
            qual = qualifier(t)
            before = article.text[s : t.start]
            scheduled = _scheduled(date, qual, before, pub)
            dated_past = dated_past or not scheduled
            text = _snippet(sentence, t.start - s, t.end - s)
            mod = qual or t.mod
            words = _words(sentence)
            items.append(_Item(date, text, [article.id], mod, scheduled, words, original, pub))
        if not lead_done:
            lead_done = True
            if not dated_past and pub:
                text = _trim(sentence)
                words = _words(sentence)
                items.append(_Item(pub, text, [article.id], None, False, words, original, pub))
    return items


def _background(item: _Item) -> bool:
    """A past year-only date more than a year before the article: repeated background."""
    return bool(item.pub) and len(item.date) == 4 and int(item.date) < int(item.pub[:4]) - 1


def _similar(a: _Item, b: _Item) -> bool:
    """Two entries report the same happening: compatible dates and shared content words."""
    if a.scheduled != b.scheduled:
        return False
    if a.date == b.date:
        need = BACKGROUND_OVERLAP if _background(a) or _background(b) else SAME_DATE_OVERLAP
    elif a.date.startswith(b.date) or b.date.startswith(a.date):
        need = NEAR_DATE_OVERLAP
    else:
        return False
    shared = len(a.words & b.words)
    small = min(len(a.words), len(b.words)) or 1
    return shared >= 2 and shared / small >= need


def _pick_text(members: list[_Item]) -> str:
    """A short, clean representative: from an original article, near 120 characters."""
    return min(members, key=lambda m: (not m.original, abs(len(m.text) - 120))).text


def build_timeline(articles: list[Article]) -> list[TimelineEntry]:
    """The dated entries of one story, merged across articles, ordered by date then scheduled.

    Each entry keeps every source article id (copies included), the precision the text
    supports, the qualifier (ON_OR_BEFORE for "by"/"until"/"no later than", END for "the
    end of", ...) and whether it was still to come when reported.
    """
    groups: list[list[_Item]] = []
    for item in (i for a in articles for i in _article_items(a)):
        home = next((g for g in groups if any(_similar(item, m) for m in g)), None)
        if home is None:
            groups.append([item])
        else:
            home.append(item)
    entries = []
    for g in groups:
        date = max((m.date for m in g), key=len)
        sources = list(dict.fromkeys(s for m in g for s in m.sources))
        mods = [m.mod for m in g if m.mod]
        mod = max(set(mods), key=mods.count) if mods else None
        scheduled = g[0].scheduled
        entries.append(TimelineEntry(date, _pick_text(g), sources, mod, scheduled))
    return sorted(entries, key=lambda e: (e.date, e.scheduled))
