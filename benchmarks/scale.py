"""The whole build, corpus-level stages included, on Timeline17: seconds per stage.

    .venv/bin/python benchmarks/scale.py [--dataset ../shared/bench/t17] [--entities]

Ingest is measured by benchmarks/ingest.py; this adds what happens once per build over the
whole corpus (dedupe, linking events across documents, ranking, commitments and conflicts),
which is what grows with the corpus rather than with each article.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.pipeline import build  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dataset", default=str(ROOT.parent / "shared" / "bench" / "t17"))
    ap.add_argument("--entities", action="store_true", help="include named-entity recognition (slow)")
    args = ap.parse_args()
    files = sorted(Path(args.dataset).glob("*/articles.jsonl"))
    if not files:
        sys.exit(f"no */articles.jsonl under {args.dataset}")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        report = build([str(f) for f in files], str(Path(tmp) / "scale.db"), entities=args.entities)
        total = time.perf_counter() - t0
    c = report.counters
    print(f"{report.documents} documents, {c['events']} events, {c['entities']} entities, "
          f"{c['commitments']} commitments, {c['conflicts']} conflicts")
    print(f"whole build {total:.1f} s; corpus-level stages:")
    for stage, sec in report.timings.items():
        print(f"  {stage:16s} {sec:7.1f} s")


if __name__ == "__main__":
    main()
