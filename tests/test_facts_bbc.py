"""Facts in news the rules were not written for (BBC full text, session 11): counts of
one, sums named by an empty verb, and corroboration across wordings."""

from __future__ import annotations

from storyline.model import Article


def test_a_count_of_one_is_no_fact_even_with_a_holder(facts_of):
    facts = facts_of("Norway chose one colour for its flag and two shades for its coat.")
    assert [f.value for f in facts if f.unit == "colour"] == []
    # a toll of one is kept
    facts = facts_of("One person was killed in the blast in Oslo.")
    assert [f.value for f in facts if f.unit == "dead"] == [1]


def test_a_sum_named_only_by_an_empty_verb_is_dropped(facts_of):
    facts = facts_of("Critics said the plans would mean some £50bn for the regions.")
    assert [f for f in facts if f.unit == "GBP"] == []


def test_a_holders_figure_does_not_take_in_an_unheld_one_of_other_words(facts_of):
    facts = facts_of(
        "A pact could see India invest up to $20bn in oil and gas projects.",
        "The firm intends to seek $20bn in damages from the buyer.",
        "The firm is seeking $20bn in damages from the buyer.",
    )
    [india] = [f for f in facts if f.subject == "India"]
    assert india.sources == ["a0"]
    [damages] = [f for f in facts if f.attribute.startswith("damages")]
    assert (damages.sources, damages.status) == (["a1", "a2"], "corroborated")


def test_a_hedge_does_not_widen_agreement_between_two_wordings(facts_of):
    facts = facts_of(
        "The Treasury imposed a tax rate of 50% on bonuses.",
        "Some 47% of voters said they backed the couple.",
    )
    assert all(len(f.sources) == 1 for f in facts if f.unit == "%")


def test_a_time_or_distance_with_only_its_unit_is_no_fact(facts_of):
    facts = facts_of("Dane Koll of Canada crossed the line in 6.67 secs, ahead of 8 rivals.")
    assert [f.unit for f in facts if f.unit == "sec"] == []


def test_figures_of_different_times_or_a_forecast_are_different_happenings(facts_of):
    facts = facts_of(
        "The charity single sold 750,000 copies in its first week in 1984.",
        "The original version sold 800,000 copies in the US in 1985.",
        "The new version is expected to sell at least 300,000 copies, the label said.",
        "The new version sold more than 72,000 copies on Monday alone.",
    )
    copies = [f for f in facts if f.unit == "copy"]
    assert sorted(f.value for f in copies) == [72_000, 300_000, 750_000, 800_000]
    assert all(f.status == "single-source" for f in copies)
    # a month and a day in it may be one time: still a conflict
    facts = facts_of(
        "The charity single sold 750,000 copies in December 2004.",
        "The charity single sold 800,000 copies on 26 December 2004.",
    )
    assert [f.status for f in facts if f.unit == "copy"] == ["conflicting"]
    # with no time apart, two figures of one thing still conflict
    facts = facts_of(
        "The charity single sold 750,000 copies in its first week.",
        "The charity single sold 800,000 copies in its first week.",
    )
    assert [f.status for f in facts if f.unit == "copy"] == ["conflicting"]
    # a toll is one happening whatever days its reports name
    facts = facts_of(
        "At least 84 people were killed in the floods on Monday.",
        "At least 95 people were killed in the floods on Tuesday.",
    )
    assert [f.status for f in facts if f.unit == "dead"] == ["conflicting"]


def test_two_reports_of_one_outlet_are_one_source():
    from storyline.model import source_of

    a = Article("a", "a", 1, None, "x", outlet="www.Daily.example")
    b = Article("b", "b", 1, None, "x", outlet="daily.example")
    c = Article("c", "c", 1, None, "x")
    d = Article("d", "d", 1, None, "x", outlet="Other Wire", duplicate_of="a")
    by_id = {x.id: x for x in (a, b, c, d)}
    assert source_of(a, by_id) == source_of(b, by_id) == "outlet:daily.example"
    assert source_of(c, by_id) == "c"  # no outlet known: the article itself
    assert source_of(d, by_id) == source_of(a, by_id)  # a copy is its original's
    assert source_of(Article("e", "e", 1, None, "x", duplicate_of="gone"), by_id) == "gone"


def test_a_figure_two_reports_of_one_outlet_give_is_single_source(facts_of):
    texts = [
        "The council said 1,200 residents were evacuated from the valley on Monday.",
        "Officials said 1,200 residents were evacuated from the valley after the flood.",
    ]

    def toll(outlets: list[str | None]):
        (fact,) = [f for f in facts_of(*texts, outlets=outlets) if f.value == 1200]
        return fact.status, fact.independent_sources

    assert toll(["Valley Courier", "Valley Courier"]) == ("single-source", 1)
    assert toll(["Valley Courier", "Harbour Ledger"]) == ("corroborated", 2)
    assert toll([None, None]) == ("corroborated", 2)  # no outlet known: two articles


def test_tolls_of_different_months_are_different_happenings(facts_of):
    facts = facts_of(
        "The disaster killed about 10,000 people in 1998, the report said.",
        "The disaster killed 23,000 people on 26 December 2004, the report said.",
        "The disaster killed 191 people on 11 March 2004, the report said.",
    )
    assert sorted(f.status for f in facts if f.unit == "dead") == ["single-source"] * 3
    # one month named one way and the other: the same toll may be meant, a conflict
    facts = facts_of(
        "The storm killed 84 people in March 2004, officials said.",
        "The storm killed 95 people in 2004, officials said.",
    )
    assert [f.status for f in facts if f.unit == "dead"] == ["conflicting"]


def test_places_on_two_days_of_one_month_are_no_difference():
    from storyline.differences import find_differences
    from storyline.model import Analysis, Claim

    def claiming(aid: str, value: str, place: str) -> Article:
        text = f"The minister travels to {place} on that day, officials said."
        claim = Claim("minister", "travel", value, None, place, text, 0)
        return Article(aid, aid, 1, None, text, analysis=Analysis(claims=[claim]))

    apart = [claiming("a", "2005-02-15", "Jakarta"), claiming("b", "2005-02-17", "London")]
    assert find_differences(apart, [], []) == []
    same = [claiming("a", "2005-02-15", "Jakarta"), claiming("b", "2005-02-15", "London")]
    assert [d.what for d in find_differences(same, [], [])] == [
        "what happens in February 2005: Jakarta, London"
    ]
    month = [claiming("a", "2005-02", "Jakarta"), claiming("b", "2005-02-17", "London")]
    assert len(find_differences(month, [], [])) == 1  # a month and a day in it may be one


def test_a_sum_taken_by_be_remain_or_push_says_nothing_of_itself(facts_of):
    for text in ("Sales remained $2bn last year.", "The deal would push $3bn into the fund."):
        assert [f.attribute for f in facts_of(text)] == [], text
    assert [f.attribute for f in facts_of("The firm will deliver $5bn in savings by 2007.")] == [
        "savings delivered"
    ]
