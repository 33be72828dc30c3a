"""Coreference metrics: MUC, B-cubed, CEAF-e and their CoNLL average.

A *partition* maps each mention id to the id of its cluster (any hashable values). The key
(gold) and the response (system) may hold different mentions: a key mention the response
lacks, or a response mention the key lacks ("twinless"), scores as the reference CoNLL
scorer treats it (Pradhan et al. 2014):

- MUC (Vilain et al. 1995): recall = sum over key clusters K of (|K| - |parts of K|) /
  sum of (|K| - 1), where the parts of K are the response clusters cutting it and each
  mention of K the response lacks is a part of its own; precision swaps key and response.
  Singletons add nothing; a side with no link at all scores 0.
- B-cubed (Bagga and Baldwin 1998): recall = mean over key mentions m of
  |K(m) & R(m)| / |K(m)| (0 when the response lacks m); precision the same over response
  mentions with |R(m)|.
- CEAF-e (Luo 2005): phi(K, R) = 2 |K & R| / (|K| + |R|); the best one-to-one alignment of
  key and response clusters (Kuhn-Munkres) gives the total similarity S; recall =
  S / number of key clusters, precision = S / number of response clusters.
- CoNLL: the mean of the three F1 scores.

Everything here is pure and small enough to check by hand (see tests/test_eval_entities.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

__all__ = ["PRF", "Scores", "b_cubed", "ceaf_e", "clusters", "conll", "muc", "score"]

Partition = Mapping[Hashable, Hashable]


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and their harmonic mean F1 (each in 0..1)."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """The three metrics of one comparison, and their CoNLL average."""

    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF

    @property
    def conll(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3

    def to_dict(self) -> dict[str, object]:
        return {
            "muc": self.muc.to_dict(),
            "b_cubed": self.b_cubed.to_dict(),
            "ceaf_e": self.ceaf_e.to_dict(),
            "conll": self.conll,
        }


def clusters(partition: Partition) -> list[frozenset[Hashable]]:
    """The clusters of a partition, as sets of mention ids (in first-seen order)."""
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in partition.items():
        groups[cluster].add(mention)
    return [frozenset(g) for g in groups.values()]


def _muc_side(key: Partition, response: Partition) -> float:
    num = den = 0
    for k in clusters(key):
        parts = {response.get(m, ("missing", m)) for m in k}
        num += len(k) - len(parts)
        den += len(k) - 1
    return num / den if den else 0.0


def muc(key: Partition, response: Partition) -> PRF:
    """MUC precision and recall (link-based; singletons count for nothing)."""
    return PRF(_muc_side(response, key), _muc_side(key, response))


def _b3_side(key: Partition, response: Partition) -> float:
    if not key:
        return 0.0
    resp = {m: c for c in clusters(response) for m in c}
    total = 0.0
    for k in clusters(key):
        for m in k:
            if m in resp:
                total += len(k & resp[m]) / len(k)
    return total / len(key)


def b_cubed(key: Partition, response: Partition) -> PRF:
    """B-cubed precision and recall (mention-based)."""
    return PRF(_b3_side(response, key), _b3_side(key, response))


def _assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one matching of rows to columns.

    Kuhn-Munkres with potentials on the cost ``-weight``, padded to a square matrix.
    """
    n = max(len(weights), max((len(r) for r in weights), default=0))
    if n == 0:
        return 0.0
    cost = [[-(weights[i][j] if i < len(weights) and j < len(weights[i]) else 0.0)
             for j in range(n)] for i in range(n)]  # fmt: skip
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    owner = [0] * (n + 1)  # owner[j]: the row (1-based) matched to column j, 0 if none
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        least = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < least[j]:
                    least[j], way[j] = cur, j0
                if least[j] < delta:
                    delta, j1 = least[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return sum(-cost[owner[j] - 1][j - 1] for j in range(1, n + 1) if owner[j])


def ceaf_e(key: Partition, response: Partition) -> PRF:
    """Entity-based CEAF (phi-4 similarity, optimal one-to-one cluster alignment)."""
    keys, resps = clusters(key), clusters(response)
    if not keys or not resps:
        return PRF(0.0, 0.0)
    where = {m: i for i, c in enumerate(resps) for m in c}
    # clusters only interact through shared mentions: align each connected block alone
    links = [{where[m] for m in k if m in where} for k in keys]
    back: dict[int, list[int]] = defaultdict(list)
    for i, js in enumerate(links):
        for j in js:
            back[j].append(i)
    seen: set[int] = set()
    total = 0.0
    for start in range(len(keys)):
        if start in seen or not links[start]:
            continue
        block_k, block_r, todo = set(), set(), [start]
        while todo:
            i = todo.pop()
            if i in block_k:
                continue
            block_k.add(i)
            for j in links[i]:
                if j not in block_r:
                    block_r.add(j)
                    todo += back[j]
        seen |= block_k
        rows, cols = sorted(block_k), sorted(block_r)
        weights = [
            [2 * len(keys[i] & resps[j]) / (len(keys[i]) + len(resps[j])) for j in cols]
            for i in rows
        ]
        total += _assignment(weights)
    return PRF(total / len(resps), total / len(keys))


def conll(key: Partition, response: Partition) -> float:
    """The CoNLL-2012 score: mean F1 of MUC, B-cubed and CEAF-e."""
    return score(key, response).conll


def score(key: Partition, response: Partition) -> Scores:
    """All three metrics of ``response`` against ``key``."""
    return Scores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))
