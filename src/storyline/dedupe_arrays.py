"""Compact containers behind :class:`storyline.dedupe.DuplicateIndex`: no Python object per
entry, so memory per indexed text stays a few bytes per stored value.

* :class:`Multimap`: 64-bit keys to 32-bit values (several per key) in sorted numpy runs,
  12 bytes a pair (the LSH bands and the exact-text keys).
* :class:`Column`: a growable 1-D numpy array (signatures and shingle hashes).

Both pickle as plain numpy arrays (compact, fast: see :mod:`storyline.index_state`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import numpy.typing as npt

BUFFER = 8192  # keys a Multimap keeps in a dict before it sorts them into a run
MERGE = 4  # a run is merged into the previous one while that one is at most this much larger

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]


class Multimap:
    """A multimap from 64-bit keys to 32-bit values in a few sorted numpy runs.

    New pairs wait in a small dict; when it holds ``BUFFER`` keys they are sorted into a run,
    and a run is merged into the previous one while that one is at most ``MERGE`` times
    larger, so there are about log_4(pairs / BUFFER) runs and a pair costs 12 bytes.
    """

    __slots__ = ("_keys", "_values", "_buffer", "_buffered")

    def __init__(self) -> None:
        self._keys: list[U64] = []
        self._values: list[U32] = []
        self._buffer: dict[int, int | list[int]] = {}
        self._buffered = 0

    def __len__(self) -> int:
        return sum(len(k) for k in self._keys) + self._buffered

    def add(self, keys: Iterable[int], value: int) -> None:
        """Map each of ``keys`` to ``value`` too."""
        for key in keys:
            held = self._buffer.get(key)
            if held is None:
                self._buffer[key] = value
            elif isinstance(held, list):
                held.append(value)
            else:
                self._buffer[key] = [held, value]
            self._buffered += 1
        if len(self._buffer) >= BUFFER:
            self._flush()

    def find(self, keys: list[int]) -> set[int]:
        """Every value mapped from any of ``keys``."""
        found: set[int] = set()
        for key in keys:
            held = self._buffer.get(key)
            if held is not None:
                found.update(held if isinstance(held, list) else (held,))
        if not self._keys:
            return found
        wanted = np.array(keys, dtype=np.uint64)
        for run, values in zip(self._keys, self._values, strict=True):
            lo = np.searchsorted(run, wanted, side="left")
            hi = np.searchsorted(run, wanted, side="right")
            for i in np.flatnonzero(hi > lo):
                found.update(values[lo[i] : hi[i]].tolist())
        return found

    def first(self, key: int) -> int | None:
        """The smallest value mapped from ``key``, None when there is none."""
        found = self.find([key])
        return min(found) if found else None

    def _buffered_run(self) -> tuple[U64, U32]:
        """The buffered pairs as a sorted run."""
        count = self._buffered
        keys = np.empty(count, dtype=np.uint64)
        values = np.empty(count, dtype=np.uint32)
        i = 0
        for key, held in self._buffer.items():
            for value in held if isinstance(held, list) else (held,):
                keys[i], values[i] = key, value
                i += 1
        order = np.argsort(keys, kind="stable")
        return keys[order], values[order]

    def _flush(self) -> None:
        keys, values = self._buffered_run()
        self._buffer, self._buffered = {}, 0
        while self._keys and len(self._keys[-1]) <= MERGE * len(keys):
            keys, values = merge_runs(self._keys.pop(), self._values.pop(), keys, values)
        self._keys.append(keys)
        self._values.append(values)

    def __getstate__(self) -> dict[str, Any]:
        """One sorted run of every pair (the buffer included); the object is not changed."""
        keys, values = self._buffered_run()
        for run, vals in zip(self._keys[::-1], self._values[::-1], strict=True):
            keys, values = merge_runs(run, vals, keys, values)
        return {"keys": keys, "values": values}

    def __setstate__(self, state: dict[str, Any]) -> None:
        keys, values = state["keys"], state["values"]
        self._keys = [keys] if len(keys) else []
        self._values = [values] if len(keys) else []
        self._buffer, self._buffered = {}, 0


def merge_runs(ka: U64, va: U32, kb: U64, vb: U32) -> tuple[U64, U32]:
    """Two sorted runs as one (equal keys: ``a``'s values first)."""
    at = np.searchsorted(ka, kb, side="right") + np.arange(len(kb))
    keys = np.empty(len(ka) + len(kb), dtype=np.uint64)
    values = np.empty(len(keys), dtype=np.uint32)
    rest = np.ones(len(keys), dtype=bool)
    rest[at] = False
    keys[at], values[at] = kb, vb
    keys[rest], values[rest] = ka, va
    return keys, values


class Column:
    """A growable 1-D numpy array: appends are amortised O(1) with 25% headroom at most."""

    __slots__ = ("_data", "_size")

    def __init__(self, dtype: type) -> None:
        self._data: npt.NDArray[Any] = np.empty(0, dtype=dtype)
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def extend(self, values: npt.NDArray[Any]) -> int:
        """Append ``values``; return the offset of the first one."""
        start, end = self._size, self._size + len(values)
        if end > len(self._data):
            grown = np.empty(
                max(end, len(self._data) + len(self._data) // 4, 1024), self._data.dtype
            )
            grown[:start] = self._data[:start]
            self._data = grown
        self._data[start:end] = values
        self._size = end
        return start

    def view(self) -> npt.NDArray[Any]:
        return self._data[: self._size]

    def __getstate__(self) -> dict[str, Any]:
        return {"data": self.view().copy()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._data = state["data"]
        self._size = len(self._data)
