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
    BATCH: int = knob(
        128, "documents per batch: processed by the worker pool together and written to the "
        "store in one transaction (batch k+1 is processed while batch k is written)",
        "", "not measured: a round batch size, set with the first pipeline (f187ffb); large "
        "enough to amortise a transaction, small enough to keep memory and progress steady")
    PROGRESS_POLL_SECONDS: float = knob(
        0.3, "how often the build's 'clean' bar reads the workers' count of cleaned articles "
        "(it moves ahead of the 'entities' bar while documents are in the models)",
        "", "not measured: a display refresh rate; no figure depends on it")
    DATELINE_YEAR_DAYS: int = knob(
        183, "an undated article whose dateline gives a day but no year ('LISBOA, March 11 "
        "(Atlantic Wire) -') takes the year putting that day nearest the other articles' "
        "publication dates, only when it lands within this many days of one",
        "an analyst test on unseen articles (2c71a15)",
        "not measured: half a year, so a day can only be placed in the year around the "
        "corpus, never guessed across a wider gap")
    YEAR_TENSE_WINDOW: int = knob(
        16, "characters before an event's trigger read for its tense when checking a year-less "
        "day the tagger put after publication ('May 6 : Private X was killed': 'was' is "
        "within 16 characters of 'killed')", "",
        "not measured: room for an auxiliary and an adverb before the verb (e9e73db)")
    MAX_ARTICLE_BYTES: int = knob(
        20 * 1024 * 1024,
        "a file, JSONL line or WARC record larger than this is reported as an IngestError, not read",
        "not measured: an article is at most a few hundred kilobytes; a 50 MB 'article' is a "
        "log file or a dump and would only stall the pipeline, and 20 MB leaves two orders of "
        "magnitude of room for HTML pages heavy with scripts")


@dataclass
class BudgetSettings:
    """Caps on what one document may hand each stage, so a pathological input (a 3 MB line,
    100,000 paragraphs, one word repeated for 6 MB) costs seconds, not the batch. Every cut
    is recorded on the document (``Document.cut``, shown by ``dateline docs``)."""
    MAX_HTML_CHARS: int = knob(
        500_000, "characters of HTML given to the parser (trafilatura, lxml); a longer page "
        "first loses its scripts, styles and comments (JSON-LD kept: it holds the date), then "
        "is cut at the last tag before the limit",
        "an HTML file of 100,000 <p> (5.2 MB): trafilatura takes 2.6 s on its first 500,000 "
        "characters, 6.1 s on 1,000,000, over 290 s (with clean) on all of it",
        "not tuned on articles: a news page without its scripts is rarely over 300 KB")
    MAX_TEXT_CHARS: int = knob(
        200_000, "characters of cleaned text kept per document; the rest is cut at a "
        "paragraph, line or word boundary before languages, times, entities and events",
        "a 3 MB one-line text file: tagging takes about 5 microseconds a character, spaCy NER "
        "about 40 (4 s for 100,000 characters), so the whole file ran past 60 s",
        "Timeline17 (4,650 articles): the 99th percentile is 53,221 characters; 5 pages of "
        "reader comments (Finan, MJ: 245,730 to 700,345) are cut")
    MAX_PARAGRAPHS: int = knob(
        10_000, "paragraphs kept per document (the text after the last one is cut): "
        "languages are identified and deduplication hashes computed per paragraph",
        "Timeline17: the most paragraphs in one article is 7,214 (the same comment page); "
        "none is cut", "not measured beyond that")
    MAX_NLP_CHARS: int = knob(
        20_000, "characters of one piece of text given to spaCy at a time: a longer line is "
        "split at whitespace (offsets kept); spaCy refuses texts over 1,000,000 characters "
        "and its memory grows with the length of one text",
        "", "not measured: a paragraph of news is under 5,000 characters")
    MAX_NLP_BATCH_CHARS: int = knob(
        40_000, "characters of text spaCy tags in one batch (pieces of MAX_NLP_CHARS or "
        "paragraphs, at most 256 of them): its memory grows with the tokens of a batch",
        "a 3 MB one-line file cut to 200,000 characters: ten 20,000-character pieces in one "
        "batch took the build to 720-850 MB",
        "not tuned: a Timeline17 article's paragraphs are a few hundred characters each")
    MAX_EVENT_MENTIONS: int = knob(
        500, "event mentions one document hands the corpus-level stages (link, rank, "
        "reason); the ones after are dropped and the cut recorded: linking compares the "
        "mentions of one trigger and day pairwise, so one document of thousands of them "
        "costs the whole build minutes",
        "a 3 MB line of one repeated sentence, cut to 200,000 characters, gave 2,272 "
        "mentions of one trigger and day: 2.6 million pairs, 50 s in link alone",
        "Timeline17, the 40 longest articles: the most is 673 (a page of reader comments, "
        "already cut at 200,000 characters), the next 263; none of its articles loses one")
    STAGE_SECONDS: float = knob(
        60.0, "seconds one document may spend in one per-document stage (clean, annotate, "
        "dedupe signatures, entities, events) before it is skipped with an error line; the "
        "batch goes on. A backstop for what the caps above do not foresee",
        "", "not measured: the caps keep every known pathological input under 10 s on this "
        "machine; an article takes milliseconds")


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
    COMMENT_MIN_SIGNATURES: int = knob(
        2, "a document with at least this many reader-comment signatures (lang/en/debris."
        "COMMENT_SIGNATURE) has a comment section, which is dropped from its first signature "
        "(or the end-of-post marker above it) to the end",
        "Timeline17: 79 of 4,650 articles have two or more (CNN and Washington Post blog pages, "
        "Reuters comment threads; up to 390 KB of comments under a 3 KB post); one alone can be "
        "a quoted phrase")
    COMMENT_LOOKBACK: int = knob(
        40, "lines above the first comment signature searched for the end-of-post marker "
        "(a closing byline with its time, 'in the comments below')",
        "not measured: the first comment's text sits between the marker and the first signature")
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
    LIVE_STAMPS: int = knob(
        3, "a text with this many entries opened by a 24-hour clock reading ('1604 Adm Mike "
        "Mullen says ...') is a live page, whose four-digit entry stamps are clock times, "
        "not years",
        "a Haiti build (296 T17 articles), 17f6685",
        "year-only events 249 -> 167, live-page stamps read as years 79 -> 0; TempEval-3 "
        "unchanged (value F1 0.805 / 0.806)")
    FAR_YEARS: int = knob(
        100, "a count of years from now or ago beyond this many ('500 years from now') is a "
        "figure of speech: FUTURE_REF / PAST_REF, not a year that would stretch the story",
        "the Egypt build, where '500 years from now' opened the story window in 2511",
        "not measured beyond that case: TimeBank has no such counts")
    ENTRY_STAMP_MAX_DAYS: int = knob(
        1100, "an entry stamp (a full date with a clock time opening a line) at most this many "
        "days from the page's date dates the weekdays and 'today' of its entry; farther off, "
        "it is some other date written with a time, and the page's date stays the anchor",
        "dev2 items of a CNN video index (blurbs stamped weeks before the page's date) and a "
        "blog entry stamped two years after its crawl date",
        "dating dev2 measured with it: see the commit that added it")


_GEO_SWEEP = "LGL (benchmarks/geo.py --half dev), gold spans: each GEO_* knob swept alone"
_GEO_SWEPT = ("dev acc@161 0.736 at GEO_FOCUS_NEAR 1.0, 0.760 at 2.0 (kept); the final "
              "sweep at dev 0.783 (one knob at a time, e.g. GEO_NEAR_KM 70/150, "
              "GEO_POPULATION 0.8/1.2) moved it by at most 0.004")


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
    # ranking a name's candidates (gazetteer._score): prominence + where the text is
    GEO_KIND_COUNTRY: float = knob(3.0, "score of a country among a name's candidates",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_KIND_REGION: float = knob(2.5, "score of a region or continent",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_KIND_STATE: float = knob(2.0, "score of a first-level division (a US state)",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_KIND_COUNTY: float = knob(1.0, "score of a second-level division (a county)",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_KIND_CITY: float = knob(0.0, "score of a town",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_POPULATION: float = knob(1.0, "score per power of ten of the population",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_CAPITAL: float = knob(1.5, "score of a national capital",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_ADMIN_SEAT: float = knob(0.3, "score of a town that names a subdivision",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_ALIAS: float = knob(1.0, "less for a match on an alternate name, not the canonical",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_BARE_COUNTY: float = knob(2.0, "less again for a county found by its name without "
                                       "'County' ('DeKalb'): a town of that name comes first "
                                       "unless the text is in the county's state",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_FOCUS_COUNTRY: float = knob(2.0, "score for a candidate in a country the text "
                                         "names (itself or through its places)",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_FOCUS_MAIN: float = knob(2.0, "more for a candidate in the country of most of the "
                                      "text's other places (times their share)",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_FOCUS_VOTE: float = knob(1.0, "score per vote of the text's other names for the "
                                      "candidate's state (each name splits one vote among "
                                      "the states its candidates are in)",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_FOCUS_ADMIN1: float = knob(2.0, "score for a candidate in a state/province the "
                                        "text names (itself or through its towns)",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_FOCUS_NEAR: float = knob(2.0, "score, for each other name of the text that may be "
                                      "a place next to a town or county (decays with the "
                                      "distance)",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_FOCUS_NEAR_CAP: float = knob(3.0, "at most this many such names count",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_FOCUS_WITHIN: float = knob(6.0, "score for a candidate in the state or country the "
                                   "text writes after the name ('Belgrade, Minn.')",
        _GEO_SWEEP, "LGL dev acc@161 0.818 at 0, 0.822 at 3, 6, 10 and 20 (a step: only the "
        "candidates in the named state or country get it)")
    GEO_FOCUS_IN_COUNTY: float = knob(4.0, "score for a town inside a county (of its "
                                      "state) that another name of the text may be",
        _GEO_SWEEP, "LGL dev acc@161 0.8325 at 0, 0.8334 at 1-3, 0.8353 at 4 (kept), 0.8348 "
        "at 6 and 8")
    SURNAME_DOMINANCE: float = knob(3.0, "a surname alone (or a stray word beside it) joins "
        "the full name of that surname with at least this many times the mentions of the "
        "next one ('Obama' -> Barack Obama beside Michelle Obama)",
        "entity_sample dev: the missed merges of Obama and Gadhafi")
    LOCATED_PERSON_SHARE: float = knob(0.33, "a 'person' never given a title that at least "
        "this share of its mentions has a place word before ('in Brega', 'the town of Bin "
        "Jawad', 'captured Brega') is a place: news also writes a town after 'on', 'at', "
        "'from', 'to', which are left out of the place words as people take them too",
        "entity_sample dev: Brega 7 of 17, Bin Jawad 5 of 12 mentions after a place word "
        "(0.5 left both persons); no person of the dev top 50s has a third")
    OTHER_SHARE: float = knob(0.5, "a name without a place of its own that at least this "
        "share of its mentions calls a thing (a rig, a storm, a speech: lang/en/entities "
        "THING_NOUNS_*) is of type 'other', not a person or an organisation",
        "entity_sample dev: Deepwater Horizon 17 of 22 mentions; BP, whose spill is 'the BP "
        "oil spill', far below")
    LOOSE_COUNTRY_SHARE: float = knob(0.05, "a place of the corpus the gazetteer lacks "
        "under its spelling takes a respelled town (gazetteer.loose_candidates: 'Brega' -> "
        "El-Brega) only in a country with at least this share of the corpus's place "
        "mentions",
        "entity_sample dev: Libya holds about a fifth of LibyaWar's place mentions",
        "not swept: a floor against a namesake in a country the story never names")
    GEO_FAMOUS_LOCAL: float = knob(1.5, "a small namesake (a town, a county; a state of a "
        "capital's name) outranks a famous place (a country, region, capital, city of "
        "FAMOUS_CITY_POP) only with this much more evidence that the text is at it (its "
        "state written after it, its state or county named, places next to it)",
        "entity_sample dev (London, Houston, Alexandria, Washington of US-focused national "
        "stories) with LGL gold spans held >= 0.82")
    GEO_FOCUS_ROUNDS: int = knob(2, "rounds of ranking a text's places by the focus of the "
                                    "last round's answers",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_FOCUS_CANDIDATES: int = knob(50, "the most populous candidates of each found name "
                                         "that may vouch for a neighbour",
        _GEO_SWEEP, _GEO_SWEPT)
    GEO_NEAR_KM: float = knob(100.0, "the distance (km) over which GEO_FOCUS_NEAR decays "
                                     "by e",
        _GEO_SWEEP, _GEO_SWEPT)
    AREA_GRID_DIVISIONS: float = knob(
        15.0, "a country's or division's centre is the centre of the grid cells its towns "
        "occupy (the main connected group); a cell is the region's extent over this many "
        "(read when the gazetteer database is built)",
        "LGL dev half, distinct gold countries and US states (GeoNames points): 8, 15 and 30 "
        "tried; 15 puts the US 78 km from its GeoNames point (a town mean: 695 km)",
        "LGL dev: countries/states within 161 km 312/387, 330/338 mentions")
    GEO_COUNTRY_POINT_KM: float = knob(
        200.0, "a country's point is the centre of its towns' land unless its published "
        "point (countryinfo's latlng) lies farther than this (km) from it; then the published "
        "one (read when the gazetteer database is built)",
        "LGL dev half, gold countries (GeoNames points), by mention: the towns' centre "
        "320/395 within 161 km, the published point 297/395 (the US 235 km off), this "
        "rule at 200 km 393/395",
        "published and towns' centre 177 km apart for the US (towns' centre 78 km from "
        "GeoNames', published 235), 218-783 km for Tunisia, Kenya, Egypt, Russia, Canada "
        "(published 0 km)")
    AREA_GRID_MIN_DEG: float = knob(
        0.1, "the smallest grid cell (degrees) of an area's centre (a county's)",
        "not measured", "not measured: a tenth of a degree, ~11 km, well inside 161 km")
    AREA_GRID_MAX_DEG: float = knob(
        10.0, "the largest grid cell (degrees) of an area's centre (Russia's)",
        "not measured", "not measured: bounds the cell of the largest countries")


@dataclass
class EventSettings:
    LEAD_SENTENCES: int = knob(
        2, "body sentences at the start of an article that may be dated by its publication "
        "date when undated and in the present (perfect) tense (the news lead); past them an "
        "undated sentence gives no mention", "the seed corpus (655ccca, cc8d40d)",
        "not measured: a news lead is its first one or two sentences")
    HEADLINE_MAX_TOKENS: int = knob(
        30, "a line with no sentence-ending punctuation and at most this many tokens is a "
        "headline (a title, not a sentence of the article)", "the seed corpus (655ccca)",
        "not measured: headlines are short; 30 tokens is a long sentence")
    HEADLINE_MAX_INDEX: int = knob(
        12, "a headline dated by publication must be among the first sentences of the "
        "document, before this index (later 'headlines' are captions and related links)",
        "the seed corpus (655ccca)", "not measured: room for a title, a standfirst and a few "
        "caption or byline lines")
    MIN_TOKENS: int = knob(
        3, "a sentence with fewer tokens gives no mention (dropped:no_trigger): a fragment",
        "", "not measured: a subject, a verb and something more")
    RESTATED_HEADLINE_WORDS: int = knob(
        3, "a first body sentence restating a headline dated by publication (it shares at "
        "least this many content words with it) is dated by publication too",
        "the seed corpus (655ccca)", "not measured: fewer shared words is chance")
    PAGE_STAMP_WINDOW: int = knob(
        30, "characters before a time searched for a page's update stamp ('Last updated at', "
        "'updated:'): such a time is when the page changed, not an event",
        "Timeline17 pages (bea0583: T17 and reason.py unchanged)",
        "not measured: the stamp words and their punctuation fit in 30 characters")
    SAID_X_WINDOW: int = knob(
        120, "characters at the end of a sentence searched for a trailing attribution "
        "('..., said the Defense Ministry.')", "the seed corpus (655ccca)",
        "not measured: a verb of saying and a name of up to five words")
    ATTRIBUTION_WINDOW: int = knob(
        80, "characters after 'according to', 'citing', ... read for the source's name",
        "the seed corpus (655ccca)", "not measured: a name of a few words with its title")
    COUNTRY_LIST_GAP: int = knob(
        8, "a country less than this many characters after the previous one, joined by "
        "',', 'and' or 'or' ('in Armenia and Azerbaijan'), is a place or a party as that "
        "one is", "the seed corpus (fd9be3b: events with actors 4 -> 17 of 19)",
        "not measured: room for ' and ' or ', ' between two names")


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
    THRESHOLD: float = knob(
        0.6, "similarity a mention needs to its best match in a cluster to join it (else it "
        "starts a new event)",
        "seed corpus (events.py/link.py tests: the Russian block meets its English twin, "
        "'ceasefire ... introduced' meets 'signed an agreement')",
        "not measured: set with the first linker (cc8d40d, no figure), kept since by the seed "
        "and audit cluster checks of every later link change")
    UNLINKED_PAIR: float = knob(
        0.0, "in the average-link clustering, the similarity a pair of mentions counts when "
        "nothing links them (never compared, or 0): 0 is strict average link (no chaining)",
        "ECB+ topics 1-20 (dev)", "")
    AVG_LINK: float = knob(
        0.3, "to a cluster of 3 or more, a mention must also have this mean similarity to its "
        "members (no single-link chaining); 0 turns it off",
        "EgyptianProtest build (271 articles); seed and audit clusters",
        "single link chained 28 January into one event of 112 sources; with 0.3 the largest "
        "has 35, seed and audit clusters unchanged, Haiti's quake 88 -> 78 sources (37caab5)")
    COARSE_WORDS: float = knob(
        0.2, "word overlap (Jaccard of stems) with which a month's mention joins its day's "
        "event when it has the same verb and a shared party",
        "MJ build (Jackson's death); seed, audit, Haiti and Egypt clusters",
        "one event of 41 sources on 2009-06-25 instead of 30 on 2009-06 and 15 on 2009-06-25; "
        "other clusters unchanged (e245362)")
    NO_TRIGGER_WORDS: float = knob(
        0.35, "word overlap two mentions of a day need when neither their verb nor its event "
        "class links them",
        "the audit articles; seed clusters",
        "9 wrong same-day merges -> 0, the two true paraphrase merges kept, seed unchanged "
        "(142357b)")
    LIGHT_VERB_WORDS: float = knob(
        0.15, "word overlap (Jaccard of the stems other than the triggers') two mentions of one "
        "light verb (lang/en/link.py LIGHT_VERBS: 'is', 'began') need, unless they share a "
        "participant, to be one happening",
        "Timeline17 top-30 review (benchmarks/top30.py); ECB+ topics 1-35", "")
    SAME_SENTENCE_WORDS: float = knob(
        0.8, "word overlap above which two mentions are the same sentence repeated in two "
        "documents (similarity = the date compatibility alone)",
        "", "not measured: set with the first linker (cc8d40d, no figure); a copied sentence "
        "shares nearly all its stems")
    DATE_WINDOW_DAYS: int = knob(
        1, "two mentions with related triggers may be one event when their days are at most "
        "this many days apart and one of the days rests on the article's date (a weekday, "
        "'yesterday': one happening reported on two days, or a publication date a day off); two "
        "days both named by the calendar ('April 2', 'April 3') never meet, nor do mentions "
        "linked only by their words' event classes on different dates",
        "ECB+ topics 1-20 (dev): CoNLL F1 0.7393 (0 days), 0.7436 (1), 0.7441 (2), 0.7398 "
        "(7); the Ever Given example: 'said on Saturday' and 'had said on March 29' (5 days) "
        "are two sayings", "")
    PUBLICATION_DATE_FACTOR: float = knob(
        0.9, "the date factor of a mention dated only by its article's publication (no time "
        "expression of its own) and an earlier mention beyond DATE_WINDOW_DAYS: its date only "
        "says the happening was by then ('Jackson's death' in an article of September is the "
        "death of 25 June), so the trigger, the words and the participants decide; the same "
        "for a mention whose time expression is in another clause, past a comma, semicolon, "
        "colon or dash ('Reid checked into rehab, her publicist said on Friday')",
        "ECB+ topics 1-20 (dev)", "")
    DATE_DAY_STEP: float = knob(
        0.05, "the date factor of a pair loses this much per day between the dates", "ECB+ "
        "topics 1-20 (dev)", "")
    W_TRIGGER: float = knob(
        0.5, "weight of the trigger match (1 same lemma, SYNONYM_MATCH same synonym group, "
        "CLASS_MATCH same event class)", "ECB+ topics 1-20 (dev)", "")
    SYNONYM_MATCH: float = knob(0.9, "trigger match of two synonyms / a noun and its verb "
                                "(lang/en/link.py TRIGGER_SYNONYMS)", "ECB+ topics 1-20 (dev)", "")
    SAYING_MATCH: float = knob(
        0.6, "trigger match of two verbs of saying of one lemma ('said' / 'said'): many "
        "things are said on a day, so the sentences, participants and documents must add more; "
        "and like a class match it needs the same stated day", "ECB+ topics 1-20 (dev); "
        "Timeline17 haiti: 'said' of four days (13-22 January) chained into one event", "")
    CLASS_MATCH: float = knob(0.4, "trigger match of two triggers of one event class",
                              "ECB+ topics 1-20 (dev)", "")
    WORDS_CLASS_MATCH: float = knob(
        0.5, "trigger match when the triggers are unrelated but the sentences' words name the "
        "same kinds of happening twice over ('a complete ceasefire and a cessation of "
        "hostilities is introduced' / 'signed an agreement to end the fighting')",
        "seed corpus", "")
    ONE_CLASS_MATCH: float = knob(
        0.5, "trigger match when the sentences, in two scripts (a report and its Russian "
        "translation), share one kind of happening only", "seed corpus (the Russian twin of "
        "the 14 November talks)", "ECB+ topics 1-20 (dev): the same route within one language "
        "costs 0.018 CoNLL F1, so it is kept to two scripts")
    W_WORDS: float = knob(0.2, "weight of the sentences' word overlap (Jaccard of the stems "
                          "other than the triggers')", "ECB+ topics 1-20 (dev)", "")
    W_ENTS: float = knob(0.05, "weight of the shared participants (actors and places)",
                         "ECB+ topics 1-20 (dev)", "")
    W_DOC: float = knob(0.4, "weight of the two documents' similarity (TF-IDF cosine of their "
                        "stems): a look-alike happening of another story is reported in other "
                        "words", "ECB+ topics 1-20 (dev)", "")
    DOC_SCALE: float = knob(
        0.2, "documents this similar (TF-IDF cosine) or more count as fully alike for W_DOC "
        "(the cosine divided by this, at most 1): two reports of one story share its rarer "
        "words, but long articles have cosines far below 1", "ECB+ topics 1-20 (dev): "
        "documents of one sub-topic have a median cosine of 0.11, of the look-alike other "
        "sub-topic 0.036", "")
    W_KIND_SAME_DAY: float = knob(
        0.3, "added for two mentions of one day whose triggers are linked only by kinds of "
        "happening (CLASS_MATCH, WORDS_CLASS_MATCH): on a given day, 'a complete ceasefire is "
        "introduced' and 'signed an agreement to end the fighting' are one piece of news",
        "seed corpus (the ceasefire of 10 November, 4 sources); ECB+ topics 1-20 (dev)", "")
    DOC_UNKNOWN: float = knob(
        0.5, "the document likeness (0..1, see DOC_SCALE) of two mentions when a document has "
        "no text to compare (mentions handed to link() without their articles)", "",
        "not measured: the middle, neither for nor against")
    ACTOR_CONFLICT: float = knob(
        0.3, "taken off when both mentions name actors (entities other than places) and share "
        "none ('Lohan checked into rehab' / 'Reid checked into rehab')",
        "ECB+ topics 1-20 (dev)", "CoNLL F1 0.7404 (0.06) -> 0.7443 (0.3, with PLACE_CONFLICT "
        "0.3)")
    PLACE_CONFLICT: float = knob(
        0.3, "taken off when both mentions name places and share none (two earthquakes in "
        "two countries)", "ECB+ topics 1-20 (dev)", "see ACTOR_CONFLICT")
    MENTION_BONUS: float = knob(
        0.1, "an event's importance grows by this per mention beyond the first ...",
        "", "not measured: set with the first linker (cc8d40d, no figure); small beside an "
        "independent source (1 each)")
    MENTION_BONUS_MAX: float = knob(
        0.5, "... up to this much", "", "not measured: set with the first linker (cc8d40d, no "
        "figure); mentions never add up to a second independent source")
    LEAD_BONUS: float = knob(
        0.25, "importance added when a source is a lead sentence (see LEAD_INDEX)", "",
        "not measured: set with the first linker (cc8d40d, no figure); news puts what matters "
        "first")
    LEAD_INDEX: int = knob(
        6, "sentences with an index below this are lead sentences (LEAD_BONUS)", "",
        "not measured: set with the first linker (cc8d40d, no figure)")
    BACKGROUND_DAYS: int = knob(
        365, "an event is background when it ended more than this many days before the "
        "corpus's earliest publication date", "",
        "not measured: set with the first linker (cc8d40d, no figure): a year before the "
        "story is history; timeline.rank re-marks background (BACKGROUND_MARGIN_DAYS)")


@dataclass
class TimelineSettings:
    # --- rank: importance and background of the stored events
    BACKGROUND_MARGIN_DAYS: int = knob(
        60, "an event is background (history) when it ends this long before the story window "
        "opens", "", "not measured: set with the first timeline (3dca480, no figure)")
    OFF_TOPIC: float = knob(
        0.25, "an event whose relevance (the weight of the story's focus words in its "
        "sentences, over the median event's) is below this is off-topic: another story on the "
        "page (a sidebar teaser, a weather note), shown apart and ranked last",
        "the Egypt build (T17), where 'Dad's letter claims he killed twins' and snowfall led",
        "see the closing note of issue 13")
    OFF_TOPIC_MIN_DOCS: int = knob(
        20, "below this many documents no event is set apart as off-topic unless the build was "
        "given --topic words: a few articles share too few words for a focus",
        "the bundled example (4 articles), where 'Traffic through the waterway resumed' "
        "named no word of two articles", "not measured beyond that")
    FOCUS_WORDS: int = knob(
        40, "the story's focus words: this many of the words most documents use in their own "
        "dated sentences", "the Egypt build (T17)", "see the closing note of issue 13")
    FOCUS_MIN_SHARE: float = knob(
        0.05, "a focus word stands in at least this share of the documents (and in two)",
        "the Egypt build (T17)", "see the closing note of issue 13")
    AFTER_MARGIN_DAYS: int = knob(
        31, "an event that starts this long after the story window closes is shown apart "
        "(background): a far-off plan, or a number misread as a date",
        "the Egypt build, whose '500 years from now' opened the web axis in 2511",
        "Timeline17: see the closing note of issue 13 (events outside the gold span)")
    WINDOW_PUB_QUANTILE: float = knob(
        0.02, "the story window spans the publication dates from this quantile to its "
        "complement, so one stray old or late article does not set it", "", "not measured")
    WINDOW_MIN_DOCS: int = knob(
        50, "below this many documents the window spans all publication dates", "",
        "not measured")
    # --- summarize: which days
    PUB_WEIGHT: float = knob(
        0.25, "an article published on a day counts this much of a reference to that day",
        "T17 dev topics", "lowered from 0.5 with the all-references date scores (a95a87a; the "
        "commit gives no figure)")
    PUB_NEXT_WEIGHT: float = knob(
        0.5, "... and one published the day after counts this much (news reports yesterday)",
        "", "not measured: set with the first TLS (3dca480, no figure)")
    LATER_WEIGHT: float = knob(
        2.0, "a reference from an article published more than a day after the date counts "
        "this many (retrospective mentions mark what mattered)",
        "T17 dev topics (EgyptianProtest, Finan, H1N1, IraqWar, LibyaWar) and SemEval-2015 "
        "Task 4", "chosen on the dev topics with the later-reference knob (0aa7f6d, a95a87a); "
        "the commits give no figure")
    PLANNED: bool = knob(
        True, "count and summarise references to a date made before it (plans)", "",
        "not measured: set with the story-centroid pull (98774c2, no figure)")
    RELEVANCE: float = knob(
        1.0, "a reference in a sentence less on-topic than the median counts "
        "(similarity / median) ** this; 0 turns it off",
        "T17 (benchmarks/tls.py), mean of 19 timelines",
        "date F1 0.577 -> 0.587/0.588, AR-2 0.039 -> 0.040; dev and held-out topics both gain, "
        "any exponent in 0.5..2 gives most of it (2a7acfb)")
    STAMPS_VOTE: bool = knob(
        False, "whether a time stamp ('Mon Jun 27 , 2011 4:32 pm BST') counts as a reference to "
        "its day", "T17 (benchmarks/tls.py), mean of 19 timelines",
        "off: date F1 0.596 -> 0.5999, AR-1 0.132 -> 0.1345, AR-2 0.046 -> "
        "0.049; dev 0.687 -> 0.696, other four 0.529 -> 0.530 (d5241b8)")
    CHRONOLOGY_WEIGHT: float = knob(
        10.0, "a reference from a chronology in the corpus counts as this many articles; 0 "
        "turns chronology detection off", "T17 (benchmarks/tls.py), mean of 19 timelines",
        "date F1 0.587 -> 0.596, AR-2 0.042 -> 0.044; dev and other topics gain at every weight "
        "from 3 to 10, above 10 the other topics lose (fee6aa7)")
    CHRONOLOGY_LINES: int = knob(
        4, "a document with at least this many dated sentences opening with a day and a dash "
        "is a chronology", "T17 (benchmarks/tls.py), mean of 19 timelines",
        "not measured separately: chosen with CHRONOLOGY_WEIGHT "
        "(fee6aa7); three dated lines are not a list yet")
    LOCAL_NORM: float = knob(
        0.25, "divide a day's score by (1 + the story's publication rate around it) ** this, "
        "so a quiet month's key day can outrank a busy week's ordinary day; 0 turns it off",
        "T17 (benchmarks/tls.py), 19 timelines, grid LOCAL_NORM 0.15..0.3 x LOCAL_DAYS 10..20",
        "date F1 0.59995 -> 0.607, AR-1 0.136 -> 0.141, AR-2 0.050 -> 0.054 (dev 0.696 -> "
        "0.710, other four 0.530 -> 0.533); every grid point 0.602..0.607; 0.25 x 15 is the "
        "grid's middle, not its best dev point; 0.1 gives nothing, 0.5 starts to lose (44275fb)")
    LOCAL_DAYS: int = knob(
        15, "LOCAL_NORM's neighbourhood: +- this many days",
        "T17 (benchmarks/tls.py), 19 timelines, with LOCAL_NORM",
        "the middle of the grid 10..20 (44275fb; see LOCAL_NORM)")
    SPREAD: float = knob(
        0.0, "days closer than SPREAD x (span / n_dates) to a chosen one are penalised "
        "(SPREAD_PENALTY); 0 turns it off", "T17 dev topics",
        "measured and left off: no gain (a95a87a, 7d72bec)")
    SPREAD_PENALTY: float = knob(
        0.5, "... their score is multiplied by this per such neighbour", "T17 dev topics",
        "not measured: SPREAD is off (a95a87a)")
    # --- summarize: which sentences
    REF_CANDIDATES: bool = knob(
        True, "references (every dated sentence) are summary candidates too, not only date "
        "votes", "T17 dev topics", "measured: False gave no gain (7d72bec)")
    LEADS: str = knob(
        "always", "publication-dated leads as summary candidates: fallback | always | never",
        "T17 dev topics", "'always' chosen on the dev topics over 'fallback' (7d72bec; the "
        "commit gives no figure)")
    LEAD_SENTENCES: int = knob(
        3, "how many first sentences of an article its publication date can date "
        "(dated_sentences)", "", "not measured: set when dated_sentences moved from the "
        "benchmark into the library (7b268e0, no figure)")
    MIN_TOKENS: int = knob(
        5, "a summary sentence has at least this many words (no fragments)", "",
        "not measured: set with the first TLS (3dca480, no figure)")
    MAX_TOKENS: int = knob(
        60, "... and at most this many (no run-ons)", "",
        "not measured: set with the first TLS (3dca480, no figure)")
    MIN_CONTENT: int = knob(
        3, "content words (not stopwords, not numbers) a summary sentence needs",
        "T17 (benchmarks/tls.py), mean of 19 timelines",
        "AR-2 unchanged at 3; 4 would cost 0.0003 on the held-out topics (e8c4a11)")
    CHATTER: bool = knob(
        True, "a summary sentence is reported prose: a question, exclamation or I/you/we "
        "outside quotes gives way", "T17 (benchmarks/tls.py), mean of 19 timelines",
        "AR-1 0.126 -> 0.127, AR-2 unchanged (95ff5a9)")
    GLOBAL: float = knob(
        1.0, "pull summaries towards the story: the date's centroid + this x the story's "
        "centroid", "", "not measured: set with the story-centroid pull (98774c2, no figure)")
    WEIGHTED: bool = knob(
        False, "weigh the date's centroid by how often each sentence is repeated", "",
        "not measured: set with the first TLS (3dca480, no figure)")
    KEYWORD_BONUS: float = knob(
        0.1, "score added to a sentence with one of the topic's keywords, when enough have "
        "one", "", "not measured: set with the first TLS (3dca480, no figure)")
    HINDSIGHT: float = knob(
        0.05, "summary score bonus x log1p(days between the date and the report): a recap "
        "written later names what mattered", "T17 dev topics, fixed dates, mean ROUGE-2 of the "
        "chosen sentences on gold dates", "0.029 -> 0.044; any weight in 0.03..0.08 gives "
        "most of it; T17 AR-2 0.034 -> 0.039 (326425f)")
    CHRON_BONUS: float = knob(
        0.2, "summary score bonus for a chronology line (a summary an editor already wrote)",
        "T17 (benchmarks/tls.py), mean of 19 timelines",
        "AR-1 0.128 -> 0.132, AR-2 0.044 -> 0.046; dev and other topics both gain (1af3b48)")
    HEADLINE_PEN: float = knob(
        0.2, "summary score penalty for a headline (no closing punctuation)",
        "T17 (benchmarks/tls.py), mean of 19 timelines",
        "with OTHER_DAY_PEN: AR-2 0.0436 -> 0.0440, dates unchanged (ce394b1)")
    OTHER_DAY_PEN: float = knob(
        0.05, "summary score penalty for a sentence that also names other days",
        "T17 (benchmarks/tls.py), mean of 19 timelines",
        "with HEADLINE_PEN: AR-2 0.0436 -> 0.0440, dates unchanged (ce394b1)")
    DATE_ATTR_PEN: float = knob(
        0.1, "summary score penalty for a sentence where the day only dates a thing it "
        "mentions ('the statement signed ... dated November 10')",
        "T17 (benchmarks/tls.py), 19 timelines; the seed digest",
        "date F1 unchanged, AR-1 0.14069 -> 0.14055, AR-2 0.05420 -> 0.05418; the seed digest's "
        "10 November reads the ceasefire, not the 24 November call (0657a5a)")
    REDUNDANCY: float = knob(
        0.35, "TF-IDF cosine above which a sentence repeats one already chosen", "",
        "not measured: lowered from 0.5 with the story-centroid pull (98774c2, no figure)")
    CROSS_DATE: bool = knob(
        True, "no sentence repeating one already shown for another (more important) day",
        "T17 (benchmarks/tls.py), mean of 19 timelines",
        "6% of summary sentences were cross-day near-copies; AR-2 unchanged (394fa25)")


@dataclass
class ReasonSettings:
    TALLY_DAYS: int = knob(
        1, "Two figures of a running tally (casualties, cases, arrests, how many countries) "
           "are the same quantity only when their articles were published at most this many "
           "days apart; further apart, the later one is an update, not a disagreement.",
        "Timeline17 (real news), number conflicts",
        "introduced with the shared-entity rule when T17 listed 698 number 'contradictions', "
        "mostly false (commit e742d90; it gives no count after); 1 day keeps same-day and "
        "next-day reports of one tally comparable")
    CONTRADICTION_DAYS: int = knob(
        3, "Two different figures are called a contradiction only when their articles were "
           "published at most this many days apart (otherwise not listed; an approximate "
           "agreement needs no such check).",
        "H1N1 + Haiti stories of Timeline17, 410 real articles",
        "117 number 'contradictions' -> 7 together with CONTRADICTION_OVERLAP, the plural-count "
        "and the tally rules (commit d10cacf)")
    CONTRADICTION_OVERLAP: float = knob(
        0.2, "A contradiction needs the two claims' contexts (content stems of the sentence and "
             "the one before) to overlap at least this much (shared / union): they must "
             "describe the same thing in much the same words.",
        "H1N1 + Haiti stories of Timeline17, 410 real articles",
        "117 number 'contradictions' -> 7 together with CONTRADICTION_DAYS (commit d10cacf)")
    REVISION_DAYS: int = knob(
        21, "A running count (a toll, the people who fled) reported again up to this many days "
            "later, with the same predicate and much the same words, is the same quantity: a "
            "higher later figure is a revision (an update), not a disagreement",
        "Timeline17 dev topics of benchmarks/newsreason.py", "not measured: set by judgement")
    SAME_QUANTITY_RATIO: float = knob(
        10.0, "Two figures more than this many times apart are never the same quantity "
              "('two people' and '70,000 people'), whatever their words",
        "Timeline17 dev topics of benchmarks/newsreason.py", "not measured: set by judgement")
    PLEDGE_MAX_SENTENCE: int = knob(
        600, "characters: a longer 'sentence' is a run-on page fragment (a headline list, a "
             "table) and is not parsed for commitments",
        "Timeline17 dev topics of benchmarks/newsreason.py", "not measured: set by judgement")
    PLEDGE_SAME_OBJECT: float = knob(
        0.34, "Two statements of one party with the same verb are one commitment when the "
              "stems of what they commit to overlap at least this much (shared / smaller set)",
        "Timeline17 dev topics of benchmarks/newsreason.py", "not measured: set by judgement")
    PLEDGE_COMMON_SHARE: float = knob(
        0.03, "A word in more than this share of the corpus's sentences (and more than "
              "PLEDGE_COMMON_MIN) does not tie a report to a commitment: 'Egypt' in a story on Egypt",
        "Timeline17 dev topics of benchmarks/newsreason.py", "not measured: set by judgement")
    PLEDGE_COMMON_MIN: int = knob(
        30, "sentences: below this a word is never too common to tie a report to a commitment",
        "Timeline17 dev topics of benchmarks/newsreason.py", "not measured: set by judgement")
    PLEDGE_REPORT_OVERLAP: int = knob(
        2, "A later sentence is parsed as a possible report on a commitment only when it shares "
           "at least this many content stems of what was committed (besides the verb and its "
           "dates; all of them when there are fewer)",
        "Timeline17 dev topics of benchmarks/newsreason.py", "not measured: set by judgement")
    MAX_POSTING: int = knob(
        400, "A context word (or entity) shared by more quantities than this proposes no "
             "candidate pairs for number conflicts: on a large corpus such words are in every "
             "sentence and would make pairing quadratic again.",
        "Timeline17, number-conflict pairing through an inverted index",
        "not measured: a speed guard set by judgement when the inverted index replaced "
        "comparing every pair (hours on T17; commit 6d09410); history gives no figure for 400")


@dataclass
class OutputSettings:
    MAP_DETAILED_PX_PER_DEGREE: float = knob(
        20.0, "pixels per degree from which the web maps draw Natural Earth's 1:50m countries "
        "instead of 1:110m",
        "a 640-pixel map of the world (1.8 px a degree): 1:50m is 180 KB of paths and 0.4 s "
        "to draw, 1:110m 78 KB with no visible difference; Paris to Baku (14 px a degree): "
        "119 KB against 22; the seed story's Caucasus detail (about 40 px a degree) needs "
        "1:50m for the coast of the Caspian",
        "not tuned")
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
    TIMELINEJS_TOP: int = knob(
        40, "events in a TimelineJS export when --top is not given and the story has more "
        "(the most important ones; `export --all` exports every event)",
        "not measured: a slide show a reader clicks through in one sitting, one slide per event")
    TERMINAL_EVENTS: int = knob(
        40, "events `dateline timeline` shows in a terminal when --top is not given (the most "
        "important, by date; --all, --json or a pipe shows every one)",
        "not measured: a few screens of the table, which gives each event several lines")
    TITLE_ENTITIES: int = knob(
        3, "most mentioned entities named in an export's default title (when the build had "
        "no --topic)",
        "not measured: a title that fits on a line")
    TIMELINE_PAGE_SIZE: int = knob(
        500, "events on a page of the web timeline (the date axis draws the page's events)",
        "a 773-article Timeline17 topic rendered a 3.4 MB index page unpaged (commit 22824de)",
        "not measured beyond that: keeps a story's worth of events on one page")
    READER_PAGE_CHARS: int = knob(
        20_000, "characters of an article on one page of the web reader (/documents/<id>; "
                "a longer article gets ?page= links, a link to a sentence opens its page)",
        "a 6,000-paragraph article with 12,000 event sentences took 60 s to render whole",
        "not measured beyond that: a typical news article (3-8k characters) stays on one page")
    WEB_THREADS: int = knob(
        4, "worker threads the web app renders pages in (each keeps its own read-only SQLite "
           "connection); Starlette's default is 40",
        "benchmarks/web_load.py, 20 clients, on 2 cores, a Timeline17 topic (H1N1, 2,000 requests)",
        "40 threads: server RSS 110 -> 167 MB over the run; 4: 110 -> 121 MB, and no higher on "
        "a second run; req/s the same within the machine's noise (411-453 against 274-415)")


# --------------------------------------------------------------------------------------------

@dataclass
class Settings:
    ingest: IngestSettings = field(default_factory=IngestSettings)
    budget: BudgetSettings = field(default_factory=BudgetSettings)
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
