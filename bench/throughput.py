"""Throughput of per-article analysis against a baseline measured in the same run.

The baseline is spaCy's own pipeline (the model storyline loads) over the same texts: it is
the floor any spaCy-based analysis pays, so the ratio says what storyline's stages add on
top of it, independent of how fast this machine is today.

    .venv/bin/python bench/throughput.py [--n 200] [--corpus ../shared/data/bbc-fulltext]
                                         [--workers 2]

With ``--workers N`` (2 by default) it also times the same analysis in N worker processes
(``storyline run --workers N``) against the one-process run of the same texts.

Not a test: run it on purpose. Prints a table; exits 0 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from functools import partial
from pathlib import Path

from storyline.model import RawDocument
from storyline.nlp import load_pipeline
from storyline.pipeline import Settings, analyse_document
from storyline.workers import analysed_in_order

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-fulltext"


def load(corpus: Path, n: int) -> list[RawDocument]:
    files = sorted(corpus.rglob("*.txt"))[:n]
    return [
        RawDocument(
            source=f.relative_to(corpus).as_posix(),
            text=f.read_text(errors="replace"),
            sha256=hashlib.sha256(f.read_bytes()).hexdigest(),
            format="txt",
        )
        for f in files
    ]


def timed(label: str, work) -> float:  # noqa: ANN001 - any callable
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    print(f"  {label:<40} {seconds:8.2f} s", flush=True)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200, help="articles to analyse")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument(
        "--workers", type=int, default=2, help="also time storyline.workers with N processes"
    )
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} is absent")
        return 0
    documents = load(args.corpus, args.n)
    words = sum(len(d.text.split()) for d in documents)
    print(f"{len(documents)} articles, {words:,} words from {args.corpus}")
    nlp = load_pipeline()
    settings = Settings()
    analyse_document(documents[0], settings)  # load every model before timing
    baseline = timed(
        "baseline: spaCy pipeline alone", lambda: list(nlp.pipe(d.text for d in documents))
    )
    full = timed(
        "storyline analyse_document", lambda: [analyse_document(d, settings) for d in documents]
    )
    print(
        f"  baseline {words / baseline:,.0f} words/s; storyline {words / full:,.0f} words/s; "
        f"ratio storyline/baseline = {full / baseline:.2f}"
    )
    if args.workers > 1:
        analyse = partial(analyse_document, settings=settings)
        jobs = [(n, d) for n, d in enumerate(documents)]
        pooled = timed(
            f"storyline, {args.workers} worker processes",
            lambda: list(analysed_in_order(jobs, analyse, args.workers)),
        )
        print(
            f"  {args.workers} workers {words / pooled:,.0f} words/s (their spaCy loads "
            f"included): {full / pooled:.2f} times the one-process rate"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
