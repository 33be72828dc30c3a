"""Codec: articles and stories to and from plain JSON-able dicts (nested records included).

The store keeps each article's and each story's analysis as one JSON document, so a new
field in the model needs no migration; ``from_dict`` ignores keys it does not know.
"""

from __future__ import annotations

from typing import Any

from storyline.model import (
    Analysis,
    Article,
    Claim,
    Difference,
    DifferenceSide,
    Entity,
    Event,
    Fact,
    FactValue,
    Mention,
    PublishedDate,
    Quantity,
    Removed,
    Story,
    SummarySentence,
    TimeExpr,
    TimelineEntry,
    from_dict,
    to_dict,
)

__all__ = ["to_dict", "article_from_dict", "story_from_dict"]


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    return Analysis(
        sentences=[(int(a), int(b)) for a, b in data.get("sentences", [])],
        times=[from_dict(TimeExpr, t) for t in data.get("times", [])],
        mentions=[from_dict(Mention, m) for m in data.get("mentions", [])],
        quantities=[from_dict(Quantity, q) for q in data.get("quantities", [])],
        claims=[from_dict(Claim, c) for c in data.get("claims", [])],
    )


def article_from_dict(data: dict[str, Any]) -> Article:
    fields = dict(data)
    fields["removed"] = [from_dict(Removed, r) for r in data.get("removed", [])]
    fields["published"] = from_dict(
        PublishedDate,
        data.get("published") or {"value": None, "evidence": "unknown", "confidence": 0.0},
    )
    fields["analysis"] = analysis_from_dict(data.get("analysis") or {})
    return from_dict(Article, fields)


def fact_from_dict(data: dict[str, Any]) -> Fact:
    fields = dict(data)
    fields["values"] = [from_dict(FactValue, v) for v in data.get("values", [])]
    return from_dict(Fact, fields)


def story_from_dict(data: dict[str, Any]) -> Story:
    fields = dict(data)
    fields["events"] = [from_dict(Event, e) for e in data.get("events", [])]
    fields["timeline"] = [from_dict(TimelineEntry, e) for e in data.get("timeline", [])]
    fields["facts"] = [fact_from_dict(f) for f in data.get("facts", [])]
    fields["entities"] = [from_dict(Entity, e) for e in data.get("entities", [])]
    fields["differences"] = [
        Difference(d["what"], [from_dict(DifferenceSide, s) for s in d.get("sides", [])])
        for d in data.get("differences", [])
    ]
    fields["summary"] = [from_dict(SummarySentence, s) for s in data.get("summary", [])]
    return from_dict(Story, fields)
