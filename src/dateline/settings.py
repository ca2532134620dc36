"""Every tuned constant of every stage, in one documented settings object.

Each setting says what it does, what it was measured on and the figure that chose it, so a
maintainer can judge it without reading commit history. Stages read ``SETTINGS.<stage>.<NAME>``
at call time, so an experiment (``benchmarks/tls.py --set timeline.SPREAD=0.5``) or a test
(``monkeypatch.setattr(SETTINGS.timeline, "SPREAD", 0.5)``) changes one value for one run.
``dateline settings`` prints them all.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def knob(default: Any, what: str, measured: str = "", figure: str = "") -> Any:
    """A setting: its default, what it does, what it was measured on, the figure that chose it."""
    return field(default=default, metadata={"what": what, "measured": measured, "figure": figure})


# --- one section per stage, in pipeline order ----------------------------------------------

@dataclass
class IngestSettings:
    MAX_ARTICLE_BYTES: int = knob(
        20 * 1024 * 1024,
        "a file, JSONL line or WARC record larger than this is reported as an IngestError, not read",
        "not measured: an article is at most a few hundred kilobytes; a 50 MB 'article' is a "
        "log file or a dump and would only stall the pipeline, and 20 MB leaves two orders of "
        "magnitude of room for HTML pages heavy with scripts")


@dataclass
class CleanSettings:
    MIN_WORDS: int = knob(
        8, "a document with fewer words after cleaning is a CleanError (a stub, an error page, "
        "an empty shell), not an article",
        "not measured: the shortest real news item (a one-sentence wire flash) has more")
    DEBRIS_MAX_CHARS: int = knob(
        300, "a stripped line longer than this is prose and never tested against the debris shapes",
        "not measured: debris lines (widgets, counters, credits, footers) are short; the "
        "cookie notice shape allows 200 characters either side of its cue, the longest shape")
    HEADER_LINES: int = knob(
        12, "non-empty lines at the top of a document read for metadata (dates, outlets, "
        "bylines, title)",
        "not measured: scraped pages put their header (site, section, date, byline, title) "
        "in the first few lines")
    HEADER_MAX_WORDS: int = knob(
        8, "a line with a full date is a header/timestamp line (its date becomes the "
        "publication date) only if at most this many other words surround the date",
        "not measured: a timestamp line carries a site name, a section or 'Updated', not a sentence")
    AGENCY_SCAN_CHARS: int = knob(
        3000, "characters of the kept text searched for a dateline agency ('LISBON (Reuters) -') "
        "or ', Trend reports'",
        "not measured: both stand in an article's first paragraphs")
    OUTSIDE_MAX_BLOCKS: int = knob(
        500, "at most this many text blocks that trafilatura left out of an HTML page are "
        "kept as dropped lines",
        "not measured: a bound on the audit trail of one page (menus of big portals run to hundreds)")


@dataclass
class LanguageSettings:
    MIN_WORDS: int = knob(
        5, "a paragraph's own verdict is confident only with at least this many words; "
        "shorter lines inherit the main language of their script",
        "not measured: fastText is unreliable on headers and captions (they come out as "
        "Tagalog or Latin)")
    MIN_SCORE: float = knob(
        0.6, "a paragraph's own verdict is confident only with at least this fastText score",
        "not measured: below it the lite model's answers on short news lines were mostly wrong "
        "(judged by eye when language id was written)")
    WINDOW: int = knob(
        1000, "characters of consecutive same-script paragraphs judged in one detector call",
        "ingest speed (benchmarks/ingest.py): one call a window instead of one a line, since "
        "news text has one sentence a line; whole-text detection was the slowest part of cleaning",
        "not recorded in history (commit c9ec3c1, 'sampled windowed language id')")
    SAMPLE: int = knob(
        300, "characters of a window the detector reads (its cost grows with the length)",
        "ingest speed (benchmarks/ingest.py)",
        "not recorded in history (commit c9ec3c1)")
    WINDOW_SCORE: float = knob(
        0.9, "a window's verdict is given to all its paragraphs only with at least this score; "
        "otherwise its paragraphs are judged one by one",
        "not measured: high, so a mixed window falls back to per-paragraph detection")


@dataclass
class TimeSettings:
    pass


@dataclass
class EntitySettings:
    STRONG_CITY_POP: int = knob(
        100_000, "a town with at least this many people (whose name is not an English word) "
        "is a place on its own in running text; smaller ones need a place context or a "
        "country the text is about (read when the gazetteer database is built)",
        "not measured: set when the gazetteer was written")
    FAMOUS_CITY_POP: int = knob(
        1_000_000, "a city with at least this many people is a place on its own even when its "
        "name is an English word, and ranks with capitals and states among namesakes",
        "not measured: set when the gazetteer was written")


@dataclass
class EventSettings:
    pass


@dataclass
class DedupeSettings:
    NUM_PERM: int = knob(
        64, "MinHash permutations in a signature (stored per document and paragraph: a store "
        "built with one value cannot be deduplicated with another; BANDS x ROWS must equal it)",
        "not measured: the exact Jaccard of the shingle sets decides every candidate pair, so "
        "the signature only has to propose candidates")
    SHINGLE: int = knob(
        5, "words in a shingle (the unit of similarity; signatures depend on it)",
        "not measured: the usual length for near-duplicate news text")
    DOC_THRESHOLD: float = knob(
        0.8, "shingle Jaccard at or above which two documents are near-duplicates "
        "(re-posts, lightly edited copies)",
        "not measured: set when dedupe was written")
    PARA_THRESHOLD: float = knob(
        0.7, "shingle Jaccard at or above which paragraphs of different documents are one "
        "repeated paragraph (agency background boilerplate)",
        "not measured: set when dedupe was written")
    MIN_PARA_WORDS: int = knob(
        8, "paragraphs with fewer words get no signature",
        "not measured: shorter lines ('Trend:', datelines) repeat everywhere and mean nothing")
    BANDS: int = knob(
        16, "LSH bands; two signatures are candidates when any band is equal",
        "with ROWS = 4 the candidate threshold is about (1/16)^(1/4) = 0.5, below both "
        "thresholds, so near misses of the estimate are still proposed")
    ROWS: int = knob(
        4, "signature rows in an LSH band (BANDS x ROWS = NUM_PERM)",
        "see BANDS")
    MAX_GROUP_PAIRS: int = knob(
        64, "in a band bucket larger than this, members are compared with its first 4 only",
        "Timeline17 (219k paragraphs): numpy banding took dedupe from 64 s / 2.3 GB "
        "(datasketch) to 7 s / 0.5 GB (commit f51df0d); the cap bounds the pairs of the "
        "huge buckets of boilerplate",
        "not recorded separately")


@dataclass
class LinkSettings:
    pass


@dataclass
class TimelineSettings:
    pass


@dataclass
class ReasonSettings:
    pass


@dataclass
class OutputSettings:
    HEADLINE_MAX: int = knob(
        110, "characters of an event summary kept in a TimelineJS headline (cut at a word)",
        "not measured: what fits TimelineJS's slide title on two lines")
    BRIEF_DAYS: int = knob(
        10, "days in the 'In brief' section of an HTML report made from a database",
        "not measured: the length of `dateline digest`'s summary, which the section shows")
    PAGE_SIZE: int = knob(
        200, "rows on a page of /documents and /entities (web app) when ?size is not given",
        "not measured: a screenful or two that renders fast")
    MAX_PAGE_SIZE: int = knob(
        1000, "the largest ?size the web app accepts",
        "not measured: a bound on one response")
    TIMELINE_PAGE_SIZE: int = knob(
        500, "events on a page of the web timeline (the date axis draws the page's events)",
        "a 773-article Timeline17 topic rendered a 3.4 MB index page unpaged (commit 22824de)",
        "not measured beyond that: keeps a story's worth of events on one page")


# --------------------------------------------------------------------------------------------

@dataclass
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    lang: LanguageSettings = field(default_factory=LanguageSettings)
    time: TimeSettings = field(default_factory=TimeSettings)
    entities: EntitySettings = field(default_factory=EntitySettings)
    events: EventSettings = field(default_factory=EventSettings)
    dedupe: DedupeSettings = field(default_factory=DedupeSettings)
    link: LinkSettings = field(default_factory=LinkSettings)
    timeline: TimelineSettings = field(default_factory=TimelineSettings)
    reason: ReasonSettings = field(default_factory=ReasonSettings)
    output: OutputSettings = field(default_factory=OutputSettings)

    def describe(self) -> list[dict]:
        """One row per setting: stage, name, value, what, measured, figure."""
        rows = []
        for sec in fields(self):
            obj = getattr(self, sec.name)
            for f in fields(obj):
                rows.append({"stage": sec.name, "name": f.name, "value": getattr(obj, f.name),
                             **{k: f.metadata.get(k, "") for k in ("what", "measured", "figure")}})
        return rows

    def set(self, dotted: str, value: str) -> None:
        """Set ``stage.NAME`` from a string, converted to the setting's type."""
        stage, name = dotted.split(".", 1)
        obj = getattr(self, stage)
        old = getattr(obj, name)
        if isinstance(old, bool):
            new: Any = value.lower() in ("1", "true", "yes")
        else:
            new = type(old)(value)
        setattr(obj, name, new)


SETTINGS = Settings()
