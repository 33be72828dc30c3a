"""Quantities: hedges, units, holders and places from the dependency parse."""

from __future__ import annotations

import pytest

from storyline.entities import extract_mentions
from storyline.quantities import extract_quantities


@pytest.fixture(scope="module")
def quantities():
    from storyline.nlp import load_pipeline

    nlp = load_pipeline()

    def run(text: str):
        doc = nlp(text)
        return extract_quantities(doc, extract_mentions(doc))

    return run


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
