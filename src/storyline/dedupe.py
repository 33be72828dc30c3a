"""Exact and near-duplicate detection: syndicated copies, reprints and light edits.

Two texts are copies when their normalised forms are identical (exact hash), or when
their word shingles overlap enough: MinHash LSH proposes candidates, and a candidate is
accepted when the estimated Jaccard similarity of the two signatures reaches the
threshold, or when one text's shingles are (almost) all contained in the other's, which
catches a wire story reprinted with an extra paragraph or a different header/footer.

The index is deterministic: the first text added is the original, and a copy of a copy
points at the root original.

Memory per text is small and flat (about 2-3 KB for a 400-word article, against about
40 KB for a datasketch ``MinHash`` object, a set of shingle strings and a ``MinHashLSH``
entry; see ``bench/dedupe_memory.py``). No shingle strings and no object per text are kept:

* the text's shingles as a sorted array of their 32-bit hashes (datasketch's default
  shingle hash, the first 4 bytes of the SHA-1). Containment is computed on these hashes:
  two distinct shingles share a hash with probability 2^-32, so comparing texts of 400 and
  600 shingles counts a false common shingle about once in 18,000 comparisons, and that
  moves the containment by 1/400;
* the MinHash signature as ``num_perm`` unsigned 32-bit values, computed by datasketch's
  ``MinHash`` with the same seed as before (its values are below 2^32 in every datasketch
  version), so the Jaccard estimates, and hence the answers, are the ones a ``MinHash``
  object gives;
* the LSH band keys (an 8-byte BLAKE2b digest of each band of the signature; bands and rows
  as datasketch's ``MinHashLSH`` chooses them) and the exact-text key (the first 8 bytes of
  the SHA-1 of the normalised text), in sorted arrays (:class:`Multimap`). Two different
  texts share an exact key about once in 2^64 pairs (at a million texts, a chance of about
  3 in 100 million that one wrong exact match happens anywhere); a band key shared by
  chance only adds a candidate, which is then scored like any other.

Copies found by their exact key share the original's shingles and signature and add no
band keys (they can never score above the original, which is found first).

A pickled index (the state kept between runs, :mod:`storyline.index_state`) keeps the keys
and drops the shingles and signatures, about 500 bytes a text instead of 2-3 KB; the
candidates a new text meets among the texts indexed before the pickle are shingled again
from their stored text (:attr:`DuplicateIndex.texts`), which gives the same values.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.dedupe_arrays import U32, Column, Multimap

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")

MIN_WORDS = 20  # texts shorter than this (in words) only match exactly
_SEED = 1  # fixed MinHash seed: signatures are reproducible across runs

TextSource = Callable[[list[str]], dict[str, str]]  # article ids -> their texts (those found)


def normalise(text: str) -> str:
    """The text lowercased, punctuation removed and whitespace collapsed to single spaces."""
    lowered = _PUNCT.sub(" ", text.lower())
    return _SPACE.sub(" ", lowered).strip()


def shingles(words: list[str], size: int) -> set[bytes]:
    """The set of ``size``-word shingles of ``words`` (one shingle when there are fewer)."""
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def shingle_hashes(words: list[str], size: int, num_perm: int = 128) -> list[int]:
    """The 32-bit hashes of the ``size``-word shingles of ``words``, in text order (repeats
    included), by the hash function datasketch's ``MinHash`` applies to them."""
    hashfunc = _template(num_perm).hashfunc
    if len(words) <= size:
        return [hashfunc(" ".join(words).encode("utf-8"))]
    return [
        hashfunc(" ".join(words[i : i + size]).encode("utf-8"))
        for i in range(len(words) - size + 1)
    ]


@lru_cache(maxsize=8)
def _template(num_perm: int) -> MinHash:
    """An empty MinHash with the index's seed: its permutations, scheme and hash function."""
    return MinHash(num_perm=num_perm, seed=_SEED)


def _same(value: int) -> int:
    return value


def signature(hashes: list[int], num_perm: int) -> U32:
    """The MinHash signature of a set of shingle hashes (from :func:`shingle_hashes`), as
    datasketch computes it for the shingles themselves."""
    minhash = _template(num_perm).copy()
    minhash.hashfunc = _same  # the values are already hashed
    minhash.update_batch(hashes)
    return np.asarray(minhash.hashvalues).astype(np.uint32)


@lru_cache(maxsize=32)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) of datasketch's ``MinHashLSH`` for this threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(sig: U32, bands: int, rows: int) -> list[int]:
    """One 64-bit key per LSH band of a signature (the band's number is hashed in)."""
    raw = sig[: bands * rows].astype("<u4").tobytes()
    width = 4 * rows
    return [
        int.from_bytes(
            hashlib.blake2b(
                raw[i * width : (i + 1) * width], digest_size=8, salt=i.to_bytes(16, "little")
            ).digest(),
            "little",
        )
        for i in range(bands)
    ]


def exact_key(norm: str) -> int:
    """The 64-bit key of a normalised text (first 8 bytes of its SHA-1)."""
    return int.from_bytes(hashlib.sha1(norm.encode("utf-8")).digest()[:8], "little")


class DuplicateIndex:
    """An incremental index of texts that tells, for each new text, which earlier text it copies.

    ``threshold`` is the similarity (estimated Jaccard of the shingle sets, or containment of
    the smaller set in the larger) at which two texts count as copies; ``num_perm`` is the
    number of MinHash permutations and ``shingle`` the number of words per shingle.

    Per indexed text (its ordinal ``n``, in insertion order): ``_ids[n]`` its id, ``_roots[n]``
    the ordinal of its root original, ``_slots[n]`` the row of its shingles and signature (-1
    for a text under ``MIN_WORDS`` words), made by text ``_row_owner[row]``. The rows before
    ``_archived`` are not held: a pickled index keeps only what finds candidates (ids, roots,
    exact and band keys: about 500 bytes a text instead of 2 KB), and a candidate's
    signature and shingles are computed again from its text, which ``texts`` (set by whoever
    loads the index: the store) gives. Held row ``r``: signature ``_sigs[i * num_perm:]``,
    sorted shingle hashes ``_grams[_starts[i]:_starts[i + 1]]``, ``i = r - _archived``.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        # Candidates are fetched at a lower Jaccard so that contained texts are still
        # proposed: a text that holds all of one a third its size (the least containment
        # counts) has a Jaccard of 1/3 with it. At 0.4, BBC politics/293 (politics/111 plus
        # two pages of readers' comments: Jaccard .35, containment .94) was missed.
        self._candidate_threshold = min(0.3, threshold / 2)
        self._bands, self._rows = lsh_bands(self._candidate_threshold, num_perm)
        self._ids: list[str] = []
        self._ordinal: dict[str, int] = {}
        self._roots = array("I")
        self._slots = array("i")
        self._sigs = Column(np.uint32)
        self._grams = Column(np.uint32)
        self._starts = array("q", [0])
        self._archived = 0  # rows before this one are computed again from their text
        self._row_owner = array("I")  # the ordinal of the text each row was made from
        self.texts: TextSource | None = None
        self._exact = Multimap()  # exact key -> ordinal of the first text with that key
        self._lsh = Multimap()  # band key -> ordinals of the texts with that band

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._ordinal

    def root_of(self, article_id: str) -> str | None:
        """The root original of an indexed id (itself when it is an original), None if unknown."""
        ordinal = self._ordinal.get(article_id)
        return None if ordinal is None else self._ids[self._roots[ordinal]]

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``text`` under ``article_id``; return the id of the root original it copies.

        Returns None when the text is not a copy of anything indexed before (it becomes an
        original), or when it is empty. Adding an id a second time does not index it again and
        returns the answer it got the first time.
        """
        known = self._ordinal.get(article_id)
        if known is not None:
            root = self._roots[known]
            return None if root == known else self._ids[root]
        norm = normalise(text)
        if not norm:
            return None
        words = norm.split(" ")
        ordinal = len(self._ids)
        key = exact_key(norm)
        original = self._exact.first(key)
        slot = -1
        if original is not None:
            slot = self._slots[original]  # the same text: the same shingles and signature
        else:
            if len(words) >= MIN_WORDS:  # the match first: it may fail (texts), then add
                sig, grams = self._features(words)
                keys = band_keys(sig, self._bands, self._rows)
                original = self._best_match(sig, grams, keys)
                slot = self._archived + len(self._starts) - 1
                self._row_owner.append(ordinal)
                self._sigs.extend(sig)
                self._starts.append(len(self._grams) + len(grams))
                self._grams.extend(grams)
                self._lsh.add(keys, ordinal)
            self._exact.add((key,), ordinal)
        root = ordinal if original is None else self._roots[original]
        self._ids.append(article_id)
        self._ordinal[article_id] = ordinal
        self._roots.append(root)
        self._slots.append(slot)
        return None if original is None else self._ids[root]

    def _features(self, words: list[str]) -> tuple[U32, U32]:
        """The MinHash signature and the sorted distinct shingle hashes of a text's words."""
        hashes = shingle_hashes(words, self.shingle, self.num_perm)
        return signature(hashes, self.num_perm), np.unique(np.array(hashes, dtype=np.uint32))

    def _best_match(self, sig: U32, grams: U32, keys: list[int]) -> int | None:
        """The ordinal of the indexed text most similar to the new one at or above the
        threshold (the earliest on ties), among the LSH candidates."""
        found = sorted(self._lsh.find(keys))
        if not found:
            return None
        rows = self._rows_of([self._slots[c] for c in found])
        best: tuple[float, int] | None = None
        for cand, (other_sig, other) in zip(found, rows, strict=True):
            same = int(np.count_nonzero(other_sig == sig))
            score = max(same / self.num_perm, sorted_containment(grams, other))
            if score >= self.threshold and (best is None or (-score, cand) < best):
                best = (-score, cand)
        return None if best is None else best[1]

    def _rows_of(self, rows: list[int]) -> list[tuple[U32, U32]]:
        """Each row's (signature, shingle hashes): held, or computed from the text of the
        article that made it."""
        archived = sorted({r for r in rows if r < self._archived})
        again: dict[int, tuple[U32, U32]] = {}
        if archived:
            if self.texts is None:
                raise RuntimeError("a loaded DuplicateIndex needs .texts to read its archive")
            owners = {r: self._ids[self._row_owner[r]] for r in archived}
            texts = self.texts(sorted(set(owners.values())))
            for row, article_id in owners.items():
                if article_id not in texts:
                    raise LookupError(f"article {article_id} is indexed but its text is gone")
                again[row] = self._features(normalise(texts[article_id]).split(" "))
        sigs = self._sigs.view().reshape(-1, self.num_perm)
        all_grams = self._grams.view()
        out = []
        for row in rows:
            if row < self._archived:
                out.append(again[row])
                continue
            i = row - self._archived
            out.append((sigs[i], all_grams[self._starts[i] : self._starts[i + 1]]))
        return out

    def archive(self) -> None:
        """Let go of the rows' signatures and shingles, as a pickled index does: they are
        computed again from a candidate's text when needed (a process that keeps an index
        in memory calls this after saving it, so its memory stays what a loaded one holds)."""
        vars(self).update(self._without_rows())

    def _without_rows(self) -> dict[str, Any]:
        """The fields that hold the rows, as they are once every row is archived."""
        return {
            "_archived": self._archived + len(self._starts) - 1,
            "_sigs": Column(np.uint32),
            "_grams": Column(np.uint32),
            "_starts": array("q", [0]),
        }

    def __getstate__(self) -> dict[str, Any]:
        """Everything but the rows' signatures and shingles (and ``texts``, a function of
        the process): a loaded index computes them again from its candidates' texts."""
        state = {name: getattr(self, name) for name in vars(self) if name not in _NOT_KEPT}
        return state | self._without_rows()

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state)
        self._ordinal = {article_id: n for n, article_id in enumerate(self._ids)}
        self.texts = None


_NOT_KEPT = frozenset({"_ordinal", "texts", "_sigs", "_grams", "_starts"})


def sorted_containment(a: U32, b: U32) -> float:
    """:func:`_containment` on two sorted arrays of distinct shingle hashes."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not len(small) or len(small) * 3 < len(large):
        return 0.0
    at = np.searchsorted(large, small)
    at[at == len(large)] = 0
    return int(np.count_nonzero(large[at] == small)) / len(small)


def _containment(a: frozenset[bytes], b: frozenset[bytes]) -> float:
    """Share of the smaller shingle set found in the larger one (0 when either is empty).

    The smaller set must hold at least a third of the larger one's shingles, so a quoted
    paragraph inside a long article does not make the article a copy of the quote's source.
    """
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small or len(small) * 3 < len(large):
        return 0.0
    return len(small & large) / len(small)


def find_duplicates(
    items: list[tuple[str, str]], threshold: float = 0.8, num_perm: int = 128, shingle: int = 5
) -> dict[str, str]:
    """Map each copy's id to its root original's id for a batch of ``(id, text)`` pairs.

    Items are indexed in the given order, so the first of a group of copies is the original;
    ids that copy nothing are absent from the result.
    """
    index = DuplicateIndex(threshold=threshold, num_perm=num_perm, shingle=shingle)
    copies: dict[str, str] = {}
    for article_id, text in items:
        original = index.add(article_id, text)
        if original is not None:
            copies[article_id] = original
    return copies
