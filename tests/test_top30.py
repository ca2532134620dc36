"""benchmarks/top30.py's scoring on a tiny hand-made gold and event list (no build)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import top30  # noqa: E402


def src(doc, start, t=None, quote="", trigger="said"):
    return {"doc": doc, "start": start, "t": start + 3 if t is None else t, "quote": quote,
            "trigger": trigger}


def ev(rank, date, *sources, summary="s"):
    srcs = sorted(sources, key=lambda s: (s["doc"], s["start"], s["t"]))
    return {"rank": rank, "date": date, "summary": summary, "sources": srcs,
            "event_key": top30.event_key(date, srcs[0])}


def gold(rank, date, first, off=False, merged=False, date_ok=True, gold_date=None, topic="t"):
    g = {"topic": topic, "rank": rank, "date": date, "first": first,
         "event_key": top30.event_key(date, first), "off_topic": off, "merged": merged,
         "date_ok": date_ok, "note": f"g{rank}"}
    if gold_date:
        g["gold_date"] = gold_date
    return g


A = src("a/1", 0, quote="Protesters filled Tahrir Square on Friday.", trigger="filled")
B = src("b/2", 100, quote="The Dow closed up 50 points.", trigger="closed")
C = src("c/3", 40, quote="Two protests were held, one in Cairo and one in Tunis.", trigger="held")
D = src("d/4", 7, quote="Mubarak resigned on 11 February.", trigger="resigned")
E = src("e/5", 0, quote="It snowed in Boston.", trigger="snowed")

GOLD = [
    gold(1, "2011-01-28", A),
    gold(2, "2011-01-28", B, off=True),
    gold(3, "2011-01-25", C, merged=True, date_ok=None),
    gold(4, "2011-02-10", D, date_ok=False, gold_date="2011-02-11"),
    gold(5, "2011-02-01", E, off=True, date_ok=True),
]


def test_the_build_judged_scores_as_judged():
    events = [ev(1, "2011-01-28", A, src("x/9", 5)), ev(2, "2011-01-28", B),
              ev(3, "2011-01-25", C), ev(4, "2011-02-10", D), ev(5, "2011-02-01", E)]
    r = top30.score(GOLD, {"t": events})
    o = r["overall"]
    assert (o["judged"], o["unjudged"], o["off_topic"], o["merged"]) == (5, 0, 2, 1)
    assert o["wrong_date"] == 1 and o["date_unjudged"] == 1
    assert o["clean"] == 0.4          # 2 of 5 neither off-topic nor merged


def test_a_later_build_is_matched_by_the_first_source():
    # offsets moved for A (matched by quote and trigger), D redated to its gold date, E's
    # date moved without a gold date (right before: now wrong), B gone, a new event unjudged
    a_moved = dict(A, start=12, t=15)
    events = [ev(1, "2011-01-28", src("z/0", 0), a_moved),
              ev(2, "2011-02-11", D),
              ev(3, "2011-02-02", E),
              ev(4, "2011-01-25", C),
              ev(5, "2011-03-01", src("n/1", 0, quote="Something new happened."))]
    r = top30.score(GOLD, {"t": events})
    rows = {x["rank"]: x for x in r["rows"]["t"]}
    assert rows[1]["gold"] == GOLD[0]["event_key"] and rows[1]["date_status"] == "ok"
    assert rows[2]["date_status"] == "ok"            # the gold date
    assert rows[3]["date_status"] == "wrong"         # was right, moved
    assert rows[4]["merged"] and rows[4]["date_status"] == "unjudged"
    assert rows[5]["gold"] is None
    o = r["overall"]
    assert (o["judged"], o["unjudged"], o["off_topic"], o["merged"], o["wrong_date"]) == \
        (4, 1, 1, 1, 1)
    assert o["clean"] == 0.5


def test_an_event_holding_two_judged_first_sources_is_joined():
    events = [ev(1, "2011-01-28", A, B)]
    r = top30.score(GOLD, {"t": events})
    row = r["rows"]["t"][0]
    assert row["gold"] == GOLD[0]["event_key"]       # the higher ranked judgement
    assert row["joined"] == [GOLD[1]["event_key"]]
    assert r["overall"]["joined"] == 1


def test_a_sentence_with_two_events_keys_by_trigger():
    said = src("a/1", 0, t=3, quote="He said Jackson died in June.", trigger="said")
    died = src("a/1", 0, t=20, quote="He said Jackson died in June.", trigger="died")
    g = [gold(1, "2009-06", died), gold(2, "2011-08-29", said, off=True)]
    r = top30.score(g, {"t": [ev(1, "2009-06", died), ev(2, "2011-08-29", said)]})
    rows = r["rows"]["t"]
    assert [x["gold"] for x in rows] == [g[0]["event_key"], g[1]["event_key"]]
    assert r["overall"]["off_topic"] == 1


def test_a_topic_without_gold_is_all_unjudged():
    r = top30.score(GOLD, {"u": [ev(1, "2011-01-28", A)]})
    assert r["by_topic"]["u"]["unjudged"] == 1 and r["by_topic"]["u"]["clean"] is None
