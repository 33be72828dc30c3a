"""The JSON API under ``/api/v1``: stories, articles, entities and search.

Every handler reads the catalog of the current store (see :mod:`storyline.api_catalog`)
and returns plain JSON shaped like the export contract (docs/output.md). Lists are paged
with ``limit`` and ``offset`` and answer ``{"total", "limit", "offset", "items"}``.
Ingest lives in :mod:`storyline.api_ingest`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse

from storyline.api_catalog import (
    Catalog,
    StoryQuery,
    article_brief,
    article_detail,
    check_entity_type,
    check_story_query,
    entity_item,
    filter_stories,
    search_articles,
    search_entities,
    story_item,
)
from storyline.catalog_cache import CatalogCache, full_article

router = APIRouter(prefix="/api/v1")

Limit = Annotated[int, Query(ge=1, le=100, description="Items per page (1 to 100).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Text = Annotated[
    str | None, Query(max_length=200, description="Words that must all occur (any case).")
]


def catalog(request: Request) -> Catalog:
    cache: CatalogCache = request.app.state.catalog
    return cache.get()


def page(
    ids: list[str], limit: int, offset: int, shape: Callable[[str], dict[str, Any]]
) -> dict[str, Any]:
    """One page of ``ids``, each shaped by ``shape``, with the paging that produced it."""
    return {
        "total": len(ids),
        "limit": limit,
        "offset": offset,
        "items": [shape(i) for i in ids[offset : offset + limit]],
    }


def not_found(what: str, key: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} {key!r}")


def moved_story(request: Request, story_id: str) -> RedirectResponse | None:
    """A permanent redirect to the storyline that ``story_id`` was merged into (a link
    kept from before the merge), or None when it never was merged."""
    cache: CatalogCache = request.app.state.catalog
    target = cache.merged_into(story_id)
    if target is None:
        return None
    parent = request.url.path.rsplit("/", 1)[0]
    return RedirectResponse(str(request.url.replace(path=f"{parent}/{target}")), 301)


@router.get("/stories", summary="List stories, with filters and paging")
def list_stories(
    request: Request,
    date_from: Annotated[
        str | None,
        Query(alias="from", description="Stories covering this date or later (YYYY[-MM[-DD]])."),
    ] = None,
    date_to: Annotated[
        str | None,
        Query(alias="to", description="Stories covering this date or earlier (YYYY[-MM[-DD]])."),
    ] = None,
    entity: Annotated[
        str | None, Query(max_length=200, description="Entity id, name or alias.")
    ] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 code, e.g. 'en'.")] = None,
    q: Text = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Stories, the largest first. Each item carries its dates, counts, languages and
    the number of articles published per day (for a sparkline)."""
    query = check_story_query(StoryQuery(date_from, date_to, entity, language, q))
    found = catalog(request)
    ids = filter_stories(found, query)
    return page(ids, limit, offset, partial(story_item, found))


@router.get(
    "/stories/{story_id}",
    summary="One story with everything computed for it",
    responses={301: {"description": "The storyline was merged into the one at `Location`."}},
)
def get_story(request: Request, story_id: str) -> Any:
    """The story as the export has it (events, timeline, facts, entities, differences,
    summary, dates, languages) plus ``members``: its articles in brief, oldest first.
    A storyline merged into another answers 301 with the other's address."""
    found = catalog(request)
    if story_id not in found.records:
        if moved := moved_story(request, story_id):
            return moved
        raise not_found("story", story_id)
    record = dict(found.records[story_id])
    record["members"] = [
        article_brief(found.articles[aid]) for aid in record["articles"] if aid in found.articles
    ]
    return record


@router.get("/articles/{article_id}", summary="One article: clean text, furniture, date")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """The article as the export has it (clean text, removed furniture, publication date
    with its evidence, detail and confidence, time expressions, ``duplicate_of``) plus
    ``copies`` (articles that copy this one), entity ``mentions`` and ``quantities``."""
    found = catalog(request)
    article = full_article(found, article_id)
    if article is None:
        raise not_found("article", article_id)
    return article_detail(found, article)


@router.get("/entities", summary="Search entities")
def list_entities(
    request: Request,
    q: Text = None,
    entity_type: Annotated[
        str | None, Query(alias="type", description="Entity label: PERSON, ORG, GPE, ...")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Entities across every story, the most mentioned first; ``q`` matches names and
    aliases."""
    found = catalog(request)
    ids = search_entities(found, q, check_entity_type(entity_type))
    return page(ids, limit, offset, lambda e: entity_item(found.entities[e]))


@router.get("/entities/{entity_id}", summary="One entity with its stories")
def get_entity(request: Request, entity_id: str) -> dict[str, Any]:
    """The entity, every spelling of it, and the stories and articles that name it."""
    found = catalog(request)
    entry = found.entities.get(entity_id)
    if entry is None:
        raise not_found("entity", entity_id)
    item = entity_item(entry)
    item["stories"] = [story_item(found, sid) for sid in entry.stories]
    item["articles"] = list(entry.articles)
    return item


@router.get("/search", summary="Search stories, entities and articles at once")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find.")],
    limit: Limit = 20,
) -> dict[str, Any]:
    """The first ``limit`` matches of each kind, with the total of each."""
    found = catalog(request)
    stories = filter_stories(found, StoryQuery(q=q))
    entities = search_entities(found, q)
    articles = search_articles(found, q)
    return {
        "q": q,
        "stories": page(stories, limit, 0, partial(story_item, found)),
        "entities": page(entities, limit, 0, lambda e: entity_item(found.entities[e])),
        "articles": page(articles, limit, 0, lambda a: article_brief(found.articles[a])),
    }
