"""The server-rendered pages: story list, story, article, entities and search.

Jinja2 templates under ``storyline/templates/web`` with autoescaping always on: article
text, titles and every other stored string reach the page only as escaped text. Links to
outside pages are made only for http(s) URLs. The pages work without JavaScript; the small
script in ``static/web.js`` adds click-to-pin citations and highlight toggles.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader

from storyline import __version__
from storyline.api_catalog import (
    Catalog,
    StoryQuery,
    check_entity_type,
    check_story_query,
    entity_item,
    filter_stories,
    remember,
    search_articles,
    search_entities,
    snippet,
    story_item,
    terms,
)
from storyline.api_routes import moved_story
from storyline.catalog_cache import CatalogCache, full_article
from storyline.views import EVIDENCE_WORDS, counted, date_words
from storyline.web_story import list_item, source_label, story_page
from storyline.web_text import paragraphs

router = APIRouter(include_in_schema=False)
PAGE = 20
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
Text = Annotated[str | None, Query(max_length=200)]


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline", "templates/web"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["version"] = __version__
    env.filters["counted"] = counted
    env.filters["date_words"] = lambda published: date_words(published.value, published.evidence)
    return env


def page_html(request: Request, name: str, **context: Any) -> str:
    """A page from its template; ``base`` prefixes every link (for a proxy sub-path)."""
    base = request.scope.get("root_path", "").rstrip("/")
    return environment().get_template(name).render(base=base, **context)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(page_html(request, name, **context), status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def catalog(request: Request) -> Catalog:
    cache_: CatalogCache = request.app.state.catalog
    return cache_.get()


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address (so it can be a link), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.netloc else None


def paging(request: Request, total: int, offset: int) -> dict[str, Any]:
    """Previous/next links that keep the other query parameters."""
    params = {k: v for k, v in request.query_params.items() if k != "offset" and v}

    def link(at: int) -> str:
        return "?" + urlencode({**params, "offset": at} if at else params)

    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(total, offset + PAGE),
        "prev": link(max(0, offset - PAGE)) if offset > 0 else None,
        "next": link(offset + PAGE) if offset + PAGE < total else None,
    }


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    entity: Text = None,
    language: Annotated[str | None, Query(max_length=8)] = None,
    q: Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    query = check_story_query(StoryQuery(date_from, date_to, entity, language, q))
    found = catalog(request)
    ids = filter_stories(found, query)
    items = [list_item(found, story_item(found, s)) for s in ids[offset : offset + PAGE]]
    languages = sorted({lang for r in found.records.values() for lang in r["languages"]})
    return render(
        request,
        "stories.html",
        items=items,
        query=query,
        languages=languages,
        paging=paging(request, len(ids), offset),
        filtered=any((date_from, date_to, entity, language, q)),
        total=len(found.records),
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> Response:
    current = catalog(request)
    found = story_page(current, story_id)
    if found is None:
        if moved := moved_story(request, story_id):
            return moved
        raise HTTPException(404, f"no story {story_id!r}")
    key = f"html:{request.scope.get('root_path', '')}:{story_id}"
    # the page changes only when the catalog does
    html = remember(current, key, lambda: page_html(request, "story.html", story=found))
    return HTMLResponse(html)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(
    request: Request, article_id: str, s: Annotated[int | None, Query(ge=0)] = None
) -> HTMLResponse:
    found = catalog(request)
    item = full_article(found, article_id)
    if item is None:
        raise HTTPException(404, f"no article {article_id!r}")
    story_ = found.stories.get(item.story or "")
    event = next((e for e in story_.events if e.id == item.event), None) if story_ else None
    linked = {
        i: found.articles[i]
        for i in [item.duplicate_of or "", *found.copies.get(item.id, [])]
        if i in found.articles
    }
    published = item.published
    return render(
        request,
        "article.html",
        article=item,
        who=source_label(item),
        url=safe_url(item.url),
        evidence=EVIDENCE_WORDS.get(published.evidence, published.evidence),
        story=story_,
        event=event,
        original=linked.get(item.duplicate_of or ""),
        copies=[linked[i] for i in found.copies.get(item.id, []) if i in linked],
        paragraphs=paragraphs(item),
        highlight=s,
        counts={
            "time": len(item.analysis.times),
            "entity": len(item.analysis.mentions),
            "quantity": len(item.analysis.quantities),
        },
    )


@router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    q: Text = None,
    entity_type: Annotated[str | None, Query(alias="type", max_length=20)] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    found = catalog(request)
    ids = search_entities(found, q, check_entity_type(entity_type))
    types = sorted({e.type for e in found.entities.values()})
    return render(
        request,
        "entities.html",
        items=[entity_item(found.entities[e]) for e in ids[offset : offset + PAGE]],
        q=q or "",
        entity_type=entity_type or "",
        types=types,
        paging=paging(request, len(ids), offset),
    )


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    found = catalog(request)
    entry = found.entities.get(entity_id)
    if entry is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    return render(
        request,
        "entity.html",
        entity=entry,
        stories=[list_item(found, story_item(found, s)) for s in entry.stories],
        articles=[found.articles[a] for a in entry.articles if a in found.articles],
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Text = None) -> HTMLResponse:
    found = catalog(request)
    words = terms(q)
    stories = filter_stories(found, StoryQuery(q=q)) if words else []
    entities = search_entities(found, q) if words else []
    articles = search_articles(found, q)
    return render(
        request,
        "search.html",
        q=q or "",
        stories=[list_item(found, story_item(found, s)) for s in stories[:PAGE]],
        story_total=len(stories),
        entities=[entity_item(found.entities[e]) for e in entities[:PAGE]],
        entity_total=len(entities),
        articles=[
            {
                "article": found.articles[a],
                "who": source_label(found.articles[a]),
                "snippet": snippet(found.articles[a].text, words),
            }
            for a in articles[:PAGE]
        ],
        article_total=len(articles),
    )
