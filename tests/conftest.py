"""Shared fixtures: where the shared data lives, skipping cleanly when it is absent, and the
spaCy-backed readers of quantities and facts that several test modules use."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
EXAMPLES = ROOT / "examples" / "corpus"


def need(path: Path) -> Path:
    """Skip the calling test when a piece of ../shared is not there."""
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside the project)")
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus run once per test session into a store; tests only read it."""
    from storyline.pipeline import run
    from storyline.store import Store

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    report = run([EXAMPLES], Store(db))
    assert report.errors == [] and report.documents_added == 11
    return db


@pytest.fixture(scope="session")
def hostile_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A copy of the demo store with the hostile article (tests/web_support.py) ingested
    through the API, and the article's id; the web and browser tests read it."""
    from storyline.api import create_app
    from tests.web_support import TOKEN, Client, copy_store, ingest_hostile

    db = copy_store(demo_db, tmp_path_factory.mktemp("hostile"))
    return db, ingest_hostile(Client(create_app(db, allow_ingest=True, token=TOKEN)))


@pytest.fixture(scope="session")
def quantities():
    """The quantities storyline reads in a text (spaCy parse, then the rules)."""
    from storyline.entities import extract_mentions
    from storyline.nlp import load_pipeline
    from storyline.quantities import extract_quantities

    nlp = load_pipeline()

    def run(text: str):
        doc = nlp(text)
        return extract_quantities(doc, extract_mentions(doc))

    return run


@pytest.fixture(scope="session")
def facts_of():
    """The facts storyline consolidates from texts, one undated article each (from the
    ``outlets`` given, one per text)."""
    from storyline.aliases import resolve_entities
    from storyline.facts import consolidate_facts
    from storyline.model import Article
    from storyline.nlp import analyse_text, load_pipeline
    from storyline.timex import tag_times

    load_pipeline()

    def run(*texts: str, outlets: list[str | None] | None = None):
        arts = []
        for k, text in enumerate(texts):
            art = Article(f"a{k}", f"a{k}", 1, None, text, outlet=outlets[k] if outlets else None)
            art.analysis = analyse_text(text, tag_times(text, None))
            arts.append(art)
        return consolidate_facts(arts, resolve_entities(arts))

    return run
