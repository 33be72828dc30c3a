"""The pipeline on the bundled example corpus: idempotent, incremental, robust to bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.export import build_export, export_schema
from storyline.pipeline import plain_sentences, run
from storyline.store import Store
from tests.conftest import EXAMPLES
from tests.examples_score import score

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the example corpus (the incremental test adds a file to it)."""
    folder = tmp_path_factory.mktemp("corpus") / "corpus"
    shutil.copytree(EXAMPLES, folder)
    return folder


@pytest.fixture(scope="module")
def store(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("db") / "examples.db")
    report = run([corpus], store)
    assert report.errors == [] and report.documents_added == 11
    return store


@pytest.fixture(scope="module")
def document(store: Store) -> dict:
    return build_export(store.articles(), store.stories())


def test_export_is_valid_and_matches_the_corpus_structure(document: dict) -> None:
    jsonschema.validate(document, export_schema())
    passed = {
        part: [ok for p, _, ok in score(document) if p == part]
        for part in ("clean", "dedupe", "stories")
    }
    assert all(passed["dedupe"]), "the syndicated copy and only it is marked"
    assert all(passed["stories"]), "three storylines, each one story"
    events = {name: ok for p, name, ok in score(document) if p == "events"}
    assert events["event repair-plan-2025-12-09 is one event of its own"], (
        "the undated report of the repair plan, whose lead names its March deadline, joins it"
    )
    assert events["event inquiry-2025-11-18 is one event of its own"]
    assert len(document["articles"]) == 12 and len(document["stories"]) == 3


def test_page_with_two_articles_is_split_and_records_keep_their_lines(document: dict) -> None:
    parts = [a for a in document["articles"] if a["source"] == "07_harbour-ledger.txt"]
    assert [a["part"] for a in parts] == [1, 2]
    assert parts[0]["story"] != parts[1]["story"]
    records = sorted(a["source"] for a in document["articles"] if ".jsonl" in a["source"])
    assert records == ["08_northgate-times.jsonl:1", "08_northgate-times.jsonl:2"]


def test_running_again_changes_nothing(corpus: Path, store: Store, document: dict) -> None:
    report = run([corpus], store)
    assert (report.documents_added, report.documents_unchanged) == (0, 11)
    assert report.stories_updated == 0
    assert build_export(store.articles(), store.stories()) == document


def test_reanalyse_brings_stale_story_records_back(store: Store, tmp_path: Path) -> None:
    import dataclasses

    path = Path(str(store.url).removeprefix("sqlite:///"))
    copy = tmp_path / "old.db"
    shutil.copy(path, copy)
    old = Store(copy)
    fresh = build_export(old.articles(), old.stories())
    stale = [
        dataclasses.replace(s, title="written by an older storyline", timeline=[])
        for s in old.stories()
    ]
    old.save_stories(stale, {s.id: ("1951-02", "2000-05") for s in stale})
    assert {r["first_date"] for r in old.story_rows()} == {"1951-02"}
    result = CliRunner().invoke(app, ["reanalyse", "--db", str(copy), "-q"])
    assert result.exit_code == 0 and f"{len(stale)} stories analysed again" in result.output
    assert build_export(old.articles(), old.stories()) == fresh
    assert "1951-02" not in {r["first_date"] for r in old.story_rows()}
    assert [a.story for a in old.articles()] == [a.story for a in store.articles()]


def test_reanalyse_articles_redoes_their_analyses(store: Store, tmp_path: Path) -> None:
    from storyline.model import Analysis

    copy = tmp_path / "old.db"
    shutil.copy(Path(str(store.url).removeprefix("sqlite:///")), copy)
    old = Store(copy)
    fresh = build_export(old.articles(), old.stories())
    stale = old.articles()
    for article in stale:  # as an older storyline left them: no times, no quantities
        article.analysis = Analysis(sentences=article.analysis.sentences)
    old.save_assignments(stale)
    assert not any(a.analysis.times for a in old.articles())
    result = CliRunner().invoke(app, ["reanalyse", "--articles", "--db", str(copy), "-q"])
    assert result.exit_code == 0, result.output
    assert f"{len(stale)} articles and" in result.output
    assert build_export(old.articles(), old.stories()) == fresh


def test_a_new_file_joins_its_story_and_moves_nothing(corpus: Path, store: Store) -> None:
    before = {a.id: (a.story, a.event) for a in store.articles()}
    dam_story = next(s for s in store.stories() if "Dam" in s.title or "dam" in s.title)
    (corpus / "11_follow-up.txt").write_text(
        "Kessport dam operator fined over Tolven Dam breach\n\n"
        "KESSPORT, Dec. 16 (Meridian Wire) -- Regulators fined Brightwater Energy 4 million euros "
        "on Tuesday over the breach of the Tolven Dam, which flooded the Lower Quay and Millbrook "
        "districts of Kessport in November and killed at least 14 people.\n\n"
        "Mayor Marta Kovalenko said the fine would go to the flood victims' fund. Brightwater "
        "Energy said it would not appeal and that repairs to the spillway wall were on schedule.\n"
    )
    bad = corpus / "12_broken.txt"
    bad.write_bytes(b"\xff\xfeKessport\x00\x00")
    report = run([corpus], store)
    assert report.documents_added == 1 and report.documents_unchanged == 11
    assert [str(e) for e in report.errors] == [
        "12_broken.txt: binary file (contains NUL bytes), not text"
    ]
    after = {a.id: (a.story, a.event) for a in store.articles()}
    assert {k: after[k][0] for k in before} == {k: v[0] for k, v in before.items()}, (
        "existing articles never change storyline"
    )
    (new_id,) = set(after) - set(before)
    assert after[new_id][0] == dam_story.id
    assert report.stories_updated == 1
    bad.unlink()
    # the events of the storyline it joined are formed again from all its members, so they
    # are the ones a single run over every file gives (here the undated homecoming article
    # moves to the other homecoming report once the follow-up is in)
    once = Store(corpus.parent / "once.db")
    run([corpus], once)
    events = {a.id: a.event for a in once.articles()}
    assert {k: v[1] for k, v in after.items()} == events
    assert {k for k in before if after[k][1] != before[k][1]} <= {
        a.id for a in store.articles() if a.story == dam_story.id
    }


def test_cli_run_reports_failures_in_its_exit_code(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Harbour reopens after storm\n\nThe harbour of Kessport reopened on Monday after a storm "
        "closed it for three days, the port authority said. Ferries resumed their timetable."
    )
    (folder / "empty.txt").write_text("")
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(folder), "--db", str(tmp_path / "x.db"), "-q"])
    assert result.exit_code == 1
    assert "error: empty.txt: empty file" in result.output
    assert "1 new documents (1 articles)" in result.output
    result = runner.invoke(app, ["stories", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0 and "Harbour reopens after storm" in result.output
    result = runner.invoke(app, ["stories", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2 and "no such database" in result.output


def test_cli_times_prints_offsets_into_the_file(tmp_path: Path) -> None:
    text = "The mission ends no later than the end of September 2025, officials said on Friday."
    path = tmp_path / "t.txt"
    path.write_text(text)
    result = CliRunner().invoke(app, ["times", "--dct", "2024-09-27", str(path)])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert {"2025-09", "2024-09-27"} <= {t["value"] for t in found}
    for item in found:
        assert text[item["start"] : item["end"]] == item["text"]
        assert set(item) == {"start", "end", "text", "type", "value", "mod", "signal"}
    bad = CliRunner().invoke(app, ["times", "--dct", "27/09/2024", str(path)])
    assert bad.exit_code == 2


def test_cli_show_and_export_formats(store: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    db = store.url.removeprefix("sqlite:///")
    story = store.story_rows()[0]["id"]
    shown = runner.invoke(app, ["show", str(story), "--db", db])
    assert shown.exit_code == 0 and "### Sources" in shown.output
    for fmt in ("json", "md", "html"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, ["export", "--db", db, "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0 and out.stat().st_size > 1000
    assert runner.invoke(app, ["export", "--db", db, "--format", "pdf"]).exit_code == 2


def test_plain_sentences_for_languages_without_a_parser() -> None:
    text = "Primera frase. ¿Segunda? Tercera!\nCuarta línea sin punto"
    assert [text[a:b] for a, b in plain_sentences(text)] == [
        "Primera frase.",
        "¿Segunda?",
        "Tercera!",
        "Cuarta línea sin punto",
    ]


def test_two_outlets_disagree_and_the_wire_copy_counts_once(document: dict) -> None:
    """01 (wire) and its copy 02 and 04 say at least 14 dead; 03 says nineteen died."""
    by_id = {a["id"]: a["source"] for a in document["articles"]}
    facts = [f for s in document["stories"] for f in s["facts"]]
    toll = next(f for f in facts if f["status"] == "conflicting" and f["unit"] == "dead")
    sides = {v["value"]: sorted(by_id[s] for s in v["sources"]) for v in toll["values"]}
    assert sides[19] == ["03_valley-courier.html"]
    assert sides[14] == ["01_meridian-wire.txt", "02_harbour-ledger.txt", "04_aldmark-post.txt"]
    evacuated = next(f for f in facts if f["value"] == 1200)
    assert evacuated["status"] == "corroborated"
    assert (len(evacuated["sources"]), evacuated["independent_sources"]) == (4, 3)
    injured = next(f for f in facts if f["value"] == 32)
    assert injured["status"] == "single-source", "a wire story and its copy are one source"
