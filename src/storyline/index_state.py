"""Snapshots of the placement indexes, so a run costs the new articles, not the archive.

:func:`storyline.pipeline.assign_pending` needs a :class:`~storyline.dedupe.DuplicateIndex`
and a :class:`~storyline.stories.StoryIndex` holding every placed article. Rebuilding them
reads and re-featurises the whole archive; instead a run now and then saves both (a
snapshot, in the store's ``index_state`` table, in the same transaction as its
placements), and later runs load the snapshot and replay the placements logged after it
(:mod:`storyline.index_store`). The serialisation is generic: each index is pickled
(protocol 5; the story index zlib-compressed), so new attributes in those classes need no
code here, and read back by an unpickler that only accepts classes from storyline, numpy,
``array`` and a few builtins (a state is data, not code). The duplicate index pickles
without its texts' signatures and shingles (:class:`~storyline.dedupe.DuplicateIndex`):
the loader gives it the store's texts, from which it computes them again for the few
candidates a new article has. A snapshot is about 0.75 KB an article for both indexes
(``bench/incremental.py``): a process that starts cold reads it whole, one that keeps its
indexes warm (:class:`storyline.index_store.WarmIndexes`) does not.

A snapshot is used only when both of these match, otherwise the caller rebuilds:

* the **version**: :data:`FORMAT_VERSION` plus a digest of the source of every module whose
  objects are pickled or whose code decides what they hold (:data:`STATE_MODULES`), and
  numpy's major version. Any edit to those modules, even a comment, makes the next run
  rebuild once, so a change in the indexes' internals can never be read with the wrong
  code;
* the **fingerprint**: how many articles the store had placed, and the last article the
  snapshot holds, with its story and its seq in the placements log. The placements logged
  after that one are the snapshot's tail, which :mod:`storyline.index_store` replays on top
  of it; it checks that the tail and the snapshot add up to the store's placed articles.
  Placements written without a state (an older storyline,
  :meth:`storyline.store.Store.save_assignments`) change the count or drop the state.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from storyline.dedupe import DuplicateIndex
from storyline.store_schema import SavedState
from storyline.stories import StoryIndex

FORMAT_VERSION = 1  # bump when the layout of a saved state changes in a way sources do not show
STATE_MODULES = (
    "storyline.dedupe",
    "storyline.dedupe_arrays",
    "storyline.stories",
    "storyline.story_index",
    "storyline.story_features",
    "storyline.index_state",
    "storyline.index_store",
)
DUPLICATES = "duplicates"
STORIES = "stories"

_SAFE_BUILTINS = frozenset(
    {"bool", "bytearray", "bytes", "complex", "dict", "float", "frozenset", "int", "list"}
    | {"set", "slice", "str", "tuple", "object"}
)
_SAFE_MODULES = frozenset(
    {
        "array",
        "copyreg",
        "numpy",
        "numpy.core.multiarray",
        "numpy.core.numeric",
        "numpy._core.multiarray",
        "numpy._core.numeric",
        "numpy.dtypes",
    }
)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the store held when a snapshot was saved: ``placed`` articles in stories, the
    last of them ``last_id`` (in story ``last_story``), logged as placement ``seq``."""

    placed: int
    last_id: str
    last_story: str
    seq: int

    def text(self) -> str:
        return f"{self.placed}\t{self.last_id}\t{self.last_story}\t{self.seq}"

    @classmethod
    def parse(cls, text: str) -> Fingerprint | None:
        parts = text.split("\t")
        if len(parts) != 4 or not parts[0].isdigit() or not parts[3].isdigit():
            return None
        return cls(int(parts[0]), parts[1], parts[2], int(parts[3]))


@dataclass(slots=True)
class Indexes:
    """The two placement indexes of a store."""

    duplicates: DuplicateIndex
    stories: StoryIndex


@dataclass(slots=True)
class Snapshot:
    """Indexes read back from a saved state, and the fingerprint they were saved with."""

    indexes: Indexes
    fingerprint: Fingerprint


@lru_cache(maxsize=1)
def code_version() -> str:
    """The format version, numpy's major version and a digest of :data:`STATE_MODULES`."""
    digest = hashlib.sha1()
    for name in STATE_MODULES:
        module = sys.modules.get(name) or __import__(name, fromlist=["_"])
        path = getattr(module, "__file__", None)
        digest.update(name.encode())
        digest.update(Path(path).read_bytes() if path else b"?")
    return f"{FORMAT_VERSION}:np{np.__version__.split('.')[0]}:{digest.hexdigest()[:20]}"


def serialise(indexes: Indexes) -> dict[str, bytes]:
    """Both indexes serialised, by name (what a snapshot stores)."""
    return {
        DUPLICATES: _dumps(indexes.duplicates, compress=False),
        STORIES: _dumps(indexes.stories, compress=True),
    }


def dump(indexes: Indexes, fingerprint: Fingerprint) -> dict[str, SavedState]:
    """Both indexes serialised, with this code's version and ``fingerprint``."""
    version, text = code_version(), fingerprint.text()
    return {name: SavedState(version, text, blob) for name, blob in serialise(indexes).items()}


def load(saved: dict[str, SavedState], story_of: Callable[[str], str | None]) -> Snapshot | None:
    """The saved indexes, or None when they are missing, unreadable or stale.

    ``story_of`` is a function from an article id to its story in the store (one lookup,
    for the last article the snapshot placed). Whether the store has placed more since is
    for the caller to check against the fingerprint (:mod:`storyline.index_store`).
    """
    if set(saved) != {DUPLICATES, STORIES}:
        return None
    heads = {(s.version, s.fingerprint) for s in saved.values()}
    if len(heads) != 1:
        return None
    version, text = heads.pop()
    fingerprint = Fingerprint.parse(text)
    if version != code_version() or fingerprint is None:
        return None
    if story_of(fingerprint.last_id) != fingerprint.last_story:
        return None
    try:
        duplicates = _loads(saved[DUPLICATES].blob)
        stories = _loads(saved[STORIES].blob)
    except Exception:  # a damaged or foreign blob is a stale state, not an error
        return None
    if not isinstance(duplicates, DuplicateIndex) or not isinstance(stories, StoryIndex):
        return None
    if len(stories) != fingerprint.placed:
        return None
    return Snapshot(Indexes(duplicates, stories), fingerprint)


def knows_any(indexes: Indexes, article_ids: list[str]) -> bool:
    """True when the indexes already hold one of these ids (then they are not the store's:
    the ids are in no story there)."""
    return any(
        a in indexes.duplicates or indexes.stories.assignment(a) is not None for a in article_ids
    )


def _dumps(obj: object, compress: bool) -> bytes:
    """The pickle, zlib-compressed (fast level) when ``compress``: worth it for the story
    index (its 4 MB document-frequency table is mostly zeros), not for the duplicate index
    (random hashes: it would cost 30 ms a megabyte for nothing)."""
    data = pickle.dumps(obj, protocol=5)
    return b"z" + zlib.compress(data, 1) if compress else b"p" + data


class _Unpickler(pickle.Unpickler):
    """Reads back only storyline's own classes, numpy arrays, arrays and plain builtins."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith("storyline.") or module in _SAFE_MODULES:
            return super().find_class(module, name)
        if module == "builtins" and name in _SAFE_BUILTINS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in an index state")


def _loads(blob: bytes) -> object:
    kind, data = blob[:1], blob[1:]
    if kind == b"z":
        data = zlib.decompress(data)
    elif kind != b"p":
        raise pickle.UnpicklingError("not an index state")
    return _Unpickler(io.BytesIO(data)).load()
