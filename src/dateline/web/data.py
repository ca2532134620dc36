"""What the web views read: a cached snapshot of a read-only store, plus an FTS5 index.

The database is never written: it is opened read-only (one connection per thread, since
sqlite3 connections are not shared across threads), and the full-text index lives in a
separate in-memory SQLite database built from the store's documents and events. The snapshot
is rebuilt when the database file changes (e.g. after another `dateline build`).
"""
from __future__ import annotations

import os
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Event
from ..store import Store

HEX_ID = re.compile(r"^[0-9a-f]{1,64}$")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
SNIP_ON, SNIP_OFF = "\x02", "\x03"


@dataclass
class DocMeta:
    id: str
    path: str
    source: str | None
    title: str | None
    url: str | None
    published: str | None
    published_how: str | None
    languages: list[str]
    duplicate_of: str | None
    length: int

    @property
    def label(self) -> str:
        return self.source or Path(self.path).name or self.id


@dataclass
class Snapshot:
    key: tuple
    events: list[Event]
    entities: list[dict]
    docs: list[DocMeta]
    commitments: list[dict]
    conflicts: list[dict]
    as_of: str | None
    window: tuple[str, str] | None          # the story window (timeline.story_window, stored by the build)
    fts: sqlite3.Connection
    fts_lock: threading.Lock = field(default_factory=threading.Lock)
    edits: list[dict] = field(default_factory=list)   # the audit log (dateline.curate)

    def __post_init__(self):
        self.event_by_id = {e.id: e for e in self.events}
        self.entity_by_id = {e["id"]: e for e in self.entities}
        self.doc_by_id = {d.id: d for d in self.docs}
        self.spans_by_doc: dict[str, list[tuple[int, int, str]]] = {}
        for ev in self.events:
            for m in ev.sources:
                self.spans_by_doc.setdefault(m.doc, []).append((m.start, m.end, ev.id))
        for v in self.spans_by_doc.values():
            v.sort()

    def entity_name(self, eid: str) -> str:
        e = self.entity_by_id.get(eid)
        return e["name"] if e else eid

    # -- full-text search -------------------------------------------------------------------
    def search(self, q: str, limit: int = 50) -> dict:
        match = fts_query(q)
        if not match:
            return {"documents": [], "events": []}
        with self.fts_lock:
            # no snippet() over article text: it is slow on huge documents with many hits
            docs = self.fts.execute(
                "SELECT id FROM docs_fts WHERE docs_fts MATCH ? ORDER BY bm25(docs_fts, 0, 4, 2, 1) LIMIT ?",
                (match, limit)).fetchall()
            evs = self.fts.execute(
                "SELECT id, snippet(events_fts, 1, ?, ?, '…', 24), snippet(events_fts, 2, ?, ?, '…', 20)"
                " FROM events_fts WHERE events_fts MATCH ? ORDER BY bm25(events_fts, 0, 3, 1) LIMIT ?",
                (SNIP_ON, SNIP_OFF, SNIP_ON, SNIP_OFF, match, limit)).fetchall()
        return {"documents": [i for (i,) in docs if i in self.doc_by_id],
                "events": [(i, s if SNIP_ON in s else q2) for i, s, q2 in evs if i in self.event_by_id]}


def fts_query(q: str) -> str | None:
    """A user's words as a safe FTS5 query: every word quoted (no operators), all required,
    the last one as a prefix."""
    words = re.findall(r"\w+", q or "")[:12]
    if not words:
        return None
    parts = [f'"{w}"' for w in words]
    parts[-1] += "*"
    return " ".join(parts)


def text_snippet(text: str, q: str, width: int = 110) -> str:
    """A snippet of an article around the first word of q found in it, words marked like
    FTS5's snippet() (computed here: snippet() is slow on megabyte documents)."""
    words = re.findall(r"\w+", q or "")[:12]
    if not words:
        return text[:2 * width]
    pat = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words[:-1]) +
                     ("|" if len(words) > 1 else "") + re.escape(words[-1]) + r"\w*)", re.I)
    m = pat.search(text)
    pos = m.start() if m else 0
    lo, hi = max(0, pos - width), min(len(text), pos + 2 * width)
    piece = _CTRL.sub(" ", text[lo:hi])
    piece = pat.sub(lambda x: SNIP_ON + x.group(0) + SNIP_OFF, piece)
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")


def snippet_parts(s: str) -> list[tuple[str, bool]]:
    """An FTS snippet as (text, is_match) pieces, so the template can escape each piece."""
    out, on = [], False
    for chunk in re.split(f"([{SNIP_ON}{SNIP_OFF}])", s or ""):
        if chunk == SNIP_ON:
            on = True
        elif chunk == SNIP_OFF:
            on = False
        elif chunk:
            out.append((chunk, on))
    return out


def _key(path: str) -> tuple:
    out = []
    for p in (path, path + "-wal"):
        try:
            st = os.stat(p)
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


def _window(events: list[Event]) -> tuple[str, str] | None:
    dates = sorted(e.date for e in events if not e.background)
    return (dates[0], dates[-1]) if dates else None


def load(path: str, store: Store) -> Snapshot:
    from ..query import view

    key = _key(path)
    v = view(store)   # the analyst's edits applied (dateline.curate), as every reader sees them
    events = v.events
    fts = sqlite3.connect(":memory:", check_same_thread=False)
    fts.executescript("""
        CREATE VIRTUAL TABLE docs_fts USING fts5(id UNINDEXED, title, source, text,
            tokenize = "unicode61 remove_diacritics 2");
        CREATE VIRTUAL TABLE events_fts USING fts5(id UNINDEXED, summary, quotes,
            tokenize = "unicode61 remove_diacritics 2");
    """)
    docs = []
    for d in store.documents(full=False):
        docs.append(DocMeta(d.id, d.path, d.source, d.title, d.url, d.published, d.published_how,
                            d.languages, d.duplicate_of, len(d.text)))
        fts.execute("INSERT INTO docs_fts VALUES (?,?,?,?)",
                    (d.id, _CTRL.sub(" ", d.title or ""), _CTRL.sub(" ", d.source or ""),
                     _CTRL.sub(" ", d.text)))
    fts.executemany("INSERT INTO events_fts VALUES (?,?,?)", [
        # quotes capped: snippet() is slow on megabyte "sentences" with many hits
        (e.id, _CTRL.sub(" ", e.summary[:2000]), _CTRL.sub(" ", "\n".join(m.quote[:2000] for m in e.sources)))
        for e in events])
    fts.commit()
    return Snapshot(key=key, events=events, entities=v.entities, docs=docs,
                    commitments=v.commitments, conflicts=v.conflicts,
                    as_of=store.as_of(), window=store.story_window() or _window(events), fts=fts,
                    edits=v.edits)


class Data:
    """Per-thread read-only stores and a snapshot that follows the database file."""

    def __init__(self, path: str):
        self.path = str(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._digests: dict[tuple, list[dict]] = {}
        self._snap = load(self.path, self.store())

    def store(self) -> Store:
        s = getattr(self._local, "store", None)
        if s is None:
            s = self._local.store = Store(self.path, readonly=True)
        return s

    def snapshot(self) -> Snapshot:
        if _key(self.path) != self._snap.key:
            with self._lock:
                if _key(self.path) != self._snap.key:
                    self._snap = load(self.path, self.store())
        return self._snap

    def digest(self, dates: int, per_date: int, date_from: str | None, date_to: str | None
               ) -> list[dict]:
        """``query.digest`` for the current snapshot, remembered per arguments (it reads every
        document, seconds on a large database)."""
        from ..query import digest

        key = (self.snapshot().key, dates, per_date, date_from, date_to)
        with self._lock:
            hit = self._digests.get(key)
        if hit is None:
            hit = digest(self.store(), dates, per_date, date_from, date_to)
            with self._lock:
                if len(self._digests) > 32:
                    self._digests.clear()
                self._digests[key] = hit
        return hit

    def entity_mentions(self, name: str | list[str], limit: int = 100) -> list[dict]:
        """Where an entity is mentioned: (doc, start, end), by its canonical name (or the
        names an edited entity was built from: ``canonical``, see dateline.curate)."""
        import json

        names = [name] if isinstance(name, str) else list(name)
        rows = self.store().db.execute(
            "SELECT doc, start, end FROM entity_mentions WHERE json_extract(data, '$.canonical')"
            " IN (SELECT value FROM json_each(?)) ORDER BY doc, start LIMIT ?",
            (json.dumps(names), limit)).fetchall()
        return [{"doc": r[0], "start": r[1], "end": r[2]} for r in rows]

    def doc_text(self, doc_id: str) -> str | None:
        r = self.store().db.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
        return r[0] if r else None
