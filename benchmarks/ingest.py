"""Ingest + clean + dedupe (with time tagging and event mentions, without NER unless --entities,
and without the corpus-level linking) over Timeline17: articles/second and peak memory.

    .venv/bin/python benchmarks/ingest.py [--dataset ../shared/bench/t17] [--workers 2] [--limit N]

Prints the end-to-end build rate (a fresh database, the real pipeline and process pool) and a
per-stage profile on a sample, run serially in this process, to show where the time goes.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline import dedupe  # noqa: E402
from dateline.clean import clean  # noqa: E402
from dateline.ingest import read_all  # noqa: E402
from dateline.pipeline import build  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default=str(ROOT.parent / "shared" / "bench" / "t17"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sample", type=int, default=300, help="articles in the per-stage profile")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--entities", action="store_true", help="include named-entity recognition (spaCy)")
    args = ap.parse_args()
    files = sorted(Path(args.dataset).glob("*/articles.jsonl"))
    if not files:
        sys.exit(f"no */articles.jsonl under {args.dataset}")
    n_articles = sum(1 for f in files for line in f.open() if line.strip())

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "t17.db")
        t0 = time.perf_counter()
        report = build([str(f) for f in files], db, workers=args.workers, entities=args.entities,
                       link_events=False)
        elapsed = time.perf_counter() - t0
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    # Per-stage profile on a sample, serially in this process.
    raws = []
    for item in read_all([str(f) for f in files]):
        if not isinstance(item, Exception) and hasattr(item, "raw"):
            raws.append(item)
        if len(raws) >= args.sample:
            break
    stages = {"clean (rules, metadata, language)": 0.0, "time tagging": 0.0, "event mentions": 0.0,
              "signatures": 0.0}
    from dateline.events import extract_events
    from dateline.time import tag
    for raw in raws:
        t = time.perf_counter(); doc = clean(raw); stages["clean (rules, metadata, language)"] += time.perf_counter() - t
        t = time.perf_counter(); doc.times = tag(doc.text, doc.published); stages["time tagging"] += time.perf_counter() - t
        t = time.perf_counter(); extract_events(doc, None); stages["event mentions"] += time.perf_counter() - t
        t = time.perf_counter()
        dedupe.signatures(doc.text, [(p.start, p.end) for p in doc.paragraphs])
        stages["signatures"] += time.perf_counter() - t

    figures = {
        "articles": n_articles, "added": report.added, "failed": len(report.failed),
        "seconds": round(elapsed, 2), "articles_per_second": round(n_articles / elapsed, 1),
        "workers": args.workers, "peak_rss_mb_main": round(peak_self), "peak_rss_mb_worker": round(peak_children),
        "counters": dict(report.counters),
        "stage_ms_per_article": {k: round(1000 * v / max(1, len(raws)), 2) for k, v in stages.items()},
    }
    print(f"Timeline17: {n_articles} articles in {elapsed:.1f} s with {args.workers} workers "
          f"-> {n_articles / elapsed:.0f} articles/s; {report.added} stored, {len(report.failed)} failed")
    print(f"peak memory: main {peak_self:.0f} MB, largest worker {peak_children:.0f} MB")
    print("counters:", ", ".join(f"{k}={v}" for k, v in sorted(report.counters.items())))
    print(f"per-stage, serial, {len(raws)} articles (ms/article):")
    for k, v in figures["stage_ms_per_article"].items():
        print(f"  {k:38s} {v:8.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
