"""Quantities in news the rules were not written for (BBC full text, session 11): numbers
inside names, ages, ranks, fractions, animals, sums named by an empty verb, holders."""

from __future__ import annotations


def values(qs) -> list[float]:
    return [q.value for q in qs]


def test_a_number_inside_a_name_is_no_count(quantities):
    # the model tags "10 Downing Street" a name whole; the others are capitalised words
    assert values(quantities('Mr Palmer said: "I walked into 10 Downing Street."')) == []
    assert values(quantities("The prize went to Ann Loy for One Flew Over the Moon.")) == []
    assert values(quantities("The award went to Ted Marsh for Million Dollar Baby.")) == []
    assert values(quantities("Hopefuls are The Pilot, Million Dollar Baby and Ways.")) == []


def test_titles_stage_names_and_local_clock_times_are_no_counts(quantities):
    assert values(quantities("Mara Quell starred in 21 Grams and in Velvet Road last year.")) == []
    assert values(quantities("The rapper 50 Cent used the song in his show, his label said.")) == []
    assert values(quantities("A bomb was due to explode at 2100 local time, police said.")) == []
    # a name before the counted noun leaves the count alone
    assert values(quantities("Two Quorra engineers and 3 Apple executives left.")) == [2, 3]
    assert values(quantities("The airline agreed to buy 60 Boeing 787 Dreamliner aircraft.")) == [
        60
    ]
    assert values(quantities("Twelve Democrats and 20 Chinese tourists arrived.")) == [12, 20]


def test_ages_and_ranks_are_no_counts(quantities):
    assert values(quantities("The book won in the category for six- to eight-year-olds.")) == []
    assert values(quantities("A new wage was set for 16 to 17-year-olds last year.")) == []
    assert values(quantities("Her novel won the under-five category.")) == []
    assert values(quantities("The first three chapters were rewritten.")) == []


def test_one_thing_in_three_is_a_ratio(quantities):
    qs = quantities("He said one household in three will rent by then.")
    assert [q for q in qs if q.unit == "household"] == []


def test_a_fraction_of_a_million(quantities):
    [q] = quantities("It is thought that nearly half a million children skip school.")
    assert (q.value, q.hedge) == (500_000, "nearly")
    [q] = quantities("Plans forecast a quarter of a million students joining.")
    assert q.value == 250_000
    qs = quantities("About three quarters of a million people voted.")
    assert values(qs) == [750_000] and qs[0].hedge == "about"


def test_bodies_of_an_organisation_and_children_of_the_dead_are_no_toll(quantities):
    [q] = quantities("The firm has deals with 20 other national sports bodies.")
    assert q.unit != "dead"
    [q] = quantities("Police recovered 30 bodies from the river.")
    assert q.unit == "dead"
    qs = quantities("He died in his sleep, after dinner with his wife and two of his six sons.")
    assert all(q.unit != "dead" for q in qs)
    [q] = quantities("The bombs which killed seven people went off in 1974.")
    assert q.unit == "dead"


def test_animals_killed_are_no_toll_of_people(quantities):
    qs = quantities("Hunts met on Saturday, killing a total of 91 foxes.")
    assert [(q.value, q.unit) for q in qs] == [(91, "fox")]


def test_a_sum_is_named_by_what_it_is_in_not_by_an_empty_verb(quantities):
    qs = quantities("The party would cut £35bn in wasteful spending to allow £4bn in tax cuts.")
    assert [(q.value, q.attribute) for q in qs] == [
        (35_000_000_000, "spending cuts"),
        (4_000_000_000, "tax cuts"),
    ]
    [q] = quantities("The Greens have promised £2bn in tax cuts.")
    assert (q.subject, q.attribute) == ("Greens", "tax cuts promised")
    [q] = quantities("Critics said the plans would mean some £50bn for the regions.")
    assert q.attribute == "amount"  # says nothing: the facts drop it
    [q] = quantities("The painting could fetch up to £9m at auction.")
    assert q.attribute == "sale price"
    [q] = quantities("He said the move would save £6m a year.")
    assert q.attribute == "savings per year"
    [q] = quantities("The ministry revoked $1bn worth of contracts.")
    assert q.attribute == "contracts"
    [q] = quantities("Fiat is to get 1bn euros immediately.")
    assert q.attribute == "sum received"
    [q] = quantities("She is claiming more than $20bn (£11bn) in damages.")
    assert q.attribute == "damages claimed"


def test_no_holder_across_a_participle_clause(quantities):
    [q] = quantities("Chosen by more than 11,000 readers, the Costa Awards named Lee best author.")
    assert q.subject is None
    [q] = quantities("Labour will need to increase taxes to cover an £11bn gap in its plans.")
    assert q.subject == "Labour"  # "to cover" is the subject's purpose: still Labour's
    [q] = quantities("Velmar Holdings is standing trial, accused of overseeing a $2bn fraud.")
    assert q.subject == "Velmar Holdings"


def test_participles_of_choose_and_submit(quantities):
    [q] = quantities("The panel instead chose five little-known books.")
    assert q.attribute == "books chosen"


def test_bbc_politics_session_18(quantities):
    # a day before a month's name is a date, "May" included
    assert quantities("The election, widely tipped for 5 May, will be close.") == []
    # the sum before a possessed noun is the possessed thing's
    salary = quantities("He lost his £71,433 minister's salary.")
    assert [(q.value, q.attribute) for q in salary] == [(71_433, "salary")]
    # an adjective the model took for the counted noun, the noun split off by a hyphen
    assert quantities("Look at the four previous parliamentary by-elections.") == []
    # a singular noun in front of the plural one the number counts
    tenants = quantities(
        "Labour will allow 300,000 council and housing association tenants to buy."
    )
    assert [(q.value, q.unit) for q in tenants] == [(300_000, "tenant")]
    governors = quantities("The 50 state governors met on Monday.")
    assert [(q.value, q.unit) for q in governors] == [(50, "governor")]


def test_a_count_the_model_tags_money_is_a_count(quantities):
    served = quantities("The network served 15 billion WAP page impressions last year.")
    assert [(q.value, q.unit) for q in served] == [(15_000_000_000, "impression")]
    riyals = quantities("A ticket costs 200 riyals.")
    assert [(q.value, q.unit) for q in riyals] == [(200, "money")]


def test_a_sum_described_by_its_currency_alone_is_no_fact(facts_of):
    facts = facts_of(
        "Excluding special items, Ebbon's profit was 33 cents a share.",
        "Shares in Westjet fell 65 cents to $14.35 as analysts voiced disappointment.",
    )
    assert not [f for f in facts if f.status == "conflicting"]
    assert not [f for f in facts if f.attribute == "cents"]


def test_numbers_the_audit_of_session_18_misread(quantities):
    # a number written in words and split by the tokenizer at its hyphen
    bid = quantities("Thirty-five contenders have bid for the licence.")
    assert [(q.value, q.unit) for q in bid] == [(35, "contender")]
    hurt = quantities("About twenty-two people were hurt in the fire.")
    assert [(q.value, q.hedge) for q in hurt] == [(22, "about")]
    # a number word after digits is another number: "Three" begins the dam's name
    dam = quantities("China is building the $22bn Three Gorges Dam.")
    assert [(q.value, q.unit) for q in dam] == [(22_000_000_000, "USD")]
    # measurements, models and years are no counts
    assert quantities("The firm will build a 4,200 MW power plant.") == []
    assert quantities("It makes 14 and 15 inch screens.") == []
    assert quantities("Commodore 64 enthusiasts met in London.") == []
    assert quantities("The coin dates from 190 A.D. and was found in a field.") == []
    # counts at the start of a sentence still count
    assert [(q.value, q.unit) for q in quantities("Officials sent 300 troops.")] == [
        (300, "troops")
    ]


def test_a_count_per_span_of_time_keeps_its_rate_after_the_verb(quantities):
    hiv = quantities("About 14,000 people contract HIV/Aids every day in Africa.")
    assert [(q.value, q.attribute) for q in hiv] == [(14_000, "people contract per day")]
    films = quantities("About 500,000 films are downloaded a day.")
    assert [q.attribute for q in films] == ["films downloaded per day"]
    home = quantities("The charity gave 30 people a home.")  # a home is no span of time
    assert [q.attribute for q in home] == ["people"]
