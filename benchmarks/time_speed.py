#!/usr/bin/env python3
"""Speed of dateline.time.tagger.tag on Timeline17 news articles (PTB-tokenised, ~700 words).

Usage:
    python benchmarks/time_speed.py [N] [--dir /work/shared/bench/t17] [--repeat R] [--profile]
                                    [--dump FILE]

Takes N articles (default 300) round-robin over the topics (sorted), each tagged with its
``date`` as ref, serially on one core. Reports ms/article (best of R runs, process CPU time),
articles/s, the median article's time, the cost per 1000 characters and mentions/article.
(The sample's mean is dominated by a few very long pages: up to 700,000 characters.)
Also: ``python benchmarks/tempeval.py --t17 N``. ``--dump`` writes every mention (JSONL) for regression diffs;
``--profile`` prints the top of a cProfile run.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

from dateline.time.tagger import tag  # noqa: E402

DEFAULT_DIR = "/work/shared/bench/t17"


def load_t17(n: int, base: str = DEFAULT_DIR) -> list[dict]:
    topics = sorted(d for d in os.listdir(base) if os.path.isfile(os.path.join(base, d, "articles.jsonl")))
    per = []
    for t in topics:
        with open(os.path.join(base, t, "articles.jsonl"), encoding="utf-8") as fh:
            per.append([json.loads(line) for line in fh if line.strip()])
    out: list[dict] = []
    i = 0
    while len(out) < n and any(i < len(p) for p in per):
        for p in per:
            if i < len(p) and len(out) < n:
                out.append(p[i])
        i += 1
    return out


def run(docs: list[dict], repeat: int = 3) -> dict:
    best = None
    n_m = 0
    for _ in range(repeat):
        t0 = time.process_time()
        n_m = 0
        for d in docs:
            n_m += len(tag(d["text"], d.get("date")))
        el = time.process_time() - t0
        best = el if best is None else min(best, el)
    # per-article times (best of the repeats) for the median article
    per = []
    for d in docs:
        b = None
        for _ in range(repeat):
            t0 = time.process_time()
            tag(d["text"], d.get("date"))
            el = time.process_time() - t0
            b = el if b is None else min(b, el)
        per.append(b)
    per.sort()
    chars = sum(len(d["text"]) for d in docs)
    return {"articles": len(docs), "ms_per_article": round(1000 * best / max(1, len(docs)), 3),
            "articles_per_s": round(len(docs) / best, 1) if best else None,
            "median_ms": round(1000 * per[len(per) // 2], 3) if per else None,
            "mean_chars": round(chars / max(1, len(docs))),
            "us_per_1k_chars": round(1e6 * best / max(1, chars) * 1000, 1),
            "mentions_per_article": round(n_m / max(1, len(docs)), 2)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=300)
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--dump")
    a = ap.parse_args(argv)
    docs = load_t17(a.n, a.dir)
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as fh:
            for d in docs:
                for m in tag(d["text"], d.get("date")):
                    fh.write(json.dumps([d["id"], m.start, m.end, m.text, m.value, m.type, m.role],
                                        ensure_ascii=False) + "\n")
    if a.profile:
        import cProfile
        import pstats
        pr = cProfile.Profile()
        pr.enable()
        for d in docs:
            tag(d["text"], d.get("date"))
        pr.disable()
        pstats.Stats(pr).sort_stats("tottime").print_stats(25)
        return 0
    r = run(docs, a.repeat)
    print(f"T17: {r['articles']} articles (mean {r['mean_chars']} chars), "
          f"{r['ms_per_article']:.2f} ms/article ({r['articles_per_s']} articles/s, one core, CPU time), "
          f"median article {r['median_ms']:.2f} ms, {r['us_per_1k_chars']} us per 1000 chars, "
          f"{r['mentions_per_article']} mentions/article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
