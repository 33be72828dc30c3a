"""Per-document analysis in worker processes, with the results in input order.

``storyline run --workers N``: reading files, asking the store what it has and storing
stay in the main process (the store has one writer); only the analysis of a document
(:func:`storyline.pipeline.analyse_document`: cleaning, dates, language, the time tagger,
spaCy and the fact rules, nearly all of a run's time) goes to N processes. Each worker
loads its own spaCy model once. Results come back in the order the documents were read,
so a run stores the same rows in the same order whatever N is, and at most ``AHEAD``
documents a worker wait in flight, so memory does not grow with the batch.

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
from typing import TypeVar

from storyline.model import Article, RawDocument

AHEAD = 4  # documents in flight per worker
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
    in_flight = 0
    try:
        for tag, document in jobs:
            if document is not None:
                if in_flight >= AHEAD * workers:
                    while waiting:  # give back what is done, up to the oldest in flight
                        done_tag, future = waiting.popleft()
                        yield done_tag, _outcome(future)
                        if future is not None:
                            in_flight -= 1
                            break
                try:
                    future = pool.submit(analyse, document)
                except BrokenProcessPool:  # a worker died: what was in flight has failed
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
                    future = pool.submit(analyse, document)
                waiting.append((tag, future))
                in_flight += 1
            else:
                waiting.append((tag, None))
        while waiting:
            done_tag, future = waiting.popleft()
            yield done_tag, _outcome(future)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
