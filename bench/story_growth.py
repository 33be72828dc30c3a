"""What a run costs on a large story: the full analysis against the light update that
runs between full analyses (``storyline.story_update``), on one stored story of 1,000 to
30,000 members.

    .venv/bin/python bench/story_growth.py [--sizes 1000,3000,10000,30000] [--joining 1,20]
        [--yearless 0.3]

For each size N, a store is filled with one story of N members: the BBC full-text articles
(analysed once, cached as bench/story_analysis.py does), each used again under new ids
and dates spread over a year. Then, as ``pipeline.assign_pending`` would for articles
joining that story, and with ``J`` new members each time:

- *full*: read every member, date from siblings, re-form the events, ``analyse_story``,
  write the story and the members that changed (what every run did before, and still
  does for stories up to ``UpdatePolicy.full_max`` members or once a story has grown by
  ``growth``);
- *light*: ``pipeline.update_lightly`` (member keys, the newest ``events.WINDOW``
  members, the stored record, left undecoded) and the write of the record and of the
  members that changed.

It reports CPU seconds of this process for both, their ratio, and the cost per joining
article under the default policy: a light update per run plus one full analysis every
``growth`` x N joining articles. The light update's members and events are checked against
the full path's. The 30,000 size takes about 6 minutes and 3 GB. Exits 0 when the corpus
is absent. Not a test: run it on purpose.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from story_analysis import CORPUS, analysed_articles

from storyline import pipeline
from storyline.events import publication_order
from storyline.model import (
    Article,
    PublishedDate,
    RawDocument,
    Story,
    publication_span,
    to_dict,
)
from storyline.store import Store
from storyline.story_update import (
    UpdatePolicy,
    analyse_story,
    date_from_siblings,
    reform_events,
)

STORY = "s-bench"
T = TypeVar("T")


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.process_time()
    result = work()
    return result, time.process_time() - start


def members_of(
    articles: list[Article], n: int, first: int, rng: random.Random, yearless: float = 0.0
) -> list[Article]:
    """``n`` story members made of ``articles`` with new ids ``first``.. and dates in 2025;
    a ``yearless`` share of them undated, with a dateline that gives no year (the story
    dates them)."""
    made = []
    for k in range(first, first + n):
        article = copy.copy(articles[k % len(articles)])
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
        article.id = f"b{k:08d}"
        article.published = PublishedDate(day.isoformat(), "metadata", 1.0)
        if rng.random() < yearless:
            article.text = f"KESSPORT, {day:%b}. {day.day} (Meridian Wire) -- {article.text}"
            article.published = PublishedDate(None, "unknown", 0.0)
        article.story, article.event, article.duplicate_of = STORY, None, None
        made.append(article)
    return made


def store_with_story(articles: list[Article], n: int, db: Path, yearless: float) -> Store:
    """A store holding one analysed story of ``n`` members."""
    store = Store(db)
    members = members_of(articles, n, 0, random.Random(n), yearless)
    for i in range(0, n, 500):
        digest = hashlib.sha256(f"{n}:{i}".encode()).hexdigest()
        store.add_document(RawDocument(f"bench-{i}", "", digest, "txt"), members[i : i + 500])
    date_from_siblings(members)
    reform_events(members)
    store.save_assignments(members)
    store.save_stories([analyse_story(STORY, members)], {STORY: publication_span(members)})
    return store


def full_update(store: Store, joining: list[Article]) -> Story:
    members = sorted(store.story_members([STORY]) + joining, key=publication_order)
    changed = date_from_siblings(members) + reform_events(members)
    story = analyse_story(STORY, members)
    span = publication_span(members)
    store.save_placements(joining + changed, [story], {STORY: span}, None, [])
    return story


def light_update(store: Store, joining: list[Article]) -> dict[str, Any]:
    record = store.story_record(STORY)
    assert record is not None
    updated, changed, span = pipeline.update_lightly(store, record, joining)
    store.save_placements(joining + changed, [updated], {STORY: span}, None, [])
    return updated


def measure(
    articles: list[Article], n: int, joins: list[int], tmp: Path, yearless: float
) -> list[str]:
    """One table line per number of joining articles, for a story of ``n`` members."""
    base = tmp / "base.db"
    _, built = timed(partial(store_with_story, articles, n, base, yearless))
    print(f"  (building the store of {n:,} took {built:.0f} s)", file=sys.stderr)
    growth = UpdatePolicy().growth
    lines = []
    for j in joins:
        joining = members_of(articles, j, n, random.Random(j), yearless)
        (tmp / "full.db").write_bytes(base.read_bytes())
        (tmp / "light.db").write_bytes(base.read_bytes())
        full_db, light_db = Store(tmp / "full.db"), Store(tmp / "light.db")
        full, full_s = timed(partial(full_update, full_db, copy.deepcopy(joining)))
        light, light_s = timed(partial(light_update, light_db, copy.deepcopy(joining)))
        assert light["articles"] == full.articles
        assert light["events"] == [to_dict(e) for e in full.events]
        amortised = light_s / j + full_s / max(1.0, growth * n)
        lines.append(
            f"{n:>7,} | {j:>7} | {full_s:6.1f} | {light_s:7.2f} | {full_s / light_s:10.0f} "
            f"| {amortised * 1000:,.0f} ms"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,3000,10000,30000")
    parser.add_argument("--joining", default="1,20")
    parser.add_argument(
        "--yearless", type=float, default=0.0, help="share of members dated by a yearless dateline"
    )
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is absent: nothing to measure")
        return 0
    articles = analysed_articles(CORPUS, fresh=False)
    policy = UpdatePolicy()
    print(f"policy: full up to {policy.full_max:,} members, then every {policy.growth:.0%} growth")
    print("members | joining | full s | light s | full/light | per joining article, policy")
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            joins = [int(s) for s in args.joining.split(",")]
            for line in measure(articles, n, joins, Path(tmp), args.yearless):
                print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
