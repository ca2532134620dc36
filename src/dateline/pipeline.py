"""The build: ingest -> clean -> annotate (times) -> store in batches -> dedupe.

Each stage is a plain function over one record; this module only schedules them (in-process
for small inputs, a process pool otherwise) and writes one transaction per batch.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import re
import sqlite3
import threading
import time
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Callable, Iterable

from . import budget, dedupe
from .clean import CleanError, clean
from .events import extract_events
from .ingest import IngestError, read_all
from .ingest import count as count_inputs
from .lang.en import events as EN
from .lang.en.calendar import MONTH_NAMES, MONTHS
from .lang.ru import events as RU
from .model import Document, Processed, RawDocument
from .sentences import DATELINE_MONTH_DAY
from .settings import SETTINGS
from .store import Store
from .store.sqlite import explain
from .time import infer_published, tag


def annotate(doc: Document) -> Document:
    """Time expressions, anchored on the publication date (inferred when the text has none)."""
    if not doc.published:
        # An embedded post (removed as debris) still dates the article: it cannot be older
        # than what it embeds. Its lines are evidence for the inference, never tagged text.
        embeds = [d.text for d in doc.dropped if d.reason == "embedded social post"]
        inferred = infer_published("\n\n".join([doc.text] + embeds))
        if inferred:
            doc.published, doc.published_how = inferred, "inferred"
    doc.times = tag(doc.text, doc.published)
    return doc


def entity_mentions(doc: Document) -> list:
    from .entities import extract

    return extract(doc.text, doc.languages[0] if doc.languages else None)


def event_mentions(doc: Document, ents: list | None) -> list:
    # within the budget: the corpus-level stages compare a document's mentions pairwise
    return budget.cut_events(extract_events(doc, ents, None), doc.cut)


# Progress of the per-article pass: a counter the workers share (a multiprocessing.Value set
# by _count_cleaned in each worker, or in this process for small batches) that each document
# bumps once it is cleaned and time-tagged, so the "clean" bar moves ahead of the "entities"
# bar by the documents still in the models; None outside a build with a progress callback.
_CLEANED = None


def _count_cleaned(counter) -> None:
    global _CLEANED
    _CLEANED = counter


def process(raw: RawDocument, entities: bool = True) -> Processed | IngestError:
    """One raw document through every per-document stage. Never raises: errors come back.

    Returns the document with its hash, MinHashes and mentions (``model.Processed``)."""
    try:
        # each stage on the budget's clock (budget.clock): one that runs over skips this
        # document with an error line, never the batch
        with budget.clock("clean"):
            doc = clean(raw)
        with budget.clock("times"):
            doc = annotate(doc)
        if _CLEANED is not None:
            with _CLEANED.get_lock():
                _CLEANED.value += 1
        with budget.clock("dedupe"):
            sig, para_sigs = dedupe.signatures(doc.text, [(p.start, p.end) for p in doc.paragraphs])
            text_hash = dedupe.normalized_hash(doc.text)
        with budget.clock("entities"):
            ents = entity_mentions(doc) if entities else None
        with budget.clock("events"):
            evs = event_mentions(doc, ents)
        return Processed(document=doc, text_hash=text_hash, minhash=sig,
                         paragraph_minhashes=para_sigs, entity_mentions=ents, event_mentions=evs)
    except budget.OverBudget as e:
        return IngestError(raw.path, str(e))
    except CleanError as e:
        return IngestError(raw.path, str(e))
    except RecursionError:
        return IngestError(raw.path, "document too deeply nested to parse")
    except Exception as e:  # a bug or a pathological input must not sink the batch
        return IngestError(raw.path, f"failed to process: {type(e).__name__}: {e}".splitlines()[0])


@dataclass
class BuildReport:
    db: str
    added: int = 0
    already: int = 0
    failed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # inputs stored, with something to say
    counters: Counter = field(default_factory=Counter)
    documents: int = 0
    timings: dict = field(default_factory=dict)   # seconds per corpus-level stage


# a year written out, and a day of a month without one (lang/en/events.py): English months
# by their first three letters (the calendar's), Russian ones by their stems after a day
_YEAR = re.compile(EN.YEAR)
_EN_MONTHS = "|".join(m[:3] for m in MONTH_NAMES)
_MONTH_DAY = re.compile(
    EN.MONTH_BEFORE_DAY.replace("<month>", _EN_MONTHS) + "|"
    + EN.DAY_BEFORE_MONTH.replace("<month>", _EN_MONTHS + "|" + "|".join(RU.MONTH_DAY_STEMS)),
    re.I)


def rests_on_inferred_date(doc: Document, m) -> bool:
    """An event date is uncertain when the document's publication date was inferred and the
    date depends on it: dated by publication; a weekday or relative expression ("on
    Wednesday", "yesterday"); or a day without a year when the text never states that year."""
    if doc.published_how != "inferred" or not m.date:
        return False
    if m.date_how == "publication" or m.time is None:
        return True
    if _YEAR.search(m.time.text):
        return False
    if _MONTH_DAY.search(m.time.text):
        return m.date[:4] not in _YEAR.findall(doc.text)
    return True


def year_against_tense(doc: Document, m) -> bool:
    """A day without a year that the tagger put after the publication date although its
    clause is in the past tense ("May 6 : Private X was killed" in a list of 2 May 2005: the
    tagger keeps the nearest May 6 when last year's is far off, and the list never says which
    year): the year is a guess the sentence argues against."""
    if m.time is None or not m.date or len(m.date) < 10 or m.modality == "planned":
        return False
    if _YEAR.search(m.time.text) or not _MONTH_DAY.search(m.time.text):
        return False
    pub = (doc.published or "")[:10]
    if not pub or m.date[:10] <= pub or m.trigger is None:
        return False
    # the tense of the event's own verb group ("was killed"), not of the time's sentence: a
    # list line "May 6 : ..." is cut at its colon by the tagger's sentence rule
    from .time.normalize import tense_markers
    window = SETTINGS.ingest.YEAR_TENSE_WINDOW
    marks = list(tense_markers(doc.text, max(0, m.trigger.start - window), m.trigger.end))
    return bool(marks) and all(x.group("p") for x in marks)


def date_is_uncertain(doc: Document, m) -> bool:
    """``EventMention.uncertain``: the date rests on an inferred publication date, or its year
    is a guess against the clause's tense."""
    return rests_on_inferred_date(doc, m) or year_against_tense(doc, m)


def mark_mentions(doc: Document, mentions: list, repeated_spans: list[tuple[int, int]]) -> list:
    """What a document's event mentions can tell only after dedupe: whether each is in a
    paragraph repeated from other documents, and whether its date is uncertain."""
    for m in mentions:
        m.repeated = any(a <= m.start and m.end <= b for a, b in repeated_spans)
        m.uncertain = date_is_uncertain(doc, m)
    return mentions


@contextmanager
def _timed(timings: dict, stage: str):
    t0 = time.perf_counter()
    yield
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - t0



def known_days(published: Iterable[str | None]) -> list:
    """The publication days of the corpus (exact days only), sorted: the statistic that
    dates undated wire copy (``dateline_day``). A corpus-level aggregate: the Spark runner
    computes it with a distinct over the documents and broadcasts it."""
    from .timeline import date_interval

    return sorted({iv[0] for p in published if p
                   and (iv := date_interval(p[:10])) and iv[0] == iv[1]})


def dateline_day(doc: Document, known: list) -> str | None:
    """An undated document whose dateline gives a day but no year ("LISBOA, March 11
    (Atlantic Wire) -", wire copy with no year anywhere in the text): the year that puts that
    day nearest to the other articles' publication days (known), when one is within
    ``SETTINGS.ingest.DATELINE_YEAR_DAYS``; as an ISO date, else None."""
    import datetime as dt

    if doc.published or not known:
        return None
    m = DATELINE_MONTH_DAY.search(doc.text[:400])
    if not m:
        return None
    mon, day = MONTHS[m.group("mon").lower()], int(m.group("day"))
    best = None
    for y in range(known[0].year - 1, known[-1].year + 2):
        try:
            cand = dt.date(y, mon, day)
        except ValueError:
            continue
        gap = min(abs((cand - k).days) for k in known)
        if best is None or gap < best[0]:
            best = (gap, cand)
    if best is None or best[0] > SETTINGS.ingest.DATELINE_YEAR_DAYS:
        return None
    return best[1].isoformat()


def redate(doc: Document, day: str, ents: list | None) -> list:
    """doc dated (``inferred``) on day found at the corpus stage, its times re-anchored on
    it; returns its event mentions, re-anchored too."""
    doc.published, doc.published_how = day, "inferred"
    doc.times = tag(doc.text, doc.published)
    return event_mentions(doc, ents or None)


def date_from_corpus(store: Store) -> int:
    """Undated documents dated by their dateline and the corpus (``dateline_day``); their
    times and event mentions are re-anchored. Returns how many documents were dated."""
    from .entities import EntityMention

    # metadata only (every build runs this): the text is read for undated documents alone
    metas = list(store.documents(full=False))
    known = known_days(d.published for d in metas)
    if not known:
        return 0
    dated = 0
    for meta in metas:
        if meta.published:
            continue
        doc = store.document(meta.id)
        day = dateline_day(doc, known) if doc else None
        if not day:
            continue
        ents = [EntityMention(**d) for d in store.entity_mentions(doc.id)]
        events = redate(doc, day, ents)
        store.redate(doc.id, doc.published, doc.published_how, doc.times, events)
        dated += 1
    return dated


Progress = Callable[[str, int, "int | None"], None]


@contextmanager
def _stage(on_progress: Progress | None, name: str):
    """A corpus-level stage as a one-step bar: started, then done."""
    if on_progress:
        on_progress(name, 0, 1)
    yield
    if on_progress:
        on_progress(name, 1, 1)


def finish(store: Store, link_events: bool = True, timings: dict | None = None,
           on_progress: Progress | None = None, deduped: bool = False) -> Counter:
    """The corpus-level stages, recomputed over the whole store: dating from the corpus and
    dedupe, then linking of entities and events across documents, then commitments and
    conflicts. Each writes in one transaction. Seconds per stage are added to timings;
    ``on_progress(stage, done, total)`` hears each of "dedupe", "link" (with ranking) and
    "reason" start (0 of 1) and end, and the steps between: "link" one per document loaded
    (at most 100 calls) then linking, ranking and storing; "reason" each of reason.STEPS.

    deduped: the store's documents were dated and deduplicated as one corpus already (the
    Spark runner does both with Spark; ``dateline import`` into an empty database)."""
    from .entities import EntityMention
    from .link import link
    from .reason import reason
    from .timeline import rank, story_window

    timings = timings if timings is not None else {}
    counters: Counter = Counter()
    dated = 0
    if not deduped:
        with _stage(on_progress, "dedupe"):
            with _timed(timings, "date from corpus"):
                dated = date_from_corpus(store)
            with _timed(timings, "dedupe"):
                counters.update(dedupe.run(store))
    if dated:
        counters["dated from corpus"] = dated
    # documents with no date at all: their weekdays, "yesterday"s and year-less days cannot
    # be placed, and the user should hear so (not find an empty timeline)
    counters["undated"] = sum(1 for d in store.documents(full=False)
                              if not d.published and not d.duplicate_of)
    if not link_events:
        return counters
    # the link bar: one step per document loaded, then linking, ranking and storing
    with _stage(on_progress, "link"):
        with _timed(timings, "load mentions"):
            docs = list(store.documents())
            total = len(docs) + 3
            every = max(1, len(docs) // 100)
            events_by_doc, entities_by_doc = {}, {}
            for i, doc in enumerate(docs, 1):
                if on_progress and i % every == 0:
                    on_progress("link", i, total)
                spans = [(r["start"], r["end"]) for r in store.repeated(doc.id)]
                mentions = store.event_mentions(doc.id)
                events_by_doc[doc.id] = mark_mentions(doc, mentions, spans)
                entities_by_doc[doc.id] = [EntityMention(**d) for d in store.entity_mentions(doc.id)]
        with _timed(timings, "link"):
            entities, events = link(docs, events_by_doc, entities_by_doc)
        if on_progress:
            on_progress("link", len(docs) + 1, total)
        with _timed(timings, "rank"):
            by_id = {d.id: d for d in docs}
            rank(events, by_id, topic=store.get_meta("topic"))  # importance, relevance, background
            win = story_window(events, by_id)
            store.set_meta("story_window", f"{win[0].isoformat()}/{win[1].isoformat()}" if win else None)
        if on_progress:
            on_progress("link", len(docs) + 2, total)
        with _timed(timings, "store events"):
            store.replace_entities_and_events(entities, events)
    counters["entities"], counters["events"] = len(entities), len(events)
    with _stage(on_progress, "reason"), _timed(timings, "reason"):
        commitments, conflicts = reason(store, on_step=(
            lambda done, total: on_progress("reason", done, total)) if on_progress else None)
        store.replace_reasoning(commitments, conflicts)
    counters["commitments"], counters["conflicts"] = len(commitments), len(conflicts)
    return counters


def build(paths: Iterable[str], db: str, workers: int | None = None,
          on_error: Callable[[str], None] | None = None,
          on_progress: Progress | None = None,
          entities: bool = True, link_events: bool = True,
          topic: str | None = None,
          on_gazetteer: Callable[[object], None] | None = None,
          on_warning: Callable[[str], None] | None = None) -> BuildReport:
    """Ingest paths into the database at db. Incremental: known documents are skipped.

    ``topic``: words that say what the story is about ("Mubarak resignation Egypt"); kept
    in the database (later builds use them too) and read by the relevance of every event.

    entities=False skips named-entity recognition (the slowest stage) for corpora where only
    dates and sentences matter; link_events=False stops after dedupe (benchmarks of ingest).

    ``on_progress(stage, done, total)``: "clean" (articles read, cleaned and time-tagged),
    then "entities" (with entities: recognised, their events found and stored; without:
    "events"), both with ``total`` counted before the first is read (``ingest.count``), then
    the corpus stages of ``finish``. ``on_gazetteer(path)``: the place gazetteer is
    missing and is about to be built (once, before any article; see ``gazetteer.ensure``).
    ``on_warning(message)``: an input stored with something the user should hear ("f.jsonl#L2:
    date '11/23/2020' not understood ..."); also in ``BuildReport.warnings``."""
    report = BuildReport(db=str(db))
    try:
        return _build(paths, db, report, workers, on_error, on_progress, entities, link_events,
                      topic, on_gazetteer, on_warning)
    except sqlite3.Error as e:   # a full disk, a read-only or damaged file: one line, exit 2
        raise explain(str(db), e) from None


def _build(paths, db, report, workers, on_error, on_progress, entities, link_events, topic,
           on_gazetteer=None, on_warning=None):
    workers = workers or min(2, os.cpu_count() or 1)
    paths = list(paths)
    if entities:
        from . import gazetteer

        gazetteer.ensure(on_gazetteer)
    total = count_inputs(paths) if on_progress else None
    done = 0
    per_doc = "entities" if entities else "events"
    cleaned = mp.get_context().Value("q", 0) if on_progress else None
    skipped = 0   # items with no work to clean (known, unreadable): the clean bar counts them
    if on_progress:
        on_progress("clean", 0, total)
        on_progress(per_doc, 0, total)
    with Store(db) as store:
        known = store.known_ids()
        if topic is not None:
            store.set_meta("topic", topic.strip() or None)
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_count_cleaned,
                                   initargs=(cleaned,)) if workers > 1 else None
        _count_cleaned(cleaned)   # the batches processed here count too
        step = partial(process, entities=entities)
        watch = threading.Event()

        def clean_bar() -> None:
            if cleaned is not None:
                n = min(cleaned.value + skipped, max(total, done))
                on_progress("clean", max(n, done), max(total, done))

        def poll() -> None:   # the workers clean ahead of what comes back: show it as it goes
            while not watch.wait(SETTINGS.ingest.PROGRESS_POLL_SECONDS):
                clean_bar()

        poller = threading.Thread(target=poll, daemon=True) if on_progress and pool else None
        if poller:
            poller.start()
        # Batches are pipelined: batch k+1 is already being processed by the workers while
        # batch k is written to SQLite (one transaction per batch), so neither side waits.
        pending: deque = deque()

        def tick(n: int) -> None:
            nonlocal done
            if on_progress and n:
                done += n
                clean_bar()
                on_progress(per_doc, done, max(total, done))

        def store_done(keep: int) -> None:
            while len(pending) > keep:
                n_items, results = pending.popleft()
                good = []
                for r in results:   # as the workers finish them: the bar moves per article
                    n_items -= 1
                    tick(1)
                    if isinstance(r, IngestError):
                        _fail(report, r, on_error)
                    else:
                        good.append(r)
                        for w in r.document.warnings:
                            report.warnings.append(f"{r.document.path}: {w}")
                            if on_warning:
                                on_warning(report.warnings[-1])
                        report.counters["dropped_lines"] += len(r.document.dropped)
                        report.counters["time_expressions"] += len(r.document.times)
                        if r.document.cut:
                            report.counters["cut by the budget"] += 1
                try:
                    report.added += store.add_batch(good)
                except _DATA_ERRORS:
                    # the batch's transaction is rolled back: store its documents one by one
                    # so the one the store cannot take fails alone (never the batch)
                    for r in good:
                        try:
                            report.added += store.add_batch([r])
                        except _DATA_ERRORS as e:
                            _fail(report, IngestError(r.document.path, "cannot store: "
                                                      f"{type(e).__name__}: {e}".splitlines()[0]),
                                  on_error)
                tick(n_items)   # the batch's known and unreadable items: no work to wait for

        try:
            stream = read_all(paths, report.counters)
            while True:
                items = list(islice(stream, SETTINGS.ingest.BATCH))
                if not items:
                    break
                n_before = len(items)
                todo: list[RawDocument] = []
                for it in items:
                    if isinstance(it, IngestError):
                        _fail(report, it, on_error)
                        continue
                    rid = it.doc_id
                    if rid in known:
                        report.already += 1
                        continue
                    known.add(rid)
                    todo.append(it)
                    report.counters["replaced characters"] += it.replaced
                report.counters["ingested"] += len(todo)
                skipped += n_before - len(todo)
                if pool is not None and len(todo) > 8:
                    results = pool.map(step, todo, chunksize=max(1, len(todo) // (4 * workers)))
                else:
                    results = [step(r) for r in todo]
                pending.append((len(items), results))
                store_done(keep=1)
            store_done(keep=0)
        finally:
            watch.set()
            if poller:
                poller.join()
            _count_cleaned(None)
            if pool is not None:
                pool.shutdown(cancel_futures=True)
        if on_progress:   # a WARC's count is an upper bound: the bars end full
            on_progress("clean", done, done)
            on_progress(per_doc, done, done)
        report.counters.update(finish(store, link_events, report.timings, on_progress))
        report.documents = store.count()
    return report


# what the store raises for a value it cannot take (a string SQLite cannot encode, an integer
# too large to bind); a full disk or a locked database is no document's fault and still stops
_DATA_ERRORS = (ValueError, OverflowError, sqlite3.InterfaceError, sqlite3.DataError)


def _fail(report: BuildReport, err: IngestError, on_error) -> None:
    report.failed.append(str(err))
    report.counters["failed"] += 1
    if on_error:
        on_error(str(err))


def import_parquet(folder: str, db: str, timings: dict | None = None) -> BuildReport:
    """The output of the Spark runner (``dateline.spark.build``) into the database at db,
    then the corpus stages that remain, with the local code (``finish``). Into an empty
    database the Spark runner's dating and dedupe stand (they ran over the same corpus);
    into one that has documents already they are recomputed over the whole store."""
    from .store.parquet import import_tables, meta

    report = BuildReport(db=str(db))
    info = meta(folder)
    with Store(db) as store:
        was_empty = store.count() == 0
        report.added, report.already = import_tables(folder, store)
        if info.get("topic") is not None:
            store.set_meta("topic", info["topic"])
        report.counters.update(info["counters"] if was_empty else {})
        report.counters.update(finish(store, True, report.timings if timings is None else timings,
                                      deduped=was_empty))
        report.documents = store.count()
    return report
