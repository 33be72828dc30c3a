"""The ``storyline eval`` commands, on tiny gold files written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-09-28" functionInDocument="CREATION_TIME">\
2024-09-28</TIMEX3></DCT>
<TEXT>The ministers met <TIMEX3 tid="t1" type="DATE" value="2024-09-27">Friday</TIMEX3> and \
will meet again <TIMEX3 tid="t2" type="DATE" value="2024-10">next month</TIMEX3>.</TEXT>
</TimeML>
"""


def _write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "demo.tml").write_text(TML, encoding="utf-8")
    return folder


def test_eval_timex_prints_a_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "timex", str(_write(tmp_path / "gold"))])
    assert result.exit_code == 0, result.output
    assert "relax" in result.output and "total" in result.output


def test_eval_timex_bootstrap_of_a_perfect_document(tmp_path: Path) -> None:
    args = ["eval", "timex", str(_write(tmp_path / "gold")), "--bootstrap", "20"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "95% interval over 20 draws of the 1 documents" in result.output
    assert "value F1         [100.0, 100.0], reaches 80 in 100% of draws" in result.output


def test_eval_timex_json_scores_a_perfect_document(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "timex", str(_write(tmp_path / "g")), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    total = figures["total"]
    assert total["gold"] == 2
    assert total["relaxed"]["f1"] == 1.0
    assert total["value"]["accuracy"] == 1.0


def test_eval_timex_missing_folder_and_empty_folder(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(app, ["eval", "timex", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(app, ["eval", "timex", str(tmp_path / "empty")])
    assert empty.exit_code == 1


def test_eval_timex_broken_file_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "broken.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "timex", str(folder)])
    assert result.exit_code == 1
    assert "broken.tml" in result.output


def test_eval_pubdates_needs_the_benchmark_layout(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "pubdates", str(tmp_path)])
    assert result.exit_code == 1
    assert "no ground-truth.json" in " ".join(result.output.split())


def test_eval_timex_halves_split_each_folder_by_position(tmp_path: Path) -> None:
    folder = _write(tmp_path / "g")
    for name in ("b", "c", "d"):
        (folder / f"{name}.tml").write_text(TML, encoding="utf-8")
    runner = CliRunner()
    dev = json.loads(
        runner.invoke(app, ["eval", "timex", str(folder), "--half", "dev", "--json"]).output
    )
    test = json.loads(
        runner.invoke(app, ["eval", "timex", str(folder), "--half", "test", "--json"]).output
    )
    assert (dev["total"]["docs"], test["total"]["docs"]) == (2, 2)
    bad = runner.invoke(app, ["eval", "timex", str(folder), "--half", "train"])
    assert bad.exit_code == 2


def test_eval_timelines_without_a_corpus_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "timelines", str(tmp_path)])
    assert result.exit_code == 1
    assert "no SemEval-2015 Task 4 corpus" in " ".join(result.output.split())


def test_eval_textdates_needs_one_of_its_sets(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "textdates", str(tmp_path)])
    assert result.exit_code == 1
    assert "none of bbc-fulltext" in " ".join(result.output.split())
    bbc = tmp_path / "bbc-fulltext" / "tech"
    bbc.mkdir(parents=True)
    (bbc / "001.txt").write_text("Title\n\nShown on 4 March 2005 in Leeds.", encoding="latin-1")
    result = CliRunner().invoke(app, ["eval", "textdates", str(tmp_path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["bbc"]["content"]["right"] == 1


def test_python_dash_m_runs_the_same_command_line() -> None:
    for module in ("storyline", "storyline.cli"):
        done = subprocess.run(
            [sys.executable, "-m", module, "--help"], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        assert "Usage: storyline" in done.stdout and "eval" in done.stdout
