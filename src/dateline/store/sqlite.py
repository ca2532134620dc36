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
    # 3 -> 4: the database as a reader's workbench (Datasette, sqlite3): real columns beside
    # the JSON blobs, foreign keys from every document and entity reference, a `timeline`
    # view (one row per event source, as the CSV export), and FTS5 indexes over the events
    # (summary and source sentences) and the documents (title and text). The blobs stay the
    # store's own record; the columns are written from the same objects in the same
    # transaction. event_sources and event_entities are rebuilt to get their foreign keys
    # (SQLite cannot add one to an existing column); the others gain columns, filled here
    # from their blobs so a database migrated and not yet rebuilt reads the same.
    """
    ALTER TABLE events ADD COLUMN precision TEXT;
    ALTER TABLE events ADD COLUMN uncertain INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN relevance REAL;
    ALTER TABLE events ADD COLUMN off_topic INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE events ADD COLUMN sentences TEXT NOT NULL DEFAULT '';
    CREATE TABLE event_sources_4 (
        event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        doc TEXT NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        quote TEXT NOT NULL DEFAULT '',
        date TEXT,
        date_how TEXT,
        uncertain INTEGER NOT NULL DEFAULT 0,
        attributed_to TEXT REFERENCES entities(id),
        data TEXT NOT NULL,
        PRIMARY KEY (event, seq)
    );
    INSERT INTO event_sources_4 SELECT event, seq, doc, start, end,
        coalesce(json_extract(data, '$.quote'), ''), json_extract(data, '$.date'),
        json_extract(data, '$.date_how'), coalesce(json_extract(data, '$.uncertain'), 0),
        NULL, data FROM event_sources;
    DROP TABLE event_sources;
    ALTER TABLE event_sources_4 RENAME TO event_sources;
    CREATE INDEX event_sources_doc ON event_sources(doc);
    CREATE TABLE event_entities_4 (
        event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        entity TEXT NOT NULL REFERENCES entities(id),
        role TEXT NOT NULL,
        PRIMARY KEY (event, entity, role)
    );
    INSERT INTO event_entities_4 SELECT * FROM event_entities
        WHERE entity IN (SELECT id FROM entities);
    DROP TABLE event_entities;
    ALTER TABLE event_entities_4 RENAME TO event_entities;
    CREATE INDEX event_entities_entity ON event_entities(entity);
    UPDATE events SET
        precision = CASE length(date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' ELSE 'day' END,
        relevance = json_extract(data, '$.relevance'),
        off_topic = coalesce(json_extract(data, '$.off_topic'), 0),
        uncertain = coalesce((SELECT min(s.uncertain) FROM event_sources s WHERE s.event = events.id), 0),
        sentences = coalesce((SELECT group_concat(s.quote, char(10)) FROM
                              (SELECT quote FROM event_sources WHERE event = events.id ORDER BY seq) s), '');
    ALTER TABLE entities ADD COLUMN is_source INTEGER NOT NULL DEFAULT 0;
    UPDATE entities SET is_source = coalesce(json_extract(data, '$.is_source'), 0);
    ALTER TABLE commitments ADD COLUMN kind TEXT;
    ALTER TABLE commitments ADD COLUMN what TEXT;
    ALTER TABLE commitments ADD COLUMN due TEXT;
    UPDATE commitments SET kind = coalesce(json_extract(data, '$.kind'), 'deadline'),
        what = json_extract(data, '$.what'), due = json_extract(data, '$.due');
    ALTER TABLE conflicts ADD COLUMN classification TEXT;
    ALTER TABLE conflicts ADD COLUMN claims INTEGER;
    UPDATE conflicts SET classification = json_extract(data, '$.classification'),
        claims = json_array_length(data, '$.claims');
    CREATE VIEW timeline AS
        SELECT e.date, e.precision, s.uncertain, e.summary, e.modality, e.importance,
               e.relevance, e.background, e.off_topic, s.doc AS document,
               d.source AS outlet, d.title, d.url, d.published, s.quote AS sentence,
               s.start, s.end, e.id AS event
        FROM events e JOIN event_sources s ON s.event = e.id
             LEFT JOIN documents d ON d.id = s.doc
        ORDER BY e.date, e.importance DESC, e.id, s.seq;
    CREATE VIRTUAL TABLE events_fts USING fts5(summary, sentences, content="events");
    INSERT INTO events_fts(events_fts) VALUES ('rebuild');
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content="documents");
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
    """,
    # 4 -> 5: what the per-document budget cut from a document (budget.py), a JSON list of
    # one-line notes; NULL when nothing was cut
    """
    ALTER TABLE documents ADD COLUMN cut TEXT;
    """,
    # 5 -> 6: the analyst's edits (dateline.curate): an overlay and audit log that no build
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
# Readers use only what version 3 has (the blobs and the columns of 3); version 4 adds the
# workbench columns, views and indexes that `build` writes, version 5 the budget's `cut`
# notes, version 6 the analyst's `edits` (read as none while the table is absent:
# dateline.curate). So a database of version 3 to 5 still opens read-only, for every
# command, before a build or an edit migrates it.
READABLE_FROM = 3
# FTS5 indexes kept in sync by the build (external content: the text lives in the table)
FTS_TABLES = ("events_fts", "documents_fts")


# events.precision by the number of dashes in the date ("2020", "2020-11", "2020-11-10")
_PRECISION = {0: "year", 1: "month", 2: "day"}


# The columns of the per-document tables, in the order document_rows gives them (the Parquet
# tables of the Spark runner have these columns too). duplicate_of and grp are corpus-level:
# the local runner fills them at dedupe; the Spark runner's rows carry them at the end.
DOCUMENT_COLUMNS = ("id", "path", "ext_id", "source", "title", "url", "published",
                    "published_how", "languages", "text", "text_hash", "minhash", "cut", "duplicate_of")
_TITLE, _TEXT = DOCUMENT_COLUMNS.index("title"), DOCUMENT_COLUMNS.index("text")
CHILD_COLUMNS = {
    "dropped": ("doc", "seq", "text", "reason"),
    "paragraphs": ("doc", "seq", "start", "end", "lang", "minhash", "grp"),
    "times": ("doc", "seq", "text", "start", "end", "value", "type", "role"),
    "entity_mentions": ("doc", "seq", "start", "end", "data"),
    "event_mentions": ("doc", "seq", "start", "end", "date", "data"),
}


def document_rows(p: Processed) -> dict[str, list[tuple]]:
    """The rows one processed document adds to each per-document table, in the columns of
    DOCUMENT_COLUMNS and CHILD_COLUMNS (before dedupe: duplicate_of and grp empty)."""
    doc, ents, evs = p.document, p.entity_mentions, p.event_mentions
    return {
        "documents": [(doc.id, doc.path, doc.ext_id, doc.source, doc.title, doc.url,
                       doc.published, doc.published_how, json.dumps(doc.languages), doc.text,
                       p.text_hash, p.minhash,
                       json.dumps(doc.cut, ensure_ascii=False) if doc.cut else None, None)],
        "dropped": [(doc.id, i, d.text, d.reason) for i, d in enumerate(doc.dropped)],
        "paragraphs": [(doc.id, i, para.start, para.end, para.lang, m, None)
                       for i, (para, m) in enumerate(zip(doc.paragraphs, p.paragraph_minhashes))],
        "times": time_rows(doc.id, doc.times),
        "entity_mentions": [(doc.id, i, m.start, m.end, json.dumps(asdict(m), ensure_ascii=False))
                            for i, m in enumerate(ents or [])],
        "event_mentions": event_rows(doc.id, evs or []),
    }


def time_rows(doc_id: str, times: list[TimeMention]) -> list[tuple]:
    return [(doc_id, i, t.text, t.start, t.end, t.value, t.type, t.role)
            for i, t in enumerate(times)]


def event_rows(doc_id: str, events: list[EventMention]) -> list[tuple]:
    return [(doc_id, i, m.start, m.end, m.date, json.dumps(m.to_json(), ensure_ascii=False))
            for i, m in enumerate(events)]


class StoreError(Exception):
    """A database that cannot be used. ``environment``: the fault is the machine's (a full
    disk, a read-only file or folder, a damaged file), not the input's: the CLI exits 2."""

    def __init__(self, message: str, environment: bool = False):
        super().__init__(message)
        self.environment = environment


def explain(path: str, e: sqlite3.Error) -> StoreError:
    """One line saying what an SQLite error on the database at path means and what to do.
    Every write is one transaction per batch, so what was committed before is never lost."""
    msg = str(e)
    low = msg.lower()
    if "not a database" in low:   # some other file: not ours to touch, and not damaged
        return StoreError(f"{path}: not a dateline database ({msg})")
    if "disk is full" in low or "disk i/o" in low:
        how = ("the disk (or the database's size limit) is full: free space and run the same "
               "build again; batches stored before this one are kept")
    elif "readonly" in low or "read-only" in low:
        how = "the database cannot be written (a read-only file or folder): make it writable " \
              "or build into another --db"
    elif "unable to open" in low and Path(path).exists():
        # SQLite opens a database for writing with its -wal and -shm files beside it
        how = ("the database cannot be opened for writing (a read-only file, folder or file "
               "system): commands that only read still work on it; make it writable or build "
               "into another --db")
    elif "unable to open" in low:
        how = "the database cannot be created or opened: is its folder there and writable?"
    elif "malformed" in low:
        how = "the database file is damaged (" + _quick_check(path) + "): rebuild it from the " \
              "articles into a new --db"
    else:
        return StoreError(f"{path}: database error ({msg})", environment=True)
    return StoreError(f"{path}: {how} ({msg})", environment=True)


def _quick_check(path: str) -> str:
    """PRAGMA quick_check's first finding on the file, read-only."""
    try:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        with sqlite3.connect(uri, uri=True) as c:
            r = c.execute("PRAGMA quick_check").fetchone()[0]
        return f"quick_check: {r}".splitlines()[0]
    except sqlite3.Error as e:
        return f"quick_check failed: {e}"


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
            try:
                self.db.execute("PRAGMA user_version").fetchone()
            except sqlite3.OperationalError:
                # a WAL database in a folder that cannot hold its -shm file ("unable to open
                # database file"): read it as immutable, which needs no shared memory file
                self.db.close()
                self.db = sqlite3.connect(uri + "&immutable=1", uri=True)
        else:
            self.db = sqlite3.connect(self.path)
        try:
            if not readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.row_factory = sqlite3.Row
            self._migrate()
        except sqlite3.OperationalError as e:   # the machine's fault, not the file's kind
            self.db.close()
            raise explain(self.path, e) from None
        except sqlite3.DatabaseError as e:   # e.g. "file is not a database": not ours to touch
            self.db.close()
            if "malformed" in str(e):
                raise explain(self.path, e) from None
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
        if version == SCHEMA_VERSION or (self.readonly and READABLE_FROM <= version):
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
        return self.add_rows(document_rows(p) for p in docs)

    def add_rows(self, docs: Iterable[dict[str, list[tuple]]]) -> int:
        """Store documents given as table rows (``document_rows``: what the Spark runner
        writes to Parquet and ``dateline import`` reads back) in one transaction; a document
        already present is left untouched, with its rows."""
        added = 0
        with self.db:
            for rows in docs:
                (doc,) = rows["documents"]
                cur = self.db.execute(
                    f"INSERT OR IGNORE INTO documents ({', '.join(DOCUMENT_COLUMNS)})"
                    f" VALUES ({','.join('?' * len(DOCUMENT_COLUMNS))})", doc)
                if cur.rowcount == 0:
                    continue
                added += 1
                # the documents' search index (external content: FTS5 keeps only the index)
                self.db.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)",
                                (cur.lastrowid, doc[_TITLE], doc[_TEXT]))
                for table, cols in CHILD_COLUMNS.items():
                    if rows.get(table):
                        self.db.executemany(
                            f"INSERT INTO {table} ({', '.join(cols)})"
                            f" VALUES ({','.join('?' * len(cols))})", rows[table])
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
                                event_rows(doc_id, events))

    def _write_times(self, doc_id: str, times: list[TimeMention]) -> None:
        self.db.execute("DELETE FROM times WHERE doc=?", (doc_id,))
        self.db.executemany("INSERT INTO times VALUES (?,?,?,?,?,?,?,?)", time_rows(doc_id, times))

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
                       duplicate_of=r["duplicate_of"], ext_id=r["ext_id"],
                       cut=json.loads(r["cut"]) if "cut" in r.keys() and r["cut"] else [])
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
            self.db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)", [
                (e.id, e.name, e.type, e.mentions, e.lat, e.lon,
                 json.dumps(e.to_dict(extended=True), ensure_ascii=False), int(e.is_source))
                for e in entities])
            for ev in events:
                self.db.execute(
                    "INSERT INTO events (id, date, summary, modality, importance, background, data,"
                    " precision, uncertain, relevance, off_topic, sentences)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (
                        ev.id, ev.date, ev.summary, ev.modality, ev.importance, int(ev.background),
                        json.dumps({"actors": ev.actors, "places": ev.places,
                                    "attributed_to": ev.attributed_to,
                                    "relevance": round(ev.relevance, 4), "off_topic": ev.off_topic},
                                   ensure_ascii=False),
                        _PRECISION.get(ev.date.count("-")), int(ev.uncertain),
                        round(ev.relevance, 4), int(ev.off_topic),
                        "\n".join(m.quote for m in ev.sources)))
                self.db.executemany(
                    "INSERT INTO event_sources (event, seq, doc, start, end, quote, date, date_how,"
                    " uncertain, attributed_to, data) VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
                        (ev.id, i, m.doc, m.start, m.end, m.quote, m.date, m.date_how,
                         int(m.uncertain), ev.attributed_to.get(f"{m.doc}:{m.start}"),
                         json.dumps(m.to_json(), ensure_ascii=False))
                        for i, m in enumerate(ev.sources)])
                self.db.executemany("INSERT OR IGNORE INTO event_entities VALUES (?,?,?)",
                                    [(ev.id, a, "actor") for a in ev.actors] +
                                    [(ev.id, p, "place") for p in ev.places])
            # the events' rowids were all replaced: the index is rebuilt from the table
            self.db.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")

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
            self.db.executemany("INSERT INTO commitments VALUES (?,?,?,?,?,?,?)", [
                (c["id"], c.get("deadline"), c["status"], json.dumps(c, ensure_ascii=False),
                 c.get("kind", "deadline"), c.get("what"), c.get("due")) for c in commitments])
            self.db.executemany("INSERT INTO conflicts VALUES (?,?,?,?,?,?)", [
                (c["id"], c["kind"], c["about"], json.dumps(c, ensure_ascii=False),
                 c.get("classification"), len(c.get("claims") or [])) for c in conflicts])

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
        # an FTS index's shadow tables depend on the order rows were indexed in (batches), not
        # only on the rows; the index's content is the tables' own, compared already
        for (name,) in self.db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall():
            if name.startswith(FTS_TABLES):
                continue
            rows = self.db.execute(f"SELECT * FROM {name}").fetchall()
            out.append((name, sorted(tuple(r) for r in rows)))
        return out
