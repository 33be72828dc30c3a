"""How much a clustering score owes to the few topics it was measured on.

An ECB+ half holds 11 topics. A B-cubed F1 measured on them is one draw: another 11 topics
of the same kinds would give another figure. The percentile bootstrap over topics (Efron and
Tibshirani 1993) estimates that spread: draw as many topics as the half has, with
replacement, score the articles of the drawn topics (each as often as its topic was drawn),
repeat. Each article keeps the B-cubed precision and recall it got in the whole half (its
clusters do not change); a replicate's F1 is the harmonic mean of their means, as for the
half itself. Systems are compared on the same draws (paired), so the interval of their
difference is narrower than the two intervals side by side.

Pure functions; :mod:`storyline.evaluation.clusters` calls them and prints the result.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

ItemScores = dict[str, tuple[float, float]]  # item -> (B-cubed precision, recall)
T = TypeVar("T")


def bcubed_items(system: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> ItemScores:
    """Each gold item's B-cubed precision and recall; an item the system left out is a
    singleton (their means are :func:`storyline.evaluation.clusters.bcubed`)."""
    members: dict[tuple[str, Hashable], set[str]] = defaultdict(set)
    for item in gold:
        members["sys", system.get(item, ("missing", item))].add(item)
        members["gold", gold[item]].add(item)
    out: ItemScores = {}
    for item in gold:
        mine = members["sys", system.get(item, ("missing", item))]
        truth = members["gold", gold[item]]
        shared = len(mine & truth)
        out[item] = (shared / len(mine), shared / len(truth))
    return out


def _f1(scores: Sequence[tuple[float, float]]) -> float:
    if not scores:
        return 0.0
    p = sum(s[0] for s in scores) / len(scores)
    r = sum(s[1] for s in scores) / len(scores)
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    def text(self) -> str:
        return f"[{self.low:.3f}, {self.high:.3f}]"


@dataclass(frozen=True, slots=True)
class Bootstrap:
    """The spread of each system's F1 over topic draws, and of its difference with the
    first system's (``reference``)."""

    draws: int
    reference: str
    f1: dict[str, Interval]  # system -> 95% interval of its F1
    lead: dict[str, Interval]  # other system -> 95% interval of reference F1 minus its F1
    ahead: dict[str, float]  # other system -> share of draws where the reference scores higher
    reaches: float  # share of draws where the reference's F1 reaches ``target``
    target: float

    def lines(self, what: str) -> list[str]:
        """The result as indented text lines; ``what`` names the score."""
        out = [f"  {what}, 95% interval over {self.draws} draws of the topics:"]
        out += [f"    {system:<22} {interval.text()}" for system, interval in self.f1.items()]
        for other, interval in self.lead.items():
            out.append(
                f"    {self.reference} minus {other}: {interval.text()},"
                f" {self.reference} ahead in {self.ahead[other]:.0%} of draws"
            )
        out.append(f"    {self.reference} reaches {self.target:.2f} in {self.reaches:.0%} of draws")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "draws": self.draws,
            "f1_interval": {s: [i.low, i.high] for s, i in self.f1.items()},
            "lead_interval": {s: [i.low, i.high] for s, i in self.lead.items()},
            "ahead_share": self.ahead,
            "reaches_target_share": self.reaches,
            "target": self.target,
        }


def topic_bootstrap(
    per_system: Mapping[str, ItemScores],
    topic_of: Mapping[str, str],
    target: float,
    draws: int = 1000,
    seed: int = 0,
) -> Bootstrap:
    """Percentile intervals (2.5 and 97.5) of each system's F1 over ``draws`` topic draws.

    ``per_system`` maps each system (the first is the reference) to its
    :func:`bcubed_items` over the same items; ``topic_of`` maps each item to its topic.
    """
    systems = list(per_system)
    reference = systems[0]
    items_of: dict[str, list[str]] = defaultdict(list)
    for item in sorted(topic_of):
        items_of[topic_of[item]].append(item)
    topics = sorted(items_of)
    rng = random.Random(seed)
    runs: dict[str, list[float]] = {s: [] for s in systems}
    for _ in range(draws):
        drawn = [rng.choice(topics) for _ in topics]
        items = [item for topic in drawn for item in items_of[topic]]
        for system in systems:
            runs[system].append(_f1([per_system[system][i] for i in items]))
    others = systems[1:]
    diffs = {o: [a - b for a, b in zip(runs[reference], runs[o], strict=True)] for o in others}
    return Bootstrap(
        draws=draws,
        reference=reference,
        f1={s: _interval(runs[s]) for s in systems},
        lead={o: _interval(diffs[o]) for o in others},
        ahead={o: sum(d > 0 for d in diffs[o]) / draws for o in others},
        reaches=sum(f >= target for f in runs[reference]) / draws,
        target=target,
    )


def _interval(values: list[float]) -> Interval:
    ordered = sorted(values)
    last = len(ordered) - 1
    return Interval(ordered[round(0.025 * last)], ordered[round(0.975 * last)])


def unit_bootstrap(
    units: Sequence[T], score: Callable[[list[T]], float], draws: int = 1000, seed: int = 0
) -> tuple[Interval, list[float]]:
    """The 95% percentile interval of ``score`` over ``draws`` draws of ``units`` (documents,
    say) with replacement, and the scores of the draws."""
    rng = random.Random(seed)
    runs = [score([rng.choice(units) for _ in units]) for _ in range(draws)]
    return _interval(runs), runs
