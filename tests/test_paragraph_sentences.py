"""What spaCy's parse gives storyline: sentences end at paragraph breaks, past forms keep
their lemma; and what the corrected sentences of the example corpus showed downstream: the
holder of a sum inside a possessed noun phrase, a purchase's sum joining a price paid, a
claim's subject without the currency of its sum."""

from __future__ import annotations


def _sentences(text: str) -> list[str]:
    from storyline.nlp import analyse_text

    return [text[s:e].strip() for s, e in analyse_text(text, []).sentences]


def test_a_byline_or_dateline_line_is_a_sentence_of_its_own() -> None:
    text = (
        "Northgate Times staff\n"
        "Families evacuated from the Millbrook district will be able to return home in March.\n"
        "September 27 (EUROPA PRESS) -\n"
        "The United States and Iraq announced this Friday that the mission will end."
    )
    assert _sentences(text) == [
        "Northgate Times staff",
        "Families evacuated from the Millbrook district will be able to return home in March.",
        "September 27 (EUROPA PRESS) -",
        "The United States and Iraq announced this Friday that the mission will end.",
    ]


def test_a_paragraph_ending_in_an_abbreviation_does_not_run_into_the_next() -> None:
    text = (
        "Residents heard a loud crack shortly before 11 p.m.\n"
        "The dam, which was built in 1968, is operated by Brightwater."
    )
    assert _sentences(text) == [
        "Residents heard a loud crack shortly before 11 p.m.",
        "The dam, which was built in 1968, is operated by Brightwater.",
    ]


def test_a_closing_quote_stays_with_its_paragraph() -> None:
    text = (
        '"Our first task is to find everyone who is still missing."\n'
        "Kovalenko said rescue teams were still searching. Boats joined the search at dawn."
    )
    assert _sentences(text) == [
        '"Our first task is to find everyone who is still missing."',
        "Kovalenko said rescue teams were still searching.",
        "Boats joined the search at dawn.",
    ]


def test_sentences_inside_a_paragraph_are_still_the_parsers() -> None:
    text = "The vote was held on Monday. It passed by 12 votes. Mr. Ortiz said it was fair."
    assert _sentences(text) == [
        "The vote was held on Monday.",
        "It passed by 12 votes.",
        "Mr. Ortiz said it was fair.",
    ]


def test_a_sum_in_a_possessed_noun_phrase_is_the_possessors(quantities) -> None:
    found = quantities(
        "The Aldmark Competition Office has opened an in-depth investigation into Castmoor "
        "Transit Group's planned 1.8 billion euro purchase of Norland Rail."
    )
    sums = [q for q in found if q.unit == "EUR"]
    assert [(q.value, q.subject, q.attribute) for q in sums] == [
        (1_800_000_000, "Castmoor Transit Group", "purchase")
    ]


def test_the_verbs_subject_still_holds_a_plain_count(quantities) -> None:
    found = quantities("The United States maintains 900 troops in Syria.")
    assert [(q.value, q.subject) for q in found] == [(900, "United States")]


def test_a_takeover_sum_and_a_price_paid_corroborate(facts_of) -> None:
    facts = facts_of(
        "Castmoor Transit Group said on Monday it had agreed to buy Norland Rail for "
        "1.8 billion euros.",
        "The 1.8 billion euro takeover would create the largest rail company in the region.",
        "Regulators opened an investigation into Castmoor Transit Group's planned "
        "1.8 billion euro purchase of Norland Rail.",
        outlets=["Meridian Wire", "Northgate Times", "Tradewind"],
    )
    money = [f for f in facts if f.unit == "EUR"]
    assert [(f.value, f.status, f.independent_sources) for f in money] == [
        (1_800_000_000, "corroborated", 3)
    ]


def test_a_contract_sum_keeps_its_own_noun(quantities) -> None:
    found = quantities("Brightwater signed a 40 million euro contract with the builder.")
    assert [(q.value, q.attribute) for q in found if q.unit == "EUR"] == [(40_000_000, "contract")]


def test_a_partitive_noun_a_few_words_on_is_counted(quantities) -> None:
    found = quantities("Airbus has won an order for up to 60 of its new mid-sized A350 jets.")
    assert [(q.value, q.unit, q.hedge) for q in found] == [(60, "jet", "up to")]


def test_a_claims_subject_leaves_the_currency_out() -> None:
    from storyline.nlp import analyse_text
    from storyline.timex import tag_times

    text = "The 1.8 billion euro takeover, announced on Monday, would join two rail companies."
    claims = analyse_text(text, tag_times(text, "2025-11-12")).claims
    assert [(c.subject, c.value) for c in claims] == [("takeover", "2025-11-10")]


def test_past_forms_keep_the_silent_e_of_their_lemma() -> None:
    from storyline.nlp import parse

    doc = parse("She hoped they fined him, taped it, opened it, tapped it and fixed it.")
    lemmas = {t.lower_: t.lemma_ for t in doc if t.tag_ in {"VBD", "VBN"}}
    assert lemmas == {
        "hoped": "hope",  # the model says "hop"
        "fined": "fine",  # "fin"
        "taped": "tape",  # "tap"
        "opened": "open",  # two syllables: no doubling expected
        "tapped": "tap",  # doubled: the stem is "tap"
        "fixed": "fix",  # "x" never doubles
    }
