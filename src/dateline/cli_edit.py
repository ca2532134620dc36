"""`dateline edit`: the analyst's corrections on the command line, a thin layer over
dateline.curate. Registered in dateline.cli with `main.add_command(edit)`.

Every command takes --db, --note (why; required for a date correction and a commitment status)
and --by (who; the OS user by default), and prints the edit it recorded on one line. Ids may be
given as a unique prefix (4 characters at least), as `dateline timeline --json` and the web app
show them."""
from __future__ import annotations

import json

import click

from .store import Store
from .store.sqlite import StoreError

_db = click.option("--db", required=True, type=click.Path(dir_okay=False, exists=True),
                   help="Database built by `dateline build`.")
_note = click.option("--note", default=None, help="Why: shown with the edit everywhere.")
_by = click.option("--by", default=None, help="Who makes the edit (default: the OS user).")


def _run(db: str, kind: str, action: str, target: str, value: dict | None = None,
         note: str | None = None, by: str | None = None) -> None:
    from .curate import EditError, add

    try:
        with Store(db) as store:
            e = add(store, kind, action, target, value=value, note=note, by=by)
    except (EditError, StoreError) as ex:
        raise click.ClickException(str(ex))
    click.echo(f"edit {e['id']}: {kind} {e['target']} {action}"
               + (f" {json.dumps(e['value'], ensure_ascii=False)}" if e["value"] else "")
               + (f" — {e['note']}" if e["note"] else "") + f" (by {e['by']})")


@click.group()
def edit() -> None:
    """Correct the story: hide, star, merge, split and re-date events; rename, merge, split
    entities or mark one as junk; set a commitment's status by hand. Edits are kept apart from
    what the build derives, survive rebuilds, are marked as edits in every view and export,
    and can be undone (`edit list`, `edit undo`)."""


@edit.group()
def event() -> None:
    """Hide, star, re-date, merge or split an event (ids from `dateline timeline --json`)."""


@event.command("hide")
@click.argument("event_id")
@_db
@_note
@_by
def event_hide(event_id, db, note, by):
    """Leave EVENT_ID out of the timeline and of every export (the edit log keeps it)."""
    _run(db, "event", "hide", event_id, note=note, by=by)


@event.command("star")
@click.argument("event_id")
@_db
@_note
@_by
def event_star(event_id, db, note, by):
    """Mark EVENT_ID as one the story needs (`timeline --starred` lists them)."""
    _run(db, "event", "star", event_id, note=note, by=by)


@event.command("date")
@click.argument("event_id")
@click.argument("date")
@_db
@click.option("--reason", required=True, help="Why the date is wrong (shown with the edit).")
@_by
def event_date(event_id, date, db, reason, by):
    """Set EVENT_ID's date to DATE (YYYY, YYYY-MM or YYYY-MM-DD); the derived date is kept."""
    _run(db, "event", "date", event_id, {"date": date}, note=reason, by=by)


@event.command("merge")
@click.argument("event_id")
@click.argument("others", nargs=-1, required=True)
@_db
@_note
@_by
def event_merge(event_id, others, db, note, by):
    """Merge the OTHERS events into EVENT_ID: their sources join it."""
    _run(db, "event", "merge", event_id, {"others": list(others)}, note=note, by=by)


@event.command("split")
@click.argument("event_id")
@click.argument("sources", nargs=-1, required=True)
@_db
@_note
@_by
def event_split(event_id, sources, db, note, by):
    """Move SOURCES (DOC:START, as in the event's sources; a document id prefix will do) out of
    EVENT_ID into an event of their own."""
    _run(db, "event", "split", event_id, {"sources": list(sources)}, note=note, by=by)


@edit.group()
def entity() -> None:
    """Rename, merge, split an entity or mark it as junk (ids from `dateline entities --json`)."""


@entity.command("rename")
@click.argument("entity_id")
@click.argument("name")
@_db
@_note
@_by
def entity_rename(entity_id, name, db, note, by):
    """Call ENTITY_ID NAME (the old name stays an alias)."""
    _run(db, "entity", "rename", entity_id, {"name": name}, note=note, by=by)


@entity.command("merge")
@click.argument("entity_id")
@click.argument("others", nargs=-1, required=True)
@_db
@_note
@_by
def entity_merge(entity_id, others, db, note, by):
    """Merge the OTHERS entities into ENTITY_ID (their events, aliases and mentions)."""
    _run(db, "entity", "merge", entity_id, {"others": list(others)}, note=note, by=by)


@entity.command("split")
@click.argument("entity_id")
@click.argument("alias")
@click.option("--name", default=None, help="Name of the new entity (default: the alias).")
@_db
@_note
@_by
def entity_split(entity_id, alias, name, db, note, by):
    """Move ALIAS out of ENTITY_ID into an entity of its own, with the events whose sources
    name the alias and none of the entity's other names."""
    _run(db, "entity", "split", entity_id, {"alias": alias, "name": name}, note=note, by=by)


@entity.command("junk")
@click.argument("entity_id")
@_db
@_note
@_by
def entity_junk(entity_id, db, note, by):
    """Mark ENTITY_ID as no real entity: left out of lists, events and commitments."""
    _run(db, "entity", "junk", entity_id, note=note, by=by)


@edit.group()
def commitment() -> None:
    """Set a commitment's status by hand (ids from `dateline commitments --json`)."""


@commitment.command("status")
@click.argument("commitment_id")
@click.argument("status")
@_db
@click.option("--note", required=True, help="Why: the report that shows it (shown with the edit).")
@_by
def commitment_status(commitment_id, status, db, note, by):
    """Set COMMITMENT_ID's status to STATUS (pending, met, met_late, missed, unknown, broken,
    postponed, cancelled, disputed); the derived status is kept."""
    _run(db, "commitment", "status", commitment_id, {"status": status}, note=note, by=by)


@edit.command("list")
@_db
@click.option("--json", "as_json", is_flag=True, help="JSON: the audit log as exported.")
def list_edits(db, as_json):
    """The audit log: every edit, oldest first, whether it is active and what it applies to
    in the current build ("gone": its target is no longer in the database)."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from .curate import edits
    from .export.json import edit_json

    try:
        with Store(db, readonly=True) as store:
            rows = edits(store)
    except StoreError as e:
        raise click.ClickException(str(e))
    if as_json:
        click.echo(json.dumps([edit_json(e) for e in rows], ensure_ascii=False, indent=1))
        return
    t = Table(title=f"{len(rows)} edits")
    for col in ("id", "when", "by", "target", "action", "value", "note", "state"):
        t.add_column(col, overflow="fold", no_wrap=col in ("id", "when"))
    for e in rows:
        if e["action"] == "undo":
            state = "undo"
        elif e["undone_by"]:
            state = f"undone by {e['undone_by']}"
        else:
            state = "active" if e["applied_to"] else "gone"
        t.add_row(str(e["id"]), e["at"], escape(e["by"]), f"{e['kind']} {e['target']}", e["action"],
                  escape(json.dumps(e["value"], ensure_ascii=False)) if e["value"] else "",
                  escape(e["note"] or ""), state)
    Console(emoji=False, highlight=False).print(t)


@edit.command("undo")
@click.argument("edit_id", type=int)
@_db
@_note
@_by
def undo_edit(edit_id, db, note, by):
    """Undo edit EDIT_ID (recorded as an edit of its own; the log keeps both)."""
    from .curate import EditError, undo

    try:
        with Store(db) as store:
            e = undo(store, edit_id, note=note, by=by)
    except (EditError, StoreError) as ex:
        raise click.ClickException(str(ex))
    click.echo(f"edit {e['id']}: undid edit {edit_id} (by {e['by']})")
