"""The story page's content: the briefing view with citations that quote their article.

Starts from :func:`storyline.views.story_views` (numbered sources, citations by number,
values formatted for reading) and adds what a page can show that a briefing cannot: for
every citation the sentence of the cited article that says it, the timeline chart, the
source-by-fact matrix and links to entity pages. Pure: reads a catalog, returns dicts.
"""

from __future__ import annotations

from typing import Any

from storyline.api_catalog import Catalog, entity_id, per_day, remember
from storyline.date_words import entry_label
from storyline.export import build_export
from storyline.model import Article
from storyline.views import format_value, story_views
from storyline.web_charts import sparkline, timeline_chart
from storyline.web_text import best_sentence, sentence_text


def source_label(article: Article | None) -> str:
    """Who published an article: its outlet, else its source name."""
    if article is None:
        return "?"
    return article.outlet or article.source


def cite(
    catalog: Catalog, sources: list[dict[str, Any]], numbers: list[int], text: str
) -> list[dict[str, Any]]:
    """Citations [n] of ``text``: each with the sentence of article n that says it."""
    by_number = {s["n"]: s for s in sources}
    found = []
    for n in numbers:
        source = by_number.get(n)
        if source is None:
            continue
        article = catalog.articles.get(source["id"])
        index = best_sentence(article, text) if article and text else None
        found.append(
            {
                "n": n,
                "id": source["id"],
                "title": source["title"],
                "who": source_label(article),
                "published": source["published"],
                "index": index,
                "sentence": sentence_text(article, index) if article else "",
            }
        )
    return found


def fact_matrix(view: dict[str, Any], catalog: Catalog) -> dict[str, Any]:
    """Which source reports which value of which fact: one row per fact, one column per
    source that states at least one fact."""
    used: dict[int, None] = {}
    rows = []
    for fact in view["facts"]:
        cells: dict[int, dict[str, Any]] = {}
        for value in fact["values"]:
            shown = format_value(value["value"], None, value.get("hedge"), value.get("low"))
            odd = fact["status"] == "conflicting" and value["value"] != fact["value"]
            for n in value["cites"]:
                cells[n] = {"shown": shown, "odd": odd, "text": value.get("text", "")}
                used[n] = None
        rows.append({"label": fact_name(fact), "status": fact["status"], "cells": cells})
    columns = [
        {**s, "who": source_label(catalog.articles.get(s["id"]))}
        for s in view["sources"]
        if s["n"] in used
    ]
    return {"columns": columns, "rows": rows}


def fact_name(fact: dict[str, Any]) -> str:
    """ "people killed", or "dam: completion date" when the attribute needs its subject."""
    subject, attribute = fact["subject"], fact["attribute"]
    return attribute if subject.casefold() in attribute.casefold() else f"{subject}: {attribute}"


def story_page(catalog: Catalog, story_id: str) -> dict[str, Any] | None:
    """Everything the story page shows, or None when there is no such story."""
    if story_id not in catalog.stories:
        return None
    return remember(catalog, f"story:{story_id}", lambda: _story_page(catalog, story_id))


def _story_page(catalog: Catalog, story_id: str) -> dict[str, Any]:
    story = catalog.stories[story_id]
    members = [catalog.articles[a] for a in story.articles if a in catalog.articles]
    document = build_export(members, [story])
    view = story_views(document)[0]
    record = catalog.records[story_id]
    sources = view["sources"]
    for source in sources:
        source["who"] = source_label(catalog.articles.get(source["id"]))
    for sentence in view["summary"]:
        sentence["cited"] = cite(catalog, sources, sentence["cites"], sentence["text"])
    for entry in view["timeline"]:
        entry["cited"] = cite(catalog, sources, entry["cites"], entry["text"])
        entry["label"] = entry_label(entry)
    for fact in view["facts"]:
        fact["name"] = fact_name(fact)
        for value in fact["values"]:
            value["cited"] = cite(catalog, sources, value["cites"], value.get("text", ""))
    for difference in view["differences"]:
        for side in difference["sides"]:
            side["cited"] = cite(catalog, sources, side["cites"], _quoted(side["says"]))
    for entity in view["entities"]:
        entity["eid"] = entity_id(entity["type"], entity["name"])
    page = {
        **view,
        "languages": record["languages"],
        "chart": timeline_chart(view["timeline"], view["first_date"], view["last_date"]),
        "matrix": fact_matrix(view, catalog),
        "spark": sparkline(per_day(catalog, story_id), view["first_date"], view["last_date"]),
        "statuses": {
            s: sum(1 for f in view["facts"] if f["status"] == s)
            for s in ("corroborated", "single-source", "conflicting")
        },
    }
    return page


def _quoted(says: str) -> str:
    """The quotation inside a difference side ("19 dead: “Nineteen people died…”")."""
    start, end = says.find("\u201c"), says.rfind("\u201d")
    return says[start + 1 : end].rstrip("\u2026") if 0 <= start < end else says


def list_item(catalog: Catalog, item: dict[str, Any]) -> dict[str, Any]:
    """A story-list item (see :func:`storyline.api_catalog.story_item`) with its sparkline."""
    days = [(d["date"], d["articles"]) for d in item["articles_per_day"]]
    return {**item, "spark": sparkline(days, item["first_date"], item["last_date"])}
