"""Command line: a thin layer over the library (dateline.pipeline, dateline.store, dateline.export)."""
from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from .store import Store
from .store.sqlite import StoreError

err = Console(stderr=True)


def _open(db: str) -> Store:
    try:
        return Store(db, readonly=True)
    except StoreError as e:
        raise click.ClickException(str(e))


@click.group()
@click.version_option(package_name="dateline")
def main() -> None:
    """dateline: a sourced timeline from a pile of news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="SQLite database to create or update.")
@click.option("--workers", type=int, default=None, help="Worker processes (default: up to 2).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def build(paths, db, workers, quiet):
    """Ingest, clean, dedupe and annotate articles (files or folders) into DB.

    Accepts .txt, .html/.htm, .jsonl (one article per line) and .warc/.warc.gz. Incremental:
    documents already in DB are skipped. Exit code 1 if any input failed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .pipeline import build as run_build

    def on_error(msg: str) -> None:
        err.print(f"[red]error[/red] {msg}", highlight=False, soft_wrap=True)

    with Progress(SpinnerColumn(), TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("articles"), TimeElapsedColumn(), console=err,
                  disable=quiet, transient=True) as progress:
        task = progress.add_task("build", total=None)
        report = run_build(paths, db, workers=workers, on_error=on_error,
                           on_progress=lambda n: progress.advance(task, n))
    c = report.counters
    click.echo(f"{report.added} added, {report.already} already in the database, "
               f"{len(report.failed)} failed; {report.documents} documents in {report.db}")
    click.echo(f"  {c['dropped_lines']} debris lines dropped, {c['exact_duplicates']} exact and "
               f"{c['near_duplicates']} near duplicates, {c['repeated_paragraphs']} repeated paragraphs, "
               f"{c['time_expressions']} time expressions")
    if report.failed:
        sys.exit(1)


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="JSON lines instead of a table.")
def docs(db, as_json):
    """List documents: id, source, title, published, how, languages, duplicate of."""
    with _open(db) as store:
        rows = list(store.documents(full=False))
    if as_json:
        for d in rows:
            click.echo(json.dumps({"id": d.id, "path": d.path, "source": d.source, "title": d.title,
                                   "published": d.published, "published_how": d.published_how,
                                   "languages": d.languages, "duplicate_of": d.duplicate_of},
                                  ensure_ascii=False))
        return
    t = Table(title=f"{len(rows)} documents")
    # ids and dates must stay whole; the title folds
    t.add_column("id", no_wrap=True, min_width=16)
    t.add_column("source", overflow="fold", max_width=16)
    t.add_column("title", overflow="fold")
    t.add_column("published", no_wrap=True, min_width=10)
    t.add_column("how", overflow="fold")
    t.add_column("lang", no_wrap=True)
    t.add_column("duplicate of", overflow="fold", max_width=16)
    for d in rows:
        t.add_row(d.id, d.source or "", d.title or "", d.published or "", d.published_how or "",
                  ",".join(d.languages), d.duplicate_of or "")
    Console().print(t)


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", help="File to write (default stdout).")
def export(db, fmt, output):
    """Export the database (json: the dateline/1 schema)."""
    from .export import json as jexport

    with _open(db) as store, click.open_file(output, "w", encoding="utf-8") as out:
        jexport.write(store, out)


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--date", "ref", default=None, help="Reference (publication) date YYYY-MM-DD.")
def times(file, ref):
    """Tag the time expressions in FILE (or - for stdin) exactly as given; JSON output."""
    from .time import tag

    text = file.read()
    click.echo(json.dumps([t.to_json() for t in tag(text, ref)], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
