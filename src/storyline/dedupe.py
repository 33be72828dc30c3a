"""Exact and near-duplicate detection: syndicated copies, reprints and light edits.

Two texts are copies when their normalised forms are identical (exact hash), or when
their word shingles overlap enough: MinHash LSH proposes candidates, and a candidate is
accepted when the estimated Jaccard similarity of the two signatures reaches the
threshold, or when one text's shingles are (almost) all contained in the other's, which
catches a wire story reprinted with an extra paragraph or a different header/footer.

The index is deterministic: the first text added is the original, and a copy of a copy
points at the root original.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")

MIN_WORDS = 20  # texts shorter than this (in words) only match exactly
_SEED = 1  # fixed MinHash seed: signatures are reproducible across runs


def normalise(text: str) -> str:
    """The text lowercased, punctuation removed and whitespace collapsed to single spaces."""
    lowered = _PUNCT.sub(" ", text.lower())
    return _SPACE.sub(" ", lowered).strip()


def shingles(words: list[str], size: int) -> set[bytes]:
    """The set of ``size``-word shingles of ``words`` (one shingle when there are fewer)."""
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(slots=True)
class _Entry:
    """What the index keeps for one indexed text."""

    root: str  # the id of the root original ("self" when this text is an original)
    order: int  # position in insertion order: earlier wins ties
    signature: MinHash | None
    grams: frozenset[bytes]


class DuplicateIndex:
    """An incremental index of texts that tells, for each new text, which earlier text it copies.

    ``threshold`` is the similarity (estimated Jaccard of the shingle sets, or containment of
    the smaller set in the larger) at which two texts count as copies; ``num_perm`` is the
    number of MinHash permutations and ``shingle`` the number of words per shingle.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle: int = 5) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        # Candidates are fetched at a lower Jaccard so that contained texts (a reprint with an
        # extra paragraph has a lower Jaccard than its containment) are still proposed.
        self._candidate_threshold = max(0.3, threshold / 2)
        self._lsh = MinHashLSH(threshold=self._candidate_threshold, num_perm=num_perm)
        self._exact: dict[str, str] = {}  # normalised-text hash -> id of the first text
        self._entries: dict[str, _Entry] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._entries

    def root_of(self, article_id: str) -> str | None:
        """The root original of an indexed id (itself when it is an original), None if unknown."""
        entry = self._entries.get(article_id)
        return None if entry is None else entry.root

    def add(self, article_id: str, text: str) -> str | None:
        """Index ``text`` under ``article_id``; return the id of the root original it copies.

        Returns None when the text is not a copy of anything indexed before (it becomes an
        original), or when it is empty. Adding an id a second time does not index it again and
        returns the answer it got the first time.
        """
        known = self._entries.get(article_id)
        if known is not None:
            return None if known.root == article_id else known.root
        norm = normalise(text)
        if not norm:
            return None
        words = norm.split(" ")
        digest = hashlib.sha1(norm.encode("utf-8")).hexdigest()
        original = self._exact.get(digest)
        signature: MinHash | None = None
        grams: frozenset[bytes] = frozenset()
        if len(words) >= MIN_WORDS:
            grams = frozenset(shingles(words, self.shingle))
            signature = MinHash(num_perm=self.num_perm, seed=_SEED)
            signature.update_batch(list(grams))
            if original is None:
                original = self._best_match(signature, grams)
        root = article_id if original is None else self._entries[original].root
        self._entries[article_id] = _Entry(root, len(self._entries), signature, grams)
        self._exact.setdefault(digest, article_id)
        if signature is not None:
            self._lsh.insert(article_id, signature)
        return None if original is None else root

    def _best_match(self, signature: MinHash, grams: frozenset[bytes]) -> str | None:
        """The indexed id most similar to the signature above the threshold, earliest on ties."""
        best: tuple[float, int, str] | None = None
        for cand in self._lsh.query(signature):
            entry = self._entries[cand]
            if entry.signature is None:
                continue
            score = max(signature.jaccard(entry.signature), _containment(grams, entry.grams))
            if score < self.threshold:
                continue
            key = (-score, entry.order, cand)
            if best is None or key < best:
                best = key
        return None if best is None else best[2]


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
