"""Views: the export document arranged for reading, shared by the Markdown and HTML briefings.

Each story gets a numbered list of its sources, and every summary sentence, timeline entry,
fact value and difference refers to those numbers, as a reader expects of citations.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.date_words import MOD_WORDS, entry_when
from storyline.quantity_words import plural


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "3 articles", "2 stories": a count with its noun (``plural`` when it is
    not the noun + "s")."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def behind_note(waiting: int, members: int) -> str:
    """What a story's analysis does not cover yet (see storyline.story_update), or ""."""
    if not waiting:
        return ""
    return (
        f"The title, summary, timeline, facts, entities and differences cover "
        f"{members - waiting} of these "
        f"{counted(members, 'article')}: the {counted(waiting, 'article')} that joined since "
        "will be in the story's next full analysis (or run storyline reanalyse --stale)."
    )


EVIDENCE_WORDS = {
    "metadata": "page metadata",
    "timestamp": "timestamp under the title",
    "dateline": "dateline",
    "url": "date in the source URL",
    "weekday": "weekday fixes the year",
    "content": "estimated from the content",
    "unknown": "date unknown",
}


def shown_date(article: dict[str, Any]) -> str | None:
    """An article's publication date as a reader should take it: an estimate from the dates
    its text mentions is a lower bound ("not before 2001-09")."""
    return date_words(article.get("published"), article.get("published_evidence"))


def date_words(value: str | None, evidence: str | None) -> str | None:
    """A publication date ``value`` in words, "not before ..." for an estimate from the
    content; None when there is no date."""
    if value and evidence == "content":
        return f"not before {value}"
    return value


def marked_parts(text: str, span: list[int] | None) -> tuple[str, str, str]:
    """``text`` as (before, the words the date was read from, after); ("text", "", "") when
    the entry has no such words (a lead dated by its article) or the span does not fit."""
    if not span or not 0 <= span[0] < span[1] <= len(text):
        return text, "", ""
    return text[: span[0]], text[span[0] : span[1]], text[span[1] :]


def format_value(
    value: Any, unit: str | None = None, hedge: str | None = None, low: Any = None
) -> str:
    """A fact value as a reader expects it: 2,500 troops, nearly 100 dead, by 2025-09,
    25,000 to 30,000 positions, from winter 2023."""
    text = _number(value, unit)
    if low is not None:
        text = f"{_number(low, unit)} to {text}"
    hedge = MOD_WORDS.get(hedge, hedge) if hedge else None
    shown_unit = unit if unit and unit not in ("date", "year") else None
    if shown_unit and value != 1 and shown_unit.isalpha() and shown_unit.islower():
        shown_unit = plural(shown_unit)
    return " ".join(p for p in (hedge, text, shown_unit) if p)


_SEASONS = {"WI": "winter", "SP": "spring", "SU": "summer", "FA": "autumn"}
_PART_OF_YEAR = re.compile(r"^(\d{4})-(WI|SP|SU|FA|Q[1-4]|H[12]|W\d\d)$")


def _part_of_year(value: str) -> str | None:
    """A TIMEX3 part of a year in words: "2023-WI" -> "winter 2023", "2024-Q3" -> "Q3
    2024", "2024-H1" -> "first half of 2024", "2024-W39" -> "week 39 of 2024"."""
    m = _PART_OF_YEAR.match(value)
    if m is None:
        return None
    year, part = m.groups()
    if part in _SEASONS:
        return f"{_SEASONS[part]} {year}"
    if part[0] == "Q":
        return f"{part} {year}"
    if part[0] == "H":
        return f"{'first' if part == 'H1' else 'second'} half of {year}"
    return f"week {int(part[1:])} of {year}"


def _number(value: Any, unit: str | None) -> str:
    if isinstance(value, str) and (words := _part_of_year(value)):
        return words
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    yearlike = unit in (None, "date", "year") and isinstance(value, int) and 1000 <= value <= 2100
    return f"{value:,}" if isinstance(value, int | float) and not yearlike else str(value)


BRIEF_FACTS = 15  # facts a briefing lists: every shared or disputed one, single-source up to this


def brief_facts(facts: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """The facts a short briefing lists, in their order, and how many it leaves out.

    Every corroborated, conflicting or updated fact is listed; single-source figures fill
    the table up to :data:`BRIEF_FACTS`. A wide storyline of undated reports gave 42 rows,
    most of them one article's figures; the export and the web page keep them all.
    """

    def shared(fact: dict[str, Any]) -> bool:
        return fact["status"] != "single-source" or bool(fact.get("updated"))

    room = max(0, BRIEF_FACTS - sum(1 for f in facts if shared(f)))
    listed: list[dict[str, Any]] = []
    for fact in facts:
        if shared(fact):
            listed.append(fact)
        elif room:
            listed.append(fact)
            room -= 1
    return listed, len(facts) - len(listed)


def left_out_note(count: int) -> str:
    """What a briefing says of the single-source figures it does not list."""
    figures = counted(count, "single-source figure")
    return f"Not listed: {figures} (in the JSON export and the web page)."


def story_views(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Per story: its sources numbered, and every part of the briefing citing those numbers."""
    articles = {a["id"]: a for a in document["articles"]}
    views = []
    for story in document["stories"]:
        number = {aid: n for n, aid in enumerate(story["articles"], start=1)}

        def cite(ids: list[str], number: dict[str, int] = number) -> list[int]:
            return sorted({number[i] for i in ids if i in number})

        sources = []
        for aid, n in number.items():
            article = articles.get(aid, {})
            sources.append(
                {
                    "n": n,
                    "id": aid,
                    "title": article.get("title") or "(untitled)",
                    "outlet": article.get("outlet"),
                    "source": article.get("source"),
                    "part": article.get("part"),
                    "published": shown_date(article),
                    "evidence": EVIDENCE_WORDS.get(article.get("published_evidence", ""), "")
                    if article.get("published")
                    else "",
                    "duplicate_of": number.get(article.get("duplicate_of") or ""),
                    "language": article.get("language"),
                }
            )
        views.append(
            {
                "id": story["id"],
                "title": story["title"],
                "first_date": story.get("first_date"),
                "last_date": story.get("last_date"),
                "independent_sources": story.get("independent_sources"),
                "sources": sources,
                "behind": behind_note(len(story.get("unanalysed") or []), len(number)),
                "summary": [
                    {"text": s["text"], "cites": cite(s["sources"])} for s in story["summary"]
                ],
                "timeline": [
                    {
                        **e,
                        "cites": cite(e["sources"]),
                        "when": entry_when(e),
                        "parts": marked_parts(e["text"], e.get("date_span")),
                    }
                    for e in story["timeline"]
                ],
                "facts": [
                    {
                        **f,
                        "cites": cite(f["sources"]),
                        "shown": format_value(
                            f["value"], f.get("unit"), f.get("hedge"), f.get("low")
                        ),
                        "values": [
                            {
                                **v,
                                "cites": cite(v["sources"]),
                                "shown": format_value(
                                    v["value"], f.get("unit"), v.get("hedge"), v.get("low")
                                ),
                                "reported": _reported(v),
                            }
                            for v in f.get("values", [])
                        ],
                    }
                    for f in story["facts"]
                ],
                "differences": [
                    {
                        "what": d["what"],
                        "sides": [
                            {"says": s["says"], "cites": cite(s["sources"])} for s in d["sides"]
                        ],
                    }
                    for d in story["differences"]
                ],
                "entities": [
                    {
                        **e,
                        "others": [a for a in e["aliases"] if a != e["name"]],
                        "count": len(e["sources"]),
                    }
                    for e in sorted(
                        story["entities"], key=lambda e: (-len(e["sources"]), e["name"])
                    )
                ],
                "events": story["events"],
            }
        )
    return views


def _reported(value: dict) -> str:
    """When a fact value was reported: one day, or first and last day ("" when unknown)."""
    first, last = value.get("first_reported"), value.get("last_reported")
    if not first:
        return ""
    return first if first == last else f"{first} to {last}"
