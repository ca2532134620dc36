"""Timeline selection: rank, select, TLS summarisation, and the TLS benchmark end to end."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.model import Document, Event, EventMention
from dateline.settings import SETTINGS
from dateline.text import summary_text
from dateline.timeline import (DATE_FEATURES, date_features, date_interval, fit_date_weights,
                               independent_sources, rank, score_dates, select, summarize)

ROOT = Path(__file__).resolve().parents[1]


def em(doc, quote, date, how="explicit", repeated=False, actors=(), modality="asserted"):
    return EventMention(doc=doc, start=0, end=len(quote), quote=quote, trigger=None, date=date,
                        date_how=how, repeated=repeated, actors=list(actors), modality=modality)


def ev(i, date, sources, summary=None, actors=()):
    return Event(id=f"e{i}", date=date, summary=summary or sources[0].quote, modality="asserted",
                 actors=list(actors), sources=sources)


def picked(ms, published, **kw) -> str:
    """The document of the one summary sentence chosen for a one-date timeline."""
    return summarize(ms, published, n_dates=1, per_date=1, **kw)[0][1][0].doc


def test_date_interval():
    assert date_interval("2020-11-10") == (date_interval("2020-11-10")[0],) * 2
    lo, hi = date_interval("2020-02")
    assert (lo.isoformat(), hi.isoformat()) == ("2020-02-01", "2020-02-29")
    lo, hi = date_interval("1988")
    assert (lo.isoformat(), hi.isoformat()) == ("1988-01-01", "1988-12-31")
    assert date_interval("P3D") is None and date_interval(None) is None


def test_repeated_paragraph_counts_once():
    q = "Armenia and Azerbaijan signed a ceasefire agreement brokered by Russia overnight."
    same = [em("a", q, "2020-11-10"), em("b", q, "2020-11-10", repeated=True),
            em("c", q, "2020-11-10", repeated=True)]
    assert independent_sources(same) == 1
    different = [em("a", q, "2020-11-10"), em("b", "Russia sends peacekeepers to the region.",
                                                  "2020-11-10")]
    assert independent_sources(different) == 2
    docs = {"a": Document(id="a", path="a", text=""),
            "b": Document(id="b", path="b", text="", duplicate_of="a")}
    assert independent_sources(different, docs) == 1


def test_rank_many_sources_beat_one_and_background():
    cities = ["Baku", "Yerevan", "Moscow", "Ankara", "Tbilisi"]
    core = [em(d, f"The ceasefire took effect on November 10 , officials in {c} said .",
               "2020-11-10") for d, c in zip("abcde", cities)]
    once = [em("f", "A minor road was reopened in the north on November 12 .", "2020-11-12")]
    old = [em("a", "The war of 1988 began over the region .", "1988")]
    docs = {d: Document(id=d, path=d, text="", published="2020-11-15") for d in "abcdef"}
    events = [ev(1, "2020-11-12", once), ev(2, "2020-11-10", core), ev(3, "1988", old)]
    ranked = rank(events, docs)
    assert ranked[0].id == "e2"
    byid = {e.id: e for e in ranked}
    assert byid["e2"].importance > byid["e1"].importance
    assert byid["e3"].background and not byid["e2"].background and not byid["e1"].background
    # without documents, the window comes from the event dates themselves
    events2 = [ev(i, f"2020-11-{10 + i:02d}", [em("a", f"Event number {i} happened .", "x")])
               for i in range(8)] + [ev(99, "1988", old)]
    rank(events2)
    assert events2[-1].background and not any(e.background for e in events2[:-1])


def test_select_filters():
    a = ev(1, "2020-11-10", [em("a", "Putin announced the deal .", "2020-11-10", actors=["Vladimir Putin"])],
           actors=["Vladimir Putin"])
    b = ev(2, "2020-11-20", [em("b", "Azerbaijani troops entered Aghdam .", "2020-11-20")])
    c = ev(3, "1988", [em("c", "Protests began in Stepanakert .", "1988")])
    d = ev(4, "2020-11", [em("d", "Refugees left Kalbajar during November .", "2020-11")])
    a.importance, b.importance, c.importance, d.importance = 3.0, 2.0, 1.0, 0.5
    c.background = True
    evs = [b, c, a, d]
    assert [e.id for e in select(evs)] == ["e3", "e4", "e1", "e2"]  # chronological
    assert [e.id for e in select(evs, include_background=False)] == ["e4", "e1", "e2"]
    assert [e.id for e in select(evs, top=2)] == ["e1", "e2"]
    assert [e.id for e in select(evs, entity="putin")] == ["e1"]
    assert [e.id for e in select(evs, entity="Aghdam")] == ["e2"]   # found in the quote
    assert [e.id for e in select(evs, date_from="2020-11-15")] == ["e4", "e2"]
    assert [e.id for e in select(evs, date_from="2020-11-01", date_to="2020-11-12")] == ["e4", "e1"]
    assert [e.id for e in select(evs, date_to="2000-01-01")] == ["e3"]


def test_tls_date_mentioned_by_many_articles_wins():
    who = ["a witness", "the army", "a doctor", "state television", "rebel leaders"]
    ms = [em(f"d{i}", f"Rebels captured the airport on March 5 , {w} said .", "2011-03-05")
          for i, w in enumerate(who)]
    ms += [em("x", "A lone report of shelling on March 7 .", "2011-03-07")]
    ms += [em("y", "The same lone report of shelling , repeated .", "2011-03-07")]
    pub = {m.doc: f"2011-03-{10 + i}" for i, m in enumerate(ms)}
    scores = score_dates(ms, pub)
    d5 = max(scores, key=scores.get)
    assert d5.isoformat() == "2011-03-05"
    tl = summarize(ms, pub, n_dates=1, per_date=1)
    assert [d for d, _ in tl] == ["2011-03-05"]
    assert "airport" in tl[0][1][0].quote


def test_tls_repeated_sentence_counts_once():
    q = "Troops withdrew from the city on May 2 , the ministry said ."
    ms = [em(d, q, "2011-05-02") for d in "abcd"]           # one sentence copied four times
    ms += [em("e", "Talks resumed on May 3 in Geneva .", "2011-05-03"),
           em("f", "Delegates met again on May 3 , in Geneva .", "2011-05-03")]
    pub = {m.doc: "2011-05-04" for m in ms}
    s = score_dates(ms, pub)
    assert s[dt.date(2011, 5, 2)] < s[dt.date(2011, 5, 3)]
    assert [d for d, _ in summarize(ms, pub, 1, 1)] == ["2011-05-03"]


def test_tls_window_k_and_redundancy():
    ms = [em("a", "The president resigned on June 1 after weeks of protests .", "2011-06-01"),
          em("b", "The president resigned on June 1 after weeks of protests in the capital .", "2011-06-01"),
          em("c", "Crowds celebrated in the main square after the resignation on June 1 .", "2011-06-01"),
          em("d", "An election was held on July 9 .", "2011-07-09")]
    pub = {m.doc: "2011-06-02" for m in ms}
    tl = summarize(ms, pub, n_dates=5, per_date=2, start="2011-05-01", end="2011-06-30")
    assert [d for d, _ in tl] == ["2011-06-01"]        # July 9 is outside the window
    quotes = [m.quote for m in tl[0][1]]
    assert len(quotes) == 2 and any("Crowds" in q for q in quotes)  # no near-duplicate pair


def test_summary_text_strips_datelines():
    assert summary_text("NEW YORK | Mon Apr 27 , 2009 11:34 pm BST NEW YORK -LRB- Reuters -RRB- - "
                        "Fears grew .") == "Fears grew ."
    assert summary_text("CAIRO (Reuters) - Protesters marched on Tuesday .") == "Protesters marched on Tuesday ."
    assert summary_text("The child died on Monday night .") == "The child died on Monday night ."


def _synthetic_dataset(root: Path) -> None:
    topic = root / "Quake"
    topic.mkdir(parents=True)
    arts = []
    days = ["2010-01-12", "2010-01-13", "2010-01-14", "2010-01-15"]
    lines = {
        "2010-01-12": "A powerful earthquake struck the capital on January 12 , 2010 , destroying the palace .",
        "2010-01-13": "Rescue teams arrived at the airport on January 13 , 2010 , with dogs and tents .",
        "2010-01-15": "Aid ships docked in the port on January 15 , 2010 , carrying food and water .",
    }
    n = 0
    for pub in days:
        for src in ("wire", "paper"):
            body = [f"{lines[d]}" for d in lines if d <= pub]
            body.append(f"Officials said the death toll was still rising , report {n} added .")
            arts.append({"id": f"{src}/{n}", "date": pub, "source": src, "text": " \n".join(body)})
            n += 1
    with (topic / "articles.jsonl").open("w") as f:
        for a in arts:
            f.write(json.dumps(a) + "\n")
    gold = [["2010-01-12", ["An earthquake struck the capital , destroying the palace . \n"]],
            ["2010-01-13", ["Rescue teams arrived at the airport . \n"]],
            ["2010-01-15", ["Aid ships docked in the port with food . \n"]]]
    (topic / "timelines.jsonl").write_text(json.dumps(gold) + "\n")
    (topic / "keywords.json").write_text(json.dumps(["earthquake"]))


def test_tls_benchmark_end_to_end(tmp_path):
    pytest.importorskip("tilse")
    _synthetic_dataset(tmp_path / "ds")
    out = tmp_path / "out.json"
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "tls.py"), "--dataset",
                        str(tmp_path / "ds"), "--json", str(out), "--workers", "1"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    res = json.loads(out.read_text())
    assert {"date_f1", "ar1", "ar2"} <= set(res["mean"])
    assert "Quake" in res["topics"]
    assert res["mean"]["date_f1"] > 0.5


def test_tls_learned_date_ranker():
    """date_features + fit_date_weights (logistic regression) and summarize(date_weights=)."""
    import numpy as np
    who = ["a witness", "the army", "a doctor", "state television"]
    ms = [em(f"d{i}", f"Rebels captured the airport on March 5 , {w} said .", "2011-03-05")
          for i, w in enumerate(who)]
    ms += [em("x", "A lone report of shelling on March 20 .", "2011-03-20")]
    pub = {m.doc: "2011-03-25" for m in ms}
    days, x = date_features(ms, pub, "2011-03-01", "2011-03-31")
    assert [d.isoformat() for d in days] == ["2011-03-05", "2011-03-20"]
    assert x.shape == (2, len(DATE_FEATURES))
    i = DATE_FEATURES.index("refs")
    assert x[0, i] == 0.0 and x[1, i] < 0.0          # log1p relative to the busiest day
    assert summarize(ms, pub, 1, 1, "2011-03-01", "2011-03-31")[0][0] == "2011-03-05"
    # a ranker that prefers late days in the span picks March 20 instead
    tl = summarize(ms, pub, 1, 1, "2011-03-01", "2011-03-31", date_weights={"position": 1.0})
    assert tl[0][0] == "2011-03-20"
    rng = np.random.default_rng(0)
    xs = rng.normal(size=(200, 2))
    w = fit_date_weights(xs, (xs[:, 0] > 0).astype(float))
    assert w.shape == (2,) and w[0] > 1.0 and abs(w[1]) < 0.5 * w[0]


def test_semeval_temporal_awareness():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import semeval15 as S
    finally:
        sys.path.pop(0)
    gold = {"a": 1, "b": 2, "c": 2, "d": 3, "x": 0}
    assert S.prf(*S.awareness(gold, gold)) == (1.0, 1.0, 1.0)
    swapped = {"a": 3, "b": 2, "c": 2, "d": 1}
    p, r, f = S.prf(*S.awareness(swapped, gold))
    assert p < 0.5 and r < 0.5
    partial = {"a": 1, "b": 2, "d": 3}         # right order, fewer events
    p, r, f = S.prf(*S.awareness(partial, gold))
    assert p == 1.0 and 0 < r < 1


def test_tls_spread_and_retrospective_references():
    from dateline.timeline import choose_dates
    d = dt.date
    scores = {d(2011, 3, 1): 10.0, d(2011, 3, 2): 9.0, d(2011, 3, 3): 8.0, d(2011, 9, 1): 5.0}
    assert choose_dates(scores, 2, spread=0) == [d(2011, 3, 1), d(2011, 3, 2)]
    # a day next to a chosen one is penalised: the quiet-period date gets in
    assert choose_dates(scores, 2, spread=1.0, penalty=0.5) == [d(2011, 3, 1), d(2011, 9, 1)]
    # a reference made days later (retrospective) counts more than one made the next day
    ms = [em("a", "Rebels took the town on May 2 .", "2011-05-02"),
          em("b", "The summit opened on May 9 .", "2011-05-09")]
    pub = {"a": "2011-05-20", "b": "2011-05-10"}
    s = score_dates(ms, pub, pub_weight=0, pub_next_weight=0)
    assert s[d(2011, 5, 2)] > s[d(2011, 5, 9)]


def test_semeval_awareness_hand_example():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from semeval15 import awareness, prf
    gold = {"a": (1, "2010"), "b": (2, "2011")}
    sys_ = {"a": (1, "2010"), "b": (1, "2010")}
    # gold reduced: T2010=a, T2011=b, T2010<T2011 ; system reduced: T2010=a, a=b
    # P = 1/2 (a=b is wrong), R = 1/3 (only T2010=a is in the system's closure)
    assert awareness(sys_, gold) == (1, 2, 1, 3)
    assert awareness(sys_, gold, anchors=False) == (0, 1, 0, 1)
    assert awareness(gold, gold) == (3, 3, 3, 3)
    p, r, f = prf(1, 2, 1, 3)
    assert abs(f - 0.4) < 1e-9


def test_tls_summary_prefers_hindsight_and_prose():
    """Of equally central sentences for a date, the one written weeks later (a recap of what
    mattered) is chosen; a comment header or menu line (" | ") never is."""
    ms = [em("a", "Oil washed ashore on the islands on May 6 , officials said .", "2010-05-06"),
          em("b", "Oil washed ashore on the barrier islands on May 6 .", "2010-05-06"),
          em("c", "at 6:05 pm | Oil washed ashore on the islands on May 6 ?", "2010-05-06")]
    pub = {"a": "2010-05-06", "b": "2010-06-20", "c": "2010-05-06"}
    assert picked(ms, pub) == "b"
    assert picked(ms[:1] + ms[2:], pub) == "a"


def test_tls_off_topic_references_count_less(monkeypatch):
    """Three stray references to a day from sentences about something else (a live blog's
    other news) weigh less than two on-topic references to another day."""
    story = ["Flood waters rose in the river valley as the dam overflowed on {}.",
             "Rescuers evacuated villages in the flooded river valley on {}.",
             "The dam operator warned of more flood water in the valley on {}."]
    ms = [em(f"s{i}", q.format("March 3"), "2011-03-03") for i, q in enumerate(story[:2])]
    ms += [em(f"b{i}", q.format("March 1"), "2011-03-01") for i, q in enumerate(story)]
    ms += [em(f"o{i}", q, "2011-03-05") for i, q in enumerate([
        "The football club sold its striker to a rival on March 5.",
        "Shares in the carmaker fell sharply in Tokyo on March 5.",
        "A pop singer announced a world tour on March 5, fans cheered."])]
    pub = {m.doc: "2011-03-20" for m in ms}
    s = score_dates(ms, pub, pub_weight=0, pub_next_weight=0)
    assert s[dt.date(2011, 3, 3)] > s[dt.date(2011, 3, 5)]
    monkeypatch.setattr(SETTINGS.timeline, "RELEVANCE", 0.0)
    # without the relevance weight, the stray day would win
    s0 = score_dates(ms, pub, pub_weight=0, pub_next_weight=0)
    assert s0[dt.date(2011, 3, 5)] > s0[dt.date(2011, 3, 3)]


def test_summary_text_drops_asides_only_when_asked():
    q = "BP 's bill climbed to $ 2.35 bn -LRB- # 1.57 bn -RRB- on Friday ( Reuters ) ."
    assert summary_text(q) == q
    assert summary_text(q, asides=False) == "BP 's bill climbed to $ 2.35 bn on Friday ."
    # a stamp-stripped " | " line is prose again; the comment header is not
    from dateline.timeline import summarize
    ms = [em("a", "NEW YORK | Mon Apr 27 , 2009 11:34 pm BST NEW YORK -LRB- Reuters -RRB- - "
                  "Fears of a flu pandemic rose on April 27 as cases spread .", "2009-04-27"),
          em("b", "at 6:05 pm | What about April 27 ?", "2009-04-27")]
    assert picked(ms, {"a": "2009-04-28", "b": "2009-04-28"}) == "a"


@pytest.mark.parametrize("name, bad, good, weak, strong", [
    # reader comments and rhetorical questions are not reports; a quotation inside a report is
    ("text.is_chatter",
     ["If you want to vote for him , please leave the country before November 4th .",
      "What has changed since yesterday ?",
      "You began with that on Thursday - a very hot arrivals day .",
      "We were at the airport on Thursday ."],
     ["`` We will fight on , '' the rebel commander said on Monday .",
      "US troops arrived on Thursday ."],
     "Well , on November 4th you 'll know exactly what the vote means for the bank bailout .",
     "Voters chose a new president on November 4th amid the bank bailout ."),
    # a piece of a sentence (lower-case opening, too few content words) is not a summary
    ("timeline._fragment",
     ["but Thursday after Tuesday .", "It happened on Monday ."],
     ["Rebels captured the airport on November 4th ."],
     "but the rebels came back after November 4th and the airport fell again .",
     "Rebels captured the airport on November 4th ."),
])
def test_tls_summary_filters(name, bad, good, weak, strong):
    import importlib
    module, func = name.split(".")
    test = getattr(importlib.import_module(f"dateline.{module}"), func)
    assert bad and good
    assert all(test(t) for t in bad) and not any(test(t) for t in good)
    ms = [em("a", weak, "2008-11-04"), em("b", strong, "2008-11-04")]
    assert picked(ms, {"a": "2008-11-05", "b": "2008-11-05"}) == "b"


def test_tls_no_sentence_repeats_across_days():
    """A recap naming two days is the best candidate for both; the second day shows its own
    report instead of a copy."""
    recap = "Rebels took Brega on March 2 and lost Ras Lanuf on March 3 , the army said ."
    ms = [em(f"r{i}", recap, "2011-03-02") for i in range(3)]
    ms += [em(f"r{i}", recap, "2011-03-03") for i in range(3)]
    ms += [em("a", "Government jets bombed Ras Lanuf oil port on March 3 .", "2011-03-03"),
           em("b", "Rebel fighters entered Brega on March 2 after a night of shelling .", "2011-03-02")]
    pub = {m.doc: "2011-03-10" for m in ms}
    tl = summarize(ms, pub, n_dates=2, per_date=1)
    quotes = [ms_[0].quote for _, ms_ in tl]
    assert len(tl) == 2 and len(set(quotes)) == 2


def test_tls_chronology_dates_weigh_like_many_articles():
    """A factbox listing key dates ("Feb. 26 - ...") is an editor's choice of what mattered:
    its days outrank a day three ordinary articles mention in passing."""
    from dateline.timeline import chronologies
    box = [("2011-02-15", "Feb. 15 - Protests erupt in Benghazi after an activist is arrested ."),
           ("2011-02-26", "Feb. 26 - The U.N. Security Council imposes sanctions on Gaddafi ."),
           ("2011-03-17", "March 17 - The Security Council authorises a no-fly zone over Libya ."),
           ("2011-03-19", "March 19 - French jets fire the first shots of the air campaign .")]
    ms = [em("box", q, d) for d, q in box]
    for i, m in enumerate(ms):          # four sentences of one document
        m.start, m.end = 100 * i, 100 * i + len(m.quote)
    ms += [em(f"n{i}", f"Oil prices rose on March 1 as traders watched Libya , report {i} said .",
              "2011-03-01") for i in range(3)]
    pub = {m.doc: "2011-04-01" for m in ms}
    assert chronologies(ms) == {"box"}
    s = score_dates(ms, pub, pub_weight=0, pub_next_weight=0)
    assert s[dt.date(2011, 2, 26)] > s[dt.date(2011, 3, 1)]
    assert chronologies(ms[1:]) == set()     # three dated lines are not a chronology yet


def test_tls_prefers_a_sentence_about_the_day_to_a_headline_or_a_recap_of_another():
    ms = [em("h", "Giant container ship blocks the Suez Canal on March 23", "2021-03-23"),
          em("s", "A container ship blocked the Suez Canal on March 23 .", "2021-03-23")]
    assert picked(ms, {"h": "2021-03-30", "s": "2021-03-23"}) == "s"
    other = "Talks on March 30 returned to the ship that blocked the canal on March 23 ."
    ms = [em("a", other, "2021-03-23"), em("a", other, "2021-03-30"),
          em("b", "The ship that blocked the canal ran aground on March 23 .", "2021-03-23")]
    for i, m in enumerate(ms):
        m.start = 100 * i
    assert picked(ms, {"a": "2021-04-02", "b": "2021-04-02"},
                   start="2021-03-20", end="2021-03-25") == "b"


def test_chronology_line_is_preferred_and_shown_without_its_date():
    assert summary_text("Feb. 26 - The U.N. Security Council imposes sanctions .", asides=False) \
        == "The U.N. Security Council imposes sanctions ."
    assert summary_text("May 6, oil washed ashore .", asides=False) == "May 6, oil washed ashore ."
    ms = [em("a", "Diplomats at the United Nations talked about sanctions on Libya late on Feb. 26 .",
             "2011-02-26"),
          em("b", "Feb. 26 - The Security Council imposes sanctions on Libya .", "2011-02-26")]
    assert picked(ms, {"a": "2011-03-01", "b": "2011-03-01"}) == "b"


def _tagged_refs(doc_id: str, text: str, published: str):
    from dateline.clean import clean
    from dateline.model import RawDocument
    from dateline.time import tag
    from dateline.timeline import dated_sentences
    doc = clean(RawDocument(path=f"{doc_id}.txt", raw=text, kind="text", date=published))
    doc.published = published
    doc.times = tag(doc.text, published)
    return [m for m in dated_sentences(doc) if m.date_how == "explicit"]


def test_tls_time_stamps_are_not_votes_for_their_day():
    """A page stamp of a teaser for another story and a reader comment's posting time say when
    something was posted, not what happened on the day: only the report's sentences vote."""
    from dateline.timeline import is_stamp
    teaser = ("MANAMA | Mon Jun 27 , 2011 4:32 pm BST MANAMA -LRB- Reuters -RRB- - A leader of "
              "Bahrain 's opposition said talks would go on .\n\n"
              "March 9 , 2011 at 10:31 am | Reply I think the talks will fail .\n\n"
              "Troops shelled the town of Hama on June 28 , residents said .")
    refs = _tagged_refs("t", teaser, "2011-07-01")
    by_day = {m.date: m for m in refs}
    assert is_stamp(by_day["2011-06-27"]) and is_stamp(by_day["2011-03-09"])
    assert not is_stamp(by_day["2011-06-28"])
    s = score_dates(refs, {"t": "2011-07-01"}, pub_weight=0, pub_next_weight=0)
    assert set(s) == {dt.date(2011, 6, 28)}
    for page in ("5 January 2011 Last updated at 06:50 GMT A hearing opened in Los Angeles .",
                 "Page last updated at 14:47 GMT , Wednesday , 28 September 2011 A singer sang .",
                 "At 09:03 am on 16 Jun 2010 , Mark wrote : Anyone remember the last spill ?",
                 # a user name in lower case is still a comment header, not a clause
                 "At 16:12 29th Apr 2009 , ghostofsichuan wrote : Who can be believed ?",
                 "I send my love At 20:58 24th Mar 2010 , gemma wrote : Here are stories .",
                 "Posted by irritant on April 16 , 2005 03:12 PM .",
                 "A version appeared on p6 of the Main section of the Guardian on 08.51 BST on "
                 "Saturday 2 May 2009 .",
                 "This article was published on September 14th , 2008 ."):
        refs = _tagged_refs("s", page, "2011-10-01")   # the stamp, and its own clock time
        assert refs and not score_dates(refs, {"s": "2011-10-01"}, pub_weight=0,
                                        pub_next_weight=0), page
    # a day named in prose with a time of day is a reference, not a stamp
    prose = _tagged_refs("p", "Police moved in at 2:30 a.m. on June 28 , 2011 , witnesses said .",
                         "2011-07-01")
    assert prose and not any(is_stamp(m) for m in prose)


def test_a_two_day_chronology_line_is_a_chronology_line():
    """"Feb. 15/16 , 2011 - ..." opens a chronology line like "Feb. 15 - ..." does, and is
    shown without its date."""
    from dateline.timeline import _OPENS_WITH_DATE
    line = "Feb. 15\\/16 , 2011 - The arrest of an activist sparks a riot in Benghazi ."
    assert _OPENS_WITH_DATE.match(summary_text(line))
    assert summary_text(line, asides=False) == "The arrest of an activist sparks a riot in Benghazi ."


@pytest.mark.parametrize("quote, shown", [
    ("5 January 2011 Last updated at 06:50 GMT Help A preliminary hearing opened in Los Angeles .",
     "A preliminary hearing opened in Los Angeles ."),
    ("Page last updated at 14:47 GMT , Wednesday , 28 September 2011 15:47 UK A jury was sworn in .",
     "A jury was sworn in ."),
    ("The page was last updated at noon .", "The page was last updated at noon ."),
    # a live page's entry stamp, nested brackets and all
    ("-LRB- Updated 2:03 p.m. -LRB- 2103 in Egypt -RRB- -RRB- The State Department issued a "
     "travel alert .", "The State Department issued a travel alert ."),
    ("-- (Update 3:53 p.m. Cairo, 8:53 a.m. ET) ElBaradei called for change on Sunday .",
     "ElBaradei called for change on Sunday ."),
])
def test_a_page_update_stamp_is_not_shown(quote, shown):
    assert summary_text(quote, asides=False) == shown
    assert summary_text(quote, page_stamp=True) == shown


def test_a_comment_thread_is_not_a_chronology():
    """Four comments opening with their time stamps are not an editor's list of key days: the
    thread's other dates do not count as a chronology's."""
    from dateline.timeline import chronologies
    text = "\n\n".join(f"| September {20 + i} , 2008 {i + 1}:24 PM | Report abuse I think the "
                       f"bailout vote on Monday will fail ." for i in range(5))
    # clean drops a comment section before any date is read (clean._strip_comments); the
    # chronology rule's own guard is for threads with a single stamp style clean does not know
    import pytest
    from dateline.clean import CleanError
    with pytest.raises(CleanError, match="reader comments"):
        _tagged_refs("c", text, "2008-09-26")
    from dateline.settings import SETTINGS
    old = SETTINGS.clean.COMMENT_MIN_SIGNATURES
    SETTINGS.clean.COMMENT_MIN_SIGNATURES = 10 ** 6
    try:
        refs = _tagged_refs("c", text, "2008-09-26")
    finally:
        SETTINGS.clean.COMMENT_MIN_SIGNATURES = old
    assert len({m.start for m in refs}) == 5 and chronologies(refs) == set()
    box = "\n\n".join(f"Sept. {15 + i} - The House votes on the bailout plan ." for i in range(5))
    listed = _tagged_refs("b", box, "2008-09-26")
    assert chronologies(listed) == {listed[0].doc}                 # a real list still is one


def test_a_quiet_period_s_key_day_beats_a_busy_week_s_ordinary_day(monkeypatch):
    """Coverage is bursty: sixty articles in one week give each of its days a score from
    publication volume alone, while a day that three of a quiet month's four articles recall
    is the month's news. LOCAL_NORM divides by the coverage around the day."""
    who = ["a witness", "a doctor", "state television", "rebel leaders", "the army"]
    ms, pub = [], {}
    for i in range(60):
        pub[f"b{i}"] = f"2011-03-{2 + i % 7:02d}"
        if i < 7:   # a lead for each day of the week, dated by its publication
            ms.append(em(f"b{i}", f"Police and protesters clashed in the capital , {who[i % 5]} "
                                  f"said in report {i} .", pub[f"b{i}"], how="publication"))
    for i in range(5):
        ms.append(em(f"b{i}", f"Police fired on protesters in the capital on March 3 , {who[i]} "
                              "said .", "2011-03-03"))
    for i in range(4):
        pub[f"q{i}"] = f"2011-07-{13 + i * 5:02d}"
    for i in range(3):
        ms.append(em(f"q{i}", f"Police fired on protesters in the capital on July 12 , {who[i]} "
                              "said .", "2011-07-12"))
    assert SETTINGS.timeline.LOCAL_NORM > 0
    assert [d for d, _ in summarize(ms, pub, n_dates=2, per_date=1)] == ["2011-03-03",
                                                                         "2011-07-12"]
    monkeypatch.setattr(SETTINGS.timeline, "LOCAL_NORM", 0.0)
    assert "2011-07-12" not in [d for d, _ in summarize(ms, pub, n_dates=2, per_date=1)]


def test_a_day_named_as_an_attribute_gives_way(monkeypatch):
    """'... the provisions of the joint statement signed by Baku, Moscow and Yerevan dated
    November 10' is about a later call; the ceasefire's own sentence summarises the day."""
    from dateline.model import Span
    from dateline.timeline import date_is_attribute

    def ref(doc, quote, day_text, date):
        a = quote.index(day_text)
        return EventMention(doc=doc, start=0, end=len(quote), quote=quote, trigger=None,
                            date=date, date_how="explicit",
                            time=Span(day_text, a, a + len(day_text)))
    call = ref("a", "The two presidents discussed how the ceasefire is kept under the ceasefire "
                    "statement signed by Baku , Moscow and Yerevan dated November 10 .",
               "November 10", "2020-11-10")
    truce = ref("b", "A ceasefire in Nagorno-Karabakh is introduced on November 10 , ending six "
                     "weeks of war .", "November 10", "2020-11-10")
    assert date_is_attribute(call) and not date_is_attribute(truce)
    pub = {"a": "2020-11-25", "b": "2020-11-25"}
    assert summarize([call, truce], pub, n_dates=1, per_date=1)[0][1][0].doc == "b"
    # the call is the closer to the day's words otherwise
    monkeypatch.setattr(SETTINGS.timeline, "DATE_ATTR_PEN", 0.0)
    assert summarize([call, truce], pub, n_dates=1, per_date=1)[0][1][0].doc == "a"


def test_shown_quotes_mark_their_elisions():
    """Text shown between quotation marks (the digest) is the source's words: every piece
    between "[…]" marks stands in the sentence as written."""
    from dateline.text import summary_text
    q = ("A complete ceasefire in the zone of the conflict is introduced at 00:00 hours "
         "(Moscow time) on 10 November 2020.")
    shown = summary_text(q, asides=False, elide=True)
    assert shown == ("A complete ceasefire in the zone of the conflict is introduced at 00:00 "
                     "hours […] on 10 November 2020.")
    for piece in shown.split("[…]"):
        assert piece.strip() in q
    head = "BAKU, Nov 10 (Reuters) - Armenia agreed to hand over the district by Nov. 20."
    shown = summary_text(head, asides=False, elide=True)
    assert shown.startswith("[…] ") and shown[4:] in head
    # nothing cut, nothing marked
    assert summary_text("Armenia agreed to hand over the district.", asides=False,
                        elide=True) == "Armenia agreed to hand over the district."


def _story_events():
    story = ["Protesters marched on Tahrir Square against Mubarak in Cairo.",
             "Police fired tear gas at protesters in Cairo as Mubarak spoke.",
             "Mubarak named a vice president as protesters filled Tahrir Square.",
             "The army said it would not fire on protesters in Cairo.",
             "Protesters in Alexandria demanded that Mubarak step down.",
             "Mubarak promised reforms while protesters stayed in Tahrir Square."]
    evs = [ev(i, "2011-02-0%d" % (i + 1), [em(f"d{i}", q, "2011-02-0%d" % (i + 1))])
           for i, q in enumerate(story)]
    # a sidebar teaser of another story, repeated on two of the pages
    side = "Blizzard warnings were up Tuesday night in eight states from Kansas to Ohio."
    evs.append(ev(9, "2011-02-01", [em("d1", side, "2011-02-01", repeated=True),
                                    em("d2", side, "2011-02-01", repeated=True)]))
    return evs


def test_off_topic_events_are_set_apart_and_rank_last(monkeypatch):
    from dateline.settings import SETTINGS
    monkeypatch.setattr(SETTINGS.timeline, "OFF_TOPIC_MIN_DOCS", 5)
    evs = _story_events()
    ranked = rank(evs)
    side = next(e for e in evs if e.id == "e9")
    assert side.off_topic and side.relevance < 0.25
    assert all(not e.off_topic for e in evs if e.id != "e9")
    assert ranked[-1] is side
    assert side not in select(evs, include_off_topic=False)
    assert side in select(evs)
    # with fewer documents than OFF_TOPIC_MIN_DOCS nothing is set apart, only ranked lower
    monkeypatch.setattr(SETTINGS.timeline, "OFF_TOPIC_MIN_DOCS", 20)
    rank(evs)
    assert not side.off_topic and side.relevance < 0.25


def test_topic_words_decide_relevance():
    evs = _story_events()
    rank(evs, topic="army")
    army = next(e for e in evs if "army" in e.summary)
    assert army.relevance >= 1.0
    assert all(e.relevance <= 0.5 for e in evs if e is not army)
