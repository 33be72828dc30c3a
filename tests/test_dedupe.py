"""Exact and near-duplicate detection (storyline.dedupe)."""

from __future__ import annotations

import pickle
import random

import numpy as np
import pytest
from datasketch import MinHash

from storyline import dedupe_arrays
from storyline.dedupe import (
    DuplicateIndex,
    _containment,
    find_duplicates,
    normalise,
    shingle_hashes,
    shingles,
    signature,
    sorted_containment,
)
from storyline.dedupe_arrays import Multimap
from tests.conftest import SEEDS, SHARED, need

WIRE = (
    "Heavy rain swept across the northern valley on Tuesday, forcing the evacuation of "
    "nearly four thousand residents from low lying villages along the river. Emergency "
    "crews used boats to reach families trapped on rooftops, and the regional governor "
    "declared a state of emergency late in the evening. Meteorologists said the storm had "
    "dropped more rain in two days than the area normally receives in a month. Several "
    "bridges were closed after the water rose above warning levels, and the main railway "
    "line to the coast was suspended until engineers could inspect the embankments. "
    "Schools in the district will remain shut for the rest of the week, officials said. "
    "Farmers warned that the harvest of maize and beans could be badly damaged, while aid "
    "groups appealed for blankets, clean water and temporary shelter for the displaced. "
    "The national weather service expects the rain to ease by Friday but cautioned that "
    "rivers downstream may keep rising for several days as water drains from the hills."
)


def test_normalise_collapses_case_space_and_punctuation() -> None:
    assert normalise("  The  Flood, it ROSE!\n\nAgain... ") == "the flood it rose again"


def test_exact_copy_with_other_spacing_and_case() -> None:
    index = DuplicateIndex()
    assert index.add("a", WIRE) is None
    assert index.add("b", "  " + WIRE.upper().replace(". ", ".\n\n")) == "a"


def test_syndicated_copy_with_changed_header_and_footer() -> None:
    body = WIRE.split(". ")
    reprint = (
        "LOCAL NEWS | Updated 10:42 | Share this story\n"
        + ". ".join(body[1:])  # the first sentence dropped
        + "\nThis report was supplied by a news agency. Follow us for more weather updates "
        "and subscribe to our newsletter for daily headlines."
    )
    index = DuplicateIndex()
    index.add("wire", WIRE)
    assert index.add("reprint", reprint) == "wire"


def test_reprint_with_an_extra_paragraph_is_contained_copy() -> None:
    extra = (
        " In a separate development, the city council met to discuss the new budget for "
        "parks, libraries and road repairs, with a vote expected next month after a round "
        "of public consultations in every ward of the city and its suburbs."
    )
    assert find_duplicates([("wire", WIRE), ("longer", WIRE + extra * 2)]) == {"longer": "wire"}


def test_a_page_with_the_article_and_pages_of_comments_is_a_copy() -> None:
    """The article whole, then readers' comments 1.8 times its length: Jaccard about .35, under
    the 0.4 the candidates used to be fetched at, containment 1."""
    rng = random.Random(11)
    words = [f"reader{n}" for n in range(400)]
    comments = " ".join(rng.choice(words) for _ in range(len(WIRE.split()) * 9 // 5))
    with_comments = WIRE + " Your comments: " + comments
    assert find_duplicates([("wire", WIRE), ("page", with_comments)]) == {"page": "wire"}


def test_lightly_edited_copy() -> None:
    edited = (
        WIRE.replace("Tuesday", "Wednesday")
        .replace("nearly four thousand", "almost 4,000")
        .replace("Meteorologists said", "Forecasters said")
    )
    assert find_duplicates([("orig", WIRE), ("edit", edited)]) == {"edit": "orig"}


def test_rewritten_story_is_not_a_copy() -> None:
    rewrite = (
        "Thousands of people fled their homes after a river burst its banks in the north, "
        "where two days of torrential downpours flooded villages. Rescuers in boats pulled "
        "residents from roofs. The governor announced emergency measures overnight, rail "
        "services to the coast stopped and schools closed. Aid agencies asked for shelter, "
        "blankets and drinking water, and farmers fear for their crops of maize and beans."
    )
    assert find_duplicates([("a", WIRE), ("b", rewrite)]) == {}


def test_copy_of_a_copy_points_at_the_root_and_is_deterministic() -> None:
    first = WIRE + " Residents were told to boil drinking water until further notice."
    second = WIRE.replace("Tuesday", "Monday")
    items = [("root", first), ("copy1", WIRE), ("copy2", second), ("other", "Unrelated.")]
    result = find_duplicates(items)
    assert result == {"copy1": "root", "copy2": "root"}
    assert find_duplicates(items) == result
    reversed_result = find_duplicates(items[::-1])
    assert set(reversed_result.values()) == {"copy2"}


def test_empty_and_short_texts() -> None:
    index = DuplicateIndex()
    assert index.add("e1", "") is None
    assert index.add("e2", "   \n ") is None
    assert "e1" not in index
    assert index.add("s1", "Markets closed higher on Monday.") is None
    assert index.add("s2", "markets closed higher on monday") == "s1"
    # short texts only match exactly, never by shingle overlap
    assert index.add("s3", "Markets closed higher on Tuesday.") is None


def test_adding_the_same_id_twice_keeps_the_first_answer() -> None:
    index = DuplicateIndex()
    index.add("a", WIRE)
    assert index.add("b", WIRE) == "a"
    assert index.add("b", "something else entirely") == "a"
    assert index.add("a", WIRE) is None
    assert len(index) == 2


def test_threshold_is_checked() -> None:
    with pytest.raises(ValueError):
        DuplicateIndex(threshold=0.0)


def test_signature_is_the_one_a_datasketch_minhash_gives() -> None:
    words = normalise(WIRE).split(" ")
    reference = MinHash(num_perm=128, seed=1)
    reference.update_batch(list(shingles(words, 5)))
    ours = signature(shingle_hashes(words, 5), 128)
    assert ours.dtype == np.uint32
    assert ours.tolist() == [int(v) for v in reference.hashvalues]


def test_containment_on_sorted_hashes_matches_the_sets() -> None:
    words = normalise(WIRE).split(" ")
    half = words[: len(words) // 2]
    for a, b in ((words, half), (half, words), (words, words[:10]), (words, words)):
        expected = _containment(frozenset(shingles(a, 5)), frozenset(shingles(b, 5)))
        ha = np.unique(np.array(shingle_hashes(a, 5), dtype=np.uint32))
        hb = np.unique(np.array(shingle_hashes(b, 5), dtype=np.uint32))
        assert sorted_containment(ha, hb) == expected


def test_multimap_across_its_buffer_and_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedupe_arrays, "BUFFER", 3)
    table = Multimap()
    for value in range(40):
        table.add([value % 7, 100 + value], value)
    assert len(table) == 80
    assert table.find([3]) == {v for v in range(40) if v % 7 == 3}
    assert table.find([105, 139, 999]) == {5, 39}
    assert table.first(2) == 2 and table.first(999) is None
    back = pickle.loads(pickle.dumps(table, protocol=5))
    assert back.find([3, 105]) == table.find([3, 105]) and len(back) == 80
    back.add([3], 77)
    assert 77 in back.find([3]) and 77 not in table.find([3])


def test_a_pickled_index_answers_like_the_original() -> None:
    items = [
        ("orig", WIRE),
        ("short", "Markets closed higher on Monday."),
        ("edit", WIRE.replace("Tuesday", "Wednesday")),
    ]
    index = DuplicateIndex()
    for key, text in items:
        index.add(key, text)
    back = pickle.loads(pickle.dumps(index, protocol=5))
    assert len(back) == 3 and "edit" in back and back.root_of("edit") == "orig"
    # the pickle keeps no shingles: the candidates' texts are read again, here from ``items``
    back.texts = lambda ids: {key: text for key, text in items if key in ids}
    later = [
        ("again", WIRE.upper()),
        ("short2", "markets closed higher on monday"),
        ("new", "x " * 30),
        ("reprint", WIRE.replace("Tuesday", "Thursday") + " Reporting by a stringer."),
    ]
    for key, text in later:
        assert back.add(key, text) == index.add(key, text)
    assert index.root_of("reprint") == "orig"  # a near copy: found through a loaded row
    assert back.add("edit", "") == "orig"


def test_a_loaded_index_without_its_texts_says_so() -> None:
    index = DuplicateIndex()
    index.add("orig", WIRE)
    back = pickle.loads(pickle.dumps(index, protocol=5))
    with pytest.raises(RuntimeError, match="needs .texts"):
        back.add("edit", WIRE.replace("Tuesday", "Wednesday"))
    back.texts = lambda ids: {}  # the store lost the article
    with pytest.raises(LookupError, match="orig"):
        back.add("edit", WIRE.replace("Tuesday", "Wednesday"))


def test_two_outlets_on_the_same_announcement_are_not_duplicates() -> None:
    need(SEEDS)
    first = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    second = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    assert find_duplicates([("000", first), ("002", second)]) == {}
    assert find_duplicates([("000", first), ("000-again", first)]) == {"000-again": "000"}


@pytest.mark.slow
def test_bbc_exact_duplicate_pairs_are_found_and_no_false_duplicates() -> None:
    """BBC full text: the 98 byte-identical pairs are all found, and every other pair found
    really shares at least the threshold of its five-word shingles (Jaccard or containment,
    computed exactly, not estimated): no false duplicates."""
    root = need(SHARED / "data" / "bbc-fulltext")
    items = [
        (f"{p.parent.name}/{p.stem}", p.read_text(encoding="latin-1"))
        for p in sorted(root.glob("*/*.txt"))
    ]
    assert len(items) == 2225
    copies = find_duplicates(items)
    texts = dict(items)
    by_text: dict[str, list[str]] = {}
    for key, text in items:
        by_text.setdefault(text, []).append(key)
    expected = [group for group in by_text.values() if len(group) > 1]
    assert sum(len(g) * (len(g) - 1) // 2 for g in expected) == 98
    root_of = {key: copies.get(key, key) for key, _ in items}
    assert all(len({root_of[k] for k in group}) == 1 for group in expected)
    assert root_of["politics/293"] == "politics/111"  # the article plus its readers' comments

    def grams(key: str) -> frozenset[bytes]:
        return frozenset(shingles(normalise(texts[key]).split(" "), 5))

    for copy, original in copies.items():
        a, b = grams(copy), grams(original)
        similarity = max(len(a & b) / len(a | b), _containment(a, b))
        assert similarity >= 0.8, (copy, original, similarity)


def test_a_pickled_index_keeps_no_signatures_or_shingles() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{n}" for n in range(5000)]
    index = DuplicateIndex()
    for n in range(50):
        index.add(f"t{n}", " ".join(rng.choice(vocabulary) for _ in range(300)))
    held = 50 * (128 * 4 + 296 * 4)  # signatures and shingle hashes, 4 bytes a value
    size = len(pickle.dumps(index, protocol=5))
    assert size < held / 3  # ids, roots, exact and band keys: about 450 bytes a text
