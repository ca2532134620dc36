"""Byte-identity snapshots: the outputs a pure refactoring must leave unchanged.

Writes, into OUT:
  seed.json       the dateline/1 JSON export of the seed corpus (../shared/corpus/karabakh-2020)
  t17-300.json    the JSON export of 300 Timeline17 articles (the first 34 of each topic, ~300)
  tempeval.jsonl  the time tagger's output on every TempEval-3 document (offsets, value, type)
  sha256.txt      one digest per file

    .venv/bin/python benchmarks/identity.py OUT [--only seed,t17,tempeval]

Documents are read from a fixed folder (their path is exported) and PYTHONHASHSEED is fixed
(set iteration order is otherwise salted per run). Compare two snapshots with ``diff -r A B`` (or just the sha256.txt files). Used to prove that
moving knowledge between modules changed no output.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
SHARED = Path(os.environ.get("DATELINE_SHARED", HERE.parent.parent / "shared"))


# a fixed work folder: documents store the path they came from, so a random temporary
# folder would make every snapshot differ
WORK = Path(tempfile.gettempdir()) / "dateline-identity"


def _export(paths: list[str], out: Path, entities: bool = True) -> None:
    from dateline.export.json import write
    from dateline.pipeline import build
    from dateline.store import Store
    WORK.mkdir(exist_ok=True)
    for f in WORK.glob("x.db*"):
        f.unlink()
    db = WORK / "x.db"
    build(paths, str(db), workers=2, entities=entities)
    with Store(str(db), readonly=True) as st, out.open("w", encoding="utf-8") as f:
        write(st, f)


def seed(out: Path) -> None:
    _export([str(SHARED / "corpus" / "karabakh-2020")], out / "seed.json")


def t17(out: Path, per_topic: int = 34) -> None:
    t = SHARED / "bench" / "t17"
    WORK.mkdir(exist_ok=True)
    f = WORK / "t17-300.jsonl"
    with f.open("w", encoding="utf-8") as w:
        for d in sorted(p for p in t.iterdir() if (p / "articles.jsonl").exists()):
            with (d / "articles.jsonl").open(encoding="utf-8") as r:
                for i, line in enumerate(r):
                    if i >= per_topic:
                        break
                    w.write(line if line.endswith("\n") else line + "\n")
    _export([str(f)], out / "t17-300.json")


def tempeval(out: Path) -> None:
    sys.path.insert(0, str(HERE))
    import tempeval as te
    from dateline.time.tagger import tag
    base = SHARED / "bench" / "tempeval3"
    with (out / "tempeval.jsonl").open("w", encoding="utf-8") as w:
        for corpus in sorted(p for p in base.iterdir() if p.is_dir()):
            for doc in te.load(str(corpus), "all"):
                ms = tag(doc["text"], doc["dct"])
                w.write(json.dumps({"doc": os.path.relpath(doc["path"], base),
                                    "times": [m.to_json() for m in ms]},
                                   ensure_ascii=False) + "\n")


def main(argv=None) -> int:
    # string hashing is salted per process unless PYTHONHASHSEED is set, and any iteration
    # over a set of strings then varies between runs: fix it, so snapshots compare code only
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable, *sys.argv])
    # one snapshot at a time uses the fixed work folder
    import fcntl
    WORK.mkdir(exist_ok=True)
    lock = (WORK / "lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--only", default="seed,t17,tempeval")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in a.only.split(","):
        {"seed": seed, "t17": t17, "tempeval": tempeval}[name](out)
    with (out / "sha256.txt").open("w") as w:
        for f in sorted(out.iterdir()):
            if f.name != "sha256.txt":
                w.write(f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.name}\n")
    print((out / "sha256.txt").read_text(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
