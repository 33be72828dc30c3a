"""The topic bootstrap of clustering scores (storyline.evaluation.bootstrap)."""

from __future__ import annotations

import pytest

from storyline.evaluation.bootstrap import bcubed_items, topic_bootstrap, unit_bootstrap
from storyline.evaluation.clusters import bcubed
from storyline.evaluation.timex_eval import Counts, TimexEvaluation, document_bootstrap

GOLD = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
SYSTEM = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y"}


def test_item_scores_are_the_hand_computed_ones_and_average_to_bcubed() -> None:
    items = bcubed_items(SYSTEM, GOLD)
    assert items["a"] == items["b"] == pytest.approx((2 / 3, 1.0))
    assert items["c"] == pytest.approx((1 / 3, 1 / 3))
    assert items["d"] == items["e"] == pytest.approx((1.0, 2 / 3))
    whole = bcubed(SYSTEM, GOLD)
    assert sum(p for p, _ in items.values()) / 5 == pytest.approx(whole.precision)
    assert sum(r for _, r in items.values()) / 5 == pytest.approx(whole.recall)
    assert bcubed_items({"a": "x"}, {"a": 1, "b": 1})["b"] == (1.0, 0.5)  # left out: alone


# three topics of two events each; "good" finds every event, "merged" puts each topic's
# events together, "bad" also splits topic t3 into singletons
TOPICS = {f"{t}{e}{n}": t for t in ("t1", "t2", "t3") for e in "ab" for n in range(3)}
EVENTS = {item: item[:3] for item in TOPICS}
MERGED = {item: item[:2] for item in TOPICS}
BAD = {item: (item if item.startswith("t3") else item[:2]) for item in TOPICS}


def test_a_better_system_is_ahead_in_every_draw() -> None:
    per_system = {
        "good": bcubed_items(EVENTS, EVENTS),
        "merged": bcubed_items(MERGED, EVENTS),
        "bad": bcubed_items(BAD, EVENTS),
    }
    boot = topic_bootstrap(per_system, TOPICS, target=0.9, draws=200, seed=1)
    assert boot.reference == "good" and boot.f1["good"].low == boot.f1["good"].high == 1.0
    assert boot.ahead == {"merged": 1.0, "bad": 1.0} and boot.reaches == 1.0
    assert boot.lead["merged"].low > 0
    # "bad" differs from "merged" in one topic only: its F1 depends on how often t3 is drawn
    assert boot.f1["bad"].low < boot.f1["merged"].low <= boot.f1["merged"].high
    whole_merged = bcubed(MERGED, EVENTS).f1
    assert boot.f1["merged"].low == pytest.approx(whole_merged)  # every topic alike
    again = topic_bootstrap(per_system, TOPICS, target=0.9, draws=200, seed=1)
    assert again == boot  # a seed gives the same draws


def test_the_target_share_counts_the_draws_that_reach_it() -> None:
    per_system = {"bad": bcubed_items(BAD, EVENTS), "good": bcubed_items(EVENTS, EVENTS)}
    boot = topic_bootstrap(per_system, TOPICS, target=0.99, draws=300, seed=2)
    assert boot.reaches == 0.0  # "bad" never reaches 0.99: every topic scores below it
    assert boot.ahead["good"] == 0.0 and boot.lead["good"].high < 0
    assert "bad reaches 0.99 in 0% of draws" in "\n".join(boot.lines("event B3 F1"))
    assert boot.to_dict()["f1_interval"]["good"] == [1.0, 1.0]


def test_unit_bootstrap_draws_units_with_replacement() -> None:
    interval, runs = unit_bootstrap([1, 2, 3, 4], lambda units: sum(units) / len(units), 500, 3)
    assert len(runs) == 500 and 1.0 <= interval.low < 2.5 < interval.high <= 4.0
    assert min(runs) >= 1.0 and max(runs) <= 4.0
    assert unit_bootstrap([7], lambda units: float(units[0]), 10)[0].text() == "[7.000, 7.000]"


def test_document_bootstrap_of_timex_counts() -> None:
    # two documents: one all right, one with half its values wrong
    right = Counts(docs=1, gold=10, system=10, strict=10, relaxed=10, type_ok=10, value_ok=10)
    half = Counts(docs=1, gold=10, system=10, strict=10, relaxed=10, type_ok=10, value_ok=5)
    result = TimexEvaluation(right + half, per_doc=[right, half])
    lines = document_bootstrap(result, draws=400, seed=0)
    assert lines[0] == "95% interval over 400 draws of the 2 documents:"
    assert lines[1].startswith("  relaxed span F1  [100.0, 100.0], reaches 90 in 100%")
    # value F1 is 50, 75 or 100 depending on the draw; 80 is reached when "right" comes twice
    assert lines[2].startswith("  value F1         [50.0, 100.0], reaches 80 in 2")
