"""Timeline selection: importance of events, background marking, filters, and timeline
summarisation (TLS).

* ``rank(events, documents=None)`` scores every event by how many *independent* sources report
  it (documents; a paragraph repeated across documents and duplicate documents count once), how
  central it is to the story (TF-IDF similarity to the other events) and how much coverage the
  story got around its date (a burst of articles), and marks background: history well before
  the story window (e.g. 1988 in a 2020 story).
* ``select(events, top=, entity=, date_from=, date_to=, include_background=)`` is what
  ``dateline timeline --top N --entity NAME --from D --to D`` shows.
* ``summarize(mentions, published, n_dates, per_date, ...)`` is timeline summarisation in the
  style of DATEWISE (Gholipour Ghalandari & Ifrim, ACL 2020); ``dateline digest`` runs it.
  Days are ranked by how many independent articles refer to them (``score_dates``): a
  sentence repeated across articles counts once, a reference from an article published more
  than a day later counts LATER_WEIGHT=2 (retrospective mentions mark what mattered), an
  off-topic sentence counts less (RELEVANCE), a reference from a chronology in the corpus
  counts CHRONOLOGY_WEIGHT articles, and the publication volume on and just after the day
  adds a little. ``references`` (``dated_sentences``: every sentence with a day-level time
  expression, event-attached or not) add to the counts and the candidates. Each chosen day is
  summarised by the sentences closest to the centroid of its sentences and of the story
  (GLOBAL), with a bonus for hindsight (HINDSIGHT) and for chronology lines (CHRON_BONUS);
  headlines, sentences naming other days, reader comments, fragments and near-copies of
  sentences already shown give way. The shown text drops a leading dateline, bracketed
  asides and a chronology line's own date; quotes stay verbatim.
  A day's score is then divided by (1 + the story's publication rate around it) ** LOCAL_NORM,
  so that a quiet month's key day can outrank the tenth-busiest day of a busy week.
  Options measured and left off (no gain on T17): SPREAD (penalise days near a chosen one),
  REF_CANDIDATES=False;
  tls.py's docstring lists what was tuned on which topics.

  ``summarize(..., date_weights=)`` ranks the days instead by a linear score of
  ``date_features`` (e.g. weights from ``fit_date_weights``, a numpy logistic regression on
  gold dates, as the TLS benchmark does leave-one-topic-out); without it, the default above.

Pure Python + numpy (+ scipy.sparse); no model by default, deterministic.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

from .lang.en import calendar as _cal, time_words as _tw, timeline as en
from .model import Document, Event, EventMention, Span
from .sentences import split as split_sentences
from .settings import SETTINGS
from .text import is_chatter, summary_text

# The linguistic knowledge (stop words, stamp, comment, chronology and chatter patterns) is in
# lang/en/timeline.py; the tuned constants are SETTINGS.timeline, read at call time.

__all__ = ["rank", "select", "summarize", "date_interval", "tfidf", "Tfidf", "score_dates",
           "summarize_date", "date_features", "fit_date_weights", "DATE_FEATURES",
           "dated_sentences"]

# ---------------------------------------------------------------------------------------------
# dates

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def date_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by YYYY, YYYY-MM or YYYY-MM-DD (None for anything else)."""
    if not value:
        return None
    value = value[:10]
    try:
        if (m := _DAY.match(value)):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if (m := _MONTH.match(value)):
            y, mo = int(m[1]), int(m[2])
            first = dt.date(y, mo, 1)
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1)
        if (m := _YEAR.match(value)):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None
    return None


def _day(value: str | None) -> dt.date | None:
    iv = date_interval(value)
    return iv[0] if iv and iv[0] == iv[1] else None


def _as_date(v) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    iv = date_interval(str(v))
    return iv[0] if iv else None


# ---------------------------------------------------------------------------------------------
# text similarity: TF-IDF without a dependency

_WORD = re.compile(en.TOKEN, re.U)


def tokens(text: str) -> list[str]:
    return [w for w in (t.lower() for t in _WORD.findall(text))
            if w not in en.STOPWORDS and len(w) > 1 and not w.isdigit()]


class Tfidf:
    """TF-IDF with sublinear TF and L2-normalised rows (scipy CSR); IDF fitted once."""

    def __init__(self, texts: Sequence[str]):
        df: Counter = Counter()
        for t in texts:
            df.update(set(tokens(t)))
        n = max(1, len(texts))
        words = sorted(df)
        self.vocab = {w: i for i, w in enumerate(words)}
        self.idf = np.array([math.log((1 + n) / (1 + df[w])) + 1.0 for w in words], dtype=np.float64)

    def transform(self, texts: Sequence[str]):
        from scipy.sparse import csr_matrix, diags

        rows, cols, vals = [], [], []
        for r, t in enumerate(texts):
            for w, c in Counter(tokens(t)).items():
                j = self.vocab.get(w)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
                    vals.append((1.0 + math.log(c)) * self.idf[j])
        m = csr_matrix((vals, (rows, cols)), shape=(len(texts), len(self.vocab)), dtype=np.float64)
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return (diags(1.0 / norms) @ m).tocsr()


def tfidf(texts: Sequence[str], vocab_texts: Sequence[str] | None = None):
    """L2-normalised TF-IDF rows for ``texts``; IDF from ``vocab_texts`` (default: the texts)."""
    return Tfidf(texts if vocab_texts is None else vocab_texts).transform(texts)


# ---------------------------------------------------------------------------------------------
# independent sources

def _norm_quote(q: str) -> str:
    return " ".join(tokens(q))


def independent_sources(mentions: Iterable[EventMention],
                        documents: dict[str, Document] | None = None) -> int:
    """How many independent sources report these mentions: documents, where a duplicate
    document counts as its original and the same (repeated) sentence in several documents
    counts once."""
    docs: set[str] = set()
    seen_quotes: set[str] = set()
    for m in mentions:
        doc = m.doc
        if documents and doc in documents and documents[doc].duplicate_of:
            doc = documents[doc].duplicate_of
        if doc in docs:
            continue
        key = _norm_quote(m.quote)
        if key and key in seen_quotes and (m.repeated or len(key) > 20):
            continue  # the same sentence copied from another document
        seen_quotes.add(key)
        docs.add(doc)
    return len(docs)


# ---------------------------------------------------------------------------------------------
# rank

def story_window(events: Sequence[Event], documents: dict[str, Document] | None = None
                 ) -> tuple[dt.date, dt.date] | None:
    """Where the story happens: the span of its publication dates (from the 2nd to the 98th
    percentile once there are enough documents for a stray old or late article not to set
    it), else the central part (10th..90th percentile) of the day-level event dates.

    The timeline, the web axis, the TimelineJS export and the report all use this window
    (through ``Event.background``, set by :func:`rank`): an event that ends well before it is
    history, one that starts well after it a far-off plan or a misdated number, and both are
    shown apart from the story."""
    pubs = []
    if documents:
        pubs = sorted(d for d in (_as_date(doc.published) for doc in documents.values()
                                  if not doc.duplicate_of) if d)
    if pubs:
        q = SETTINGS.timeline.WINDOW_PUB_QUANTILE if len(pubs) >= SETTINGS.timeline.WINDOW_MIN_DOCS else 0.0
        return pubs[int(q * (len(pubs) - 1))], pubs[int(math.ceil((1 - q) * (len(pubs) - 1)))]
    days = sorted(d for d in (_day(e.date) for e in events) if d)
    if not days:
        ivs = sorted(iv[0] for iv in (date_interval(e.date) for e in events) if iv)
        if not ivs:
            return None
        days = ivs
    lo = days[int(0.1 * (len(days) - 1))]
    hi = days[int(math.ceil(0.9 * (len(days) - 1)))]
    return lo, hi


def outside_window(date: str, window: tuple[dt.date, dt.date] | None) -> bool:
    """Whether an event dated ``date`` lies outside the story window (with its margins)."""
    iv = date_interval(date)
    if not (window and iv):
        return False
    st = SETTINGS.timeline
    return (iv[1] < window[0] - dt.timedelta(days=st.BACKGROUND_MARGIN_DAYS)
            or iv[0] > window[1] + dt.timedelta(days=st.AFTER_MARGIN_DAYS))


_TIME_WORDS = frozenset(_cal.MONTHS) | frozenset(_cal.WEEKDAYS) | frozenset(_tw.UNITS) | {
    w + "s" for w in _tw.UNITS} | frozenset(_tw.PARTS_OF_DAY) | {
    "today", "yesterday", "tomorrow", "tonight", "last", "next", "ago", "later", "earlier",
    "said", "says", "told", "year", "years", "time"}


def _focus_relevance(events: Sequence[Event]) -> np.ndarray:
    """How much each event speaks of what the corpus is about: the story's focus words are
    the words most documents use in their own (not repeated) dated sentences -- a page's
    sidebar teasers and other stories are repeated paragraphs, or stand in few documents --
    and an event's relevance is the weight of the focus words in its sentences over the
    median event's (0 when it names none of them)."""
    per_doc: dict[str, set[str]] = defaultdict(set)
    ev_words: list[set[str]] = []
    for e in events:
        # the event's own words are its summary's: a cluster can hold a sentence of another
        # story of the same day, whose words must not make it relevant
        ev_words.append(set(tokens(e.summary)))
        for m in e.sources[:5]:
            if not m.repeated:
                per_doc[m.doc] |= set(tokens(m.quote))
    n_docs = len(per_doc)
    df: Counter = Counter()
    for ws in per_doc.values():
        df.update(ws)
    st = SETTINGS.timeline
    min_df = max(2, int(st.FOCUS_MIN_SHARE * n_docs))
    # time words ("tuesday", "night", "week") stand in every story's dated sentences: no focus
    # ties broken by the word: a set's order changes from one process to the next, and two
    # builds of the same corpus must store the same relevance
    common = [(w, c) for w, c in sorted(df.items(), key=lambda wc: (-wc[1], wc[0]))
              if w not in _TIME_WORDS and len(w) > 2]
    focus = {w: math.log(1 + c) for w, c in common[:st.FOCUS_WORDS] if c >= min_df}
    if not focus:
        return np.ones(len(events))
    # fsum: exact, so the order a set gives the words cannot change the last bit
    raw = np.array([math.fsum(focus.get(w, 0.0) for w in ws) for ws in ev_words])
    pos = raw[raw > 0]
    med = float(np.median(pos)) if len(pos) else 0.0
    return raw / med if med > 0 else np.ones(len(events))


def _topic_hits(texts: Sequence[str], topic: str) -> np.ndarray:
    """Whether each text holds a word of the topic (compared on 5-letter stems, so that
    "protest" finds "protesters")."""
    stems = {w[:5] for w in tokens(topic) if len(w) > 2}
    return np.array([bool(stems & {w[:5] for w in tokens(t)}) for t in texts], dtype=bool)


def rank(events: list[Event], documents: dict[str, Document] | None = None,
         topic: str | None = None) -> list[Event]:
    """Set ``importance`` and ``background`` on every event; return them most important first.

    importance = (1 + log2 independent sources) * (0.5 + centrality) * (1 + burst), where
    centrality is the mean TF-IDF similarity of the event's text to the other events' (the
    story's core events resemble each other) and burst is the share of the corpus's sources
    that report something within a day of the event's date.

    relevance is the weight of the story's focus words in the event's sentences over the
    median event's (``_focus_relevance``: the corpus's own focus); with ``topic`` words,
    an event that names one counts as at least typical and one that names none as at most
    half. Below SETTINGS.timeline.OFF_TOPIC the event is off-topic: another story on the
    page. Importance is scaled by min(1, relevance), so such events do not lead."""
    if not events:
        return []
    n_src = [independent_sources(e.sources, documents) for e in events]
    texts = [" ".join([e.summary] + [m.quote for m in e.sources[:5]]) for e in events]
    if len(events) > 1:
        x = tfidf(texts)
        sim = (x @ x.T).toarray()
        np.fill_diagonal(sim, 0.0)
        w = np.asarray(n_src, dtype=np.float64)
        centrality = (sim @ w) / max(1.0, w.sum())
        if centrality.max() > 0:
            centrality = centrality / centrality.max()
    else:
        centrality = np.ones(1)
    rel = _focus_relevance(events)
    # a handful of articles share too few words for a focus to be told from chance: only
    # their topic words, if any, set events apart
    n_docs = len({m.doc for e in events for m in e.sources})
    judge_topic = n_docs >= SETTINGS.timeline.OFF_TOPIC_MIN_DOCS or bool(topic and topic.strip())
    if topic and topic.strip():
        hits = _topic_hits(texts, topic)
        rel = np.where(hits, np.maximum(rel, 1.0), np.minimum(rel, 0.5))
    # burst: sources per day around each date (day-level dates only)
    per_day: Counter = Counter()
    for e, n in zip(events, n_src):
        if (d := _day(e.date)):
            per_day[d] += n
    total = sum(per_day.values()) or 1
    window = story_window(events, documents)
    for i, e in enumerate(events):
        d = _day(e.date)
        burst = 0.0
        if d:
            burst = sum(per_day.get(d + dt.timedelta(days=k), 0) for k in (-1, 0, 1)) / total
        e.relevance = float(rel[i])
        e.off_topic = bool(judge_topic and rel[i] < SETTINGS.timeline.OFF_TOPIC)
        e.importance = float((1.0 + math.log2(max(1, n_src[i]))) * (0.5 + centrality[i]) * (1.0 + burst)
                             * min(1.0, float(rel[i])))
        e.background = outside_window(e.date, window)
    return sorted(events, key=lambda e: (-e.importance, e.date, e.id))


# ---------------------------------------------------------------------------------------------
# select

def _matches_entity(e: Event, entity: str) -> bool:
    q = entity.casefold().strip()
    names = list(e.actors) + list(e.places) + [m for s in e.sources for m in (s.actors + s.places)]
    names += [v for v in e.attributed_to.values() if v]
    if any(q == n.casefold() or q in n.casefold() for n in names):
        return True
    pat = re.compile(r"\b" + re.escape(q) + r"\b", re.I)
    return bool(pat.search(e.summary) or any(pat.search(s.quote) for s in e.sources))


def select(events: list[Event], top: int | None = None, entity: str | None = None,
           date_from=None, date_to=None, include_background: bool = True,
           by: str = "date", include_off_topic: bool = True) -> list[Event]:
    """Events for display: filtered by entity (id or name, also found in the quotes) and by
    date range (an event is kept when its date interval overlaps [date_from, date_to]), the
    ``top`` most important (by ``importance``), in chronological order, or with
    ``by="importance"`` the most important first."""
    if by not in ("date", "importance"):
        raise ValueError("order must be 'date' or 'importance'")
    lo, hi = _as_date(date_from), date_interval(str(date_to))[1] if date_to else None
    out = []
    for e in events:
        if not include_background and e.background:
            continue
        if not include_off_topic and e.off_topic:
            continue
        if entity and not _matches_entity(e, entity):
            continue
        iv = date_interval(e.date)
        if (lo or hi) and not iv:
            continue
        if lo and iv[1] < lo:
            continue
        if hi and iv[0] > hi:
            continue
        out.append(e)
    if top is not None or by == "importance":
        out = sorted(out, key=lambda e: (-e.importance, e.date, e.id))
        if top is not None:
            out = out[:max(0, top)]
    if by == "importance":
        return out
    return sorted(out, key=lambda e: (date_interval(e.date) or (dt.date.max,))[0:1] + (e.date, -e.importance, e.id))


# ---------------------------------------------------------------------------------------------
# timeline summarisation

# The weights of the date scores and of the summary sentences' scores are SETTINGS.timeline
# (PUB_WEIGHT, LATER_WEIGHT, HINDSIGHT, CHRON_BONUS, HEADLINE_PEN, ...: each with its figure).
# HINDSIGHT: a report written days or months after the date that still names it is a recap of
# what mattered ("On May 6 oil washed ashore ..."), while same-day copy is full of live detail.
_ENDS = re.compile(en.SENTENCE_END)


def _doc_key(m: EventMention, dup_of: dict[str, str] | None) -> str:
    return dup_of.get(m.doc, m.doc) if dup_of else m.doc


def _publication_counts(published: dict[str, str], dup_of: dict[str, str] | None) -> Counter:
    """Articles published per day, duplicates of another document not counted."""
    pubs: Counter = Counter()
    for doc, p in published.items():
        if dup_of and dup_of.get(doc, doc) != doc:
            continue
        if (d := _day(p)):
            pubs[d] += 1
    return pubs


# RELEVANCE: a reference in a sentence less on-topic than the median counts less.
# Why: a corpus gathered for a story also carries other news (a live blog's unrelated
# updates, reader comments, round-ups), and their "Tuesday"s vote for days the story does not
# care about. On T17 (fixed everything else) date F1 0.577 -> 0.588; dev and held-out topics
# both gain, any exponent in 0.5..2 gives most of it.


# STAMPS_VOTE (off): does a time stamp ("Mon Jun 27 , 2011 4:32 pm BST") count as a reference?
# Why not: a page or comment stamp says when something was posted -- the article's own stamp
# is its publication date, counted already; the others date reader comments and the teasers
# of other stories ("MANAMA | Mon Jun 27 , 2011 4:32 pm BST MANAMA (Reuters) - A leader of
# Bahrain's ..." in a Syria corpus), not an event of the story. T17, every timeline: date F1
# 0.596 -> 0.5999 (dev topics 0.687 -> 0.696, the other four 0.529 -> 0.530).
# a clock time, a year, "updated at" and what comes before and after a stamp's day; a
# publishing credit (the page speaking of itself): see lang/en/timeline.py
_CLOCK_IN = re.compile(en.CLOCK)
_YEAR_IN = re.compile(en.YEAR)
_CLOCK_AFTER = re.compile(en.CLOCK_AFTER, re.I)
_CLAUSE_GOES_ON = re.compile(en.CLAUSE_GOES_ON)   # "June 28 , 2011 , witnesses said": prose
_STAMP_AFTER = re.compile(en.STAMP_AFTER, re.I)
_STAMP_BEFORE = re.compile(en.STAMP_BEFORE, re.I)
_CREDIT = re.compile(en.CREDIT, re.I)


def is_stamp(m: EventMention) -> bool:
    """The day is a page or comment time stamp, not a reference in prose: a publishing
    credit (``_CREDIT``), or a full date with a clock time standing outside any clause
    ("MANAMA | Mon Jun 27 , 2011 4:32 pm BST ...", "March 9 , 2011 at 10:31 am | Reply",
    "At 18:55 29th Apr 2009 , X wrote"); "Police moved in at 2:30 a.m. on June 28 , 2011 ,
    witnesses said" is prose."""
    if _CREDIT.match(m.quote):
        return True
    if not m.time or not _YEAR_IN.search(m.time.text):
        return False
    a, b = m.time.start - m.start, m.time.end - m.start
    if a < 0 or b > len(m.quote):
        return False
    before = m.quote[:a]
    if not (_CLOCK_IN.search(m.time.text) or _CLOCK_IN.search(before[-30:])
            or _CLOCK_AFTER.match(m.quote, b, b + 30)):
        return False
    return bool(_STAMP_AFTER.match(m.quote, b) or
                (_STAMP_BEFORE.match(before) and not _CLAUSE_GOES_ON.match(m.quote, b)))


# CHRONOLOGY_WEIGHT: a reference from a chronology counts as this many articles, and a
# document with CHRONOLOGY_LINES sentences opening with a date is one.
# Why: a chronology ("Feb. 26 - The U.N. Security Council imposes sanctions ...", a wire
# factbox, a "key events" box) is an editor's own choice of the days that mattered, made with
# hindsight. T17, every timeline: date F1 0.588 -> 0.598, and both the dev and the other
# topics gain at every weight from 3 to 10 (above 10 the other topics lose).
# a day (and year) opening a line, then a dash, colon or comma: "Feb. 26 -", "* May 6, 2010 :"
_OPENS_WITH_DATE = re.compile(en.OPENS_WITH_DATE)


def chronologies(mentions: Sequence[EventMention],
                 texts: Sequence[str] | None = None,
                 stamps: Sequence[bool] | None = None) -> set[str]:
    """Documents that are (or carry) a chronology: at least CHRONOLOGY_LINES of their dated
    sentences open with a day and a dash or colon ("May 6 - Oil washes ashore ...").
    ``texts``, ``stamps``: the mentions' ``summary_text`` and ``is_stamp``, when the caller
    has them already."""
    if stamps is None:
        stamps = [is_stamp(m) for m in mentions]
    lines: Counter = Counter()
    # a sentence opening with a time stamp (a comment thread's "| September 22 , 2008 7:24 PM
    # | Report abuse ...") is no line of a list, whatever other day it names
    seen: set[tuple[str, int]] = {(m.doc, m.start) for m, st in zip(mentions, stamps) if st}
    for i, m in enumerate(mentions):
        if m.date_how != "explicit" or (m.doc, m.start) in seen:
            continue
        seen.add((m.doc, m.start))
        if _OPENS_WITH_DATE.match(texts[i] if texts is not None else summary_text(m.quote)):
            lines[m.doc] += 1
    return {d for d, n in lines.items() if n >= SETTINGS.timeline.CHRONOLOGY_LINES}


def relevance(mentions: Sequence[EventMention],
              texts: Sequence[str] | None = None) -> np.ndarray:
    """How on-topic each mention's sentence is: TF-IDF cosine to the centroid of all of them,
    divided by the median (so 1.0 is a typical sentence of the story). ``texts``: the
    mentions' ``summary_text``, when the caller has them already."""
    qs = list(texts) if texts is not None else [summary_text(m.quote) for m in mentions]
    if not qs:
        return np.zeros(0)
    x = Tfidf(list(dict.fromkeys(qs))).transform(qs)
    c = np.asarray(x.sum(axis=0)).ravel()
    c = c / (np.linalg.norm(c) or 1.0)
    sims = np.asarray(x @ c).ravel()
    med = float(np.median(sims))
    return sims / med if med > 0 else np.ones(len(qs))


def score_dates(mentions: Sequence[EventMention], published: dict[str, str],
                start=None, end=None, dup_of: dict[str, str] | None = None,
                pub_weight: float | None = None, pub_next_weight: float | None = None,
                rel: Sequence[float] | None = None) -> dict[dt.date, float]:
    """Importance of each day: the number of independent articles with a sentence referring to
    it explicitly (a sentence repeated across articles counts once; an off-topic sentence
    counts less, by ``rel``: see RELEVANCE, computed here when not given), plus a share of the
    number of articles published on it and on the day after."""
    st = SETTINGS.timeline
    # the shown form of each sentence, once: relevance and chronology detection both read it
    need_texts = (rel is None and st.RELEVANCE) or st.CHRONOLOGY_WEIGHT
    texts = [summary_text(m.quote) for m in mentions] if need_texts else None
    if rel is None and st.RELEVANCE:
        rel = relevance(mentions, texts)
    # which sentences are time stamps, once: the votes and chronology detection both read it
    stamps = [is_stamp(m) for m in mentions]
    chron = chronologies(mentions, texts, stamps) if st.CHRONOLOGY_WEIGHT else set()
    pub_weight = st.PUB_WEIGHT if pub_weight is None else pub_weight
    pub_next_weight = st.PUB_NEXT_WEIGHT if pub_next_weight is None else pub_next_weight
    lo, hi = _as_date(start), _as_date(end)
    refs: dict[dt.date, dict[str, float]] = defaultdict(dict)
    seen: dict[dt.date, set[str]] = defaultdict(set)
    # a sentence that names a day in a time stamp does not vote for it, whatever other
    # expression of it resolves to the same day (the stamp's own clock time "at 5:59 pm")
    stamped = set() if st.STAMPS_VOTE else {(_norm_quote(m.quote), _day(m.date))
                                          for m, st in zip(mentions, stamps) if st}
    for i, m in enumerate(mentions):
        if m.date_how != "explicit" or (m.modality == "planned" and not st.PLANNED):
            continue
        d = _day(m.date)
        if not d or (lo and d < lo) or (hi and d > hi):
            continue
        key = _norm_quote(m.quote)
        if key in seen[d] or (key, d) in stamped:
            continue
        seen[d].add(key)
        p = _day(published.get(m.doc))
        w = st.LATER_WEIGHT if p and p > d + dt.timedelta(days=1) else 1.0
        if rel is not None and st.RELEVANCE:
            w *= min(1.0, float(rel[i])) ** st.RELEVANCE
        if m.doc in chron:
            w = max(w, st.CHRONOLOGY_WEIGHT)
        k = _doc_key(m, dup_of)
        refs[d][k] = max(refs[d].get(k, 0.0), w)
    score: dict[dt.date, float] = {d: float(sum(v.values())) for d, v in refs.items()}
    pubs = _publication_counts(published, dup_of)
    for d, n in pubs.items():
        for dd, w in ((d, pub_weight), (d - dt.timedelta(days=1), pub_next_weight)):
            if (lo and dd < lo) or (hi and dd > hi) or not w:
                continue
            score[dd] = score.get(dd, 0.0) + w * n
    return score


DATE_FEATURES = ("score", "refs", "later_refs", "lead_refs", "pub", "pub_next", "position",
                 "position2")


def date_features(mentions: Sequence[EventMention], published: dict[str, str],
                  start=None, end=None, dup_of: dict[str, str] | None = None
                  ) -> tuple[list[dt.date], np.ndarray]:
    """Features of every candidate day in [start, end] (a day some mention is dated to), for a
    learned date ranker (DATEWISE-style): rows follow DATE_FEATURES -- the unsupervised
    ``score_dates`` score, references from distinct articles, references from articles
    published more than a day later, references made in an article's first three sentences,
    articles published on the day and the day after (counts as log1p relative to the story's
    busiest day, so stories of different size compare), and the day's position in the span."""
    lo, hi = _as_date(start), _as_date(end)
    base = score_dates(mentions, published, lo, hi, dup_of)
    refs: dict[dt.date, set] = defaultdict(set)
    later: dict[dt.date, set] = defaultdict(set)
    lead: dict[dt.date, set] = defaultdict(set)
    seen: dict[dt.date, set[str]] = defaultdict(set)
    days: set[dt.date] = set()
    for m in mentions:
        d = _day(m.date)
        if not d or (lo and d < lo) or (hi and d > hi):
            continue
        if m.modality == "planned" and not SETTINGS.timeline.PLANNED:
            continue
        days.add(d)
        if m.date_how != "explicit":
            continue
        key = _norm_quote(m.quote)
        if key in seen[d]:
            continue
        seen[d].add(key)
        k = _doc_key(m, dup_of)
        refs[d].add(k)
        p = _day(published.get(m.doc))
        if p and p > d + dt.timedelta(days=1):
            later[d].add(k)
        if m.sentence_index is not None and m.sentence_index < 3:
            lead[d].add(k)
    pubs = _publication_counts(published, dup_of)
    order = sorted(days)
    if not order:
        return [], np.zeros((0, len(DATE_FEATURES)))
    a, b = lo or order[0], hi or order[-1]
    span = max(1, (b - a).days)
    cols = [[base.get(d, 0.0) for d in order], [len(refs[d]) for d in order],
            [len(later[d]) for d in order], [len(lead[d]) for d in order],
            [pubs.get(d, 0) for d in order], [pubs.get(d + dt.timedelta(days=1), 0) for d in order]]
    x = []
    for c in cols:
        v = np.log1p(np.asarray(c, dtype=np.float64))
        x.append(v - v.max())
    pos = np.array([(d - a).days / span for d in order])
    x += [pos, pos ** 2]
    return order, np.stack(x, axis=1)


def fit_date_weights(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iters: int = 50
                     ) -> np.ndarray:
    """L2-regularised logistic regression (Newton's method, numpy): weights for the columns of
    ``x`` (the intercept is dropped: it does not change a ranking)."""
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    reg = np.full(x1.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x1 @ w, -30, 30)))
        g = x1.T @ (p - y) + reg * w
        h = (x1 * (p * (1 - p))[:, None]).T @ x1 + np.diag(reg + 1e-9)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1]


# a reader comment's header, a breadcrumb or a menu (" | "): not prose
_COMMENT = re.compile(en.COMMENT, re.I)


def _fragment(text: str) -> bool:
    """A piece of a sentence, not one: it opens in lower case ("but Thursday after Tuesday .",
    a splitting leftover) or says too little to stand alone ("It happened on Monday .").
    T17: AR-2 unchanged at 3 content words (4 would cost 0.0003 on the held-out topics)."""
    first = next((c for c in text if c.isalnum()), "")
    return first.islower() or len(tokens(text)) < SETTINGS.timeline.MIN_CONTENT


# DATE_ATTR_PEN: a sentence where the day only dates a thing it mentions gives way.
# "During the conversation, the sides discussed transport under the joint statement signed on
# November 10": the sentence is about the conversation; the day is an attribute of the
# statement, named in passing after a preposition.
_ATTRIBUTE_BEFORE = re.compile(en.ATTRIBUTE_BEFORE)


def date_is_attribute(m: EventMention) -> bool:
    """The mention's day only dates a thing in a prepositional phrase (``DATE_ATTR_PEN``)."""
    if m.time is None:
        return False
    a = m.time.start - m.start
    return 0 < a <= len(m.quote) and bool(_ATTRIBUTE_BEFORE.search(m.quote[max(0, a - 80):a]))


def summarize_date(cands: Sequence[EventMention], k: int, vectors=None, centroid=None,
                   keywords: Sequence[str] | None = None,
                   ages: Sequence[float] | None = None, avoid=None,
                   other_days: Sequence[bool] | None = None) -> list[EventMention]:
    """k sentences for one date: closest to the centroid of the date's sentences, with a
    HINDSIGHT bonus by ``ages`` (days from the date to each sentence's publication), skipping
    near-duplicates of those already chosen."""
    if not cands or k <= 0:
        return []
    st = SETTINGS.timeline
    x = vectors if vectors is not None else tfidf([m.quote for m in cands])
    c = np.asarray(x.sum(axis=0)).ravel() if centroid is None else centroid
    nc = np.linalg.norm(c)
    if nc == 0:
        return list(cands[:k])
    scores = np.asarray(x @ (c / nc)).ravel()
    if ages is not None and st.HINDSIGHT:
        scores = scores + st.HINDSIGHT * np.log1p(np.maximum(0.0, np.asarray(ages, dtype=np.float64)))
    if keywords:
        kw = [re.compile(r"\b" + re.escape(w) + r"\b", re.I) for w in keywords if w.strip()]
        if kw:
            has = np.array([any(p.search(m.quote) for p in kw) for m in cands], dtype=float)
            if has.sum() >= k:  # prefer sentences on the topic, when there are enough
                scores = scores + st.KEYWORD_BONUS * has
    texts = [summary_text(m.quote) for m in cands]
    lens = np.array([len(t.split()) for t in texts])
    ok = (lens >= st.MIN_TOKENS) & (lens <= st.MAX_TOKENS)
    ok &= np.array([not _COMMENT.search(t) and not (st.CHATTER and is_chatter(t)) and
                    not _fragment(t) for t in texts])
    scores = np.where(ok, scores, scores - 1.0)
    if st.CHRON_BONUS:
        scores = scores + st.CHRON_BONUS * np.array([bool(_OPENS_WITH_DATE.match(t)) for t in texts])
    if st.HEADLINE_PEN:
        scores = scores - st.HEADLINE_PEN * np.array([not _ENDS.search(t) for t in texts])
    if other_days is not None and st.OTHER_DAY_PEN:
        scores = scores - st.OTHER_DAY_PEN * np.asarray(other_days, dtype=np.float64)
    if st.DATE_ATTR_PEN:
        scores = scores - st.DATE_ATTR_PEN * np.array([date_is_attribute(m) for m in cands])
    order = sorted(range(len(cands)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    for rank, i in enumerate(order):
        if len(chosen) >= k:
            break
        if chosen:
            sims = (x[chosen] @ x[i].T).toarray().ravel()
            if sims.max() > st.REDUNDANCY:
                continue
        if avoid is not None and avoid.shape[0] and (avoid @ x[i].T).toarray().max() > st.REDUNDANCY:
            if len(order) - rank > k - len(chosen):   # only while others are left
                continue
        chosen.append(i)
    return [cands[i] for i in chosen]


# LOCAL_NORM: divide a day's score by (1 + its neighbourhood's mean volume) ** LOCAL_NORM,
# the neighbourhood being +-LOCAL_DAYS days.
# Why: coverage is bursty (LibyaWar has hundreds of articles a week in March 2011 and a few in
# July), and votes grow with coverage, so without it a long story's timeline crowds into its
# busiest weeks, while an editor's timeline spreads over the story. Measured on T17 once the
# votes were clean of time stamps and comments (before that it gave nothing): date F1 over
# the 19 timelines, for LOCAL_NORM 0.15..0.3 x LOCAL_DAYS 10..20, is 0.602..0.607 at every
# point (0.59995 without); the dev topics gain at every point (0.696 -> 0.703..0.716), the
# other four move by -0.007..+0.004 (0.530 -> 0.523..0.534). 0.25 x 15 is the middle of that
# grid, not its best dev point (0.25 x 10); 0.1 gives nothing, 0.5 starts to lose.


def _local_normalise(scores: dict[dt.date, float], published: dict[str, str],
                     dup_of: dict[str, str] | None, power: float, days: int
                     ) -> dict[dt.date, float]:
    """A day's score relative to the story's coverage around it (articles published per day
    within +-``days``): a long story has quiet and busy periods, and a date that many of the
    few articles of a quiet period refer to matters as much as one in a busy period."""
    if not power or not scores:
        return scores
    pubs = _publication_counts(published, dup_of)
    if not pubs:
        return scores
    lo = min(min(scores), min(pubs))
    n = (max(max(scores), max(pubs)) - lo).days + 1
    v = np.zeros(n)
    for d, x in pubs.items():
        v[(d - lo).days] = x
    c = np.concatenate([[0.0], np.cumsum(v)])
    out = {}
    for d, x in scores.items():
        i = (d - lo).days
        a, b = max(0, i - days), min(n, i + days + 1)
        rate = (c[b] - c[a]) / (b - a)
        out[d] = x / ((1.0 + rate) ** power)
    return out


def choose_dates(scores: dict[dt.date, float], n: int, allowed=None, spread: float | None = None,
                 penalty: float | None = None) -> list[dt.date]:
    """The ``n`` best days; with ``spread``, greedily, a day within ``spread x span / n`` days
    of an already chosen one has its score multiplied by ``penalty`` for each such neighbour
    (a long story's timeline covers its whole span, not one burst)."""
    spread = SETTINGS.timeline.SPREAD if spread is None else spread
    penalty = SETTINGS.timeline.SPREAD_PENALTY if penalty is None else penalty
    days = [d for d in sorted(scores, key=lambda d: (-scores[d], d)) if allowed is None or allowed(d)]
    if not spread or n <= 1 or len(days) <= n:
        return days[:n]
    span = (max(days) - min(days)).days + 1
    k = int(spread * span / n)
    if k < 1:
        return days[:n]
    chosen: list[dt.date] = []
    near: Counter = Counter()       # day -> how many chosen days are within k
    import heapq
    heap = [(-scores[d], d, 0) for d in days]
    heapq.heapify(heap)
    while heap and len(chosen) < n:
        neg, d, seen = heapq.heappop(heap)
        if near[d] != seen:         # stale: re-score with the current neighbours
            heapq.heappush(heap, (-scores[d] * penalty ** near[d], d, near[d]))
            continue
        chosen.append(d)
        for j in range(-k, k + 1):
            if j:
                near[d + dt.timedelta(days=j)] += 1
    return chosen


def summarize(mentions: Sequence[EventMention], published: dict[str, str], n_dates: int,
              per_date: int, start=None, end=None, keywords: Sequence[str] | None = None,
              dup_of: dict[str, str] | None = None,
              references: Sequence[EventMention] | None = None,
              date_weights: Sequence[float] | dict[str, float] | None = None
              ) -> list[tuple[str, list[EventMention]]]:
    """Timeline summarisation: the ``n_dates`` most important days in [start, end] and
    ``per_date`` summary sentences for each, chronologically: [(YYYY-MM-DD, [mention, ...])].

    ``mentions`` are dated candidate sentences (EventMention: date, date_how, quote, doc);
    ``published`` maps document id to its publication date. ``references`` (optional) are
    more dated sentences -- every sentence with a day-level time expression, whether or not
    an event was attached to it -- used for the date scores and as summary candidates.
    ``date_weights`` (optional: one per DATE_FEATURES, or {feature name: weight}, e.g. from
    ``fit_date_weights``) rank the days by a learned linear score of ``date_features`` instead
    of ``score_dates``; without it the ranking is unsupervised and deterministic."""
    st = SETTINGS.timeline
    lo, hi = _as_date(start), _as_date(end)
    pool = list(mentions) + list(references or [])
    if date_weights is not None:
        days, feats = date_features(pool, published, lo, hi, dup_of)
        if isinstance(date_weights, dict):
            date_weights = [date_weights.get(f, 0.0) for f in DATE_FEATURES]
        sc = feats @ np.asarray(date_weights, dtype=np.float64) if days else []
        scores = {d: float(v) for d, v in zip(days, sc)}
    else:
        scores = score_dates(pool, published, lo, hi, dup_of)
        scores = _local_normalise(scores, published, dup_of, st.LOCAL_NORM, st.LOCAL_DAYS)
    # candidate sentences per day: those referring to it explicitly, and, for a day with
    # little explicit reference, the publication-dated leads of its articles
    by_day: dict[dt.date, list[EventMention]] = defaultdict(list)
    pub_day: dict[dt.date, list[EventMention]] = defaultdict(list)
    for m in (pool if st.REF_CANDIDATES else mentions):
        d = _day(m.date)
        if not d or (lo and d < lo) or (hi and d > hi):
            continue
        if m.modality == "planned" and not st.PLANNED:
            continue
        (by_day if m.date_how == "explicit" else pub_day)[d].append(m)
    if not st.REF_CANDIDATES:   # a date found only by the references: their sentences
        extra: dict[dt.date, list[EventMention]] = defaultdict(list)
        for m in references or []:
            d = _day(m.date)
            if d and (not lo or d >= lo) and (not hi or d <= hi):
                extra[d].append(m)
        for d, ms in extra.items():
            if not by_day.get(d) and not pub_day.get(d):
                for m in ms:
                    (by_day if m.date_how == "explicit" else pub_day)[d].append(m)
    chosen_days = choose_dates(scores, n_dates, lambda d: bool(by_day.get(d) or pub_day.get(d)))
    if not chosen_days:
        return []
    # IDF over every candidate sentence of the story, so story-wide words weigh little
    allq = list({summary_text(m.quote): None for m in pool}.keys())
    vec = Tfidf(allq)
    story = None
    if st.GLOBAL:
        pooled = [summary_text(m.quote) for d in chosen_days for m in by_day.get(d, [])]
        sx = vec.transform(list(dict.fromkeys(pooled)))
        story = np.asarray(sx.sum(axis=0)).ravel()
        story = story / (np.linalg.norm(story) or 1.0)
    out = []
    # the most important days pick first; a sentence that repeats one already shown for
    # another day gives way (a recap names several days, and copies of it would fill them)
    days_of: dict[str, set] = defaultdict(set)     # the days each sentence names
    for m in pool:
        if m.date_how == "explicit" and (dd := _day(m.date)):
            days_of[_norm_quote(m.quote) or m.quote].add(dd)
    shown = []
    for d in sorted(chosen_days, key=lambda d: (-scores.get(d, 0.0), d)):
        cands = list(by_day.get(d, []))
        if st.LEADS == "always" or (st.LEADS == "fallback" and not cands):
            cands += pub_day.get(d, [])
        # one copy per distinct sentence (first seen); the others weigh on the centroid
        uniq: dict[str, EventMention] = {}
        weight: Counter = Counter()
        for m in cands:
            key = _norm_quote(m.quote) or m.quote
            uniq.setdefault(key, m)
            weight[key] += 1
        keys = list(uniq)
        cands = [uniq[q] for q in keys]
        x = vec.transform([summary_text(m.quote) for m in cands])
        w = np.array([weight[q] for q in keys], dtype=np.float64) if st.WEIGHTED else np.ones(len(keys))
        centroid = np.asarray(x.T @ w).ravel()
        if st.GLOBAL and story is not None:
            c = centroid / (np.linalg.norm(centroid) or 1.0)
            centroid = c + st.GLOBAL * story
        ages = []
        for m in cands:
            p = _day(published.get(m.doc))
            ages.append((p - d).days if p else 0)
        avoid = None
        if st.CROSS_DATE and shown:
            from scipy.sparse import vstack
            avoid = vstack(shown).tocsr()
        other = [len(days_of.get(_norm_quote(m.quote) or m.quote, ())) > 1 for m in cands]
        picked = summarize_date(cands, per_date, x, centroid, keywords=keywords, ages=ages,
                                other_days=other,
                                avoid=avoid)
        if st.CROSS_DATE and picked:
            pos = {id(m): i for i, m in enumerate(cands)}
            shown.append(x[[pos[id(m)] for m in picked]])
        out.append((d.isoformat(), picked))
    return sorted(out)


# ---------------------------------------------------------------------------------------------
# references: every dated sentence of a document

def __getattr__(name: str):
    # benchmarks/tls.py keys its candidate cache on ``dateline.timeline.LEAD_SENTENCES``: the
    # setting, read through (SETTINGS.timeline.LEAD_SENTENCES is the one value)
    if name == "LEAD_SENTENCES":
        return SETTINGS.timeline.LEAD_SENTENCES
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def dated_sentences(doc: Document, leads: int | None = None) -> list[EventMention]:
    """Every sentence of ``doc`` with a day-level time expression (one mention per
    expression, ``date_how="explicit"``, the expression's span in ``time``), and its first
    ``leads`` sentences without one (default SETTINGS.timeline.LEAD_SENTENCES), dated by
    publication (``date_how="publication"``).

    These are the ``references`` of ``summarize``: whether or not an event was attached to
    it, a sentence that names a day is a vote for that day, and a candidate summary of it."""
    if leads is None:
        leads = SETTINGS.timeline.LEAD_SENTENCES
    spans = split_sentences(doc.text, doc.paragraphs)
    starts = [s for s, _ in spans]
    out: list[EventMention] = []
    dated: set[int] = set()
    for t in doc.times:
        if t.type not in ("DATE", "TIME") or t.role == "publication":
            continue
        v = t.value[:10]
        iv = date_interval(v)
        if not iv or iv[0] != iv[1]:
            continue
        i = bisect_right(starts, t.start) - 1
        if i < 0 or t.start >= spans[i][1]:
            continue
        s, e = spans[i]
        dated.add(i)
        out.append(EventMention(doc=doc.id, start=s, end=e, quote=doc.text[s:e], trigger=None,
                                date=v, date_how="explicit", sentence_index=i,
                                time=Span(text=t.text, start=t.start, end=t.end)))
    if doc.published and _day(doc.published):
        for i, (s, e) in enumerate(spans[:leads]):
            if i not in dated:
                out.append(EventMention(doc=doc.id, start=s, end=e, quote=doc.text[s:e],
                                        trigger=None, date=doc.published[:10],
                                        date_how="publication", sentence_index=i))
    return out
