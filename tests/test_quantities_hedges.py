"""Hedges and spellings of figures in BBC full text (session 11, second round): "per
cent" in two words, "no less than", "just under", and "several hundred"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Druids make up about two per cent of the Vale population.",
        "Output at Orme Mills rose 5 per cent last year.",
    ],
)
def test_per_cent_in_two_words_is_a_percentage(quantities, text):
    [q] = quantities(text)
    assert q.unit == "%" and "cent" not in q.attribute


def test_a_lead_of_so_many_per_cent_is_named_by_the_lead(quantities):
    [q] = quantities("The Greens have a 5 per cent lead in the polls.")
    assert (q.value, q.unit, q.attribute) == (5, "%", "lead had")


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("This box set contains no less than 34 films.", "at least"),
        ("The Orme party secured just under 6,000 votes.", "nearly"),
        ("The Orme party secured just over 6,000 votes.", "more than"),
        ("No more than 40 guests attended the wedding.", "up to"),
    ],
)
def test_hedges_of_several_words(quantities, text, hedge):
    [q] = quantities(text)
    assert q.hedge == hedge


@pytest.mark.parametrize(
    "text", ["The flood is affecting several hundred homes.", "A few thousand fans came."]
)
def test_a_scale_word_with_no_figure_is_no_count(quantities, text):
    assert quantities(text) == []


def test_hedges_before_an_article_and_in_three_words(quantities) -> None:
    def read(text: str) -> list[tuple[float, str | None]]:
        return [(q.value, q.hedge) for q in quantities(text)]

    assert read("CCTV claims an audience of more than a billion people.") == [
        (1_000_000_000, "more than")
    ]
    assert read("There are in excess of 200 domain names.") == [(200, "more than")]
    assert read("It sold upwards of 3,000 cars.") == [(3000, "more than")]
    assert read("A million people marched.") == [(1_000_000, None)]
