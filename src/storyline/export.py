"""Export: the store as JSON (the documented contract), Markdown or HTML.

``build_export`` gives the JSON document described in docs/output.md and validated by
``storyline/schema/storyline.schema.json``; the Markdown and HTML briefings are rendered
from that same document, so the three formats never disagree.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from storyline import __version__
from storyline.model import Article, Story, publication_span, source_of, to_dict

EXPORT_SCHEMA_VERSION = 1
FORMATS = ("json", "md", "html")


def article_record(article: Article) -> dict[str, Any]:
    """One article as the export contract has it."""
    published = article.published
    return {
        "id": article.id,
        "source": article.source,
        "part": article.part,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": published.value,
        "published_evidence": published.evidence,
        "published_confidence": round(published.confidence, 3),
        "published_detail": published.detail,
        "published_inferred": published.inferred,
        "language": article.language,
        "text": article.text,
        "removed": [to_dict(r) for r in article.removed],
        "duplicate_of": article.duplicate_of,
        "story": article.story,
        "event": article.event,
        "times": [
            {k: t[k] for k in ("start", "end", "text", "type", "value", "mod", "signal")}
            for t in (to_dict(t) for t in article.analysis.times)
        ],
    }


def story_record(story: Story, articles: dict[str, Article]) -> dict[str, Any]:
    """One story as the export contract has it."""
    record = to_dict(story)
    members = [articles[i] for i in story.articles if i in articles]
    record["first_date"], record["last_date"] = publication_span(members)
    by_id = {a.id: a for a in members}
    record["independent_sources"] = len({source_of(a, by_id) for a in members})
    record["languages"] = sorted({a.language for a in members if a.language})
    return record


def build_export(articles: list[Article], stories: list[Story]) -> dict[str, Any]:
    """The whole export document."""
    by_id = {a.id: a for a in articles}
    return {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generator": f"storyline {__version__}",
        "articles": [article_record(a) for a in sorted(articles, key=_article_order)],
        "stories": [story_record(s, by_id) for s in stories],
    }


def _article_order(article: Article) -> tuple[str, int]:
    return (article.source, article.part)


@cache
def export_schema() -> dict[str, Any]:
    """The JSON Schema of the export document."""
    text = resources.files("storyline").joinpath("schema/storyline.schema.json").read_text()
    return json.loads(text)


def render(document: dict[str, Any], fmt: str) -> str:
    """The export document in one of ``FORMATS``."""
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        from storyline.render_md import render_markdown

        return render_markdown(document)
    if fmt == "html":
        from storyline.render_html import render_html

        return render_html(document)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
