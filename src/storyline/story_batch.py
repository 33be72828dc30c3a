"""Batch clustering: a set of articles placed as a pipeline run places them.

The story index (:class:`storyline.stories.StoryIndex`) adds the articles in publication
order (unknown dates last, then by id), copies after their originals; the storylines an
event straddles are merged (:mod:`storyline.story_merges`) and the events of each storyline
are formed from all its members (:func:`storyline.events.form_events`). The result depends
only on the set of articles, not on the order they are given in.
"""

from __future__ import annotations

from collections.abc import Iterable

from storyline.events import form_events, publication_order
from storyline.model import Article
from storyline.stories import EVENT_THRESHOLD, STORY_THRESHOLD, StoryAssignment, StoryIndex
from storyline.story_merges import heal, neighbours

__all__ = ["cluster"]


def cluster(
    articles: Iterable[Article],
    story_threshold: float = STORY_THRESHOLD,
    event_threshold: float = EVENT_THRESHOLD,
    event_days: int = 3,
) -> dict[str, StoryAssignment]:
    """Cluster a batch: article id -> assignment.

    Storylines come from the index, adding by date (unknown last), then id; copies
    (``duplicate_of``) are added after their original wherever they sort. The events of each
    storyline are then formed from all its members (:func:`storyline.events.form_events`),
    as a pipeline run does, so they do not depend on the order of arrival, after the
    storylines an event straddles are merged (:mod:`storyline.story_merges`).
    """
    ordered = sorted(articles, key=publication_order)
    index = StoryIndex(story_threshold, event_threshold, event_days)
    pending = [a for a in ordered if not a.duplicate_of]
    pending += [a for a in ordered if a.duplicate_of]
    placed = {a.id: index.add(a) for a in pending}
    members: dict[str, list[Article]] = {}
    for article in pending:
        members.setdefault(placed[article.id].story, []).append(article)
    near = neighbours((p.story, p.near) for p in placed.values())
    events: dict[str, str] = {}
    stories: dict[str, str] = {}
    for story, group in heal(members, near).items():
        events.update(form_events(group))
        stories.update((a.id, story) for a in group)
    return {i: StoryAssignment(stories[i], events[i]) for i in placed}
