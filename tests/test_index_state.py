"""Placement indexes kept between runs (storyline.index_state, pipeline.assign_pending)."""

from __future__ import annotations

import hashlib
import pickle
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text, update

from storyline import index_state, index_store, pipeline, store_rows, store_schema
from storyline import store as store_module
from storyline.dedupe import DuplicateIndex
from storyline.events import publication_order
from storyline.model import Analysis, Article, Mention, PublishedDate, RawDocument
from storyline.pipeline import assign_pending, run
from storyline.store import Placement, Store, articles_table
from storyline.stories import StoryIndex
from tests.conftest import EXAMPLES

# Invented topics: a name list (mentions) and sentences an article picks from.
TOPICS = {
    "strike": (
        ["Velmora", "Harbour Workers Guild", "Anselm Okafor"],
        [
            "Dockworkers in Velmora walked off the job on Monday, leaving container ships "
            "waiting outside the harbour as the Harbour Workers Guild demanded higher pay.",
            "Guild leader Anselm Okafor said the strike would last until the port authority "
            "offered a new contract that kept pace with rising rents in the city.",
            "Shipping lines began diverting cargo to smaller ports along the coast, and "
            "retailers warned that shelves could empty within a fortnight.",
            "The port authority called the walkout unlawful and asked a court in Velmora to "
            "order the dockworkers back while negotiations continue.",
            "Talks between the guild and the port authority resumed late on Thursday with a "
            "mediator appointed by the regional labour ministry.",
            "Truck drivers queued for hours at the harbour gates as cranes stood idle and "
            "perishable goods spoiled in refrigerated containers.",
        ],
    ),
    "bridge": (
        ["Castelmar", "Ilse Brandvold", "Northline Rail"],
        [
            "A section of the old railway bridge at Castelmar collapsed into the river "
            "overnight, cutting the Northline Rail route between the two valleys.",
            "Engineers said corrosion in the steel girders had been reported three years ago "
            "but repairs were postponed because of budget cuts.",
            "Transport minister Ilse Brandvold visited the site and promised an inquiry into "
            "why the inspection reports were ignored.",
            "Commuters face detours of more than an hour while Northline Rail runs replacement "
            "buses along the narrow valley road.",
            "Divers recovered twisted rails from the riverbed as investigators photographed "
            "the broken piers of the Castelmar bridge.",
            "The rail operator estimated that a temporary crossing could open in four months "
            "if the river level stays low through the summer.",
        ],
    ),
    "merger": (
        ["Quillon Systems", "Brightfold", "Marisol Teague"],
        [
            "Quillon Systems agreed to buy the chip designer Brightfold in an all share deal "
            "that would create the largest maker of sensor processors in the region.",
            "Chief executive Marisol Teague said the merger would let Quillon Systems design "
            "its own processors instead of licensing them from rivals.",
            "Shares in Brightfold jumped by a third on the news while Quillon Systems stock "
            "slipped as investors questioned the price.",
            "Competition regulators are expected to examine whether the combined company "
            "would dominate the market for automotive sensor chips.",
            "Analysts said the deal reflected a rush among hardware firms to secure scarce "
            "engineering talent and manufacturing capacity.",
            "Brightfold employees were told at a town hall meeting that no design teams "
            "would be closed during the first year after the merger.",
        ],
    ),
    "drought": (
        ["Dunmere", "Keld Reservoir", "Odile Marchetti"],
        [
            "Water rationing began in Dunmere after the Keld Reservoir fell to its lowest "
            "level since records started, following the driest spring in decades.",
            "Households may use water for four hours each morning and evening, and filling "
            "swimming pools or washing cars is banned until further notice.",
            "Mayor Odile Marchetti urged residents to report leaks and said tanker trucks "
            "would supply hospitals and schools if pressure drops further.",
            "Farmers around Dunmere said their wheat was withering in the fields and asked "
            "for emergency payments from the agriculture fund.",
            "Hydrologists warned that even heavy autumn rain would take months to refill "
            "the Keld Reservoir to a safe level.",
            "The water company opened an inquiry into why a pipeline from the northern "
            "springs, promised a decade ago, was never built.",
        ],
    ),
}
STARTS = {"strike": "2024-03-04", "bridge": "2024-03-10", "merger": "2024-04-02",
          "drought": "2024-06-18"}  # fmt: skip


def invented(topic: str, n: int, day_offset: int) -> Article:
    """Article ``n`` of a topic: a title and four of its sentences, dated near its start."""
    names, sentences = TOPICS[topic]
    picked = [sentences[(n + k * (n % 3 + 1)) % len(sentences)] for k in range(4)]
    body = " ".join(dict.fromkeys(picked))
    mentions = [
        Mention(i, i + len(name), name, "ORG")
        for name in names
        for i in [body.find(name)]
        if i >= 0
    ]
    year, month, day = (int(p) for p in STARTS[topic].split("-"))
    published = f"{year}-{month:02d}-{min(28, day + day_offset):02d}"
    return Article(
        id=f"a-{topic}-{n}",
        source=f"{topic}-{n}.txt",
        part=1,
        title=f"{names[0]}: {sentences[n % len(sentences)].split(',')[0][:60]}",
        text=body,
        published=PublishedDate(published, "metadata", 1.0),
        language="en",
        analysis=Analysis(sentences=[(0, len(body))], mentions=mentions),
    )


def undated(article: Article, dateline: str) -> Article:
    body = dateline + article.text
    return Article(
        id=f"{article.id}-u",
        source=f"u-{article.source}",
        part=1,
        title=article.title,
        text=body,
        language="en",
        analysis=Analysis(sentences=[(0, len(body))]),
    )


def copy_of(article: Article, new_id: str, extra: str = "") -> Article:
    body = article.text + extra
    return Article(
        id=new_id,
        source=f"{new_id}.txt",
        part=1,
        title=article.title,
        text=body,
        published=article.published,
        language="en",
        analysis=Analysis(sentences=[(0, len(body))], mentions=article.analysis.mentions),
    )


def batches(interleaved: bool = False) -> tuple[list[Article], list[Article]]:
    """Two batches: the second adds to the first's stories (dated after them, or among them
    when ``interleaved``), copies of its articles (exact and with a line added) and a new
    topic."""
    shift = 5 if interleaved else 0
    first = [invented(t, n, n) for t in ("strike", "bridge", "merger") for n in range(5)]
    second = [
        invented(t, n, n - shift) for t in ("strike", "bridge", "merger") for n in range(5, 8)
    ]
    second += [invented("drought", n, n) for n in range(4)]
    # undated articles whose dateline has no year: the first run dates them from their story
    first += [
        undated(invented("strike", 11, 0), "VELMORA, March 3 (Harbour Wire) -- "),
        undated(invented("bridge", 12, 0), "CASTELMAR, March 9 (Rail Desk) -- "),
    ]
    second.append(undated(invented("strike", 13, 0), ""))
    second += [
        copy_of(first[1], "a-copy-exact"),
        copy_of(first[6], "a-copy-near", " Reporting by a regional news agency."),
    ]
    return first, second


def add(store: Store, articles: list[Article]) -> None:
    for article in articles:
        sha = hashlib.sha256(article.id.encode()).hexdigest()
        raw = RawDocument(source=article.source, text=article.text, sha256=sha, format="txt")
        store.add_document(raw, [article])


def outcome(store: Store) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {a.id: (a.story, a.event, a.duplicate_of) for a in store.articles()}


@pytest.fixture
def rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the full rebuilds assign_pending does (one entry per rebuild)."""
    calls: list[int] = []

    def counting(placed: list[Article], log: list[Placement]) -> index_state.Indexes:
        placed = list(placed)
        calls.append(len(placed))
        return rebuild(placed, log)

    rebuild = index_store.rebuild
    monkeypatch.setattr(index_store, "rebuild", counting)
    return calls


@pytest.mark.parametrize("interleaved", [False, True])
def test_saved_state_gives_the_same_placements_as_a_rebuild(
    tmp_path: Path, rebuilds: list[int], interleaved: bool
) -> None:
    first, second = batches(interleaved)
    kept, dropped = Store(tmp_path / "kept.db"), Store(tmp_path / "dropped.db")
    for store in (kept, dropped):
        add(store, first)
        assign_pending(store)
    assert rebuilds == [0, 0]  # empty stores: nothing to rebuild from
    redated = kept.article("a-strike-11-u")
    assert redated is not None and redated.published.value == "2024-03-03"
    dropped.drop_index_state()
    for store in (kept, dropped):
        add(store, second)
        assign_pending(store)
    assert rebuilds == [0, 0, len(first)]  # only the store without a state rebuilt
    result = outcome(kept)
    assert result == outcome(dropped)
    assert result["a-copy-exact"][2] == first[1].id
    assert result["a-copy-near"][2] == first[6].id
    assert result["a-copy-exact"][:2] == result[first[1].id][:2]
    stories = {story for story, _, _ in result.values()}
    assert len(stories) >= 4 and all(stories)
    assert kept.stories() == dropped.stories()


def test_a_third_run_uses_the_state_the_rebuild_saved(tmp_path: Path, rebuilds: list[int]) -> None:
    first, second = batches()
    store = Store(tmp_path / "s.db")
    add(store, first)
    assign_pending(store)
    store.drop_index_state()
    add(store, second[:5])
    assign_pending(store)
    add(store, second[5:])
    assign_pending(store)
    assert rebuilds == [0, len(first)]


def test_pickled_indexes_continue_like_uninterrupted_ones() -> None:
    """Catches a change in the indexes' internals that pickling would lose or break."""
    first, second = batches()
    ordered = sorted(first, key=publication_order)
    whole = index_state.Indexes(DuplicateIndex(), StoryIndex())
    for article in ordered:
        whole.duplicates.add(article.id, article.text)
        whole.stories.add(article)
    fingerprint = index_state.Fingerprint(len(first), "x", "y", 7)
    saved = index_state.dump(whole, fingerprint)
    snapshot = index_state.load(saved, lambda _: "y")
    assert snapshot is not None and snapshot.fingerprint == fingerprint
    back = snapshot.indexes
    assert len(back.duplicates) == len(whole.duplicates)
    back.duplicates.texts = lambda ids: {a.id: a.text for a in first if a.id in ids}
    for article in sorted(second, key=publication_order):
        expected = whole.duplicates.add(article.id, article.text)
        assert back.duplicates.add(article.id, article.text) == expected
        article.duplicate_of = expected
        assert back.stories.add(article) == whole.stories.add(article)
    for article in first + second:
        assert back.duplicates.root_of(article.id) == whole.duplicates.root_of(article.id)
        assert back.stories.assignment(article.id) == whole.stories.assignment(article.id)


def test_stale_or_foreign_states_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = batches()
    store = Store(tmp_path / "s.db")
    add(store, first)
    assign_pending(store)
    saved = store.index_state()
    assert store.placed_count() == len(first)
    assert index_state.load(saved, store.story_of) is not None
    assert index_state.load(saved, lambda _: "s-elsewhere") is None  # another store
    damaged = {
        k: store_module.SavedState(v.version, v.fingerprint, v.blob[:-9]) for k, v in saved.items()
    }
    assert index_state.load(damaged, store.story_of) is None
    assert index_state.load({"stories": saved["stories"]}, store.story_of) is None
    miscounted = {
        k: store_module.SavedState(
            v.version, v.fingerprint.replace(str(len(first)), "3", 1), v.blob
        )
        for k, v in saved.items()
    }
    assert index_state.load(miscounted, store.story_of) is None
    monkeypatch.setattr(index_state, "code_version", lambda: "2:other")
    assert index_state.load(saved, store.story_of) is None


def test_placements_written_without_the_state_make_it_stale(
    tmp_path: Path, rebuilds: list[int]
) -> None:
    first, second = batches()
    store = Store(tmp_path / "s.db")
    add(store, first + second[:1])
    assign_pending(store)
    # An older storyline places an article behind the state's back ...
    add(store, second[1:2])
    with store.engine.begin() as conn:
        conn.execute(
            update(articles_table)
            .where(articles_table.c.id == second[1].id)
            .values(story="s-x", event="e-x")
        )
    add(store, second[2:3])
    assign_pending(store)
    assert rebuilds == [0, len(first) + 2]
    # ... and Store.save_assignments drops the state.
    moved = store.article(first[0].id)
    assert moved is not None
    store.save_assignments([moved])
    assert store.index_state() == {}


def test_nothing_new_changes_nothing(tmp_path: Path) -> None:
    first, _ = batches()
    store = Store(tmp_path / "s.db")
    add(store, first)
    assign_pending(store)
    with store.engine.connect() as conn:
        before = conn.execute(text("SELECT name, part, saved_at, blob FROM index_state")).all()
    state = outcome(store)
    assert assign_pending(store) == set()
    with store.engine.connect() as conn:
        assert (
            conn.execute(text("SELECT name, part, saved_at, blob FROM index_state")).all() == before
        )
    assert outcome(store) == state


def test_a_failed_run_leaves_the_store_and_its_state_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rebuilds: list[int]
) -> None:
    first, second = batches()
    reference = Store(tmp_path / "reference.db")
    for batch in (first, second):
        add(reference, batch)
        assign_pending(reference)
    store = Store(tmp_path / "s.db")
    add(store, first)
    assign_pending(store)
    add(store, second)
    state, saved = outcome(store), store.index_state()

    def broken(story_id: str, members: list[Article]) -> None:
        raise RuntimeError("analysis failed")

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "analyse_story", broken)
        with pytest.raises(RuntimeError):
            assign_pending(store)
    assert outcome(store) == state and store.index_state() == saved
    assign_pending(store)
    assert rebuilds == [0, 0]  # the two first runs, on empty stores
    assert outcome(store) == outcome(reference)


def test_a_large_state_is_stored_in_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_rows, "STATE_PART_BYTES", 1000)
    first, _ = batches()
    store = Store(tmp_path / "s.db")
    add(store, first)
    assign_pending(store)
    with store.engine.connect() as conn:
        parts = conn.execute(text("SELECT count(*) FROM index_state")).scalar_one()
    assert parts > 10
    saved = store.index_state()
    assert index_state.load(saved, store.story_of) is not None
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM index_state WHERE name = 'duplicates' AND part = 1"))
    assert store.index_state() == {}


def test_a_state_cannot_run_code(tmp_path: Path) -> None:
    class Evil:
        def __reduce__(self) -> tuple:
            return (shutil.rmtree, (str(tmp_path),))

    first, _ = batches()
    store = Store(tmp_path / "s.db")
    add(store, first)
    assign_pending(store)
    saved = store.index_state()
    evil = {
        name: store_module.SavedState(s.version, s.fingerprint, b"p" + pickle.dumps(Evil(), 5))
        for name, s in saved.items()
    }
    assert index_state.load(evil, store.story_of) is None
    assert tmp_path.exists()


@pytest.mark.slow
def test_example_corpus_in_two_runs_with_and_without_the_state(tmp_path: Path) -> None:
    files = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    half = len(files) // 2
    outcomes = []
    for keep in (True, False):
        folder = tmp_path / f"corpus-{keep}"
        folder.mkdir()
        store = Store(tmp_path / f"{keep}.db")
        for path in files[:half]:
            shutil.copy(path, folder / path.name)
        run([folder], store)
        if not keep:
            store.drop_index_state()
        for path in files[half:]:
            shutil.copy(path, folder / path.name)
        run([folder], store)
        outcomes.append(outcome(store))
    assert outcomes[0] == outcomes[1]
    assert len(outcomes[0]) == 12


def test_an_article_taken_out_of_its_story_is_placed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rebuilds: list[int]
) -> None:
    monkeypatch.setattr(store_module, "IN_BATCH", 2)  # several batches of ids per query
    monkeypatch.setattr(store_schema, "IN_BATCH", 2)
    first, _ = batches()
    store = Store(tmp_path / "s.db")
    add(store, first)
    assign_pending(store)
    before = outcome(store)
    assert len(store.story_members({s for s, _, _ in before.values() if s})) == len(first)
    with store.engine.begin() as conn:
        conn.execute(
            update(articles_table)
            .where(articles_table.c.id == first[0].id)
            .values(story=None, event=None)
        )
    assert assign_pending(store)
    assert rebuilds == [0, len(first) - 1]  # one placed fewer than the state knows
    assert [p.article for p in store.placements()].count(first[0].id) == 1
    assert outcome(store)[first[0].id][0] is not None


def test_a_restored_story_index_is_the_uninterrupted_one_byte_for_byte() -> None:
    """Replaying must leave every cached value as placing did: a centroid length cached at
    another moment shifts a similarity in its last digits, and on a long stream that once
    put an article in another storyline."""
    first, second = batches(interleaved=True)
    duplicates, whole = DuplicateIndex(), StoryIndex()
    placed = []
    for article in sorted(first + second, key=publication_order):
        article = replace(article, duplicate_of=duplicates.add(article.id, article.text))
        where = whole.add(article)
        placed.append(replace(article, story=where.story, event=where.event))
    restored = StoryIndex()
    for article in placed:
        restored.restore(article)
    assert pickle.dumps(restored) == pickle.dumps(whole)
