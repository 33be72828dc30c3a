"""The story analysis stays near linear in a story's size: the indexes and pools that
replace all-with-all comparisons give the same answers as the comparisons did."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from storyline import briefing
from storyline.alias_joins import _first_prefix
from storyline.briefing import candidate_sentences, summarise
from storyline.model import Claim
from storyline.names import abbreviates, defined_acronyms, expansions, initial_pairs
from storyline.timeline import CLAIM_OVERLAP, SAME_DATE_OVERLAP, _similar, _Weights
from storyline.timeline_items import Anchor, Item
from storyline.timeline_pairs import candidate_pairs, nested_dates
from tests.test_briefing import sentence_article

TEXTS = [
    "The Bank of England raised rates; the Bank said inflation would fall.",
    "Officials at the Coastal Dockers' Union and the Harbour Works Board met on Monday.",
    "A spokesman for the Tolven River Authority (TRA) declined to comment.",
    "Shares of Brennan-Hale Motors rose. O'Brien Freight Lines carried the goods.",
    "nothing capitalised here at all, only lower-case words.",
]


def test_initial_pairs_reads_two_words_in_a_row_across_a_function_word() -> None:
    pairs = initial_pairs(TEXTS[0])
    assert "BE" in pairs  # Bank of England
    assert {"TR", "RA"} <= initial_pairs(TEXTS[2])  # Tolven River Authority
    assert initial_pairs(TEXTS[4]) == set()


@pytest.mark.parametrize("acronym", ["BE", "CDU", "HWB", "TRA", "BHM", "OFL", "BFL", "HM", "XY"])
def test_expansions_with_the_pair_filter_match_a_full_search(acronym: str) -> None:
    pairs = [initial_pairs(t) for t in TEXTS]
    assert expansions(acronym, TEXTS, pairs) == expansions(acronym, TEXTS)


def test_the_pair_filter_skips_texts_that_cannot_spell_the_acronym() -> None:
    pairs = [initial_pairs(t) for t in TEXTS]
    assert expansions("TRA", TEXTS, pairs) == {"Tolven River Authority": 1}
    assert not expansions("ZQ", TEXTS, pairs)


VOCABULARY = [f"w{n}" for n in range(40)] + ["1.8", "2,500", "crane", "port", "dock"]
PREDICATES = ["form", "end", "announce", "seize", "visit"]
DATES = ["2024", "2024-09", "2024-09-27", "2024-09-28", "2024-10", "2023", "2024-W39"]


ACRONYM_TEXTS = [
    "The Harbour Works Board (HWB) met the Coastal Dockers' Union (CDU) on Monday.",
    "A spokesman for the Tolven River Authority (TRA) said the Authority (TRA) would act.",
    "Officials of theHarbour Works Board (HWB) and of Brightwater Energy Ltd (BEL) agreed.",
    "Nothing (N) here, and a (lower) case (Xy) parenthesis.",
]


def test_defined_acronyms_try_only_names_ending_the_text_before_them() -> None:
    longs = [
        ("Harbour Works Board", "k1"),
        ("Works Board", "k2"),
        ("Coastal Dockers' Union", "k3"),
        ("Tolven River Authority", "k4"),
        ("River Authority", "k5"),
        ("Brightwater Energy Ltd", "k6"),
        ("Energy Ltd", "k7"),
    ]
    brute: dict[str, set[str]] = {}
    for text in ACRONYM_TEXTS:  # every name against every parenthesis, as before the index
        for m in re.finditer(r"\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)", text):
            before = " ".join(text[max(0, m.start() - 120) : m.start()].split())
            for surface, key in longs:
                if before.endswith(surface) and abbreviates(m.group(1), surface):
                    brute.setdefault(m.group(1), set()).add(key)
    assert defined_acronyms(longs, ACRONYM_TEXTS) == brute
    assert brute["HWB"] == {"k1"} and brute["TRA"] == {"k4"} and brute["BEL"] == {"k6"}


def test_first_prefix_is_the_first_listed_key_the_name_starts_with() -> None:
    order = {k: i for i, k in enumerate(["bank of england", "bank", "bank of", "central bank"])}
    for name in ["bank of england museum", "bank of scotland", "bank", "central bank of x"]:
        scan = next((k for k in order if name.startswith(k + " ")), None)
        assert _first_prefix(name, order) == scan
    assert _first_prefix("bank of england museum", order) == "bank of england"


def _random_item(rng: random.Random, n: int) -> Item:
    """An item with random words (common words likelier), date, claim and qualifier."""
    date = rng.choice(DATES)
    words = {rng.choice(VOCABULARY[: rng.choice((5, 15, 45))]) for _ in range(rng.randint(0, 9))}
    local = set(rng.sample(sorted(words), k=len(words) // 2)) | ({"subject"} if n % 7 else set())
    claim = None
    if rng.random() < 0.4:
        claim = Claim("port" if n % 2 else "crane", rng.choice(PREDICATES), date)
    item = Item(
        date,
        f"item {n}",
        rng.choice((None, None, "ON_OR_BEFORE", "END")),
        rng.random() < 0.3,
        Anchor(f"a{n // 3}", n, n + 1, date),  # three items an article
        None,
        words,
        local,
        rng.random() < 0.9,
        claim,
        rng.random() < 0.1,
    )
    return item


@pytest.mark.parametrize("seed", range(6))
def test_candidate_pairs_hold_every_pair_that_is_similar(seed: int) -> None:
    rng = random.Random(seed)
    items = [_random_item(rng, n) for n in range(150)]
    weight = _Weights(items)
    of = weight.of.get
    pairs = set(candidate_pairs(items, lambda w: of(w, 0.0), SAME_DATE_OVERLAP, CLAIM_OVERLAP))
    similar = {
        (i, j)
        for i in range(len(items))
        for j in range(i + 1, len(items))
        if _similar(items[i], items[j], weight)
    }
    assert similar <= pairs
    assert len(pairs) < len(items) * (len(items) - 1) // 2  # and it does leave pairs out
    assert similar, "the random items should give some similar pairs"


def test_a_shared_claim_needs_little_overlap_and_its_pair_is_listed() -> None:
    """Two long sentences stating one claim share two words that other sentences use too:
    their share is below the 0.25 asked of other items, above the 0.08 asked of one claim.
    Only the claim's own lookup can list the pair."""
    rng = random.Random(3)
    items = []
    for n in range(2):
        words = {f"f{n}-{k}" for k in range(12)} | {"coalition", "kurdistan"}  # own words
        claim = Claim("coalition", "seize", "2025-09-27")  # not a lexicon class: no background
        anchor = Anchor(f"a{n}", 0, 1, "2025-09-27")
        item = Item("2025-09-27", f"item {n}", None, False, anchor, None, words, words, True, claim)
        items.append(item)
    items += [_random_item(rng, n) for n in range(2, 60)]
    for other in items[2:6]:  # the shared words are common: they weigh little
        other.words = other.words | {"coalition", "kurdistan"}
    weight = _Weights(items)
    assert _similar(items[0], items[1], weight)
    share = weight.total(items[0].words & items[1].words) / weight.mass(items[0].words)
    assert CLAIM_OVERLAP <= share < SAME_DATE_OVERLAP  # only the claim threshold lets it join
    of = weight.of.get
    pairs = candidate_pairs(items, lambda w: of(w, 0.0), SAME_DATE_OVERLAP, CLAIM_OVERLAP)
    assert (0, 1) in pairs


def test_nested_dates_are_the_dates_that_refine_each_other() -> None:
    nested = nested_dates(DATES)
    assert nested["2024"] == {"2024", "2024-09", "2024-09-27", "2024-09-28", "2024-10", "2024-W39"}
    assert nested["2024-09-27"] == {"2024", "2024-09", "2024-09-27"}
    assert nested["2023"] == {"2023"}


def test_word_weights_sum_the_same_in_any_order() -> None:
    weights = _Weights([])
    weights.of = {"a": 0.1, "b": 0.2, "c": 0.3}
    assert 0.1 + 0.2 + 0.3 != 0.3 + 0.2 + 0.1  # plain sums depend on the order
    assert weights.total(["a", "b", "c"]) == weights.total(["c", "b", "a"])


STORY = [
    sentence_article(
        f"port-{n}",
        f"The Kessport harbour crane number {n} stopped working on Tuesday morning. "
        f"Dock workers at berth {n} waited for engineers from the port authority. "
        "The port authority said the cranes would run again before the weekend. "
        f"Ships queued outside the harbour for {n + 2} hours while the crews waited.",
        "2025-03-04",
    )
    for n in range(12)
]


def test_a_pool_that_ends_up_holding_every_candidate_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    whole = summarise(STORY)  # at most POOL candidates: read whole, no pool
    candidates = candidate_sentences(STORY)
    # one short of the story: the pool is built chunk by chunk; the story's sentences
    # say four things, fewer than the six the summary wants, so every chunk is taken
    monkeypatch.setattr(briefing, "POOL", len(candidates) - 1)
    matrix = briefing.TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [c.text for c in candidates]
    )
    prior = np.arange(len(candidates), dtype=float)
    assert briefing._pool(matrix, prior, 6) == list(range(len(candidates)))
    assert summarise(STORY) == whole


def test_a_big_story_is_summarised_from_its_most_central_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(briefing, "POOL", 6)
    summary = summarise(STORY)
    assert 2 <= len(summary) <= briefing.MAX_SENTENCES
    by_text = {c.text: c.article.id for c in candidate_sentences(STORY)}
    for sentence in summary:
        assert by_text[sentence.text] in sentence.sources  # it cites its own article
    # the shared sentence is said by every article: all twelve are cited for it
    shared = [s for s in summary if s.text.startswith("The port authority said")]
    assert shared and len(shared[0].sources) == len(STORY)
