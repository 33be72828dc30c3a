"""The features of recently pooled articles, kept from one run to the next by a process
that runs again and again (the REST server's ingest, ``bench/stream_merges.py``).

The merge step (:mod:`storyline.story_merges`) pools the members of the storylines near a
run's articles and needs their features (:func:`storyline.story_features.features`), which
it used to compute afresh in every run: a member dated near the stream's present is pooled
by many runs in a row, and a storyline an event straddles is read whole. On
``bench/stream_merges.py`` (runs of 1,000) a run featurised about 5,600 members at 10k
articles, and more as more storylines ran at once. With a :class:`FeatureCache` of 30,000
docs the step cost 0.68 of its uncached cost at 30k to 50k articles, but from about 50k on
members read whole came back after they had been dropped (2,600 featurised a run at 60k);
with 100,000 docs each article was featurised about once up to 100k (93,361 times) and the
step's cost per article stayed near 3.7 ms from 60k to 100k (docs/benchmarks.md, "Session
16").

A cached doc keeps only what the event grouping reads: its bags as arrays
(:func:`storyline.events.compact`, about 2.5 KB an article against about 12 KB with the
term dicts), its date and language. The cache holds at most ``size`` docs and drops the
least recently used. A doc is found again by the article's id and by everything
:func:`~storyline.story_features.features` reads that can change for one id (an article's
text and title come from its document's bytes, which its id is made from; its date, date
kind, language and mentions can be redone by ``storyline reanalyse``).
"""

from __future__ import annotations

from collections import OrderedDict

from storyline.events import compact
from storyline.model import Article
from storyline.story_features import Doc, features

SIZE = 100_000  # docs kept at most: about 300 MB (3.0 KB a doc, key and entry included)


def _key(article: Article) -> tuple[object, ...]:
    published = article.published
    marks = tuple((m.start, m.end, m.label) for m in article.analysis.mentions)
    return (article.id, published.value, published.inferred, article.language, hash(marks))


class FeatureCache:
    """:func:`storyline.story_features.features` with the docs of the ``size`` articles
    read most recently kept, compact (see the module's text). Call it like ``features``."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._docs: OrderedDict[tuple[object, ...], Doc] = OrderedDict()

    def __len__(self) -> int:
        return len(self._docs)

    def __call__(self, article: Article) -> Doc:
        key = _key(article)
        doc = self._docs.get(key)
        if doc is not None:
            self._docs.move_to_end(key)
            self.hits += 1
            return doc
        self.misses += 1
        doc = self._docs[key] = compact(features(article))
        if len(self._docs) > self.size:
            self._docs.popitem(last=False)
        return doc
