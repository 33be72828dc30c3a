"""Dated items of one article for its story's timeline (:mod:`storyline.timeline`).

Every sentence that carries a calendar date (resolved at least to a year) and a verb gives an
item per date, with its content words (the time expressions blanked out), the part around the
date when the sentence gives several, the dated claim read off it, and whether it was still to
come when reported; a dated article's lead also gives an item at its publication date. Dates keep
the precision the text gives: "a decade ago" gives no year; a range ("between September 2025 and
September 2026") gives one item, at its start.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from storyline.model import Article, Claim, Mention, TimeExpr
from storyline.past_forms import AUXILIARIES, IRREGULAR, SAYING, UNCHANGED, alternation
from storyline.timeline_baselines import baseline
from storyline.timeline_epithets import names_only
from storyline.timeline_tense import announces, governing_cue, past_plan, reported_plan
from storyline.timex import qualifier, with_signal
from storyline.timex_rules import MONTHS, NUMBERS, WEEKDAYS

__all__ = ["Anchor", "Item", "article_items", "content_words"]

MAX_TEXT = 200
DATE_TAIL = 24  # characters a trimmed text keeps after its date's words, when it has them

# a verb of any tense (storyline.past_forms for the past): a sentence without one is a
# caption or a heading, no happening
_VERB = re.compile(
    r"\b(?:is|are|be|been|has|have|will|would|shall|can|could|may|might|must|does|says|"
    + alternation(AUXILIARIES, SAYING, IRREGULAR, UNCHANGED)
    + r"|[a-z]{3,}(?:ed|es|ing))\b"
)
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")
_COARSE = re.compile(r"^(\d{4})-(?:WI|SP|SU|FA|Q[1-4]|H[12])$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_VAGUE_OFFSET = re.compile(
    r"\b(?:decades?|centur(?:y|ies)|(?:several|many|few|some)\s+years)\b", re.IGNORECASE
)
_RANGE_START = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|-|–|—)\s*$", re.IGNORECASE)
_BARE_DAY = re.compile(r"^\d{1,2}$")  # "26" of "26-28 August": a range's first day
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|stated|added|noted|according\s+to)\b(?:\W+\w+){0,5}\W*$",
    re.IGNORECASE,
)
_SPEECH_PREDICATES = frozenset({"say", "tell", "state", "add", "note", "report", "quote"})
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’)]*|\n|$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_NUMBER = re.compile(r"\b\d+(?:[.,]\d+)+\b|\b\d{2,}\b")
_STOP_WORDS = (
    "the and for that with this from have has had was were are is will would been being its"
    " their they them than then there these those which who whom whose what when where while"
    " into onto over under about after before since until also not but can could may might"
    " said says say some any all more most other such only very just both each our his her"
    " him she he it we you your of to in on at by as an a or be do did does"
)
_STOP = set(_STOP_WORDS.split()) | set(MONTHS) | set(WEEKDAYS) | set(NUMBERS)
_NOT_NAMES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "no", "yes", "if", "so", "yet"}
_CLAUSE = re.compile(r"[;:]\s|,\s|\s[–—-]\s")
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks around the date's words while cutting


@dataclass(frozen=True, slots=True)
class Anchor:
    """One sentence a timeline entry rests on: its article, its span, the date it gives."""

    article: str  # article id
    start: int  # character span of the sentence in the article's text
    end: int
    date: str  # the date this sentence gives (the entry's date may be more precise)


@dataclass(slots=True)
class Item:
    """One dated mention: its date, snippet, qualifier, and what it is compared by."""

    date: str
    text: str
    mod: str | None
    scheduled: bool
    anchor: Anchor
    span: tuple[int, int] | None = None  # where in ``text`` the date was read (None: lead)
    words: set[str] = field(default_factory=set)  # the sentence's content words
    local: set[str] = field(default_factory=set)  # those of its own part, when it shares
    original: bool = True  # from an article that is not a copy of another
    claim: Claim | None = None  # the dated claim read off the same sentence and date
    speech: bool = False  # the date only says when something was said
    names: set[str] = field(default_factory=set)  # content words of the sentence's names
    year_only: bool = False  # the text gives a year; ``mod`` put the date at its start or end
    week: str | None = None  # the ISO week the text gives ("2005-W09"), shown as its month
    people: set[str] = field(default_factory=set)  # a lead's: surname keys of its subject
    cast: frozenset[str] = frozenset()  # name keys of every name in its article


def _calendar(t: TimeExpr) -> str | None:
    """The YYYY / YYYY-MM / YYYY-MM-DD a DATE or TIME value stands for, or None."""
    if t.type not in ("DATE", "TIME") or _VAGUE_OFFSET.search(t.text):
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


def content_words(text: str) -> set[str]:
    """Content words and numbers of ``text``; a word loses a plural "s" and is cut to a
    6-letter stem, so "announced" meets "announcement" and "euros" meets "euro"."""
    out = set(_NUMBER.findall(text))
    for w in _WORD.findall(text):
        low = w.lower().strip("'-")
        if len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
            low = low[:-1]
        if len(low) >= 3 and low not in _STOP:
            out.add(low[:6])
    return out


def _name_key(word: str) -> str | None:
    low = word.lower().removesuffix("'s").strip("'-")
    if len(low) < 2 or low in _STOP or low in _NOT_NAMES:
        return None
    return low[:6]


def name_keys(text: str, mentions: Iterable[str] = ()) -> set[str]:
    """Keys of the names in ``text`` (lower case, cut like :func:`content_words`): its
    words written with a capital ("Worldcom", "GM", "eBay"; the first word only when it
    is a possessive, "Heineken's", or has a capital inside), and the words of ``mentions``."""
    found = [
        w
        for i, w in enumerate(_WORD.findall(text))
        if any(c.isupper() for c in w[1:]) or w[0].isupper() and (i or w.endswith("'s"))
    ]
    found += [w for m in mentions for w in _WORD.findall(m)]
    return {k for w in found if (k := _name_key(w))}


def _people(mentions: Iterable[Mention]) -> set[str]:
    """Keys of the surnames of the people among ``mentions`` ("Annette Bening" -> "bening"):
    those named before a sentence's first verb, its subject ("Film actress Annette Bening
    is up for an Oscar"), not the others it names ("a film starring Joseph Fiennes")."""
    last = (_WORD.findall(m.text)[-1:] for m in mentions if m.label == "PERSON")
    return {k for words in last for w in words if (k := _name_key(w))}


def _blank(article: Article, times: list[TimeExpr], s: int, e: int) -> str:
    """The sentence at [s, e) with its time expressions blanked (offsets kept)."""
    text = article.text[s:e]
    for t in (t for t in times if s <= t.start < e):
        a, b = t.start - s, min(t.end, e) - s
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _segments(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One part of ``sentence`` per time expression at ``spans``: cut between two at the
    clause break nearest the middle of the gap, or at the middle."""
    if not spans:
        return []
    cuts = [0]
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        middle = (end + start) // 2
        breaks = [m.start() for m in _CLAUSE.finditer(sentence, end, start)]
        cuts.append(min(breaks, key=lambda c: abs(c - middle)) if breaks else middle)
    return list(zip(cuts, [*cuts[1:], len(sentence)], strict=True))


def _trim(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (the
    marks of :func:`_snippet` do not count). When the cut would fall in the marked date
    or just after it, words are dropped from the start instead ("…previously filmed by the
    BBC in 1991."), so that the date and a few words after it are shown."""
    text = " ".join(text.split())
    visible = [i for i, c in enumerate(text) if c not in (_OPEN, _CLOSE)]
    if len(visible) <= limit:
        return text
    close, opened = text.find(_CLOSE), text.find(_OPEN)
    if 0 <= opened < close:
        shown = sum(1 for i in visible if i < close)  # visible characters up to the date's end
        need = min(len(visible), shown + DATE_TAIL)
        if need > limit:  # drop words from the start, a "…" in their place
            first = visible[need - limit + 1]
            cut = text.find(" ", first, opened)
            text = "…" + text[cut + 1 if cut >= 0 else opened :]
            visible = [i for i, c in enumerate(text) if c not in (_OPEN, _CLOSE)]
            if len(visible) <= limit:
                return text
    cut = text[: visible[limit - 1]].rsplit(" ", 1)[0].rstrip(",;:–—- ")
    return cut + "…"


def _unmark(text: str) -> tuple[str, tuple[int, int] | None]:
    """``text`` without the marks, and the span they enclosed (None when a cut lost one)."""
    start, end = text.find(_OPEN), text.find(_CLOSE)
    plain = text.replace(_OPEN, "").replace(_CLOSE, "")
    if start < 0 or end < start:
        return plain, None
    return plain, (start, end - 1)


def _snippet(sentence: str, start: int, end: int) -> tuple[str, tuple[int, int] | None]:
    """The clause(s) of ``sentence`` around the time expression at [start, end), and where
    in them the expression is."""
    end = min(end, len(sentence))
    sentence = sentence.replace(_OPEN, " ").replace(_CLOSE, " ")  # same length, no stray mark
    sentence = sentence[:start] + _OPEN + sentence[start:end] + _CLOSE + sentence[end:]
    end += 2
    limit = MAX_TEXT + 2
    if len(sentence) <= limit:
        return _unmark(_trim(sentence))
    cuts = [0, *(m.end() for m in _CLAUSE.finditer(sentence)), len(sentence)]
    left = max(c for c in cuts if c <= start)
    right = min(c for c in cuts if c >= end)
    if right <= limit:  # keep the sentence opening, which holds the subject
        left = 0
    while right - left < 102 and (left > 0 or right < len(sentence)):
        before = [c for c in cuts if c < left]
        after = [c for c in cuts if c > right]
        if before and (not after or left - before[-1] <= after[0] - right):
            left = before[-1]
        elif after:
            right = after[0]
    return _unmark(_trim(sentence[left:right].strip(" ,;:–—-")))


def _scheduled(
    date: str, qual: str | None, future: bool, pub: str | None, value: str = "", firm: bool = True
) -> bool:
    """A happening still to come when the article was written: after its date (compared
    at their common precision; a week by its own days, not by the month it is shown in),
    or of that very date (the same day, the month or year it is written in) and announced
    as future (``future``: a future cue governs the date, see
    :mod:`storyline.timeline_tense`): "the chart will reveal next week", "the deadline
    expires at the end of this month". Of the same date, a plan only reported (``firm``
    False: "said a bomb would explode at 2100") may be over by the time of writing: only
    a deadline counts then."""
    if pub is None:
        return future
    now = future and (firm or qual in ("ON_OR_BEFORE", "BEFORE"))
    week = _week_days(value)
    if week is not None and len(pub) == 10:
        if week[0] > pub or week[1] < pub:
            return week[0] > pub
        return now  # the week the article was written in
    n = min(len(date), len(pub))
    return date[:n] > pub[:n] or (date[:n] == pub[:n] and now)


def _week_days(value: str) -> tuple[str, str] | None:
    """The first and last day (ISO strings) of a week value ("2005-W07"), else None."""
    if not (m := _WEEK.match(value)):
        return None
    year, week = int(m[1]), int(m[2])
    try:
        days = dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    except ValueError:
        return None
    return days[0].isoformat(), days[1].isoformat()


def _sentences(article: Article) -> list[tuple[int, int]]:
    if article.analysis.sentences:
        return article.analysis.sentences
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(article.text) if m.group().strip()]


def _dated(
    article: Article, times: list[TimeExpr], s: int, e: int
) -> list[tuple[TimeExpr, str, bool]]:
    """The calendar times of the sentence at [s, e) with their dates and whether each is a
    range; of a range ("between X and Y", "from X to Y", "on 26-28 August") only the start,
    which takes the end's year when the text gives the year only there ("from January to
    March 2020"), its span widened over the end so that the range is shown whole."""
    pub = article.published.dated_by_page  # an estimate is only a lower bound
    out: list[tuple[TimeExpr, str, bool]] = []
    for t in (t for t in times if s <= t.start < e):
        date = _calendar(t)
        if date is None or (t.anchored and pub is None):
            continue
        if out:
            prev, prev_date, _ = out[-1]
            between = article.text[prev.end : t.start]
            if t.signal and not between.strip():  # "from 14 July until 2 August 2022"
                between = t.signal  # the signal, read with the date, is the join
            opened = _RANGE_START.search(article.text[s : prev.start])
            day_span = _BARE_DAY.match(prev.text) and "and" not in between.lower()  # "4-6 May"
            if _RANGE_JOIN.match(between) and (opened or day_span):
                if prev.anchored and not t.anchored and len(prev_date) >= 7:
                    start = f"{date[:4]}{prev_date[4:]}"
                    prev_date = start if start <= date else prev_date
                whole = replace(prev, end=t.end, text=article.text[prev.start : t.end])
                out[-1] = (whole, prev_date, True)
                continue
        out.append((t, date, False))
    return out


def article_items(article: Article) -> list[Item]:
    """Dated items from one article's sentences, plus its lead at its publication date."""
    pub = article.published.dated_by_page  # an estimate is only a lower bound
    # each date with its signal ("until September 2026"): the words blanked, cut around,
    # looked behind and shown in bold are the phrase, not the bare TIMEX3 span
    times = [with_signal(article.text, t) for t in article.analysis.times]
    claims = {(c.sentence, c.value): c for c in reversed(article.analysis.claims)}
    original = article.duplicate_of is None
    mentions = article.analysis.mentions
    cast = frozenset(name_keys(article.text, (m.text for m in mentions)))
    items: list[Item] = []
    lead_done = pub is None
    for index, (s, e) in enumerate(_sentences(article)):
        sentence = article.text[s:e]
        if not _VERB.search(sentence) or len(sentence.split()) < 5:
            continue
        blank = _blank(article, times, s, e)
        words = content_words(blank)
        names = name_keys(blank, (m.text for m in mentions if s <= m.start < e))
        dated = _dated(article, times, s, e)
        parts = _segments(blank, [(t.start - s, t.end - s) for t, _, _ in dated])
        dated_past = False
        for (t, date, ranged), (left, right) in zip(dated, parts, strict=True):
            qual = qualifier(t)
            before = article.text[s : t.start]
            after = article.text[t.end : e]
            if not ranged and baseline(before, t.text, after, date, t.signal):
                continue  # "up on 2003", "first title since 2003": no happening
            if names_only(before, t.text, after, t.signal):
                continue  # "the 2002 champion Johansson": a title, not a happening's date
            cue = governing_cue(before, article.text[t.end : e], t.text)
            future = cue is not None
            scheduled = _scheduled(date, qual, future, pub, t.value, not reported_plan(cue or ""))
            if scheduled and past_plan(cue or "", before):
                continue  # a plan as it stood ("were due to begin on 4 April"): not to come
            dated_past = dated_past or not scheduled
            claim = claims.get((index, t.value))
            speech = bool(_SPEECH_BEFORE.search(before)) or bool(
                claim and claim.predicate in _SPEECH_PREDICATES
            )
            local = words
            if len(dated) > 1:
                subject = content_words(claim.subject) if claim else set()
                local = content_words(blank[left:right]) | subject
            text, span = _snippet(sentence, t.start - s, t.end - s)
            anchor = Anchor(article.id, s, e, date)
            mod = qual or t.mod
            if t.type == "TIME" and mod == "APPROX":
                mod = None  # "around 18:20 on Friday": the day itself is exact
            value = _CALENDAR.match(t.value)
            year_only = len(date) == 7 and value is not None and value[2] is None
            items.append(
                Item(
                    date,
                    text,
                    mod,
                    scheduled,
                    anchor,
                    span,
                    words,
                    local,
                    original,
                    claim,
                    speech,
                    names,
                    year_only,
                    t.value[:8] if _WEEK.match(t.value) else None,
                    cast=cast,
                )
            )
        if not lead_done:
            lead_done = True
            # a lead that announces ("Fiat will meet GM on Tuesday") is no happening of its day
            main = sentence.split(", ", 1)[0]  # before the attribution ("..., aides said")
            ahead = bool(dated) or announces(main)
            if not dated_past and not ahead and pub:
                anchor = Anchor(article.id, s, e, pub)
                lead = Item(pub, _trim(sentence), None, False, anchor, None, words, words, original)
                verb = _VERB.search(sentence)
                subject = s + (verb.start() if verb else 0)  # the lead's happening is its own
                lead.people = _people(m for m in mentions if s <= m.start < subject)
                lead.names, lead.cast = names, cast
                items.append(lead)
    return items
