"""Facts across articles: agreement rules, conflicts, copies counted once, the seeds."""

from __future__ import annotations

import json
import re

import pytest

from storyline.fact_agreement import compatible
from storyline.model import Article, TimeExpr
from tests.conftest import GOLD, SEEDS, need

MONTHS = "january february march april may june july august september october november december"


def simple_times(text: str) -> list[TimeExpr]:
    """A tiny stand-in tagger: "September 2026" and bare years (used if timex is absent)."""
    pat = re.compile(r"(?i)\b(?:(" + MONTHS.replace(" ", "|") + r")\s+)?((?:19|20)\d\d)\b")
    out = []
    for m in pat.finditer(text):
        month = MONTHS.split().index(m.group(1).lower()) + 1 if m.group(1) else 0
        value = m.group(2) + (f"-{month:02d}" if month else "")
        out.append(TimeExpr(m.start(), m.end(), m.group(0), "DATE", value))
    return out


def tagger():
    try:
        from storyline.timex import tag_times
    except ImportError:
        return lambda text, dct: simple_times(text)
    return tag_times


@pytest.fixture(scope="module")
def analyse():
    from storyline.nlp import analyse_text, load_pipeline

    load_pipeline()
    tag = tagger()

    def run(aid: str, text: str, dct: str | None = None, duplicate_of: str | None = None):
        art = Article(aid, aid, 1, None, text, duplicate_of=duplicate_of)
        art.analysis = analyse_text(text, tag(text, dct))
        return art

    return run


@pytest.mark.parametrize(
    ("a", "ha", "b", "hb", "ok"),
    [
        (2500, None, 2500, "about", True),
        (84, None, 95, None, False),
        (84, "at least", 95, None, False),  # different reported tolls: a conflict
        (84, "at least", 84, None, True),
        (95, "at least", 84, None, False),
        (30, "more than", 25, None, False),
        (40, "up to", 35, None, False),
        (40, "up to", 45, None, False),
        (2500, "around", 2400, None, True),
        (100, "nearly", 97, None, True),
        (100, "nearly", 104, None, False),
        (2480, None, 2500, None, True),
        (1_300_000_000, None, 1_350_000_000, None, False),  # agree only as rounded sums
        (3000, None, 2600, None, False),
        ("2025", None, "2025-09", None, True),
        ("2025-09", None, "2026-09", None, False),
    ],
)
def test_compatible(a, ha, b, hb, ok):
    assert compatible(a, ha, b, hb) is ok
    assert compatible(b, hb, a, ha) is ok


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (1_300_000_000, 1_350_000_000, True),  # "£1.3bn" is "£1.35bn" rounded
        (1_300_000_000, 1_360_000_000, False),
        (2500, 2450, True),
        (3000, 2900, True),
        (3000, 2600, False),  # rounding to one digit is held to 5%
        (28.1, 29, False),
        (0.5, 0.55, False),
    ],
)
def test_compatible_rounded(a, b, ok):
    assert compatible(a, None, b, None, rounded=True) is ok
    assert compatible(b, None, a, None, rounded=True) is ok


def test_conflicting_death_tolls_and_a_copy_counted_once(analyse):
    from storyline.aliases import resolve_entities
    from storyline.differences import find_differences
    from storyline.facts import consolidate_facts

    arts = [
        analyse("x1", "Officials said 84 people were killed in the bombing in Kabul on Monday."),
        analyse("x2", "Police said 95 people were killed in the bombing in Kabul."),
        analyse(
            "x3",
            "Police said 95 people were killed in the bombing in Kabul.",
            duplicate_of="x2",
        ),
    ]
    facts = consolidate_facts(arts, resolve_entities(arts))
    dead = [f for f in facts if f.unit == "dead"]
    assert len(dead) == 1
    fact = dead[0]
    assert fact.status == "conflicting"
    assert {v.value for v in fact.values} == {84, 95}
    assert fact.value == 95 and fact.sources == ["x1", "x2", "x3"]
    assert fact.independent_sources == 2
    by_value = {v.value: v.sources for v in fact.values}
    assert by_value[84] == ["x1"] and by_value[95] == ["x2", "x3"]
    diffs = find_differences(arts, facts)
    assert any(len(d.sides) == 2 and "killed" in d.what for d in diffs)


def test_copies_alone_are_not_corroboration(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    text = "Spain contributes around 180 soldiers to the mission."
    arts = [analyse("y1", text), analyse("y2", text, duplicate_of="y1")]
    facts = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "troops"]
    assert [(f.value, f.status, f.independent_sources) for f in facts] == [
        (180, "single-source", 1)
    ]


SEED_DCT = {"000": "2024-09-27", "001": None, "002": "2024-09-27", "003": "2024-07-25"}


@pytest.fixture(scope="module")
def seeds(analyse):
    need(SEEDS)
    arts = []
    for path in sorted(SEEDS.glob("*.txt")):
        key, text = path.name[:3], path.read_text(encoding="utf-8")
        if "Next Article" in text:
            first, second = text.split("Next Article", 1)
            arts += [analyse(f"{key}#1", first, "2024-09-28"), analyse(f"{key}#2", second)]
        else:
            arts.append(analyse(key, text, SEED_DCT.get(key)))
    return arts


def norm(value) -> str:
    return re.sub(r"[\W_]+", " ", str(value)).strip().lower()


def test_seed_facts_aliases_and_difference(seeds):
    from storyline.aliases import resolve_entities
    from storyline.differences import find_differences
    from storyline.facts import consolidate_facts

    gold = json.loads(need(GOLD).read_text())
    entities = resolve_entities(seeds)
    facts = consolidate_facts(seeds, entities)
    missed = []
    for g in gold["facts"]:
        ok = any(
            norm(g["value"]) in {norm(f.value)} | {norm(v.value) for v in f.values}
            and set(g["sources"]) <= set(f.sources)
            and f.status == g["status"]
            for f in facts
        )
        if not ok:
            missed.append(g["what"])
    assert missed == []
    for g in gold["aliases"]:
        if g.get("optional") or len(g["forms"]) < 2:
            continue
        forms = {norm(x) for x in g["forms"]}
        assert any(forms <= {norm(a) for a in e.aliases} for e in entities), g["forms"]
    diffs = json.dumps([str(d) for d in find_differences(seeds, facts)]).lower()
    assert "kurdistan" in diffs and "syria" in diffs
    assert not any(f.status == "conflicting" for f in facts)


def test_a_bound_and_a_higher_toll_conflict_and_number_words_count(analyse):
    from storyline.aliases import resolve_entities
    from storyline.differences import find_differences
    from storyline.facts import consolidate_facts

    arts = [
        analyse("k1", "At least 30 people were killed when the bridge fell in Orvale."),
        analyse("k2", "Forty people died when the bridge fell, the coroner said."),
    ]
    facts = consolidate_facts(arts, resolve_entities(arts))
    dead = [f for f in facts if f.unit == "dead"]
    assert len(dead) == 1 and dead[0].status == "conflicting"
    assert {(v.value, v.hedge) for v in dead[0].values} == {(30, "at least"), (40, None)}
    assert any("40" in str(d) and "30" in str(d) for d in find_differences(arts, facts))


def test_different_predicates_do_not_conflict_and_agreeing_wordings_join(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse("p1", "The nurses' guild wants a 12% wage increase. The hospital offered 5%."),
        analyse("p2", "Nurses settle for a 7% wage deal after a long dispute."),
        analyse("p3", "The hospital group bought Elmfield Clinic for 40 million pounds."),
        analyse("p4", "The 40 million pound purchase of Elmfield Clinic was approved."),
    ]
    facts = consolidate_facts(arts, resolve_entities(arts))
    assert not any(f.status == "conflicting" for f in facts)
    pct = {f.value: f.attribute for f in facts if f.unit == "%"}
    assert {12, 5, 7} <= set(pct) and pct[5] == "wage increase offered"
    money = [f for f in facts if f.unit == "GBP"]
    assert [(f.value, f.status, f.independent_sources) for f in money] == [
        (40_000_000, "corroborated", 2)
    ]
    assert all(f.subject not in {"%", "dead", "people", ""} or f.unit == "dead" for f in facts)


def test_same_year_for_two_unnamed_things_is_one_completion_fact(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse("b1", "The bridge, which was built in 1931, carries the main road."),
        analyse("b2", "Engineers said the structure, completed in 1931, was sound."),
    ]
    facts = consolidate_facts(arts, resolve_entities(arts))
    built = [f for f in facts if f.value == "1931"]
    assert len(built) == 1 and built[0].status == "corroborated"


def dated(art: Article, day: str) -> Article:
    from storyline.model import PublishedDate

    art.published = PublishedDate(day, "metadata", 1.0)
    return art


def test_a_toll_raised_the_next_day_is_an_update_not_a_conflict(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    said = {
        "u1": ("At least 40 people were killed in the landslide in Orvale.", "2031-03-02"),
        "u2": ("Rescuers said 40 people were killed in the landslide.", "2031-03-02"),
        "u3": ("The toll rose: 52 people were killed in the landslide.", "2031-03-03"),
        "u4": ("Officials said 52 people were killed in the landslide.", "2031-03-05"),
    }
    arts = [dated(analyse(aid, text), day) for aid, (text, day) in said.items()]
    [fact] = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "dead"]
    assert fact.updated and fact.status == "corroborated"
    assert fact.value == 52 and fact.independent_sources == 2
    assert [(v.value, v.first_reported, v.last_reported) for v in fact.values] == [
        (40, "2031-03-02", "2031-03-02"),
        (52, "2031-03-03", "2031-03-05"),
    ]
    # an outlet repeating the old figure after the new one appeared: a conflict again
    late = dated(analyse("u5", "Police said 40 people were killed in the landslide."), "2031-03-06")
    arts.append(late)
    [fact] = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "dead"]
    assert fact.status == "conflicting" and not fact.updated


def test_different_figures_on_the_same_day_or_undated_stay_a_conflict(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    for day_a, day_b in (("2031-03-02", "2031-03-02"), ("2031-03-02", "2031-03")):
        arts = [
            dated(analyse("c1", "Medics said 12 people were killed in the blast."), day_a),
            dated(analyse("c2", "Police said 17 people were killed in the blast."), day_b),
        ]
        [fact] = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "dead"]
        assert fact.status == "conflicting" and not fact.updated


def test_figures_without_holder_or_place_from_two_happenings_are_two_facts(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse("q1", "Rescuers said 300 people were killed in the earthquake."),
        analyse("q2", "Officials said 300 people were killed in the earthquake."),
        analyse("q3", "Officials said 1,200 people were killed in the earthquake."),
    ]
    for art, event in zip(arts, ("e-q1", "e-q1", "e-q3"), strict=True):
        art.event = event
    facts = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "dead"]
    assert sorted((f.value, f.status, f.sources) for f in facts) == [
        (300, "corroborated", ["q1", "q2"]),
        (1200, "single-source", ["q3"]),
    ]
    # one event stating both, or an article whose event is not known: a conflict again
    for q3_event in ("e-q1", None):
        arts[2].event = q3_event
        [fact] = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "dead"]
        assert fact.status == "conflicting"
    # a holder and a place say which figure is which: across events it stays one fact
    held = [
        analyse("h1", "The United States keeps 2,500 troops in Iraq."),
        analyse("h2", "The United States keeps 3,000 troops in Iraq."),
    ]
    held[0].event, held[1].event = "e-h1", "e-h2"
    facts = [f for f in consolidate_facts(held, resolve_entities(held)) if f.unit == "troops"]
    assert [f.status for f in facts] == ["conflicting"]


def test_a_figure_named_by_its_noun_alone_corroborates_but_never_conflicts(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    said = [
        "Output fell, compared with 474,000 bpd in 1973.",
        "Output fell, compared with 400,000 bpd in 1973.",
        "Output fell, compared with 474,000 bpd in 1973.",
        "There were 12 casualties.",
        "There were 15 casualties.",
    ]
    arts = [analyse(f"b{i}", text) for i, text in enumerate(said)]
    for art in arts:
        art.event = "e-b0"  # one happening: only the bare description keeps them apart
    facts = consolidate_facts(arts, resolve_entities(arts))
    assert sorted((f.value, f.status, f.sources) for f in facts if f.unit == "bpd") == [
        (400_000, "single-source", ["b1"]),
        (474_000, "corroborated", ["b0", "b2"]),
    ]
    [toll] = [f for f in facts if f.unit == "casualties"]
    assert toll.status == "conflicting"


def test_a_rounded_sum_agrees_but_a_rounded_toll_does_not(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse("r1", "Deutsche Boerse offered £1.35bn for the exchange."),
        analyse("r2", "Deutsche Boerse offered £1.3bn for the exchange."),
    ]
    [fact] = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "GBP"]
    assert fact.status == "corroborated" and fact.independent_sources == 2
    # two wordings join only at 2%: "£500m" may round "£520m", but here it is another sum
    sums = [
        analyse("w1", "Mr Brown set aside another £520m for the conflicts."),
        analyse("w2", "The money will come from a new £500m fund."),
    ]
    facts = [f for f in consolidate_facts(sums, resolve_entities(sums)) if f.unit == "GBP"]
    assert sorted(f.sources for f in facts) == [["w1"], ["w2"]]
    tolls = [
        analyse("t1", "Medics said 100 people were killed in the blast."),
        analyse("t2", "Police said 104 people were killed in the blast."),
    ]
    [fact] = [f for f in consolidate_facts(tolls, resolve_entities(tolls)) if f.unit == "dead"]
    assert fact.status == "conflicting"


def test_small_counts_of_unnamed_actors_are_left_out_but_victims_stay(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse(
            "s1",
            "The two sides agreed to meet again. Two people were injured in the scuffle. "
            "The two unions signed the pact, and Norvia sent 2 envoys to the talks.",
        )
    ]
    facts = consolidate_facts(arts, resolve_entities(arts))
    units = {f.unit for f in facts}
    assert "side" not in units and "union" not in units
    assert "wounded" in units
    assert any(f.value == 2 and f.subject == "Norvia" for f in facts)  # a holder: kept


def test_born_is_a_birth_date_for_a_person_and_a_founding_for_a_group(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse(
            "b1",
            "Born in 1951 in a mountain village, Teodor Vasko led the party for decades. "
            "The Harbour Alliance, born in 2009, now counts 40 members.",
        )
    ]
    facts = {f.attribute: f.value for f in consolidate_facts(arts, resolve_entities(arts))}
    assert facts.get("date of birth") == "1951"
    assert facts.get("year formed") == "2009"


def test_a_claims_object_names_the_fact_and_keeps_two_apart(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse("o1", "The ministry announced a ceasefire in March 2030."),
        analyse("o2", "The ministry announced an inquiry in May 2030."),
    ]
    facts = [
        (f.attribute, f.value, f.status) for f in consolidate_facts(arts, resolve_entities(arts))
    ]
    assert ("announcement date of ceasefire", "2030-03", "single-source") in facts
    assert ("announcement date of inquiry", "2030-05", "single-source") in facts


def test_generic_figures_are_no_facts_even_with_a_holder(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [analyse("g1", "Dorvane Motors said its dividend rose 11% while Dorvane Motors "
                          "employs 4,200 people.")]  # fmt: skip
    facts = consolidate_facts(arts, resolve_entities(arts))
    assert [f.value for f in facts if f.unit == "%"] == []
    assert [f.value for f in facts if f.unit == "people"] == [4200]


def test_an_infinitive_to_is_no_deadline_and_a_span_is_no_founding(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse(
            "t1",
            "Analysts said exports would continue to grow in 2032. "
            "About 9,000 posts have been created in Velmora since 2020.",
            "2031-06-01",
        )
    ]
    attributes = [f.attribute for f in consolidate_facts(arts, resolve_entities(arts))]
    assert not any("until" in a for a in attributes)
    assert not any("formed" in a for a in attributes)


@pytest.mark.parametrize(
    ("a", "low_a", "b", "low_b", "ok"),
    [
        (30_000, 25_000, 28_000, None, True),  # inside the range
        (30_000, 25_000, 30_500, None, True),  # at its edge, within 2%
        (30_000, 25_000, 35_000, None, False),  # beyond it
        (30_000, 25_000, 24_000, None, False),  # below it
        (30_000, 25_000, 40_000, 28_000, True),  # two ranges that meet
        (30_000, 25_000, 40_000, 32_000, False),  # two ranges apart
    ],
)
def test_a_range_agrees_with_what_lies_in_it(a, low_a, b, low_b, ok):
    assert compatible(a, None, b, None, low_a, low_b) is ok
    assert compatible(b, None, a, None, low_b, low_a) is ok


def test_a_range_and_a_figure_inside_it_corroborate(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts
    from storyline.views import format_value

    arts = [
        analyse("r1", "Tolven Motors said 25,000 to 30,000 positions will be cut in Orvale."),
        analyse("r2", "Tolven Motors said 28,000 positions will be cut in Orvale."),
    ]
    jobs = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "position"]
    assert len(jobs) == 1 and jobs[0].status == "corroborated"
    assert jobs[0].independent_sources == 2
    ranged = next(a for a in arts[0].analysis.quantities if a.unit == "position")
    assert (ranged.low, ranged.value, ranged.text) == (25_000, 30_000, "25,000 to 30,000 positions")
    assert format_value(30_000, "position", None, 25_000) == "25,000 to 30,000 positions"


def test_a_range_joins_no_other_wording_by_agreement(analyse):
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse("t1", "At 2.6%, inflation in Orvale remains within the Bank's 2-3% target range."),
        analyse("t2", "The Bank predicted growth of 2% for Orvale next year."),
    ]
    shares = [f for f in consolidate_facts(arts, resolve_entities(arts)) if f.unit == "%"]
    ranged = [f for f in shares if f.low is not None]
    assert len(ranged) == 1 and (ranged[0].low, ranged[0].value) == (2, 3)
    assert ranged[0].sources == ["t1"]  # not merged with the 2% growth forecast


def test_two_reports_of_one_toll_conflict_though_their_sentences_share_no_word(analyse):
    """What a toll is about may be said only around it: "Police said 14 people were killed"
    and "Hospital officials said 20 people were killed" in one story are one happening."""
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts

    arts = [
        analyse("v1", "Heavy rain flooded Valmora on Monday. Police said 14 people were killed."),
        analyse(
            "v2", "Rescue teams searched Valmora. Hospital officials said 20 people were killed."
        ),
        analyse("v3", "At least 30 people were killed in the blast, police said."),
        analyse("v4", "Thirty people were killed, according to hospital staff."),
    ]
    facts = consolidate_facts(arts[:2], resolve_entities(arts[:2]))
    [toll] = [f for f in facts if f.unit == "dead"]
    assert toll.status == "conflicting" and {v.value for v in toll.values} == {14, 20}
    facts = consolidate_facts(arts[2:], resolve_entities(arts[2:]))
    [toll] = [f for f in facts if f.unit == "dead"]
    assert toll.status == "corroborated" and toll.sources == ["v3", "v4"]


def test_a_figure_told_as_still_to_come_is_marked_a_forecast(facts_of) -> None:
    def marked(text: str) -> list[tuple[str, bool]]:
        return [(f.attribute, f.forecast) for f in facts_of(text)]

    assert marked("The game is expected to sell 300,000 copies in its first year.") == [
        ("copies sold", True)
    ]
    assert marked("The game sold 300,000 copies in its first year.") == [("copies sold", False)]
    assert marked("The two men could face a five-year jail term.") == [
        ("length of jail term", True)
    ]
