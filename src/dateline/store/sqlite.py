"""One SQLite file per story: the contract between stages.

Why these choices:
- WAL journal and one transaction per batch, so a build killed at any moment leaves the
  database as it was after the last committed batch, never half a document.
- Every derived table (duplicates, repeated paragraphs) is recomputed from stored rows at the
  end of each build, so an interrupted build followed by a re-run ends in exactly the same
  state as an uninterrupted one.
- The schema is versioned with PRAGMA user_version; MIGRATIONS[i] takes version i to i+1.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Document, Dropped, Event, EventMention, Paragraph, Processed, TimeMention

MIGRATIONS: list[str] = [
    # 0 -> 1: documents, what cleaning dropped, paragraphs with language and near-dup group,
    # and time expressions.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        ext_id TEXT,
        source TEXT,
        title TEXT,
        url TEXT,
        published TEXT,
        published_how TEXT,
        languages TEXT NOT NULL DEFAULT '[]',
        duplicate_of TEXT,
        text TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        minhash BLOB
    );
    CREATE INDEX documents_text_hash ON documents(text_hash);
    CREATE TABLE dropped (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (doc, seq)
    );
    CREATE TABLE paragraphs (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        lang TEXT,
        minhash BLOB,
        grp TEXT,
        PRIMARY KEY (doc, seq)
    );
    CREATE INDEX paragraphs_grp ON paragraphs(grp);
    CREATE TABLE times (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        value TEXT NOT NULL,
        type TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (doc, seq)
    );
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    """,
    # 1 -> 2: per-document entity and event mentions (computed with the document), and the
    # corpus-level results recomputed at the end of every build: entities, events.
    """
    CREATE TABLE entity_mentions (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (doc, seq)
    );
    CREATE TABLE event_mentions (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        date TEXT,
        data TEXT NOT NULL,
        PRIMARY KEY (doc, seq)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        lat REAL,
        lon REAL,
        data TEXT NOT NULL
    );
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        date TEXT NOT NULL,
        summary TEXT NOT NULL,
        modality TEXT NOT NULL,
        importance REAL NOT NULL,
        background INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_sources (
        event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        doc TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (event, seq)
    );
    CREATE INDEX event_sources_doc ON event_sources(doc);
    CREATE TABLE event_entities (
        event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        entity TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (event, entity, role)
    );
    CREATE INDEX event_entities_entity ON event_entities(entity);
    """,
    # 2 -> 3: what the reason stage finds: commitments with their status, and conflicts
    # between sources. Rows hold the dateline/1 export objects as JSON.
    """
    CREATE TABLE commitments (
        id TEXT PRIMARY KEY,
        deadline TEXT,
        status TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE conflicts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        about TEXT NOT NULL,
        data TEXT NOT NULL
    );
    """,
    # 3 -> 4: the analyst's edits (dateline.curate): an overlay and audit log that no build
    # touches. target is the id at the time of the edit, anchor what finds it again after a
    # rebuild (source keys doc:start, or an entity's type and names), value and anchor JSON.
    """
    CREATE TABLE edits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT NOT NULL,
        anchor TEXT NOT NULL,
        action TEXT NOT NULL,
        value TEXT NOT NULL,
        note TEXT
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    pass


class Store:
    """A dateline database. Open read-only for anything that only reads."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        if readonly:
            if not Path(self.path).exists():
                raise StoreError(f"{self.path}: no such database (run `dateline build` first)")
            uri = Path(self.path).resolve().as_uri() + "?mode=ro"
            self.db = sqlite3.connect(uri, uri=True)
        else:
            self.db = sqlite3.connect(self.path)
        try:
            if not readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.row_factory = sqlite3.Row
            self._migrate()
        except sqlite3.DatabaseError as e:   # e.g. "file is not a database": not ours to touch
            self.db.close()
            raise StoreError(f"{self.path}: not a dateline database ({e})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this "
                             f"dateline ({SCHEMA_VERSION}); upgrade dateline")
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            raise StoreError(f"{self.path}: schema version {version} needs migrating; "
                             "run `dateline build` on it once")
        for i in range(version, SCHEMA_VERSION):
            # executescript commits; the version bump rides in the same script so a crash
            # between the two cannot leave a migrated schema labelled with the old version.
            self.db.executescript(f"BEGIN; {MIGRATIONS[i]}; PRAGMA user_version={i + 1}; COMMIT;")

    # -- writing --------------------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def known_ids(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT id FROM documents")}

    def add_batch(self, docs: Iterable[Processed]) -> int:
        """Store a batch of processed documents (``model.Processed``) in one transaction.
        Documents already present are left untouched (ids are content hashes)."""
        added = 0
        with self.db:
            for p in docs:
                doc, text_hash, mh, para_mh = (p.document, p.text_hash, p.minhash,
                                               p.paragraph_minhashes)
                ents, evs = p.entity_mentions, p.event_mentions
                cur = self.db.execute(
                    "INSERT OR IGNORE INTO documents (id, path, ext_id, source, title, url, published,"
                    " published_how, languages, text, text_hash, minhash)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (doc.id, doc.path, doc.ext_id, doc.source, doc.title, doc.url, doc.published,
                     doc.published_how, json.dumps(doc.languages), doc.text, text_hash, mh))
                if cur.rowcount == 0:
                    continue
                added += 1
                self.db.executemany("INSERT INTO dropped VALUES (?,?,?,?)",
                                    [(doc.id, i, d.text, d.reason) for i, d in enumerate(doc.dropped)])
                self.db.executemany(
                    "INSERT INTO paragraphs (doc, seq, start, end, lang, minhash) VALUES (?,?,?,?,?,?)",
                    [(doc.id, i, p.start, p.end, p.lang, m)
                     for i, (p, m) in enumerate(zip(doc.paragraphs, para_mh))])
                self._write_times(doc.id, doc.times)
                self.db.executemany("INSERT INTO entity_mentions VALUES (?,?,?,?,?)",
                                    [(doc.id, i, m.start, m.end, json.dumps(asdict(m), ensure_ascii=False))
                                     for i, m in enumerate(ents or [])])
                self.db.executemany("INSERT INTO event_mentions VALUES (?,?,?,?,?,?)",
                                    [(doc.id, i, m.start, m.end, m.date,
                                      json.dumps(m.to_json(), ensure_ascii=False))
                                     for i, m in enumerate(evs or [])])
        return added

    def redate(self, doc_id: str, published: str, how: str, times: list[TimeMention],
               events: list[EventMention]) -> None:
        """Give a stored document a publication date found later (at the corpus stage), with
        its time expressions and event mentions re-anchored on it, in one transaction."""
        with self.db:
            self.db.execute("UPDATE documents SET published=?, published_how=? WHERE id=?",
                            (published, how, doc_id))
            self._write_times(doc_id, times)
            self.db.execute("DELETE FROM event_mentions WHERE doc=?", (doc_id,))
            self.db.executemany("INSERT INTO event_mentions VALUES (?,?,?,?,?,?)",
                                [(doc_id, i, m.start, m.end, m.date,
                                  json.dumps(m.to_json(), ensure_ascii=False))
                                 for i, m in enumerate(events)])

    def _write_times(self, doc_id: str, times: list[TimeMention]) -> None:
        self.db.execute("DELETE FROM times WHERE doc=?", (doc_id,))
        self.db.executemany("INSERT INTO times VALUES (?,?,?,?,?,?,?,?)",
                            [(doc_id, i, t.text, t.start, t.end, t.value, t.type, t.role)
                             for i, t in enumerate(times)])

    # -- reading --------------------------------------------------------------------------
    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM documents").fetchone()[0]

    def as_of(self) -> str | None:
        """The corpus's "now": the latest publication date of any document (commitments are
        judged, and exports dated, as of it)."""
        return self.db.execute("SELECT max(published) FROM documents").fetchone()[0]

    def documents(self, full: bool = True) -> Iterator[Document]:
        """All documents in a stable order (publication date, then id)."""
        rows = self.db.execute(
            "SELECT * FROM documents ORDER BY published IS NULL, published, id").fetchall()
        for r in rows:
            yield self._doc(r, full)

    def document(self, doc_id: str) -> Document | None:
        r = self.db.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return self._doc(r, True) if r else None

    def _doc(self, r: sqlite3.Row, full: bool) -> Document:
        doc = Document(id=r["id"], path=r["path"], text=r["text"], source=r["source"],
                       title=r["title"], url=r["url"], published=r["published"],
                       published_how=r["published_how"], languages=json.loads(r["languages"]),
                       duplicate_of=r["duplicate_of"], ext_id=r["ext_id"])
        if full:
            doc.dropped = [Dropped(x["text"], x["reason"]) for x in self.db.execute(
                "SELECT text, reason FROM dropped WHERE doc=? ORDER BY seq", (doc.id,))]
            doc.paragraphs = [Paragraph(x["start"], x["end"], x["lang"]) for x in self.db.execute(
                "SELECT start, end, lang FROM paragraphs WHERE doc=? ORDER BY seq", (doc.id,))]
            doc.times = [TimeMention(x["text"], x["start"], x["end"], x["value"], x["type"], x["role"])
                         for x in self.db.execute(
                             "SELECT * FROM times WHERE doc=? ORDER BY seq", (doc.id,))]
        return doc

    def repeated(self, doc_id: str) -> list[dict]:
        """Paragraphs of this document that also appear (near-verbatim) in other documents."""
        out = []
        for p in self.db.execute(
                "SELECT start, end, grp FROM paragraphs WHERE doc=? AND grp IS NOT NULL ORDER BY seq",
                (doc_id,)):
            others = sorted({x[0] for x in self.db.execute(
                "SELECT doc FROM paragraphs WHERE grp=? AND doc<>?", (p["grp"], doc_id))})
            if others:
                out.append({"start": p["start"], "end": p["end"], "also_in": others})
        return out

    def entity_mentions(self, doc_id: str) -> list[dict]:
        return [json.loads(r[0]) for r in self.db.execute(
            "SELECT data FROM entity_mentions WHERE doc=? ORDER BY seq", (doc_id,))]

    def event_mentions(self, doc_id: str) -> list[EventMention]:
        return [EventMention.from_json(json.loads(r[0])) for r in self.db.execute(
            "SELECT data FROM event_mentions WHERE doc=? ORDER BY seq", (doc_id,))]

    def replace_entities_and_events(self, entities: list, events: list[Event]) -> None:
        """The corpus-level results, replaced wholesale in one transaction."""
        with self.db:
            self.db.execute("DELETE FROM event_entities")
            self.db.execute("DELETE FROM event_sources")
            self.db.execute("DELETE FROM events")
            self.db.execute("DELETE FROM entities")
            self.db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?)", [
                (e.id, e.name, e.type, e.mentions, e.lat, e.lon,
                 json.dumps(e.to_dict(extended=True), ensure_ascii=False)) for e in entities])
            for ev in events:
                self.db.execute("INSERT INTO events VALUES (?,?,?,?,?,?,?)", (
                    ev.id, ev.date, ev.summary, ev.modality, ev.importance, int(ev.background),
                    json.dumps({"actors": ev.actors, "places": ev.places,
                                "attributed_to": ev.attributed_to,
                                "relevance": round(ev.relevance, 4), "off_topic": ev.off_topic},
                               ensure_ascii=False)))
                self.db.executemany("INSERT INTO event_sources VALUES (?,?,?,?,?,?)", [
                    (ev.id, i, m.doc, m.start, m.end, json.dumps(m.to_json(), ensure_ascii=False))
                    for i, m in enumerate(ev.sources)])
                self.db.executemany("INSERT OR IGNORE INTO event_entities VALUES (?,?,?)",
                                    [(ev.id, a, "actor") for a in ev.actors] +
                                    [(ev.id, p, "place") for p in ev.places])

    def entities(self) -> list[dict]:
        """Canonical entities (the export's shape plus roles/is_source), most mentioned first."""
        return [json.loads(r[0]) for r in self.db.execute(
            "SELECT data FROM entities ORDER BY mentions DESC, name")]

    def events(self) -> list[Event]:
        out = []
        for r in self.db.execute("SELECT * FROM events ORDER BY date, importance DESC, id").fetchall():
            data = json.loads(r["data"])
            sources = [EventMention.from_json(json.loads(x[0])) for x in self.db.execute(
                "SELECT data FROM event_sources WHERE event=? ORDER BY seq", (r["id"],))]
            out.append(Event(id=r["id"], date=r["date"], summary=r["summary"], modality=r["modality"],
                             actors=data["actors"], places=data["places"], sources=sources,
                             importance=r["importance"], background=bool(r["background"]),
                             attributed_to=data.get("attributed_to") or {},
                             relevance=data.get("relevance", 1.0),
                             off_topic=bool(data.get("off_topic", False))))
        return out

    def replace_reasoning(self, commitments: list[dict], conflicts: list[dict]) -> None:
        """Commitments and conflicts (dateline/1 export objects), replaced in one transaction."""
        with self.db:
            self.db.execute("DELETE FROM commitments")
            self.db.execute("DELETE FROM conflicts")
            self.db.executemany("INSERT INTO commitments VALUES (?,?,?,?)", [
                (c["id"], c.get("deadline"), c["status"], json.dumps(c, ensure_ascii=False))
                for c in commitments])
            self.db.executemany("INSERT INTO conflicts VALUES (?,?,?,?)", [
                (c["id"], c["kind"], c["about"], json.dumps(c, ensure_ascii=False)) for c in conflicts])

    def commitments(self) -> list[dict]:
        """Commitments by deadline (undated last)."""
        return [json.loads(r[0]) for r in self.db.execute(
            "SELECT data FROM commitments ORDER BY deadline IS NULL, deadline, id")]

    def conflicts(self) -> list[dict]:
        return [json.loads(r[0]) for r in self.db.execute("SELECT data FROM conflicts ORDER BY kind, id")]

    def set_meta(self, key: str, value: str | None) -> None:
        with self.db:
            if value is None:
                self.db.execute("DELETE FROM meta WHERE key=?", (key,))
            else:
                self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?,?)", (key, value))

    def story_window(self) -> tuple[str, str] | None:
        """The story window the last build found (timeline.story_window), as ISO dates."""
        v = self.get_meta("story_window")
        return tuple(v.split("/")) if v else None

    def get_meta(self, key: str) -> str | None:
        r = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return r[0] if r else None

    def dump(self) -> list[tuple]:
        """Every row of every table, in a canonical order: for comparing two databases."""
        out = []
        for (name,) in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall():
            rows = self.db.execute(f"SELECT * FROM {name}").fetchall()
            out.append((name, sorted(tuple(r) for r in rows)))
        return out
