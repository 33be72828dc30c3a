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
* an article's lead about a person joins another article's item only when that article
  names the person too, or on a figure or four uncommon shared words ("Annette Bening is up
  for an Oscar" and "Catalina Sandino Moreno has been nominated for an Oscar", same day);
* two announcements of the same deadline (same date and qualifier: "by the end of
  February 2026") join on one shared word; in one article, a date given only to attribute
  speech ("a senior official told reporters Friday") joins the article's item of that day.

Dates keep the precision the text gives: "a decade ago" gives no year; a range ("between
September 2025 and September 2026") gives one item, at its start. :class:`Anchor` records
the sentences an entry rests on (the evaluation maps them to gold sentences).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from storyline.claims import LEXICON_PREDICATES
from storyline.model import Article, Claim, TimelineEntry
from storyline.timeline_items import Anchor, Item, article_items, content_words
from storyline.timeline_pairs import candidate_pairs

__all__ = ["Anchor", "TimelineGroup", "build_timeline", "timeline_groups"]

SAME_DATE_OVERLAP = 0.25  # weighted share of the smaller word set two same-day items share
NEAR_DATE_OVERLAP = 0.5  # the same, when one date only refines the other (2024-07, 2024-07-25)
CLAIM_OVERLAP = 0.08  # the same, when both state the same dated claim
NUMBER_WEIGHT = 2.0  # a shared figure ("1.8 billion") tells more than a shared word
COMMON_SHARE = 0.2  # a word held by this share of the story's dated sentences is common...
COMMON_MIN = 4  # ... when they are at least this many
# words that tell nothing of a happening, as content_words keeps them (6-letter stems)
WEAK_WORDS = frozenset(
    ["during", "throug", "betwee", "within", "among", "year", "previo", "last", "first", "next"]
)
RARE_WORDS = 2  # uncommon shared words that tie two year-dated items without a rare name
MANY_WORDS = 4  # ... and that tie them even when each names others


@dataclass(slots=True)
class TimelineGroup:
    """A timeline entry with the sentences merged into it."""

    entry: TimelineEntry
    anchors: list[Anchor]


class _Weights:
    """Each content word's weight (lower the more of the story's dated sentences hold
    it), and the weight of a word set, summed once per set.

    Sums are exact (``math.fsum``), so they do not depend on the order a set is walked
    in, which changes with Python's string hashing from one run to the next.
    """

    def __init__(self, items: list[Item]) -> None:
        sentences = {(i.anchor.article, i.anchor.start): i.words for i in items}
        df = Counter(w for words in sentences.values() for w in words)
        n = len(sentences)
        self.df, self.common_at = df, max(COMMON_MIN, COMMON_SHARE * n)
        names = {(i.anchor.article, i.anchor.start): i.names for i in items}
        self.name_df = Counter(w for words in names.values() for w in words)
        self.of = {
            w: (NUMBER_WEIGHT if w[0].isdigit() else 1) * math.log(1 + n / c) for w, c in df.items()
        }
        self._mass: dict[int, float] = {}  # id of an item's word set -> its weight

    def common(self, word: str) -> bool:
        """``word`` is one of the story's common words (no evidence of one happening)."""
        return word in WEAK_WORDS or self.df.get(word, 0) >= self.common_at

    def common_name(self, name: str) -> bool:
        """``name`` is named in many of the story's dated sentences ("China", "Labour")."""
        return self.name_df.get(name, 0) >= self.common_at

    def total(self, words: frozenset[str] | set[str]) -> float:
        return math.fsum(self.of.get(w, 0.0) for w in words)

    def mass(self, words: frozenset[str] | set[str]) -> float:
        """The weight of an item's own word set (kept: the items outlive the call)."""
        key = id(words)
        if key not in self._mass:
            self._mass[key] = self.total(words)
        return self._mass[key]


def _share(a: set[str], b: set[str], weight: _Weights) -> tuple[float, int]:
    mass = min(weight.mass(a), weight.mass(b))
    shared = a & b
    return (weight.total(shared) / mass if mass else 0.0), len(shared)


def _overlap(a: Item, b: Item, weight: _Weights) -> tuple[int, float]:
    """How many content words two items share, and their weight over the lighter set's:
    of their sentences, or of their own parts when that is closer (a sentence giving two
    dates: "was started in 1976, and launched the store in 2003")."""
    share, count = max(_share(a.words, b.words, weight), _share(a.local, b.local, weight))
    return count, share


def _same_claim(a: Claim | None, b: Claim | None) -> bool:
    """Both items state the same kind of claim about the same subject or place."""
    if a is None or b is None or a.predicate != b.predicate:
        return False
    subjects = content_words(a.subject) & content_words(b.subject)
    return bool(subjects) or bool(a.place and a.place == b.place)


def _figure(word: str) -> bool:
    """A figure that tells one happening from another: "9.5", "12.011", "440,700" (not a
    small count, nor a year)."""
    if not word[0].isdigit():
        return False
    return not word.isdigit() or (len(word) >= 3 and not 1900 <= int(word) <= 2099)


def _rare_shared(a: Item, b: Item, weight: _Weights) -> list[str]:
    """The content words and figures two items share that few of the story's dated
    sentences hold."""
    shared = (a.words & b.words) | (a.local & b.local)
    return [w for w in shared if not weight.common(w)]


def _strong(rare: list[str]) -> bool:
    """Shared uncommon words that tie two items despite what sets them apart: a figure
    ("1.4%") or four words."""
    return len(rare) >= MANY_WORDS or any(_figure(w) for w in rare)


def _strangers(a: Item, b: Item, weight: _Weights) -> bool:
    """Items of two articles, one an article's lead about a person the other article never
    mentions ("Annette Bening is up for an Oscar" and another lead, "Catalina Sandino Moreno
    has joined a rare group of actresses nominated for an Oscar"; "Day-Lewis is to be
    honoured at the Berlin festival" and an article on the festival without him), unless
    both are about a person few of the story's dated sentences name."""
    if any(not weight.common_name(p) for p in a.people & b.people):
        return False
    return bool(a.people - b.cast) or bool(b.people - a.cast)


def _year_evidence(a: Item, b: Item, weight: _Weights) -> bool:
    """Two items of different articles dated by the same year report one happening on more
    than the year and the story's common words (a year holds many: "GM earned $3.7bn in
    2004", "eBay earned $778m in 2004"): the same dated claim, a name few of the story's
    dated sentences hold ("Worldcom"), a figure ("1.4%"), or two uncommon words ("the dam
    burst").
    Two claims about differently named subjects ("Singapore's economy grew", "Latin
    America's economy grew") never join; two items that each name only others need a
    shared figure or four uncommon words."""
    if a.claim and b.claim:
        subjects = [content_words(i.claim.subject) & i.names for i in (a, b) if i.claim]
        if all(subjects) and not subjects[0] & subjects[1]:
            return False  # claims about two named subjects
    rare = _rare_shared(a, b, weight)
    strong = _strong(rare)
    names = a.names & b.names
    if a.names and b.names and not names and not strong:
        return False  # about different actors
    if _same_background(a, b) or _same_claim(a.claim, b.claim):
        return True
    return strong or len(rare) >= RARE_WORDS or any(not weight.common_name(w) for w in names)


def _similar(a: Item, b: Item, weight: _Weights) -> bool:
    """Two items report the same happening: compatible dates and similar content; from two
    articles at a year's precision, with evidence beyond the year (:func:`_year_evidence`)."""
    if a.scheduled != b.scheduled:
        return False
    same_article = a.anchor.article == b.anchor.article
    if not same_article and _strangers(a, b, weight) and not _strong(_rare_shared(a, b, weight)):
        return False  # about someone the other article never names
    year = min(len(a.date), len(b.date)) == 4
    if year and not same_article and not _year_evidence(a, b, weight):
        return False
    if a.date != b.date:
        if not (a.date.startswith(b.date) or b.date.startswith(a.date)):
            return False
        shared, share = _overlap(a, b, weight)
        return shared >= 2 and share >= NEAR_DATE_OVERLAP
    if same_article and (a.speech or b.speech):
        return True
    if not same_article and _same_background(a, b):
        return True
    shared, share = _overlap(a, b, weight)
    if a.scheduled and a.mod is not None and a.mod == b.mod:
        return shared >= 1  # the same deadline
    need = CLAIM_OVERLAP if _same_claim(a.claim, b.claim) else SAME_DATE_OVERLAP
    return shared >= 2 and share >= need


def _same_background(a: Item, b: Item) -> bool:
    """Two past year-only items (same date) stating a claim of the same lexicon class."""
    if len(a.date) != 4 or a.scheduled or a.claim is None or b.claim is None:
        return False
    return a.claim.predicate == b.claim.predicate and a.claim.predicate in LEXICON_PREDICATES


def _representative(members: list[Item], weight: _Weights) -> Item:
    """A representative: a member that reports the happening (not only when something was
    said), from an original article, closest to the others, with a text near 120 characters."""

    def closeness(m: Item) -> float:
        return sum(_overlap(m, o, weight)[1] for o in members if o is not m)

    best = min(
        members,
        key=lambda m: (m.speech, not m.original, -closeness(m), abs(len(m.text) - 120)),
    )
    return best


def _cluster(items: list[Item], weight: _Weights) -> list[list[Item]]:
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

    of = weight.of.get
    for i, j in candidate_pairs(items, lambda w: of(w, 0.0), SAME_DATE_OVERLAP, CLAIM_OVERLAP):
        a, b = sorted((root(i), root(j)))
        fine, coarse = sorted((finest[a], finest[b]), key=len, reverse=True)
        if a == b or not fine.startswith(coarse):
            continue
        if _similar(items[i], items[j], weight):
            parent[b], finest[a] = a, fine
    groups: dict[int, list[Item]] = {}
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
    supports ("the end of 2017" is 2017-12 at a year's precision), the qualifier
    (ON_OR_BEFORE for "by"/"until"/"no later than", END for "the end of", ...) and whether
    it was still to come when reported.
    """
    items = [i for a in articles for i in article_items(a)]
    weight = _Weights(items)
    groups = _cluster(items, weight)
    out = []
    for g in groups:
        date = max((m.date for m in g), key=len)
        sources = list(dict.fromkeys(m.anchor.article for m in g))
        mods = [m.mod for m in g if m.mod]
        mod = max(sorted(set(mods)), key=mods.count) if mods else None
        shown = _representative(g, weight)
        span = list(shown.span) if shown.span else None
        year = all(m.year_only for m in g if m.date == date)  # no member gives the month
        weeks = {m.week for m in g if m.date == date}
        week = weeks.pop() if len(weeks) == 1 else None  # every member gives that one week
        precision = "year" if year else "week" if week else None
        entry = TimelineEntry(date, shown.text, sources, mod, g[0].scheduled, span, precision, week)
        out.append(TimelineGroup(entry, [m.anchor for m in g]))
    return sorted(out, key=lambda x: (x.entry.date, x.entry.scheduled))
