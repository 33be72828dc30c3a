"""Per-document analysis in worker processes, with the results in input order.

``storyline run --workers N``: reading files, asking the store what it has and storing
stay in the main process (the store has one writer); only the analysis of a document
(:func:`storyline.pipeline.analyse_document`: cleaning, dates, language, the time tagger,
spaCy and the fact rules, nearly all of a run's time) goes to N processes. Each worker
loads its own spaCy model once. Results come back in the order the documents were read,
so a run stores the same rows in the same order whatever N is. At most ``AHEAD``
documents a worker wait in flight, and what needs no analysis (a read error, an unchanged
document) is given back as soon as nothing unfinished is ahead of it, so memory does not
grow with the batch.

A document whose analysis raises gets its exception back in its place; a worker that dies
(out of memory, say) fails the documents in flight with ``BrokenProcessPool``, and the
run reports each of them and goes on with the rest in a fresh pool.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from storyline.model import Article, RawDocument

AHEAD = 4  # documents in flight per worker
MAX_WAITING = 1000  # jobs held behind an unfinished analysis before the reading waits
Tag = TypeVar("Tag")
Outcome = list[Article] | BaseException | None  # None: the job had no document to analyse
Analyse = Callable[[RawDocument], list[Article]]


def worker_count(asked: int) -> int:
    """The number of worker processes for ``--workers``: 0 means one per CPU."""
    return max(1, asked if asked > 0 else os.cpu_count() or 1)


def analysed_in_order(
    jobs: Iterable[tuple[Tag, RawDocument | None]], analyse: Analyse, workers: int
) -> Iterator[tuple[Tag, Outcome]]:
    """``(tag, analyse(document))`` for each job, in the jobs' order; a job without a
    document passes through with None. ``analyse`` runs in ``workers`` processes (it must be
    a module-level function) when ``workers`` > 1, else here."""
    if workers <= 1:
        for tag, document in jobs:
            yield tag, None if document is None else _inline(analyse, document)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a process holding threads
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    waiting: deque[tuple[Tag, Future[list[Article]] | None]] = deque()
    in_flight = 0  # futures in ``waiting``

    def give_back() -> tuple[Tag, Outcome]:
        nonlocal in_flight
        tag, future = waiting.popleft()
        in_flight -= future is not None
        return tag, _outcome(future)

    try:
        for tag, document in jobs:
            if document is not None:
                while in_flight >= AHEAD * workers:  # wait for the oldest in flight
                    yield give_back()
                pool, future = _submit(pool, workers, context, analyse, document)
                waiting.append((tag, future))
                in_flight += 1
            else:
                waiting.append((tag, None))
                while len(waiting) > MAX_WAITING:  # many unchanged documents behind one
                    yield give_back()
            # give back at once what needs no waiting: jobs without a document, finished
            # analyses, as long as nothing unfinished is ahead of them
            while waiting and (waiting[0][1] is None or waiting[0][1].done()):
                yield give_back()
        while waiting:
            yield give_back()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(
    pool: ProcessPoolExecutor,
    workers: int,
    context: Any,
    analyse: Analyse,
    document: RawDocument,
) -> tuple[ProcessPoolExecutor, Future[list[Article]]]:
    """``analyse(document)`` sent to ``pool``, or to a new pool when a dead worker broke
    it (what was in flight has failed); a pool that breaks again fails this document."""
    for _ in range(2):
        try:
            return pool, pool.submit(analyse, document)
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    failed: Future[list[Article]] = Future()
    failed.set_exception(BrokenProcessPool("worker processes keep dying"))
    return pool, failed


def _inline(analyse: Analyse, document: RawDocument) -> list[Article] | BaseException:
    try:
        return analyse(document)
    except Exception as exc:  # the caller reports it against the document
        return exc


def _outcome(future: Future[list[Article]] | None) -> Outcome:
    if future is None:
        return None
    try:
        return future.result()
    except Exception as exc:  # the document's own failure, or a dead worker's
        return exc
