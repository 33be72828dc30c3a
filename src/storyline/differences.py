"""Differences between sources: conflicting facts, and dated statements that disagree
in what they cover.

The second kind: dated claims of different articles that carry the same time value (at
least year and month: "September 2026"; two different days of one month are two
happenings) but name different places. An article's places
for a value are the places of its claims with that value (whatever their verb). Two groups of
articles are reported as two sides only when no article of one side names a place of
the other side (an article naming both places is not disagreeing), the sides' sources
are disjoint, and their places are different entities after alias resolution.
"""

from __future__ import annotations

import re
from collections import defaultdict

from storyline.aliases import canonical, canonical_lookup, resolve_entities
from storyline.model import Article, Difference, DifferenceSide, Entity, Fact, source_of

MONTH_VALUE = re.compile(r"^\d{4}-\d{2}")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MAX_QUOTE = 160


def _when(value: str) -> str:
    """A readable form of a TIMEX value: "2026-09" -> "September 2026"."""
    year, month = value[:4], int(value[5:7])
    return f"{MONTHS[month - 1]} {year}" if 1 <= month <= 12 else value


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + "…"


def find_differences(
    articles: list[Article], facts: list[Fact], entities: list[Entity] | None = None
) -> list[Difference]:
    """Conflicting facts as differences, then same-date statements naming other places
    (``entities``: the story's resolved entities, when the caller has them already)."""
    out = [_from_fact(f) for f in facts if f.status == "conflicting" and len(f.values) > 1]
    if entities is None:
        entities = resolve_entities(articles)
    out += _place_differences(articles, entities)
    return out


def _from_fact(fact: Fact) -> Difference:
    unit = f" {fact.unit}" if fact.unit and fact.unit not in fact.attribute else ""
    sides = []
    for v in fact.values:
        hedge = f"{v.hedge} " if v.hedge and fact.unit else ""
        says = f"{hedge}{'' if v.low is None else f'{v.low} to '}{v.value}{unit}"
        if v.text:
            says += f": “{_quote(v.text)}”"
        sides.append(DifferenceSide(says=says, sources=list(v.sources)))
    return Difference(what=f"{fact.subject}: {fact.attribute}", sides=sides)


def _place_differences(articles: list[Article], entities: list[Entity]) -> list[Difference]:
    table = canonical_lookup(entities)
    # month -> article id -> place -> the claim's sentence; and the claims' full values
    seen: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    values: dict[tuple[str, str], set[str]] = defaultdict(set)  # (month, article) -> values
    by_id = {a.id: a for a in articles}
    root = {a.id: source_of(a, by_id) for a in articles}  # one outlet is one side
    for art in articles:
        for claim in art.analysis.claims:
            if claim.place and MONTH_VALUE.match(claim.value or ""):
                place = canonical(claim.place, table)
                seen[claim.value[:7]][art.id].setdefault(place, claim.text)
                values[claim.value[:7], art.id].add(claim.value[:10])
    out = []
    for month, by_article in sorted(seen.items()):
        days = {art: values[month, art] for art in by_article}
        out += _sides_for(month, by_article, root, days)
    return out


def _sides_for(
    value: str,
    by_article: dict[str, dict[str, str]],
    root: dict[str, str],
    days: dict[str, set[str]],
) -> list[Difference]:
    """Differences for one month: groups of articles naming disjoint sets of places for
    one date (two different days of the month are two happenings, not one told two ways:
    Tuesday's report on a nanny's visa and Thursday's trip to Jakarta)."""
    groups: dict[frozenset[str], list[str]] = defaultdict(list)
    for art, places in by_article.items():
        groups[frozenset(places)].append(art)
    keys = list(groups)
    out = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a & b:
                continue
            roots_a = {root.get(x, x) for x in groups[a]}
            roots_b = {root.get(x, x) for x in groups[b]}
            if roots_a & roots_b:
                continue
            dates_a = {d for x in groups[a] for d in days[x]}
            dates_b = {d for x in groups[b] for d in days[x]}
            if not any(x.startswith(y) or y.startswith(x) for x in dates_a for y in dates_b):
                continue
            sides = [_side(p, groups[p], by_article) for p in (a, b)]
            what = f"what happens in {_when(value)}: {', '.join(sorted(a | b))}"
            out.append(Difference(what=what, sides=sides))
    return out


def _side(places: frozenset[str], arts: list[str], by_article: dict[str, dict[str, str]]):
    first = sorted(places)[0]
    quote = by_article[arts[0]][first]
    says = f"{', '.join(sorted(places))}: “{_quote(quote)}”"
    return DifferenceSide(says=says, sources=sorted(arts))
