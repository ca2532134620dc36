"""Every command, through the real entry point."""
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest  # noqa: F401  (fixtures from conftest)
from click.testing import CliRunner

from dateline.cli import main
from dateline.store import Store

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ever-given"


def test_build_docs_export_on_bundled_example(tmp_path):
    db = str(tmp_path / "e.db")
    runner = CliRunner()
    r = runner.invoke(main, ["build", str(EXAMPLE), "--db", db, "--quiet"])
    assert r.exit_code == 0, r.output
    assert "4 added" in r.output and "1 exact" in r.output
    r = runner.invoke(main, ["build", str(EXAMPLE), "--db", db, "--quiet"])
    assert "0 added, 4 already" in r.output
    r = runner.invoke(main, ["docs", "--db", db, "--json"])
    rows = [json.loads(l) for l in r.output.splitlines()]
    assert len(rows) == 4
    by_path = {Path(x["path"]).name: x for x in rows}
    assert by_path["02-refloated.html"]["published"] == "2021-03-29"
    assert by_path["02-refloated.html"]["source"] == "Coastline Daily"
    assert by_path["01-grounding.txt"]["source"] == "HARBOUR WIRE"
    assert by_path["01-grounding.txt"]["published"] == "2021-03-24"
    dups = [x for x in rows if x["duplicate_of"]]
    assert len(dups) == 1 and dups[0]["path"].endswith("#L2")
    out = tmp_path / "e.json"
    r = runner.invoke(main, ["export", "--db", db, "--format", "json", "-o", str(out)])
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text())
    from importlib import resources
    jsonschema.validate(data, json.loads(resources.files("dateline").joinpath(
        "schema/dateline-1.schema.json").read_text()))
    assert data["as_of"] == "2021-04-03"
    r = runner.invoke(main, ["docs", "--db", db], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "Coastline" in r.output and "2021-03-29" in r.output


def test_commands_on_missing_db_fail_cleanly(tmp_path):
    r = CliRunner().invoke(main, ["docs", "--db", str(tmp_path / "none.db")])
    assert r.exit_code != 0 and "no such database" in r.output


def test_console_script_runs():
    exe = Path(sys.executable).parent / "dateline"
    r = subprocess.run([str(exe) if exe.exists() else "dateline", "--help"], capture_output=True, text=True)
    assert r.returncode == 0
    for cmd in ("build", "docs", "export", "times"):
        assert cmd in r.stdout


def test_story_commands_on_seed(seed_dir, tmp_path):
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(seed_dir), "--db", db, "--quiet"]).exit_code == 0
    wide = {"COLUMNS": "200"}
    r = runner.invoke(main, ["timeline", "--db", db], env=wide)
    assert r.exit_code == 0 and "2020-11-10" in r.output and "background" in r.output
    r = runner.invoke(main, ["timeline", "--db", db, "--json", "--top", "5", "--no-background"])
    events = json.loads(r.output)
    assert 0 < len(events) <= 5 and not any(e["background"] for e in events)
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    # the same five, most important first
    r = runner.invoke(main, ["timeline", "--db", db, "--json", "--top", "5", "--no-background",
                             "--by", "importance"])
    ranked = json.loads(r.output)
    assert sorted(e["id"] for e in ranked) == sorted(e["id"] for e in events)
    assert [e["importance"] for e in ranked] == sorted((e["importance"] for e in ranked),
                                                       reverse=True)
    assert runner.invoke(main, ["timeline", "--db", db, "--by", "size"]).exit_code != 0
    assert runner.invoke(main, ["timeline", "--db", db, "--top", "-3"]).exit_code != 0
    r = runner.invoke(main, ["timeline", "--db", db, "--json", "--entity", "Kelbajar"])
    assert json.loads(r.output) and all(e["date"].startswith("2020-1") for e in json.loads(r.output))
    r = runner.invoke(main, ["timeline", "--db", db, "--json", "--from", "2020-11-01", "--to", "2020-11-30"])
    nov = json.loads(r.output)
    assert nov and all("2020-11" <= e["date"][:7] <= "2020-11" for e in nov)
    r = runner.invoke(main, ["timeline", "--db", db, "--from", "yesterday"])
    assert r.exit_code != 0 and "YYYY" in r.output
    r = runner.invoke(main, ["entities", "--db", db, "--json", "--type", "place"])
    names = {e["name"] for e in json.loads(r.output)}
    assert {"Lachin", "Aghdam", "Kalbajar"} <= names
    places = json.loads(r.output)
    r = runner.invoke(main, ["entities", "--db", db, "--json", "--type", "place", "--top", "3"])
    assert json.loads(r.output) == places[:3]                  # the 3 most mentioned
    r = runner.invoke(main, ["entities", "--db", db, "--type", "place", "--top", "3"], env=wide)
    assert f"{len(places)} entities, the 3 most mentioned" in r.output
    assert runner.invoke(main, ["entities", "--db", db, "--top", "0"]).exit_code != 0
    r = runner.invoke(main, ["commitments", "--db", db], env=wide)
    assert r.exit_code == 0 and "Lachin" in r.output
    r = runner.invoke(main, ["commitments", "--db", db, "--json"])
    assert {c["deadline"] for c in json.loads(r.output)} >= {"2020-11-20", "2020-12-01"}
    r = runner.invoke(main, ["conflicts", "--db", db, "--json"])
    assert any(c["kind"] == "number" for c in json.loads(r.output))
    r = runner.invoke(main, ["conflicts", "--db", db], env=wide)
    assert r.exit_code == 0 and "disagreements" in r.output
    for fmt in ("csv", "timelinejs", "ics", "geojson", "plover", "html"):
        out = tmp_path / f"x.{fmt}"
        r = runner.invoke(main, ["export", "--db", db, "--format", fmt, "-o", str(out)])
        assert r.exit_code == 0, (fmt, r.output)
        assert out.stat().st_size > 100, fmt


def test_digest_on_seed(seed_dir, tmp_path):
    """`dateline digest`: the story in N days, each sentence verbatim at its offsets; a date
    that rests on an inferred publication date says so; bad arguments fail cleanly."""
    db = str(tmp_path / "d.db")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(seed_dir), "--db", db, "--quiet"]).exit_code == 0
    r = runner.invoke(main, ["digest", "--db", db, "--dates", "8", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)     # the same object as /digest.json
    assert (out["dates"], out["sentences"], out["from"], out["to"]) == (8, 1, None, None)
    days = out["days"]
    dates = [d["date"] for d in days]
    assert len(days) == 8 and dates == sorted(dates)
    # the ceasefire, the peacekeepers' deployment and the hand-over deadlines are among them
    assert {"2020-11-10", "2020-11-20", "2020-12-01"} <= set(dates)
    from dateline.store import Store
    with Store(db, readonly=True) as store:
        texts = {d.id: d.text for d in store.documents(full=True)}
    for d in days:
        assert len(d["sentences"]) == 1
        for s in d["sentences"]:
            assert texts[s["doc"]][s["start"]:s["end"]] == s["quote"]
            assert s["text"] and s["date_how"] in ("explicit", "publication")
    # 004 carries no date line: its "on Wednesday" rests on an inferred publication date
    by_date = {d["date"]: d for d in days}
    assert by_date["2020-11-11"]["uncertain"]
    assert not by_date["2020-11-10"]["uncertain"]
    r = runner.invoke(main, ["digest", "--db", db, "--dates", "3", "--sentences", "2",
                             "--from", "2020-11", "--to", "2020-11", "--json"])
    days = json.loads(r.output)["days"]
    assert 0 < len(days) <= 3 and all(d["date"].startswith("2020-11") for d in days)
    assert all(1 <= len(d["sentences"]) <= 2 for d in days)
    r = runner.invoke(main, ["digest", "--db", db, "--dates", "5"], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "the story in 5 days" in r.output
    for bad in (["--dates", "0"], ["--from", "last week"]):
        r = runner.invoke(main, ["digest", "--db", db, *bad])
        assert r.exit_code != 0 and "Error" in r.output


def test_bad_dates_databases_and_paths_fail_in_one_line(seed_dir, tmp_path):
    """Calendar-impossible dates, --from after --to, a file that is no database, an export
    into a missing folder, a bad --date for `times`: one clear error each, no traceback."""
    db = str(tmp_path / "b.db")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(EXAMPLE), "--db", db, "--quiet"]).exit_code == 0
    for cmd in (["timeline", "--db", db, "--from", "2020-13-45"],
                ["timeline", "--db", db, "--to", "2020-02-30"],
                ["digest", "--db", db, "--from", "2021-02-30"],
                ["digest", "--db", db, "--from", "2021-04", "--to", "2021-03"]):
        r = runner.invoke(main, cmd)
        assert r.exit_code != 0 and r.exception is None or isinstance(r.exception, SystemExit), cmd
        assert "Error:" in r.output and "Traceback" not in r.output, (cmd, r.output)
    notdb = tmp_path / "notes.txt"
    notdb.write_text("just some notes\n" * 200)
    for cmd in (["docs", "--db", str(notdb)], ["build", str(EXAMPLE), "--db", str(notdb), "--quiet"]):
        r = runner.invoke(main, cmd)
        assert r.exit_code != 0 and "not a dateline database" in r.output, (cmd, r.output)
    assert notdb.read_text().startswith("just some notes")       # left untouched
    r = runner.invoke(main, ["export", "--db", db, "--format", "html", "-o",
                             str(tmp_path / "missing" / "x.html")])
    assert r.exit_code != 0 and "no such folder" in r.output
    out = tmp_path / "report.html"
    assert runner.invoke(main, ["export", "--db", db, "--format", "html", "-o", str(out)]).exit_code == 0
    assert out.stat().st_mode & 0o044, "an export is readable by others (umask permitting)"
    r = runner.invoke(main, ["times", "-", "--date", "11/24/2020"], input="on Tuesday")
    assert r.exit_code != 0 and "YYYY-MM-DD" in r.output


def test_unknown_entity_gets_a_hint(tmp_path):
    db = str(tmp_path / "u.db")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(EXAMPLE), "--db", db, "--quiet"]).exit_code == 0
    r = runner.invoke(main, ["timeline", "--db", db, "--entity", "Nobody At All"])
    assert r.exit_code == 0 and "no entity named 'Nobody At All'" in r.output   # (stderr)
    r = runner.invoke(main, ["timeline", "--db", db, "--entity", "Suez Canal"])
    assert "no entity named" not in r.output


def test_build_warns_about_documents_with_no_date(tmp_path):
    """An article with no date anywhere cannot place its "Friday" or "Nov. 12": the build says
    so instead of leaving the user an empty timeline to puzzle over."""
    a = tmp_path / "a.txt"
    a.write_text("BAKU, Nov. 12 (Trend) - Azerbaijani troops entered Aghdam on Friday, the "
                 "ministry said.\n")
    b = tmp_path / "b.txt"
    b.write_text("BAKU, Nov. 21, 2020 (Trend) - Azerbaijani troops entered Aghdam on Friday.\n")
    db = str(tmp_path / "u.db")
    r = CliRunner().invoke(main, ["build", str(a), "--db", db, "--quiet"])
    assert r.exit_code == 0 and "1 document has no date" in r.output
    r = CliRunner().invoke(main, ["build", str(b), "--db", db, "--quiet"])
    # the second article dates the first (its year makes Nov. 12 a day of 2020)
    assert r.exit_code == 0 and "no date" not in r.output


def test_topic_and_off_topic_flags(tmp_path):
    """build --topic keeps the words and relevance reads them; timeline hides off-topic
    events unless --off-topic, and says how many it hid."""
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    r = runner.invoke(main, ["build", str(EXAMPLE), "--db", db, "--quiet", "--no-entities",
                             "--topic", "zebra giraffe"])
    assert r.exit_code == 0, r.output
    # no event names the topic: every one is at most half as relevant as a typical one
    everything = json.loads(runner.invoke(main, ["timeline", "--db", db, "--json",
                                                 "--off-topic"]).output)
    assert everything and all(e["relevance"] <= 0.5 for e in everything)
    r = runner.invoke(main, ["timeline", "--db", db, "--json"])
    shown = json.loads(r.stdout)
    assert "off-topic event" in r.stderr
    assert {e["id"] for e in shown} == {e["id"] for e in everything if not e["off_topic"]}
    with Store(db, readonly=True) as st:
        assert st.get_meta("topic") == "zebra giraffe"
        assert st.story_window() is not None


def test_commitments_kind_and_status_filters(tmp_path):
    story = Path(__file__).parent / "data" / "pledges" / "story.jsonl"
    db = str(tmp_path / "p.db")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(story), "--db", db, "--quiet"]).exit_code == 0
    r = runner.invoke(main, ["commitments", "--db", db, "--kind", "scheduled", "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and {c["kind"] for c in rows} == {"scheduled"}
    r = runner.invoke(main, ["commitments", "--db", db, "--status", "broken", "--json"])
    rows = json.loads(r.output)
    assert [c["negated"] for c in rows] == [True]
    r = runner.invoke(main, ["commitments", "--db", db], env={"COLUMNS": "200"})
    assert r.exit_code == 0
    assert "cancelled" in r.output and "scheduled" in r.output


@pytest.fixture(scope="module")
def example_db(tmp_path_factory):
    """The bundled example, built once for the export tests (read it only)."""
    db = str(tmp_path_factory.mktemp("ex") / "e.db")
    r = CliRunner().invoke(main, ["build", str(EXAMPLE), "--db", db, "--quiet"])
    assert r.exit_code == 0, r.output
    return db


def test_export_takes_the_timeline_filters(example_db):
    """`export` keeps the events `timeline` shows for the same filters (one library function
    behind both), and only the events: documents and entities are exported whole."""
    runner = CliRunner()
    for flags in (["--top", "3", "--no-background"], ["--from", "2021-03-25", "--to", "2021-03"],
                  ["--entity", "Suez Canal"], []):
        shown = json.loads(runner.invoke(main, ["timeline", "--db", example_db, "--json",
                                                *flags]).stdout)
        r = runner.invoke(main, ["export", "--db", example_db, "--format", "json", *flags])
        assert r.exit_code == 0, r.output
        data = json.loads(r.stdout)
        assert [e["id"] for e in data["events"]] == [e["id"] for e in shown], flags
        assert len(data["documents"]) == 4
    assert len(shown) == 11    # no filter: every event
    top = json.loads(runner.invoke(main, ["export", "--db", example_db, "--top", "3"]).stdout)
    assert len(top["events"]) == 3
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, [
        "export", "--db", example_db, "--format", "csv", "--top", "3"]).stdout)))
    assert len({r["event_id"] for r in rows}) == 3
    r = runner.invoke(main, ["export", "--db", example_db, "--from", "2021-02-30"])
    assert r.exit_code != 0 and "Error:" in r.output and "Traceback" not in r.output


def test_export_leaves_off_topic_events_out_like_timeline(tmp_path):
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(EXAMPLE), "--db", db, "--quiet", "--no-entities",
                                "--topic", "zebra giraffe"]).exit_code == 0
    r = runner.invoke(main, ["export", "--db", db])
    kept = json.loads(r.stdout)["events"]
    assert "off-topic event" in r.stderr and "--off-topic exports them" in r.stderr
    everything = json.loads(runner.invoke(main, ["export", "--db", db, "--off-topic"]).stdout)
    assert {e["id"] for e in kept} == {e["id"] for e in everything["events"]
                                       if not e["off_topic"]}
    assert len(everything["events"]) > len(kept)
    # the title of a build with --topic is its topic
    tl = json.loads(runner.invoke(main, ["export", "--db", db, "--format", "timelinejs",
                                         "--off-topic"]).stdout)
    assert tl["title"]["text"]["headline"] == "zebra giraffe, March–April 2021"


def test_export_title(example_db, tmp_path):
    """HTML and TimelineJS are named after the story: --title, else the most mentioned
    names and the story's months (never the tool's name)."""
    runner = CliRunner()
    out = tmp_path / "r.html"
    r = runner.invoke(main, ["export", "--db", example_db, "--format", "html", "-o", str(out)])
    assert r.exit_code == 0, r.output
    h1 = re.search(r"<h1>([^<]+)</h1>", out.read_text()).group(1)
    assert "Suez Canal" in h1 and h1.endswith(", March–April 2021") and "dateline" not in h1
    assert f"<title>{h1}</title>" in out.read_text()
    r = runner.invoke(main, ["export", "--db", example_db, "--format", "html", "--title",
                             "The <Ever Given> & the canal", "-o", str(out)])
    assert "<h1>The &lt;Ever Given&gt; &amp; the canal</h1>" in out.read_text()
    tl = json.loads(runner.invoke(main, ["export", "--db", example_db, "--format", "timelinejs",
                                         "--title", "Stuck"]).stdout)
    assert tl["title"]["text"]["headline"] == "Stuck"


def test_timelinejs_of_a_big_story_keeps_the_important_events(example_db, monkeypatch):
    from dateline.settings import SETTINGS

    monkeypatch.setattr(SETTINGS.output, "TIMELINEJS_TOP", 4)
    runner = CliRunner()
    ranked = json.loads(runner.invoke(main, ["timeline", "--db", example_db, "--json",
                                             "--by", "importance"]).stdout)
    r = runner.invoke(main, ["export", "--db", example_db, "--format", "timelinejs"])
    assert r.exit_code == 0, r.output
    ids = {e["unique_id"][3:] for e in json.loads(r.stdout)["events"]}
    assert ids == {e["id"] for e in ranked[:4]}
    assert "the 4 most important of 11 events" in r.stderr and "--all" in r.stderr
    r = runner.invoke(main, ["export", "--db", example_db, "--format", "timelinejs", "--all"])
    assert len(json.loads(r.stdout)["events"]) == 11 and "most important" not in r.stderr
    r = runner.invoke(main, ["export", "--db", example_db, "--format", "timelinejs", "--top", "6"])
    assert len(json.loads(r.stdout)["events"]) == 6 and "most important" not in r.stderr
    # other formats have no default limit
    assert len(json.loads(runner.invoke(main, ["export", "--db", example_db]).stdout)["events"]) == 11
    r = runner.invoke(main, ["export", "--db", example_db, "--format", "timelinejs", "--all",
                             "--top", "2"])
    assert r.exit_code != 0 and "contradict" in r.output
    assert "--all for every event" in runner.invoke(main, ["export", "--help"]).output


def test_a_metadata_date_not_understood_is_said(tmp_path):
    story = tmp_path / "f.jsonl"
    story.write_text(
        json.dumps({"text": "Talks opened in Geneva on Monday, the ministry said.", "date": "11/23/2020"})
        + "\n" + json.dumps({"text": "Talks closed in Geneva on Friday, the ministry said.",
                              "date": "2020-11-27"}) + "\n")
    r = CliRunner().invoke(main, ["build", str(story), "--db", str(tmp_path / "d.db"), "--quiet",
                                  "--no-entities"])
    assert r.exit_code == 0, r.output          # stored all the same (the text may date it)
    warned = [l for l in r.stderr.splitlines() if "not understood" in l]
    assert len(warned) == 1 and f"{story}#L1: date '11/23/2020' not understood" in warned[0]
    assert "2021-03-02" in warned[0]           # says which forms are read
    assert "2 added" in r.output


def test_a_missing_input_path_builds_nothing(tmp_path):
    db = tmp_path / "new.db"
    for paths in ([str(tmp_path / "nope.txt")], [str(EXAMPLE), str(tmp_path / "typo")]):
        r = CliRunner().invoke(main, ["build", *paths, "--db", str(db), "--quiet"])
        assert r.exit_code != 0 and r.exception is None or isinstance(r.exception, SystemExit)
        lines = r.output.strip().splitlines()
        assert len(lines) == 1 and "no such file or folder" in lines[0], r.output
        assert "not created" in lines[0] and not db.exists()


def test_serve_on_a_busy_port_says_so_before_any_url(example_db):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = CliRunner().invoke(main, ["serve", "--db", example_db, "--port", str(port)])
    assert r.exit_code != 0 and f"port {port} on 127.0.0.1 is in use" in r.output
    assert "http://" not in r.output and "Traceback" not in r.output


def _run_in_terminal(args: list[str], limit: int) -> tuple[str, str]:
    """`dateline ARGS` with stdout a terminal (a pty) and output.TERMINAL_EVENTS = LIMIT:
    (what the terminal shows, stderr)."""
    import os
    import pty

    code = ("import sys; from dateline.settings import SETTINGS; "
            f"SETTINGS.output.TERMINAL_EVENTS = {limit}; from dateline.cli import main; "
            "sys.argv[0] = 'dateline'; main()")
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="200", PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    p = subprocess.Popen([sys.executable, "-c", code, *args], stdout=slave,
                         stderr=subprocess.PIPE, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:      # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert p.wait() == 0
    return out.decode("utf-8", "replace"), p.stderr.read().decode()


def test_timeline_in_a_terminal_shows_the_important_events_and_how_to_see_all(example_db):
    shown, note = _run_in_terminal(["timeline", "--db", example_db], limit=3)
    assert "3 events" in shown and "the 3 most important of 11 events" in note
    assert "--all" in note
    every, note = _run_in_terminal(["timeline", "--db", example_db, "--all"], limit=3)
    assert "11 events" in every and "most important" not in note
    as_json, _ = _run_in_terminal(["timeline", "--db", example_db, "--json"], limit=3)
    assert len(json.loads(as_json)) == 11
    # piped: every event (CliRunner's stdout is no terminal)
    r = CliRunner().invoke(main, ["timeline", "--db", example_db], env={"COLUMNS": "200"})
    assert "11 events" in r.stdout and "most important" not in r.stderr
