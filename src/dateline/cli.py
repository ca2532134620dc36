"""Command line: a thin layer over the library (dateline.pipeline, dateline.store, dateline.export)."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .export import FORMATS, edited
from .store import Store
from .model import COMMITMENT_KINDS
from .settings import SETTINGS
from .store.sqlite import StoreError, explain

err = Console(stderr=True, emoji=False, highlight=False)


def _store_failed(e: StoreError):
    """One line; exit 2 when the machine is at fault (disk full, read-only, damaged file)."""
    err.print(f"[red]error[/red] {escape(str(e))}", soft_wrap=True)
    sys.exit(2 if e.environment else 1)


def _open(db: str) -> Store:
    click.get_current_context().find_root().obj = db   # for _Group's one-line errors
    try:
        return Store(db, readonly=True)
    except StoreError as e:
        _store_failed(e)


class _Group(click.Group):
    """Reads fail late (a page damaged in the middle of the file shows only when read): an
    SQLite error from any command is one line naming the database, exit 2."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except sqlite3.Error as e:
            _store_failed(explain(ctx.obj or "the database", e))


@click.group(cls=_Group)
@click.version_option(package_name="dateline")
def main() -> None:
    """dateline: a sourced timeline from a pile of news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite database to create or update.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="spark: run on Apache Spark (pip install 'dateline[spark]') and write "
                   "Parquet tables to --out; load them with `dateline import`.")
@click.option("--master", default=None, help="Spark master URL (--engine spark; default: "
              "spark-submit's, else local[*]).")
@click.option("--out", type=click.Path(), default=None,
              help="Folder or URI for the Parquet tables (--engine spark).")
@click.option("--workers", type=int, default=None, help="Worker processes (default: up to 2).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--no-entities", is_flag=True, help="Skip named-entity recognition (much faster; no actors/places).")
@click.option("--topic", default=None,
              help="Words saying what the story is about (kept in DB): events naming none of "
                   "them rank lower and may be set apart as off-topic.")
def build(paths, db, engine, master, out, workers, quiet, no_entities, topic):
    """Ingest, clean, dedupe and annotate articles (files or folders) into DB.

    Accepts .txt, .html/.htm, .jsonl (one article per line) and .warc/.warc.gz. Incremental:
    documents already in DB are skipped. Exit code 1 if any input failed."""
    if engine == "spark":
        return _build_spark(paths, out, master, db, no_entities, topic)
    if not db:
        raise click.UsageError("--db is required (or --engine spark with --out)")
    if out or master:
        raise click.UsageError("--out and --master are for --engine spark")
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    from .ingest import missing
    from .pipeline import build as run_build

    if (gone := missing(paths)):
        # before the database is created or opened: a typo in a path builds nothing
        raise click.ClickException(
            f"no such file or folder: {', '.join(escape(g) for g in gone)} (nothing built; "
            f"{'the database was not created' if not Path(db).exists() else db + ' unchanged'})")

    def on_error(msg: str) -> None:
        err.print(f"[red]error[/red] {escape(msg)}", soft_wrap=True)

    def on_warning(msg: str) -> None:
        err.print(f"[yellow]warning[/yellow] {escape(msg)}", soft_wrap=True)

    def on_gazetteer(path) -> None:   # said even with --quiet: it explains a long first pause
        err.print(f"building the place gazetteer (GeoNames and pycountry; once, for every "
                  f"later build) into {escape(str(path))} ...", soft_wrap=True)

    # one bar per stage, by name: the articles read and cleaned (and time-tagged), then
    # through the models (entities, events) and stored -- one pass per article, counted
    # first, with an ETA -- then each corpus-level stage
    labels = {"clean": "articles: read, clean", "entities": "articles: entities, events",
              "events": "articles: events"}
    tasks: dict = {}

    with Progress(SpinnerColumn(), TextColumn("{task.description:<28}"), BarColumn(),
                  MofNCompleteColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                  TimeElapsedColumn(), console=err, disable=quiet, transient=True) as progress:
        def on_progress(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(labels.get(stage, stage), total=total)
            progress.update(tasks[stage], completed=done, total=total)

        try:
            report = run_build(paths, db, workers=workers, on_error=on_error,
                               entities=not no_entities, topic=topic,
                               on_progress=on_progress, on_gazetteer=on_gazetteer,
                               on_warning=on_warning)
        except StoreError as e:
            _store_failed(e)
    c = report.counters
    click.echo(f"{report.added} added, {report.already} already in the database, "
               f"{len(report.failed)} failed; {report.documents} documents in {report.db}")
    click.echo(f"  added now: {c['dropped_lines']} debris lines dropped, "
               f"{c['time_expressions']} time expressions")
    story = (f"  whole database: {c['exact_duplicates']} exact and {c['near_duplicates']} near "
             f"duplicates, {c['repeated_paragraphs']} repeated paragraphs")
    if "events" in c:
        story += (f", {c['entities']} entities, {c['events']} events, "
                  f"{c['commitments']} commitments, {c['conflicts']} conflicts")
    click.echo(story)
    if c.get("replaced characters"):
        err.print(f"[yellow]warning[/yellow] {c['replaced characters']} unsafe characters (lone "
                  "surrogates, control characters) replaced by U+FFFD in the text", soft_wrap=True)
    if c.get("cut by the budget"):
        n = c["cut by the budget"]
        err.print(f"[yellow]warning[/yellow] {n} document{'s' if n > 1 else ''} over the "
                  "per-document budget cut to size (`dateline docs` says what was cut; "
                  "`dateline settings --stage budget` lists the limits)", soft_wrap=True)
    if c.get("hidden skipped"):
        n = c["hidden skipped"]
        err.print(f"note: {n} hidden file{'s' if n > 1 else ''} (name or folder starting with "
                  "'.') skipped in input folders; name a file to read it", soft_wrap=True)
    if c.get("undated"):
        n = c["undated"]
        many = n > 1
        err.print(f"[yellow]warning[/yellow] {n} document{'s have' if many else ' has'} no date in "
                  f"{'their' if many else 'its'} metadata or text: only dates with a year in "
                  f"{'them' if many else 'it'} reach the timeline (`dateline docs` lists "
                  f"{'them' if many else 'it'}; a .jsonl 'date' field or a dateline with a year "
                  "gives one)", soft_wrap=True)
    if report.failed:
        sys.exit(1)


def _error(msg: str) -> None:
    err.print(f"[red]error[/red] {escape(msg)}", soft_wrap=True)


def _build_spark(paths, out, master, db, no_entities, topic):
    from .spark import SparkUnavailable, build as spark_build

    if not out:
        raise click.UsageError("--engine spark writes Parquet tables: give --out DIR")
    if db:
        raise click.UsageError("--engine spark writes to --out; load it with "
                               "`dateline import DIR --db X`")
    try:
        report = spark_build(paths, out, master=master, entities=not no_entities,
                             topic=topic, on_error=_error)
    except SparkUnavailable as e:
        raise click.ClickException(str(e))
    c = report.counters
    click.echo(f"{report.documents} documents, {len(report.failed)} failed; Parquet tables in "
               f"{report.out}")
    click.echo(f"  {c['exact_duplicates']} exact and {c['near_duplicates']} near duplicates, "
               f"{c['repeated_paragraphs']} repeated paragraphs, {c['dated from corpus']} "
               f"dated from the corpus; next: dateline import {report.out} --db STORY.db")
    if report.failed:
        sys.exit(1)


@main.command("import")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="SQLite database to create or update.")
def import_(folder, db):
    """Load the Parquet tables of `dateline build --engine spark` into DB, then link, rank
    and reason over the whole database (as `build` does)."""
    from .pipeline import import_parquet
    from .store.parquet import ParquetError

    try:
        report = import_parquet(folder, db)
    except StoreError as e:   # as in build: exit 2 when the machine is at fault
        _store_failed(e)
    except ParquetError as e:
        raise click.ClickException(str(e))
    c = report.counters
    click.echo(f"{report.added} added, {report.already} already in the database; "
               f"{report.documents} documents in {report.db}")
    click.echo(f"  whole database: {c['exact_duplicates']} exact and {c['near_duplicates']} near "
               f"duplicates, {c['repeated_paragraphs']} repeated paragraphs, {c['entities']} "
               f"entities, {c['events']} events, {c['commitments']} commitments, "
               f"{c['conflicts']} conflicts")


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
                                   "languages": d.languages, "duplicate_of": d.duplicate_of,
                                   "cut": d.cut},
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
    cut = any(d.cut for d in rows)
    if cut:   # only when the budget cut something: what, and at which limit
        t.add_column("cut", overflow="fold")
    for d in rows:
        t.add_row(d.id, d.source or "", d.title or "", d.published or "", d.published_how or "",
                  ",".join(d.languages), d.duplicate_of or "",
                  *([escape("; ".join(d.cut))] if cut else []))
    Console().print(t)


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--type", "etype", type=click.Choice(["person", "org", "place", "other"]), default=None)
@click.option("--sources", is_flag=True, help="Include outlets and bylines (sources, not actors).")
@click.option("--top", type=click.IntRange(min=1), default=None,
              help="Only the N most mentioned.")
@click.option("--json", "as_json", is_flag=True)
def entities(db, etype, sources, top, as_json):
    """Canonical people, organisations and places, most mentioned first."""
    from .query import view

    with _open(db) as store:
        rows = [e for e in view(store).entities if (not etype or e["type"] == etype)
                and (sources or not e.get("is_source"))]
    total = len(rows)
    rows = rows[:top] if top else rows
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"{total} entities" + (f", the {len(rows)} most mentioned" if len(rows) < total else ""))
    for col, kw in (("name", {}), ("type", {}), ("role", {}), ("mentions", {"justify": "right"}),
                    ("aliases", {"overflow": "fold"}), ("lat, lon", {"no_wrap": True})):
        t.add_column(col, **kw)
    for e in rows:
        t.add_row(escape(e["name"]) + (f"\n[yellow]{escape(edited(e))}[/]" if e.get("edits") else ""),
                  e["type"] + (" (source)" if e.get("is_source") else ""),
                  ", ".join(e.get("roles") or [])[:40], str(e["mentions"]),
                  ", ".join(a for a in e["aliases"] if a != e["name"]),
                  f"{e['lat']:.3f}, {e['lon']:.3f}" if e.get("lat") is not None else "")
    Console().print(t)


def _event_filters(verb: str, top_help: str):
    """The event filters of `timeline` and `export` (one set of options, one meaning: both
    pass them to ``query.timeline``); VERB says what the command does with an event."""
    def decorate(f):
        for opt in reversed((
                click.option("--entity", default=None,
                             help="Only events involving this entity (name or alias)."),
                click.option("--from", "date_from", default=None,
                             help="Earliest date (YYYY[-MM[-DD]])."),
                click.option("--to", "date_to", default=None,
                             help="Latest date (YYYY[-MM[-DD]])."),
                click.option("--top", type=click.IntRange(min=1), default=None, help=top_help),
                click.option("--no-background", is_flag=True,
                             help="Leave out history before the story window."),
                click.option("--off-topic", is_flag=True,
                             help=f"Also {verb} events off the story's topic (relevance below "
                                  "timeline.OFF_TOPIC: other stories on the pages)."))):
            f = opt(f)
        return f
    return decorate


def _filters(entity, date_from, date_to, top, no_background, off_topic) -> dict:
    """The options of ``_event_filters`` as ``query.timeline``'s keyword arguments."""
    return {"entity": entity, "date_from": date_from, "date_to": date_to, "top": top,
            "include_background": not no_background, "include_off_topic": off_topic}


def _notes(store: Store, filters: dict, events: list, done: str, does: str) -> None:
    """What the filters hid that the user may look for: off-topic events ("not DONE
    (--off-topic DOES them)"), an entity that names nothing."""
    if not filters["include_off_topic"]:
        hidden = sum(1 for e in store.events() if e.off_topic)
        if hidden:
            err.print(f"{hidden} off-topic event{'s' if hidden > 1 else ''} not {done} "
                      f"(--off-topic {does} them)")
    entity = filters["entity"]
    if entity and not events:
        from .query import entity_ids
        if not entity_ids(store, entity):
            err.print(f"no entity named {escape(entity)!r} and no event quote mentions it "
                      "(see `dateline entities`)")


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@_event_filters("show", "Only the N most important events (shown by date).")
@click.option("--by", "order", type=click.Choice(["date", "importance"]), default="date",
              show_default=True, help="Order: by date, or the most important events first.")
@click.option("--starred", is_flag=True, help="Only the events an analyst starred (`dateline edit event star`).")
@click.option("--all", "every_event", is_flag=True,
              help=f"Every event, also in a terminal (where the {SETTINGS.output.TERMINAL_EVENTS} "
                   "most important are shown by default: output.TERMINAL_EVENTS).")
@click.option("--json", "as_json", is_flag=True)
def timeline(db, entity, date_from, date_to, top, no_background, off_topic, order, starred,
             every_event, as_json):
    """The sourced timeline: events by date, with their sources (as curated: hidden events
    left out, edited dates and summaries shown as edited).

    In a terminal, without --top, the most important events are shown (output.TERMINAL_EVENTS);
    --all, --json or a pipe (`| less`) shows every one."""
    from .export.json import event_json
    from .query import timeline as query_timeline, view

    if every_event and top:
        raise click.ClickException("--all and --top contradict each other; give one")
    filters = _filters(entity, date_from, date_to, top, no_background, off_topic)
    # a table of hundreds of events scrolls away in a terminal; a pipe or a script gets all
    limit = (SETTINGS.output.TERMINAL_EVENTS if top is None and not every_event and not as_json
             and sys.stdout.isatty() else None)
    with _open(db) as store:
        try:
            v = view(store)
            filters = dict(filters, starred=starred, curated=v)
            events = query_timeline(store, by=order, **filters)
            if limit is not None and len(events) > limit:
                total = len(events)
                events = query_timeline(store, by=order, **dict(filters, top=limit))
                err.print(f"the {limit} most important of {total} events (--top N for another "
                          "number, --all or a pipe for every one)")
        except ValueError as e:
            raise click.ClickException(str(e))
        _notes(store, filters, events, "shown", "shows")
        n_hidden = len(v.hidden_events)
        if n_hidden:
            err.print(f"{n_hidden} event{'s' if n_hidden > 1 else ''} hidden by an edit "
                      "(`dateline edit list` shows the edits)")
        docs = {d.id: d for d in store.documents(full=False)}
    if as_json:
        click.echo(json.dumps([event_json(ev) for ev in events], ensure_ascii=False, indent=1))
        return
    t = Table(title=f"{len(events)} events", show_lines=True)
    t.add_column("date", no_wrap=True)
    t.add_column("what", overflow="fold", ratio=3)
    t.add_column("how", no_wrap=True)
    t.add_column("sources", overflow="fold", ratio=1)
    for ev in events:
        srcs = sorted({(docs[m.doc].source or Path(docs[m.doc].path).name) if m.doc in docs
                       else m.doc[:8] for m in ev.sources})
        n_docs = len({m.doc for m in ev.sources})
        mark = edited(event_json(ev))
        t.add_row(("★ " if ev.starred else "") + ev.date
                  + ("?\n[dim]uncertain[/dim]" if ev.uncertain else "")
                  + ("\n[dim]background[/dim]" if ev.background else ""),
                  escape(ev.summary) + (f"\n[yellow]{escape(mark)}[/]" if mark else ""),
                  ev.modality, f"{n_docs} article{'s' if n_docs > 1 else ''}: " + ", ".join(srcs))
    Console().print(t)


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--dates", type=int, default=10, show_default=True,
              help="How many days (at most; a story may have fewer dated days).")
@click.option("--sentences", "per_date", type=int, default=1, show_default=True,
              help="Sentences per day (at most; a day may have fewer distinct ones).")
@click.option("--from", "date_from", default=None, help="Earliest date (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", default=None, help="Latest date (YYYY[-MM[-DD]]).")
@click.option("--json", "as_json", is_flag=True)
def digest(db, dates, per_date, date_from, date_to, as_json):
    """The story in N days: the most important days, each summarised by source sentences
    (timeline summarisation, as measured by benchmarks/tls.py)."""
    from .query import digest as query_digest

    with _open(db) as store:
        try:
            days = query_digest(store, dates, per_date, date_from, date_to)
        except ValueError as e:
            raise click.ClickException(str(e))
        if as_json:   # the same object as the web app's /digest.json
            click.echo(json.dumps({"dates": dates, "sentences": per_date, "from": date_from,
                                   "to": date_to, "days": days}, ensure_ascii=False, indent=1))
            return
        label = {d.id: d.source or Path(d.path).name for d in store.documents(full=False)}
    t = Table(title=f"the story in {len(days)} days", show_lines=True)
    t.add_column("date", no_wrap=True)
    t.add_column("what (source, published)", overflow="fold")
    for d in days:
        what = "\n\n".join(
            escape(s["text"]) + f"\n[dim]— {escape(label.get(s['doc'], s['doc'][:8]))}"
            + (f", {s['published']}" if s["published"] else "") + "[/dim]"
            for s in d["sentences"])
        t.add_row(d["date"] + ("?\n[dim]uncertain[/dim]" if d["uncertain"] else ""), what)
    Console().print(t)


def _names(store: Store) -> dict[str, str]:
    from .query import view

    return {e["id"]: e["name"] for e in view(store).entities}


_STATUS_STYLE = {"met": "green", "met_late": "yellow", "missed": "red", "pending": "cyan", "unknown": "dim",
                 "broken": "red", "postponed": "yellow", "cancelled": "magenta", "disputed": "yellow"}


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--status", type=click.Choice(list(_STATUS_STYLE)), default=None, help="Only this status.")
@click.option("--kind", type=click.Choice(list(COMMITMENT_KINDS)), default=None,
              help="Only this kind: promise, deadline, agreement_term or scheduled.")
@click.option("--json", "as_json", is_flag=True)
def commitments(db, status, kind, as_json):
    """Promises, deadlines, terms of agreements and scheduled events, and whether later
    reports say they were kept (as of the latest document)."""
    from .query import view

    with _open(db) as store:
        rows = [c for c in view(store).commitments if (not status or c["status"] == status)
                and (not kind or c.get("kind", "deadline") == kind)]
        names, when = _names(store), store.as_of()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    t = Table(title=f"{len(rows)} commitments as of {when}", show_lines=True)
    t.add_column("due", no_wrap=True)
    t.add_column("kind", no_wrap=True)
    t.add_column("who", overflow="fold")
    t.add_column("what", overflow="fold", ratio=2)
    t.add_column("where", overflow="fold")
    t.add_column("status", no_wrap=True)
    t.add_column("deadline history / evidence", overflow="fold", ratio=2)
    for c in rows:
        history = " → ".join(sorted({d["date"] for d in c["deadlines"]}))
        why = "; ".join(x for x in (edited(c), c.get("status_reason")) if x)
        who = ", ".join(names.get(w, w) for w in c["who"]) or (
            f"the {c['party']}" if c.get("party") else "")
        due = c.get("due", c["deadline"]) or (c.get("due_text") or "?")
        t.add_row(escape(due), c.get("kind", "deadline"), escape(who), escape(c["what"]),
                  ", ".join(names.get(p, p) for p in c["places"]),
                  f"[{_STATUS_STYLE[c['status']]}]{c['status']}[/]"
                  + ("\n[yellow]by hand[/]" if c.get("edits") else ""),
                  escape("; ".join(x for x in (history, f"{len(c['sources'])} source(s)", why) if x)))
    Console().print(t)


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
def conflicts(db, as_json):
    """Where sources disagree: numbers, dates and opposing claims, each with its quotes."""
    with _open(db) as store:
        rows = store.conflicts()
        docs = {d.id: d for d in store.documents(full=False)}
        ents = {e["id"]: e["name"] for e in store.entities()} if not as_json else {}
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return

    def who(x):  # the party making the claim (the source's words), not the outlet
        said = (x.get("said_by") or {}).get("text")
        name = said or ents.get(x.get("attributed_to") or "", x.get("attributed_to"))
        return f"{escape(name)}, in " if name else ""

    t = Table(title=f"{len(rows)} disagreements", show_lines=True)
    t.add_column("about", overflow="fold")
    t.add_column("kind", no_wrap=True)
    t.add_column("class", no_wrap=True)
    t.add_column("claims", overflow="fold", ratio=3)
    for c in rows:
        claims = "\n".join(
            f"[bold]{escape(x['value'])}[/] — {who(x)}{escape(docs[x['doc']].source or x['doc'][:8]) if x['doc'] in docs else x['doc'][:8]}: "
            f"“{escape(x['quote'])}”" for x in c["claims"])
        t.add_row(escape(c["about"]), c["kind"], c.get("classification", ""), claims)
    Console().print(t)


@main.command()
@click.option("--db", required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="-", help="File to write (default stdout).")
@click.option("--title", default=None,
              help="Title of the html report and the TimelineJS slide show (default: the "
                   "build's --topic, else the most mentioned names, with the story's months).")
@_event_filters("export", "Only the N most important events (in date order). TimelineJS "
                          f"defaults to the {SETTINGS.output.TIMELINEJS_TOP} most important "
                          "(output.TIMELINEJS_TOP) of a bigger story; --all for every event.")
@click.option("--all", "every_event", is_flag=True,
              help="Every event the filters keep, also in TimelineJS (no default --top).")
def export(db, fmt, output, title, entity, date_from, date_to, top, no_background, off_topic,
           every_event):
    """Export the database, with the events `timeline` would show for the same filters.

    json: the dateline/1 object; csv: one row per event source; timelinejs: Knight Lab
    TimelineJS3 JSON; ics: deadlines as calendar events; geojson: places with their events;
    plover: PLOVER-style event JSON lines; html: a self-contained report file.

    Off-topic events are left out unless --off-topic (as in `timeline`). A TimelineJS export
    of more than output.TIMELINEJS_TOP events keeps that many of the most important: --top N
    for another number, --all for every event. Documents, entities, commitments and
    conflicts are exported whole."""
    from .export import write_story

    if every_event and top:
        raise click.ClickException("--all and --top contradict each other; give one")
    filters = _filters(entity, date_from, date_to, top, no_background, off_topic)
    with _open(db) as store:
        try:
            info = write_story(fmt, store, output, title=title, every_event=every_event, **filters)
        except (RuntimeError, ValueError) as e:
            raise click.ClickException(str(e))
        _notes(store, filters, [None] * info["events"], "exported", "exports")
    if top is None and info["top"] is not None:
        err.print(f"timelinejs: the {info['events']} most important of {info['of']} events "
                  f"(output.TIMELINEJS_TOP = {SETTINGS.output.TIMELINEJS_TOP}; --top N for "
                  "another number, --all for every event)")


@main.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--date", "ref", default=None, help="Reference (publication) date YYYY-MM-DD.")
def times(file, ref):
    """Tag the time expressions in FILE (or - for stdin) exactly as given; JSON output."""
    from .time import tag

    if ref is not None:
        import datetime as _dt
        try:
            _dt.date.fromisoformat(ref)
        except ValueError:
            raise click.ClickException(f"--date must be YYYY-MM-DD, not {ref!r}")
    text = file.read()
    click.echo(json.dumps([t.to_json() for t in tag(text, ref)], ensure_ascii=False, indent=1))


@main.command("settings")
@click.option("--stage", help="Only this stage's settings (time, events, link, timeline, ...).")
@click.option("--json", "as_json", is_flag=True, help="JSON output.")
def settings_cmd(stage, as_json):
    """The tuned constants of every stage: value, what it does, what chose it."""
    from .settings import SETTINGS

    rows = SETTINGS.describe()
    stages = sorted({r["stage"] for r in rows} | {f for f in SETTINGS.__dataclass_fields__})
    if stage is not None:
        if stage not in stages:
            raise click.ClickException(f"no stage {stage!r} (stages: {', '.join(stages)})")
        rows = [r for r in rows if r["stage"] == stage]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=repr))
        return
    table = Table(show_lines=False)
    for col in ("setting", "value", "what", "measured / figure"):
        table.add_column(col, overflow="fold")
    for r in rows:
        how = "; ".join(x for x in (r["measured"], r["figure"]) if x)
        table.add_row(f"{r['stage']}.{r['name']}", escape(repr(r["value"])), escape(r["what"]),
                      escape(how))
    Console(emoji=False, highlight=False).print(table)


from .web.cli_serve import serve  # noqa: E402  (the web app's command lives with the web app)

main.add_command(serve)

from .cli_edit import edit  # noqa: E402  (the analyst's corrections: dateline.curate)

main.add_command(edit)

if __name__ == "__main__":
    main()
