"""The whole pipeline on ../shared/seeds, checked against ../shared/gold/seeds.json.

Skipped when ../shared is absent. The run goes through the CLI, as a user would run it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.export import export_schema
from tests.conftest import GOLD, SEEDS, SHARED, need

pytestmark = pytest.mark.slow


def norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", " ", str(text or "")).strip().lower()


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict:
    need(SEEDS)
    folder = tmp_path_factory.mktemp("seeds")
    db, out = folder / "seeds.db", folder / "seeds.json"
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(SEEDS), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(need(GOLD).read_text())


@pytest.fixture(scope="module")
def by_key(export: dict, gold: dict) -> dict[str, dict]:
    """Gold article key ("000", "004#2") -> exported article."""
    found = {}
    for article in export["articles"]:
        document = gold["documents"].get(Path(article["source"]).name)
        if document and 1 <= article["part"] <= len(document["articles"]):
            found[document["articles"][article["part"] - 1]["key"]] = article
    return found


def test_export_follows_the_schema(export: dict) -> None:
    jsonschema.validate(export, export_schema())


def test_six_articles_out_of_five_files(export: dict, by_key: dict) -> None:
    assert len(export["articles"]) == 6
    assert sorted(by_key) == ["000", "001", "002", "003", "004#1", "004#2"]


def test_furniture_gone_and_bodies_kept(export: dict, gold: dict) -> None:
    for name, document in gold["documents"].items():
        bodies = [a["text"] for a in export["articles"] if Path(a["source"]).name == name]
        lines = {norm(line) for body in bodies for line in body.splitlines()}
        for furniture in document["boilerplate"]:
            assert norm(furniture) not in lines, (name, furniture)
        for phrase in document["body_must_contain"]:
            assert norm(phrase) in norm("\n".join(bodies)), (name, phrase)


def test_titles(by_key: dict, gold: dict) -> None:
    for document in gold["documents"].values():
        for expected in document["articles"]:
            assert by_key[expected["key"]]["title"] == expected["title"], expected["key"]


def test_publication_dates_the_gold_accepts(by_key: dict, gold: dict) -> None:
    for document in gold["documents"].values():
        for expected in document["articles"]:
            got = by_key[expected["key"]]["published"]
            assert got in expected["published"], (expected["key"], got)
    assert by_key["001"]["published_evidence"] in ("unknown", "content")


def test_two_storylines(by_key: dict, gold: dict) -> None:
    coalition = {by_key[k]["story"] for k in gold["storylines"]["coalition"]["articles"]}
    assert len(coalition) == 1 and None not in coalition
    assert by_key["004#2"]["story"] not in coalition


def test_scheduled_deadlines_on_the_timeline(export: dict, by_key: dict) -> None:
    ids = {v["id"]: k for k, v in by_key.items()}
    story = next(s for s in export["stories"] if s["id"] == by_key["000"]["story"])
    for date, sources in (("2025-09", {"000", "002", "004#1"}), ("2026-09", {"000", "004#1"})):
        entries = [e for e in story["timeline"] if e["date"] == date and e["scheduled"]]
        assert entries, date
        assert any(sources <= {ids.get(s) for s in e["sources"]} for e in entries), entries


@pytest.mark.parametrize("value", [2500, 900, 180])
def test_troop_figures_corroborated_with_their_sources(
    export: dict, by_key: dict, gold: dict, value: int
) -> None:
    expected = next(f for f in gold["facts"] if f["value"] == value)
    ids = {v["id"]: k for k, v in by_key.items()}
    facts = [f for s in export["stories"] for f in s["facts"] if f["value"] == value]
    assert any(
        f["status"] == "corroborated"
        and set(expected["sources"]) <= {ids.get(s) for s in f["sources"]}
        for f in facts
    ), facts


@pytest.mark.parametrize("canonical", ["Mohammed Shia al-Sudani", "Thabit al-Abbasi"])
def test_spellings_merged(export: dict, gold: dict, canonical: str) -> None:
    forms = {
        norm(f) for f in next(a for a in gold["aliases"] if a["canonical"] == canonical)["forms"]
    }
    entities = [e for s in export["stories"] for e in s["entities"]]
    assert any(forms <= {norm(e["name"])} | {norm(a) for a in e["aliases"]} for e in entities)


def test_every_summary_sentence_cites_a_source_that_contains_it(export: dict) -> None:
    texts = {a["id"]: " ".join(a["text"].split()) for a in export["articles"]}
    for story in export["stories"]:
        assert story["summary"], story["id"]
        for sentence in story["summary"]:
            assert any(sentence["text"] in texts[s] for s in sentence["sources"]), sentence


def test_shared_scorer_runs_on_the_export(export: dict, tmp_path: Path) -> None:
    """The project-independent scorer reads our export (its counts go in the closing note)."""
    scorer = need(SHARED / "tools" / "score_seeds.py")
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export))
    result = subprocess.run(
        [sys.executable, str(scorer), str(path), "--part", "clean"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().splitlines()[-1].startswith("seeds clean:")
    assert result.returncode == 0, result.stdout
