"""Pipeline: the stages in order, over one store.

Per document (``analyse_document``, pure apart from loading models): clean and split,
publication date, language, time expressions, entities, quantities and claims. Each
document is stored with its articles as soon as it is analysed. Then, incrementally
(``assign_pending``): articles not yet in a story are checked for duplicates and join a
story and an event; only the stories that received articles are analysed again
(``analyse_story``: entities, facts, differences, timeline, summary).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Protocol

from storyline import index_state
from storyline.aliases import resolve_entities
from storyline.briefing import summarise
from storyline.clean import split_and_clean
from storyline.dedupe import DuplicateIndex
from storyline.differences import find_differences
from storyline.events import form_events, publication_order
from storyline.facts import consolidate_facts
from storyline.ingest import DEFAULT_MAX_BYTES, list_files, read_file
from storyline.language import DEFAULT_LANGUAGES, detect_language
from storyline.model import (
    Analysis,
    Article,
    Event,
    IngestError,
    PublishedDate,
    RawDocument,
    Story,
    publication_span,
)
from storyline.nlp import analyse_text
from storyline.pubdate import date_from_story, infer_published
from storyline.store import Placement, Store
from storyline.stories import StoryIndex
from storyline.timeline import build_timeline
from storyline.timex import tag_times
from storyline.titles import event_title, story_title
from storyline.workers import analysed_in_order

ENGLISH = "en"


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run may be configured with."""

    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    max_bytes: int = DEFAULT_MAX_BYTES
    workers: int = 1  # processes analysing documents side by side (storyline.workers)


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


def analyse_body(text: str, language: str | None, published: PublishedDate) -> Analysis:
    """The per-article analysis of a cleaned body: spaCy, time expressions anchored to the
    date read off the page, quantities and claims."""
    if language in (ENGLISH, None):  # an estimate from the content anchors nothing
        return analyse_text(text, tag_times(text, published.dated_by_page))
    # The tagger, the parser and the fact rules are English: other languages keep their
    # sentences (for the summary) and their own story clusters.
    return Analysis(sentences=plain_sentences(text))


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


_SENTENCE_END = re.compile(r"(?<=[.!?…。])[\"'”’)]*\s+|\n+")


def plain_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks (for languages without a parser)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# --------------------------------------------------------------------------- per story


def analyse_story(story_id: str, members: list[Article]) -> Story:
    """The story-level analysis of a story's articles."""
    members = sorted(members, key=publication_order)
    by_event: dict[str, list[Article]] = defaultdict(list)
    for article in members:
        by_event[article.event or story_id].append(article)
    events = [
        Event(id=event_id, title=event_title(group), articles=[a.id for a in group])
        for event_id, group in sorted(by_event.items(), key=lambda kv: publication_order(kv[1][0]))
    ]
    entities = resolve_entities(members)
    facts = consolidate_facts(members, entities)
    return Story(
        id=story_id,
        title=story_title(members),
        articles=[a.id for a in members],
        events=events,
        timeline=build_timeline(members),
        facts=facts,
        entities=entities,
        differences=find_differences(members, facts, entities),
        summary=summarise(members),
    )


def reform_events(members: list[Article]) -> list[Article]:
    """Form a storyline's events again from all its members (:mod:`storyline.events`);
    the members whose event changed, updated in place."""
    events = form_events(members)
    changed = [a for a in members if events[a.id] != a.event]
    for article in changed:
        article.event = events[article.id]
    return changed


def date_from_siblings(members: list[Article]) -> list[Article]:
    """Date the members whose dateline gives a day and month but no year, with the year of
    the other members' dates (see :func:`storyline.pubdate.date_from_story`).

    Only dates read off the page count as siblings' evidence, not estimates. A redated
    article's time expressions are tagged again against its new date, so "this Friday"
    gets its day. Returns the articles that changed.
    """
    changed = []
    # every article this could date is itself undated or estimated, so never its own sibling,
    # and what it gets is an estimate too: one list serves them all
    siblings = [
        m.published.value for m in members if m.published.value and not m.published.inferred
    ]
    for article in members:
        if article.published.value and not article.published.inferred:
            continue
        found = date_from_story(article.text, article.removed, siblings)
        if found is None or found.value == article.published.value:
            continue
        article.published = found
        if article.language in (ENGLISH, None):
            article.analysis = analyse_body(article.text, article.language, found)
        changed.append(article)
    return changed


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


def assign_pending(store: Store, progress: Progress | None = None) -> set[str]:
    """Place the articles that are in no story yet; re-analyse the stories they join.

    Existing assignments never move, so a new article costs one placement plus the
    analysis of the story it joins: the indexes come from the state the previous run saved
    (:mod:`storyline.index_state`; rebuilt from the placed articles when it is missing or
    stale), and only the pending articles and the members of the stories they join are
    read. The placements, the stories they change and the indexes' new state are written
    in one transaction, so a failure leaves the store as it was. Returns the ids of the
    stories that changed.
    """
    progress = progress or NoProgress()
    pending = sorted(store.pending_articles(), key=publication_order)
    if not pending:
        return set()
    indexes = load_indexes(store, pending)
    progress.start("stories", len(pending))
    placed = []
    for article in pending:
        article.duplicate_of = indexes.duplicates.add(article.id, article.text)
        assignment = indexes.stories.add(article)
        article.story, article.event = assignment.story, assignment.event
        published = article.published
        placed.append(Placement(article.id, published.value, published.inferred, article.event))
        progress.advance("stories")
    touched = {a.story for a in pending if a.story}
    members: dict[str, list[Article]] = defaultdict(list)
    joined = store.story_members(touched) + pending
    for article in sorted(joined, key=publication_order):
        if article.story in touched:
            members[article.story].append(article)
    redated = [a for story in sorted(touched) for a in date_from_siblings(members[story])]
    regrouped = [a for story in sorted(touched) for a in reform_events(members[story])]
    progress.start("analyse stories", len(touched))
    analysed = []
    for story_id in sorted(touched):
        analysed.append(analyse_story(story_id, members[story_id]))
        progress.advance("analyse stories")
    last = pending[-1]
    fingerprint = index_state.Fingerprint(len(indexes.stories), last.id, last.story or "")
    store.save_placements(
        {a.id: a for a in pending + regrouped + redated}.values(),
        analysed,
        {s: publication_span(members[s]) for s in touched},
        index_state.dump(indexes, fingerprint),
        placed,
    )
    return touched


def reanalyse_stories(store: Store, progress: Progress | None = None, batch: int = 100) -> int:
    """Analyse every stored story again from its stored members (after an upgrade of
    storyline): entities, facts, timeline, differences, summary, titles and dates. Which
    articles are in which story and event stays as it is, and so do the indexes. Stories
    are read and written ``batch`` at a time. Returns how many stories were analysed."""
    progress = progress or NoProgress()
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
    return len(ids)


def load_indexes(store: Store, pending: list[Article]) -> index_state.Indexes:
    """The placement indexes of ``store``: the saved ones when they are current, else
    rebuilt from the placed articles."""
    saved = index_state.load(store.index_state(), store.placed_count(), store.story_of)
    if saved is None or index_state.knows_any(saved, [a.id for a in pending]):
        saved = rebuild_indexes(store.placed_articles(), store.placements())
    saved.duplicates.texts = store.article_texts  # a loaded index reads its candidates' texts
    return saved


def rebuild_indexes(
    placed: Iterable[Article], log: Iterable[Placement] = ()
) -> index_state.Indexes:
    """Duplicate and story indexes holding ``placed`` (articles already in stories, kept
    there), as the runs that placed them left them.

    The placements are replayed in the order of ``log``, each article with the date it had
    when it was placed (a later run may have dated it from its story) and in the index's
    own event (the stored event is the one :mod:`storyline.events` formed); placed articles the
    log does not know (placed by an older storyline) come first, by publication date.
    """
    by_id = {a.id: a for a in placed}
    logged = [p for p in log if p.article in by_id]
    known = {p.article for p in logged}
    replay = sorted((a for a in by_id.values() if a.id not in known), key=publication_order)
    for p in logged:
        article = by_id[p.article]
        if (article.published.value, article.published.inferred) != (p.published, p.inferred):
            then = replace(article.published, value=p.published, inferred=p.inferred)
            article = replace(article, published=then)
        if p.index_event and p.index_event != article.event:
            article = replace(article, event=p.index_event)
        replay.append(article)
    duplicates = DuplicateIndex()
    stories = StoryIndex()
    for article in replay:
        duplicates.add(article.id, article.text)
        stories.restore(article)
    return index_state.Indexes(duplicates, stories)


def run(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings = Settings(),
    progress: Progress | None = None,
) -> RunReport:
    """Ingest ``paths`` into ``store`` and bring its stories up to date."""
    report = ingest(paths, store, settings, progress)
    report.stories_updated = len(assign_pending(store, progress))
    return report
