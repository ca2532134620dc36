"""Entities a reader can trust: the 50 most mentioned entities of ten real stories, judged by hand.

For each Timeline17 topic a fixed sample of 60 articles (``random.Random(0).sample`` over the
topic's article order, kept in that order) and the whole seed corpus (karabakh-2020) are built
into one database each, WITH entities, and the top 50 of ``dateline entities --top 50 --json``
(actors: sources left out, the analyst's edits applied) is compared with
benchmarks/data/entities/{dev,heldout}.jsonl: one line per (topic, entity name) of the top 50
as built when the sample was annotated, judged by reading the mention sentences:

    {"topic", "name", "type_built", "mentions", "lat_built", "lon_built",
     "gold_type": person|org|place|other|junk, "junk": bool, "source": bool,
     "same_as": another top-50 name it should be merged into, or null,
     "coords_ok": true|false|null (places), "gold_point": [lat, lon] (optional: where a wrong
     or moved point should be), "note"}

    .venv/bin/python benchmarks/entity_sample.py [--half dev|heldout|both] [--json OUT] [-v]
                                                 [--dump TOPIC] [--gold FILE] [--shared DIR]

dev = EgyptianProtest, bpoil, Finan, LibyaWar and the seeds; heldout = SyrianCrisis, H1N1, MJ,
haiti, IraqWar. An entity is RIGHT when its type is the gold type, it is not a duplicate that
should have merged (same_as null, or the gold name and the same_as name now resolve to one
entity), and, for a place, its point is right (coords_ok, or within 161 km of gold_point when
the point moved). Junk is right when it is no longer an actor (absent, junked by an edit, or a
source); a source is right when the entity is ``is_source`` (or gone). A gold name no longer in
the top 50 is looked up by name, then by alias, first among the top 50 and then among every
entity; when nothing has it, it is "gone" (right for junk and sources, wrong otherwise). Names
of the top 50 that the gold does not judge are listed as "unjudged" with their count; they are
not scored.

Built databases are cached under ~/.cache/dateline/entsample/<hash of src/ and the sample>/.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / "data" / "entities"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

import cached_build  # noqa: E402

SEED_TOPIC = "karabakh-2020"
HALVES = {"dev": ["EgyptianProtest", "bpoil", "Finan", "LibyaWar", SEED_TOPIC],
          "heldout": ["SyrianCrisis", "H1N1", "MJ", "haiti", "IraqWar"]}
SAMPLE = 60
SEED = 0
TOP = 50
NEAR_KM = 161.0
SAME_POINT_KM = 1.0


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("DATELINE_SHARED") or ROOT.parent / "shared")


def cache_root() -> Path:
    return Path(os.environ.get("DATELINE_ENTSAMPLE_CACHE")
                or Path.home() / ".cache" / "dateline" / "entsample")


def src_key() -> str:
    """A hash of every file of src/ and of the sample's parameters (cached_build.src_key)."""
    return cached_build.src_key(f"sample={SAMPLE} seed={SEED} py={sys.version}\0")


# ---------------------------------------------------------------------------------------------

def sample_articles(shared: Path, topic: str) -> list[dict]:
    """The topic's sampled articles (T17: 60, seeded; the seeds: all), in the topic's order."""
    if topic == SEED_TOPIC:
        return [{"id": f.name, "path": f}
                for f in sorted((shared / "corpus" / SEED_TOPIC).glob("*.txt"))]
    return cached_build.t17_sample(shared / "bench" / "t17" / topic / "articles.jsonl",
                                   SAMPLE, SEED)


def build_topic(shared: Path, topic: str, quiet: bool = False) -> Path:
    """The topic's database (built once per src/ hash, then read from the cache)."""
    arts = sample_articles(shared, topic)
    files = [str(a["path"]) for a in arts] if topic == SEED_TOPIC else None
    return cached_build.build_once(cache_root() / src_key(), topic, arts, files=files,
                                   quiet=quiet)


def read_entities(db: Path) -> list[dict]:
    """Every curated entity (sources included), most mentioned first, as the CLI lists them."""
    from dateline.query import view
    from dateline.store import Store

    with Store(db, readonly=True) as st:
        return list(view(st).entities)


def top_actors(entities: list[dict], n: int = TOP) -> list[dict]:
    """What ``dateline entities --top N --json`` shows: sources left out."""
    return [e for e in entities if not e.get("is_source")][:n]


# ---------------------------------------------------------------------------------------------
# scoring (pure: tests/test_entity_sample.py)

def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def resolve(name: str, entities: list[dict], n: int = TOP,
            prefer: str | None = None) -> tuple[dict | None, str]:
    """The entity a gold name belongs to now, and how it was found: "top" (a top-n name),
    "alias" (an alias of a top-n entity), "name"/"alias-all" (outside the top n, sources
    included), or (None, "gone"). Two entities of one name ("Macondo" the org and the place):
    the one of type ``prefer`` first."""
    key = name.casefold()
    top = top_actors(entities, n)

    def by_name(es):
        hits = [e for e in es if e["name"].casefold() == key]
        hits.sort(key=lambda e: e["type"] != prefer)
        return hits[0] if hits else None

    def by_alias(es):
        hits = [e for e in es if key in (a.casefold() for a in e.get("aliases", []))]
        return max(hits, key=lambda e: e.get("mentions", 0)) if hits else None

    for how, es, f in (("top", top, by_name), ("alias", top, by_alias),
                       ("name", entities, by_name), ("alias-all", entities, by_alias)):
        e = f(es)
        if e is not None:
            return e, how
    return None, "gone"


def judge(item: dict, entities: list[dict], n: int = TOP) -> dict:
    """One gold item against the built entities: {"right", "why": [...], "found", ...}."""
    e, how = resolve(item["name"], entities, n, prefer=item.get("type_built"))
    gtype = item.get("gold_type")
    junk = bool(item.get("junk")) or gtype == "junk"
    source = bool(item.get("source"))
    why: list[str] = []
    kinds: list[str] = []
    out = {"topic": item["topic"], "name": item["name"], "gold_type": gtype, "found": how,
           "now": e["name"] if e else None, "type_now": e["type"] if e else None,
           "in_top": how in ("top", "alias")}
    actor = e is not None and not e.get("is_source")
    if junk:
        if actor:
            why.append(f"junk still an actor ({e['type']}, {e.get('mentions')} mentions)")
            kinds.append("junk")
        out.update(right=not why, why=why, kinds=kinds)
        return out
    if source:
        if actor:
            why.append(f"a source listed as an actor ({e['type']})")
            kinds.append("source")
        out.update(right=not why, why=why, kinds=kinds)
        return out
    if e is None and item.get("same_as"):
        # a fragment ("Horizon" of "Deepwater Horizon") whose mentions joined the whole: the
        # whole is what a reader sees now
        e, _ = resolve(item["same_as"], entities, n, prefer=gtype)
        if e is not None:
            out.update(found="gone into same_as", now=e["name"], type_now=e["type"])
    if e is None:
        out.update(right=False, why=["gone: no entity has this name any more"], kinds=["gone"])
        return out
    if e["type"] != gtype:
        why.append(f"type {e['type']}, should be {gtype}")
        kinds.append("type")
    if item.get("same_as"):
        t, _ = resolve(item["same_as"], entities, n, prefer=gtype)
        if t is None or t["id"] != e["id"]:
            why.append(f"not merged into {item['same_as']!r}")
            kinds.append("merge")
    gp = item.get("gold_point")
    if gtype == "place" and e["type"] == "place" and (item.get("coords_ok") is not None or gp):
        # a place built as a person or org has no point: its type is the error
        now = (e.get("lat"), e.get("lon"))
        built = (item.get("lat_built"), item.get("lon_built"))
        if now[0] is None:
            ok, how_c = False, "no point"
        elif built[0] is not None and item.get("coords_ok") is not None \
                and _km(now, built) <= SAME_POINT_KM:
            ok, how_c = bool(item["coords_ok"]), "point as judged"
        elif gp or item["coords_ok"]:
            ref = tuple(gp) if gp else built
            ok, how_c = _km(now, ref) <= NEAR_KM, "point moved"
        else:
            ok, how_c = False, "point moved, no gold point: re-judge"
        if not ok:
            why.append(f"wrong point {now[0]}, {now[1]} ({how_c})"
                       + (f": {item['note']}" if item.get("note") else ""))
            kinds.append("coords")
    out.update(right=not why, why=why, kinds=kinds)
    return out


def score(gold: list[dict], built: dict[str, list[dict]], n: int = TOP,
          verbose: bool = False) -> dict:
    """gold items + {topic: entities (read_entities)} -> figures per topic and overall."""
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for it in gold:
        by_topic[it["topic"]].append(it)
    rows, topics = [], {}
    for topic, items in sorted(by_topic.items()):
        ents = built.get(topic)
        if ents is None:
            continue
        trs = [judge(it, ents, n) for it in items]
        rows += trs
        judged = {it["name"].casefold() for it in items}
        claimed = {r["now"].casefold() for r in trs if r["now"]}
        unjudged = [e["name"] for e in top_actors(ents, n)
                    if e["name"].casefold() not in judged and e["name"].casefold() not in claimed]
        topics[topic] = {**_figures(trs), "unjudged": len(unjudged), "unjudged_names": unjudged}
        if verbose:
            for r in trs:
                if not r["right"]:
                    print(f"  WRONG {topic} {r['name']!r} -> {r['now']!r} ({r['found']}): "
                          + "; ".join(r["why"]))
            if unjudged:
                print(f"  UNJUDGED {topic}: {', '.join(unjudged)}")
    overall = _figures(rows)
    overall["unjudged"] = sum(t["unjudged"] for t in topics.values())
    return {"overall": overall, "by_topic": topics, "rows": rows}


def _figures(rows: list[dict]) -> dict:
    n = len(rows)
    k = Counter(x for r in rows for x in r["kinds"])
    return {"n": n, "right": round(sum(r["right"] for r in rows) / n, 4) if n else None,
            "junk_in_top": sum(1 for r in rows if "junk" in r["kinds"] and r["in_top"]),
            "junk_kept": k["junk"], "sources_as_actors": k["source"],
            "missed_merges": k["merge"], "wrong_types": k["type"], "wrong_coords": k["coords"],
            "gone": sum(1 for r in rows if r["found"] == "gone")}


# ---------------------------------------------------------------------------------------------
# the annotation aid

def _sentence(text: str, start: int, end: int, width: int = 230) -> str:
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start - 1))
    a = a + 1 if a >= 0 else 0
    a = max(a, start - width // 2)
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    b = min(b, end + width // 2)
    s = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    return " ".join(s.split())


def dump(db: Path, topic: str, per: int = 4, n: int = TOP) -> list[dict]:
    """The top n with a few mention sentences each (round-robin over documents)."""
    from dateline.store import Store

    ents = read_entities(db)
    top = top_actors(ents, n)
    out = []
    with Store(db, readonly=True) as st:
        docs = {d.id: d for d in st.documents()}
        ments = {d: st.entity_mentions(d) for d in docs}
        for rank, e in enumerate(top, 1):
            aliases = set(e.get("aliases") or [e["name"]])
            sents, seen = [], set()
            for d in sorted(docs):
                for m in ments[d]:
                    if m.get("text") in aliases and m.get("type") == e["type"] and \
                            m.get("canonical") in aliases | {e["name"]} and \
                            (e["type"] != "place" or not e.get("place_id")
                             or m.get("place_id") in (None, e.get("place_id"))):
                        s = _sentence(docs[d].text, m["start"], m["end"])
                        if s not in seen:
                            seen.add(s)
                            sents.append((d, s))
                        break   # one per document first
                if len(sents) >= per:
                    break
            out.append({"rank": rank, "name": e["name"], "type": e["type"],
                        "mentions": e["mentions"], "aliases": e.get("aliases"),
                        "lat": e.get("lat"), "lon": e.get("lon"), "country": e.get("country"),
                        "roles": e.get("roles"), "sentences": sents})
    return out


def load_gold(paths: list[Path]) -> list[dict]:
    items = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line))
    return items


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=["dev", "heldout", "both"], default="dev")
    ap.add_argument("--gold", action="append", help="gold JSONL file(s) instead of --half")
    ap.add_argument("--shared", help="the shared data folder (default ../shared)")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every wrong entity")
    ap.add_argument("--dump", metavar="TOPIC", help="print TOPIC's top 50 with mention sentences")
    ap.add_argument("--dump-json", action="store_true", help="with --dump: as JSON")
    a = ap.parse_args(argv)
    shared = shared_dir(a.shared)
    if a.dump:
        rows = dump(build_topic(shared, a.dump), a.dump)
        if a.dump_json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
        else:
            for r in rows:
                pt = f" @{r['lat']:.2f},{r['lon']:.2f} {r['country']}" if r["lat"] is not None else ""
                print(f"{r['rank']:>2}. {r['name']} [{r['type']}] {r['mentions']}{pt} "
                      f"aliases={r['aliases']} roles={(r['roles'] or [])[:3]}")
                for d, s in r["sentences"]:
                    print(f"      - {s}")
        return {}
    if a.gold:
        files = {Path(g).stem: [Path(g)] for g in a.gold}
    else:
        halves = ["dev", "heldout"] if a.half == "both" else [a.half]
        files = {h: [DATA / f"{h}.jsonl"] for h in halves}
    res = {}
    for half, paths in files.items():
        gold = load_gold(paths)
        built = {t: read_entities(build_topic(shared, t)) for t in sorted({g["topic"] for g in gold})}
        r = score(gold, built, verbose=a.verbose)
        res[half] = r
        o = r["overall"]
        print(f"{half}: {o['right']} right over {o['n']} entities ({o['junk_kept']} junk kept "
              f"({o['junk_in_top']} in the top {TOP}), {o['sources_as_actors']} sources as actors, "
              f"{o['missed_merges']} missed merges, {o['wrong_types']} wrong types, "
              f"{o['wrong_coords']} wrong points, {o['gone']} gone; {o['unjudged']} unjudged)")
        for t, f in r["by_topic"].items():
            print(f"  {t:<16} {f['right']} ({f['n']}): junk {f['junk_kept']}, sources "
                  f"{f['sources_as_actors']}, merges {f['missed_merges']}, types "
                  f"{f['wrong_types']}, points {f['wrong_coords']}, gone {f['gone']}, "
                  f"unjudged {f['unjudged']}")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1, ensure_ascii=False))
    return res


if __name__ == "__main__":
    main()
