"""Queries over a built database, shared by the CLI, the exports and the web app."""
from __future__ import annotations

import re

from .model import Event
from .store import Store

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _check_date(d: str | None, what: str) -> None:
    if d is not None and not _DATE.match(d):
        raise ValueError(f"{what} must be YYYY, YYYY-MM or YYYY-MM-DD, not {d!r}")


def entity_ids(store: Store, name: str) -> set[str]:
    """Ids of entities whose name or an alias matches name (case-insensitive)."""
    key = name.casefold()
    out = set()
    for e in store.entities():
        if e["id"] == name or key == e["name"].casefold() or key in (a.casefold() for a in e.get("aliases", [])):
            out.add(e["id"])
    return out


def timeline(store: Store, entity: str | None = None, date_from: str | None = None,
             date_to: str | None = None, top: int | None = None,
             include_background: bool = True) -> list[Event]:
    """Events in date order, filtered; with top, the N most important, still in date order.

    An entity is looked up by name or alias among the canonical entities first (so "Kelbajar"
    finds events at Kalbajar); a name that is no entity falls back to matching the quotes."""
    from .timeline import select

    _check_date(date_from, "--from")
    _check_date(date_to, "--to")
    events = store.events()
    if entity:
        ids = entity_ids(store, entity)
        if ids:
            events = [e for e in events if ids & (set(e.actors) | set(e.places) |
                                                  {v for v in e.attributed_to.values() if v})]
            entity = None
    return select(events, top=top, entity=entity, date_from=date_from, date_to=date_to,
                  include_background=include_background)
