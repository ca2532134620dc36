"""The dateline/1 JSON export: the project's public contract (see DESIGN.md)."""
from __future__ import annotations

import json
from typing import IO

from ..store import Store

SCHEMA = "dateline/1"


def document_json(store: Store, doc) -> dict:
    return {
        "id": doc.id, "path": doc.path, "source": doc.source, "title": doc.title, "url": doc.url,
        "published": doc.published, "published_how": doc.published_how,
        "languages": doc.languages, "duplicate_of": doc.duplicate_of, "text": doc.text,
        "dropped": [{"text": d.text, "reason": d.reason} for d in doc.dropped],
        "repeated": store.repeated(doc.id),
        "times": [t.to_json() for t in doc.times],
    }


def entity_json(e: dict) -> dict:
    keys = ("id", "name", "type", "aliases", "mentions", "lat", "lon", "roles", "is_source",
            "edits", "derived")
    return {k: e.get(k) for k in keys if k in e}


def event_json(ev) -> dict:
    return {
        "id": ev.id, "date": ev.date, "summary": ev.summary,
        "actors": ev.actors, "places": ev.places, "modality": ev.modality,
        "sources": [{"doc": m.doc, "quote": m.quote, "start": m.start, "end": m.end,
                     "trigger": m.trigger.to_json() if m.trigger else None,
                     "attributed_to": ev.attributed_to.get(f"{m.doc}:{m.start}"),
                     "date_how": m.date_how, "uncertain": m.uncertain,
                     "time": m.time.to_json() if m.time else None} for m in ev.sources],
        # additions to dateline/1
        "importance": round(ev.importance, 4), "background": ev.background,
        "relevance": round(ev.relevance, 4), "off_topic": ev.off_topic,
        "uncertain": ev.uncertain,  # the date rests on an inferred publication date
        # the analyst's edits (dateline.curate), only when there are any
        **({"starred": True} if ev.starred else {}),
        **({"edits": ev.edits} if ev.edits else {}),
        **({"derived": ev.derived} if ev.derived else {}),
    }


def edit_json(e: dict) -> dict:
    """One entry of the audit log as exported (the anchor is internal: how it is found again)."""
    return {k: e[k] for k in ("id", "at", "by", "kind", "target", "action", "value", "note",
                              "active", "undone_by", "applied_to")}


def export(store: Store, events=None, curated=None) -> dict:
    """The dateline/1 object of the curated story (``query.view``): hidden events and junk
    entities are left out, and every edit, with its note, is in ``edits``, the audit log.
    ``events``: the (curated) events to export (``query.timeline``'s selection), every
    curated event by default; ``curated``: the view already read."""
    from ..query import view

    v = curated or view(store)
    return {
        "schema": SCHEMA,
        "as_of": store.as_of(),
        "documents": [document_json(store, d) for d in store.documents()],
        "entities": [entity_json(e) for e in v.entities],
        "events": [event_json(ev) for ev in (v.events if events is None else events)],
        "commitments": v.commitments,
        "conflicts": v.conflicts,
        "edits": [edit_json(e) for e in v.edits],
    }


def write(store: Store, out: IO[str]) -> None:
    json.dump(export(store), out, ensure_ascii=False, indent=1)
    out.write("\n")
