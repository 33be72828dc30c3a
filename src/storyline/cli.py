"""The ``storyline`` command: run, stories, show, export, times, eval."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline import __version__
from storyline.cli_eval import eval_app

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn raw news articles into stories with timelines, cross-source facts and briefings.",
)
app.add_typer(eval_app, name="eval")
out = Console()
err = Console(stderr=True, soft_wrap=True)  # an error stays on one line, whatever the width

DbOption = Annotated[Path, typer.Option("--db", help="Database file (SQLite) or SQLAlchemy URL.")]


def _open_store(db: Path, must_exist: bool = True):  # noqa: ANN202 - Store, imported lazily
    from storyline.store import SchemaMismatch, Store

    if must_exist and "://" not in str(db) and not db.exists():
        err.print(f"error: {db}: no such database (create one with 'storyline run PATH --db {db}')")
        raise typer.Exit(2)
    try:
        return Store(db)
    except SchemaMismatch as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc


@contextmanager
def _busy_exits() -> Iterator[None]:
    """Another run writing into the store: one line on stderr and exit status 2."""
    from storyline.store import StoreBusy

    try:
        yield
    except StoreBusy as exc:
        err.print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from exc


class _Bar:
    """Draws pipeline progress as rich progress bars."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.tasks: dict[str, int] = {}

    def start(self, phase: str, total: int | None) -> None:
        self.tasks[phase] = self.progress.add_task(phase, total=total)

    def advance(self, phase: str, amount: int = 1) -> None:
        self.progress.advance(self.tasks[phase], amount)


def _version(value: bool) -> None:
    if value:
        out.print(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """storyline: raw news in, stories an analyst can trust out."""


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .html, .jsonl) or folders.")],
    db: DbOption = Path("storyline.db"),
    languages: Annotated[
        str, typer.Option(help="Languages to tell apart (ISO 639-1, comma separated).")
    ] = "en,es,fr,de,it,pt,nl,ar,ru,tr",
    max_mb: Annotated[float, typer.Option(help="Largest page file to read, in MB.")] = 10.0,
    workers: Annotated[
        int,
        typer.Option(
            help="Processes analysing documents side by side (each loads its own spaCy "
            "model); 0 means one per CPU."
        ),
    ] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Ingest and analyse PATHS into the database; only new input is processed."""
    from storyline.pipeline import Settings
    from storyline.pipeline import run as run_pipeline
    from storyline.workers import worker_count

    settings = Settings(
        languages=tuple(c.strip() for c in languages.split(",") if c.strip()),
        max_bytes=int(max_mb * 1024 * 1024),
        workers=worker_count(workers),
    )
    store = _open_store(db, must_exist=False)
    columns = (
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with _busy_exits(), Progress(*columns, console=err, disable=quiet) as progress:
        report = run_pipeline(paths, store, settings, _Bar(progress))
    for error in report.errors:
        err.print(f"error: {error}", markup=False, highlight=False)
    counts = store.counts()
    out.print(
        f"{report.documents_added} new documents ({report.articles_added} articles), "
        f"{report.documents_unchanged} unchanged, {len(report.errors)} failed; "
        f"{report.stories_updated} stories updated; the store holds {counts['articles']} "
        f"articles in {counts['stories']} stories ({db})"
    )
    raise typer.Exit(1 if report.errors else 0)


@app.command()
def reanalyse(
    db: DbOption = Path("storyline.db"),
    articles: Annotated[
        bool,
        typer.Option(
            "--articles",
            help="First analyse every article's text again too (spaCy, times, quantities; "
            "slow), keeping its date and language.",
        ),
    ] = False,
    stale: Annotated[
        bool,
        typer.Option(
            "--stale",
            help="Only the large stories whose analysis does not cover their newest "
            "articles yet (runs analyse those in full only now and then).",
        ),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
) -> None:
    """Analyse every stored story again, as this version of storyline does (after an
    upgrade), or with --stale the ones behind their newest articles; articles stay in
    their stories and events."""
    from storyline.pipeline import reanalyse_articles, reanalyse_stories

    if stale and articles:
        raise typer.BadParameter("--stale and --articles do not go together")

    store = _open_store(db)
    columns = (TextColumn("{task.description:<16}"), BarColumn(), MofNCompleteColumn())
    with (
        _busy_exits(),
        store.writer("storyline reanalyse"),
        Progress(*columns, TimeElapsedColumn(), console=err, disable=quiet) as progress,
    ):
        done = reanalyse_articles(store, _Bar(progress)) if articles else 0
        count = reanalyse_stories(store, _Bar(progress), stale_only=stale)
    also = f"{done} articles and " if articles else ""
    out.print(f"{also}{count} stories analysed again ({db})")


@app.command()
def stories(db: DbOption = Path("storyline.db")) -> None:
    """List the stories in the database."""
    store = _open_store(db)
    table = Table("story", "articles", "dates", "title")
    for row in store.story_rows():
        span = " to ".join(dict.fromkeys(d for d in (row["first_date"], row["last_date"]) if d))
        table.add_row(str(row["id"]), str(row["articles"]), span or "?", str(row["title"]))
    out.print(table)


@app.command()
def show(
    story: Annotated[str, typer.Argument(help="Story id (from 'storyline stories').")],
    db: DbOption = Path("storyline.db"),
    fmt: Annotated[str, typer.Option("--format", help="md or json.")] = "md",
) -> None:
    """Print one story's briefing."""
    from storyline.export import build_export, render

    store = _open_store(db)
    found = store.story(story)
    if found is None:
        err.print(f"error: no story {story!r} in {db}")
        raise typer.Exit(2)
    document = build_export(store.articles(found.articles), [found])
    if fmt not in ("md", "json"):
        err.print(f"error: --format must be md or json, not {fmt!r}")
        raise typer.Exit(2)
    sys.stdout.write(render(document, fmt))


@app.command()
def export(
    db: DbOption = Path("storyline.db"),
    fmt: Annotated[str, typer.Option("--format", help="json, md or html.")] = "json",
    out_path: Annotated[Path, typer.Option("--out", help="Output file ('-' for stdout).")] = Path(
        "-"
    ),
) -> None:
    """Export every article and story as JSON (the documented contract), Markdown or HTML."""
    from storyline.export import FORMATS, build_export, render

    if fmt not in FORMATS:
        err.print(f"error: --format must be one of {', '.join(FORMATS)}, not {fmt!r}")
        raise typer.Exit(2)
    store = _open_store(db)
    text = render(build_export(store.articles(), store.stories()), fmt)
    if str(out_path) == "-":
        sys.stdout.write(text)
        return
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8")
    out.print(f"wrote {out_path}")


@app.command()
def times(
    file: Annotated[Path, typer.Argument(help="A plain-text file (UTF-8).")],
    dct: Annotated[
        str | None, typer.Option(help="Document date YYYY-MM-DD to anchor relative expressions.")
    ] = None,
) -> None:
    """Print the time expressions of FILE as JSON, with character offsets into its text."""
    from storyline.ingest import decode_text, normalise_iso_date
    from storyline.model import IngestError
    from storyline.timex import tag_times

    if dct is not None and normalise_iso_date(dct) != dct:
        err.print(f"error: --dct must be YYYY-MM-DD, YYYY-MM or YYYY, not {dct!r}")
        raise typer.Exit(2)
    try:
        text = decode_text(file.read_bytes())
    except OSError as exc:
        err.print(f"error: {file}: cannot read: {exc.strerror or exc}")
        raise typer.Exit(1) from exc
    if isinstance(text, IngestError):
        err.print(f"error: {file}: {text.reason}")
        raise typer.Exit(1)
    found = [
        {
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "type": t.type,
            "value": t.value,
            "mod": t.mod,
            "signal": t.signal,
        }
        for t in tag_times(text, dct)
    ]
    sys.stdout.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")


@app.command()
def serve(
    db: DbOption = Path("storyline.db"),
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool, typer.Option("--allow-ingest", help="Accept POST /api/v1/ingest (needs the token).")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(envvar="STORYLINE_TOKEN", help="Ingest token (default: generated, printed)."),
    ] = None,
) -> None:
    """Serve the REST API (/api/v1, /openapi.json) and the web pages over the database."""
    from functools import partial

    from storyline.api import serve as serve_app

    say = partial(out.print, markup=False, highlight=False)
    serve_app(_open_store(db), host, port, allow_ingest, token, say=say)


if __name__ == "__main__":  # python -m storyline.cli
    app(prog_name="storyline")
