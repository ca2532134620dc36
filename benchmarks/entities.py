"""Entity-stage speed: words/second of extract_many over Timeline17 articles, and the
gazetteer's cold-build and warm-load times.

    PYTHONPATH=src .venv/bin/python benchmarks/entities.py [--n 300] [--t17 DIR] [--cold]

--cold rebuilds the gazetteer cache into a temporary directory (takes ~15-20 s and ~600 MB).
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def load_t17(pattern: str, n: int, seed: int = 0) -> list[str]:
    texts = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    texts.append(json.loads(line)["text"])
    random.Random(seed).shuffle(texts)
    return texts[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    default = ROOT.parent / "shared" / "bench" / "t17"
    if not default.exists():
        default = Path("/work/shared/bench/t17")
    ap.add_argument("--t17", default=str(default))
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--cold", action="store_true", help="also time a cold gazetteer build")
    args = ap.parse_args()

    from dateline import entities, gazetteer

    if args.cold:
        with tempfile.TemporaryDirectory() as d:
            env = dict(os.environ, DATELINE_CACHE_DIR=d, PYTHONPATH=str(ROOT / "src"))
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c",
                            "from dateline import gazetteer as g; g.build()"],
                           env=env, check=True)
            print(f"gazetteer cold build: {time.perf_counter() - t:.1f} s "
                  f"(subprocess incl. imports)")
    t = time.perf_counter()
    gazetteer.lookup("Lachin")  # builds the cache if missing
    print(f"gazetteer first lookup (warm cache load): {(time.perf_counter() - t)*1000:.0f} ms"
          f"  [{gazetteer.cache_path()}, "
          f"{gazetteer.cache_path().stat().st_size / 1e6:.0f} MB]")

    t = time.perf_counter()
    entities._spacy()
    print(f"spaCy model load: {time.perf_counter() - t:.2f} s")

    texts = load_t17(os.path.join(args.t17, "*", "articles.jsonl"), args.n)
    words = sum(len(t.split()) for t in texts)
    t = time.perf_counter()
    for text in texts:
        gazetteer.find_places(text)
    dt = time.perf_counter() - t
    print(f"find_places: {len(texts)} articles, {words} words, {dt:.2f} s, "
          f"{words / dt:,.0f} words/s")

    entities.extract_many(texts[:5])  # warm-up
    t = time.perf_counter()
    out = entities.extract_many(texts)
    dt = time.perf_counter() - t
    n_m = sum(len(m) for m in out)
    print(f"extract_many: {len(texts)} articles, {words} words, {dt:.2f} s, "
          f"{words / dt:,.0f} words/s, {n_m} mentions")
    t = time.perf_counter()
    ents = entities.canonicalize(out)
    print(f"canonicalize: {len(ents)} entities in {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
