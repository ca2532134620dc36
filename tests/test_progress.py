"""The build's progress: the inputs counted first, one bar per stage by name, and the first
gazetteer build announced."""
import json
import os
import subprocess
import sys
from pathlib import Path

from dateline.ingest import count, read_all
from dateline.pipeline import build

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ever-given"


def test_count_matches_what_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("Talks opened on Tuesday.\n")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": "One."}) + "\n\n" + "{bad\n" + json.dumps({"text": "Two."}) + "\n")
    (tmp_path / ".hidden.txt").write_text("not read\n")
    paths = [str(tmp_path), str(tmp_path / "missing.txt"), str(EXAMPLE)]
    assert count(paths) == len(list(read_all(paths))) == 1 + 3 + 1 + 4


def test_progress_reports_each_stage_with_the_total_first(tmp_path):
    seen = []
    report = build([str(EXAMPLE)], str(tmp_path / "p.db"), workers=1, entities=False,
                   on_progress=lambda *a: seen.append(a))
    assert report.added == 4
    assert seen[:2] == [("clean", 0, 4), ("events", 0, 4)]   # counted before the first is read
    articles = [done for stage, done, _ in seen if stage == "events"]
    assert articles[:5] == [0, 1, 2, 3, 4]               # per article, not per batch
    cleaned = [done for stage, done, _ in seen if stage == "clean"]
    assert cleaned[0] == 0 and cleaned == sorted(cleaned) and cleaned[-1] == 4
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages == ["clean", "events", "dedupe", "link", "reason"]
    # the corpus-level bars move in steps: link one per document loaded, then linking,
    # ranking and storing; reason its four steps
    link = [(d, t) for s, d, t in seen if s == "link"]
    assert link[1:-1] == [(i, 4 + 3) for i in range(1, 4 + 3)], link
    reason = [(d, t) for s, d, t in seen if s == "reason"]
    assert reason[1:-1] == [(i, 4) for i in range(1, 5)], reason
    for stage in stages:                                  # every bar ends full
        done, total = [(d, t) for s, d, t in seen if s == stage][-1]
        assert done == total
    # an unchanged rerun still counts its inputs (4 already in the database)
    seen.clear()
    build([str(EXAMPLE)], str(tmp_path / "p.db"), workers=1, entities=False,
          on_progress=lambda *a: seen.append(a))
    assert ("events", 4, 4) in seen and ("clean", 4, 4) in seen


def test_the_first_gazetteer_build_says_what_it_does(tmp_path):
    """A fresh cache folder: the build says it is making the gazetteer, and where, before the
    pause (about 30 s on 2 cores); the next build finds it and says nothing of it."""
    story = tmp_path / "a.txt"
    story.write_text("PARIS, March 3, 2021 - Talks opened in Paris on Tuesday.\n")
    env = dict(os.environ, DATELINE_CACHE_DIR=str(tmp_path / "cache"),
               PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    cmd = [sys.executable, "-m", "dateline.cli", "build", str(story), "--db",
           str(tmp_path / "a.db"), "--quiet"]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stderr
    assert "building the place gazetteer" in r.stderr and str(tmp_path / "cache") in r.stderr
    assert list((tmp_path / "cache").glob("gazetteer-*.sqlite"))
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert r.returncode == 0 and "gazetteer" not in r.stderr


def test_with_workers_the_clean_bar_leads_and_both_end_full(tmp_path):
    """With a worker pool the workers count each article they have cleaned; the "clean" bar
    is read from that count and is never behind the "entities" bar (documents still in the
    models), and both end full."""
    src = tmp_path / "many.jsonl"
    with src.open("w") as f:
        for i in range(40):
            f.write(json.dumps({"id": str(i), "date": "2021-03-0%d" % (1 + i % 9),
                                "text": f"Talks number {i} opened in the capital on Tuesday, "
                                        "officials said, and a second round was set for "
                                        "Friday after a long delay over the agenda."}) + "\n")
    seen = []
    report = build([str(src)], str(tmp_path / "w.db"), workers=2, entities=False,
                   on_progress=lambda *a: seen.append(a))
    assert report.added == 40
    last = {"clean": 0, "events": 0}
    for stage, done, total in seen:
        if stage in last:
            last[stage] = done
            assert last["clean"] >= last["events"], seen
    assert last == {"clean": 40, "events": 40}
