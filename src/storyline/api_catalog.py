"""Catalog: the store read into memory for the API and the web pages, with its indexes.

``build_catalog`` is a pure function of the stored articles and stories; filtering and
search are pure functions over a catalog. :mod:`storyline.catalog_cache` keeps one catalog
per state of the database (articles with their sentences only) and reads an article whole
when its page asks.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from storyline.export import article_record, story_record
from storyline.model import Article, Story

MAX_QUERY_CHARS = 200
_WORD = re.compile(r"\w+")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_ENTITY_TYPE = re.compile(r"^[A-Z_]{2,16}$")


class QueryError(ValueError):
    """A filter or parameter the caller got wrong (the API answers 400 with this message)."""


@dataclass(frozen=True, slots=True)
class EntityEntry:
    """One entity across every story that names it (merged by type and canonical name)."""

    id: str  # "n" + 12 hex digits of a hash of type and name: stable across runs
    name: str
    type: str
    aliases: tuple[str, ...]  # every spelling seen in any story, the name included
    stories: tuple[str, ...]  # story ids, in catalog order (largest story first)
    articles: tuple[str, ...]  # article ids that mention it


@dataclass(slots=True)
class Catalog:
    """Everything the web layer reads, indexed by id."""

    articles: dict[str, Article]
    stories: dict[str, Story]  # in store order: the largest story first
    records: dict[str, dict[str, Any]]  # story id -> export record (dates, languages, ...)
    entities: dict[str, EntityEntry]  # entity id -> entry, the most mentioned first
    copies: dict[str, list[str]]  # article id -> ids of the articles that copy it
    story_text: dict[str, str]  # story id -> casefolded searchable text
    memo: dict[str, Any] = field(default_factory=dict)  # derived views, built once per catalog
    # reads one article whole when ``articles`` hold only its sentences (CatalogCache)
    reader: Callable[[str], Article | None] | None = None
    read: dict[str, Any] = field(default_factory=dict)  # articles read whole (bounded)


@dataclass(frozen=True, slots=True)
class StoryQuery:
    """The filters of the story list; every field optional."""

    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_to: str | None = None
    entity: str | None = None  # entity id, name or alias (case does not matter)
    language: str | None = None  # ISO 639-1 code
    q: str | None = None  # words that must all occur in the story


def entity_id(type_: str, name: str) -> str:
    digest = hashlib.sha1(f"{type_}\0{name.casefold()}".encode()).hexdigest()
    return f"n{digest[:12]}"


def build_catalog(articles: list[Article], stories: list[Story]) -> Catalog:
    """The catalog of a store's articles and stories."""
    by_id = {a.id: a for a in articles}
    copies: dict[str, list[str]] = {}
    for article in articles:
        if article.duplicate_of:
            copies.setdefault(article.duplicate_of, []).append(article.id)
    records = {s.id: story_record(s, by_id) for s in stories}
    return Catalog(
        articles=by_id,
        stories={s.id: s for s in stories},
        records=records,
        entities=_entity_index(stories),
        copies=copies,
        story_text={s.id: _story_text(s, by_id) for s in stories},
    )


def _entity_index(stories: list[Story]) -> dict[str, EntityEntry]:
    merged: dict[str, dict[str, Any]] = {}
    for story in stories:
        for entity in story.entities:
            key = entity_id(entity.type, entity.name)
            entry = merged.setdefault(
                key,
                {"name": entity.name, "type": entity.type, "aliases": {}, "stories": {}, "a": {}},
            )
            entry["aliases"].update(dict.fromkeys(entity.aliases))
            entry["stories"][story.id] = None
            entry["a"].update(dict.fromkeys(entity.sources))
    entries = [
        EntityEntry(
            id=key,
            name=e["name"],
            type=e["type"],
            aliases=tuple(sorted(e["aliases"], key=str.casefold)),
            stories=tuple(e["stories"]),
            articles=tuple(sorted(e["a"])),
        )
        for key, e in merged.items()
    ]
    entries.sort(key=lambda e: (-len(e.articles), e.name.casefold()))
    return {e.id: e for e in entries}


def _story_text(story: Story, articles: dict[str, Article]) -> str:
    parts = [story.title, *(s.text for s in story.summary)]
    for aid in story.articles:
        article = articles.get(aid)
        if article:
            parts += [article.title or "", article.outlet or "", article.text]
    parts += [alias for e in story.entities for alias in e.aliases]
    return "\n".join(parts).casefold()


MAX_MEMO = 256  # derived views kept per catalog; the memo starts afresh when it is full


def remember(catalog: Catalog, key: str, build: Callable[[], Any]) -> Any:
    """``build()``, computed once per catalog and key (a bounded memo, which requests on
    other threads may clear at any time: the value built is the one returned)."""
    return kept(catalog.memo, key, build)


def kept(memo: dict[str, Any], key: str, build: Callable[[], Any]) -> Any:
    """``memo[key]``, built and kept when missing; the memo is emptied when full."""
    found = memo.get(key, _NOT_KEPT)
    if found is not _NOT_KEPT:
        return found
    value = build()
    if len(memo) >= MAX_MEMO:
        memo.clear()
    memo[key] = value
    return value


_NOT_KEPT = object()


# --------------------------------------------------------------------------- queries


def terms(q: str | None) -> list[str]:
    """The casefolded words of a text query; a query over the length limit is an error."""
    if not q:
        return []
    if len(q) > MAX_QUERY_CHARS:
        raise QueryError(f"q: at most {MAX_QUERY_CHARS} characters")
    return [w.casefold() for w in _WORD.findall(q)]


def check_date(value: str | None, name: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date, or a QueryError naming the parameter."""
    if value is None or value == "":
        return None
    parts = value.split("-")
    shapes = [4, 2, 2][: len(parts)]
    if len(parts) > 3 or [len(p) for p in parts] != shapes or not all(p.isdigit() for p in parts):
        raise QueryError(f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    try:
        date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
        if len(parts) == 3:
            date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError as exc:
        raise QueryError(f"{name}: {value!r} is not a calendar date") from exc
    return value


def low(value: str) -> str:
    """The first day a partial date covers, as YYYY-MM-DD text."""
    return value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value


def high(value: str) -> str:
    """The last day a partial date covers, as text that sorts after every day in it."""
    return value + "-12-31"[len(value) - 4 :] if len(value) < 10 else value


def check_story_query(query: StoryQuery) -> StoryQuery:
    """The query with its dates and codes checked; QueryError says what is wrong."""
    date_from = check_date(query.date_from, "from")
    date_to = check_date(query.date_to, "to")
    if date_from and date_to and low(date_from) > high(date_to):
        raise QueryError(f"from ({date_from}) is after to ({date_to})")
    if query.language and not _LANGUAGE.match(query.language):
        raise QueryError(
            f"language: expected an ISO 639-1 code such as 'en', not {query.language!r}"
        )
    if query.entity and len(query.entity) > MAX_QUERY_CHARS:
        raise QueryError(f"entity: at most {MAX_QUERY_CHARS} characters")
    terms(query.q)
    return query


def check_entity_type(value: str | None) -> str | None:
    if value and not _ENTITY_TYPE.match(value):
        raise QueryError(f"type: expected an entity label such as PERSON or ORG, not {value!r}")
    return value or None


def find_entities(catalog: Catalog, text: str) -> set[str]:
    """Ids of the entities whose id, name or one of whose aliases is ``text``."""
    if text in catalog.entities:
        return {text}
    folded = text.strip().casefold()
    return {
        e.id for e in catalog.entities.values() if any(a.casefold() == folded for a in e.aliases)
    }


def filter_stories(catalog: Catalog, query: StoryQuery) -> list[str]:
    """Ids of the stories that pass every filter of a checked query, in catalog order."""
    words = terms(query.q)
    wanted = find_entities(catalog, query.entity) if query.entity else None
    chosen = []
    for sid, record in catalog.records.items():
        first, last = record["first_date"], record["last_date"]
        if query.date_from and (not last or high(last) < low(query.date_from)):
            continue
        if query.date_to and (not first or low(first) > high(query.date_to)):
            continue
        if query.language and query.language not in record["languages"]:
            continue
        if wanted is not None and not any(sid in catalog.entities[e].stories for e in wanted):
            continue
        if words and not all(w in catalog.story_text[sid] for w in words):
            continue
        chosen.append(sid)
    return chosen


def search_entities(catalog: Catalog, q: str | None, type_: str | None = None) -> list[str]:
    """Ids of the entities with every query word in their name or an alias."""
    words = terms(q)
    found = []
    for entry in catalog.entities.values():
        if type_ and entry.type != type_:
            continue
        names = " ".join(entry.aliases).casefold()
        if all(w in names for w in words):
            found.append(entry.id)
    return found


def search_articles(catalog: Catalog, q: str | None) -> list[str]:
    """Ids of the articles with every query word in their title or text, newest first."""
    words = terms(q)
    if not words:
        return []
    found = [
        a
        for a in catalog.articles.values()
        if all(w in f"{a.title or ''}\n{a.text}".casefold() for w in words)
    ]
    found.sort(key=lambda a: (a.published.value or "", a.id), reverse=True)
    return [a.id for a in found]


def snippet(text: str, words: list[str], width: int = 90) -> list[tuple[str, bool]]:
    """A piece of ``text`` around the first query word, as (text, is_match) pieces."""
    folded = text.casefold()
    hits = [folded.find(w) for w in words if folded.find(w) >= 0]
    start = max(0, min(hits) - width // 2) if hits else 0
    piece = text[start : start + width * 2]
    prefix = "\u2026" if start else ""
    suffix = "\u2026" if start + width * 2 < len(text) else ""
    if not words:
        return [(prefix + piece + suffix, False)]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    pieces: list[tuple[str, bool]] = [(prefix, False)] if prefix else []
    at = 0
    for match in pattern.finditer(piece):
        if match.start() > at:
            pieces.append((piece[at : match.start()], False))
        pieces.append((match.group(0), True))
        at = match.end()
    pieces.append((piece[at:] + suffix, False))
    return [p for p in pieces if p[0]]


# --------------------------------------------------------------------------- shapes


def per_day(catalog: Catalog, story_id: str) -> list[tuple[str, int]]:
    """(day, number of articles published that day) for the story's day-precise dates."""
    counts = Counter(
        catalog.articles[aid].published.value
        for aid in catalog.stories[story_id].articles
        if aid in catalog.articles and len(catalog.articles[aid].published.value or "") == 10
    )
    return sorted(counts.items())


def story_item(catalog: Catalog, story_id: str) -> dict[str, Any]:
    """One story as the story list shows it."""
    record = catalog.records[story_id]
    return {
        "id": story_id,
        "title": record["title"],
        "first_date": record["first_date"],
        "last_date": record["last_date"],
        "articles": len(record["articles"]),
        "independent_sources": record["independent_sources"],
        "languages": record["languages"],
        "articles_per_day": [{"date": d, "articles": n} for d, n in per_day(catalog, story_id)],
    }


def article_brief(article: Article) -> dict[str, Any]:
    """An article in a list: who published what, when."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "source": article.source,
        "published": article.published.value,
        "language": article.language,
        "duplicate_of": article.duplicate_of,
        "story": article.story,
    }


def article_detail(catalog: Catalog, article: Article) -> dict[str, Any]:
    """One article: the export record, its copies, entities and quantities."""
    record = article_record(article)
    record["copies"] = catalog.copies.get(article.id, [])
    record["mentions"] = [
        {"start": m.start, "end": m.end, "text": m.text, "label": m.label}
        for m in article.analysis.mentions
    ]
    record["quantities"] = [
        {
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "value": q.value,
            "unit": q.unit,
            "hedge": q.hedge,
            "low": q.low,
            "subject": q.subject,
        }
        for q in article.analysis.quantities
    ]
    return record


def entity_item(entry: EntityEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "name": entry.name,
        "type": entry.type,
        "aliases": list(entry.aliases),
        "stories": len(entry.stories),
        "articles": len(entry.articles),
    }
