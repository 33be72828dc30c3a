"""Pipeline: the stages in order, over one store.

Per document (``analyse_document``, pure apart from loading models): clean and split,
publication date, language, time expressions, entities, quantities and claims. Each
document is stored with its articles as soon as it is analysed. Then, incrementally
(``assign_pending``): articles not yet in a story are checked for duplicates and join a
story and an event; only the stories that received articles are brought up to date: analysed
again (``analyse_story``: entities, facts, differences, timeline, summary), or, for a large
story between two full analyses, only its members, events and dates
(:mod:`storyline.story_update`).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from storyline import index_store
from storyline.article_analysis import analyse_body, plain_sentences
from storyline.clean import split_and_clean
from storyline.events import publication_order
from storyline.index_store import WarmIndexes
from storyline.ingest import DEFAULT_MAX_BYTES, list_files, read_file
from storyline.language import DEFAULT_LANGUAGES, detect_language
from storyline.model import Article, IngestError, RawDocument, Story, publication_span
from storyline.pubdate import infer_published, story_median
from storyline.store import Placement, Store
from storyline.story_features import features
from storyline.story_linking import merge_stories
from storyline.story_update import (
    UpdatePolicy,
    analyse_story,
    date_from_siblings,
    light_update,
    member_key,
    recent_ids,
    redated_by_story,
    reform_events,
    retitled_members,
    stand_in,
    story_dates,
)
from storyline.workers import analysed_in_order

__all__ = ["analyse_body", "analyse_story", "plain_sentences", "run"]


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run may be configured with."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1  # processes analysing documents side by side (storyline.workers)
    updates: UpdatePolicy = UpdatePolicy()  # when a story that articles join is analysed in full


@dataclass(slots=True)
class RunReport:
    """What a run did: counts, and one error per input that could not be used."""

    documents_added: int = 0
    documents_unchanged: int = 0
    articles_added: int = 0
    stories_updated: int = 0
    errors: list[IngestError] = field(default_factory=list)


class Progress(Protocol):
    """Receives progress; the CLI draws it as a bar, the Python API may ignore it."""

    def start(self, phase: str, total: int | None) -> None: ...

    def advance(self, phase: str, amount: int = 1) -> None: ...


class NoProgress:
    def start(self, phase: str, total: int | None) -> None:
        pass

    def advance(self, phase: str, amount: int = 1) -> None:
        pass


# --------------------------------------------------------------------------- per document


def article_id(document: RawDocument, part: int) -> str:
    """Stable id: the same input (content and source name) gives the same id on every run."""
    digest = hashlib.sha1(f"{document.sha256}\0{document.source}\0{part}".encode()).hexdigest()
    return f"a{digest[:12]}"


def analyse_document(document: RawDocument, settings: Settings = Settings()) -> list[Article]:
    """The clean articles of one document with their per-article analysis."""
    articles = []
    for part in split_and_clean(document.text, document.title):
        published = infer_published(
            part.text,
            part.title,
            part.removed,
            url=document.url,
            metadata=document.published,
            metadata_evidence=document.published_evidence,
            body_lines=part.body_lines,
        )
        language = detect_language(f"{part.title or ''}\n{part.text}", settings.languages)
        analysis = analyse_body(part.text, language, published)
        articles.append(
            Article(
                id=article_id(document, part.part),
                source=document.source,
                part=part.part,
                title=part.title,
                text=part.text,
                removed=part.removed,
                url=document.url,
                outlet=document.outlet,
                published=published,
                language=language,
                analysis=analysis,
            )
        )
    return articles


def reanalyse_articles(store: Store, progress: Progress | None = None, batch: int = 200) -> int:
    """Run :func:`analyse_body` again on every stored article (after an upgrade), keeping
    its text, date, language and placement. The saved indexes are dropped, since their
    entity bags came from the old analyses: the next run rebuilds them. Returns how many
    articles were analysed."""
    progress = progress or NoProgress()
    ids = store.article_ids()
    progress.start("analyse", len(ids))
    for i in range(0, len(ids), batch):
        articles = store.articles(ids[i : i + batch])
        for article in articles:
            article.analysis = analyse_body(article.text, article.language, article.published)
            progress.advance("analyse")
        store.save_assignments(articles)
    return len(ids)


# --------------------------------------------------------------------------- runs


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> RunReport:
    """Read and analyse every new document under ``paths`` and store it (no stories yet).

    With ``settings.workers`` > 1 the analysis runs in that many processes
    (:mod:`storyline.workers`); reading and storing stay here, in the order read.
    """
    progress = progress or NoProgress()
    report = RunReport()
    files, missing = list_files(paths)
    report.errors.extend(missing)
    progress.start("read", len(files))
    analyse = partial(analyse_document, settings=settings)
    jobs = _ingest_jobs(files, store, settings.max_bytes)
    for (kind, item), outcome in analysed_in_order(jobs, analyse, settings.workers):
        if kind == "file read":
            progress.advance("read")
        elif isinstance(item, IngestError):
            report.errors.append(item)
        elif kind == "unchanged" or store.has_document(item):  # stored earlier in this run
            report.documents_unchanged += 1
        elif isinstance(outcome, BaseException):  # one bad input must not end the batch
            report.errors.append(IngestError(item.source, f"analysis failed: {outcome!r}"))
        elif not outcome:
            report.errors.append(IngestError(item.source, "no article text after cleaning"))
        else:
            store.add_document(item, outcome)
            report.documents_added += 1
            report.articles_added += len(outcome)
    return report


IngestJob = tuple[tuple[str, RawDocument | IngestError | None], RawDocument | None]


def _ingest_jobs(
    files: list[tuple[Path, str]], store: Store, max_bytes: int
) -> Iterator[IngestJob]:
    """What to do with each file's documents, in order: report a read error, count an
    unchanged document, analyse a new one; then mark the file read. (With worker
    processes this runs ahead of the storing, so a document given twice in one run is
    analysed twice and the second found stored when its turn comes.)"""
    for path, source in files:
        for item in read_file(path, source, max_bytes):
            if isinstance(item, IngestError):
                yield ("error", item), None
            elif store.has_document(item):
                yield ("unchanged", None), None  # no text kept while earlier work finishes
            else:
                yield ("new", item), item
        yield ("file read", None), None


def assign_pending(
    store: Store,
    progress: Progress | None = None,
    updates: UpdatePolicy | None = None,
    warm: WarmIndexes | None = None,
) -> set[str]:
    """Place the articles that are in no story yet; bring the stories they join up to date.

    Existing assignments never move, so a new article costs one placement plus the
    update of the story it joins: the indexes are those ``warm`` kept from this process's
    last run, or the saved snapshot with the placements since replayed, or rebuilt
    (:mod:`storyline.index_store`), and only the pending articles and the members of the
    stories they join are read. A story is analysed in full, or only its members and
    events are updated, as ``updates`` says (:mod:`storyline.story_update`). The
    placements, the stories they change and, when one is due, a new snapshot of the indexes
    are written in one transaction, so a failure leaves the store as it was. Returns the ids
    of the stories that changed.
    """
    progress = progress or NoProgress()
    updates = updates or UpdatePolicy()
    pending = sorted(store.pending_articles(), key=publication_order)
    if not pending:
        return set()
    loaded = index_store.load(store, pending, warm)
    indexes = loaded.indexes
    progress.start("stories", len(pending))
    placed, near = [], []
    for article in pending:
        article.duplicate_of = indexes.duplicates.add(article.id, article.text)
        assignment = indexes.stories.add(article)
        article.story, article.event = assignment.story, assignment.event
        published = article.published
        then = (published.value, published.inferred)
        placed.append(Placement(article.id, *then, article.event, index_story=article.story))
        near.append(assignment.near)
        progress.advance("stories")
    featurize = warm.features if warm is not None else features
    merged, relabelled = merge_stories(store, pending, near, featurize)
    joining: dict[str, list[Article]] = defaultdict(list)
    for article in pending:
        if article.story:
            joining[article.story].append(article)
    for story_id in set(merged.values()):
        joining.setdefault(story_id, [])
    lightly = {
        s: record
        for s, record in lightly_updated(store, joining, updates).items()
        if s not in merged.values()  # a merged storyline is analysed in full
    }
    in_full = sorted(set(joining) - set(lightly))
    members: dict[str, list[Article]] = defaultdict(list)
    joined = store.story_members(in_full) + [a for s in in_full for a in joining[s]] + relabelled
    for article in sorted(joined, key=publication_order):
        members[article.story or ""].append(article)
    changed = [a for story in in_full for a in date_from_siblings(members[story])]
    changed += [a for story in in_full for a in reform_events(members[story])]
    progress.start("analyse stories", len(joining))
    analysed: list[Story | dict[str, Any]] = []
    spans = {}
    for story_id in in_full:
        analysed.append(analyse_story(story_id, members[story_id]))
        spans[story_id] = publication_span(members[story_id])
        progress.advance("analyse stories")
    for story_id, record in sorted(lightly.items()):
        story, updated, spans[story_id] = update_lightly(store, record, joining[story_id])
        analysed.append(story)
        changed += updated
        progress.advance("analyse stories")
    last, count = pending[-1], len(placed)
    snapshot = index_store.snapshot_if_due(loaded, last, count, warm is not None)
    written = {a.id: a for a in relabelled + pending + changed}.values()
    seq = store.save_placements(written, analysed, spans, snapshot, placed, merged)
    if warm is not None:
        index_store.keep_warm(warm, store, loaded, last, count, seq, snapshot is not None)
    return set(joining)


def lightly_updated(
    store: Store, joining: dict[str, list[Article]], updates: UpdatePolicy
) -> dict[str, dict[str, Any]]:
    """The stored record (plain JSON data) of each story that ``updates`` leaves to a
    light update now (stories new in this run are analysed in full)."""
    lightly = {}
    for story_id, size in store.story_sizes(joining).items():
        new = len(joining[story_id])
        if size + new <= updates.full_max:
            continue
        record = store.story_record(story_id)
        waiting = len(record.get("unanalysed") or []) + new if record else 0
        if record and not updates.in_full(size + new, waiting):
            lightly[story_id] = record
    return lightly


def update_lightly(
    store: Store, record: dict[str, Any], joining: list[Article]
) -> tuple[dict[str, Any], list[Article], tuple[str | None, str | None]]:
    """A light update (:func:`storyline.story_update.light_update`) of the stored story
    ``record`` that ``joining`` join: its new record, the members whose date or event
    changed (or whose kind of date the store did not know), its span. The records read are
    those of the members the event grouping can re-form, those a date from the story's
    other dates can change (or that re-dating brings into the grouping's window), those
    whose kind of date is not known, and those of an event whose members change (for its
    title); the other members are stand-ins (:func:`storyline.story_update.stand_in`)."""
    story_id = record["id"]
    keys = store.member_keys(story_id)
    unknown = {k.id for k in keys if k.date_kind is None}  # rows from before the column
    read = {a.id: a for a in store.articles(recent_ids(keys) | unknown)}
    read |= {a.id: a for a in joining}
    members = [read.get(k.id) or stand_in(k, story_id) for k in keys] + joining
    # every member lends its date, as in a full analysis; the ones it would date anew, as
    # their keys tell (the joiners' and unknown rows' are not known), are read and dated
    lent = story_median(story_dates(members))
    redatable = {k.id for k in keys if redated_by_story(k, lent)}
    read |= {a.id: a for a in store.articles(redatable - set(read))}
    members = [read.get(a.id, a) for a in members]
    members.sort(key=publication_order)
    redated = date_from_siblings(members, redatable | unknown | {a.id for a in joining})
    # a redated member moves in publication order, which can bring older ones into the window
    moved_in = recent_ids(member_key(a) for a in members) - set(read)
    read |= {a.id: a for a in store.articles(moved_in)}
    members = [read.get(a.id, a) for a in members]
    regrouped = reform_events(members)
    wanted = ({a.id for a in regrouped} | retitled_members(record, members)) - set(read)
    events = {a.id: a.event for a in members}
    for article in store.articles(wanted):
        article.event = events[article.id]
        read[article.id] = article
    members = [read.get(a.id, a) for a in members]
    updated = light_update(record, members, [a.id for a in joining])
    changed = [
        read[i] for i in dict.fromkeys([a.id for a in redated + regrouped] + sorted(unknown))
    ]
    return updated, changed, publication_span(members)


def reanalyse_stories(
    store: Store, progress: Progress | None = None, batch: int = 100, stale_only: bool = False
) -> int:
    """Analyse stored stories again from their stored members: every story (after an
    upgrade of storyline), or with ``stale_only`` those whose analysis does not cover
    every member yet (see :mod:`storyline.story_update`). Entities, facts, timeline,
    differences, summary, titles, dates and the members' kinds of date are redone; which
    articles are in which story and event stays as it is, and so do the indexes. Stories
    are read and written ``batch`` at a time. Returns how many stories were analysed."""
    progress = progress or NoProgress()
    if stale_only:
        ids = [s.id for s in store.stories() if s.unanalysed]
    else:
        ids = [str(row["id"]) for row in store.story_rows()]
    progress.start("analyse stories", len(ids))
    for i in range(0, len(ids), batch):
        chunk = ids[i : i + batch]
        members: dict[str, list[Article]] = defaultdict(list)
        for article in sorted(store.story_members(chunk), key=publication_order):
            members[article.story or ""].append(article)
        analysed = []
        for story_id in chunk:
            analysed.append(analyse_story(story_id, members[story_id]))
            progress.advance("analyse stories")
        store.save_stories(analysed, {s: publication_span(members[s]) for s in chunk})
        store.refresh_date_kinds(a for s in chunk for a in members[s])
    return len(ids)


def run(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> RunReport:
    """Ingest ``paths`` into ``store`` and bring its stories up to date. Raises
    :class:`~storyline.store.StoreBusy` when another run is writing into the store."""
    with store.writer("storyline run"):
        report = ingest(paths, store, settings, progress)
        report.stories_updated = len(assign_pending(store, progress, settings.updates))
    return report
