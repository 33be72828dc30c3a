"""The cost of analysing one story as it grows: ``reform_events`` and ``analyse_story``
on one story of 100 to 2,225 real articles, per article, against the smallest size
measured in the same run.

    .venv/bin/python bench/story_analysis.py [--sizes 100,300,1000,2225]

Every run that places an article re-analyses the story it joins (its events, entities,
facts, timeline, differences and summary), so the cost of that analysis per member has
to stay flat as a story grows, or a long-running story makes every run slower. The
articles are the BBC full-text corpus (../shared/data/bbc-fulltext), analysed once by
``analyse_document`` (spaCy and all; about 4 minutes) and kept in
``out/bench/story-analysis-articles.pkl`` for the next runs of the same source (any
edit under ``src/storyline`` analyses them again; ``--fresh`` forces it). They are put in
one story in a seeded order, so the story mixes the corpus's five categories: a worst case for the
timeline and the entities, which grow with the variety of what a story names. CPU time
of this process; each part timed where ``story_update`` calls it. Exits 0 when the corpus is
absent. Not a test: run it on purpose.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import storyline
from storyline import pipeline, story_update
from storyline.model import Article, RawDocument

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc-fulltext"
CACHE = Path("out/bench/story-analysis-articles.pkl")
PARTS = {  # what analyse_story and the run call, by the name story_update imports them under
    "reform_events": "events",
    "resolve_entities": "entities",
    "consolidate_facts": "facts",
    "build_timeline": "timeline",
    "find_differences": "differences",
    "summarise": "summary",
    "story_title": "titles",
    "event_title": "titles",
}


def source_digest() -> str:
    """A digest of storyline's source: the cache holds the analysis of one version."""
    digest = hashlib.sha1()
    for path in sorted(Path(storyline.__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def analysed_articles(corpus: Path, fresh: bool) -> list[Article]:
    """Every text of ``corpus`` through ``analyse_document``, from the cache when this
    source analysed it."""
    version = source_digest()
    if CACHE.exists() and not fresh:
        cached_version, articles = pickle.loads(CACHE.read_bytes())
        if cached_version == version:
            return articles
    files = sorted(corpus.rglob("*.txt"))
    articles = []
    started = time.perf_counter()
    for n, path in enumerate(files, 1):
        data = path.read_bytes()
        document = RawDocument(
            source=path.relative_to(corpus).as_posix(),
            text=data.decode(errors="replace"),
            sha256=hashlib.sha256(data).hexdigest(),
            format="txt",
        )
        articles += pipeline.analyse_document(document)
        if n % 250 == 0:
            print(f"  analysed {n:,} of {len(files):,} ({time.perf_counter() - started:,.0f} s)")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(pickle.dumps((version, articles), protocol=5))
    return articles


class Parts:
    """CPU seconds spent in each of ``PARTS`` while installed."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(PARTS.values(), 0.0)
        self._undo: list[Callable[[], None]] = []

    def install(self) -> None:
        for name, label in PARTS.items():
            original = getattr(story_update, name)

            def timed(*args: object, _f=original, _label=label, **kwargs: object) -> object:  # noqa: ANN001
                start = time.process_time()
                try:
                    return _f(*args, **kwargs)
                finally:
                    self.seconds[_label] += time.process_time() - start

            setattr(story_update, name, timed)
            self._undo.append(
                lambda name=name, original=original: setattr(story_update, name, original)
            )

    def remove(self) -> None:
        for undo in self._undo:
            undo()


def one_story(articles: list[Article]) -> tuple[float, dict[str, float]]:
    """CPU seconds of re-forming the events of, and analysing, one story of ``articles``."""
    members = [pickle.loads(pickle.dumps(a)) for a in articles]  # fresh, as a run reads them
    for article in members:
        article.story = "s-bench"
    parts = Parts()
    parts.install()
    start = time.process_time()
    try:
        story_update.reform_events(members)
        story_update.analyse_story("s-bench", members)
    finally:
        parts.remove()
    return time.process_time() - start, parts.seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,300,1000,2225")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fresh", action="store_true", help="analyse the articles again")
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: nothing to measure")
        return 0
    articles = analysed_articles(CORPUS, args.fresh)
    random.Random(args.seed).shuffle(articles)
    sizes = [min(int(s), len(articles)) for s in args.sizes.split(",")]
    print(f"{len(articles):,} analysed articles; one story of each size, seed {args.seed}")
    labels = list(dict.fromkeys(PARTS.values()))
    print("| members | CPU | per member | ratio to the smallest | " + " | ".join(labels) + " |")
    print("|---:" * (4 + len(labels)) + "|")
    smallest = None
    for size in sizes:
        seconds, parts = one_story(articles[:size])
        per = seconds / size
        smallest = smallest or per
        cells = " | ".join(f"{parts[label]:.2f} s" for label in labels)
        print(
            f"| {size:,} | {seconds:.2f} s | {per * 1e3:.1f} ms | {per / smallest:.2f} | {cells} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
