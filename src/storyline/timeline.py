"""Story timeline: dated happenings gathered from the articles of one story.

:func:`timeline_groups` turns every sentence that carries a calendar date (resolved at
least to a year) and a verb into an item, adds each dated article's lead happening at its
publication date, marks scheduled happenings (after the publication date, or deadlines
announced with "will ... by/until") and joins items that report the same happening
(single link; a group never holds two disagreeing dates):

* the same date, or one refining the other ("September 2025", "2025-09-27") with more
  overlap asked;
* shared content words and figures (the time expressions left out; a 6-letter stem so
  "announced" meets "announcement"), each weighted by how rare it is among the story's
  dated sentences, so that what every sentence repeats ("coalition", "Iraq") counts less;
  a sentence with several dates also compares the part around each date;
* paraphrase through ``Article.analysis.claims``: the same dated claim (predicate class
  and subject word or place: "the coalition was formed in 2014", "the coalition, created
  in 2014") needs little overlap; two past year-only claims of one class in different
  articles ("built in 1968", "completed in 1968") join outright;
* two announcements of the same deadline (same date and qualifier: "by the end of
  February 2026") join on one shared word; in one article, a date given only to attribute
  speech ("a senior official told reporters Friday") joins the article's item of that day.

Dates keep the precision the text gives: "a decade ago" gives no year; a range ("between
September 2025 and September 2026") gives one item, at its start. :class:`Anchor` records
the sentences an entry rests on (the evaluation maps them to gold sentences).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from storyline.claims import LEXICON_PREDICATES
from storyline.model import Article, Claim, TimeExpr, TimelineEntry
from storyline.timex import qualifier, tag_times
from storyline.timex_rules import FUTURE_CUE, MONTHS, NUMBERS, WEEKDAYS

__all__ = ["Anchor", "TimelineGroup", "build_timeline", "timeline_groups"]

MAX_TEXT = 200
SAME_DATE_OVERLAP = 0.25  # weighted share of the smaller word set two same-day items share
NEAR_DATE_OVERLAP = 0.5  # the same, when one date only refines the other (2024-07, 2024-07-25)
CLAIM_OVERLAP = 0.08  # the same, when both state the same dated claim
NUMBER_WEIGHT = 2.0  # a shared figure ("1.8 billion") tells more than a shared word

_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|shall|can|could|may|might|must|"
    r"did|does|said|says|began|met|held|left|won|lost|came|went|became|led|told|gave|took|"
    r"made|saw|rose|fell|sent|set|burst|hit|cut|put|quit|shut|broke|built|bought|brought|"
    r"caught|chose|drove|fought|found|flew|got|grew|heard|kept|knew|laid|lent|meant|paid|"
    r"ran|sold|sought|shot|sank|spoke|spent|stood|struck|swore|taught|thought|threw|wrote|"
    r"[a-z]{3,}(?:ed|es|ing))\b"
)
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")
_COARSE = re.compile(r"^(\d{4})-(?:WI|SP|SU|FA|Q[1-4]|H[12])$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)")
_VAGUE_OFFSET = re.compile(
    r"\b(?:decades?|centur(?:y|ies)|(?:several|many|few|some)\s+years)\b", re.IGNORECASE
)
_RANGE_START = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|-|–|—)\s*$", re.IGNORECASE)
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
_CLAUSE = re.compile(r"[;:]\s|,\s|\s[–—-]\s")


@dataclass(frozen=True, slots=True)
class Anchor:
    """One sentence a timeline entry rests on: its article, its span, the date it gives."""

    article: str  # article id
    start: int  # character span of the sentence in the article's text
    end: int
    date: str  # the date this sentence gives (the entry's date may be more precise)


@dataclass(slots=True)
class TimelineGroup:
    """A timeline entry with the sentences merged into it."""

    entry: TimelineEntry
    anchors: list[Anchor]


@dataclass(slots=True)
class _Item:
    date: str
    text: str
    mod: str | None
    scheduled: bool
    anchor: Anchor
    words: set[str] = field(default_factory=set)  # the sentence's content words
    local: set[str] = field(default_factory=set)  # those of its own part, when it shares
    original: bool = True  # from an article that is not a copy of another
    claim: Claim | None = None  # the dated claim read off the same sentence and date
    speech: bool = False  # the date only says when something was said


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


def _words(text: str) -> set[str]:
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


def _scheduled(date: str, qual: str | None, before: str, pub: str | None) -> bool:
    """A happening still to come when the article was written: after its date (compared
    at their common precision), or a deadline of that very date announced as future."""
    future = bool(FUTURE_CUE.search(before))
    if pub is None:
        return future
    n = min(len(date), len(pub))
    return date[:n] > pub[:n] or (
        date[:n] == pub[:n] and future and qual in ("ON_OR_BEFORE", "BEFORE")
    )


def _sentences(article: Article) -> list[tuple[int, int]]:
    if article.analysis.sentences:
        return article.analysis.sentences
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(article.text) if m.group().strip()]


def _dated(article: Article, times: list[TimeExpr], s: int, e: int) -> list[tuple[TimeExpr, str]]:
    """The calendar times of the sentence at [s, e) with their dates; of a range ("between
    X and Y", "from X to Y") only the start, which takes the end's year when the text gives
    the year only there ("from January to March 2020")."""
    pub = article.published.value
    out: list[tuple[TimeExpr, str]] = []
    for t in (t for t in times if s <= t.start < e):
        date = _calendar(t)
        if date is None or (t.anchored and pub is None):
            continue
        if out:
            prev, prev_date = out[-1]
            between = article.text[prev.end : t.start]
            if _RANGE_JOIN.match(between) and _RANGE_START.search(article.text[s : prev.start]):
                if prev.anchored and not t.anchored and len(prev_date) >= 7:
                    start = f"{date[:4]}{prev_date[4:]}"
                    out[-1] = (prev, start if start <= date else prev_date)
                continue
        out.append((t, date))
    return out


def _article_items(article: Article) -> list[_Item]:
    """Dated items from one article's sentences, plus its lead at its publication date."""
    pub = article.published.value
    times = article.analysis.times or tag_times(article.text, pub)
    claims = {(c.sentence, c.value): c for c in reversed(article.analysis.claims)}
    original = article.duplicate_of is None
    items: list[_Item] = []
    lead_done = pub is None
    for index, (s, e) in enumerate(_sentences(article)):
        sentence = article.text[s:e]
        if not _VERB.search(sentence) or len(sentence.split()) < 5:
            continue
        blank = _blank(article, times, s, e)
        words = _words(blank)
        dated = _dated(article, times, s, e)
        parts = _segments(blank, [(t.start - s, t.end - s) for t, _ in dated])
        dated_past = False
        for (t, date), (left, right) in zip(dated, parts, strict=True):
            qual = qualifier(t)
            before = article.text[s : t.start]
            scheduled = _scheduled(date, qual, before, pub)
            dated_past = dated_past or not scheduled
            claim = claims.get((index, t.value))
            speech = bool(_SPEECH_BEFORE.search(before)) or bool(
                claim and claim.predicate in _SPEECH_PREDICATES
            )
            local = words
            if len(dated) > 1:
                local = _words(blank[left:right]) | (_words(claim.subject) if claim else set())
            text = _snippet(sentence, t.start - s, t.end - s)
            anchor = Anchor(article.id, s, e, date)
            mod = qual or t.mod
            if t.type == "TIME" and mod == "APPROX":
                mod = None  # "around 18:20 on Friday": the day itself is exact
            items.append(
                _Item(date, text, mod, scheduled, anchor, words, local, original, claim, speech)
            )
        if not lead_done:
            lead_done = True
            if not dated_past and pub:
                anchor = Anchor(article.id, s, e, pub)
                lead = _Item(pub, _trim(sentence), None, False, anchor, words, words, original)
                items.append(lead)
    return items


def _weights(items: list[_Item]) -> dict[str, float]:
    """Each word's weight: lower the more of the story's dated sentences hold it."""
    sentences = {(i.anchor.article, i.anchor.start): i.words for i in items}
    df = Counter(w for words in sentences.values() for w in words)
    n = len(sentences)
    return {
        w: (NUMBER_WEIGHT if w[0].isdigit() else 1) * math.log(1 + n / c) for w, c in df.items()
    }


def _share(a: set[str], b: set[str], weight: dict[str, float]) -> tuple[float, int]:
    mass = min(sum(weight.get(w, 0.0) for w in a), sum(weight.get(w, 0.0) for w in b))
    shared = a & b
    return (sum(weight.get(w, 0.0) for w in shared) / mass if mass else 0.0), len(shared)


def _overlap(a: _Item, b: _Item, weight: dict[str, float]) -> tuple[int, float]:
    """How many content words two items share, and their weight over the lighter set's:
    of their sentences, or of their own parts when that is closer (a sentence giving two
    dates: "was started in 1976, and launched the store in 2003")."""
    share, count = max(_share(a.words, b.words, weight), _share(a.local, b.local, weight))
    return count, share


def _same_claim(a: Claim | None, b: Claim | None) -> bool:
    """Both items state the same kind of claim about the same subject or place."""
    if a is None or b is None or a.predicate != b.predicate:
        return False
    subjects = _words(a.subject) & _words(b.subject)
    return bool(subjects) or bool(a.place and a.place == b.place)


def _similar(a: _Item, b: _Item, weight: dict[str, float]) -> bool:
    """Two items report the same happening: compatible dates and similar content."""
    if a.scheduled != b.scheduled:
        return False
    if a.date != b.date:
        if not (a.date.startswith(b.date) or b.date.startswith(a.date)):
            return False
        shared, share = _overlap(a, b, weight)
        return shared >= 2 and share >= NEAR_DATE_OVERLAP
    same_article = a.anchor.article == b.anchor.article
    if same_article and (a.speech or b.speech):
        return True
    if not same_article and _same_background(a, b):
        return True
    shared, share = _overlap(a, b, weight)
    if a.scheduled and a.mod is not None and a.mod == b.mod:
        return shared >= 1  # the same deadline
    need = CLAIM_OVERLAP if _same_claim(a.claim, b.claim) else SAME_DATE_OVERLAP
    return shared >= 2 and share >= need


def _same_background(a: _Item, b: _Item) -> bool:
    """Two past year-only items (same date) stating a claim of the same lexicon class."""
    if len(a.date) != 4 or a.scheduled or a.claim is None or b.claim is None:
        return False
    return a.claim.predicate == b.claim.predicate and a.claim.predicate in LEXICON_PREDICATES


def _pick_text(members: list[_Item], weight: dict[str, float]) -> str:
    """A representative: the member closest to the others, from an original article, with
    a text near 120 characters."""

    def closeness(m: _Item) -> float:
        return sum(_overlap(m, o, weight)[1] for o in members if o is not m)

    best = min(members, key=lambda m: (not m.original, -closeness(m), abs(len(m.text) - 120)))
    return best.text


def _cluster(items: list[_Item], weight: dict[str, float]) -> list[list[_Item]]:
    """Items joined whenever two of them are similar (single link), in first-seen order.

    Two groups never join when their most precise dates disagree: "2010" may link
    "2010-06-07" and "2010-10-23" to itself, but not to each other.
    """
    parent = list(range(len(items)))
    finest = [item.date for item in items]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_year: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        by_year.setdefault(item.date[:4], []).append(i)
    for members in by_year.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = sorted((root(i), root(j)))
                fine, coarse = sorted((finest[a], finest[b]), key=len, reverse=True)
                if a == b or not fine.startswith(coarse):
                    continue
                if _similar(items[i], items[j], weight):
                    parent[b], finest[a] = a, fine
    groups: dict[int, list[_Item]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    return list(groups.values())


def build_timeline(articles: list[Article]) -> list[TimelineEntry]:
    """The dated entries of one story (see :func:`timeline_groups`)."""
    return [g.entry for g in timeline_groups(articles)]


def timeline_groups(articles: list[Article]) -> list[TimelineGroup]:
    """The dated entries of one story, merged across articles, ordered by date then
    scheduled, each with the sentences it rests on.

    Each entry keeps every source article id (copies included), the precision the text
    supports, the qualifier (ON_OR_BEFORE for "by"/"until"/"no later than", END for "the
    end of", ...) and whether it was still to come when reported.
    """
    items = [i for a in articles for i in _article_items(a)]
    weight = _weights(items)
    groups = _cluster(items, weight)
    out = []
    for g in groups:
        date = max((m.date for m in g), key=len)
        sources = list(dict.fromkeys(m.anchor.article for m in g))
        mods = [m.mod for m in g if m.mod]
        mod = max(sorted(set(mods)), key=mods.count) if mods else None
        entry = TimelineEntry(date, _pick_text(g, weight), sources, mod, g[0].scheduled)
        out.append(TimelineGroup(entry, [m.anchor for m in g]))
    return sorted(out, key=lambda x: (x.entry.date, x.entry.scheduled))
