"""Large stories between full analyses: a light update gives the members, events and dates
a full analysis would, reads only the newest members, and ``reanalyse --stale`` catches up."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline import events
from storyline.cli import app
from storyline.export import build_export
from storyline.ingest import list_files, read_file
from storyline.model import Article, MemberKey, RawDocument
from storyline.pipeline import analyse_document, assign_pending, reanalyse_stories
from storyline.store import Store
from storyline.story_update import UpdatePolicy, recent_ids
from tests.conftest import EXAMPLES

ALWAYS = UpdatePolicy()  # the example stories are far below full_max: analysed in full
NEVER = UpdatePolicy(full_max=1, growth=1000.0)  # after a story's first run: light only


@pytest.fixture(scope="module")
def example_documents() -> list[tuple[RawDocument, list[Article]]]:
    """The example corpus's documents with their analysed articles, in file order."""
    files, missing = list_files([EXAMPLES])
    assert not missing
    documents = []
    for path, source in files:
        for item in read_file(path, source):
            assert isinstance(item, RawDocument)
            documents.append((item, analyse_document(item)))
    return documents


def replay(
    documents: list[tuple[RawDocument, list[Article]]], updates: UpdatePolicy, db: Path
) -> Store:
    """A store fed one document per run, as a stream would."""
    store = Store(db)
    for document, articles in documents:
        store.add_document(document, copy.deepcopy(articles))
        assign_pending(store, updates=updates)
    return store


def records_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the article records the store decodes from now on (as they are read)."""
    read: list[str] = []
    original = Store.articles

    def counting(self: Store, ids=None, trim=None):  # noqa: ANN001, ANN202
        found = original(self, ids, trim)
        read.extend(a.id for a in found)
        return found

    monkeypatch.setattr(Store, "articles", counting)
    return read


def placement_view(store: Store) -> dict[str, object]:
    """What a light update must get right: members, events, dates, spans."""
    return {
        "articles": {a.id: (a.story, a.event, a.published.value) for a in store.articles()},
        "stories": {s.id: (s.articles, s.events) for s in store.stories()},
        "spans": {r["id"]: (r["first_date"], r["last_date"]) for r in store.story_rows()},
    }


@pytest.mark.parametrize("window", [events.WINDOW, 2])
def test_a_light_update_places_and_groups_as_a_full_analysis_does(
    example_documents: list[tuple[RawDocument, list[Article]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    window: int,
) -> None:
    monkeypatch.setattr(events, "WINDOW", window)  # 2: most members are stand-ins
    full = replay(example_documents, ALWAYS, tmp_path / "full.db")
    light = replay(example_documents, NEVER, tmp_path / "light.db")
    assert placement_view(light) == placement_view(full)
    grown = [s for s in light.stories() if s.unanalysed]
    assert grown, "some example story grows after its first run"
    for story in light.stories():
        covered = [i for i in story.articles if i not in story.unanalysed]
        assert covered and set(story.unanalysed) <= set(story.articles)
        assert all(i in covered for e in story.timeline for i in e.sources)
    assert {s.id: s.timeline for s in light.stories()} != {
        s.id: s.timeline for s in full.stories()
    }, "the timelines of the grown stories wait for their next full analysis"
    assert reanalyse_stories(light, stale_only=True) == len(grown)
    assert not any(s.unanalysed for s in light.stories())
    assert build_export(light.articles(), light.stories()) == build_export(
        full.articles(), full.stories()
    )


def test_a_light_update_reads_only_the_members_it_can_regroup(
    example_documents: list[tuple[RawDocument, list[Article]]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(events, "WINDOW", 1)
    whole = replay(example_documents, NEVER, tmp_path / "whole.db")
    largest = whole.stories()[0]
    last = max(
        n
        for n, (_, articles) in enumerate(example_documents)
        if any(a.id in largest.articles for a in articles)
    )
    store = replay(example_documents[:last], NEVER, tmp_path / "light.db")
    members_before = len(store.member_keys(largest.id))
    assert members_before >= 4, "the largest story has members to leave unread"
    read = records_read(monkeypatch)
    document, articles = example_documents[last]
    store.add_document(document, copy.deepcopy(articles))
    assert largest.id in assign_pending(store, updates=NEVER)
    assert set(read) < set(largest.articles) and len(set(read)) < members_before
    assert store.story(largest.id) == whole.story(largest.id)


def test_when_a_story_is_analysed_in_full() -> None:
    policy = UpdatePolicy(full_max=1000, growth=0.1)
    assert policy.in_full(1000, 1)  # small stories: always
    assert not policy.in_full(1001, 1)
    assert not policy.in_full(2099, 99)  # 99 waiting of 2,000 covered: < 10%
    assert policy.in_full(2200, 200)  # 200 of 2,000: 10%
    assert policy.in_full(1001, 1001)  # never analysed


def test_recent_ids_are_the_newest_originals_and_their_copies() -> None:
    keys = [
        MemberKey("a", "2025-01-01", None, "e-a"),
        MemberKey("b", "2025-02-01", None, "e-b"),
        MemberKey("c", None, None, "e-c"),  # undated: last in publication order
        MemberKey("d", "2024-12-01", "b", "e-b"),  # an older copy of b
        MemberKey("e", "2025-03-01", "a", "e-a"),  # a newer copy of a
    ]
    assert recent_ids(keys, window=2) == {"b", "c", "d"}
    assert recent_ids(keys, window=3) == {"a", "b", "c", "d", "e"}
    assert recent_ids(keys, window=0) == set()


def test_reanalyse_stale_only_touches_stories_left_behind(
    example_documents: list[tuple[RawDocument, list[Article]]], tmp_path: Path
) -> None:
    store = replay(example_documents, UpdatePolicy(full_max=3, growth=1000.0), tmp_path / "l.db")
    stale = [s.id for s in store.stories() if s.unanalysed]
    assert 0 < len(stale) < len(store.stories()), "stories of 3 are analysed in full"
    fresh = {s.id: s for s in store.stories() if not s.unanalysed}
    result = CliRunner().invoke(app, ["reanalyse", "--stale", "--db", str(tmp_path / "l.db")])
    assert result.exit_code == 0, result.output
    assert f"{len(stale)} stories analysed again" in result.output
    after = {s.id: s for s in Store(tmp_path / "l.db").stories()}
    assert not any(s.unanalysed for s in after.values())
    assert all(after[i] == fresh[i] for i in fresh)


def test_joiners_wait_in_the_order_they_joined_until_a_full_analysis(tmp_path: Path) -> None:
    stream = synthetic_stream(1)
    policy = UpdatePolicy(full_max=4, growth=0.5)
    store = Store(tmp_path / "grow.db")
    seen: list[tuple[int, int]] = []  # (members, waiting) of the largest story after each run
    for document, articles in stream:
        store.add_document(document, copy.deepcopy(articles))
        assign_pending(store, updates=policy)
        largest = store.stories()[0]
        joined = [a.id for _, (a,) in stream if a.id in largest.articles]
        waiting = len(largest.unanalysed)
        assert largest.unanalysed == joined[len(joined) - waiting :]
        assert waiting < policy.growth * (len(joined) - waiting) or len(joined) <= 4
        seen.append((len(joined), waiting))
    assert any(w >= 2 for _, w in seen), "joiners pile up between full analyses"
    caught_up = [n for (n, w), (_, before) in zip(seen[1:], seen, strict=False) if before and not w]
    assert caught_up, "a full analysis empties the list"
    full = replay(stream, ALWAYS, tmp_path / "full.db")
    by_id = {s.id: s for s in full.stories()}
    for story in store.stories():
        if not story.unanalysed:
            assert story == by_id[story.id]


HAPPENINGS = [
    "harbour crane collapse dockers injured port authority inquiry cranes",
    "harbour crane collapse dockers injured port authority inquiry rescue",
    "harbour strike dockers walk out over pay port authority talks",
    "harbour strike dockers pay deal port authority vote union",
]


def synthetic_stream(seed: int, n: int = 40) -> list[tuple[RawDocument, list[Article]]]:
    """Short invented harbour reports, one story, several happenings, some undated, some
    copies of earlier ones, arriving out of order: no spaCy needed."""
    import hashlib
    import random

    from storyline.article_analysis import plain_sentences
    from storyline.model import PublishedDate

    rng = random.Random(seed)
    documents: list[tuple[RawDocument, list[Article]]] = []
    for n_doc in range(n):
        earlier = [a for _, arts in documents for a in arts]
        if earlier and rng.random() < 0.15:
            model = rng.choice(earlier)
            title, text, date = model.title, model.text, model.published.value
        else:
            happening = rng.randrange(len(HAPPENINGS))
            words = HAPPENINGS[happening].split()
            rng.shuffle(words)
            extra = " ".join(rng.sample(["Kessport", "Tolven", "quay", "night", "shift"], 2))
            title = f"{' '.join(words[:4]).capitalize()} {n_doc}"
            text = f"{' '.join(words)} {extra}.\n\nReport {n_doc} on the harbour."
            day = 1 + 3 * happening + rng.randrange(3)
            date = None if rng.random() < 0.2 else f"2025-1{happening % 2}-{day:02d}"
        source = f"synthetic-{seed}-{n_doc}.txt"
        published = PublishedDate(date, "metadata" if date else "unknown", 1.0 if date else 0.0)
        article = Article(
            id=f"a{seed:03d}{n_doc:04d}",
            source=source,
            part=0,
            title=title,
            text=text,
            published=published,
            language="en",
        )
        article.analysis.sentences = plain_sentences(text)
        digest = hashlib.sha256(source.encode()).hexdigest()
        documents.append((RawDocument(source, text, digest, "txt", title=title), [article]))
    return documents


@pytest.mark.parametrize("seed", range(6))
def test_light_updates_of_a_synthetic_stream_match_full_analyses(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(events, "WINDOW", 3)
    stream = synthetic_stream(seed)
    full = replay(stream, ALWAYS, tmp_path / "full.db")
    light = replay(stream, NEVER, tmp_path / "light.db")
    assert placement_view(light) == placement_view(full)
    assert all(a.text for a in light.articles()), "no stand-in is ever written"
    assert max(len(s.articles) for s in full.stories()) > 10


STATEMENTS = [
    "The port authority closed berth four while engineers checked the remaining cranes.",
    "Union leaders said the crane had failed an inspection last spring and demanded answers.",
    "Two of the injured were still in hospital, a spokeswoman for the city council said.",
    "Shipping lines diverted three vessels to Tolven while the quay stayed shut.",
]


def test_a_member_redated_into_the_past_brings_older_ones_into_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grouping re-forms the newest members by date; when a light update dates an
    undated member (from its siblings) to before stored ones, those enter the newest and
    must be read, not left as stand-ins."""
    from storyline import pipeline
    from storyline.model import PublishedDate

    monkeypatch.setattr(events, "WINDOW", 2)
    stream = synthetic_stream(0, n=4)
    dates = ["2025-11-03", "2025-11-05", None, "2025-10-01"]  # x, b, u, then j joins
    for n, ((_, (article,)), date) in enumerate(zip(stream, dates, strict=True)):
        article.published = PublishedDate(date, "metadata" if date else "unknown", 1.0)
        article.text = f"Harbour crane collapse: dockers injured, inquiry. {STATEMENTS[n]}"
    undated, sibling = stream[2][1][0].id, stream[3][1][0].id

    def redate(members: list[Article], only: object = None) -> list[Article]:  # once j is there
        if all(a.id != sibling for a in members):
            return []
        found = [a for a in members if a.id == undated and not a.published.value]
        for article in found:
            article.published = PublishedDate("2025-11-01", "dateline", 0.5, inferred=True)
        return found

    monkeypatch.setattr(pipeline, "date_from_siblings", redate)
    full = replay(stream, ALWAYS, tmp_path / "full.db")
    light = replay(stream, NEVER, tmp_path / "light.db")
    assert len(full.stories()) == 1 and full.article(undated).published.value == "2025-11-01"
    assert placement_view(light) == placement_view(full)


def test_a_story_behind_its_newest_articles_says_so_in_every_export(
    example_documents: list[tuple[RawDocument, list[Article]]], tmp_path: Path
) -> None:
    import json

    import jsonschema

    from storyline.export import export_schema, render

    store = replay(example_documents, NEVER, tmp_path / "light.db")
    document = build_export(store.articles(), store.stories())
    jsonschema.validate(json.loads(render(document, "json")), export_schema())
    behind = next(s for s in document["stories"] if s["unanalysed"])
    waiting, members = len(behind["unanalysed"]), len(behind["articles"])
    said = f"cover {members - waiting} of these {members} articles"
    assert said in render(document, "md") and said in render(document, "html")
    assert f"the {waiting} article" in render(document, "md")
    from storyline.api import create_app
    from tests.web_support import Client

    web = Client(create_app(tmp_path / "light.db")).get(f"/stories/{behind['id']}")
    assert web.status_code == 200 and said in web.text
    caught_up = replay(example_documents, ALWAYS, tmp_path / "full.db")
    full = build_export(caught_up.articles(), caught_up.stories())
    assert "full analysis" not in render(full, "md") + render(full, "html")


def dateline_stream(seed: int, n: int = 22) -> list[tuple[RawDocument, list[Article]]]:
    """:func:`synthetic_stream` with dates of every kind: metadata days, datelines with a
    day and month and no year ("Nov. 4"), some of them with an estimate from the content,
    and estimates alone."""
    import random

    from storyline.model import PublishedDate

    rng = random.Random(seed)
    stream = synthetic_stream(seed, n)
    for _, (article,) in stream:
        estimate = PublishedDate(
            f"202{rng.randrange(4, 6)}-0{rng.randrange(1, 10)}", "content", 0.3
        )
        estimate.inferred = True
        roll = rng.random()
        if roll < 0.3:
            day = rng.choice(["Nov. 4", "Oct. 30", "Dec. 2", "Jan. 3", "Feb. 10"])
            article.text = f"KESSPORT, {day} (Meridian Wire) -- {article.text}"
            unknown = PublishedDate(None, "unknown", 0.0)
            article.published = estimate if rng.random() < 0.4 else unknown
        elif roll < 0.45:
            article.published = estimate
        else:
            year, month = rng.choice(["2024", "2025"]), rng.choice(["01", "06", "10", "12"])
            day = f"{year}-{month}-{rng.randrange(1, 28):02d}"
            article.published = PublishedDate(day, "metadata", 1.0)
    return stream


@pytest.mark.parametrize("seed", range(8))
def test_yearless_datelines_get_the_year_a_full_analysis_gives(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Members whose dateline says "Nov. 4" take their year from all the story's dates,
    and take it again as those move, wherever they sit in the story; estimates from the
    content stay out of the siblings' dates and the span."""
    monkeypatch.setattr(events, "WINDOW", 3)
    stream = dateline_stream(seed)
    full = replay(stream, ALWAYS, tmp_path / "full.db")
    light = replay(stream, NEVER, tmp_path / "light.db")
    assert placement_view(light) == placement_view(full)
    kinds = {k.date_kind for s in light.stories() for k in light.member_keys(s.id)}
    assert {"page", "content"} <= kinds and any(k and k.startswith("story:") for k in kinds)


def test_rows_without_a_kind_of_date_are_read_and_given_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database from before the date_kind column (or written by such a storyline) gets
    the column on opening, NULL; a light update reads those members and writes their kinds,
    and places and groups as it would with the kinds known."""
    import shutil
    import sqlite3

    monkeypatch.setattr(events, "WINDOW", 2)
    *first, last = dateline_stream(5, n=16)
    known = replay(first, NEVER, tmp_path / "known.db")
    shutil.copy(tmp_path / "known.db", tmp_path / "old.db")
    shutil.copy(tmp_path / "known.db", tmp_path / "readonly.db")
    for name in ("old.db", "readonly.db"):
        with sqlite3.connect(tmp_path / name) as conn:
            conn.execute("ALTER TABLE articles DROP COLUMN date_kind")
    readonly = Store(f"sqlite:///file:{tmp_path / 'readonly.db'}?mode=ro&uri=true")
    assert [s.id for s in readonly.stories()] == [s.id for s in known.stories()]
    old = Store(tmp_path / "old.db")
    assert all(k.date_kind is None for s in old.stories() for k in old.member_keys(s.id))
    for store in (known, old):
        store.add_document(last[0], copy.deepcopy(last[1]))
        (touched,) = assign_pending(store, updates=NEVER)
    assert placement_view(old) == placement_view(known)
    assert old.member_keys(touched) == known.member_keys(touched)
    assert len(known.member_keys(touched)) > 8


def test_a_light_update_keeps_joiners_in_the_order_given() -> None:
    from storyline.story_update import light_update

    stream = synthetic_stream(2, n=4)
    members = [a for _, (a,) in stream]
    for article in members:
        article.story, article.event = "s-x", "e-x"
    record = {"id": "s-x", "title": "t", "articles": [members[0].id], "events": []}
    record["unanalysed"] = [members[0].id]
    joined = [members[3].id, members[1].id, members[2].id]
    updated = light_update(record, members, joined)
    assert updated["unanalysed"] == [members[0].id, *joined]
    assert updated["title"] == "t" and sorted(updated["articles"]) == sorted(a.id for a in members)


def test_members_dated_from_their_story_are_read_only_when_their_year_moves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(events, "WINDOW", 2)
    *first, last = dateline_stream(3, n=30)
    store = replay(first, NEVER, tmp_path / "light.db")
    read = records_read(monkeypatch)
    store.add_document(last[0], copy.deepcopy(last[1]))
    (touched,) = assign_pending(store, updates=NEVER)
    dated = [k.id for k in store.member_keys(touched) if (k.date_kind or "").startswith("story:")]
    assert len(dated) >= 3 and set(dated) - set(read), "not every story-dated member is read"
    full = replay([*first, last], ALWAYS, tmp_path / "full.db")
    assert placement_view(store) == placement_view(full)
