"""Seed corpus checks: a build of the Karabakh 2020 seed corpus scored against what a reader
lists in it (the same facts tests/test_seed_corpus.py, test_commitments.py and
test_conflicts.py assert, as figures a change can lower).

Gold, as a reader of the five articles lists it (as of 2020-12-03):

* commitments: Armenia hands over Aghdam by 2020-11-20, Kalbajar by 2020-11-25 (extended from
  2020-11-20) and Lachin by 2020-12-01; all three met.
* conflicts: the contingent's size (1,960 soldiers / nearly 2,000 troops: approximate), the
  Kalbajar deadline (2020-11-20 / 2020-11-25: revised) and who attacked on 2020-09-27
  (contradiction).
* publication dates: 000 2020-12-03, 001 2020-11-14, 002 2020-11-24 (from metadata or text),
  004 2020-11-13 (inferred from the embedded post); 003 states none (nothing may be claimed as
  metadata or text).

Figures (all in [0, 1], higher is better): commitment precision/recall (place + deadline),
status accuracy over the three (status and party right), conflict precision/recall (kind,
classification and value), publication dates right, events with at least one actor, documents
free of page debris.

    .venv/bin/python benchmarks/seed.py [--corpus DIR] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from reason import run_story  # noqa: E402  (build a folder into a temporary store, export it)

SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "karabakh-2020"

COMMITMENTS = [  # (place, deadline, status, party)
    ("Aghdam", "2020-11-20", "met", "Armenia"),
    ("Kalbajar", "2020-11-25", "met", "Armenia"),
    ("Lachin", "2020-12-01", "met", "Armenia"),
]
CONFLICTS = [  # (kind, classification, values that must all be among the claims' values)
    ("number", "approximate", {"1,960 soldiers", "nearly 2,000 troops"}),
    ("date", "revised", {"2020-11-20", "2020-11-25"}),
    ("fact", "contradiction", {"Armenia started it", "Azerbaijan started it"}),
]
PUBLISHED = {  # file prefix: (date or None for any, how it may have been found)
    "000": ("2020-12-03", ("metadata", "text")), "001": ("2020-11-14", ("metadata", "text")),
    "002": ("2020-11-24", ("metadata", "text")), "003": (None, (None, "inferred")),
    "004": ("2020-11-13", ("inferred",))}
DEBRIS = re.compile(r"\[ad_\d\]|pic\.twitter\.com|READ MORE|^VIDEO$|^URL:|Views:|Print version|"
                    r"Your name:|e-mail:|Recommend news|Connect with us|Discussion about this post|"
                    r"/ YouTube$|^ ?date \d{4}", re.M)


def score(data: dict) -> dict:
    names = {e["id"]: e["name"] for e in data["entities"]}
    aliases = {e["id"]: {e["name"], *(e.get("aliases") or [])} for e in data["entities"]}
    found = data["commitments"]
    matched, status_ok, used = 0, 0, set()
    for place, deadline, status, party in COMMITMENTS:
        hit = next((c for c in found if c["id"] not in used and c["deadline"] == deadline
                    and any(place in aliases.get(p, ()) for p in c["places"])), None)
        if hit is None:
            continue
        used.add(hit["id"])
        matched += 1
        status_ok += hit["status"] == status and [names.get(w) for w in hit["who"]] == [party]
    conflicts = data["conflicts"]
    cm, usedf = 0, set()
    for kind, cls, values in CONFLICTS:
        hit = next((c for c in conflicts if c["id"] not in usedf and c["kind"] == kind
                    and c.get("classification") == cls
                    and values <= {x["value"] for x in c["claims"]}), None)
        if hit is not None:
            usedf.add(hit["id"])
            cm += 1
    docs = {Path(d["path"]).name[:3]: d for d in data["documents"]}
    pub_ok = sum(1 for k, (date, hows) in PUBLISHED.items() if k in docs
                 and date in (None, docs[k]["published"]) and docs[k]["published_how"] in hows)
    events = data["events"]
    return {
        "commitments_precision": matched / len(found) if found else 0.0,
        "commitments_recall": matched / len(COMMITMENTS),
        "commitment_status_accuracy": status_ok / len(COMMITMENTS),
        "conflicts_precision": cm / len(conflicts) if conflicts else 0.0,
        "conflicts_recall": cm / len(CONFLICTS),
        "published_accuracy": pub_ok / len(PUBLISHED),
        "events_with_actors": (sum(1 for e in events if e.get("actors")) / len(events)
                               if events else 0.0),
        "documents_without_debris": (sum(1 for d in docs.values() if not DEBRIS.search(d["text"]))
                                     / len(PUBLISHED)),
        "events": len(events), "commitments": len(found), "conflicts": len(conflicts),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args(argv)
    corpus = Path(a.corpus)
    if not corpus.is_dir():
        print(f"no seed corpus at {corpus}", file=sys.stderr)
        return 2
    t0 = time.time()
    res = score(run_story(corpus))
    res["seconds"] = round(time.time() - t0, 1)
    for k, v in res.items():
        print(f"  {k:<28} {v:.4f}" if isinstance(v, float) else f"  {k:<28} {v}")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
