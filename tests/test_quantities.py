"""Quantities: hedges, units, holders and places from the dependency parse."""

from __future__ import annotations

import pytest


def one(qs, value):
    hits = [q for q in qs if q.value == value]
    assert hits, f"no quantity {value} in {qs}"
    return hits[0]


def test_coordinated_number_inherits_the_noun_holder_and_gets_its_place(quantities):
    qs = quantities("Currently, the United States maintains 900 troops in Syria and 2,500 in Iraq.")
    a, b = one(qs, 900), one(qs, 2500)
    assert (a.unit, a.subject, a.place) == ("troops", "United States", "Syria")
    assert (b.unit, b.subject, b.place) == ("troops", "United States", "Iraq")


def test_nationality_adjective_and_apposition(quantities):
    qs = quantities(
        "Nothing was said about the American troops deployed in Iraq, approximately 2,500 soldiers."
    )
    q = one(qs, 2500)
    assert (q.unit, q.hedge, q.subject, q.place) == ("troops", "about", "United States", "Iraq")


@pytest.mark.parametrize(
    ("text", "value", "unit", "hedge"),
    [
        ("Spain contributes around 180 soldiers to the mission.", 180, "troops", "about"),
        ("Spain has around 180 military personnel there.", 180, "troops", "about"),
        ("The United States has some 900 forces in Syria.", 900, "troops", "about"),
        ("The blasts caused the loss of nearly 100 lives.", 100, "dead", "nearly"),
        ("The attack left at least 84 dead.", 84, "dead", "at least"),
        ("In the attack 95 people were killed.", 95, "dead", None),
        ("The attack left more than 30 wounded.", 30, "wounded", "more than"),
        ("Three soldiers were hurt in the clash.", 3, "troops", None),
        ("Up to 40 civilians were injured.", 40, "wounded", "up to"),
        ("Over 1,200 people fled the town.", 1200, "people", "more than"),
        ("The raid killed almost 20 fighters.", 20, "dead", "nearly"),
        ("Roughly 300 people attended.", 300, "people", "about"),
    ],
)
def test_units_and_hedges(quantities, text, value, unit, hedge):
    q = one(quantities(text), value)
    assert (q.unit, q.hedge) == (unit, hedge)


def test_years_dates_and_compounds_are_not_counts(quantities):
    qs = quantities("In 2014, on 12 March, a two-phase plan began at 10:30 for a 31-year-old.")
    assert qs == []


def test_money_and_percent(quantities):
    qs = quantities("The project cost $5 million and 12% of voters backed it.")
    assert one(qs, 5_000_000).unit == "USD"
    assert one(qs, 12).unit == "%"


@pytest.mark.parametrize(
    ("text", "value", "unit", "noun"),
    [
        (
            "Roughly 800 villagers were relocated after the quake.",
            800,
            "villager",
            "villagers relocated",
        ),
        (
            "Some 2,100 nurses at the clinic went on strike on Friday.",
            2100,
            "nurse",
            "nurses on strike",
        ),
        ("Up to 450 posts could vanish under the plan.", 450, "post", "posts could vanish"),
        ("The mill will recruit 75 extra weavers.", 75, "weaver", "extra weavers recruited"),
        ("The firm bought the stake for 2.4 billion euros.", 2_400_000_000, "EUR", "price"),
        ("Repairs will cost about $20 million.", 20_000_000, "USD", "cost"),
        ("The closure costs the town 3 million euros a week.", 3_000_000, "EUR", "cost per week"),
        ("It ended a 40-day blockade of the harbour.", 40, "days", "length of blockade"),
        ("The guild demands a 7% wage increase.", 7, "%", "wage increase demanded"),
        ("Twelve people died and five were still missing.", 5, "people", "people missing"),
    ],
)
def test_what_a_number_measures(quantities, text, value, unit, noun):
    q = one(quantities(text), value)
    assert (q.unit, q.attribute) == (unit, noun)
    assert isinstance(q.value, int)


def test_a_bare_percentage_borrows_the_noun_of_the_previous_one(quantities):
    qs = quantities("The guild wants a 10% wage increase. The board has offered 3%.")
    assert one(qs, 3).attribute == "wage increase offered"


def test_of_them_counts_the_latest_counted_noun(quantities):
    qs = quantities("About 900 tenants were moved out. Around 200 of them cannot go back.")
    q = one(qs, 200)
    assert (q.unit, q.attribute, q.hedge) == ("tenant", "tenants cannot go", "about")


def test_number_words_are_counts(quantities):
    assert one(quantities("Nineteen miners died in the blast."), 19).unit == "dead"


@pytest.mark.parametrize(
    ("text", "value", "noun", "attribute"),
    [
        ("Some 2,100 nurses at the clinic went on strike.", 2100, "nurses", "nurses on strike"),
        ("The firm paid 2.4 billion euros for the stake.", 2_400_000_000, "euros", "price"),
        ("About 900 tenants were moved out. Around 200 of them cannot go back.", 200, "tenants",
         "tenants cannot go"),
    ],
)  # fmt: skip
def test_the_noun_as_written_and_the_attribute_apart(quantities, text, value, noun, attribute):
    q = one(quantities(text), value)
    assert (q.noun, q.attribute) == (noun, attribute)


@pytest.mark.parametrize(
    ("text", "value", "attribute"),
    [
        ("The council paid 3 million euros for the old mill.", 3_000_000, "price"),
        ("The charity raised 40,000 euros in a week.", 40_000, "amount raised"),
        ("The club lost 2 million pounds last season.", 2_000_000, "loss"),
    ],
)
def test_a_sum_is_named_by_the_verb_that_moves_it(quantities, text, value, attribute):
    assert one(quantities(text), value).attribute == attribute


@pytest.mark.parametrize(
    ("words", "hedge"),
    [
        ("about", "about"), ("approximately", "about"), ("around", "about"), ("some", "about"),
        ("roughly", "about"), ("estimated", "about"), ("an estimated", "about"),
        ("circa", "about"), ("nearly", "nearly"), ("almost", "nearly"),
        ("at least", "at least"), ("more than", "more than"), ("over", "more than"),
        ("up to", "up to"), ("as many as", "up to"), ("at most", "up to"),
        ("less than", "less than"), ("fewer than", "less than"), ("", None),
    ],
)  # fmt: skip
def test_every_hedge_is_kept(quantities, words, hedge):
    text = f"Inspectors counted {words} 250 damaged houses after the storm."
    q = one(quantities(" ".join(text.split())), 250)
    assert q.hedge == hedge
    assert q.text.startswith(words.split(" ")[0] if words else "250")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Profits jumped to $1.13bn for the quarter.", 1_130_000_000, "USD"),
        ("Its earnings were 77m euros (£53m; $100m), up from last year.", 77_000_000, "EUR"),
        ("The brewer will pay 481.42m yuan for the stake.", 481_420_000, "CNY"),
        ("The bank holds assets of about 189 trillion yen.", 189_000_000_000_000, "JPY"),
        ("The council spent £600m on the bridge.", 600_000_000, "GBP"),
    ],
)
def test_glued_scales_and_more_currencies(quantities, text, value, unit):
    q = one(quantities(text), value)
    assert q.unit == unit


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Glazer values the club at £800m.", 800_000_000),
        ("The fund paid £3m. Then it sold the stake for more.", 3_000_000),
        ("The grant was worth £50k.", 50_000),
    ],
)
def test_a_scale_letter_before_a_full_stop_is_a_scale(quantities, text, value):
    assert one(quantities(text), value).unit == "GBP"


def test_a_scale_letter_before_a_full_stop_ends_the_sentence():
    from storyline.nlp import parse

    doc = parse("The fund paid £3m. Then it sold the stake. Talks began at 9 a.m. on Monday.")
    assert [s.text for s in doc.sents][:2] == ["The fund paid £3m.", "Then it sold the stake."]
    assert "a.m." in [t.text for t in doc]


def test_conversions_clock_times_and_metres_are_not_sums(quantities):
    qs = quantities(
        "Its earnings were 77m euros (£53m; $100m). Shares rose 4% by 1200 GMT. "
        "She won the 100m sprint in Lisbon."
    )
    assert [q.value for q in qs] == [77_000_000, 4]


@pytest.mark.parametrize(
    ("text", "value", "attribute"),
    [
        ("Operating profit for the year was £12.5m, the group said.", 12_500_000, "profit"),
        ("Regulators fined the lender 4m euros for the breach.", 4_000_000, "fine"),
        ("Its $17m profit was a record.", 17_000_000, "profit"),
    ],
)
def test_what_a_sum_is_after_a_copula_a_fine_or_a_glued_scale(quantities, text, value, attribute):
    assert one(quantities(text), value).attribute == attribute


@pytest.mark.parametrize(
    "text",
    [
        "Almost one in six cars sold by the group was a hatchback.",
        "Only eight people per thousand own a car.",
        "Almost four times as many bikes were built last year.",
        "Ferries account for six out of every 10 crossings.",
    ],
)
def test_ratios_and_multiples_are_not_counts(quantities, text):
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "hedge"),
    [
        ("The group had invested some £280m in the plant.", 280_000_000, "about"),
        ("Buyers pay almost £11,500 for the base model.", 11_500, "nearly"),
        ("Rich nations spend more than $300bn on subsidies.", 300_000_000_000, "more than"),
        ("The convertible costs up to £15,690.", 15_690, "up to"),
    ],
)
def test_a_hedge_before_the_currency_sign(quantities, text, value, hedge):
    q = one(quantities(text), value)
    assert q.hedge == hedge and q.text.split(" ")[0].lower() in text.lower()


def test_scaled_decimals_come_out_whole(quantities):
    q = one(quantities("Workers abroad sent a record $16.6bn home last year."), 16_600_000_000)
    assert q.value == 16_600_000_000 and isinstance(q.value, int)


@pytest.mark.parametrize(
    "text",
    [
        "Kessport Air will retire its Corvane 900 freighters next year.",  # a name, then a model
        "Owners of the Brightphone 4 complained about the antenna.",
        "The carrier flies the Corvane A330-200 on the route.",  # a code, a hyphen, a number
        "Harbour Ledger is now the No. 1 seller of maps in the region.",
        "The shipyard filed for Chapter 11 protection from its creditors.",
    ],
)
def test_a_model_or_rank_is_no_count(quantities, text):
    assert quantities(text) == []


def test_a_count_after_a_place_or_a_currency_code_stays(quantities):
    qs = quantities("In Kenya 20 people died, and the state paid AU$ 52.5 million to families.")
    assert one(qs, 20).unit == "dead"
    assert one(qs, 52_500_000).unit == "money"


def test_the_count_before_a_model_name_finds_its_noun(quantities):
    qs = quantities("The ministry will lease 14 new Corvane A330-200 passenger airliners.")
    assert [(q.value, q.noun) for q in qs] == [(14, "new Corvane A330 - 200 passenger airliners")]


def test_a_partitive_counts_the_noun_after_of(quantities):
    qs = quantities("Brightwater will also buy 20 of the larger Kessport ferries next year.")
    assert (one(qs, 20).value, one(qs, 20).unit) == (20, "ferry")


def test_a_sum_in_brackets_after_a_name_is_no_conversion(quantities):
    qs = quantities("The largest failures were Tolven Brothers ($691 billion) and Kessport Bank.")
    assert one(qs, 691_000_000_000).unit == "USD"
    conversion = quantities("The port lost 77m euros (£53m) last year.")
    assert [q.value for q in conversion] == [77_000_000]
    scaled = quantities("He is accused of overseeing an $11bn (£5.8bn) fraud at Tolven.")
    assert [q.value for q in scaled] == [11_000_000_000]


@pytest.mark.parametrize(
    ("text", "low", "value", "hedge"),
    [
        ("Tolven Motors said 25,000 to 30,000 positions will go.", 25_000, 30_000, None),
        ("About 20-30 people were injured in Orvale.", 20, 30, "about"),
        ("Kessport will give between $12 million and $20 million to the fund.", 12e6, 20e6, None),
        ("The cuts make up 20 to 25 percent of its staff.", 20, 25, None),
        ("Between 20 and 30 people were killed in the floods in Orvale.", 20, 30, None),
    ],
)
def test_a_range_keeps_both_bounds(quantities, text, low, value, hedge):
    (q,) = quantities(text)
    assert (q.low, q.value, q.hedge) == (low, value, hedge)


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment in Orvale rose from 5 to 7 percent last year.",  # a change
        "Kessport won 2-1 at home.",  # a score, not ascending
    ],
)
def test_a_change_or_a_score_is_no_range(quantities, text):
    assert all(q.low is None for q in quantities(text))


@pytest.mark.parametrize(
    ("text", "low", "value"),
    [
        ("Building the Kessport dam costs $5 to $10 million.", 5e6, 10e6),
        ("Tolven Motors will cut 5 to 10 thousand jobs.", 5_000, 10_000),
    ],
)
def test_a_bare_lower_bound_takes_the_scale_of_the_upper_one(quantities, text, low, value):
    (q,) = quantities(text)
    assert (q.low, q.value) == (low, value)


@pytest.mark.parametrize(
    "text",
    [
        "Kessport Air flies Corvane 737-800 jets on the route.",  # a model, then its variant
        "On 3 March officials said the Kessport dam held.",  # a day, then a plural noun
    ],
)
def test_no_range_or_count_from_a_model_or_a_day(quantities, text):
    assert quantities(text) == []


def test_a_partitive_names_the_noun_without_of_the(quantities):
    qs = quantities("Two of the Kessport engines failed on Monday.")
    assert (one(qs, 2).noun, one(qs, 2).unit) == ("Kessport engines", "engine")


def test_a_counted_name_keeps_its_s_and_a_common_noun_gets_its_plural() -> None:
    from types import SimpleNamespace

    from storyline.quantities import _plural

    def token(word: str, pos: str, tag: str = "NNP") -> SimpleNamespace:
        return SimpleNamespace(lower_=word.lower(), pos_=pos, tag_=tag)

    assert _plural(token("Henman", "PROPN")) == "henmans"  # a name, not "henmen"
    assert _plural(token("Church", "PROPN")) == "churches"  # a noun the model called a name
    assert _plural(token("policeman", "NOUN", "NN")) == "policemen"
    assert _plural(token("soldiers", "NOUN", "NNS")) == "soldiers"
