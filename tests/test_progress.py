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
    assert seen[0] == ("articles", 0, 4)                 # counted before the first is read
    articles = [done for stage, done, _ in seen if stage == "articles"]
    assert articles[:5] == [0, 1, 2, 3, 4]               # per article, not per batch
    stages = list(dict.fromkeys(stage for stage, _, _ in seen))
    assert stages == ["articles", "dedupe", "link", "reason"]
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
    assert ("articles", 4, 4) in seen


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
