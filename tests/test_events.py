"""Events formed inside a storyline (storyline.events)."""

from __future__ import annotations

import math
import random
from dataclasses import replace

from storyline.events import (
    cross_similarity,
    form_events,
    group,
    lead_end,
    named_months,
    publication_order,
    similarity_matrix,
)
from storyline.model import Analysis, Article, PublishedDate
from storyline.story_features import Doc, features
from storyline.timex import tag_times


def make(aid: str, text: str, day: str | None = None, *, inferred: bool = False) -> Article:
    evidence = "content" if inferred else "metadata" if day else "unknown"
    published = PublishedDate(day, evidence, 0.3 if inferred else 1.0, inferred=inferred)
    return Article(aid, f"{aid}.txt", 1, None, text, published=published, language="en")


# One storyline (fires in a national park), two happenings: a spring fire near Lake Orla
# that firefighter Tomas Brenner's crew fought, an autumn fire in the Vell gorge.
SPRING = [
    make(
        "orla-1",
        "A forest fire broke out near Lake Orla in the national park. Firefighters led by "
        "Tomas Brenner fought the blaze through the night and campers were evacuated from "
        "the lakeshore.",
        "2025-04-03",
    ),
    make(
        "orla-2",
        "The Lake Orla fire was contained on Friday, Tomas Brenner said; his crews will stay "
        "at the lakeshore to watch for embers. The evacuated campers may return next week.",
        "2025-04-05",
    ),
    make(
        "orla-3",
        "Campers evacuated from Lake Orla described the fire's glow over the water. "
        "Brenner's firefighters saved the lakeshore cabins, park rangers said.",
        "2025-04-04",
    ),
]
AUTUMN = [
    make(
        "vell-1",
        "Fire swept through the Vell gorge in the national park, where strong winds pushed "
        "the flames up the cliffs. Helicopters dropped water on the gorge and hikers were "
        "airlifted out.",
        "2025-10-12",
    ),
    make(
        "vell-2",
        "Helicopters kept dropping water on the Vell gorge fire as winds eased; the hikers "
        "airlifted on Sunday are safe, park rangers said, and the cliffs trail stays shut.",
        "2025-10-13",
    ),
]


def partition(events: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for aid, event in events.items():
        groups.setdefault(event, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


def test_two_happenings_of_one_storyline_are_two_events() -> None:
    events = form_events(SPRING + AUTUMN)
    assert partition(events) == {
        frozenset({"orla-1", "orla-2", "orla-3"}),
        frozenset({"vell-1", "vell-2"}),
    }
    # the id is that of the first member in publication order
    assert events["orla-2"] == "e-orla-1" and events["vell-2"] == "e-vell-1"


def test_the_order_of_arrival_does_not_matter() -> None:
    expected = form_events(SPRING + AUTUMN)
    for seed in range(5):
        shuffled = SPRING + AUTUMN
        random.Random(seed).shuffle(shuffled)
        assert form_events(shuffled) == expected


def test_an_undated_article_that_names_the_happening_joins_it() -> None:
    undated = make(
        "orla-undated",
        "Firefighters led by Tomas Brenner fought the Lake Orla fire through the night; "
        "campers were evacuated from the lakeshore and Brenner's crews saved the cabins.",
    )
    events = form_events([*SPRING, *AUTUMN, undated])
    assert events["orla-undated"] == "e-orla-1"


def test_an_undated_article_with_little_in_common_stays_alone() -> None:
    # same park, same kind of story, but none of either fire's particulars
    vague = make(
        "park-undated",
        "The national park's rangers warned that fire risk stays high this year and asked "
        "visitors to use the marked grills only.",
    )
    events = form_events([*SPRING, *AUTUMN, vague])
    assert events["park-undated"] == "e-park-undated"


def test_members_dated_to_the_day_far_apart_never_share_an_event() -> None:
    # the same text a month later is another happening (a second fire at the lake)
    later = replace(SPRING[0], id="orla-again", published=PublishedDate("2025-05-20", "url", 0.8))
    events = form_events([*SPRING, later])
    assert events["orla-again"] != events["orla-1"]
    assert similarity_matrix([features(SPRING[0]), features(later)])[0][1] == -1.0


def test_an_estimated_date_neither_forbids_nor_supports() -> None:
    # content estimates are often the month of an earlier event the text mentions
    guessed = replace(
        SPRING[1],
        id="orla-guessed",
        published=PublishedDate("2024-11", "content", 0.3, inferred=True),
    )
    assert similarity_matrix([features(guessed), features(SPRING[0])])[0][1] > 0
    events = form_events([*SPRING, guessed])
    assert len(set(events.values())) == 1


def test_copies_follow_their_original() -> None:
    copy = replace(AUTUMN[0], id="vell-copy", duplicate_of="vell-1")
    events = form_events([*SPRING, *AUTUMN, copy])
    assert events["vell-copy"] == events["vell-1"] == "e-vell-1"


def test_members_outside_the_window_keep_their_event() -> None:
    old = replace(SPRING[0], event="e-kept")
    events = form_events([old, *SPRING[1:], *AUTUMN], window=4)
    assert events["orla-1"] == "e-kept"  # the oldest member, outside the newest 4
    assert events["vell-1"] == events["vell-2"]


def test_a_straggler_joins_a_group_never_another_straggler() -> None:
    sims = [
        [1.0, 0.5, 0.05, 0.05],
        [0.5, 1.0, 0.05, 0.05],
        [0.05, 0.05, 1.0, 0.06],
        [0.05, 0.05, 0.06, 1.0],
    ]
    # rows 2 and 3 stay apart at the cut (0.06 < 0.08); each joins the group {0, 1}
    assert group(sims, cut=0.08, attach=0.04) == [group(sims)[0]] * 4
    # with attachment off they stay alone, and they never attach to each other
    labels = group(sims, cut=0.08, attach=1.0)
    assert labels[0] == labels[1] and len({labels[0], labels[2], labels[3]}) == 3
    undated = group(sims, cut=0.08, attach=0.04, may_attach=[True, True, False, True])
    assert undated[3] == undated[0] and undated[2] not in (undated[0], undated[3])


def test_a_straggler_as_close_to_two_groups_joins_the_first() -> None:
    sims = [
        [1.0, 0.5, 0.0, 0.0, 0.05],
        [0.5, 1.0, 0.0, 0.0, 0.05],
        [0.0, 0.0, 1.0, 0.5, 0.05],
        [0.0, 0.0, 0.5, 1.0, 0.05],
        [0.05, 0.05, 0.05, 0.05, 1.0],
    ]
    labels = group(sims, cut=0.08, attach=0.04)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]
    assert labels[4] == min(labels[0], labels[2])


def test_similarities_are_cosines_of_bags_weighted_by_idf_within_the_rows() -> None:
    bags = [
        {"strike": 0.8, "port": 0.6},
        {"strike": 0.6, "dock": 0.8},
        {"port": 0.5, "dock": 0.5, "union": math.sqrt(0.5)},
        {},
    ]
    docs = [Doc(bag, {}, None, "en") for bag in bags]
    # IDF over the four rows (the empty one counts): log((n + 1) / (df + 1)) + 1
    terms = {t for b in bags for t in b}
    idf = {t: math.log(5 / (sum(t in b for b in bags) + 1)) + 1.0 for t in terms}
    weighted = [{t: w * idf[t] for t, w in b.items()} for b in bags]
    norms = [math.sqrt(sum(v * v for v in b.values())) for b in weighted]
    unit = [{t: w / norm for t, w in b.items()} for b, norm in zip(weighted, norms, strict=True)]
    sims = similarity_matrix(docs)
    for i in range(3):
        for j in range(3):
            expected = 1.0 if i == j else sum(w * unit[j].get(t, 0.0) for t, w in unit[i].items())
            assert math.isclose(sims[i][j], expected, abs_tol=1e-12)
    assert sims[0][3] == 0.0 and sims[3][3] == 1.0
    assert (similarity_matrix(docs) == sims).all()  # the docs' arrays, made once, give the same


def test_cross_similarity_is_the_block_across_two_groups_dates_aside() -> None:
    docs = [features(a) for a in SPRING + AUTUMN]
    undated = [replace(d, when=None) for d in docs]
    full = similarity_matrix(undated)
    k = len(SPRING)
    assert (cross_similarity(docs[:k], docs[k:]) == full[:k, k:]).all()
    assert cross_similarity(docs[:1], docs[1:2]).shape == (1, 1)


def test_publication_order_puts_undated_last() -> None:
    dated, undated = SPRING[0], make("x", "text")
    assert sorted([undated, dated], key=publication_order) == [dated, undated]


def test_a_single_member_and_no_members() -> None:
    assert form_events([SPRING[0]]) == {"orla-1": "e-orla-1"}
    assert form_events([]) == {}


def timed(article: Article) -> Article:
    """The article with its time expressions tagged against its own date."""
    times = tag_times(article.text, article.published.value)
    return replace(article, analysis=Analysis(times=times))


def test_named_months_are_months_and_days_never_a_year_alone() -> None:
    article = timed(
        make(
            "park-history",
            "The park, founded in 1998, burned on 3 April 2025 and again in October 2025; "
            "rangers met on Friday.",
        )
    )
    assert named_months(article) == {"2025-04": 2.0, "2025-10": 2.0}  # all of it is the lead
    assert named_months(make("untagged", "It burned on 3 April 2025.")) == {}


def test_months_the_lead_names_weigh_twice_those_named_further_down() -> None:
    article = timed(
        make(
            "repairs",
            "By Ana Kell\n"  # a byline is not the lead
            "Families evacuated after the flood may return home by the end of March 2026, "
            "the operator said on Tuesday.\n"
            "An inquiry into the flood of November 2025 is due to report in February 2026, "
            "and repairs to the wall will start in March.",
            "2025-12-09",
        )
    )
    # "on Tuesday" in the lead is the report's own week: 2025-12
    assert named_months(article) == {"2026-03": 2.0, "2025-12": 2.0, "2025-11": 1.0, "2026-02": 1.0}
    assert lead_end(article.text) == article.text.index(".\nAn inquiry") + 1
    assert lead_end("Short line\nAnother short one") == 0


# Two floods in one town, each report dated and saying which weekday it happened.
FLOODS = [
    make(
        "apr-1",
        "The river Sava burst its banks in Marren on Wednesday, flooding the old town; "
        "mayor Ilse Dorn ordered the bridge closed.",
        "2025-04-10",
    ),
    make(
        "apr-2",
        "Floodwater in Marren's old town began to recede on Thursday, mayor Ilse Dorn said, "
        "and the bridge over the Sava stays closed.",
        "2025-04-11",
    ),
    make(
        "nov-1",
        "Heavy rain flooded Marren's harbour district on Tuesday; fishing boats were torn "
        "from their moorings and the ferry stopped running.",
        "2025-11-20",
    ),
    make(
        "nov-2",
        "The ferry to Marren resumed on Friday after the harbour flood, the port authority "
        "said; several fishing boats sank.",
        "2025-11-22",
    ),
]


def test_an_undated_article_naming_the_month_of_a_happening_joins_it() -> None:
    # it shares only the town and the flood with either happening: undated, it stays alone
    text = (
        "Residents of Marren are still counting the cost of the flood{}, the town council "
        "said, and insurers have received hundreds of claims."
    )
    floods = [timed(a) for a in FLOODS]
    alone = timed(make("costs", text.format("")))
    assert form_events([*floods, alone])["costs"] == "e-costs"
    named = timed(make("costs", text.format(" of 9 April 2025")))
    events = form_events([*floods, named])
    assert events["costs"] == events["apr-2"] == "e-apr-1"
    assert events["nov-2"] == "e-nov-1"


def _partition(labels: list[int]) -> set[frozenset[int]]:
    return {frozenset(i for i, x in enumerate(labels) if x == label) for label in set(labels)}


def test_groups_are_those_of_scikit_learns_average_link_clustering() -> None:
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    rng = np.random.default_rng(7)
    for trial in range(300):
        n = int(rng.integers(2, 40))
        points = rng.random((n, int(rng.integers(2, 20)))) ** 3
        sims = points @ points.T
        sims /= np.sqrt(np.outer(np.diag(sims), np.diag(sims)))
        sims -= rng.random() * 0.9
        if trial % 3 == 0:  # dates that cannot be one happening
            sims[rng.random((n, n)) < 0.1] = -1.0
        if trial % 5 == 0:  # similarities exactly at the cut: those pairs stay apart
            sims[rng.random((n, n)) < 0.2] = 0.08
        sims = np.minimum(sims, sims.T)
        np.fill_diagonal(sims, 1.0)
        distances = 1.0 - sims
        np.fill_diagonal(distances, 0.0)
        expected = AgglomerativeClustering(
            n_clusters=None, distance_threshold=1.0 - 0.08, metric="precomputed", linkage="average"
        ).fit_predict(distances)
        labels = group(sims, cut=0.08, attach=2.0)  # no straggler attaches
        assert _partition(labels) == _partition([int(x) for x in expected])
        opened = [max(labels[: i + 1]) for i in range(n)]  # numbered as rows open groups
        assert labels[0] == 0 and all(labels[i] <= opened[i - 1] + 1 for i in range(1, n))
