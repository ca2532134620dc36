"""Cross-document event coreference on ECB+ (Cybulska & Vossen 2014): dateline's event
clustering (``link.link``) against the gold event chains, beside the same-lemma baseline.

    PYTHONPATH=src .venv/bin/python benchmarks/ecbplus.py [--corpus DIR] [--json OUT] [--topics 1-35]

--corpus: a folder of topic folders in ECB+'s layout (``<n>/<n>_<m>ecb.xml``,
``<n>/<n>_<m>ecbplus.xml``; default ../shared/bench/ecbplus, topics 1-35 of the release: the
usual train 1-22 and dev 23-25 splits and 26-35; the test topics 36-45 are not there), with
``ECBplus_coreference_sentences.csv`` beside them (``--sentences`` names another; a folder
without one is scored on every sentence, and the output says so). --topics: which topic
numbers (``1-10,12``). --json: every figure, per group and per topic, and examples of wrong
merges and splits.

Gold (the standard reading of ECB+): event mentions are the ACTION_* and NEG_* markables
that have token anchors (the anchorless ones are CROMER's instance descriptors); chains are
the CROSS_DOC_COREF relations (one chain per instance id) and the INTRA_DOC_COREF ones
(within one document); a mention in no relation is a singleton. Only mentions in the
sentences listed in ECBplus_coreference_sentences.csv are scored (the standard setting: the
coreference annotation is complete only there); a mention's sentence is that of its first
token.

Setting: **gold mentions, within-topic clustering.** Each topic's documents (both sub-topics,
``ecb`` and ``ecbplus``: two look-alike real-world events, e.g. two earthquakes) are clustered
together and never with another topic's, which is the common ECB+ setting (gold topics, no
document clustering first). The figures are MUC, B-cubed, CEAF-e and CoNLL F1 (the mean of
the three F1s) over all scored mentions of the selected topics at once (the CoNLL scorer run
on one "document" holding every topic); the groups (topics 1-10, 11-20, 21-30, 31-35) are
the same over their topics' mentions only.

The system, **dateline** (the gated figure): every document goes through the build's
per-document stages exactly as ``dateline build`` runs them (``pipeline.process``: clean,
languages, time tags, entities, event mentions) as a plain-text article: its tokens joined
back into text (no space before punctuation, PTB quotes as ``"``), one sentence per line.
ECB+ gives no publication dates, so every document is dated **REFERENCE_DATE (2010-06-15), a
fixed reference date**: relative times ("on Tuesday", "yesterday") are anchored on it, so they
no longer tell the two sub-topics' events apart; explicit dates ("in 2008", "Sept. 8, 2008")
still do. Then ``link.link()`` is called per topic **on the gold mentions**: one
``EventMention`` per gold mention, its trigger the mention's head word (the token of the span
whose spaCy head lies outside it), its quote the mention's sentence, and the date, time,
modality, speaker, actors and places of the dateline mention of that sentence (the one whose
trigger overlaps the gold span, else the nearest in the sentence); a sentence where dateline
found no mention gives date = the reference date (``date_how="publication"``, as dateline
dates an undated news lead), modality ``asserted`` and the actors and places that
``events._who_where`` finds among the sentence's entity mentions. Each gold mention's cluster
is the Event whose sources hold it. This isolates the clustering from mention detection.

Beside it, **dateline-e2e** (reported, not gated): dateline's own event mentions linked by
``link()`` per topic as the build does, mapped onto the GOLD mentions: a gold mention takes
the cluster of the dateline mention whose trigger overlaps its tokens (the first in text
order); gold mentions dateline did not detect (dateline keeps one mention per dated clause:
most gold mentions have none) are singletons. This is "gold mentions, system clusters"
scoring of the end-to-end system.

The **baseline**, same-lemma: the mentions of a topic whose head word has the same lemma
(spaCy ``en_core_web_sm`` on the ECB+ tokens of the sentence, lower-cased; without the model,
lower-case with common suffixes stripped) are one cluster.

Errors (JSON ``errors``): for dateline's clusters, the wrong merges (pairs in one system
cluster from different gold chains: by whether the chains are of the same sub-topic) and the
missed links (pairs of one gold chain in different system clusters: by why link() kept them
apart -- dates incompatible, planned vs happened, one sentence, or the score below the
threshold), with examples.

Metrics as Pradhan et al. (2014) and the CoNLL reference scorer define them (implemented
here: the PyPI alternatives were not well kept -- ``scorch`` 0.2.0 of 2020 breaks on current
numpy in BLANC, ``coreference-eval`` is a 0.0.2; CEAF-e's alignment is
``scipy.optimize.linear_sum_assignment``); ``tests/test_ecbplus.py`` checks them on the
reference scorer's test cases.

Runtime on the 2-core machine: 82-110 s for topics 1-35 (the per-document stages 67-90 s,
spaCy lemmas 10-13 s, link() 2 s); peak memory 0.5 GB.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_CORPUS = ROOT.parent / "shared" / "bench" / "ecbplus"
if not DEFAULT_CORPUS.exists():
    DEFAULT_CORPUS = Path("/work/shared/bench/ecbplus")
SENTENCES_CSV = "ECBplus_coreference_sentences.csv"
REFERENCE_DATE = "2010-06-15"
GROUPS = ((1, 10), (11, 20), (21, 30), (31, 35))
EVENT_TAG = re.compile(r"^(?:ACTION|NEG)_")
DOC_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


# ---------------------------------------------------------------------------------------------
# metrics (pure; tests/test_ecbplus.py). key and response: lists of clusters (sets of mention
# ids); the mention sets may differ (system mentions), as the reference scorer allows.

def _prf(num_r: float, den_r: float, num_p: float, den_p: float) -> tuple[float, float, float]:
    r = num_r / den_r if den_r else 0.0
    p = num_p / den_p if den_p else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return r, p, f


def _partition_count(cluster: set, other: dict) -> int:
    """How many parts the other clustering cuts ``cluster`` into (a mention absent from it is
    a part of its own): |p(k)| of Vilain et al. (1995)."""
    parts = set()
    n_missing = 0
    for m in cluster:
        c = other.get(m)
        if c is None:
            n_missing += 1
        else:
            parts.add(c)
    return len(parts) + n_missing


def _index(clusters) -> dict:
    return {m: i for i, c in enumerate(clusters) for m in c}


def muc(key: list[set], response: list[set]) -> tuple[float, float, float]:
    """MUC (Vilain et al. 1995): R = sum(|k| - |p(k)|) / sum(|k| - 1) over key chains, P the
    same with the roles swapped. Returns (R, P, F1); 0 where a denominator is 0 (all
    singletons), as the reference scorer does."""
    ki, ri = _index(key), _index(response)
    num_r = sum(len(k) - _partition_count(k, ri) for k in key)
    den_r = sum(len(k) - 1 for k in key)
    num_p = sum(len(r) - _partition_count(r, ki) for r in response)
    den_p = sum(len(r) - 1 for r in response)
    return _prf(num_r, den_r, num_p, den_p)


def b_cubed(key: list[set], response: list[set]) -> tuple[float, float, float]:
    """B-cubed (Bagga & Baldwin 1998), per mention: R = sum_k sum_r |k & r|^2 / |k| over all
    key mentions, P the same over response mentions. Returns (R, P, F1)."""
    ri = _index(response)
    ki = _index(key)
    num_r = 0.0
    for k in key:
        c = Counter(ri[m] for m in k if m in ri)
        num_r += sum(n * n for n in c.values()) / len(k)
    num_p = 0.0
    for r in response:
        c = Counter(ki[m] for m in r if m in ki)
        num_p += sum(n * n for n in c.values()) / len(r)
    return _prf(num_r, sum(len(k) for k in key), num_p, sum(len(r) for r in response))


def ceaf_e(key: list[set], response: list[set]) -> tuple[float, float, float]:
    """Entity-based CEAF (Luo 2005): the one-to-one alignment of key and response chains that
    maximises the summed phi4(k, r) = 2|k & r| / (|k| + |r|); R = that sum / |key chains|,
    P = / |response chains|. Returns (R, P, F1)."""
    if not key or not response:
        return 0.0, 0.0, 0.0
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    ri = _index(response)
    # only chains that share a mention can score: a sparse matrix over those
    pairs: dict[tuple[int, int], int] = Counter()
    for a, k in enumerate(key):
        for m in k:
            if m in ri:
                pairs[(a, ri[m])] += 1
    if not pairs:
        return 0.0, 0.0, 0.0
    rows = sorted({a for a, _ in pairs})
    cols = sorted({b for _, b in pairs})
    rpos = {a: i for i, a in enumerate(rows)}
    cpos = {b: j for j, b in enumerate(cols)}
    sim = np.zeros((len(rows), len(cols)))
    for (a, b), n in pairs.items():
        sim[rpos[a], cpos[b]] = 2.0 * n / (len(key[a]) + len(response[b]))
    ii, jj = linear_sum_assignment(sim, maximize=True)
    total = float(sim[ii, jj].sum())
    return _prf(total, len(key), total, len(response))


def scores(key: list[set], response: list[set]) -> dict:
    """MUC, B-cubed, CEAF-e (each R, P, F1) and CoNLL F1 (the mean of the three F1s)."""
    out = {}
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceaf_e", ceaf_e)):
        r, p, f = fn(key, response)
        out[name] = {"R": round(r, 4), "P": round(p, 4), "F1": round(f, 4), "_f": f}
    out["conll_f1"] = round(sum(out[n].pop("_f") for n in ("muc", "b3", "ceaf_e")) / 3, 4)
    return out


def clusters_of(assign: dict) -> list[set]:
    """{mention: cluster label} -> list of clusters (sets of mentions)."""
    by: dict = defaultdict(set)
    for m, c in assign.items():
        by[c].add(m)
    return [by[c] for c in sorted(by, key=str)]


# ---------------------------------------------------------------------------------------------
# the corpus

@dataclass
class Mention:
    id: str                 # "<doc>#<m_id>"
    doc: str                # file stem: "1_10ecbplus"
    topic: int
    subtopic: str           # "ecb" | "ecbplus"
    tag: str                # ACTION_OCCURRENCE, NEG_ACTION_STATE, ...
    tids: tuple[int, ...]   # token ids, sorted
    sentence: int
    chain: str              # gold cluster label


@dataclass
class EcbDoc:
    name: str               # file stem
    topic: int
    subtopic: str
    tokens: dict[int, tuple[int, str]]   # t_id -> (sentence, text)
    mentions: list[Mention] = field(default_factory=list)   # every event mention
    conflicts: int = 0      # mentions claimed by more than one chain (the first one kept)
    scored: list[Mention] = field(default_factory=list)   # those in the selected sentences

    def sentences(self) -> dict[int, list[int]]:
        by: dict[int, list[int]] = defaultdict(list)
        for t, (s, _) in sorted(self.tokens.items()):
            by[s].append(t)
        return dict(sorted(by.items()))


def read_doc(path: str | os.PathLike) -> EcbDoc:
    """One ECB+ XML file: tokens and its event mentions with their gold chains."""
    path = Path(path)
    m = DOC_NAME.match(path.name)
    if not m:
        raise ValueError(f"not an ECB+ document name: {path.name}")
    topic, sub = int(m.group(1)), m.group(3)
    name = path.name[:-4]
    root = ET.parse(path).getroot()
    tokens = {}
    for t in root.iter("token"):
        tokens[int(t.get("t_id"))] = (int(t.get("sentence")), " ".join((t.text or "").split()))
    doc = EcbDoc(name, topic, sub, tokens)
    events: dict[str, tuple[str, tuple[int, ...]]] = {}
    markables = root.find("Markables")
    for mk in (markables if markables is not None else []):
        anchors = tuple(sorted(int(a.get("t_id")) for a in mk.iter("token_anchor")))
        if not anchors or not EVENT_TAG.match(mk.tag):
            continue   # an instance descriptor (no anchors), or not an event
        events[mk.get("m_id")] = (mk.tag, anchors)
    chain: dict[str, str] = {}
    relations = root.find("Relations")
    for rel in (relations if relations is not None else []):
        if rel.tag == "CROSS_DOC_COREF":
            tgt = rel.find("target")
            label = rel.get("note") or (tgt.get("m_id") if tgt is not None else rel.get("r_id"))
            label = f"t{topic}/{label}"
        elif rel.tag == "INTRA_DOC_COREF":
            label = f"{name}/intra/{rel.get('r_id')}"
        else:
            continue
        for s in rel.iter("source"):
            mid = s.get("m_id")
            if mid not in events:
                continue
            if mid in chain and chain[mid] != label:
                doc.conflicts += 1
                continue
            chain[mid] = label
    for mid, (tag, anchors) in sorted(events.items(), key=lambda kv: (kv[1][1], kv[0])):
        doc.mentions.append(Mention(
            id=f"{name}#{mid}", doc=name, topic=topic, subtopic=sub, tag=tag, tids=anchors,
            sentence=tokens[anchors[0]][0] if anchors[0] in tokens else -1,
            chain=chain.get(mid, f"{name}/single/{mid}")))
    return doc


def read_selected(path: str | os.PathLike) -> dict[str, set[int]]:
    """ECBplus_coreference_sentences.csv: document stem ("1_10ecbplus") -> sentence numbers."""
    out: dict[str, set[int]] = defaultdict(set)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        next(rows, None)   # Topic,File,Sentence Number
        for row in rows:
            if len(row) < 3 or not row[0].strip():
                continue
            out[f"{row[0].strip()}_{row[1].strip()}"].add(int(row[2].strip()))
    return dict(out)


def parse_topics(spec: str | None) -> set[int] | None:
    """"1-10,12" -> {1, ..., 10, 12}; None or "" -> None (all)."""
    if not spec:
        return None
    out: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-", 1)
            out.update(range(int(a), int(b) + 1))
        else:
            out.add(int(part))
    return out


def read_corpus(corpus: str | os.PathLike, topics: set[int] | None = None,
                sentences: str | os.PathLike | None = None) -> tuple[list[EcbDoc], dict]:
    """The documents of the selected topics (sorted by topic, sub-topic, number), each with
    ``scored``: its mentions in the selected sentences; and a summary dict."""
    corpus = Path(corpus)
    sel_path = Path(sentences) if sentences else corpus / SENTENCES_CSV
    selected = read_selected(sel_path) if sel_path.exists() else None
    docs: list[EcbDoc] = []
    for d in sorted((p for p in corpus.iterdir() if p.is_dir() and p.name.isdigit()),
                    key=lambda p: int(p.name)):
        if topics is not None and int(d.name) not in topics:
            continue
        files = [f for f in d.iterdir() if DOC_NAME.match(f.name)]
        for f in sorted(files, key=lambda f: (DOC_NAME.match(f.name).group(3),
                                              int(DOC_NAME.match(f.name).group(2)))):
            docs.append(read_doc(f))
    n_sel = 0
    for doc in docs:
        keep = None if selected is None else selected.get(doc.name, set())
        doc.scored = [m for m in doc.mentions if keep is None or m.sentence in keep]
        n_sel += len(keep) if keep is not None else len(doc.sentences())
    summary = {"folder": str(corpus), "documents": len(docs),
               "topics": sorted({d.topic for d in docs}),
               "sentences_file": str(sel_path) if selected is not None else None,
               "scored_sentences": n_sel,
               "event_mentions": sum(len(d.mentions) for d in docs),
               "scored_mentions": sum(len(d.scored) for d in docs),
               "chain_conflicts": sum(d.conflicts for d in docs)}
    if selected is None:
        summary["note"] = f"no {SENTENCES_CSV}: every sentence is scored"
    return docs, summary


# ---------------------------------------------------------------------------------------------
# text: ECB+ tokens back into an article

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re",
                    "'ve", "'ll", "'d", "'m", "''", "...", "'"}
_NO_SPACE_AFTER = {"(", "[", "{", "``", "$", "#"}
_TOKEN_TEXT = {"``": '"', "''": '"', "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]"}


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A sentence's tokens as text, with each token's (start, end) in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    prev = None
    for tok in tokens:
        w = _TOKEN_TEXT.get(tok, tok) or "_"
        if prev is not None and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            out.append(" ")
            pos += 1
        spans.append((pos, pos + len(w)))
        out.append(w)
        pos += len(w)
        prev = tok
    return "".join(out), spans


@dataclass
class Built:
    """One ECB+ document through dateline's per-document stages."""
    ecb: EcbDoc
    processed: object | None            # model.Processed (None: the build rejected it)
    error: str | None
    sent_span: dict[int, tuple[int, int]]           # ECB+ sentence -> (start, end) in doc text
    tok_span: dict[int, tuple[int, int]]            # t_id -> (start, end) in doc text


def build_doc(ecb: EcbDoc, entities: bool = True) -> Built:
    """The document as ``dateline build`` would take a plain-text article dated by
    REFERENCE_DATE (``pipeline.process``), and where each ECB+ sentence and token landed."""
    from dateline.ingest import IngestError
    from dateline.model import RawDocument
    from dateline.pipeline import process

    lines, local = [], {}
    for s, tids in ecb.sentences().items():
        text, spans = detokenize([ecb.tokens[t][1] for t in tids])
        lines.append((s, text, dict(zip(tids, spans))))
    raw = RawDocument(path=f"ecbplus/{ecb.name}.txt", raw="\n".join(t for _, t, _ in lines),
                      kind="text", date=REFERENCE_DATE, ext_id=ecb.name)
    p = process(raw, entities=entities)
    if isinstance(p, IngestError):
        return Built(ecb, None, str(p), {}, {})
    text = p.document.text
    sent_span, tok_span = {}, {}
    pos = 0
    for s, stext, spans in lines:
        at = text.find(stext, pos)
        if at < 0:
            continue   # clean dropped the line (a URL, a byline) or rewrote it
        sent_span[s] = (at, at + len(stext))
        for t, (a, b) in spans.items():
            tok_span[t] = (at + a, at + b)
        pos = at + len(stext)
    return Built(ecb, p, None, sent_span, tok_span)


# ---------------------------------------------------------------------------------------------
# heads and lemmas

_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")


def simple_lemma(word: str) -> str:
    """Lower case with one common suffix stripped (the fallback without spaCy's model)."""
    w = word.lower()
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            base = w[:-len(suf)]
            if suf in ("ied", "ies"):
                base += "y"
            return base
    return w


_NLP = None


def _nlp():
    global _NLP
    if _NLP is None:
        _NLP = False
        try:
            import spacy

            from dateline.entities import SPACY_MODELS
        except Exception:   # noqa: BLE001 -- no spaCy: the fallback lemmatiser
            return _NLP
        for name in SPACY_MODELS:   # the names en_core_web_sm is installed under
            try:
                _NLP = spacy.load(name, exclude=["ner"])
                break
            except OSError:
                continue
    return _NLP


def heads_and_lemmas(docs: list[EcbDoc]) -> tuple[dict[str, int], dict[str, str], str]:
    """For each scored mention: its head token (the token of the span whose syntactic head
    is outside it; the first one without a parse) and that token's lemma
    (lower-cased). Returns (head t_id by mention id, lemma by mention id, lemmatiser name)."""
    nlp = _nlp()
    head, lemma = {}, {}
    for doc in docs:
        by_sent: dict[int, list[Mention]] = defaultdict(list)
        for m in doc.scored:
            by_sent[m.sentence].append(m)
        sents = doc.sentences()
        for s, ms in by_sent.items():
            tids = sents.get(s, [])
            words = [doc.tokens[t][1] or "_" for t in tids]
            pos_of = {t: i for i, t in enumerate(tids)}
            sp = None
            if nlp:
                from spacy.tokens import Doc
                sp = Doc(nlp.vocab, words=words)
                for _, proc in nlp.pipeline:
                    sp = proc(sp)
            for m in ms:
                idx = [pos_of[t] for t in m.tids if t in pos_of]
                if not idx:
                    head[m.id], lemma[m.id] = m.tids[0], ""
                    continue
                h = idx[0]   # verb + particle ("checked into"): the verb
                if sp is not None and len(idx) > 1:
                    inside = set(idx)
                    outside = [i for i in idx if sp[i].head.i not in inside or sp[i].head.i == i]
                    if outside:
                        h = outside[0]
                head[m.id] = tids[h]
                lemma[m.id] = (sp[h].lemma_ if sp is not None else simple_lemma(words[h])).lower()
    return head, lemma, ("spacy en_core_web_sm" if nlp else "lower-case + suffix stripping")


# ---------------------------------------------------------------------------------------------
# the systems

def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _mention_span(built: Built, m: Mention) -> tuple[int, int] | None:
    spans = [built.tok_span[t] for t in m.tids if t in built.tok_span]
    if not spans:
        return None
    return min(a for a, _ in spans), max(b for _, b in spans)


def gold_event_mentions(built: Built, mentions: list[Mention], head: dict[str, int],
                        stats: Counter) -> list[tuple[Mention, object]]:
    """One dateline EventMention per gold mention of the document (see the module
    docstring); [(gold mention, EventMention)] for those whose sentence is in the text."""
    from dateline.events import _who_where
    from dateline.model import EventMention, Span

    out = []
    if built.processed is None:
        stats["gold: document rejected by the build"] += len(mentions)
        return out
    doc = built.processed.document
    text = doc.text
    sys_ms = sorted(built.processed.event_mentions,
                    key=lambda x: (x.start, x.trigger.start if x.trigger else 0))
    ents = built.processed.entity_mentions or []
    for m in mentions:
        ss = built.sent_span.get(m.sentence)
        span = _mention_span(built, m)
        hs = built.tok_span.get(head.get(m.id, m.tids[0]))
        if ss is None or span is None or hs is None:
            stats["gold: sentence not in the cleaned text"] += 1
            continue
        trig = Span(text[hs[0]:hs[1]], hs[0], hs[1])
        same = [x for x in sys_ms if x.start < ss[1] and ss[0] < x.end and x.date]
        hit = next((x for x in same if x.trigger and _overlaps((x.trigger.start, x.trigger.end),
                                                                span)), None)
        if hit is None and same:
            hit = min(same, key=lambda x: abs((x.trigger.start if x.trigger else x.start)
                                              - span[0]))
            stats["gold: features of the sentence's nearest dateline mention"] += 1
        elif hit is not None:
            stats["gold: features of the dateline mention with this trigger"] += 1
        if hit is not None:
            em = EventMention(doc=doc.id, start=ss[0], end=ss[1], quote=text[ss[0]:ss[1]],
                              trigger=trig, date=hit.date, date_how=hit.date_how, time=hit.time,
                              modality=hit.modality, attributed_to=hit.attributed_to,
                              actors=list(hit.actors), places=list(hit.places),
                              sentence_index=m.sentence)
        else:
            stats["gold: no dateline mention in the sentence (reference date)"] += 1
            in_sent = [e for e in ents if ss[0] <= e.start and e.end <= ss[1]]
            actors, places = _who_where(in_sent, None, text, ss[0], ss[1]) if in_sent \
                else ([], [])
            em = EventMention(doc=doc.id, start=ss[0], end=ss[1], quote=text[ss[0]:ss[1]],
                              trigger=trig, date=REFERENCE_DATE, date_how="publication",
                              modality="asserted", actors=actors, places=places,
                              sentence_index=m.sentence)
        out.append((m, em))
    return out


def link_gold(topic_built: list[Built], scored: dict[str, list[Mention]], head: dict[str, int],
              stats: Counter) -> tuple[dict[str, str], dict[str, object]]:
    """link() over one topic's gold mentions: {mention id: event id}, {mention id:
    EventMention}; a mention link() left out (no usable date) is its own singleton."""
    from dateline.link import link

    pairs_by_doc = {}
    for b in topic_built:
        pairs_by_doc[b.ecb.name] = gold_event_mentions(b, scored.get(b.ecb.name, []), head, stats)
    docs = [b.processed.document for b in topic_built if b.processed is not None]
    events_by_doc: dict[str, list] = defaultdict(list)
    entities_by_doc = {}
    by_obj: dict[int, str] = {}
    by_key: dict[tuple, list[str]] = defaultdict(list)
    ems = {}
    for b in topic_built:
        if b.processed is None:
            continue
        did = b.processed.document.id
        entities_by_doc[did] = b.processed.entity_mentions or []
        for m, em in pairs_by_doc[b.ecb.name]:
            events_by_doc[did].append(em)
            by_obj[id(em)] = m.id
            by_key[(em.doc, em.start, em.trigger.start, em.trigger.end)].append(m.id)
            ems[m.id] = em
    _, events = link(docs, dict(events_by_doc), entities_by_doc)
    assign: dict[str, str] = {}
    for ev in events:
        for src in ev.sources:
            mid = by_obj.get(id(src))
            if mid is None or mid in assign:   # link() replaced the object (a date fixed)
                mid = next((x for x in by_key[(src.doc, src.start, src.trigger.start,
                                               src.trigger.end)] if x not in assign), None)
            if mid is not None:
                assign[mid] = ev.id
    return assign, ems


def link_system(topic_built: list[Built]) -> dict[tuple[str, int, int], str]:
    """link() over one topic's own dateline mentions, as the build runs it: {(doc id, trigger
    start, trigger end): event id} (the first event in timeline order for a trigger that
    has two)."""
    from dateline.link import link

    docs = [b.processed.document for b in topic_built if b.processed is not None]
    events_by_doc = {b.processed.document.id: b.processed.event_mentions for b in topic_built
                     if b.processed is not None}
    entities_by_doc = {b.processed.document.id: b.processed.entity_mentions or []
                       for b in topic_built if b.processed is not None}
    _, events = link(docs, events_by_doc, entities_by_doc)
    out = {}
    for ev in events:
        for m in ev.sources:
            if m.trigger:
                out.setdefault((m.doc, m.trigger.start, m.trigger.end), ev.id)
    return out


def e2e_assign(topic_built: list[Built], scored: dict[str, list[Mention]],
               trig_event: dict[tuple[str, int, int], str], stats: Counter) -> dict[str, str]:
    """Gold mention -> the event of the dateline mention whose trigger overlaps it."""
    assign = {}
    for b in topic_built:
        if b.processed is None:
            continue
        did = b.processed.document.id
        trigs = sorted((s, e, ev) for (d, s, e), ev in trig_event.items() if d == did)
        for m in scored.get(b.ecb.name, []):
            span = _mention_span(b, m)
            if span is None:
                continue
            ev = next((ev for s, e, ev in trigs if _overlaps((s, e), span)), None)
            if ev is not None:
                assign[m.id] = ev
                stats["e2e: gold mentions dateline detected"] += 1
    return assign


# ---------------------------------------------------------------------------------------------
# the run

def group_of(topic: int) -> str:
    for a, b in GROUPS:
        if a <= topic <= b:
            return f"{a}-{b}"
    return "other"


def _score_sets(mentions: list[Mention], system: dict[str, str]) -> dict:
    key = clusters_of({m.id: m.chain for m in mentions})
    resp = clusters_of({m.id: system.get(m.id, ("single", m.id)) for m in mentions})
    s = scores(key, resp)
    s["mentions"] = len(mentions)
    s["gold_chains"] = len(key)
    s["system_clusters"] = len(resp)
    return s


def _pair(a, b) -> tuple[float, str, float]:
    """link()'s own similarity of two EventMentions (link._sim, with their actor and place
    names standing in for entity ids and no document likeness), how their triggers relate
    (same lemma / synonyms / event class / none) and the word overlap of their sentences
    (Jaccard of link's stems)."""
    from dateline.link import _M, _sim, _trigger_match
    x = _M(a, a.date, set(a.actors + a.places), a.doc, set(a.places))
    y = _M(b, b.date, set(b.actors + b.places), b.doc, set(b.places))
    rel = "same trigger lemma" if x.lemma and x.lemma == y.lemma else \
        "synonym triggers" if x.syn & y.syn else \
        "same event class" if _trigger_match(x, y) else "unrelated triggers"
    words = len(x.stems & y.stems) / (len(x.stems | y.stems) or 1)
    return _sim(x, y), rel, words


def _why_apart(a, b) -> str:
    """Why link() kept two gold-coreferent mentions apart (its own tests, in its order)."""
    from dateline.link import _M, _date_factor
    from dateline.settings import SETTINGS
    if a is None or b is None:
        return "not passed to link() (document rejected by the build)"
    if a.doc == b.doc and a.start == b.start:
        return "same sentence (link() keeps one sentence's events apart)"
    fam = {"planned": "planned"}
    if fam.get(a.modality, "happened") != fam.get(b.modality, "happened"):
        return "planned vs happened"
    if _date_factor(_M(a, a.date, set(), a.doc), _M(b, b.date, set(), b.doc)) == 0.0:
        if REFERENCE_DATE in (a.date, b.date):
            return "dates incompatible: one dated by the reference date, one by its text"
        return "dates incompatible (both from the text)"
    sim, rel, _ = _pair(a, b)
    if sim > SETTINGS.link.THRESHOLD:
        return f"pair above the threshold ({rel}), apart by the clustering (cluster mean)"
    return f"pair below the threshold: {rel}"


def _why_merged(a, b) -> str:
    """What joined two mentions of different gold chains in one cluster."""
    from dateline.settings import SETTINGS
    if a is None or b is None:
        return "?"
    sim, rel, words = _pair(a, b)
    if sim <= SETTINGS.link.THRESHOLD:
        return ("the pair alone below the threshold (joined through other mentions, or by "
                "the articles' likeness, which this pair score leaves out)")
    if words >= SETTINGS.link.SAME_SENTENCE_WORDS:
        return "pair above the threshold: near-identical sentences"
    return f"pair above the threshold: {rel}"


def error_analysis(mentions: list[Mention], system: dict[str, str], ems: dict,
                   text_of: dict[str, str], limit: int = 25) -> dict:
    """Counts of wrong merges and missed links (mention pairs) with examples."""
    def show(m: Mention) -> dict:
        em = ems.get(m.id)
        return {"mention": m.id, "text": text_of.get(m.id, ""), "chain": m.chain,
                "date": em.date if em else None, "modality": em.modality if em else None,
                "sentence": em.quote[:200] if em else None}

    merges: Counter = Counter()
    merge_why: Counter = Counter()
    merge_ex: dict[str, list] = defaultdict(list)
    by_sys: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.id in system:
            by_sys[system[m.id]].append(m)
    for ms in by_sys.values():
        for i, a in enumerate(ms):
            for b in ms[i + 1:]:
                if a.chain == b.chain:
                    continue
                kind = "same sub-topic" if a.subtopic == b.subtopic else \
                    "across sub-topics (the look-alike event)"
                merges[kind] += 1
                why = _why_merged(ems.get(a.id), ems.get(b.id))
                merge_why[why] += 1
                if len(merge_ex[why]) < limit:
                    merge_ex[why].append([show(a), show(b)])
    splits: Counter = Counter()
    split_ex: dict[str, list] = defaultdict(list)
    by_chain: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_chain[m.chain].append(m)
    for ms in by_chain.values():
        for i, a in enumerate(ms):
            for b in ms[i + 1:]:
                if system.get(a.id, a.id) == system.get(b.id, b.id):
                    continue
                why = _why_apart(ems.get(a.id), ems.get(b.id))
                splits[why] += 1
                if len(split_ex[why]) < limit:
                    split_ex[why].append([show(a), show(b)])
    return {"wrong_merge_pairs": dict(merges.most_common()),
            "wrong_merge_why": dict(merge_why.most_common()), "merge_examples": dict(merge_ex),
            "missed_link_pairs": dict(splits.most_common()), "split_examples": dict(split_ex)}


def run(docs: list[EcbDoc], entities: bool = True) -> dict:
    t0 = time.perf_counter()
    head, lemma, lemmatiser = heads_and_lemmas(docs)
    t_lemma = time.perf_counter() - t0
    built_by_topic: dict[int, list[Built]] = defaultdict(list)
    t1 = time.perf_counter()
    for d in docs:
        built_by_topic[d.topic].append(build_doc(d, entities=entities))
    t_build = time.perf_counter() - t1
    stats: Counter = Counter()
    gold_sys, e2e_sys, base_sys, ems_all = {}, {}, {}, {}
    text_of = {}
    t2 = time.perf_counter()
    for topic, blt in sorted(built_by_topic.items()):
        scored = {b.ecb.name: b.ecb.scored for b in blt}
        for b in blt:
            for m in b.ecb.scored:
                text_of[m.id] = " ".join(b.ecb.tokens[t][1] for t in m.tids)
                base_sys[m.id] = f"t{topic}/{lemma.get(m.id, '')}"
        assign, ems = link_gold(blt, scored, head, stats)
        gold_sys.update({k: f"t{topic}/{v}" for k, v in assign.items()})
        ems_all.update(ems)
        trig_event = link_system(blt)
        e2e_sys.update({k: f"t{topic}/{v}" for k, v in
                        e2e_assign(blt, scored, trig_event, stats).items()})
    t_link = time.perf_counter() - t2
    for b in (b for blt in built_by_topic.values() for b in blt):
        if b.error:
            stats["documents rejected by the build"] += 1
    mentions = [m for d in docs for m in d.scored]
    systems = {"dateline": gold_sys, "dateline_e2e": e2e_sys, "baseline": base_sys}
    res: dict = {"setting": "gold mentions; within-topic clustering (both sub-topics of a topic "
                            "together); every scored mention at once; reference date "
                            + REFERENCE_DATE,
                 "lemmatiser": lemmatiser, "stats": dict(sorted(stats.items()))}
    for name, sysmap in systems.items():
        out = {"overall": _score_sets(mentions, sysmap), "groups": {}, "topics": {}}
        for g in sorted({group_of(m.topic) for m in mentions},
                        key=lambda g: int(g.split("-")[0]) if g[0].isdigit() else 999):
            out["groups"][g] = _score_sets([m for m in mentions if group_of(m.topic) == g], sysmap)
        for t in sorted({m.topic for m in mentions}):
            out["topics"][str(t)] = _score_sets([m for m in mentions if m.topic == t], sysmap)
        res[name] = out
    res["errors"] = error_analysis(mentions, gold_sys, ems_all, text_of)
    res["timings"] = {"lemmas_s": round(t_lemma, 1), "build_s": round(t_build, 1),
                      "link_s": round(t_link, 1)}
    return res


def print_table(res: dict) -> None:
    c = res["corpus"]
    print(f"ECB+ {c['folder']}: {c['documents']} documents, topics "
          f"{c['topics'][0]}-{c['topics'][-1]} ({len(c['topics'])}), {c['scored_mentions']} "
          f"scored event mentions of {c['event_mentions']} "
          f"({c.get('note') or 'selected sentences: ' + str(c['scored_sentences'])})")
    print(f"setting: {res['setting']}; baseline lemmas: {res['lemmatiser']}")
    names = {"dateline": "dateline link() on gold mentions",
             "dateline_e2e": "dateline end to end (own mentions)",
             "baseline": "same-lemma baseline"}
    hdr = f"  {'system':<36} {'topics':<7} {'MUC':>6} {'B3':>6} {'CEAFe':>6} {'CoNLL':>6}"
    print(hdr)
    for key, label in names.items():
        r = res[key]
        rows = [("all", r["overall"])] + list(r["groups"].items())
        for g, s in rows:
            print(f"  {label:<36} {g:<7} {s['muc']['F1']:>6.3f} {s['b3']['F1']:>6.3f} "
                  f"{s['ceaf_e']['F1']:>6.3f} {s['conll_f1']:>6.3f}")
            label = ""
    o = res["dateline"]["overall"]
    print(f"  dateline overall R/P: MUC {o['muc']['R']:.3f}/{o['muc']['P']:.3f}  "
          f"B3 {o['b3']['R']:.3f}/{o['b3']['P']:.3f}  CEAFe {o['ceaf_e']['R']:.3f}/"
          f"{o['ceaf_e']['P']:.3f}; {o['system_clusters']} clusters for {o['gold_chains']} "
          "gold chains")
    for k, v in res["stats"].items():
        print(f"  {k}: {v}")
    e = res["errors"]
    print("  dateline wrong merges (mention pairs): " +
          ", ".join(f"{k} {v}" for k, v in e["wrong_merge_pairs"].items()))
    print("  dateline wrong merges, why: " +
          ", ".join(f"{k} {v}" for k, v in e["wrong_merge_why"].items()))
    print("  dateline missed links (mention pairs): " +
          ", ".join(f"{k} {v}" for k, v in e["missed_link_pairs"].items()))
    t = res["timings"]
    print(f"  time: build {t['build_s']} s, lemmas {t['lemmas_s']} s, link {t['link_s']} s, "
          f"total {t['total_s']} s")


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS),
                    help="a folder of ECB+ topic folders")
    ap.add_argument("--sentences", help=f"the selected sentences (default: {SENTENCES_CSV} "
                                         "in the corpus folder)")
    ap.add_argument("--topics", help="topic numbers, e.g. 1-35 or 1-10,12 (default: all)")
    ap.add_argument("--json", help="write the figures as JSON to this file")
    ap.add_argument("--no-entities", action="store_true",
                    help="skip the entity stage (no actors or places; faster)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    docs, summary = read_corpus(a.corpus, parse_topics(a.topics), a.sentences)
    if not docs:
        raise SystemExit(f"no ECB+ documents under {a.corpus}")
    res = run(docs, entities=not a.no_entities)
    res = {"corpus": summary, **res}
    res["timings"]["total_s"] = round(time.perf_counter() - t0, 1)
    print_table(res)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(res, fh, indent=2, ensure_ascii=False)
    return res


if __name__ == "__main__":
    main()
