"""The whole build, corpus-level stages included, on Timeline17: articles/s and seconds per
stage, for the local runner and for Spark, and how the cost grows with the input.

    .venv/bin/python benchmarks/scale.py [--dataset ../shared/bench/t17] [--entities]
        [--fraction 1.0] [--sizes 0.25,0.5,1] [--engine local|spark|both] [--json OUT]

Each size is one database holding that share of every topic (the first lines of each
articles.jsonl), times --fraction: `--fraction 0.1 --sizes 0.25,0.5,1` builds 2.5 %, 5 % and
10 % of Timeline17. Ingest alone is measured by benchmarks/ingest.py; this adds what happens
once per build over the whole corpus (dedupe, linking events across documents, ranking,
commitments and conflicts), which is what grows with the corpus rather than with each article.

Spark runs in local[2] (`--master` to change it): its figure is `build --engine spark`
(ingest, per-document stages, dating, dedupe) plus `dateline import` (loading, then linking,
ranking and reasoning with the local code); Spark's start-up is printed apart.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.pipeline import build, import_parquet  # noqa: E402


def sample(files: list[Path], share: float, folder: Path) -> tuple[list[str], int]:
    """The first ceil(share * n) non-empty lines of each topic, as JSONL files in folder."""
    out, n = [], 0
    for f in files:
        lines = [x for x in f.read_text(encoding="utf-8").splitlines(keepends=True) if x.strip()]
        keep = lines[:math.ceil(share * len(lines))]
        # the topic's name keeps the file names (and so the stored paths) apart
        dest = folder / f"{f.parent.name}.jsonl"
        dest.write_text("".join(keep), encoding="utf-8")
        out.append(str(dest))
        n += len(keep)
    return out, n


def run_local(paths: list[str], db: str, entities: bool) -> dict:
    t0 = time.perf_counter()
    report = build(paths, db, entities=entities)
    total = time.perf_counter() - t0
    stages = {"per-document (ingest ... events)": total - sum(report.timings.values())}
    stages.update(report.timings)
    return {"documents": report.documents, "seconds": total, "stages": stages,
            "events": report.counters["events"]}


def run_spark(spark, paths: list[str], out: str, db: str, entities: bool) -> dict:
    from dateline.spark import build as spark_build

    t0 = time.perf_counter()
    report = spark_build(paths, out, entities=entities, spark=spark)
    t1 = time.perf_counter()
    timings: dict = {}
    imported = import_parquet(out, db, timings=timings)
    t2 = time.perf_counter()
    stages = {"spark: ingest ... dedupe": t1 - t0,
              "import: load tables": t2 - t1 - sum(timings.values())}
    stages.update(timings)
    return {"documents": imported.documents, "seconds": t2 - t0, "stages": stages,
            "events": imported.counters["events"], "failed": len(report.failed)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default=str(ROOT.parent / "shared" / "bench" / "t17"))
    ap.add_argument("--entities", action="store_true", help="include named-entity recognition (slow)")
    ap.add_argument("--fraction", type=float, default=1.0, help="share of Timeline17 the largest size is")
    ap.add_argument("--sizes", default="1", help="comma-separated shares of --fraction (e.g. 0.25,0.5,1)")
    ap.add_argument("--engine", choices=["local", "spark", "both"], default="local")
    ap.add_argument("--master", default="local[2]", help="Spark master (--engine spark|both)")
    ap.add_argument("--json", dest="json_out", default=None, help="write the figures to this file")
    args = ap.parse_args()
    files = sorted(Path(args.dataset).glob("*/articles.jsonl"))
    if not files:
        sys.exit(f"no */articles.jsonl under {args.dataset}")
    engines = ["local", "spark"] if args.engine == "both" else [args.engine]
    spark = None
    results = {"fraction": args.fraction, "entities": args.entities, "runs": []}
    if "spark" in engines:
        from dateline.spark import session
        t0 = time.perf_counter()
        spark = session(args.master, app="dateline-scale")
        results["spark_startup_seconds"] = time.perf_counter() - t0
        results["spark_master"] = args.master
        print(f"Spark {args.master} started in {results['spark_startup_seconds']:.1f} s")
    try:
        for size in (float(s) for s in args.sizes.split(",")):
            with tempfile.TemporaryDirectory() as tmp:
                paths, lines = sample(files, size * args.fraction, Path(tmp))
                for engine in engines:
                    db = str(Path(tmp) / f"{engine}.db")
                    r = run_local(paths, db, args.entities) if engine == "local" else \
                        run_spark(spark, paths, str(Path(tmp) / "parquet"), db, args.entities)
                    r.update(engine=engine, size=size, input_lines=lines,
                             articles_per_s=r["documents"] / r["seconds"])
                    results["runs"].append(r)
                    print(f"{engine:5s} {size:g}x of {args.fraction:g} T17: {r['documents']} "
                          f"documents, {r['events']} events in {r['seconds']:.1f} s = "
                          f"{r['articles_per_s']:.1f} articles/s")
                    for stage, sec in r["stages"].items():
                        print(f"    {stage:34s} {sec:7.1f} s")
    finally:
        if spark is not None:
            spark.stop()
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
