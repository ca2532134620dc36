"""The store: incremental builds, kill safety, migrations, read-only opening."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from dateline.pipeline import build
from dateline.store import SCHEMA_VERSION, Store
from dateline.store.sqlite import StoreError

WORDS = ("talks ceasefire convoy minister officials border troops agreement parliament capital "
         "delegation aid villages withdrawal report statement mountains river council vote").split()


def _corpus(path, n, seed=7):
    rnd = random.Random(seed)
    with path.open("w") as f:
        for i in range(n):
            paras = [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(12, 40))).capitalize() + "."
                     for _ in range(rnd.randint(3, 8))]
            if i % 10 == 0:  # some shared background paragraphs
                paras.append("The conflict over the mountain region began decades ago and has "
                             "flared up several times since the first ceasefire was signed.")
            f.write(json.dumps({"id": f"a{i}", "date": f"2021-03-{1 + i % 28:02d}",
                                "text": "\n\n".join(paras)}) + "\n")
            if i % 50 == 0:  # an exact re-post
                f.write(json.dumps({"id": f"a{i}-copy", "date": "2021-04-01",
                                    "text": "\n\n".join(paras)}) + "\n")


def test_rebuild_adds_nothing_and_new_files_are_added(tmp_path):
    _corpus(tmp_path / "a.jsonl", 30)
    db = str(tmp_path / "x.db")
    r1 = build([str(tmp_path / "a.jsonl")], db, workers=1)
    with Store(db, readonly=True) as s:
        first = s.dump()
    r2 = build([str(tmp_path / "a.jsonl")], db, workers=1)
    assert r1.added == 31 and r2.added == 0 and r2.already == 31
    with Store(db, readonly=True) as s:
        assert s.dump() == first
    (tmp_path / "b.txt").write_text("A new report said on Monday that the convoy reached the border "
                                    "town after three days on the road.\n")
    r3 = build([str(tmp_path)], db, workers=1)
    assert r3.added == 1 and r3.already == 31
    assert r1.counters["exact_duplicates"] == 1


def test_parallel_build_equals_serial_build(tmp_path):
    _corpus(tmp_path / "a.jsonl", 60)
    build([str(tmp_path / "a.jsonl")], str(tmp_path / "serial.db"), workers=1)
    build([str(tmp_path / "a.jsonl")], str(tmp_path / "parallel.db"), workers=2)
    with Store(tmp_path / "serial.db", readonly=True) as a, Store(tmp_path / "parallel.db", readonly=True) as b:
        assert a.dump() == b.dump()


def test_sigkill_during_build_then_rerun_equals_clean_build(tmp_path):
    corpus = tmp_path / "big.jsonl"
    _corpus(corpus, 1500)
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "dateline.cli", "build", str(corpus), "--db", str(db), "--quiet",
           "--workers", "1", "--no-entities"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    killed_at = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
                n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            n = 0
        if n > 0:
            proc.send_signal(signal.SIGKILL)
            killed_at = n
            break
        time.sleep(0.02)
    proc.wait()
    if killed_at is None:
        pytest.skip("build finished before it could be killed")
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as c:  # the killed database is consistent and usable
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 0 < partial < 1530
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    clean_db = tmp_path / "clean.db"
    build([str(corpus)], str(clean_db), workers=1, entities=False)
    with Store(db, readonly=True) as a, Store(clean_db, readonly=True) as b:
        assert a.count() == 1530
        assert a.dump() == b.dump()


def test_schema_version_and_future_versions_refused(tmp_path):
    db = tmp_path / "x.db"
    Store(db).close()
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        c.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_readonly_cannot_write(tmp_path):
    db = tmp_path / "x.db"
    Store(db).close()
    with Store(db, readonly=True) as s:
        with pytest.raises(sqlite3.OperationalError):
            s.db.execute("DELETE FROM documents")
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", readonly=True)
