"""Which pairs of timeline items are worth comparing (:mod:`storyline.timeline`).

Items join when they report the same happening (:func:`storyline.timeline._similar`). Most
pairs of a big story cannot: their dates do not nest, or they share too few content words.
Comparing all pairs grew with the square of a story's size; this module lists, in the order
the clustering walks them, a superset of the pairs that can be similar, so the timeline comes
out the same, only sooner:

* dates nest ("2010" and "2010-06-07"), see :func:`nested_dates`; and one of
* the two items come from one article (a date that only attributes speech joins outright);
* both are past year-only claims of one lexicon class (they join outright);
* both announce a deadline with the same qualifier (one shared word is enough);
* they share enough weighted content words. A pair is similar only when the words it shares
  weigh at least a share ``t`` of the lighter item's word set (``t`` is the smallest
  threshold that can apply to it). Sort each set's words heaviest first: the words after a
  set's *prefix* weigh less than ``t`` of the set, so two such sets share a word of the
  lighter one's prefix. Each item's prefix is looked up in an inverted index of every item's
  words (prefix filtering, as in set-similarity joins: Chaudhuri et al. 2006, Bayardo et al.
  2007), for its sentence's words and for the words of its own part of the sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from itertools import combinations

from storyline.claims import LEXICON_PREDICATES
from storyline.timeline_items import Item

SAFETY = 1e-6  # prefixes are kept a little longer than needed: sums of floats may differ


def nested_dates(dates: Iterable[str]) -> dict[str, set[str]]:
    """For each date, the dates that may be one happening's: itself, its prefixes that occur
    ("2010" for "2010-06"), and the dates that begin with it."""
    ordered = sorted(set(dates))
    present = set(ordered)
    out: dict[str, set[str]] = {}
    for date in ordered:
        shorter = {date[:n] for n in range(1, len(date)) if date[:n] in present}
        run = ordered[bisect_left(ordered, date) : bisect_left(ordered, date + "\U0010ffff")]
        out[date] = shorter | {d for d in run if d.startswith(date)}
    return out


def _prefix(words: set[str], of: Callable[[str], float], share: float) -> list[str]:
    """The heaviest words of ``words`` up to where the rest weighs less than ``share`` of
    the whole set (with a margin)."""
    ranked = sorted(words, key=lambda w: (-of(w), w))
    weights = [of(w) for w in ranked]
    rest = sum(weights)
    floor = share * rest * (1 - SAFETY)
    out = []
    for word, weight in zip(ranked, weights, strict=True):
        if rest < floor or weight <= 0.0:
            break
        out.append(word)
        rest -= weight
    return out


def _sharing(
    keyed: dict[int, Iterable[Hashable]],
    probes: dict[int, Iterable[Hashable]],
    keep: Callable[[int, int], bool],
) -> set[tuple[int, int]]:
    """Pairs (i < j) where a probe key of one item is among the keys of the other and
    ``keep(prober, other)`` holds."""
    postings: dict[Hashable, list[int]] = defaultdict(list)
    for i, keys in keyed.items():
        for key in set(keys):
            postings[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, keys in probes.items():
        for key in set(keys):
            pairs.update((min(i, j), max(i, j)) for j in postings.get(key, ()) if keep(i, j))
    return pairs


def _overlapping(
    sets: dict[int, set[str]],
    kinds: dict[int, str],
    of: Callable[[str], float],
    share: float,
    nest: Callable[[int, int], bool],
) -> set[tuple[int, int]]:
    """Pairs of the same kind whose shared words may weigh ``share`` of the lighter set: the
    lighter set's prefix meets the other set."""
    mass = {i: sum(of(w) for w in words) for i, words in sets.items()}

    def lighter(i: int, j: int) -> bool:
        return mass[i] <= mass[j] * (1 + SAFETY) and nest(i, j)

    keyed = {i: [(kinds[i], w) for w in words] for i, words in sets.items()}
    probes = {i: [(kinds[i], w) for w in _prefix(words, of, share)] for i, words in sets.items()}
    return _sharing(keyed, probes, lighter)


def candidate_pairs(
    items: list[Item], of: Callable[[str], float], share: float, claim_share: float
) -> list[tuple[int, int]]:
    """The pairs (i < j, sorted) that :func:`storyline.timeline._similar` may accept.

    ``of`` gives a word's weight, ``share`` is the smallest share of weighted words two items
    without a common claim need, ``claim_share`` the smallest for two items stating the same
    kind of claim.
    """
    nested = nested_dates(item.date for item in items)
    dates = [item.date for item in items]

    def nest(i: int, j: int) -> bool:
        return i != j and dates[j] in nested[dates[i]]

    pairs: set[tuple[int, int]] = set()
    by_article: dict[str, list[int]] = defaultdict(list)
    background: dict[tuple[str, str], list[int]] = defaultdict(list)
    deadlines: dict[int, list[tuple[str, str]]] = {}
    for i, item in enumerate(items):
        by_article[item.anchor.article].append(i)
        claim = item.claim
        lexicon = claim is not None and claim.predicate in LEXICON_PREDICATES
        if claim is not None and lexicon and len(item.date) == 4 and not item.scheduled:
            background[(item.date, claim.predicate)].append(i)
        if item.scheduled and item.mod is not None:
            deadlines[i] = [(item.mod, w) for w in item.words | item.local]
    for group in (*by_article.values(), *background.values()):
        pairs.update((i, j) for i, j in combinations(group, 2) if nest(i, j))
    pairs |= _sharing(deadlines, deadlines, nest)
    claimed = {i: c.predicate for i, item in enumerate(items) if (c := item.claim)}
    for side in ("words", "local"):
        sets: dict[int, set[str]] = {i: getattr(item, side) for i, item in enumerate(items)}
        pairs |= _overlapping(sets, {i: "" for i in sets}, of, share, nest)
        claims = {i: sets[i] for i in claimed}
        pairs |= _overlapping(claims, claimed, of, claim_share, nest)
    return sorted(pairs)
