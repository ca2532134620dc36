"""The top 30 events of each Timeline17 topic, judged as an analyst would: off-topic, merged, dated.

For each Timeline17 topic a fixed sample of at most 150 articles (``random.Random(0).sample``
over the topic's article order, kept in that order) is built into a database, WITH entities and
the topic's ``keywords.json`` words as ``--topic`` (what ``dateline build --topic`` does), and
the top 30 of ``dateline timeline --top 30 --by importance --json`` (default filters: off-topic
and hidden events left out, background kept: what a user sees first) is compared with
benchmarks/data/top30/judged.jsonl: one line per (topic, event) of the top 30 as built when it
was judged, by reading the event's source sentences against the story:

    {"topic", "event_key", "rank", "date", "summary", "n_sources", "n_docs",
     "first": {"doc", "start", "t", "trigger", "quote"}, "sources": [[doc, start, t], ...],
     "off_topic": bool (not about the story: a page's other stories, weather, markets when the
                        story is not about markets, sport, ...),
     "merged": bool (its sources report two or more different happenings),
     "date_ok": true|false|null (the built date is the one a careful reader gives the
                happening from the sources; null: no single happening to date, or undecidable),
     "gold_date": the date a careful reader gives (optional, when date_ok is false),
     "classes": [error class names], "note"}

``doc`` is the article's id in the T17 JSONL (``Document.ext_id``), ``start`` the character
offset of the source sentence in the cleaned text, ``t`` its trigger's. The event key is
``date|doc:start:t`` of the event's FIRST source, the sources ordered by (doc, start, t) (one
sentence can hold two events: "he said Jackson died"): document ids in the store are hashes
of the input and event ids of the clustering, neither survives a change of code, while the
article id and a sentence's offset in its cleaned text do (unless cleaning changes).

Scoring a later build: each of its top 30 events is matched to the gold event whose first
source is among its sources (by (doc, start, t), else by (doc, the quote's first 60
characters, the trigger word)); one mention can be a source of several events (a sentence
dated two ways), so an event with its own gold key takes that judgement, else one of its
date, else the highest ranked. Holding the first sources of judged events that no event of
the build took, it counts as "joined" (a possible new merge, listed). An event that matches
none is "unjudged": counted and listed, never scored. A judged date counts when the event's date is the judged one; a date
that moved is right when it is the gold_date (or, without one, it is "redated": counted apart,
not scored). Figures per topic and overall: off-topic, merged, wrong-date counts among the
judged events of the top 30, and ``clean``: the share of judged top-30 events neither
off-topic nor merged.

    .venv/bin/python benchmarks/top30.py [--topics A,B] [--json OUT] [-v] [--dump TOPIC]
                                         [--gold FILE] [--shared DIR] [--events-out FILE]

Built databases are cached under ~/.cache/dateline/top30/<hash of src/ and the sample>/
(``DATELINE_TOP30_CACHE``).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLD = HERE / "data" / "top30" / "judged.jsonl"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

import cached_build  # noqa: E402

TOPICS = ["EgyptianProtest", "Finan", "H1N1", "IraqWar", "LibyaWar", "MJ", "SyrianCrisis",
          "bpoil", "haiti"]
SAMPLE = 150
SEED = 0
TOP = 30
QUOTE_KEY = 60


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("DATELINE_SHARED") or ROOT.parent / "shared")


def cache_root() -> Path:
    return Path(os.environ.get("DATELINE_TOP30_CACHE")
                or Path.home() / ".cache" / "dateline" / "top30")


def src_key() -> str:
    """A hash of every file of src/ and of the sample's parameters (cached_build.src_key)."""
    return cached_build.src_key(f"sample={SAMPLE} seed={SEED} topic-words py={sys.version}\0")


# ---------------------------------------------------------------------------------------------

def event_key(date: str, first: dict) -> str:
    """``date|doc:start:t``: the event's date and its first source (sources ordered by
    article, sentence start, trigger start); one sentence may hold two events (a report of a
    death: "said" and "died"), so the trigger's offset is part of the key."""
    return f"{date}|{first['doc']}:{first['start']}:{first.get('t', first['start'])}"


def topic_dir(shared: Path, topic: str) -> Path:
    return shared / "bench" / "t17" / topic


def keywords(shared: Path, topic: str) -> list[str]:
    p = topic_dir(shared, topic) / "keywords.json"
    return json.loads(p.read_text(encoding="utf-8")) if p.exists() else []


def sample_articles(shared: Path, topic: str) -> list[dict]:
    """The topic's sampled articles (at most SAMPLE, seeded), in the topic's order."""
    return cached_build.t17_sample(topic_dir(shared, topic) / "articles.jsonl", SAMPLE, SEED)


def build_topic(shared: Path, topic: str, quiet: bool = False) -> Path:
    """The topic's database (built once per src/ hash, then read from the cache)."""
    words = " ".join(keywords(shared, topic)) or None
    return cached_build.build_once(cache_root() / src_key(), topic,
                                   sample_articles(shared, topic), topic_words=words,
                                   note=f", topic {words!r}", quiet=quiet)


def top_events(db: Path, n: int = TOP) -> list[dict]:
    """What ``dateline timeline --top N --by importance --json`` lists, most important first,
    each with its rank, its key, its sources as (T17 article id, start, quote)."""
    from dateline.export.json import event_json
    from dateline.query import timeline, view
    from dateline.store import Store

    with Store(db, readonly=True) as st:
        v = view(st)
        evs = timeline(st, top=n, by="importance", include_background=True,
                       include_off_topic=False, curated=v)
        ext = {d.id: (d.ext_id or d.id) for d in st.documents(full=False)}
        out = []
        for rank, ev in enumerate(evs, 1):
            j = event_json(ev)
            srcs = sorted(({"doc": ext.get(s["doc"], s["doc"]), "start": s["start"],
                            "end": s["end"], "quote": s["quote"],
                            "trigger": (s["trigger"] or {}).get("text"),
                            "t": (s["trigger"] or {}).get("start", s["start"]),
                            "attributed_to": s.get("attributed_to")} for s in j["sources"]),
                          key=lambda s: (s["doc"], s["start"], s["t"]))
            first = srcs[0] if srcs else {"doc": "", "start": 0, "t": 0, "quote": ""}
            out.append({"rank": rank, "event_key": event_key(ev.date, first),
                        "id": ev.id, "date": ev.date, "summary": ev.summary,
                        "importance": j["importance"], "relevance": j["relevance"],
                        "background": ev.background, "modality": ev.modality,
                        "n_sources": len(srcs), "n_docs": len({s["doc"] for s in srcs}),
                        "sources": srcs})
        return out


# ---------------------------------------------------------------------------------------------
# scoring (pure: tests/test_top30.py)

def _pos(s: dict) -> tuple[str, int, int]:
    return s["doc"], s["start"], s.get("t", s["start"])


def _qkey(s: dict) -> tuple[str, str, str]:
    return (s["doc"], " ".join((s.get("quote") or "").split())[:QUOTE_KEY].casefold(),
            (s.get("trigger") or "").casefold())


def match(events: list[dict], gold: list[dict]) -> list[dict]:
    """Each event of one topic with the gold item it takes its judgement from (or None):
    [{"event", "gold", "joined": [other gold keys]}]. A source is the same as a judged first
    source when its article, sentence start and trigger start are, or (offsets moved) its
    article, the quote's first QUOTE_KEY characters and its trigger word are.

    The same mention can be a source of several events (one sentence dated two ways), so an
    event takes, in this order: the gold item of its own key (date and first source), else one
    whose first source it holds and whose date it has, else the highest ranked one whose first
    source it holds. ``joined``: the other judged events whose first source it holds and that
    no event of this list took: judged events that disappeared into this one."""
    by_key = {g["event_key"]: g for g in gold}
    by_pos: dict[tuple, list[dict]] = defaultdict(list)
    by_quote: dict[tuple, list[dict]] = defaultdict(list)
    for g in sorted(gold, key=lambda g: g.get("rank", 0)):
        by_pos[_pos(g["first"])].append(g)
        by_quote[_qkey(g["first"])].append(g)
    held = []
    for ev in events:
        hits: list[dict] = []
        for s in ev["sources"]:
            for g in by_pos.get(_pos(s)) or by_quote.get(_qkey(s)) or []:
                if g not in hits:
                    hits.append(g)
        hits.sort(key=lambda g: g.get("rank", 0))
        held.append(hits)
    taken: list[dict | None] = []
    for ev, hits in zip(events, held):
        g = by_key.get(ev["event_key"])
        if g is None or g not in hits:
            same_date = [h for h in hits if h["date"] == ev["date"]]
            g = (same_date or hits or [None])[0]
        taken.append(g)
    claimed = {g["event_key"] for g in taken if g is not None}
    return [{"event": ev, "gold": g,
             "joined": [h["event_key"] for h in hits if h["event_key"] not in claimed]}
            for ev, g, hits in zip(events, taken, held)]


def judge(ev: dict, g: dict) -> dict:
    """One built event against the gold item it matched: {"off_topic", "merged",
    "date_status": "ok" | "wrong" | "unjudged" | "redated"}."""
    if ev["date"] == g["date"]:
        date = {True: "ok", False: "wrong", None: "unjudged"}[g.get("date_ok")]
    elif g.get("gold_date"):
        date = "ok" if ev["date"] == g["gold_date"] else "wrong"
    elif g.get("date_ok") is True:
        date = "wrong"     # it was right, it moved
    else:
        date = "redated"
    return {"off_topic": bool(g.get("off_topic")), "merged": bool(g.get("merged")),
            "date_status": date}


def score_topic(events: list[dict], gold: list[dict]) -> dict:
    rows = []
    for m in match(events, gold):
        ev, g = m["event"], m["gold"]
        r = {"rank": ev["rank"], "event_key": ev["event_key"], "date": ev["date"],
             "summary": ev["summary"], "gold": g["event_key"] if g else None,
             "joined": m["joined"]}
        if g is not None:
            r.update(judge(ev, g), classes=g.get("classes", []), note=g.get("note", ""))
        rows.append(r)
    return {**figures(rows), "rows": rows}


def figures(rows: list[dict]) -> dict:
    judged = [r for r in rows if r.get("gold")]
    n = len(judged)
    off = sum(r["off_topic"] for r in judged)
    mer = sum(r["merged"] for r in judged)
    bad = sum(r["off_topic"] or r["merged"] for r in judged)
    d = Counter(r["date_status"] for r in judged)
    return {"events": len(rows), "judged": n, "unjudged": len(rows) - n,
            "off_topic": off, "merged": mer, "wrong_date": d["wrong"],
            "date_unjudged": d["unjudged"], "redated": d["redated"],
            "joined": sum(1 for r in judged if r["joined"]),
            "clean": round((n - bad) / n, 4) if n else None}


def score(gold: list[dict], built: dict[str, list[dict]], verbose: bool = False) -> dict:
    """gold items + {topic: top_events(...)} -> figures per topic and overall."""
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_topic[g["topic"]].append(g)
    topics, rows = {}, []
    for topic in sorted(built):
        t = score_topic(built[topic], by_topic.get(topic, []))
        topics[topic] = t
        rows += t["rows"]
        if verbose:
            for r in t["rows"]:
                if not r.get("gold"):
                    print(f"  UNJUDGED {topic} #{r['rank']} {r['event_key']} {r['summary'][:70]}")
                    continue
                why = [w for w, on in (("off-topic", r["off_topic"]), ("merged", r["merged"]),
                                       (f"date {r['date_status']}",
                                        r["date_status"] != "ok")) if on]
                if r["joined"]:
                    why.append(f"joined {len(r['joined'])} more judged events")
                if why:
                    print(f"  {topic} #{r['rank']} {r['date']} {r['summary'][:60]!r}: "
                          + ", ".join(why) + (f" [{r['note']}]" if r.get("note") else ""))
    return {"overall": figures(rows), "by_topic": {t: {k: v for k, v in f.items() if k != "rows"}
                                                   for t, f in topics.items()},
            "rows": {t: f["rows"] for t, f in topics.items()}}


# ---------------------------------------------------------------------------------------------
# the annotation aid

def dump(events: list[dict], topic: str, words: list[str], per: int = 8) -> str:
    lines = [f"== {topic} (keywords {words}) top {len(events)}"]
    for e in events:
        lines.append(f"\n#{e['rank']} {e['date']} imp={e['importance']} rel={e['relevance']}"
                     f"{' background' if e['background'] else ''} {e['modality']} "
                     f"{e['n_sources']} sources / {e['n_docs']} docs  key={e['event_key']}")
        lines.append(f"   SUMMARY: {e['summary']}")
        for s in e["sources"][:per]:
            lines.append(f"   - [{s['doc']}:{s['start']} <{s['trigger']}>] "
                         f"{' '.join(s['quote'].split())}")
        if len(e["sources"]) > per:
            lines.append(f"   ... {len(e['sources']) - per} more")
    return "\n".join(lines)


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--topics", help="comma-separated T17 topics (default: all nine)")
    ap.add_argument("--gold", help=f"gold JSONL (default {GOLD.relative_to(ROOT)})")
    ap.add_argument("--shared", help="the shared data folder (default ../shared)")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print every off-topic, merged, wrong-date and unjudged event")
    ap.add_argument("--dump", metavar="TOPIC", help="print TOPIC's top 30 with source quotes")
    ap.add_argument("--all-sources", action="store_true", help="with --dump: every source")
    ap.add_argument("--events-out", help="write the built top-30 events of the topics (JSONL)")
    a = ap.parse_args(argv)
    shared = shared_dir(a.shared)
    if a.dump:
        evs = top_events(build_topic(shared, a.dump))
        print(dump(evs, a.dump, keywords(shared, a.dump), per=10**6 if a.all_sources else 8))
        return {}
    topics = a.topics.split(",") if a.topics else TOPICS
    built = {t: top_events(build_topic(shared, t)) for t in topics}
    if a.events_out:
        with open(a.events_out, "w", encoding="utf-8") as fh:
            for t, evs in built.items():
                for e in evs:
                    fh.write(json.dumps({"topic": t, **e}, ensure_ascii=False) + "\n")
    gold = load_gold(Path(a.gold) if a.gold else GOLD) if (a.gold or GOLD.exists()) else []
    r = score(gold, built, verbose=a.verbose)
    o = r["overall"]
    print(f"top {TOP} of {len(built)} topics: {o['clean']} clean (neither off-topic nor merged) "
          f"over {o['judged']} judged events; {o['off_topic']} off-topic, {o['merged']} merged, "
          f"{o['wrong_date']} wrong dates ({o['date_unjudged']} dates not judged, "
          f"{o['redated']} redated); {o['unjudged']} unjudged, {o['joined']} joined")
    for t, f in r["by_topic"].items():
        print(f"  {t:<16} clean {f['clean']} ({f['judged']}/{f['events']}): off-topic "
              f"{f['off_topic']}, merged {f['merged']}, wrong date {f['wrong_date']}, "
              f"unjudged {f['unjudged']}, joined {f['joined']}")
    if a.json:
        Path(a.json).write_text(json.dumps(r, indent=1, ensure_ascii=False))
    return r


if __name__ == "__main__":
    main()
