"""Commitments, schedules and disagreements on real news: hand-annotated Timeline17 items.

benchmarks/data/commitments/{dev,heldout}.jsonl hold what a careful reader listed from the
articles alone, before the rules were changed: the sentence (verbatim) where a promise, a
deadline, a term of an agreement or a scheduled event is first stated, its kind, who committed,
when it is due, and its status as of the topic's last article with the evidence sentences;
about a fifth are near-misses (kind ``not_commitment``: forecasts, conditionals, demands no one
accepted). benchmarks/data/disagreements/{dev,heldout}.jsonl hold sets of claims from different
articles about one measured thing, labelled contradiction, approximate, revision or (near-misses)
not_same. The halves are split by topic: dev = EgyptianProtest, bpoil, Finan, LibyaWar; heldout =
SyrianCrisis, H1N1, MJ, haiti, IraqWar, kept untouched while the rules were developed.

    .venv/bin/python benchmarks/newsreason.py [--half dev|heldout|both] [--json OUT] [-v]
                                              [--shared DIR] [--no-cache]

Each topic's annotated articles (the statements, the evidence and the claims) and its last
article (the statuses are as of it) are built into one database with the full pipeline; the built database is cached under
~/.cache/dateline/newsreason, keyed by the code and data it depends on, so that work on the
reason stage re-runs only that stage. The gold is not exhaustive, so the figures are read on the
annotated sentences:

* commitments -- a system commitment *states* a sentence when one of its sources (or deadline
  statements) is that sentence of that article. Recall: the gold commitments whose sentence some
  system commitment states. Precision: of the annotated sentences the system states (gold
  commitments and near-misses), the share that are gold commitments. Status accuracy over the
  found ones (the system commitment's status against the reader's); ``met_forward``: system
  commitments reported met / met_late whose every fulfilment quote is forward-looking (must be 0).
  Also kind, due-date and who agreement, over the found ones.
* disagreements -- a system conflict *covers* a gold item when two of its claims are two of the
  item's claims (same article and sentence, the figure in the claim). Recall: true items
  (contradiction, approximate, revision) covered. Precision: of the system conflicts with two
  claims on annotated claims, the share that cover a true item (a conflict between the claims of
  a not_same item, or of two different items, is wrong). Label accuracy over the covered ones,
  and approximate-vs-contradiction accuracy over the covered items with either label.

Verbose output (-v) lists the errors of the dev half only: the held-out half is scored, never
read.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(HERE))

from dating import _articles, _doc_key, load_gold, shared_dir  # noqa: E402

from dateline.pipeline import build  # noqa: E402
from dateline.reason import reason  # noqa: E402
from dateline.store import Store  # noqa: E402

DATA = HERE / "data"
CACHE = Path.home() / ".cache" / "dateline" / "newsreason"
# the reason stage's own code: a change here re-runs only that stage, not the build
REASON_CODE = ("reason/", "lang/en/commitments.py", "lang/en/conflicts.py", "lang/en/pledges.py",
               "lang/ru/conflicts.py")
# forward-looking wording: such a sentence can never show that something was done
FORWARD = re.compile(r"\b(will|would|shall|is to|are to|is due|are due|is set to|are set to|"
                     r"is expected|are expected|scheduled|plans? to|planned|intends?|to be held|"
                     r"is slated|are slated|upcoming|next week|next month|tomorrow)\b", re.I)
_TOK = re.compile(r"[A-Za-z0-9]+")
_DIGITS = re.compile(r"\d[\d,.]*")


def norm(s: str) -> str:
    return " ".join(t.lower() for t in _TOK.findall(s))


def same_sentence(quote: str, gold: str) -> bool:
    """The system's sentence is the reader's one (cleaning may have detokenised it, and the
    splitters may cut a sentence differently): one holds most of the other's words in order, or
    they share 80% of their words."""
    a, b = norm(quote), norm(gold)
    if not a or not b:
        return False
    if a in b or b in a:
        return min(len(a), len(b)) >= 0.5 * max(len(a), len(b)) or min(len(a), len(b)) > 80
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) >= 0.8 * min(len(wa), len(wb))


# ------------------------------------------------------------------------------ building


def _code_key(topic: str, arts: list[dict]) -> str:
    h = hashlib.sha256()
    src = ROOT / "src" / "dateline"
    for f in sorted(src.rglob("*")):
        rel = f.relative_to(src).as_posix()
        if not f.is_file() or "__pycache__" in rel or any(rel.startswith(x) for x in REASON_CODE):
            continue
        h.update(rel.encode())
        h.update(f.read_bytes())
    for a in arts:
        h.update(json.dumps(a, sort_keys=True, default=str).encode())
    return f"{topic}-{h.hexdigest()[:16]}"


def built_db(shared: Path, topic: str, ids: set[str], use_cache: bool, tmp: Path) -> Path:
    arts = _articles(shared, topic, ids)
    missing = ids - {a["id"] for a in arts}
    if missing:
        print(f"{topic}: {len(missing)} annotated articles not in the corpus: {sorted(missing)[:3]}",
              file=sys.stderr)
    key = _code_key(topic, arts)
    cached = CACHE / f"{key}.db"
    if use_cache and cached.exists():
        return cached
    src = tmp / f"{topic}.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps({"id": a["id"], "date": a["date"], "source": a.get("source"),
                                 "text": a["text"]}) + "\n")
    db = tmp / f"{topic}.db"
    rep = build([str(src)], str(db), workers=2)
    if rep.failed:
        print(f"{topic}: {len(rep.failed)} articles failed: {rep.failed[:3]}", file=sys.stderr)
    if not use_cache:
        return db
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"{topic}-*.db*"):   # with its -wal and -shm files
        old.unlink()
    shutil.copy(db, cached)
    return cached


# ------------------------------------------------------------------------------ scoring


def _sources(c: dict) -> list[tuple[str, str]]:
    out = [(s["doc"], s["quote"]) for s in c.get("sources", [])]
    out += [(s["doc"], s["quote"]) for s in c.get("deadlines", [])]
    return out


def _due_ok(sys_due: str | None, gold_due: str | None) -> bool:
    if not gold_due:
        return not sys_due
    return bool(sys_due) and sys_due[:len(gold_due)] == gold_due


def _who_ok(c: dict, ents: dict, gold_who: str) -> bool:
    names = [ents.get(w, {}).get("name", "") for w in c.get("who", [])]
    names += [a for w in c.get("who", []) for a in (ents.get(w, {}).get("aliases") or [])]
    if c.get("party"):
        names.append(c["party"])
    gw = set(norm(gold_who).split())
    return any(gw & set(norm(n).split()) for n in names if n)


def score_commitments(items: list[dict], commitments: list[dict], docs: dict, ents: dict,
                      verbose: bool, rows: list) -> Counter:
    """docs: store doc id -> article id."""
    t = Counter()
    by_article = defaultdict(list)
    for it in items:
        by_article[it["article"]].append(it)
    stated = defaultdict(list)   # gold item index -> system commitments stating it
    for c in commitments:
        for doc, quote in _sources(c):
            for it in by_article.get(docs.get(doc), ()):
                if same_sentence(quote, it["sentence"]) and c not in stated[id(it)]:
                    stated[id(it)].append(c)
        if c.get("status") in ("met", "met_late"):
            # the clause of each fulfilment quote: the words before its verb, when the system
            # names the verb (history[].words), else the whole sentence
            quotes = []
            for f in c.get("history") or c.get("fulfilment") or []:
                q, w = f.get("quote", ""), f.get("words")
                if f.get("status", "met") not in ("met", "met_late"):
                    continue
                i = q.find(w) if w else -1
                quotes.append(q[max(0, i - 50):i + len(w)] if i >= 0 else q)
            if quotes and all(FORWARD.search(q) for q in quotes):
                t["met_forward"] += 1
                if verbose:
                    print(f"  FORWARD MET {c.get('what')!r}: {quotes[0][:160]}")
    for it in items:
        cs = stated.get(id(it), [])
        gold_c = it["kind"] != "not_commitment"
        t["gold"] += gold_c
        t["near"] += not gold_c
        row = {"topic": it["topic"], "where": it["_where"], "kind": it["kind"],
               "gold_status": it.get("status"), "found": bool(cs)}
        if cs:
            t["stated"] += 1
            t["stated_right"] += gold_c
        if gold_c and cs:
            c = cs[0]
            t["found"] += 1
            ok = c.get("status") == it["status"]
            t["status_ok"] += ok
            t["kind_ok"] += c.get("kind", c.get("deadline_basis")) == it["kind"]
            t["due_ok"] += _due_ok(c.get("due", c.get("deadline")), it.get("due"))
            t["who_ok"] += _who_ok(c, ents, it.get("who") or "")
            if c.get("status") in ("met", "met_late") and it["status"] not in ("met", "met_late"):
                t["wrong_met"] += 1
            row.update(sys_status=c.get("status"), status_ok=ok, sys_kind=c.get("kind"),
                       sys_due=c.get("due", c.get("deadline")))
        rows.append(row)
        if verbose:
            if gold_c and not cs:
                print(f"  MISSED {it['_where']} [{it['kind']}] {it['who']}: {it['sentence'][:150]}")
            elif not gold_c and cs:
                print(f"  FALSE  {it['_where']} {cs[0].get('what')!r}: {it['sentence'][:150]}")
            elif cs and not row.get("status_ok"):
                print(f"  STATUS {it['_where']} gold={it['status']} got={cs[0].get('status')} "
                      f"({cs[0].get('status_reason')}): {it['sentence'][:120]}")
    return t


def _claim_hits(claim: dict, gitems: list[tuple[int, int, dict]], docs: dict) -> set[tuple[int, int]]:
    """(item, claim) pairs of the gold that this system claim is."""
    art = docs.get(claim["doc"])
    out = set()
    val = claim.get("span", {}).get("text") or claim.get("value", "")
    vd = set(d.replace(",", "").rstrip(".") for d in _DIGITS.findall(val))
    for i, j, gc in gitems:
        if gc["article"] != art or not same_sentence(claim["quote"], gc["sentence"]):
            continue
        gd = set(d.replace(",", "").rstrip(".") for d in _DIGITS.findall(gc["value"]))
        if vd and gd and not vd & gd:
            continue  # another figure of the same sentence
        out.add((i, j))
    return out


def score_disagreements(items: list[dict], conflicts: list[dict], docs: dict, verbose: bool,
                        rows: list) -> Counter:
    t = Counter()
    gitems = [(i, j, c) for i, it in enumerate(items) for j, c in enumerate(it["claims"])]
    covered: dict[int, dict] = {}
    for cf in conflicts:
        hits = defaultdict(set)     # gold item -> its claims this conflict has
        for cl in cf["claims"]:
            for i, j in _claim_hits(cl, gitems, docs):
                hits[i].add(j)
        on_annotated = sum(len(v) for v in hits.values())
        if on_annotated < 2:
            continue
        good = [i for i, js in hits.items() if len(js) >= 2 and items[i]["label"] != "not_same"]
        t["judged"] += 1
        if good:
            t["judged_right"] += 1
            for i in good:
                covered.setdefault(i, cf)
        elif verbose:
            labels = {items[i]["label"] for i in hits}
            print(f"  FALSE  conflict {cf.get('about')!r} {cf.get('classification')} over "
                  f"{[c['value'] for c in cf['claims']][:5]} (gold items {sorted(labels)})")
    for i, it in enumerate(items):
        true = it["label"] != "not_same"
        t["gold"] += true
        cf = covered.get(i)
        row = {"topic": it["topic"], "where": it["_where"], "label": it["label"], "covered": cf is not None}
        if true and cf is not None:
            t["found"] += 1
            sys_label = {"revised": "revision"}.get(cf.get("classification"), cf.get("classification"))
            t["label_ok"] += sys_label == it["label"]
            if it["label"] in ("approximate", "contradiction"):
                t["ac"] += 1
                t["ac_ok"] += sys_label == it["label"]
            row["sys_label"] = sys_label
        elif true and verbose:
            print(f"  MISSED {it['_where']} [{it['label']}] {it['thing']}: "
                  f"{[c['value'] for c in it['claims']]}")
        rows.append(row)
    return t


def _r(a, b):
    return round(a / b, 4) if b else None


def _last_article(shared: Path, topic: str) -> str:
    last = ("", "")
    with open(shared / "bench" / "t17" / topic / "articles.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            last = max(last, (d["date"], d["id"]))
    return last[1]


def score_half(half: str, shared: Path, use_cache: bool, verbose: bool, only=None) -> dict:
    com = load_gold([DATA / "commitments" / f"{half}.jsonl"])
    dis = load_gold([DATA / "disagreements" / f"{half}.jsonl"])
    topics = sorted({x["topic"] for x in com + dis} & set(only or [x["topic"] for x in com + dis]))
    tc, td, rows_c, rows_d = Counter(), Counter(), [], []
    per_topic = {}
    with tempfile.TemporaryDirectory() as tmp:
        for topic in topics:
            ci = [x for x in com if x["topic"] == topic]
            di = [x for x in dis if x["topic"] == topic]
            ids = {x["article"] for x in ci} | {e["article"] for x in ci for e in x.get("evidence") or []} \
                | {c["article"] for x in di for c in x["claims"]}
            # the topic's last article too: the reader gave each status as of it
            ids.add(_last_article(shared, topic))
            db = built_db(shared, topic, ids, use_cache, Path(tmp))
            with Store(db, readonly=True) as st:
                docs = {d.id: _doc_key(d) for d in st.documents(full=False)}
                ents = {e["id"]: e for e in st.entities()}
                commitments, conflicts = reason(st)
            if verbose:
                print(f"{topic}: {len(commitments)} commitments, {len(conflicts)} conflicts")
            a = score_commitments(ci, commitments, docs, ents, verbose, rows_c)
            b = score_disagreements(di, conflicts, docs, verbose, rows_d)
            tc.update(a)
            td.update(b)
            per_topic[topic] = {"commitments_recall": _r(a["found"], a["gold"]),
                                "commitments_precision": _r(a["stated_right"], a["stated"]),
                                "disagreements_recall": _r(b["found"], b["gold"]),
                                "disagreements_precision": _r(b["judged_right"], b["judged"]),
                                "system_commitments": len(commitments), "system_conflicts": len(conflicts)}
    return {
        "commitments": {"precision": _r(tc["stated_right"], tc["stated"]), "recall": _r(tc["found"], tc["gold"]),
                        "status_accuracy": _r(tc["status_ok"], tc["found"]),
                        "kind_accuracy": _r(tc["kind_ok"], tc["found"]),
                        "due_accuracy": _r(tc["due_ok"], tc["found"]),
                        "who_accuracy": _r(tc["who_ok"], tc["found"]),
                        "wrong_met": tc["wrong_met"], "met_forward": tc["met_forward"],
                        "gold": tc["gold"], "near_misses": tc["near"], "found": tc["found"],
                        "stated": tc["stated"]},
        "disagreements": {"precision": _r(td["judged_right"], td["judged"]), "recall": _r(td["found"], td["gold"]),
                          "label_accuracy": _r(td["label_ok"], td["found"]),
                          "approx_vs_contradiction": _r(td["ac_ok"], td["ac"]),
                          "gold": td["gold"], "found": td["found"], "judged": td["judged"]},
        "by_topic": per_topic, "rows": {"commitments": rows_c, "disagreements": rows_d},
    }


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=["dev", "heldout", "both"], default="dev")
    ap.add_argument("--shared", help="the shared data folder (default ../shared)")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--no-cache", action="store_true", help="rebuild every topic's database")
    ap.add_argument("--topics", help="comma-separated topics of the half (default: all)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the dev half's errors")
    a = ap.parse_args(argv)
    halves = ["dev", "heldout"] if a.half == "both" else [a.half]
    res = {}
    for h in halves:
        r = score_half(h, shared_dir(a.shared), not a.no_cache, a.verbose and h == "dev",
                       a.topics.split(",") if a.topics else None)
        res[h] = r
        c, d = r["commitments"], r["disagreements"]
        print(f"{h}: commitments P={c['precision']} R={c['recall']} status={c['status_accuracy']} "
              f"kind={c['kind_accuracy']} due={c['due_accuracy']} who={c['who_accuracy']} "
              f"({c['found']}/{c['gold']} found; {c['stated']} annotated sentences stated; "
              f"wrong met {c['wrong_met']}, met from forward-looking quotes {c['met_forward']})")
        print(f"{h}: disagreements P={d['precision']} R={d['recall']} label={d['label_accuracy']} "
              f"approx-vs-contradiction={d['approx_vs_contradiction']} "
              f"({d['found']}/{d['gold']} found; {d['judged']} system conflicts on annotated claims)")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1))
    return res


if __name__ == "__main__":
    main()
