"""Bringing a story up to date when articles join it: in full, or only its members and events.

The full analysis (:func:`analyse_story`: entities, facts, differences, timeline, summary)
costs about 4 ms per member, so a run that adds one article to a story of 29,000 would
spend two minutes on it, and a REST API that ingests articles one by one would spend that
on each. Past :attr:`UpdatePolicy.full_max` members, a story is therefore analysed in full
only once the members that joined since its last analysis reach
:attr:`UpdatePolicy.growth` of the members it covered: with 10%, the full analyses cost
a joining article about 40 ms, however large the story grows.

In between, a run does a *light update* (:func:`light_update`): the story's member list,
its events, its members' dates and its span are exactly what a full analysis would give,
and the new members are listed in :attr:`~storyline.model.Story.unanalysed`; the title,
entities, facts, timeline, differences and summary are the last analysis's until the next
one (or ``storyline reanalyse --stale``). A light update reads the records of only the
members whose event or date it can change: the newest :data:`~storyline.events.WINDOW`
(and their copies), the ones whose dateline gives no year and whose year the story's
other dates now change (:func:`redated_by_story`), rows whose kind of date the store does
not know (written before the column; they get it), and the members of any event whose
members change (for its title). The others take part as *stand-ins*, articles that carry only
what the store keeps in columns (:meth:`~storyline.store.Store.member_keys`): an id, a
date and its kind, a copy link and an event. What a light update still does for every
member (the member list, the stand-ins, their order, the stored record's JSON) costs about
0.1 ms a member, 40 times less than a full analysis (docs/benchmarks.md).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from storyline import events as event_grouping
from storyline.aliases import resolve_entities
from storyline.article_analysis import ENGLISH, analyse_body
from storyline.briefing import summarise
from storyline.differences import find_differences
from storyline.events import form_events, publication_order
from storyline.facts import consolidate_facts
from storyline.model import (
    Article,
    Event,
    MemberKey,
    PublishedDate,
    Story,
    from_dict,
    to_dict,
)
from storyline.pubdate import StoryMedian, date_from_story, story_median, story_year
from storyline.timeline import build_timeline
from storyline.titles import event_title, story_title


@dataclass(frozen=True, slots=True)
class UpdatePolicy:
    """When a story that articles joined is analysed in full."""

    full_max: int = 1000  # stories up to this many members: in full on every change
    growth: float = 0.1  # bigger ones: once this share of the members they cover has joined

    def in_full(self, members: int, unanalysed: int) -> bool:
        """Whether a story of ``members`` members, ``unanalysed`` of them (the joining ones
        included) not in its last analysis, is analysed in full now."""
        return members <= self.full_max or unanalysed >= self.growth * (members - unanalysed)


# --------------------------------------------------------------------------- in full


def analyse_story(story_id: str, members: list[Article]) -> Story:
    """The story-level analysis of a story's articles."""
    members = sorted(members, key=publication_order)
    entities = resolve_entities(members)
    facts = consolidate_facts(members, entities)
    return Story(
        id=story_id,
        title=story_title(members),
        articles=[a.id for a in members],
        events=story_events(story_id, members),
        timeline=build_timeline(members),
        facts=facts,
        entities=entities,
        differences=find_differences(members, facts, entities),
        summary=summarise(members),
    )


def story_events(
    story_id: str, members: Sequence[Article], titles: dict[str, Event] | None = None
) -> list[Event]:
    """The events of a story's members (sorted in publication order), in the order of their
    first member. An event found in ``titles`` with the same members keeps its title."""
    by_event: dict[str, list[Article]] = defaultdict(list)
    for article in members:
        by_event[article.event or story_id].append(article)
    events = []
    for event_id, group in sorted(by_event.items(), key=lambda kv: publication_order(kv[1][0])):
        ids = [a.id for a in group]
        known = (titles or {}).get(event_id)
        title = known.title if known and known.articles == ids else event_title(group)
        events.append(Event(id=event_id, title=title, articles=ids))
    return events


def reform_events(members: list[Article]) -> list[Article]:
    """Form a storyline's events again from all its members (:mod:`storyline.events`);
    the members whose event changed, updated in place."""
    events = form_events(members)
    changed = [a for a in members if events[a.id] != a.event]
    for article in changed:
        article.event = events[article.id]
    return changed


def date_from_siblings(
    members: list[Article], only: Collection[str] | None = None
) -> list[Article]:
    """Date the members whose dateline gives a day and month but no year, with the year of
    the other members' dates (see :func:`storyline.pubdate.date_from_story`); with
    ``only``, just those members (the others, stand-ins among them, lend their dates).

    Only dates read off the page count as siblings' evidence, not estimates. A redated
    article's time expressions are tagged again against its new date, so "this Friday"
    gets its day. Returns the articles that changed.
    """
    changed = []
    # every article this could date is itself undated or estimated, so never its own sibling,
    # and what it gets is an estimate too: one list serves them all
    siblings = story_median(story_dates(members))
    for article in members:
        if article.published.value and not article.published.inferred:
            continue
        if only is not None and article.id not in only:
            continue
        found = date_from_story(article.text, article.removed, siblings)
        if found is None or found.value == article.published.value:
            continue
        article.published = found
        if article.language in (ENGLISH, None):
            article.analysis = analyse_body(article.text, article.language, found)
        changed.append(article)
    return changed


# --------------------------------------------------------------------------- light update


def redated_by_story(key: MemberKey, median: StoryMedian | None) -> bool:
    """Whether :func:`date_from_siblings` would give this member another date, from what
    its key says: a "story:MM-DD" or "yearless:MM-DD" kind and its current date, with the
    ``median`` of the dates the story lends (the check
    :func:`storyline.pubdate.date_from_story` makes, without reading the article)."""
    kind, _, month_day = (key.date_kind or "").partition(":")
    if kind not in ("story", "yearless") or not month_day:
        return False
    month, day = (int(part) for part in month_day.split("-"))
    found = story_year(month, day, median)
    return found is not None and f"{found[0]}-{month_day}" != key.published


def story_dates(members: Iterable[Article]) -> list[str]:
    """The dates members lend to :func:`date_from_siblings`: those read off their pages."""
    return [m.published.value for m in members if m.published.value and not m.published.inferred]


def recent_ids(keys: Iterable[MemberKey], window: int | None = None) -> set[str]:
    """The stored members :func:`~storyline.events.form_events` can re-form once more
    articles join: the newest ``window`` (:data:`~storyline.events.WINDOW`) originals and
    their copies. (Joining articles only push older members out of the window, never bring
    them in; a member dated anew may, see :func:`storyline.pipeline.update_lightly`.)"""
    window = event_grouping.WINDOW if window is None else window
    keys = list(keys)
    ids = {k.id for k in keys}
    ordered = sorted(keys, key=lambda k: (k.published or "9999", k.id))
    originals = [k for k in ordered if not (k.duplicate_of and k.duplicate_of in ids)]
    newest = {k.id for k in originals[-window:]} if window else set()
    return newest | {k.id for k in keys if k.duplicate_of in newest}


def member_key(article: Article) -> MemberKey:
    """What :func:`recent_ids` reads of an article (its kind of date left out: reading
    that means parsing the dateline again)."""
    return MemberKey(article.id, article.published.value, article.duplicate_of, article.event)


def stand_in(key: MemberKey, story_id: str) -> Article:
    """A member with only what ordering, the event grouping, the siblings' dates and the
    span read of the members they do not re-form: its id, date (and kind), copy link and
    event."""
    return Article(
        id=key.id,
        source="",
        part=0,
        title=None,
        text="",
        published=PublishedDate.of_kind(key.published, key.date_kind),
        duplicate_of=key.duplicate_of,
        story=story_id,
        event=key.event,
    )


def retitled_members(record: dict[str, Any], members: Sequence[Article]) -> set[str]:
    """The ids of the members of every event whose members are not those of the stored
    story ``record``: their titles are chosen again, from the whole articles."""
    before = {e["id"]: e["articles"] for e in record["events"]}
    now: dict[str, list[str]] = defaultdict(list)
    for article in sorted(members, key=publication_order):
        now[article.event or record["id"]].append(article.id)
    return {i for event, ids in now.items() if before.get(event) != ids for i in ids}


def light_update(
    record: dict[str, Any], members: Sequence[Article], joined: Iterable[str]
) -> dict[str, Any]:
    """The stored story ``record`` (plain JSON data, see
    :meth:`storyline.store.Store.story_record`) with the members and events of ``members``
    (all of them, stand-ins allowed where :func:`retitled_members` does not ask for the
    article) and ``joined`` added to the members its analysis does not cover yet; the
    analysis is kept as it is, undecoded."""
    members = sorted(members, key=publication_order)
    member_ids = [a.id for a in members]
    present = set(member_ids)
    waiting = [i for i in record.get("unanalysed") or [] if i in present]
    waiting += [i for i in dict.fromkeys(joined) if i not in waiting]
    known = {e["id"]: from_dict(Event, e) for e in record["events"]}
    events = story_events(record["id"], members, known)
    return record | {
        "articles": member_ids,
        "events": [to_dict(e) for e in events],
        "unanalysed": waiting,
    }
