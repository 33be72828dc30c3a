"""``storyline eval``: score storyline's stages against public labelled data.

Each command reads gold data from a folder the user names (nothing is bundled), runs the
matching stage and prints a table; ``--json`` prints the figures as JSON instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

eval_app = typer.Typer(
    no_args_is_help=True,
    help="Score storyline against labelled data (TempEval-3, SemEval-2015 Task 4, ...).",
)
err = Console(stderr=True, soft_wrap=True)  # one line per error, whatever the width

DirArgument = Annotated[Path, typer.Argument(help="Folder (or file) holding the gold data.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]


def _need(path: Path) -> None:
    if not path.exists():
        err.print(f"error: {path}: no such file or folder")
        raise typer.Exit(2)


def _check_half(half: str | None, halves: tuple[str, ...]) -> None:
    """Exit 2 with a one-line error when ``--half`` names no half of this data."""
    if half is not None and half not in halves:
        err.print(f"error: --half must be one of {', '.join(halves)}, not {half!r}")
        raise typer.Exit(2)


def _emit(as_json: bool, figures: dict[str, Any], table: str) -> None:
    if as_json:
        sys.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(table + "\n")


@eval_app.command("timex")
def timex(
    path: DirArgument,
    errors: Annotated[
        int, typer.Option("--errors", help="Also list up to N errors (development only).")
    ] = 0,
    half: Annotated[
        str | None,
        typer.Option(
            "--half",
            help="Score only one fixed half of each folder: 'dev' (even positions in name "
            "order) or 'test' (odd positions).",
        ),
    ] = None,
    bootstrap: Annotated[
        int,
        typer.Option(
            "--bootstrap",
            help="Draw the documents N times with replacement: 95%% intervals of relaxed "
            "span F1 and value F1 (0: off).",
        ),
    ] = 0,
    as_json: JsonOption = False,
) -> None:
    """TempEval-3 scores of the time tagger on TimeML (.tml) or MEANTIME (CAT .xml) files.

    Strict and relaxed span precision/recall/F1, type and value accuracy and F1, per
    subfolder and in total.
    """
    from storyline.evaluation.timeml import HALVES, GoldReadError, half_of, read_gold
    from storyline.evaluation.timex_eval import (
        document_bootstrap,
        evaluate,
        format_errors,
        format_table,
    )

    _need(path)
    _check_half(half, HALVES)
    try:
        gold = read_gold(path)
    except GoldReadError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(1) from exc
    if not gold:
        err.print(f"error: {path}: no .tml or CAT .xml files found")
        raise typer.Exit(1)
    if half is not None:
        gold = half_of(gold, half)
    result = evaluate(gold, max_errors=errors)
    table = format_table(result)
    if bootstrap > 0:
        table += "\n" + "\n".join(document_bootstrap(result, bootstrap))
    if errors:
        table += "\n\n" + format_errors(result.errors)
    _emit(as_json, result.to_dict(), table)


# MEANTIME's halves, as the entity and quantity evaluations split its corpora
MeantimeHalf = Annotated[
    str | None,
    typer.Option("--half", help="Score only 'dev' (airbus, gm) or 'test' (apple, stock)."),
]


@eval_app.command("entities")
def entities(
    path: DirArgument,
    half: MeantimeHalf = None,
    errors: Annotated[
        int, typer.Option("--errors", help="Also list up to N wrong merges/splits (dev only).")
    ] = 0,
    as_json: JsonOption = False,
) -> None:
    """Cross-document entity resolution on MEANTIME (each corpus one story).

    B-cubed, MUC, CEAF-e and CoNLL of storyline's grouping and of two baselines (same
    surface form, same last word), on the gold mentions storyline found and end to end.
    """
    from storyline.evaluation.entities import HALVES, evaluate_entities, format_errors
    from storyline.evaluation.entities import format_table as entity_table
    from storyline.evaluation.entities import read_corpora as read_entities
    from storyline.evaluation.timeml import GoldReadError

    _need(path)
    _check_half(half, HALVES)
    try:
        corpora = read_entities(path)
    except GoldReadError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(1) from exc
    result = evaluate_entities(corpora, half=half, max_errors=errors)
    table = entity_table(result)
    if errors:
        table += "\n\n" + format_errors(result)
    _emit(as_json, result.to_dict(), table)


@eval_app.command("quantities")
def quantities(
    path: DirArgument,
    half: MeantimeHalf = None,
    errors: Annotated[
        int, typer.Option("--errors", help="Also list up to N misses (dev only).")
    ] = 0,
    as_json: JsonOption = False,
) -> None:
    """Quantities on MEANTIME's VALUE mentions (money, percentages, counts).

    Precision, recall and F1 of the figures storyline reads (relaxed span overlap), recall
    by value type, per half. Reads the intra-document CAT files (corpus_* folders).
    """
    from storyline.evaluation.meantime import half_of_corpus
    from storyline.evaluation.quantities import (
        evaluate_quantities,
        read_value_docs,
        storyline_quantities,
    )
    from storyline.evaluation.timeml import GoldReadError

    _need(path)
    _check_half(half, ("dev", "test"))
    try:
        docs = read_value_docs(path)
    except GoldReadError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(1) from exc
    if half is not None:
        docs = [d for d in docs if half_of_corpus(d.corpus) == half]
    result = evaluate_quantities(docs, storyline_quantities, max_misses=errors)
    table = result.table()
    if errors:
        table += "\n\n" + "\n".join(f"{m.kind:<8} {m.doc}: {m.context}" for m in result.misses)
    _emit(as_json, result.to_dict(), table)


@eval_app.command("clusters")
def clusters(
    path: DirArgument,
    labels: Annotated[Path, typer.Argument(help="CSV with the columns file, event, topic.")],
    half: Annotated[
        str | None,
        typer.Option("--half", help="Score only 'dev' or 'test' (baselines are tuned on dev)."),
    ] = None,
    limit_topics: Annotated[
        int | None,
        typer.Option("--limit-topics", help="Keep the first N topics of each half (development)."),
    ] = None,
    url_in_text: Annotated[
        bool,
        typer.Option(
            "--url-in-text",
            help="Leave ECB+'s leading source-URL line in the text every system reads "
            "(by default it is the document's URL metadata).",
        ),
    ] = False,
    bootstrap: Annotated[
        int,
        typer.Option(
            "--bootstrap",
            help="Draw the topics of each half N times with replacement: 95%% intervals of "
            "the event B-cubed F1 and of storyline's lead over each baseline (0: off).",
        ),
    ] = 0,
    as_json: JsonOption = False,
) -> None:
    """Storyline and event clustering on ECB+ (topics as storylines), with two baselines.

    B-cubed and pairwise precision/recall/F1 for storyline, TF-IDF + agglomerative
    clustering and NMF topics; the baselines are tuned on the dev half of the topics.
    """
    from storyline.evaluation.clusters import HALVES, evaluate_clusters, stderr_progress

    _need(path)
    _need(labels)
    _check_half(half, HALVES)
    try:
        result = evaluate_clusters(
            path,
            labels,
            half,
            limit_topics,
            stderr_progress(err),
            "text" if url_in_text else "metadata",
            max(0, bootstrap),
        )
    except ValueError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(1) from exc
    _emit(as_json, result.to_dict(), result.table())


@eval_app.command("pubdates")
def pubdates(path: DirArgument, as_json: JsonOption = False) -> None:
    """Publication dates on the article-extraction benchmark's HTML pages.

    PATH holds ground-truth.json and html/*.html.gz. Pages whose URL carries a full date are
    read with their own address masked, and the date found is compared with the URL's;
    htmldate alone runs on the same pages as a baseline.
    """
    from storyline.evaluation.pubdates import evaluate_pubdates

    _need(path)
    if not (path / "ground-truth.json").is_file():
        err.print(f"error: {path}: no ground-truth.json (expected the benchmark's folder)")
        raise typer.Exit(1)
    result = evaluate_pubdates(path)
    _emit(as_json, result.to_dict(), result.table())


@eval_app.command("extraction")
def extraction(
    path: DirArgument,
    half: Annotated[
        str | None, typer.Option(help="Score one half of the pages: dev or test.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Article bodies on the article-extraction benchmark's HTML pages, against its gold.

    PATH holds ground-truth.json and html/*.html.gz. Scored by shingles of four tokens:
    trafilatura as storyline calls it, then storyline's cleaning of that text.
    """
    if half not in (None, "dev", "test"):
        raise typer.BadParameter("--half is dev or test")
    from storyline.evaluation.extraction import evaluate_extraction

    _need(path)
    if not (path / "ground-truth.json").is_file():
        err.print(f"error: {path}: no ground-truth.json (expected the benchmark's folder)")
        raise typer.Exit(1)
    result = evaluate_extraction(path, half)
    _emit(as_json, result.to_dict(), result.table())


@eval_app.command("textdates")
def textdates(path: DirArgument, as_json: JsonOption = False) -> None:
    """Publication dates read from plain text alone (no metadata, URL or timestamp).

    PATH is the shared data folder; the sets found under it are scored: bbc-fulltext
    (right: within 2004-2005), the article-extraction benchmark's gold bodies and ECB+
    documents (right: the month of the withheld URL's date), by evidence kind.
    """
    from storyline.evaluation.text_dates import evaluate_text_dates, table

    _need(path)
    results = evaluate_text_dates(path)
    if not results:
        err.print(f"error: {path}: none of bbc-fulltext, article-extraction-benchmark, ecbplus")
        raise typer.Exit(1)
    figures = {name: {k: s.to_dict() for k, s in kinds.items()} for name, kinds in results.items()}
    _emit(as_json, figures, table(results))


@eval_app.command("timelines")
def timelines(
    path: DirArgument,
    trial: Annotated[
        bool, typer.Option("--trial", help="Score the trial data instead of corpus_1..3.")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Story timelines on SemEval-2015 Task 4 (TimeLine), adapted to the story level.

    Each corpus is one story; for each target entity, the sentences storyline dates that
    name it are compared with the gold's dated events as (document, sentence, date):
    precision, recall, F1, date accuracy and order agreement, with a baseline that dates
    every sentence naming the entity by its document's date.
    """
    from storyline.evaluation.timelines import evaluate_timelines

    _need(path)
    result = evaluate_timelines(path, trial=trial)
    if not result.corpora:
        err.print(f"error: {path}: no SemEval-2015 Task 4 corpus (texts + gold timelines) found")
        raise typer.Exit(1)
    _emit(as_json, result.to_dict(), result.table())
