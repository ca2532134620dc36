#!/usr/bin/env python3
"""TempEval-3 style evaluation of dateline.time.tagger on TimeML (.tml) corpora.

Usage:
    python benchmarks/tempeval.py [--corpus DIR ...] [--split dev|heldout|all] [--json FILE]
    python benchmarks/tempeval.py --t17 N      # ms/article on N Timeline17 news articles

* The text scored is the content of the <TEXT> element with all tags stripped (entities
  decoded); gold spans are TIMEX3 elements inside <TEXT>. The DCT TIMEX3
  (functionInDocument="CREATION_TIME") lives in the header, so it is neither gold nor
  system output. Its value is passed to the tagger as ``ref``.
* Split: documents are sorted by file name per corpus; every 5th one (index % 5 == 4) is
  held out. Develop on ``dev``; report ``heldout`` too.
* Scores (as TempEval-3): strict span P/R/F1 (exact offsets), relaxed span P/R/F1 (any
  overlap, one-to-one greedy matching), and attribute F1 for value and type computed over the
  relaxed matches: P = correct / system mentions, R = correct / gold mentions.
* docs/s times only the tagger calls.
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

from dateline.time.tagger import tag  # noqa: E402

DEFAULT_BASE = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "bench", "tempeval3"))
if not os.path.isdir(DEFAULT_BASE):
    DEFAULT_BASE = "/work/shared/bench/tempeval3"

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>", re.S)
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')


def parse_tml(path: str) -> dict:
    src = open(path, encoding="utf-8").read()
    dct = None
    m = re.search(r"<DCT>(.*?)</DCT>", src, re.S)
    if m:
        a = dict(_ATTR.findall(m.group(1)))
        dct = a.get("value")
    if dct is None:
        m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', src)
        if m:
            dct = dict(_ATTR.findall(m.group(0))).get("value")
    m = re.search(r"<TEXT>(.*)</TEXT>", src, re.S)
    body = m.group(1) if m else ""
    raw: list[str] = []
    pos = 0
    length = 0
    open_timex: list[dict] = []
    gold = []
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        raw.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs = t.group(1), t.group(2), t.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            a = dict(_ATTR.findall(attrs))
            a["_start"] = length
            if t.group(4):  # empty element: no span
                continue
            open_timex.append(a)
        elif open_timex:
            a = open_timex.pop()
            if a.get("functionInDocument") == "CREATION_TIME":
                continue
            gold.append({"start": a["_start"], "end": length, "value": a.get("value", ""),
                         "type": a.get("type", "")})
    raw.append(html.unescape(body[pos:]))
    text = "".join(raw)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return {"path": path, "dct": dct, "text": text, "gold": gold}


def load(corpus_dir: str, split: str) -> list[dict]:
    files = sorted(f for f in os.listdir(corpus_dir) if f.endswith(".tml"))
    out = []
    for i, f in enumerate(files):
        held = i % 5 == 4
        if split == "dev" and held or split == "heldout" and not held:
            continue
        out.append(parse_tml(os.path.join(corpus_dir, f)))
    return out


def _prf(tp_p: float, tp_r: float, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


class Score:
    def __init__(self):
        self.n_sys = self.n_gold = self.strict = self.relaxed = 0
        self.val = self.typ = 0
        self.docs = 0
        self.seconds = 0.0
        self.errors: list[dict] = []

    def add(self, doc: dict, sys_ms: list, keep_errors: bool = False):
        gold = doc["gold"]
        self.docs += 1
        self.n_sys += len(sys_ms)
        self.n_gold += len(gold)
        gspans = {(g["start"], g["end"]) for g in gold}
        self.strict += sum(1 for m in sys_ms if (m.start, m.end) in gspans)
        used = set()
        matched_sys = set()
        for gi, g in enumerate(gold):
            best = None
            for si, m in enumerate(sys_ms):
                if si in used or m.end <= g["start"] or m.start >= g["end"]:
                    continue
                ov = min(m.end, g["end"]) - max(m.start, g["start"])
                if best is None or ov > best[0]:
                    best = (ov, si)
            if best is None:
                if keep_errors:
                    self.errors.append({"kind": "FN", "doc": doc["path"], "dct": doc["dct"],
                                        "gold": g["text"], "gval": g["value"], "gtype": g["type"]})
                continue
            si = best[1]
            used.add(si)
            matched_sys.add(si)
            m = sys_ms[si]
            self.relaxed += 1
            ok_v = m.value == g["value"]
            ok_t = m.type == g["type"]
            self.val += ok_v
            self.typ += ok_t
            if keep_errors and (not ok_v or not ok_t or (m.start, m.end) != (g["start"], g["end"])):
                self.errors.append({"kind": "MISMATCH", "doc": doc["path"], "dct": doc["dct"],
                                    "gold": g["text"], "gval": g["value"], "gtype": g["type"],
                                    "sys": m.text, "sval": m.value, "stype": m.type})
        if keep_errors:
            for si, m in enumerate(sys_ms):
                if si not in matched_sys:
                    self.errors.append({"kind": "FP", "doc": doc["path"], "dct": doc["dct"],
                                        "sys": m.text, "sval": m.value, "stype": m.type,
                                        "ctx": doc["text"][max(0, m.start - 50):m.end + 30]})

    def table(self) -> dict:
        r = {}
        for k, tp in (("strict", self.strict), ("relaxed", self.relaxed), ("value", self.val),
                      ("type", self.typ)):
            p, rr, f = _prf(tp, tp, self.n_sys, self.n_gold)
            r[k] = {"P": round(p, 4), "R": round(rr, 4), "F1": round(f, 4)}
        r["docs"] = self.docs
        r["gold"] = self.n_gold
        r["system"] = self.n_sys
        r["docs_per_s"] = round(self.docs / self.seconds, 1) if self.seconds else None
        return r

    def merge(self, o: "Score"):
        for k in ("n_sys", "n_gold", "strict", "relaxed", "val", "typ", "docs", "seconds"):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        self.errors += o.errors


def run(corpora: list[str], split: str, keep_errors: bool = False) -> dict[str, Score]:
    results: dict[str, Score] = {}
    total = Score()
    for c in corpora:
        sc = Score()
        docs = load(c, split)
        for d in docs:
            t0 = time.perf_counter()
            ms = tag(d["text"], (d["dct"] or "")[:10] or None)
            sc.seconds += time.perf_counter() - t0
            sc.add(d, ms, keep_errors)
        results[os.path.basename(os.path.normpath(c))] = sc
        total.merge(sc)
    results["overall"] = total
    return results


def print_table(title: str, results: dict[str, Score]) -> None:
    print(f"\n== {title}")
    print(f"{'corpus':<10} {'docs':>5} {'gold':>5} {'sys':>5} | {'strict P/R/F1':^20} | "
          f"{'relaxed P/R/F1':^20} | {'value F1':>8} {'type F1':>8} | {'docs/s':>7}")
    for name, sc in results.items():
        t = sc.table()
        s, r = t["strict"], t["relaxed"]
        print(f"{name:<10} {t['docs']:>5} {t['gold']:>5} {t['system']:>5} | "
              f"{s['P']:.3f} {s['R']:.3f} {s['F1']:.3f} | {r['P']:.3f} {r['R']:.3f} {r['F1']:.3f} | "
              f"{t['value']['F1']:>8.3f} {t['type']['F1']:>8.3f} | {t['docs_per_s'] or 0:>7.1f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="directory of .tml files (repeatable)")
    ap.add_argument("--split", choices=["dev", "heldout", "all"], default=None,
                    help="dev, heldout or all (default: report dev and heldout)")
    ap.add_argument("--json", help="write the scores as JSON to this file")
    ap.add_argument("--errors", help="write dev-split errors (FN/FP/mismatches) as JSONL to this file")
    ap.add_argument("--t17", type=int, metavar="N",
                    help="instead: speed on N Timeline17 news articles (see benchmarks/time_speed.py)")
    a = ap.parse_args(argv)
    if a.t17:
        sys.path.insert(0, HERE)
        import time_speed
        return time_speed.main([str(a.t17)])
    corpora = a.corpus or [os.path.join(DEFAULT_BASE, "TimeBank"), os.path.join(DEFAULT_BASE, "AQUAINT")]
    splits = [a.split] if a.split else ["dev", "heldout"]
    out = {}
    for sp in splits:
        res = run(corpora, sp, keep_errors=bool(a.errors) and sp != "heldout")
        print_table(sp, res)
        out[sp] = {k: v.table() for k, v in res.items()}
        if a.errors and sp != "heldout":
            with open(a.errors, "w", encoding="utf-8") as fh:
                for e in res["overall"].errors:
                    fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
