"""Curation (dateline.curate, `dateline edit`): every action recorded, applied by the query
layer, still there after a rebuild (and an incremental build that changes event ids), marked
in every export, undoable; quotes never altered.

Built on the bundled Ever Given example (4 articles, 11 events, 2 commitments)."""
import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline import curate
from dateline.cli import main
from dateline.export import FORMATS
from dateline.export.json import export
from dateline.pipeline import build
from dateline.query import timeline, view
from dateline.store import Store

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ever-given"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    db = tmp_path_factory.mktemp("curate") / "base.db"
    assert not build([str(EXAMPLE)], str(db), workers=1).failed
    return db


@pytest.fixture
def db(built, tmp_path):
    """A fresh copy of the example database for each test."""
    out = tmp_path / "story.db"
    shutil.copy(built, out)
    return out


def _event(store, words: str):
    hits = [e for e in view(store).events if words in e.summary]
    assert len(hits) == 1, [e.summary for e in view(store).events]
    return hits[0]


def _entity(store, name: str):
    return next(e for e in view(store).entities if e["name"] == name)


def _quotes(store) -> dict:
    """Every source quote of every event, keyed by doc:start, with the document text there."""
    docs = {d.id: d.text for d in store.documents()}
    return {f"{m.doc}:{m.start}": (m.quote, docs[m.doc][m.start:m.end])
            for e in view(store).events + view(store).hidden_events for m in e.sources}


def _rebuild(db: Path) -> None:
    """The same input again, then a from-scratch rebuild of the derived tables: what a build
    recomputes is gone and found again; the edits must survive both."""
    assert not build([str(EXAMPLE)], str(db), workers=1).failed
    with Store(db) as s:   # drop what the corpus stage derives, as a fresh build would
        s.replace_entities_and_events([], [])
        s.replace_reasoning([], [])
    assert not build([str(EXAMPLE)], str(db), workers=1).failed


def test_event_edits_survive_a_rebuild_and_reach_every_export(db, tmp_path):
    with Store(db) as s:
        before = _quotes(s)
        hist = _event(s, "12 percent of global trade")
        tugs = _event(s, "Tugboats and excavators")
        refl = _event(s, "was refloated on Monday")
        n = len(view(s).events)
        curate.add(s, "event", "hide", hist.id[:6], note="history, not news", by="anna")
        curate.add(s, "event", "date", tugs.id, value={"date": "2021-03-25"},
                   note="the authority said Thursday")
        curate.add(s, "event", "star", refl.id)
        with pytest.raises(curate.EditError, match="needs a note"):
            curate.add(s, "event", "date", tugs.id, value={"date": "2021-03-26"})
        with pytest.raises(curate.EditError, match="YYYY"):
            curate.add(s, "event", "date", tugs.id, value={"date": "2021-02-30"}, note="x")
    _rebuild(db)
    with Store(db, readonly=True) as s:
        v = view(s)
        assert len(v.events) == n - 1 and [e.summary for e in v.hidden_events] == [hist.summary]
        tugs2 = _event(s, "Tugboats and excavators")
        assert tugs2.date == "2021-03-25" and tugs2.derived == {"date": "2021-03-24"}
        assert tugs2.edits[0]["note"] == "the authority said Thursday"
        assert [e.id for e in timeline(s, starred=True)] == [refl.id]
        assert _quotes(s) == before   # no quote changed, each still matches its document
        assert all(q == t for q, t in before.values())
        data = export(s)
    assert hist.id not in {e["id"] for e in data["events"]}
    ev = next(e for e in data["events"] if e["id"] == tugs.id)
    assert ev["date"] == "2021-03-25" and ev["edits"][0]["action"] == "date"
    assert next(e for e in data["events"] if e["id"] == refl.id)["starred"] is True
    log = {e["action"]: e for e in data["edits"]}
    assert log["hide"]["note"] == "history, not news" and log["hide"]["by"] == "anna"
    assert log["hide"]["applied_to"] == hist.id and log["hide"]["active"]
    # every other format marks the edit with its note
    for fmt in ("csv", "timelinejs", "geojson", "plover", "html"):
        out = tmp_path / f"x.{fmt}"
        FORMATS[fmt](data, str(out))
        text = out.read_text()
        assert hist.summary[:40] not in text, fmt
        if fmt not in ("geojson", "plover"):   # no place, no PLOVER category: not in those
            assert "the authority said Thursday" in text, fmt
    from dateline.export.plover import records
    rec = next(r for r in records(data, include_unmapped=True) if r["event_id"] == tugs.id)
    assert "the authority said Thursday" in rec["edited"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "x.csv").read_text())))
    assert {r["starred"] for r in rows if r["event_id"] == refl.id} == {"true"}
    assert "date 2021-03-25" in next(r["edited"] for r in rows if r["event_id"] == tugs.id)


def test_merge_and_split_events_keyed_by_sources(db):
    with Store(db) as s:
        ground = _event(s, "ran aground in the Suez Canal on March 23")
        keys = [f"{m.doc}:{m.start}" for m in ground.sources]
        wire = [k for k, m in zip(keys, ground.sources) if "Tuesday" in m.quote]
        # 5 sources: the four reports of the grounding and "refloated on Monday, six days after
        # it ran aground" (a duration link dates the grounding too)
        assert len(keys) == 5 and len(wire) == 1
        curate.add(s, "event", "split", ground.id, value={"sources": wire}, note="the wire's own report")
        v = view(s)
        new = next(e for e in v.events if [f"{m.doc}:{m.start}" for m in e.sources] == wire)
        assert len(next(e for e in v.events if e.id == ground.id).sources) == len(keys) - 1
        assert new.date == "2021-03-23" and new.edits[0]["action"] == "split"
        # a split-off event can be edited in turn: merged back, here
        curate.add(s, "event", "merge", ground.id, value={"others": [new.id]})
        back = next(e for e in view(s).events if e.id == ground.id)
        assert sorted(f"{m.doc}:{m.start}" for m in back.sources) == sorted(keys)
        with pytest.raises(curate.EditError, match="some, not all"):
            curate.add(s, "event", "split", ground.id, value={"sources": keys})
    _rebuild(db)
    with Store(db, readonly=True) as s:
        back = next(e for e in view(s).events if e.id == ground.id)
        assert [x["action"] for x in back.edits] == ["split", "merge"]
        assert len(back.sources) == len(keys)


def test_an_edit_follows_its_event_when_new_sources_change_the_id(db, tmp_path):
    """Event ids hash the event's sources, so an article that joins an event changes its id;
    the edit is found again by the sources it was made on."""
    with Store(db) as s:
        tugs = _event(s, "Tugboats and excavators")
        curate.add(s, "event", "date", tugs.id, value={"date": "2021-03-25"}, note="checked")
    more = tmp_path / "more"
    more.mkdir()
    (more / "05-tugs.txt").write_text(
        "Tugs at work\n\nSUEZ (Canal Post) — 24 March 2021\n\n"
        "Tugboats and excavators began working to free the vessel on Wednesday, "
        "the canal authority said.\n")
    assert not build([str(more)], str(db), workers=1).failed
    with Store(db, readonly=True) as s:
        raw = [e for e in s.events() if "Tugboats and excavators" in e.summary]
        assert len(raw) == 1 and raw[0].id != tugs.id and len(raw[0].sources) == 2
        now = next(e for e in view(s).events if e.id == raw[0].id)
        assert now.date == "2021-03-25" and now.edits[0]["note"] == "checked"
        log = curate.edits(s)
        assert log[0]["target"] == tugs.id and log[0]["applied_to"] == raw[0].id


def test_entity_edits(db):
    with Store(db) as s:
        shoei = _entity(s, "Shoei Kisen Kaisha")
        sca = _entity(s, "Suez Canal Authority")
        canal = _entity(s, "Suez Canal")
        isma = _entity(s, "Ismailia")
        curate.add(s, "entity", "rename", shoei["id"], value={"name": "Shoei Kisen"})
        curate.add(s, "entity", "merge", sca["id"], value={"others": [canal["id"]]},
                   note="the story's canal is its authority")
        curate.add(s, "entity", "split", isma["id"], value={"alias": "ISMAILIA", "name": "Ismailia dateline"})
        with pytest.raises(curate.EditError, match="no other alias"):
            curate.add(s, "entity", "split", isma["id"], value={"alias": "Cairo"})
        egypt = _entity(s, "Egypt")
        curate.add(s, "entity", "junk", egypt["id"], note="a dateline country")
    _rebuild(db)
    with Store(db, readonly=True) as s:
        v = view(s)
        names = {e["name"]: e for e in v.entities}
        assert "Shoei Kisen" in names and "Shoei Kisen Kaisha" in names["Shoei Kisen"]["aliases"]
        assert names["Shoei Kisen"]["derived"] == {"name": "Shoei Kisen Kaisha"}
        assert "Suez Canal" not in names and "Suez Canal" in names["Suez Canal Authority"]["aliases"]
        assert names["Suez Canal Authority"]["mentions"] == sca["mentions"] + canal["mentions"]
        assert "Egypt" not in names and [e["name"] for e in v.junk_entities] == ["Egypt"]
        assert names["Ismailia dateline"]["aliases"] == ["ISMAILIA"]
        assert "ISMAILIA" not in names["Ismailia"]["aliases"]
        used = {i for e in v.events for i in e.actors + e.places}
        assert canal["id"] not in used and egypt["id"] not in used and sca["id"] in used
        # the entity filter finds the merged entity's events under either name
        assert timeline(s, entity="Suez Canal") == timeline(s, entity="Suez Canal Authority")
        data = export(s)
    ent = next(e for e in data["entities"] if e["id"] == sca["id"])
    assert ent["edits"][0]["note"] == "the story's canal is its authority"


def test_hidden_events_leave_the_digest_and_gone_targets_are_reported(db):
    from dateline.query import digest

    with Store(db) as s:
        refl = _event(s, "was refloated on Monday")
        key = lambda d: {(x["doc"], x["start"]) for day in d for x in day["sentences"]}  # noqa: E731
        ours = {(m.doc, m.start) for m in refl.sources}
        assert ours <= key(digest(s, 3))
        curate.add(s, "event", "hide", refl.id, note="not this one")
        assert not ours & key(digest(s, 3))
        # a target no build finds any more (here: the derived tables emptied) is "gone"
        s.replace_entities_and_events([], [])
        log = curate.edits(s)
        assert log[0]["active"] and log[0]["applied_to"] is None
    r = _cli("edit", "list", "--db", str(db))
    assert "gone" in r.output


def test_commitment_status_by_hand_and_undo(db, tmp_path):
    with Store(db) as s:
        c = next(c for c in view(s).commitments if "compensation" in c["what"])
        assert c["status"] == "pending"
        with pytest.raises(curate.EditError, match="status must be one of"):
            curate.add(s, "commitment", "status", c["id"], value={"status": "done"}, note="x")
        e = curate.add(s, "commitment", "status", c["id"], value={"status": "broken"},
                       note="the owners refused to pay")
    _rebuild(db)
    with Store(db) as s:
        c2 = next(x for x in view(s).commitments if x["id"] == c["id"])
        assert c2["status"] == "broken" and c2["derived"] == {"status": "pending"}
        assert c2["sources"] == c["sources"]   # quotes untouched
        out = tmp_path / "d.ics"
        FORMATS["ics"](s, str(out))
        curate.undo(s, e["id"])
        with pytest.raises(curate.EditError, match="already undone"):
            curate.undo(s, e["id"])
        assert next(x for x in view(s).commitments if x["id"] == c["id"])["status"] == "pending"
        log = curate.edits(s)
        assert [x["action"] for x in log] == ["status", "undo"] and log[0]["undone_by"] == log[1]["id"]


# -- the CLI ---------------------------------------------------------------------------------

def _cli(*args, ok=True):
    r = CliRunner().invoke(main, list(args), env={"COLUMNS": "200"})
    if ok:
        assert r.exit_code == 0, r.output
    return r


def test_cli_every_edit_command_then_rebuild_and_export(db, tmp_path):
    d = str(db)
    events = json.loads(_cli("timeline", "--db", d, "--json").stdout)
    def one(words):
        return next(e for e in events if words in e["summary"])
    hist, tugs, refl = one("12 percent"), one("Tugboats and"), one("was refloated")
    ground = next(e for e in events if "on March 23" in e["summary"])
    rabie = [e for e in events if e["summary"].startswith("Osama Rabie had said")]
    assert len(rabie) == 2
    ents = {e["name"]: e for e in json.loads(_cli("entities", "--db", d, "--json").stdout)}
    comm = next(c for c in json.loads(_cli("commitments", "--db", d, "--json").stdout)
                if "compensation" in c["what"])

    r = _cli("edit", "event", "hide", hist["id"][:8], "--db", d, "--note", "history", "--by", "anna")
    assert r.output.startswith("edit 1: event " + hist["id"] + " hide") and "(by anna)" in r.output
    _cli("edit", "event", "date", tugs["id"], "2021-03-25", "--db", d, "--reason", "SCA said Thursday")
    _cli("edit", "event", "star", refl["id"], "--db", d)
    _cli("edit", "event", "merge", rabie[0]["id"], rabie[1]["id"], "--db", d, "--note", "one statement")
    wire = next(f"{s['doc'][:8]}:{s['start']}" for s in ground["sources"] if "Tuesday" in s["quote"])
    _cli("edit", "event", "split", ground["id"], wire, "--db", d)
    _cli("edit", "entity", "rename", ents["Shoei Kisen Kaisha"]["id"], "Shoei Kisen", "--db", d)
    _cli("edit", "entity", "merge", ents["Suez Canal Authority"]["id"], ents["Suez Canal"]["id"], "--db", d)
    _cli("edit", "entity", "split", ents["Ismailia"]["id"], "ISMAILIA", "--db", d)
    _cli("edit", "entity", "junk", ents["Egypt"]["id"], "--db", d, "--note", "dateline country")
    _cli("edit", "commitment", "status", comm["id"], "broken", "--db", d, "--note", "refused")
    r = _cli("edit", "commitment", "status", comm["id"], "done", "--db", d, "--note", "x", ok=False)
    assert r.exit_code == 1 and "status must be one of" in r.output and "Traceback" not in r.output
    r = _cli("edit", "event", "date", tugs["id"], "2021-13-01", "--db", d, "--reason", "x", ok=False)
    assert r.exit_code == 1 and "YYYY" in r.output
    r = _cli("edit", "event", "hide", "ffffffff", "--db", d, ok=False)
    assert r.exit_code == 1 and "no event with id 'ffffffff'" in r.output
    _cli("edit", "event", "star", tugs["id"], "--db", d)
    r = _cli("edit", "undo", "11", "--db", d)
    assert "undid edit 11" in r.output
    r = _cli("edit", "undo", "11", "--db", d, ok=False)
    assert "already undone" in r.output

    assert not build([str(EXAMPLE)], d, workers=1).failed
    log = json.loads(_cli("edit", "list", "--db", d, "--json").stdout)
    assert [e["action"] for e in log] == ["hide", "date", "star", "merge", "split", "rename",
                                          "merge", "split", "junk", "status", "star", "undo"]
    assert all(e["applied_to"] for e in log if e["active"]) and not log[10]["active"]
    table = _cli("edit", "list", "--db", d).output
    assert "undone by 12" in table and "SCA said Thursday" in table

    r = _cli("timeline", "--db", d)
    assert "1 event hidden by an edit" in r.output and "12 percent" not in r.output
    assert "edited: date 2021-03-25 (SCA said Thursday)" in r.output and "★ 2021-03-29" in r.output
    starred = json.loads(_cli("timeline", "--db", d, "--starred", "--json").stdout)
    assert [e["id"] for e in starred] == [refl["id"]]
    assert "Shoei Kisen" in _cli("entities", "--db", d).output
    r = _cli("commitments", "--db", d)
    assert "broken" in r.output and "by hand" in r.output and "refused" in r.output
    out = tmp_path / "story.json"
    _cli("export", "--db", d, "--format", "json", "-o", str(out))
    data = json.loads(out.read_text())
    assert len(data["edits"]) == 12
    assert next(c for c in data["commitments"] if c["id"] == comm["id"])["status"] == "broken"
    from importlib import resources

    import jsonschema
    schema = json.loads(resources.files("dateline").joinpath("schema/dateline-1.schema.json").read_text())
    jsonschema.validate(data, schema)
    data["edits"][0]["active"] = "yes"   # the schema describes the log, so it catches this
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_cli_edit_needs_a_database(tmp_path):
    r = _cli("edit", "event", "hide", "abcd", "--db", str(tmp_path / "none.db"), ok=False)
    assert r.exit_code == 2 and "does not exist" in r.output
    r = _cli("edit", "list", "--db", str(tmp_path / "none.db"), ok=False)
    assert r.exit_code == 2
