"""What the judged-sample benchmarks (entity_sample.py, top30.py) share: a seeded sample of a
Timeline17 topic's articles, and its database built once per hash of src/ and then read from
a cache folder."""
from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def src_key(salt: str) -> str:
    """A hash of every file of src/ (no __pycache__) after ``salt`` (the sample's parameters)."""
    h = hashlib.sha256(salt.encode())
    base = ROOT / "src"
    for f in sorted(base.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
            h.update(f"{f.relative_to(base)}\0".encode())
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def t17_sample(path: Path, n: int, seed: int) -> list[dict]:
    """At most n articles of a T17 articles.jsonl (random.Random(seed)), in its order."""
    with open(path, encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh if line.strip()]
    if len(arts) <= n:
        return arts
    keep = sorted(random.Random(seed).sample(range(len(arts)), n))
    return [arts[i] for i in keep]


def build_once(d: Path, topic: str, arts: list[dict], files: list[str] | None = None,
               topic_words: str | None = None, note: str = "", quiet: bool = False) -> Path:
    """d/<topic>.db, built with entities from ``files`` or else from ``arts`` (written as
    JSONL), unless it is there already; built under a temporary name, so a killed build
    leaves no database that looks finished."""
    from dateline.pipeline import build

    db = d / f"{topic}.db"
    if db.exists():
        return db
    d.mkdir(parents=True, exist_ok=True)
    tmp_db = d / f"{topic}.db.part"
    for p in d.glob(f"{topic}.db.part*"):
        p.unlink()
    if files is None:
        src = d / f"{topic}.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for a in arts:
                fh.write(json.dumps({"id": a["id"], "date": a["date"], "source": a.get("source"),
                                     "text": a["text"]}) + "\n")
        files = [str(src)]
    if not quiet:
        print(f"building {topic} ({len(arts)} articles{note}) ...", file=sys.stderr, flush=True)
    rep = build(files, str(tmp_db), workers=1, entities=True, topic=topic_words)
    if rep.failed:
        print(f"{topic}: {len(rep.failed)} articles failed: {rep.failed[:3]}", file=sys.stderr)
    for suffix in ("-wal", "-shm"):   # a clean, closed database file only
        if Path(str(tmp_db) + suffix).exists():
            from dateline.store import Store
            with Store(tmp_db):
                pass
            break
    tmp_db.rename(db)
    return db
