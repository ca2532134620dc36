"""Curation: an analyst's corrections, kept as an overlay on what the build derives.

Why an overlay and not an update of the derived tables:
- every build recomputes entities, events and commitments wholesale
  (``Store.replace_entities_and_events``, ``replace_reasoning``), so a correction written into
  them would be lost on the next build; edits live in their own table (``edits``) that no build
  touches, and are applied when the database is read (``view``), by the query layer that the
  CLI, the web app and the exports share;
- the edits table is the audit log: who, when, why, what, on which target; an undo is an edit
  too, so nothing is ever deleted;
- targets are found again by what is stable across builds. Event ids are hashes of the set of
  their sources' ``doc:start`` keys (``link.link``), so they change when an incremental build
  adds a source to the event; each edit also stores an anchor (the sources' keys, the
  entity's type and names) and is applied to the event that now holds most of those sources,
  the entity of that type that bears one of those names, the commitment with those sources.
  Quotes are never touched: an edit changes dates, names, statuses, membership and
  visibility, and every source keeps its verbatim quote and offsets.
"""
from __future__ import annotations

import datetime as dt
import getpass
import json
from collections import Counter
from dataclasses import dataclass, field, replace

from .model import COMMITMENT_STATUSES, Event, content_id
from .store import Store

# The actions an analyst can take, by target kind, with what each needs. Knowledge as data:
# the CLI and the web forms are built from this table.
ACTIONS: dict[str, dict[str, str]] = {
    "event": {
        "hide": "leave the event out of the timeline and of every export",
        "star": "mark the event as one the story needs",
        "date": "correct the event's date (a reason is required)",
        "merge": "merge other events into this one (their sources join it)",
        "split": "move some of the event's sources into an event of their own",
    },
    "entity": {
        "rename": "give the entity another name (the old one stays an alias)",
        "merge": "merge other entities into this one (their events and aliases join it)",
        "split": "move one alias (and the events that name it) into an entity of its own",
        "junk": "mark the entity as no real entity: left out of lists and of events",
    },
    "commitment": {
        "status": "set the commitment's status by hand (a note is required)",
    },
}
# Actions whose note is the point of the edit: a correction without a why is not publishable.
NOTE_REQUIRED = {("event", "date"), ("commitment", "status")}
STATUSES = tuple(s for s, _ in COMMITMENT_STATUSES)


class EditError(ValueError):
    """An edit that cannot be made: unknown target, bad value, nothing to undo."""


def who() -> str:
    """The OS user, the default author of an edit."""
    try:
        return getpass.getuser()
    except Exception:   # no user name in the environment or the password database
        return "unknown"


# -- the curated view ------------------------------------------------------------------------

@dataclass
class View:
    """What the database says once the edits are applied. ``events`` and ``entities`` leave
    out hidden events and junk entities (``hidden_events``, ``junk_entities`` hold them);
    ``edits`` is the whole audit log, each with whether it is active and what it applied to."""
    entities: list[dict]
    events: list[Event]
    commitments: list[dict]
    conflicts: list[dict]
    edits: list[dict]
    hidden_events: list[Event] = field(default_factory=list)
    junk_entities: list[dict] = field(default_factory=list)
    remap: dict[str, str | None] = field(default_factory=dict)   # merged/junk entity -> id/None


def _keys(sources) -> list[str]:
    return sorted({f"{m.doc}:{m.start}" if not isinstance(m, dict) else f"{m['doc']}:{m['start']}"
                   for m in sources})


def _find_event(events: list[Event], target: str, anchor: list[str]) -> Event | None:
    for e in events:
        if e.id == target:
            return e
    want = set(anchor)
    best, score = None, 0
    for e in events:
        n = len(want & set(_keys(e.sources)))
        if n > score or (n == score and n and best is not None and e.id < best.id):
            best, score = e, n
    return best


def _names(e: dict) -> set[str]:
    return {e["name"].casefold(), *(a.casefold() for a in e.get("aliases", []))}


def _find_entity(entities: list[dict], target: str, anchor: dict) -> dict | None:
    for e in entities:
        if e["id"] == target:
            return e
    names = {n.casefold() for n in anchor.get("names", [])}
    hits = [e for e in entities if e["type"] == anchor.get("type") and _names(e) & names]
    # the entity whose own name is one of the anchor's first, then the most mentioned
    hits.sort(key=lambda e: (e["name"].casefold() not in names, -e.get("mentions", 0), e["id"]))
    return hits[0] if hits else None


def _find_commitment(rows: list[dict], target: str, anchor: list[str]) -> dict | None:
    for c in rows:
        if c["id"] == target:
            return c
    want = set(anchor)
    best, score = None, 0
    for c in rows:
        n = len(want & set(_keys(c.get("sources", []))))
        if n > score:
            best, score = c, n
    return best


def _mark(obj, edit: dict) -> None:
    """Record on the curated object that this edit changed it (shown as an edit everywhere)."""
    note = {k: edit[k] for k in ("id", "kind", "action", "value", "note", "by", "at")}
    if isinstance(obj, dict):
        obj.setdefault("edits", []).append(note)
    else:
        obj.edits.append(note)


def _derive(obj, key: str, value) -> None:
    """Keep what the build said before the first edit that overrode it."""
    d = obj.setdefault("derived", {}) if isinstance(obj, dict) else obj.derived
    d.setdefault(key, value)


def _read_edits(store: Store) -> list[dict]:
    # a database of schema 3 or 4 opened read-only (store.READABLE_FROM) has no edits table
    # yet: it has no edits either; the next build or edit migrates it to 5
    if store.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='edits'"
                        ).fetchone() is None:
        return []
    rows = store.db.execute("SELECT * FROM edits ORDER BY id").fetchall()
    out = []
    for r in rows:
        out.append({"id": r["id"], "at": r["at"], "by": r["by"], "kind": r["kind"],
                    "target": r["target"], "anchor": json.loads(r["anchor"]),
                    "action": r["action"], "value": json.loads(r["value"]), "note": r["note"]})
    undone = {e["value"]["edit"]: e["id"] for e in out if e["action"] == "undo"}
    for e in out:
        e["undone_by"] = undone.get(e["id"])
        e["active"] = e["action"] != "undo" and e["undone_by"] is None
        e["applied_to"] = None
    return out


def view(store: Store) -> View:
    """The derived entities, events and commitments with every active edit applied, in the
    order the edits were made (a later edit sees the earlier ones: a split-off event can be
    starred, a renamed entity merged)."""
    edits = _read_edits(store)
    entities = [dict(e) for e in store.entities()]
    events = [replace(e, sources=list(e.sources), actors=list(e.actors), places=list(e.places),
                      attributed_to=dict(e.attributed_to), edits=[], derived={})
              for e in store.events()]
    commitments = [dict(c) for c in store.commitments()]
    active = [e for e in edits if e["active"]]
    remap: dict[str, str | None] = {}
    junk: list[dict] = []
    for ed in (e for e in active if e["kind"] == "entity"):
        _apply_entity(store, entities, events, ed, remap, junk)
    hidden: list[Event] = []
    for ed in (e for e in active if e["kind"] == "event"):
        _apply_event(entities, events, ed, hidden)
    for ed in (e for e in active if e["kind"] == "commitment"):
        c = _find_commitment(commitments, ed["target"], ed["anchor"])
        if c is None:
            continue
        _derive(c, "status", c["status"])
        c["status"] = ed["value"]["status"]
        _mark(c, ed)
        ed["applied_to"] = c["id"]
    if remap:
        for c in commitments:
            for k in ("who", "places", "stated_by"):
                if c.get(k):
                    c[k] = _remapped(c[k], remap)
    events.sort(key=lambda e: (e.date, -e.importance, e.id))
    return View(entities=entities, events=[e for e in events if not e.hidden],
                commitments=commitments, conflicts=store.conflicts(), edits=edits,
                hidden_events=hidden, junk_entities=junk, remap=remap)


def _remapped(ids: list[str], remap: dict[str, str | None]) -> list[str]:
    out = []
    for i in ids:
        seen = set()
        while i in remap and i not in seen:   # merged into an entity merged in turn
            seen.add(i)
            i = remap[i]
            if i is None:
                break
        if i is not None and i not in out:
            out.append(i)
    return out


def _apply_entity(store: Store, entities: list[dict], events: list[Event], ed: dict,
                  remap: dict, junk: list) -> None:
    e = _find_entity(entities, ed["target"], ed["anchor"])
    if e is None:
        return
    act, val = ed["action"], ed["value"]
    e.setdefault("canonical", [e.get("derived", {}).get("name", e["name"])])
    if act == "rename":
        _derive(e, "name", e["name"])
        if e["name"] not in e["aliases"]:
            e["aliases"] = [*e["aliases"], e["name"]]
        e["name"] = val["name"]
    elif act == "merge":
        for o_ref in val["others"]:
            o = _find_entity([x for x in entities if x is not e], o_ref["id"], o_ref["anchor"])
            if o is None:
                continue
            e["aliases"] = list(dict.fromkeys([*e["aliases"], o["name"], *o["aliases"]]))
            e["mentions"] = e.get("mentions", 0) + o.get("mentions", 0)
            e["roles"] = list(dict.fromkeys([*(e.get("roles") or []), *(o.get("roles") or [])]))
            e["canonical"] = [*e["canonical"], *o.get("canonical", [o["name"]])]
            remap[o["id"]] = e["id"]
            entities.remove(o)
        _remap_events(events, remap)
    elif act == "junk":
        entities.remove(e)
        junk.append(e)
        remap[e["id"]] = None
        _remap_events(events, remap)
    elif act == "split":
        alias = val["alias"]
        from .entities import entity_id

        new = {"id": entity_id(e["type"], "split\x1f" + alias), "name": val.get("name") or alias,
               "type": e["type"], "aliases": [alias], "mentions": 0, "lat": None, "lon": None,
               "roles": [], "is_source": False, "canonical": []}
        e["aliases"] = [a for a in e["aliases"] if a != alias]
        # the mentions that were written as the alias go with it
        n = store.db.execute(
            "SELECT count(*) FROM entity_mentions WHERE json_extract(data, '$.text') = ?"
            " AND json_extract(data, '$.canonical') IN (SELECT value FROM json_each(?))",
            (alias, json.dumps(e["canonical"]))).fetchone()[0]
        new["mentions"] = n
        e["mentions"] = max(0, e.get("mentions", 0) - n)
        others = [e["name"], *e["aliases"]]
        for ev in events:
            quotes = [m.quote for m in ev.sources]
            if any(alias in q for q in quotes) and \
                    not any(o in q for o in others for q in quotes):
                for lst in (ev.actors, ev.places):
                    if e["id"] in lst:
                        lst[lst.index(e["id"])] = new["id"]
                ev.attributed_to = {k: (new["id"] if v == e["id"] else v)
                                    for k, v in ev.attributed_to.items()}
        _mark(new, ed)
        entities.append(new)
    _mark(e, ed)
    ed["applied_to"] = e["id"]


def _remap_events(events: list[Event], remap: dict) -> None:
    for ev in events:
        ev.actors = _remapped(ev.actors, remap)
        ev.places = _remapped(ev.places, remap)
        ev.attributed_to = {k: (_remapped([v], remap) or [None])[0] if v else v
                            for k, v in ev.attributed_to.items()}


def _apply_event(entities: list[dict], events: list[Event], ed: dict, hidden: list) -> None:
    ev = _find_event(events, ed["target"], ed["anchor"])
    if ev is None:
        return
    act, val = ed["action"], ed["value"]
    if act == "hide":
        ev.hidden = True
        hidden.append(ev)
    elif act == "star":
        ev.starred = True
    elif act == "date":
        _derive(ev, "date", ev.date)
        ev.date = val["date"]
    elif act == "merge":
        for o_ref in val["others"]:
            o = _find_event([x for x in events if x is not ev], o_ref["id"], o_ref["anchor"])
            if o is None:
                continue
            docs = {m.doc for m in ev.sources}
            # importance counts independent sources (link.link): the other event's articles
            # that this one lacks are what the merge adds
            ev.importance = max(ev.importance, o.importance) + len({m.doc for m in o.sources} - docs)
            have = set(_keys(ev.sources))
            ev.sources = sorted([*ev.sources, *(m for m in o.sources
                                                if f"{m.doc}:{m.start}" not in have)],
                                key=lambda m: (m.doc, m.start))
            ev.actors = list(dict.fromkeys([*ev.actors, *o.actors]))
            ev.places = list(dict.fromkeys([*ev.places, *o.places]))
            ev.attributed_to = {**o.attributed_to, **ev.attributed_to}
            ev.background = ev.background and o.background
            ev.off_topic = ev.off_topic and o.off_topic
            ev.relevance = max(ev.relevance, o.relevance)
            ev.starred = ev.starred or o.starred
            seen = {x["id"] for x in ev.edits}
            ev.edits.extend(x for x in o.edits if x["id"] not in seen)
            events.remove(o)
    elif act == "split":
        keys = set(val["sources"])
        moved = [m for m in ev.sources if f"{m.doc}:{m.start}" in keys]
        kept = [m for m in ev.sources if f"{m.doc}:{m.start}" not in keys]
        if not moved or not kept:
            return
        from .text import summary_text

        dates = Counter(m.date for m in moved if m.date)
        by_name = {n: e["id"] for e in entities for n in _names(e)}
        actors = list(dict.fromkeys(by_name[n.casefold()] for m in moved for n in m.actors
                                    if n.casefold() in by_name))
        places = list(dict.fromkeys(by_name[n.casefold()] for m in moved for n in m.places
                                    if n.casefold() in by_name))
        lost = {m.doc for m in moved} - {m.doc for m in kept}
        ev.sources = kept
        ev.importance = max(1.0, ev.importance - len(lost))
        new = Event(id=content_id(*sorted(keys)), date=dates.most_common(1)[0][0] if dates else ev.date,
                    summary=summary_text(moved[0].quote).strip(), modality=moved[0].modality,
                    actors=actors, places=places, sources=moved,
                    importance=float(len({m.doc for m in moved})), background=ev.background,
                    attributed_to={k: v for k, v in ev.attributed_to.items()
                                   if k in keys}, relevance=ev.relevance, off_topic=ev.off_topic,
                    edits=[], derived={})
        _mark(new, ed)
        events.append(new)
    _mark(ev, ed)
    ed["applied_to"] = ev.id


# -- making edits ----------------------------------------------------------------------------

def _lookup(items, ref: str, key, what: str):
    """The item whose id is REF or starts with it (at least 4 characters, unique)."""
    exact = [x for x in items if key(x) == ref]
    if exact:
        return exact[0]
    hits = [x for x in items if len(ref) >= 4 and key(x).startswith(ref)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise EditError(f"{what} id {ref!r} is ambiguous ({len(hits)} match); give more of it")
    raise EditError(f"no {what} with id {ref!r}")


def _check_date(value: str) -> str:
    from .query import _check_date as check

    try:
        check(value, "the date")
    except ValueError as e:
        raise EditError(str(e)) from None
    return value


def add(store: Store, kind: str, action: str, target: str, *, value: dict | None = None,
        note: str | None = None, by: str | None = None, at: str | None = None) -> dict:
    """Record one edit (validated against the current curated view) and return it as
    ``edits`` rows read: ``{"id", "at", "by", "kind", "target", "anchor", "action", "value",
    "note"}``. ``target`` may be a unique id prefix; the full id is stored. Values by action:
    event date ``{"date"}``, event merge / entity merge ``{"others": [id]}``, event split
    ``{"sources": ["doc:start"]}``, entity rename ``{"name"}``, entity split ``{"alias",
    "name"?}``, commitment status ``{"status"}``."""
    if kind not in ACTIONS:
        raise EditError(f"unknown kind {kind!r} (one of: {', '.join(ACTIONS)})")
    if action not in ACTIONS[kind]:
        raise EditError(f"no {kind} action {action!r} (one of: {', '.join(ACTIONS[kind])})")
    note = (note or "").strip() or None
    if (kind, action) in NOTE_REQUIRED and not note:
        raise EditError(f"{kind} {action} needs a note saying why")
    value = dict(value or {})
    v = view(store)
    if kind == "event":
        pool = v.events + v.hidden_events
        ev = _lookup(pool, target, lambda e: e.id, "event")
        target, anchor = ev.id, _keys(ev.sources)
        if action == "date":
            value = {"date": _check_date(str(value.get("date", "")))}
        elif action == "merge":
            others = [_lookup(pool, o, lambda e: e.id, "event") for o in value.get("others", [])]
            if not others or any(o.id == ev.id for o in others):
                raise EditError("merge needs one or more other events")
            value = {"others": [{"id": o.id, "anchor": _keys(o.sources)} for o in others]}
        elif action == "split":
            have = _keys(ev.sources)
            keys = []
            for s in value.get("sources", []):
                hit = [k for k in have if k == s or (":" in s and k.startswith(s.split(":")[0])
                                                     and k.endswith(":" + s.split(":")[1]))]
                if len(hit) != 1:
                    raise EditError(f"event {ev.id} has no source {s!r} (its sources: {', '.join(have)})")
                keys.append(hit[0])
            if not keys or len(set(keys)) >= len(have):
                raise EditError("split needs some, not all, of the event's sources (DOC:START)")
            value = {"sources": sorted(set(keys))}
        else:
            value = {}
        if action == "hide" and ev.hidden:
            raise EditError(f"event {ev.id} is already hidden")
    elif kind == "entity":
        pool = v.entities
        e = _lookup(pool, target, lambda x: x["id"], "entity")
        target, anchor = e["id"], _entity_anchor(e)
        if action == "rename":
            name = " ".join(str(value.get("name", "")).split())
            if not name:
                raise EditError("rename needs a new name")
            value = {"name": name}
        elif action == "merge":
            others = [_lookup(pool, o, lambda x: x["id"], "entity") for o in value.get("others", [])]
            if not others or any(o["id"] == e["id"] for o in others):
                raise EditError("merge needs one or more other entities")
            value = {"others": [{"id": o["id"], "anchor": _entity_anchor(o)} for o in others]}
        elif action == "split":
            alias = str(value.get("alias", "")).strip()
            # exact: an alias in capitals ("ISMAILIA", a dateline) may be the one to split off
            if alias not in e["aliases"] or alias == e["name"]:
                raise EditError(f"entity {e['id']} has no other alias {alias!r} "
                                f"(aliases: {', '.join(e['aliases'])})")
            value = {"alias": alias, **({"name": value["name"]} if value.get("name") else {})}
        else:
            value = {}
    else:
        c = _lookup(v.commitments, target, lambda x: x["id"], "commitment")
        target, anchor = c["id"], _keys(c.get("sources", []))
        status = value.get("status")
        if status not in STATUSES:
            raise EditError(f"status must be one of: {', '.join(STATUSES)} (not {status!r})")
        value = {"status": status}
    return _insert(store, kind, target, anchor, action, value, note, by, at)


def _entity_anchor(e: dict) -> dict:
    return {"type": e["type"], "names": list(dict.fromkeys([e["name"], *e.get("aliases", []),
                                                            *e.get("canonical", [])]))}


def _insert(store: Store, kind, target, anchor, action, value, note, by, at) -> dict:
    if store.readonly:
        raise EditError(f"{store.path}: opened read-only; edits need it writable")
    at = at or dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    by = (by or "").strip() or who()
    with store.db:
        cur = store.db.execute(
            "INSERT INTO edits (at, by, kind, target, anchor, action, value, note)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (at, by, kind, target, json.dumps(anchor, ensure_ascii=False), action,
             json.dumps(value, ensure_ascii=False), note))
    return {"id": cur.lastrowid, "at": at, "by": by, "kind": kind, "target": target,
            "anchor": anchor, "action": action, "value": value, "note": note}


def undo(store: Store, edit_id: int, note: str | None = None, by: str | None = None) -> dict:
    """Undo an edit: recorded as an edit of its own (the log keeps both)."""
    rows = {e["id"]: e for e in _read_edits(store)}
    e = rows.get(edit_id)
    if e is None:
        raise EditError(f"no edit {edit_id}")
    if e["action"] == "undo":
        raise EditError(f"edit {edit_id} is an undo; undo cannot be undone (make the edit again)")
    if e["undone_by"] is not None:
        raise EditError(f"edit {edit_id} was already undone by edit {e['undone_by']}")
    return _insert(store, "edit", str(edit_id), {}, "undo", {"edit": edit_id}, note, by, None)


def edits(store: Store) -> list[dict]:
    """The audit log: every edit, oldest first, with ``active``, ``undone_by`` and
    ``applied_to`` (the id it applies to in the current build; None when its target is gone)."""
    return view(store).edits
