"""Dated claims with "until" (BBC full text, session 11): the tagger reads "until 2006" as
"by 2006"; after "continue" the date is the end, and after a negation the earliest."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def claims_of():
    from storyline.nlp import analyse_text, load_pipeline
    from tests.test_facts import tagger

    load_pipeline()
    tag = tagger()

    def run(text: str):
        return analyse_text(text, tag(text, "2005-03-01")).claims

    return run


def test_not_until_a_year_is_that_year_or_later(claims_of):
    [claim] = claims_of("The Vela console will not launch until 2006.")
    assert (claim.predicate, claim.value, claim.mod) == ("begin", "2006", "ON_OR_AFTER")
    [claim] = claims_of("The Vela console is not expected to launch until 2006.")
    assert claim.mod == "ON_OR_AFTER"


def test_continuing_until_a_year_ends_in_it(claims_of):
    [claim] = claims_of("The Orme fixture continued until 1989.")
    assert (claim.predicate, claim.value, claim.mod) == ("continue-until", "1989", None)


def test_by_a_year_is_still_on_or_before(claims_of):
    [claim] = claims_of("The Vela console will launch by 2006.")
    assert claim.mod == "ON_OR_BEFORE"
