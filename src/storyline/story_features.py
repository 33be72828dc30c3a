"""Features of an article for storyline/event clustering: bags of words and entities, date.

Pure functions over an :class:`~storyline.model.Article`: content words (lowercased letter
runs, stop words and the scaffolding of web addresses removed, plural 's' stripped), entity
keys (mentions normalised for matching), the publication date as a range of day ordinals.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.model import Article, Mention

_STOP = ENGLISH_STOP_WORDS | {
    "said", "says", "say", "told", "according", "also", "just", "new", "year", "years",
    "time", "week", "day", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "mr", "mrs", "ms", "like", "including",
    # the scaffolding of a web address (a page whose title is its URL)
    "http", "https", "www", "com", "html", "htm", "php", "asp", "aspx", "shtml", "index",
}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")
_ENT_PUNCT = re.compile(r"[.\u2019'`]+|\s+")

TITLE_WEIGHT = 3.0  # a title word counts as much as this many body words
# Countries, nationalities and regions are shared by unrelated stories ("Italy" links a Fiat
# deal and the Parmalat trial): in an entity bag they weigh half what a person or body does.
PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
PLACE_WEIGHT = 0.5


def _stem(word: str) -> str:
    """A light plural/possessive stripping so 'strikes' and 'strike' share a feature."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content words of ``text``: lowercased letter runs, stop words and 1-2 letter words out."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP]


def entity_key(text: str) -> str:
    """A mention text normalised for matching: lowercase, no leading 'the', no possessive."""
    key = text.lower().strip()
    for suffix in ("'s", "\u2019s"):
        key = key.removesuffix(suffix)
    key = key.removeprefix("the ")
    return _ENT_PUNCT.sub(lambda m: " " if m.group().isspace() else "", key).strip()


def person_keys(mentions: list[Mention], keys: list[str] | None = None) -> dict[str, str]:
    """Within one article, a lone surname's key -> the key of the one person named in full
    there with that surname ("hewitt" -> "patricia hewitt"). A surname with no full name
    beside it, or with two, is left as it is. Across articles a bare surname is weak
    evidence: "Hewitt" the minister is not "Hewitt" the tennis player. ``keys``: the
    mentions' :func:`entity_key` values, when the caller has them."""
    keys = keys if keys is not None else [entity_key(m.text) for m in mentions]
    full: dict[str, set[str]] = {}
    for mention, key in zip(mentions, keys, strict=True):
        words = key.split()
        if mention.label == "PERSON" and len(words) >= 2:
            full.setdefault(words[-1], set()).add(key)
    return {last: next(iter(names)) for last, names in full.items() if len(names) == 1}


def _places_down(ents: dict[str, float], places: set[str]) -> dict[str, float]:
    """A unit entity bag with the places' weights scaled by ``PLACE_WEIGHT``, unit again."""
    if not places:
        return ents
    scaled = {k: w * PLACE_WEIGHT if k in places else w for k, w in ents.items()}
    norm = math.sqrt(sum(w * w for w in scaled.values()))
    return {k: w / norm for k, w in scaled.items()}


def _unit(counts: dict[str, float]) -> dict[str, float]:
    """Sublinear (1 + log) counts scaled to unit length; empty stays empty."""
    weights = {k: 1.0 + math.log(v) if v >= 1 else v for k, v in counts.items() if v > 0}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {k: w / norm for k, w in weights.items()} if norm else {}


def date_range(value: str | None) -> tuple[int, int, bool] | None:
    """A YYYY[-MM[-DD]] value as (first day, last day, is-a-single-day) ordinals, or None."""
    try:
        nums = [int(p) for p in (value or "")[:10].split("-") if p][:3]
        if len(nums) == 3:
            day = date(*nums).toordinal()
            return day, day, True
        if len(nums) == 2:
            nxt = date(nums[0] + nums[1] // 12, nums[1] % 12 + 1, 1).toordinal()
            return date(nums[0], nums[1], 1).toordinal(), nxt - 1, False
        if len(nums) == 1:
            return date(nums[0], 1, 1).toordinal(), date(nums[0], 12, 31).toordinal(), False
    except ValueError:
        return None
    return None


@dataclass(slots=True)
class Doc:
    """The features of one article: unit-length bags (term -> weight), date range, language.

    ``when`` is (first day, last day, exact), exact meaning a single day read off the page;
    ``estimated`` is True when the date was estimated from the content (never exact).
    ``codes`` keeps the bags as arrays once :mod:`storyline.events` has made them (the
    bags never change after :func:`features`).
    """

    words: dict[str, float]
    ents: dict[str, float]
    when: tuple[int, int, bool] | None
    language: str | None
    estimated: bool = False
    codes: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def features(article: Article) -> Doc:
    """Bag of words, bag of entities, date range and language of an article."""
    counts: dict[str, float] = {}
    for w in terms(article.title or ""):
        counts[w] = counts.get(w, 0.0) + TITLE_WEIGHT
    for w in terms(article.text):
        counts[w] = counts.get(w, 0.0) + 1.0
    ents: dict[str, float] = {}
    places: set[str] = set()
    mentions = article.analysis.mentions
    keys = [entity_key(m.text) for m in mentions]
    surnames = person_keys(mentions, keys)
    for mention, key in zip(mentions, keys, strict=True):
        if mention.label == "PERSON" and key in surnames:
            key = surnames[key]
        if key:
            ents[key] = ents.get(key, 0.0) + 1.0
            if mention.label in PLACE_LABELS:
                places.add(key)
    when = date_range(article.published.value)
    estimated = when is not None and article.published.inferred
    if estimated and when is not None:
        when = (when[0], when[1], False)
    return Doc(_unit(counts), _places_down(_unit(ents), places), when, article.language, estimated)
