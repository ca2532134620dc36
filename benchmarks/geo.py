"""Geocoding and place detection on LGL (Lieberman, Samet & Sankaranarayanan 2010): 588 local
news articles, 5,088 toponyms with character spans, 4,462 of them with a gold GeoNames point.

    PYTHONPATH=src .venv/bin/python benchmarks/geo.py [--corpus FILE] [--json OUT] [--limit N]
        [--half dev|heldout|both] [--no-detect]

--corpus: any file in LGL's XML layout (default ../shared/bench/geo/lgl.xml); --limit: the
first N articles only; --json: write every figure (and the error patterns) to OUT;
--half: ``dev`` the even-numbered articles (0, 2, 4, ... by order in the file: the ones the
rules are developed on), ``heldout`` the odd-numbered ones (kept for the final report),
``both`` all of them (the default, and what the gate scores); --no-detect: geocoding only
(skips the entity stage, part 3).

What it measures, for dateline's gazetteer (src/dateline/gazetteer.py):

1. **gold** -- geocoding alone. dateline's resolution of a place name is
   ``gazetteer.lookup(name, countries)``: the best-ranked candidate for the name (and the
   variants lookup tries), ``countries`` being the ISO codes the document is about. The
   entity stage passes it the countries of the country/region places that
   ``gazetteer.find_places`` finds in the whole text (``entities.extract_many``); this
   benchmark computes that context the same way (``document_countries``) over the article
   text and calls ``lookup(gold span text, context)`` for every gold toponym. The context
   is a ``gazetteer.Focus`` (``places_and_focus``): the countries and states the text names
   and where the candidates of its other place names lie. The coordinates are the Place's (a
   country's, a state's or a county's: the centre of the land its towns cover). No
   candidate, or one without coordinates, is an unanswered toponym.
2. **baseline** -- population: of ``gazetteer.candidates()`` for the first variant of the name
   that has any (the variants ``lookup`` tries), the most populous (ties: dateline's order).
   A state's or county's population is the sum of its towns'; curated regions have none
   (0), so a town of the same name beats them here.
3. **detect** -- the entity stage as the build runs it (``pipeline.process``): ``clean`` on the
   article text (a plain-text RawDocument dated by ``dltime``), then
   ``pipeline.entity_mentions`` on the cleaned document; the mentions of type "place" (with
   or without coordinates; sources excluded) are the system's toponyms. Offsets are mapped
   back to the article text (clean only trims a little whitespace on LGL). Span precision,
   recall and F1 against all 5,088 gold spans (those without a gold point too): *exact*
   (same start and end) and *overlap* (one-to-one, greedy by largest overlap, as
   TempEval-3's relaxed match); then accuracy@161 of the correctly detected toponyms that
   have a gold point, with the coordinates the entity stage gave them (none = wrong), and
   end to end (every gold toponym with a point; missed = wrong).

Metrics (gold and baseline over the toponyms with a gold point): accuracy@161 -- the share
placed within 161 km (100 miles) of the gold point, unanswered counting as wrong; mean and
median error in km over the answered ones (the number unanswered is reported); AUC -- the
area under the curve of the sorted log errors, ln(1 + km), trapezoidal rule, normalised by
ln(20039) (half the Earth's circumference, the largest possible error), unanswered counted
as 20039 km, lower is better (Gritta, Pilehvar & Collier 2018, "Which Melbourne?").
Distances are great-circle (haversine, mean Earth radius 6371.0088 km). Gritta's code counts
a hit as error < 160 km (ln(1+d) < ln 161); this counts error <= 161 km.

Error patterns: every wrong gold-span answer (unanswered or > 161 km) gets one pattern (see
``error_pattern``); the counts, the most frequent names per pattern and the first 2,000
wrong answers (span, gold, dateline's place, error) are in the JSON.

Runtime on the 2-core machine: ~60 s for the full LGL (entity stage 57 s, lookups 3 s);
``--no-detect`` ~5 s.
"""
from __future__ import annotations

import argparse
import difflib
import json
import math
import os
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "geo" / "lgl.xml"
if not DEFAULT_CORPUS.exists():
    DEFAULT_CORPUS = Path("/work/shared/bench/geo/lgl.xml")

EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0   # Gritta et al.'s normaliser: half the equatorial circumference
HIT_KM = 161.0           # 100 miles


# ---------------------------------------------------------------------------------------------
# metrics (pure; tests/test_geo.py)

def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def acc_at(errors: list[float | None], km: float = HIT_KM) -> float:
    """Share of errors <= km; None (unanswered) is wrong. 0.0 for no errors."""
    return sum(1 for e in errors if e is not None and e <= km) / len(errors) if errors else 0.0


def auc_log_error(errors: list[float | None]) -> float:
    """Area under the sorted ln(1 + error) curve (trapezoidal rule, unit steps), over
    (n - 1) * ln(20039); None counts as 20039 km. Lower is better; one error: its own
    normalised log error."""
    if not errors:
        return 0.0
    logs = sorted(math.log1p(min(MAX_ERROR_KM, e if e is not None else MAX_ERROR_KM))
                  for e in errors)
    if len(logs) == 1:
        return logs[0] / math.log(MAX_ERROR_KM)
    area = sum((a + b) / 2 for a, b in zip(logs, logs[1:]))
    return area / ((len(logs) - 1) * math.log(MAX_ERROR_KM))


def geo_scores(errors: list[float | None]) -> dict:
    answered = [e for e in errors if e is not None]
    return {"toponyms": len(errors), "answered": len(answered),
            "unanswered": len(errors) - len(answered),
            "acc161": round(acc_at(errors), 4),
            "mean_km": round(statistics.fmean(answered), 1) if answered else None,
            "median_km": round(statistics.median(answered), 1) if answered else None,
            "auc": round(auc_log_error(errors), 4)}


def prf(tp: int, n_sys: int, n_gold: int) -> dict:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "P": round(p, 4), "R": round(r, 4), "F1": round(f, 4)}


def match_exact(gold: list[tuple[int, int]], sys_: list[tuple[int, int]]) -> dict[int, int]:
    """gold index -> system index, same (start, end); one-to-one."""
    by_span: dict[tuple[int, int], list[int]] = defaultdict(list)
    for si, s in enumerate(sys_):
        by_span[s].append(si)
    out = {}
    for gi, g in enumerate(gold):
        if by_span.get(g):
            out[gi] = by_span[g].pop(0)
    return out


def match_overlap(gold: list[tuple[int, int]], sys_: list[tuple[int, int]]) -> dict[int, int]:
    """gold index -> system index: one-to-one, each gold span (in order) takes the unused
    system span that overlaps it most."""
    used: set[int] = set()
    out = {}
    for gi, (gs, ge) in enumerate(gold):
        best = None
        for si, (ss, se) in enumerate(sys_):
            if si in used or se <= gs or ss >= ge:
                continue
            ov = min(se, ge) - max(ss, gs)
            if best is None or ov > best[0]:
                best = (ov, si)
        if best is not None:
            used.add(best[1])
            out[gi] = best[1]
    return out


# ---------------------------------------------------------------------------------------------
# corpus

def select_half(docs: list[dict], half: str = "both") -> list[dict]:
    """The development half (even positions in the file), the held-out half (odd) or all."""
    if half == "dev":
        return docs[0::2]
    if half == "heldout":
        return docs[1::2]
    if half == "both":
        return docs
    raise ValueError(f"half: dev, heldout or both, not {half!r}")


def load_lgl(path: str | os.PathLike, limit: int | None = None) -> list[dict]:
    """Articles: {docid, title, date, text, toponyms: [{start, end, phrase, lat, lon,
    geonameid, name, fcode, country, admin1}]} (lat/lon None without a gold point)."""
    root = ET.parse(path).getroot()
    docs = []
    for a in root.iter("article"):
        text = a.findtext("text") or ""
        tops = []
        for t in a.iter("toponym"):
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            g = t.find("gaztag")
            rec = {"start": s, "end": e, "phrase": t.findtext("phrase") or text[s:e],
                   "lat": None, "lon": None, "geonameid": None, "name": None, "fcode": None,
                   "country": None, "admin1": None}
            if g is not None and g.findtext("lat") not in (None, ""):
                rec.update(lat=float(g.findtext("lat")), lon=float(g.findtext("lon")),
                           geonameid=g.get("geonameid"), name=g.findtext("name"),
                           fcode=g.findtext("fcode"), country=g.findtext("country"),
                           admin1=g.findtext("admin1"))
            tops.append(rec)
        docs.append({"docid": a.get("docid"), "title": a.findtext("title"),
                     "date": (a.findtext("dltime") or "")[:10] or None, "text": text,
                     "toponyms": tops})
        if limit and len(docs) >= limit:
            break
    return docs


# ---------------------------------------------------------------------------------------------
# dateline

def document_countries(text: str) -> frozenset[str]:
    """Where a text is -- the countries it is about, with the states and places behind them
    (a gazetteer.Focus, a frozenset of ISO2 codes) -- as entities.extract_many gives it to
    lookup()."""
    from dateline import gazetteer
    return gazetteer.places_and_focus(text)[1]


def dateline_pick(name: str, countries: frozenset[str]):
    from dateline import gazetteer
    return gazetteer.lookup(name, countries)


def population_pick(name: str):
    """The most populous candidate of the first name variant lookup() would find (ties:
    dateline's rank order)."""
    from dateline import gazetteer
    n = " ".join(name.split())
    if not n:
        return None
    for variant in gazetteer._variants(n):   # the variants lookup() tries, in its order
        cands = gazetteer.candidates(variant)
        if cands:
            return max(enumerate(cands), key=lambda ic: (ic[1].population, -ic[0]))[1]
    return None


def error_km(place, lat: float, lon: float) -> float | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return great_circle_km(place.lat, place.lon, lat, lon)


def _offset_map(raw: str, cleaned: str) -> list[int]:
    """For each offset 0..len(cleaned) of the cleaned text, the offset in raw (unmatched
    characters map to the nearest matched one before them)."""
    if raw == cleaned:
        return list(range(len(cleaned) + 1))
    m = [-1] * (len(cleaned) + 1)
    sm = difflib.SequenceMatcher(None, raw, cleaned, autojunk=False)
    for a, b, size in sm.get_matching_blocks():
        for k in range(size + 1):
            if b + k <= len(cleaned):
                m[b + k] = a + k
    last = 0
    for i, v in enumerate(m):
        if v < 0:
            m[i] = last
        else:
            last = v
    return m


def detect_places(doc: dict) -> list[dict]:
    """The place mentions the build's entity stage finds in one article, in article offsets:
    [{start, end, text, lat, lon, place_id}]."""
    from dateline.clean import clean
    from dateline.model import RawDocument
    from dateline.pipeline import entity_mentions

    raw = RawDocument(path=f"lgl#{doc['docid']}", raw=doc["text"], kind="text",
                      title=doc.get("title"), date=doc.get("date"))
    d = clean(raw)
    omap = _offset_map(doc["text"], d.text)
    out = []
    for m in entity_mentions(d):
        if m.type != "place" or m.is_source:
            continue
        s, e = omap[m.start], omap[m.end]
        out.append({"start": s, "end": e, "text": doc["text"][s:e], "lat": m.lat, "lon": m.lon,
                    "place_id": m.place_id, "label": m.label})
    return out


# ---------------------------------------------------------------------------------------------
# error patterns (gold spans, dateline's answer)

def _gold_cc(country_name: str | None) -> str | None:
    if not country_name:
        return None
    from dateline import gazetteer
    p = next((c for c in gazetteer.candidates(country_name) if c.kind == "country"), None)
    return p.country if p else None


def error_pattern(t: dict, name: str, place, err: float | None, gold_cc: str | None
                  ) -> str | None:
    """One label for a wrong answer (None when right): by the gold feature code (country,
    state, county, town, other) and what dateline answered (nothing; the right country or
    state at the wrong point; a namesake: famous or small, abroad or in the same country)."""
    if err is not None and err <= HIT_KM:
        return None
    fc = t["fcode"] or ""
    if place is None or err is None:
        from dateline import gazetteer
        if " " not in name.strip() and gazetteer.country_of_demonym(name.strip()):
            return "unanswered: nationality adjective (country_of_demonym knows it)"
        if "." in name or (name.isupper() and len(name) <= 4):
            return "unanswered: abbreviation (Ill., D.C., Ky.)"
        if fc.startswith("ADM2"):
            return "unanswered: county/parish (ADM2) not in the gazetteer"
        if fc.startswith("PPL"):
            return "unanswered: town/neighbourhood not in the gazetteer"
        if fc.startswith("ADM1"):
            return "unanswered: state/province form not in the gazetteer"
        if fc.startswith("PCL"):
            return "unanswered: other country form (Palestinian, Sri Lankan, Russians)"
        return "unanswered: natural/other feature (river, park, region, ...)"
    if fc.startswith("PCL"):
        if place.kind == "country" and place.country == gold_cc:
            return "country placed at its capital"
        return "country name resolved to another place"
    if fc.startswith("ADM1"):
        if place.kind == "state" and gold_cc == "US":
            return "US state placed at its towns' centre, >161 km off"
        if gold_cc == "US":
            return "US state resolved to a namesake (country, city)"
        return "state/province resolved to another place"
    if fc.startswith("ADM2"):
        return "county (ADM2) resolved to a namesake town/other place"
    if fc in ("CONT", "RGN", "AREA", "ZN") or fc.startswith(("STM", "LK", "SEA", "BAY", "ISL")):
        return "region/natural feature resolved to another place"
    if place.kind in ("country", "state", "region", "continent"):
        return "town resolved to a country/state of that name"
    if gold_cc and place.country != gold_cc:
        from dateline.settings import SETTINGS
        if place.capital or place.population >= SETTINGS.entities.FAMOUS_CITY_POP:
            return "town resolved to a famous namesake abroad (capital/big city)"
        return "town resolved to a smaller namesake abroad"
    return "town resolved to a namesake in the same country"


# ---------------------------------------------------------------------------------------------
# running

def run(docs: list[dict], detect: bool = True, halves: bool = False) -> dict:
    """Every figure for ``docs``; with ``halves``, also the gold-span figures of the even-
    and odd-numbered articles (``gold_halves``: dev, heldout)."""
    from dateline import gazetteer

    t0 = time.perf_counter()
    gazetteer.lookup("Alexandria")   # opens (or builds) the cache outside the timings
    timings = {"gazetteer_open_s": round(time.perf_counter() - t0, 2)}

    t0 = time.perf_counter()
    gold_err, base_err = [], []
    patterns: Counter = Counter()
    pattern_names: dict[str, Counter] = defaultdict(Counter)
    by_fcode: dict[str, list] = defaultdict(list)
    cc_cache: dict[str | None, str | None] = {}
    examples = []
    half_err: dict[str, list] = {"dev": [], "heldout": []}
    for di, doc in enumerate(docs):
        ctx = document_countries(doc["text"])
        for t in doc["toponyms"]:
            if t["lat"] is None:
                continue
            name = doc["text"][t["start"]:t["end"]]
            p = dateline_pick(name, ctx)
            e = error_km(p, t["lat"], t["lon"])
            gold_err.append(e)
            half_err["dev" if di % 2 == 0 else "heldout"].append(e)
            by_fcode[(t["fcode"] or "?")[:4] if not (t["fcode"] or "").startswith("PPL")
                     else "PPL*"].append(e)
            b = population_pick(name)
            base_err.append(error_km(b, t["lat"], t["lon"]))
            if t["country"] not in cc_cache:
                cc_cache[t["country"]] = _gold_cc(t["country"])
            pat = error_pattern(t, name, p, e, cc_cache[t["country"]])
            if pat:
                patterns[pat] += 1
                pattern_names[pat][name] += 1
                if len(examples) < 2000:
                    examples.append({"docid": doc["docid"], "span": name, "gold": t["name"],
                                     "fcode": t["fcode"], "gold_country": t["country"],
                                     "admin1": t["admin1"],
                                     "got": None if p is None else f"{p.name} ({p.kind}, {p.country})",
                                     "error_km": None if e is None else round(e),
                                     "pattern": pat})
    timings["gold_and_baseline_s"] = round(time.perf_counter() - t0, 2)

    res = {"corpus": {"articles": len(docs),
                      "toponyms": sum(len(d["toponyms"]) for d in docs),
                      "with_point": len(gold_err)},
           "gold": geo_scores(gold_err), "baseline": geo_scores(base_err),
           **({"gold_halves": {h: geo_scores(v) for h, v in half_err.items()}}
              if halves else {}),
           "gold_by_fcode": {k: geo_scores(v) for k, v in sorted(
               by_fcode.items(), key=lambda kv: -len(kv[1]))},
           "error_patterns": [{"pattern": k, "count": n,
                               "names": pattern_names[k].most_common(8)}
                              for k, n in patterns.most_common()],
           "errors": examples}

    if detect:
        t0 = time.perf_counter()
        n_sys = n_gold = 0
        tp_exact = tp_overlap = 0
        det_exact, det_overlap, end_to_end = [], [], []
        for doc in docs:
            found = detect_places(doc)
            gold = [(t["start"], t["end"]) for t in doc["toponyms"]]
            sys_ = [(m["start"], m["end"]) for m in found]
            n_sys += len(sys_)
            n_gold += len(gold)
            ex, ov = match_exact(gold, sys_), match_overlap(gold, sys_)
            tp_exact += len(ex)
            tp_overlap += len(ov)
            for gi, t in enumerate(doc["toponyms"]):
                if t["lat"] is None:
                    continue
                e = None
                if gi in ov:
                    m = found[ov[gi]]
                    e = None if m["lat"] is None else great_circle_km(
                        m["lat"], m["lon"], t["lat"], t["lon"])
                    det_overlap.append(e)
                    if gi in ex:
                        det_exact.append(e)
                end_to_end.append(e)
        timings["detect_s"] = round(time.perf_counter() - t0, 2)
        res["detect"] = {"gold_spans": n_gold, "system_spans": n_sys,
                         "exact": prf(tp_exact, n_sys, n_gold),
                         "overlap": prf(tp_overlap, n_sys, n_gold),
                         "acc161_detected_exact": round(acc_at(det_exact), 4),
                         "acc161_detected_overlap": round(acc_at(det_overlap), 4),
                         "detected_exact_with_point": len(det_exact),
                         "detected_overlap_with_point": len(det_overlap),
                         "acc161_end_to_end": round(acc_at(end_to_end), 4)}
    res["timings"] = timings
    return res


def _fmt(v, spec=".3f"):
    return "-" if v is None else format(v, spec)


def print_table(res: dict) -> None:
    c = res["corpus"]
    print(f"LGL ({c.get('half', 'both')}): {c['articles']} articles, {c['toponyms']} toponyms, {c['with_point']} with a "
          f"gold point")
    print(f"\n{'geocoding (gold spans)':<28} {'acc@161':>8} {'AUC':>7} {'mean km':>9} "
          f"{'median km':>10} {'unanswered':>11}")
    rows = [(res["gold"], "dateline lookup()"), (res["baseline"], "population baseline")]
    rows += [(s, f"  lookup(), {h} half") for h, s in res.get("gold_halves", {}).items()]
    for s, label in rows:
        print(f"{label:<28} {s['acc161']:>8.3f} {s['auc']:>7.3f} {_fmt(s['mean_km'], '.0f'):>9} "
              f"{_fmt(s['median_km'], '.0f'):>10} {s['unanswered']:>5}/{s['toponyms']}")
    print("\n  dateline lookup() by gold feature code:")
    for k, s in res["gold_by_fcode"].items():
        print(f"    {k:<6} n={s['toponyms']:>5}  acc@161 {s['acc161']:.3f}  "
              f"unanswered {s['unanswered']}")
    if "detect" in res:
        d = res["detect"]
        print(f"\n{'detection (entity stage)':<28} {'P':>7} {'R':>7} {'F1':>7}   "
              f"(gold {d['gold_spans']}, system {d['system_spans']})")
        for k in ("exact", "overlap"):
            print(f"{k + ' span match':<28} {d[k]['P']:>7.3f} {d[k]['R']:>7.3f} {d[k]['F1']:>7.3f}")
        print(f"acc@161 of detected: exact {d['acc161_detected_exact']:.3f} "
              f"(n={d['detected_exact_with_point']}), overlap {d['acc161_detected_overlap']:.3f} "
              f"(n={d['detected_overlap_with_point']}); end to end "
              f"{d['acc161_end_to_end']:.3f}")
    print("\nerror patterns (gold spans, dateline lookup()):")
    for p in res["error_patterns"][:12]:
        names = ", ".join(f"{n} {k}" for n, k in p["names"][:5])
        print(f"  {p['count']:>5}  {p['pattern']}  [{names}]")
    print("\ntimings: " + ", ".join(f"{k} {v}" for k, v in res["timings"].items()))


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="a file in LGL's XML layout")
    ap.add_argument("--json", help="write the figures as JSON to this file")
    ap.add_argument("--limit", type=int, help="the first N articles only")
    ap.add_argument("--half", choices=("dev", "heldout", "both"), default="both",
                    help="even-numbered articles (dev), odd-numbered (heldout) or all (both)")
    ap.add_argument("--no-detect", action="store_true", help="geocoding only (no entity stage)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs = select_half(load_lgl(a.corpus, a.limit), a.half)
    res = run(docs, detect=not a.no_detect, halves=a.half == "both")
    res["corpus"]["file"] = str(a.corpus)
    res["corpus"]["half"] = a.half
    res["timings"]["total_s"] = round(time.perf_counter() - t0, 1)
    print_table(res)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=2, ensure_ascii=False)
    return res


if __name__ == "__main__":
    main()
