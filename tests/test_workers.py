"""Analysis in worker processes (storyline.workers): input order kept, failures in place."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from storyline.model import Article, RawDocument
from storyline.workers import AHEAD, MAX_WAITING, analysed_in_order, worker_count


def document(text: str) -> RawDocument:
    return RawDocument(source=f"{text}.txt", text=text, sha256=text, format="txt")


def shout(doc: RawDocument) -> list[Article]:
    """A stand-in analysis (module level, so worker processes can import it)."""
    if doc.text == "bad":
        raise ValueError("cannot read bad")
    if doc.text == "die":
        os._exit(3)  # a worker killed mid-document
    return [Article(id=doc.text.upper(), source=doc.source, part=1, title=None, text=doc.text)]


def jobs(texts: list[str | None]) -> list[tuple[int, RawDocument | None]]:
    return [(n, None if t is None else document(t)) for n, t in enumerate(texts)]


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_back_in_input_order_with_failures_in_place(workers: int) -> None:
    texts = ["a", None, "b", "bad", None, "c", "d", "e"]
    out = list(analysed_in_order(jobs(texts), shout, workers))
    assert [tag for tag, _ in out] == list(range(len(texts)))
    assert out[1][1] is None and out[4][1] is None  # no document: passed through
    assert [a.id for a in out[0][1]] == ["A"] and [a.id for a in out[7][1]] == ["E"]
    assert isinstance(out[3][1], ValueError) and "cannot read bad" in str(out[3][1])


def test_documents_are_read_only_a_few_ahead_of_the_results() -> None:
    pulled = []

    def counted() -> Iterator[tuple[int, RawDocument | None]]:
        for n in range(40):
            pulled.append(n)
            yield n, document(f"t{n}")

    results = analysed_in_order(counted(), shout, 2)
    first = next(results)
    assert first[0] == 0 and len(pulled) <= AHEAD * 2 + 1
    assert [tag for tag, _ in results] == list(range(1, 40))


@pytest.mark.slow
def test_a_dead_worker_fails_what_it_held_and_the_run_goes_on() -> None:
    texts = ["a", "b", "die"] + [f"t{n}" for n in range(20)]
    results = list(analysed_in_order(jobs(texts), shout, 2))
    assert [tag for tag, _ in results] == list(range(len(texts)))  # nothing lost, in order
    out = dict(results)
    assert isinstance(out[2], BrokenProcessPool)
    assert [a.id for a in out[len(texts) - 1]] == ["T19"]  # read after the pool was renewed
    # what the pool still held when the worker died fails with it; the rest is analysed
    # ("a" and "b" may or may not have finished first: that race is the operating system's)
    for tag, text in enumerate(texts):
        assert isinstance(out[tag], BrokenProcessPool) or [a.id for a in out[tag]] == [text.upper()]
    assert sum(isinstance(r, BrokenProcessPool) for r in out.values()) <= 2 * AHEAD + 1


def test_worker_count() -> None:
    assert worker_count(3) == 3 and worker_count(1) == 1
    assert worker_count(0) == (os.cpu_count() or 1)


@pytest.mark.slow
def test_a_run_with_two_workers_stores_what_one_worker_stores(tmp_path: Path) -> None:
    from storyline.export import build_export
    from storyline.pipeline import Settings, run
    from storyline.store import Store
    from tests.conftest import EXAMPLES

    exports = []
    for workers in (1, 2):
        store = Store(tmp_path / f"w{workers}.db")
        report = run([EXAMPLES], store, Settings(workers=workers))
        assert report.errors == [] and report.documents_added == 11
        exported = build_export(store.articles(), store.stories())
        exported.pop("generated_at", None)
        exports.append(exported)
    assert exports[0] == exports[1]


def test_jobs_without_a_document_do_not_pile_up_behind_an_analysis() -> None:
    pulled = []

    def counted() -> Iterator[tuple[int, RawDocument | None]]:
        pulled.append(0)
        yield 0, document("first")
        for n in range(1, 5001):  # read errors, unchanged documents: nothing to analyse
            pulled.append(n)
            yield n, None
        yield 5001, document("last")

    results = analysed_in_order(counted(), shout, 2)
    first = next(results)
    assert first[0] == 0 and len(pulled) <= MAX_WAITING + 2
    rest = list(results)
    assert [tag for tag, _ in rest] == list(range(1, 5002))
    assert [a.id for a in rest[-1][1]] == ["LAST"]


def test_a_document_given_twice_that_fails_is_reported_twice(tmp_path: Path) -> None:
    from storyline.pipeline import ingest
    from storyline.store import Store

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "x.txt").write_text("Share this\n0 Comments\n", encoding="utf-8")
    report = ingest([tmp_path / "a", tmp_path / "b"], Store(tmp_path / "s.db"))
    assert (report.documents_added, report.documents_unchanged) == (0, 0)
    assert len(report.errors) == 2  # each copy names itself; neither is counted as stored
