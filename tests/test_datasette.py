"""The database as a workbench: a built story opened in Datasette (its Python test client,
no server), and the schema migration that made it so on a database of the version before."""
import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import SCHEMA_VERSION, Store
from dateline.store.sqlite import MIGRATIONS

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ever-given"


@pytest.fixture(scope="module")
def story_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("ds") / "story.db"
    r = CliRunner().invoke(main, ["build", str(EXAMPLE), "--db", str(db), "--quiet"])
    assert r.exit_code == 0, r.output
    return db


def _get(db: Path, *paths: str) -> list:
    """JSON of Datasette pages over DB, through its in-process client."""
    from datasette.app import Datasette

    async def fetch():
        ds = Datasette(files=[str(db)])
        out = []
        for p in paths:
            r = await ds.client.get(f"/{db.stem}{p}")
            assert r.status_code == 200, (p, r.status_code, r.text[:300])
            out.append(r.json() if ".json" in p else r.text)
        return out
    return asyncio.run(fetch())


def test_datasette_tables_view_facet_and_search(story_db):
    docs, timeline, facet, search, sources, page = _get(
        story_db,
        "/documents.json?_shape=objects",
        "/timeline.json?_shape=objects&_size=max",
        "/timeline.json?_facet=precision&_facet=outlet&_shape=objects",
        "/events.json?_search=refloated&_shape=objects",
        "/event_sources.json?_labels=on&_shape=objects",
        "/event_sources")
    assert {d["title"] for d in docs["rows"]} >= {"Suez Canal clears backlog of ships"}
    # the view: one row per event source with real columns, the sentence verbatim
    rows = timeline["rows"]
    with Store(story_db, readonly=True) as st:
        events = st.events()
        texts = {d.id: d.text for d in st.documents()}
    assert len(rows) == sum(len(e.sources) for e in events)
    for r in rows:
        assert r["precision"] == {4: "year", 7: "month", 10: "day"}[len(r["date"])]
        assert texts[r["document"]][r["start"]:r["end"]] == r["sentence"]
        assert r["uncertain"] in (0, 1)
    counts = {x["value"]: x["count"] for x in facet["facet_results"]["precision"]["results"]}
    assert counts == {"day": sum(r["precision"] == "day" for r in rows),
                      "year": sum(r["precision"] == "year" for r in rows)}
    assert "outlet" in facet["facet_results"]
    # FTS5 over the events, found by Datasette as the table's search index
    # "was refloated on Monday, six days after it ran aground": the refloating (29 March)
    # and, from the same sentence, the grounding six days before it
    by_date = {r["date"]: r for r in search["rows"]}
    assert sorted(by_date) == ["2021-03-23", "2021-03-29"]
    assert "refloated" in by_date["2021-03-29"]["summary"]
    # foreign keys: a source's document is a link labelled with its title
    doc = sources["rows"][0]["doc"]
    assert doc["label"] and doc["label"] != doc["value"]
    assert 'href="/story/documents/' in page


def test_fts_and_columns_follow_the_build(story_db, tmp_path):
    """A second build with a new article indexes it and its events (the build keeps the
    indexes in sync), and every reference obeys its foreign key."""
    db = tmp_path / "s.db"
    db.write_bytes(story_db.read_bytes())
    new = tmp_path / "new.txt"
    new.write_text("CAIRO, April 10, 2021 - Egypt impounded the Ever Given on April 13 over a "
                   "zebrafish compensation claim, the canal authority said.\n")
    assert CliRunner().invoke(main, ["build", str(new), "--db", str(db), "--quiet"]).exit_code == 0
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    assert c.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH "
                     "'zebrafish'").fetchone()[0] == 1
    hits = c.execute("SELECT e.summary FROM events_fts JOIN events e ON e.rowid = events_fts.rowid"
                     " WHERE events_fts MATCH 'zebrafish'").fetchall()
    assert hits and all("zebrafish" in s for (s,) in hits)
    n_events = c.execute("SELECT count(*) FROM events").fetchone()[0]
    assert c.execute("SELECT count(*) FROM events_fts").fetchone()[0] == n_events
    assert c.execute("PRAGMA foreign_key_list(event_sources)").fetchall()


def test_a_database_of_the_previous_version_opens_and_migrates(tmp_path):
    db = tmp_path / "v3.db"
    c = sqlite3.connect(db)
    for m in MIGRATIONS[:3]:
        c.executescript(m)
    c.execute("INSERT INTO documents (id, path, title, published, text, text_hash) VALUES "
              "('d1', 'a.txt', 'Talks', '2020-11-10', 'The talks ended in November.', 'h')")
    mention = {"doc": "d1", "start": 0, "end": 28, "quote": "The talks ended in November.",
               "trigger": None, "date": "2020-11", "date_how": "explicit", "time": None,
               "modality": "asserted", "attributed_to": None, "actors": [], "places": [],
               "repeated": False, "sentence_index": 0, "uncertain": True}
    c.execute("INSERT INTO events VALUES ('e1', '2020-11', 'The talks ended.', 'asserted', 1.0, 0, ?)",
              (json.dumps({"actors": [], "places": [], "attributed_to": {}, "relevance": 0.5,
                           "off_topic": False}),))
    c.execute("INSERT INTO event_sources VALUES ('e1', 0, 'd1', 0, 28, ?)", (json.dumps(mention),))
    c.execute("PRAGMA user_version=3")
    c.commit()
    c.close()
    with Store(db, readonly=True) as st:          # every reading command still works ...
        assert [e.summary for e in st.events()] == ["The talks ended."]
    r = CliRunner().invoke(main, ["timeline", "--db", str(db), "--json"])
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["date"] == "2020-11"
    with Store(db) as st:                          # ... and a build migrates it, data kept
        assert st.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        row = st.db.execute("SELECT date, precision, uncertain, document, sentence FROM timeline"
                            ).fetchone()
        assert tuple(row) == ("2020-11", "month", 1, "d1", "The talks ended in November.")
        ev = st.db.execute("SELECT precision, uncertain, relevance, sentences FROM events").fetchone()
        assert tuple(ev) == ("month", 1, 0.5, "The talks ended in November.")
        assert st.db.execute("SELECT rowid FROM events_fts WHERE events_fts MATCH 'november'"
                             ).fetchall()
        assert st.db.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'talks'"
                             ).fetchall()
        assert [e.summary for e in st.events()] == ["The talks ended."]
