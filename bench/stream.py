"""A seeded, lazy stream of realistic storyline articles built from the shared corpora.

Not a test: bench/scale.py feeds it to the clustering indexes. The texts come from the BBC
full-text corpus (one group per category) and the ECB+ documents (one group per topic), read
by bench/corpus.py from ``../shared/data`` at run time; no text is copied into the project.

    .venv/bin/python bench/stream.py --n 100000     # the generator's own speed and shape

How a stream unfolds (all draws come from one ``random.Random(seed)``, so a seed always gives
the same stream):

* A simulated clock advances one day at a time (``per_day`` articles a day on average, fewer
  at weekends). Every day new storylines start; a storyline's size follows a power law
  (P(n) ~ n^-2.1, 1..3000 articles: most are single articles, a few run to thousands), its
  articles come in events (bursts of 1-6 articles over up to three days) spread over a span
  that grows with the number of events (up to ~3 years).
* Each storyline takes a few documents of one group as its sources and its own cast: a third
  of the capitalised names of the sources (the same third everywhere: the world's recurring
  names) are kept, the rest are replaced, consistently inside the storyline, by invented
  names drawn from a Zipf-distributed pool (famous names recur across storylines, most are
  rare), so storylines on the same source texts still differ the way news about different
  people does.
* An article is its lead document's title and a random 60% of its paragraphs (the first
  one 85%), lightly shuffled, plus up to two paragraphs of the storyline's other sources (of
  the group's documents for a storyline with one source), so that articles on one event share
  much but are not copies of one another; some words are
  swapped for synonyms from a small hand-written list, years in the text are shifted to the
  article's date.
* 3% exact copies and 3% near copies (a byline added, a short last paragraph cut) of recent
  articles arrive soon after their original, marked ``duplicate_of`` as the duplicate stage
  would mark them; 3% of articles arrive 1-30 days late (out of order); 3% have no date
  and 2% only a month.

The per-article analysis is what ``pipeline.analyse_document`` would store, except that the
named entities are capitalised word runs (a cheap regex instead of spaCy, which would take
days on a million texts) and there are no time expressions, quantities or claims (the
clustering does not read them).
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import islice
from pathlib import Path

from corpus import (
    DEFAULT_DATA,
    OUTLETS,
    SYNONYMS,
    Doc,
    Group,
    Template,
    Zipf,
    load_corpus,
    name_word,
    sentences,
)

from storyline.model import Analysis, Article, Mention, PublishedDate

START = date(2016, 1, 4)
MAX_STORY = 3000  # largest storyline size drawn
MAX_SPAN_DAYS = 1100


# --------------------------------------------------------------------------- storylines


@dataclass(frozen=True, slots=True)
class Truth:
    """What the generator knows about an article: its storyline, event and kind."""

    story: int
    event: int
    kind: str  # "original" | "copy" | "near-copy"
    late: bool  # arrives after articles dated later than it


@dataclass(slots=True)
class _Story:
    """A storyline in flight: its sources, cast, and the (day, event) of articles to come."""

    number: int
    group: Group
    docs: tuple[Doc, ...]
    singles: tuple[str, ...]  # one-word cast names (places, surnames)
    doubles: tuple[str, ...]  # two-word cast names (people, organisations)
    # (day, event, n-th article of the event), latest first: pop() gives the next one
    schedule: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StreamConfig:
    """Knobs of the stream; the defaults are the ones docs/benchmarks.md reports."""

    seed: int = 1
    per_day: int = 800
    ecb_share: float = 0.15  # share of storylines drawn from ECB+ topics
    copy: float = 0.03
    near_copy: float = 0.03
    late: float = 0.03
    undated: float = 0.03
    month_only: float = 0.02


class Stream:
    """The article stream; iterate :meth:`items` (article, truth) or :meth:`articles`."""

    def __init__(self, groups: list[Group], config: StreamConfig = StreamConfig()) -> None:
        if not groups:
            raise ValueError("no source texts: is ../shared/data there?")
        self.config = config
        self._rng = random.Random(config.seed)
        self._bbc = [g for g in groups if g.name.startswith("bbc/")] or groups
        self._ecb = [g for g in groups if g.name.startswith("ecb/")] or groups
        self._sizes = Zipf(MAX_STORY, 2.1)
        mean = sum((k + 1) ** -1.1 for k in range(MAX_STORY)) / self._sizes._cdf[-1]
        self._new_per_day = config.per_day / mean
        self._names = Zipf(300_000, 1.1, offset=100)  # the commonest name: 0.2% of draws
        self._stories = 0
        self._seq = 0

    def articles(self) -> Iterator[Article]:
        return (article for article, _ in self.items())

    def items(self) -> Iterator[tuple[Article, Truth]]:
        """An endless stream, one simulated day at a time."""
        rng, cfg = self._rng, self.config
        pending: list[tuple[int, int, _Story]] = []  # (next day, number, story)
        late: list[tuple[int, int, Article, Truth]] = []  # (arrival day, seq, ...)
        recent: list[tuple[Article, Truth]] = []  # originals copies may be made from
        day = 0
        while True:
            weekend = (START + timedelta(days=day)).weekday() >= 5
            rate = self._new_per_day * (0.6 if weekend else 1.1)
            for _ in range(max(0, round(rng.gauss(rate, rate**0.5)))):
                story = self._new_story(day)
                heapq.heappush(pending, (story.schedule[-1][0], story.number, story))
            batch: list[tuple[Article, Truth]] = []
            while pending and pending[0][0] <= day:
                _, _, story = heapq.heappop(pending)
                while story.schedule and story.schedule[-1][0] <= day:
                    when, event, nth = story.schedule.pop()
                    batch.append(self._article(story, event, nth, when))
                if story.schedule:
                    heapq.heappush(pending, (story.schedule[-1][0], story.number, story))
            rng.shuffle(batch)
            while late and late[0][0] <= day:
                _, _, article, truth = heapq.heappop(late)
                batch.insert(rng.randrange(len(batch) + 1), (article, truth))
            i = 0
            while i < len(batch):
                article, truth = batch[i]
                i += 1
                if truth.kind == "original" and not truth.late and rng.random() < cfg.late:
                    truth = Truth(truth.story, truth.event, truth.kind, True)
                    heapq.heappush(late, (day + rng.randint(1, 30), self._seq, article, truth))
                    self._seq += 1
                    continue
                if truth.kind == "original":
                    recent.append((article, truth))
                    if len(recent) > 4000:
                        del recent[:2000]
                    roll = rng.random()
                    if roll < cfg.copy + cfg.near_copy:
                        near = roll >= cfg.copy
                        source = recent[-rng.randint(1, min(len(recent), 500))]
                        batch.append(self._copy(*source, near))
                yield article, truth
            day += 1

    def _new_story(self, day: int) -> _Story:
        """A storyline starting on ``day``: size, sources, cast and schedule."""
        rng = self._rng
        self._stories += 1
        group = rng.choice(self._ecb if rng.random() < self.config.ecb_share else self._bbc)
        size = self._sizes.draw(rng) + 1
        events: list[int] = []
        total = 0
        while total < size:
            events.append(min(size - total, 1 + int(rng.expovariate(1 / 1.2))))
            total += events[-1]
        span = 0 if len(events) == 1 else int(len(events) ** 1.1 * rng.uniform(2.0, 8.0))
        span = min(span, MAX_SPAN_DAYS)
        starts = [0] + sorted(rng.randint(1, max(1, span)) for _ in events[1:])
        schedule = [
            (day + start + rng.choice((0, 0, 0, 1, 1, 2)), number, nth)
            for number, (start, count) in enumerate(zip(starts, events, strict=True))
            for nth in range(count)
        ]
        schedule.sort(reverse=True)
        count = min(len(group.docs), 1 + min(3, (size - 1) // 2))
        docs = tuple(rng.sample(group.docs, count))
        singles = tuple(name_word(self._names.draw(rng)) for _ in range(4))
        doubles = tuple(
            f"{name_word(self._names.draw(rng))} {name_word(self._names.draw(rng))}"
            for _ in range(4)
        )
        return _Story(self._stories, group, docs, singles, doubles, schedule)

    def _render(
        self, story: _Story, template: Template, shift: int, at: int, found: list[Mention]
    ) -> str:
        """Fill ``template`` for ``story``: its cast for names (a third of the names, the same
        everywhere, are kept), a synonym for 30% of the words that have one, years moved by
        ``shift``. The names are appended to ``found`` as mentions starting at offset ``at``."""
        rng = self._rng
        pieces = []
        for part in template:
            if isinstance(part, str):
                pieces.append(part)
                at += len(part)
                continue
            kind, value, salt = part
            if kind == "name":
                if salt % 3:
                    cast = story.doubles if " " in value else story.singles
                    value = cast[(salt ^ story.number) % len(cast)]
                label = "PERSON" if " " in value else "ORG" if value.isupper() else "GPE"
                found.append(Mention(at, at + len(value), value, label))
            elif kind == "syn":
                value = rng.choice(SYNONYMS[value]) if rng.random() < 0.3 else value
            elif shift:
                value = str(int(value) + shift)
            pieces.append(value)
            at += len(value)
        return "".join(pieces)

    def _article(self, story: _Story, event: int, nth: int, day: int) -> tuple[Article, Truth]:
        """One original article of ``story``'s ``event``, dated ``day``."""
        rng, cfg = self._rng, self.config
        lead = story.docs[(event + nth) % len(story.docs)]  # outlets lead with different sources
        body = [p for i, p in enumerate(lead.paragraphs) if rng.random() < (0.6 if i else 0.85)]
        body = body or [lead.paragraphs[0]]
        for _ in range(min(2, len(body) // 3)):
            j = rng.randrange(len(body) - 1)
            body[j], body[j + 1] = body[j + 1], body[j]
        others = [d for d in story.docs if d is not lead] or story.group.docs
        for _ in range(rng.randint(0, 2)):
            extra = rng.choice(others).paragraphs
            body.insert(rng.randint(1, len(body)), rng.choice(extra))
        when = START + timedelta(days=day)
        shift = when.year - lead.year
        title = self._render(story, lead.title, shift, 0, [])
        found: list[Mention] = []
        paragraphs = []
        at = 0
        for template in body:
            paragraphs.append(self._render(story, template, shift, at, found))
            at += len(paragraphs[-1]) + 1
        text = "\n".join(paragraphs)
        roll = rng.random()
        if roll < cfg.undated:
            published = PublishedDate(None, "unknown", 0.0)
        elif roll < cfg.undated + cfg.month_only:
            published = PublishedDate(when.isoformat()[:7], "content", 0.4, inferred=True)
        else:
            published = PublishedDate(when.isoformat(), "metadata", 0.95, "synthetic stream")
        article = self._make(f"{lead.name}#{story.number}", title, text, published, found)
        return article, Truth(story.number, event, "original", False)

    def _copy(self, original: Article, truth: Truth, near: bool) -> tuple[Article, Truth]:
        """A syndicated copy of ``original``: verbatim, or with a byline and a paragraph less."""
        text, found = original.text, original.analysis.mentions
        if near:
            byline = f"By {self._rng.choice(OUTLETS)} staff\n"
            cut = text.rfind("\n")
            cut = cut if cut >= 0.85 * len(text) else len(text)
            text = byline + text[:cut]
            found = [
                Mention(m.start + len(byline), m.end + len(byline), m.text, m.label)
                for m in found
                if m.end <= cut
            ]
        source, published = original.source + "~copy", original.published
        article = self._make(source, original.title, text, published, list(found))
        article.duplicate_of = original.id
        return article, Truth(truth.story, truth.event, "near-copy" if near else "copy", False)

    def _make(
        self, source: str, title: str, text: str, published: PublishedDate, found: list[Mention]
    ) -> Article:
        """An Article as the pipeline would store it after analysis."""
        self._seq += 1
        digest = hashlib.sha1(f"{self.config.seed}:{self._seq}".encode()).hexdigest()
        outlet = OUTLETS[self._seq % len(OUTLETS)]
        return Article(
            id=f"a{digest[:12]}",
            source=source,
            part=1,
            title=title,
            text=text,
            url=f"https://{outlet.lower().replace(' ', '-')}.example/{digest[12:20]}",
            outlet=outlet,
            published=published,
            language="en",
            analysis=Analysis(sentences=sentences(text), mentions=found),
        )


# --------------------------------------------------------------------------- command line


def main() -> int:
    parser = argparse.ArgumentParser(description="Time the stream generator on its own.")
    parser.add_argument("--n", type=int, default=20_000, help="articles to generate")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0, help="print this many articles")
    args = parser.parse_args()
    groups = load_corpus(args.data)
    if not groups:
        print(f"skipped: no corpus under {args.data}")
        return 0
    stream = Stream(groups, StreamConfig(seed=args.seed))
    kinds: dict[str, int] = {}
    stories: dict[int, int] = {}
    words = late = 0
    first = last = ""
    start = time.perf_counter()
    for article, truth in islice(stream.items(), args.n):
        kinds[truth.kind] = kinds.get(truth.kind, 0) + 1
        stories[truth.story] = stories.get(truth.story, 0) + 1
        words += len(article.text.split())
        late += truth.late
        first, last = first or article.published.value or "", article.published.value or last
        if args.show > 0:
            args.show -= 1
            print(f"--- {article.id} {article.published.value} {truth}\n{article.title}")
            print(article.text[:600], "\n", [m.text for m in article.analysis.mentions[:12]])
    seconds = time.perf_counter() - start
    sizes = sorted(stories.values(), reverse=True)
    print(f"{args.n:,} articles in {seconds:.1f} s: {args.n / seconds:,.0f} articles/s")
    print(f"dates {first} .. {last}; {words / args.n:.0f} words/article; late {late}")
    print(f"kinds {kinds}")
    print(f"{len(stories):,} storylines; singletons {sum(s == 1 for s in sizes):,}; "
          f"largest {sizes[:5]}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
