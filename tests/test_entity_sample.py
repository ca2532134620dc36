"""benchmarks/entity_sample.py's scoring on a tiny hand-made gold and entity list (no build)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import entity_sample as es  # noqa: E402


def ent(name, typ, mentions, aliases=(), lat=None, lon=None, is_source=False):
    return {"id": f"{typ}:{name}", "name": name, "type": typ, "mentions": mentions,
            "aliases": [name, *aliases], "lat": lat, "lon": lon, "is_source": is_source}


def gold(name, gold_type, **kw):
    d = {"topic": "t", "name": name, "type_built": kw.pop("type_built", gold_type),
         "mentions": 1, "gold_type": gold_type, "junk": gold_type == "junk", "source": False,
         "same_as": None, "coords_ok": None, "note": ""}
    d.update(kw)
    return d


GOLD = [
    gold("Hosni Mubarak", "person"),
    gold("Mubarak", "person", same_as="Hosni Mubarak"),             # a surname to merge
    gold("Cairo", "place", coords_ok=True, lat_built=30.06, lon_built=31.25),
    gold("Georgia", "place", coords_ok=False, lat_built=32.75, lon_built=-83.5,
         gold_point=[42.0, 43.5], note="the country, not the US state"),
    gold("Secretary", "junk", type_built="person"),
    gold("Reuters", "org", source=True),
    gold("Tahrir", "place", type_built="person", gold_point=[30.044, 31.236]),
    gold("Omar Suleiman", "person"),
]


def by_name(res):
    return {r["name"]: r for r in res["rows"]}


def test_scores_as_built():
    built = {"t": [ent("Hosni Mubarak", "person", 30), ent("Mubarak", "person", 20),
                   ent("Cairo", "place", 15, lat=30.06, lon=31.25),
                   ent("Georgia", "place", 9, lat=32.75, lon=-83.5),
                   ent("Secretary", "person", 8), ent("Reuters", "org", 7),
                   ent("Tahrir", "person", 6), ent("Omar Suleiman", "person", 5),
                   ent("Lara Logan", "person", 4)]}
    res = es.score(GOLD, built)
    r = by_name(res)
    assert r["Hosni Mubarak"]["right"] and r["Cairo"]["right"] and r["Omar Suleiman"]["right"]
    assert r["Mubarak"]["kinds"] == ["merge"]
    assert r["Georgia"]["kinds"] == ["coords"]
    assert r["Secretary"]["kinds"] == ["junk"]
    assert r["Reuters"]["kinds"] == ["source"]
    assert r["Tahrir"]["kinds"] == ["type"]
    o = res["overall"]
    assert o["n"] == 8 and o["right"] == round(3 / 8, 4)
    assert (o["junk_in_top"], o["missed_merges"], o["wrong_types"], o["wrong_coords"],
            o["sources_as_actors"]) == (1, 1, 1, 1, 1)
    # a name in the top 50 the gold does not judge is listed, never scored
    assert res["by_topic"]["t"]["unjudged_names"] == ["Lara Logan"]


def test_a_later_build_that_fixes_everything():
    built = {"t": [ent("Hosni Mubarak", "person", 50, aliases=("Mubarak",)),
                   ent("Cairo", "place", 15, lat=30.06, lon=31.25),
                   ent("Georgia", "place", 9, lat=41.9, lon=43.6),      # moved to the country
                   ent("Reuters", "org", 7, is_source=True),           # a source now
                   ent("Tahrir", "place", 6, lat=30.044, lon=31.236)]}
    res = es.score(GOLD, built)
    r = by_name(res)
    # the surname now belongs to the full name (by alias): the merge happened
    assert r["Mubarak"]["right"] and r["Mubarak"]["found"] == "alias"
    assert r["Georgia"]["right"]
    assert r["Secretary"]["right"] and r["Secretary"]["found"] == "gone"   # junk gone = right
    assert r["Reuters"]["right"]
    assert r["Tahrir"]["right"]
    # a real entity that disappeared is wrong, reported as gone
    assert not r["Omar Suleiman"]["right"] and r["Omar Suleiman"]["kinds"] == ["gone"]
    assert res["overall"]["gone"] == 2 and res["overall"]["right"] == round(7 / 8, 4)
    assert res["by_topic"]["t"]["unjudged"] == 0


def test_a_point_that_moves_without_a_gold_point_is_not_trusted():
    g = [gold("Paris", "place", coords_ok=False, lat_built=33.66, lon_built=-95.55)]
    res = es.score(g, {"t": [ent("Paris", "place", 3, lat=10.0, lon=10.0)]})
    assert not res["rows"][0]["right"] and "re-judge" in res["rows"][0]["why"][0]
    g = [gold("Paris", "place", coords_ok=True, lat_built=48.85, lon_built=2.35)]
    res = es.score(g, {"t": [ent("Paris", "place", 3, lat=48.9, lon=2.4)]})
    assert res["rows"][0]["right"]


def test_sample_is_seeded_and_in_order(tmp_path):
    import json
    t = tmp_path / "bench" / "t17" / "X"
    t.mkdir(parents=True)
    (t / "articles.jsonl").write_text("".join(
        json.dumps({"id": f"a/{i}", "date": "2011-01-01", "text": "x"}) + "\n" for i in range(100)))
    a = [x["id"] for x in es.sample_articles(tmp_path, "X")]
    assert len(a) == es.SAMPLE and a == [x["id"] for x in es.sample_articles(tmp_path, "X")]
    assert a == sorted(a, key=lambda s: int(s.split("/")[1]))
