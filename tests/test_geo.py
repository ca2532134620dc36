"""The geocoding benchmark (benchmarks/geo.py): its metrics on hand-computed values, and a run
over a two-article fixture in LGL's layout (tests/data/geo/lgl-tiny.xml; offline)."""
import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "data" / "geo" / "lgl-tiny.xml"
_spec = importlib.util.spec_from_file_location("geo_bench", ROOT / "benchmarks" / "geo.py")
geo = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("geo_bench", geo)
_spec.loader.exec_module(geo)

L = math.log1p(geo.MAX_ERROR_KM) / math.log(geo.MAX_ERROR_KM)   # an unanswered toponym, ~1


def test_great_circle():
    deg = 2 * math.pi * geo.EARTH_RADIUS_KM / 360          # one degree on a great circle
    assert geo.great_circle_km(0, 0, 0, 1) == pytest.approx(deg)       # 111.195 km
    assert geo.great_circle_km(0, 0, 1, 0) == pytest.approx(deg)
    assert geo.great_circle_km(10, 20, 10, 20) == 0.0
    assert geo.great_circle_km(0, 0, 0, 180) == pytest.approx(math.pi * geo.EARTH_RADIUS_KM)
    assert geo.great_circle_km(90, 0, -90, 0) == pytest.approx(math.pi * geo.EARTH_RADIUS_KM)
    # across the antimeridian: 179 E to 179 W is two degrees, not 358
    assert geo.great_circle_km(0, 179, 0, -179) == pytest.approx(2 * deg)
    # London -> Paris, ~344 km
    assert geo.great_circle_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=1)
    # at 60 N a degree of longitude is about half a degree of the equator
    assert geo.great_circle_km(60, 0, 60, 1) == pytest.approx(deg / 2, rel=1e-3)


def test_acc161():
    assert geo.acc_at([0.0, 161.0, 161.5, None]) == 0.5     # 161 in, 161.5 out, None wrong
    assert geo.acc_at([None, None]) == 0.0
    assert geo.acc_at([5.0]) == 1.0
    assert geo.acc_at([]) == 0.0
    assert geo.acc_at([100.0, 200.0], km=150) == 0.5


def test_auc_of_log_errors():
    assert geo.auc_log_error([0.0, 0.0, 0.0]) == 0.0
    # sorted logs [0, L]: one trapezoid of height L/2 over one step
    assert geo.auc_log_error([0.0, None]) == pytest.approx(L / 2)
    # the errors are sorted first: [0, None, 0] -> [0, 0, L], area L/2 over 2 steps
    assert geo.auc_log_error([0.0, None, 0.0]) == pytest.approx(L / 4)
    # two errors of e with ln(1+e) = ln(20039)/2: the curve is flat at 0.5
    e = math.exp(math.log(geo.MAX_ERROR_KM) / 2) - 1
    assert geo.auc_log_error([e, e]) == pytest.approx(0.5)
    # ln(1+e) for e = e^2 - 1 is 2: [0, e, e] -> (1 + 2) / (2 ln 20039)
    e2 = math.e ** 2 - 1
    assert geo.auc_log_error([e2, 0.0, e2]) == pytest.approx(3 / (2 * math.log(20039)))
    assert geo.auc_log_error([None]) == pytest.approx(L)
    assert geo.auc_log_error([30000.0]) == pytest.approx(L)   # capped at the maximum
    assert geo.auc_log_error([]) == 0.0


def test_geo_scores():
    s = geo.geo_scores([10.0, 30.0, 500.0, None])
    assert s["toponyms"] == 4 and s["answered"] == 3 and s["unanswered"] == 1
    assert s["acc161"] == 0.5
    assert s["mean_km"] == 180.0 and s["median_km"] == 30.0   # over the answered only
    assert 0 < s["auc"] < 1


def test_span_matching_and_prf():
    gold = [(0, 5), (10, 20), (30, 35)]
    sys_ = [(0, 5), (12, 18), (10, 14), (40, 45)]
    assert geo.match_exact(gold, sys_) == {0: 0}
    # (10, 20) takes the system span overlapping it most: (12, 18), 6 characters
    assert geo.match_overlap(gold, sys_) == {0: 0, 1: 1}
    assert geo.match_exact([(0, 5), (0, 5)], [(0, 5)]) == {0: 0}          # one-to-one
    p = geo.prf(2, 4, 3)
    assert (p["P"], p["R"], p["F1"]) == (0.5, 0.6667, pytest.approx(0.5714, abs=1e-4))
    assert geo.prf(0, 0, 3)["F1"] == 0.0


def test_load_lgl_fixture():
    docs = geo.load_lgl(FIXTURE)
    assert [d["docid"] for d in docs] == ["1", "2"]
    assert docs[0]["date"] == "2009-03-20"
    tops = [t for d in docs for t in d["toponyms"]]
    assert [d["text"][t["start"]:t["end"]] for d in docs for t in d["toponyms"]] == \
        ["Paris", "France", "Houston", "Main Street"]
    assert tops[0]["lat"] == 48.85341 and tops[1]["fcode"] == "PCLI"
    assert tops[3]["lat"] is None      # a toponym without a gold point
    assert len(geo.load_lgl(FIXTURE, limit=1)) == 1


def test_error_pattern_labels():
    from dateline.gazetteer import Place
    fr = Place("cc:FR", "France", "country", "FR", 48.85, 2.35, 67_000_000)
    t = {"fcode": "PCLI"}
    assert geo.error_pattern(t, "France", fr, 318.0, "FR") == "country placed at its capital"
    assert geo.error_pattern(t, "France", fr, 100.0, "FR") is None            # right
    town = {"fcode": "PPL"}
    eg = Place("gn:1", "Alexandria", "city", "EG", 31.2, 29.9, 5_000_000)
    assert "famous namesake abroad" in geo.error_pattern(town, "Alexandria", eg, 10786.0, "US")
    assert geo.error_pattern({"fcode": "ADM1"}, "Ky.", None, None, "US").startswith(
        "unanswered: abbreviation")


def test_end_to_end_on_fixture(tmp_path):
    out = tmp_path / "geo.json"
    res = geo.main(["--corpus", str(FIXTURE), "--json", str(out)])
    assert json.loads(out.read_text(encoding="utf-8"))["gold"] == res["gold"]
    assert res["corpus"]["articles"] == 2 and res["corpus"]["toponyms"] == 4
    assert res["corpus"]["with_point"] == 3
    g = res["gold"]
    assert g["toponyms"] == 3 and g["unanswered"] == 0
    # Paris (a text about France) and Houston are placed right; France is 318 km from its
    # GeoNames point when placed at Paris
    assert g["acc161"] >= 2 / 3 - 1e-4
    assert res["baseline"]["acc161"] >= 2 / 3 - 1e-4
    assert 0 <= g["auc"] < 0.5
    d = res["detect"]
    assert d["gold_spans"] == 4
    assert d["exact"]["R"] >= 0.75 and d["overlap"]["F1"] >= d["exact"]["F1"]
    assert d["acc161_detected_exact"] >= 2 / 3 - 1e-4
    assert {"gold_and_baseline_s", "detect_s", "total_s"} <= set(res["timings"])
    res1 = geo.main(["--corpus", str(FIXTURE), "--limit", "1"])
    assert res1["corpus"]["articles"] == 1 and res1["gold"]["toponyms"] == 2


def test_gate_registers_geo():
    spec = importlib.util.spec_from_file_location("gate_for_geo", ROOT / "benchmarks" / "gate.py")
    gate = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gate_for_geo", gate)   # its dataclasses look their module up
    spec.loader.exec_module(gate)
    b = gate.BENCHMARKS["geo"]
    j = {"gold": {"acc161": 0.4}, "baseline": {"acc161": 0.3},
         "detect": {"exact": {"F1": 0.6}},
         "gold_halves": {"dev": {"acc161": 0.5}, "heldout": {"acc161": 0.35}}}
    assert b.figures(j) == {"acc161_gold": 0.4, "baseline_acc161": 0.3, "detect_f1": 0.6,
                            "dev.acc161_gold": 0.5, "heldout.acc161_gold": 0.35}
    assert set(b.notes) == set(b.figures(j))


def test_halves_are_even_and_odd_articles():
    docs = [{"docid": str(i)} for i in range(5)]
    assert [d["docid"] for d in geo.select_half(docs, "dev")] == ["0", "2", "4"]
    assert [d["docid"] for d in geo.select_half(docs, "heldout")] == ["1", "3"]
    assert geo.select_half(docs, "both") == docs
