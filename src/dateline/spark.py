"""The Spark runner (`dateline build --engine spark`): the build's stages on a Spark cluster.

The same stage functions as the local runner (dateline.pipeline), scheduled by Spark:

- ingest: files come to executors as bytes (``SparkContext.binaryFiles``, so any path Spark
  reads: local, HDFS, S3 ...) and are read by ``ingest.read_bytes``, the local readers;
- the per-document stages (``pipeline.process``: clean, languages, times, entities, event
  mentions, MinHash signatures) in ``mapPartitions``: the models (spaCy, the gazetteer, the
  language identifier) load once per Python worker, which Spark reuses across tasks;
- dating from the corpus: the corpus's publication days are a distinct over the documents,
  broadcast to ``pipeline.dateline_day`` on the executors;
- dedupe: exact copies are a group by text hash, near-duplicate candidates a group by LSH band
  key (``dedupe.band_keys``, ``dedupe.bucket_pairs``), verified by the exact shingle Jaccard
  on the executors after a join with the texts; clusters are connected components found by
  min-label propagation (a join per round), and each cluster's canonical copy is chosen by
  ``dedupe.canonical_key``. The same for paragraphs repeated across documents.

The result is Parquet, one table per per-document table of the store with its columns
(``store.sqlite.DOCUMENT_COLUMNS``, ``CHILD_COLUMNS``, duplicate_of and grp filled in), plus a
``meta`` table (topic, counters). ``dateline import DIR --db X`` loads it into a database and
runs the stages that remain (``pipeline.finish`` with ``deduped=True``: linking, ranking,
commitments, conflicts) with the local code, so every other command works on the result.

pyspark is an optional extra (``pip install 'dateline[spark]'``) and needs Java 17.
"""
from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from . import dedupe
from .ingest import SUPPORTED, IngestError, discover, read_bytes, sanitize, suffix_of
from .settings import SETTINGS
from .store.sqlite import CHILD_COLUMNS, DOCUMENT_COLUMNS, document_rows

TABLES = ("documents",) + tuple(CHILD_COLUMNS)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class SparkUnavailable(Exception):
    """pyspark is not installed, or Spark cannot start (no Java)."""


def session(master: str | None = None, app: str = "dateline"):
    """A SparkSession (the active one if there is one and no master is asked for)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable("--engine spark needs pyspark: pip install 'dateline[spark]'") from None
    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    import sys

    builder = SparkSession.builder.appName(app).config("spark.ui.showConsoleProgress", "false")
    if master:
        builder = builder.master(master)
    elif not os.environ.get("SPARK_HOME") and "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        builder = builder.master("local[*]")
    if (master or "local").startswith("local") and not os.environ.get("PYSPARK_PYTHON"):
        # local workers run this interpreter (the venv with dateline, spaCy and its model),
        # not whatever `python3` is on the PATH; on a cluster, spark-submit's settings decide
        # (pyspark reads PYSPARK_PYTHON when the context starts; the conf key alone is not enough)
        os.environ["PYSPARK_PYTHON"] = sys.executable
    try:
        spark = builder.getOrCreate()
    except Exception as e:  # no java, a bad master URL: one line, not a JVM trace
        raise SparkUnavailable(f"cannot start Spark: {type(e).__name__}: {e}".splitlines()[0]) from None
    spark.sparkContext.setLogLevel("ERROR")
    return spark


@dataclass
class SparkReport:
    out: str
    documents: int = 0
    failed: list[str] = field(default_factory=list)
    counters: Counter = field(default_factory=Counter)


def _local_key(uri: str) -> str:
    """A file's path as both sides spell it: Spark's 'file:/a/b' and the driver's /a/b."""
    if uri.startswith("file:"):
        uri = "/" + uri[5:].lstrip("/")
    return os.path.abspath(uri) if not _SCHEME.match(uri) else uri


def _inputs(paths: Iterable[str], counters: Counter) -> tuple[list[str], dict[str, tuple], list[str]]:
    """What Spark should read (paths or URIs), the name and rank of each local file (the
    local runner's names and order, so both runners store the same paths), and errors."""
    spark_paths, names, errors = [], {}, []
    local = []
    for p in paths:
        if _SCHEME.match(str(p)) and not str(p).startswith("file:"):
            spark_paths.append(str(p))      # hdfs://, s3a://, ...: Spark lists it
        else:
            local.append(str(p)[5:] if str(p).startswith("file:") else str(p))
    for item in discover(local, counters):
        if isinstance(item, IngestError):
            errors.append(str(item))
            continue
        from .ingest import display
        key = _local_key(str(item))
        if key not in names:
            names[key] = (len(names), display(item))
            spark_paths.append(Path(key).as_uri())
    return spark_paths, names, errors


def _read_file(names: dict, item):
    """(uri, bytes) -> ("doc", doc_id, rank, RawDocument) | ("err", message)."""
    uri, data = item
    key = _local_key(uri)
    rank, name = names.get(key, (len(names), uri))
    suffix = suffix_of(Path(key))
    if suffix not in SUPPORTED:
        return
    for k, doc in enumerate(read_bytes(name, suffix, bytes(data))):
        if isinstance(doc, IngestError):
            yield ("err", str(doc))
        else:
            doc = sanitize(doc)
            yield ("doc", doc.doc_id, (rank, name, k), doc)


def _process_partition(entities: bool, docs):
    from .pipeline import process
    for raw in docs:
        yield process(raw, entities=entities)


def _redate(known, p):
    """A processed document dated by its dateline and the corpus (pipeline.dateline_day)."""
    from .pipeline import dateline_day, redate
    day = dateline_day(p.document, known)
    if not day:
        return p, False
    doc = replace(p.document)
    events = redate(doc, day, p.entity_mentions)
    return replace(p, document=doc, event_mentions=events), True


def components(edges, parts: int):
    """Connected components of an edge RDD [(a, b)] as [(vertex, least vertex of its
    component)]: min-label propagation, one join per round until no label changes (rounds:
    the components' diameter, small for copies of copies)."""
    # a fixed number of partitions: a union's partitions add up, round after round
    adj = edges.flatMap(lambda e: [(e[0], e[1]), (e[1], e[0])]).partitionBy(parts).cache()
    labels = adj.map(lambda kv: (kv[0], kv[0])).distinct(parts).cache()
    while True:
        new = adj.join(labels, parts).map(lambda x: (x[1][0], x[1][1])).union(labels) \
            .reduceByKey(min, parts).cache()
        changed = new.join(labels).filter(lambda x: x[1][0] != x[1][1]).count()
        labels.unpersist()
        labels = new
        if not changed:
            break
    adj.unpersist()
    return labels


def _near_edges(sigs, texts, threshold: float, parts: int, cross_doc: bool = False):
    """Pairs of keys whose shingle Jaccard is at least threshold: candidates are the pairs of
    a band bucket (a group by (band, key)), verified on the executors (dedupe._near_pairs
    does the same in one process)."""
    def bands(kv):
        key, blob = kv
        row = dedupe.band_keys(dedupe.signature_matrix([blob]))[0]
        return [((b, int(k)), key) for b, k in enumerate(row.tolist())]

    pairs = sigs.flatMap(bands).groupByKey(parts) \
        .flatMap(lambda kv: dedupe.bucket_pairs(sorted(kv[1]))).distinct(parts)
    if cross_doc:
        pairs = pairs.filter(lambda ab: ab[0][0] != ab[1][0])
    shingles = texts.mapValues(dedupe.shingle_set)
    return pairs.join(shingles, parts).map(lambda x: (x[1][0], (x[0], x[1][1]))) \
        .join(shingles, parts) \
        .filter(lambda x: dedupe.jaccard(x[1][0][1], x[1][1]) >= threshold) \
        .map(lambda x: (x[1][0][0], x[0]))


def _dedupe(rows, counters: Counter, parts: int):
    """duplicate_of per document and grp per paragraph (the local dedupe.run, in Spark):
    returns RDDs [(doc id, canonical id)] and [((doc, seq), group id)]."""
    st = SETTINGS.dedupe
    docs = rows.map(lambda r: r["documents"][0])   # DOCUMENT_COLUMNS
    meta = docs.map(lambda d: (d[0], (d[6], len(d[9]), d[10]))).cache()
    exact = docs.map(lambda d: (d[10], d[0])).groupByKey(parts) \
        .flatMap(lambda kv: [(min(kv[1]), o) for o in kv[1] if o != min(kv[1])])
    near = _near_edges(docs.filter(lambda d: d[11] is not None).map(lambda d: (d[0], d[11])),
                       docs.map(lambda d: (d[0], d[9])), st.DOC_THRESHOLD, parts)
    comp = components(exact.union(near), parts)

    def canon(kv):
        members = list(kv[1])   # (id, (published, length, hash))
        c = min(members, key=lambda m: dedupe.canonical_key(m[1][0], m[1][1], m[0]))
        return [(m[0], c[0], m[1][2] == c[1][2]) for m in members if m[0] != c[0]]
    dups = comp.join(meta, parts).map(lambda x: (x[1][0], (x[0], x[1][1]))).groupByKey(parts) \
        .flatMap(canon).cache()
    for same_hash, n in dups.map(lambda d: (d[2], 1)).countByKey().items():
        counters["exact_duplicates" if same_hash else "near_duplicates"] += n
    dup_of = dups.map(lambda d: (d[0], d[1]))

    def para_items(r):
        (d,) = r["documents"]
        for p in r["paragraphs"]:   # CHILD_COLUMNS["paragraphs"]
            if p[5] is not None:
                yield (p[0], p[1]), p[5], d[9][p[2]:p[3]]
    paras = rows.flatMap(para_items).cache()
    pnear = _near_edges(paras.map(lambda x: (x[0], x[1])), paras.map(lambda x: (x[0], x[2])),
                        st.PARA_THRESHOLD, parts, cross_doc=True)
    pcomp = components(pnear, parts)

    def groups(kv):
        keys = list(kv[1])
        if len({k[0] for k in keys}) > 1:
            gid = dedupe.group_id(keys)
            return [(k, gid) for k in keys]
        return []
    grp = pcomp.map(lambda kv: (kv[1], kv[0])).groupByKey(parts).flatMap(groups).cache()
    counters["repeated_paragraphs"] = grp.count()
    paras.unpersist()
    meta.unpersist()
    return dup_of, grp


def _schemas():
    from pyspark.sql.types import BinaryType, IntegerType, StringType, StructField, StructType

    binary = {"minhash"}
    ints = {"seq", "start", "end"}

    def schema(cols):
        return StructType([StructField(c, BinaryType() if c in binary else
                                       IntegerType() if c in ints else StringType(), True)
                           for c in cols])
    out = {"documents": schema(DOCUMENT_COLUMNS)}
    out.update({t: schema(c) for t, c in CHILD_COLUMNS.items()})
    return out


def build(paths: Iterable[str], out: str, master: str | None = None, entities: bool = True,
          topic: str | None = None, on_error: Callable[[str], None] | None = None,
          spark=None, partitions: int | None = None) -> SparkReport:
    """Build the per-document tables of paths, dated and deduplicated as one corpus, into
    Parquet tables under out (see the module docstring). Errors are reported, never raised."""
    spark = spark or session(master)
    sc = spark.sparkContext
    report = SparkReport(out=str(out))
    spark_paths, names, errors = _inputs(paths, report.counters)
    for e in errors:
        report.failed.append(e)
        if on_error:
            on_error(e)
    if not spark_paths:
        return report   # nothing readable: the errors say why
    names_b = sc.broadcast(names)
    parts = partitions or max(2, sc.defaultParallelism)
    items = sc.binaryFiles(",".join(spark_paths), minPartitions=parts) \
        .flatMap(lambda kv: _read_file(names_b.value, kv)).cache()
    for e in items.filter(lambda x: x[0] == "err").map(lambda x: x[1]).collect():
        report.failed.append(e)
        if on_error:
            on_error(e)
    raw = items.filter(lambda x: x[0] == "doc").map(lambda x: (x[1], (x[2], x[3])))
    # one document per id (ids are content hashes): the first in the local runner's order
    raw = raw.reduceByKey(lambda a, b: min(a, b, key=lambda v: v[0]), numPartitions=parts)
    report.counters["replaced characters"] = raw.map(lambda kv: kv[1][1].replaced).sum()
    ents = entities
    processed = raw.map(lambda kv: kv[1][1]) \
        .mapPartitions(lambda docs: _process_partition(ents, docs)).cache()
    for e in processed.filter(lambda p: isinstance(p, IngestError)).map(str).collect():
        report.failed.append(e)
        if on_error:
            on_error(e)
    good = processed.filter(lambda p: not isinstance(p, IngestError))
    from .pipeline import known_days
    known = known_days(good.map(lambda p: p.document.published).filter(bool).distinct().collect())
    known_b = sc.broadcast(known)
    dated = good.map(lambda p: _redate(known_b.value, p)).cache()
    report.counters["dated from corpus"] = dated.filter(lambda x: x[1]).count()
    rows = dated.map(lambda x: document_rows(x[0])).cache()
    processed.unpersist()
    items.unpersist()
    counts = rows.map(lambda r: (len(r["dropped"]), len(r["times"]), 1)) \
        .fold((0, 0, 0), lambda a, b: (a[0] + b[0], a[1] + b[1], a[2] + b[2]))
    report.counters["dropped_lines"], report.counters["time_expressions"] = counts[0], counts[1]
    report.documents = counts[2]
    dup_of, grp = _dedupe(rows, report.counters, parts)
    schemas = _schemas()
    base = str(out).rstrip("/")

    def write(table, rdd):
        spark.createDataFrame(rdd, schemas[table]).write.mode("overwrite") \
            .parquet(f"{base}/{table}")
    docs = rows.map(lambda r: (r["documents"][0][0], r["documents"][0])) \
        .leftOuterJoin(dup_of, parts) \
        .map(lambda x: x[1][0][:-1] + (x[1][1],))
    write("documents", docs)
    paras = rows.flatMap(lambda r: [((p[0], p[1]), p) for p in r["paragraphs"]]) \
        .leftOuterJoin(grp, parts).map(lambda x: x[1][0][:-1] + (x[1][1],))
    write("paragraphs", paras)
    for table in CHILD_COLUMNS:
        if table != "paragraphs":
            write(table, rows.flatMap(lambda r, t=table: r[t]))
    meta = [("topic", topic.strip() if topic and topic.strip() else None),
            ("counters", json.dumps(dict(report.counters)))]
    spark.createDataFrame(meta, "key string, value string").coalesce(1).write \
        .mode("overwrite").parquet(f"{base}/meta")
    rows.unpersist()
    dated.unpersist()
    return report
