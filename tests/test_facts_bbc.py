"""Facts in news the rules were not written for (BBC full text, session 11): counts of
one, sums named by an empty verb, and corroboration across wordings."""

from __future__ import annotations

import pytest

from storyline.model import Article


@pytest.fixture(scope="module")
def facts_of():
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts
    from storyline.nlp import analyse_text, load_pipeline
    from tests.test_facts import tagger

    load_pipeline()
    tag = tagger()

    def run(*texts: str):
        arts = []
        for k, text in enumerate(texts):
            art = Article(f"a{k}", f"a{k}", 1, None, text)
            art.analysis = analyse_text(text, tag(text, None))
            arts.append(art)
        return consolidate_facts(arts, resolve_entities(arts))

    return run


def test_a_count_of_one_is_no_fact_even_with_a_holder(facts_of):
    facts = facts_of("Norway chose one colour for its flag and two shades for its coat.")
    assert [f.value for f in facts if f.unit == "colour"] == []
    # a toll of one is kept
    facts = facts_of("One person was killed in the blast in Oslo.")
    assert [f.value for f in facts if f.unit == "dead"] == [1]


def test_a_sum_named_only_by_an_empty_verb_is_dropped(facts_of):
    facts = facts_of("Critics said the plans would mean some £50bn for the regions.")
    assert [f for f in facts if f.unit == "GBP"] == []
